"""The facts of one enterprise for one tax year: the input of the annual computation.

:class:`EnterpriseYear` is a plain, typed, validated record (``Decimal`` yuan,
``datetime.date``, ``str`` codes, tuples).  Build it in code, or from a parsed
TOML / JSON table with :meth:`EnterpriseYear.from_mapping`; the field names are
the same.  Every field is checked when the record is made, and an error names
the field with its path (``equipment[1].cost``).

A file, e.g. TOML::

    year = 2018
    profit = "2600000"
    adjustments = "50000"
    industry = "manufacturing"
    hnte_certificates = [{ number = "GR201713000456", first = 2017-10-27, last = 2020-10-26 }]
    losses = [{ year = 2016, amount = "300000" }]

    [[quarters]]
    employees_start = 120
    employees_end = 124
    assets_start = "42000000"
    assets_end = "43000000"
    # … one table per quarter operated

    [rd]
    projects = [{ name = "P1", personnel = "900000", direct_inputs = "300000", other = "150000" }]

    [[equipment]]
    name = "CNC lathe"
    cost = "1800000"
    kind = "machinery"
    acquired_on = 2018-03-12
    in_use = 2018-04-02
    book_depreciation = "128250"

Fields
------
``year``
    the tax year.
``profit``
    利润总额, the accounting profit of the year (negative for a loss).
``adjustments``
    other net tax adjustments (纳税调整增加额 − 减少额), signed, not counting the
    listed equipment (whose adjustment is computed) nor the R&D super-deduction.
``industry``, ``main_business_share``
    the main business (a code of :data:`taxcalc.eit.INDUSTRIES`) and its share
    of income (default 100%): for the R&D negative list and manufacturer status
    and, before 2019, the 工业企业 caps of small low-profit enterprises.
``industrial``
    override of 工业企业 (default: mining, manufacturing or utilities).
``restricted``
    the enterprise is in a restricted or prohibited industry.
``hnte_certificates``
    :class:`~taxcalc.eit.HnteCertificate` rows: the high-tech certificates
    (number, first and last day valid), a renewal being the next certificate.
    The years of the 15% rate, of the loss carry-forward and of the 2022 Q4
    equipment rule are worked out from them, each by its own rule
    (:mod:`taxcalc.eit.qualifications`): a certificate valid 2017-10-27 –
    2020-10-26 and not renewed gives the 15% rate in 2017–2019, and the loss
    qualification years 2017–2020.
``hnte_years``
    years in which the enterprise is taken to be a high and new technology
    enterprise for every purpose (the rate, the losses, the 2022 Q4 equipment),
    in addition to those of ``hnte_certificates``: for years before 2017, which
    the certificate rules do not cover, or where no certificate is given.
``tech_sme_registrations``, ``tech_sme_years``
    :class:`~taxcalc.eit.TechSmeRegistration` rows (the year the registration
    number states, and the number), and years given directly: together, the
    years in which the enterprise is a technology-based SME (科技型中小企业).
``tase_years``
    the years in which it is a technology-advanced service enterprise.
``ic_machine``
    on the list of integrated-circuit or industrial mother-machine enterprises.
``quarters`` or ``employees`` and ``assets``
    the small low-profit size tests: quarterly figures (from 2017), or the
    year's averages.  Required when the small low-profit relief could apply.
``opened``, ``closed``
    the opening / closing day when inside the year.
``rd``
    :class:`~taxcalc.eit.RdFacts`: R&D projects, intangibles, the 2022 Q4 choice.
``equipment``
    :class:`~taxcalc.eit.Equipment` rows: every asset whose tax treatment the
    computation should work out for the year (its book depreciation included).
``losses``
    :class:`~taxcalc.eit.Loss` rows: the unused losses brought forward, by
    origin year.
``loss_extension``
    mark of this year's own loss: ``"hardship"`` or ``"film"`` (2020 only).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from ..errors import InvalidInput
from ..money import DateLike, MoneyLike
from ._common import (
    INDUSTRIAL,
    amount,
    as_share,
    build,
    build_all,
    check,
    checked,
    flag,
    industry_arg,
    months_operated,
    one_of,
    optional,
    optional_date,
    rows,
    setattrs,
    signed_amount,
    tax_year,
    years,
)
from .equipment import Equipment
from .losses import EXTENSIONS, Loss
from .qualifications import (
    HnteCertificate,
    TechSmeRegistration,
    _q4_years,
    _rate_years,
    _validity_years,
)
from .rd_super_deduction import NO_RD, RdFacts
from .small_profit import Quarter, _averages, _quarters_operated

__all__ = ["EnterpriseYear"]

_ZERO = Decimal(0)
_ONE = Decimal(1)


def _rd(value: object, where: str) -> RdFacts:
    if isinstance(value, RdFacts):
        return value
    return RdFacts.from_mapping(value, where)


def _losses(value: object, where: str) -> tuple[Loss, ...]:
    return tuple(sorted(build_all(Loss, value, where), key=lambda x: x.year))


def _industrial(e: EnterpriseYear) -> None:
    if e.industrial is None:  # 工业企业 by default: mining, manufacturing or utilities
        object.__setattr__(e, "industrial", e.industry in INDUSTRIAL)


def _days(e: EnterpriseYear) -> None:
    months_operated(e.year, e.opened, e.closed)  # checks the days against the year


def _size_given(e: EnterpriseYear) -> None:
    employees, assets = e.employees, e.assets
    if e.quarters and (employees is not None or assets is not None):
        raise InvalidInput("quarters", "give either quarters or the annual averages (employees, assets), not both")
    if (employees is None) != (assets is None):
        raise InvalidInput("employees" if employees is None else "assets",
                           "give both annual averages (employees and assets), or quarters")


def _made_once(e: EnterpriseYear) -> None:
    """The checks across the losses and quarters, and the fields made once from the others."""
    y = e.year
    seen: set[int] = set()
    for loss in e.losses:
        if loss.year >= y:
            raise InvalidInput("losses", f"a loss brought into {y} must arise before it (got {loss.year})")
        if loss.year in seen:
            raise InvalidInput("losses", f"two losses of {loss.year}; give one amount per year")
        seen.add(loss.year)
    quarters = e.quarters
    if quarters:
        expected = _quarters_operated(months_operated(y, e.opened, e.closed))
        if len(quarters) != expected:
            raise InvalidInput("quarters", f"the enterprise operated in {expected} quarter(s) of {y}; "
                               f"give one row for each (got {len(quarters)})")
    employees, assets = e.employees, e.assets
    size = _averages(quarters) if quarters else (None if employees is None or assets is None
                                                  else (employees, assets))
    certs = e.hnte_certificates
    explicit = e.hnte_years  # sorted, each year once
    rate_years = loss_years = q4_years = explicit
    if certs:
        rate_years = tuple(sorted(set(explicit).union(_rate_years(certs))))
        loss_years = tuple(sorted(set(explicit).union(_validity_years(certs))))
        q4_years = tuple(sorted(set(explicit).union(_q4_years(certs))))
    sme = e.tech_sme_years
    if e.tech_sme_registrations:
        sme = tuple(sorted(set(sme).union(r.year for r in e.tech_sme_registrations)))
    setattrs(e, size=size, hnte_rate_years=rate_years, hnte_loss_years=loss_years, hnte_q4_years=q4_years,
             tech_sme_qualified_years=sme, qualified=tuple(sorted(set(loss_years).union(sme))) if sme else loss_years)


@checked(
    ("year", tax_year), ("industry", industry_arg), ("industrial", optional(flag)), _industrial,
    ("opened", optional_date), ("closed", optional_date), _days,
    ("quarters", rows(Quarter)), ("employees", optional(amount)), ("assets", optional(amount)), _size_given,
    ("profit", signed_amount), ("adjustments", signed_amount), ("main_business_share", as_share), ("restricted", flag),
    ("hnte_years", years), ("tech_sme_years", years), ("tase_years", years), ("ic_machine", flag), ("rd", _rd),
    ("equipment", rows(Equipment)), ("losses", _losses), ("loss_extension", one_of(EXTENSIONS)),
    ("hnte_certificates", rows(HnteCertificate)), ("tech_sme_registrations", rows(TechSmeRegistration)),
    _made_once,
)
@dataclass(frozen=True, slots=True)
class EnterpriseYear:
    """One enterprise's facts for one tax year (see the module notes for each field)."""

    year: int
    profit: Decimal
    adjustments: Decimal = _ZERO
    industry: str = "other"
    main_business_share: Decimal = _ONE
    industrial: bool | None = None
    restricted: bool = False
    hnte_years: tuple[int, ...] = ()
    tech_sme_years: tuple[int, ...] = ()
    tase_years: tuple[int, ...] = ()
    ic_machine: bool = False
    quarters: tuple[Quarter, ...] = ()
    employees: Decimal | None = None
    assets: Decimal | None = None
    opened: _dt.date | None = None
    closed: _dt.date | None = None
    rd: RdFacts = NO_RD
    equipment: tuple[Equipment, ...] = ()
    losses: tuple[Loss, ...] = ()
    loss_extension: str = ""
    hnte_certificates: tuple[HnteCertificate, ...] = ()
    tech_sme_registrations: tuple[TechSmeRegistration, ...] = ()
    #: The year's averages of employees and total assets, from ``quarters`` or as
    #: given (computed once, when the record is made); ``None`` when not given.
    size: tuple[Decimal, Decimal] | None = field(init=False, repr=False, compare=False)
    #: Years of the 15% rate of a high-tech enterprise: ``hnte_years`` and the years on whose
    #: 31 December a certificate is valid (国家税务总局公告2017年第24号 一; made once).
    hnte_rate_years: tuple[int, ...] = field(init=False, repr=False, compare=False)
    #: High-tech qualification years for the loss carry-forward: ``hnte_years`` and every year
    #: a certificate is valid in (国家税务总局公告2018年第45号 二; made once).
    hnte_loss_years: tuple[int, ...] = field(init=False, repr=False, compare=False)
    #: Years in whose fourth quarter the enterprise is a high-tech enterprise on some day:
    #: ``hnte_years`` and the certificates' (2022年第28号 一; made once).
    hnte_q4_years: tuple[int, ...] = field(init=False, repr=False, compare=False)
    #: Technology-based SME years: ``tech_sme_years`` and the registrations' years (made once).
    tech_sme_qualified_years: tuple[int, ...] = field(init=False, repr=False, compare=False)
    #: ``hnte_loss_years`` and ``tech_sme_qualified_years`` together: the years that extend losses (made once).
    qualified: tuple[int, ...] = field(init=False, repr=False, compare=False)

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, year: int, profit: MoneyLike, adjustments: MoneyLike = ..., *, industry: str = ...,
            main_business_share: MoneyLike = ..., industrial: bool | None = ..., restricted: bool = ...,
            hnte_years: Iterable[int] = ..., tech_sme_years: Iterable[int] = ...,
            tase_years: Iterable[int] = ..., ic_machine: bool = ...,
            quarters: Iterable[Quarter | Mapping[str, object]] = ..., employees: MoneyLike | None = ...,
            assets: MoneyLike | None = ..., opened: DateLike | None = ..., closed: DateLike | None = ...,
            rd: RdFacts | Mapping[str, object] = ...,
            equipment: Iterable[Equipment | Mapping[str, object]] = ...,
            losses: Iterable[Loss | Mapping[str, object]] = ..., loss_extension: str = ...,
            hnte_certificates: Iterable[HnteCertificate | Mapping[str, object]] = ...,
            tech_sme_registrations: Iterable[TechSmeRegistration | Mapping[str, object]] = ...) -> None: ...

    def __post_init__(self) -> None:
        check(self)

    @classmethod
    def from_mapping(cls, data: object, where: str = "") -> EnterpriseYear:
        """Build from a parsed TOML / JSON table (field names as in the module notes).

        >>> e = EnterpriseYear.from_mapping({"year": 2018, "profit": "800000", "employees": 50,
        ...                                  "assets": "8000000", "losses": [{"year": 2016, "amount": "1000"}]})
        >>> e.losses[0].amount, e.industrial
        (Decimal('1000'), False)
        """
        return build(cls, data, where, first=("rd",))


"""Qualification years (资格年度): one high-tech certificate, read differently by each rule that asks.

The rule
--------
A high and new technology enterprise (高新技术企业) holds a certificate
(高新技术企业证书) valid from its issue date (发证时间) for a stated period; a
technology-based SME (科技型中小企业) holds a registration number (入库登记编号)
for a stated year.  Three rules ask in which tax years the enterprise was
qualified, and they do not give the same answer:

* **the 15% rate** (企业所得税法 第二十八条第二款; 国家税务总局公告2017年第24号 一): the
  enterprise declares the rate "自高新技术企业证书注明的发证时间所在年度起"; in the
  year its qualification lapses (资格期满当年) it prepays at 15% while it seeks
  re-recognition, and "在年底前仍未取得高新技术企业资格的，应按规定补缴相应期间的税款".
  So the rate applies to tax year ``Y`` when the enterprise holds a valid
  certificate on 31 December of ``Y``: the year of issue counts, the year of an
  unrenewed lapse does not, and a renewal is simply the next certificate;
* **the 10-year loss carry-forward** (财税〔2018〕76号 一; 国家税务总局公告2018年第45号 二): a
  high-tech enterprise's qualification years are "证书注明的有效期所属年度" — every
  year in which the certificate is valid on at least one day, the year it lapses
  in included, renewed or not; a technology-based SME's is "入库登记编号注明的年度";
* **the 2022 Q4 equipment rule** (2022年第28号 一): "凡在2022年第四季度内具有高新技术企业
  资格的企业" — a certificate valid on at least one day of October–December.

A certificate valid 2017-10-27 – 2020-10-26 and not renewed gives the 15% rate
in 2017, 2018 and 2019 (2020 is taxed at 25%), and the loss qualification years
2017, 2018, 2019 and 2020.

Keys read
---------
``eit.hnte.rate_years`` (24号 一, on ``Y-12-31``), read for a year in which a
certificate is issued or lapses — a year a certificate covers in full needs no
rule beyond 第二十八条; ``eit.losses.qualification_year.hnte`` and ``.tech_sme``
(45号 二, on ``Q-12-31``), read to explain a qualification year ``Q`` that
extends a loss.  Each holds the name of the reading (``held_on_year_end``,
``valid_in_year``, ``registration_number_year``); the year sets themselves are
worked out from the certificates alone.

Choices
-------
* Tax years before 2017, when 国税函〔2009〕203号 and 国家税务总局公告2011年第4号
  governed, are not encoded: a certificate issued or lapsing in such a year is
  outside the coverage of ``eit.hnte.rate_years``; give those years as
  ``hnte_years`` of :class:`~taxcalc.eit.EnterpriseYear` instead.
* A qualification withdrawn after a review (取消资格, 24号 二) is not modelled.
* The registration number's year is given as a number (``year``); the number
  itself is only shown.

>>> c = HnteCertificate("GR201713000456", "2017-10-27", "2020-10-26")
>>> hnte_rate_years([c]), hnte_validity_years([c])
((2017, 2018, 2019), (2017, 2018, 2019, 2020))
>>> r = qualification_year(2020, certificates=[c])
>>> r.hnte_rate, r.hnte_losses
(False, True)
>>> print(r.explain("en"))
1. high-tech 15% rate this year (high-tech certificate GR201713000456 (2017-10-27 – 2020-10-26) lapsed on 2020-10-26, not renewed by the year's end; tax prepaid at 15% is made up): no [国家税务总局公告2017年第24号 一]
2. 2020 a qualification year for the loss carry-forward (high-tech certificate GR201713000456 (2017-10-27 – 2020-10-26) valid in 2020): yes [国家税务总局公告2018年第45号 二]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..errors import InvalidInput, NotInForce, OutsideCoverage
from ..explain import Citation, Explained, Step
from ..inputs import Date, Rows, Text, Year, record, take
from ..law import Law, LawValue
from ..money import DateLike
from ._common import tax_year, the_law, year_end

__all__ = [
    "HnteCertificate",
    "QualificationYear",
    "TechSmeRegistration",
    "hnte_q4_years",
    "hnte_rate_years",
    "hnte_validity_years",
    "qualification_year",
    "registration_years",
]

_RATE_RULE = "held_on_year_end"
_HNTE_LOSS_RULE = "valid_in_year"
_SME_LOSS_RULE = "registration_number_year"


@record(checked=True)
class HnteCertificate:
    """A high and new technology enterprise certificate (高新技术企业证书).

    ``number`` the certificate number (证书编号, e.g. ``GR201713000456``);
    ``first`` its issue date (发证时间), the first day it is valid; ``last`` the
    last day it is valid.  A renewal (重新认定) is another certificate.  File
    fields: those names (dates as ``YYYY-MM-DD``).
    """

    number: Annotated[str, Text("the certificate number (证书编号), e.g. `GR201713000456`")]
    first: Annotated[_dt.date, Date("its issue date (发证时间), the first day it is valid")]
    last: Annotated[_dt.date, Date("the last day it is valid")]

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, number: str, first: DateLike, last: DateLike) -> None: ...

    def checks(self) -> Iterator[tuple[str, str]]:
        """last is not before first."""
        if self.last < self.first:
            yield "last", f"{self.last} is before the issue date {self.first}"

    @classmethod
    def from_mapping(cls, data: object, where: str = "certificate") -> HnteCertificate:
        """Build from a table with the field names above."""
        return take(cls, data, where)

    def valid_in(self, year: int) -> bool:
        """Whether the certificate is valid on at least one day of ``year``."""
        return self.first.year <= year <= self.last.year

    def held_on(self, day: _dt.date) -> bool:
        """Whether the certificate is valid on ``day``."""
        return self.first <= day <= self.last

    def described(self, lang: str = "zh") -> str:
        """``高新技术企业证书GR…（2017-10-27至2020-10-26）`` / ``high-tech certificate GR… (… – …)``."""
        if lang == "zh":
            return f"高新技术企业证书{self.number}（{self.first}至{self.last}）"
        number = f" {self.number}" if self.number else ""
        return f"high-tech certificate{number} ({self.first} – {self.last})"


@record(checked=True)
class TechSmeRegistration:
    """A technology-based SME registration (科技型中小企业入库登记编号).

    ``year`` is the year the registration number states (入库登记编号注明的年度);
    ``number`` the number itself (shown only).  File fields: ``year``, ``number``.
    """

    year: Annotated[int, Year("the year the registration number states (入库登记编号注明的年度)")]
    number: Annotated[str, Text("the registration number (shown only)")] = ""

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, year: int, number: str = ...) -> None: ...

    @classmethod
    def from_mapping(cls, data: object, where: str = "registration") -> TechSmeRegistration:
        """Build from a table with the field names above."""
        return take(cls, data, where)


@dataclass(frozen=True, slots=True)
class QualificationYear(Explained):
    """What the certificates and registrations make of one tax year.

    ``hnte_rate``: the 15% rate of a high-tech enterprise is available (24号 一);
    ``hnte_losses``: a high-tech qualification year for the loss carry-forward
    (45号 二); ``hnte_q4``: a certificate valid on some day of October–December
    (2022年第28号 一); ``tech_sme``: the year of a registration number (45号 二).
    """

    year: int
    hnte_rate: bool
    hnte_losses: bool
    hnte_q4: bool
    tech_sme: bool
    steps: tuple[Step, ...]


_CERTIFICATES = Rows("high-tech enterprise certificates", HnteCertificate)
_REGISTRATIONS = Rows("technology-based SME registrations", TechSmeRegistration)


def _certificates(value: object, where: str = "certificates") -> tuple[HnteCertificate, ...]:
    return _CERTIFICATES.take(value, where)  # type: ignore[no-any-return]


def _registrations(value: object, where: str = "registrations") -> tuple[TechSmeRegistration, ...]:
    return _REGISTRATIONS.take(value, where)  # type: ignore[no-any-return]


def _rate_years(certs: tuple[HnteCertificate, ...]) -> tuple[int, ...]:
    out: set[int] = set()
    for c in certs:
        out.update(y for y in range(c.first.year, c.last.year + 1) if c.last >= year_end(y))
    return tuple(sorted(out))


def _validity_years(certs: tuple[HnteCertificate, ...]) -> tuple[int, ...]:
    return tuple(sorted({y for c in certs for y in range(c.first.year, c.last.year + 1)}))


def _q4_years(certs: tuple[HnteCertificate, ...]) -> tuple[int, ...]:
    out: set[int] = set()
    for c in certs:
        out.update(y for y in range(c.first.year, c.last.year + 1) if c.last >= _dt.date(y, 10, 1))
    return tuple(sorted(out))


def hnte_rate_years(certificates: Iterable[HnteCertificate]) -> tuple[int, ...]:
    """The tax years of the 15% rate: those on whose 31 December a certificate is valid (24号 一).

    >>> old = HnteCertificate("GR201513000001", "2015-11-20", "2018-11-19")
    >>> hnte_rate_years([old])
    (2015, 2016, 2017)
    >>> hnte_rate_years([old, HnteCertificate("GR201813000002", "2018-11-30", "2021-11-29")])
    (2015, 2016, 2017, 2018, 2019, 2020)
    """
    return _rate_years(_certificates(certificates))


def hnte_validity_years(certificates: Iterable[HnteCertificate]) -> tuple[int, ...]:
    """The qualification years for the loss carry-forward: each year a certificate is valid in (45号 二).

    >>> hnte_validity_years([HnteCertificate("GR201513000001", "2015-11-20", "2018-11-19")])
    (2015, 2016, 2017, 2018)
    """
    return _validity_years(_certificates(certificates))


def hnte_q4_years(certificates: Iterable[HnteCertificate]) -> tuple[int, ...]:
    """The years in whose fourth quarter a certificate is valid on at least one day (2022年第28号 一).

    >>> hnte_q4_years([HnteCertificate("", "2019-11-20", "2022-09-30")])
    (2019, 2020, 2021)
    >>> hnte_q4_years([HnteCertificate("", "2019-11-20", "2022-10-01")])
    (2019, 2020, 2021, 2022)
    """
    return _q4_years(_certificates(certificates))


def registration_years(registrations: Iterable[TechSmeRegistration]) -> tuple[int, ...]:
    """The qualification years of a technology-based SME: the years its registration numbers state (45号 二).

    >>> registration_years([TechSmeRegistration(2019, "2019…"), TechSmeRegistration(2018, "2018…")])
    (2018, 2019)
    """
    return tuple(sorted({r.year for r in _registrations(registrations)}))


def _rule(law: Law, key: str, day: _dt.date, expected: str) -> LawValue:
    v = law.value(key, day)
    if v.value != expected:
        raise InvalidInput(key, f"unknown rule {v.value!r} (this version reads {expected!r})")
    return v


def _read_rate_step(law: Law, y: int, certs: tuple[HnteCertificate, ...]) -> Step | None:
    """Whether the 15% rate applies in ``y`` by the certificates, explained; ``None`` when none is valid in ``y``.

    It depends only on the law, the year and the certificates: kept by :meth:`Law.memo`.
    """
    valid = [c for c in certs if c.valid_in(y)]
    if not valid:
        return None
    end = year_end(y)
    held = [c for c in valid if c.last >= end]
    cite: tuple[Citation, ...] = ()
    if held:
        whole = [c for c in held if c.first.year < y]  # valid all year: 第二十八条 alone, no rule needed
        c = min(whole, key=lambda x: x.first) if whole else max(held, key=lambda x: (x.first, x.last))
        lapsed = [d for d in valid if d.last < end]
        if whole:
            zh, en = f"{c.described()}全年有效", f"{c.described('en')} valid all year"
        elif lapsed:
            d = max(lapsed, key=lambda x: x.last)
            zh = f"{d.described()}于{d.last}期满，年底前已重新取得{c.described()}"
            en = f"{d.described('en')} lapsed on {d.last}, renewed by the year's end with {c.described('en')}"
        else:
            zh, en = f"{c.described()}，自发证时间所在年度起", f"{c.described('en')}, from the year of issue"
        if c.first.year == y:
            cite = (_rule(law, "eit.hnte.rate_years", end, _RATE_RULE).citation,)
    else:
        d = max(valid, key=lambda x: x.last)
        zh = f"{d.described()}于{d.last}期满，年底前未重新取得资格，已按15%预缴的应补缴"
        en = f"{d.described('en')} lapsed on {d.last}, not renewed by the year's end; tax prepaid at 15% is made up"
        cite = (_rule(law, "eit.hnte.rate_years", end, _RATE_RULE).citation,)
    return Step("qualification.hnte_rate", f"本年度适用高新技术企业15%税率（{zh}）", f"high-tech 15% rate this year ({en})",
                bool(held), "bool", "", cite)


def _read_loss_step(law: Law, q: int, certs: tuple[HnteCertificate, ...],
                    regs: tuple[TechSmeRegistration, ...]) -> Step | None:
    """Why ``q`` is a qualification year for the loss carry-forward, by the certificates and registrations.

    ``None`` when neither makes ``q`` one, or when the law read does not say how
    such years are read for ``q`` (before 2018, when no qualification extended a
    loss).  Kept by :meth:`Law.memo`.
    """
    hn = [c for c in certs if c.valid_in(q)]
    sm = [r for r in regs if r.year == q]
    if not hn and not sm:
        return None
    day = year_end(q)
    zh: list[str] = []
    en: list[str] = []
    cites: list[Citation] = []
    for key, rule, found in (("eit.losses.qualification_year.hnte", _HNTE_LOSS_RULE, hn),
                             ("eit.losses.qualification_year.tech_sme", _SME_LOSS_RULE, sm)):
        if not found:
            continue
        try:
            cites.append(_rule(law, key, day, rule).citation)
        except NotInForce:  # before 2018 no qualification extended a loss (a declared gap)
            return None
        except OutsideCoverage:
            if day < law.spec(key).first:
                return None
            raise
    for c in hn:
        zh.append(f"{c.described()}有效期所属年度")
        en.append(f"{c.described('en')} valid in {q}")
    for r in sm:
        number = f" {r.number}" if r.number else ""
        zh.append(f"科技型中小企业入库登记编号{r.number}注明的年度")
        en.append(f"technology-based SME registration{number} for {q}")
    return Step(f"qualification.losses.{q}", f"{q}年度为具备资格年度（亏损结转；{'；'.join(zh)}）",
                f"{q} a qualification year for the loss carry-forward ({'; '.join(en)})", value=True, unit="bool",
                cite=tuple(dict.fromkeys(cites)))


def _extends(law: Law, q: int) -> bool:
    """Whether a qualification year ``q`` lengthens the carry-forward under ``law`` (from 2018: 76号)."""
    day = year_end(q)
    ext = law.value("eit.losses.years.qualified", day).value
    general = law.value("eit.losses.years.general", day).value
    assert isinstance(ext, int) and isinstance(general, int)
    return ext > general


def qualification_year(
    year: int,
    *,
    certificates: Iterable[HnteCertificate] = (),
    registrations: Iterable[TechSmeRegistration] = (),
    law: Law | None = None,
) -> QualificationYear:
    """What the certificates and registrations make of tax year ``year``, explained.

    The 15% rate is explained whenever a certificate is valid in the year; the
    loss qualification whenever the year is one and the law lets a qualification
    year lengthen the carry-forward (from 2018).

    >>> c = HnteCertificate("GR201713000456", "2017-10-27", "2020-10-26")
    >>> r = qualification_year(2017, certificates=[c])
    >>> r.hnte_rate, r.step("qualification.hnte_rate").cite[0].doc
    (True, '国家税务总局公告2017年第24号')
    >>> qualification_year(2019, registrations=[TechSmeRegistration(2019, "2019…")]).tech_sme
    True
    """
    law = the_law(law)
    y = tax_year(year)
    certs = _certificates(certificates)
    regs = _registrations(registrations)
    steps: list[Step] = []
    rate = law.memo(_read_rate_step, y, certs)
    if rate is not None:
        steps.append(rate)
    losses = any(c.valid_in(y) for c in certs)
    sme = any(r.year == y for r in regs)
    if (losses or sme) and _extends(law, y):
        s = law.memo(_read_loss_step, y, certs, regs)
        if s is not None:
            steps.append(s)
    return QualificationYear(y, y in _rate_years(certs), losses, y in _q4_years(certs), sme, tuple(steps))

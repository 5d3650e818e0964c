"""The facts of one enterprise for one tax year: the input of the annual computation.

:class:`EnterpriseYear` is a plain, typed, validated record (``Decimal`` yuan,
``datetime.date``, ``str`` codes, tuples), declared once with
:mod:`taxcalc.inputs` (``@record(checked=True)``).  Build it in code, or from a
table of Python values with :meth:`EnterpriseYear.from_mapping`: every field is
checked when the record is made, and an error names the field with its path
(``equipment[1].cost``).  A document (TOML, JSON; ``taxcalc eit annual --file``) is
read with ``taxcalc.inputs.parse(EnterpriseYear, data)`` by the strict grammar of
:mod:`taxcalc.inputs.grammar`, every problem at once; the schema published for
the rule ``eit.annual`` accepts exactly those documents (but for the checks across
fields it lists under ``x-checks``).  The field names are the same everywhere.

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
    A quarter row may name its ``quarter`` (1 to 4; all rows or none): the rows
    are then put in order and must be the quarters operated, each once.
``months``
    optional, for 2008–2016, whose law averages by month (``eit.small_profit.averaging``,
    财税〔2009〕69号 七): :class:`~taxcalc.eit.Month` rows, the employees and total assets
    at the start and end of each month operated, instead of ``quarters`` or the
    averages (given with either, they are refused).  A row may name its ``month`` (1
    to 12; all rows or none): the rows are then put in order and must be the months
    operated, each once.  In a year averaged by quarter they are refused.
``opened``, ``closed``
    the opening / closing day when inside the year.
``rd``
    :class:`~taxcalc.eit.RdFacts`: R&D projects, intangibles, the 2022 Q4 choice.
``equipment``
    :class:`~taxcalc.eit.Equipment` rows: every asset whose tax treatment the
    computation should work out for the year (its book depreciation included).
    A row with an accelerated ``method`` that leaves out its ``industry`` or
    ``main_business_share`` takes the enterprise's (``industry`` by
    :func:`~taxcalc.eit.accelerated_depreciation.acceleration_industry`); the method is checked against
    the law data when the record is made (``equipment[1].method``).
``losses``
    :class:`~taxcalc.eit.Loss` rows: the unused losses brought forward, by
    origin year.
``loss_extension``
    mark of this year's own loss: ``"hardship"`` or ``"film"`` (2020 only).
``wages``, ``education_expenses``, ``education_brought_forward``
    optional: the year's wages and salaries and employee education expenses (in
    the profit), and those carried forward from earlier years; when given, the
    adjustment of :mod:`taxcalc.eit.employee_education` is computed (leave it out
    of ``adjustments``).
``tech_transfers``
    optional: :class:`~taxcalc.eit.TechnologyTransfer` rows, the year's
    technology transfers (their income in the profit); the exempt and half-taxed
    income of :mod:`taxcalc.eit.tech_transfer` is taken off (所得减免).
``venture_investments``, ``venture_brought_forward``
    optional: a venture-capital enterprise's :class:`~taxcalc.eit.VentureInvestment`
    rows and the deduction brought forward; 70% of those whose holding completes
    in the year is deducted after the losses (:mod:`taxcalc.eit.venture`).
``projects``
    optional: :class:`~taxcalc.eit.Project` rows, public-infrastructure and
    environmental projects with their separately computed income; the part the
    holiday exempts or halves (:mod:`taxcalc.eit.project_holiday`) is taken off
    with the technology-transfer relief (所得减免).
``hardship_tests``
    optional: :class:`~taxcalc.eit.HardshipExtensionInput` rows, the facts of the
    2020 hardship-industry test (industry; 主营业务收入, 收入总额, 不征税收入, 投资收益
    of the loss year) for a loss marked ``"hardship"`` — a loss brought forward, or
    this year's own loss (``loss_extension``).  The mark is checked: a mark whose
    facts fail the test is refused, naming the field (2020年第8号 第四条,
    :mod:`taxcalc.eit.hardship`); a mark without facts is taken as given.
``inherited_losses``
    optional: :class:`~taxcalc.eit.InheritedLosses` rows, losses taken over in a
    special-treatment merger (with the yearly limit) or division (财税〔2009〕59号),
    set against the income left after the enterprise's own losses, each loss in
    its own window (:func:`taxcalc.eit.inherited_loss_year`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import field
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

from ..inputs import (
    Amount,
    Choice,
    Date,
    Flag,
    Nested,
    Rate,
    Rows,
    Year,
    Years,
    derived,
    grammar,
    record,
    take,
)
from ..money import CONTEXT, DateLike, MoneyLike, total
from ._common import INDUSTRIAL, INDUSTRIES, months_operated, quarters_operated
from .equipment import Equipment, method_problems, with_enterprise
from .hardship import HardshipExtensionInput, unmatched_tests
from .losses import EXTENSIONS, Loss
from .project_holiday import Project
from .qualifications import (
    HnteCertificate,
    TechSmeRegistration,
    _q4_years,
    _rate_years,
    _validity_years,
)
from .rd_super_deduction import MAX_ROWS, NO_RD, RdFacts
from .restructuring import InheritedLosses, inherited_by_year
from .small_profit import Month, Quarter, _averages
from .tech_transfer import TechnologyTransfer
from .venture import VentureInvestment

__all__ = ["EnterpriseYear"]

_ZERO = Decimal(0)
_ONE = Decimal(1)
#: The amounts of one year's facts added up stay below 10^15 yuan (一千万亿元): every figure the
#: computation makes of them (sums, deductions of up to twice the base, taxes) then stays below the
#: 10^16 yuan an amount may have (:data:`taxcalc.inputs.grammar.AMOUNT_LIMIT`).
TOTAL_LIMIT = grammar.AMOUNT_LIMIT // 10
#: A yuan below :data:`TOTAL_LIMIT`: a sum below it is within the limit however it is rounded.
_WELL_WITHIN = TOTAL_LIMIT - 1


@record(checked=True, read_first=("rd",))
class EnterpriseYear:
    """One enterprise's facts for one tax year (see the module notes for each field)."""

    year: Annotated[int, Year("the tax year")]
    profit: Annotated[Decimal, Amount("利润总额, the accounting profit of the year (negative for a loss)",
                                      sign="any")]
    adjustments: Annotated[Decimal, Amount("other net tax adjustments (纳税调整增加额 − 减少额), signed: not the "
                                           "listed equipment nor the R&D super-deduction", sign="any")] = _ZERO
    industry: Annotated[str, Choice("the main business, a code of taxcalc.eit.INDUSTRIES",
                                    tuple(INDUSTRIES))] = "other"
    main_business_share: Annotated[Decimal, Rate("the main business's share of income (主营业务收入占比)")] = _ONE
    industrial: Annotated[bool | None, Flag("工业企业 (default: mining, manufacturing or utilities)")] = None
    restricted: Annotated[bool, Flag("in a restricted or prohibited industry")] = False
    hnte_years: Annotated[tuple[int, ...], Years("years taken as a high and new technology enterprise for "
                                                  "every purpose, besides those of hnte_certificates")] = ()
    tech_sme_years: Annotated[tuple[int, ...], Years("years as a technology-based SME (科技型中小企业), "
                                                      "besides those of tech_sme_registrations")] = ()
    tase_years: Annotated[tuple[int, ...], Years("years as a technology-advanced service enterprise")] = ()
    ic_machine: Annotated[bool, Flag("on the list of integrated-circuit or industrial mother-machine "
                                     "enterprises")] = False
    quarters: Annotated[tuple[Quarter, ...], Rows("employees and total assets of each quarter operated",
                                                  Quarter, max_items=4)] = ()
    employees: Annotated[Decimal | None, Amount("employees, the year's average (instead of quarters)")] = None
    assets: Annotated[Decimal | None, Amount("total assets, the year's average (instead of quarters)")] = None
    opened: Annotated[_dt.date | None, Date("the day it opened (开业), when inside the year")] = None
    closed: Annotated[_dt.date | None, Date("the day it closed (终止经营), when inside the year")] = None
    rd: Annotated[RdFacts, Nested("R&D projects, intangibles and the 2022 Q4 choice", RdFacts)] = NO_RD
    equipment: Annotated[tuple[Equipment, ...], Rows("every asset whose tax treatment the year needs",
                                                     Equipment, max_items=MAX_ROWS)] = ()
    losses: Annotated[tuple[Loss, ...], Rows("unused losses brought forward, by origin year", Loss,
                                             max_items=MAX_ROWS)] = ()
    loss_extension: Annotated[str, Choice("mark of this year's own loss: `hardship` or `film` (2020 only)",
                                          EXTENSIONS)] = ""
    hnte_certificates: Annotated[tuple[HnteCertificate, ...], Rows("high-tech enterprise certificates",
                                                                   HnteCertificate, max_items=MAX_ROWS)] = ()
    tech_sme_registrations: Annotated[tuple[TechSmeRegistration, ...], Rows(
        "technology-based SME registrations", TechSmeRegistration, max_items=MAX_ROWS)] = ()
    # The optional facts of the preferences below are left out of the repr, which is as it was without them.
    wages: Annotated[Decimal | None, Amount("wages and salaries of the year (工资薪金总额), for the employee "
                                            "education cap")] = field(default=None, repr=False)
    education_expenses: Annotated[Decimal | None, Amount("employee education expenses of the year "
                                                         "(职工教育经费支出), in the profit")] = field(
        default=None, repr=False)
    education_brought_forward: Annotated[Decimal, Amount("employee education expenses carried forward from "
                                                         "earlier years")] = field(default=_ZERO, repr=False)
    tech_transfers: Annotated[tuple[TechnologyTransfer, ...], Rows(
        "technology transfers of the year (技术转让所得)", TechnologyTransfer, max_items=MAX_ROWS)] = field(
        default=(), repr=False)
    venture_investments: Annotated[tuple[VentureInvestment, ...], Rows(
        "a venture-capital enterprise's equity investments (创业投资)", VentureInvestment, max_items=MAX_ROWS)] = field(
        default=(), repr=False)
    venture_brought_forward: Annotated[Decimal, Amount("venture-capital deduction carried forward from earlier "
                                                       "years")] = field(default=_ZERO, repr=False)
    projects: Annotated[tuple[Project, ...], Rows("public-infrastructure and environmental projects (三免三减半)",
                                                  Project, max_items=MAX_ROWS)] = field(default=(), repr=False)
    hardship_tests: Annotated[tuple[HardshipExtensionInput, ...], Rows(
        "facts of the 2020 hardship-industry test of each loss marked `hardship` (2020年第8号 第四条)",
        HardshipExtensionInput, max_items=MAX_ROWS)] = field(default=(), repr=False)
    inherited_losses: Annotated[tuple[InheritedLosses, ...], Rows(
        "losses taken over in a special-treatment merger or division (财税〔2009〕59号)", InheritedLosses,
        max_items=MAX_ROWS)] = field(default=(), repr=False)
    months: Annotated[tuple[Month, ...], Rows(
        "employees and total assets of each month operated, 2008–2016 (财税〔2009〕69号 七)", Month,
        max_items=12)] = field(default=(), repr=False)
    # Fields made from the others, all together, the first time one of them is read, and kept
    # (taxcalc.inputs.derived): reading a record does not make them; the computation reads most of them.
    #: The year's averages of employees and total assets, from ``quarters`` or as
    #: given; ``None`` when not given.
    size: tuple[Decimal, Decimal] | None = derived("_made_when_read")
    #: Years of the 15% rate of a high-tech enterprise: ``hnte_years`` and the years on whose
    #: 31 December a certificate is valid (国家税务总局公告2017年第24号 一).
    hnte_rate_years: tuple[int, ...] = derived("_made_when_read")
    #: High-tech qualification years for the loss carry-forward: ``hnte_years`` and every year
    #: a certificate is valid in (国家税务总局公告2018年第45号 二).
    hnte_loss_years: tuple[int, ...] = derived("_made_when_read")
    #: Years in whose fourth quarter the enterprise is a high-tech enterprise on some day:
    #: ``hnte_years`` and the certificates' (2022年第28号 一).
    hnte_q4_years: tuple[int, ...] = derived("_made_when_read")
    #: Technology-based SME years: ``tech_sme_years`` and the registrations' years.
    tech_sme_qualified_years: tuple[int, ...] = derived("_made_when_read")
    #: ``hnte_loss_years`` and ``tech_sme_qualified_years`` together: the years that extend losses.
    qualified: tuple[int, ...] = derived("_made_when_read")

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
            tech_sme_registrations: Iterable[TechSmeRegistration | Mapping[str, object]] = ...,
            wages: MoneyLike | None = ..., education_expenses: MoneyLike | None = ...,
            education_brought_forward: MoneyLike = ...,
            tech_transfers: Iterable[TechnologyTransfer | Mapping[str, object]] = ...,
            venture_investments: Iterable[VentureInvestment | Mapping[str, object]] = ...,
            venture_brought_forward: MoneyLike = ...,
            projects: Iterable[Project | Mapping[str, object]] = ...,
            hardship_tests: Iterable[HardshipExtensionInput | Mapping[str, object]] = ...,
            inherited_losses: Iterable[InheritedLosses | Mapping[str, object]] = ...,
            months: Iterable[Month | Mapping[str, object]] = ...) -> None: ...

    def checks(self) -> Iterator[tuple[str, str]]:
        """opened is not after the year, closed not before it nor before opened; either quarters or both
        annual averages (employees and assets), not both; losses arose before the year, one per year;
        quarters: one row for each quarter operated (numbered, each once); wages and education expenses
        together; technology transfers in the year; hardship tests for losses marked `hardship`, one per year;
        inherited losses taken over by the year and arising before it; months: one row for each month
        operated (numbered, each once), not with quarters nor the annual averages; the amounts added up stay
        below 10^15 yuan."""
        y, opened, closed = self.year, self.opened, self.closed
        days_ok = True
        if opened is not None and opened.year > y:
            days_ok = False
            yield "opened", f"{opened} is after tax year {y}"
        if closed is not None and closed.year < y:
            days_ok = False
            yield "closed", f"{closed} is before tax year {y}"
        if opened is not None and closed is not None and closed < opened:
            days_ok = False
            yield "closed", f"{closed} is before the opening day {opened}"
        quarters, employees, assets = self.quarters, self.employees, self.assets
        if quarters and (employees is not None or assets is not None):
            yield "quarters", "give either quarters or the annual averages (employees, assets), not both"
        if (employees is None) != (assets is None):
            yield ("employees" if employees is None else "assets",
                   "give both annual averages (employees and assets), or quarters")
        seen: set[int] = set()
        for loss in self.losses:
            if loss.year >= y:
                yield "losses", f"a loss brought into {y} must arise before it (got {loss.year})"
            if loss.year in seen:
                yield "losses", f"two losses of {loss.year}; give one amount per year"
            seen.add(loss.year)
        if quarters and days_ok and not (  # four rows, none numbered, for a whole year: as they should be
                opened is None and closed is None and len(quarters) == 4
                and quarters[0].quarter is None and quarters[1].quarter is None
                and quarters[2].quarter is None and quarters[3].quarter is None):
            yield from self._quarter_checks(quarters_operated(y, opened, closed))
        if (self.education_expenses is None) != (self.wages is None) or (
                self.education_brought_forward and self.education_expenses is None):
            yield ("wages" if self.wages is None else "education_expenses",
                   "give both wages and education_expenses for the employee education cap")
        for i, t in enumerate(self.tech_transfers):
            if t.income_date.year != y:
                yield f"tech_transfers[{i}].income_date", f"{t.income_date} is not in tax year {y}"
        for i, v in enumerate(self.venture_investments):
            if v.registered_on.year > y:
                yield f"venture_investments[{i}].registered_on", f"{v.registered_on} is after tax year {y}"
        if self.hardship_tests:
            yield from self._hardship_checks()
        if self.inherited_losses:
            yield from self._inherited_checks()
        if self.months:
            yield from self._month_checks(days_ok)
        for i, e in enumerate(self.equipment):  # a method the law allows for the asset (the package's law data)
            if e.method != "straight_line":
                for name, why in method_problems(e, self.industry, self.main_business_share):
                    yield f"equipment[{i}].{name}", why
        largest = self._largest_total()
        if largest:
            yield largest

    def _hardship_checks(self) -> Iterator[tuple[str, str]]:
        marked = {x.year for x in self.losses if x.extension == "hardship"}
        if self.loss_extension == "hardship":
            marked.add(self.year)
        for i, why in unmatched_tests(self.hardship_tests, marked,
                                      "a loss brought forward, or this year's own loss_extension"):
            yield f"hardship_tests[{i}].year", why

    def _inherited_checks(self) -> Iterator[tuple[str, str]]:
        for path, why in inherited_by_year(self.inherited_losses, self.year):
            yield f"inherited_losses{path}", why

    def _quarter_checks(self, operated: tuple[int, ...]) -> Iterator[tuple[str, str]]:
        quarters, y = self.quarters, self.year
        numbers = [q.quarter for q in quarters]
        unnumbered = numbers.count(None)
        if unnumbered == len(numbers):
            if len(quarters) != len(operated):
                yield "quarters", (f"the enterprise operated in {len(operated)} quarter(s) of {y}; "
                                   f"give one row for each (got {len(quarters)})")
        elif unnumbered:
            yield "quarters", "number every quarter (quarter = 1 to 4) or none"
        elif sorted(numbers) != list(operated):  # type: ignore[type-var]
            yield "quarters", (f"the enterprise operated in quarter(s) {', '.join(map(str, operated))} of {y}; "
                               f"give one row for each, each once (got {', '.join(map(str, numbers))})")

    def _month_checks(self, days_ok: bool) -> Iterator[tuple[str, str]]:  # noqa: FBT001
        """The monthly figures (2008–2016): the only size figures given; all rows numbered or none; one row for
        each month operated, each once (when ``opened`` and ``closed`` are consistent)."""
        if self.quarters:
            yield "months", "give either months (2008–2016) or quarters (from 2017), not both"
        if self.employees is not None or self.assets is not None:
            yield "months", "give either months or the annual averages (employees, assets), not both"
        if not days_ok:
            return
        y, rows = self.year, self.months
        operated = months_operated(y, self.opened, self.closed)
        span = f"{operated[0]}" if len(operated) == 1 else f"{operated[0]} to {operated[-1]}"
        numbers = [m.month for m in rows]
        if None in numbers:
            if numbers.count(None) != len(numbers):
                i = numbers.index(None)
                yield f"months[{i}].month", "missing: number every month (month = 1 to 12) or none"
            elif len(rows) != len(operated):
                yield "months", (f"the enterprise operated in {len(operated)} month(s) of {y} (month {span}); "
                                 f"give one row for each (got {len(rows)})")
            return
        seen: dict[int, int] = {}
        for i, n in enumerate(numbers):
            assert n is not None
            if n not in operated:
                yield f"months[{i}].month", (f"the enterprise did not operate in month {n} of {y} (it operated "
                                             f"in month {span}: see opened and closed)")
            elif n in seen:
                yield f"months[{i}].month", f"month {n} repeats months[{seen[n]}]; give one row for each month"
            seen.setdefault(n, i)
        missing = [n for n in operated if n not in seen]
        if missing:
            yield "months", (f"the enterprise operated in month {span} of {y}; give one row for each "
                             f"(missing: {', '.join(map(str, missing))})")

    def _monthly_size(self) -> tuple[Decimal, Decimal]:
        """The year's monthly averages (全年月平均值, 财税〔2009〕69号 七); the rows are in month order when numbered."""
        return _averages(self.months)

    def _largest_total(self) -> tuple[str, str] | None:
        """A problem if the amounts added up reach :data:`TOTAL_LIMIT` (naming the table of the largest)."""
        add = CONTEXT.add
        # The sum first, in one pass: a year well within the limit (by a yuan at least, so that no
        # rounding of a figure of many decimals could matter) is fine; the parts are added up by
        # table only for a year near or beyond it, to name the largest.
        added = add(self.profit.copy_abs(), self.adjustments.copy_abs())
        for e in self.equipment:
            added = add(add(added, e.cost), e.book_depreciation)
        for x in self.losses:
            added = add(added, x.amount)
        rd = self.rd
        for r in rd.projects:  # the amounts themselves: the R&D totals are made when a computation reads them
            added = add(add(add(add(add(add(add(add(added, r.personnel), r.direct_inputs), r.depreciation),
                                            r.amortisation), r.design), r.other), r.entrusted_domestic),
                        r.entrusted_overseas)
        for i in rd.intangibles:
            added = add(added, i.cost)
        if self.wages is not None:
            added = add(add(add(added, self.wages), self.education_expenses or _ZERO),
                        self.education_brought_forward)
        for tt in self.tech_transfers:
            added = add(add(add(add(added, tt.revenue), tt.cost), tt.related_taxes), tt.other_deductions)
        for v in self.venture_investments:
            added = add(added, v.amount)
        added = add(added, self.venture_brought_forward)
        for p in self.projects:
            added = add(added, p.income.copy_abs())
        for g in self.inherited_losses:
            for x in g.losses:
                added = add(added, x.amount)
        if added < _WELL_WITHIN:
            return None
        parts = [("profit", self.profit.copy_abs()), ("adjustments", self.adjustments.copy_abs())]
        added = add(parts[0][1], parts[1][1])
        if self.equipment:
            parts.append(("equipment", total([e.cost for e in self.equipment]
                                             + [e.book_depreciation for e in self.equipment])))
        if self.losses:
            parts.append(("losses", total([x.amount for x in self.losses])))
        rd = self.rd
        if rd.projects or rd.intangibles:
            t = rd.totals
            parts.append(("rd", add(add(add(add(t.five, t.other), t.entrusted_domestic), t.entrusted_overseas),
                                    total([i.cost for i in rd.intangibles]))))
        if self.wages is not None:
            parts.append(("wages", total([self.wages, self.education_expenses or _ZERO,
                                          self.education_brought_forward])))
        if self.tech_transfers:
            parts.append(("tech_transfers", total([add(t.revenue, add(t.cost, add(t.related_taxes,
                                                                                t.other_deductions)))
                                                   for t in self.tech_transfers])))
        if self.venture_investments or self.venture_brought_forward:
            parts.append(("venture_investments", total([v.amount for v in self.venture_investments]
                                                       + [self.venture_brought_forward])))
        if self.projects:
            parts.append(("projects", total([p.income.copy_abs() for p in self.projects])))
        if self.inherited_losses:
            parts.append(("inherited_losses", total([x.amount for g in self.inherited_losses for x in g.losses])))
        for _, amount in parts[2:]:
            added = add(added, amount)
        if added < TOTAL_LIMIT:
            return None
        where = max(parts, key=lambda p: p[1])[0]
        return where, (f"the amounts of the year add up to {added}, beyond the 10^15 yuan (一千万亿元) the "
                       "computation works with")

    def derive(self) -> None:
        """The fields made once from the others: 工业企业, the losses in year order, the quarters in order.

        (The size averages and the qualification years are made when first read: ``derived``.)
        """
        fields = self.__dict__  # a checked record's fields (taxcalc.inputs.record)
        if self.industrial is None:  # 工业企业 by default: mining, manufacturing or utilities
            fields["industrial"] = self.industry in INDUSTRIAL
        after = 0
        for loss in self.losses:  # in year order (one per year: checked); sorted only when they are not
            if loss.year < after:
                fields["losses"] = tuple(sorted(self.losses, key=lambda x: x.year))
                break
            after = loss.year
        quarters = self.quarters
        if quarters and quarters[0].quarter is not None:
            fields["quarters"] = tuple(sorted(quarters, key=lambda q: q.quarter or 0))
        months = self.months
        if months and months[0].month is not None:  # 2008–2016: put in month order when numbered
            fields["months"] = tuple(sorted(months, key=lambda m: m.month or 0))
        for e in self.equipment:  # an accelerated method's industry and share, where the row leaves them out
            if e.method != "straight_line":
                fields["equipment"] = with_enterprise(self.equipment, self.industry, self.main_business_share)
                break

    def _made_when_read(self) -> tuple[tuple[Decimal, Decimal] | None, tuple[int, ...], tuple[int, ...],
                                       tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        """``size``, ``hnte_rate_years``, ``hnte_loss_years``, ``hnte_q4_years``, ``tech_sme_qualified_years`` and
        ``qualified``, made together the first time one of them is read (the computation reads most of them)."""
        quarters, employees, assets = self.quarters, self.employees, self.assets
        size = _averages(quarters) if quarters else (None if employees is None or assets is None
                                                      else (employees, assets))
        if self.months:  # 2008–2016: averaged by month
            size = self._monthly_size()
        certs = self.hnte_certificates
        explicit = self.hnte_years  # sorted, each year once
        rate_years = loss_years = q4_years = explicit
        if certs:
            rate_years = tuple(sorted(set(explicit).union(_rate_years(certs))))
            loss_years = tuple(sorted(set(explicit).union(_validity_years(certs))))
            q4_years = tuple(sorted(set(explicit).union(_q4_years(certs))))
        sme = self.tech_sme_years
        if self.tech_sme_registrations:
            sme = tuple(sorted(set(sme).union(r.year for r in self.tech_sme_registrations)))
        return (size, rate_years, loss_years, q4_years, sme,
                tuple(sorted(set(loss_years).union(sme))) if sme else loss_years)

    @classmethod
    def from_mapping(cls, data: object, where: str = "") -> EnterpriseYear:
        """Build from a parsed TOML / JSON table (field names as in the module notes).

        Values as the constructor takes them (see :func:`taxcalc.inputs.take`); a
        document is read by the strict grammar of :mod:`taxcalc.inputs` with
        ``taxcalc.inputs.parse(EnterpriseYear, document)``, every problem at once.

        >>> e = EnterpriseYear.from_mapping({"year": 2018, "profit": "800000", "employees": 50,
        ...                                  "assets": "8000000", "losses": [{"year": 2016, "amount": "1000"}]})
        >>> e.losses[0].amount, e.industrial
        (Decimal('1000'), False)
        """
        return take(cls, data, where)

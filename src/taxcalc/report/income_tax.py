"""The report's income-tax facts as the input of the annual computation (:class:`taxcalc.eit.EnterpriseYear`).

The report input (format 2) names the fields of ``[income]``, ``[[equipment]]``
and ``[[qualifications]]`` as :mod:`taxcalc.eit` does (``income.profit``,
``equipment[0].acquired_on``, ``qualifications[0].number`` …), so a field passes
to the record field of the same name and a problem found there names the field
of the input file.  What this module still does is what the report adds to the
rules' facts:

What the report derives
-----------------------
* ``income.industry``, when not given: :func:`main_business` of
  ``enterprise.industry`` (a GB/T 4754-2017 code).
* ``qualifications``, one list of every kind: each ``high_tech`` row → a
  :class:`~taxcalc.eit.HnteCertificate`; each ``tech_sme`` row → one
  :class:`~taxcalc.eit.TechSmeRegistration` per year of :func:`qualified_years`;
  ``advanced_tech_service`` rows → ``tase_years`` by :func:`qualified_years`.
* ``enterprise``: ``employees`` and ``assets`` (the annual averages) unless
  ``[[quarters]]`` or ``[[months]]`` are given; ``opened`` and ``closed`` when inside the year.
* ``[rd]``: ``expensed`` (not itemised) → one project whose five items are that
  figure, counted as given; ``intangible_amortisation`` → one intangible
  amortised that much; a project without a name is named by its path.
* ``[[equipment]]``: ``name`` (default: its path), ``in_use`` (default
  ``acquired_on``), ``kind`` (default: :func:`asset_class`, by the ``item``),
  ``book_depreciation`` (default: :func:`book_depreciation`, by the accounts'
  ``useful_life_years``); with a ``method`` other than the straight line,
  ``industry`` (default: :func:`~taxcalc.report.input.acceleration_industry_of`,
  from ``income.industry`` or the GB/T code ``enterprise.industry``) and
  ``main_business_share`` (default: ``income.main_business_share``).

``[[losses]]``, ``[[quarters]]``, ``[[months]]``, ``[[rd.projects]]``, ``[[tech_transfers]]``,
``[[projects]]`` and ``[[venture_investments]]`` are the records of
:mod:`taxcalc.eit` themselves (:class:`~taxcalc.eit.Loss`,
:class:`~taxcalc.eit.Quarter`, :class:`~taxcalc.eit.Month`, :class:`~taxcalc.eit.RdProject`,
:class:`~taxcalc.eit.TechnologyTransfer`, :class:`~taxcalc.eit.Project`,
:class:`~taxcalc.eit.VentureInvestment`): they pass as read.  The optional
``income.wages``, ``income.education_expenses``, ``income.education_brought_forward``,
``income.venture_brought_forward``, ``income.hardship_tests`` and
``income.inherited_losses`` pass to the fields of the same names.

Qualification years
-------------------
A high-tech certificate is read by each rule on its own
(:mod:`taxcalc.eit.qualifications`): the 15% rate applies to the years on whose
31 December a certificate is valid — from the year of issue; in the year it
lapses only if renewed by the year's end (国家税务总局公告2017年第24号 一), a renewal
being a second row of ``qualifications`` — while every year of the certificate's
validity counts for the 10-year loss carry-forward (国家税务总局公告2018年第45号 二).
A certificate valid 2017-10-27 – 2020-10-26 gives the 15% rate in 2017–2019 and
the loss qualification years 2017–2020.

A ``tech_sme`` row stands for the registrations of the year of ``first`` (the year
its number states, 45号 二) and of each later year whose 31 December it covers
(one row per registration is the plain way); a technology-advanced service
enterprise likewise by :func:`qualified_years`.

>>> import datetime as dt
>>> from taxcalc.report.input import Qualification
>>> q = Qualification("tech_sme", dt.date(2018, 5, 10), dt.date(2019, 5, 9))
>>> qualified_years((q,), "tech_sme")
(2018,)
>>> main_business("C14"), main_business("C1620"), main_business("H62"), main_business("")
('manufacturing', 'tobacco', 'catering', 'other')
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ..eit import (
    EnterpriseYear,
    Equipment,
    HnteCertificate,
    RdFacts,
    RdIntangible,
    RdProject,
    TechSmeRegistration,
)
from ..errors import InvalidInput, NotMoney
from ..money import CONTEXT, round_fen
from .input import (
    ASSET_CLASS_OF_KIND,
    Problem,
    Qualification,
    ReportInput,
    ReportInputError,
    acceleration_industry_of,
    as_format_1,
)
from .input import Equipment as InputEquipment

__all__ = [
    "ASSET_CLASS_OF_KIND",
    "INDUSTRY_SECTIONS",
    "PATHS",
    "asset_class",
    "book_depreciation",
    "enterprise_year",
    "input_problem",
    "main_business",
    "qualified_years",
    "report_path",
    "size_needed",
    "size_problem",
]

#: The main business of the income-tax rules by GB/T 4754-2017 section (门类) letter.
INDUSTRY_SECTIONS: dict[str, str] = {
    "A": "agriculture",
    "B": "mining",
    "C": "manufacturing",
    "D": "utilities",
    "E": "construction",
    "F": "wholesale_retail",
    "G": "transport",
    "H": "accommodation",
    "I": "information",
    "J": "finance",
    "K": "real_estate",
    "L": "leasing_business",
    "M": "research",
}
#: Divisions (大类) with a main business of their own: 16 烟草制品业, 61 住宿业, 62 餐饮业, 90 娱乐业.
_DIVISIONS: dict[str, str] = {"C16": "tobacco", "H61": "accommodation", "H62": "catering", "R90": "entertainment"}


def main_business(industry: str) -> str:
    """The main business of the income-tax rules for a GB/T 4754-2017 code (``"other"`` when none fits).

    Only the distinctions the rules draw are kept: the R&D negative list
    (tobacco, accommodation and catering, wholesale and retail, real estate,
    leasing and business services, entertainment), manufacturing, and 工业企业
    (mining, manufacturing, utilities).  A bare ``H`` is read as accommodation,
    which every rule treats as catering.
    """
    code = industry.strip().upper()
    if not code:
        return "other"
    return _DIVISIONS.get(code[:3]) or INDUSTRY_SECTIONS.get(code[0], "other")


def qualified_years(qualifications: Iterable[Qualification], kind: str) -> tuple[int, ...]:
    """The tax years the rows of ``kind`` count for: the year of ``first`` and each later year whose 31 December they cover.

    For ``high_tech`` these are the years of the 15% rate
    (:func:`taxcalc.eit.hnte_rate_years`); the loss carry-forward reads the
    certificates by :func:`taxcalc.eit.hnte_validity_years` instead.
    """
    out: set[int] = set()
    for q in qualifications:
        if q.kind != kind:
            continue
        for y in range(q.first.year, q.last.year + 1):
            if q.last >= _dt.date(y, 12, 31) or y == q.first.year:
                out.add(y)
    return tuple(sorted(out))


def asset_class(item: InputEquipment) -> str:
    """The class of ``item``'s minimum tax life (its ``kind``): as given, else by its ``item``."""
    return item.kind or ASSET_CLASS_OF_KIND[item.item]


def book_depreciation(item: InputEquipment, year: int) -> Decimal:
    """The depreciation in the accounts for ``year``: as given, else the report's default.

    The default is the accounts' straight line: ``cost ÷ (useful_life_years × 12)``
    a month from the month after the one it was put into use, no residual value,
    rounded half up to the fen for the year.

    >>> from taxcalc.report.input import Equipment
    >>> book_depreciation(Equipment(_dt.date(2018, 6, 15), Decimal("1350000")), 2018)
    Decimal('67500.00')
    """
    if item.book_depreciation is not None:
        return item.book_depreciation
    in_use = item.in_use or item.acquired_on
    first = in_use.year * 12 + in_use.month  # the month after (0-based months)
    life = item.useful_life_years * 12
    start, end = year * 12, year * 12 + 12
    months = max(0, min(end, first + life) - max(start, first))
    if not months:
        return Decimal("0.00")
    return round_fen(CONTEXT.divide(CONTEXT.multiply(item.cost, Decimal(months)), Decimal(life)))


# -- building the record -------------------------------------------------------------------------

#: Where the fields of :class:`~taxcalc.eit.EnterpriseYear` are in the report input, for those not
#: under ``income`` (the names are the same; the tables differ).  The annual computation may name
#: one for an input the report's checks accepted — a figure only the computation knows (the R&D
#: base after the caps), the size figures it asks for, law data replaced by a what-if.
PATHS: dict[str, str] = {
    "year": "year",
    "quarters": "quarters",
    "months": "months",
    "employees": "enterprise.employees",
    "assets": "enterprise.assets",
    "opened": "enterprise.opened",
    "closed": "enterprise.closed",
    "hnte_certificates": "qualifications",
    "tech_sme_registrations": "qualifications",
    "tase_years": "qualifications",
    "rd": "rd",
    "equipment": "equipment",
    "losses": "losses",
    "tech_transfers": "tech_transfers",
    "projects": "projects",
    "venture_investments": "venture_investments",
}
#: The lists of :class:`~taxcalc.eit.EnterpriseYear` the report input holds under the same names.
_SAME_LISTS = ("rd", "losses", "quarters", "equipment", "tech_transfers", "projects", "venture_investments",
               "months")


def report_path(field: str) -> str:
    """The report input's path for a field named by the income-tax rules (``income`` when none fits).

    A row of a table under ``income`` keeps its index and field, as every table's row does:

    >>> report_path("equipment[0].book_depreciation"), report_path("profit"), report_path("assets")
    ('equipment[0].book_depreciation', 'income.profit', 'enterprise.assets')
    >>> report_path("hardship_tests[2].main_business_income")
    'income.hardship_tests[2].main_business_income'
    """
    top = field.partition("[")[0].partition(".")[0]
    if top in _SAME_LISTS and field != top:
        return field  # the same names, the same rows
    if top in _INCOME:
        return f"income.{field}"  # the same names under [income], the same rows
    return PATHS.get(top, "income")


def input_problem(exc: InvalidInput | NotMoney, path: str | None = None,
                  facts: ReportInput | None = None) -> ReportInputError:
    """A problem the income-tax rules found, as a problem of the report input's field (``path`` or mapped).

    For ``facts`` read from a format-1 file the field is named as that file spells it.
    """
    if isinstance(exc, ReportInputError):
        return exc
    problem = Problem(path or report_path(exc.field), exc.reason)
    return ReportInputError([as_format_1(problem) if facts is not None and facts.format == 1 else problem])


_NAMES: dict[type[Any], frozenset[str]] = {}


def _names(cls: type[Any]) -> frozenset[str]:
    """The fields the constructor of record ``cls`` takes (made once)."""
    got = _NAMES.get(cls)
    if got is None:
        got = _NAMES[cls] = frozenset(f.name for f in dataclasses.fields(cls) if f.init)
    return got


def _same(rec: Any, cls: type[Any]) -> dict[str, Any]:
    """The fields of ``rec`` that ``cls`` takes under the same name."""
    names = _names(cls)
    return {f.name: getattr(rec, f.name) for f in dataclasses.fields(rec) if f.name in names}


#: The fields of ``[income]``: those of :class:`~taxcalc.eit.EnterpriseYear` of the same names.
_INCOME = frozenset({"profit", "adjustments", "industry", "main_business_share", "industrial", "restricted",
                     "ic_machine", "wages", "education_expenses", "education_brought_forward",
                     "venture_brought_forward", "hardship_tests", "inherited_losses"})


def _rd(facts: ReportInput) -> RdFacts:
    rd = facts.rd
    if rd is None:
        return RdFacts()
    projects = [p if p.name else dataclasses.replace(p, name=f"rd.projects[{i}]") for i, p in enumerate(rd.projects)]
    if rd.expensed:
        projects.append(RdProject("研发费用（未分项） R&D not itemised", direct_inputs=rd.expensed))
    intangibles: tuple[RdIntangible, ...] = ()
    if rd.intangible_amortisation:
        amount = rd.intangible_amortisation
        intangibles = (RdIntangible("研发形成的无形资产 R&D intangibles", amount, amount),)
    return RdFacts(tuple(projects), intangibles, rd.base_after_switch)


def _equipment(facts: ReportInput) -> tuple[Equipment, ...]:
    """The rows as :class:`taxcalc.eit.Equipment` (the same record the report's checks test the method of)."""
    industry = acceleration_industry_of(facts.income, facts.enterprise)
    share = facts.income.main_business_share if facts.income is not None else Decimal(1)
    return tuple(e.tax_asset(f"equipment[{i}]", industry, share, book_depreciation(e, facts.year))
                 for i, e in enumerate(facts.equipment))


def enterprise_year(facts: ReportInput) -> EnterpriseYear:
    """The income-tax facts of the report input (``facts.income`` must be given).

    The report input's checks accept only what :class:`~taxcalc.eit.EnterpriseYear`
    accepts; facts built in Python without them that it refuses raise
    :class:`~taxcalc.report.input.ReportInputError` naming the report's field.
    """
    income = facts.income
    if income is None:
        raise ReportInputError([Problem("income", "missing (required for the income-tax section)")])
    ent = facts.enterprise
    sized = not facts.quarters and not facts.months and ent.employees is not None and ent.assets is not None
    quals = facts.qualifications
    try:
        return EnterpriseYear(
            facts.year,
            **{**_same(income, EnterpriseYear), "industry": income.industry or main_business(ent.industry)},
            tase_years=qualified_years(quals, "advanced_tech_service"),
            quarters=facts.quarters,
            employees=Decimal(ent.employees) if sized and ent.employees is not None else None,
            assets=ent.assets if sized else None,
            opened=ent.opened if ent.opened is not None and ent.opened.year == facts.year else None,
            closed=ent.closed if ent.closed is not None and ent.closed.year == facts.year else None,
            rd=_rd(facts),
            equipment=_equipment(facts),
            losses=facts.losses,
            hnte_certificates=tuple(HnteCertificate(**_same(q, HnteCertificate))
                                    for q in quals if q.kind == "high_tech"),
            tech_sme_registrations=tuple(TechSmeRegistration(y, q.number) for q in quals
                                         if q.kind == "tech_sme" for y in qualified_years((q,), "tech_sme")),
            tech_transfers=facts.tech_transfers,
            projects=facts.projects,
            venture_investments=facts.venture_investments,
            months=facts.months,
        )
    except (InvalidInput, NotMoney) as exc:
        raise input_problem(exc, facts=facts) from None


def size_needed(exc: InvalidInput) -> bool:
    """Whether ``exc`` is the annual computation asking for the small low-profit size figures."""
    return exc.field in ("quarters", "months") and "small low-profit cap" in exc.reason


def size_problem(exc: InvalidInput, what: str = "", facts: ReportInput | None = None) -> ReportInputError:
    """The annual computation's request for the size figures, in the report's field names (as ``facts`` spell them)."""
    head = exc.reason.split(":", 1)[0]
    period = "month" if exc.field == "months" else "quarter"  # the period the year's law averages by
    problem = Problem(f"{period}s", f"{head}{what}: give [[{period}s]] (employees and total assets at the start "
                      f"and end of each {period}) or enterprise.employees and enterprise.assets (annual averages) "
                      "to test the relief")
    return ReportInputError([as_format_1(problem) if facts is not None and facts.format == 1 else problem])

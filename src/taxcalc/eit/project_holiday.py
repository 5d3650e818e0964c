"""Project income holidays: three years exempt, three at half (公共基础设施项目、环境保护节能节水项目 三免三减半).

The rule
    The income of a public-infrastructure project the state supports
    (国家重点扶持的公共基础设施项目, 实施条例 第八十七条) or of a qualifying
    environmental-protection, energy- or water-saving project (环境保护、节能节水项目,
    第八十八条) is exempt from enterprise income tax in the first to third years and
    taxed at half in the fourth to sixth, counted from the tax year of the project's
    first operating income (自项目取得第一笔生产经营收入所属纳税年度起) — whether the
    project makes a profit in those years or not.  A contracted operation or
    construction, or a project for internal own use, of public infrastructure does not
    qualify (第八十七条); the project's income must be computed separately, with a fair
    share of period expenses (第一百零二条).

Keys read
    ``eit.project.<kind>.in_force`` (off: nothing is taken off),
    ``eit.project.<kind>.exempt_years``, ``.half_years``, ``.levy_share`` (kind
    ``infrastructure``: 第八十七条; ``environment``: 第八十八条);
    ``eit.project.contracting_excluded``, ``eit.project.separate_accounting``;
    each on the tax year's last day.

The computation
    Year ``n`` of the holiday is ``year − first_income_year + 1``.  In years 1–3 the
    project income is taken off the taxable income in full, in years 4–6
    ``ROUND(income × (1 − 50%), 2)`` half up (所得减免, A107020); a project loss, a
    year before the first income or after the sixth, takes nothing off.
    ``tax_saved`` is ``ROUND(reduction × rate, 2)`` at ``rate`` (by default the
    standard rate).

Choices and limits
    * Whether the project is in the catalogues (公共基础设施项目企业所得税优惠目录,
      环境保护、节能节水项目企业所得税优惠目录) and meets their conditions is the
      caller's fact; the catalogues are not encoded.
    * Projects built in batches (财税〔2012〕10号), projects approved before 2008
      (财税〔2014〕55号) and a transfer within the holiday (第八十九条) are not
      modelled.  In :func:`taxcalc.eit.annual` (``EnterpriseYear.projects``) the part
      taken off joins the technology-transfer relief, before the losses and at most
      the income.

>>> r = project_holiday(2021, "infrastructure", first_income_year=2018, income=Decimal("2000000"))
>>> r.holiday_year, r.phase, r.reduction, r.tax_saved
(4, 'half', Decimal('1000000.00'), Decimal('250000.00'))
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from ..errors import InvalidInput
from ..explain import Explained, Formula, Step, format_value
from ..inputs import Amount, Choice, Flag, Rate, Text, Year, record
from ..law import Law, LawValue
from ..money import ZERO, choice, flag, money, mul, round_fen, sub
from ._common import tax_year, the_law, year_end

__all__ = ["PROJECT_KINDS", "Project", "ProjectHoliday", "ProjectHolidayInput", "project_holiday"]

#: ``infrastructure`` (公共基础设施项目, 第八十七条), ``environment`` (环境保护、节能节水项目, 第八十八条).
PROJECT_KINDS: tuple[str, ...] = ("infrastructure", "environment")

K = "eit.project."
LINE = "A107020"
_ONE = Decimal(1)


@record
class ProjectHolidayInput:
    """One project's income of a tax year and the year of its first operating income."""

    year: Annotated[int, Year("the tax year")]
    kind: Annotated[str, Choice("infrastructure (公共基础设施项目) or environment (环境保护、节能节水项目)",
                                PROJECT_KINDS)]
    first_income_year: Annotated[int, Year("the tax year of the project's first operating income "
                                           "(第一笔生产经营收入)")]
    income: Annotated[Decimal, Amount("the project's income of the year, accounted for separately, yuan",
                                      sign="any")]
    separately_accounted: Annotated[bool, Flag("the project's income is computed separately (default "
                                               "true)")] = True
    contracted_or_own_use: Annotated[bool, Flag("contracted operation or construction, or internal own use "
                                                 "(承包经营、承包建设和内部自建自用)")] = False
    rate: Annotated[Decimal | None, Rate("the enterprise's rate for the tax saved (default: the standard "
                                         "rate)")] = None


@record
class Project:
    """One project of an enterprise's year, for :func:`taxcalc.eit.annual` (``EnterpriseYear.projects``)."""

    name: Annotated[str, Text("the project, e.g. its name", max_length=120)]
    kind: Annotated[str, Choice("infrastructure (公共基础设施项目) or environment (环境保护、节能节水项目)",
                                PROJECT_KINDS)]
    first_income_year: Annotated[int, Year("the tax year of the project's first operating income")]
    income: Annotated[Decimal, Amount("the project's income of the year, accounted for separately, yuan",
                                      sign="any")]
    separately_accounted: Annotated[bool, Flag("the project's income is computed separately (default "
                                               "true)")] = True
    contracted_or_own_use: Annotated[bool, Flag("contracted operation or construction, or internal own "
                                                "use")] = False


@dataclass(frozen=True, slots=True)
class ProjectHoliday(Explained):
    """A project's year of the holiday: ``phase`` is ``exempt``, ``half`` or ``none``; the income taken off."""

    year: int
    kind: str
    holiday_year: int
    phase: str
    income: Decimal
    reduction: Decimal
    rate: Decimal
    tax_saved: Decimal
    steps: tuple[Step, ...]


def _v(data: Law, key: str, year: int) -> tuple[LawValue, Step]:
    v = data.value(key, year_end(year))
    return v, data.step(v, key.rsplit(".", 1)[-1])


def _phase_formula(lang: str, year: int, first: int) -> str:
    return f"{year} − {first} + 1"


def _reduction_formula(lang: str, phase: str, income: Decimal, share: Decimal) -> str:
    i = format_value(income, "yuan")
    if phase == "exempt":
        return i if lang == "en" else f"项目所得 {i}"
    if phase == "half":
        s = format_value(sub(_ONE, share), "rate")
        return f"ROUND({i} × {s}, 2)" if lang == "en" else f"ROUND(项目所得 {i} × {s}, 2)"
    return "0"


def project_holiday(
    year: int,
    kind: str,
    *,
    first_income_year: int,
    income: Decimal,
    separately_accounted: bool = True,
    contracted_or_own_use: bool = False,
    rate: Decimal | None = None,
    law: Law | None = None,
) -> ProjectHoliday:
    """The part of a project's income of ``year`` taken off the taxable income by the holiday."""
    y = tax_year(year)
    k = choice(kind, "kind", PROJECT_KINDS)
    first = tax_year(first_income_year, "first_income_year")
    ti = money(income, "income")
    accounted = flag(separately_accounted, "separately_accounted")
    contracted = flag(contracted_or_own_use, "contracted_or_own_use")
    if rate is not None and (not isinstance(rate, Decimal) or not rate.is_finite() or not ZERO <= rate <= _ONE):
        raise InvalidInput("rate", f"must be a Decimal share between 0 and 1 (got {rate!r})")
    data = the_law(law)
    on_v, on_step = _v(data, K + k + ".in_force", y)
    exempt_v, exempt_step = _v(data, K + k + ".exempt_years", y)
    half_v, half_step = _v(data, K + k + ".half_years", y)
    share_v, share_step = _v(data, K + k + ".levy_share", y)
    exempt_n, half_n, share = exempt_v.value, half_v.value, share_v.value
    assert isinstance(exempt_n, int) and isinstance(half_n, int) and isinstance(share, Decimal)
    n = y - first + 1
    steps: list[Step] = [on_step, exempt_step, half_step, share_step,
                         Step("holiday_year", "优惠期第几年", "year of the holiday", n, "count",
                              Formula(_phase_formula, (y, first)), (exempt_v.citation,))]
    phase = "exempt" if 1 <= n <= exempt_n else "half" if exempt_n < n <= exempt_n + half_n else "none"
    barred: LawValue | None = None
    if not on_v.value:
        barred = on_v
    elif k == "infrastructure" and contracted:
        excluded = data.value(K + "contracting_excluded", year_end(y))
        barred = excluded if excluded.value else None
    if barred is None and not accounted:
        separate = data.value(K + "separate_accounting", year_end(y))
        barred = separate if separate.value else None
    if barred is not None:
        phase = "none"
        steps.append(Step("qualifies", "不享受优惠", "does not qualify", value=False, unit="bool",
                          cite=(barred.citation,)))
    positive = max(ti, ZERO)
    if phase == "exempt":
        reduction = positive
    elif phase == "half":
        reduction = round_fen(mul(positive, sub(_ONE, share)))
    else:
        reduction = ZERO
    if rate is None:
        rate_v, rate_step = _v(data, "eit.rate.standard", y)
        assert isinstance(rate_v.value, Decimal)
        applied, rate_steps = rate_v.value, [rate_step]
    else:
        applied, rate_steps = rate, [Step("rate", "企业适用税率（给定）", "the enterprise's rate (given)", rate, "rate")]
    saved = round_fen(mul(reduction, applied))
    zh_phase = {"exempt": "免征", "half": "减半征收", "none": "不减免"}[phase]
    steps += [
        Step("income", "项目所得（单独计算）", "project income (computed separately)", ti, "yuan", "", (), LINE),
        Step("reduction", f"减免所得额（{zh_phase}）", f"income taken off ({phase})", reduction, "yuan",
             Formula(_reduction_formula, (phase, positive, share)), (exempt_v.citation if phase == "exempt" else share_v.citation,) if phase != "none" else (), LINE),
        *rate_steps,
        Step("tax_saved", "减免的企业所得税", "tax saved", saved, "yuan",
             f"ROUND({format_value(reduction, 'yuan')} × {format_value(applied, 'rate')}, 2)"),
    ]
    return ProjectHoliday(y, k, n, phase, ti, reduction, applied, saved, tuple(steps))

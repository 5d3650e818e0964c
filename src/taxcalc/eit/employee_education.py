"""Employee education expenses: the deduction cap and the carry-forward (职工教育经费税前扣除).

The rule
    An enterprise's employee education expenses (职工教育经费支出) are deductible up
    to a share of the year's wages and salaries (工资薪金总额); the excess is carried
    forward to later tax years (超过部分，准予在以后纳税年度结转扣除), with no limit
    on the number of years:

    * ordinary enterprises (一般企业): 2.5% from 2008 (实施条例 第四十二条), 8% from
      2018-01-01 (财税〔2018〕51号 一);
    * high and new technology enterprises (高新技术企业): 8% from 2015-01-01
      (财税〔2015〕63号 一);
    * technology-advanced service enterprises (技术先进型服务企业): 8% from
      2017-01-01 (财税〔2017〕79号 一、2).

Keys read
    ``eit.education.cap.ordinary``, ``eit.education.cap.hnte``,
    ``eit.education.cap.tase`` (the one of ``kind``), on the tax year's last day.

Rounding
    The cap is ``ROUND(wages × share, 2)`` half up; the rest is exact.

Choices
    * The expenses carried forward from earlier years (``brought_forward``) are added
      to the year's own and deducted within the year's cap, whatever cap applied when
      they arose: the carry-forward of an excess under the 2.5% cap is deducted under
      the 8% cap of a later year.  Which part of the deduction is this year's and which
      is brought forward does not change the amounts, so it is not split.
    * ``adjustment`` is the tax adjustment against the book expense (纳税调整金额,
      A105050 第5行): positive where the expense exceeds the deduction (调增), negative
      where a carry-forward is used (调减).
    * ``kind`` is the enterprise's status for the year (the caller's fact: a valid
      certificate, or the recognition as a technology-advanced service enterprise).
      The zone pilots before 2015 (high-tech) and the pilot cities before 2017
      (technology-advanced service) are not encoded: a ``tase`` year before 2017 is
      outside the data (:class:`~taxcalc.errors.OutsideCoverage`), and a ``hnte`` year
      before 2015 has the general 2.5%.
    * The fully deductible training costs of software and integrated-circuit
      enterprises (职工培训费用, 财税〔2012〕27号 六) are not this rule: leave them out
      of ``expenses``.

>>> r = employee_education(2018, wages=Decimal("1000000"), expenses=Decimal("100000"),
...                        brought_forward=Decimal("5000"))
>>> r.cap, r.deducted, r.carried_forward
(Decimal('80000.00'), Decimal('80000.00'), Decimal('25000.00'))
>>> employee_education(2017, wages=Decimal("1000000"), expenses=Decimal("100000")).cap
Decimal('25000.00')
>>> print(r.step("cap").render("en"))
deduction cap: 80,000.00 = ROUND(1,000,000.00 × 8%, 2) [财税〔2018〕51号 一]
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from ..explain import Explained, Formula, Step, format_value
from ..inputs import Amount, Choice, Year, record
from ..law import Law
from ..money import ZERO, add, choice, mul, round_fen, sub
from ._common import amount, tax_year, the_law, year_end

__all__ = ["EDUCATION_KINDS", "EmployeeEducation", "EmployeeEducationInput", "employee_education"]

#: The enterprise's status for the cap: ``ordinary``, ``hnte`` (高新技术企业), ``tase`` (技术先进型服务企业).
EDUCATION_KINDS: tuple[str, ...] = ("ordinary", "hnte", "tase")

K = "eit.education.cap."
LINE = "A105050"

_KIND_ZH = {"ordinary": "一般企业", "hnte": "高新技术企业", "tase": "技术先进型服务企业"}
_KIND_EN = {"ordinary": "ordinary enterprise", "hnte": "high and new technology enterprise",
            "tase": "technology-advanced service enterprise"}


@record
class EmployeeEducationInput:
    """An enterprise's employee education expenses of a tax year, its wages and what it brings forward."""

    year: Annotated[int, Year("the tax year")]
    wages: Annotated[Decimal, Amount("wages and salaries of the year (工资薪金总额), yuan")]
    expenses: Annotated[Decimal, Amount("employee education expenses of the year (职工教育经费支出), yuan")]
    brought_forward: Annotated[Decimal, Amount("expenses carried forward from earlier years (以前年度结转), "
                                               "yuan")] = ZERO
    kind: Annotated[str, Choice("the enterprise's status this year: ordinary, hnte (高新技术企业) or tase "
                                "(技术先进型服务企业)", EDUCATION_KINDS)] = "ordinary"


@dataclass(frozen=True, slots=True)
class EmployeeEducation(Explained):
    """The year's deductible employee education expenses, the excess carried forward and the adjustment."""

    year: int
    kind: str
    share: Decimal
    cap: Decimal
    available: Decimal
    deducted: Decimal
    carried_forward: Decimal
    adjustment: Decimal
    steps: tuple[Step, ...]


def _cap_formula(lang: str, wages: Decimal, share: Decimal) -> str:
    w, s = format_value(wages, "yuan"), format_value(share, "rate")
    return f"ROUND({w} × {s}, 2)" if lang == "en" else f"ROUND(工资薪金总额 {w} × {s}, 2)"


def employee_education(
    year: int,
    *,
    wages: Decimal,
    expenses: Decimal,
    brought_forward: Decimal = ZERO,
    kind: str = "ordinary",
    law: Law | None = None,
) -> EmployeeEducation:
    """The deduction of ``expenses`` (plus ``brought_forward``) within the year's cap on ``wages``."""
    y = tax_year(year)
    w = amount(wages, "wages")
    e = amount(expenses, "expenses")
    b = amount(brought_forward, "brought_forward")
    k = choice(kind, "kind", EDUCATION_KINDS)
    data = the_law(law)
    key = K + k
    v = data.value(key, year_end(y))
    share = v.value
    assert isinstance(share, Decimal)
    cap = round_fen(mul(w, share))
    available = add(e, b)
    deducted = min(available, cap)
    carried = sub(available, deducted)
    adjustment = sub(e, deducted)
    cite = (v.citation,)
    steps = (
        Step("kind", f"企业类型：{_KIND_ZH[k]}", f"enterprise: {_KIND_EN[k]}", None),
        data.step(v, "share"),
        Step("wages", "工资薪金总额", "wages and salaries", w, "yuan", "", (), LINE + " 第1行"),
        Step("cap", "税前扣除限额", "deduction cap", cap, "yuan", Formula(_cap_formula, (w, share)), cite),
        Step("available", "本年支出与以前年度结转合计", "this year's expenses and those brought forward",
             available, "yuan", "expenses + brought_forward", (), "", "本年支出 + 以前年度结转"),
        Step("deducted", "准予扣除的职工教育经费", "deductible employee education expenses", deducted, "yuan",
             "MIN(available, cap)", cite, LINE + " 第5行", "MIN(合计, 扣除限额)"),
        Step("carried_forward", "结转以后年度扣除", "carried forward to later years", carried, "yuan",
             "available − deducted", cite, LINE + " 第5行", "合计 − 准予扣除"),
        Step("adjustment", "纳税调整金额（正数调增，负数调减）", "tax adjustment (+ added back, − deducted)",
             adjustment, "yuan", "expenses − deducted", (), LINE + " 第5行", "本年支出 − 准予扣除"),
    )
    return EmployeeEducation(y, k, share, cap, available, deducted, carried, adjustment, steps)

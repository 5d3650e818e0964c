"""Interest on small loans to small and micro businesses, exempt from VAT (金融机构小微企业贷款利息收入免征增值税).

The rule
    A financial institution's interest income from small loans (小额贷款) to small
    and micro enterprises (小型企业、微型企业) and individual businesses (个体工商户)
    is exempt from VAT, by one of two methods the institution chooses for each
    accounting year (按会计年度选定其一，一经选定，该会计年度内不得变更):

    * ``per_loan_rate`` (方法（一）): a loan whose rate is not above 150% of the
      reference rate (含本数) has all its interest exempt; a loan above it has
      none exempt;
    * ``split`` (方法（二）): of each loan's interest, the part not above the
      interest at 150% of the reference rate (含本数) is exempt, the rest taxed.

    Windows (by the day the interest income arises): 2017-12-01 – 2018-08-31 under
    财税〔2017〕77号 (第一条: credit at most 100万 (含本数), and no rate test: all the
    interest of a qualifying small loan is exempt, the method chosen does not apply
    and the reference rate is not read); 2018-09-01 – 2020-12-31
    (财税〔2018〕91号 第一条); extended to 2023-12-31 (财政部 税务总局公告2021年第6号);
    2024-01-01 – 2025-12-31 by 财政部 税务总局公告2023年第16号 (announced to 2027-12-31).
    From 2026-01-01 to 2027-12-31 the exemption is declared **unverified**: whether
    16号 continues under the 增值税法 was not found (财政部 税务总局公告2026年第10号 第六条
    stops the domestic VAT preferences of documents issued before 2025-12-31 other than
    those it keeps), so interest of those days is refused with the reason
    (:class:`~taxcalc.errors.Unverified`), neither exempted nor taxed by assumption.

    Eligibility: the lender is an institution of 91号 第二条 (one that passed the
    regulator's test of the year before, or a policy, development or foreign bank
    or a non-bank financial institution; from 2024 the test is the small-business
    loan growth target, 16号 第二条) — the caller says so (``lender_qualifies``);
    the borrower is a small or micro enterprise under 工信部联企业〔2011〕300号 or
    an individual business (第三条); the borrower's credit line is at most 1000万
    (含本数), or without a credit line both the contract amount and the balance of
    its loans are (第四条); and the exempt interest is accounted for separately
    (第五条: 未单独核算的，不得免征).

    The reference rate is the rate of the loan's term on the day it was made:
    the PBoC benchmark lending rate (人民银行同期贷款基准利率) for loans made before
    2019-08-20, the loan prime rate (LPR) from then (财政部 税务总局公告2020年第40号
    第二条; 2023年第16号 第一条).  Terms: up to 12 months the one-year rate; the
    benchmark's 一至五年（含五年） tier to 60 months and 五年以上 beyond; for the LPR,
    from 60 months the over-five-year LPR, and between 12 and 60 months (exclusive)
    the lender's choice of the one-year or the over-five-year LPR (40号 第二条).

Keys read
    ``vat.small_loan_interest.credit_limit``, ``.rate_test`` and, where it is true,
    ``.rate_multiple`` (on the interest day); ``.reference``, ``.term_one_year_months``, ``.term_five_years_months``,
    ``.benchmark.*``, ``.lpr.*`` (on the loan day); ``vat.rate.financial_services``
    (the VAT on the taxable interest).

Rounding
    The exempt part of a loan under ``split`` is ``ROUND(interest × cap ÷ rate, 2)``
    half up: the interest at the cap, taken in proportion to the interest
    received.  The VAT shown is ``ROUND(interest ÷ (1 + 6%) × 6%, 2)`` of the
    year's taxable and of its whole interest, the interest being received tax
    included; the saving is their difference.

Choices and limits
    * ``interest`` is the interest income of the loan recognised on
      ``interest_date``; all loans of one computation are of one accounting year
      (the calendar year, 会计年度), as one method holds for the year.
    * The cap is compared exactly: ``rate ≤ 1.5 × reference``.
    * The lender's test and the borrower's size (300号 thresholds) are the
      caller's facts; lenders under the simplified method are not modelled.
    * Borrowers are those of 91号: loans to 农户 (farm households), exempt under
      77号 (and before it 财税〔2017〕44号), are out of scope (give ``other`` and
      treat them apart).  From 2018-09-01 only 91号 is applied: a loan within
      77号's 100万 limit whose rate is above the cap could, to 2019-12-31, still
      be exempt under 77号 (91号 第七条); that overlap is not modelled.
    * Interest arising before 2017-12-01 is :class:`~taxcalc.errors.NotInForce`
      (no such exemption existed; before 营改增 lending paid business tax).
    * Interest arising in 2026–2027 is refused as unverified (above); interest after
      2027-12-31, a loan made before 2015-10-24, and an LPR after the data's last fixing
      are outside the data (:class:`~taxcalc.errors.OutsideCoverage`).

>>> loan = SmallLoan(interest=Decimal("80000"), interest_date=_dt.date(2019, 6, 30),
...                  issued_on=_dt.date(2019, 1, 2), term_months=12, annual_rate=Decimal("0.08"),
...                  borrower="micro", credit_line=Decimal("5000000"))
>>> r = small_loan_interest([loan], "split", lender_qualifies=True)
>>> r.exempt, r.taxable, r.saving
(Decimal('65250.00'), Decimal('14750.00'), Decimal('3693.39'))
>>> small_loan_interest([loan], "per_loan_rate", lender_qualifies=True).exempt
Decimal('0')
>>> print(r.step("loans[0].cap_rate").render("en"))
loan 1: rate cap: 6.525% = 4.35% × 1.5 [财税〔2018〕91号 第一条]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from ..errors import InvalidInput
from ..explain import Explained, Formula, Step, format_value
from ..inputs import Amount, Choice, Date, Flag, Integer, Rate, Rows, record
from ..law import Law, LawValue
from ..money import ZERO, add, choice, div, flag, mul, round_fen, sub, total
from ._common import law_or_default

__all__ = ["BORROWERS", "LOAN_METHODS", "LPR_TENORS", "LoanInterest", "SmallLoan", "SmallLoanInterest",
           "SmallLoanInterestInput", "small_loan_interest"]

#: 方法（一） and 方法（二） of 财税〔2018〕91号 第一条.
LOAN_METHODS: tuple[str, ...] = ("per_loan_rate", "split")
#: ``small`` and ``micro`` enterprises (工信部联企业〔2011〕300号), ``individual_business``
#: (个体工商户), ``other`` (any other borrower: no exemption).
BORROWERS: tuple[str, ...] = ("small", "micro", "individual_business", "other")
#: For a term over one year and under five: the one-year or the over-five-year LPR.
LPR_TENORS: tuple[str, ...] = ("one_year", "five_years")

K = "vat.small_loan_interest."
LIMIT, MULTIPLE, REFERENCE = K + "credit_limit", K + "rate_multiple", K + "reference"
RATE_TEST = K + "rate_test"
ONE_YEAR, FIVE_YEARS = K + "term_one_year_months", K + "term_five_years_months"
VAT_RATE = "vat.rate.financial_services"
_ONE = Decimal(1)


def _loan_problems(loan: SmallLoan, at: str = "") -> Iterator[tuple[str, str]]:
    if loan.issued_on > loan.interest_date:
        yield at + "interest_date", f"the interest arises on {loan.interest_date}, before the loan was made " \
                                    f"({loan.issued_on})"
    if loan.credit_line is None and (loan.contract_amount is None or loan.balance is None):
        yield at + "credit_line", "give the borrower's credit line, or (without one) both contract_amount and balance"


@record
class SmallLoan:
    """One loan to a small or micro business and its interest income of the period."""

    interest: Annotated[Decimal, Amount("the loan's interest income (tax included)")]
    interest_date: Annotated[_dt.date, Date("the day the interest income arises")]
    issued_on: Annotated[_dt.date, Date("the day the loan was made (its reference rate is that day's)")]
    term_months: Annotated[int, Integer("the loan's term in months", minimum=1, maximum=600)]
    annual_rate: Annotated[Decimal, Rate("the loan's annual interest rate, e.g. 6%")]
    borrower: Annotated[str, Choice("small, micro (工信部联企业〔2011〕300号), individual_business, or other",
                                    BORROWERS)]
    credit_line: Annotated[Decimal | None, Amount("the credit line granted to the borrower (单户授信)")] = None
    contract_amount: Annotated[Decimal | None, Amount("without a credit line: the borrower's loan contract amount")] = None
    balance: Annotated[Decimal | None, Amount("without a credit line: the borrower's loan balance")] = None
    lpr_tenor: Annotated[str | None, Choice("for an LPR loan of over 1 and under 5 years: the LPR chosen "
                                            "(one_year or five_years)", LPR_TENORS)] = None

    def checks(self) -> Iterator[tuple[str, str]]:
        """The loan is made on or before the interest day; a credit line, or a contract amount and balance."""
        yield from _loan_problems(self)


@record
class SmallLoanInterestInput:
    """A lender's interest on small loans in one accounting year, and the method chosen for the year."""

    method: Annotated[str, Choice("the method chosen for the year: per_loan_rate (方法（一）) or split (方法（二）)",
                                  LOAN_METHODS)]
    loans: Annotated[tuple[SmallLoan, ...], Rows("the loans and their interest", SmallLoan, max_items=500)]
    lender_qualifies: Annotated[bool, Flag("the lender is an institution of 财税〔2018〕91号 第二条 "
                                           "(or 2023年第16号 第二条); required")]
    separately_accounted: Annotated[bool, Flag("the exempt interest is accounted for separately "
                                               "(default true; 未单独核算的，不得免征)")] = True

    def checks(self) -> Iterator[tuple[str, str]]:
        """At least one loan; all interest in one accounting year (one method a year)."""
        yield from _year_problems(self.loans)


def _year_problems(loans: Sequence[SmallLoan]) -> Iterator[tuple[str, str]]:
    if not loans:
        yield "loans", "needs at least one loan"
        return
    year = loans[0].interest_date.year
    for i, loan in enumerate(loans):
        if loan.interest_date.year != year:
            yield f"loans[{i}].interest_date", f"one method holds for an accounting year: all interest must " \
                                                f"arise in {year} (got {loan.interest_date})"


@dataclass(frozen=True, slots=True)
class LoanInterest:
    """One loan's interest split into its exempt and taxable parts (``reason``: why nothing is exempt)."""

    index: int
    eligible: bool
    reason: str
    reference_rate: Decimal | None
    cap_rate: Decimal | None
    interest: Decimal
    exempt: Decimal
    taxable: Decimal

    def reason_in(self, lang: str = "en") -> str:
        """``reason`` in words, in ``lang`` (``"zh"`` or ``"en"``); empty when the loan qualifies."""
        if not self.reason:
            return ""
        zh, en = _REASONS[self.reason]
        return zh if lang == "zh" else en


@dataclass(frozen=True, slots=True)
class SmallLoanInterest(Explained):
    """A year's interest on small loans: exempt and taxable, the VAT on the taxable part and the saving."""

    year: int
    method: str
    interest: Decimal
    exempt: Decimal
    taxable: Decimal
    vat_rate: Decimal
    output_tax: Decimal
    output_tax_without_exemption: Decimal
    saving: Decimal
    loans: tuple[LoanInterest, ...]
    steps: tuple[Step, ...]


def _v(data: Law, key: str, on: _dt.date) -> tuple[LawValue, Step]:
    v = data.value(key, on)
    return v, data.step(v, key.rsplit(".", 1)[-1])


def _reference(data: Law, loan: SmallLoan, i: int) -> tuple[Decimal, list[Step]]:
    """The reference rate of the loan's term on the day it was made, with its steps."""
    kind, kind_step = _v(data, REFERENCE, loan.issued_on)
    short, _ = _v(data, ONE_YEAR, loan.issued_on)
    long, _ = _v(data, FIVE_YEARS, loan.issued_on)
    n = loan.term_months
    assert isinstance(short.value, int) and isinstance(long.value, int)
    if kind.value == "pboc_benchmark":
        tier = ("up_to_one_year" if n <= short.value else "one_to_five_years" if n <= long.value
                else "over_five_years")
        key = K + "benchmark." + tier
    elif n <= short.value:
        key = K + "lpr.one_year"
    elif n >= long.value:
        key = K + "lpr.five_years"
    elif loan.lpr_tenor is None:
        raise InvalidInput(f"loans[{i}].lpr_tenor", f"a {n}-month loan made on {loan.issued_on} is measured "
                           "against the 1-year or the over-5-year LPR at the lender's choice: give one_year or "
                           "five_years (财政部 税务总局公告2020年第40号 第二条)")
    else:
        key = K + "lpr." + loan.lpr_tenor
    rate, rate_step = _v(data, key, loan.issued_on)
    assert isinstance(rate.value, Decimal)
    return rate.value, [_named(kind_step, f"loans[{i}].reference", i), _named(rate_step, f"loans[{i}].reference_rate", i)]


def _named(step: Step, name: str, i: int | None = None) -> Step:
    zh, en = (step.zh, step.en) if i is None else (f"第{i + 1}笔贷款：{step.zh}", f"loan {i + 1}: {step.en}")
    return Step(name, zh, en, step.value, step.unit, step.formula, step.cite, step.line, step.formula_zh)


def _eligibility(loan: SmallLoan, limit: Decimal, *, lender: bool, accounted: bool) -> str:
    """Why the loan's interest cannot be exempt, or ``""``."""
    if not lender:
        return "lender"
    if not accounted:
        return "not_separately_accounted"
    if loan.borrower == "other":
        return "borrower"
    amounts = (loan.credit_line,) if loan.credit_line is not None else (loan.contract_amount, loan.balance)
    if any(a is not None and a > limit for a in amounts):
        return "credit_limit"
    return ""


_REASONS = {
    "lender": ("贷款机构不属于规定的金融机构", "the lender is not an institution of the notice"),
    "not_separately_accounted": ("未单独核算，不得免征", "not accounted for separately: no exemption"),
    "borrower": ("借款人不是小型企业、微型企业或个体工商户", "the borrower is not a small or micro business"),
    "credit_limit": ("单户授信（或合同金额、贷款余额）超过上限", "the borrower's credit (or contract or balance) "
                     "is above the cap"),
    "rate": ("贷款利率高于参考利率的150%", "the loan's rate is above 150% of the reference rate"),
}


def _one_loan(data: Law, loan: SmallLoan, i: int, method: str, steps: list[Step], *, lender: bool,
              accounted: bool) -> LoanInterest:
    limit_v, limit_step = _v(data, LIMIT, loan.interest_date)
    test_v, test_step = _v(data, RATE_TEST, loan.interest_date)
    limit, rate_test = limit_v.value, test_v.value
    assert isinstance(limit, Decimal) and isinstance(rate_test, bool)
    mult_v = _v(data, MULTIPLE, loan.interest_date) if rate_test else None  # 77号: no multiple read
    if i == 0:
        steps += [limit_step, test_step] + ([mult_v[1]] if mult_v else [])
    interest = loan.interest
    reason = _eligibility(loan, limit, lender=lender, accounted=accounted)
    if reason:
        zh, en = _REASONS[reason]
        steps.append(Step(f"loans[{i}].eligible", f"第{i + 1}笔贷款：{zh}", f"loan {i + 1}: {en}", value=False, unit="bool",
                          cite=(limit_v.citation,) if reason == "credit_limit" else ()))
        return LoanInterest(i, eligible=False, reason=reason, reference_rate=None, cap_rate=None,
                            interest=interest, exempt=ZERO, taxable=interest)
    if not rate_test:  # 财税〔2017〕77号: every qualifying small loan's interest, whatever its rate
        steps.append(Step(f"loans[{i}].exempt", f"第{i + 1}笔贷款：免税利息收入", f"loan {i + 1}: exempt interest",
                          interest, "yuan", Formula(_no_test_formula, (interest,)), (test_v.citation,)))
        return LoanInterest(i, eligible=True, reason="", reference_rate=None, cap_rate=None, interest=interest,
                            exempt=interest, taxable=ZERO)
    assert mult_v is not None
    multiple = mult_v[0]
    mult = multiple.value
    assert isinstance(mult, Decimal)
    if not any(st.name == "rate_multiple" for st in steps):  # the first loan is of a window without rate test
        steps.append(mult_v[1])
    reference, ref_steps = _reference(data, loan, i)
    steps += ref_steps
    cap = mul(reference, mult)
    steps.append(Step(f"loans[{i}].cap_rate", f"第{i + 1}笔贷款：免税利率上限", f"loan {i + 1}: rate cap",
                      cap, "rate", Formula(_cap_formula, (reference, mult)), (multiple.citation,)))
    within = loan.annual_rate <= cap
    if within:
        exempt = interest
    elif method == "per_loan_rate":
        exempt = ZERO
    else:
        exempt = round_fen(div(mul(interest, cap), loan.annual_rate))
    taxable = sub(interest, exempt)
    steps.append(Step(f"loans[{i}].exempt", f"第{i + 1}笔贷款：免税利息收入", f"loan {i + 1}: exempt interest",
                      exempt, "yuan", Formula(_exempt_formula, (method, within, interest, cap, loan.annual_rate)),
                      (multiple.citation,)))
    eligible = within or method == "split"
    return LoanInterest(i, eligible, "" if eligible else "rate",
                        reference, cap, interest, exempt, taxable)


def _no_test_formula(lang: str, interest: Decimal) -> str:
    i = format_value(interest, "yuan")
    return f"no rate test: all interest {i}" if lang == "en" else f"不设利率条件：全部利息 {i}"


def _cap_formula(lang: str, reference: Decimal, mult: Decimal) -> str:
    ref = format_value(reference, "rate")
    return f"{ref} × {mult}" if lang == "en" else f"参考利率 {ref} × {mult}"


def _exempt_formula(lang: str, method: str, within: object, interest: Decimal, cap: Decimal, rate: Decimal) -> str:
    r, c = format_value(rate, "rate"), format_value(cap, "rate")
    if within:
        return f"rate {r} ≤ cap {c}: all interest" if lang == "en" else f"利率 {r} ≤ 上限 {c}：全部利息"
    if method == "per_loan_rate":
        return f"rate {r} > cap {c}: none (method 1)" if lang == "en" else f"利率 {r} > 上限 {c}：方法（一）不免"
    i = format_value(interest, "yuan")
    return (f"ROUND({i} × {c} ÷ {r}, 2)" if lang == "en" else f"ROUND(利息 {i} × 上限 {c} ÷ 利率 {r}, 2)")


def _tax(amount: Decimal, rate: Decimal) -> Decimal:
    return round_fen(div(mul(amount, rate), add(_ONE, rate)))


def small_loan_interest(
    loans: Sequence[SmallLoan],
    method: str,
    *,
    lender_qualifies: bool,
    separately_accounted: bool = True,
    law: Law | None = None,
) -> SmallLoanInterest:
    """The exempt and taxable interest of a year's small loans under ``method``, and the VAT saved."""
    m = choice(method, "method", LOAN_METHODS)
    lender = flag(lender_qualifies, "lender_qualifies")
    accounted = flag(separately_accounted, "separately_accounted")
    if isinstance(loans, str | bytes) or not isinstance(loans, Sequence):
        raise InvalidInput("loans", "must be a list of SmallLoan")
    for i, loan in enumerate(loans):
        if not isinstance(loan, SmallLoan):
            raise InvalidInput(f"loans[{i}]", "must be a SmallLoan")
        for field, reason in _loan_problems(loan, f"loans[{i}]."):
            raise InvalidInput(field, reason)
    for field, reason in _year_problems(loans):
        raise InvalidInput(field, reason)
    data = law_or_default(law)
    steps: list[Step] = [Step("method", "本会计年度选定的免税方法", "method chosen for the accounting year", m,
                              cite=())]
    results = tuple(_one_loan(data, loan, i, m, steps, lender=lender, accounted=accounted) for i, loan in enumerate(loans))
    tests = [data.value(RATE_TEST, loan.interest_date) for loan in loans]
    if not any(t.value for t in tests):  # no loan is measured against a rate: the method decides nothing
        steps[0] = Step("method", "本会计年度选定的免税方法（不适用：免税不设利率条件）",
                        "method chosen for the accounting year (does not apply: no rate test)", m,
                        cite=(tests[0].citation,))
    else:  # the methods of the first loan measured against a rate
        steps[0] = Step("method", "本会计年度选定的免税方法", "method chosen for the accounting year", m,
                        cite=(next(t for t in tests if t.value).citation,))
    interest = total(r.interest for r in results)
    exempt = total(r.exempt for r in results)
    taxable = sub(interest, exempt)
    last_day = max(loan.interest_date for loan in loans)
    rate_v, rate_step = _v(data, VAT_RATE, last_day)
    rate = rate_v.value
    assert isinstance(rate, Decimal)
    with_tax = _tax(taxable, rate)
    without = _tax(interest, rate)
    steps += [
        Step("exempt", "免税利息收入合计", "exempt interest", exempt, "yuan", "SUM(loans[].exempt)",
             formula_zh="各笔免税利息之和"),
        Step("taxable", "应税利息收入合计", "taxable interest", taxable, "yuan", "interest − exempt",
             formula_zh="利息收入 − 免税利息"),
        _named(rate_step, "vat_rate"),
        Step("output_tax", "应税利息的销项税额", "output VAT on the taxable interest", with_tax, "yuan",
             "ROUND(taxable ÷ (1 + rate) × rate, 2)", formula_zh="ROUND(应税利息 ÷ (1 + 税率) × 税率, 2)"),
        Step("saving", "免税减少的增值税", "VAT saved by the exemption", sub(without, with_tax), "yuan",
             "ROUND(interest ÷ (1 + rate) × rate, 2) − output_tax",
             formula_zh="全部利息的销项税额 − 应税利息的销项税额"),
    ]
    return SmallLoanInterest(loans[0].interest_date.year, m, interest, exempt, taxable, rate, with_tax, without,
                             sub(without, with_tax), results, tuple(steps))

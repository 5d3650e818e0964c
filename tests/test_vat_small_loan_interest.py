"""Interest on small loans to small and micro businesses (财税〔2018〕91号 and successors): the
windows, the 1000万 cap, the 150% cap under both methods, the reference-rate tables and the
LPR tenor choice, the refusals, and properties (the exemption never raises the tax; exempt
plus taxable is the interest)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.errors import InputProblems, InvalidInput, OutsideCoverage, UnknownCategory
from taxcalc.vat import SmallLoan, small_loan_interest

D = dt.date
P = Decimal


def loan(**kw: object) -> SmallLoan:
    base: dict[str, object] = dict(interest=P("10000"), interest_date=D(2019, 6, 30), issued_on=D(2019, 1, 2),
                                   term_months=12, annual_rate=P("0.05"), borrower="small",
                                   credit_line=P("5000000"))
    base.update(kw)
    return SmallLoan(**base)  # type: ignore[arg-type]


def run(*loans: SmallLoan, method: str = "split", lender: bool = True, **kw: object):
    return small_loan_interest(list(loans), method, lender_qualifies=lender, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("day", "covered"), [
    (D(2018, 8, 31), True), (D(2018, 9, 1), True),  # 77号 to 2018-08-31, 91号 第一条: 自2018年9月1日
    (D(2020, 12, 31), True), (D(2021, 1, 1), True),  # extended by 2021年第6号
    (D(2023, 12, 31), True), (D(2024, 1, 1), True),  # 2023年第16号
    (D(2025, 12, 31), True), (D(2026, 1, 1), False),  # status under the 增值税法 not found
])
def test_windows_by_the_interest_day(day, covered):
    one = loan(interest_date=day, issued_on=D(2018, 1, 2) if day.year < 2020 else D(2020, 1, 2),
               credit_line=P("1000000"))
    if covered:
        assert run(one).exempt == P("10000")
    else:
        with pytest.raises(OutsideCoverage, match="vat.small_loan_interest"):
            run(one)


def test_the_cited_document_follows_the_window():
    assert str(run(loan()).step("credit_limit").cite[0]) == "财税〔2018〕91号 第四条"
    r = run(loan(interest_date=D(2022, 5, 1), issued_on=D(2022, 1, 4)))
    assert r.step("credit_limit").cite[0].doc == "财政部 税务总局公告2021年第6号"
    r = run(loan(interest_date=D(2024, 5, 1), issued_on=D(2024, 3, 1)))
    assert str(r.step("rate_multiple").cite[0]) == "财政部 税务总局公告2023年第16号 第一条"


def test_credit_limit_is_inclusive():
    assert run(loan(credit_line=P("10000000"))).exempt == P("10000")
    r = run(loan(credit_line=P("10000000.01")))
    assert r.exempt == 0 and r.loans[0].reason == "credit_limit" and r.taxable == P("10000")
    no_line = dict(credit_line=None, contract_amount=P("10000000"), balance=P("10000000"))
    assert run(loan(**no_line)).exempt == P("10000")
    assert run(loan(**{**no_line, "balance": P("10000000.01")})).exempt == 0
    assert run(loan(**{**no_line, "contract_amount": P("10000000.01")})).exempt == 0


def test_rate_exactly_at_150_percent_is_exempt_under_both_methods():
    # benchmark up to one year 4.35% × 1.5 = 6.525% (含本数)
    at = loan(annual_rate=P("0.06525"))
    above = loan(annual_rate=P("0.065251"))
    for method in ("per_loan_rate", "split"):
        assert run(at, method=method).exempt == P("10000")
    assert run(above, method="per_loan_rate").exempt == 0
    assert run(above, method="per_loan_rate").loans[0].reason == "rate"
    split = run(above, method="split")
    assert split.exempt == P("9999.85") and split.taxable == P("0.15")  # 10000 × 6.525 ÷ 6.5251


@pytest.mark.parametrize(("months", "issued", "expected"), [
    (12, D(2019, 8, 19), P("0.0435")), (13, D(2019, 8, 19), P("0.0475")),
    (60, D(2019, 8, 19), P("0.0475")), (61, D(2019, 8, 19), P("0.049")),  # 一至五年（含五年）
    (12, D(2019, 8, 20), P("0.0425")), (60, D(2019, 8, 20), P("0.0485")),  # LPR from 2019-08-20
    (12, D(2019, 9, 19), P("0.0425")), (12, D(2019, 9, 20), P("0.042")),
    (12, D(2025, 5, 19), P("0.031")), (12, D(2025, 5, 20), P("0.03")), (600, D(2025, 5, 20), P("0.035")),
])
def test_reference_rate_by_term_and_loan_day(months, issued, expected):
    r = run(loan(term_months=months, issued_on=issued, interest_date=D(2025, 6, 30)))
    assert r.loans[0].reference_rate == expected
    assert r.loans[0].cap_rate == expected * P("1.5")


def test_a_loan_of_one_to_five_years_on_the_lpr_needs_the_tenor_chosen():
    mid = loan(term_months=36, issued_on=D(2020, 5, 6), interest_date=D(2020, 12, 31))
    with pytest.raises(InvalidInput, match=r"loans\[0\].lpr_tenor.*40号 第二条"):
        run(mid)
    assert run(dataclasses.replace(mid, lpr_tenor="one_year")).loans[0].reference_rate == P("0.0385")
    assert run(dataclasses.replace(mid, lpr_tenor="five_years")).loans[0].reference_rate == P("0.0465")
    # before the LPR, the benchmark applies and no choice is needed
    assert run(dataclasses.replace(mid, issued_on=D(2019, 5, 6))).loans[0].reference_rate == P("0.0475")


def test_data_limits_are_coverage_errors():
    with pytest.raises(OutsideCoverage, match="reference"):
        run(loan(issued_on=D(2015, 10, 23)))
    with pytest.raises(OutsideCoverage, match="lpr.one_year"):
        run(loan(issued_on=D(2025, 11, 20), interest_date=D(2025, 12, 1)))


@pytest.mark.parametrize(("change", "reason"), [
    ({"borrower": "other"}, "borrower"),
])
def test_ineligible_borrower(change, reason):
    r = run(loan(**change))
    assert r.exempt == 0 and r.loans[0].reason == reason and not r.loans[0].eligible


def test_lender_and_separate_accounts():
    assert run(loan(), lender=False).loans[0].reason == "lender"
    assert run(loan(), separately_accounted=False).loans[0].reason == "not_separately_accounted"
    for b in ("small", "micro", "individual_business"):
        assert run(loan(borrower=b)).exempt == P("10000")


def test_golden_year_with_two_loans_and_the_vat():
    # 80000 at 8% against 6.525%: 65250 exempt; 30000 at 6% on the 5-year LPR 4.85% × 1.5: all exempt
    rule = rules.get("vat.small_loan_interest")
    r = rule.compute(rule.load().example)
    assert (r.exempt, r.taxable) == (P("95250.00"), P("14750.00"))
    assert r.output_tax == P("834.91")  # 14750 ÷ 1.06 × 6%
    assert r.output_tax_without_exemption == P("6226.42")  # 110000 ÷ 1.06 × 6%
    assert r.saving == P("5391.51")
    assert str(r.step("vat_rate").cite[0]).startswith("财税〔2016〕36号")
    assert "ROUND(80,000.00 × 6.525% ÷ 8%, 2)" in r.explain("en")
    assert "第1笔贷款" in r.explain("zh")


def test_refusals():
    with pytest.raises(InvalidInput, match="at least one loan"):
        run()
    with pytest.raises(InvalidInput, match=r"loans\[1\].interest_date.*2019"):
        run(loan(), loan(interest_date=D(2020, 1, 1)))
    with pytest.raises(InvalidInput, match=r"loans\[0\].interest_date.*before the loan"):
        run(loan(issued_on=D(2019, 7, 1)))
    with pytest.raises(InvalidInput, match=r"loans\[0\].credit_line"):
        run(loan(credit_line=None, contract_amount=P("1")))
    with pytest.raises(UnknownCategory, match="method"):
        run(loan(), method="both")
    with pytest.raises(InvalidInput, match=r"loans\[0\]"):
        small_loan_interest(["x"], "split", lender_qualifies=True)  # type: ignore[list-item]


def test_parse_refuses_with_the_path():
    rule = rules.get("vat.small_loan_interest")
    doc = rule.load().example
    second = {k: v for k, v in doc["loans"][1].items() if k not in ("credit_line", "contract_amount")}
    with pytest.raises(InputProblems) as info:
        rule.read({**doc, "loans": [doc["loans"][0], second]})
    assert [p.path for p in info.value.problems] == ["loans[1].credit_line"]
    other_year = {**doc["loans"][1], "interest_date": "2020-01-01"}
    with pytest.raises(InputProblems) as info:
        rule.read({**doc, "loans": [doc["loans"][0], other_year]})
    assert [p.path for p in info.value.problems] == ["loans[1].interest_date"]
    with pytest.raises(InputProblems, match="at least one loan"):
        rule.read({**doc, "loans": []})


amounts = st.decimals(min_value=0, max_value=10**7, places=2)
rates = st.decimals(min_value=0, max_value=P("0.24"), places=4)
days = st.dates(D(2019, 1, 1), D(2019, 12, 31))


@st.composite
def loans(draw):
    day = draw(days)
    return loan(interest=draw(amounts), interest_date=day, issued_on=draw(st.dates(D(2016, 1, 1), day)),
                term_months=draw(st.integers(1, 120)), annual_rate=draw(rates),
                borrower=draw(st.sampled_from(["small", "micro", "individual_business", "other"])),
                credit_line=draw(st.decimals(min_value=0, max_value=2 * 10**7, places=2)), lpr_tenor="one_year")


@given(st.lists(loans(), min_size=1, max_size=4), st.sampled_from(["per_loan_rate", "split"]))
def test_the_exemption_never_raises_the_tax_and_the_parts_sum_to_the_interest(xs, method):
    r = run(*xs, method=method)
    assert r.exempt + r.taxable == r.interest == sum(x.interest for x in xs)
    for part in r.loans:
        assert part.exempt + part.taxable == part.interest and 0 <= part.exempt <= part.interest
    assert 0 <= r.output_tax <= r.output_tax_without_exemption and r.saving >= 0
    # the split never exempts less than the per-loan test
    other = run(*xs, method="split" if method == "per_loan_rate" else "per_loan_rate")
    low, high = (r, other) if method == "per_loan_rate" else (other, r)
    assert low.exempt <= high.exempt


def test_hostile_context():
    expected = run(loan(annual_rate=P("0.07")))
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        assert run(loan(annual_rate=P("0.07"))) == expected
    assert expected.exempt == P("9321.43")  # 10000 × 6.525 ÷ 7 = 9321.428…

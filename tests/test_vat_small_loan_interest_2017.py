"""Interest on small loans before 财税〔2018〕91号: the 财税〔2017〕77号 window (2017-12-01 –
2018-08-31: credit at most 100万 inclusive, no rate test, the method chosen does not apply)
and the declared gap before it — the day before and the day of each switch, the credit line
at the limit and one fen over, the steps' values and citations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from taxcalc import law
from taxcalc.errors import NotInForce
from taxcalc.vat import SmallLoan, small_loan_interest

D = dt.date
P = Decimal
GAP = ("no VAT exemption of interest on loans to small and micro enterprises existed: the first began on "
       "2017-12-01 (财税〔2017〕77号 第一条); before 营改增 (2016-05-01) lending paid business tax, not VAT")


def loan(**kw: object) -> SmallLoan:
    # 20% a year: far above 150% of any reference rate of the time (4.35% × 1.5 = 6.525%)
    base: dict[str, object] = dict(interest=P("10600"), interest_date=D(2018, 3, 31), issued_on=D(2013, 1, 2),
                                   term_months=120, annual_rate=P("0.20"), borrower="micro",
                                   credit_line=P("1000000"))
    base.update(kw)
    return SmallLoan(**base)  # type: ignore[arg-type]


def run(*loans: SmallLoan, method: str = "per_loan_rate", **kw: object):
    return small_loan_interest(list(loans), method, lender_qualifies=True, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("day", [D(2008, 1, 1), D(2016, 5, 1), D(2017, 11, 30)])
def test_before_2017_12_01_no_exemption_existed(day):
    with pytest.raises(NotInForce) as info:
        run(loan(interest_date=day, issued_on=D(2007, 1, 2)))
    assert info.value.key == "vat.small_loan_interest.credit_limit"
    assert info.value.gap == GAP


@pytest.mark.parametrize("key", ["credit_limit", "rate_test"])
def test_each_key_read_on_the_interest_day_opens_with_the_gap_citing_77(key):
    first = law.history("vat.small_loan_interest." + key)[0]
    assert (first.first, first.last, first.gap) == (D(2002, 1, 1), D(2017, 11, 30), GAP)
    assert str(first.citation) == "财税〔2017〕77号 第一条"
    assert law.document("财税〔2017〕77号").effective_from == D(2017, 12, 1)


def test_the_multiple_is_a_gap_until_91_began_as_77_has_no_rate_test():
    first, second = law.history("vat.small_loan_interest.rate_multiple")[:2]
    assert (first.first, first.last) == (D(2002, 1, 1), D(2018, 8, 31))
    assert first.gap.startswith(GAP + "; and 77号 (2017-12-01 – 2018-08-31) exempts all the interest")
    assert str(first.citation) == "财税〔2017〕77号 第一条"
    assert (second.first, second.value, str(second.citation)) == (D(2018, 9, 1), P("1.5"), "财税〔2018〕91号 第一条")


@pytest.mark.parametrize("day", [D(2017, 12, 1), D(2018, 3, 31), D(2018, 8, 31)])
@pytest.mark.parametrize("method", ["per_loan_rate", "split"])
def test_under_77_all_interest_of_a_qualifying_loan_is_exempt_whatever_its_rate(day, method):
    # a loan made in 2013 (before the benchmark data): its reference rate is never read
    r = run(loan(interest_date=day), method=method)
    assert (r.exempt, r.taxable, r.output_tax, r.saving) == (P("10600"), 0, P("0.00"), P("600.00"))
    one = r.loans[0]
    assert (one.eligible, one.reason, one.reference_rate, one.cap_rate) == (True, "", None, None)
    assert r.step("loans[0].exempt").value == P("10600")
    assert r.step("loans[0].exempt").render("en") == \
        "loan 1: exempt interest: 10,600.00 = no rate test: all interest 10,600.00 [财税〔2017〕77号 第一条]"
    assert r.step("loans[0].exempt").render("zh").endswith("不设利率条件：全部利息 10,600.00 [财税〔2017〕77号 第一条]")
    assert (r.step("rate_test").value, str(r.step("rate_test").cite[0])) == (False, "财税〔2017〕77号 第一条")
    assert (r.step("credit_limit").value, str(r.step("credit_limit").cite[0])) == (P("1000000"),
                                                                                   "财税〔2017〕77号 第四条")
    names = [s.name for s in r.steps]
    assert "rate_multiple" not in names and "loans[0].cap_rate" not in names
    assert not any(n.startswith("loans[0].reference") for n in names)


def test_under_77_the_method_is_accepted_and_said_not_to_apply():
    r = run(loan(), method="split")
    method = r.step("method")
    assert (method.value, str(method.cite[0])) == ("split", "财税〔2017〕77号 第一条")
    assert method.render("en") == \
        "method chosen for the accounting year (does not apply: no rate test): split [财税〔2017〕77号 第一条]"
    assert "不适用" in method.render("zh")
    assert run(loan(), method="per_loan_rate").exempt == run(loan(), method="split").exempt == P("10600")


def test_from_2018_09_01_the_rate_test_of_91_applies():
    before = run(loan(interest_date=D(2018, 8, 31), issued_on=D(2018, 1, 2), term_months=12))
    on = run(loan(interest_date=D(2018, 9, 1), issued_on=D(2018, 1, 2), term_months=12))
    assert before.exempt == P("10600") and before.step("rate_test").value is False
    assert on.exempt == 0 and on.loans[0].reason == "rate"
    assert (on.step("rate_test").value, str(on.step("rate_test").cite[0])) == (True, "财税〔2018〕91号 第一条")
    assert on.step("loans[0].cap_rate").value == P("0.06525")
    assert str(on.step("method").cite[0]) == "财税〔2018〕91号 第一条"
    assert "does not apply" not in on.step("method").render("en")
    # split: the part within 150% of the benchmark, ROUND(10600 × 6.525% ÷ 20%, 2)
    split = run(loan(interest_date=D(2018, 9, 1), issued_on=D(2018, 1, 2), term_months=12), method="split")
    assert split.exempt == P("3458.25")


@pytest.mark.parametrize(("field", "amounts"), [
    ("credit_line", {"credit_line": None}),
    ("contract_amount", {"credit_line": None, "balance": P("1000000")}),
    ("balance", {"credit_line": None, "contract_amount": P("1000000")}),
])
def test_the_100_wan_limit_of_77_is_inclusive(field, amounts):
    at = run(loan(**{**amounts, field: P("1000000")}))
    over = run(loan(**{**amounts, field: P("1000000.01")}))
    assert (at.exempt, at.loans[0].eligible) == (P("10600"), True)
    assert (over.exempt, over.taxable, over.loans[0].reason) == (0, P("10600"), "credit_limit")
    assert str(over.step("loans[0].eligible").cite[0]) == "财税〔2017〕77号 第四条"


def test_the_limit_is_1000_wan_from_2018_09_01():
    def at(day: dt.date, line: str) -> str:
        return run(loan(interest_date=day, issued_on=D(2018, 1, 2), term_months=12, annual_rate=P("0.05"),
                        credit_line=P(line))).loans[0].reason
    assert at(D(2018, 8, 31), "1000000.01") == "credit_limit"
    assert at(D(2018, 9, 1), "1000000.01") == ""
    assert at(D(2018, 9, 1), "10000000") == ""
    assert at(D(2018, 9, 1), "10000000.01") == "credit_limit"


def test_a_year_across_2018_09_01_takes_each_loans_window():
    early = loan(interest_date=D(2018, 6, 30), issued_on=D(2018, 1, 2), term_months=12)
    late = loan(interest_date=D(2018, 12, 31), issued_on=D(2018, 1, 2), term_months=12)
    r = run(early, late)
    assert [x.exempt for x in r.loans] == [P("10600"), 0]
    assert str(r.step("loans[0].exempt").cite[0]) == "财税〔2017〕77号 第一条"
    assert str(r.step("loans[1].cap_rate").cite[0]) == "财税〔2018〕91号 第一条"
    assert r.step("rate_multiple").value == P("1.5")
    assert str(r.step("method").cite[0]) == "财税〔2018〕91号 第一条"  # the method decides for the later loan


def test_other_borrowers_and_unseparated_interest_stay_out_under_77():
    assert run(loan(borrower="other")).loans[0].reason == "borrower"
    assert run(loan(), separately_accounted=False).exempt == 0

"""Technology-transfer income (实施条例 第九十条): exactly at 500万 and either side of it, the
non-exclusive licence the day before and the day of 2015-10-01, the other conditions of
财税〔2010〕111号, the explanation and its citations, refusals, and properties (the exempt and
half-taxed parts add up to the income; the preference never raises the tax)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.eit import TechnologyTransfer, tech_transfer
from taxcalc.errors import InputProblems, InvalidInput, OutsideCoverage

P = Decimal
DAY = _dt.date(2019, 6, 30)


def transfer(revenue: str, day: _dt.date = DAY, kind: str = "ownership", **kw: object) -> TechnologyTransfer:
    return TechnologyTransfer(name=str(kw.pop("name", "patent")), kind=kind, income_date=day,
                              revenue=P(revenue), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("income", "exempt", "half", "reduction"), [
    ("4999999.99", "4999999.99", "0", "4999999.99"),
    ("5000000", "5000000", "0", "5000000.00"),  # 不超过500万: 500万 itself exempt
    ("5000000.01", "5000000", "0.01", "5000000.01"),  # ROUND(0.005) half up
    ("5000000.02", "5000000", "0.02", "5000000.01"),
    ("8000000", "5000000", "3000000", "6500000.00"),
])
def test_exactly_at_500_wan_and_either_side(income, exempt, half, reduction):
    r = tech_transfer(2019, [transfer(income)])
    assert (r.exempt, r.half_taxed, r.reduction) == (P(exempt), P(half), P(reduction))


def test_the_income_is_revenue_less_cost_taxes_and_other_deductions():
    t = transfer("9000000", cost=P("1000000"), related_taxes=P("50000"), other_deductions=P("450000"))
    r = tech_transfer(2019, [t])
    assert r.income == P("7500000")
    assert r.tax_saved == P("1562500.00")  # (5,000,000 + 1,250,000) × 25%


@pytest.mark.parametrize(("day", "qualifies"), [(_dt.date(2015, 9, 30), False), (_dt.date(2015, 10, 1), True)])
def test_a_non_exclusive_licence_the_day_before_and_the_day_of_2015_10_01(day, qualifies):
    r = tech_transfer(2015, [transfer("100", day, "non_exclusive_licence", licence_years=5)])
    assert r.transfers[0].qualifies is qualifies
    assert r.exempt == (P("100") if qualifies else P(0))
    if not qualifies:
        assert r.transfers[0].reason == "licence_scope"
        assert str(r.step("transfers[0].qualifies").cite[0]) == "财税〔2010〕111号 二"


@pytest.mark.parametrize(("years", "qualifies"), [(4, False), (5, True)])
def test_a_licence_of_five_years_qualifies_and_of_four_does_not(years, qualifies):
    r = tech_transfer(2019, [transfer("100", kind="exclusive_licence", licence_years=years)])
    assert r.transfers[0].qualifies is qualifies


@pytest.mark.parametrize(("holding", "qualifies"), [("0.9999", True), ("1", False)])
def test_a_related_party_held_100_percent_does_not_qualify(holding, qualifies):
    r = tech_transfer(2019, [transfer("100", related_holding=P(holding))])
    assert r.transfers[0].qualifies is qualifies


def test_an_unregistered_contract_does_not_qualify_and_its_income_is_left_out():
    r = tech_transfer(2019, [transfer("100", contract_registered=False, name="x"), transfer("300", name="y")])
    assert [t.reason for t in r.transfers] == ["not_registered", ""]
    assert r.income == P("300")


@pytest.mark.parametrize(("kw", "day", "code", "zh", "en"), [
    ({"kind": "non_exclusive_licence", "licence_years": 5}, _dt.date(2015, 9, 30), "licence_scope",
     "非独占许可使用权不属于当时的优惠范围", "a non-exclusive licence was not in scope on that day"),
    ({"kind": "exclusive_licence", "licence_years": 4}, DAY, "licence_term",
     "许可使用权不足规定年限", "the licence is shorter than the term required"),
    ({"contract_registered": False}, DAY, "not_registered", "技术转让合同未经认定登记", "the contract is not registered"),
    ({"related_holding": P("1")}, DAY, "related_party", "从100%关联方取得", "from a related party held 100%"),
])
def test_why_a_transfer_does_not_qualify_is_a_code_and_a_sentence_in_each_language(kw, day, code, zh, en):
    r = tech_transfer(day.year, [transfer("100", day, **kw), transfer("300", day, name="ok")])
    bad, ok = r.transfers
    assert (bad.qualifies, bad.reason, bad.reason_in("zh"), bad.reason_in("en"), bad.reason_in()) == (
        False, code, zh, en, en)
    assert (ok.qualifies, ok.reason, ok.reason_in("zh"), ok.reason_in("en")) == (True, "", "", "")
    step = r.step("transfers[0].qualifies")
    assert (step.zh, step.en) == (f"patent：不享受优惠（{zh}）", f"patent: does not qualify ({en})")


def test_a_loss_on_one_transfer_reduces_the_others_and_a_net_loss_exempts_nothing():
    gain, loss = transfer("300", name="gain"), transfer("0", name="loss", cost=P("500"))
    r = tech_transfer(2019, [gain, loss])
    assert (r.income, r.exempt, r.half_taxed, r.reduction, r.tax_saved) == (P("-200"), 0, 0, 0, 0)


def test_a_given_rate_is_used_for_the_tax_saved():
    assert tech_transfer(2019, [transfer("6000000")], rate=P("0.15")).tax_saved == P("825000.00")


def test_the_explanation_cites_the_article():
    r = tech_transfer(2019, [transfer("6000000")])
    assert str(r.step("exempt").cite[0]) == "国务院令第512号 第九十条"
    assert str(r.step("half_taxed").cite[0]) == "国务院令第512号 第九十条"
    assert r.step("reduction").line == "A107020"
    assert "5,000,000.00 + ROUND(1,000,000.00 × 50%, 2)" in r.explain("en")
    assert "减免所得额" in r.explain("zh")


def test_bad_input_is_refused_naming_the_field():
    with pytest.raises(InvalidInput, match=r"transfers\[0\]\.income_date"):
        tech_transfer(2018, [transfer("1")])
    with pytest.raises(InvalidInput, match=r"transfers\[0\]\.licence_years"):
        tech_transfer(2019, [transfer("1", kind="exclusive_licence")])
    with pytest.raises(InvalidInput, match="transfers"):
        tech_transfer(2019, [])
    with pytest.raises(InvalidInput, match="rate"):
        tech_transfer(2019, [transfer("1")], rate=0.25)  # type: ignore[arg-type]
    with pytest.raises(OutsideCoverage):
        tech_transfer(2007, [transfer("1", _dt.date(2007, 6, 30))])
    rule = rules.get("eit.tech_transfer")
    with pytest.raises(InputProblems) as exc:
        rule.read({"year": 2019, "transfers": [{"name": "a", "kind": "sale", "income_date": "2019-01-01",
                                                "revenue": "1"}]})
    assert [p.path for p in exc.value.problems] == ["transfers[0].kind"]


def test_the_rule_computes_its_example():
    rule = rules.get("eit.tech_transfer")
    r = rule.compute(rule.load().example)
    assert (r.income, r.reduction) == (P("8500000"), P("6750000.00"))


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(revenue=amounts, cost=amounts, rate=st.decimals(min_value=0, max_value=1, places=4))
def test_the_parts_add_up_and_the_tax_never_rises(revenue, cost, rate):
    r = tech_transfer(2019, [transfer(str(revenue), cost=cost)], rate=rate)
    positive = max(r.income, P(0))
    assert r.exempt + r.half_taxed == positive  # exempt + half-taxed = the income
    assert 0 <= r.exempt <= P("5000000")
    assert r.exempt <= r.reduction <= positive  # never more than the income is taken off
    taxable = r.income - r.reduction
    assert taxable * rate <= r.income * rate or r.income <= 0  # the preference never raises the tax
    assert r.tax_saved >= 0

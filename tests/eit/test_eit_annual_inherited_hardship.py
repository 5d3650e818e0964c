"""The annual computation with the two optional loss facts: the 2020 hardship mark checked against the
test's facts (2020年第8号 第四条: share exactly 50% passes, 49.99% and an unlisted industry are refused,
a mark without facts is taken as given), and losses inherited in a special merger or division
(财税〔2009〕59号) after the own losses: the yearly limit exactly used, a loss in its last year, the
refusals naming the field, the document and schema, and the property that inherited losses never
raise the tax."""

from __future__ import annotations

import pickle
from decimal import Decimal

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc.eit import EnterpriseYear, InheritedLosses, Loss, annual, benefit
from taxcalc.errors import InputProblems, InvalidInput
from taxcalc.inputs import json_schema, parse

P = Decimal
SIZE = {"employees": P(400), "assets": P("90000000")}  # never a small low-profit enterprise: 25% throughout


def catering(main: str, total: str = "10000000", industry: str = "catering", **more: str) -> dict[str, object]:
    return {"year": 2020, "industry": industry, "main_business_income": main, "total_income": total, **more}


def year_with_2020_loss(year: int, test: dict[str, object] | None, profit: str = "3000000") -> EnterpriseYear:
    return EnterpriseYear(year, profit=P(profit), losses=(Loss(2020, P("1000000"), "hardship"),),
                          hardship_tests=[test] if test else (), **SIZE)


# -- the hardship mark checked ----------------------------------------------------------------------

def test_share_exactly_half_passes_and_keeps_the_eight_years():
    # 5,000,000 ÷ (10,600,000 − 600,000) = 50% exactly; in 2026 a 2020 loss lives only by the 8 years
    r = annual(year_with_2020_loss(2026, catering("5000000", "10600000", non_taxable_income="600000")))
    assert r.losses_used == P("1000000") and r.taxable_income == P("2000000")
    assert r.hardship[0].eligible and r.hardship[0].share == P("0.5")
    met = r.step("hardship[2020].share_met")
    assert met.value is True
    assert str(met.cite[0]) == "财政部 税务总局公告2020年第8号 第四条"
    assert r.step("hardship[2020].last_year").value == 2028


def test_share_just_below_half_is_refused_naming_the_field():
    with pytest.raises(InvalidInput) as e:
        annual(year_with_2020_loss(2026, catering("4999000")))
    assert e.value.field == "hardship_tests[0].main_business_income"
    assert "49.99% is below 50%" in e.value.reason and "第四条" in e.value.reason


def test_investment_income_leaves_the_base():
    # 4,999,000 ÷ (10,000,000 − 2,000) ≥ 50%: passes once the investment income is taken out
    r = annual(year_with_2020_loss(2026, catering("4999000", investment_income="2000")))
    assert r.hardship[0].eligible and r.losses_used == P("1000000")


def test_an_unlisted_industry_is_refused():
    with pytest.raises(InvalidInput) as e:
        annual(year_with_2020_loss(2026, catering("9000000", industry="other")))
    assert e.value.field == "hardship_tests[0].industry"


def test_a_mark_without_facts_is_taken_as_given():
    r = annual(year_with_2020_loss(2026, None))
    assert r.losses_used == P("1000000") and r.hardship == ()
    assert not [s for s in r.steps if s.name.startswith("hardship[")]


def test_the_loss_past_its_five_years_within_its_eight():
    # the law data reach 2027: the 2020 loss's general last year is 2025, its hardship last year 2028
    r = annual(year_with_2020_loss(2027, catering("6000000")))
    assert r.losses_used == P("1000000") and r.losses.rows[0].last_year == 2028
    assert annual(year_with_2020_loss(2025, catering("6000000"))).losses.rows[0].carry_years == 8


def test_this_years_own_loss_checked_and_carried_with_its_mark():
    e = EnterpriseYear(2020, profit=P("-500000"), loss_extension="hardship", hardship_tests=[catering("6000000")])
    r = annual(e)
    assert r.losses_carried == (Loss(2020, P("500000"), "hardship"),)
    with pytest.raises(InvalidInput) as bad:
        annual(EnterpriseYear(2020, profit=P("-500000"), loss_extension="hardship",
                              hardship_tests=[catering("4000000")]))
    assert bad.value.field == "hardship_tests[0].main_business_income"


def test_facts_for_an_unmarked_loss_are_refused():
    with pytest.raises(InvalidInput) as e:
        EnterpriseYear(2026, profit=P("1"), losses=(Loss(2020, P("1")),), hardship_tests=[catering("6000000")],
                       **SIZE)
    assert e.value.field == "hardship_tests[0].year"


def test_benefit_undoes_the_eight_years_without_refusing():
    b = benefit(year_with_2020_loss(2026, catering("6000000")))
    eight = next(p for p in b.policies if p.id == "loss_8_years_2020")
    assert eight.saving == P("250000.00")  # 1,000,000 × 25%


# -- inherited losses -------------------------------------------------------------------------------

def merger(*losses: Loss, cap: str = "1500000", year: int = 2020) -> dict[str, object]:
    return {"year": year, "kind": "merger", "losses": list(losses), "annual_cap": cap}


def test_the_yearly_limit_exactly_used_after_the_own_losses():
    e = EnterpriseYear(2021, profit=P("2000000"), losses=(Loss(2019, P("500000")),),
                       inherited_losses=[merger(Loss(2018, P("4000000")))], **SIZE)
    r = annual(e)
    assert (r.losses_used, r.inherited_used, r.taxable_income, r.tax) == (P("500000"), P("1500000"), P("0"),
                                                                          P("0.00"))
    assert r.inherited[0].carried == (Loss(2018, P("2500000")),)
    rule = r.step("inherited[0].transfers")
    assert str(rule.cite[0]) == "财税〔2009〕59号 第六条第（四）项"
    assert r.step("inherited[0].used").value == P("1500000")
    names = [s.name for s in r.steps]
    assert names.index("losses.used") < names.index("inherited[0].used") < names.index("annual.taxable_income")


def test_an_inherited_loss_in_its_last_year_expires_what_the_limit_leaves():
    e = EnterpriseYear(2021, profit=P("5000000"), inherited_losses=[merger(Loss(2016, P("3000000")))], **SIZE)
    r = annual(e)
    assert r.inherited_used == P("1500000") and r.taxable_income == P("3500000")
    assert (r.inherited[0].expired, r.inherited[0].carried) == (P("1500000"), ())
    later = EnterpriseYear(2022, profit=P("5000000"), inherited_losses=[merger(Loss(2016, P("3000000")))], **SIZE)
    assert annual(later).inherited_used == P("0")  # its window closed in 2021


def test_a_division_share_has_no_limit_and_cites_its_article():
    e = EnterpriseYear(2021, profit=P("5000000"), **SIZE,
                       inherited_losses=[InheritedLosses(2020, "division", (Loss(2019, P("4000000")),))])
    r = annual(e)
    assert r.inherited_used == P("4000000") and r.taxable_income == P("1000000")
    assert str(r.step("inherited[0].transfers").cite[0]) == "财税〔2009〕59号 第六条第（五）项"


def test_benefit_has_no_policy_for_inherited_losses():
    e = EnterpriseYear(2021, profit=P("2000000"), inherited_losses=[merger(Loss(2018, P("400000")))], **SIZE)
    plain = EnterpriseYear(2021, profit=P("2000000"), **SIZE)
    b, b0 = benefit(e), benefit(plain)
    assert [p.id for p in b.policies] == [p.id for p in b0.policies]
    assert b.tax == P("400000.00") and b0.tax == P("500000.00")


@pytest.mark.parametrize(("given_", "field"), [
    ({"year": 2020, "kind": "merger", "losses": []}, "inherited_losses[0].annual_cap"),
    ({"year": 2020, "kind": "division", "losses": [], "annual_cap": "1"}, "inherited_losses[0].annual_cap"),
    ({"year": 2022, "kind": "division", "losses": []}, "inherited_losses[0].year"),
    ({"year": 2020, "kind": "division", "losses": [{"year": 2021, "amount": "1"}]},
     "inherited_losses[0].losses[0].year"),
    ({"year": 2021, "kind": "division", "losses": [{"year": 2021, "amount": "1"}]},
     "inherited_losses[0].losses[0].year"),
])
def test_refusals_name_the_field(given_, field):
    with pytest.raises(InvalidInput) as e:
        EnterpriseYear(2021, profit=P("1"), inherited_losses=[given_], **SIZE)
    assert e.value.field == field


def test_a_result_with_inherited_losses_pickles_with_them():
    r = annual(EnterpriseYear(2021, profit=P("2000000"), inherited_losses=[merger(Loss(2018, P("400000")))],
                              **SIZE))
    back = pickle.loads(pickle.dumps(r))
    assert back.inherited_used == P("400000") and back.taxable_income == r.taxable_income


def test_a_document_and_the_schema():
    doc = {"year": 2026, "profit": "3000000", "employees": 400, "assets": "90000000",
           "losses": [{"year": 2020, "amount": "1000000", "extension": "hardship"}],
           "hardship_tests": [{"year": 2020, "industry": "catering", "main_business_income": "6000000",
                               "total_income": "10000000"}],
           "inherited_losses": [{"year": 2024, "kind": "merger", "annual_cap": "100000",
                                 "losses": [{"year": 2023, "amount": "300000"}]}]}
    schema = json_schema(EnterpriseYear)
    jsonschema.Draft202012Validator(schema).validate(doc)
    r = annual(parse(EnterpriseYear, doc))
    assert (r.losses_used, r.inherited_used) == (P("1000000"), P("100000"))
    bad = {**doc, "inherited_losses": [{"year": 2024, "kind": "merge", "losses": []}]}
    assert not jsonschema.Draft202012Validator(schema).is_valid(bad)
    with pytest.raises(InputProblems):
        parse(EnterpriseYear, bad)


@settings(max_examples=60, deadline=None)
@given(profit=st.integers(-2_000_000, 6_000_000), own=st.integers(0, 3_000_000),
       amounts=st.lists(st.integers(1, 3_000_000), min_size=1, max_size=3),
       cap=st.one_of(st.none(), st.integers(0, 2_000_000)), year=st.integers(2019, 2024))
def test_inherited_losses_never_raise_the_tax(profit, own, amounts, cap, year):
    losses = tuple(Loss(year - 1 - i, P(a)) for i, a in enumerate(amounts))
    kind = {"year": year, "kind": "division" if cap is None else "merger", "losses": losses,
            **({} if cap is None else {"annual_cap": P(cap)})}
    base = {"profit": P(profit), "losses": (Loss(year - 1, P(own)),) if own else (), **SIZE}
    without = annual(EnterpriseYear(year, **base))
    with_ = annual(EnterpriseYear(year, inherited_losses=[kind], **base))
    assert with_.tax <= without.tax
    assert with_.losses_used == without.losses_used  # the own losses come first, untouched
    assert with_.inherited_used <= sum(amounts)
    if cap is not None:
        assert with_.inherited_used <= cap
    assert with_.taxable_income == without.taxable_income - with_.inherited_used

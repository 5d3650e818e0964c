"""The benefit of each policy: savings by what-if, citations, timing effects, the law as known on a day."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.eit import (
    POLICIES,
    EnterpriseYear,
    Equipment,
    Loss,
    Policy,
    Quarter,
    RdFacts,
    RdProject,
    annual,
    benefit,
    policy_law,
)
from taxcalc.errors import UnknownCategory

D = Decimal
QUARTERS = tuple([Quarter(70, 80, D("24000000"), D("28000000"))] * 4)
LATHE = Equipment("lathe", "480000", "machinery", acquired_on="2018-03-12", in_use="2018-04-02",
                  book_depreciation="32400")


def sample(**kw: object) -> EnterpriseYear:
    base: dict[str, object] = dict(
        year=2018, profit=D("1650000"), adjustments=D("30000"), industry="manufacturing", hnte_years=(2017, 2018),
        quarters=QUARTERS, rd=RdFacts(projects=(RdProject("P", personnel="400000"),)), equipment=(LATHE,),
        losses=(Loss(2016, "200000"),),
    )
    base.update(kw)
    return EnterpriseYear(**base)  # type: ignore[arg-type]


def test_each_saving_is_the_tax_with_the_policy_off_less_the_tax():
    f = sample()
    b = benefit(f)
    assert b.tax == annual(f).tax == D("73240.00")  # 732,400 × 50% × 20%
    for row in b.policies:
        assert row.tax_without == annual(f, law=policy_law({row.id})).tax
        assert row.saving == row.tax_without - b.tax
    # Taxable income 732,400: 1,650,000 + 30,000 + (32,400 − 480,000) − 300,000 − 200,000.
    # Without the small low-profit relief the 15% high-tech rate applies: 109,860.
    assert b.policy("small_profit").saving == D("36620.00")
    # Without the super-deduction the income (1,032,400) is above 77号's 100万 cap: 15% on all of it.
    assert b.policy("rd_super_deduction").saving == D("81620.00")
    # Depreciated instead (8 months × 4,000): the adjustment is +400, income 1,180,400, 15%.
    assert b.policy("equipment_one_time").saving == D("103820.00")
    assert b.policy("hnte_rate").saving == 0  # the relief is better anyway: not combined
    assert b.policy("loss_10_years").saving == 0  # in 2018 every loss is within 5 years
    # All together: (1,650,000 + 30,000 + 400 − 200,000) × 25%.
    assert (b.tax_without_all, b.total_saving) == (D("370100.00"), D("296860.00"))


def test_citations_are_the_documents_used():
    b = benefit(sample())
    docs = {p.id: {c.doc for c in p.citations} for p in b.policies}
    assert "财税〔2018〕77号" in docs["small_profit"]
    assert docs["rd_super_deduction"] == {"财税〔2018〕99号"}
    assert "国家税务总局公告2018年第46号" in docs["equipment_one_time"]
    assert docs["hnte_rate"] == {"主席令第63号"}
    assert "财税〔2018〕76号" in docs["loss_10_years"]
    text = b.explain("en")
    assert "tax saved" in text and "财税〔2018〕54号 一" in text


def test_the_law_as_known_on_2017_12_31():
    b = benefit(sample(), known_on="2017-12-31")
    # Then: 50% super-deduction, depreciation only, 43号's 50万 cap (so the 15% rate).
    assert b.known_on is not None and str(b.known_on) == "2017-12-31"
    assert b.tax_as_known_on == annual(sample(), law=law.default().as_known_on("2017-12-31")).tax
    assert b.saving_since == b.tax_as_known_on - b.tax > 0


def test_10_year_rule_first_saves_in_2019():
    f = sample(year=2019, equipment=(), rd=RdFacts(), profit=D("5000000"), quarters=(), employees=D(500),
               assets=D("90000000"), hnte_years=(2018,), losses=(Loss(2013, "300000"),))
    b = benefit(f, policies=["loss_10_years"])
    assert b.policy("loss_10_years").saving == D("75000.00")  # 300,000 at 25%
    assert {c.doc for c in b.policy("loss_10_years").citations} == {"财税〔2018〕76号"}


def test_8_year_rule_for_a_2020_hardship_loss():
    f = EnterpriseYear(2026, profit=D("5000000"), losses=(Loss(2020, "400000", "hardship"),))
    assert benefit(f, policies=["loss_8_years_2020"]).policy("loss_8_years_2020").saving == D("100000.00")


def test_hnte_equipment_2022q4():
    a = Equipment("line", "8000000", "machinery", acquired_on="2022-11-01", in_use="2022-11-20")
    f = EnterpriseYear(2022, profit=D("30000000"), hnte_years=(2022,), equipment=(a,))
    b = benefit(f, policies=["hnte_equipment_2022q4"])
    # Off: depreciation of one month (December) instead of 8,000,000 + 8,000,000, at 15%.
    assert b.policy("hnte_equipment_2022q4").saving == D("2390000.00")


def test_equipment_is_a_timing_preference_its_saving_can_be_negative_later():
    f = sample(year=2019, equipment=(Equipment("lathe", "480000", "machinery", acquired_on="2018-03-12",
                                               in_use="2018-04-02", book_depreciation="43200"),), losses=())
    b = benefit(f, policies=["equipment_one_time"])
    row = b.policy("equipment_one_time")
    assert not row.reduces_only and row.saving < 0  # the 2019 depreciation was already deducted in 2018


def test_policies_are_chosen_by_id_or_object_and_unknown_ids_are_refused():
    f = sample()
    assert [p.id for p in benefit(f, policies=["rd_super_deduction"]).policies] == ["rd_super_deduction"]
    wider = Policy("cap_2m", "上限和减半所得上限200万（假设）", "2,000,000 cap and halving limit (what-if)",
                   (("eit.small_profit.income_cap", "2000000"), ("eit.small_profit.band1.limit", "2000000")), ())
    b = benefit(sample(profit=D("2500000")), policies=[wider])
    # Income 1,582,400: 15% (237,360) under the law; 50% × 20% (158,240) under the what-if.
    assert b.policies[0].saving == D("-79120.00")
    with pytest.raises(UnknownCategory, match="policy"):
        benefit(f, policies=["flat_tax"])
    assert set(POLICIES) >= {"small_profit", "rd_super_deduction", "equipment_one_time", "loss_10_years"}


# -- property: a preference that only reduces tax never has a negative benefit ------------------------------

profit = st.decimals(min_value=D("-2000000"), max_value=D("8000000"), places=2, allow_nan=False, allow_infinity=False)


@given(st.integers(2016, 2027), profit, st.decimals(min_value=0, max_value=D("2000000"), places=2),
       st.booleans(), st.booleans(), st.integers(0, 3), st.decimals(min_value=0, max_value=D("3000000"), places=2))
def test_a_benefit_is_never_negative_for_a_preference_that_only_reduces_tax(
        y, p, rd_cost, hnte, tase, loss_age, loss):
    f = EnterpriseYear(
        y, profit=p, employees=D(60), assets=D("9000000"),
        hnte_years=(y - 1, y) if hnte else (), tase_years=(y,) if tase and y >= 2017 else (),
        rd=RdFacts(projects=(RdProject("P", personnel=rd_cost),)),
        losses=(Loss(y - 5 - loss_age, loss),) if loss else (),
    )
    b = benefit(f)
    for row in b.policies:
        if row.reduces_only:
            assert row.saving >= 0, row.id
    assert b.total_saving >= 0


def test_results_ignore_a_hostile_ambient_context():
    import decimal

    expected = benefit(sample(), known_on="2017-12-31")
    with decimal.localcontext() as ctx:
        ctx.prec = 4
        ctx.rounding = decimal.ROUND_UP
        got = benefit(sample(), known_on="2017-12-31")
    assert [p.saving for p in got.policies] == [p.saving for p in expected.policies]
    assert (got.total_saving, got.saving_since) == (expected.total_saving, expected.saving_since)
    assert got.explain() == expected.explain()


# -- property: a policy left out of the recomputation saves exactly what recomputing would show ------------------

@given(st.integers(2011, 2027), profit, st.sampled_from([D(0), D("300000")]), st.booleans(), st.booleans(),
       st.booleans(), st.sampled_from(["", "hardship"]), st.decimals(min_value=0, max_value=D("900000"), places=2))
def test_each_saving_equals_the_recomputed_tax_with_the_policy_off(y, p, rd_cost, hnte, tase, asset, ext, loss):
    f = EnterpriseYear(
        y, profit=p, employees=D(60), assets=D("9000000"),
        hnte_years=(y - 1, y) if hnte else (), tase_years=(y,) if tase and y >= 2017 else (),
        rd=RdFacts(projects=(RdProject("P", personnel=rd_cost),)) if rd_cost else RdFacts(),
        equipment=(Equipment("E", "400000", "machinery", acquired_on=f"{y}-02-01", in_use=f"{y}-03-01"),)
        if asset else (),
        losses=(Loss(y - 3, loss, ext if y - 3 == 2020 else ""),) if loss else (),
    )
    b = benefit(f)
    for row in b.policies:
        assert row.tax_without == annual(f, law=policy_law({row.id})).tax, row.id

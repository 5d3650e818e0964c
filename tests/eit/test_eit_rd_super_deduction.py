"""R&D super-deduction: ratios by year and kind, the base and its caps, the 2022 Q4 split, cliffs."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.eit import RdFacts, RdIntangible, RdProject, rd_ratio, rd_super_deduction
from taxcalc.errors import InvalidInput, NotMoney, OutsideCoverage, UnknownCategory

D = Decimal


def facts(*projects: RdProject, **kw: object) -> RdFacts:
    return RdFacts(projects=projects, **kw)  # type: ignore[arg-type]


ONE_MILLION = facts(RdProject("P", personnel="1000000"))


# -- the ratio by year and enterprise ------------------------------------------------------

@pytest.mark.parametrize(
    ("year", "kinds", "ratio", "doc"),
    [
        (2008, (), "0.5", "国务院令第512号"),
        (2015, ("tech_sme",), "0.5", "国务院令第512号"),
        (2016, (), "0.5", "财税〔2015〕119号"),
        (2017, (), "0.5", "财税〔2015〕119号"),
        (2017, ("tech_sme",), "0.75", "财税〔2017〕34号"),
        (2018, (), "0.75", "财税〔2018〕99号"),
        (2020, ("manufacturer",), "0.75", "财税〔2018〕99号"),
        (2021, (), "0.75", "财政部 税务总局公告2021年第6号"),
        (2021, ("manufacturer",), "1", "财政部 税务总局公告2021年第13号"),
        (2021, ("tech_sme",), "0.75", "财政部 税务总局公告2021年第6号"),
        (2022, ("tech_sme",), "1", "财政部 税务总局 科技部公告2022年第16号"),
        (2022, ("manufacturer",), "1", "财政部 税务总局公告2021年第13号"),
        (2023, (), "1", "财政部 税务总局公告2023年第7号"),
        (2023, ("ic_machine",), "1.2", "财政部 税务总局 国家发展改革委 工业和信息化部公告2023年第44号"),
        (2027, ("ic_machine", "tech_sme"), "1.2", "财政部 税务总局 国家发展改革委 工业和信息化部公告2023年第44号"),
        (2028, ("ic_machine",), "1", "财政部 税务总局公告2023年第7号"),
    ],
)
def test_ratio_by_year_and_kind(year, kinds, ratio, doc):
    r = rd_ratio(year, kinds=kinds)
    assert r.ratio == D(ratio) and r.amortisation_multiple == 1 + D(ratio)
    assert [s[2].doc for s in r.segments] == [doc]


def test_amortisation_multiples_150_175_200_220():
    assert [rd_ratio(y, kinds=k).amortisation_multiple for y, k in
            [(2016, ()), (2019, ()), (2023, ()), (2023, ("ic_machine",))]] == [D("1.5"), D("1.75"), D(2), D("2.2")]


def test_2022_q4_split_months_and_actual():
    base = facts(RdProject("P", personnel="1200000"))
    # Months: 9 months at 75% and 3 at 100% → 81.25% (2022年第28号 二).
    assert rd_super_deduction(base, 2022).extra == D("975000.00")
    # Actual Q4 expenses of 400,000: 800,000 × 75% + 400,000 × 100%.
    actual = facts(RdProject("P", personnel="1200000"), base_after_switch="400000")
    assert rd_super_deduction(actual, 2022).extra == D("1000000.00")
    # Opened in July: 3 months at 75%, 3 at 100%.
    assert rd_ratio(2022, opened="2022-07-15").ratio == D("0.875")
    # Opened in October: the whole operating period at 100%.
    assert rd_ratio(2022, opened="2022-10-08").ratio == D(1)
    # For those already at 100% the split changes nothing.
    assert rd_super_deduction(actual, 2022, tech_sme=True).extra == D("1200000.00")
    # In a year without a change the Q4 figure is not used.
    assert rd_super_deduction(actual, 2021).extra == D("900000.00")
    with pytest.raises(InvalidInput, match="more than the year's base"):
        rd_super_deduction(facts(RdProject("P", personnel="1"), base_after_switch="2"), 2022)


def test_2022_q4_as_known_before_28hao():
    before = law.default().as_known_on("2022-09-27")
    assert rd_ratio(2022, law=before).ratio == D("0.75")
    assert rd_ratio(2022, law=law.default().as_known_on("2022-09-28")).ratio == D("0.8125")


def test_2018_as_known_before_99hao():
    assert rd_ratio(2018, law=law.default().as_known_on("2018-09-19")).ratio == D("0.5")
    assert rd_ratio(2018, law=law.default().as_known_on("2018-09-20")).ratio == D("0.75")
    # A tech SME already had 75% under 34号.
    assert rd_ratio(2018, kinds=["tech_sme"], law=law.default().as_known_on("2018-09-19")).ratio == D("0.75")


# -- the base --------------------------------------------------------------------------------

def test_other_expenses_cap_per_project_before_2021_and_pooled_after():
    two = facts(RdProject("P1", personnel="900000", other="200000"), RdProject("P2", personnel="900000"))
    r2020, r2021 = rd_super_deduction(two, 2020), rd_super_deduction(two, 2021)
    assert (r2020.other_cap, r2020.other_eligible) == (D("200000.00"), D("100000.00"))  # per project
    assert (r2021.other_cap, r2021.other_eligible) == (D("200000.00"), D("200000.00"))  # all together
    assert r2020.base == D("1900000.00") and r2021.base == D("2000000.00")
    # The cap is X × 10% ÷ 90%, rounded to the fen.
    r = rd_super_deduction(facts(RdProject("P", personnel="100", other="50")), 2019)
    assert r.other_cap == D("11.11")


def test_entrusted_domestic_counts_80_percent():
    r = rd_super_deduction(facts(RdProject("P", entrusted_domestic="1000000")), 2019)
    assert r.entrusted_domestic == D("800000") and r.extra == D("600000.00")


def test_entrusted_overseas_nothing_before_2018_then_80_percent_within_two_thirds():
    f = facts(RdProject("P", personnel="1500000", entrusted_overseas="1250000"))
    assert rd_super_deduction(f, 2017).entrusted_overseas == 0
    r = rd_super_deduction(f, 2018)
    assert r.entrusted_overseas == D("1000000")  # 1,250,000 × 80% = exactly 2/3 of 1,500,000
    over = rd_super_deduction(facts(RdProject("P", personnel="1500000", entrusted_overseas="1250000.02")), 2018)
    assert over.entrusted_overseas == D("1000000.00")  # capped
    # The domestic base for the cap includes entrusted domestic R&D at 80%.
    r = rd_super_deduction(facts(RdProject("P", personnel="600000", entrusted_domestic="1125000",
                                           entrusted_overseas="5000000")), 2019)
    assert r.entrusted_overseas == D("1000000.00")  # (600,000 + 900,000) × 2/3


def test_intangible_amortisation_gets_the_same_ratio():
    f = RdFacts(intangibles=(RdIntangible("patent", "1000000", "100000"),))
    assert rd_super_deduction(f, 2019).extra_amortisation == D("75000.00")
    assert rd_super_deduction(f, 2023, ic_machine=True).extra == D("120000.00")


def test_pre_2016_rules_for_other_and_entrusted_expenses():
    # 2008–2015 (国税发〔2008〕116号): listed items in full, domestic entrusted R&D in full
    assert rd_super_deduction(facts(RdProject("P", personnel="1", other="1")), 2015).base == D("2")
    assert rd_super_deduction(facts(RdProject("P", entrusted_domestic="1")), 2015).base == D("1")
    with pytest.raises(OutsideCoverage, match="eit.rd.entrusted_overseas.share"):
        rd_super_deduction(facts(RdProject("P", personnel="1", entrusted_overseas="1")), 2015)
    assert rd_super_deduction(ONE_MILLION, 2015).extra == D("500000.00")


# -- the cliffs: negative list and manufacturer status ---------------------------------------------

def test_negative_list_is_a_cliff_above_50_percent():
    at = rd_super_deduction(ONE_MILLION, 2019, industry="wholesale_retail", main_business_share="0.5")
    over = rd_super_deduction(ONE_MILLION, 2019, industry="wholesale_retail", main_business_share="0.5001")
    assert (at.excluded, at.extra) == (False, D("750000.00"))
    assert (over.excluded, over.extra) == (True, D("0.00"))
    for ind in ("tobacco", "accommodation", "catering", "real_estate", "leasing_business", "entertainment"):
        assert rd_super_deduction(ONE_MILLION, 2016, industry=ind).excluded
    # No negative list before 2016.
    assert not rd_super_deduction(ONE_MILLION, 2015, industry="wholesale_retail").excluded
    assert "财税〔2015〕119号 四" in over.explain()


def test_manufacturer_status_at_50_percent_inclusive():
    at = rd_super_deduction(ONE_MILLION, 2021, industry="manufacturing", main_business_share="0.5")
    under = rd_super_deduction(ONE_MILLION, 2021, industry="manufacturing", main_business_share="0.4999")
    assert at.ratio == D(1) and "manufacturer" in at.kinds
    assert under.ratio == D("0.75") and "manufacturer" not in under.kinds
    # Outside 2021–2022 the test is not needed, so not made.
    assert rd_super_deduction(ONE_MILLION, 2019, industry="manufacturing").ratio == D("0.75")


# -- what-if, errors, context -----------------------------------------------------------------------

def test_what_if_turns_it_off_or_changes_the_ratio():
    off = law.default().with_values({"eit.rd.in_force": False})
    assert rd_super_deduction(ONE_MILLION, 2018, law=off).extra == 0
    half = law.default().with_values({"eit.rd.ratio.general": "50%"})
    assert rd_super_deduction(ONE_MILLION, 2018, law=half).extra == D("500000.00")


def test_a_what_if_on_the_general_ratio_reaches_every_kind_without_its_own_rule():
    half = law.default().with_values({"eit.rd.ratio.general": "50%"})
    assert rd_ratio(2018, kinds=["manufacturer", "ic_machine"], law=half).ratio == D("0.5")
    assert rd_ratio(2018, kinds=["tech_sme"], law=half).ratio == D("0.75")  # 34号, its own rule
    assert rd_super_deduction(ONE_MILLION, 2018, industry="manufacturing", law=half).extra == D("500000.00")
    assert rd_ratio(2021, kinds=["manufacturer"], law=half).ratio == D(1)  # 2021年第13号, its own rule


def test_bad_input():
    with pytest.raises(NotMoney, match="personnel"):
        RdProject("P", personnel=1.5)  # type: ignore[arg-type]
    with pytest.raises(UnknownCategory, match="industry"):
        rd_super_deduction(ONE_MILLION, 2018, industry="shipping")
    with pytest.raises(UnknownCategory, match="kind"):
        rd_ratio(2018, kinds=["startup"])
    with pytest.raises(InvalidInput, match="main_business_share"):
        rd_super_deduction(ONE_MILLION, 2018, main_business_share="1.5")
    with pytest.raises(InvalidInput, match=r"projects\[0\]\.personel"):
        RdFacts.from_mapping({"projects": [{"personel": "1"}]})
    with pytest.raises(InvalidInput, match="amortisation"):
        RdIntangible("x", "1", "2")


def test_from_mapping_builds_the_nested_tables():
    f = RdFacts.from_mapping({"projects": [{"name": "A", "personnel": "100", "other": "20"}],
                              "intangibles": [{"name": "P", "cost": "50", "amortisation": "5"}]})
    assert f.projects[0].personnel == D(100) and f.intangibles[0].amortisation == D(5)


def test_results_ignore_a_hostile_ambient_context():
    f = facts(RdProject("P", personnel="123456.78", other="33333.33", entrusted_overseas="99999.99"))
    expected = rd_super_deduction(f, 2022).extra
    with decimal.localcontext() as ctx:
        ctx.prec = 4
        ctx.rounding = decimal.ROUND_DOWN
        assert rd_super_deduction(f, 2022).extra == expected


# -- properties -------------------------------------------------------------------------------------------

amt = st.decimals(min_value=0, max_value=D("10000000"), places=2, allow_nan=False, allow_infinity=False)


@given(st.integers(2016, 2030), amt, amt, amt, amt, amt, st.sampled_from(["general", "tech_sme", "manufacturer", "ic_machine"]))
def test_base_and_extra_stay_within_the_caps(year, personnel, other, dom, ovs, amort, kind):
    f = RdFacts(projects=(RdProject("P", personnel=personnel, other=other, entrusted_domestic=dom,
                                    entrusted_overseas=ovs),),
                intangibles=(RdIntangible("I", amort, amort),))
    r = rd_super_deduction(f, year, tech_sme=kind == "tech_sme", ic_machine=kind == "ic_machine",
                           industry="manufacturing" if kind == "manufacturer" else "other")
    assert 0 <= r.other_eligible <= min(r.other, r.other_cap)
    assert r.other_cap <= personnel / 9 + D("0.005")
    assert 0 <= r.entrusted_overseas <= (personnel + r.other_eligible + r.entrusted_domestic) * 2 / 3 + D("0.005")
    assert r.entrusted_overseas <= ovs * D("0.8")
    assert 0 <= r.extra <= (r.base + amort) * D("1.2") + D("0.01")
    # More personnel cost never lowers the super-deduction.
    more = RdFacts(projects=(RdProject("P", personnel=personnel + 1000, other=other, entrusted_domestic=dom,
                                       entrusted_overseas=ovs),), intangibles=f.intangibles)
    r2 = rd_super_deduction(more, year, tech_sme=kind == "tech_sme", ic_machine=kind == "ic_machine",
                            industry="manufacturing" if kind == "manufacturer" else "other")
    assert r2.extra >= r.extra

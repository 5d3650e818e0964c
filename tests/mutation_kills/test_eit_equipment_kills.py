"""Equipment (设备、器具) with a depreciation method: one asset in one year shown whole (the result,
every step with its labels, formulas in both languages, citations and return-form line) for the
one-time deduction taken before a method, the 2022 Q4 high-tech rule, a method used for each reason
the one-time deduction is not taken; then the
refusals of :func:`method_problems` and the rows :func:`with_enterprise` fills in.

What each case must show is kept in ``golden/eit_equipment.json`` (see ``_golden.py``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import fields, rows

from taxcalc.eit import Equipment, equipment_in_year, equipment_schedule
from taxcalc.eit.accelerated_depreciation import industry_of_code
from taxcalc.eit.equipment import method_problems, with_enterprise
from taxcalc.errors import InvalidInput
from taxcalc.law import default

D = Decimal

# case: (cost, kind, bought, in use, keyword arguments of the asset, tax year, high-tech years, what-if law values)
CASES: dict[str, tuple[str, str, str, str, dict[str, object], int, tuple[int, ...], dict[str, object]]] = {
    "one_time_before_the_method_2019": (
        "1000000", "machinery", "2019-03-01", "2019-03-15",
        {"method": "double_declining", "industry": "manufacturing", "book_depreciation": "75000"}, 2019, (), {}),
    "hnte_q4_2022": (
        "8000000", "machinery", "2022-11-01", "2022-11-20", {"book_depreciation": "66666.67"}, 2022, (2022,), {}),
    "over_cap_double_declining_2019": (
        "6000000", "machinery", "2019-03-01", "2019-03-10",
        {"method": "double_declining", "industry": "manufacturing", "book_depreciation": "450000"}, 2019, (), {}),
    "not_elected_sum_of_years_2020": (
        "1000000", "machinery", "2019-03-01", "2019-03-15",
        {"method": "sum_of_years", "industry": "manufacturing", "elect_one_time": False, "residual": "50000"},
        2020, (), {}),
    "outside_window_article_98_2013": (
        "300000", "electronics", "2013-05-02", "2013-05-20",
        {"method": "shortened", "article_98": True, "book_depreciation": "10000"}, 2013, (), {}),
}
FIELDS = ("name", "year", "method", "deduction", "extra", "book", "adjustment")
GOLDEN = Golden("eit_equipment", CASES)


def _case(case: str) -> tuple[Equipment, int, tuple[int, ...], dict[str, object]]:
    cost, kind, bought, in_use, kwargs, year, hnte, what_if = CASES[case]
    return Equipment("press", cost, kind, acquired_on=bought, in_use=in_use, **kwargs), year, hnte, what_if  # type: ignore[arg-type]


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_year_and_every_step(case):
    a, year, hnte, what_if = _case(case)
    r = equipment_in_year(a, year, hnte_years=hnte, law=default().with_values(what_if))
    GOLDEN.check(case, fields=fields(r, FIELDS), steps=rows(r.steps), zh=r.explain("zh").splitlines(),
                 en=r.explain("en").splitlines())


def _press(**kw: object) -> Equipment:
    return Equipment("press", "6000000", "machinery", acquired_on="2019-03-01", in_use="2019-03-10", **kw)  # type: ignore[arg-type]


def test_method_problems_with_the_defaults_and_a_law_of_its_own():
    # The enterprise's industry is taken as `other` and its share as 100% when not given.
    assert list(method_problems(_press(method="shortened", industry="manufacturing"))) == []
    [(field, why)] = method_problems(_press(method="shortened"))
    assert field == "method" and why.endswith(
        "; the industry 'other' is the enterprise's main business 'other': give the asset's industry "
        "(taxcalc.eit.ACCELERATION_INDUSTRIES) for the classes of 财税〔2014〕75号 and 〔2015〕106号")
    # The share needed is read from the law given: above 90% under a what-if, 80% is refused.
    stricter = default().with_values({"eit.accelerated_depreciation.main_business_share": "0.9"})
    asset = _press(method="shortened", industry="manufacturing", main_business_share="0.8")
    assert list(method_problems(asset)) == []
    [(field, why)] = method_problems(asset, law=stricter)
    assert field == "main_business_share" and why.startswith("80% is not more than 90%")
    assert list(method_problems(_press(), law=stricter)) == []


def test_the_refusal_names_the_main_business_only_when_the_industry_is_taken_from_it():
    [(field, why)] = method_problems(_press(method="sum_of_years"), "wholesale_retail")
    assert field == "method" and "the industry 'other' is the enterprise's main business 'wholesale_retail'" in why
    # The asset's own industry: no word of the main business.
    [(field, why)] = method_problems(_press(method="sum_of_years", industry="other"), "wholesale_retail")
    assert field == "method" and "industry 'other'" in why and "main business" not in why
    [(field, why)] = method_problems(_press(method="sum_of_years", industry="manufacturing", main_business_share="0.4"),
                                     "wholesale_retail", D("0.9"))
    assert (field, why) == ("main_business_share", "40% is not more than 50%: the enterprise is not of the industry "
                            "'manufacturing' for accelerated depreciation (国家税务总局公告2014年第64号 一)")
    [(field, why)] = method_problems(_press(method="sum_of_years"), "manufacturing", D("0.4"))
    assert field == "method" and why.startswith("the enterprise's main_business_share 40% (of the tax year) does not")
    assert "is the enterprise's main business" not in why


def test_with_enterprise_fills_in_only_what_a_row_with_a_method_leaves_out():
    plain = _press()
    own = _press(method="shortened", industry="information", main_business_share="0.7")
    rows_in = (plain, own)
    assert with_enterprise(rows_in, "manufacturing", D("0.8")) is rows_in
    no_share, no_industry, neither = (_press(method="shortened", industry="information"),
                                      _press(method="shortened", main_business_share="0.7"),
                                      _press(method="shortened"))
    got = with_enterprise((plain, no_share, no_industry, neither, own), "manufacturing", D("0.8"))
    assert got[0] is plain and got[4] is own
    assert [(e.industry, e.main_business_share) for e in got] == [
        ("", None), ("information", D("0.8")), ("manufacturing", D("0.7")), ("manufacturing", D("0.8")),
        ("information", D("0.7"))]


def test_the_refusal_of_a_share_given_on_the_asset_adds_no_word_of_the_industry():
    [(field, why)] = method_problems(_press(method="shortened", main_business_share="0.4"), "manufacturing")
    assert (field, why) == ("main_business_share", "40% is not more than 50%: the enterprise is not of the industry "
                            "'manufacturing' for accelerated depreciation (国家税务总局公告2014年第64号 一)")


def test_the_schedule_names_the_method_in_both_languages():
    s = equipment_schedule(_press(method="double_declining", industry="manufacturing"))
    [step] = [st for st in s.steps if st.name == "equipment.method"]
    assert step.zh == "税前扣除方法：双倍余额递减法（不适用一次性扣除：单位价值超过上限）"
    assert step.en == "tax method: double declining balance (no one-time deduction: over the cap)"


def test_an_rd_instrument_cap_equal_to_the_general_cap_is_the_general_one():
    # Under a what-if where both caps are 5,000,000 the general cap (财税〔2018〕54号) is the one cited.
    same = default().with_values({"eit.equipment.rd_instrument.unit_value_cap": "5000000"})
    rig = Equipment("rig", "5000000", "machinery", acquired_on="2019-03-01", in_use="2019-03-10", rd_instrument=True)
    s = equipment_schedule(rig, law=same)
    [cap] = [st for st in s.steps if st.name == "equipment.unit_value_cap"]
    assert (cap.zh, cap.en, [str(c) for c in cap.cite]) == (
        "单位价值上限（含）", "unit value cap (inclusive)", ["财税〔2018〕54号 一"])
    higher = default().with_values({"eit.equipment.rd_instrument.unit_value_cap": "5000000.01"})
    [cap] = [st for st in equipment_schedule(rig, law=higher).steps if st.name == "equipment.unit_value_cap"]
    assert cap.en == "R&D instrument: unit value cap (inclusive)"


def test_a_field_of_a_method_on_a_straight_line_is_refused_in_full():
    for name, value in (("life_months", 60), ("industry", "manufacturing"), ("main_business_share", "0.8"),
                        ("article_98", True)):
        with pytest.raises(InvalidInput) as refused:
            _press(**{name: value})
        assert (refused.value.field, refused.value.reason) == (name, (
            "only with a method other than straight_line (shortened, double_declining or sum_of_years): the "
            "straight line is over the 第六十条 minimum life"))


def test_the_industry_a_row_takes_from_the_enterprise():
    # An information business may accelerate in 2019 (财税〔2014〕75号); any other non-manufacturing business may not.
    assert list(method_problems(_press(method="shortened"), "information")) == []
    [(field, _)] = method_problems(_press(method="shortened"), "finance")
    assert field == "method"
    # From the enterprise's industry code (GB/T 4754), as the report reads it; a code of no class is `other`.
    assert [industry_of_code(c) for c in ("C2761", "C14", "I65", "F51", "")] == [
        "biological_pharmaceuticals", "manufacturing", "information", "other", "other"]


def test_a_method_under_a_law_without_accelerated_depreciation_is_refused_naming_the_method():
    off = default().with_values({"eit.accelerated_depreciation.in_force": False})
    press = _press(method="shortened", industry="manufacturing")
    reason = ("shortened is not available for an asset bought on 2019-03-01: accelerated depreciation is not in "
              "force (假设 what-if eit.accelerated_depreciation.in_force = False)")
    assert list(method_problems(press, law=off)) == [("method", reason)]
    with pytest.raises(InvalidInput) as refused:
        equipment_schedule(press, law=off)
    assert (refused.value.field, refused.value.reason) == ("method", reason)

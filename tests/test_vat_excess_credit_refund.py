"""The refund of excess input credit (留抵退税) from 2019 and its input composition ratio (进项构成比例)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc import law, rules
from taxcalc.errors import InvalidInput, OutsideCoverage, UnknownCategory
from taxcalc.vat import REFUND_CATEGORIES, SIZES, excess_credit_refund, input_composition_ratio

D = Decimal
DATA = law.default()
SIX_2019 = ["2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09"]


def refund(applied_on: str, category: str = "general", **kw: object):
    args: dict[str, object] = {"credit_rating": "A", "months": SIX_2019,
                               "end_credits": ["1100000", "1200000", "1300000", "1400000", "1500000", "1600000"],
                               "base_credit": "1000000", "listed_input_tax": "900000", "total_input_tax": "1000000"}
    args.update(kw)
    return excess_credit_refund(applied_on, category=category, **args)  # type: ignore[arg-type]


def cite(r, name: str) -> list[str]:
    return [str(c) for c in r.step(name).cite]


def six(last: str, credits: list[str]) -> dict[str, object]:
    y, m = int(last[:4]), int(last[5:])
    months = []
    for _ in range(6):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return {"months": months[::-1], "end_credits": credits}


# -- the 2019 incremental refund (39号 第八条) ------------------------------------------------

def test_worked_example_2019():
    r = refund("2019-10-15")
    assert (r.eligible, r.increment, r.ratio, r.refund, r.credit_after_refund) == (
        True, D("600000"), D("0.9"), D("324000.00"), D("1276000.00"))
    assert cite(r, "refund") == ["财政部 税务总局 海关总署公告2019年第39号 第八条第（三）项"]
    assert cite(r, "consecutive") == ["财政部 税务总局 海关总署公告2019年第39号 第八条第（一）项第1目"]
    assert r.step("end_credit").line == "《增值税纳税申报表（一般纳税人适用）》第20栏"


def test_exactly_500000_in_the_sixth_month_qualifies_one_fen_less_does_not():
    at = refund("2019-10-15", end_credits=["1100000"] * 5 + ["1500000"])
    assert at.eligible and at.refund == D("270000.00")
    assert at.step("sixth_month_minimum").value is True
    below = refund("2019-10-15", end_credits=["1100000"] * 5 + ["1499999.99"])
    assert not below.eligible and below.refund == 0
    assert below.reasons == ("the sixth month's incremental credit 499,999.99 is below 500,000.00",)
    assert below.credit_after_refund == D("1499999.99")


def test_every_month_must_be_above_zero():
    r = refund("2019-10-15", end_credits=["1100000", "1200000", "1000000", "1400000", "1500000", "1600000"])
    assert not r.eligible and r.step("consecutive").value is False
    assert r.reasons == ("not 6 consecutive months of incremental credit above zero",)


def test_the_months_must_be_six_consecutive_ones_from_april_2019():
    five = refund("2019-10-15", months=SIX_2019[1:], end_credits=["2000000"] * 5)
    assert not five.eligible
    gap = refund("2019-11-15", months=[*SIX_2019[:5], "2019-10"], end_credits=["2000000"] * 6)
    assert not gap.eligible and gap.step("consecutive").value is False
    early = refund("2019-09-15", months=["2019-03", *SIX_2019[:5]], end_credits=["2000000"] * 6)
    assert not early.eligible
    assert early.reasons == ("not 6 consecutive months of incremental credit above zero from 2019-04",)


def test_rating_and_exclusions():
    assert not refund("2019-10-15", credit_rating="M").eligible
    r = refund("2019-10-15", credit_rating="C")
    assert r.reasons == ("credit rating C is not A or B",) and r.refund == 0
    assert refund("2019-10-15", credit_rating="B").eligible
    assert refund("2019-10-15", excluded=True).reasons == ("an exclusion applies",)
    with pytest.raises(UnknownCategory) as exc:
        refund("2019-10-15", credit_rating="E")
    assert exc.value.field == "credit_rating"


# -- bad input: a clear error naming the field ------------------------------------------------

def test_months_out_of_order_are_refused_naming_the_index():
    with pytest.raises(InvalidInput) as exc:
        refund("2019-10-15", months=["2019-04", "2019-05", "2019-07", "2019-06", "2019-08", "2019-09"])
    assert exc.value.field == "months[3]"
    with pytest.raises(InvalidInput) as exc:
        refund("2019-10-15", months=["2019-04", "2019-05", "2019-05", "2019-07", "2019-08", "2019-09"])
    assert exc.value.field == "months[2]"


def test_other_bad_input_is_refused_naming_the_field():
    with pytest.raises(InvalidInput) as exc:
        refund("2019-10-15", end_credits=["1"] * 5)
    assert exc.value.field == "end_credits"
    with pytest.raises(InvalidInput) as exc:
        refund("2019-09-15")
    assert exc.value.field == "months[5]"
    with pytest.raises(InvalidInput) as exc:
        refund("2019-10-15", months=[])
    assert exc.value.field == "months"
    with pytest.raises(InvalidInput) as exc:
        refund("2019-10-15", end_credits=["1"] * 5 + ["-1"])
    assert exc.value.field == "end_credits[5]"
    with pytest.raises(InvalidInput) as exc:
        refund("2019-10-15", listed_input_tax="1000000.01")
    assert exc.value.field == "listed_input_tax"
    with pytest.raises(UnknownCategory) as exc:
        refund("2019-10-15", category="tourism")
    assert exc.value.field == "category"


@pytest.mark.parametrize("share", ["100.01%", "2", "-0.1"])
def test_a_share_outside_0_to_100_percent_is_refused(share):
    with pytest.raises(InvalidInput) as exc:
        refund("2022-05-10", "listed_industry", months=["2022-04"], end_credits=["1"], industry_sales_share=share)
    assert exc.value.field == "industry_sales_share"


# -- the categories' lives, on the day before and the day of each switch ----------------------

def test_no_refund_before_april_2019_is_an_answer():
    r = refund("2019-03-31", months=["2019-02"], end_credits=["1000000"])
    assert not r.in_force and r.refund == 0 and r.credit_after_refund == D("1000000")
    assert cite(r, "in_force") == ["国务院令第538号 第四条"]
    assert refund("2019-04-01", months=["2019-03"], end_credits=["1000000"]).in_force


def test_advanced_manufacturing_2019_07_to_2022_03():
    kw = {"months": ["2019-06"], "end_credits": ["1500000"], "industry_sales_share": "60%"}
    assert not refund("2019-06-30", "advanced_manufacturing", **{**kw, "months": ["2019-05"]}).in_force
    r = refund("2019-07-01", "advanced_manufacturing", **kw)
    assert r.eligible and r.refund == D("450000.00")  # 50万 × 90%, no 60%, no six months
    assert cite(r, "refund") == ["财政部 税务总局公告2019年第84号 第三条"]
    kw22 = {"months": ["2022-02"], "end_credits": ["1500000"], "industry_sales_share": "60%"}
    assert refund("2022-03-31", "advanced_manufacturing", **kw22).in_force
    assert not refund("2022-04-01", "advanced_manufacturing", **kw22).in_force


def test_the_sales_share_of_an_industry_must_be_more_than_half():
    kw = {"months": ["2020-06"], "end_credits": ["1500000"]}
    half = refund("2020-07-10", "advanced_manufacturing", industry_sales_share="50%", **kw)
    assert not half.eligible and "exactly 50% does not qualify" in half.step("industry_sales_share").en
    assert refund("2020-07-10", "advanced_manufacturing", industry_sales_share="50.01%", **kw).eligible
    with pytest.raises(InvalidInput) as exc:
        refund("2020-07-10", "advanced_manufacturing", **kw)
    assert exc.value.field == "industry_sales_share"


def test_toll_road_invoices_count_from_2022_04_01():
    before = input_composition_ratio("2022-03-31", listed_input_tax="700", toll_road_input_tax="100",
                                     total_input_tax="1000")
    on = input_composition_ratio("2022-04-01", listed_input_tax="700", toll_road_input_tax="100",
                                 total_input_tax="1000")
    assert (before.ratio, on.ratio) == (D("0.7"), D("0.8"))
    assert [str(c) for c in on.step("ratio").cite] == ["财政部 税务总局公告2022年第14号 第八条"]
    assert input_composition_ratio("2022-04-01", listed_input_tax="0", total_input_tax="0").ratio == 0
    with pytest.raises(OutsideCoverage):
        input_composition_ratio("2019-03-31", listed_input_tax="0", total_input_tax="0")
    with pytest.raises(InvalidInput) as exc:
        input_composition_ratio("2022-04-01", listed_input_tax="950", toll_road_input_tax="100",
                                total_input_tax="1000")
    assert exc.value.field == "listed_input_tax"


def test_2022_general_keeps_60_percent_with_the_new_ratio():
    credits = ["1100000", "1200000", "1300000", "1400000", "1500000", "1600000"]
    old = refund("2022-03-31", toll_road_input_tax="100000", listed_input_tax="800000", **six("2022-02", credits))
    new = refund("2022-04-01", toll_road_input_tax="100000", listed_input_tax="800000", **six("2022-03", credits))
    assert (old.refund, new.refund) == (D("288000.00"), D("324000.00"))  # 60万 × 80% / 90% × 60%
    assert cite(new, "refund") == ["财政部 税务总局公告2022年第14号 第九条"]


# -- 2022: small and micro, listed industries, the stock schedule -----------------------------

def listed(applied_on: str, size: str | None = "large", **kw: object):
    args: dict[str, object] = {"months": [f"{applied_on[:7]}"], "end_credits": ["3000000"],
                               "industry_sales_share": "60%", "size": size, "toll_road_input_tax": "100000",
                               "listed_input_tax": "800000"}
    y, m = int(applied_on[:4]), int(applied_on[5:7])
    args["months"] = [f"{y:04d}-{m - 1:02d}" if m > 1 else f"{y - 1:04d}-12"]
    args.update(kw)
    return refund(applied_on, "listed_industry", **args)


@pytest.mark.parametrize(
    ("size", "closed", "opened"),
    [
        ("micro", None, "2022-04-01"),
        ("small", "2022-04-30", "2022-05-01"),
        ("medium", "2022-04-30", "2022-05-01"),
        ("large", "2022-05-31", "2022-06-01"),
    ],
)
def test_the_stock_credit_opens_by_size(size, closed, opened):
    if closed is not None:
        r = listed(closed, size)
        assert r.stock == 0 and r.refund == D("1800000.00")  # the increment 200万 × 90%
        assert r.step("stock_open").value is False
    r = listed(opened, size)
    assert (r.increment, r.stock, r.refund, r.credit_after_refund) == (
        D("2000000"), D("1000000"), D("2700000.00"), D("300000.00"))


def test_the_medium_and_large_schedules_as_first_enacted():
    # 14号: medium from 2022-07, large from 2022-10; brought forward by 第17号 (2022-04-17) and 第19号 (2022-05-17)
    assert DATA.get("vat.excess_credit_refund.stock_from.medium", "2022-04-16") == dt.date(2022, 7, 1)
    assert DATA.get("vat.excess_credit_refund.stock_from.medium", "2022-04-17") == dt.date(2022, 5, 1)
    assert DATA.get("vat.excess_credit_refund.stock_from.large", "2022-05-16") == dt.date(2022, 10, 1)
    assert DATA.get("vat.excess_credit_refund.stock_from.large", "2022-05-17") == dt.date(2022, 6, 1)
    assert str(DATA.value("vat.excess_credit_refund.stock_from.large", "2022-06-01").citation) == (
        "财政部 税务总局公告2022年第19号 第一条")


def test_after_the_stock_refund_the_increment_is_the_whole_credit():
    r = listed("2022-08-10", stock_refunded=True, end_credits=["500000"])
    assert (r.increment, r.stock, r.refund) == (D("500000"), D(0), D("450000.00"))


def test_a_credit_below_the_2019_base_is_all_stock():
    r = listed("2022-08-10", end_credits=["600000"])
    assert (r.increment, r.stock, r.refund) == (D("-400000"), D("600000"), D("540000.00"))


def test_small_and_micro_need_the_size():
    kw = {"months": ["2022-04"], "end_credits": ["3000000"]}
    assert refund("2022-05-10", "small_micro", size="small", **kw).refund == D("2700000.00")
    medium = refund("2022-05-10", "small_micro", size="medium", **kw)
    assert not medium.eligible and medium.reasons == ("a medium enterprise is not small or micro",)
    with pytest.raises(InvalidInput) as exc:
        refund("2022-05-10", "small_micro", **kw)
    assert exc.value.field == "size"


def test_the_listed_industries_widen_on_2022_07_01():
    assert "批发和零售业" not in DATA.get("vat.excess_credit_refund.industries.listed_industry", "2022-06-30")
    assert "批发和零售业" in DATA.get("vat.excess_credit_refund.industries.listed_industry", "2022-07-01")


# -- from the 2025-09 filing period (2025年第7号) ---------------------------------------------

def test_2025_08_31_is_the_2022_rule_and_2025_09_01_the_new_one():
    credits = ["300000000"] * 6
    old = refund("2025-08-31", **six("2025-07", credits))
    assert old.refund == D("161460000.00")  # (3亿 − 100万 of 2019-03-31) × 90% × 60%, no tiers
    new = refund("2025-09-01", prior_year_end_credit="100000000", **six("2025-08", credits))
    assert new.increment == D("200000000")
    assert new.refund == D("81000000.00")  # (1亿 × 60% + 1亿 × 30%) × 90%
    assert cite(new, "refund") == ["财政部 税务总局公告2025年第7号 第一条第（三）项"]
    with pytest.raises(InvalidInput) as exc:
        refund("2025-09-01", **six("2025-08", credits))
    assert exc.value.field == "prior_year_end_credit"


@pytest.mark.parametrize(("increment", "expected"), [
    ("100000000", "54000000.00"),  # exactly 1亿: all at 60% (含1亿元)
    ("100000100", "54000027.00"),  # 100 above: 30% of it
    ("500000", "270000.00"),      # exactly 50万 qualifies
])
def test_2025_tiers_and_the_floor(increment, expected):
    last = D("100000000") + D(increment)
    r = refund("2025-10-15", prior_year_end_credit="100000000", **six("2025-09", ["1"] * 5 + [str(last)]))
    assert r.eligible and r.refund == D(expected)


def test_2025_below_the_floor_and_a_month_at_zero():
    r = refund("2025-10-15", prior_year_end_credit="100", **six("2025-09", ["1"] * 5 + ["500099.99"]))
    assert not r.eligible
    r = refund("2025-10-15", prior_year_end_credit="0", **six("2025-09", ["1", "0", "1", "1", "1", "900000"]))
    assert not r.eligible and r.step("consecutive").value is False


def test_2025_listed_industries_monthly_and_real_estate():
    r = refund("2025-10-15", "listed_industry", months=["2025-09"], end_credits=["1000000"],
               industry_sales_share="51%")
    assert r.refund == D("900000.00") and r.increment is None
    assert refund("2025-10-15", "listed_industry", months=["2025-09"], end_credits=["1000000"],
                  industry_sales_share="51%", size="large").stock == 0
    estate = refund("2025-10-15", "real_estate", **six("2025-09", ["1100000"] * 5 + ["1600000"]))
    assert estate.refund == D("324000.00")
    assert not refund("2025-08-31", "real_estate", **six("2025-07", ["1100000"] * 6)).in_force
    assert not refund("2025-10-15", "small_micro", size="micro", months=["2025-09"], end_credits=["1"]).in_force


# -- properties ---------------------------------------------------------------------------------

_DAYS = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2026, 12, 31))
_MONEY = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
_OFF = DATA.with_values({"vat.excess_credit_refund.categories": []})


@settings(max_examples=150, deadline=None)
@given(day=_DAYS, category=st.sampled_from(REFUND_CATEGORIES), credits=st.lists(_MONEY, min_size=1, max_size=8),
       base=_MONEY, prior=_MONEY, share=st.decimals(min_value=0, max_value=1, places=2),
       size=st.sampled_from(SIZES), parts=st.tuples(st.decimals(0, 1, places=2), st.decimals(0, 1, places=2)),
       stock_refunded=st.booleans(), rating=st.sampled_from(["A", "B", "C"]))
def test_a_refund_never_exceeds_the_excess_credit_and_turning_it_off_never_lowers_the_tax(
        day, category, credits, base, prior, share, size, parts, stock_refunded, rating):
    last = day.replace(day=1) - dt.timedelta(days=1)
    months = []
    for _ in credits:
        months.append(last.replace(day=1))
        last = last.replace(day=1) - dt.timedelta(days=1)
    total = D("1000000")
    listed = (total * parts[0]).quantize(D("0.01"))
    toll = ((total - listed) * parts[1]).quantize(D("0.01"))
    kw = {"category": category, "credit_rating": rating, "months": [m.isoformat()[:7] for m in months[::-1]],
          "end_credits": credits, "base_credit": base, "prior_year_end_credit": prior,
          "industry_sales_share": share, "size": size, "stock_refunded": stock_refunded,
          "listed_input_tax": listed, "toll_road_input_tax": toll, "total_input_tax": total}
    try:
        r = excess_credit_refund(day, **kw)
    except OutsideCoverage:
        return
    assert 0 <= r.refund <= r.end_credit == credits[-1]
    assert r.credit_after_refund == r.end_credit - r.refund >= 0
    if not r.eligible:
        assert r.refund == 0 and r.reasons
    off = excess_credit_refund(day, law=_OFF, **kw)
    assert off.refund == 0 and off.credit_after_refund == r.end_credit >= r.credit_after_refund


# -- the rules in the registry ------------------------------------------------------------------

def test_the_rules_compute_their_examples_from_documents():
    r = rules.get("vat.excess_credit_refund")
    assert r.compute(r.load().example).refund == D("324000.00")
    ratio = rules.get("vat.input_composition_ratio")
    assert ratio.compute(ratio.load().example).ratio == D("0.8")
    from taxcalc.errors import InputProblems
    with pytest.raises(InputProblems) as exc:
        r.compute({**r.load().example, "industry_sales_share": "150%", "credit_rating": "E"})
    paths = sorted(p.path for p in exc.value.problems)
    assert paths == ["credit_rating", "industry_sales_share"]

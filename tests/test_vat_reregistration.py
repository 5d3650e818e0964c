"""Re-registration as small-scale (转登记): windows, the 500万 test, the young-business
estimate, scope in 2018, the bar on re-registering again, the sales test in the window
after re-registration, and properties."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.errors import InvalidInput, NotInForce, NotMoney, OutsideCoverage, UnknownCategory
from taxcalc.vat import may_reregister, reregistered_sales_check

D = dt.date
P = Decimal
TWELVE = ["400000"] * 12  # 480万


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2018-05-01", True), ("2018-12-31", True),  # 财税〔2018〕33号 第二条: 在2018年12月31日前
        ("2019-01-01", True), ("2019-12-31", True),  # 国家税务总局公告2019年第4号
        ("2020-04-30", False), ("2020-01-01", False),  # no window open
        ("2020-05-01", True), ("2020-12-31", True),  # 国家税务总局公告2020年第9号
    ],
)
def test_windows(day, expected):
    assert may_reregister(TWELVE, day).eligible is expected


def test_after_the_last_window_no_window_is_open_for_good():
    for day in ("2021-01-01", "2026-12-01"):
        r = may_reregister([100], on=day)
        assert not r.eligible and r.steps[0].name == "window_open" and "2020-12-31" in r.steps[0].en


@pytest.mark.parametrize("day", ["2018-04-30", "2008-01-01", "2002-01-01"])
def test_before_the_first_window_the_measure_is_not_in_force(day):
    r = may_reregister(TWELVE, day)
    assert r.eligible is False and r.cap is None and r.steps[0].name == "window_open"
    assert "no re-registration" in r.steps[0].en and "财税〔2018〕33号" in r.steps[0].en
    assert str(r.steps[0].cite[0]) == "国家税务总局公告2018年第18号 第一条第（二）项"
    assert may_reregister(TWELVE, "2018-05-01").cap is not None


def test_before_the_data_begin_a_coverage_error():
    with pytest.raises(OutsideCoverage, match="vat.reregistration"):
        may_reregister(TWELVE, "2001-12-31")


def test_closed_window_is_explained():
    r = may_reregister(TWELVE, "2020-02-15")
    assert r.eligible is False and r.cap is None and r.annual_sales is None
    assert "2020年第9号" in r.steps[0].en


def test_500_wan_exactly_and_one_fen_over():
    exactly = ["400000"] * 11 + ["600000"]
    over = ["400000"] * 11 + ["600000.01"]
    assert may_reregister(exactly, "2018-09-01").annual_sales == P("5000000")
    assert may_reregister(exactly, "2018-09-01").eligible is True  # 未超过500万元
    assert may_reregister(over, "2018-09-01").eligible is False
    q_exactly = ["1250000"] * 4
    assert may_reregister(q_exactly, "2019-05-01", period="quarter").eligible is True
    assert may_reregister(["1250000"] * 3 + ["1250000.01"], "2019-05-01", period="quarter").eligible is False


def test_only_the_last_12_months_count():
    r = may_reregister(["9999999"] + TWELVE, "2018-09-01")
    assert r.eligible is True and r.periods_counted == 12 and r.annual_sales == P("4800000")


def test_a_younger_business_is_estimated_from_its_average():
    # 18号 第一条: 经营期不满12个月的，按照月平均应税销售额估算
    r = may_reregister(["450000", "420000", "380000"], "2019-03-01")
    assert r.estimated and r.periods_counted == 3
    assert r.annual_sales == P("5000000.00") and r.eligible
    r = may_reregister(["450000", "420000", "380000.01"], "2019-03-01")
    assert r.annual_sales == P("5000000.04") and not r.eligible
    # quarterly: two quarters of 125万 → 500万, eligible; one fen more is not
    assert may_reregister(["1250000", "1250000"], "2019-05-01", period="quarter").eligible
    assert not may_reregister(["1250000", "1250000.01"], "2019-05-01", period="quarter").eligible


def test_exact_comparison_of_a_repeating_estimate():
    # 3 months of 416666.67: 1250000.01 × 12 ÷ 3 = 5000000.04 > 500万
    assert not may_reregister(["416666.67", "416666.67", "416666.67"], "2018-09-01").eligible
    # 7 months summing to 2916666.66: × 12 ÷ 7 = 4999999.98857… ≤ 500万 (shown as 4999999.99)
    r = may_reregister(["416666.66"] * 6 + ["416666.70"], "2018-09-01")
    assert r.eligible and r.annual_sales == P("4999999.99")


def test_2018_scope_excludes_taxpayers_registered_under_the_pilot_rules():
    assert may_reregister(TWELVE, "2018-09-01", registered_under="pilot").eligible is False
    assert may_reregister(TWELVE, "2019-09-01", registered_under="pilot").eligible is True
    r = may_reregister(TWELVE, "2018-09-01", registered_under="pilot")
    assert str(r.step("scope").cite[0]) == "国家税务总局公告2018年第18号 第一条第（一）项"


def test_refusals():
    with pytest.raises(InvalidInput, match="at least one period"):
        may_reregister([], "2018-09-01")
    with pytest.raises(InvalidInput, match="must be a list"):
        may_reregister("400000", "2018-09-01")  # type: ignore[arg-type]
    with pytest.raises(NotMoney, match=r"sales_by_period\[1\]"):
        may_reregister(["1", 2.0], "2018-09-01")
    with pytest.raises(InvalidInput, match=r"sales_by_period\[0\]: must not be negative"):
        may_reregister(["-1"], "2018-09-01")
    with pytest.raises(UnknownCategory, match="period"):
        may_reregister(TWELVE, "2018-09-01", period="year")
    with pytest.raises(UnknownCategory, match="registered_under"):
        may_reregister(TWELVE, "2018-09-01", registered_under="other")


sales = st.lists(st.decimals(min_value=0, max_value=2_000_000, places=2), min_size=1, max_size=15)
window_days = st.sampled_from([D(2018, 6, 1), D(2019, 6, 1), D(2020, 6, 1)])


@given(sales, window_days, st.sampled_from(["month", "quarter"]))
def test_eligibility_follows_the_test_and_is_monotonic_in_sales(xs, day, period):
    r = may_reregister(xs, day, period=period)
    n = 12 if period == "month" else 4
    used = xs[-n:]
    cap = P("5000000")
    expected = sum(used) * n <= cap * len(used) if len(used) < n else sum(used) <= cap
    assert r.eligible is expected
    assert r.estimated is (len(used) < n) and r.periods_counted == len(used)
    if r.eligible:
        assert may_reregister([x / 2 for x in xs], day, period=period).eligible


def test_hostile_context():
    xs = ["416666.66"] * 6 + ["416666.70"]
    expected = may_reregister(xs, "2018-09-01")
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_CEILING
        assert may_reregister(xs, "2018-09-01") == expected
    assert expected.annual_sales == P("4999999.99") and expected.eligible


# -- the bar on re-registering again and the window after re-registration (18号 第八条) ----


@pytest.mark.parametrize("day", ["2018-09-01", "2019-09-01", "2020-09-01"])
def test_a_taxpayer_that_returned_to_general_may_not_re_register_again(day):
    assert may_reregister(TWELVE, day).eligible is True
    r = may_reregister(TWELVE, day, previously_reregistered=True)
    assert r.eligible is False and r.step("eligible").formula == "re-registered before"
    assert str(r.step("not_again").cite[0]) == "国家税务总局公告2018年第18号 第八条第二款"
    with pytest.raises(InvalidInput, match="previously_reregistered"):
        may_reregister(TWELVE, day, previously_reregistered="yes")  # type: ignore[arg-type]


def test_the_window_starts_with_the_period_after_the_re_registration_day():
    c = reregistered_sales_check(["1"], "2018-06-30")
    assert c.window_first_day == D(2018, 7, 1) and c.window_periods == 12
    c = reregistered_sales_check(["1"], "2018-07-01")
    assert c.window_first_day == D(2018, 8, 1)
    q = reregistered_sales_check(["1"], "2018-06-30", period="quarter")
    assert q.window_first_day == D(2018, 7, 1) and q.window_periods == 4
    q = reregistered_sales_check(["1"], "2018-07-01", period="quarter")
    assert q.window_first_day == D(2018, 10, 1)
    q = reregistered_sales_check(["1"], "2018-12-31", period="quarter")
    assert q.window_first_day == D(2019, 1, 1)


def test_cumulative_sales_above_the_standard_require_general_registration():
    exactly = ["400000"] * 11 + ["600000"]  # 500万 in the twelfth month: not above
    c = reregistered_sales_check(exactly, "2018-06-15")
    assert not c.must_register and c.cumulative_sales == P("5000000") and c.periods_tested == 12
    over = ["400000"] * 11 + ["600000.01"]
    c = reregistered_sales_check(over, "2018-06-15")
    assert c.must_register and c.breach_period == 12 and c.breach_period_start == D(2019, 6, 1)
    assert c.step("may_reregister_again").value is False
    early = ["5000000.01"]
    c = reregistered_sales_check(early, "2018-06-15")
    assert c.must_register and c.breach_period == 1 and c.breach_period_start == D(2018, 7, 1)
    q = reregistered_sales_check(["2500000", "2500000", "0.01"], "2019-02-01", period="quarter")
    assert q.must_register and q.breach_period == 3 and q.breach_period_start == D(2019, 10, 1)


def test_periods_after_the_window_are_not_tested():
    late = ["400000"] * 12 + ["9999999"]  # the 13th month is outside the window
    c = reregistered_sales_check(late, "2018-06-15")
    assert not c.must_register and c.periods_tested == 12 and c.cumulative_sales == P("4800000")
    q = reregistered_sales_check(["1000000"] * 4 + ["9999999"], "2019-02-01", period="quarter")
    assert not q.must_register and q.periods_tested == 4


def test_the_check_reads_the_window_of_the_re_registration_day():
    assert reregistered_sales_check(["1"], "2018-05-01").window_periods == 12
    assert reregistered_sales_check(["1"], "2020-12-31").window_periods == 12
    with pytest.raises(NotInForce, match="no re-registration window"):
        reregistered_sales_check(["1"], "2020-02-01")
    for day in ("2018-04-30", "2021-01-01"):
        with pytest.raises(OutsideCoverage):
            reregistered_sales_check(["1"], day)


def test_the_check_refuses_bad_input():
    with pytest.raises(InvalidInput, match="at least one period"):
        reregistered_sales_check([], "2018-06-15")
    with pytest.raises(UnknownCategory, match="sector"):
        reregistered_sales_check(["1"], "2018-06-15", sector="farming")
    with pytest.raises(NotMoney, match=r"sales_by_period\[0\]"):
        reregistered_sales_check([1.5], "2018-06-15")  # type: ignore[list-item]


@given(sales, window_days, st.sampled_from(["month", "quarter"]))
def test_the_check_follows_the_cumulative_sum(xs, day, period):
    c = reregistered_sales_check(xs, day, period=period)
    n = 12 if period == "month" else 4
    tested = xs[:n]
    sums = [sum(tested[: k + 1]) for k in range(len(tested))]
    first = next((k + 1 for k, x in enumerate(sums) if x > P("5000000")), None)
    assert c.breach_period == first and c.must_register is (first is not None)
    assert c.cumulative_sales == (sums[first - 1] if first else sums[-1])
    if not c.must_register:  # lower sales never trigger registration
        assert not reregistered_sales_check([x / 2 for x in xs], day, period=period).must_register

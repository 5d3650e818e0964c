"""A small-scale taxpayer's VAT for a period: thresholds exactly and one fen over, every
switch, the 2018 separate streams, the real-estate carve-out and the 5% on immovable
property, the reduced and exempt levy, cliffs, continuity elsewhere, and refusals."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.errors import InvalidInput, NotMoney, OutsideCoverage, UnknownCategory
from taxcalc.vat import small_scale_vat

D = dt.date
P = Decimal
FEN = P("0.01")

# (first month, monthly limit, quarterly limit, levy rate) for months in each window.
WINDOWS = [
    (D(2018, 1, 1), "30000", "90000", "0.03"),  # 国家税务总局公告2017年第52号
    (D(2019, 1, 1), "100000", "300000", "0.03"),  # 财税〔2019〕13号; 2019年第4号
    (D(2020, 3, 1), "100000", "300000", "0.01"),  # 2020年第13号 第二条
    (D(2021, 4, 1), "150000", "450000", "0.01"),  # 2021年第11号
    (D(2022, 4, 1), "150000", "450000", "0"),  # 2022年第15号 第一条: exempt
    (D(2023, 1, 1), "100000", "300000", "0.01"),  # 2023年第1号
    (D(2024, 1, 1), "100000", "300000", "0.01"),  # 2023年第19号
]


def month_before(d: dt.date) -> dt.date:
    return D(d.year - 1, 12, 1) if d.month == 1 else D(d.year, d.month - 1, 1)


@pytest.mark.parametrize(("start", "monthly", "quarterly", "levy"), WINDOWS)
def test_limits_and_levy_of_each_window(start, monthly, quarterly, levy):
    kwargs = {"goods_sales": P(monthly)} if start.year == 2018 else {}
    at = small_scale_vat(P(monthly), start, **kwargs)
    assert at.threshold == P(monthly) and at.exempt and at.tax_due == 0
    over = small_scale_vat(P(monthly) + FEN, start, **({"goods_sales": P(monthly) + FEN} if kwargs else {}))
    assert over.levy_rate == P(levy)
    if P(levy):
        assert not over.exempt
        assert over.tax_due == ((P(monthly) + FEN) * P(levy)).quantize(FEN, decimal.ROUND_HALF_UP)
    else:  # 2022-04 – 2022-12: sales at the 3% collection rate exempt whatever the amount
        assert over.exempt and over.tax_due == 0
    if start.month in (1, 4, 7, 10):
        q_kwargs = {"goods_sales": P(quarterly)} if start.year == 2018 else {}
        assert small_scale_vat(P(quarterly), start, period="quarter", **q_kwargs).exempt
        q_over = P(quarterly) + FEN
        q = small_scale_vat(q_over, start, period="quarter",
                            **({"goods_sales": q_over} if start.year == 2018 else {}))
        assert q.threshold == P(quarterly)
        assert q.exempt is (P(levy) == 0)


@pytest.mark.parametrize(
    ("switch", "before", "after"),
    [
        (D(2019, 1, 1), "30000", "100000"),
        (D(2021, 4, 1), "100000", "150000"),
        (D(2023, 1, 1), "150000", "100000"),
    ],
)
def test_threshold_switch_months(switch, before, after):
    prev = month_before(switch)
    kwargs = {"goods_sales": "0", "services_sales": "50000"} if prev.year == 2018 else {}
    assert small_scale_vat("50000", prev, **kwargs).threshold == P(before)
    assert small_scale_vat("50000", switch).threshold == P(after)


@pytest.mark.parametrize(
    ("switch", "before", "after"),
    [(D(2020, 3, 1), "0.03", "0.01"), (D(2022, 4, 1), "0.01", "0"), (D(2023, 1, 1), "0", "0.01"),
     (D(2021, 1, 1), "0.01", "0.01"), (D(2022, 1, 1), "0.01", "0.01")],
)
def test_levy_switch_months(switch, before, after):
    big = "1000000"
    assert small_scale_vat(big, month_before(switch)).levy_rate == P(before)
    assert small_scale_vat(big, switch).levy_rate == P(after)


def test_coverage_ends():
    with pytest.raises(OutsideCoverage, match="2001-12-01"):
        small_scale_vat("1", "2001-12-01")
    with pytest.raises(OutsideCoverage, match="2028-01-01"):
        small_scale_vat("1", "2028-01-01")
    assert small_scale_vat("1", "2025-12-01").exempt
    assert small_scale_vat("1", "2027-12-01").exempt


# -- 2018: goods/processing and services/intangibles tested separately (2017年第52号) --

def test_2018_streams_are_tested_separately():
    both = small_scale_vat("60000", "2018-05-01", goods_sales="30000", services_sales="30000")
    assert both.exempt and both.exempt_sales == P("60000") and both.tax_due == 0
    one = small_scale_vat("60000", "2018-05-01", goods_sales="30000.01")
    assert not one.exempt and one.exempt_sales == P("29999.99") and one.taxable_sales == P("30000.01")
    assert one.tax_due == P("900.00")
    q = small_scale_vat("180000", "2018-07-01", period="quarter", services_sales="90000")
    assert q.exempt  # 按季纳税9万元, each stream


def test_2018_needs_the_split_and_checks_it():
    with pytest.raises(InvalidInput, match="goods_sales: from 2016-05-01 to 2018-12-31"):
        small_scale_vat("20000", "2018-05-01")
    assert small_scale_vat("0", "2018-05-01").exempt
    with pytest.raises(InvalidInput, match="must equal sales"):
        small_scale_vat("20000", "2018-05-01", goods_sales="10000", services_sales="9000")
    with pytest.raises(InvalidInput, match="goods_sales: is more than"):
        small_scale_vat("20000", "2018-05-01", goods_sales="20000.01")


def test_2018_real_estate_is_never_exempt():
    r = small_scale_vat("70000", "2018-05-01", goods_sales="10000", services_sales="10000",
                        real_estate_sales="50000")
    assert r.exempt and r.exempt_sales == P("20000") and r.real_estate_taxable == P("50000")


# -- from 2019: all sales together, then without the period's real-estate sales ----------

def test_2019_combined_and_the_real_estate_carve_out():
    # 2019年第4号 第一条: 合计月销售额超过10万元，但扣除本期发生的销售不动产的销售额后未超过10万元
    r = small_scale_vat("150000", "2019-06-01", real_estate_sales="50000")
    assert r.exempt and r.exempt_sales == P("100000") and r.real_estate_taxable == P("50000")
    assert r.tax_due == 0
    r = small_scale_vat("150000.01", "2019-06-01", real_estate_sales="50000")
    assert not r.exempt and r.taxable_sales == P("100000.01") and r.tax_due == P("3000.00")
    # all together within the limit: everything exempt, immovable property included
    r = small_scale_vat("100000", "2019-06-01", real_estate_sales="60000")
    assert r.exempt and r.real_estate_taxable == 0 and r.exempt_sales == P("100000")
    # 2018-style split is optional from 2019 but must add up
    with pytest.raises(InvalidInput, match="must equal"):
        small_scale_vat("100", "2019-06-01", goods_sales="60", services_sales="50")


def test_quarterly_filer_with_one_big_month_is_exempt_on_the_quarter():
    # a quarterly filer is tested on the quarter: 20万 + 5万 + 4万 = 29万 ≤ 30万
    assert small_scale_vat("290000", "2019-07-01", period="quarter").exempt


def test_1_percent_and_the_2022_exemption():
    assert small_scale_vat("200000", "2020-03-01").tax_due == P("2000.00")
    assert small_scale_vat("200000", "2020-02-01").tax_due == P("6000.00")
    r = small_scale_vat("1000000", "2022-07-01", period="quarter")
    assert r.exempt and r.tax_due == 0 and r.exempt_sales == P("1000000")
    assert str(r.step("exempt_3pct").cite[0]) == "财政部 税务总局公告2022年第15号 第一条"


def test_a_quarter_with_a_change_inside_is_refused():
    with pytest.raises(InvalidInput, match="levy_rate changes inside the quarter starting 2020-01-01"):
        small_scale_vat("1", "2020-01-01", period="quarter")


def test_as_known_on_reads_the_retroactive_notices_as_they_came():
    # 2021年第7号 (issued 2021-03-17) reduced Q1 2021 retroactively
    early = law.default().as_known_on("2021-02-01")
    later = law.default().as_known_on("2021-04-01")
    assert small_scale_vat("200000", "2021-01-01", law=early).tax_due == P("6000.00")
    assert small_scale_vat("200000", "2021-01-01", law=later).tax_due == P("2000.00")


def test_refusals():
    with pytest.raises(NotMoney):
        small_scale_vat(100000.0, "2019-06-01")
    with pytest.raises(InvalidInput, match="sales: must not be negative"):
        small_scale_vat("-1", "2019-06-01")
    with pytest.raises(InvalidInput, match="real_estate_sales: is more than sales"):
        small_scale_vat("1", "2019-06-01", real_estate_sales="2")
    with pytest.raises(UnknownCategory, match="period"):
        small_scale_vat("1", "2019-06-01", period="year")
    with pytest.raises(InvalidInput, match="not the first day of a month"):
        small_scale_vat("1", "2019-06-02")
    with pytest.raises(InvalidInput, match="calendar quarter"):
        small_scale_vat("1", "2019-05-01", period="quarter")


def test_hostile_context():
    expected = small_scale_vat("123456.78", "2019-06-01")
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        assert small_scale_vat("123456.78", "2019-06-01") == expected
    assert expected.tax_due == P("3703.70")


# -- properties ---------------------------------------------------------------------------

months = st.builds(lambda y, m: D(y, m, 1), st.integers(2019, 2025), st.integers(1, 12))
amounts = st.decimals(min_value=0, max_value=10**8, places=2)


@given(amounts, amounts, months)
def test_tax_is_monotonic_and_never_negative(a, b, month):
    lo, hi = sorted((a, b))
    t_lo = small_scale_vat(lo, month).tax_due
    t_hi = small_scale_vat(hi, month).tax_due
    assert P(0) <= t_lo <= t_hi


@given(amounts, months)
def test_continuous_except_at_the_threshold_cliff(sales, month):
    r0 = small_scale_vat(sales, month)
    r1 = small_scale_vat(sales + FEN, month)
    jump = r1.tax_due - r0.tax_due
    if r0.exempt and not r1.exempt:
        # the cliff the law creates: one fen over and the whole period is taxed
        assert sales == r0.threshold
        assert r1.tax_due == ((sales + FEN) * r1.levy_rate).quantize(FEN, decimal.ROUND_HALF_UP)
    else:
        assert P(0) <= jump <= FEN


@given(amounts, amounts, months)
def test_real_estate_carve_out_cliff(other, real_estate, month):
    r = small_scale_vat(other + real_estate, month, real_estate_sales=real_estate)
    limit = r.threshold
    if other + real_estate <= limit:
        assert r.exempt and r.real_estate_taxable == 0
    elif other <= limit:
        assert r.exempt and r.real_estate_taxable == real_estate and r.exempt_sales == other
    else:
        assert not r.exempt or r.levy_rate == 0
    assert r.exempt_sales + r.taxable_sales + r.real_estate_taxable == other + real_estate


@given(amounts, amounts, months)
def test_the_5_percent_on_immovable_property_and_the_parts_sum(other, real_estate, month):
    r = small_scale_vat(other + real_estate, month, real_estate_sales=real_estate)
    assert r.real_estate_levy_rate == (P("0.05") if r.real_estate_taxable else None)
    assert r.real_estate_tax == (r.real_estate_taxable * P("0.05")).quantize(FEN, decimal.ROUND_HALF_UP)
    assert r.total_tax_due == r.tax_due + r.real_estate_tax
    # the exemption never raises the tax: at most the full levy on every sale
    full = ((other * r.levy_rate).quantize(FEN, decimal.ROUND_HALF_UP)
            + (real_estate * P("0.05")).quantize(FEN, decimal.ROUND_HALF_UP))
    assert P(0) <= r.total_tax_due <= full


# -- from 2026: the strict 起征点 (增值税法 第二十三条; 财政部 税务总局公告2026年第10号) --------

TEN = "财政部 税务总局公告2026年第10号"
MONTHS_2026 = [D(2026, 1, 1), D(2026, 6, 1), D(2026, 12, 1), D(2027, 1, 1), D(2027, 12, 1)]
QUARTERS_2026 = [D(2026, 1, 1), D(2026, 4, 1), D(2026, 10, 1), D(2027, 10, 1)]


def fen_round(x: Decimal) -> Decimal:
    return x.quantize(FEN, decimal.ROUND_HALF_UP)


def test_the_day_before_and_the_day_of_the_2026_switch():
    # December 2025: the inclusive limit, 10万 exactly exempt ("10万元以下（含本数）")
    dec = small_scale_vat("100000", "2025-12-01")
    assert (dec.exempt, dec.tax_due, dec.reached_taxed, dec.basis) == (True, P("0.00"), False, "combined")
    assert str(dec.step("threshold").cite[0]) == "财政部 税务总局公告2023年第19号 第一条"
    # January 2026: the 起征点, 10万 exactly reaches it and is taxed in full at 1%
    jan = small_scale_vat("100000", "2026-01-01")
    assert (jan.exempt, jan.reached_taxed, jan.basis) == (False, True, "all_sales")
    assert (jan.threshold, jan.levy_rate, jan.taxable_sales, jan.tax_due) == (
        P("100000"), P("0.01"), P("100000"), P("1000.00"))
    assert str(jan.step("threshold").cite[0]) == f"{TEN} 第一条"
    # the quarter before and the quarter of the switch
    assert small_scale_vat("300000", "2025-10-01", period="quarter").exempt
    q = small_scale_vat("300000", "2026-01-01", period="quarter")
    assert (q.exempt, q.tax_due) == (False, P("3000.00"))


@pytest.mark.parametrize("month", MONTHS_2026)
def test_2026_monthly_one_fen_below_and_at_the_start_point(month):
    below = small_scale_vat("99999.99", month)
    assert below.exempt and below.tax_due == 0 and below.exempt_sales == P("99999.99")
    assert below.step("below_start_point").value is True
    at = small_scale_vat("100000", month)
    assert not at.exempt and at.exempt_sales == 0 and at.tax_due == P("1000.00")
    assert at.step("below_start_point").value is False
    over = small_scale_vat("100000.01", month)
    assert over.tax_due == P("1000.00")  # 1,000.0001 rounds to the fen


@pytest.mark.parametrize("quarter", QUARTERS_2026)
def test_2026_quarterly_one_fen_below_and_at_the_start_point(quarter):
    below = small_scale_vat("299999.99", quarter, period="quarter")
    assert below.exempt and below.tax_due == 0 and below.threshold == P("300000")
    at = small_scale_vat("300000", quarter, period="quarter")
    assert not at.exempt and at.taxable_sales == P("300000") and at.tax_due == P("3000.00")
    # a quarterly filer is tested on the quarter, whatever one month's sales
    assert small_scale_vat("299999.99", quarter, period="quarter").exempt


def test_2026_coverage_ends_with_the_start_point():
    assert small_scale_vat("1", "2027-10-01", period="quarter").exempt
    with pytest.raises(OutsideCoverage, match="vat.small_scale.start_point.monthly: 2028-01-01"):
        small_scale_vat("1", "2028-01-01")
    with pytest.raises(OutsideCoverage, match="vat.small_scale.start_point.quarterly: 2028-01-01"):
        small_scale_vat("1", "2028-01-01", period="quarter")


@pytest.mark.parametrize(
    ("month", "levy", "cite"),
    [
        (D(2020, 2, 1), "0.03", "国务院令第538号 第十二条"),
        (D(2020, 3, 1), "0.01", "财政部 税务总局公告2020年第13号 第二条"),
        (D(2022, 12, 1), "0", "财政部 税务总局公告2022年第15号 第一条"),
        (D(2023, 1, 1), "0.01", "财政部 税务总局公告2023年第1号 第二条"),
        (D(2025, 12, 1), "0.01", "财政部 税务总局公告2023年第19号 第二条"),
        (D(2026, 1, 1), "0.01", f"{TEN} 第三条"),
        (D(2027, 12, 1), "0.01", f"{TEN} 第三条"),
    ],
)
def test_the_levy_rate_history_from_3_to_1_percent(month, levy, cite):
    r = small_scale_vat("1000000", month)
    assert r.levy_rate == P(levy)
    assert str(r.step("levy_rate").cite[0]) == cite
    assert r.tax_due == fen_round(P("1000000") * P(levy))


def test_2026_explanation_says_which_side_of_the_cliff_and_cites_the_law():
    at = small_scale_vat("100000", "2026-01-01")
    assert [s.name for s in at.steps] == [
        "sales", "threshold", "basis", "below_start_point", "levy_rate", "taxable_sales", "tax_due"]
    test = at.step("below_start_point")
    assert [str(c) for c in test.cite] == ["中华人民共和国增值税法 第二十三条"]
    assert test.formula == "100,000.00 ≥ 100,000.00: reaches it, taxed in full"
    assert test.formula_zh == "100,000.00 ≥ 100,000.00，达到起征点，全额计税"
    below = small_scale_vat("99999.99", "2026-01-01").step("below_start_point")
    assert below.formula == "99,999.99 < 100,000.00: below the threshold, exempt"
    assert below.formula_zh == "99,999.99 < 100,000.00，未达到起征点，免征"
    text = at.explain("en")
    for cited in (f"[{TEN} 第一条]", "[中华人民共和国增值税法 第二十三条]", f"[{TEN} 第三条]"):
        assert cited in text
    assert "(the default reading" in at.step("basis").en and at.step("basis").value is None
    # the direction of the test before 2026 cites the notice that words the limit
    dec = small_scale_vat("100000", "2025-12-01").step("within")
    assert [str(c) for c in dec.cite] == ["财政部 税务总局公告2023年第19号 第一条"]


def test_the_direction_of_the_test_is_read_from_the_law_data():
    key = "vat.small_scale.threshold_reached_taxed"
    data = law.default()
    assert data.get(key, "2025-12-31") is False and data.get(key, "2026-01-01") is True
    # with the strict test asserted for 2025, the rule looks for a 起征点 there and finds none
    strict = data.with_values({key: True})
    with pytest.raises(OutsideCoverage, match="vat.small_scale.start_point.monthly: 2025-12-01"):
        small_scale_vat("100000", "2025-12-01", law=strict)
    assert not small_scale_vat("100000", "2026-01-01", law=strict).exempt


def test_2026_as_known_before_10hao_does_not_answer():
    early = law.default().as_known_on("2026-01-29")
    with pytest.raises(OutsideCoverage, match="as known on 2026-01-29"):
        small_scale_vat("100000", "2026-01-01", law=early)
    # the last inclusive month still answers as it was known then
    assert small_scale_vat("100000", "2025-12-01", law=early).exempt
    later = law.default().as_known_on("2026-01-30")
    assert small_scale_vat("100000", "2026-01-01", law=later).tax_due == P("1000.00")


# -- the reading of a point the 2026 texts leave open: immovable property in the test ----

def test_2026_all_sales_is_the_default_reading():
    r = small_scale_vat("150000", "2026-06-01", real_estate_sales="60000")
    assert r == small_scale_vat("150000", "2026-06-01", real_estate_sales="60000", start_point_basis="all_sales")
    assert (r.basis, r.exempt, r.exempt_sales, r.taxable_sales, r.tax_due, r.real_estate_taxable) == (
        "all_sales", False, P("0"), P("90000"), P("900.00"), P("60000"))
    assert "below_without_real_estate" not in [s.name for s in r.steps]
    # the tax on immovable property is not computed: the step says so and cites 10号 第三条
    step = r.step("real_estate_taxable")
    assert step.value == P("60000") and "tax not computed" in step.en
    assert [str(c) for c in step.cite] == [f"{TEN} 第三条"]


def test_2026_carve_out_reading_keeps_the_2019_to_2025_deduction():
    r = small_scale_vat("150000", "2026-06-01", real_estate_sales="60000", start_point_basis="carve_out")
    assert (r.basis, r.exempt, r.exempt_sales, r.taxable_sales, r.tax_due, r.real_estate_taxable) == (
        "carve_out", True, P("90000"), P("0"), P("0.00"), P("60000"))
    assert r.step("below_without_real_estate").formula == "90,000.00 < 100,000.00: below the threshold, exempt"
    # the strict bound applies to the re-test too: 10万 without immovable property is taxed
    r = small_scale_vat("160000", "2026-06-01", real_estate_sales="60000", start_point_basis="carve_out")
    assert (r.exempt, r.taxable_sales, r.tax_due) == (False, P("100000"), P("1000.00"))


def test_2026_both_readings_agree_below_the_start_point_and_without_immovable_property():
    for basis in ("all_sales", "carve_out"):
        r = small_scale_vat("99999.99", "2026-06-01", real_estate_sales="60000", start_point_basis=basis)
        assert r.exempt and r.real_estate_taxable == 0 and r.exempt_sales == P("99999.99")
        assert small_scale_vat("100000", "2026-06-01", start_point_basis=basis).tax_due == P("1000.00")


def test_the_reading_is_refused_where_the_law_data_say_how_sales_are_tested():
    with pytest.raises(InvalidInput, match="start_point_basis: applies only to periods under the 起征点"):
        small_scale_vat("150000", "2025-12-01", start_point_basis="carve_out")
    with pytest.raises(InvalidInput, match="start_point_basis"):
        small_scale_vat("150000", "2019-06-01", start_point_basis="all_sales")
    with pytest.raises(UnknownCategory, match="start_point_basis"):
        small_scale_vat("150000", "2026-06-01", start_point_basis="combined")


def test_2026_split_of_goods_and_services_is_only_checked():
    assert small_scale_vat("100000", "2026-02-01", goods_sales="60000").tax_due == P("1000.00")
    with pytest.raises(InvalidInput, match="must equal"):
        small_scale_vat("100", "2026-02-01", goods_sales="60", services_sales="50")


months_2026 = st.builds(lambda y, m: D(y, m, 1), st.integers(2026, 2027), st.integers(1, 12))
quarters_2026 = st.builds(lambda y, q: D(y, 3 * q + 1, 1), st.integers(2026, 2027), st.integers(0, 3))


@given(amounts, months_2026)
def test_2026_below_exempt_at_or_above_taxed_in_full(sales, month):
    r = small_scale_vat(sales, month)
    if sales < P("100000"):
        assert r.exempt and r.tax_due == 0 and r.exempt_sales == sales
    else:
        assert not r.exempt and r.taxable_sales == sales
        assert r.tax_due == fen_round(sales * P("0.01")) == fen_round(sales * r.levy_rate)


@given(amounts, quarters_2026)
def test_2026_quarterly_below_exempt_at_or_above_taxed_in_full(sales, quarter):
    r = small_scale_vat(sales, quarter, period="quarter")
    assert r.exempt is (sales < P("300000"))
    assert r.tax_due == (0 if r.exempt else fen_round(sales * r.levy_rate))


@given(amounts, amounts, months_2026)
def test_2026_tax_is_monotonic_and_the_only_jump_is_at_the_start_point(a, b, month):
    lo, hi = sorted((a, b))
    assert P(0) <= small_scale_vat(lo, month).tax_due <= small_scale_vat(hi, month).tax_due
    r0, r1 = small_scale_vat(lo, month), small_scale_vat(lo + FEN, month)
    if r0.exempt and not r1.exempt:
        assert lo + FEN == r1.threshold  # the cliff: reaching the 起征点 taxes it all
    else:
        assert P(0) <= r1.tax_due - r0.tax_due <= FEN


@given(amounts, amounts, months_2026, st.sampled_from(["all_sales", "carve_out"]))
def test_2026_readings_with_immovable_property(other, real_estate, month, basis):
    r = small_scale_vat(other + real_estate, month, real_estate_sales=real_estate, start_point_basis=basis)
    limit = r.threshold
    if other + real_estate < limit:
        assert r.exempt and r.real_estate_taxable == 0
    elif basis == "carve_out" and real_estate and other < limit:
        assert r.exempt and r.real_estate_taxable == real_estate and r.exempt_sales == other
    else:
        assert not r.exempt or other == 0
        assert r.taxable_sales == other and r.tax_due == fen_round(other * r.levy_rate)
    assert r.exempt_sales + r.taxable_sales + r.real_estate_taxable == other + real_estate


# -- the 5% collection rate on immovable property (财税〔2016〕36号 附件2 第一条第（八）项) -----------

@pytest.mark.parametrize(("month", "levy"), [
    ("2018-06-01", "0.03"), ("2020-03-01", "0.01"), ("2022-04-01", "0"), ("2025-12-01", "0.01"),
])
def test_immovable_property_is_taxed_at_5_percent_whatever_the_3_percent_levy(month, levy):
    r = small_scale_vat("300000", month, real_estate_sales="200000", goods_sales="100000"
                        if month.startswith("2018") else None)
    assert r.levy_rate == P(levy) and r.real_estate_taxable == P("200000")
    assert r.real_estate_tax == P("10000.00") and r.total_tax_due == r.tax_due + P("10000.00")
    assert str(r.step("real_estate_levy_rate").cite[0]).startswith("财税〔2016〕36号 附件2")
    assert r.step("real_estate_taxable").line == "《增值税纳税申报表（小规模纳税人适用）》第4栏"


def test_immovable_property_inside_the_limit_is_exempt_with_the_rest():
    r = small_scale_vat("100000", "2019-06-01", real_estate_sales="60000")  # 10万 inclusive
    assert r.exempt and r.real_estate_tax == 0 and r.total_tax_due == 0 and r.real_estate_levy_rate is None
    r = small_scale_vat("100000.01", "2019-06-01", real_estate_sales="60000")
    assert r.exempt and r.real_estate_tax == P("3000.00") and r.total_tax_due == P("3000.00")
    r = small_scale_vat("160000.01", "2019-06-01", real_estate_sales="60000")  # 100000.01 without it
    assert not r.exempt and r.tax_due == P("3000.00") and r.real_estate_tax == P("3000.00")
    assert r.total_tax_due == P("6000.00")


def test_rounding_of_the_5_percent_half_up():
    r = small_scale_vat("100010.10", "2019-06-01", real_estate_sales="10.10")
    assert r.real_estate_tax == P("0.51")  # 0.505 → 0.51


def test_the_day_before_and_the_day_of_2026_for_immovable_property():
    before = small_scale_vat("150000", "2025-12-01", real_estate_sales="60000")
    assert before.real_estate_tax == P("3000.00") and before.total_tax_due == P("3000.00")
    after = small_scale_vat("150000", "2026-01-01", real_estate_sales="60000")
    assert after.real_estate_taxable == P("60000") and after.real_estate_tax is None and after.total_tax_due is None
    assert "real_estate_levy_rate" not in [s.name for s in after.steps]
    quiet = small_scale_vat("150000", "2026-01-01")
    assert quiet.real_estate_tax == 0 and quiet.total_tax_due == quiet.tax_due
    with pytest.raises(OutsideCoverage, match="real_estate_levy_rate"):
        law.value("vat.small_scale.real_estate_levy_rate", "2026-01-01")

"""Equipment: the one-time deduction (windows, 500万, timing), straight-line depreciation, 2022 Q4 HNTE."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.eit import Equipment, equipment_in_year, equipment_schedule
from taxcalc.errors import InvalidInput, NotMoney, UnknownCategory

D = Decimal


def asset(cost: str = "1000000", kind: str = "machinery", acquired: str = "2018-06-01",
          in_use: str | None = None, **kw: object) -> Equipment:
    return Equipment("asset", cost, kind, acquired_on=acquired, in_use=in_use or acquired, **kw)  # type: ignore[arg-type]


# -- the 500万 cliff -------------------------------------------------------------------------------

def test_exactly_500wan_is_deducted_at_once_one_fen_more_is_depreciated():
    at = equipment_schedule(asset("5000000"))
    over = equipment_schedule(asset("5000000.01"))
    assert at.method == "one_time" and at.chosen == ((2018, D("5000000")),)
    assert over.method == "straight_line" and over.reasons == ("over_cap",)
    assert over.deduction_in(2018) == D("250000.00")  # July–December: 6 × 5,000,000.01 ÷ 120
    assert over.one_time == ()


# -- timing: the month after the month put into use (46号 二) -------------------------------------------

def test_december_use_is_deducted_next_year_november_this_year():
    dec = equipment_schedule(asset(acquired="2018-12-03", in_use="2018-12-28"))
    nov = equipment_schedule(asset(acquired="2018-11-03", in_use="2018-11-28"))
    assert dec.chosen == ((2019, D("1000000")),) and nov.chosen == ((2018, D("1000000")),)
    # 46号 解读: put into use in November 2020 → 2020; December 2020 → 2021.
    assert equipment_schedule(asset(acquired="2020-12-01", in_use="2020-11-20")).chosen[0][0] == 2020
    assert equipment_schedule(asset(acquired="2020-12-01", in_use="2020-12-20")).chosen[0][0] == 2021
    # Depreciation also starts the month after (实施条例 第五十九条).
    sl = equipment_schedule(asset(acquired="2018-12-03", in_use="2018-12-28", elect_one_time=False))
    assert sl.chosen[0] == (2019, D("100000.00"))


# -- windows by purchase date -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("day", "method"),
    [
        ("2017-12-31", "straight_line"),
        ("2018-01-01", "one_time"),
        ("2020-12-31", "one_time"),
        ("2021-01-01", "one_time"),
        ("2023-12-31", "one_time"),
        ("2024-01-01", "one_time"),
        ("2027-12-31", "one_time"),
        ("2028-01-01", "straight_line"),
    ],
)
def test_purchase_windows(day, method):
    assert equipment_schedule(asset(acquired=day)).method == method


def test_purchase_date_follows_the_acquisition_method():
    # Instalments: the arrival date counts; an invoice after the window does not matter.
    r = equipment_schedule(asset(acquired="2018-01-05", in_use="2018-02-01", acquisition="instalment"))
    assert r.method == "one_time" and "到货时间" in r.explain()
    r = equipment_schedule(asset(acquired="2018-03-01", in_use="2018-04-01", acquisition="self_built"))
    assert "竣工结算时间" in r.explain() and r.method == "one_time"
    # Donated or contributed assets are not purchases.
    r = equipment_schedule(asset(acquisition="other"))
    assert r.method == "straight_line" and "not_purchased" in r.reasons


def test_buildings_are_not_equipment_and_the_election_is_optional():
    b = equipment_schedule(asset("3000000", "buildings"))
    assert b.method == "straight_line" and b.reasons == ("buildings",)
    assert len(b.straight_line) == 21 and b.straight_line[0] == (2018, D("75000.00"))
    n = equipment_schedule(asset(elect_one_time=False))
    assert n.method == "straight_line" and n.reasons == ("not_elected",)


@pytest.mark.parametrize(("kind", "years"), [("machinery", 10), ("tools", 5), ("vehicles", 4), ("electronics", 3)])
def test_minimum_lives(kind, years):
    s = equipment_schedule(asset("120000", kind, acquired="2017-12-15", residual="6000"))
    assert [y for y, _ in s.straight_line] == list(range(2018, 2018 + years))
    assert all(a == D(114000) / years for _, a in s.straight_line)


def test_straight_line_years_add_up_to_cost_less_residual():
    s = equipment_schedule(asset("100000.01", "electronics", acquired="2017-05-09", residual="0.01"))
    assert sum(a for _, a in s.straight_line) == D("100000.00")
    assert s.straight_line[0] == (2017, D("19444.44")) and s.straight_line[-1][0] == 2020


# -- 2022 Q4 high-tech enterprises (2022年第28号 一) ---------------------------------------------------

def test_hnte_q4_2022_full_deduction_plus_100_percent_without_a_cap():
    big = asset("8000000", acquired="2022-10-01", in_use="2022-12-15")
    s = equipment_schedule(big, hnte_years=[2022])
    assert s.method == "hnte_q4" and s.chosen == ((2022, D("8000000")),) and s.extra == ((2022, D("8000000.00")),)
    # The day before, or without the status: ordinary rules (over 500万 → depreciation).
    assert equipment_schedule(asset("8000000", acquired="2022-09-30"), hnte_years=[2022]).method == "straight_line"
    assert equipment_schedule(big).method == "straight_line"
    # Within 500万 and without the status: the ordinary one-time deduction, no extra.
    s = equipment_schedule(asset("4000000", acquired="2022-11-01", in_use="2022-12-01"))
    assert s.method == "one_time" and s.chosen == ((2023, D("4000000")),) and s.extra == ()
    assert equipment_schedule(asset("4000000", acquired="2023-01-01"), hnte_years=[2023]).method == "one_time"


# -- as known on, what-if ---------------------------------------------------------------------------------------

def test_as_known_on():
    # Before 54号 (2018-05-07) a 2018 purchase could only be depreciated.
    assert equipment_schedule(asset(acquired="2018-03-01"), law=law.default().as_known_on("2018-05-06")).method == "straight_line"
    assert equipment_schedule(asset(acquired="2018-03-01"), law=law.default().as_known_on("2018-05-07")).method == "one_time"
    # At the end of 2020 nothing beyond 2020 purchases had been enacted.
    assert equipment_schedule(asset(acquired="2021-03-01"), law=law.default().as_known_on("2020-12-31")).method == "straight_line"
    assert equipment_schedule(asset(acquired="2024-03-01"), law=law.default().as_known_on("2023-08-17")).method == "straight_line"
    assert equipment_schedule(asset(acquired="2024-03-01"), law=law.default().as_known_on("2023-08-18")).method == "one_time"


def test_what_if_off_or_a_higher_cap():
    off = law.default().with_values({"eit.equipment.one_time.in_force": False})
    assert equipment_schedule(asset(), law=off).method == "straight_line"
    higher = law.default().with_values({"eit.equipment.one_time.unit_value_cap": "10000000"})
    assert equipment_schedule(asset("8000000"), law=higher).method == "one_time"


# -- one year, against the books --------------------------------------------------------------------------------

def test_equipment_in_year_gives_the_adjustment_against_book_depreciation():
    a = asset("1200000", acquired="2018-06-01", in_use="2018-06-15", book_depreciation="60000")
    r = equipment_in_year(a, 2018)
    assert (r.deduction, r.book, r.adjustment) == (D("1200000"), D("60000"), D("-1140000"))
    r = equipment_in_year(asset("1200000", acquired="2018-06-01", book_depreciation="120000"), 2019)
    assert (r.deduction, r.adjustment) == (D("0.00"), D("120000.00"))
    assert "A105080" in r.explain()


# -- errors, context ------------------------------------------------------------------------------------------------

def test_bad_input():
    with pytest.raises(NotMoney, match="cost"):
        asset(1000.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="residual"):
        asset("100", residual="101")
    with pytest.raises(UnknownCategory, match="kind"):
        asset(kind="land")
    with pytest.raises(UnknownCategory, match="acquisition"):
        asset(acquisition="gift")
    with pytest.raises(InvalidInput, match="in_use"):
        Equipment("x", "1", "tools", acquired_on="2018-01-01", in_use="2018-13-01")
    with pytest.raises(InvalidInput, match=r"equipment\[0\]\.cost"):
        Equipment.from_mapping({"name": "x", "cost": "0", "kind": "tools", "acquired_on": "2018-01-01",
                                "in_use": "2018-01-01"}, "equipment[0]")


def test_from_mapping_reads_iso_dates():
    e = Equipment.from_mapping({"name": "x", "cost": "10", "kind": "tools", "acquired_on": "2018-01-01",
                                "in_use": "2018-02-03", "elect_one_time": False})
    assert e.in_use == dt.date(2018, 2, 3) and e.elect_one_time is False


def test_results_ignore_a_hostile_ambient_context():
    a = asset("1234567.89", "vehicles", acquired="2016-07-07", residual="1234.56")
    expected = equipment_schedule(a).straight_line
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_CEILING
        assert equipment_schedule(a).straight_line == expected


# -- properties ---------------------------------------------------------------------------------------------------------

costs = st.decimals(min_value=D("0.01"), max_value=D("20000000"), places=2, allow_nan=False, allow_infinity=False)


@given(costs, st.decimals(min_value=0, max_value=1, places=2), st.dates(dt.date(2008, 1, 1), dt.date(2035, 12, 31)),
       st.integers(0, 400), st.sampled_from(["buildings", "machinery", "tools", "vehicles", "electronics"]),
       st.booleans())
def test_schedules_conserve_the_cost_and_never_start_before_use(cost, share, bought, delay, kind, hnte):
    residual = (cost * share).quantize(D("0.01"), rounding=decimal.ROUND_DOWN)
    a = Equipment("a", cost, kind, acquired_on=bought, in_use=bought + dt.timedelta(days=delay), residual=residual)
    s = equipment_schedule(a, hnte_years=[2022] if hnte else [])
    assert sum(x for _, x in s.straight_line) == cost - residual
    assert all(x >= 0 for _, x in s.straight_line)
    first_month = (a.in_use.year * 12 + a.in_use.month) + 1  # month after the month put into use
    assert s.straight_line[0][0] * 12 + 12 >= first_month > (s.straight_line[0][0]) * 12
    if s.method == "one_time":
        assert s.chosen == ((((a.in_use.year * 12 + a.in_use.month) // 12), cost),)
        assert cost <= D("5000000") and kind != "buildings"
    if s.method != "hnte_q4":
        assert s.extra == ()

"""Instruments and equipment used only for R&D, 财税〔2014〕75号 第二条: bought from 2014-01-01 by an
enterprise of any industry, a unit value of at most 100万 deducted at once; the cap is the higher of
this and the general one-time cap.  Boundary days and amounts, the annual path, a property."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.eit import EnterpriseYear, Equipment, annual, equipment_in_year, equipment_schedule

D = Decimal


def instrument(cost: str | Decimal, acquired: str | dt.date, *, rd: bool = True, in_use: str | None = None) -> Equipment:
    return Equipment("spectrometer", cost, "machinery", acquired_on=acquired, in_use=in_use or acquired,
                     rd_instrument=rd)


@pytest.mark.parametrize(
    ("cost", "acquired", "rd", "method"),
    [
        ("1000000", "2013-12-31", True, "straight_line"),   # the day before 75号
        ("1000000", "2014-01-01", True, "one_time"),        # its first day, at the cap
        ("1000000.01", "2014-01-01", True, "straight_line"),  # a fen above the cap
        ("1000000", "2014-01-01", False, "straight_line"),  # not an R&D instrument: the 5,000 cap
        ("5000", "2014-01-01", False, "one_time"),
        ("1000000", "2017-12-31", True, "one_time"),
        ("1000000.01", "2017-12-31", True, "straight_line"),
        ("1000000.01", "2018-01-01", True, "one_time"),     # 财税〔2018〕54号: 500万 for all equipment
        ("5000000", "2018-01-01", True, "one_time"),
        ("5000000.01", "2018-01-01", True, "straight_line"),
        ("1000000", "2027-12-31", True, "one_time"),
    ],
)
def test_cap_by_purchase_day(cost: str, acquired: str, rd: bool, method: str) -> None:  # noqa: FBT001
    s = equipment_schedule(instrument(cost, acquired, rd=rd))
    assert s.method == method
    if method == "straight_line" and acquired >= "2014":
        assert s.reasons == ("over_cap",)


def test_the_2014_deduction_cites_75_second_article_and_says_r_and_d() -> None:
    s = equipment_schedule(instrument("800000", "2015-06-10", in_use="2015-12-20"))
    assert s.chosen == ((2016, D("800000")),)  # put into use in December: the next year
    cap = next(st for st in s.steps if st.name == "equipment.unit_value_cap")
    assert (cap.cite[0].doc, cap.cite[0].article) == ("财税〔2014〕75号", "第二条")
    assert "研发专用仪器、设备单位价值上限（含）" in s.explain("zh")
    assert "R&D instrument: unit value cap (inclusive)" in s.explain("en")
    # From 2018 the general 500万 cap is the higher: it is the one cited.
    s18 = equipment_schedule(instrument("800000", "2018-06-10"))
    cap18 = next(st for st in s18.steps if st.name == "equipment.unit_value_cap")
    assert cap18.cite[0].doc == "财税〔2018〕54号"


def test_the_year_by_year_path_agrees() -> None:
    a = instrument("1000000", "2014-03-01")
    assert equipment_in_year(a, 2014).deduction == D("1000000")
    assert equipment_in_year(a, 2015).deduction == D("0.00")
    b = instrument("1000000.01", "2014-03-01")
    assert equipment_in_year(b, 2014).method == "straight_line"
    assert equipment_in_year(b, 2014).deduction == equipment_schedule(b).deduction_in(2014)


def test_from_a_mapping_and_in_the_annual_computation() -> None:
    row = {"name": "spectrometer", "cost": "900000", "kind": "machinery", "acquired_on": "2016-05-04",
           "in_use": "2016-05-20", "rd_instrument": True, "book_depreciation": "50000"}
    assert Equipment.from_mapping(row).rd_instrument is True
    f = EnterpriseYear(year=2016, industry="manufacturing", profit="5000000", equipment=[row])
    assert annual(f).equipment_adjustment == D("-850000")  # 50,000 booked, 900,000 deducted at once
    plain = EnterpriseYear(year=2016, industry="manufacturing", profit="5000000",
                           equipment=[{**row, "rd_instrument": False}])
    assert annual(plain).equipment_adjustment == D("-2500.00")  # 50,000 booked − 900,000 ÷ 120 × 7 months


costs = st.integers(min_value=1, max_value=600_000_000).map(lambda c: D(c) / 100)
days = st.dates(min_value=dt.date(2013, 6, 1), max_value=dt.date(2027, 12, 31))


@given(costs, days)
def test_marking_an_asset_as_an_r_and_d_instrument_never_takes_the_deduction_away(cost: Decimal,
                                                                                   day: dt.date) -> None:
    plain = equipment_schedule(instrument(cost, day, rd=False))
    rd = equipment_schedule(instrument(cost, day, rd=True))
    if plain.method == "one_time":
        assert rd.method == "one_time" and rd.chosen == plain.chosen
    if dt.date(2014, 1, 1) <= day and cost <= D("1000000"):
        assert rd.method == "one_time"
    if day < dt.date(2014, 1, 1):
        assert rd.method == plain.method == "straight_line"

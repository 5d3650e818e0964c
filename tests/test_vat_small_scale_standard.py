"""The small-scale standard by date and sector and whether general registration is due."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.errors import InvalidInput, OutsideCoverage, UnknownCategory
from taxcalc.vat import SECTORS, must_register_general, small_scale_standard

D = dt.date
P = Decimal


@pytest.mark.parametrize(
    ("sector", "before", "on"),
    [("production", "500000", "5000000"), ("commerce", "800000", "5000000"),
     ("services", "5000000", "5000000")],
)
def test_the_2018_05_01_switch(sector, before, on):
    # 实施细则 第二十八条 50万/80万; 财税〔2016〕36号 500万; 财税〔2018〕33号 第一条 500万 for all
    assert small_scale_standard("2018-04-30", sector).limit == P(before)
    r = small_scale_standard("2018-05-01", sector)
    assert r.limit == P(on)
    assert str(r.steps[0].cite[0]) == "财税〔2018〕33号 第一条"


def test_the_2026_vat_law():
    r = small_scale_standard("2026-01-01", "commerce")
    assert r.limit == P("5000000")
    assert str(r.steps[0].cite[0]) == "中华人民共和国增值税法 第九条"


def test_coverage():
    assert small_scale_standard("2009-01-01", "production").limit == P("500000")
    assert small_scale_standard("2008-12-31", "production").limit == P("1000000")
    assert small_scale_standard("2008-12-31", "commerce").limit == P("1800000")
    assert small_scale_standard("2009-01-01", "commerce").limit == P("800000")
    with pytest.raises(OutsideCoverage):
        small_scale_standard("2001-12-31", "production")
    assert small_scale_standard("2016-05-01", "services").limit == P("5000000")
    with pytest.raises(OutsideCoverage):
        small_scale_standard("2016-04-30", "services")


@pytest.mark.parametrize(
    ("sales", "on", "sector", "must"),
    [
        ("500000", "2017-06-01", "production", False),  # 50万元以下（含本数）
        ("500000.01", "2017-06-01", "production", True),
        ("800000", "2017-06-01", "commerce", False),
        ("800000.01", "2017-06-01", "commerce", True),
        ("800000.01", "2018-05-01", "commerce", False),  # now 500万
        ("5000000", "2018-05-01", "production", False),  # 500万元及以下
        ("5000000.01", "2018-05-01", "production", True),
        ("5000000", "2026-01-01", "services", False),  # 未超过五百万元
        ("5000000.01", "2026-01-01", "services", True),
    ],
)
def test_threshold_exactly_and_one_fen_over(sales, on, sector, must):
    r = must_register_general(sales, on, sector)
    assert r.must_register is must
    assert r.step("must_register").value is must


def test_refusals():
    with pytest.raises(UnknownCategory) as info:
        small_scale_standard("2019-01-01", "retail")
    assert info.value.known == SECTORS
    with pytest.raises(TypeError):
        must_register_general(5e6, "2019-01-01", "commerce")
    with pytest.raises(InvalidInput, match="annual_sales"):
        must_register_general("-1", "2019-01-01", "commerce")


@given(st.decimals(min_value=0, max_value=10**9, places=2), st.dates(D(2016, 5, 1), D(2030, 1, 1)),
       st.sampled_from(SECTORS))
def test_must_register_exactly_when_over_the_limit(sales, day, sector):
    r = must_register_general(sales, day, sector)
    assert r.must_register is (sales > small_scale_standard(day, sector).limit)

"""The one-time deduction of fixed assets of at most 5,000 yuan, 财税〔2014〕75号 第三条
(2014-01-01 – 2017-12-31), between ordinary depreciation before 2014 and the 500万
deduction of 财税〔2018〕54号 from 2018; boundary days and amounts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taxcalc.eit import Equipment, equipment_schedule

D = Decimal


def _asset(cost: str, acquired: str, in_use: str | None = None) -> Equipment:
    return Equipment("tool", cost, "tools", acquired_on=acquired, in_use=in_use or acquired)


@pytest.mark.parametrize(
    ("cost", "acquired", "method"),
    [
        ("5000", "2013-12-31", "straight_line"),    # the day before 75号
        ("5000", "2014-01-01", "one_time"),         # its first day, at the cap
        ("5000.01", "2014-01-01", "straight_line"),  # a fen above the cap
        ("5000", "2017-12-31", "one_time"),
        ("5000.01", "2017-12-31", "straight_line"),
        ("5000.01", "2018-01-01", "one_time"),      # 财税〔2018〕54号: 500万
    ],
)
def test_cap_by_purchase_day(cost: str, acquired: str, method: str) -> None:
    assert equipment_schedule(_asset(cost, acquired)).method == method


def test_the_2014_deduction_cites_75_and_falls_the_year_after_december_use() -> None:
    s = equipment_schedule(_asset("4800", "2015-12-10", "2015-12-20"))
    assert s.chosen == ((2016, D("4800")),)
    docs = {c.doc for st in s.steps for c in st.cite}
    assert "财税〔2014〕75号" in docs and "国务院令第512号" in docs
    assert equipment_schedule(_asset("4800", "2015-11-10", "2015-11-20")).chosen == ((2015, D("4800")),)


def test_declining_keeps_depreciation() -> None:
    a = Equipment("tool", "4800", "tools", acquired_on="2016-03-01", in_use="2016-03-01", elect_one_time=False)
    s = equipment_schedule(a)
    assert s.method == "straight_line" and sum(v for _, v in s.chosen) == D("4800")

"""Calendar arithmetic (taxcalc.calendar) against the standard library's calendar."""

from __future__ import annotations

import calendar as std
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from taxcalc import calendar
from taxcalc.eit import _common
from taxcalc.report import ledger

days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2200, 12, 31))


@given(st.integers(1950, 2200), st.integers(1, 12))
def test_month_end_is_the_last_day(year: int, month: int) -> None:
    end = calendar.month_end(year, month)
    assert (end.year, end.month, end.day) == (year, month, std.monthrange(year, month)[1])
    assert _common.month_end(year, month) == end
    assert ledger.month_end(dt.date(year, month, 1)) == end


@given(days, st.integers(-300, 300))
def test_add_months_keeps_the_day_inside_the_month(day: dt.date, n: int) -> None:
    moved = calendar.add_months(day, n)
    assert moved.year * 12 + moved.month == day.year * 12 + day.month + n
    assert moved.day == min(day.day, std.monthrange(moved.year, moved.month)[1])


@given(days, st.integers(0, 40))
def test_months_lists_each_month_once(first: dt.date, span: int) -> None:
    last = calendar.add_months(first, span)
    starts = list(calendar.months(first, last))
    assert len(starts) == span + 1
    assert starts[0] == first.replace(day=1) and starts[-1] == last.replace(day=1)
    assert all(calendar.add_months(a, 1) == b for a, b in zip(starts, starts[1:], strict=False))


@given(days)
def test_quarters_and_periods(day: dt.date) -> None:
    start = calendar.quarter_start(day)
    assert start.month in (1, 4, 7, 10) and start <= day < calendar.add_months(start, 3)
    assert calendar.quarter_of(day) == (start.month + 2) // 3
    assert ledger.period_start(day, "quarter") == start
    assert ledger.period_start(day, "month") == day.replace(day=1)


def test_year_end_is_the_day_the_law_for_a_tax_year_is_read() -> None:
    assert calendar.year_end(2018) == _common.year_end(2018) == dt.date(2018, 12, 31)

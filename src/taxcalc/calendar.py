"""Calendar arithmetic on days, months, quarters and years, on :mod:`dateutil`.

Tax periods are calendar months and quarters, tax years calendar years
(企业所得税法 第五十三条), and the law for a month or a year is read on its last
day.  These small functions are the one place that does the arithmetic:
:func:`month_end` and :func:`add_months` use :class:`dateutil.relativedelta.relativedelta`
(which keeps a day inside a shorter month), :func:`months` a
:class:`dateutil.rrule.rrule`.  dateutil is imported on first use, not with the
package, and each month end is computed once.

>>> import datetime as dt
>>> month_end(2024, 2), add_months(dt.date(2018, 1, 31), 1)
(datetime.date(2024, 2, 29), datetime.date(2018, 2, 28))
>>> [m.isoformat() for m in months(dt.date(2018, 11, 20), dt.date(2019, 2, 1))]
['2018-11-01', '2018-12-01', '2019-01-01', '2019-02-01']
>>> quarter_of(dt.date(2018, 5, 1)), quarter_start(dt.date(2018, 5, 20)), year_end(2018)
(2, datetime.date(2018, 4, 1), datetime.date(2018, 12, 31))
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterator

__all__ = [
    "add_months",
    "month_end",
    "month_start",
    "months",
    "quarter_of",
    "quarter_start",
    "year_end",
]

# The rules read the law on these days over and over: each is computed once.
_MONTH_ENDS: dict[tuple[int, int], _dt.date] = {}
_YEAR_ENDS: dict[int, _dt.date] = {}
_CACHED = 4096


def month_end(year: int, month: int) -> _dt.date:
    """The last day of ``month`` (1–12) of ``year``.

    >>> month_end(2023, 2), month_end(2018, 12)
    (datetime.date(2023, 2, 28), datetime.date(2018, 12, 31))
    >>> month_end(2018, 13)
    Traceback (most recent call last):
    ...
    ValueError: month must be in 1..12
    """
    try:
        return _MONTH_ENDS[year, month]
    except KeyError:
        pass
    from dateutil.relativedelta import relativedelta

    # day=31 is the month's last day: relativedelta keeps it inside the month
    d: _dt.date = _dt.date(year, month, 1) + relativedelta(day=31)
    if len(_MONTH_ENDS) < _CACHED:
        _MONTH_ENDS[year, month] = d
    return d


def year_end(year: int) -> _dt.date:
    """The last day of ``year``, ``year-12-31``: the day the law for a tax year is read.

    >>> year_end(2019)
    datetime.date(2019, 12, 31)
    """
    d = _YEAR_ENDS.get(year)
    if d is None:
        d = _dt.date(year, 12, 31)
        if len(_YEAR_ENDS) < _CACHED:
            _YEAR_ENDS[year] = d
    return d


def month_start(day: _dt.date) -> _dt.date:
    """The first day of the month containing ``day``.

    >>> month_start(_dt.date(2018, 5, 20))
    datetime.date(2018, 5, 1)
    """
    return day.replace(day=1)


@functools.lru_cache(maxsize=_CACHED)
def add_months(day: _dt.date, n: int) -> _dt.date:
    """``day`` moved by ``n`` months (``n`` may be negative); a day the target month
    lacks becomes its last day.

    >>> add_months(_dt.date(2020, 3, 31), -1), add_months(_dt.date(2018, 11, 1), 3)
    (datetime.date(2020, 2, 29), datetime.date(2019, 2, 1))
    """
    from dateutil.relativedelta import relativedelta

    moved: _dt.date = day + relativedelta(months=n)
    return moved


def months(first: _dt.date, last: _dt.date) -> Iterator[_dt.date]:
    """The first day of every month from ``first``'s month to ``last``'s, both included
    (nothing when ``last`` falls in an earlier month).

    >>> list(months(_dt.date(2018, 12, 31), _dt.date(2019, 1, 1)))
    [datetime.date(2018, 12, 1), datetime.date(2019, 1, 1)]
    >>> list(months(_dt.date(2019, 2, 1), _dt.date(2019, 1, 31)))
    []
    """
    from dateutil.rrule import MONTHLY, rrule

    for start in rrule(MONTHLY, dtstart=month_start(first), until=last):
        yield start.date()


def quarter_of(day: _dt.date) -> int:
    """The calendar quarter (1–4) containing ``day``.

    >>> [quarter_of(_dt.date(2018, m, 1)) for m in (1, 3, 4, 12)]
    [1, 1, 2, 4]
    """
    return (day.month - 1) // 3 + 1


def quarter_start(day: _dt.date) -> _dt.date:
    """The first day of the calendar quarter containing ``day``.

    >>> quarter_start(_dt.date(2018, 12, 31))
    datetime.date(2018, 10, 1)
    """
    return _dt.date(day.year, 3 * quarter_of(day) - 2, 1)

"""What the law data covers on a day: for every key, whether it answers, and if not, why.

A lookup outside a key's coverage raises
:class:`~taxcalc.errors.OutsideCoverage` and one inside a declared gap raises
:class:`~taxcalc.errors.NotInForce`; :func:`coverage` asks every key at once and
says, for each, where its data stop and why, so a user can see before computing
which rules a day can be computed under.

>>> from taxcalc import law
>>> rows = {r.key: r for r in law.coverage("2026-12-01")}
>>> r = rows["vat.small_scale.start_point.monthly"]
>>> r.answers, r.status, r.last, r.citation
(True, 'in force', datetime.date(2027, 12, 31), '财政部 税务总局公告2026年第10号 第一条')
>>> r = rows["vat.small_scale.exemption.monthly"]
>>> r.answers, r.status, r.last
(False, 'ended', datetime.date(2025, 12, 31))
>>> print(r.reason)
cut short by 财政部 税务总局公告2026年第10号 (enacted to 2027-12-31); no later value
>>> rows["vat.rate.standard"].last is None   # no sunset
True
>>> {r.key: r for r in law.coverage("2008-12-31")}["vat.rate.standard"].status
'not yet'
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, NamedTuple

from ..errors import NotInForce, OutsideCoverage
from ..money import DateLike, date_arg

if TYPE_CHECKING:
    from . import Law

__all__ = ["STATUSES", "KeyCoverage", "coverage"]

#: ``in force``: the key answers; ``gap``: inside a declared gap (the rule did not
#: exist then); ``not yet``: before the key's first covered day; ``ended``: after its
#: last covered day.
STATUSES = ("in force", "gap", "not yet", "ended")


class KeyCoverage(NamedTuple):
    """One key's coverage on a day (see :func:`coverage`)."""

    key: str
    #: Whether ``law.value(key, on)`` gives a value.
    answers: bool
    #: One of :data:`STATUSES`.
    status: str
    #: The key's first covered day.
    first: _dt.date
    #: The key's last covered day (``None``: the law has no sunset).
    last: _dt.date | None
    #: Why the key does not answer (the gap's reason, or where and why its data
    #: stop); for a key that answers, empty.
    reason: str
    #: The citation of the value in force on the day, or of the last value before it.
    citation: str


def _row(
    key: str, status: str, first: _dt.date, last: _dt.date | None, reason: str, citation: str
) -> KeyCoverage:
    return KeyCoverage(key, status == "in force", status, first, last, reason, citation)


def coverage(on: DateLike, *, law: Law | None = None) -> tuple[KeyCoverage, ...]:
    """For every key of ``law`` (default: the package's data), by name: does it answer on ``on``?

    On an "as known on" view (:meth:`Law.as_known_on`) the answer is the one a
    filer could have had then.

    >>> from taxcalc import law
    >>> rows = law.coverage("2018-05-01")
    >>> len(rows) == len(law.keys()), all(r.status in STATUSES for r in rows)
    (True, True)
    >>> r = {r.key: r for r in law.coverage("2020-03-01")}["vat.reregistration.sales_cap"]
    >>> r.answers, r.status
    (False, 'gap')
    >>> print(r.reason)
    no re-registration window was open: the 2019 window closed on 2019-12-31 and 国家税务总局公告2020年第9号 applies from 2020-05-01
    """
    from . import default

    day = date_arg(on, "on")
    data = law if law is not None else default()
    rows: list[KeyCoverage] = []
    for key in data.keys():
        values = data.history(key)
        if not values:  # nothing published yet in an "as known on" view
            rows.append(_row(key, "not yet", day, day, "no value published yet", ""))
            continue
        first, last = values[0].first, values[-1].last
        try:
            v = data.value(key, day)
        except NotInForce:
            gap = next(x for x in values if x.first <= day and (x.last is None or day <= x.last))
            rows.append(_row(key, "gap", first, last, gap.gap, ""))
            continue
        except OutsideCoverage:
            if day < first:
                reason = f"covered from {first}"
                rows.append(_row(key, "not yet", first, last, reason, ""))
                continue
            end = values[-1]
            if end.superseded_by:
                enacted = "open" if end.enacted_last is None else str(end.enacted_last)
                reason = f"cut short by {end.superseded_by} (enacted to {enacted}); no later value"
            else:
                reason = f"end of data: the last value ({end.citation}) ends on {end.last}"
            rows.append(_row(key, "ended", first, last, reason, str(end.citation)))
            continue
        rows.append(_row(key, "in force", first, last, "", str(v.citation)))
    return tuple(rows)

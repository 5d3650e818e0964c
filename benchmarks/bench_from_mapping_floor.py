"""The floor under the bar ``EnterpriseYear.from_mapping() ≤ 1 × annual()``: the table read by hand.

Run: ``python benchmarks/bench_from_mapping_floor.py``.  Figures are recorded in
docs/performance/from-mapping-floor.md.

Enterprise (a) of ``bench_eit.py`` (a small low-profit enterprise of 2018) comes
as a JSON table of 24 values: the year, profit, adjustments, industry and four
quarter rows of four figures each.  Here that table is read by the fastest plain
Python found for it: a reader written for this one shape (the field names typed
in, the four rows unrolled, each value tested in one expression), that refuses
what the strict grammar refuses for these fields — an unknown name, a value of
another type, a head count out of range, an amount that is not plain digits —
and makes the same record (checked against ``EnterpriseYear.from_mapping``,
field for field, and by computing both).  It reads nothing else: no other
field, no sign, no decimals, no error message, no path.

Timed in the same rounds: ``bare_small`` (the baseline of the bar
``annual() ≤ 4 × bare``), this reader, ``EnterpriseYear.from_mapping`` and
``annual()``.  Since ``from_mapping() ≤ annual() ≤ 4 × bare_small`` asks for a
reader at most 4 × ``bare_small``, the ratio ``floor ÷ bare_small`` says whether
the two bars can hold together on (a) at all.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _timing import interleaved_us, report_ratios  # noqa: E402
from bench_eit import bare_small, bare_small_law, small, small_mapping  # noqa: E402

from taxcalc.eit import INDUSTRIES, EnterpriseYear, Quarter, annual  # noqa: E402
from taxcalc.eit._common import INDUSTRIAL  # noqa: E402
from taxcalc.eit.facts import TOTAL_LIMIT  # noqa: E402
from taxcalc.money import CONTEXT  # noqa: E402

#: The fields of a year not in the table, at their defaults (as the reader sets them).
GIVEN = ("year", "profit", "adjustments", "industry", "quarters", "industrial")
DEFAULTS = {k: v for k, v in EnterpriseYear(2018, profit=Decimal(0)).__dict__.items() if k not in GIVEN}
NAMES = frozenset(f.name for f in EnterpriseYear.__dataclass_fields__.values())
QUARTER_NAMES = frozenset(Quarter.__dataclass_fields__)
MOST_EMPLOYEES = 10_000_000
_new, _set = object.__new__, object.__setattr__


def _quarter(d: dict[str, Any]) -> Quarter:
    """One quarter row of plain values, or ``ValueError``."""
    if not QUARTER_NAMES.issuperset(d):
        raise ValueError(d)
    es, ee, a0, a1 = d["employees_start"], d["employees_end"], d["assets_start"], d["assets_end"]
    if not (es.__class__ is int and ee.__class__ is int and 0 <= es <= MOST_EMPLOYEES and 0 <= ee <= MOST_EMPLOYEES
            and a0.__class__ is str and a1.__class__ is str and a0.isdigit() and a1.isdigit()
            and a0.isascii() and a1.isascii() and len(a0) <= 16 and len(a1) <= 16):
        raise ValueError(d)
    q = _new(Quarter)
    _set(q, "__dict__", {"employees_start": es, "employees_end": ee, "assets_start": Decimal(a0),
                         "assets_end": Decimal(a1), "quarter": d.get("quarter")})
    return q


def floor_read(d: dict[str, Any]) -> EnterpriseYear:
    """The table of enterprise (a) read by hand: the same record as ``from_mapping``, or ``ValueError``."""
    if not NAMES.issuperset(d):
        raise ValueError(d)
    y, p, a, ind = d["year"], d["profit"], d.get("adjustments", "0"), d.get("industry", "other")
    if not (y.__class__ is int and 1994 <= y <= 2100 and p.__class__ is str and a.__class__ is str
            and p.isdigit() and a.isdigit() and p.isascii() and a.isascii() and len(p) <= 16 and len(a) <= 16
            and ind in INDUSTRIES):
        raise ValueError(d)
    rows = d["quarters"]
    if len(rows) != 4:  # a whole year: four rows, unnumbered
        raise ValueError(d)
    qs = (_quarter(rows[0]), _quarter(rows[1]), _quarter(rows[2]), _quarter(rows[3]))
    if (qs[0].quarter is not None or qs[1].quarter is not None or qs[2].quarter is not None
            or qs[3].quarter is not None):
        raise ValueError(d)
    profit, adjustments = Decimal(p), Decimal(a)
    if CONTEXT.add(profit, adjustments) >= TOTAL_LIMIT:
        raise ValueError(d)
    values = DEFAULTS.copy()
    values.update(year=y, profit=profit, adjustments=adjustments, industry=ind, quarters=qs,
                  industrial=ind in INDUSTRIAL)
    e = _new(EnterpriseYear)
    _set(e, "__dict__", values)
    return e


def main() -> None:
    s, mapping, law = small(), small_mapping(), bare_small_law()
    read = floor_read(mapping)
    if read != EnterpriseYear.from_mapping(mapping) or read != s or annual(read) != annual(s):
        raise SystemExit("the hand-written reader no longer makes the record from_mapping makes: update it")
    print("enterprise (a): its table read by a reader written for it (checked against from_mapping):")
    runs = interleaved_us({
        "bare_small": (lambda: bare_small(s, law), 4000),
        "floor reader": (lambda: floor_read(mapping), 1000),
        "from_mapping": (lambda: EnterpriseYear.from_mapping(mapping), 1000),
        "annual": (lambda: annual(s), 1000),
    })
    report_ratios(runs, [("floor reader", "bare_small", 4.0), ("from_mapping", "floor reader", None),
                         ("annual", "bare_small", 4.0), ("from_mapping", "annual", 1.0)])


if __name__ == "__main__":
    main()

"""Benchmark the law-data engine: loading, a lookup by key and date, "as known on".

Run: ``python benchmarks/bench_law.py``.  Figures are recorded in docs/performance/core.md.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import median_us, report  # noqa: E402

from taxcalc import law  # noqa: E402
from taxcalc.law import Law  # noqa: E402


def _year_rate(law: Law, year: int) -> object:
    """A reading a rule would keep per law (the standard rate of a tax year)."""
    return law.value("eit.rate.standard", dt.date(year, 12, 31)).value


def main() -> None:
    start = time.perf_counter()
    data = Law.load()
    load_ms = (time.perf_counter() - start) * 1e3
    law.default()
    day = dt.date(2018, 6, 1)
    key = "vat.rate.standard"
    view = data.as_known_on(dt.date(2018, 7, 10))
    print(f"load and validate all law data: {load_ms:.1f} ms ({len(data.keys())} keys)")
    report(
        [
            ("Law.value(key, date)", median_us(lambda: data.value(key, day)), None),
            ("law.value(key, 'YYYY-MM-DD')", median_us(lambda: law.value(key, "2018-06-01")), None),
            ("as_known_on view .value(key, date)", median_us(lambda: view.value(key, day)), None),
            ("Law.memo(fn, year): a reading kept for the law", median_us(lambda: data.memo(_year_rate, 2018)), None),
        ]
    )


if __name__ == "__main__":
    main()

"""A tiny timing helper shared by the benchmark scripts (not a test)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_us(fn: Callable[[], object], *, number: int = 2000, repeat: int = 15) -> float:
    """Median over ``repeat`` runs of the mean time of one call, in microseconds."""
    fn()  # warm up (first use loads data, fills caches)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        runs.append((time.perf_counter() - start) / number * 1e6)
    return statistics.median(runs)


def report(rows: list[tuple[str, float, float | None]]) -> None:
    """Print a table: what, median µs, and the target where there is one."""
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        verdict = "" if target is None else ("  ok" if value < target else "  OVER TARGET")
        bound = "" if target is None else f"  (target < {target:g} µs)"
        print(f"{name:<{width}}  {value:9.3f} µs{bound}{verdict}")

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


def interleaved_us(fns: dict[str, tuple[Callable[[], object], int]], *, repeat: int = 15) -> dict[str, list[float]]:
    """Time each function in turn, ``repeat`` rounds: per round, the mean µs of one call of each.

    ``fns`` maps a name to ``(function, calls per round)``.  Timing the functions
    in the same rounds lets a ratio be taken per round, so that the load of a
    shared machine weighs on both sides of it alike.
    """
    for fn, _ in fns.values():
        fn()  # warm up
    out: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, (fn, number) in fns.items():
            start = time.perf_counter()
            for _ in range(number):
                fn()
            out[name].append((time.perf_counter() - start) / number * 1e6)
    return out


def ratio(runs: dict[str, list[float]], what: str, against: str) -> float:
    """The median over the rounds of ``what ÷ against``."""
    return statistics.median(a / b for a, b in zip(runs[what], runs[against], strict=True))


def report_ratios(runs: dict[str, list[float]], bars: list[tuple[str, str, float | None]]) -> None:
    """Print each timed function's median µs, then each ratio with its bar (``what ≤ bar × against``)."""
    width = max(len(n) for n in runs)
    for name, times in runs.items():
        print(f"{name:<{width}}  {statistics.median(times):9.3f} µs")
    for what, against, bar in bars:
        r = ratio(runs, what, against)
        verdict = "" if bar is None else (f"  (bar ≤ {bar:g}×)  " + ("ok" if r <= bar else "OVER THE BAR"))
        print(f"{what} ÷ {against}: {r:.2f}×{verdict}")

"""Benchmark rendering an explanation: the text of the steps of an annual computation already written.

Run: ``python benchmarks/bench_explain.py`` (the parts of ``annual().explain()`` on the two enterprises
of ``bench_eit.py``, timed in the same rounds: the bare baseline, ``annual()``, writing its steps, and
rendering them; ``--calls``: the function calls of one rendering, which do not depend on the machine's
load; ``--against SRC``: this version's rendering against that of another checkout's sources, ``SRC``
the directory holding its ``taxcalc`` package, both imported into one process).  Figures are recorded
in docs/performance/eit.md ("Rendering the explanation").

``annual().explain()`` is three costs in a row: computing the figures (``annual()``), writing the steps
from them the first time they are read (``.steps``), and rendering the steps as text
(``.explain()`` on a result whose steps are written: what this script isolates).  Rendering is
repeated on every call of ``explain()``: the text is not kept.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_eit import (  # noqa: E402
    bare_annual,
    bare_law,
    bare_small,
    bare_small_law,
    calls_per_call,
    other_version,
    sample,
    sample_mapping,
    small,
    small_mapping,
)

from taxcalc.eit import EnterpriseYear, annual  # noqa: E402


def _rounds(fns: dict[str, tuple[Any, int]], orders: list[list[str]], rounds: int) -> dict[str, list[float]]:
    """µs per call of each function, per round; the order of the calls taken from ``orders`` in turn."""
    for fn, _ in fns.values():
        fn()  # warm up
    times: dict[str, list[float]] = {name: [] for name in fns}
    for i in range(rounds):
        for name in orders[i % len(orders)]:
            fn, number = fns[name]
            start = time.perf_counter()
            for _ in range(number):
                fn()
            times[name].append((time.perf_counter() - start) / number * 1e6)
    return times


def _median_ratio(times: list[float], against: list[float]) -> float:
    return statistics.median(a / b for a, b in zip(times, against, strict=True))


def print_parts(rounds: int = 40) -> None:
    """The parts of ``annual().explain()``, timed in the same rounds; fastest round and median ratio to bare."""
    cases = (("(a)", small(), bare_small, bare_small_law()), ("(b)", sample(), bare_annual, bare_law()))
    for tag, facts, bare, law in cases:
        written = annual(facts)
        n = len(written.steps)
        fns: dict[str, tuple[Any, int]] = {
            "bare": (lambda: bare(facts, law), 400),  # noqa: B023  (called within the iteration)
            "annual": (lambda: annual(facts), 80),  # noqa: B023
            "annual.steps": (lambda: annual(facts).steps, 40),  # noqa: B023
            "render": (lambda: written.explain(), 40),  # noqa: B023
            "annual.explain": (lambda: annual(facts).explain(), 20),  # noqa: B023
        }
        names = list(fns)
        times = _rounds(fns, [names, names[::-1]], rounds)
        best = {name: min(t) for name, t in times.items()}
        print(f"{tag} {n} steps; fastest round, µs: " + ", ".join(f"{k} {v:.2f}" for k, v in best.items()))
        print(f"{tag} ÷ bare, median of the rounds: " + ", ".join(
            f"{k} {_median_ratio(times[k], times['bare']):.2f}" for k in names[1:]))
        print(f"{tag} rendering alone: {best['render'] / n:.2f} µs a step; "
              f"{_median_ratio(times['render'], times['annual.explain']):.2f} of annual().explain()")


def print_calls() -> None:
    """``--calls``: function calls per rendering (load-independent)."""
    for tag, facts in (("(a)", small()), ("(b)", sample())):
        written = annual(facts)
        for lang in ("zh", "en"):
            print(f"{tag} render {lang}: {calls_per_call(lambda: written.explain(lang)):5.0f} calls")  # noqa: B023


def print_against(src: str, rounds: int = 80) -> None:
    """``--against SRC``: rendering (steps already written) now and before, in one process, order alternated."""
    before = other_version(src)
    for tag, mapping in (("(a)", small_mapping()), ("(b)", sample_mapping())):
        now_r = annual(EnterpriseYear.from_mapping(mapping))
        was_r = before.annual(before.EnterpriseYear.from_mapping(mapping))
        for lang in ("zh", "en"):  # the same text from both
            assert now_r.explain(lang) == was_r.explain(lang)
            assert now_r.as_dict() == was_r.as_dict()
        fns: dict[str, tuple[Any, int]] = {
            "render now": (lambda: now_r.explain(), 40),  # noqa: B023  (called within the iteration)
            "render before": (lambda: was_r.explain(), 40),  # noqa: B023
            "as_dict now": (lambda: now_r.as_dict(), 20),  # noqa: B023
            "as_dict before": (lambda: was_r.as_dict(), 20),  # noqa: B023
        }
        orders = [list(fns), ["render before", "render now", "as_dict before", "as_dict now"]]
        times = _rounds(fns, orders, rounds)
        print(f"{tag} fastest round, µs: " + ", ".join(f"{k} {min(v):.2f}" for k, v in times.items()))
        for what in ("render", "as_dict"):
            print(f"{tag} {what}: now ÷ before, median of the rounds "
                  f"{_median_ratio(times[f'{what} now'], times[f'{what} before']):.3f}, fastest rounds "
                  f"{min(times[f'{what} now']) / min(times[f'{what} before']):.3f}")


def main() -> None:
    if "--calls" in sys.argv[1:]:
        print_calls()
    elif "--against" in sys.argv[1:]:
        print_against(sys.argv[sys.argv.index("--against") + 1])
    else:
        print_parts()


if __name__ == "__main__":
    main()

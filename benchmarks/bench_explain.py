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
from decimal import Decimal
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
from taxcalc.money import CONTEXT, FEN  # noqa: E402

_HUNDRED = Decimal(100)


def bare_text_small(steps: tuple[Any, ...]) -> str:
    """The Chinese explanation of (a) written by one function: the floor of rendering it in Python.

    The same figures (read from the steps written: their values and the operands
    of their formulas) formatted the same way — each amount rounded to the fen in
    the money context and formatted by ``Decimal`` — into the same text, with the
    labels, citations and form lines as literals, for this enterprise only: no
    steps to walk, no formula functions, no tests of what a step holds.
    """
    q, n, m = CONTEXT.quantize, CONTEXT.normalize, CONTEXT.multiply
    profit, adj, before, ti = steps[0].value, steps[1].value, steps[2].value, steps[3].value
    _, _, equipment, rd, _, _ = steps[2]._formula.args
    _, cap, (emp, e_cap, assets, a_cap), _, _, _ = steps[4]._formula.args
    _, limit, ratio, _, _ = steps[5]._formula.args
    std, sp = (t for _, t in steps[7]._formula.args[0])
    included, rate, tax, relief = steps[5].value, steps[6].value, steps[8].value, steps[9].value
    return (
        f"1. 利润总额：{q(profit, FEN):,.2f} (A100000)\n"
        f"2. 纳税调整（净额，不含所列资产）：{q(adj, FEN):,.2f} (A105000)\n"
        f"3. 纳税调整后所得：{q(before, FEN):,.2f} = {q(profit, FEN):,.2f} + {q(adj, FEN):,.2f} "
        f"+ {q(equipment, FEN):,.2f} − {q(rd, FEN):,.2f} (A100000)\n"
        f"4. 应纳税所得额：{q(ti, FEN):,.2f} (A100000)\n"
        f"5. 小型微利企业条件（其他企业）：是 = 应纳税所得额 {q(ti, FEN):,.2f} ≤ {q(cap, FEN):,.2f} ✓；"
        f"从业人数（全年季度平均值） {emp:f} ≤ {e_cap} ✓；资产总额 {q(assets, FEN):,.2f} ≤ {q(a_cap, FEN):,.2f} ✓ "
        f"[财税〔2018〕77号 一; 财税〔2018〕77号 二]\n"
        f"6. 减按比例计入的应纳税所得额：{q(included, FEN):,.2f} = {q(ti, FEN):,.2f} × {n(m(ratio, _HUNDRED)):f}% "
        f"(≤ {q(limit, FEN):,.2f}) [财税〔2018〕77号 一] (A107040)\n"
        f"7. 适用税率：{n(m(rate, _HUNDRED)):f}% [主席令第63号 第二十八条第一款]\n"
        f"8. 适用税率方式：小型微利企业（取税额最低者，不叠加）：{q(tax, FEN):,.2f} = "
        f"min(基本税率 {q(std, FEN):,.2f}, 小型微利企业 {q(sp, FEN):,.2f})\n"
        f"9. 应纳所得税额：{q(tax, FEN):,.2f} (A100000)\n"
        f"10. 减免所得税额：{q(relief, FEN):,.2f} = {q(std, FEN):,.2f} − {q(tax, FEN):,.2f} (A107040)"
    )


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
        extra: dict[str, tuple[Any, int]] = {}
        if tag == "(a)":  # the floor: the same text written by one function
            assert bare_text_small(written.steps) == written.explain("zh")
            extra["bare text"] = (lambda: bare_text_small(written.steps), 80)  # noqa: B023
        fns: dict[str, tuple[Any, int]] = {
            "bare": (lambda: bare(facts, law), 400),  # noqa: B023  (called within the iteration)
            "annual": (lambda: annual(facts), 80),  # noqa: B023
            "annual.steps": (lambda: annual(facts).steps, 40),  # noqa: B023
            "render": (lambda: written.explain(), 40),  # noqa: B023
            "annual.explain": (lambda: annual(facts).explain(), 20),  # noqa: B023
            **extra,
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

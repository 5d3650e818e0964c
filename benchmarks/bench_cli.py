"""Start-up time of the ``taxcalc`` command (not a test): ``taxcalc --help`` and one rule
question, each run as a new process, beside a bare ``python -c pass`` in the same run.

Run with the package installed: ``python benchmarks/bench_cli.py [--runs N]``.  Bytecode
caching is left on (``PYTHONDONTWRITEBYTECODE`` is removed from the environment), as on
users' machines; one untimed run of each command first writes the caches.

``--compare SRC`` also times ``--help``, the two questions and the rate question's
``--json`` with another source tree of taxcalc first on the path (``PYTHONPATH=SRC``; e.g.
an earlier version unpacked with ``git archive <commit> src | tar -x -C /tmp/before``, then
``--compare /tmp/before/src``), interleaved with the others, so that a change is measured
under the same load.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

_PY = (sys.executable,)
_M = (sys.executable, "-m", "taxcalc")
#: The installed ``taxcalc`` script beside this Python (what users type), if there is one.
_SCRIPT = Path(sys.executable).with_name("taxcalc")
_RATE = ("vat", "rate", "standard", "--on", "2019-04-01")
_SMALL_PROFIT = ("eit", "small-profit", "1000000", "--year", "2018", "--employees", "50", "--assets", "8000000")

#: What is timed: a name, the command, and the bar in milliseconds.
CASES: tuple[tuple[str, tuple[str, ...], float | None], ...] = (
    ("python -c pass (baseline)", (*_PY, "-c", "pass"), None),
    ("python -m taxcalc --help", (*_M, "--help"), 150.0),
    ("python -m taxcalc vat --help", (*_M, "vat", "--help"), None),
    ("python -m taxcalc vat rate standard --on 2019-04-01", (*_M, *_RATE), 150.0),
    ("python -m taxcalc vat rate … --json", (*_M, *_RATE, "--json"), None),
    ("python -m taxcalc rules", (*_M, "rules"), None),
    ("python -m taxcalc eit small-profit 1000000 --year 2018 …", (*_M, *_SMALL_PROFIT), None),
    *((("taxcalc --help (installed script)", (str(_SCRIPT), "--help"), 150.0),
       ("taxcalc vat rate standard --on 2019-04-01 (script)", (str(_SCRIPT), *_RATE), 150.0))
      if _SCRIPT.exists() else ()),
)


def _compared(src: str) -> tuple[tuple[str, tuple[str, ...], float | None], ...]:
    """The cases timed with the source tree ``src`` first on the path."""
    return (("[compared] python -m taxcalc --help", (*_M, "--help"), None),
            ("[compared] python -m taxcalc vat rate standard --on 2019-04-01", (*_M, *_RATE), None),
            ("[compared] python -m taxcalc vat rate … --json", (*_M, *_RATE, "--json"), None),
            ("[compared] python -m taxcalc eit small-profit 1000000 --year 2018 …", (*_M, *_SMALL_PROFIT), None))


def _env(name: str, env: dict[str, str], src: str | None) -> dict[str, str]:
    return {**env, "PYTHONPATH": src} if src and name.startswith("[compared]") else env


def _once(argv: tuple[str, ...], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run, in milliseconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=25, help="runs of each command (default 25; at least 20)")
    parser.add_argument("--compare", metavar="SRC", help="also time --help and the two questions with the "
                        "taxcalc source tree SRC (the folder holding taxcalc/) first on the path")
    options = parser.parse_args()
    runs = max(options.runs, 20)
    src = options.compare
    cases = CASES + (_compared(src) if src else ())
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    load = os.getloadavg()[0]
    print(f"{platform.python_implementation()} {platform.python_version()} on {platform.platform()}, "
          f"{os.cpu_count()} CPUs; median of {runs} runs each (ms)")
    for name, argv, _ in cases:
        _once(argv, _env(name, env, src))  # writes the bytecode caches
    times: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in cases}
    for _ in range(runs):  # interleaved, so a change of load touches every case alike
        for name, argv, _ in cases:
            times[name].append(_once(argv, _env(name, env, src)))
    print(f"load average before: {load:.2f}, after: {os.getloadavg()[0]:.2f} (CPU time is less sensitive to load than wall time)")
    if src:
        print(f"[compared]: with PYTHONPATH={src}")
    width = max(len(name) for name, _, _ in cases)
    print(f"{'':<{width}}  {'wall':>7}     {'min':>6}  {'cpu':>7}")
    base = statistics.median(w for w, _ in times[CASES[0][0]])
    for name, _, bar in cases:
        median = statistics.median(w for w, _ in times[name])
        cpu = statistics.median(c for _, c in times[name])
        verdict = "" if bar is None else f"  bar {bar:g} ms: {'ok' if median <= bar else 'OVER'}"
        extra = "" if name == CASES[0][0] else f"  (+{median - base:.1f})"
        print(f"{name:<{width}}  {median:7.1f} ms  {min(w for w, _ in times[name]):6.1f}  {cpu:7.1f} ms"
              f"{extra}{verdict}")


if __name__ == "__main__":
    main()

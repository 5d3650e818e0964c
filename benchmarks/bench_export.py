"""Speed of the export-rebate rules (not a test): prints medians in microseconds.

Run with the package installed:  python benchmarks/bench_export.py
Figures recorded in docs/performance/export.md.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path

from taxcalc import law
from taxcalc.export import (
    Catalogue,
    ExemptCreditRefundInput,
    ExportLine,
    exempt_credit_refund,
    rebate_rate,
)

ROWS = 20_000


def median_us(fn: Callable[[], object], number: int, repeat: int = 7) -> float:
    times = timeit.repeat(fn, number=number, repeat=repeat)
    return statistics.median(times) / number * 1e6


def write_catalogues(folder: Path) -> tuple[Path, Path]:
    """20,000 rows: 10,000 codes, each with a row to 2019-03-31 and one from 2019-04-01."""
    csv_lines = ["code,rate,levy,first,last,citation"]
    toml_parts = ['[catalogue]\ntitle = "benchmark"\n']
    for i in range(ROWS // 2):
        code = f"{10_000_000 + i * 7:08d}" + ("" if i % 2 else "00")
        csv_lines.append(f"{code},16%,16%,2018-05-01,2019-03-31,bench")
        csv_lines.append(f"{code},13%,13%,2019-04-01,open,bench")
        toml_parts.append(
            f'[[row]]\ncode = "{code}"\nrate = "16%"\nlevy = "16%"\nfirst = 2018-05-01\n'
            f'last = 2019-03-31\ncitation = "bench"\n'
            f'[[row]]\ncode = "{code}"\nrate = "13%"\nlevy = "13%"\nfirst = 2019-04-01\n'
            f'last = "open"\ncitation = "bench"\n'
        )
    csv_path = folder / "bench.csv"
    toml_path = folder / "bench.toml"
    csv_path.write_text("\n".join(csv_lines) + "\n", "utf-8")
    toml_path.write_text("".join(toml_parts), "utf-8")
    return csv_path, toml_path


def main() -> None:
    law.default()  # load the law data once, as any program would
    sample = Catalogue.sample()
    rebate_rate("9901000010", "2019-05-01", catalogue=sample)  # warm the per-law rule cache

    month = ExemptCreditRefundInput(
        period="2017-08",
        exports=[ExportLine(fob="2000000", levy_rate="17%", rebate_rate="13%", bonded_materials="1000000")],
        domestic_output_tax="170000", input_tax="340000", opening_credit="60000",
    )
    five_lines = ExemptCreditRefundInput(
        period="2019-08",
        exports=[ExportLine(fob=f"{100000 + i}.55", exchange_rate="6.8972", levy_rate="13%",
                            rebate_rate=r, exempt_materials="1000") for i, r in enumerate(["13%", "10%", "9%", "6%", "0%"])],
        domestic_output_tax="98765.43", input_tax="456789.01", opening_credit="1234.56",
    )

    with tempfile.TemporaryDirectory() as tmp:
        csv_path, toml_path = write_catalogues(Path(tmp))
        t0 = time.perf_counter()
        big = Catalogue.load(csv_path)
        first_load = (time.perf_counter() - t0) * 1e6
        assert len(big) == ROWS
        code = big.codes()[len(big.codes()) // 2]
        cases: list[tuple[str, Callable[[], object], int]] = [
            ("Catalogue.lookup (20,000-row catalogue)", lambda: big.lookup(code, "2019-05-01"), 20_000),
            ("rebate_rate: explicit row, no transition", lambda: rebate_rate(code, "2019-08-01", catalogue=big), 5_000),
            ("rebate_rate: explicit rows, 2019 transition", lambda: rebate_rate(code, "2019-05-01", catalogue=big), 5_000),
            ("rebate_rate: derived across 3 switches + transition",
             lambda: rebate_rate("9901000010", "2019-05-01", catalogue=sample), 5_000),
            ("rebate_rate: derived to 2025 (8 notices crossed)",
             lambda: rebate_rate("9901000020", "2025-06-01", catalogue=sample), 5_000),
            ("exempt_credit_refund: one month, one line", lambda: exempt_credit_refund(month), 5_000),
            ("exempt_credit_refund: one month, five lines in USD", lambda: exempt_credit_refund(five_lines), 2_000),
            ("Catalogue.load: 20,000-row CSV", lambda: Catalogue.load(csv_path), 1),
            ("Catalogue.load: 20,000-row TOML", lambda: Catalogue.load(toml_path), 1),
        ]
        print(f"{'case':<55} {'median':>12}")
        for name, fn, number in cases:
            us = median_us(fn, number, repeat=7 if number > 1 else 5)
            unit = f"{us:,.1f} µs" if us < 10_000 else f"{us / 1000:,.1f} ms"
            print(f"{name:<55} {unit:>12}")
        print(f"{'(first CSV load, cold)':<55} {first_load / 1000:>9,.1f} ms")


if __name__ == "__main__":
    main()

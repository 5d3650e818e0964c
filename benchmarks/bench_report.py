"""Benchmark the report and the formatters: money in figures, 大写金额, reading the
input, building the report, rendering it and its JSON.

Run: ``python benchmarks/bench_report.py``.  Figures are recorded in docs/performance/report.md.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import median_us, report  # noqa: E402

from taxcalc.format import daxie, format_money  # noqa: E402
from taxcalc.report import build_report, example, example_text, parse_text, render  # noqa: E402


def main() -> None:
    amount = Decimal("12345678901.235")
    text = example_text()
    facts = example()
    built = build_report(facts)
    report(
        [
            ("format_money(amount, 'zh')", median_us(lambda: format_money(amount, "zh")), None),
            ("format_money(amount, 'en')", median_us(lambda: format_money(amount, "en")), None),
            ("daxie(amount)", median_us(lambda: daxie(amount)), None),
            ("parse the example input (TOML)", median_us(lambda: parse_text(text, "toml"), number=200), None),
            ("build_report(example facts)", median_us(lambda: build_report(facts), number=200), None),
            ("render(report, 'zh')", median_us(lambda: render(built, "zh"), number=100), None),
            ("json.dumps(report.as_dict())", median_us(lambda: json.dumps(built.as_dict()), number=200), None),
        ]
    )


if __name__ == "__main__":
    main()

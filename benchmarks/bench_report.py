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

from taxcalc.export import Catalogue  # noqa: E402
from taxcalc.format import daxie, format_money  # noqa: E402
from taxcalc.report import build_report, example, example_text, parse_text, render  # noqa: E402

TRADER = """
format = 1
year = 2018
[enterprise]
name = "trader"
exporter = "trader"
""" + "".join(
    f'[[exports]]\ndate = 2018-{m:02d}-10\nhs_code = "9901000010"\nfob = "150000"\n'
    f'purchase_amount = "100000"\npurchase_vat_rate = "{"17%" if m < 5 else "16%"}"\n'
    for m in range(1, 13)
)
SMALL = """
format = 1
year = 2019
[enterprise]
name = "shop"
vat_taxpayer = "small_scale"
""" + "".join(f'[[sales]]\nmonth = "2019-{m:02d}"\namount = "{90000 + 2500 * m}"\n' for m in range(1, 13))


def main() -> None:
    amount = Decimal("12345678901.235")
    text = example_text()
    facts = example()
    built = build_report(facts)
    sample = Catalogue.sample()
    trader = parse_text(TRADER, "toml")
    small = parse_text(SMALL, "toml")
    report(
        [
            ("format_money(amount, 'zh')", median_us(lambda: format_money(amount, "zh")), None),
            ("format_money(amount, 'en')", median_us(lambda: format_money(amount, "en")), None),
            ("daxie(amount)", median_us(lambda: daxie(amount)), None),
            ("parse the example input (TOML)", median_us(lambda: parse_text(text, "toml"), number=200), None),
            ("build_report(example facts), sample catalogue loaded each time",
             median_us(lambda: build_report(facts), number=200), None),
            ("build_report(example facts, catalogue=loaded sample)",
             median_us(lambda: build_report(facts, catalogue=sample), number=200), None),
            ("build_report(trader, 12 exports, 免退)",
             median_us(lambda: build_report(trader, catalogue=sample), number=200), None),
            ("build_report(small-scale, 12 months)", median_us(lambda: build_report(small), number=200), None),
            ("render(report, 'zh')", median_us(lambda: render(built, "zh"), number=100), None),
            ("render(report, 'en')", median_us(lambda: render(built, "en"), number=100), None),
            ("json.dumps(report.as_dict())", median_us(lambda: json.dumps(built.as_dict()), number=200), None),
        ]
    )


if __name__ == "__main__":
    main()

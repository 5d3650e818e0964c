"""Benchmark the report and the formatters: money in figures, 大写金额, reading the
input, building the report, rendering it and its JSON.

Run: ``python benchmarks/bench_report.py``.  Figures are recorded in docs/performance/report.md.
"""

from __future__ import annotations

import json
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import median_us, report  # noqa: E402

from taxcalc.export import Catalogue  # noqa: E402
from taxcalc.format import daxie, format_money  # noqa: E402
from taxcalc.inputs import FloatLiteral  # noqa: E402
from taxcalc.report import build_report, example, example_text, parse_data, parse_text, render  # noqa: E402

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
INCOME_TAX = """
format = 1
year = 2018
[enterprise]
name = "income tax only"
industry = "C33"
[income]
accounting_profit = "1900000"
other_adjustments = "30000"
[[qualifications]]
kind = "high_tech"
from = 2017-03-01
to = 2020-02-28
[[rd.projects]]
name = "P1"
personnel = "260000"
direct_inputs = "90000"
other = "45000"
[[rd.projects]]
name = "P2"
personnel = "120000"
design = "30000"
entrusted_domestic = "50000"
[[equipment]]
acquired = 2018-03-12
in_use = 2018-04-02
cost = "480000"
depreciation_booked = "32400"
[[equipment]]
acquired = 2018-12-10
cost = "60000"
asset_class = "electronics"
[[losses]]
year = 2013
amount = "120000"
[[losses]]
year = 2016
amount = "200000"
""" + "".join(
    f'[[quarters]]\nquarter = {q}\nemployees_start = {66 + 4 * q}\nemployees_end = {70 + 4 * q}\n'
    f'assets_start = "{23 + q}000000"\nassets_end = "{24 + q}000000"\n' for q in range(1, 5)
)


def main() -> None:
    amount = Decimal("12345678901.235")
    text = example_text()
    data = tomllib.loads(text, parse_float=FloatLiteral)
    facts = example()
    built = build_report(facts)
    sample = Catalogue.sample()
    trader = parse_text(TRADER, "toml")
    small = parse_text(SMALL, "toml")
    income_tax = parse_text(INCOME_TAX, "toml")
    report(
        [
            ("format_money(amount, 'zh')", median_us(lambda: format_money(amount, "zh")), None),
            ("format_money(amount, 'en')", median_us(lambda: format_money(amount, "en")), None),
            ("daxie(amount)", median_us(lambda: daxie(amount)), None),
            ("parse the example input (TOML)", median_us(lambda: parse_text(text, "toml"), number=200), None),
            ("check the example input (parse_data of the TOML read)",
             median_us(lambda: parse_data(data), number=200), None),
            ("build_report(example facts), sample catalogue loaded each time",
             median_us(lambda: build_report(facts), number=200), None),
            ("build_report(example facts, catalogue=loaded sample)",
             median_us(lambda: build_report(facts, catalogue=sample), number=200), None),
            ("build_report(trader, 12 exports, 免退)",
             median_us(lambda: build_report(trader, catalogue=sample), number=200), None),
            ("build_report(small-scale, 12 months)", median_us(lambda: build_report(small), number=200), None),
            ("build_report(income tax only: 2 projects, 2 assets, 2 losses, quarters)",
             median_us(lambda: build_report(income_tax), number=200), None),
            ("build_report(example facts, known_on=2017-12-31)",
             median_us(lambda: build_report(facts, catalogue=sample, known_on="2017-12-31"), number=200), None),
            ("render(report, 'zh')", median_us(lambda: render(built, "zh"), number=100), None),
            ("render(report, 'en')", median_us(lambda: render(built, "en"), number=100), None),
            ("json.dumps(report.as_dict())", median_us(lambda: json.dumps(built.as_dict()), number=200), None),
        ]
    )


if __name__ == "__main__":
    main()

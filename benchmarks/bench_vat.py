"""Benchmark the VAT hot paths: a rate lookup and an invoice line (not a test).

Run: ``python benchmarks/bench_vat.py``.  Figures are recorded in docs/performance/vat.md.
The targets (a rate lookup and an invoice-line tax under 2 µs median) are for the
explained results with typed inputs (``datetime.date``, ``Decimal``); string inputs
add the parsing and are shown alongside, as is the bare arithmetic.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import interleaved_us, median_us, report, report_ratios  # noqa: E402

from taxcalc import law  # noqa: E402
from taxcalc.money import CONTEXT, FEN  # noqa: E402
from taxcalc.vat import (  # noqa: E402
    agricultural_input_tax,
    invoice_line,
    may_reregister,
    replacement_rate,
    small_scale_vat,
    split_gross,
    vat_rate,
)


def main() -> None:
    data = law.default()
    day = dt.date(2018, 6, 1)
    gross = Decimal("1160.00")
    net = Decimal("1000.00")
    one_plus = Decimal("1.16")
    months = [Decimal("400000")] * 12

    def bare_split() -> tuple[Decimal, Decimal]:
        n = CONTEXT.divide(gross, one_plus).quantize(FEN, ROUND_HALF_UP, CONTEXT)
        return n, CONTEXT.subtract(gross, n)

    print("Against the bare split, timed in the same rounds (median over 15 rounds):")
    runs = interleaved_us({
        "bare split": (bare_split, 4000),
        "vat_rate": (lambda: vat_rate("standard", day), 4000),
        "invoice_line": (lambda: invoice_line(gross, "standard", day), 2000),
    })
    report_ratios(runs, [("vat_rate", "bare split", None), ("invoice_line", "bare split", None)])
    print("Each function on its own:")
    report(
        [
            ("vat_rate(band, date)  [explained]", median_us(lambda: vat_rate("standard", day)), 2.0),
            ("invoice_line(Decimal, band, date)  [explained, tax included]",
             median_us(lambda: invoice_line(gross, "standard", day)), 2.0),
            ("invoice_line(Decimal, band, date, tax_inclusive=False)  [explained]",
             median_us(lambda: invoice_line(net, "standard", day, tax_inclusive=False)), 2.0),
            ("vat_rate(band, 'YYYY-MM-DD')", median_us(lambda: vat_rate("standard", "2018-06-01")), None),
            ("invoice_line('1160.00', band, 'YYYY-MM-DD')",
             median_us(lambda: invoice_line("1160.00", "standard", "2018-06-01")), None),
            ("lean: Law.value(key, date) only", median_us(lambda: data.value("vat.rate.standard", day)), None),
            ("lean: divide + quantize + subtract only", median_us(bare_split), None),
            ("split_gross(str, str)", median_us(lambda: split_gross("1160.00", "16%")), None),
            ("replacement_rate('17%', date)", median_us(lambda: replacement_rate("17%", day), number=200), None),
            ("agricultural_input_tax(Decimal, date)",
             median_us(lambda: agricultural_input_tax(net, day)), None),
            ("small_scale_vat(Decimal, month)",
             median_us(lambda: small_scale_vat(net, dt.date(2019, 6, 1))), None),
            ("may_reregister(12 months, date)", median_us(lambda: may_reregister(months, day)), None),
        ]
    )


if __name__ == "__main__":
    main()

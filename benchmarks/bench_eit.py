"""Benchmark the enterprise income tax rules: the full annual computation of one enterprise, and its parts.

Run: ``python benchmarks/bench_eit.py``.  Figures are recorded in docs/performance/eit.md.

The sample is the 2018 manufacturer of docs/benefit-2018.md: quarterly size
figures, two R&D projects (other expenses capped, entrusted R&D), two assets,
two losses brought forward, a high-tech certificate, and the small low-profit
relief — every line of the computation, with its explanation steps.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import median_us, report  # noqa: E402

from taxcalc.eit import (  # noqa: E402
    EnterpriseYear,
    Equipment,
    HnteCertificate,
    Loss,
    Quarter,
    RdFacts,
    RdProject,
    annual,
    benefit,
    equipment_schedule,
    rd_super_deduction,
    small_profit,
)
from taxcalc.law import default  # noqa: E402

D = Decimal


def sample() -> EnterpriseYear:
    """The 2018 sample enterprise (see docs/benefit-2018.md)."""
    return EnterpriseYear(
        2018, profit=D("1900000"), adjustments=D("30000"), industry="manufacturing", hnte_years=(2017, 2018, 2019),
        quarters=(Quarter(70, 74, D("24000000"), D("25000000")), Quarter(74, 78, D("25000000"), D("26500000")),
                  Quarter(78, 80, D("26500000"), D("27000000")), Quarter(80, 82, D("27000000"), D("28000000"))),
        rd=RdFacts(projects=(RdProject("P1", personnel=D("260000"), direct_inputs=D("90000"), other=D("45000")),
                             RdProject("P2", personnel=D("120000"), design=D("30000"),
                                       entrusted_domestic=D("50000")))),
        equipment=(Equipment("CNC lathe", D("480000"), "machinery", acquired_on="2018-03-12", in_use="2018-04-02",
                             book_depreciation=D("32400")),
                   Equipment("Server", D("60000"), "electronics", acquired_on="2018-12-10", in_use="2018-12-20")),
        losses=(Loss(2013, D("120000")), Loss(2016, D("200000"))),
    )


def sample_with_certificate() -> EnterpriseYear:
    """The sample with its high-tech certificate instead of a list of years (the rate and losses read from it)."""
    return dataclasses.replace(sample(), hnte_years=(),
                               hnte_certificates=(HnteCertificate("GR201713000456", "2017-10-27", "2020-10-26"),))


def main() -> None:
    start = time.perf_counter()
    default()
    print(f"load the law data: {(time.perf_counter() - start) * 1e3:.1f} ms")
    f = sample()
    r = annual(f)
    print(f"sample: taxable income {r.taxable_income}, regime {r.regime}, tax {r.tax}, {len(r.steps)} steps")
    asset = f.equipment[0]
    fc = sample_with_certificate()
    assert annual(fc).tax == r.tax
    report(
        [
            ("annual(facts): full computation with explanation", median_us(lambda: annual(f)), 50.0),
            ("annual(facts) with a certificate: rate and loss years from it, explained",
             median_us(lambda: annual(fc)), None),
            ("annual(facts).explain(): rendered as text", median_us(lambda: annual(f).explain(), number=1000), None),
            ("EnterpriseYear(...) + annual(): from plain values", median_us(lambda: annual(sample()), number=1000),
             None),
            ("small_profit(income, year, employees, assets)",
             median_us(lambda: small_profit("478233.33", 2018, employees=77, assets="26125000", industrial=True)),
             None),
            ("rd_super_deduction(facts.rd, year)", median_us(lambda: rd_super_deduction(f.rd, 2018)), None),
            ("equipment_schedule(asset): both ways, every year", median_us(lambda: equipment_schedule(asset)), None),
            ("benefit(facts): tax, 8 policies off in turn, all off",
             median_us(lambda: benefit(f), number=200), None),
            ("benefit(facts, known_on='2017-12-31')",
             median_us(lambda: benefit(f, known_on="2017-12-31"), number=100), None),
        ]
    )


if __name__ == "__main__":
    main()

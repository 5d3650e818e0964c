"""Sales on special VAT invoices in a small-scale period (放弃免税, 放弃减税): the whole result and
every step (labels in both languages, units, formulas, citations) under and over the threshold,
at the levied rate and with the reduction given up, in 2019, 2022 (sales at 3% exempt), 2023 and
2026 — then the refusal of giving the reduction up where no text says it could be.

What each case must show is kept in ``golden/vat_small_scale_special.json`` (see ``_golden.py``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import fields, rows

from taxcalc.errors import InvalidInput
from taxcalc.vat import small_scale_vat

P = Decimal

# case: (sales, period start, keyword arguments)
CASES: dict[str, tuple[str, str, dict[str, str]]] = {
    "under_2019_at_3_percent": ("80000", "2019-06-01", {"special_invoice_sales": "30000"}),
    "over_2019_taxed_with_the_rest": ("150000.01", "2019-06-01", {"special_invoice_sales": "30000"}),
    "over_2019_all_on_special_invoices": ("150000", "2019-06-01", {"special_invoice_sales": "150000"}),
    "over_2019_a_fen_on_special_invoices": ("100000.01", "2019-06-01", {"special_invoice_sales": "0.01"}),
    "under_2022_sales_at_3_percent_exempt": ("80000", "2022-06-01", {"special_invoice_sales": "30000"}),
    "under_2023_reduced": ("80000", "2023-03-01", {"special_invoice_sales": "30000"}),
    "under_2023_full": ("80000", "2023-03-01", {"special_invoice_sales": "30000.55",
                                                 "special_invoice_rate": "full"}),
    "over_2023_full": ("200000", "2023-03-01", {"special_invoice_sales": "50000.50",
                                                "special_invoice_rate": "full"}),
    "over_2023_reduced_a_fen_rounded_once": ("325452.50", "2023-03-01", {"special_invoice_sales": "0.50"}),
    "under_2026_quarter_reduced": ("250000", "2026-04-01", {"period": "quarter",
                                                            "special_invoice_sales": "100000"}),
    "under_2026_full": ("99999.99", "2026-01-01", {"special_invoice_sales": "99999.99",
                                                  "special_invoice_rate": "full"}),
}
FIELDS = ("exempt", "exempt_sales", "taxable_sales", "levy_rate", "tax_due", "special_invoice_sales",
          "special_invoice_rate", "special_invoice_tax")
GOLDEN = Golden("vat_small_scale_special", CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    sales, start, kwargs = CASES[case]
    r = small_scale_vat(sales, start, **kwargs)
    GOLDEN.check(case, fields=fields(r, FIELDS), steps=rows(r.steps))


def test_the_reduction_cannot_be_given_up_where_no_text_says_so():
    with pytest.raises(InvalidInput) as info:
        small_scale_vat("80000", "2021-05-01", special_invoice_sales="30000", special_invoice_rate="full")
    assert info.value.field == "special_invoice_rate"
    assert str(info.value).startswith("special_invoice_rate: giving up the reduced rate cannot be computed for "
                                      "2021-05-01: vat.small_scale.special_invoice.full_rate on 2021-05-01")


def test_the_special_invoice_tax_is_its_own_rounded_share():
    r = small_scale_vat("80000", "2023-03-01", special_invoice_sales="30000.55", special_invoice_rate="full")
    assert (r.special_invoice_rate, r.special_invoice_tax, r.tax_due) == (P("0.03"), P("900.02"), P("900.02"))
    r = small_scale_vat("200000", "2023-03-01", special_invoice_sales="50000.50", special_invoice_rate="full")
    # 149,999.50 × 1% = 1,499.995 → 1,500.00; 50,000.50 × 3% = 1,500.015 → 1,500.02
    assert (r.special_invoice_tax, r.tax_due) == (P("1500.02"), P("3000.02"))

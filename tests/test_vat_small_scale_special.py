"""Small-scale VAT: sales on special VAT invoices (the exemption and the reduced rate given up)
and the per-transaction 起征点 from 2026 — boundaries, hand-worked examples, citations,
refusals, a property, and the registry input."""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.errors import InputProblems, InvalidInput, NotInForce, OutsideCoverage
from taxcalc.inputs import json_schema
from taxcalc.vat import small_scale_vat

P = Decimal


def cites(r, name):
    return [str(c) for c in r.step(name).cite]


# -- per transaction (按次纳税): 1000元 from 2026-01-01 -------------------------------------

def test_per_transaction_boundary_2026():
    below = small_scale_vat("999.99", "2026-01-01", period="transaction")
    assert (below.exempt, below.tax_due, below.threshold) == (True, P("0.00"), P("1000"))
    at = small_scale_vat("1000", "2026-01-01", period="transaction")
    # reaching the 起征点 taxes the whole amount: 1000 × 1% = 10.00
    assert (at.exempt, at.taxable_sales, at.tax_due) == (False, P("1000"), P("10.00"))
    assert cites(at, "threshold") == ["财政部 税务总局公告2026年第10号 第一条"]
    assert "达到起征点，全额计税" in at.explain("zh")


def test_per_transaction_any_day_and_the_last_day():
    r = small_scale_vat("2500", "2027-12-31", period="transaction")
    assert (r.period_start, r.tax_due) == (dt.date(2027, 12, 31), P("25.00"))
    with pytest.raises(OutsideCoverage):
        small_scale_vat("2500", "2028-01-01", period="transaction")


def test_per_transaction_before_2026_is_a_declared_gap():
    with pytest.raises(NotInForce, match="300–500元") as info:
        small_scale_vat("999.99", "2025-12-31", period="transaction")
    assert info.value.key == "vat.small_scale.start_point.per_transaction"
    assert "各省" in info.value.reason_in("zh")


def test_per_transaction_with_special_invoice():
    r = small_scale_vat("800", "2026-05-06", period="transaction", special_invoice_sales="800")
    assert (r.exempt, r.tax_due) == (False, P("8.00"))


# -- special invoices in a period under the threshold --------------------------------------

def test_2019_special_invoice_sales_taxed_under_the_limit():
    # 80,000 of sales, 30,000 on special invoices: 50,000 stay exempt, 30,000 × 3% = 900.00
    r = small_scale_vat("80000", "2019-06-01", special_invoice_sales="30000")
    assert (r.exempt, r.exempt_sales, r.taxable_sales, r.tax_due) == (False, P("50000"), P("30000"), P("900.00"))
    assert (r.special_invoice_rate, r.special_invoice_tax) == (P("0.03"), P("900.00"))
    assert cites(r, "special_invoice_taxed") == ["国家税务总局公告2019年第4号 第七条"]
    assert cites(r, "special_invoice_rate") == ["国务院令第538号 第十二条"]
    plain = small_scale_vat("80000", "2019-06-01")
    assert (plain.exempt, plain.tax_due, plain.special_invoice_rate) == (True, P("0.00"), None)


def test_2019_the_limit_itself_with_special_invoices():
    # at exactly 10万 the period is exempt (含本数) but the special-invoice sales are not
    r = small_scale_vat("100000", "2019-06-01", special_invoice_sales="0.01")
    assert (r.exempt_sales, r.tax_due) == (P("99999.99"), P("0.00"))  # 0.0003 rounds to 0.00
    r = small_scale_vat("100000", "2019-06-01", special_invoice_sales="100")
    assert r.tax_due == P("3.00")


def test_2023_reduced_and_full():
    r = small_scale_vat("80000", "2023-03-01", special_invoice_sales="30000")
    assert (r.tax_due, r.special_invoice_rate) == (P("300.00"), P("0.01"))
    assert cites(r, "special_invoice_taxed") == ["国家税务总局公告2023年第1号 第四条"]
    full = small_scale_vat("80000", "2023-03-01", special_invoice_sales="30000", special_invoice_rate="full")
    assert (full.tax_due, full.special_invoice_rate) == (P("900.00"), P("0.03"))
    assert cites(full, "special_invoice_rate") == ["国家税务总局公告2023年第1号 第五条"]


def test_2026_under_the_start_point():
    r = small_scale_vat("99999.99", "2026-01-01", special_invoice_sales="10000")
    assert (r.exempt, r.exempt_sales, r.tax_due) == (False, P("89999.99"), P("100.00"))
    assert cites(r, "special_invoice_taxed") == ["国家税务总局公告2026年第4号 一"]
    full = small_scale_vat("99999.99", "2026-01-01", special_invoice_sales="10000", special_invoice_rate="full")
    assert full.tax_due == P("300.00")
    assert cites(full, "special_invoice_rate") == ["国家税务总局公告2026年第4号 四"]
    assert "放弃减税" in full.explain("zh")


def test_2026_whole_period_waived_equals_the_taxed_period():
    # giving up the exemption for all the sales: taxed as if the period had reached the 起征点
    waived = small_scale_vat("50000", "2026-03-01", special_invoice_sales="50000")
    assert (waived.exempt, waived.exempt_sales, waived.tax_due) == (False, P("0"), P("500.00"))


def test_2026_over_the_start_point_waiving_the_one_percent():
    # 150,000 taxed anyway: 130,000 × 1% + 20,000 × 3% = 1,300 + 600
    r = small_scale_vat("150000", "2026-03-01", special_invoice_sales="20000", special_invoice_rate="full")
    assert (r.taxable_sales, r.tax_due, r.special_invoice_tax) == (P("150000"), P("1900.00"), P("600.00"))
    assert small_scale_vat("150000", "2026-03-01", special_invoice_sales="20000").tax_due == P("1500.00")
    q = small_scale_vat("300000", "2026-04-01", period="quarter", special_invoice_sales="100000",
                        special_invoice_rate="full")
    assert q.tax_due == P("5000.00")  # 200,000 × 1% + 100,000 × 3%


def test_2022_exempt_sales_at_3pct_special_invoice_at_3pct():
    r = small_scale_vat("200000", "2022-06-01", special_invoice_sales="30000")
    assert (r.levy_rate, r.tax_due, r.special_invoice_rate) == (P("0"), P("900.00"), P("0.03"))
    assert cites(r, "special_invoice_rate") == ["国家税务总局公告2022年第6号 第一条"]


def test_2019_real_estate_carve_out_with_special_invoices():
    # 150,000 with 80,000 of immovable property: the other 70,000 within 10万 → exempt,
    # but 30,000 of it on special invoices: 900.00; immovable property 80,000 × 5% = 4,000
    r = small_scale_vat("150000", "2019-06-01", real_estate_sales="80000", special_invoice_sales="30000")
    assert (r.exempt_sales, r.tax_due, r.real_estate_tax, r.total_tax_due) == (
        P("40000"), P("900.00"), P("4000.00"), P("4900.00"))


def test_steps_say_why():
    r = small_scale_vat("80000", "2026-02-01", special_invoice_sales="30000")
    en = r.explain("en")
    assert "give up the exemption" in en
    assert "11. VAT due: 300.00 = ROUND(taxable_sales × levy_rate, 2)" in en  # one rate: rounded together
    full = small_scale_vat("80000", "2026-02-01", special_invoice_sales="30000", special_invoice_rate="full")
    assert full.step("tax_due").formula == ("ROUND((taxable_sales − special_invoice_sales) × levy_rate, 2) + "
                                            "special_invoice_tax")
    d = r.as_dict()
    assert d["special_invoice_sales"] == "30000"


# -- refusals --------------------------------------------------------------------------------

def test_refusals():
    with pytest.raises(InvalidInput, match="special_invoice_rate") as info:
        small_scale_vat("80000", "2021-03-01", special_invoice_sales="1", special_invoice_rate="full")
    assert "2020年第13号" in info.value.reason
    small_scale_vat("80000", "2021-03-01", special_invoice_sales="1")  # at the reduced 1%: answers
    with pytest.raises(OutsideCoverage):
        small_scale_vat("80000", "2018-12-01", special_invoice_sales="1", goods_sales="80000")
    with pytest.raises(OutsideCoverage):
        small_scale_vat("80000", "2012-12-01", special_invoice_sales="1", business="other")
    with pytest.raises(InvalidInput, match="special_invoice_sales"):
        small_scale_vat("80000", "2026-03-01", real_estate_sales="60000", special_invoice_sales="20000.01")
    with pytest.raises(InvalidInput, match="special_invoice_rate"):
        small_scale_vat("80000", "2026-03-01", special_invoice_rate="full")
    with pytest.raises(InvalidInput, match="special_invoice_rate"):
        small_scale_vat("80000", "2026-03-01", special_invoice_sales="1", special_invoice_rate="3%")
    with pytest.raises(InvalidInput, match="special_invoice_sales"):
        small_scale_vat("80000", "2026-03-01", special_invoice_sales="-1")
    with pytest.raises(InvalidInput, match="period"):
        small_scale_vat("800", "2026-03-01", period="day")


# -- property --------------------------------------------------------------------------------

MONTHS = [dt.date(2019, 6, 1), dt.date(2021, 5, 1), dt.date(2022, 6, 1), dt.date(2023, 3, 1),
          dt.date(2024, 7, 1), dt.date(2026, 1, 1), dt.date(2027, 12, 1)]
FULL_OK = [m for m in MONTHS if m != dt.date(2021, 5, 1)]


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 40_000_000), st.data())
def test_special_invoices_never_lower_the_tax_nor_pass_all_sales_at_3pct(fen, data):
    sales = P(fen) / 100
    special = P(data.draw(st.integers(0, fen))) / 100
    month = data.draw(st.sampled_from(MONTHS))
    rate = data.draw(st.sampled_from(["reduced", "full"] if month in FULL_OK and special else ["reduced"]))
    note(f"{sales=} {special=} {month=} {rate=}")
    without = small_scale_vat(sales, month)
    r = small_scale_vat(sales, month, special_invoice_sales=special, special_invoice_rate=rate)
    # one rate: the taxable sales are rounded together, so giving up the exemption never lowers the tax;
    # two rates (3% given up on the special invoices): each part is rounded apart, hence one fen of slack
    assert r.tax_due >= without.tax_due - (P("0.01") if rate == "full" else 0)
    cap = (sales * P("0.03")).quantize(P("0.01"), ROUND_HALF_UP) + P("0.01")
    assert r.tax_due <= cap
    assert r.exempt_sales + r.taxable_sales == sales


# -- the registry input --------------------------------------------------------------------

def test_registry_accepts_the_new_inputs():
    rule = rules.get("vat.small_scale_vat")
    r = rule.compute({"sales": "800", "period_start": "2026-03-17", "period": "transaction"})
    assert r.exempt
    r = rule.compute({"sales": "80000", "period_start": "2026-03-01", "special_invoice_sales": "30000",
                      "special_invoice_rate": "full"})
    assert r.tax_due == P("900.00")
    props = json_schema(rule.load().input)["properties"]
    assert {"special_invoice_sales", "special_invoice_rate"} <= set(props)
    assert "transaction" in json.dumps(props["period"])
    with pytest.raises(InputProblems, match="special_invoice_rate"):
        rule.compute({"sales": "1", "period_start": "2026-03-01", "special_invoice_rate": "half"})


def test_a_fen_rounded_apart_does_not_lower_the_tax_at_one_rate():
    # found by the property: 325,452.50 sales, of which 0.50 on a special invoice, in 2023 at 1%:
    # rounded apart, 3,254.52 + 0.01 would be one fen less than 3,254.53 on all the sales together
    without = small_scale_vat("325452.50", "2023-03-01")
    r = small_scale_vat("325452.50", "2023-03-01", special_invoice_sales="0.50")
    assert r.tax_due == without.tax_due == P("3254.53")
    assert r.step("tax_due").formula == "ROUND(taxable_sales × levy_rate, 2)"

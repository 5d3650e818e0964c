"""免退 (exempt and refund): the whole result and every step (label, value, formula,
citation, return-form line) of the main paths — rates given with the invoice cap, a
customs base with the collection-rate cap, a rate looked up in a catalogue during the
2018 transition, a line under the 2026 method — then rounding, the refusals and the
fields they name.  Golden figures checked against 财税〔2012〕39号 第三条第（二）项 and
第五条第（二）项 (refund = base × rebate rate, the lower of the rates).

What each case must show is kept in ``golden/export_exempt_refund.json`` (see ``_golden.py``)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import rows

from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.export import Catalogue, PurchaseLine, exempt_refund
from taxcalc.law import default

CATALOGUE = Catalogue.from_rows([{'citation': 'row A',
  'code': '9901000010',
  'first': '2015-01-01',
  'last': '2018-04-30',
  'levy': '17%',
  'rate': '17%'}], source="kill")


CASES = {
    'customs_collection': [{'amount': '1234.56',
                            'basis': 'customs',
                            'export_date': '2019-07-01',
                            'purchase_vat_rate': '13%',
                            'rebate_rate': '13%',
                            'supplier_collection_rate': '3%'}],
    'from_2026': [{'amount': '1000',
                   'export_date': '2026-01-01',
                   'purchase_vat_rate': '9%',
                   'rebate_rate': '13%',
                   'supplier_collection_rate': '10%'}],
    'given': [{'amount': '100000',
               'export_date': '2019-06-30',
               'purchase_vat_rate': '16%',
               'rebate_rate': '16%'},
              {'amount': '50000',
               'export_date': '2019-07-01',
               'purchase_vat_rate': '3%',
               'rebate_rate': '13%'}],
    'looked_up': [{'amount': '1000',
                   'code': '9901000010',
                   'export_date': '2018-07-31',
                   'purchase_vat_rate': '17%'}],
}
GOLDEN = Golden("export_exempt_refund", CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    r = exempt_refund(CASES[case], catalogue=CATALOGUE, law=default().with_values({}))
    GOLDEN.check(case, total=r.total,
                 lines=[(ln.index, ln.amount, ln.rate, ln.refund, ln.rate_detail is not None, rows(ln.steps))
                        for ln in r.lines],
                 steps=rows(r.steps))


def test_each_line_rounds_half_up_and_the_total_adds_the_rounded_lines():
    # 0.50 × 9% = 0.045 → 0.05 per line; 0.49 × 9% = 0.0441 → 0.04
    r = exempt_refund([PurchaseLine("0.50", "9%", "2019-07-01", rebate_rate="9%")] * 3
                      + [PurchaseLine("0.49", "9%", "2019-07-01", rebate_rate="9%")])
    assert [ln.refund for ln in r.lines] == [Decimal("0.05")] * 3 + [Decimal("0.04")]
    assert r.total == Decimal("0.19")


def test_a_cap_equal_to_the_rate_changes_nothing():
    r = exempt_refund([PurchaseLine("100", "13%", "2019-07-01", rebate_rate="13%", supplier_collection_rate="13%")])
    assert [s.name for s in r.lines[0].steps] == ["base", "rebate_rate", "refund"]


@pytest.mark.parametrize(
    ("lines", "kwargs", "message"),
    [
        (PurchaseLine("1", "13%", "2019-07-01", rebate_rate="13%"), {}, "lines: must be a sequence of purchase lines"),
        ({"amount": "1"}, {}, "lines: must be a sequence of purchase lines"),
        (5, {}, "lines: must be a sequence of purchase lines"),
        ([], {}, "lines: at least one purchase line is needed"),
        ([{"amount": "1", "purchase_vat_rate": "13%", "export_date": "2019-07-01", "code": "9901000010"}], {},
         "catalogue: needed to look up the rate of a line given by product code"),
        ([{"amount": "1", "purchase_vat_rate": "16%", "export_date": "2018-07-31", "code": "9901000010",
           "levy_rate": "17%"}], {"catalogue": CATALOGUE},
         "lines[0].levy_rate: 17% is not a VAT rate on 2018-07-31: 财税〔2018〕32号 第一条 changed it to 16% from "
         "2018-05-01"),
    ],
)
def test_a_refusal_names_the_field_and_says_why(lines, kwargs, message):
    with pytest.raises(InvalidInput) as info:
        exempt_refund(lines, **kwargs)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"amount": "1.005"}, "amount: must be in yuan and fen (at most 2 decimals), got 1.005"),
        ({"rebate_rate": None}, "rebate_rate: give the rebate rate, or a product code to look it up"),
        ({"code": "9901000010"}, "code: give either the rebate rate or a product code, not both"),
        ({"export_date": "2019-02-30"}, "export_date: "),
        ({"purchase_vat_rate": "-1%"}, "purchase_vat_rate: "),
        ({"levy_rate": "-1%"}, "levy_rate: "),
        ({"supplier_collection_rate": "-1%"}, "supplier_collection_rate: "),
    ],
)
def test_a_purchase_line_refuses_bad_values_naming_the_field(kwargs, message):
    args = {"amount": "1", "purchase_vat_rate": "13%", "export_date": "2019-07-01", "rebate_rate": "13%", **kwargs}
    with pytest.raises(InvalidInput) as info:
        PurchaseLine(**args)
    assert str(info.value).startswith(message)


def test_a_purchase_line_keeps_checked_values():
    p = PurchaseLine("100.5", "13%", "2019-07-01", rebate_rate="0.13", levy_rate="13%",
                     supplier_collection_rate="3%")
    assert (p.amount, p.purchase_vat_rate, p.export_date, p.rebate_rate, p.levy_rate,
            p.supplier_collection_rate, p.basis) == (
        Decimal("100.5"), Decimal("0.13"), datetime.date(2019, 7, 1), Decimal("0.13"), Decimal("0.13"),
        Decimal("0.03"), "invoice")
    with pytest.raises(UnknownCategory) as info:
        PurchaseLine("1", "13%", "2019-07-01", rebate_rate="13%", basis="receipt")
    assert str(info.value).startswith("basis: unknown value 'receipt'")


@pytest.mark.parametrize("field", ["purchase_vat_rate", "rebate_rate", "levy_rate", "supplier_collection_rate"])
def test_no_rate_of_a_line_is_above_17_percent(field):
    args = {"amount": "1", "purchase_vat_rate": "13%", "export_date": "2019-07-01", "rebate_rate": "13%",
            field: "17.01%"}
    with pytest.raises(InvalidInput) as info:
        PurchaseLine(**args)
    assert str(info.value).startswith(f"{field}: ")
    assert PurchaseLine(**{**args, field: "17%"}) is not None


def test_a_looked_up_rate_takes_the_collection_cap_and_the_law_given():
    line = {"amount": "1000", "purchase_vat_rate": "13%", "code": "9901000010", "export_date": "2019-08-01",
            "supplier_collection_rate": "3%"}
    r = exempt_refund([line], catalogue=CATALOGUE)
    assert (r.lines[0].rate, r.total) == (Decimal("0.03"), Decimal("30.00"))
    assert r.lines[0].rate_detail is not None and r.lines[0].rate_detail.step("collection_cap").value == Decimal("0.03")
    what_if = default().with_values({"export.tier_2019_04.rebate_16": "12%"})
    r = exempt_refund([{**line, "supplier_collection_rate": None}], catalogue=CATALOGUE, law=what_if)
    assert r.lines[0].rate == Decimal("0.12")


def test_the_amount_check_ignores_a_hostile_ambient_context():
    import decimal

    hostile = decimal.Context(prec=3, rounding=decimal.ROUND_FLOOR, traps=list(decimal.Context().flags))
    with decimal.localcontext(hostile):
        line = PurchaseLine("123456.78", "13%", "2019-07-01", rebate_rate="13%")
    assert line.amount == Decimal("123456.78")

"""免退: per purchase line, the transitions on the day and the day after, caps and rounding."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.errors import InvalidInput, NotMoney, OutsideCoverage, UnknownCategory
from taxcalc.export import Catalogue, PurchaseLine, exempt_refund

CAT = Catalogue.from_rows([
    {"code": "99010000", "rate": "17%", "levy": "17%", "first": "2015-01-01", "last": "2018-04-30", "citation": "t"},
    {"code": "99010000", "rate": "16%", "levy": "16%", "first": "2018-05-01", "last": "2019-03-31", "citation": "t"},
    {"code": "99010000", "rate": "13%", "levy": "13%", "first": "2019-04-01", "last": "open", "citation": "t"},
    {"code": "99020000", "rate": "11%", "levy": "11%", "first": "2015-01-01", "last": "2018-04-30", "citation": "t"},
], source="test")


def one(**kw) -> Decimal:
    return exempt_refund([PurchaseLine(**kw)], catalogue=CAT).total


def test_refund_is_the_purchase_amount_times_the_rebate_rate():
    r = exempt_refund([
        PurchaseLine(amount="200000", purchase_vat_rate="13%", rebate_rate="13%", export_date="2019-08-01"),
        PurchaseLine(amount="80000", purchase_vat_rate="9%", rebate_rate="9%", export_date="2019-08-01",
                     basis="customs"),
    ])
    assert [ln.refund for ln in r.lines] == [Decimal("26000.00"), Decimal("7200.00")]
    assert r.total == Decimal("33200.00")
    assert "海关进口增值税专用缴款书" in r.lines[1].explain()
    assert "财税〔2012〕39号 第五条第（二）项" in r.explain()


@pytest.mark.parametrize(
    ("day", "invoice", "expected"),
    [
        ("2019-06-30", "16%", "16000.00"),   # last day of the transition, bought at the old rate
        ("2019-06-30", "13%", "13000.00"),   # bought at the new rate
        ("2019-07-01", "16%", "13000.00"),   # the day after: the new rate whatever the invoice
        ("2019-07-01", "13%", "13000.00"),
        ("2019-03-31", "16%", "16000.00"),   # the day before the cut
        ("2018-07-31", "17%", "17000.00"),   # 2018: last day of the transition, bought at 17%
        ("2018-07-31", "16%", "16000.00"),
        ("2018-08-01", "17%", "16000.00"),   # the day after
    ],
)
def test_transitions_on_the_day_and_the_day_after(day, invoice, expected):
    assert one(amount="100000", purchase_vat_rate=invoice, code="99010000", export_date=day) == Decimal(expected)


def test_low_rate_goods_2018_transition():
    assert one(amount="100000", purchase_vat_rate="11%", code="99020000", export_date="2018-07-31") == Decimal("11000.00")
    assert one(amount="100000", purchase_vat_rate="11%", code="99020000", export_date="2018-08-01") == Decimal("10000.00")
    assert one(amount="100000", purchase_vat_rate="10%", code="99020000", export_date="2018-07-31") == Decimal("10000.00")


def test_small_scale_seller_collection_rate():
    # 3% special invoice from a small-scale seller: the rebate rate is 3% (孰低)
    assert one(amount="100000", purchase_vat_rate="3%", supplier_collection_rate="3%",
               code="99010000", export_date="2019-08-01") == Decimal("3000.00")
    r = exempt_refund([PurchaseLine(amount="100000", purchase_vat_rate="1%", rebate_rate="13%",
                                    supplier_collection_rate="1%", export_date="2020-06-01")])
    assert r.total == Decimal("1000.00") and "第三条第（二）项" in r.lines[0].explain()


def test_rounding_half_up_per_line_and_total_of_rounded_lines():
    r = exempt_refund([
        PurchaseLine(amount="0.05", purchase_vat_rate="13%", rebate_rate="13%", export_date="2019-08-01"),
        PurchaseLine(amount="0.05", purchase_vat_rate="13%", rebate_rate="13%", export_date="2019-08-01"),
        PurchaseLine(amount="333.33", purchase_vat_rate="13%", rebate_rate="13%", export_date="2019-08-01"),
    ])
    assert [ln.refund for ln in r.lines] == [Decimal("0.01"), Decimal("0.01"), Decimal("43.33")]
    assert r.total == Decimal("43.35")


def test_mapping_lines_and_looked_up_detail():
    r = exempt_refund([{"amount": "100", "purchase_vat_rate": "16%", "code": "9901000011",
                        "export_date": "2019-05-01"}], catalogue=CAT)
    ln = r.lines[0]
    assert ln.rate == Decimal("0.16") and ln.rate_detail is not None and ln.rate_detail.transition
    assert ln.as_dict()["rate_detail"]["exporter"] == "trader"


@pytest.mark.parametrize(
    ("lines", "catalogue", "field"),
    [
        ([{"amount": "1", "purchase_vat_rate": "13%", "export_date": "2019-08-01"}], None, "lines[0].rebate_rate"),
        ([{"amount": "1", "purchase_vat_rate": "13%", "export_date": "2019-08-01", "rebate_rate": "13%",
           "code": "99010000"}], CAT, "lines[0].code"),
        ([{"amount": "1", "purchase_vat_rate": "13%", "export_date": "2019-08-01", "code": "99010000"}], None, "catalogue"),
        ([{"amount": 1.0, "purchase_vat_rate": "13%", "export_date": "2019-08-01", "rebate_rate": "13%"}], None, "lines[0].amount"),
        ([{"amount": "1.001", "purchase_vat_rate": "13%", "export_date": "2019-08-01", "rebate_rate": "13%"}], None, "lines[0].amount"),
        ([{"amount": "1", "purchase_vat_rate": "13%", "export_date": "2019-08-01", "rebate_rate": "13%",
           "basis": "receipt"}], None, "lines[0].basis"),
        ([{"amount": "1", "purchase_vat_rate": "13%", "export_date": "2019-08-01", "rate": "13%"}], None, "lines[0]"),
        ([], None, "lines"),
        ([{"amount": "1", "purchase_vat_rate": "16%", "export_date": "2019-06-01", "code": "99010000"}], CAT, None),
    ],
)
def test_bad_lines_name_the_field(lines, catalogue, field):
    if field is None:   # a valid line, for contrast
        assert exempt_refund(lines, catalogue=catalogue).total == Decimal("0.16")
        return
    with pytest.raises((InvalidInput, NotMoney, UnknownCategory)) as info:
        exempt_refund(lines, catalogue=catalogue)
    assert info.value.field == field


def test_outside_coverage():
    with pytest.raises(OutsideCoverage, match="export.method.exempt_refund"):
        exempt_refund([PurchaseLine(amount="1", purchase_vat_rate="13%", rebate_rate="13%", export_date="2001-12-31")])


ELEVEN = "财政部 税务总局公告2026年第11号 （条次未核实）"


@pytest.mark.parametrize(
    ("day", "method", "cap"),
    [
        ("2025-12-31", "财税〔2012〕39号 第五条第（二）项", "财税〔2012〕39号 第三条第（二）项"),
        ("2026-01-01", ELEVEN, ELEVEN),
    ],
)
def test_the_2026_switch_keeps_the_formula_and_the_cap_and_changes_the_citation(day, method, cap):
    r = exempt_refund([PurchaseLine(amount="100000", purchase_vat_rate="3%", rebate_rate="13%", export_date=day)])
    assert r.total == Decimal("3000.00")   # a 3% invoice caps the refund at 3% (孰低), before and after
    steps = {s.name: s for s in r.lines[0].steps}
    assert [str(c) for c in steps["refund"].cite] == [method]
    assert [str(c) for c in steps["invoice_cap"].cite] == [cap]


def test_lines_either_side_of_the_switch_each_cite_their_own_method():
    r = exempt_refund([
        PurchaseLine(amount="1000", purchase_vat_rate="13%", rebate_rate="13%", export_date="2025-12-31"),
        PurchaseLine(amount="1000", purchase_vat_rate="13%", rebate_rate="13%", export_date="2026-01-01"),
    ])
    assert r.total == Decimal("260.00")
    assert [str(s.cite[0]) for s in r.steps[:2]] == ["财税〔2012〕39号 第五条第（二）项", ELEVEN]


def test_results_ignore_a_hostile_ambient_context():
    lines = [PurchaseLine(amount="123456.78", purchase_vat_rate="16%", code="99010000", export_date="2019-05-01"),
             PurchaseLine(amount="98765.43", purchase_vat_rate="9%", rebate_rate="9%", export_date="2019-05-01")]
    expected = exempt_refund(lines, catalogue=CAT)
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        got = exempt_refund(lines, catalogue=CAT)
    assert got == expected


@given(st.lists(st.tuples(st.integers(0, 10**10), st.sampled_from(["1%", "3%", "9%", "10%", "13%", "16%"]),
                          st.sampled_from(["0%", "6%", "9%", "10%", "13%", "16%"])), min_size=1, max_size=5))
def test_refund_never_exceeds_the_vat_on_the_invoice_and_totals_add_up(items):
    lines = [PurchaseLine(amount=Decimal(a) / 100, purchase_vat_rate=inv, rebate_rate=reb, export_date="2019-08-01")
             for a, inv, reb in items]
    r = exempt_refund(lines)
    assert r.total == sum((ln.refund for ln in r.lines), Decimal(0))
    for ln, p in zip(r.lines, lines, strict=True):
        assert Decimal(0) <= ln.refund
        assert ln.rate <= p.purchase_vat_rate and ln.rate <= p.rebate_rate
        assert abs(ln.refund - ln.amount * ln.rate) <= Decimal("0.005")


def test_a_mapping_line_missing_fields_names_them():
    with pytest.raises(InvalidInput, match=r"^lines\[0\]\.purchase_vat_rate: missing \(required\) \(also missing: export_date\)$"):
        exempt_refund([{"amount": "1"}])

"""免退 (exempt and refund): the whole result and every step (label, value, formula,
citation, return-form line) of the main paths — rates given with the invoice cap, a
customs base with the collection-rate cap, a rate looked up in a catalogue during the
2018 transition, a line under the 2026 method — then rounding, the refusals and the
fields they name.  Golden figures checked against 财税〔2012〕39号 第三条第（二）项 and
第五条第（二）项 (refund = base × rebate rate, the lower of the rates)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
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


EXPECTED = {
    'given': (
        [{'amount': '100000', 'export_date': '2019-06-30', 'purchase_vat_rate': '16%', 'rebate_rate': '16%'},
         {'amount': '50000', 'export_date': '2019-07-01', 'purchase_vat_rate': '3%', 'rebate_rate': '13%'}],
        Decimal('17500.00'),
        [(0,
          Decimal('100000'),
          Decimal('0.16'),
          Decimal('16000.00'),
          False,
          [('base',
            '退（免）税计税依据：增值税专用发票注明的金额',
            'base: amount on the special VAT invoice',
            Decimal('100000'),
            'yuan',
            '',
            '',
            ('财税〔2012〕39号 第五条第（二）项',),
            '《外贸企业出口退税进货明细申报表》'),
           ('rebate_rate',
            '出口退税率（给定）',
            'rebate rate (given)',
            Decimal('0.16'),
            'rate',
            '',
            '',
            (),
            '《外贸企业出口退税进货明细申报表》'),
           ('refund',
            '增值税应退税额',
            'VAT refund of the line',
            Decimal('16000.00'),
            'yuan',
            '100000 × 16%',
            '',
            ('财税〔2012〕39号 第五条第（二）项',),
            '《外贸企业出口退税进货明细申报表》')]),
         (1,
          Decimal('50000'),
          Decimal('0.03'),
          Decimal('1500.00'),
          False,
          [('base',
            '退（免）税计税依据：增值税专用发票注明的金额',
            'base: amount on the special VAT invoice',
            Decimal('50000'),
            'yuan',
            '',
            '',
            ('财税〔2012〕39号 第五条第（二）项',),
            '《外贸企业出口退税进货明细申报表》'),
           ('rebate_rate',
            '出口退税率（给定）',
            'rebate rate (given)',
            Decimal('0.13'),
            'rate',
            '',
            '',
            (),
            '《外贸企业出口退税进货明细申报表》'),
           ('invoice_cap',
            '专用发票税率与出口退税率孰低',
            'the lower of the invoice rate and the rebate rate',
            Decimal('0.03'),
            'rate',
            'min(rate, 3%)',
            'min(退税率, 3%)',
            ('财税〔2012〕39号 第三条第（二）项',),
            ''),
           ('refund',
            '增值税应退税额',
            'VAT refund of the line',
            Decimal('1500.00'),
            'yuan',
            '50000 × 3%',
            '',
            ('财税〔2012〕39号 第五条第（二）项',),
            '《外贸企业出口退税进货明细申报表》')])],
        [('refund[0]',
          '第1行应退税额',
          'refund of line 1',
          Decimal('16000.00'),
          'yuan',
          '100000 × 16%',
          '',
          ('财税〔2012〕39号 第五条第（二）项',),
          '《外贸企业出口退税进货明细申报表》'),
         ('refund[1]',
          '第2行应退税额',
          'refund of line 2',
          Decimal('1500.00'),
          'yuan',
          '50000 × 3%',
          '',
          ('财税〔2012〕39号 第五条第（二）项',),
          '《外贸企业出口退税进货明细申报表》'),
         ('total',
          '增值税应退税额合计',
          'total VAT refund',
          Decimal('17500.00'),
          'yuan',
          'Σ refund of each line',
          'Σ 各行应退税额',
          ('财税〔2012〕39号 第五条第（二）项',),
          '《外贸企业出口退税进货明细申报表》')],
    ),
    'customs_collection': (
        [{'amount': '1234.56',
          'basis': 'customs',
          'export_date': '2019-07-01',
          'purchase_vat_rate': '13%',
          'rebate_rate': '13%',
          'supplier_collection_rate': '3%'}],
        Decimal('37.04'),
        [(0,
          Decimal('1234.56'),
          Decimal('0.03'),
          Decimal('37.04'),
          False,
          [('base',
            '退（免）税计税依据：海关进口增值税专用缴款书注明的完税价格',
            'base: taxable value on the customs payment certificate',
            Decimal('1234.56'),
            'yuan',
            '',
            '',
            ('财税〔2012〕39号 第五条第（二）项',),
            '《外贸企业出口退税进货明细申报表》'),
           ('rebate_rate',
            '出口退税率（给定）',
            'rebate rate (given)',
            Decimal('0.13'),
            'rate',
            '',
            '',
            (),
            '《外贸企业出口退税进货明细申报表》'),
           ('collection_cap',
            '从小规模纳税人购进：退税率为其征收率（孰低）',
            'bought from a small-scale seller: at most its collection rate',
            Decimal('0.03'),
            'rate',
            'min(rate, 3%)',
            'min(退税率, 3%)',
            ('财税〔2012〕39号 第三条第（二）项',),
            ''),
           ('refund',
            '增值税应退税额',
            'VAT refund of the line',
            Decimal('37.04'),
            'yuan',
            '1234.56 × 3%',
            '',
            ('财税〔2012〕39号 第五条第（二）项',),
            '《外贸企业出口退税进货明细申报表》')])],
        [('refund[0]',
          '第1行应退税额',
          'refund of line 1',
          Decimal('37.04'),
          'yuan',
          '1234.56 × 3%',
          '',
          ('财税〔2012〕39号 第五条第（二）项',),
          '《外贸企业出口退税进货明细申报表》'),
         ('total',
          '增值税应退税额合计',
          'total VAT refund',
          Decimal('37.04'),
          'yuan',
          'Σ refund of each line',
          'Σ 各行应退税额',
          ('财税〔2012〕39号 第五条第（二）项',),
          '《外贸企业出口退税进货明细申报表》')],
    ),
    'looked_up': (
        [{'amount': '1000', 'code': '9901000010', 'export_date': '2018-07-31', 'purchase_vat_rate': '17%'}],
        Decimal('170.00'),
        [(0,
          Decimal('1000'),
          Decimal('0.17'),
          Decimal('170.00'),
          True,
          [('base',
            '退（免）税计税依据：增值税专用发票注明的金额',
            'base: amount on the special VAT invoice',
            Decimal('1000'),
            'yuan',
            '',
            '',
            ('财税〔2012〕39号 第五条第（二）项',),
            '《外贸企业出口退税进货明细申报表》'),
           ('export_date',
            '出口日期（出口货物报关单上注明的出口日期）',
            'export date (on the customs declaration)',
            datetime.date(2018, 7, 31),
            'date',
            '',
            '',
            ('财税〔2012〕39号 第三条第（一）项',),
            ''),
           ('base_rate',
            '2018-04-30文库（目录）所列出口退税率',
            'rebate rate in the catalogue on 2018-04-30',
            Decimal('0.17'),
            'rate',
            '9901000010 2015-01-01 – 2018-04-30',
            '',
            ('catalogue kill, row 1 (row A)',),
            ''),
           ('switch_2018-05-01',
            '2018-05-01起调整出口退税率',
            'from 2018-05-01: general rebate-rate rule',
            Decimal('0.16'),
            'rate',
            '17% → 16% (levy rate = rebate rate = 17%)',
            '17% → 16%（征税率=退税率=17%）',
            ('财税〔2018〕32号 第四条',),
            ''),
           ('library_rate',
            '文库出口退税率（按一般规则推定）',
            'rebate rate derived by the general rules',
            Decimal('0.16'),
            'rate',
            'row 1 17% carried to 2018-07-31',
            '第1行 17% 推至 2018-07-31',
            (),
            ''),
           ('old_rate',
            '调整前（2018-04-30）出口退税率',
            'rebate rate before the cut (2018-04-30)',
            Decimal('0.17'),
            'rate',
            '',
            '',
            ('catalogue kill, row 1 (row A)',),
            ''),
           ('transition',
            '过渡期（至2018-07-31）：外贸企业购进时按17%征税，执行调整前的出口退税率',
            'transition (to 2018-07-31): the trader paid 17% on purchase, so the old rebate rate applies',
            Decimal('0.17'),
            'rate',
            'purchase 17% = old levy 17%',
            '购进征税率 17% = 调整前征税率 17%',
            ('财税〔2018〕32号 第五条',),
            ''),
           ('rebate_rate', '适用的出口退税率', 'rebate rate that applies', Decimal('0.17'), 'rate', '', '', (), ''),
           ('refund',
            '增值税应退税额',
            'VAT refund of the line',
            Decimal('170.00'),
            'yuan',
            '1000 × 17%',
            '',
            ('财税〔2012〕39号 第五条第（二）项',),
            '《外贸企业出口退税进货明细申报表》')])],
        [('refund[0]',
          '第1行应退税额',
          'refund of line 1',
          Decimal('170.00'),
          'yuan',
          '1000 × 17%',
          '',
          ('财税〔2012〕39号 第五条第（二）项',),
          '《外贸企业出口退税进货明细申报表》'),
         ('total',
          '增值税应退税额合计',
          'total VAT refund',
          Decimal('170.00'),
          'yuan',
          'Σ refund of each line',
          'Σ 各行应退税额',
          ('财税〔2012〕39号 第五条第（二）项',),
          '《外贸企业出口退税进货明细申报表》')],
    ),
    'from_2026': (
        [{'amount': '1000',
          'export_date': '2026-01-01',
          'purchase_vat_rate': '9%',
          'rebate_rate': '13%',
          'supplier_collection_rate': '10%'}],
        Decimal('90.00'),
        [(0,
          Decimal('1000'),
          Decimal('0.09'),
          Decimal('90.00'),
          False,
          [('base',
            '退（免）税计税依据：增值税专用发票注明的金额',
            'base: amount on the special VAT invoice',
            Decimal('1000'),
            'yuan',
            '',
            '',
            ('财政部 税务总局公告2026年第11号 （条次未核实）',),
            '《外贸企业出口退税进货明细申报表》'),
           ('rebate_rate',
            '出口退税率（给定）',
            'rebate rate (given)',
            Decimal('0.13'),
            'rate',
            '',
            '',
            (),
            '《外贸企业出口退税进货明细申报表》'),
           ('collection_cap',
            '从小规模纳税人购进：退税率为其征收率（孰低）',
            'bought from a small-scale seller: at most its collection rate',
            Decimal('0.1'),
            'rate',
            'min(rate, 10%)',
            'min(退税率, 10%)',
            ('财政部 税务总局公告2026年第11号 （条次未核实）',),
            ''),
           ('invoice_cap',
            '专用发票税率与出口退税率孰低',
            'the lower of the invoice rate and the rebate rate',
            Decimal('0.09'),
            'rate',
            'min(rate, 9%)',
            'min(退税率, 9%)',
            ('财政部 税务总局公告2026年第11号 （条次未核实）',),
            ''),
           ('refund',
            '增值税应退税额',
            'VAT refund of the line',
            Decimal('90.00'),
            'yuan',
            '1000 × 9%',
            '',
            ('财政部 税务总局公告2026年第11号 （条次未核实）',),
            '《外贸企业出口退税进货明细申报表》')])],
        [('refund[0]',
          '第1行应退税额',
          'refund of line 1',
          Decimal('90.00'),
          'yuan',
          '1000 × 9%',
          '',
          ('财政部 税务总局公告2026年第11号 （条次未核实）',),
          '《外贸企业出口退税进货明细申报表》'),
         ('total',
          '增值税应退税额合计',
          'total VAT refund',
          Decimal('90.00'),
          'yuan',
          'Σ refund of each line',
          'Σ 各行应退税额',
          ('财政部 税务总局公告2026年第11号 （条次未核实）',),
          '《外贸企业出口退税进货明细申报表》')],
    ),
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_the_result_and_every_step(case):
    lines, total, expected_lines, summary = EXPECTED[case]
    r = exempt_refund(lines, catalogue=CATALOGUE, law=default().with_values({}))
    assert r.total == total
    assert [(ln.index, ln.amount, ln.rate, ln.refund, ln.rate_detail is not None, rows(ln.steps))
            for ln in r.lines] == expected_lines
    assert rows(r.steps) == summary


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

"""Agricultural-product deduction: every step of both rates (ordinary and for top-rate
goods) with its citation, half-up rounding at the half fen, the days and flag the
result keeps, the law given and the fields each refusal names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from kill_helpers import rows

from taxcalc.errors import InvalidInput
from taxcalc.law import default
from taxcalc.vat import agricultural_deduction_rate, agricultural_input_tax

P = Decimal
NOTICE_39 = "财政部 税务总局 海关总署公告2019年第39号 第二条"
PRICE = ("purchase_price", "买价", "purchase price (买价)", P("10000"), "yuan", "", "", (), "")


def tax_row(value: str) -> tuple[object, ...]:
    return ("input_tax", "进项税额", "input VAT (进项税额)", P(value), "yuan", "ROUND(purchase_price × rate, 2)",
            "ROUND(买价 × 扣除率, 2)", (), "")


def test_the_ordinary_deduction_steps():
    t = agricultural_input_tax("10000", "2019-04-01")
    assert (t.purchase_price, t.on, t.for_top_rate_goods, t.rate, t.input_tax) == (
        P("10000"), dt.date(2019, 4, 1), False, P("0.09"), P("900.00"))
    assert rows(t.steps) == [
        PRICE,
        ("rate", "农产品扣除率", "Agricultural-product deduction rate", P("0.09"), "rate", "", "", (NOTICE_39,), ""),
        tax_row("900.00"),
    ]


def test_the_top_rate_goods_deduction_steps():
    t = agricultural_input_tax("10000", "2019-04-01", for_top_rate_goods=True)
    assert (t.for_top_rate_goods, t.rate, t.input_tax) == (True, P("0.10"), P("1000.00"))
    assert rows(t.steps) == [
        PRICE,
        ("rate", "农产品扣除率（用于生产或者委托加工最高税率货物）",
         "Agricultural-product deduction rate for produce used to make, or have processed, goods at the top rate",
         P("0.10"), "rate", "", "", (NOTICE_39,), ""),
        tax_row("1000.00"),
    ]


@pytest.mark.parametrize(("top", "rate", "cite"), [
    (False, "0.10", "财税〔2018〕32号 第二条"), (True, "0.12", "财税〔2018〕32号 第三条")])
def test_the_rate_alone_keeps_day_flag_and_citation(top, rate, cite):
    r = agricultural_deduction_rate("2018-05-01", for_top_rate_goods=top)
    assert (r.on, r.for_top_rate_goods, r.rate) == (dt.date(2018, 5, 1), top, P(rate))
    assert [(s.name, s.value, str(s.cite[0])) for s in r.steps] == [("rate", P(rate), cite)]


def test_half_a_fen_rounds_up():
    # 0.50 × 9% = 0.045 → 0.05; 0.49 × 9% = 0.0441 → 0.04
    assert agricultural_input_tax("0.50", "2019-04-01").input_tax == P("0.05")
    assert agricultural_input_tax("0.49", "2019-04-01").input_tax == P("0.04")


def test_the_law_given_is_the_one_read():
    what_if = default().with_values({"vat.agri.deduction_rate": "8%",
                                     "vat.agri.deduction_rate_top_rate_goods": "11%"})
    assert agricultural_deduction_rate("2019-04-01", law=what_if).rate == P("0.08")
    assert agricultural_deduction_rate("2019-04-01", for_top_rate_goods=True, law=what_if).rate == P("0.11")
    assert agricultural_input_tax("100", "2019-04-01", law=what_if).input_tax == P("8.00")


@pytest.mark.parametrize(
    ("call", "field"),
    [(lambda: agricultural_deduction_rate("2019-02-30"), "on"),
     (lambda: agricultural_deduction_rate("2019-04-01", for_top_rate_goods="yes"), "for_top_rate_goods"),
     (lambda: agricultural_input_tax("-1", "2019-04-01"), "purchase_price"),
     (lambda: agricultural_input_tax("1", "2019-02-30"), "on"),
     (lambda: agricultural_input_tax("1", "2019-04-01", for_top_rate_goods=1), "for_top_rate_goods")],
)
def test_each_refusal_names_its_field(call, field):
    with pytest.raises(InvalidInput) as info:
        call()
    assert str(info.value).startswith(f"{field}: ")

"""Invoice lines: every step of both ways of writing a line (label, value, unit,
formula in both languages, citation), the fields named by each refusal, and the law given."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from kill_helpers import rows

from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.law import default
from taxcalc.vat import add_tax, invoice_line, split_gross

P = Decimal
RATE_2019 = ("rate", "增值税税率：销售或进口货物、加工修理修配劳务（基本税率）",
             "VAT rate: goods, imports, processing and repair services (standard band)",
             P("0.13"), "rate", "", "", ("财政部 税务总局 海关总署公告2019年第39号 第一条",), "")


def test_a_tax_inclusive_line_shows_rate_net_and_tax():
    line = invoice_line("1130", "standard", "2019-04-01")
    assert (line.band, line.on, line.rate) == ("standard", dt.date(2019, 4, 1), P("0.13"))
    assert rows(line.steps) == [
        RATE_2019,
        ("net", "金额（不含税）", "net amount (金额)", P("1000.00"), "yuan",
         "ROUND(gross ÷ (1 + rate), 2)", "ROUND(价税合计 ÷ (1 + 税率), 2)", (), ""),
        ("tax", "税额", "VAT (税额)", P("130.00"), "yuan", "gross − net", "价税合计 − 金额", (), ""),
    ]


def test_a_tax_exclusive_line_shows_rate_tax_and_gross():
    line = invoice_line("1000", "standard", "2019-04-01", tax_inclusive=False)
    assert (line.net, line.tax, line.gross) == (P("1000.00"), P("130.00"), P("1130.00"))
    assert rows(line.steps) == [
        RATE_2019,
        ("tax", "税额", "VAT (税额)", P("130.00"), "yuan", "ROUND(net × rate, 2)", "ROUND(金额 × 税率, 2)",
         (), ""),
        ("gross", "价税合计", "amount with VAT (价税合计)", P("1130.00"), "yuan", "net + tax", "金额 + 税额",
         (), ""),
    ]


def test_the_law_given_is_the_one_read():
    what_if = default().with_values({"vat.rate.standard": "15%"})
    line = invoice_line("1150", "standard", "2019-04-01", law=what_if)
    assert (line.rate, line.net, line.tax) == (P("0.15"), P("1000.00"), P("150.00"))
    assert str(line.steps[0].cite[0]) == "假设 what-if vat.rate.standard = 15%"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: add_tax("-1", "13%"), "net"),
        (lambda: add_tax("1", "-13%"), "rate"),
        (lambda: split_gross("-1", "13%"), "gross"),
        (lambda: split_gross("1", "-13%"), "rate"),
        (lambda: invoice_line("1", "standard", "2019-13-01"), "on"),
        (lambda: invoice_line("1", "standard", "2019-04-01", tax_inclusive=1), "tax_inclusive"),
    ],
)
def test_each_refusal_names_its_field(call, field):
    with pytest.raises(InvalidInput) as info:
        call()
    assert str(info.value).startswith(f"{field}: ")


def test_a_float_rate_is_refused_naming_the_rate():
    with pytest.raises(NotMoney, match="^rate: "):
        add_tax("1", 0.13)

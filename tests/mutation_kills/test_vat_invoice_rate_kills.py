"""The rate on an invoice issued after a rate change: every step of both paths (the
rate unchanged, the rate changed and 2018年第18号 第九条 applied), the days the result
keeps, the same-day invoice and the fields each refusal names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from kill_helpers import rows

from taxcalc.errors import InvalidInput
from taxcalc.law import default
from taxcalc.vat import invoice_rate

P = Decimal
D = dt.date
STANDARD_ZH = "增值税税率：销售或进口货物、加工修理修配劳务（基本税率）"
STANDARD_EN = "VAT rate: goods, imports, processing and repair services (standard band)"
NOTICE_39 = "财政部 税务总局 海关总署公告2019年第39号 第一条"


def test_an_invoice_after_the_2019_switch_shows_both_rates_and_the_rule():
    r = invoice_rate("standard", "2019-03-28", "2019-04-15")
    assert (r.band, r.liability_date, r.invoice_date) == ("standard", D(2019, 3, 28), D(2019, 4, 15))
    assert (r.rate, r.rate_on_invoice_date) == (P("0.16"), P("0.13"))
    assert rows(r.steps) == [
        ("liability_date", "纳税义务发生时间", "day the liability arose", D(2019, 3, 28), "date", "", "", (), ""),
        ("rate_on_liability_date", f"{STANDARD_ZH}（纳税义务发生时）", f"{STANDARD_EN} (when the liability arose)",
         P("0.16"), "rate", "", "", ("财税〔2018〕32号 第一条",), ""),
        ("rate_on_invoice_date", f"{STANDARD_ZH}（开票日）", f"{STANDARD_EN} (on the invoice day, 2019-04-15)",
         P("0.13"), "rate", "", "", (NOTICE_39,), ""),
        ("original_rate_rule", "税率调整前发生的销售，红字、重开或者补开发票按照原适用税率",
         "invoices for a sale made before a rate change use the original rate", True, "bool", "", "",
         ("国家税务总局公告2018年第18号 第九条",), ""),
        ("rate", "发票适用税率", "rate on the invoice", P("0.16"), "rate", "rate_on_liability_date",
         "纳税义务发生时的税率", ("财税〔2018〕32号 第一条", "国家税务总局公告2018年第18号 第九条"), ""),
    ]


def test_an_invoice_on_the_liability_day_needs_no_rule():
    r = invoice_rate("standard", "2019-04-01", "2019-04-01")
    assert (r.rate, r.rate_on_invoice_date) == (P("0.13"), P("0.13"))
    assert rows(r.steps) == [
        ("liability_date", "纳税义务发生时间", "day the liability arose", D(2019, 4, 1), "date", "", "", (), ""),
        ("rate_on_liability_date", f"{STANDARD_ZH}（纳税义务发生时）", f"{STANDARD_EN} (when the liability arose)",
         P("0.13"), "rate", "", "", (NOTICE_39,), ""),
        ("rate", "发票适用税率", "rate on the invoice", P("0.13"), "rate", "rate_on_liability_date",
         "纳税义务发生时的税率", (NOTICE_39,), ""),
    ]


def test_the_rule_is_read_on_the_invoice_day_from_the_law_given():
    # the rule switched off in a what-if law: its step shows the value and the what-if
    off = default().with_values({"vat.invoice.original_rate_rule": False})
    r = invoice_rate("standard", "2018-04-30", "2018-05-01", law=off)
    rule = r.steps[3]
    assert (rule.name, rule.value) == ("original_rate_rule", False)
    assert str(rule.cite[0]) == "假设 what-if vat.invoice.original_rate_rule = False"
    what_if = default().with_values({"vat.rate.transport": "8%"})
    same = invoice_rate("transport", "2019-03-31", "2019-06-30", law=what_if)
    assert (same.rate, same.rate_on_invoice_date, len(same.steps)) == (P("0.08"), P("0.08"), 3)


@pytest.mark.parametrize(("liability", "invoiced"), [("2019-03-28", "2019-04-15"), ("2019-04-01", "2019-04-01")])
def test_every_step_has_its_own_name_and_rate_is_the_rate_on_the_invoice(liability, invoiced):
    r = invoice_rate("standard", liability, invoiced)
    names = [s.name for s in r.steps]
    assert len(names) == len(set(names))
    # step("rate") is the answer, cited as the liability day's rate was (the name it had before)
    assert r.step("rate").value == r.rate == r.step("rate_on_liability_date").value
    assert r.step("rate").cite[0] == r.step("rate_on_liability_date").cite[0]


@pytest.mark.parametrize(
    ("args", "field"),
    [(("standard", "2019-02-30", "2019-04-01"), "liability_date"),
     (("standard", "2019-04-01", "2019-04-31"), "invoice_date")],
)
def test_a_bad_day_is_refused_naming_its_field(args, field):
    with pytest.raises(InvalidInput) as info:
        invoice_rate(*args)
    assert str(info.value).startswith(f"{field}: ")


def test_an_invoice_a_day_before_the_liability_is_refused_with_both_days():
    with pytest.raises(InvalidInput) as info:
        invoice_rate("standard", "2019-04-01", "2019-03-31")
    assert str(info.value) == (
        "invoice_date: 2019-03-31 is before the liability date 2019-04-01; an invoice issued first "
        "fixes the liability on the invoice day, so pass it as liability_date"
    )

"""The 孰低 step of the 免退 refund cites the law data (``export.exempt_refund.invoice_rate_cap``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taxcalc.export import PurchaseLine, exempt_refund
from taxcalc.law import default

KEY = "export.exempt_refund.invoice_rate_cap"
OLD = "国税发〔1994〕031号 附件《出口货物退（免）税管理办法》（条次未核实）"
THIRTY_NINE = "财税〔2012〕39号 第三条第（二）项"
ELEVEN = "财政部 税务总局公告2026年第11号 （条次未核实）"


def capped(day: str, law=None):
    r = exempt_refund([PurchaseLine(amount="100000", purchase_vat_rate="3%", rebate_rate="13%", export_date=day)],
                      law=law)
    step = next(s for s in r.lines[0].steps if s.name == "invoice_cap")
    return r, step


@pytest.mark.parametrize(("day", "cap"), [
    ("2002-01-01", OLD),
    ("2012-06-30", OLD),
    ("2012-07-01", THIRTY_NINE),
    ("2025-12-31", THIRTY_NINE),
    ("2026-01-01", ELEVEN),
])
def test_the_cap_cites_the_window_of_its_export_day(day, cap):
    r, step = capped(day)
    assert r.total == Decimal("3000.00") and step.value == Decimal("0.03")
    assert [str(c) for c in step.cite] == [cap]
    assert step.cite == (default().value(KEY, day).citation,)


def test_the_cap_is_read_from_the_law_it_is_given():
    what_if = default().with_values({KEY: "孰低"})
    _r, step = capped("2019-07-01", what_if)
    assert [str(c) for c in step.cite] == [f"假设 what-if {KEY} = 孰低"]


def test_no_cap_step_when_the_invoice_rate_is_not_below_the_rebate_rate():
    r = exempt_refund([PurchaseLine(amount="100000", purchase_vat_rate="13%", rebate_rate="13%",
                                    export_date="2012-07-01")])
    assert "invoice_cap" not in [s.name for s in r.lines[0].steps] and r.total == Decimal("13000.00")

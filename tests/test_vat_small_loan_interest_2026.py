"""The small-loan interest exemption under the 增值税法: declared unverified from 2026-01-01 to 2027-12-31.

Whether 财政部 税务总局公告2023年第16号 continues after 2025-12-31 was not found
(财政部 税务总局公告2026年第10号 第六条 stops the domestic VAT preferences of documents
issued before 2025-12-31 other than those it keeps).  Interest arising in that window is
refused with the declared reason, neither exempted nor taxed by assumption.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from taxcalc import law
from taxcalc.errors import NotInForce, OutsideCoverage, Unverified
from taxcalc.vat import SmallLoan, small_loan_interest

KEYS = ("vat.small_loan_interest.credit_limit", "vat.small_loan_interest.rate_multiple",
        "vat.small_loan_interest.rate_test")
TEN = "财政部 税务总局公告2026年第10号"


def one(day: dt.date) -> SmallLoan:
    # a loan made while the LPR data cover it: only the exemption's window decides
    return SmallLoan(interest=Decimal("10000"), interest_date=day, issued_on=dt.date(2024, 3, 1), term_months=60,
                     annual_rate=Decimal("0.05"), borrower="micro", credit_line=Decimal("1000000"))


def test_the_day_before_the_switch_is_exempt_under_2023_16():
    r = small_loan_interest([one(dt.date(2025, 12, 31))], "split", lender_qualifies=True)
    assert r.exempt == Decimal("10000") and r.taxable == Decimal("0")
    assert str(r.step("credit_limit").cite[0]) == "财政部 税务总局公告2023年第16号 第四条"


@pytest.mark.parametrize("day", [dt.date(2026, 1, 1), dt.date(2027, 12, 31)])
def test_inside_the_window_the_interest_is_refused_with_the_reason(day):
    with pytest.raises(Unverified) as info:
        small_loan_interest([one(day)], "per_loan_rate", lender_qualifies=True)
    err = info.value
    assert not isinstance(err, NotInForce)
    assert (err.key, err.on, err.last) == (KEYS[0], day, dt.date(2027, 12, 31))
    assert err.reason.startswith("Not verified: whether the exemption of 财政部 税务总局公告2023年第16号")
    assert err.reason_zh.startswith("未核实：财政部 税务总局公告2023年第16号")
    assert "Not verified:" in err.reason and "neither exempted nor taxed by assumption" in err.reason
    assert str(err.cite) == f"{TEN} 第六条"


def test_after_the_window_the_data_stop():
    with pytest.raises(OutsideCoverage) as info:
        small_loan_interest([one(dt.date(2028, 1, 1))], "split", lender_qualifies=True)
    assert type(info.value) is OutsideCoverage and info.value.key == KEYS[0]


def test_every_exemption_key_declares_the_same_window():
    data = law.default()
    for key in KEYS:
        before, window = data.history(key)[-2:]
        assert (before.last, before.citation.doc) == (dt.date(2025, 12, 31), "财政部 税务总局公告2023年第16号")
        assert (window.first, window.last, window.unverified, str(window.citation)) == (
            dt.date(2026, 1, 1), dt.date(2027, 12, 31), True, f"{TEN} 第六条")
        assert window.gap == data.history(KEYS[0])[-1].gap


def test_coverage_says_the_rule_cannot_answer_and_why():
    rows = {r.key: r for r in law.coverage("2026-12-01")}
    assert all((rows[k].answers, rows[k].status) == (False, "unverified") for k in KEYS)
    v = {v.rule: v for v in law.rule_coverage("2026-12-01")}["vat.small_loan_interest"]
    assert (v.verdict, v.answers, v.key, v.last) == ("cannot answer", False, KEYS[0], dt.date(2027, 12, 31))
    assert "declared not verified to 2027-12-31; Not verified: " in v.reason

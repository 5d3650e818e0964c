"""The agricultural-product deduction across the 2026 switch (增值税法 and 国务院令第826号).

From 2026-01-01 the ordinary rate is 9% under 财政部 税务总局公告2026年第10号 (secondary
sources; window to 2027-12-31).  No 2026 source gives the rate for produce used for 13%
goods, so that key declares 2026-01-01 – 2027-12-31 unverified: a 2026 day is refused with
the reason (``Unverified``), never guessed, and the rule answers in part (the 9%).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.errors import NotInForce, OutsideCoverage, Unverified
from taxcalc.vat import agricultural_deduction_rate, agricultural_input_tax

NOTICE_2019 = "财政部 税务总局 海关总署公告2019年第39号"
NOTICE_2026 = "财政部 税务总局公告2026年第10号"
KEY = "vat.agri.deduction_rate"
KEY_TOP = "vat.agri.deduction_rate_top_rate_goods"


@pytest.mark.parametrize(("day", "doc", "article"), [
    ("2025-12-31", NOTICE_2019, "第二条"),        # the day before the switch
    ("2026-01-01", NOTICE_2026, "（条次未核实）"),  # the day of the switch
    ("2027-12-31", NOTICE_2026, "（条次未核实）"),  # the last day encoded
])
def test_the_ordinary_rate_is_nine_percent_on_both_sides_of_the_switch(day, doc, article):
    v = law.default().value(KEY, day)
    assert v.value == Decimal("0.09")
    assert (v.citation.doc, v.citation.article) == (doc, article)


def test_the_2026_window_and_its_confidence_are_recorded():
    v = law.default().value(KEY, "2026-01-01")
    assert (v.first, v.last) == (dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    assert v.published == dt.date(2026, 1, 30)        # the notice's publication day
    assert "Confidence: secondary" in v.note and "第十二条第（四）项" in v.note


def test_after_the_window_the_rate_is_refused():
    with pytest.raises(OutsideCoverage) as exc:
        agricultural_deduction_rate("2028-01-01")
    assert (exc.value.key, exc.value.last) == (KEY, dt.date(2027, 12, 31))


def test_read_as_known_before_the_notice_was_published_2026_is_not_covered():
    early = law.default().as_known_on("2026-01-29")
    with pytest.raises(OutsideCoverage):
        early.value(KEY, "2026-01-01")
    assert law.default().as_known_on("2026-01-30").value(KEY, "2026-01-01").value == Decimal("0.09")


def test_the_input_tax_of_a_2026_purchase_explains_itself():
    t = agricultural_input_tax("10000", "2026-01-01")
    assert t.input_tax == Decimal("900.00")
    text = t.explain()
    assert "农产品扣除率：9%" in text and NOTICE_2026 in text
    assert "900.00 = ROUND(买价 × 扣除率, 2)" in text
    before = agricultural_input_tax("10000", "2025-12-31")
    assert before.input_tax == Decimal("900.00") and NOTICE_2019 in before.explain()


def test_the_rate_for_produce_used_for_13_percent_goods_is_refused_from_2026_with_the_reason():
    before = agricultural_input_tax("10000", "2025-12-31", for_top_rate_goods=True)   # the day before
    assert (before.rate, before.input_tax) == (Decimal("0.1"), Decimal("1000.00"))
    assert NOTICE_2019 + " 第二条" in before.explain()
    with pytest.raises(Unverified) as exc:                                              # the day of the switch
        agricultural_input_tax("10000", "2026-01-01", for_top_rate_goods=True)
    err = exc.value
    assert (err.key, err.on, err.last) == (KEY_TOP, dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    assert not isinstance(err, NotInForce)          # not "no such rule": the law is not verified
    assert isinstance(err, OutsideCoverage)         # so every caller that refuses a day refuses it
    assert str(err).startswith(f"{KEY_TOP} on 2026-01-01: not verified: Not verified: ")
    assert "Not verified:" in err.reason and "for_top_rate_goods=False" in err.reason   # Chinese and English
    assert str(err.cite) == NOTICE_2026 + " （条次未核实）"
    # the same purchase as ordinary produce answers: 9%
    assert agricultural_input_tax("10000", "2026-01-01").input_tax == Decimal("900.00")


@pytest.mark.parametrize(("day", "error"), [
    ("2027-12-31", Unverified),        # the last day declared unverified
    ("2028-01-01", OutsideCoverage),   # the day after: the data stop, nothing is declared
])
def test_the_unverified_window_ends_with_the_nine_percent(day, error):
    with pytest.raises(error) as exc:
        agricultural_deduction_rate(day, for_top_rate_goods=True)
    assert type(exc.value) is error and exc.value.key == KEY_TOP


def test_the_declared_window_is_data_with_its_citation():
    values = law.default().history(KEY_TOP)
    last = values[-1]
    assert (last.first, last.last, last.unverified) == (dt.date(2026, 1, 1), dt.date(2027, 12, 31), True)
    assert (last.citation.doc, last.shown("zh"), last.shown("en")) == (NOTICE_2026, "（未核实）", "(not verified)")
    assert values[-2].last == dt.date(2025, 12, 31) and values[-2].value == Decimal("0.10")


def test_coverage_on_the_day_says_the_rule_answers_in_part():
    rows = {r.key: r for r in law.coverage("2026-12-01")}
    assert rows[KEY].answers and rows[KEY].status == "in force"
    top = rows[KEY_TOP]
    assert (top.answers, top.status, top.last) == (False, "unverified", dt.date(2027, 12, 31))
    assert top.reason.startswith("Not verified: ") and top.citation == NOTICE_2026 + " （条次未核实）"
    rule = {r.rule: r for r in law.rule_coverage("2026-12-01")}["vat.agricultural_deduction"]
    assert (rule.verdict, rule.answers, rule.key) == ("answers in part", True, KEY_TOP)
    assert dict(rule.example) == {"purchase_price": "10000", "on": "2026-12-01"}   # what answered


@given(st.integers(min_value=0, max_value=10**11), st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)))
def test_a_2026_input_tax_is_the_price_times_nine_percent_rounded_half_up(fen, day):
    price = Decimal(fen) / 100
    t = agricultural_input_tax(str(price), day.isoformat())
    expected = (price * Decimal("0.09")).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert t.input_tax == expected

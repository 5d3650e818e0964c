"""The agricultural-product deduction across the 2026 switch (增值税法 and 国务院令第826号).

From 2026-01-01 the ordinary rate is 9% under 财政部 税务总局公告2026年第10号 (secondary
sources; window to 2027-12-31).  No 2026 source gives the rate for produce used for 13%
goods, so that key ends on 2025-12-31 and a 2026 day is refused, never guessed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.errors import OutsideCoverage
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


def test_the_rate_for_produce_used_for_13_percent_goods_stops_on_2025_12_31():
    assert agricultural_deduction_rate("2025-12-31", for_top_rate_goods=True).rate == Decimal("0.1")
    with pytest.raises(OutsideCoverage) as exc:
        agricultural_input_tax("10000", "2026-01-01", for_top_rate_goods=True)
    assert (exc.value.key, exc.value.last) == (KEY_TOP, dt.date(2025, 12, 31))


def test_coverage_on_the_day_names_the_key_that_stops():
    rows = {r.key: r for r in law.coverage("2026-12-01")}
    assert rows[KEY].answers and rows[KEY].status == "in force"
    assert (rows[KEY_TOP].answers, rows[KEY_TOP].status) == (False, "ended")
    rule = {r.rule: r for r in law.rule_coverage("2026-12-01")}["vat.agricultural_deduction"]
    assert (rule.verdict, rule.key) == ("cannot answer", KEY_TOP)   # its example is for 13% goods


@given(st.integers(min_value=0, max_value=10**11), st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)))
def test_a_2026_input_tax_is_the_price_times_nine_percent_rounded_half_up(fen, day):
    price = Decimal(fen) / 100
    t = agricultural_input_tax(str(price), day.isoformat())
    expected = (price * Decimal("0.09")).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert t.input_tax == expected

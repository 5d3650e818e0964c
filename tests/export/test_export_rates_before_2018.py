"""Rebate rates of 2002–2018: only a catalogue row covering the export date answers (every
change of the era was made by a product list taxcalc does not ship); the highest rate of
each day; the notices' switch days, the day before and the day of each."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.errors import LawDataError, OutsideCoverage
from taxcalc.export import Catalogue, PurchaseLine, check_catalogue, exempt_refund, rebate_rate

P = Decimal("0.01")
D = law.default()
DAY = dt.timedelta(days=1)


def pct(n: int) -> Decimal:
    return Decimal(n) * P


def cat(*rows: tuple) -> Catalogue:
    """rows: (code, rate, first, last, levy or None)"""
    return Catalogue.from_rows(
        [{"code": r[0], "rate": r[1], "first": r[2], "last": r[3], "citation": "test row"}
         | ({"levy": r[4]} if r[4] else {}) for r in rows],
        source="test",
    )


# (switch day, the notice in force the day before, the notice from the day on)
SWITCHES = [
    ("2004-01-01", "国税明电〔1999〕11号", "财税〔2003〕222号"),
    ("2006-09-15", "财税〔2003〕222号", "财税〔2006〕139号"),
    ("2007-07-01", "财税〔2006〕139号", "财税〔2007〕90号"),
    ("2008-11-01", "财税〔2007〕90号", "财税〔2008〕138号"),
    ("2008-12-01", "财税〔2008〕138号", "财税〔2008〕144号"),
    ("2009-04-01", "财税〔2008〕144号", "财税〔2009〕43号"),
    ("2009-06-01", "财税〔2009〕43号", "财税〔2009〕88号"),
    ("2015-01-01", "财税〔2009〕88号", "财税〔2014〕150号"),
    ("2017-07-01", "财税〔2014〕150号", "财税〔2017〕37号"),
    ("2018-05-01", "财税〔2017〕37号", "财税〔2018〕32号"),
]


@pytest.mark.parametrize(("day", "before", "after"), SWITCHES)
def test_the_notice_in_force_the_day_before_and_the_day_of_each_switch(day, before, after):
    on = dt.date.fromisoformat(day)
    assert D.value("export.rate_change.product_list", on - DAY).citation.doc == before
    v = D.value("export.rate_change.product_list", on)
    assert v.citation.doc == after and v.first == on
    assert v.value is (day != "2018-05-01")          # a product list, except the general rule of 2018-05-01


def test_the_steps_of_150号_within_its_window():
    assert D.value("export.rate_change.product_list", "2015-03-31").citation.article.startswith("第一条第（一）项")
    assert D.value("export.rate_change.product_list", "2015-04-01").citation.article.startswith("第一条第（三）项")
    assert D.value("export.rate_change.product_list", "2015-12-31").first == dt.date(2015, 4, 1)
    assert D.value("export.rate_change.product_list", "2016-01-01").first == dt.date(2016, 1, 1)


def test_coverage_starts_on_2002_01_01():
    c = cat(("99010000", "13%", "2000-01-01", "2003-12-31", "17%"))
    assert rebate_rate("99010000", "2002-01-01", catalogue=c).rate == pct(13)
    with pytest.raises(OutsideCoverage, match="2002-01-01 to open end"):
        rebate_rate("99010000", "2001-12-31", catalogue=c)


# -- a row covering the date answers; nothing is carried across the era --------------------

def test_a_row_covering_the_export_date_answers():
    c = cat(("99010000", "13%", "2007-07-01", "2008-11-30", "17%"), ("99010000", "14%", "2008-12-01", "2009-05-31", "17%"))
    r = rebate_rate("99010000", "2008-11-30", catalogue=c)
    assert (r.rate, r.source, r.assumptions) == (pct(13), "catalogue", ())
    assert rebate_rate("99010000", "2008-12-01", catalogue=c).rate == pct(14)
    assert "test row" in r.explain()


def test_no_rate_is_carried_forward_across_a_day_before_2018_05_01():
    c = cat(("99010000", "13%", "2007-07-01", "2008-10-31", "17%"))
    assert rebate_rate("99010000", "2008-10-31", catalogue=c).rate == pct(13)
    with pytest.raises(OutsideCoverage) as info:
        rebate_rate("99010000", "2008-11-01", catalogue=c)
    e = info.value
    assert e.key == "export.rate_change.carry_forward" and e.on == dt.date(2008, 11, 1)
    assert "give a row that covers 2008-11-01" in str(e) and "row 1" in str(e)


def test_carrying_forward_starts_with_the_general_rule_of_2018_05_01():
    eve = cat(("99010000", "13%", "2017-07-01", "2018-04-30", "17%"))
    r = rebate_rate("99010000", "2018-05-01", catalogue=eve)
    assert (r.rate, r.source) == (pct(13), "derived")
    early = cat(("99010000", "13%", "2017-07-01", "2018-04-29", "17%"))
    with pytest.raises(OutsideCoverage, match="ends on 2018-04-29"):
        rebate_rate("99010000", "2018-05-01", catalogue=early)
    assert D.value("export.rate_change.carry_forward", "2018-04-30").value is False
    assert D.value("export.rate_change.carry_forward", "2018-05-01").value is True


# -- the highest rebate rate of the day ----------------------------------------------------------

@pytest.mark.parametrize(("day", "cap"), [("2002-01-01", 17), ("2018-04-30", 17), ("2018-05-01", 16),
                                          ("2019-03-31", 16), ("2019-04-01", 13)])
def test_the_cap_on_each_side_of_its_switches(day, cap):
    assert D.value("export.rebate_rate.cap", day).value == pct(cap)


def test_a_row_above_the_cap_is_refused_on_every_day_and_one_at_the_cap_is_not():
    at = cat(("99010000", "16%", "2018-05-01", "2018-10-31", "16%"))
    assert rebate_rate("99010000", "2018-08-01", catalogue=at).rate == pct(16)
    above = cat(("99010000", "17%", "2018-05-01", "2018-10-31", "17%"))
    for day in ("2018-05-01", "2018-10-31"):
        with pytest.raises(LawDataError, match="above the highest rebate rate, 16%"):
            rebate_rate("99010000", day, catalogue=above)
    with pytest.raises(LawDataError, match="includes 2019-04-01"):
        check_catalogue(cat(("99010000", "16%", "2019-04-01", "2019-12-31", None)))
    check_catalogue(cat(("99010000", "17%", "2002-01-01", "2018-04-30", "17%")))


def test_the_levy_rate_still_caps_a_low_rate_product():
    c = cat(("99010000", "13%", "2007-07-01", "2009-05-31", "13%"))
    r = rebate_rate("99010000", "2008-01-01", catalogue=c, levy_rate="13%")
    assert r.rate == pct(13)


# -- 免退 from 2002 with a looked-up rate -------------------------------------------------------

def test_exempt_refund_on_2002_01_01_with_a_catalogue_rate():
    c = cat(("99010000", "15%", "1999-07-01", "2003-12-31", "17%"))
    r = exempt_refund([PurchaseLine(amount="100000", purchase_vat_rate="17%", export_date="2002-01-01",
                                    code="99010000")], catalogue=c)
    assert r.total == Decimal("15000.00")
    assert "国税发〔1994〕031号" in r.explain()
    # the invoice rate below the rebate rate caps it (孰低), exactly at the threshold it does not
    low = exempt_refund([PurchaseLine(amount="100000", purchase_vat_rate="13%", export_date="2002-01-01",
                                      code="99010000")], catalogue=c)
    same = exempt_refund([PurchaseLine(amount="100000", purchase_vat_rate="15%", export_date="2002-01-01",
                                       code="99010000")], catalogue=c)
    assert (low.total, same.total) == (Decimal("13000.00"), Decimal("15000.00"))


def test_the_sample_catalogue_answers_back_to_2002():
    s = Catalogue.sample()
    assert rebate_rate("9901000010", "2002-01-01", catalogue=s).rate == pct(17)
    assert rebate_rate("9901000010", "2016-12-31", catalogue=s).rate == pct(17)
    assert rebate_rate("9901000010", "2017-01-01", catalogue=s).rate == pct(17)


# -- what the coverage report says ---------------------------------------------------------------

@pytest.mark.parametrize(("day", "rules"), [
    ("2008-01-01", ("export.rebate_rate", "export.exempt_refund", "export.exempt_credit_refund",
                    "eit.losses", "eit.annual", "eit.loss_window")),
    ("2002-01-01", ("export.rebate_rate", "export.exempt_refund", "export.exempt_credit_refund")),
])
def test_the_rules_answer_on_the_day(day, rules):
    verdicts = {v.rule: v for v in law.rule_coverage(day)}
    for rule in rules:
        assert verdicts[rule].verdict == "answers", (rule, verdicts[rule].reason)


# -- properties ------------------------------------------------------------------------------------

ERA = (dt.date(2002, 1, 1), dt.date(2018, 4, 30))
SPAN = (ERA[1] - ERA[0]).days


@given(st.sampled_from(["0%", "5%", "9%", "11%", "13%", "14%", "15%", "16%", "17%"]),
       st.integers(0, SPAN), st.integers(0, SPAN), st.integers(0, SPAN), st.integers(1, 400))
def test_before_2018_a_row_answers_its_own_rate_and_nothing_past_its_end(rate_text, a, b, pick, after):
    first, last = ERA[0] + dt.timedelta(min(a, b)), ERA[0] + dt.timedelta(max(a, b))
    c = cat(("99010000", rate_text, first, last, None))
    day = first + dt.timedelta(pick % ((last - first).days + 1))
    assert rebate_rate("99010000", day, catalogue=c).rate == Decimal(rate_text[:-1]) * P
    later = last + dt.timedelta(after)
    if later < dt.date(2018, 5, 1):
        with pytest.raises(OutsideCoverage, match="never carried forward"):
            rebate_rate("99010000", later, catalogue=c)


# -- citations of the era ---------------------------------------------------------------------------

def test_before_39号_the_deciding_date_and_the_levy_cap_cite_the_rules_of_the_day():
    c = cat(("99010000", "17%", "2009-06-01", "2014-12-31", None))
    r = rebate_rate("99010000", "2012-06-30", catalogue=c, levy_rate="13%")
    steps = {s.name: s for s in r.steps}
    assert steps["export_date"].cite[0].doc == "财税〔2009〕88号"
    assert steps["levy_cap"].cite[0].doc == "国税明电〔1999〕11号" and r.rate == pct(13)
    after = rebate_rate("99010000", "2012-07-01", catalogue=c, levy_rate="13%")
    after_steps = {s.name: s for s in after.steps}
    assert str(after_steps["export_date"].cite[0]) == "财税〔2012〕39号 第三条第（一）项"
    assert after_steps["levy_cap"].cite[0].doc == "财税〔2012〕39号"


def test_the_collection_rate_cap_of_39号_starts_on_2012_07_01():
    c = cat(("99010000", "13%", "2009-06-01", "2014-12-31", "17%"))
    with pytest.raises(OutsideCoverage, match="export.exempt_refund.collection_rate_cap"):
        rebate_rate("99010000", "2012-06-30", catalogue=c, exporter="trader", supplier_collection_rate="3%")
    r = rebate_rate("99010000", "2012-07-01", catalogue=c, exporter="trader", supplier_collection_rate="3%")
    assert r.rate == pct(3) and "财税〔2012〕39号 第三条第（二）项" in r.explain()


def test_the_cap_is_checked_on_the_days_a_row_shares_with_it():
    # a row ending the day before the 13% cap is held to 16% only; one reaching into it is
    # refused, naming the first day of the row under that cap and the cap's citation
    check_catalogue(cat(("99010000", "15%", "2019-01-01", "2019-03-31", "15%")))
    cite = "财政部 税务总局 海关总署公告2019年第39号 第一条、第三条第一款"
    for first, last in (("2019-03-30", "2019-06-30"), ("2019-03-31", "2019-04-01")):
        with pytest.raises(LawDataError) as err:
            check_catalogue(cat(("99010000", "15%", first, last, None)))
        assert str(err.value) == (
            f"test: row 1: code 99010000: the window {first} – {last} includes 2019-04-01, when 15% is above "
            f"the highest rebate rate, 13% ({cite})")

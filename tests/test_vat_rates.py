"""VAT rates by band: every switch day and the day before, coverage, unknown bands,
the replacement-rate chain and the rate on late or corrective invoices."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.errors import InvalidInput, NotInForce, NotMoney, OutsideCoverage, UnknownCategory
from taxcalc.vat import bands, invoice_rate, replacement_rate, vat_rate

D = dt.date
P = Decimal

# (band, first day covered, [(switch day, rate the day before, rate on the day), ...])
# Figures from the notices: 财税〔2017〕37号 第一条 (13→11), 财税〔2018〕32号 第一条
# (17/11→16/10), 2019年第39号 第一条 (16/10→13/9); 营改增 start days from
# 财税〔2013〕37号, 〔2013〕106号, 〔2014〕43号, 〔2016〕36号.
TOP = [(D(2018, 5, 1), "0.17", "0.16"), (D(2019, 4, 1), "0.16", "0.13")]
MID = [(D(2018, 5, 1), "0.11", "0.10"), (D(2019, 4, 1), "0.10", "0.09")]
SWITCHES = {
    "standard": (D(2002, 1, 1), "0.17", TOP),
    "processing_repair": (D(2002, 1, 1), "0.17", TOP),
    "tangible_leasing": (D(2013, 8, 1), "0.17", TOP),
    "low_rate_goods": (D(2002, 1, 1), "0.13", [(D(2017, 7, 1), "0.13", "0.11"), *MID]),
    "transport": (D(2013, 8, 1), "0.11", MID),
    "postal": (D(2014, 1, 1), "0.11", MID),
    "basic_telecom": (D(2014, 6, 1), "0.11", MID),
    "construction": (D(2016, 5, 1), "0.11", MID),
    "real_estate": (D(2016, 5, 1), "0.11", MID),
    "real_estate_leasing": (D(2016, 5, 1), "0.11", MID),
    "land_use_rights": (D(2016, 5, 1), "0.11", MID),
    "modern_services": (D(2013, 8, 1), "0.06", []),
    "value_added_telecom": (D(2014, 6, 1), "0.06", []),
    "financial_services": (D(2016, 5, 1), "0.06", []),
    "life_services": (D(2016, 5, 1), "0.06", []),
    "intangibles": (D(2016, 5, 1), "0.06", []),
    "export": (D(2002, 1, 1), "0", []),
    "cross_border_services": (D(2016, 5, 1), "0", []),
}
ONE = dt.timedelta(days=1)


def test_the_bands_are_the_documented_set():
    assert set(bands()) == set(SWITCHES)


@pytest.mark.parametrize(("band", "article"), [("standard", "第二条第（一）项"), ("processing_repair", "第二条第（四）项"),
                                             ("low_rate_goods", "第二条第（二）项"), ("export", "第二条第（三）项")])
def test_the_1993_regulations_give_way_to_the_2008_ones_on_2009_01_01(band, article):
    before, on = vat_rate(band, D(2008, 12, 31)), vat_rate(band, D(2009, 1, 1))
    assert before.rate == on.rate
    assert str(before.steps[0].cite[0]) == f"国务院令第134号 {article}"
    assert str(on.steps[0].cite[0]).startswith("国务院令第538号")


@pytest.mark.parametrize("band", ["transport", "construction", "financial_services", "basic_telecom"])
def test_a_service_band_before_it_came_under_vat_is_not_in_force_business_tax(band):
    first = SWITCHES[band][0]
    with pytest.raises(NotInForce, match="business tax") as info:
        vat_rate(band, first - ONE)
    assert info.value.cite is not None
    with pytest.raises(NotInForce):
        vat_rate(band, D(2008, 1, 1))


@pytest.mark.parametrize("band", sorted(SWITCHES))
def test_first_covered_day_and_the_day_before(band):
    first, rate, _ = SWITCHES[band]
    assert vat_rate(band, first).rate == P(rate)
    with pytest.raises(OutsideCoverage) as info:
        vat_rate(band, first - ONE)
    assert f"vat.rate.{band}" in str(info.value) and str(first - ONE) in str(info.value)


@pytest.mark.parametrize(
    ("band", "switch", "before", "after"),
    [(b, s, x, y) for b, (_, _, sw) in sorted(SWITCHES.items()) for s, x, y in sw],
)
def test_every_switch_day_and_the_day_before(band, switch, before, after):
    assert vat_rate(band, switch - ONE).rate == P(before)
    assert vat_rate(band, switch).rate == P(after)


@pytest.mark.parametrize("band", sorted(SWITCHES))
def test_the_2026_vat_law_keeps_the_rate_and_is_cited(band):
    before = vat_rate(band, D(2025, 12, 31))
    after = vat_rate(band, D(2026, 1, 1))
    assert after.rate == before.rate
    cite = after.steps[0].cite[0]
    assert cite.doc == "中华人民共和国增值税法" and cite.article.startswith("第十条")
    # open-ended: far in the future still answers
    assert vat_rate(band, D(2040, 1, 1)).rate == after.rate


def test_citations_of_the_switches():
    assert str(vat_rate("standard", "2018-05-01").steps[0].cite[0]) == "财税〔2018〕32号 第一条"
    assert str(vat_rate("low_rate_goods", "2017-07-01").steps[0].cite[0]) == "财税〔2017〕37号 第一条"
    assert vat_rate("transport", "2019-04-01").steps[0].cite[0].doc == (
        "财政部 税务总局 海关总署公告2019年第39号"
    )
    assert vat_rate("construction", "2016-05-01").steps[0].cite[0].article.endswith("第十五条第（二）项")


def test_unknown_band_lists_the_known_ones():
    with pytest.raises(UnknownCategory) as info:
        vat_rate("luxury_goods", "2019-04-01")
    assert info.value.field == "band"
    assert set(info.value.known) == set(SWITCHES)
    for bad in (None, 13, ["standard"]):
        with pytest.raises(UnknownCategory):
            vat_rate(bad, "2019-04-01")  # type: ignore[arg-type]


def test_bad_dates_are_invalid_input():
    with pytest.raises(InvalidInput, match="on: '2019-02-30' is not a date"):
        vat_rate("standard", "2019-02-30")
    with pytest.raises(InvalidInput):
        vat_rate("standard", 20190401)


def test_what_if_and_as_known_on_laws_are_honoured_and_not_confused_by_the_cache():
    base = law.default()
    what_if = base.with_values({"vat.rate.standard": "15%"})
    assert vat_rate("standard", "2019-06-01").rate == P("0.13")
    assert vat_rate("standard", "2019-06-01", law=what_if).rate == P("0.15")
    assert vat_rate("standard", "2019-06-01").rate == P("0.13")
    assert vat_rate("standard", "2019-06-01", law=what_if).steps[0].cite[0].doc.startswith("假设")
    # as known before 2019年第39号 was published (2019-03-21), 2019-04-01 is not yet known
    assert vat_rate("standard", "2019-03-31", law=base.as_known_on("2019-03-20")).rate == P("0.16")
    # the 16% of 财税〔2018〕32号 had no end date when it was enacted
    assert vat_rate("standard", "2019-04-01", law=base.as_known_on("2019-03-20")).rate == P("0.16")
    with pytest.raises(OutsideCoverage, match="as known on 1993-12-01"):
        vat_rate("standard", "2019-04-01", law=base.as_known_on("1993-12-01"))
    # as known in 2008 before the 2008 regulations were published, the 1993 rate had no end
    assert vat_rate("standard", "2019-04-01", law=base.as_known_on("2008-01-01")).rate == P("0.17")
    assert vat_rate("standard", "2019-04-01", law=base.as_known_on("2019-03-21")).rate == P("0.13")


@given(st.sampled_from(sorted(SWITCHES)), st.dates(D(2009, 1, 1), D(2035, 12, 31)))
def test_rates_are_the_laws_values_and_only_ever_fall(band, day):
    first = SWITCHES[band][0]
    if day < first:
        with pytest.raises(OutsideCoverage):
            vat_rate(band, day)
        return
    r = vat_rate(band, day)
    assert r.rate == law.value(f"vat.rate.{band}", day).value
    assert P(0) <= r.rate <= P("0.17")
    # rates never went up over the covered years
    assert vat_rate(band, first).rate >= r.rate


# -- the rate that replaced an old rate ----------------------------------------------

@pytest.mark.parametrize(
    ("old", "on", "expected", "last"),
    [
        ("17%", "2019-05-01", "0.13", D(2018, 4, 30)),  # the issue's own example
        ("17%", "2018-05-01", "0.16", D(2018, 4, 30)),
        ("17%", "2018-04-30", "0.17", D(2018, 4, 30)),
        ("11%", "2018-05-01", "0.10", D(2018, 4, 30)),
        ("11%", "2019-04-01", "0.09", D(2018, 4, 30)),
        ("13%", "2017-07-01", "0.11", D(2017, 6, 30)),
        ("13%", "2018-06-01", "0.10", D(2017, 6, 30)),
        ("16%", "2019-04-01", "0.13", D(2019, 3, 31)),
        ("10%", "2019-03-31", "0.10", D(2019, 3, 31)),
        ("6%", "2019-05-01", "0.06", D(2019, 5, 1)),
        ("0%", "2019-05-01", "0", D(2019, 5, 1)),
        ("13%", "2019-05-01", "0.13", D(2019, 5, 1)),  # 13% is the standard rate again
    ],
)
def test_replacement_rate(old, on, expected, last):
    r = replacement_rate(old, on)
    assert r.rate == P(expected)
    assert r.last_in_force == last


def test_replacement_rate_cites_each_change():
    r = replacement_rate("0.17", "2019-05-01")
    changes = [s for s in r.steps if s.name == "change"]
    assert [str(s.cite[0]) for s in changes] == [
        "财税〔2018〕32号 第一条", "财政部 税务总局 海关总署公告2019年第39号 第一条",
    ]
    assert [s.value for s in changes] == [P("0.16"), P("0.13")]


def test_replacement_rate_from_a_given_day():
    assert replacement_rate("13%", "2019-05-01", applied_on="2016-01-01").rate == P("0.09")
    with pytest.raises(InvalidInput, match="applied_on: no VAT band had the rate 17%"):
        replacement_rate("17%", "2019-05-01", applied_on="2018-06-01")
    with pytest.raises(InvalidInput, match="after on"):
        replacement_rate("17%", "2018-05-01", applied_on="2019-01-01")


def test_replacement_rate_refuses_what_was_never_a_rate_and_floats():
    with pytest.raises(InvalidInput, match="3% was not a VAT rate"):
        replacement_rate("3%", "2019-05-01")
    with pytest.raises(NotMoney):
        replacement_rate(0.17, "2019-05-01")
    with pytest.raises(OutsideCoverage):
        replacement_rate("17%", "2001-12-31")


FIRST_SEEN = {"17%": D(2009, 1, 1), "13%": D(2009, 1, 1), "11%": D(2013, 8, 1),
              "16%": D(2018, 5, 1), "10%": D(2018, 5, 1)}


@given(st.dates(D(2009, 1, 1), D(2030, 12, 31)), st.sampled_from(sorted(FIRST_SEEN)))
def test_a_replaced_rate_is_a_rate_in_force_on_the_day(day, old):
    if day < FIRST_SEEN[old]:
        with pytest.raises(InvalidInput, match="was not a VAT rate"):
            replacement_rate(old, day)
        return
    r = replacement_rate(old, day)
    in_force = set()
    for b in bands():
        try:
            in_force.add(vat_rate(b, day).rate)
        except OutsideCoverage:
            pass
    assert r.rate in in_force
    assert r.last_in_force <= day


# -- the rate on an invoice issued after the change -------------------------------------

def test_invoice_after_the_2018_switch_keeps_17_percent():
    r = invoice_rate("standard", "2018-04-30", "2018-05-01")
    assert (r.rate, r.rate_on_invoice_date) == (P("0.17"), P("0.16"))
    assert str(r.step("original_rate_rule").cite[0]) == "国家税务总局公告2018年第18号 第九条"


def test_invoice_after_the_2019_switch_keeps_the_old_rate():
    r = invoice_rate("transport", "2019-03-31", "2019-06-30")
    assert (r.rate, r.rate_on_invoice_date) == (P("0.10"), P("0.09"))


def test_invoice_without_a_rate_change_needs_no_rule():
    r = invoice_rate("standard", "2017-05-01", "2017-09-01")
    assert r.rate == P("0.17")
    with pytest.raises(KeyError):
        r.step("original_rate_rule")


def test_invoice_across_the_2017_switch_is_outside_the_rules_coverage():
    with pytest.raises(OutsideCoverage, match="vat.invoice.original_rate_rule"):
        invoice_rate("low_rate_goods", "2017-06-30", "2017-07-01")


def test_invoice_before_the_liability_day_is_refused():
    with pytest.raises(InvalidInput, match="invoice_date: 2019-03-30 is before the liability date"):
        invoice_rate("standard", "2019-04-01", "2019-03-30")

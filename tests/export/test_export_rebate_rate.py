"""rebate_rate: the general tier rules, precedence, transitions, caps and coverage."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.errors import InvalidInput, LawDataError, OutsideCoverage, UnknownCategory
from taxcalc.export import Catalogue, check_catalogue, rebate_rate

P = Decimal("0.01")


def pct(n: int | str) -> Decimal:
    return Decimal(n) * P


def cat(*rows: tuple) -> Catalogue:
    """rows: (code, rate, first, last[, levy])"""
    out = []
    for r in rows:
        d = {"code": r[0], "rate": r[1], "first": r[2], "last": r[3], "citation": "test row"}
        if len(r) > 4:
            d["levy"] = r[4]
        out.append(d)
    return Catalogue.from_rows(out, source="test")


def rate_on(c: Catalogue, code: str, day: str, **kw) -> Decimal:
    return rebate_rate(code, day, catalogue=c, **kw).rate


BASE = "2018-04-30"  # the day the 2018 notices map from


# -- the general switches, the day before and the day of --------------------------------

@pytest.mark.parametrize(
    ("old", "levy", "before", "switch", "after"),
    [
        ("17%", "17%", "2018-04-30", "2018-05-01", 16),   # 32号 第四条
        ("11%", "11%", "2018-04-30", "2018-05-01", 10),
        ("16%", "16%", "2019-03-31", "2019-04-01", 13),   # 2019年第39号 第三条
        ("10%", "10%", "2019-03-31", "2019-04-01", 9),
        ("15%", "16%", "2018-10-31", "2018-11-01", 16),   # 123号 第三条
        ("9%", "16%", "2018-10-31", "2018-11-01", 10),
        ("5%", "16%", "2018-10-31", "2018-11-01", 6),
    ],
)
def test_each_general_mapping_applies_from_its_switch_day(old, levy, before, switch, after):
    c = cat(("99010000", old, "2015-01-01", before, levy))
    # a trader who paid the new levy rate: the new rebate rate even inside a transition
    kw = {"exporter": "trader", "purchase_vat_rate": pct(after)}
    assert rate_on(c, "99010000", switch, **kw) == pct(after)
    r = rebate_rate("99010000", switch, catalogue=c, **kw)
    assert r.source == "derived" and r.library_rate == pct(after)
    cites = [str(cite) for s in r.steps for cite in s.cite]
    assert any("第四条" in x or "第三条" in x for x in cites)


@pytest.mark.parametrize(
    ("old", "levy"),
    [("13%", "17%"), ("15%", "17%"), ("9%", "17%"), ("5%", "17%"), ("11%", "17%"), ("0%", "17%"), ("6%", "6%")],
)
def test_2018_05_cut_only_where_levy_equals_rebate(old, levy):
    c = cat(("99010000", old, "2015-01-01", BASE, levy))
    assert rate_on(c, "99010000", "2018-05-01") == Decimal(old[:-1]) * P


def test_rates_across_all_switches_for_a_15_percent_product():
    c = cat(("99010000", "15%", "2015-01-01", BASE, "17%"))
    seen = {d: rate_on(c, "99010000", d, exporter="trader", purchase_vat_rate="16%")
            for d in ["2018-05-01", "2018-10-31", "2018-11-01", "2019-03-31", "2019-04-01", "2025-12-31"]}
    # 15 → 16 (123号), then 16 = levy 16 → 13 (2019年第39号), with the trader's transition on 2019-04-01
    assert seen == {"2018-05-01": pct(15), "2018-10-31": pct(15), "2018-11-01": pct(16),
                    "2019-03-31": pct(16), "2019-04-01": pct(16), "2025-12-31": pct(13)}
    assert rate_on(c, "99010000", "2018-11-01", exporter="trader", purchase_vat_rate="13%") == pct(13)
    lib = {d: rebate_rate("99010000", d, catalogue=c).library_rate for d in seen}
    assert lib == {"2018-05-01": pct(15), "2018-10-31": pct(15), "2018-11-01": pct(16),
                   "2019-03-31": pct(16), "2019-04-01": pct(13), "2025-12-31": pct(13)}


def test_after_2018_11_the_tiers_are_five():
    for old, levy in [("17%", "17%"), ("15%", "17%"), ("13%", "17%"), ("11%", "11%"), ("9%", "17%"),
                      ("5%", "17%"), ("0%", "17%")]:
        c = cat(("99010000", old, "2015-01-01", BASE, levy))
        assert rebate_rate("99010000", "2018-12-01", catalogue=c).library_rate in {
            pct(16), pct(13), pct(10), pct(6), Decimal(0)}
        assert rebate_rate("99010000", "2019-07-01", catalogue=c).library_rate in {
            pct(13), pct(10), pct(9), pct(6), Decimal(0)}


# -- precedence ----------------------------------------------------------------------

def test_an_explicit_row_wins_over_the_general_mapping():
    # a product on the 123号 list, raised from 9% to 13%: the user's row says so
    c = cat(("99010000", "9%", "2015-01-01", "2018-10-31", "16%"),
            ("99010000", "13%", "2018-11-01", "2019-03-31", "16%"))
    r = rebate_rate("99010000", "2018-11-01", catalogue=c)
    assert (r.rate, r.source, r.assumptions) == (pct(13), "catalogue", ())
    # without the row the general rule would have said 10%
    c2 = cat(("99010000", "9%", "2015-01-01", "2018-10-31", "16%"))
    r2 = rebate_rate("99010000", "2018-11-01", catalogue=c2)
    assert (r2.rate, r2.source) == (pct(10), "derived")
    assert any("123号" in a for a in r2.assumptions)
    # the same assumptions in Chinese, one for one
    assert len(r2.assumptions_zh) == len(r2.assumptions)
    assert any("123号" in a and "假定99010000不在" in a for a in r2.assumptions_zh)


def test_the_general_mapping_never_applies_to_the_soybean_meal_the_notice_listed():
    for code in ("23040010", "23040090", "2304001000"):
        c = cat((code[:8], "5%", "2015-01-01", "2018-10-31", "10%"))
        assert rate_on(c, code, "2018-10-31") == pct(5)
        assert rate_on(c, code, "2018-11-01") == Decimal(0)   # not 6%
    # a neighbouring code is not listed: 5% → 6%
    c = cat(("23040020", "5%", "2015-01-01", "2018-10-31", "10%"))
    assert rate_on(c, "23040020", "2018-11-01") == pct(6)


def test_soybean_meal_without_any_row_is_zero_from_the_switch_and_unknown_before():
    c = cat(("99010000", "13%", "2015-01-01", "open"))
    r = rebate_rate("23040090", "2018-11-01", catalogue=c)
    assert (r.rate, r.source) == (Decimal(0), "listed")
    assert "财税〔2018〕123号 第二条" in r.explain()
    with pytest.raises(InvalidInput, match="23040090 is not in the catalogue"):
        rebate_rate("23040090", "2018-10-31", catalogue=c)


def test_a_row_the_law_contradicts_is_refused_naming_the_row():
    bad = [
        (("99010000", "15%", "2017-01-01", "open"), "2019-01-01", "spans 2018-11-01"),
        (("99010000", "15%", "2017-01-01", "open"), "2018-06-01", "spans 2018-11-01"),
        (("99010000", "17%", "2017-01-01", "2018-12-31"), "2018-06-01", "spans 2018-05-01"),
        (("99010000", "16%", "2018-05-01", "open"), "2019-05-01", "spans 2019-04-01"),
        (("23040010", "5%", "2018-01-01", "2019-12-31"), "2018-06-01", "cancelled the rebate"),
        (("99010000", "13%", "2017-01-01", "2018-12-31", "17%"), "2018-06-01", "changed the levy rate 17%"),
    ]
    for row, day, reason in bad:
        c = cat(row)
        with pytest.raises(LawDataError) as info:
            rebate_rate(row[0], day, catalogue=c)
        assert "test: row 1" in str(info.value) and reason in str(info.value), info.value
        with pytest.raises(LawDataError):
            check_catalogue(c)


def test_rows_the_law_may_leave_alone_are_accepted():
    # 11% below a 17% levy is not cut on 2018-05-01; 13% is never mapped
    for row in [("99010000", "11%", "2017-01-01", "2018-12-31"), ("99010000", "13%", "2016-01-01", "open")]:
        c = cat(row)
        assert rate_on(c, "99010000", "2018-06-01") == Decimal(row[1][:-1]) * P
    check_catalogue(Catalogue.sample())


def test_no_row_before_the_date_and_rows_too_old():
    c = cat(("99010000", "13%", "2019-01-01", "open"))
    with pytest.raises(OutsideCoverage, match="no row covers the date"):
        rebate_rate("99010000", "2018-06-01", catalogue=c)
    old = cat(("99010000", "13%", "2016-01-01", "2017-12-31"))
    with pytest.raises(OutsideCoverage, match="ends on 2017-12-31"):
        rebate_rate("99010000", "2018-06-01", catalogue=old)


# -- levy = rebate: how taxcalc knows the levy rate ------------------------------------------

def test_an_ambiguous_rate_needs_the_levy_rate():
    c = cat(("99010000", "11%", "2015-01-01", BASE))          # no levy column
    with pytest.raises(InvalidInput) as info:
        rebate_rate("99010000", "2018-08-01", catalogue=c)
    assert info.value.field == "levy_rate" and "11%" in str(info.value)
    assert rate_on(c, "99010000", "2018-08-01", levy_rate="10%") == pct(10)   # levy was 11%
    assert rate_on(c, "99010000", "2018-08-01", levy_rate="16%") == pct(11)   # levy was 17%
    assert rate_on(c, "99010000", "2019-08-01", levy_rate="9%") == pct(9)     # traced back 9 → 10 → 11
    assert rate_on(c, "99010000", "2019-08-01", levy_rate="13%") == pct(11)


def test_a_17_percent_rebate_can_only_have_had_a_17_percent_levy():
    c = cat(("99010000", "17%", "2015-01-01", BASE))
    assert rate_on(c, "99010000", "2018-08-01") == pct(16)
    assert rate_on(c, "99010000", "2019-08-01") == pct(13)


def test_levy_rate_must_exist_on_the_date_and_agree_with_the_catalogue():
    c = cat(("99010000", "11%", "2015-01-01", BASE, "11%"))
    with pytest.raises(InvalidInput, match="17% is not a VAT rate on 2018-08-01"):
        rebate_rate("99010000", "2018-08-01", catalogue=c, levy_rate="17%")
    with pytest.raises(InvalidInput, match="10% is not a VAT rate on 2019-08-01"):
        rebate_rate("99010000", "2019-08-01", catalogue=c, levy_rate="10%")
    with pytest.raises(InvalidInput, match="disagrees with the levy rate 10%"):
        rebate_rate("99010000", "2018-08-01", catalogue=c, levy_rate="16%")
    assert rate_on(c, "99010000", "2018-08-01", levy_rate="10%") == pct(10)


# -- transitions: on the last day and the day after ---------------------------------------

@pytest.mark.parametrize(
    ("row", "last_day", "day_after", "old", "new"),
    [
        (("99010000", "17%", "2015-01-01", BASE, "17%"), "2018-07-31", "2018-08-01", 17, 16),
        (("99010000", "11%", "2015-01-01", BASE, "11%"), "2018-07-31", "2018-08-01", 11, 10),
        (("99010000", "16%", "2018-05-01", "2019-03-31", "16%"), "2019-06-30", "2019-07-01", 16, 13),
        (("99010000", "10%", "2018-05-01", "2019-03-31", "10%"), "2019-06-30", "2019-07-01", 10, 9),
    ],
)
def test_transitions(row, last_day, day_after, old, new):
    c = cat(row)
    m = rebate_rate("99010000", last_day, catalogue=c)
    assert (m.rate, m.library_rate, m.transition) == (pct(old), pct(new), True)
    assert m.levy_rate == pct(new) and m.rate > m.levy_rate         # the manufacturer's old rate
    assert "视为零" in m.explain()
    assert rebate_rate("99010000", day_after, catalogue=c).rate == pct(new)
    assert not rebate_rate("99010000", day_after, catalogue=c).transition
    # a trader: the VAT rate paid on purchase decides
    assert rate_on(c, "99010000", last_day, exporter="trader", purchase_vat_rate=pct(old)) == pct(old)
    assert rate_on(c, "99010000", last_day, exporter="trader", purchase_vat_rate=pct(new)) == pct(new)
    assert rate_on(c, "99010000", day_after, exporter="trader", purchase_vat_rate=pct(old)) == pct(new)
    with pytest.raises(InvalidInput) as info:
        rebate_rate("99010000", last_day, catalogue=c, exporter="trader")
    assert info.value.field == "purchase_vat_rate"


def test_transition_with_explicit_rows_and_the_first_day():
    c = cat(("99010000", "16%", "2018-11-01", "2019-03-31", "16%"),
            ("99010000", "13%", "2019-04-01", "open", "13%"))
    r = rebate_rate("99010000", "2019-04-01", catalogue=c)
    assert (r.rate, r.source, r.transition) == (pct(16), "catalogue", True)
    assert "2019年第39号 第三条第二款" in r.explain()


def test_2018_choice_is_flagged_and_2019_rule_is_cited():
    c = cat(("99010000", "17%", "2015-01-01", BASE, "17%"))
    text = rebate_rate("99010000", "2018-06-01", catalogue=c).explain("en")
    assert "choice: the 2018 text is silent" in text
    c = cat(("99010000", "16%", "2018-05-01", "2019-03-31", "16%"))
    text = rebate_rate("99010000", "2019-06-01", catalogue=c).explain("en")
    assert "choice" not in text and "第三条第二款" in text


def test_no_transition_for_a_product_the_switch_did_not_cut():
    c = cat(("99010000", "13%", "2018-05-01", "2019-03-31", "16%"),
            ("99010000", "13%", "2019-04-01", "open", "13%"))
    r = rebate_rate("99010000", "2019-05-01", catalogue=c)
    assert (r.rate, r.transition) == (pct(13), False)
    c = cat(("99010000", "6%", "2019-04-01", "open"))
    assert not rebate_rate("99010000", "2019-05-01", catalogue=c).transition


def test_transition_needs_the_rate_on_the_eve():
    c = cat(("99010000", "13%", "2019-04-01", "open"))   # 13% is a target of the cut: was it 16% before?
    with pytest.raises(InvalidInput, match="needs the rate on 2019-03-31"):
        rebate_rate("99010000", "2019-05-01", catalogue=c)
    assert rate_on(c, "99010000", "2019-07-01") == pct(13)


# -- caps --------------------------------------------------------------------------------------

def test_caps_collection_rate_invoice_rate_and_levy_rate():
    c = cat(("99010000", "13%", "2019-04-01", "open"))
    r = rebate_rate("99010000", "2019-08-01", catalogue=c, exporter="trader",
                    purchase_vat_rate="3%", supplier_collection_rate="3%")
    assert r.rate == pct(3) and r.library_rate == pct(13) and "第三条第（二）项" in r.explain()
    assert rate_on(c, "99010000", "2019-08-01", exporter="trader", purchase_vat_rate="1%") == pct(1)
    assert rate_on(c, "99010000", "2019-08-01", exporter="trader", purchase_vat_rate="13%") == pct(13)
    r = rebate_rate("99010000", "2019-08-01", catalogue=c, levy_rate="9%")
    assert r.rate == pct(9) and r.step("levy_cap").value == pct(9)
    with pytest.raises(InvalidInput, match="applies to a trader"):
        rebate_rate("99010000", "2019-08-01", catalogue=c, purchase_vat_rate="13%")


# -- services, "as known on", what-if, coverage and inputs ---------------------------------------

def test_cross_border_services():
    c = cat(("99010000", "11%", "2015-01-01", BASE, "11%"), ("99020000", "9%", "2015-01-01", "2018-10-31"))
    r = rebate_rate("99010000", "2018-08-01", catalogue=c, kind="service")
    assert r.rate == pct(10) and "出口发票开具日期" in r.explain()
    assert rate_on(c, "99020000", "2018-11-01", kind="service") == pct(9)   # 123号 speaks of products only
    assert rate_on(c, "99020000", "2018-11-01") == pct(10)
    c17 = cat(("99010000", "17%", "2015-01-01", BASE, "17%"))
    r17 = rebate_rate("99010000", "2018-08-01", catalogue=c17, kind="service")
    assert r17.library_rate == pct(17)                  # the 17% rule names goods only …
    assert r17.rate == pct(16) and r17.levy_rate == pct(16)   # … but the levy rate caps it


def test_as_known_on_and_what_if():
    c = cat(("99010000", "15%", "2015-01-01", BASE, "17%"))
    before = law.default().as_known_on("2018-10-21")
    assert rebate_rate("99010000", "2018-12-01", catalogue=c, law=before).rate == pct(15)
    after = law.default().as_known_on("2018-10-22")
    assert rebate_rate("99010000", "2018-12-01", catalogue=c, law=after).rate == pct(16)
    what_if = law.default().with_values({"export.tier_2018_11.rebate_15": "13%"})
    r = rebate_rate("99010000", "2018-12-01", catalogue=c, law=what_if)
    assert r.rate == pct(13) and "假设 what-if" in r.explain()


@pytest.mark.parametrize("day", ["2001-12-31", "1999-07-01"])
def test_outside_coverage(day):
    with pytest.raises(OutsideCoverage) as info:
        rebate_rate("9901000050", day, catalogue=Catalogue.sample())
    assert "2002-01-01 to open end" in str(info.value)


def test_coverage_edges_are_inside():
    s = Catalogue.sample()
    assert rate_on(s, "9901000050", "2025-12-31") == pct(13)
    assert rate_on(s, "9901000050", "2018-05-01") == pct(9)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"code": "9901"}, "code"),
        ({"code": 99010000}, "code"),
        ({"export_date": "2019-02-30"}, "export_date"),
        ({"exporter": "broker"}, "exporter"),
        ({"kind": "rights"}, "kind"),
        ({"levy_rate": 0.13}, "levy_rate"),
        ({"levy_rate": "18%"}, "levy_rate"),
        ({"catalogue": "sample.csv"}, "catalogue"),
    ],
)
def test_bad_inputs_name_the_field(kwargs, field):
    args = {"code": "9901000050", "export_date": "2019-05-01", "catalogue": Catalogue.sample(), **kwargs}
    with pytest.raises((InvalidInput, UnknownCategory, TypeError)) as info:
        rebate_rate(args.pop("code"), args.pop("export_date"), **args)
    assert getattr(info.value, "field", None) == field


def test_explanations_carry_catalogue_rows_and_sample_marking():
    r = rebate_rate("9901000050", "2019-05-01", catalogue=Catalogue.sample())
    assert r.source == "catalogue" and "SAMPLE" in r.explain() and "第8行" in r.explain()
    assert "SAMPLE" in r.explain("en") and "row 8" in r.explain("en")
    d = r.as_dict()
    assert d["rate"] == "0.13" and d["steps"][0]["value"] == "2019-05-01"


def test_results_ignore_a_hostile_ambient_context():
    s = Catalogue.sample()
    expected = [rebate_rate(c, "2019-05-01", catalogue=s) for c in ("9901000010", "9901000030", "9902000011")]
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        ctx.rounding = decimal.ROUND_FLOOR
        got = [rebate_rate(c, "2019-05-01", catalogue=s) for c in ("9901000010", "9901000030", "9902000011")]
    assert got == expected


# -- properties ------------------------------------------------------------------------------

FIRST, LAST = dt.date(2018, 5, 1), dt.date(2025, 12, 31)
TRANSITIONS = [(dt.date(2018, 5, 1), dt.date(2018, 7, 31)), (dt.date(2019, 4, 1), dt.date(2019, 6, 30))]
RATES = ["0%", "5%", "6%", "9%", "10%", "11%", "13%", "15%", "16%", "17%"]


def in_transition(d: dt.date) -> bool:
    return any(a <= d <= b for a, b in TRANSITIONS)


@given(st.sampled_from(RATES), st.integers(0, 2900), st.integers(0, 2900), st.lists(st.integers(0, 2900), min_size=1, max_size=6))
def test_one_row_gives_one_rate_on_every_day_of_its_window(rate_text, a, b, offsets):
    first = FIRST + dt.timedelta(min(a, b))
    last = FIRST + dt.timedelta(max(a, b))
    c = cat(("99010000", rate_text, first, last))
    days = [first + dt.timedelta(o % ((last - first).days + 1)) for o in offsets]
    days = [d for d in days if not in_transition(d) and d <= LAST]
    assume(days)
    outcomes = set()
    for d in days:
        try:
            outcomes.add(rebate_rate("99010000", d, catalogue=c).rate)
        except LawDataError as exc:   # a row the law contradicts is refused on every day alike
            outcomes.add(str(exc))
    assert len(outcomes) == 1
    only = outcomes.pop()
    assert only == Decimal(rate_text[:-1]) * P or "spans" in str(only) or "above the highest rebate rate" in str(only)


def valid_levies(d: dt.date) -> list[str]:
    return ["16%", "10%", "6%"] if d < dt.date(2019, 4, 1) else ["13%", "9%", "6%"]


@given(st.sampled_from(RATES), st.integers(0, 2900), st.data())
def test_the_rebate_rate_never_exceeds_the_levy_rate_outside_transitions(rate_text, offset, data):
    day = FIRST + dt.timedelta(offset)
    assume(not in_transition(day) and day <= LAST)
    c = cat(("99010000", rate_text, "2015-01-01", BASE))
    levy = data.draw(st.sampled_from(valid_levies(day)))
    r = rebate_rate("99010000", day, catalogue=c, levy_rate=levy)
    assert r.rate <= Decimal(levy[:-1]) * P
    assert r.rate <= r.library_rate


@given(st.sampled_from(RATES), st.integers(0, 2900), st.sampled_from(["1%", "3%", "9%", "10%", "13%", "16%", "17%"]))
def test_a_trader_never_gets_more_than_the_invoice_rate(rate_text, offset, invoice):
    day = FIRST + dt.timedelta(offset)
    assume(day <= LAST)
    c = cat(("99010000", rate_text, "2015-01-01", BASE, "17%" if rate_text != "11%" else "11%"))
    r = rebate_rate("99010000", day, catalogue=c, exporter="trader", purchase_vat_rate=invoice)
    assert Decimal(0) <= r.rate <= Decimal(invoice[:-1]) * P


def test_a_change_the_cut_did_not_make_has_no_transition():
    # 11% with a 17% levy was not cut on 2018-05-01; rows saying 10% from then on get no transition
    c = cat(("99010000", "11%", "2015-01-01", BASE, "17%"), ("99010000", "10%", "2018-05-01", "2018-12-31", "16%"))
    r = rebate_rate("99010000", "2018-06-01", catalogue=c)
    assert (r.rate, r.transition) == (pct(10), False)


ELEVEN_2026 = "财政部 税务总局公告2026年第11号 （条次未核实）"


@pytest.mark.parametrize(("day", "date_rule", "levy_rule", "invoice_rule"), [
    ("2025-12-31", "财税〔2012〕39号 第三条第（一）项", "财税〔2012〕39号 第三条第（一）项", "财税〔2012〕39号 第三条第（二）项"),
    ("2026-01-01", ELEVEN_2026, ELEVEN_2026, ELEVEN_2026),
])
def test_the_general_rules_cite_39号_to_2025_and_2026年第11号_from_2026(day, date_rule, levy_rule, invoice_rule):
    # 2026年第11号 replaced 财税〔2012〕39号 on 2026-01-01: each step cites the rule of its day, as the law data give it
    c = cat(("9901000080", "13%", "2019-04-01", "open"))
    trader = rebate_rate("9901000080", day, catalogue=c, exporter="trader", purchase_vat_rate="9%")
    assert [str(x) for x in trader.step("export_date").cite] == [date_rule]
    assert [str(x) for x in trader.step("invoice_cap").cite] == [invoice_rule]
    capped = rebate_rate("9901000080", day, catalogue=c, levy_rate="9%")
    assert capped.rate == pct(9)
    assert str(capped.step("levy_cap").cite[0]) == levy_rule


def test_the_general_rules_cite_what_the_law_given_says():
    # the citations are read from the law data, not written in the code: a what-if shows in them
    what_if = law.default().with_values({"export.rebate_rate.export_date_rule": "出口日期"})
    r = rebate_rate("9901000080", "2025-12-31", catalogue=cat(("9901000080", "13%", "2019-04-01", "open")), law=what_if)
    assert str(r.step("export_date").cite[0]).startswith("假设 what-if export.rebate_rate.export_date_rule")


def test_before_2012_07_01_the_invoice_cap_cites_the_traders_method_of_1994():
    c = cat(("9901000080", "13%", "2012-01-01", "2012-12-31"))
    r = rebate_rate("9901000080", "2012-06-30", catalogue=c, exporter="trader", purchase_vat_rate="9%")
    assert r.rate == pct(9)
    assert str(r.step("invoice_cap").cite[0]) == "国税发〔1994〕031号 附件《出口货物退（免）税管理办法》（条次未核实）"
    later = rebate_rate("9901000080", "2012-07-01", catalogue=c, exporter="trader", purchase_vat_rate="9%")
    assert str(later.step("invoice_cap").cite[0]) == "财税〔2012〕39号 第三条第（二）项"

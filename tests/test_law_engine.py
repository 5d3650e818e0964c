"""The law-data engine: validation of data files, lookups, "as known on" and what-if."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.errors import LawDataError, NotInForce, OutsideCoverage, UnknownCategory
from taxcalc.law import Law

CAP = """
["cit.test.cap"]
zh = "应纳税所得额上限"
en = "taxable income cap"
type = "money"

[["cit.test.cap".values]]
from = 2017-01-01
to = 2017-12-31
value = "500000"
doc = "财税〔2017〕43号"
article = "第一条"
enacted_to = 2019-12-31
superseded_by = "财税〔2018〕77号"

[["cit.test.cap".values]]
from = 2018-01-01
to = 2020-12-31
value = "1000000"
doc = "财税〔2018〕77号"
article = "第一条"
"""


def load(law_dir, text: str) -> Law:
    return Law.load(law_dir({"x/keys.toml": text}))


def test_lookup_inside_each_window_and_at_every_edge(law_dir):
    data = load(law_dir, CAP)
    assert data.get("cit.test.cap", "2017-01-01") == Decimal("500000")
    assert data.get("cit.test.cap", "2017-12-31") == Decimal("500000")
    assert data.get("cit.test.cap", "2018-01-01") == Decimal("1000000")
    assert data.get("cit.test.cap", "2020-12-31") == Decimal("1000000")
    v = data.value("cit.test.cap", dt.date(2018, 7, 1))
    assert (v.first, v.last, str(v.citation)) == (
        dt.date(2018, 1, 1), dt.date(2020, 12, 31), "财税〔2018〕77号 第一条"
    )


@pytest.mark.parametrize("day", ["2016-12-31", "2021-01-01", "1990-01-01"])
def test_outside_coverage_names_key_date_and_window(law_dir, day):
    data = load(law_dir, CAP)
    with pytest.raises(OutsideCoverage) as info:
        data.value("cit.test.cap", day)
    msg = str(info.value)
    assert "cit.test.cap" in msg and day in msg and "2017-01-01 to 2020-12-31" in msg


def test_as_known_on_reads_the_law_before_a_retroactive_notice(law_dir):
    data = load(law_dir, CAP)
    # 77号 was published on 2018-07-11; before that the 2018 cap was 43号's 50万.
    assert data.get("cit.test.cap", "2018-12-31", known_on="2018-07-10") == Decimal("500000")
    assert data.get("cit.test.cap", "2018-12-31", known_on="2018-07-11") == Decimal("1000000")
    assert data.get("cit.test.cap", "2019-06-30", known_on="2018-01-01") == Decimal("500000")
    # Nothing about 2020 was known before 77号 and 43号 ended in 2019.
    with pytest.raises(OutsideCoverage, match="as known on 2018-07-10"):
        data.value("cit.test.cap", "2020-01-01", known_on="2018-07-10")
    # Before 43号 itself was published nothing was known at all.
    with pytest.raises(OutsideCoverage):
        data.value("cit.test.cap", "2017-03-01", known_on="2017-06-05")
    hist = data.history("cit.test.cap", known_on="2018-07-10")
    assert [(v.first, v.value) for v in hist] == [(dt.date(2017, 1, 1), Decimal("500000"))]


def test_unknown_key_is_unknown_category(law_dir):
    data = load(law_dir, CAP)
    with pytest.raises(UnknownCategory, match="cit.test.cap"):
        data.value("cit.test.nope", "2018-01-01")
    with pytest.raises(ValueError):  # UnknownCategory is an InvalidInput, a ValueError
        data.value("cit.test.nope", "2018-01-01")


def test_declared_gap_raises_not_in_force_with_reason(law_dir):
    text = """
    ["vat.test.window"]
    zh = "转登记"
    en = "re-registration window"
    type = "flag"

    [["vat.test.window".values]]
    from = 2018-05-01
    to = 2018-12-31
    value = true
    doc = "财税〔2018〕32号"
    article = "第二条"

    [["vat.test.window".values]]
    from = 2019-01-01
    to = 2019-12-31
    gap = "no notice allowed re-registration in 2019 here"
    gap_zh = "2019年没有允许转登记的公告"

    [["vat.test.window".values]]
    from = 2020-01-01
    to = 2020-12-31
    value = true
    doc = "财税〔2018〕32号"
    article = "第二条"
    """
    data = load(law_dir, text)
    assert data.get("vat.test.window", "2018-12-31") is True
    with pytest.raises(NotInForce, match="no notice allowed"):
        data.value("vat.test.window", "2019-06-01")


WINDOW = """
["vat.test.once"]
zh = "一次性退税"
en = "one-off refund"
type = "flag"

[["vat.test.once".values]]
from = 2018-06-27
to = 2018-09-30
value = true
doc = "财税〔2018〕32号"
article = "第二条"
"""
ENDED_FOR_GOOD = """
[["vat.test.once".values]]
from = 2018-10-01
to = {to}
gap = "a one-off measure"
gap_zh = "一次性政策"
"""
STARTS_WITH_A_GAP = """
["vat.test.once"]
zh = "一次性退税"
en = "one-off refund"
type = "flag"

[["vat.test.once".values]]
from = 2018-01-01
to = 2018-06-26
gap = "not yet"
gap_zh = "尚未施行"

[["vat.test.once".values]]
from = 2018-06-27
to = 2018-09-30
value = true
doc = "财税〔2018〕32号"
article = "第二条"
"""


def test_a_measure_ended_for_good_is_an_open_gap_not_in_force_ever_after(law_dir):
    data = load(law_dir, WINDOW + ENDED_FOR_GOOD.format(to='"open"'))
    assert data.get("vat.test.once", "2018-09-30") is True
    for day in ("2018-10-01", "2099-12-31"):
        with pytest.raises(NotInForce, match="a one-off measure") as gap:
            data.value("vat.test.once", day)
        assert (gap.value.gap, gap.value.cite) == ("a one-off measure", None)  # the gap cites nothing
    with pytest.raises(OutsideCoverage) as before:
        data.value("vat.test.once", "2018-06-26")
    assert not isinstance(before.value, NotInForce)


def test_a_gap_may_not_close_coverage_on_a_date(law_dir):
    with pytest.raises(LawDataError, match="only open-ended"):
        load(law_dir, WINDOW + ENDED_FOR_GOOD.format(to="2019-12-31"))


def test_a_gap_opening_coverage_must_cite_the_document_that_started_the_measure(law_dir):
    with pytest.raises(LawDataError, match="cites the document that started the measure"):
        load(law_dir, STARTS_WITH_A_GAP)
    with pytest.raises(LawDataError, match="must be followed by a value"):
        load(law_dir, STARTS_WITH_A_GAP.split("[[", 2)[0] + "[[" + STARTS_WITH_A_GAP.split("[[", 2)[1])


def test_a_measure_not_yet_created_is_a_leading_gap_not_in_force_before_it(law_dir):
    cited = STARTS_WITH_A_GAP.replace('gap = "not yet"', 'gap = "not yet"\ndoc = "财税〔2018〕32号"\narticle = "第二条"')
    data = load(law_dir, cited)
    assert data.get("vat.test.once", "2018-06-27") is True
    for day in ("2018-01-01", "2018-06-26"):
        with pytest.raises(NotInForce, match="not yet") as gap:
            data.value("vat.test.once", day)
        assert str(gap.value.cite) == "财税〔2018〕32号 第二条"
    # known on any day: the measure did not exist yet, whatever was published then
    with pytest.raises(NotInForce):
        data.value("vat.test.once", "2018-03-01", known_on="2018-03-01")
    with pytest.raises(OutsideCoverage) as before:
        data.value("vat.test.once", "2017-12-31")
    assert not isinstance(before.value, NotInForce)


BAD_CASES = {
    "float value": ('value = "500000"', "value = 500000.0", "TOML float"),
    "unknown field": ('article = "第一条"\nenacted_to', 'article = "第一条"\ncolour = "red"\nenacted_to', "unknown field"),
    "unregistered doc": ('doc = "财税〔2018〕77号"', 'doc = "财税〔2018〕99号"', "not in the document register"),
    "overlap": ("from = 2018-01-01", "from = 2017-12-31", "overlaps"),
    "unexplained gap": ("from = 2018-01-01", "from = 2018-01-02", "unexplained gap"),
    "to before from": ("to = 2020-12-31", "to = 2017-12-31", "before 'from'"),
    "missing article": ('doc = "财税〔2018〕77号"\narticle = "第一条"', 'doc = "财税〔2018〕77号"', "missing field 'article'"),
    "bad type": ('type = "money"', 'type = "moneys"', "unknown type"),
    "negative money": ('value = "1000000"', 'value = "-1"', "non-negative"),
    "open in the middle": ("to = 2017-12-31", 'to = "open"', "only the last value may be open"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_data_fails_loudly_naming_the_place(law_dir, case):
    old, new, expected = BAD_CASES[case]
    assert old in CAP
    with pytest.raises(LawDataError) as info:
        load(law_dir, CAP.replace(old, new, 1))
    assert expected in str(info.value)
    assert "x/keys.toml" in str(info.value)


def test_bad_register_and_bad_toml(law_dir):
    with pytest.raises(LawDataError, match="missing field 'issuer'"):
        Law.load(law_dir({"x/keys.toml": CAP}, docs='[[document]]\nnumber = "A"\ntitle = "t"\n'
                          'issued = 2018-01-01\neffective_from = 2018-01-01\neffective_to = "open"\n'))
    with pytest.raises(LawDataError, match="not valid TOML"):
        load(law_dir, CAP + "\n[[[")


def test_duplicate_key_across_files(law_dir):
    with pytest.raises(LawDataError, match="also defined"):
        Law.load(law_dir({"a.toml": CAP, "b.toml": CAP}))


def test_what_if_replaces_a_value_and_cites_it_as_supplied(law_dir):
    data = load(law_dir, CAP)
    alt = data.with_values({"cit.test.cap": "3000000"})
    assert alt.get("cit.test.cap", "2018-05-01") == Decimal("3000000")
    assert data.get("cit.test.cap", "2018-05-01") == Decimal("1000000")  # unchanged
    assert alt.value("cit.test.cap", "2018-05-01").citation.doc.startswith("假设")
    with pytest.raises(LawDataError):
        data.with_values({"cit.test.cap": 1.5})
    with pytest.raises(OutsideCoverage):  # coverage is kept
        alt.value("cit.test.cap", "2021-01-01")


# -- the package's own data ------------------------------------------------------

def test_package_data_loads_and_every_key_has_cited_values():
    data = law.default()
    assert data.keys()
    for key in data.keys():
        spec = data.spec(key)
        for v in spec.values:
            if not v.gap:
                doc = data.document(v.citation.doc)
                assert v.citation.article, key
                # a value never starts before the register says its document took effect
                # unless the document says it applies retroactively; both are dates
                assert isinstance(doc.issued, dt.date)


@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))
def test_every_key_tiles_its_coverage(day):
    """Inside a key's coverage exactly one value (or declared gap) holds; outside, an error."""
    data = law.default()
    for key in data.keys():
        spec = data.spec(key)
        holding = [
            v for v in spec.values if v.first <= day and (v.last is None or day <= v.last)
        ]
        inside = spec.first <= day and (spec.last is None or day <= spec.last)
        assert len(holding) == (1 if inside else 0), key
        if not inside:
            with pytest.raises(OutsideCoverage):
                data.value(key, day)
        elif holding[0].gap:
            with pytest.raises(NotInForce):
                data.value(key, day)
        else:
            assert data.value(key, day) is holding[0]


def test_every_switch_day_and_the_day_before_give_adjacent_values():
    data = law.default()
    for key in data.keys():
        values = data.spec(key).values
        for before, after in zip(values, values[1:], strict=False):
            day = after.first
            if not after.gap:
                assert data.value(key, day) is after
            if not before.gap:
                assert data.value(key, day - dt.timedelta(days=1)) is before


def test_lookup_accepts_iso_strings_and_rejects_nonsense():
    assert law.value("vat.rate.standard", "2019-04-01").value == Decimal("0.13")
    with pytest.raises(ValueError, match="on: '2019-02-30' is not a date"):
        law.value("vat.rate.standard", "2019-02-30")


def test_as_known_on_view_applies_to_every_lookup(law_dir):
    data = load(law_dir, CAP)
    view = data.as_known_on("2018-07-10")
    assert view.get("cit.test.cap", "2018-03-01") == Decimal("500000")
    assert view.get("cit.test.cap", "2018-03-01", known_on="2018-08-01") == Decimal("1000000")
    assert [v.value for v in view.history("cit.test.cap")] == [Decimal("500000")]
    # a what-if built on the view keeps the view's day
    assert view.with_values({"cit.test.cap": "1"}).known_on == view.known_on


def test_an_unknown_key_suggests_the_nearest_names_not_every_key():
    data = law.default()
    with pytest.raises(UnknownCategory) as info:
        data.value("vat.rate.standrad", "2019-04-01")
    message = str(info.value)
    assert message.startswith("key: unknown value 'vat.rate.standrad'; did you mean vat.rate.standard")
    assert "taxcalc law" in message and len(message) < 200
    assert info.value.known == data.keys()  # every key is still there for a program
    with pytest.raises(UnknownCategory, match=r"the keys under vat\. are vat\.agri\.\*, .*vat\.rate\.\*"):
        data.spec("vat.nope")
    with pytest.raises(UnknownCategory, match=r"the keys are eit\.\*, environment\.\*, export\.\*, vat\.\*"):
        data.spec("nokey")


def test_an_unknown_document_suggests_the_nearest_numbers():
    with pytest.raises(UnknownCategory, match="did you mean 财税〔2018〕123号"):
        law.document("财税〔2018〕23号")


def test_the_module_answers_every_lookup_on_the_package_data():
    assert law.documents() == law.default().documents()
    assert law.spec("vat.rate.standard") is law.default().spec("vat.rate.standard")

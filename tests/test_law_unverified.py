"""A window declared unverified (``gap`` with ``unverified = true``): refused with its reason, never guessed.

The law of the window exists but what it says was not verified in a text.  A lookup
raises :class:`~taxcalc.errors.Unverified` (an ``OutsideCoverage``, not ``NotInForce``:
it is no answer), the key's coverage status is ``unverified``, and such a window may end
on a day, after which the data simply stop.
"""

from __future__ import annotations

import datetime as dt

import pytest

from taxcalc.errors import LawDataError, NotInForce, OutsideCoverage, Unverified
from taxcalc.law import Law, coverage

KNOWN = """
["vat.test.extra"]
zh = "加计扣除率"
en = "extra deduction rate"
type = "rate"

[["vat.test.extra".values]]
from = 2018-01-01
to = 2018-12-31
value = "1%"
doc = "财税〔2018〕32号"
article = "第二条"
"""
UNVERIFIED = """
[["vat.test.extra".values]]
from = 2019-01-01
to = {to}
gap = "Not verified: whether it goes on in 2019"
gap_zh = "未核实：2019年是否继续"
unverified = {flag}
"""


def load(law_dir, text: str) -> Law:
    return Law.load(law_dir({"x/keys.toml": text}))


def test_a_day_inside_the_window_is_refused_with_the_reason(law_dir):
    data = load(law_dir, KNOWN + UNVERIFIED.format(to="2019-12-31", flag="true"))
    assert str(data.get("vat.test.extra", "2018-12-31")) == "0.01"         # the day before
    for day in ("2019-01-01", "2019-12-31"):                                 # first and last day
        with pytest.raises(Unverified) as info:
            data.value("vat.test.extra", day)
        err = info.value
        assert not isinstance(err, NotInForce) and isinstance(err, OutsideCoverage)
        assert err.reason == "Not verified: whether it goes on in 2019"
        assert err.reason_zh == "未核实：2019年是否继续"
        assert err.cite is None and (err.first, err.last) == (dt.date(2018, 1, 1), dt.date(2019, 12, 31))
        assert str(err) == f"vat.test.extra on {day}: not verified: {err.reason}"
    with pytest.raises(OutsideCoverage) as after:                            # the day after: data stop
        data.value("vat.test.extra", "2020-01-01")
    assert type(after.value) is OutsideCoverage


def test_the_window_may_cite_the_document_in_doubt(law_dir):
    cited = UNVERIFIED.format(to='"open"', flag="true") + 'doc = "财税〔2018〕32号"\narticle = "第三条"\n'
    data = load(law_dir, KNOWN + cited)
    with pytest.raises(Unverified) as info:
        data.value("vat.test.extra", "2030-06-01")
    assert str(info.value.cite) == "财税〔2018〕32号 第三条"


def test_coverage_reports_the_window_as_unverified(law_dir):
    data = load(law_dir, KNOWN + UNVERIFIED.format(to="2019-12-31", flag="true"))
    (row,) = coverage("2019-06-01", law=data)
    assert (row.answers, row.status, row.last) == (False, "unverified", dt.date(2019, 12, 31))
    assert row.reason.startswith("Not verified: ") and row.citation == ""
    (after,) = coverage("2020-01-01", law=data)
    assert (after.status, after.reason) == ("ended", "end of data: the last value () ends on 2019-12-31")
    (before,) = coverage("2018-12-31", law=data)
    assert before.status == "in force"


def test_shown_says_not_verified_rather_than_none(law_dir):
    data = load(law_dir, KNOWN + UNVERIFIED.format(to="2019-12-31", flag="true"))
    last = data.spec("vat.test.extra").values[-1]
    assert (last.unverified, last.shown("zh"), last.shown("en")) == (True, "（未核实）", "(not verified)")


def test_without_the_mark_a_gap_still_may_not_close_coverage_on_a_date(law_dir):
    with pytest.raises(LawDataError, match="only open-ended"):
        load(law_dir, KNOWN + UNVERIFIED.format(to="2019-12-31", flag="false"))


def test_the_mark_needs_a_gap_and_a_boolean(law_dir):
    value_marked = KNOWN.replace('value = "1%"', 'value = "1%"\nunverified = true')
    with pytest.raises(LawDataError, match="'unverified' marks a gap"):
        load(law_dir, value_marked)
    with pytest.raises(LawDataError, match="must be true or false"):
        load(law_dir, KNOWN + UNVERIFIED.format(to="2019-12-31", flag='"yes"'))

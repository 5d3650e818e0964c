"""Law.memo: what the rules derive from the law, kept once per Law instance."""

from __future__ import annotations

import datetime as dt

from taxcalc.law import Law, default


def _rate(law: Law, year: int) -> object:
    _rate.calls += 1  # type: ignore[attr-defined]
    return law.value("eit.rate.standard", dt.date(year, 12, 31)).value


def test_a_reading_is_made_once_per_law_and_arguments():
    _rate.calls = 0  # type: ignore[attr-defined]
    law = default()
    first = law.memo(_rate, 2018)
    assert law.memo(_rate, 2018) is first
    assert _rate.calls in (0, 1)  # 0 when an earlier test kept it already
    law.memo(_rate, 2019)
    assert _rate.calls in (1, 2)


def test_a_what_if_law_and_a_view_have_their_own():
    law = default()
    what_if = law.with_values({"eit.rate.standard": "30%"})
    view = law.as_known_on("2018-07-10")
    assert str(law.memo(_rate, 2018)) == "0.25"
    assert str(what_if.memo(_rate, 2018)) == "0.3"
    assert str(view.memo(_rate, 2018)) == "0.25"

"""Re-registration as small-scale: every step (label, value, unit, formula, citation) of
the main paths — the last 12 of 13 months, a young business estimated from its
average, a pilot-registered taxpayer in 2018, a taxpayer that returned to general, a
closed window, the check after re-registration with and without a breach, by month
and by quarter — then the windows' reasons, the scope, the bar and the fields each
refusal names.

What each case must show is kept in ``golden/vat_reregistration.json`` (see ``_golden.py``)."""

from __future__ import annotations

import datetime
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from _golden import Golden
from kill_helpers import fields, rows

import taxcalc.law
from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.law import Law, default
from taxcalc.vat import may_reregister, reregistered_sales_check

P = Decimal

# Reviewed against 国家税务总局公告2018年第18号 第一条、第八条, 2019年第4号 第五条 and 财税〔2018〕33号 第一条.
# the fields compared of each function's result
MAY_REREGISTER = ("annual_sales", "cap", "eligible", "estimated", "on", "period", "periods_counted")
SALES_CHECK = ("breach_period", "breach_period_start", "cumulative_sales", "must_register", "period",
               "periods_tested", "reregistered_on", "standard", "window_first_day", "window_periods")
CASES = {
    'again': (lambda: may_reregister(['100000'] * 12, '2019-03-01', previously_reregistered=True), MAY_REREGISTER),
    'breach': (lambda: reregistered_sales_check(['1000000'] * 6, '2018-06-15'), SALES_CHECK),
    'closed': (lambda: may_reregister(['100000'] * 4, '2020-03-01', period='quarter'), MAY_REREGISTER),
    'no_breach': (lambda: reregistered_sales_check(['1000000'] * 5, '2018-06-15'), SALES_CHECK),
    'pilot_2018': (lambda: may_reregister(['100000'] * 4, '2018-10-15', period='quarter', registered_under='pilot'), MAY_REREGISTER),
    'quarters': (lambda: reregistered_sales_check(['2000000'] * 3, '2018-06-15', period='quarter', sector='services'), SALES_CHECK),
    'twelve_of_thirteen': (lambda: may_reregister(['400000'] * 13, '2018-10-15'), MAY_REREGISTER),
    'young': (lambda: may_reregister(['450000', '420000', '380000'], '2019-03-01'), MAY_REREGISTER),
}
GOLDEN = Golden("vat_reregistration", CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    call, names = CASES[case]
    result = call()
    GOLDEN.check(case, fields=fields(result, names), steps=rows(result.steps))


FIRST_GAP = ("no re-registration window was open: the 2019 window closed on 2019-12-31 and "
             "国家税务总局公告2020年第9号 applies from 2020-05-01")
SECOND_GAP = ("no re-registration window has been open since the window of 国家税务总局公告2020年第9号 "
              "closed on 2020-12-31; no later notice reopened one")


@pytest.mark.parametrize(("day", "reason"), [("2020-01-01", FIRST_GAP), ("2020-04-30", FIRST_GAP),
                                             ("2021-01-01", SECOND_GAP), ("2030-06-30", SECOND_GAP)])
def test_a_closed_window_gives_the_reason_of_that_day(day, reason):
    r = may_reregister(["1"], day)
    assert [(s.name, s.en, s.value) for s in r.steps] == [
        ("window_open", f"re-registration window open ({reason})", False)]


def test_from_2019_any_general_taxpayer_is_in_scope():
    r = may_reregister(["100000"] * 4, "2019-03-01", period="quarter", registered_under="pilot")
    assert r.eligible is True and "in_scope" not in [s.name for s in r.steps]


def test_the_bar_on_re_registering_again_follows_the_law_given():
    lifted = default().with_values({"vat.reregistration.once_only": False})
    r = may_reregister(["100000"] * 12, "2019-03-01", previously_reregistered=True, law=lifted)
    assert r.eligible is True
    assert [(s.name, s.value) for s in r.steps if s.name in ("once_only", "not_again")] == [("once_only", False)]
    c = reregistered_sales_check(["6000000"], "2019-03-15", law=lifted)
    assert (c.must_register, c.steps[-1].name, c.steps[-1].value) == (True, "may_reregister_again", True)


def test_the_cap_and_periods_come_from_the_law_given():
    what_if = default().with_values({"vat.reregistration.sales_cap": "1000000",
                                     "vat.reregistration.lookback_months": 6,
                                     "vat.reregistration.monitoring_months": 2})
    r = may_reregister(["100000"] * 12, "2019-03-01", law=what_if)
    assert (r.periods_counted, r.annual_sales, r.cap, r.eligible) == (6, P("600000"), P("1000000"), True)
    c = reregistered_sales_check(["2000000"] * 4, "2019-03-15", law=what_if)
    assert (c.window_periods, c.periods_tested, c.must_register) == (2, 2, False)


def test_the_window_after_re_registration_counts_from_the_next_period():
    c = reregistered_sales_check(["5000000", "0.01"], "2019-12-31", period="quarter")
    assert (c.window_first_day, c.breach_period, c.breach_period_start) == (
        datetime.date(2020, 1, 1), 2, datetime.date(2020, 4, 1))
    first = reregistered_sales_check(["5000000.01"], "2019-12-31")
    assert (first.breach_period, first.breach_period_start, first.cumulative_sales) == (
        1, datetime.date(2020, 1, 1), P("5000000.01"))


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: may_reregister("400000", "2019-03-01"), "sales_by_period"),
        (lambda: may_reregister([], "2019-03-01"), "sales_by_period"),
        (lambda: may_reregister(["1", "-1"], "2019-03-01"), "sales_by_period[1]"),
        (lambda: may_reregister(["1"], "2019-02-30"), "on"),
        (lambda: may_reregister(["1"], "2019-03-01", previously_reregistered="no"), "previously_reregistered"),
        (lambda: reregistered_sales_check(["1"], "2019-02-30"), "reregistered_on"),
        (lambda: reregistered_sales_check(("1", "x"), "2019-03-01"), "sales_by_period[1]"),
    ],
)
def test_each_refusal_names_its_field(call, field):
    with pytest.raises(InvalidInput) as info:
        call()
    assert str(info.value).startswith(f"{field}: ")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: may_reregister(["1"], "2019-03-01", period="year"), "period"),
        (lambda: may_reregister(["1"], "2019-03-01", registered_under="other"), "registered_under"),
        (lambda: reregistered_sales_check(["1"], "2019-03-01", period="year"), "period"),
        (lambda: reregistered_sales_check(["1"], "2019-03-01", sector="retail"), "sector"),
    ],
)
def test_an_unknown_choice_names_its_field(call, field):
    with pytest.raises(UnknownCategory) as info:
        call()
    assert str(info.value).startswith(f"{field}: unknown value")


def test_the_refusals_of_the_sales_list_say_what_is_wrong():
    with pytest.raises(InvalidInput) as info:
        may_reregister("400000", "2019-03-01")
    assert str(info.value) == "sales_by_period: must be a list of the sales of each period, oldest first"
    with pytest.raises(InvalidInput) as info:
        reregistered_sales_check([], "2019-03-01")
    assert str(info.value) == "sales_by_period: needs the sales of at least one period"


SPLIT = '''[["vat.small_scale.standard.production".values]]
from = 2018-05-01
to = 2018-08-31
value = "5000000"
doc = "财税〔2018〕33号"
article = "第一条"

[["vat.small_scale.standard.production".values]]
from = 2018-09-01
to = 2025-12-31
value = "6000000"
doc = "财税〔2018〕33号"
article = "第二条"
'''


@pytest.fixture(scope="module")
def standard_raised(tmp_path_factory):
    """The package's law with the producers' standard raised to 600万 from 2018-09-01 (a test law)."""
    root = tmp_path_factory.mktemp("law") / "data"
    shutil.copytree(Path(taxcalc.law.__file__).parent / "data", root)
    path = root / "vat" / "small_scale.toml"
    text = path.read_text("utf-8")
    old = re.search(r'\[\["vat\.small_scale\.standard\.production"\.values\]\]\nfrom = 2018-05-01\n.*?\n\n',
                    text, re.S)
    assert old is not None
    path.write_text(text.replace(old.group(0), SPLIT + "\n"), "utf-8")
    return Law.load(root)


def test_each_period_is_tested_against_the_standard_of_its_first_day(standard_raised):
    # July and August at 500万: 550万 by August is a breach
    c = reregistered_sales_check(["1000000", "4500000"], "2018-06-15", law=standard_raised)
    assert (c.breach_period, c.standard) == (2, P("5000000"))
    # August at 500万, then 600万: 550万 by October is within it
    c = reregistered_sales_check(["1000000", "1000000", "3500000"], "2018-07-15", law=standard_raised)
    assert (c.must_register, c.standard, c.cumulative_sales) == (False, P("6000000"), P("5500000"))
    # the standard shown is the one of the first period tested
    shown = [s for s in c.steps if s.name == "limit"]
    assert [(s.value, str(s.cite[0])) for s in shown] == [(P("5000000"), "财税〔2018〕33号 第一条")]


def test_the_sum_shown_stops_at_the_breach():
    c = reregistered_sales_check(["6000000", "1", "1"], "2019-03-15")
    step = c.step("cumulative_sales")
    assert (step.value, step.formula, step.en) == (
        P("6000000"), "SUM(sales_by_period[:1])", "taxable sales of the first 1 months after the re-registration day")

"""Venture-capital deduction shown in full (a snapshot, ``tests/snapshot.py``): a holding that
completes in the year and one that does not, start-up investees before and from 2018, a
carry-forward, a loss year, the rule switched off; the main steps asserted one by one (value,
citation, return-form line); each refused argument named with its reason."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest

from snapshot import check, shown
from taxcalc.eit import venture_capital
from taxcalc.eit.venture import VentureInvestment
from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.law import default

P = Decimal
D = _dt.date


def inv(name="A", target="hnte_sme", day=D(2017, 1, 1), amount="10000000"):  # noqa: B008
    return VentureInvestment(name=name, target=target, registered_on=day, amount=P(amount))


CASES = {
    "completes, income short": (2018, [inv()], "5000000", "0"),
    "completes the day after the year": (2018, [inv(day=D(2017, 1, 2))], "5000000", "0"),
    "start-up before 2018 and from 2018": (2018, [inv("early", "startup_tech", D(2015, 12, 31)),
                                                  inv("late", "startup_tech", D(2016, 1, 2), "333.33")],
                                           "100", "0"),
    "start-up completing in 2017": (2017, [inv("s", "startup_tech", D(2015, 6, 1))], "100", "0"),
    "a loss year with a carry-forward": (2018, [inv(amount="1")], "-5", "100.50"),
    "more income than available": (2019, [inv(day=D(2017, 3, 1), amount="1000.01")], "1000000", "50"),
}


def run(year, investments, income, brought, **kw):
    return venture_capital(year, investments, income=P(income), brought_forward=P(brought), **kw)


def test_every_case_shown_in_full():
    out = {name: shown(run(*args)) for name, args in CASES.items()}
    off = default().with_values({"eit.venture.in_force": False})
    out["switched off"] = shown(run(2018, [inv()], "5000000", "10", law=off))
    check("eit_venture", out)


def cites(step):
    return tuple(str(c) for c in step.cite)


def test_the_main_steps_value_citation_and_line():
    r = run(2018, [inv(), inv("B", day=D(2017, 1, 2))], "5000000", "100")
    art97 = "国务院令第512号 第九十七条"
    expected = {
        "investments[0].completes": (D(2018, 12, 31), (art97,), ""),
        "investments[0].earned": (P("7000000.00"), (art97,), "A107030"),
        "investments[1].completes": (D(2019, 1, 1), (art97,), ""),
        "income": (P("5000000"), (), "A100000"),
        "available": (P("7000100.00"), (), "A107030"),
        "deducted": (P("5000000"), (art97,), "A107030"),
        "carried_forward": (P("2000100.00"), (art97,), "A107030"),
    }
    for key, (value, cite, line) in expected.items():
        s = r.step(key)
        assert (s.value, cites(s), s.line) == (value, cite, line), key
    assert [s.name for s in r.steps] == ["investments[0].completes", "investments[0].earned",
                                        "investments[1].completes", "income", "available", "deducted",
                                        "carried_forward"]
    assert (r.year, r.income, r.earned, r.available, r.deducted, r.carried_forward, r.completed) == (
        2018, P("5000000"), P("7000000.00"), P("7000100.00"), P("5000000"), P("2000100.00"), ("A",))
    assert r.step("investments[0].completes").formula == "2017-01-01 + 24 months − 1 day"
    assert r.step("investments[0].completes").formula_zh == "2017-01-01 + 24个月 − 1日"
    assert r.step("investments[0].earned").formula == "ROUND(10,000,000.00 × 70%, 2)"


def test_a_start_up_investee_cites_the_2018_notice_too():
    r = run(2018, [inv("s", "startup_tech", D(2016, 1, 2), "100")], "1000", "0")
    s = r.step("investments[0].earned")
    assert (s.value, len(s.cite), str(s.cite[1]).startswith("财税〔2018〕55号")) == (P("70.00"), 2, True)
    r = run(2017, [inv("s", "startup_tech", D(2015, 6, 1), "100")], "1000", "0")
    s = r.step("investments[0].qualifies")
    assert (s.value, s.unit, r.earned, r.completed) == (False, "bool", 0, ())
    assert s.en == "s: investments in start-up technology enterprises did not qualify then"


def test_the_rule_switched_off_earns_nothing_and_says_why():
    off = default().with_values({"eit.venture.in_force": False})
    r = run(2018, [inv()], "5000000", "10", law=off)
    s = r.step("investments[0].qualifies")
    assert (s.value, s.en, cites(s)) == (False, "A: not in force", ("假设 what-if eit.venture.in_force = False",))
    assert (r.earned, r.available, r.deducted, r.completed) == (0, P("10"), P("10"), ())
    shorter = default().with_values({"eit.venture.holding_months": 12})
    assert run(2018, [inv(day=D(2017, 1, 2))], "5000000", "0", law=shorter).earned == P("7000000.00")


@pytest.mark.parametrize(("investments", "kw", "field", "reason"), [
    ("A", {}, "investments", "must be a list of VentureInvestment"),
    (None, {}, "investments", "must be a list of VentureInvestment"),
    (["A"], {}, "investments[0]", "must be a VentureInvestment"),
    ([inv(), inv(day=D(2019, 1, 1))], {}, "investments[1].registered_on", "2019-01-01 is after tax year 2018"),
    ([inv()], {"brought_forward": P("-1")}, "brought_forward", "must not be negative (got -1)"),
])
def test_each_refused_argument_is_named(investments, kw, field, reason):
    with pytest.raises(InvalidInput) as info:
        venture_capital(2018, investments, income=P("1"), **kw)
    assert (info.value.field, info.value.reason) == (field, reason)


def test_a_bad_target_and_a_float_income_are_named():
    bad = VentureInvestment.__new__(VentureInvestment)
    for name, value in (("name", "A"), ("target", "angel"), ("registered_on", D(2017, 1, 1)), ("amount", P(1))):
        object.__setattr__(bad, name, value)
    with pytest.raises(InvalidInput) as info:
        venture_capital(2018, [inv(), bad], income=P("1"))
    assert info.value.field == "investments[1].target"
    with pytest.raises(NotMoney) as info2:
        venture_capital(2018, [inv()], income=1.0)  # type: ignore[arg-type]
    assert info2.value.field == "income"
    with pytest.raises(InvalidInput) as info3:
        venture_capital("2018", [inv()], income=P("1"))  # type: ignore[arg-type]
    assert info3.value.field == "year"


def test_an_investment_that_does_not_qualify_leaves_the_next_one_counted():
    r = run(2017, [inv("s", "startup_tech", D(2015, 6, 1), "100"), inv("B", day=D(2015, 6, 1), amount="200")],
            "1000", "0")
    assert (r.earned, r.completed) == (P("140.00"), ("B",))
    assert [s.name for s in r.steps[:4]] == ["investments[0].completes", "investments[0].qualifies",
                                            "investments[1].completes", "investments[1].earned"]
    off = default().with_values({"eit.venture.in_force": False})
    r = run(2018, [inv(), inv("B")], "5000000", "0", law=off)
    assert [s.name for s in r.steps[:4]] == ["investments[0].completes", "investments[0].qualifies",
                                            "investments[1].completes", "investments[1].qualifies"]

"""Project income holidays shown in full (a snapshot, ``tests/snapshot.py``): the year before
the first income, the first, third, fourth, sixth and seventh years, both kinds, a loss, a
contracted infrastructure project, income not accounted separately, a given rate, the rule
and its conditions switched off; the main steps asserted one by one (value, citation,
return-form line); each refused argument named with its reason."""

from __future__ import annotations

from decimal import Decimal

import pytest

from snapshot import check, shown
from taxcalc.eit import project_holiday
from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.law import default

P = Decimal
ART87, ART88 = "国务院令第512号 第八十七条", "国务院令第512号 第八十八条"


def run(year, kind="infrastructure", first=2018, income="2000000.01", **kw):
    return project_holiday(year, kind, first_income_year=first, income=P(income), **kw)


CASES = {
    "year before the first income": (2017, "infrastructure", 2018, "100", {}),
    "first year": (2018, "infrastructure", 2018, "2000000.01", {}),
    "third year": (2020, "environment", 2018, "2000000.01", {}),
    "fourth year": (2021, "environment", 2018, "2000000.01", {}),
    "sixth year": (2023, "infrastructure", 2018, "1.01", {}),
    "seventh year": (2024, "infrastructure", 2018, "1000", {}),
    "a loss in the first year": (2018, "infrastructure", 2018, "-500", {}),
    "a loss in the fifth year": (2022, "environment", 2018, "-500", {}),
    "contracted infrastructure": (2018, "infrastructure", 2018, "1000", {"contracted_or_own_use": True}),
    "contracted environment project": (2018, "environment", 2018, "1000", {"contracted_or_own_use": True}),
    "not accounted separately": (2021, "environment", 2018, "1000", {"separately_accounted": False}),
    "a given rate": (2019, "infrastructure", 2018, "1000", {"rate": P("0.15")}),
}


def test_every_case_shown_in_full():
    out = {name: shown(run(y, k, f, i, **kw)) for name, (y, k, f, i, kw) in CASES.items()}
    off = default().with_values({"eit.project.infrastructure.in_force": False})
    out["switched off"] = shown(run(2018, law=off))
    out["switched off, contracted"] = shown(run(2018, law=off, contracted_or_own_use=True))
    free = default().with_values({"eit.project.contracting_excluded": False, "eit.project.separate_accounting": False})
    out["conditions switched off"] = shown(run(2018, law=free, contracted_or_own_use=True, separately_accounted=False))
    check("eit_project_holiday", out)


def cites(step):
    return tuple(str(c) for c in step.cite)


@pytest.mark.parametrize(("year", "n", "phase", "reduction", "cite"), [
    (2017, 0, "none", "0", ()), (2018, 1, "exempt", "2000000.01", (ART87,)), (2020, 3, "exempt", "2000000.01", (ART87,)),
    (2021, 4, "half", "1000000.01", (ART87,)), (2023, 6, "half", "1000000.01", (ART87,)), (2024, 7, "none", "0", ()),
])
def test_each_year_of_the_holiday(year, n, phase, reduction, cite):
    r = run(year)
    assert (r.year, r.kind, r.holiday_year, r.phase, r.income, r.reduction) == (
        year, "infrastructure", n, phase, P("2000000.01"), P(reduction))
    assert r.tax_saved == (P(reduction) * P("0.25")).quantize(P("0.01"))
    s = r.step("reduction")
    assert (s.value, cites(s), s.line) == (P(reduction), cite, "A107020")
    assert r.step("holiday_year").value == n
    assert cites(r.step("holiday_year")) == (ART87,)
    assert r.step("holiday_year").formula == f"{year} − 2018 + 1"
    assert r.step("income").line == "A107020"
    assert [s.name for s in r.steps] == ["in_force", "exempt_years", "half_years", "levy_share", "holiday_year",
                                        "income", "reduction", "standard", "tax_saved"]


def test_the_formulas_of_each_phase():
    assert run(2018).step("reduction").formula == "2,000,000.01"
    assert run(2018).step("reduction").formula_zh == "项目所得 2,000,000.01"
    assert run(2021).step("reduction").formula == "ROUND(2,000,000.01 × 50%, 2)"
    assert run(2021).step("reduction").formula_zh == "ROUND(项目所得 2,000,000.01 × 50%, 2)"
    assert run(2024).step("reduction").formula == "0"
    assert run(2021).step("tax_saved").formula == "ROUND(1,000,000.01 × 25%, 2)"
    assert cites(run(2021, "environment").step("reduction")) == (ART88,)


def test_what_bars_the_holiday_and_its_citation():
    r = run(2018, contracted_or_own_use=True)
    assert (r.phase, r.reduction, r.tax_saved, r.step("qualifies").value) == ("none", 0, 0, False)
    assert cites(r.step("qualifies")) == (ART87,)
    assert run(2018, "environment", contracted_or_own_use=True).phase == "exempt"
    r = run(2018, separately_accounted=False)
    assert (r.phase, r.reduction) == ("none", 0)
    assert cites(r.step("qualifies")) == ("国务院令第512号 第一百零二条",)
    off = default().with_values({"eit.project.infrastructure.in_force": False})
    r = run(2018, law=off, separately_accounted=False)
    assert cites(r.step("qualifies")) == ("假设 what-if eit.project.infrastructure.in_force = False",)
    free = default().with_values({"eit.project.contracting_excluded": False, "eit.project.separate_accounting": False})
    r = run(2018, law=free, contracted_or_own_use=True, separately_accounted=False)
    assert r.phase == "exempt"
    assert "qualifies" not in [s.name for s in r.steps]


def test_a_loss_takes_nothing_off_and_a_given_rate_is_used():
    assert run(2018, income="-1").reduction == 0
    assert run(2021, income="-1").reduction == 0
    r = run(2019, rate=P("0.15"))
    assert (r.rate, r.tax_saved, r.step("rate").value) == (P("0.15"), P("300000.00"), P("0.15"))
    assert run(2019, rate=P("0")).tax_saved == 0
    assert run(2019, rate=P("1")).tax_saved == P("2000000.01")


@pytest.mark.parametrize(("kw", "field"), [
    ({"year": "2018"}, "year"), ({"kind": "road"}, "kind"), ({"first_income_year": 2018.0}, "first_income_year"),
    ({"income": 1.0}, "income"), ({"separately_accounted": "yes"}, "separately_accounted"),
    ({"contracted_or_own_use": 1}, "contracted_or_own_use"), ({"rate": P("1.01")}, "rate"),
    ({"rate": P("-0.01")}, "rate"), ({"rate": P("Infinity")}, "rate"), ({"rate": 0.25}, "rate"),
])
def test_each_refused_argument_is_named(kw, field):
    args = {"year": 2018, "kind": "infrastructure", "first_income_year": 2018, "income": P("1")} | kw
    with pytest.raises((InvalidInput, NotMoney)) as info:
        project_holiday(args.pop("year"), args.pop("kind"), **args)
    assert info.value.field == field
    if field == "rate":
        assert info.value.reason == f"must be a Decimal share between 0 and 1 (got {kw['rate']!r})"


def test_each_phase_cites_its_own_value():
    what_if = default().with_values({"eit.project.infrastructure.levy_share": "50%"})
    assert cites(run(2018, law=what_if).step("reduction")) == (ART87,)
    assert cites(run(2021, law=what_if).step("reduction")) == ("假设 what-if eit.project.infrastructure.levy_share = 50%",)


def test_a_year_before_the_first_income_is_never_in_the_holiday():
    no_exempt = default().with_values({"eit.project.infrastructure.exempt_years": 0})
    r = run(2017, law=no_exempt)
    assert (r.holiday_year, r.phase, r.reduction) == (0, "none", 0)
    assert (run(2018, law=no_exempt).phase, run(2020, law=no_exempt).phase, run(2021, law=no_exempt).phase) == (
        "half", "half", "none")

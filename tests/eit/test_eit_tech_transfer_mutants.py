"""Technology-transfer income shown in full (a snapshot, ``tests/snapshot.py``): income under,
at and over 500万, each reason a transfer does not qualify, other deductions, a net loss, a
given rate, the rule switched off; the main steps asserted one by one (value, citation,
return-form line); each refused argument named with its reason, through the function and
through the input record."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest

from snapshot import check, shown
from taxcalc.eit import tech_transfer
from taxcalc.eit.tech_transfer import TechnologyTransfer, TechTransferInput
from taxcalc.errors import InputProblems, InvalidInput
from taxcalc.inputs import parse
from taxcalc.law import default

P = Decimal
D = _dt.date


JUNE_30 = D(2019, 6, 30)


def tt(name="patent A", kind="ownership", day=JUNE_30, revenue="9000000", cost="1000000", taxes="0",
       other="0", years=None, *, registered=True, holding="0"):
    return TechnologyTransfer(name=name, kind=kind, income_date=day, revenue=P(revenue), cost=P(cost),
                              related_taxes=P(taxes), other_deductions=P(other), licence_years=years,
                              contract_registered=registered, related_holding=P(holding))


CASES = {
    "over 500万": (2019, [tt()], None),
    "exactly 500万": (2019, [tt(revenue="5000000", cost="0")], None),
    "under, with taxes and other deductions": (2019, [tt(revenue="300000", cost="100000", taxes="1000.50",
                                                        other="2000")], None),
    "a licence of five years and one of four": (2019, [tt("licence 5", "exclusive_licence", years=5),
                                                       tt("licence 4", "exclusive_licence", years=4)], None),
    "non-exclusive before and after 2015-10-01": (2015, [tt("early", "non_exclusive_licence", D(2015, 9, 30),
                                                            years=5),
                                                         tt("late", "non_exclusive_licence", D(2015, 10, 1),
                                                            years=5)], None),
    "unregistered and related party": (2019, [tt("unregistered", registered=False),
                                              tt("related", holding="1"), tt("related 99%", holding="0.99")], None),
    "a net loss": (2019, [tt(revenue="100", cost="1000")], None),
    "a given rate": (2019, [tt(revenue="6000001", cost="0")], P("0.15")),
}


def test_every_case_shown_in_full():
    out = {name: shown(tech_transfer(y, ts, rate=rate)) for name, (y, ts, rate) in CASES.items()}
    off = default().with_values({"eit.tech_transfer.in_force": False})
    out["switched off"] = shown(tech_transfer(2019, [tt()], law=off))
    check("eit_tech_transfer", out)


def cites(step):
    return tuple(str(c) for c in step.cite)


def test_the_main_steps_value_citation_and_line():
    r = tech_transfer(2019, [tt(other="1")])
    art90 = ("国务院令第512号 第九十条",)
    expected = {
        "transfers[0].income": (P("7999999"), (), ""),
        "income": (P("7999999"), (), "A107020"),
        "exempt_limit": (P("5000000"), art90, ""),
        "exempt": (P("5000000"), art90, "A107020"),
        "half_taxed": (P("2999999"), art90, "A107020"),
        "reduction": (P("6499999.50"), art90, "A107020"),
        "standard": (P("0.25"), cites(r.step("standard")), ""),
        "tax_saved": (P("1624999.88"), (), ""),
    }
    for key, (value, cite, line) in expected.items():
        s = r.step(key)
        assert (s.value, cites(s), s.line) == (value, cite, line), key
    assert r.step("in_force").value is True
    assert r.step("excess_levy_share").value == P("0.5")
    assert (r.income, r.exempt, r.half_taxed, r.reduction, r.rate, r.tax_saved) == (
        P("7999999"), P("5000000"), P("2999999"), P("6499999.50"), P("0.25"), P("1624999.88"))
    assert r.step("transfers[0].income").formula == "9,000,000.00 − 1,000,000.00 − 0.00 − 1.00"
    assert r.step("transfers[0].income").formula_zh == "收入 9,000,000.00 − 成本 1,000,000.00 − 相关税费 0.00 − 其他扣除 1.00"
    assert r.step("reduction").formula == "5,000,000.00 + ROUND(2,999,999.00 × 50%, 2)"
    assert r.step("tax_saved").formula == "ROUND(6,499,999.50 × 25%, 2)"


@pytest.mark.parametrize(("transfer", "reason", "cite"), [
    (tt(kind="non_exclusive_licence", day=D(2015, 9, 30), years=10), "licence_scope", "财税〔2010〕111号 二"),
    (tt(kind="exclusive_licence", years=4), "licence_term", "财税〔2010〕111号 二"),
    (tt(registered=False), "not_registered", "财税〔2010〕111号 三"),
    (tt(holding="1"), "related_party", "财税〔2010〕111号 四"),
])
def test_each_reason_with_its_citation(transfer, reason, cite):
    r = tech_transfer(transfer.income_date.year, [transfer, tt("ok", day=D(transfer.income_date.year, 12, 31),
                                                               revenue="10", cost="0")])
    assert [(t.name, t.qualifies, t.reason) for t in r.transfers] == [("patent A", False, reason), ("ok", True, "")]
    s = r.step("transfers[0].qualifies")
    assert (s.value, s.unit, cites(s)[0].startswith(cite)) == (False, "bool", True)
    assert r.income == P("10")


def test_the_rate_given_and_the_law_given_are_used():
    r = tech_transfer(2019, [tt(revenue="7000000", cost="0")], rate=P("0.15"))
    assert (r.rate, r.tax_saved) == (P("0.15"), P("900000.00"))
    assert r.step("rate").value == P("0.15")
    off = default().with_values({"eit.tech_transfer.in_force": False})
    r = tech_transfer(2019, [tt()], law=off)
    assert (r.income, r.exempt, r.half_taxed, r.reduction, r.tax_saved) == (P("8000000"), 0, 0, 0, 0)
    half = default().with_values({"eit.tech_transfer.exempt_limit": "1000000"})
    assert tech_transfer(2019, [tt()], law=half).reduction == P("4500000.00")


@pytest.mark.parametrize(("transfers", "rate", "field", "reason"), [
    ("patent", None, "transfers", "must be a list of TechnologyTransfer"),
    (None, None, "transfers", "must be a list of TechnologyTransfer"),
    (["x"], None, "transfers[0]", "must be a TechnologyTransfer"),
    ([tt(kind="exclusive_licence")], None, "transfers[0].licence_years",
     "give the licence term in years for a licence"),
    ([], None, "transfers", "needs at least one transfer"),
    ([tt(day=D(2018, 12, 31))], None, "transfers[0].income_date", "2018-12-31 is not in tax year 2019"),
    ([tt()], P("1.01"), "rate", "must be a Decimal share between 0 and 1 (got Decimal('1.01'))"),
    ([tt()], P("-0.01"), "rate", "must be a Decimal share between 0 and 1 (got Decimal('-0.01'))"),
    ([tt()], P("NaN"), "rate", "must be a Decimal share between 0 and 1 (got Decimal('NaN'))"),
    ([tt()], 0.25, "rate", "must be a Decimal share between 0 and 1 (got 0.25)"),
])
def test_each_refused_argument_is_named(transfers, rate, field, reason):
    with pytest.raises(InvalidInput) as info:
        tech_transfer(2019, transfers, rate=rate)
    assert (info.value.field, info.value.reason) == (field, reason)


def test_the_rate_limits_themselves_are_accepted():
    assert tech_transfer(2019, [tt()], rate=P("0")).tax_saved == 0
    assert tech_transfer(2019, [tt()], rate=P("1")).tax_saved == P("6500000.00")


def test_the_record_checks_name_the_field():
    row = {"name": "a", "kind": "exclusive_licence", "income_date": "2019-06-30", "revenue": "1"}
    with pytest.raises(InputProblems) as info:
        parse(TechTransferInput, {"year": 2019, "transfers": [row]})
    got = [(p.path, p.reason) for p in info.value.problems]
    assert ("transfers[0].licence_years", "give the licence term in years for a licence") in got
    late = {**row, "licence_years": 5, "income_date": "2020-01-01"}
    with pytest.raises(InputProblems) as info:
        parse(TechTransferInput, {"year": 2019, "transfers": [{**row, "licence_years": 5}, late]})
    got = [(p.path, p.reason) for p in info.value.problems]
    assert ("transfers[1].income_date", "2020-01-01 is not in tax year 2019") in got
    with pytest.raises(InputProblems) as info:
        parse(TechTransferInput, {"year": 2019, "transfers": []})
    assert ("transfers", "needs at least one transfer") in [(p.path, p.reason) for p in info.value.problems]

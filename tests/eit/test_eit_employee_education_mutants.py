"""Employee education expenses shown in full (a snapshot, ``tests/snapshot.py``) for each kind
of enterprise, the cap exceeded, reached and not reached, a carry-forward used; the main
steps asserted one by one (value, citation, return-form line); each refused argument named;
a law given by the caller read instead of the package's."""

from __future__ import annotations

from decimal import Decimal

import pytest

from snapshot import check, shown
from taxcalc.eit import employee_education
from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.law import default

P = Decimal
W = P("1000000")

CASES = {
    "2017 ordinary, over the 2.5% cap": (2017, "1000000", "100000", "0", "ordinary"),
    "2018 ordinary, a carry-forward used": (2018, "1000000", "30000", "75000", "ordinary"),
    "2018 ordinary, under the cap": (2018, "1000000", "1234.56", "0", "ordinary"),
    "2015 high-tech, exactly the cap": (2015, "1000000", "80000", "0", "hnte"),
    "2017 technology-advanced service": (2017, "333333.33", "50000", "10", "tase"),
    "nothing at all": (2020, "0", "0", "0", "ordinary"),
}


def run(year, wages, expenses, brought, kind, **kw):
    return employee_education(year, wages=P(wages), expenses=P(expenses), brought_forward=P(brought), kind=kind,
                              **kw)


def test_every_case_shown_in_full():
    check("eit_employee_education", {name: shown(run(*args)) for name, args in CASES.items()})


def test_the_main_steps_value_citation_and_line():
    r = run(2018, "1000000", "30000", "75000", "ordinary")
    assert (r.year, r.kind, r.share, r.cap, r.available, r.deducted, r.carried_forward, r.adjustment) == (
        2018, "ordinary", P("0.08"), P("80000.00"), P("105000"), P("80000.00"), P("25000.00"), P("-50000.00"))
    cite = "财税〔2018〕51号 一"
    expected = {
        "share": (P("0.08"), (cite,), ""),
        "wages": (W, (), "A105050 第1行"),
        "cap": (P("80000.00"), (cite,), ""),
        "available": (P("105000"), (), ""),
        "deducted": (P("80000.00"), (cite,), "A105050 第5行"),
        "carried_forward": (P("25000.00"), (cite,), "A105050 第5行"),
        "adjustment": (P("-50000.00"), (), "A105050 第5行"),
    }
    for key, (value, cites, line) in expected.items():
        s = r.step(key)
        assert (s.value, tuple(str(c) for c in s.cite), s.line) == (value, cites, line), key
    assert [s.name for s in r.steps] == ["kind", "share", "wages", "cap", "available", "deducted",
                                       "carried_forward", "adjustment"]
    assert r.step("kind").value is None
    assert r.step("kind").en == "enterprise: ordinary enterprise"


@pytest.mark.parametrize(("kind", "zh", "en"), [
    ("ordinary", "企业类型：一般企业", "enterprise: ordinary enterprise"),
    ("hnte", "企业类型：高新技术企业", "enterprise: high and new technology enterprise"),
    ("tase", "企业类型：技术先进型服务企业", "enterprise: technology-advanced service enterprise"),
])
def test_the_kind_is_named(kind, zh, en):
    s = run(2018, "1", "0", "0", kind).step("kind")
    assert (s.zh, s.en) == (zh, en)


def test_the_cap_formula_in_both_languages():
    r = run(2017, "1000000", "100000", "0", "ordinary")
    assert "ROUND(1,000,000.00 × 2.5%, 2)" in r.explain("en")
    assert "ROUND(工资薪金总额 1,000,000.00 × 2.5%, 2)" in r.explain("zh")


def test_the_law_given_is_the_law_read():
    what_if = default().with_values({"eit.education.cap.ordinary": "10%"})
    r = run(2018, "1000000", "200000", "0", "ordinary", law=what_if)
    assert (r.share, r.cap, r.deducted) == (P("0.10"), P("100000.00"), P("100000.00"))
    assert str(r.step("cap").cite[0]) == "假设 what-if eit.education.cap.ordinary = 10%"


@pytest.mark.parametrize(("kw", "field"), [
    ({"year": "2018"}, "year"),
    ({"wages": P("-1")}, "wages"),
    ({"expenses": P("-1")}, "expenses"),
    ({"brought_forward": P("-1")}, "brought_forward"),
    ({"brought_forward": 1.5}, "brought_forward"),
    ({"kind": "other"}, "kind"),
])
def test_each_refused_argument_is_named(kw, field):
    args = {"year": 2018, "wages": W, "expenses": P("1"), "brought_forward": P("0"), "kind": "ordinary"} | kw
    with pytest.raises((InvalidInput, NotMoney)) as info:
        employee_education(args.pop("year"), **args)
    assert info.value.field == field

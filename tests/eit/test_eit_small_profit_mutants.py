"""Small low-profit enterprises shown in full (a snapshot, ``tests/snapshot.py``): every regime
from 2008 to 2027 at its cliffs and one fen over, with and without the size, industrial and
not, restricted, a part year (the 2015 month-by-month path, opening and closing), quarterly
averages; the same inside the annual computation; the main steps asserted one by one (value,
citation, return-form line); the cliffs of each year; each refused input named."""

from __future__ import annotations

from decimal import Decimal

import pytest

from snapshot import check, shown
from taxcalc.eit import EnterpriseYear, annual
from taxcalc.eit.small_profit import Quarter, quarterly_averages, small_profit, small_profit_cliffs
from taxcalc.errors import InvalidInput
from taxcalc.law import default


def fresh_law(fn):
    """``fn`` with a law of its own for each call: the rules keep what they read from a law with the law
    (``Law.memo``), so each call reads afresh what the code under test makes of it."""
    def call(*args, **kw):
        kw.setdefault("law", default().with_values({}))
        return fn(*args, **kw)
    return call


small_profit = fresh_law(small_profit)
small_profit_cliffs = fresh_law(small_profit_cliffs)
quarterly_averages = fresh_law(quarterly_averages)
annual = fresh_law(annual)
P = Decimal
FULL = (Quarter(10, 20, "100000", "300000"), Quarter(20, 20, "300000", "300000"),
        Quarter(20, 30, "300000", "500000"), Quarter(30, 30, "500000", "700000"))


def cases():
    out = {}
    for year in (2008, 2010, 2012, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2027):
        cliffs = small_profit_cliffs(year)
        for c in cliffs:
            for income in (c, c + P("0.01")):
                out[f"{year}, {income}"] = (income, year, {"employees": 50, "assets": "8000000"})
        out[f"{year}, no size"] = (cliffs[0] - 1, year, {})
        out[f"{year}, industrial, 90 employees"] = (cliffs[0], year, {"employees": 90, "assets": "20000000",
                                                                     "industrial": True})
        out[f"{year}, other, 90 employees"] = (cliffs[0], year, {"employees": 90, "assets": "20000000"})
    out["2019, restricted"] = ("100", 2019, {"employees": 1, "assets": "1", "restricted": True})
    out["2015, opened in March"] = ("250000", 2015, {"employees": 10, "assets": "1000000", "opened": "2015-03-15"})
    out["2015, closed in November"] = ("250000", 2015, {"employees": 10, "assets": "1000000",
                                                        "closed": "2015-11-01"})
    out["2015, restricted"] = ("250000", 2015, {"employees": 10, "assets": "1000000", "restricted": True})
    out["2015, too many employees"] = ("100000", 2015, {"employees": 101, "assets": "1000000"})
    out["2019, quarters"] = ("2000000", 2019, {"quarters": FULL})
    out["2019, opened in the third quarter"] = ("500000", 2019, {"quarters": FULL[:2], "opened": "2019-07-01"})
    out["2007 is not covered: 2008, zero income"] = ("0", 2008, {"employees": 0, "assets": "0"})
    return out


def enterprise(year, profit, **kw):
    return EnterpriseYear(year, profit=P(profit), **kw)


ANNUAL = {
    "2019 within": (2019, "2000000", {"employees": P(50), "assets": P("8000000")}),
    "2019 above the cap": (2019, "3000000.01", {}),
    "2019 quarters": (2019, "2000000", {"quarters": FULL}),
    "2019 restricted": (2019, "100", {"employees": P(1), "assets": P("1"), "restricted": True}),
    "2019 too many employees": (2019, "100", {"employees": P(301), "assets": P("1")}),
    "2018 above the halving limit": (2018, "900000", {"employees": P(50), "assets": P("8000000")}),
    "2016 within the halving limit": (2016, "300000", {"employees": P(50), "assets": P("8000000")}),
    "2016 above the halving limit": (2016, "300000.01", {"employees": P(50), "assets": P("8000000")}),
    "2015 within": (2015, "250000", {"employees": P(10), "assets": P("1000000")}),
    "2015 restricted": (2015, "250000", {"restricted": True}),
    "2015 above the cap": (2015, "300000.01", {}),
    "2022 within": (2022, "2500000", {"employees": P(50), "assets": P("8000000")}),
}


def test_every_case_shown_in_full():
    out = {name: shown(small_profit(i, y, **kw)) for name, (i, y, kw) in cases().items()}
    out["cliffs"] = {str(y): [str(c) for c in small_profit_cliffs(y)] for y in range(2008, 2028)}
    for name, (y, profit, kw) in ANNUAL.items():
        sp = annual(enterprise(y, profit, **kw)).small_profit
        out[f"annual {name}"] = None if sp is None else shown(sp) | {
            "figures": [str(x) for x in (sp.eligible, sp.failed, sp.employees, sp.assets, sp.industrial, sp.tax,
                                         sp.standard_tax, sp.relief)]}
    check("eit_small_profit", out)


def cites(step):
    return tuple(str(c) for c in step.cite)


def test_the_main_steps_value_citation_and_line_2019():
    r = small_profit("2000000", 2019, employees=300, assets="50000000")
    assert (r.year, r.income, r.eligible, r.failed, r.employees, r.assets, r.industrial) == (
        2019, P("2000000"), True, (), P("300"), P("50000000"), False)
    assert (r.tax, r.standard_tax, r.relief) == (P("150000.00"), P("500000.00"), P("350000.00"))
    assert cites(r.step("small_profit.income_cap"))[0].startswith("财税〔2019〕13号")
    assert r.step("small_profit.income_cap").formula == "2,000,000.00 ≤ 3,000,000.00 ✓"
    assert r.step("small_profit.employees_cap").formula.startswith("300")
    assert r.step("small_profit.band1_ratio").formula == "1,000,000.00 × 25%"
    assert r.step("small_profit.band2_ratio").formula == "1,000,000.00 × 50%"
    assert cites(r.step("small_profit.band1_ratio"))[0].startswith("财税〔2019〕13号")
    assert r.step("small_profit.rate").value == P("0.20")
    s = r.step("small_profit.tax")
    assert (s.value, s.line, s.en) == (P("150000.00"), "A107040", "tax")
    s = r.step("small_profit.relief")
    assert (s.value, s.line) == (P("350000.00"), "A107040")


def test_not_eligible_the_standard_tax_and_no_line():
    r = small_profit("3000000.01", 2019, employees=1, assets="1")
    assert (r.eligible, r.failed, r.tax, r.relief) == (False, ("income",), P("750000.00"), P("0.00"))
    s = r.step("small_profit.tax")
    assert (s.line, s.en) == ("", "tax (no relief: standard rate)")
    r = small_profit("100", 2019, employees=301, assets="50000000.01", restricted=True)
    assert r.failed == ("restricted", "employees", "assets")
    assert r.step("small_profit.restricted").value is True


def test_the_2015_month_by_month_path():
    r = small_profit("250000", 2015, employees=10, assets="1000000")
    assert r.tax == P("43750.00")
    s = r.step("small_profit.apportioned")
    assert (s.value, s.formula, s.formula_zh) == (P("43750.00"), "Σ(tax of each part × its months) ÷ 12",
                                                  "Σ(各期税额 × 月数) ÷ 12")
    assert {str(c).strip() for c in s.cite} == {"财税〔2015〕34号 一", "财税〔2015〕99号 一"}
    part1 = r.step("small_profit[2015-01..09].tax")
    part2 = r.step("small_profit[2015-10..12].tax")
    assert (part1.value, part1.formula, part2.value, part2.formula) == (P("50000.00"), "× 9/12", P("25000.00"),
                                                                        "× 3/12")
    opened = small_profit("250000", 2015, employees=10, assets="1000000", opened="2015-03-15")
    assert opened.step("small_profit.apportioned").formula == "Σ(tax of each part × its months) ÷ 10"
    assert opened.tax == P("42500.00")  # (7 × 50,000 + 3 × 25,000) ÷ 10


def test_quarterly_averages():
    av = quarterly_averages(FULL, 2019)
    assert (av.year, av.quarters, av.employees, av.assets) == (2019, 4, P("22.5"), P("375000"))
    half = quarterly_averages(FULL[:2], 2019)
    assert (half.quarters, half.employees, half.assets) == (2, P("17.5"), P("250000"))
    r = small_profit("500000", 2019, quarters=FULL[:2], opened="2019-07-01")
    assert (r.employees, r.assets) == (P("17.5"), P("250000"))


@pytest.mark.parametrize(("call", "field", "reason"), [
    (lambda: small_profit("1", 2019, quarters=FULL, employees=1), "quarters",
     "give either quarters or the annual averages, not both"),
    (lambda: small_profit("1", 2019, quarters=FULL, assets=1), "quarters",
     "give either quarters or the annual averages, not both"),
    (lambda: small_profit("1", 2019, quarters=FULL[:3]), "quarters",
     "the enterprise operated in 4 quarter(s) of 2019; give one row for each (got 3)"),
    (lambda: quarterly_averages((), 2019), "quarters", "give 1 to 4 quarters (got 0)"),
    (lambda: quarterly_averages(FULL + FULL[:1], 2019), "quarters", "give 1 to 4 quarters (got 5)"),
    (lambda: quarterly_averages(("x",), 2019), "quarters[0]", "must be a Quarter"),
    (lambda: small_profit("1", 2019, industrial="yes"), "industrial", None),
    (lambda: small_profit("1", 2019, restricted=1), "restricted", None),
    (lambda: small_profit("1", 2019, opened="x"), "opened", None),
    (lambda: small_profit("1", 2019, closed="x"), "closed", None),
    (lambda: small_profit("-1", 2019), "income", None),
    (lambda: small_profit("1", 2019, employees="-1"), "employees", None),
    (lambda: small_profit("1", 2019, employees=1, assets="-1"), "assets", None),
])
def test_each_refused_input_is_named(call, field, reason):
    with pytest.raises(InvalidInput) as info:
        call()
    assert info.value.field == field
    if reason is not None:
        assert info.value.reason == reason


def test_the_relief_switched_off_says_so():
    off = default().with_values({"eit.small_profit.in_force": False})
    r = small_profit("100", 2019, employees=1, assets="1", law=off)
    s = r.step("small_profit.in_force")
    assert (s.value, s.zh, s.en) == (False, "小型微利企业优惠是否有效", "relief in force")
    assert (r.eligible, r.failed, r.tax, r.relief) == (False, ("in_force",), P("25.00"), P("0.00"))
    assert small_profit_cliffs(2019, law=off) == ()


def test_an_averaging_method_this_version_does_not_know_is_refused():
    odd = default().with_values({"eit.small_profit.averaging": "median"})
    with pytest.raises(InvalidInput) as info:
        small_profit("1", 2019, quarters=FULL, law=odd)
    assert (info.value.field, info.value.reason) == ("eit.small_profit.averaging", "unknown method 'median'")
    with pytest.raises(InvalidInput):
        quarterly_averages(FULL, 2019, law=odd)


def test_income_exactly_at_the_band_limit():
    at = small_profit("1000000", 2019, employees=1, assets="1")
    over = small_profit("1000000.01", 2019, employees=1, assets="1")
    assert "small_profit.band2_ratio" not in [s.name for s in at.steps]
    assert over.step("small_profit.band2_ratio").formula == "0.01 × 50%"
    assert (at.tax, over.tax) == (P("50000.00"), P("50000.00"))
    inside = annual(enterprise(2019, "1000000", employees=P(1), assets=P("1"))).small_profit
    assert inside is not None
    s = inside.step("small_profit.included")
    assert (s.value, s.formula, len(s.cite), s.line) == (P("250000.00"), "1,000,000.00 × 25% (≤ 1,000,000.00)", 1,
                                                         "A107040")
    above = annual(enterprise(2019, "2000000", employees=P(1), assets=P("1"))).small_profit
    assert above is not None
    s = above.step("small_profit.included")
    assert (s.formula, len(s.cite)) == ("1,000,000.00 × 25% + 1,000,000.00 × 50%", 2)
    old = annual(enterprise(2018, "900000", employees=P(1), assets=P("1"))).small_profit
    assert old is not None
    assert old.step("small_profit.included").formula == "900,000.00 × 50% (≤ 1,000,000.00)"


def test_the_quarters_of_a_part_year():
    with pytest.raises(InvalidInput) as info:
        small_profit("1", 2019, quarters=FULL[:1], opened="2019-03-15", closed="2019-10-05")
    assert info.value.reason == "the enterprise operated in 4 quarter(s) of 2019; give one row for each (got 1)"
    with pytest.raises(InvalidInput) as info:
        small_profit("1", 2019, quarters=FULL, opened="2019-05-15", closed="2019-08-05")
    assert info.value.reason == "the enterprise operated in 2 quarter(s) of 2019; give one row for each (got 4)"

"""The small low-profit relief inside the annual computation at its caps (财税〔2019〕13号: taxable income
3,000,000, 300 employees, total assets 50,000,000, each inclusive) and by industry before 2019
(实施条例 第九十二条: an industrial enterprise up to 100 employees and 30,000,000 of assets, another up
to 80 and 10,000,000): eligible on the cap, the standard 25% one yuan or one person above it."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from taxcalc.eit import EnterpriseYear, annual

P = Decimal

# year, taxable income, employees, assets, industrial, eligible, tax
CASES = [
    (2019, "3000000", 50, "1000000", False, True, "250000"),  # 1,000,000 × 5% + 2,000,000 × 10%
    (2019, "3000001", 50, "1000000", False, False, "750000.25"),  # above the income cap: 25%
    (2019, "1000000", 300, "1000000", False, True, "50000"),  # 300 employees: on the cap, 5%
    (2019, "1000000", 301, "1000000", False, False, "250000"),
    (2019, "1000000", 50, "50000000", False, True, "50000"),  # assets on the cap
    (2019, "1000000", 50, "50000001", False, False, "250000"),
    (2017, "300000", 90, "20000000", True, True, "30000"),  # industrial: 90 ≤ 100, 20,000,000 ≤ 30,000,000; 10%
    (2017, "300000", 90, "20000000", False, False, "75000"),  # another industry: 90 > 80
]


@pytest.mark.parametrize(("year", "income", "employees", "assets", "industrial", "eligible", "tax"), CASES)
def test_the_relief_at_its_caps_in_the_annual_computation(year, income, employees, assets, industrial, eligible, tax):
    r = annual(EnterpriseYear(year, profit=P(income), employees=P(employees), assets=P(assets),
                              industrial=industrial))
    assert r.taxable_income == P(income)
    assert r.tax == P(tax)
    assert r.regime == ("small_profit" if eligible else "standard")
    assert (("small_profit" in dict(r.alternatives)) is eligible)
    assert r.standard_tax == (P(income) * P("0.25")).quantize(P("0.01"), rounding=ROUND_HALF_UP)
    assert r.small_profit is not None and r.small_profit.eligible is eligible


# facts, then the steps of the relief shown in the annual explanation: (name, value, English label, citations, formula)
STEPS = [
    ({"year": 2019, "profit": "3000000", "employees": "50", "assets": "1000000"}, [
        ("small_profit.tests", True, "small low-profit tests (other)", ["财税〔2019〕13号 第二条"],
         "income 3,000,000.00 ≤ 3,000,000.00 ✓; employees 50 ≤ 300 ✓; assets 1,000,000.00 ≤ 50,000,000.00 ✓"),
        ("small_profit.included", P("1250000"), "taxable income as reduced", ["财税〔2019〕13号 第二条"] * 2,
         "1,000,000.00 × 25% + 2,000,000.00 × 50%"),
        ("small_profit.rate", P("0.2"), "rate", ["主席令第63号 第二十八条第一款"], ""),
    ]),
    ({"year": 2019, "profit": "1000000", "employees": "301", "assets": "1000000"}, [
        ("small_profit.tests", False, "small low-profit tests (other)", ["财税〔2019〕13号 第二条"],
         "income 1,000,000.00 ≤ 3,000,000.00 ✓; employees 301 ≤ 300 ✗; assets 1,000,000.00 ≤ 50,000,000.00 ✓"),
    ]),
    ({"year": 2019, "profit": "1000000", "employees": "50", "assets": "50000001"}, [
        ("small_profit.tests", False, "small low-profit tests (other)", ["财税〔2019〕13号 第二条"],
         "income 1,000,000.00 ≤ 3,000,000.00 ✓; employees 50 ≤ 300 ✓; assets 50,000,001.00 ≤ 50,000,000.00 ✗"),
    ]),
    ({"year": 2017, "profit": "300000", "employees": "90", "assets": "20000000", "industrial": True}, [
        ("small_profit.tests", True, "small low-profit tests (industrial)", ["财税〔2017〕43号 一"],
         "income 300,000.00 ≤ 500,000.00 ✓; employees 90 ≤ 100 ✓; assets 20,000,000.00 ≤ 30,000,000.00 ✓"),
        ("small_profit.included", P("150000"), "taxable income as reduced", ["财税〔2017〕43号 一"],
         "300,000.00 × 50% (≤ 500,000.00)"),
        ("small_profit.rate", P("0.2"), "rate", ["主席令第63号 第二十八条第一款"], ""),
    ]),
]


@pytest.mark.parametrize(("facts", "expected"), STEPS)
def test_the_relief_steps_in_the_annual_explanation(facts, expected):
    r = annual(EnterpriseYear.from_mapping(facts))
    shown = [(s.name, s.value, s.en, [str(c) for c in s.cite], s.formula)
             for s in r.steps if s.name.startswith("small_profit.")]
    assert shown == expected
    assert r.step("small_profit.tests").line == ""
    if "small_profit.included" in [e[0] for e in expected]:
        assert r.step("small_profit.included").line == "A107040"

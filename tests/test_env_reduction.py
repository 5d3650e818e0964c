"""Environmental protection tax reductions for low concentrations (环境保护税法 第十三条): the two
tiers at their exact boundaries, the no-exceedance condition, the start day, refusals, and
properties (a reduction never raises the tax; the rows add up to the month)."""

from __future__ import annotations

import dataclasses
import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.environment import Emission, environmental_tax_reduction
from taxcalc.errors import InputProblems, InvalidInput, OutsideCoverage

P = Decimal


def row(concentration: str, standard: str = "100", tax: str = "1000", **kw: object) -> Emission:
    return Emission(outlet=str(kw.pop("outlet", "DA001")), pollutant=str(kw.pop("pollutant", "SO2")),
                    concentration=P(concentration), standard=P(standard), tax=P(tax), **kw)  # type: ignore[arg-type]


def due(*rows: Emission, month: str = "2019-05", **kw: object) -> Decimal:
    return environmental_tax_reduction(list(rows), month, **kw).tax_due  # type: ignore[arg-type]


@pytest.mark.parametrize(("concentration", "expected"), [
    ("100", "1000.00"), ("70.0001", "1000.00"),
    ("70", "750.00"),  # exactly 30% below: inclusive
    ("50.0001", "750.00"),
    ("50", "500.00"),  # exactly 50% below: inclusive
    ("0", "500.00"),
])
def test_the_tiers_at_their_boundaries(concentration, expected):
    assert due(row(concentration)) == P(expected)


def test_a_standard_that_is_not_round():
    # standard 35 mg/m³: 30% below is 24.5, 50% below is 17.5
    assert due(row("24.5", "35")) == P("750.00")
    assert due(row("24.5000001", "35")) == P("1000.00")
    assert due(row("17.5", "35")) == P("500.00")


def test_the_tax_starts_on_2018_01_01():
    with pytest.raises(OutsideCoverage, match="environment.reduction"):
        due(row("40"), month="2017-12")
    assert due(row("40"), month="2018-01") == P("500.00")


def test_an_exceedance_anywhere_bars_every_reduction():
    clean = row("40", pollutant="NOx")
    assert due(clean, row("60")) == P("1250.00")
    r = environmental_tax_reduction([clean, row("101")], "2019-05")
    assert not r.eligible and r.tax_due == P("2000.00") and r.reduction == 0
    assert r.step("eligible").formula == "emissions[1] over the standard"
    assert str(r.step("eligible").cite[0]) == "国务院令第693号 第十一条"
    # an hourly average over the standard, though the month's average is low
    assert due(clean, row("60", highest=P("100.01"))) == P("2000.00")
    assert due(clean, row("60", highest=P("100"))) == P("1250.00")
    assert due(clean, other_outlet_over_standard=True) == P("1000.00")


def test_rounding_half_up_to_the_fen():
    assert due(row("60", tax="0.02")) == P("0.02")  # 0.015 → 0.02
    assert due(row("60", tax="0.01")) == P("0.01")  # 0.0075 → 0.01
    assert due(row("50", tax="0.01")) == P("0.01")  # 0.005 → 0.01


def test_explanation_and_golden_example():
    rule = rules.get("env.reduction")
    r = rule.compute(rule.load().example)
    assert (r.tax, r.tax_due, r.reduction) == (P("2500"), P("1800.00"), P("700.00"))
    assert [x.share for x in r.rows] == [P("0.75"), P("0.5"), P("1")]
    assert str(r.step("emissions[0].tax_due").cite[0]) == "中华人民共和国环境保护税法 第十三条"
    assert r.step("emissions[2].tax_due").cite == ()
    assert "（排放标准 100 − 浓度值 60）÷ 排放标准 100" in r.explain("zh")


def test_refusals():
    with pytest.raises(InvalidInput, match="at least one pollutant"):
        environmental_tax_reduction([], "2019-05")
    with pytest.raises(InvalidInput, match=r"emissions\[1\].pollutant.*twice"):
        environmental_tax_reduction([row("1"), row("2")], "2019-05")
    with pytest.raises(InvalidInput, match=r"emissions\[0\].highest"):
        environmental_tax_reduction([row("60", highest=P("59"))], "2019-05")
    with pytest.raises(InvalidInput, match="month"):
        environmental_tax_reduction([row("60")], "2019-13")
    with pytest.raises(InvalidInput, match=r"emissions\[0\]"):
        environmental_tax_reduction(["x"], "2019-05")  # type: ignore[list-item]


def test_parse_refuses_with_paths():
    rule = rules.get("env.reduction")
    doc = rule.load().example
    with pytest.raises(InputProblems) as info:
        rule.read({**doc, "emissions": [{**doc["emissions"][0], "standard": "0", "concentration": "-1"}]})
    assert sorted(p.path for p in info.value.problems) == ["emissions[0].concentration", "emissions[0].standard"]
    with pytest.raises(InputProblems, match="given twice"):
        rule.read({**doc, "emissions": [doc["emissions"][0], doc["emissions"][0]]})


concentrations = st.decimals(min_value=0, max_value=200, places=3)
standards = st.decimals(min_value=P("0.001"), max_value=200, places=3)
taxes = st.decimals(min_value=0, max_value=10**7, places=2)


@st.composite
def rows(draw):
    n = draw(st.integers(1, 5))
    return [row(str(draw(concentrations)), str(draw(standards)), str(draw(taxes)), pollutant=f"P{i}")
            for i in range(n)]


@given(rows())
def test_a_reduction_never_raises_the_tax_and_the_rows_add_up(xs):
    r = environmental_tax_reduction(xs, "2020-06")
    assert r.tax_due + r.reduction == r.tax == sum(x.tax for x in xs)
    assert 0 <= r.tax_due <= r.tax
    for x in r.rows:
        assert x.tax_due + x.reduction == x.tax and x.tax_due <= x.tax
    # a lower concentration never costs more
    lower = [dataclasses.replace(x, concentration=x.concentration / 2) for x in xs]
    assert environmental_tax_reduction(lower, "2020-06").tax_due <= r.tax_due


def test_hostile_context():
    expected = environmental_tax_reduction([row("24.5", "35", tax="333.33")], "2019-05")
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        ctx.rounding = decimal.ROUND_FLOOR
        assert environmental_tax_reduction([row("24.5", "35", tax="333.33")], "2019-05") == expected
    assert expected.tax_due == P("250.00")  # 249.9975 → 250.00


def test_a_row_over_the_standard_shows_zero_below_it_and_says_which_figure_exceeds():
    # the step's value is 0 and its formula names the figure over the standard, not a share
    r = environmental_tax_reduction([row("120"), row("40", highest=P("130"), pollutant="COD")], "2019-05")
    average, peak = r.step("emissions[0].below_standard"), r.step("emissions[1].below_standard")
    assert (average.value, average.formula, average.formula_zh) == (
        P("0"), "average 120 > standard 100: not below it, 0", "浓度值 120 > 排放标准 100：未低于标准，计为 0")
    assert (peak.value, peak.formula, peak.formula_zh) == (
        P("0"), "highest value 130 > standard 100: not below it, 0", "最高值 130 > 排放标准 100：未低于标准，计为 0")
    assert [x.below_standard for x in r.rows] == [P("0"), P("0")]
    # a row at the standard is not over it: its share below is computed, 0 by the formula
    at = environmental_tax_reduction([row("100", highest=P("100"))], "2019-05").step("emissions[0].below_standard")
    assert (at.value, at.formula) == (P("0"), "(100 − 100) ÷ 100")

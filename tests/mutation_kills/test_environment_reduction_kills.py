"""Reductions of the environmental protection tax: the whole result and every step
(label, value, formula, citation) — rows 40%, exactly 50%, exactly 30% and just under
30% below the standard; a month where one peak exceeds the standard; one where another
outlet did — then the refusals.  Figures checked against 环境保护税法 第十三条 (75% of the
tax at 30% below the standard, 50% at 50% below) and 实施条例 第十一条.

What each case must show is kept in ``golden/environment_reduction.json`` (see ``_golden.py``)."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import fields, rows

from taxcalc.environment import Emission, environmental_tax_reduction
from taxcalc.errors import InvalidInput
from taxcalc.inputs import parse
from taxcalc.law import default

ROWS: dict[str, dict[str, str]] = {'fifty_below': {'concentration': '50',
                 'outlet': 'DA001',
                 'pollutant': 'NOx',
                 'standard': '100',
                 'tax': '1000.01'},
 'forty_below': {'concentration': '60',
                 'outlet': 'DA001',
                 'pollutant': 'SO2',
                 'standard': '100',
                 'tax': '1200'},
 'just_under_thirty': {'concentration': '70.0001',
                       'outlet': 'DA002',
                       'pollutant': 'NOx',
                       'standard': '100',
                       'tax': '100'},
 'peak_over': {'concentration': '40',
               'highest': '100.01',
               'outlet': 'DW001',
               'pollutant': 'COD',
               'standard': '100',
               'tax': '500'},
 'thirty_below': {'concentration': '70',
                  'highest': '99',
                  'outlet': 'DA002',
                  'pollutant': 'SO2',
                  'standard': '100',
                  'tax': '333.33'}}


def emission(name: str, **change: object) -> Emission:
    return dataclasses.replace(parse(Emission, ROWS[name]), **change)


CASES = {
    'a_peak_over_the_standard': (['forty_below', 'peak_over'], '2019-05', {}),
    'another_outlet_over': (['forty_below'], '2018-01', {'other_outlet_over_standard': True}),
    'four_tiers': (['forty_below', 'fifty_below', 'thirty_below', 'just_under_thirty'], '2019-05', {}),
}
# the fields of the result compared, each case with its golden value
FIELDS = ('eligible', 'month', 'reduction', 'tax', 'tax_due')
GOLDEN = Golden("environment_reduction", CASES)

ROW_FIELDS = ("outlet", "pollutant", "below_standard", "share", "tax", "tax_due", "reduction")


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    names, month, kwargs = CASES[case]
    r = environmental_tax_reduction([emission(n) for n in names], month, **kwargs, law=default().with_values({}))
    GOLDEN.check(case, fields=fields(r, FIELDS), rows=[tuple(getattr(x, f) for f in ROW_FIELDS) for x in r.rows],
                 steps=rows(r.steps))


def test_a_day_stands_for_its_month():
    r = environmental_tax_reduction([emission("forty_below")], datetime.date(2019, 5, 17))
    assert (r.month, r.tax_due) == (datetime.date(2019, 5, 1), Decimal("900.00"))


def test_an_average_over_the_standard_is_not_reduced_and_bars_the_others():
    r = environmental_tax_reduction([emission("forty_below"), emission("peak_over", concentration=Decimal("100.01"),
                                                                       highest=None)], "2019-05")
    assert (r.eligible, r.tax_due, [x.below_standard for x in r.rows]) == (
        False, Decimal("1700.00"), [Decimal("0.4"), Decimal("0")])
    assert r.steps[4].formula == "emissions[1] over the standard"
    at = environmental_tax_reduction([emission("peak_over", highest=Decimal("100"))], "2019-05")
    assert (at.eligible, at.tax_due) == (True, Decimal("250.00"))


@pytest.mark.parametrize(
    ("emissions", "kwargs", "message"),
    [
        ("DA001", {}, "emissions: must be a list of Emission"),
        ([ROWS["forty_below"]], {}, "emissions[0]: must be an Emission"),
        ([], {}, "emissions: needs at least one pollutant"),
        ([emission("forty_below", highest=Decimal("59"))], {},
         "emissions[0].highest: the highest hourly or daily average (59) cannot be below the month's average (60)"),
        ([emission("forty_below"), emission("fifty_below", pollutant="SO2")], {},
         "emissions[1].pollutant: SO2 of outlet DA001 is given twice"),
        ([emission("forty_below")], {"month": "2019-13"}, "month: "),
        ([emission("forty_below")], {"other_outlet_over_standard": "no"}, "other_outlet_over_standard: "),
    ],
)
def test_a_refusal_names_the_field_and_says_why(emissions, kwargs, message):
    args = {"month": "2019-05", **kwargs}
    with pytest.raises(InvalidInput) as info:
        environmental_tax_reduction(emissions, args.pop("month"), **args)
    assert str(info.value).startswith(message)


def test_a_concentration_is_read_as_text_or_a_whole_number():
    ok = parse(Emission, {**ROWS["forty_below"], "concentration": 60, "standard": 100})
    assert (ok.concentration, ok.standard) == (Decimal("60"), Decimal("100"))
    for bad in ("-1", "1e3", "6,0", " 60", True, 10**9):
        with pytest.raises(InvalidInput) as info:
            parse(Emission, {**ROWS["forty_below"], "concentration": bad})
        assert "concentration" in str(info.value) and "is not a number of zero or more" in str(info.value)
    with pytest.raises(InvalidInput) as info:
        parse(Emission, {**ROWS["forty_below"], "standard": "0"})
    assert "standard" in str(info.value) and "is not a positive number" in str(info.value)


def test_a_concentration_read_as_decimal_zero_or_below_one():
    for raw in (Decimal("0"), 0, "0"):
        assert parse(Emission, {**ROWS["forty_below"], "concentration": raw}).concentration == Decimal("0")
    assert parse(Emission, {**ROWS["forty_below"], "concentration": Decimal("0.5")}).concentration == Decimal("0.5")
    assert parse(Emission, {**ROWS["forty_below"], "standard": "0.5", "concentration": "0.1"}).standard == \
        Decimal("0.5")


def test_a_concentration_at_the_standard_is_not_over_it_and_a_peak_may_equal_the_average():
    r = environmental_tax_reduction([emission("forty_below", concentration=Decimal("100"), highest=Decimal("100"))],
                                    "2019-05")
    assert (r.eligible, r.tax_due, r.rows[0].below_standard) == (True, Decimal("1200.00"), Decimal("0"))


def test_figures_in_exponent_form_are_written_out_in_the_formula():
    r = environmental_tax_reduction([emission("forty_below", concentration=Decimal("6E+1"),
                                              standard=Decimal("1E+2"))], "2019-05")
    assert r.steps[5].formula == "(100 − 60) ÷ 100"
    assert r.tax_due == Decimal("900.00")


def test_another_outlet_over_and_a_row_over_name_the_row():
    r = environmental_tax_reduction([emission("forty_below"), emission("peak_over")], "2019-05",
                                    other_outlet_over_standard=True)
    assert (r.steps[4].formula, r.steps[4].formula_zh) == ("emissions[1] over the standard", "第2行超标")


def test_the_law_given_is_the_one_read():
    what_if = default().with_values({"environment.reduction.lower_share": "80%"})
    r = environmental_tax_reduction([emission("forty_below")], "2019-05", law=what_if)
    assert r.tax_due == Decimal("960.00")


def test_the_published_schema_of_a_concentration():
    from taxcalc.inputs import json_schema

    props = json_schema(Emission)["properties"]
    number = {"type": "string", "pattern": r"^(0|[1-9][0-9]{0,8})(\.[0-9]{1,10})?$"}
    assert props["concentration"] == {
        "description": "the month's average concentration (实施条例 第十条)",
        "anyOf": [number, {"type": "integer", "minimum": 0, "maximum": 999999999}]}
    assert props["standard"] == {
        "description": "the national or local emission standard, in the same unit",
        "anyOf": [{**number, "not": {"pattern": "^0(\\.0+)?$"}},
                  {"type": "integer", "minimum": 1, "maximum": 999999999}]}


def test_an_average_exactly_at_the_standard_with_a_peak_over_it_names_the_peak():
    # the average is not over the standard (100 = 100): the peak 100.01 is what bars the row
    r = environmental_tax_reduction([emission("peak_over", concentration=Decimal("100"))], "2019-05")
    step = r.step("emissions[0].below_standard")
    assert (r.eligible, step.value) == (False, Decimal("0"))
    assert step.formula == "highest value 100.01 > standard 100: not below it, 0"
    assert step.formula_zh == "最高值 100.01 > 排放标准 100：未低于标准，计为 0"


def test_figures_given_with_an_exponent_are_shown_in_plain_digits():
    r = environmental_tax_reduction([
        emission("peak_over", concentration=Decimal("1.2E+2"), standard=Decimal("1E+2"), highest=None),
        emission("peak_over", outlet="DW002", concentration=Decimal("4E+1"), standard=Decimal("1E+2"),
                 highest=Decimal("1.5E+2")),
        emission("forty_below", standard=Decimal("1E+2"), concentration=Decimal("6E+1")),
    ], "2019-05")
    over, peak, below = (r.step(f"emissions[{i}].below_standard") for i in range(3))
    assert over.formula == "average 120 > standard 100: not below it, 0"
    assert over.formula_zh == "浓度值 120 > 排放标准 100：未低于标准，计为 0"
    assert peak.formula == "highest value 150 > standard 100: not below it, 0"
    assert below.formula == "(100 − 60) ÷ 100"


def test_a_row_read_alone_names_its_highest_value_without_a_prefix():
    from taxcalc.errors import InputProblems

    with pytest.raises(InputProblems) as info:
        parse(Emission, {**ROWS["forty_below"], "highest": "59"})
    assert [(p.path, p.reason) for p in info.value.problems] == [
        ("highest", "the highest hourly or daily average (59) cannot be below the month's average (60)")]

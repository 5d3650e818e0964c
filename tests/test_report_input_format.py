"""Report input formats: format 2 names the income-tax facts as taxcalc.eit does; format 1 is still read.

A format-1 file gives the report its format-2 twin gives; each renamed field is
read under its format-1 name in a format-1 file (and its problems are named so),
and refused with a did-you-mean of its format-2 name in a format-2 file.
"""

from __future__ import annotations

import dataclasses
import json
import textwrap
from pathlib import Path

import pytest

from taxcalc.report import ReportInputError, build_report, example_text, parse_text, render
from taxcalc.report.input import FORMAT_1_NAMES, FORMAT_VERSION, ReportInput

#: The example as it was written in format 1, before the built-in example moved to format 2.
FORMAT_1_EXAMPLE = Path(__file__).with_name("hebei-2018-format-1.toml")

#: Every field renamed: (table, format-1 name, format-2 name), written out so that the table is pinned.
RENAMED = [
    ("qualifications", "from", "first"),
    ("qualifications", "to", "last"),
    ("qualifications", "certificate", "number"),
    ("equipment", "acquired", "acquired_on"),
    ("equipment", "description", "name"),
    ("equipment", "depreciation_booked", "book_depreciation"),
    ("equipment", "kind", "item"),
    ("equipment", "asset_class", "kind"),
    ("income", "accounting_profit", "profit"),
    ("income", "other_adjustments", "adjustments"),
    ("income", "main_business", "industry"),
    ("enterprise", "total_assets", "assets"),
]

HEAD = """\
format = {format}
year = 2018
[enterprise]
name = "x"
industry = "C14"
employees = 80
{assets} = "9000000"
"""
#: The renamed tables with every renamed field given, in format 2; format 1 is the same renamed.
TABLES_2 = {
    "qualifications": {"kind": "high_tech", "first": "2017-10-27", "last": "2020-10-26", "number": "GR201713000456"},
    "equipment": {"acquired_on": "2018-06-15", "cost": "1350000", "name": "line", "item": "appliance",
                  "book_depreciation": "67500", "kind": "electronics"},
    "income": {"profit": "900000", "adjustments": "-1000", "industry": "research"},
    "enterprise": {"name": "x", "industry": "C14", "employees": 80, "assets": "9000000"},
}
#: A value each field refuses.
BAD = {"first": "2018-13-01", "last": "x", "number": "", "acquired_on": "2018-6-15", "name": " line",
       "book_depreciation": 1.5, "item": "tool", "kind": "tool", "profit": "1,0", "adjustments": "x",
       "industry": "farming", "assets": 1.5}


def _format_1(row: dict[str, object], table: str) -> dict[str, object]:
    old = {new: was for t, was, new in RENAMED if t == table}
    return {old.get(k, k): v for k, v in row.items()}


def _doc(fmt: int, tables: dict[str, dict[str, object]]) -> dict[str, object]:
    doc: dict[str, object] = {"format": fmt, "year": 2018}
    for table, row in tables.items():
        doc[table] = row if table in ("income", "enterprise") else [row]
    return doc


def _facts(doc: dict[str, object]) -> ReportInput:
    return parse_text(json.dumps(doc), "json")


def _problems(doc: dict[str, object]) -> list[str]:
    with pytest.raises(ReportInputError) as info:
        _facts(doc)
    return [str(p) for p in info.value.problems]


def test_the_table_of_format_1_names_is_the_one_documented():
    assert sorted((t, was, new) for t, names in FORMAT_1_NAMES.items() for was, new in names.items()) == \
        sorted(RENAMED)
    assert FORMAT_VERSION == 2
    text = (Path(__file__).parents[1] / "docs" / "report.md").read_text("utf-8")
    for table, was, new in RENAMED:
        assert f"| `{was}`" in text and f"| `{new}` |" in text, (table, was)


def test_the_example_in_format_1_gives_the_same_report_as_the_built_in_example_in_format_2():
    old, new = FORMAT_1_EXAMPLE.read_text("utf-8"), example_text()
    assert "format = 1" in old and "format = 2" in new
    facts_1, facts_2 = parse_text(old, "toml"), parse_text(new, "toml")
    assert (facts_1.format, facts_2.format) == (1, 2)
    assert dataclasses.replace(facts_1, format=2) == facts_2
    report_1, report_2 = build_report(facts_1), build_report(facts_2)
    for lang in ("zh", "en"):
        assert render(report_1, lang) == render(report_2, lang)
    assert json.dumps(report_1.as_dict(), ensure_ascii=False) == json.dumps(report_2.as_dict(), ensure_ascii=False)


def test_a_format_1_file_with_every_renamed_field_reads_as_its_format_2_twin():
    two = _doc(2, TABLES_2)
    one = _doc(1, {t: _format_1(row, t) for t, row in TABLES_2.items()})
    facts_1, facts_2 = _facts(one), _facts(two)
    assert dataclasses.replace(facts_1, format=2) == facts_2
    e, q, i = facts_2.equipment[0], facts_2.qualifications[0], facts_2.income
    assert (e.item, e.kind, e.name, str(e.book_depreciation)) == ("appliance", "electronics", "line", "67500")
    assert (q.number, str(q.first), str(q.last)) == ("GR201713000456", "2017-10-27", "2020-10-26")
    assert i is not None and (str(i.profit), str(i.adjustments), i.industry) == ("900000", "-1000", "research")
    assert render(build_report(facts_1), "en") == render(build_report(facts_2), "en")


@pytest.mark.parametrize(("table", "was", "new"), RENAMED)
def test_a_format_1_file_names_a_renamed_field_as_it_spells_it(table, was, new):
    tables = {t: dict(row) for t, row in TABLES_2.items()}
    tables[table][new] = BAD[new]
    found = _problems(_doc(1, {t: _format_1(row, t) for t, row in tables.items()}))
    where = table if table in ("income", "enterprise") else f"{table}[0]"
    assert len(found) == 1 and found[0].startswith(f"{where}.{was}: "), found


@pytest.mark.parametrize(("table", "was", "new"), RENAMED)
def test_a_format_2_file_refuses_a_format_1_name_with_a_did_you_mean(table, was, new):
    tables = {t: dict(row) for t, row in TABLES_2.items()}
    old_value = tables[table].pop(new)
    tables[table][was] = old_value
    if table == "equipment" and was == "kind":  # format 2 has a kind: an item given there is pointed to `item`
        tables[table][was] = "appliance"
        found = _problems(_doc(2, tables))
        assert found == ["equipment[0].kind: unknown value 'appliance'; expected one of: buildings, machinery, "
                         "tools, vehicles, electronics (kind is the class of the minimum tax life; write item = "
                         "'appliance', as format 2 names it)"]
        return
    found = _problems(_doc(2, tables))
    where = table if table in ("income", "enterprise") else f"{table}[0]"
    assert f"{where}.{was}: unknown field; did you mean {new!r}? ({was!r} is the spelling of format 1)" in found, found


def test_a_format_2_name_is_unknown_in_a_format_1_file():
    text = textwrap.dedent("""\
        [[equipment]]
        acquired_on = 2018-06-15
        cost = "1"
        [income]
        profit = "1"
        """)
    with pytest.raises(ReportInputError) as info:
        parse_text(HEAD.format(format=1, assets="total_assets") + text, "toml")
    assert [str(p) for p in info.value.problems] == [
        "equipment[0].acquired_on: unknown field; did you mean 'acquired'?",
        "equipment[0].acquired: missing (required)",
        "income.profit: unknown field; expected one of: accounting_profit, education_brought_forward, "
        "education_expenses, hardship_tests, ic_machine, industrial, inherited_losses, main_business, "
        "main_business_share, other_adjustments, restricted, venture_brought_forward, wages",
        "income.accounting_profit: missing (required)",
    ]


def test_the_checks_across_tables_name_a_format_1_field_as_the_file_spells_it():
    late = '[[equipment]]\nacquired = 2019-01-02\ncost = "1"\n'
    with pytest.raises(ReportInputError) as info:
        parse_text(HEAD.format(format=1, assets="total_assets") + late, "toml")
    assert [str(p) for p in info.value.problems] == ["equipment[0].acquired: 2019-01-02 is after the report year 2018"]
    with pytest.raises(ReportInputError) as info:
        parse_text(HEAD.format(format=2, assets="assets") + late.replace("acquired", "acquired_on"), "toml")
    assert [str(p) for p in info.value.problems] == [
        "equipment[0].acquired_on: 2019-01-02 is after the report year 2018"]


def test_a_problem_the_income_tax_rules_find_names_the_field_as_the_file_spells_it():
    from taxcalc.errors import InvalidInput
    from taxcalc.report.income_tax import input_problem, report_path

    assert report_path("equipment[0].kind") == "equipment[0].kind" and report_path("adjustments") == "income.adjustments"
    exc = InvalidInput("equipment[0].kind", "unknown value 'x'")
    facts_1 = _facts(_doc(1, {t: _format_1(row, t) for t, row in TABLES_2.items()}))
    facts_2 = _facts(_doc(2, TABLES_2))
    assert [str(p) for p in input_problem(exc, facts=facts_1).problems] == ["equipment[0].asset_class: unknown value 'x'"]
    assert [str(p) for p in input_problem(exc, facts=facts_2).problems] == ["equipment[0].kind: unknown value 'x'"]
    assert [str(p) for p in input_problem(InvalidInput("profit", "no"), facts=facts_1).problems] == [
        "income.accounting_profit: no"]


def test_the_size_figures_name_the_fields_as_the_file_spells_them():
    text = '[income]\nprofit = "1"\n'
    for fmt, assets in ((1, "total_assets"), (2, "assets")):
        head = HEAD.format(format=fmt, assets=assets).replace("employees = 80\n", "")
        body = text.replace("profit", "accounting_profit") if fmt == 1 else text
        with pytest.raises(ReportInputError) as info:
            parse_text(head.replace(f'{assets} = "9000000"\n', "employees = 3\n") + body, "toml")
        assert [str(p) for p in info.value.problems] == [
            f"enterprise.{assets}: missing: the income-tax size test takes both annual averages (employees and "
            f"{assets}), or [[quarters]]"]
        quarter = ('[[quarters]]\nquarter = 1\nemployees_start = 1\nemployees_end = 1\nassets_start = "1"\n'
                   'assets_end = "1"\n')
        with pytest.raises(ReportInputError) as info:
            parse_text(head + body + quarter, "toml")
        assert str(info.value.problems[0]) == \
            f"quarters: give either quarters or the annual averages (enterprise.{assets}), not both"
        small = head.replace(f'{assets} = "9000000"\n', "")
        with pytest.raises(ReportInputError) as info:
            build_report(parse_text(small + body.replace('"1"', '"820000"'), "toml"))
        assert str(info.value.problems[0]).endswith(
            f"or enterprise.employees and enterprise.{assets} (annual averages) to test the relief")

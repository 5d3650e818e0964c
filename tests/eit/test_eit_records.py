"""The records of taxcalc.eit declared once with taxcalc.inputs: a document, the constructor and the report
read the same record, and the published schema bounds what the reader bounds."""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest

from taxcalc import eit, rules
from taxcalc.eit import EnterpriseYear, Loss, Quarter, RdProject, annual
from taxcalc.errors import InputProblems, InvalidInput
from taxcalc.inputs import grammar, json_schema, parse
from taxcalc.report import input as report_input

D = Decimal
DOC = {
    "year": 2018, "profit": "560000", "adjustments": "-20000.50", "industry": "wholesale_retail",
    "quarters": [{"employees_start": 40, "employees_end": 42, "assets_start": "3000000", "assets_end": "3200000"}] * 4,
    "losses": [{"year": 2016, "amount": "1000"}, {"year": 2014, "amount": "5"}],
    "rd": {"projects": [{"name": "P", "personnel": "1000"}]},
    "hnte_certificates": [{"number": "GR1", "first": "2017-10-27", "last": "2020-10-26"}],
    "equipment": [{"name": "lathe", "cost": "1800000", "kind": "machinery", "acquired_on": "2018-03-12",
                   "in_use": "2018-04-02", "book_depreciation": "128250"}],
}


def test_a_document_and_the_constructor_make_the_same_record():
    read = parse(EnterpriseYear, DOC)
    made = EnterpriseYear(**DOC)  # type: ignore[arg-type]
    assert read == made == EnterpriseYear.from_mapping(DOC)
    assert (read.size, read.qualified, read.hnte_rate_years, read.rd.totals) == (
        made.size, made.qualified, made.hnte_rate_years, made.rd.totals)
    assert [x.year for x in read.losses] == [2014, 2016]  # in year order, however given
    assert annual(read) == annual(made)


def test_a_document_is_read_by_the_strict_grammar_with_every_problem():
    doc = {**DOC, "profit": "560,000", "losses": [{"year": 2016, "amount": 1.5}],
           "rd": {"projects": [{"personel": "1"}]}}
    with pytest.raises(InputProblems) as info:
        parse(EnterpriseYear, doc)
    assert [p.path for p in info.value.problems] == ["profit", "rd.projects[0].personel", "losses[0].amount"]
    # the library's constructor takes a Python caller's spelling of the same amount
    assert EnterpriseYear(**{**DOC, "profit": "560,000"}).profit == D(560000)  # type: ignore[arg-type]


def test_the_schema_bounds_the_years_as_the_reader_does():
    props = rules.get("eit.annual").input_schema()["properties"]
    assert (props["year"]["minimum"], props["year"]["maximum"]) == (grammar.TAX_YEAR_FIRST, grammar.TAX_YEAR_LAST)
    assert props["hnte_years"]["items"]["maximum"] == grammar.TAX_YEAR_LAST
    assert props["losses"]["items"]["properties"]["year"]["minimum"] == grammar.TAX_YEAR_FIRST
    for year in (grammar.TAX_YEAR_FIRST - 1, grammar.TAX_YEAR_LAST + 1):
        with pytest.raises(InputProblems, match="year: must be between 1950 and 2200"):
            rules.get("eit.annual").read({"year": year, "profit": "1"})
    with pytest.raises(InvalidInput, match="year: 2201 is not a plausible tax year"):
        EnterpriseYear(2201, "1")
    benefit = rules.get("eit.benefit").input_schema()["properties"]["facts"]
    assert benefit["properties"] == json_schema(EnterpriseYear)["properties"]


def test_numbered_quarters_are_put_in_order_and_checked():
    q = DOC["quarters"][0]
    numbered = [{**q, "quarter": n} for n in (3, 1, 4, 2)]
    e = EnterpriseYear.from_mapping({**DOC, "quarters": numbered})
    assert [x.quarter for x in e.quarters] == [1, 2, 3, 4] and e.size == parse(EnterpriseYear, DOC).size
    with pytest.raises(InvalidInput, match=r"^quarters: the enterprise operated in quarter\(s\) 1, 2, 3, 4 of 2018"):
        EnterpriseYear.from_mapping({**DOC, "quarters": [{**q, "quarter": 1}] * 4})
    with pytest.raises(InvalidInput, match="^quarters: number every quarter"):
        EnterpriseYear.from_mapping({**DOC, "quarters": [*numbered[:3], q]})
    opened = EnterpriseYear.from_mapping({**DOC, "opened": "2018-05-20", "quarters": [
        {**q, "quarter": 2}, {**q, "quarter": 4}, {**q, "quarter": 3}]})
    assert [x.quarter for x in opened.quarters] == [2, 3, 4]
    with pytest.raises(InputProblems, match=r"quarters\[0\]\.quarter: must be between 1 and 4 \(got 5\)"):
        parse(EnterpriseYear, {**DOC, "quarters": [{**q, "quarter": 5}]})


def test_amounts_that_add_up_beyond_what_the_computation_works_with_are_refused_when_read():
    big = "900000000000000"  # 9 × 10^14 each: every one is an amount, together they pass 10^15
    with pytest.raises(InputProblems) as info:
        parse(EnterpriseYear, {**DOC, "profit": big, "adjustments": big})
    assert info.value.problems[0].path == "profit" and "10^15" in info.value.problems[0].reason
    assert annual(parse(EnterpriseYear, {**DOC, "profit": big})).tax > 0


def test_the_report_reads_the_same_records():
    assert report_input.Loss is Loss and report_input.Quarter is Quarter
    assert report_input.RDProject is RdProject  # the former name, kept
    assert eit.RdProject is RdProject


def test_a_report_quarter_names_its_quarter():
    base = textwrap.dedent('''
        format = 2
        year = 2018
        [enterprise]
        name = "x"
        [income]
        profit = "1"
        [[quarters]]
        employees_start = 1
        employees_end = 1
        assets_start = "1"
        assets_end = "1"
    ''')
    with pytest.raises(report_input.ReportInputError) as info:
        report_input.parse_text(base, "toml")
    assert str(info.value.problems[0]).startswith("quarters[0].quarter: missing (required")
    assert "quarter" in report_input.json_schema()["properties"]["quarters"]["items"]["required"]

"""The report input: every class of bad input is reported with the field's path,
all problems at once, and the built-in example parses."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
import tomllib
from decimal import Decimal

import jsonschema
import pytest

from taxcalc.errors import InputProblems, Problem
from taxcalc.inputs import grammar
from taxcalc.report import (
    ReportInputError,
    example,
    example_text,
    json_schema,
    parse_data,
    parse_text,
)
from taxcalc.report.input import fields_of

BASE = """\
format = 1
year = 2018
[enterprise]
name = "示例"
exporter = "manufacturer"
"""


def problems(text: str, fmt: str = "toml") -> list[str]:
    with pytest.raises(ReportInputError) as info:
        parse_text(textwrap.dedent(text), fmt)
    return [str(p) for p in info.value.problems]


def one(text: str) -> str:
    found = problems(BASE + textwrap.dedent(text))
    assert len(found) == 1, found
    return found[0]


def test_the_example_parses_and_is_the_2018_hebei_manufacturer():
    facts = example()
    assert facts.year == 2018 and facts.enterprise.province == "河北省"
    assert facts.enterprise.exporter == "manufacturer"
    assert facts.holds("high_tech", dt.date(2018, 6, 30))
    assert {s.month.month for s in facts.sales} == set(range(1, 13))
    assert any(p.kind == "agricultural" for p in facts.purchases)
    assert facts.rd is not None and len(facts.rd.projects) == 2 and facts.rd.expensed == 0
    assert sum(p.personnel + p.direct_inputs + p.depreciation + p.design + p.other for p in facts.rd.projects) == \
        Decimal("1860000.00")
    assert facts.equipment[0].acquired_on.year == 2018 and facts.equipment[0].kind == "machinery"
    assert facts.losses[0].year < 2018 and facts.exports


def test_json_and_toml_give_the_same_facts():
    facts = parse_text(BASE + '[[sales]]\nmonth = "2018-05"\namount = "1000.50"\n', "toml")
    data = {"format": 1, "year": 2018, "enterprise": {"name": "示例", "exporter": "manufacturer"},
            "sales": [{"month": "2018-05", "amount": "1000.50"}]}
    assert parse_text(json.dumps(data), "json") == facts
    assert facts.sales[0].amount == Decimal("1000.50")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # a float is not money, with the amount as written
        ('[[purchases]]\nmonth = "2018-01"\nkind = "invoice"\namount = 1234.50\nvat = "1.00"\n',
         'purchases[0].amount: a float is not money; write "1234.50"'),
        ('[income]\naccounting_profit = 1e6\n', 'income.accounting_profit: a float is not money; write "1e6"'),
        # unknown fields, at the top and inside tables
        ('[rd]\nexpenced = "1"\n', "rd.expenced: unknown field; did you mean 'expensed'?"),
        ('[[sales]]\nmonth = "2018-01"\namount = "1"\nbnad = "standard"\n',
         "sales[0].bnad: unknown field; did you mean 'band'?"),
        # missing
        ('[[losses]]\nyear = 2015\n', "losses[0].amount: missing (required)"),
        # wrong types and values
        ('[[losses]]\nyear = "2015"\namount = "1"\n', "losses[0].year: must be a whole number (got '2015')"),
        ('[[sales]]\nmonth = "2018-13"\namount = "1"\n', 'sales[0].month: \'2018-13\' is not a month (write "YYYY-MM")'),
        ('[[equipment]]\nacquired = "2018-02-30"\ncost = "1"\n',
         "equipment[0].acquired: '2018-02-30' is not a date (write YYYY-MM-DD, 1950 to 2099)"),
        ('[[sales]]\nmonth = "2018-01"\namount = "1"\nband = "standrd"\n',
         "sales[0].band: unknown value 'standrd'; did you mean 'standard'? expected one of: "),
        ('[[sales]]\nmonth = "2018-01"\namount = "-1"\n', "sales[0].amount: must not be negative (got -1)"),
        ('[[sales]]\nmonth = "2018-01"\namount = "1.005"\n', "sales[0].amount: '1.005' is not an amount of yuan (write e.g. \"1234.50\": digits, a point and at most two decimals, no separators)"),
        ('[[sales]]\nmonth = "2018-01"\namount = "12x"\n', "sales[0].amount: '12x' is not an amount of yuan"),
        ('[[sales]]\nmonth = "2018-01"\namount = true\n', "sales[0].amount: must be an amount of yuan, e.g. \"1234.50\" (got True)"),
        ('[[equipment]]\nacquired = 2018-02-01\ncost = "0"\n', "equipment[0].cost: must be more than zero (got 0)"),
        ('[[exports]]\ndate = 2018-02-01\nfob = "1"\nrebate_rate = "130%"\n',
         "exports[0].rebate_rate: '130%' is not a rate (write a fraction from 0 to 1"),
        ('[[exports]]\ndate = 2018-02-01\nfob = "1"\nrebate_rate = 0.13\n',
         'exports[0].rebate_rate: a float is not a rate; write "0.13"'),
        ('[[exports]]\ndate = 2018-02-01\nfob = "1"\nhs_code = 22029900\n',
         "exports[0].hs_code: 22029900 is not a commodity code"),
        ('[[qualifications]]\nkind = "hightech"\nfrom = 2017-01-01\nto = 2019-12-31\n',
         "qualifications[0].kind: unknown value 'hightech'"),
        # cross-field checks
        ('[[sales]]\nmonth = "2017-12"\namount = "1"\n', "sales[0].month: month 2017-12 is not in the report year 2018"),
        ('[[sales]]\nmonth = "2018-01"\namount = "1"\n[[sales]]\nmonth = "2018-01"\namount = "2"\n',
         "sales[1]: repeats sales[0]"),
        ('[[purchases]]\nmonth = "2018-01"\nkind = "invoice"\namount = "1"\n',
         "purchases[0].vat: missing (required for kind 'invoice')"),
        ('[[purchases]]\nmonth = "2018-01"\nkind = "agricultural"\namount = "1"\nvat = "1"\n',
         "purchases[0].vat: not for kind 'agricultural'"),
        ('[[purchases]]\nmonth = "2018-01"\nkind = "invoice"\namount = "1"\nvat = "1"\nuse = "standard"\n',
         "purchases[0].use: only for kind 'agricultural'"),
        ('[[losses]]\nyear = 2018\namount = "1"\n', "losses[0].year: 2018 is not before the report year 2018"),
        ('[[losses]]\nyear = 2007\namount = "1"\n', "losses[0].year: 2007 is more than 10 years before 2018"),
        ('[[qualifications]]\nkind = "tech_sme"\nfrom = 2018-05-01\nto = 2018-04-30\n',
         "qualifications[0].to: 2018-04-30 is before 'from' 2018-05-01"),
        ('[[exports]]\ndate = 2018-02-01\nfob = "1"\n', "exports[0]: give hs_code (to look the rebate rate up) or rebate_rate"),
        ('[[equipment]]\nacquired = 2019-01-01\ncost = "1"\n',
         "equipment[0].acquired: 2019-01-01 is after the report year 2018"),
        # fields of the VAT periods and the exports
        ('[vat]\nopening_credit = "-1"\n', "vat.opening_credit: must not be negative (got -1)"),
        ('[vat]\nopening_credit = 12.5\n', 'vat.opening_credit: a float is not money; write "12.5"'),
        ('[[exports]]\ndate = 2018-02-01\nfob = "1"\nrebate_rate = "17.5%"\n',
         "exports[0].rebate_rate: 17.5% is above 17%"),
        ('[[exports]]\ndate = 2018-02-01\nfob = "1"\nrebate_rate = "13%"\nbonded_materials = "-5"\n',
         "exports[0].bonded_materials: must not be negative"),
        ('[[exports]]\ndate = 2018-02-01\nfob = "1"\nrebate_rate = "13%"\nband = "luxury"\n',
         "exports[0].band: unknown value 'luxury'"),
        ('[excess_credit_refund_2018]\napplied_on = 2018-07-01\ncredit_rating = "A"\n'
         'listed_input_tax = "1"\ntotal_input_tax = "2"\nindustry = "医药制造业"\ngrid_compny = true\n',
         "excess_credit_refund_2018.grid_compny: unknown field; did you mean 'grid_company'?"),
        ('[excess_credit_refund_2018]\ncredit_rating = "A"\nlisted_input_tax = "1"\ntotal_input_tax = "2"\n'
         'industry = "医药制造业"\n', "excess_credit_refund_2018.applied_on: missing (required)"),
    ],
)
def test_each_bad_input_names_its_field(text, message):
    assert message in one(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('year = 2018\n[enterprise]\nname = "x"\n', "format: missing (required); write format = 2"),
        ('format = 3\nyear = 2018\n[enterprise]\nname = "x"\n',
         "format: this version reads format 2 (and format 1, the deprecated spelling) (got 3)"),
        ('format = 1\n[enterprise]\nname = "x"\n', "year: missing (required)"),
        ('format = 1\nyear = 2018\n', "enterprise: missing (required)"),
        ('format = 1\nyear = 2018\n[enterprise]\nname = ""\n', "enterprise.name: must be a non-empty line of text without surrounding spaces"),
        ('format = 1\nyear = 2018\n[enterprise]\nname = "x"\nindustry = "14"\n',
         "enterprise.industry: '14' is not a GB/T 4754 industry code"),
        ('format = 1\nyear = 2018\n[enterprise]\nname = "x"\nvat_taxpayer = "big"\n',
         "enterprise.vat_taxpayer: unknown value 'big'; expected one of: general, small_scale"),
        ('format = 1\nyear = 2018\n[enterprise]\nname = "x"\n[[exports]]\ndate = 2018-01-02\nfob = "1"\n'
         'rebate_rate = "13%"\n', "enterprise.exporter: is 'none' but the input lists exports"),
        ("format = 1\nyear = [2018\n", "not valid TOML"),
        ('format = 1\nyear = 2018\nsales = "lots"\n[enterprise]\nname = "x"\n',
         "sales: must be a list of tables (got 'lots')"),
        ('format = 1\nyear = 2018\nrd = ["x"]\n[enterprise]\nname = "x"\n', "rd: must be a table (got a list)"),
        ('format = 1\nyear = 2018\ncatalogue = ""\n[enterprise]\nname = "x"\n',
         "catalogue: must be a non-empty line of text without surrounding spaces, at most 1000 characters (got '')"),
        ('format = 1\nyear = 2018\ncatalogue = 3\n[enterprise]\nname = "x"\n',
         "catalogue: must be a non-empty line of text without surrounding spaces, at most 1000 characters (got 3)"),
        ('format = 1\nyear = 2018\n[enterprise]\nname = "x"\nsector = "retail"\n',
         "enterprise.sector: unknown value 'retail'; expected one of: production, commerce, services"),
        ('format = 1\nyear = 2018\ncolour = "red"\n[enterprise]\nname = "x"\n',
         "colour: unknown field; expected one of: catalogue, enterprise, environmental_tax, equipment"),
    ],
)
def test_top_level_problems(text, message):
    found = problems(text)
    assert any(message in p for p in found), found


def test_json_problems_name_the_field():
    data = '{"format": 1, "year": 2018, "enterprise": {"name": "x"}, "rd": {"expensed": 12.50}}'
    assert problems(data, "json") == ['rd.expensed: a float is not money; write "12.50" (a string)']
    assert problems('{"format": 1,', "json")[0].startswith("not valid JSON")
    nan = '{"format": 1, "year": 2018, "enterprise": {"name": "x"}, "rd": {"expensed": NaN}}'
    assert "NaN is not a number" in problems(nan, "json")[0]
    assert problems("[1, 2]", "json") == ["the input must be a table (a JSON object)"]


def test_every_problem_is_reported_at_once():
    text = BASE + textwrap.dedent("""\
        surprise = 1
        [[sales]]
        month = "2018-01"
        amount = 10.5
        [[sales]]
        month = "2019-01"
        amount = "1"
        [[purchases]]
        month = "2018-02"
        kind = "invoice"
        amount = 1234.50
        vat = "1"
        [rd]
        expensed = "-3"
        """)
    found = problems(text)
    assert found == [
        "enterprise.surprise: unknown field; expected one of: " + ", ".join(sorted(f.name for f in fields_of("enterprise", format=1))),
        'sales[0].amount: a float is not money; write "10.5" (a string)',
        'purchases[0].amount: a float is not money; write "1234.50" (a string)',
        "rd.expensed: must not be negative (got -3)",
        "sales[1].month: month 2019-01 is not in the report year 2018",
    ]
    with pytest.raises(ReportInputError, match=r"^5 problems in the report input:\nenterprise.surprise: unknown field"):
        parse_text(text, "toml")


def test_parse_data_refuses_non_tables():
    with pytest.raises(ReportInputError, match="must be a table"):
        parse_data([], "x")


def test_the_example_text_is_commented_toml():
    text = example_text()
    assert text.startswith("# The built-in example")
    assert "format = 2" in text and "[[exports]]" in text


# -- one strict grammar, shared with the schema ---------------------------------------------------


@pytest.mark.parametrize("amount", ['"1234,50"', '"1,234.50"', '"2_150_000.00"', '"2.15e6"', '"１２３４"', '" 1"',
                                    '"+1"', '""', '"01"'])
def test_amounts_are_written_one_way(amount):
    # the earlier reader took "1234,50" for 123450 and read the others leniently
    assert one(f'[[sales]]\nmonth = "2018-01"\namount = {amount}\n').startswith("sales[0].amount: ")


@pytest.mark.parametrize(("field", "value"), [("acquired", '"20180615"'), ("acquired", '"2018-6-15"'),
                                              ("acquired", '" 2018-06-15"'), ("in_use", '"2018-06-15T00:00"')])
def test_dates_are_written_one_way(field, value):
    text = f'[[equipment]]\ncost = "1"\nacquired = 2018-06-01\n{field} = {value}\n'.replace(
        "acquired = 2018-06-01\nacquired", "acquired")
    assert one(text).startswith(f"equipment[0].{field}: ")


def test_the_schema_is_generated_from_the_records():
    schema = json_schema()
    props = schema["properties"]
    assert props["format"] == {"description": "the input format version", "type": "integer", "const": 2}
    assert list(props["qualifications"]["items"]["properties"]) == ["kind", "first", "last", "number"]
    assert props["qualifications"]["items"]["required"] == ["kind", "first", "last"]
    assert props["sales"]["items"]["properties"]["amount"]["anyOf"][0]["pattern"] == grammar.AMOUNT.replace("^-?", "^")
    assert "vat is given for kinds invoice and customs" in props["purchases"]["items"]["x-checks"]
    assert "the law data covers the year" in schema["x-checks"]
    data = json.loads(json.dumps(_as_json(tomllib.loads(example_text()))))
    assert jsonschema.Draft202012Validator(schema).is_valid(data)


def _as_json(value):
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def test_qualifications_keep_the_file_names_from_and_to():
    q = '[[qualifications]]\nkind = "tech_sme"\n'
    assert one(q + "from = 2018-01-01\nfirst = 2018-01-01\nto = 2018-12-31\n") == \
        "qualifications[0].first: unknown field; expected one of: certificate, from, kind, to"
    assert problems(BASE + q + "frm = 2018-01-01\nto = 2018-12-31\n") == [
        "qualifications[0].frm: unknown field; did you mean 'from'?", "qualifications[0].from: missing (required)"]
    assert one(q + 'from = "2018-1-1"\nto = 2018-12-31\n').startswith("qualifications[0].from: '2018-1-1' is not a date")
    facts = parse_text(BASE + q + "from = 2018-01-01\nto = 2018-12-31\n", "toml")
    assert (facts.qualifications[0].first, facts.qualifications[0].last) == (dt.date(2018, 1, 1), dt.date(2018, 12, 31))


def test_the_error_is_the_library_s_input_problems():
    with pytest.raises(InputProblems) as info:
        parse_text(BASE + '[[sales]]\nmonth = "2018-01"\namount = "x"\n', "toml")
    assert isinstance(info.value, ReportInputError) and info.value.field == "sales[0].amount"
    assert info.value.problems[0] == Problem("sales[0].amount", info.value.reason)


# -- what is accepted is computed: the limits are checked when reading ------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('format = 1\nyear = 2001\n[enterprise]\nname = "x"\n',
         "year: vat.small_scale.standard.commerce: 2001-12-31 is outside the covered window"),
        ('format = 1\nyear = 2028\n[enterprise]\nname = "x"\nemployees = 5\ntotal_assets = "1"\n'
         '[income]\naccounting_profit = "1"\n', "income: eit.small_profit.band1.limit: 2028-12-31 is outside"),
        (BASE + '[[exports]]\ndate = 2018-01-01\nfob = "1"\nrebate_rate = "13%"\n'.replace("2018-01-01", "2018-02-01")
         .replace("year = 2018", "year = 2001").replace("2018-02-01", "2001-12-31"),
         "exports[0].date: export.method.exempt_credit_refund: 2001-12-31 is outside"),
        (BASE + '[[equipment]]\nacquired = 2007-12-31\ncost = "1"\n',
         "equipment[0].acquired: eit.equipment.one_time.in_force: 2007-12-31 is outside"),
        (BASE + '[[equipment]]\nacquired = 2018-06-01\nin_use = 1952-02-29\ncost = "1"\n',
         "equipment[0].in_use: eit.depreciation.start_month_offset: 1952-02-29 is outside"),
        (BASE + '[[qualifications]]\nkind = "tech_sme"\nfrom = 1900-01-01\nto = 2018-12-31\n',
         "qualifications[0].from: 1900-01-01 is not a date (write YYYY-MM-DD, 1950 to 2099)"),
        (BASE + 'registered = 2018-08-01\n[excess_credit_refund_2018]\napplied_on = 2018-07-01\ncredit_rating = "A"\n'
         'listed_input_tax = "1"\ntotal_input_tax = "2"\nindustry = "医药制造业"\n',
         "excess_credit_refund_2018.applied_on: 2018-07-01 is before the registration day 2018-08-01"),
        (BASE + "".join(f'[[sales]]\nmonth = "2018-{m:02d}"\namount = "90000000000000"\n' for m in range(1, 13)),
         "sales[0].amount: the amounts of the input add up to 1080000000000000, beyond the 10^15 yuan"),
        (BASE + "".join(f'[[quarters]]\nquarter = {q % 4 + 1}\nemployees_start = 1\nemployees_end = 1\n'
                        'assets_start = "1"\nassets_end = "1"\n' for q in range(5)),
         "quarters: has 5 rows; at most 4"),
    ],
)
def test_limits_of_the_computation_are_problems_of_the_input(text, message):
    found = problems(text)
    assert any(p.startswith(message) for p in found), found


def test_checks_across_tables_run_beside_problems_of_fields():
    found = problems(BASE + '[[sales]]\nmonth = "2018-01"\namount = "1,0"\n'
                     '[[sales]]\nmonth = "2019-01"\namount = "1"\n[[losses]]\nyear = 2018\namount = "1"\n')
    assert [p.split(":")[0] for p in found] == ["sales[0].amount", "sales[1].month", "losses[0].year"]

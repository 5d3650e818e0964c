"""The report's income-tax section: the example's figures by hand, the saving of each
preference merged into the report's savings (labelled by tax, adding up exactly), the
law as known on 2017-12-31 against the four 2018 notices undone, timing preferences,
the mapping of the report's fields, errors named by path, renders within 100 columns
and a hostile decimal context."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import textwrap
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc.cli import main
from taxcalc.eit import annual, benefit
from taxcalc.errors import LawDataError
from taxcalc.report import ReportInputError, build_report, example, parse_text, render
from taxcalc.report.income_tax import (
    book_depreciation,
    enterprise_year,
    main_business,
    qualified_years,
)
from taxcalc.report.input import Equipment, Qualification, json_schema
from taxcalc.text import display_width

D = Decimal
EXAMPLE = build_report(example())
#: The four 2018 notices undone: 77号 (cap back to 50万), 99号 (R&D 50%), 54号 (no one-time
#: deduction), 76号 (five years for losses) — docs/benefit-2018.md.
NOTICES_2018_UNDONE = {
    "eit.small_profit.income_cap": "500000",
    "eit.small_profit.band1.limit": "500000",
    "eit.rd.ratio.general": "50%",
    "eit.equipment.one_time.in_force": False,
    "eit.losses.years.qualified": 5,
}


def facts(text: str):
    return parse_text(textwrap.dedent(text), "toml")


def lines(report) -> dict[str, object]:
    return {ln.id: ln for ln in report.section("eit").lines}


def amounts(report) -> dict[str, Decimal | None]:
    return {ln.id: ln.amount for ln in report.section("eit").lines}


def savings(report) -> dict[str, Decimal]:
    return {s.policy: s.amount for s in report.savings if s.tax == "eit"}


def fits(report) -> None:
    for lang in ("zh", "en"):
        text = render(report, lang)
        assert max(display_width(line) for line in text.splitlines()) <= 100, lang


# -- the example, by hand ----------------------------------------------------------------------


def test_example_income_tax_lines_by_hand():
    got = amounts(EXAMPLE)
    assert got["eit.profit"] == D("5380000.00") and got["eit.adjustments"] == D("126000.00")
    # book 67,500 less the one-time deduction of the whole 1,350,000
    assert got["eit.equipment_adjustment"] == D("67500.00") - D("1350000.00")
    # P1: five items 1,135,000, other 125,000 within 1,135,000 × 10% ÷ 90% = 126,111.11;
    # P2: five items 530,000, other 70,000 capped at 58,888.89
    assert got["eit.rd.base"] == D("1135000") + D("125000") + D("530000") + D("58888.89")
    assert got["eit.rd.extra"] == D("1386666.67")  # 1,848,888.89 × 75%, half up
    assert got["eit.income_before_losses"] == D("5380000") + D("126000") - D("1282500") - D("1386666.67")
    assert got["eit.losses_used"] == D("420000")
    assert got["eit.taxable_income"] == D("2416833.33")
    assert got["eit.standard_tax"] == D("604208.33")  # × 25%, half up
    assert got["eit.tax"] == D("362525.00")  # 2,416,833.33 × 15% = 362,524.9995
    assert got["eit.relief"] == D("241683.33")
    assert got["eit.tax_without_all"] == D("1271500.00")  # (5,380,000 + 126,000 − 420,000) × 25%
    assert "eit.losses_carried" not in got


def test_example_income_tax_citations_and_forms():
    ln = lines(EXAMPLE)
    assert [str(c) for c in ln["eit.rate"].cite] == ["主席令第63号 第二十八条第二款"]
    assert ln["eit.rate"].value_zh == "15%（高新技术企业）"
    assert [str(c) for c in ln["eit.rd.ratio"].cite] == ["财税〔2018〕99号 一"]
    assert [str(c) for c in ln["eit.equipment_adjustment"].cite] == ["财税〔2018〕54号 一", "国家税务总局公告2018年第46号 二"]
    assert [str(c) for c in ln["eit.losses_used"].cite] == ["财税〔2018〕76号 一"]
    assert [str(c) for c in ln["eit.standard_tax"].cite] == ["主席令第63号 第四条"]
    assert (ln["eit.rd.extra"].form, ln["eit.losses_used"].form, ln["eit.tax"].form) == ("A107012", "A106000", "A100000")
    assert ln["eit.main_business"].value_en == "manufacturing (from industry code C14)"
    # the certificate 2017-10-27 – 2020-10-26: the 15% rate in 2017–2019 (24号 一), losses 2017–2020 (45号 二)
    assert ln["eit.qualified.high_tech"].value_en == "2017, 2018, 2019 (applies in 2018)"
    assert ln["eit.qualified.high_tech"].cite == ()  # 2018 is covered in full: no rule on partial years needed
    assert ln["eit.qualified.high_tech_losses"].value_en == "2017, 2018, 2019, 2020 (qualified in 2018)"
    assert [str(c) for c in ln["eit.qualified.high_tech_losses"].cite] == ["国家税务总局公告2018年第45号 二"]


def test_example_savings_by_hand_labelled_by_tax():
    got = {s.policy: (s.tax, s.section, s.amount, [str(c) for c in s.cite]) for s in EXAMPLE.savings
           if s.tax == "eit"}
    assert got == {
        # 2,416,833.33 × 25% − × 15%
        "eit.hnte_rate": ("eit", "eit", D("241683.33"), ["主席令第63号 第二十八条第二款"]),
        # the super-deduction back in the income, at 15%: 3,803,500 × 15% − 362,525
        "eit.rd_super_deduction": ("eit", "eit", D("208000.00"), ["财税〔2018〕99号 一"]),
        # straight line instead: (1,350,000 − 67,500) more income, at 15%
        "eit.equipment_one_time": ("eit", "eit", D("192375.00"),
                                   ["财税〔2018〕54号 一", "国家税务总局公告2018年第46号 二"]),
        # the 2015 loss is within its five years in 2018; 2018 qualifies by the certificate's validity
        "eit.loss_10_years": ("eit", "eit", D("0.00"), ["财税〔2018〕76号 一", "国家税务总局公告2018年第45号 二"]),
    }
    assert EXAMPLE.savings_by_tax == (("vat", D("210900.00")), ("eit", D("642058.33")))
    assert EXAMPLE.total_saving == D("852958.33") == sum((s.amount for s in EXAMPLE.savings), D(0))
    notes = {s.policy: s.note_en for s in EXAMPLE.savings}
    assert "timing preference" in notes["eit.equipment_one_time"]
    assert "saves nothing this year" in notes["eit.loss_10_years"]


def test_example_tables():
    eq, loss, pol = EXAMPLE.section("eit").tables
    (row,) = eq.rows
    assert row[4:10] == (D("1350000.00"), ("一次性扣除", "one-time deduction"), D("1350000.00"), D("67500.00"),
                         D("67500.00"), D("-1282500.00"))
    ((year, available, used, expired, remaining, last, years, cite),) = loss.rows
    assert (year, available, used, remaining, last, years) == (("2015", "2015"), D("420000"), D("420000"), D("0"),
                                                               "2025", "10")
    assert [r[1:] for r in pol.rows] == [(D("604208.33"), D("241683.33")), (D("570525.00"), D("208000.00")),
                                        (D("554900.00"), D("192375.00")), (D("362525.00"), D("0.00"))]


def test_the_section_agrees_with_the_eit_api():
    f = enterprise_year(example())
    assert annual(f).tax == amounts(EXAMPLE)["eit.tax"]
    b = benefit(f)
    assert {f"eit.{p.id}": p.saving for p in b.policies if f"eit.{p.id}" in savings(EXAMPLE)} == savings(EXAMPLE)
    assert b.tax_without_all == amounts(EXAMPLE)["eit.tax_without_all"]


# -- JSON ----------------------------------------------------------------------------------------


def test_json_round_trip_the_savings_add_up_by_tax_and_in_total():
    data = json.loads(json.dumps(EXAMPLE.as_dict(), ensure_ascii=False))
    total = sum((Decimal(s["amount"]) for s in data["savings"]), Decimal(0))
    assert total == Decimal(data["total_saving"]) == D("852958.33")
    by_tax: dict[str, Decimal] = {}
    for s in data["savings"]:
        by_tax[s["tax"]] = by_tax.get(s["tax"], D(0)) + Decimal(s["amount"])
    assert {k: str(v) for k, v in by_tax.items()} == data["total_saving_by_tax"] == {
        "vat": "210900.00", "eit": "642058.33"}
    eit = data["sections"][2]
    assert eit["id"] == "eit" and eit["status"] == "computed"
    tax = next(ln for ln in eit["lines"] if ln["id"] == "eit.tax")
    assert tax == {"id": "eit.tax", "zh": "应纳所得税额", "en": "income tax payable", "amount": "362525.00", "cite": [],
                   "form": "A100000"}
    policies = next(t for t in eit["tables"] if t["id"] == "eit.policies")
    assert policies["rows"][0] == {"policy": {"zh": "高新技术企业减按15%税率",
                                              "en": "15% rate of high and new technology enterprises"},
                                   "tax_without": "604208.33", "saving": "241683.33"}


# -- the law as known on 2017-12-31 --------------------------------------------------------------


def test_known_on_2017_12_31_is_the_four_2018_notices_undone():
    known = build_report(example(), known_on="2017-12-31")
    undone = build_report(example(), what_if=NOTICES_2018_UNDONE)
    # R&D at 50%, the line depreciated from July, five years for the 2015 loss:
    # (5,380,000 + 126,000 − 924,444.45 − 420,000) × 15%
    assert amounts(known)["eit.rd.extra"] == D("924444.45")
    assert amounts(known)["eit.equipment_adjustment"] == D("0.00")
    assert amounts(known)["eit.tax"] == amounts(undone)["eit.tax"] == D("624233.33")
    assert savings(known) == savings(undone) == {"eit.hnte_rate": D("416155.56"),
                                                 "eit.rd_super_deduction": D("138666.67")}
    f = enterprise_year(example())
    b = benefit(f, known_on="2017-12-31")
    assert b.tax_as_known_on == D("624233.33") and b.saving_since == D("624233.33") - D("362525.00")
    # VAT as known then: 17% all year, no rate-cut saving, 13% for walnuts all year
    assert not [s for s in known.savings if s.policy.startswith("vat.rate_cut")]
    assert known.as_dict()["law"]["known_on"] == "2017-12-31"
    fits(known)


def test_command_line_known_on_and_what_if_reach_the_income_tax(capsys):
    assert main(["report", "--known-on", "2017-12-31", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    tax = next(ln for ln in data["sections"][2]["lines"] if ln["id"] == "eit.tax")
    assert tax["amount"] == "624233.33"
    argv = ["report", "--json"] + [f"--what-if={k}={str(v).lower()}" for k, v in NOTICES_2018_UNDONE.items()]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert next(ln for ln in data["sections"][2]["lines"] if ln["id"] == "eit.tax")["amount"] == "624233.33"
    assert data["law"]["what_if"]["eit.equipment.one_time.in_force"] == "false"
    assert data["law"]["what_if"]["eit.losses.years.qualified"] == "5"
    code = main(["report", "--what-if", "eit.rd.in_force=maybe"])
    assert code == 1 and "eit.rd.in_force" in capsys.readouterr().err


# -- timing preferences, the small low-profit relief, a loss year ----------------------------------

LATER = """\
format = 1
year = 2019
[enterprise]
name = "x"
industry = "C14"
employees = 320
total_assets = "60000000"
[income]
accounting_profit = "2000000"
[[equipment]]
acquired = 2018-06-15
in_use = 2018-06-28
cost = "1350000"
"""


def test_a_timing_preference_gives_a_negative_saving_in_a_later_year():
    report = build_report(facts(LATER))
    # deducted in full in 2018: no tax depreciation in 2019, the book's 135,000 added back
    assert amounts(report)["eit.equipment_adjustment"] == D("135000.00")
    got = {s.policy: s for s in report.savings}
    saving = got["eit.equipment_one_time"]
    assert saving.amount == D("-33750.00")  # 135,000 × 25%
    assert "negative" in saving.note_en and saving.cite
    assert report.total_saving == sum((s.amount for s in report.savings), D(0)) == D("-33750.00")
    assert report.as_dict()["total_saving_daxie"] is None
    fits(report)


def test_book_depreciation_default():
    line = Equipment(dt.date(2018, 6, 15), D("1350000"), in_use=dt.date(2018, 6, 28))
    assert book_depreciation(line, 2018) == D("67500.00")  # July–December
    assert book_depreciation(line, 2019) == D("135000.00")
    assert book_depreciation(line, 2028) == D("67500.00")  # January–June: the 120th month
    assert book_depreciation(line, 2029) == D("0.00")
    december = Equipment(dt.date(2018, 12, 3), D("100"), useful_life_years=3)
    assert book_depreciation(december, 2018) == D("0.00")
    assert book_depreciation(december, 2019) == D("33.33")
    assert book_depreciation(Equipment(dt.date(2018, 1, 1), D("1"), book_depreciation=D("7")), 2018) == D("7")


SMALL = """\
format = 1
year = 2018
[enterprise]
name = "small"
industry = "C33"
[income]
accounting_profit = "{profit}"
[[quarters]]
quarter = 1
employees_start = 70
employees_end = 74
assets_start = "24000000"
assets_end = "25000000"
[[quarters]]
quarter = 2
employees_start = 74
employees_end = 78
assets_start = "25000000"
assets_end = "26500000"
[[quarters]]
quarter = 3
employees_start = 78
employees_end = 80
assets_start = "26500000"
assets_end = "27000000"
[[quarters]]
quarter = 4
employees_start = 80
employees_end = 82
assets_start = "27000000"
assets_end = "28000000"
"""


@pytest.mark.parametrize(("profit", "tax", "saving"), [
    ("1000000.00", D("100000.00"), D("150000.00")),  # at the cap: half the income at 20%
    ("1000000.01", D("250000.00"), None),  # one fen over: 25% on all, the relief not listed
])
def test_small_low_profit_relief_at_the_cap_and_one_fen_over(profit, tax, saving):
    report = build_report(facts(SMALL.format(profit=profit)))
    assert amounts(report)["eit.tax"] == tax
    got = savings(report)
    if saving is None:
        assert got == {}
    else:
        assert got == {"eit.small_profit": saving}
        (s,) = report.savings
        assert [str(c) for c in s.cite][0] == "财税〔2018〕77号 一"
        assert lines(report)["eit.rate"].value_en == "20% (small low-profit enterprise, income partly included)"


def test_the_size_figures_are_asked_for_by_the_report_field():
    text = SMALL.format(profit="820000").split("[[quarters]]")[0]
    with pytest.raises(ReportInputError) as info:
        build_report(facts(text))
    assert str(info.value.problems[0]) == (
        "quarters: taxable income 820000.00 is within the small low-profit cap: give [[quarters]] (employees and total "
        "assets at the start and end of each quarter) or enterprise.employees and enterprise.total_assets (annual "
        "averages) to test the relief")


def test_a_loss_year_carries_its_loss_and_a_super_deduction_can_make_it():
    report = build_report(facts("""\
        format = 1
        year = 2019
        [enterprise]
        name = "x"
        industry = "I65"
        employees = 40
        total_assets = "9000000"
        [income]
        accounting_profit = "100000"
        [[rd.projects]]
        personnel = "800000"
        [[qualifications]]
        kind = "tech_sme"
        from = 2019-04-01
        to = 2019-12-31
        """))
    got = amounts(report)
    assert got["eit.income_before_losses"] == D("-500000.00")  # 100,000 − 800,000 × 75%
    assert got["eit.tax"] == D("0.00") and got["eit.losses_carried"] == D("500000.00")
    # without the super-deduction 100,000 is taxed as a small low-profit enterprise: × 25% × 20%
    assert savings(report) == {"eit.rd_super_deduction": D("5000.00"), "eit.small_profit": D("0.00")}
    notes = {s.policy: s.note_en for s in report.savings}
    assert notes["eit.small_profit"] == "saves nothing this year: there is no tax either way."
    fits(report)


def test_without_income_the_section_is_not_applicable():
    report = build_report(facts('format = 1\nyear = 2018\n[enterprise]\nname = "x"\n'))
    assert report.section("eit").status == "not_applicable" and not report.section("eit").savings


# -- the mapping of the report's fields --------------------------------------------------------------


@pytest.mark.parametrize(("code", "expected"), [
    ("C14", "manufacturing"), ("C1620", "tobacco"), ("C16", "tobacco"), ("H61", "accommodation"),
    ("H62", "catering"), ("H", "accommodation"), ("F51", "wholesale_retail"), ("L72", "leasing_business"),
    ("R90", "entertainment"), ("R88", "other"), ("K70", "real_estate"), ("B06", "mining"), ("D44", "utilities"),
    ("I65", "information"), ("M73", "research"), ("P83", "other"), ("", "other"),
])
def test_main_business_from_the_industry_code(code, expected):
    assert main_business(code) == expected


def _q(first: str, last: str, kind: str = "high_tech") -> Qualification:
    return Qualification(kind, dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize(("rows", "years"), [
    ([("2017-10-27", "2020-10-26")], (2017, 2018, 2019)),  # lapses in 2020 unrenewed: not 2020
    ([("2017-10-27", "2020-10-26"), ("2020-11-15", "2023-11-14")], (2017, 2018, 2019, 2020, 2021, 2022)),
    ([("2018-01-01", "2020-12-31")], (2018, 2019, 2020)),  # covers 2020-12-31: 2020 counts
    ([("2018-01-01", "2020-12-30")], (2018, 2019)),  # one day short
    ([("2018-12-31", "2018-12-31")], (2018,)),
])
def test_qualified_years(rows, years):
    assert qualified_years([_q(a, b) for a, b in rows], "high_tech") == years
    assert qualified_years([_q(a, b) for a, b in rows], "tech_sme") == ()


def test_expensed_and_intangibles_map_onto_the_eit_input():
    f = enterprise_year(facts("""\
        format = 1
        year = 2018
        [enterprise]
        name = "x"
        [income]
        accounting_profit = "5000000"
        [rd]
        expensed = "1000000"
        intangible_amortisation = "200000"
        """))
    r = annual(f)
    assert r.rd.base == D("1000000") and r.rd.extra == D("750000.00") + D("150000.00")


def test_the_schema_describes_the_new_fields():
    props = json_schema()["properties"]
    project = props["rd"]["properties"]["projects"]["items"]
    assert project["additionalProperties"] is False and "entrusted_overseas" in project["properties"]
    assert props["quarters"]["items"]["required"] == ["quarter", "employees_start", "employees_end", "assets_start",
                                                      "assets_end"]
    assert "manufacturing" in props["income"]["properties"]["industry"]["enum"]
    assert props["equipment"]["items"]["properties"]["kind"]["enum"] == [
        "buildings", "machinery", "tools", "vehicles", "electronics"]


# -- errors by path ----------------------------------------------------------------------------------

BASE = """\
format = 1
year = 2018
[enterprise]
name = "x"
employees = 186
total_assets = "46800000"
[income]
accounting_profit = "5000000"
"""


def one(text: str) -> str:
    with pytest.raises(ReportInputError) as info:
        parse_text(BASE + textwrap.dedent(text), "toml")
    assert len(info.value.problems) == 1, info.value.problems
    return str(info.value.problems[0])


@pytest.mark.parametrize(("text", "message"), [
    ('[[rd.projects]]\nname = "A"\nother = 70000.5\n', 'rd.projects[0].other: a float is not money; write "70000.5"'),
    ('[[rd.projects]]\npersonnel = "1"\n[[rd.projects]]\nnme = "B"\n',
     "rd.projects[1].nme: unknown field; did you mean 'name'?"),
    ('[rd]\nexpensed = "1"\n[[rd.projects]]\npersonnel = "1"\n',
     "rd.expensed: give either expensed (one figure, counted as given) or projects, not both"),
    ('[rd]\nprojects = "many"\n', "rd.projects: must be a list of tables (got 'many')"),
    ('[[equipment]]\nacquired = 2018-06-15\ncost = "1350000"\nresidual = "2000000"\n',
     "equipment[0].residual: 2000000 is more than the cost 1350000"),
    ('[[equipment]]\nacquired = 2018-06-15\ncost = "1"\nasset_class = "robots"\n',
     "equipment[0].asset_class: unknown value 'robots'; expected one of: buildings, machinery"),
    ('[[equipment]]\nacquired = 2018-06-15\ncost = "1"\nin_use = "June"\n',
     "equipment[0].in_use: 'June' is not a date (write YYYY-MM-DD, 1950 to 2099)"),
    ('[[equipment]]\nacquired = 2018-06-15\ncost = "1"\nacquisition = "gift"\n',
     "equipment[0].acquisition: unknown value 'gift'"),
    ('[[equipment]]\nacquired = 2018-06-15\ncost = "1"\nelect_one_time = "no"\n',
     "equipment[0].elect_one_time: must be true or false (got 'no')"),
    ('[[losses]]\nyear = 2015\namount = "1"\nextension = "covid"\n',
     "losses[0].extension: unknown value 'covid'; expected one of: hardship, film"),
    ('[[quarters]]\nquarter = 5\nemployees_start = 1\nemployees_end = 1\nassets_start = "1"\nassets_end = "1"\n',
     "quarters[0].quarter: must be between 1 and 4 (got 5)"),
])
def test_income_tax_fields_are_checked_on_reading(text, message):
    assert one(text).startswith(message)


@pytest.mark.parametrize(("text", "message"), [
    ("main_business = \"factory\"\n", "income.main_business: unknown value 'factory'; expected one of: agriculture"),
    ("main_business_share = \"150%\"\n", "income.main_business_share: '150%' is not a rate (write a fraction from 0 to 1"),
    ("industrial = 1\n", "income.industrial: must be true or false (got 1)"),
    ("restricted = \"yes\"\n", "income.restricted: must be true or false (got 'yes')"),
])
def test_income_fields_are_checked_on_reading(text, message):
    found = problems(BASE + text)
    assert any(p.startswith(message) for p in found), found


def problems(text: str) -> list[str]:
    with pytest.raises(ReportInputError) as info:
        parse_text(text, "toml")
    return [str(p) for p in info.value.problems]


def test_part_year_and_size_figures_are_checked():
    q = ('[[quarters]]\nquarter = {n}\nemployees_start = 1\nemployees_end = 1\nassets_start = "1"\n'
         'assets_end = "1"\n')
    no_size = BASE.replace('employees = 186\ntotal_assets = "46800000"\n', "")
    assert problems(BASE + q.format(n=1)) == [
        "quarters: give either quarters or the annual averages (enterprise.employees), not both",
        "quarters: the enterprise operated in quarter(s) 1, 2, 3, 4 of 2018; give one row for each (missing: 2, 3, 4)",
    ]
    assert problems(no_size + q.format(n=1) + q.format(n=1)) == [
        "quarters[1].quarter: quarter 1 repeats quarters[0]",
        "quarters: the enterprise operated in quarter(s) 1, 2, 3, 4 of 2018; give one row for each (missing: 2, 3, 4)",
    ]
    opened = no_size.replace('name = "x"\n', 'name = "x"\nopened = 2018-05-20\n')
    facts_ = parse_text(opened + q.format(n=2) + q.format(n=3) + q.format(n=4), "toml")
    assert enterprise_year(facts_).opened == dt.date(2018, 5, 20)
    assert problems(opened + q.format(n=1) + q.format(n=2) + q.format(n=3) + q.format(n=4)) == [
        "quarters: the enterprise did not operate in quarter(s) 1 of 2018 (see enterprise.opened and enterprise.closed)"
    ]
    assert problems(no_size.replace('name = "x"\n', 'name = "x"\nemployees = 3\n')) == [
        "enterprise.total_assets: missing: the income-tax size test takes both annual averages (employees and "
        "total_assets), or [[quarters]]"]
    assert problems(no_size.replace('name = "x"\n', 'name = "x"\nopened = 2018-05-20\nclosed = 2018-03-01\n')) == [
        "enterprise.closed: 2018-03-01 is before 'opened' 2018-05-20"]
    assert problems(no_size.replace('name = "x"\n', 'name = "x"\nopened = 2019-01-02\n')) == [
        "enterprise.opened: 2019-01-02 is after the report year 2018"]


# -- renders, totals, a hostile context ------------------------------------------------------------

money_st = st.integers(min_value=0, max_value=10**10).map(lambda f: Decimal(f).scaleb(-2))
signed_st = st.integers(min_value=-(10**10), max_value=10**11).map(lambda f: Decimal(f).scaleb(-2))


def _random_input(profit, adjust, personnel, other, cost, month, loss, hnte, year) -> str:
    text = (f'format = 1\nyear = {year}\n[enterprise]\nname = "一家名字很长的高新技术企业有限公司"\nindustry = "C39"\n'
            f'employees = 400\ntotal_assets = "90000000"\n'
            f'[income]\naccounting_profit = "{profit}"\nother_adjustments = "{adjust}"\n')
    if personnel or other:
        text += f'[[rd.projects]]\nname = "项目"\npersonnel = "{personnel}"\nother = "{other}"\n'
    if cost:
        text += (f'[[equipment]]\nacquired = {year}-{month:02d}-10\ncost = "{cost}"\n'
                 'description = "一台名字很长的数控机床 (a CNC machine tool with a long name)"\n')
    if loss:
        text += f'[[losses]]\nyear = {year - 3}\namount = "{loss}"\n'
    if hnte:
        text += f'[[qualifications]]\nkind = "high_tech"\nfrom = {year - 1}-01-01\nto = {year + 1}-12-31\n'
    return text


@settings(max_examples=30)
@given(signed_st, signed_st, money_st, money_st, money_st.filter(lambda c: c > 0) | st.just(D(0)),
       st.integers(1, 12), money_st.filter(lambda c: c > 0) | st.just(D(0)), st.booleans(),
       st.sampled_from([2018, 2019, 2021, 2023]))
def test_any_income_tax_report_adds_up_and_fits(profit, adjust, personnel, other, cost, month, loss, hnte, year):
    report = build_report(parse_text(_random_input(profit, adjust, personnel, other, cost, month, loss, hnte, year),
                                     "toml"))
    data = json.loads(json.dumps(report.as_dict()))
    assert sum((Decimal(s["amount"]) for s in data["savings"]), D(0)) == Decimal(data["total_saving"])
    for s in report.savings:
        if s.policy != "eit.equipment_one_time":  # the only timing preference here
            assert s.amount >= 0, s
    assert amounts(report)["eit.tax"] >= 0
    fits(report)


def test_the_income_tax_section_ignores_a_hostile_decimal_context():
    texts = [example(), facts(SMALL.format(profit="987654.31")), facts(LATER)]
    expected = [build_report(t).as_dict() for t in texts]
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        ctx.traps[decimal.Inexact] = True
        got = [build_report(t).as_dict() for t in texts]
        text = render(build_report(example()), "en")
    assert got == expected
    assert "Saving in income tax: CN¥642,058.33" in text


def test_problems_found_by_the_computation_name_the_report_field():
    text = BASE.replace("2018", "2022") + (
        '[rd]\nbase_after_switch = "900000"\n[[rd.projects]]\npersonnel = "800000"\n')
    with pytest.raises(ReportInputError) as info:
        build_report(parse_text(text, "toml"))
    assert [str(p) for p in info.value.problems] == [
        "rd.base_after_switch: 900000 is more than the year's base 800000"]


def test_a_2020_hardship_loss_used_in_its_eighth_year():
    report = build_report(facts("""\
        format = 1
        year = 2026
        [enterprise]
        name = "x"
        industry = "H62"
        employees = 400
        total_assets = "90000000"
        [income]
        accounting_profit = "2000000"
        [[losses]]
        year = 2020
        amount = "300000"
        extension = "hardship"
        """))
    # five years would end in 2025: the 300,000 used in 2026 is worth 300,000 × 25%
    assert amounts(report)["eit.losses_used"] == D("300000")
    (s,) = report.savings
    assert (s.policy, s.amount, str(s.cite[0])) == ("eit.loss_8_years_2020", D("75000.00"),
                                                   "财政部 税务总局公告2020年第8号 第四条")


def test_high_tech_equipment_of_2022_q4_full_deduction_plus_extra():
    report = build_report(facts("""\
        format = 1
        year = 2022
        [enterprise]
        name = "x"
        industry = "C39"
        employees = 400
        total_assets = "90000000"
        [income]
        accounting_profit = "5000000"
        [[qualifications]]
        kind = "high_tech"
        from = 2021-05-01
        to = 2024-04-30
        [[equipment]]
        acquired = 2022-11-10
        in_use = 2022-11-20
        cost = "1000000"
        """))
    got = amounts(report)
    assert got["eit.equipment_adjustment"] == D("8333.33") - D("1000000")  # December's book depreciation
    assert got["eit.equipment_extra"] == D("1000000.00")
    saving = {s.policy: s for s in report.savings}["eit.hnte_equipment_2022q4"]
    # undone, the one-time deduction of 2021年第6号 still applies: only the extra 100% is lost, at 15%
    assert saving.amount == D("150000.00") and "extra deduction" in saving.note_en
    assert str(saving.cite[0]) == "财政部 税务总局 科技部公告2022年第28号 一"
    fits(report)


def test_what_if_views_are_kept_apart_by_value_type():
    assert build_report(example(), what_if={"eit.losses.years.qualified": 1}).total_saving
    with pytest.raises(LawDataError, match="must be a non-negative integer"):
        build_report(example(), what_if={"eit.losses.years.qualified": True})


# -- qualifications: the certificate read for the rate (24号 一) and for losses (45号 二) ---------------

LAPSED_2018 = """\
    format = 1
    year = {year}
    [enterprise]
    name = "x"
    industry = "C39"
    employees = 400
    total_assets = "90000000"
    [income]
    accounting_profit = "1000000"
    [[qualifications]]
    kind = "high_tech"
    from = 2015-11-20
    to = 2018-11-19
    certificate = "GR201513000001"
    [[losses]]
    year = 2013
    amount = "300000"
    """


def test_report_a_certificate_lapsing_mid_year_without_renewal():
    report = build_report(facts(LAPSED_2018.format(year=2018)))
    ln = lines(report)
    assert ln["eit.rate"].value_en == "25% (standard rate)"
    assert amounts(report)["eit.tax"] == D("175000.00")  # (1,000,000 − 300,000) × 25%
    assert ln["eit.qualified.high_tech"].value_en == "2015, 2016, 2017 (does not apply in 2018)"
    assert [str(c) for c in ln["eit.qualified.high_tech"].cite] == ["国家税务总局公告2017年第24号 一"]
    assert ln["eit.qualified.high_tech_losses"].value_en == "2015, 2016, 2017, 2018 (qualified in 2018)"
    assert "eit.hnte_rate" not in savings(report)  # not a rate year, and nothing saved
    fits(report)


def test_report_a_loss_kept_alive_only_by_the_certificate_validity_year():
    report = build_report(facts(LAPSED_2018.format(year=2019)))
    assert amounts(report)["eit.losses_used"] == D("300000")  # usable to 2023: 2018 qualifies by 45号 二
    (s,) = [s for s in report.savings if s.tax == "eit"]
    assert (s.policy, s.amount) == ("eit.loss_10_years", D("75000.00"))
    assert [str(c) for c in s.cite] == ["财税〔2018〕76号 一", "国家税务总局公告2018年第45号 二"]
    f = enterprise_year(facts(LAPSED_2018.format(year=2019)))
    assert (f.hnte_rate_years, f.hnte_loss_years) == ((2015, 2016, 2017), (2015, 2016, 2017, 2018))
    assert f.hnte_certificates[0].number == "GR201513000001"


def test_report_tech_sme_rows_are_registrations_by_year():
    text = BASE + ('[[qualifications]]\nkind = "tech_sme"\nfrom = 2017-05-10\nto = 2018-12-31\ncertificate = "2017…"\n'
                   '[[qualifications]]\nkind = "tech_sme"\nfrom = 2019-04-01\nto = 2019-12-31\n')
    f = enterprise_year(facts(text))
    assert [(r.year, r.number) for r in f.tech_sme_registrations] == [(2017, "2017…"), (2018, "2017…"), (2019, "")]
    assert f.tech_sme_qualified_years == (2017, 2018, 2019) and f.hnte_certificates == ()
    assert lines(build_report(facts(text)))["eit.qualified.tech_sme"].value_en == "2017, 2018, 2019 (qualified in 2018)"

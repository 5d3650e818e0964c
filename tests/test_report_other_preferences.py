"""The report's section of other preferences: the small-loan interest VAT exemption and the
environmental-tax reductions, each saving worked out by hand from the built-in examples
(county-bank-2019, chemical-2019) with its citations, the section absent without its facts,
and the input problems named by path."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taxcalc.report import ReportInputError, build_report, example, example_text, parse_text
from taxcalc.report.render import render

D = Decimal


def _saving(report, policy):
    return next(s for s in report.savings if s.policy == policy)


def test_the_bank_example_by_hand():
    report = build_report(example("county-bank-2019"))
    section = report.section("preferences")
    assert section.status == "computed"
    lines = {ln.id: ln.amount for ln in section.lines}
    # loan 1 in full; loan 2 260,000 × 6.525% ÷ 8%; loan 3 150,000 × 6.375% ÷ 6.5%; loan 4 none
    assert lines["small_loans.exempt"] == D("420000") + D("212062.50") + D("147115.38")
    assert lines["small_loans.taxable"] == D("950822.12")
    s = _saving(report, "vat.small_loan_interest")
    # 1,730,000 ÷ 1.06 × 6% − 950,822.12 ÷ 1.06 × 6%
    assert (s.tax, s.amount) == ("vat", D("97924.53") - D("53820.12"))
    docs = {c.doc for c in s.cite}
    assert "财税〔2018〕91号" in docs
    assert report.total_saving == sum(x.amount for x in report.savings)


def test_the_chemical_example_by_hand():
    report = build_report(example("chemical-2019"))
    rows = {r[0].isoformat()[:7]: r[1:4] for r in report.section("preferences").tables[0].rows}
    assert rows["2019-02"] == (D("52700.00"), D("15625.00"), D("37075.00"))
    assert rows["2019-05"][1] == D("4800.00") + D("5050.00")  # SO2 exactly 30% and COD exactly 50% below
    assert rows["2019-08"][1] == D("9175.00")
    assert rows["2019-11"][1:] == (D("0"), D("28000.00"))  # an hour above the standard
    s = _saving(report, "env.reduction")
    assert (s.tax, s.amount) == ("env", D("34650.00"))
    assert [str(c) for c in s.cite] == ["中华人民共和国环境保护税法 第十三条"]
    assert ("env", D("34650.00")) in report.savings_by_tax
    text = render(report, "en")
    assert "Saving in environmental protection tax: CN¥34,650.00" in text


@pytest.mark.parametrize("name", ["hebei-2018", "tech-service-2023"])
def test_without_the_facts_there_is_no_such_section(name):
    report = build_report(example(name))
    assert "preferences" not in [s.id for s in report.sections]
    assert not {"vat.small_loan_interest", "env.reduction"} & {s.policy for s in report.savings}


def _bank(replace: tuple[str, str] = ("", ""), extra: str = "") -> str:
    return example_text("county-bank-2019").replace(*replace) + extra


def test_the_method_is_required_with_small_loans():
    with pytest.raises(ReportInputError, match="vat.small_loan_method: missing"):
        parse_text(_bank(('small_loan_method = "split"', "")), "toml")


def test_interest_outside_the_year_is_named():
    with pytest.raises(ReportInputError, match=r"small_loans\[0\].interest_date: day 2020-12-21 is not in the "
                                               "report year 2019"):
        parse_text(_bank(("interest_date = 2019-12-21", "interest_date = 2020-12-21"), ), "toml")


def test_environmental_months_once_each_and_covered():
    text = example_text("chemical-2019")
    with pytest.raises(ReportInputError, match=r"environmental_tax\[1\].month: the month 2019-02 is given twice"):
        parse_text(text.replace('month = "2019-05"\n[[environmental_tax.emissions]]',
                                'month = "2019-02"\n[[environmental_tax.emissions]]'), "toml")
    old = text.replace("year = 2019", "year = 2017").replace('"2019-', '"2017-').replace("2019-0", "2017-0")
    with pytest.raises(ReportInputError, match=r"environmental_tax\[0\].month"):
        parse_text(old, "toml")


def test_a_float_in_an_emission_is_named():
    text = example_text("chemical-2019").replace('tax = "18600.00"', "tax = 18600.5")
    with pytest.raises(ReportInputError, match=r"environmental_tax\[0\].emissions\[0\].tax: a float is not money"):
        parse_text(text, "toml")


def test_the_chemical_exports_count_bonded_imports_by_the_consumption_method():
    report = build_report(example("chemical-2019"))
    lines = {ln.id: ln for ln in report.section("export").lines}
    bonded = lines["export.bonded_materials"]
    assert bonded.amount == D("1000000.00")  # 2,500,000 × 40%
    assert {c.doc for c in bonded.cite} == {"国家税务总局公告2012年第24号", "国家税务总局公告2013年第12号"}
    assert lines["export.non_creditable"].amount == D("45000.00")  # (2,500,000 − 1,000,000) × 3%
    assert lines["export.exempt_credit_refund"].amount == D("150000.00")  # (2,500,000 − 1,000,000) × 10%


def test_allocation_rate_or_bonded_materials_not_both():
    text = example_text("chemical-2019").replace('allocation_rate = "40%"',
                                                 'allocation_rate = "40%"\nbonded_materials = "1"')
    with pytest.raises(ReportInputError, match=r"exports\[0\].allocation_rate: give either bonded_materials"):
        parse_text(text, "toml")


@pytest.mark.parametrize("name", ["hebei-2018", "tech-service-2023", "county-bank-2019"])
def test_no_bonded_line_without_an_allocation_rate(name):
    report = build_report(example(name))
    assert all(ln.id != "export.bonded_materials" for s in report.sections for ln in s.lines)

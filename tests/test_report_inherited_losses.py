"""The report takes the facts of restructured enterprises' losses and of the 2020 hardship test.

`[[income.inherited_losses]]` (财税〔2009〕59号 第六条) and `[[income.hardship_tests]]`
(财政部 税务总局公告2020年第8号 第四条) pass to :class:`taxcalc.eit.EnterpriseYear` as read: the
built-in example (a high-tech manufacturer of 2018 at 15%) with 200,000 of a merged
enterprise's 2016 loss under a yearly limit of 50,000 uses exactly the limit, and its tax falls
by 50,000 × 15% = 7,500.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from taxcalc.cli import main
from taxcalc.report import ReportInputError, build_report, example_text, parse_text

D = Decimal
MERGER = """
[[income.inherited_losses]]
year = 2017
kind = "merger"
annual_cap = "{cap}"
losses = [{{year = {year}, amount = "200000.00"}}]
"""


def _with(extra: str) -> str:
    text = example_text()
    return text.replace("[vat]\n", extra.lstrip() + "\n[vat]\n", 1)


def _lines(text: str) -> dict[str, object]:
    return {ln.id: ln for ln in build_report(parse_text(text, "toml")).section("eit").lines}


BASE = _lines(example_text())


def test_a_merged_enterprises_loss_is_used_up_to_the_yearly_limit_and_shown():
    got = _lines(_with(MERGER.format(cap="50000.00", year=2016)))
    line = got["eit.inherited_losses_used"]
    assert line.amount == D("50000.00")
    assert any(c.doc == "财税〔2009〕59号" for c in line.cite)
    assert got["eit.taxable_income"].amount == BASE["eit.taxable_income"].amount - D("50000.00")
    assert got["eit.tax"].amount == BASE["eit.tax"].amount - D("7500.00")
    assert "eit.inherited_losses_used" not in BASE


def test_an_expired_inherited_loss_changes_nothing():
    # a 2012 loss was last usable in 2017: nothing is left for 2018
    got = _lines(_with(MERGER.format(cap="50000.00", year=2012)))
    assert got["eit.inherited_losses_used"].amount == D("0.00")
    assert got["eit.tax"].amount == BASE["eit.tax"].amount


def test_a_merger_without_its_yearly_limit_is_refused_by_its_path():
    text = _with(MERGER.format(cap="0", year=2016).replace('annual_cap = "0"\n', ""))
    with pytest.raises(ReportInputError) as err:
        build_report(parse_text(text, "toml"))
    assert "income.inherited_losses[0].annual_cap" in str(err.value)


def test_hardship_facts_for_a_year_without_a_hardship_loss_are_refused(tmp_path, capsys):
    extra = """
[[income.hardship_tests]]
year = 2016
industry = "catering"
main_business_income = "600000.00"
total_income = "1000000.00"
"""
    path = tmp_path / "report.toml"
    path.write_text(_with(extra), encoding="utf-8")
    assert main(["report", str(path)]) == 1
    err = capsys.readouterr().err
    assert "report.toml: income.hardship_tests[0].year" in err and "2016" in err and "Traceback" not in err


HARDSHIP_2020 = """
[[losses]]
year = 2020
amount = "100000.00"
extension = "hardship"

[[income.hardship_tests]]
year = 2020
industry = "catering"
main_business_income = "{main}"
total_income = "1000000.00"
"""


def _in_2023(extra: str) -> str:
    return example_text("tech-service-2023").replace("[vat]\n", extra.lstrip() + "\n[vat]\n", 1)


def test_a_failed_hardship_test_is_refused_naming_its_row_and_field():
    # 400,000 of 1,000,000 is a main-business share of 40%, below the 50% of 2020年第8号 第四条
    with pytest.raises(ReportInputError) as err:
        build_report(parse_text(_in_2023(HARDSHIP_2020.format(main="400000.00")), "toml"))
    [problem] = err.value.problems
    assert problem.path == "income.hardship_tests[0].main_business_income"
    assert "40%" in problem.reason and "50%" in problem.reason


def test_a_hardship_test_in_a_later_row_is_named_by_its_own_index():
    extra = HARDSHIP_2020.format(main="600000.00") + """
[[income.hardship_tests]]
year = 2016
industry = "catering"
main_business_income = "600000.00"
total_income = "1000000.00"
"""
    with pytest.raises(ReportInputError) as err:
        build_report(parse_text(_in_2023(extra), "toml"))
    assert [p.path for p in err.value.problems] == ["income.hardship_tests[1].year"]


def test_a_passed_hardship_test_is_no_problem():
    build_report(parse_text(_in_2023(HARDSHIP_2020.format(main="500000.00")), "toml"))


def test_hardship_facts_without_their_marked_loss_are_refused_when_the_file_is_read():
    # an input the reader accepts is computed: the cross-table check runs at parse, not at build
    extra = """
[[income.hardship_tests]]
year = 2016
industry = "catering"
main_business_income = "600000.00"
total_income = "1000000.00"
"""
    with pytest.raises(ReportInputError) as err:
        parse_text(_with(extra), "toml")
    [problem] = err.value.problems
    assert problem.path == "income.hardship_tests[0].year"
    assert problem.reason == "no loss of 2016 is marked `hardship` (in [[losses]])"


def test_a_hardship_test_given_twice_is_refused_when_the_file_is_read():
    row = HARDSHIP_2020.split("[[income.hardship_tests]]")[1]
    text = _in_2023(HARDSHIP_2020.format(main="600000.00") + "\n[[income.hardship_tests]]" + row.format(main="600000.00"))
    with pytest.raises(ReportInputError) as err:
        parse_text(text, "toml")
    [problem] = err.value.problems
    assert (problem.path, problem.reason) == ("income.hardship_tests[1].year", "the test of 2020 is given twice")


def test_inherited_losses_outside_the_law_data_are_refused_when_the_file_is_read():
    # found by the report fuzz test: a restructuring (or an inherited loss) of a year the law data do not
    # cover was read, and the report then failed while it was built
    with pytest.raises(ReportInputError) as err:
        parse_text(_with(MERGER.format(cap="100000", year=1950)), "toml")
    [problem] = err.value.problems
    assert problem.path == "income.inherited_losses[0].losses[0].year"
    assert "1950-12-31 is outside the covered window" in problem.reason
    with pytest.raises(ReportInputError) as err:
        parse_text(_with(MERGER.format(cap="100000", year=1950).replace("year = 2017", "year = 1951", 1)), "toml")
    found = {p.path: p.reason for p in err.value.problems}
    assert "1951-12-31 is outside the covered window" in found["income.inherited_losses[0].year"]
    assert "1950-12-31 is outside the covered window" in found["income.inherited_losses[0].losses[0].year"]


def test_inherited_losses_after_the_report_year_are_refused_when_the_file_is_read():
    # found by the report fuzz test: a restructuring after the report year (2018), or an inherited loss
    # of the report year, was read, and the report then failed while it was built
    with pytest.raises(ReportInputError) as err:
        parse_text(_with(MERGER.format(cap="100000", year=2016).replace("year = 2017", "year = 2019", 1)), "toml")
    [problem] = err.value.problems
    assert (problem.path, problem.reason) == ("income.inherited_losses[0].year",
                                              "a restructuring of 2019 is after tax year 2018")
    with pytest.raises(ReportInputError) as err:
        parse_text(_with(MERGER.format(cap="100000", year=2018).replace("year = 2017", "year = 2018", 1)), "toml")
    [problem] = err.value.problems
    assert (problem.path, problem.reason) == ("income.inherited_losses[0].losses[0].year",
                                              "a loss brought into 2018 must arise before it (got 2018)")


def test_a_restructuring_of_the_report_year_itself_is_read_and_computed():
    text = _with(MERGER.format(cap="50000", year=2016).replace("year = 2017", "year = 2018", 1))
    got = _lines(text)  # a merger of 2018 itself: its 2016 loss used in 2018, up to the yearly limit
    assert got["eit.inherited_losses_used"].amount == D("50000.00")
    assert got["eit.tax"].amount == BASE["eit.tax"].amount - D("7500.00")  # 50,000 × 15%

"""The report with the income-tax preferences of the optional facts, and the second built-in example.

The figures of ``tech-service-2023`` are worked out here from the example's own
facts, by the rules as the documents state them, not read from the report; the
report must agree.  Both built-in examples are also kept as snapshots
(``tests/snapshots/report_examples.json``).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import tomllib
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema_strategies import from_schema
from snapshot import check
from taxcalc.cli import main
from taxcalc.errors import UnknownCategory
from taxcalc.report import (
    EXAMPLES,
    ReportInputError,
    build_report,
    example,
    example_text,
    json_schema,
    parse_data,
    render,
)
from taxcalc.report.model import Report

NAME = "tech-service-2023"
FACTS: dict[str, Any] = tomllib.loads(example_text(NAME))
FEN = Decimal("0.01")


def _doc() -> dict[str, Any]:
    """The second example as a JSON-ready document (dates as strings)."""
    def plain(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v.isoformat() if isinstance(v, dt.date) else v

    out: dict[str, Any] = plain(FACTS)
    return out


def _d(value: str) -> Decimal:
    return Decimal(value)


def _tax(income: Decimal, rate: str) -> Decimal:
    return (income * Decimal(rate)).quantize(FEN, ROUND_HALF_UP)


def _saving(report: Report, sid: str) -> Any:
    return next(s for s in report.savings if s.policy == sid)


def _line(report: Report, section: str, lid: str) -> Any:
    return next(x for x in next(s for s in report.sections if s.id == section).lines if x.id == lid)


def _docs(cites: Any) -> set[str]:
    return {f"{c.doc} {c.article}".strip() for c in cites}


# -- the figures, worked out from the facts ------------------------------------------------------

INCOME = FACTS["income"]
PROFIT = _d(INCOME["profit"])
RD_EXTRA = _d(FACTS["rd"]["expensed"]) * 1  # 2023: 100% of the expensed R&D (2023年第7号 一)
WAGES, EDUCATION = _d(INCOME["wages"]), _d(INCOME["education_expenses"])
T = FACTS["tech_transfers"][0]
TRANSFER_INCOME = _d(T["revenue"]) - _d(T["cost"]) - _d(T["related_taxes"])
EXEMPT = min(TRANSFER_INCOME, Decimal(5_000_000))  # 实施条例 第九十条: 500万 exempt, the excess halved
TRANSFER_CUT = EXEMPT + (TRANSFER_INCOME - EXEMPT) / 2
VENTURE = _d(FACTS["venture_investments"][0]["amount"]) * Decimal("0.7")  # 55号: 70% when the holding completes


def _taxable(education_share: str = "0.08", *, rd: bool = True, transfer: bool = True, venture: bool = True) -> Decimal:
    cap = (WAGES * Decimal(education_share)).quantize(FEN, ROUND_HALF_UP)
    before = PROFIT - (RD_EXTRA if rd else 0) + max(EDUCATION - cap, Decimal(0))
    after = before - (TRANSFER_CUT if transfer else 0)
    return after - (min(VENTURE, after) if venture else 0)


def test_the_second_example_figures_are_those_of_the_rules() -> None:
    report = build_report(example(NAME))
    taxable = _taxable()
    assert (TRANSFER_INCOME, EXEMPT, TRANSFER_CUT, VENTURE) == (7_400_000, 5_000_000, 6_200_000, 2_800_000)
    assert _line(report, "eit", "eit.education.cap").amount == WAGES * Decimal("0.08") == 800_000
    assert _line(report, "eit", "eit.education.adjustment").amount == EDUCATION - 800_000
    assert _line(report, "eit", "eit.tech_transfer").amount == TRANSFER_CUT
    assert _line(report, "eit", "eit.income_reduction").amount == TRANSFER_CUT
    assert _line(report, "eit", "eit.venture").amount == VENTURE
    assert _line(report, "eit", "eit.taxable_income").amount == taxable
    tax = _tax(taxable, "0.15")  # the high-tech certificate covers 31 December 2023
    assert _line(report, "eit", "eit.tax").amount == tax
    expected = {
        "eit.hnte_rate": _tax(taxable, "0.25") - tax,
        "eit.rd_super_deduction": _tax(_taxable(rd=False), "0.15") - tax,
        "eit.employee_education_8pct": _tax(_taxable(education_share="0.025"), "0.15") - tax,
        "eit.tech_transfer": _tax(_taxable(transfer=False), "0.15") - tax,
        "eit.venture_capital": _tax(_taxable(venture=False), "0.15") - tax,
    }
    got = {s.policy: s.amount for s in report.savings if s.tax == "eit"}
    assert got == expected
    # VAT: 5% of the deductible input VAT (2023年第1号 三), all of it set against the tax due.
    input_vat = sum(_d(p["vat"]) for p in FACTS["purchases"])
    assert _saving(report, "vat.super_credit").amount == (input_vat * Decimal("0.05")).quantize(FEN)
    assert report.total_saving == sum(expected.values()) + _saving(report, "vat.super_credit").amount


def test_each_new_preference_is_shown_with_its_citation() -> None:
    report = build_report(example(NAME))
    assert any("财税〔2015〕63号" in d for d in _docs(_saving(report, "eit.employee_education_8pct").cite))
    assert "国务院令第512号 第九十条" in _docs(_saving(report, "eit.tech_transfer").cite)
    venture = _docs(_saving(report, "eit.venture_capital").cite)
    assert "国务院令第512号 第九十七条" in venture and any("财税〔2018〕55号" in d for d in venture)
    assert _line(report, "eit", "eit.venture").form == "A107030"
    assert _line(report, "eit", "eit.tech_transfer").form == "A107020"
    for lang, words in (("zh", ("技术转让所得免征、减半征收企业所得税", "创业投资企业按投资额的70%抵扣应纳税所得额",
                                "职工教育经费按工资薪金总额8%税前扣除")),
                        ("en", ("technology-transfer income exempt", "venture-capital investment: 70%",
                                "employee education expenses deductible up to 8%"))):
        text = render(report, lang)
        assert all(w in text for w in words), lang


def test_a_project_in_its_holiday_is_valued_and_cited() -> None:
    doc = _doc()
    doc["projects"] = [{"name": "污水处理项目", "kind": "environment", "first_income_year": 2022,
                        "income": "1000000.00"}]
    report = build_report(parse_data(doc))
    base = build_report(example(NAME))
    # 2023 is the project's second year: exempt (实施条例 第八十八条); the income comes off before the venture
    # deduction, which still fits, so the taxable income falls by the project's income.
    assert _line(report, "eit", "eit.projects[0]").amount == 1_000_000
    assert _line(report, "eit", "eit.taxable_income").amount == _taxable() - 1_000_000
    assert _saving(report, "eit.project_holiday").amount == _tax(Decimal(1_000_000), "0.15")
    assert any("第八十八条" in d for d in _docs(_saving(report, "eit.project_holiday").cite))
    assert "eit.project_holiday" not in {s.policy for s in base.savings}


def test_without_the_new_facts_the_policies_are_not_listed() -> None:
    doc = _doc()
    for name in ("tech_transfers", "venture_investments"):
        del doc[name]
    for name in ("wages", "education_expenses"):
        del doc["income"][name]
    ids = {s.policy for s in build_report(parse_data(doc)).savings}
    assert not ids & {"eit.employee_education_8pct", "eit.tech_transfer", "eit.venture_capital",
                      "eit.project_holiday"}


def test_the_examples_are_snapshots() -> None:
    cases = {}
    for name in EXAMPLES:
        report = build_report(example(name))
        cases[name] = {"json": report.as_dict(), "zh": render(report, "zh").splitlines(),
                       "en": render(report, "en").splitlines()}
    check("report_examples", cases)


# -- bad input names the field -------------------------------------------------------------------

BAD = [
    (lambda d: d["tech_transfers"][0].update(income_date="2022-12-31"), "tech_transfers[0].income_date",
     "is not in the report year 2023"),
    (lambda d: d["tech_transfers"][0].update(revenue=9000000.5), "tech_transfers[0].revenue", "float"),
    (lambda d: d["tech_transfers"][0].update(kind="licence"), "tech_transfers[0].kind", "unknown value"),
    (lambda d: d["venture_investments"][0].update(registered_on="2024-01-02"),
     "venture_investments[0].registered_on", "after the report year"),
    (lambda d: d["venture_investments"][0].update(amunt="1"), "venture_investments[0].amunt", "did you mean"),
    (lambda d: d["income"].pop("wages"), "income.wages", "give both wages and education_expenses"),
    (lambda d: d["income"].update(education_expenses="-1"), "income.education_expenses", ""),
    (lambda d: d.pop("income"), "tech_transfers", "need [income]"),
    (lambda d: d.update(projects=[{"name": "p", "kind": "environment", "first_income_year": 2024, "income": "1"}]),
     "projects[0].first_income_year", "after the report year"),
]


@pytest.mark.parametrize(("change", "path", "words"), BAD)
def test_bad_new_facts_name_their_field(change: Any, path: str, words: str) -> None:
    doc = _doc()
    change(doc)
    with pytest.raises(ReportInputError) as info:
        parse_data(doc)
    assert any(p.path == path and words in p.reason for p in info.value.problems), info.value.problems


def test_a_tase_education_cap_before_2017_is_refused_when_read() -> None:
    doc = _doc()
    doc.update(year=2016, sales=[], purchases=[], vat={}, rd={}, tech_transfers=[], venture_investments=[])
    doc["qualifications"] = [{"kind": "advanced_tech_service", "first": "2016-01-01", "last": "2016-12-31"}]
    with pytest.raises(ReportInputError) as info:
        parse_data(doc)
    assert [p.path for p in info.value.problems] == ["income.education_expenses"]


# -- what the parser accepts is computed (the new tables drawn from the schema) ------------------

SCHEMA = json_schema()
_NEW_TABLES = ("tech_transfers", "projects", "venture_investments")
_INCOME_FIELDS = ("wages", "education_expenses", "education_brought_forward", "venture_brought_forward")


@st.composite
def _with_new_facts(draw: st.DrawFn) -> dict[str, Any]:
    doc = _doc()
    for name in draw(st.lists(st.sampled_from(_NEW_TABLES), max_size=3, unique=True)):
        doc[name] = draw(from_schema(SCHEMA["properties"][name]))
    for name in draw(st.lists(st.sampled_from(_INCOME_FIELDS), max_size=4, unique=True)):
        doc["income"][name] = draw(from_schema(SCHEMA["properties"]["income"]["properties"][name]))
    if draw(st.booleans()):  # into the report year, so that the rows get past the year checks
        for t in doc.get("tech_transfers", []):
            t["income_date"] = "2023" + t["income_date"][4:] if t["income_date"][5:] != "02-29" else "2023-02-28"
    return copy.deepcopy(doc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_with_new_facts())
def test_new_facts_the_parser_accepts_are_computed(doc: dict[str, Any]) -> None:
    try:
        facts = parse_data(doc)
    except ReportInputError as exc:
        assert all(p.path for p in exc.problems), exc.problems
        return
    report = build_report(facts)
    render(report, "zh")
    json.dumps(report.as_dict())


# -- choosing the example ------------------------------------------------------------------------


def test_the_example_is_chosen_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--example", NAME, "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("Tax benefit report, 2023 — Hebei Example Digital Technology")
    assert main(["report", "--lang", "en"]) == 0  # the default stays the Hebei 2018 example
    assert capsys.readouterr().out.startswith("Tax benefit report, 2018 — Hebei Example Food Technology")
    assert main(["report", "--print-example", "--example", NAME]) == 0
    assert capsys.readouterr().out.rstrip("\n") == example_text(NAME).rstrip("\n")


@pytest.mark.parametrize(("argv", "words"), [
    (["--example", "tech-service"], "--example: unknown example 'tech-service'; did you mean 'tech-service-2023'?"),
    (["--example", NAME, "some.toml"], "--example: is for the built-in examples"),
    (["--schema", "--example", NAME], "--example: cannot be given with --schema"),
])
def test_a_bad_example_choice_is_refused(capsys: pytest.CaptureFixture[str], argv: list[str], words: str) -> None:
    assert main(["report", *argv]) != 0
    assert words in capsys.readouterr().err


def test_an_unknown_example_name_in_python() -> None:
    with pytest.raises(UnknownCategory):
        example("nowhere")


def test_a_problem_in_income_is_not_taken_for_a_missing_income() -> None:
    doc = _doc()
    del doc["income"]["wages"]
    with pytest.raises(ReportInputError) as info:
        parse_data(doc)
    assert [p.path for p in info.value.problems] == ["income.wages"]

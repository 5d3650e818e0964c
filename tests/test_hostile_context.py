"""No figure depends on the ambient decimal context.

Every computation does its arithmetic in :data:`taxcalc.money.CONTEXT`.  Here the
key computations run under the most hostile context there is — 3 digits of
precision, rounding toward minus infinity, and every signal trapped, ``Inexact``
and ``Rounded`` included, so that one operation done in the ambient context raises
— and every figure, explanation and JSON document must equal the one made under
the default context.  (Each rule module's tests also run their own results under
a context of low precision; this test goes across them: the report from its file
to its three outputs, every rule of the registry from its example, and the
command line.)
"""

from __future__ import annotations

import contextlib
import decimal
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from taxcalc.cli import main
from taxcalc.eit import (
    EnterpriseYear,
    Equipment,
    Loss,
    Quarter,
    RdFacts,
    RdProject,
    annual,
    benefit,
)
from taxcalc.export import ExemptCreditRefundInput, ExportLine, exempt_credit_refund
from taxcalc.report import build_report, example_text, load, parse_text, render
from taxcalc.rules import RULES
from taxcalc.vat import invoice_line, small_scale_vat

D = decimal.Decimal


@contextlib.contextmanager
def hostile() -> Iterator[decimal.Context]:
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        for signal in list(ctx.traps):
            ctx.traps[signal] = True
        yield ctx


def test_the_hostile_context_is_hostile():
    with hostile(), pytest.raises(decimal.Inexact):
        D("1234.56") + D("0.01")
    with hostile(), pytest.raises(decimal.FloatOperation):
        D(1) < 1.5  # noqa: B015


def same(make: Callable[[], Any]) -> Any:
    expected = make()
    with hostile():
        got = make()
    assert got == expected
    return got


def sample() -> EnterpriseYear:
    return EnterpriseYear(
        year=2018, profit=D("1650000"), adjustments=D("30000"), industry="manufacturing", hnte_years=(2017, 2018),
        quarters=tuple([Quarter(70, 80, D("24000000"), D("28000000"))] * 4),
        rd=RdFacts(projects=(RdProject("P", personnel="400000", other="123456.78"),)),
        equipment=(Equipment("lathe", "480000", "machinery", acquired_on="2018-03-12", in_use="2018-04-02",
                             book_depreciation="32400"),),
        losses=(Loss(2016, "200000"),),
    )


# -- the report: its file, its three outputs -----------------------------------------------------------


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    path = tmp_path / "example.toml"
    path.write_text(example_text(), "utf-8")
    return path


def test_the_report_file_is_parsed_the_same(example_file: Path):
    facts = same(lambda: load(example_file))
    assert same(lambda: parse_text(example_text(), "toml")) == facts
    as_json = json.dumps({"format": 1, "year": 2018, "enterprise": {"name": "x"},
                          "sales": [{"month": "2018-05", "amount": "123456789.99"}]})
    assert same(lambda: parse_text(as_json, "json")).sales[0].amount == D("123456789.99")


def test_the_built_in_report_is_the_same_in_zh_en_and_json(example_file: Path):
    def outputs() -> tuple[str, str, str]:
        report = build_report(load(example_file))
        return render(report, "zh"), render(report, "en"), json.dumps(report.as_dict(), ensure_ascii=False)

    zh, en, as_json = same(outputs)
    assert "大写：人民币" in zh and "total" in en.lower() and json.loads(as_json)["total_saving"]


@pytest.mark.parametrize("argv", [["report"], ["report", "--lang", "en"], ["report", "--json"],
                                  ["report", "--schema"]])
def test_the_command_line_report_is_the_same(capsys, argv):
    def run() -> tuple[int, str, str]:
        code = main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = same(run)
    assert code == 0 and out and not err


# -- the library's key computations ---------------------------------------------------------------------


def test_income_tax_annual_and_benefit():
    result = same(lambda: annual(sample()))
    assert same(lambda: annual(sample()).explain()) == result.explain()
    assert same(lambda: annual(sample()).explain("en")) == result.explain("en")
    assert same(lambda: annual(sample()).as_dict()) == result.as_dict()
    b = same(lambda: benefit(sample()))
    assert same(lambda: benefit(sample()).as_dict()) == b.as_dict()
    assert same(lambda: benefit(sample()).explain()) == b.explain()


@pytest.mark.parametrize(("amount", "band", "on", "inclusive"), [
    ("123456789.99", "standard", "2018-06-01", True), ("98765.43", "transport", "2019-04-01", False),
    ("0.01", "standard", "2019-04-01", True), ("1.00", "modern_services", "2016-05-01", True),
])
def test_invoice_line(amount, band, on, inclusive):
    line = same(lambda: invoice_line(amount, band, on, tax_inclusive=inclusive))
    assert same(lambda: invoice_line(amount, band, on, tax_inclusive=inclusive).as_dict()) == line.as_dict()


@pytest.mark.parametrize(("sales", "start", "period"), [
    ("100000.01", "2019-06-01", "month"), ("450000", "2023-01-01", "quarter"), ("299999.99", "2021-04-01", "quarter"),
    ("98765.43", "2026-03-01", "month"),
])
def test_small_scale_vat(sales, start, period):
    r = same(lambda: small_scale_vat(sales, start, period=period))
    assert same(lambda: small_scale_vat(sales, start, period=period).explain()) == r.explain()


def test_exempt_credit_refund():
    def month() -> Any:
        return exempt_credit_refund(ExemptCreditRefundInput(
            period="2019-08-01",
            exports=(ExportLine(fob="1234567.89", exchange_rate="6.8972", levy_rate="13%", rebate_rate="16%",
                                bonded_materials="123456.78"),
                     ExportLine(fob="0.10", levy_rate="13%", rebate_rate="9%", exempt_materials="0.03")),
            domestic_output_tax="98765.43", input_tax="456789.01", opening_credit="12345.67"))

    r = same(month)
    assert same(lambda: month().explain("en")) == r.explain("en")
    assert same(lambda: month().as_dict()) == r.as_dict()


# -- every rule of the registry, from its example, as the command line answers it ---------------------


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_answers_its_example_the_same(rule):
    definition = rule.load()

    def answer() -> tuple[Any, str, str, str]:
        inputs = definition.read(json.loads(json.dumps(definition.example)))
        result = definition.compute(inputs, law=None)
        return (inputs, json.dumps(definition.shown(result).as_dict(), ensure_ascii=False),
                definition.text(result, "zh", inputs), definition.text(result, "en", inputs))

    same(answer)


def test_a_file_question_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "annual.json"
    path.write_text(json.dumps(next(r for r in RULES if r.id == "eit.annual").load().example), "utf-8")

    def run() -> tuple[int, str, str]:
        code = main(["eit", "annual", str(path), "--json"])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = same(run)
    assert code == 0 and json.loads(out)["tax"]

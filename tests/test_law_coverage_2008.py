"""Coverage on 2008-01-01: every VAT rule that existed then answers, and every rule that
did not exist yet answers "not in force" with the reason and the document that started
it; the 1993 regulations give way to the 2008 ones on 2009-01-01."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from taxcalc import law
from taxcalc.cli import main
from taxcalc.errors import NotInForce
from taxcalc.vat import agricultural_deduction_rate, period_tax, small_scale_standard

D = dt.date
P = Decimal

EXISTED = ["vat.rate", "vat.replacement_rate", "vat.invoice_rate", "vat.invoice_line", "vat.agricultural_deduction",
           "vat.small_scale_standard", "vat.small_scale_vat", "vat.period_tax"]
# rule → (the first day it is no longer "not in force", a document its reason names).  The
# super credit and the refund of excess credit answer from 2009-01-01 with "no policy open"
# (an empty list citing 国务院令第538号 第四条) until they began on 2019-04-01.
NOT_YET = {
    "vat.reregistration": (D(2018, 5, 1), "财税〔2018〕33号"),
    "vat.reregistered_sales": (D(2018, 5, 1), "财税〔2018〕33号"),
    "vat.super_credit": (D(2009, 1, 1), "2019年第39号"),
    "vat.input_composition_ratio": (D(2019, 4, 1), "2019年第39号"),
    "vat.excess_credit_refund": (D(2009, 1, 1), "2019年第39号"),
    "export.excess_credit_refund_2018": (D(2018, 6, 27), "财税〔2018〕70号"),
    "env.reduction": (D(2018, 1, 1), "环境保护税法"),
    # 财税〔2017〕77号 began on 2017-12-01; the example's two loans have their interest in one
    # year, and through 2017 its earlier loan's interest falls before 2017-12-01
    "vat.small_loan_interest": (D(2018, 1, 1), "财税〔2017〕77号"),
}


@pytest.fixture(scope="module")
def verdicts() -> dict[str, law.RuleCoverage]:  # type: ignore[name-defined]
    return {v.rule: v for v in law.rule_coverage("2008-01-01")}


@pytest.mark.parametrize("rule", EXISTED)
def test_a_vat_rule_of_2008_answers(verdicts, rule):
    assert verdicts[rule].verdict == "answers", verdicts[rule].reason


@pytest.mark.parametrize("rule", sorted(NOT_YET))
def test_a_rule_that_did_not_exist_yet_is_not_in_force_with_its_reason(verdicts, rule):
    start, doc = NOT_YET[rule]
    v = verdicts[rule]
    assert (v.verdict, v.answers) == ("not in force", True), v.reason
    assert doc in v.reason


@pytest.mark.parametrize("rule", sorted(NOT_YET))
def test_the_day_before_the_start_not_in_force_the_day_of_not_a_gap(rule):
    start, _ = NOT_YET[rule]
    before = {v.rule: v for v in law.rule_coverage(start - dt.timedelta(days=1))}[rule]
    on = {v.rule: v for v in law.rule_coverage(start)}[rule]
    assert before.verdict == "not in force"
    assert on.verdict != "not in force" and on.verdict != "cannot answer", on.reason


def test_no_vat_rule_cannot_answer_on_2008_01_01(verdicts):
    stuck = {r: v.reason for r, v in verdicts.items() if r.startswith(("vat.", "env.")) and not v.answers}
    assert not stuck, stuck


def test_the_small_loan_exemption_is_not_in_force_on_2008_01_01_with_its_reason(verdicts):
    v = verdicts["vat.small_loan_interest"]
    assert (v.verdict, v.answers, v.key) == ("not in force", True, "vat.small_loan_interest.credit_limit")
    assert v.reason == ("vat.small_loan_interest.credit_limit: no VAT exemption of interest on loans to small and "
                        "micro enterprises existed: the first began on 2017-12-01 (财税〔2017〕77号 第一条); before "
                        "营改增 (2016-05-01) lending paid business tax, not VAT")


def test_every_leading_gap_cites_the_document_that_started_the_measure():
    for key in law.keys():
        first = law.history(key)[0]
        if first.gap:
            assert first.citation.doc and law.document(first.citation.doc), key
            # a gap opens the data of its key (2002 for VAT and export, 2008 or earlier for
            # income tax: losses reach back to 1994), so 2008-01-01 is inside it
            assert first.first <= D(2008, 1, 1), key


def test_the_excess_credit_refund_example_moves_its_months_with_the_day(verdicts):
    v = verdicts["vat.excess_credit_refund"]
    assert v.example["applied_on"] == "2008-01-01"
    assert v.example["months"] == ["2007-07", "2007-08", "2007-09", "2007-10", "2007-11", "2007-12"]


def test_the_command_reports_2008_as_json(capsys):
    assert main(["law", "--coverage", "2008-01-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rules = {r["id"]: r for r in data["rules"]}
    assert rules["vat.super_credit"]["verdict"] == "not in force"
    assert rules["vat.small_scale_vat"]["verdict"] == "answers"


# -- the switch from the 1993 to the 2008 regulations -------------------------------------------

def test_the_farm_produce_deduction_13_percent_from_2002_then_the_2008_regulations():
    before, on = agricultural_deduction_rate("2008-12-31"), agricultural_deduction_rate("2009-01-01")
    assert before.rate == on.rate == P("0.13")
    assert str(before.steps[0].cite[0]) == "财税〔2002〕12号 正文"
    assert str(on.steps[0].cite[0]).startswith("国务院令第538号")
    assert agricultural_deduction_rate("2002-01-01").rate == P("0.13")


@pytest.mark.parametrize(("sector", "limit_2008", "limit_2009"), [("production", "1000000", "500000"),
                                                                  ("commerce", "1800000", "800000")])
def test_the_small_scale_standard_falls_on_2009_01_01(sector, limit_2008, limit_2009):
    before = small_scale_standard("2008-12-31", sector)
    assert before.limit == P(limit_2008) and before.steps[0].cite[0].doc == "财法字〔1993〕38号"
    assert small_scale_standard("2009-01-01", sector).limit == P(limit_2009)


def test_the_period_tax_of_2008_is_output_less_input():
    r = period_tax("2008-06-01", "170000", "120000", credit_brought_forward="10000")
    assert (r.tax_payable, r.credit_carried) == (P("40000"), P("0"))
    assert "国务院令第134号 第四条" in r.explain("zh")


def test_a_gap_before_a_measure_is_not_in_force_known_on_any_day():
    with pytest.raises(NotInForce):
        law.default().as_known_on("2008-01-01").value("vat.super_credit.policies", "2008-01-01")


def test_before_2009_the_super_credit_and_the_refund_answer_as_after_not_open():
    from taxcalc.vat import excess_credit_refund, super_credit

    for day in ("2008-12-01", "2009-01-01"):
        r = super_credit(day, policy="living_services", sales_share="80%", creditable_input_tax="100",
                         tax_before_credit="20")
        assert (r.in_force, r.tax_payable) == (False, P("20"))
        f = excess_credit_refund(day, category="general", credit_rating="A", months=["2008-11"],
                                 end_credits=["1000"], base_credit="0", prior_year_end_credit="0",
                                 listed_input_tax="1", total_input_tax="1")
        assert (f.in_force, f.refund) == (False, P("0"))
    early = super_credit("2008-12-01", policy="living_services", sales_share="80%", creditable_input_tax="100",
                         tax_before_credit="20")
    assert "no input-VAT super credit" in early.step("in_force").en
    assert early.step("in_force").cite[0].doc == "财政部 税务总局 海关总署公告2019年第39号"

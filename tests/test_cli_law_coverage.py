"""``taxcalc law --coverage DATE``: each rule's keys that answer on a day, and why the others do not."""

from __future__ import annotations

import json

import pytest

from taxcalc import law, rules
from taxcalc.cli import main
from taxcalc.law.coverage import VERDICTS
from taxcalc.text import display_width


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(["law", *argv])
    return code, capsys.readouterr().out


def test_today_every_rule_and_the_keys_that_do_not_answer(capsys):
    code, out = _run(capsys, "--coverage", "2026-12-01", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["on"] == "2026-12-01" and data["provenance"]["law_digest"] == law.default().digest
    assert [r["id"] for r in data["rules"]] == [r.id for r in rules.RULES]
    by_id = {r["id"]: r for r in data["rules"]}
    assert by_id["vat.rate"]["answering"] == by_id["vat.rate"]["keys"] > 0
    # 2026: the ordinary rate is encoded (9%), the rate for produce used for 13% goods is not
    assert by_id["vat.agricultural_deduction"]["answering"] == 1
    keys = {k["key"]: k for k in data["keys"]}
    assert len(keys) == len(law.keys())
    assert keys["vat.small_scale.start_point.monthly"]["answers"] is True
    assert keys["vat.agri.deduction_rate"]["answers"] is True
    top = keys["vat.agri.deduction_rate_top_rate_goods"]   # declared not verified, not ended
    assert (top["answers"], top["status"], top["to"]) == (False, "unverified", "2027-12-31")
    assert top["reason"].startswith("Not verified:")
    assert top["citation"] == "财政部 税务总局公告2026年第10号 （条次未核实）"


def test_the_text_names_the_keys_that_do_not_answer(capsys):
    code, out = _run(capsys, "--coverage", "2026-12-01", "--lang", "en")
    assert code == 0
    assert out.startswith("What the law data covers on 2026-12-01: ")
    assert "vat.agri.deduction_rate_top_rate_goods" in out and "vat.rate.standard" not in out
    assert max(display_width(line) for line in out.splitlines()) <= 100


def test_before_the_vat_rates_begin(capsys):
    data = json.loads(_run(capsys, "--coverage", "2001-12-31", "--json")[1])
    rate = {k["key"]: k for k in data["keys"]}["vat.rate.standard"]
    assert (rate["answers"], rate["status"]) == (False, "not yet")


def test_a_bad_day_is_bad_input(capsys):
    assert main(["law", "--coverage", "2026-13-01"]) == 1
    assert "--coverage" in capsys.readouterr().err


# -- the verdict of each rule, computed by running its example on the day ---------------------

def test_today_every_rule_has_a_verdict_and_those_that_cannot_answer_say_why(capsys):
    data = json.loads(_run(capsys, "--coverage", "2026-12-01", "--json")[1])
    by_id = {r["id"]: r for r in data["rules"]}
    assert all(r["verdict"] in VERDICTS for r in data["rules"])
    silent = {i for i, r in by_id.items() if not r["answers"]}
    assert silent == {"vat.small_loan_interest"}
    loan = by_id["vat.small_loan_interest"]   # its main case is the part declared not verified
    assert loan["verdict"] == "cannot answer"
    assert loan["stops"] == {"key": "vat.small_loan_interest.credit_limit", "to": "2027-12-31"}
    assert "declared not verified to 2027-12-31" in loan["reason"] and "2023年第16号" in loan["reason"]
    agri = by_id["vat.agricultural_deduction"]   # the 9% answers; the 10% for 13% goods does not
    assert (agri["verdict"], agri["answers"]) == ("answers in part", True)
    assert agri["stops"] == {"key": "vat.agri.deduction_rate_top_rate_goods", "to": "2027-12-31"}
    assert agri["not_answering"] == ["vat.agri.deduction_rate_top_rate_goods"]
    assert "for_top_rate_goods" not in agri["example"]   # the input that answered
    assert [r["id"] for r in data["rules"] if r["verdict"] == "answers in part"] == ["vat.agricultural_deduction"]
    # the 2026 export refunds answer, run on the day itself
    for rule, field in (("export.exempt_credit_refund", "period"), ("vat.rate", "on")):
        assert by_id[rule]["verdict"] == "answers" and by_id[rule]["stops"] is None
        assert by_id[rule]["example"][field] in ("2026-12", "2026-12-01")
    assert by_id["export.exempt_refund"]["example"]["lines"][0]["export_date"] == "2026-12-01"
    assert by_id["eit.small_profit"]["example"]["year"] == 2026


def test_the_day_before_the_2026_switch_every_2025_rule_answers():
    verdicts = {v.rule: v for v in law.rule_coverage("2025-12-31")}
    assert verdicts["vat.agricultural_deduction"].verdict == "answers"
    assert verdicts["export.exempt_credit_refund"].example["period"] == "2025-12"
    assert verdicts["export.exempt_credit_refund"].verdict == "answers"


def test_a_quarterly_example_moves_to_the_start_of_the_quarter():
    v = {v.rule: v for v in law.rule_coverage("2026-12-01")}["vat.small_scale_vat"]
    assert (v.verdict, v.example["period_start"], v.example["period"]) == ("answers", "2026-10-01", "quarter")


def test_facts_before_the_example_day_move_with_it():
    v = {v.rule: v for v in law.rule_coverage("2026-12-01")}["eit.losses"]
    # the example carries a 2013 loss into 2018: moved, a 2021 loss into 2026
    assert (v.example["year"], v.example["brought_forward"][0]["year"]) == (2026, 2021)
    assert v.verdict == "answers"


def test_before_the_data_begin_a_rule_cannot_answer_and_names_the_first_day():
    v = {v.rule: v for v in law.rule_coverage("2001-12-31")}["vat.rate"]
    assert (v.verdict, v.answers, v.key) == ("cannot answer", False, "vat.rate.standard")
    assert "covered from 2002-01-01" in v.reason


def test_an_as_known_on_view_is_honoured():
    early = law.default().as_known_on("2026-01-29")
    v = {v.rule: v for v in law.rule_coverage("2026-12-01", law=early)}["vat.small_scale_vat"]
    assert v.verdict == "cannot answer"   # the 2026 起征点 was not yet published


def test_the_key_level_api_is_unchanged():
    rows = law.coverage("2026-12-01")
    assert len(rows) == len(law.keys()) and rows[0]._fields == (
        "key", "answers", "status", "first", "last", "reason", "citation")


def test_the_text_gives_each_rule_its_verdict(capsys):
    out = _run(capsys, "--coverage", "2026-12-01", "--lang", "en")[1]
    verdicts = law.rule_coverage("2026-12-01")
    assert f"{sum(v.answers for v in verdicts)} of {len(verdicts)} rules answer" in out
    assert "rules answer (1 in part)" in out.splitlines()[0]
    lines = [ln for ln in out.splitlines() if ln.startswith("vat.agricultural_deduction ")]
    assert "answers in part" in lines[0]                               # the verdict table
    assert "answers in part; does not answer:" in lines[1]                # why, the key on the next line
    assert ("vat.agricultural_deduction answers in part; does not answer: vat.agri.deduction_rate_top_rate_goods"
            in " ".join(out.split()))


def test_the_chinese_text_says_which_rule_answers_in_part(capsys):
    out = _run(capsys, "--coverage", "2026-12-01")[1]
    assert "（其中 1 条部分可答）" in out.splitlines()[0]
    lines = [ln for ln in out.splitlines() if ln.startswith("vat.agricultural_deduction ")]
    assert "部分可答" in lines[0] and "部分可答；不可答部分：vat.agri.deduction_rate_top_rate_goods" in lines[1]


def test_answers_in_part_ends_with_the_unverified_window():
    # the day before the window and its last day: the part is refused only inside it
    for day, verdict in (("2025-12-31", "answers"), ("2026-01-01", "answers in part"),
                         ("2027-12-31", "answers in part")):
        assert {v.rule: v for v in law.rule_coverage(day)}["vat.agricultural_deduction"].verdict == verdict
    after = {v.rule: v for v in law.rule_coverage("2028-01-01")}["vat.agricultural_deduction"]
    assert (after.verdict, after.key) == ("cannot answer", "vat.agri.deduction_rate_top_rate_goods")
    assert "end of data" in after.reason   # after the window the data stop (an ordinary end)


def test_an_example_whose_facts_do_not_fit_the_day_is_not_tested_and_says_why():
    # in 2018 goods and services sales were tested apart: the 2026 example gives one total
    v = {v.rule: v for v in law.rule_coverage("2018-05-01")}["vat.small_scale_vat"]
    assert (v.verdict, v.answers, v.key) == ("not tested", False, "")
    assert "refused as input" in v.reason and "goods_sales" in v.reason


@pytest.mark.parametrize("day", ["0001-01-01", "0001-12-31", "9999-12-31"])
def test_the_coverage_of_the_calendars_first_and_last_days_is_answered(day):
    # found by the service's fuzz test: moving a rule's example to 0001-01-01 moved its other dates
    # before year 1, and the coverage failed instead of saying that no rule answers
    verdicts = law.rule_coverage(day)
    assert len(verdicts) == len(law.rule_coverage("2026-12-01"))
    assert not any(v.answers for v in verdicts)

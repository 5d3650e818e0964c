"""``taxcalc eit``: one-shot questions, JSON, languages, "as known on", one-line errors."""

from __future__ import annotations

import json

from taxcalc.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["eit", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_small_profit_at_the_cap_and_one_fen_above(capsys):
    code, out, _ = run(capsys, "small-profit", "1000000", "--year", "2018", "--employees", "50", "--assets", "8000000")
    assert code == 0 and "符合条件" in out and "100,000.00" in out and "财税〔2018〕77号 一" in out
    code, out, _ = run(capsys, "small-profit", "1000000.01", "--year", "2018", "--employees", "50",
                       "--assets", "8000000", "--lang", "en")
    text = " ".join(out.split())  # the headline is wrapped to 100 columns
    assert code == 0 and "not eligible (taxable income over the cap); tax 250,000.00" in text


def test_small_profit_json_and_known_on(capsys):
    code, out, _ = run(capsys, "small-profit", "800000", "--year", "2018", "--industrial", "--employees", "90",
                       "--assets", "20000000", "--json", "--known-on", "2018-07-10")
    data = json.loads(out)
    assert code == 0 and data["eligible"] is False and data["failed"] == ["income"] and data["tax"] == "200000.00"
    assert any(s["cite"] and s["cite"][0]["doc"] == "财税〔2017〕43号" for s in data["steps"])


def test_rd_ratio(capsys):
    code, out, _ = run(capsys, "rd-ratio", "--year", "2022")
    assert code == 0 and "81.25%" in out and "2022年第28号" in out
    code, out, _ = run(capsys, "rd-ratio", "--year", "2023", "--kind", "ic_machine", "--json")
    data = json.loads(out)
    assert data["ratio"] == "1.2" and data["amortisation_multiple"] == "2.2"


def test_equipment(capsys):
    code, out, _ = run(capsys, "equipment", "5000000", "--kind", "machinery", "--acquired", "2018-12-05",
                       "--in-use", "2018-12-20", "--lang", "en")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "tax method: one-time deduction"
    assert lines[1].split() == ["year", "one-time", "straight", "line"]
    assert lines[3].split() == ["2019", "5,000,000.00", "500,000.00"]  # one-time, and what depreciation would be
    assert lines[4].split() == ["2020", "500,000.00"]
    code, out, _ = run(capsys, "equipment", "5000000.01", "--kind", "machinery", "--acquired", "2018-12-05",
                       "--in-use", "2018-12-20", "--json")
    assert json.loads(out)["method"] == "straight_line"


def test_loss_window(capsys):
    code, out, _ = run(capsys, "loss-window", "2013", "--qualified", "2018", "--lang", "en")
    assert code == 0 and out.strip() == "loss of 2013: usable to 2023 (10 years) [财税〔2018〕76号 一]"
    code, out, _ = run(capsys, "loss-window", "2020", "--extension", "hardship", "--json")
    assert json.loads(out)["last_year"] == 2028


def test_errors_are_one_line_with_exit_1(capsys):
    code, out, err = run(capsys, "small-profit", "1.5x", "--year", "2018")
    assert code == 1 and out == "" and err.strip().startswith("taxcalc: error: income: '1.5x' is not an amount of yuan")
    code, _, err = run(capsys, "small-profit", "100", "--year", "2030")
    assert code == 1 and "2030-12-31 is outside the covered window" in err and "Traceback" not in err

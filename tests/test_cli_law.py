"""``taxcalc law``: listing, history, a value on a date, JSON, and one-line errors."""

from __future__ import annotations

import json

import pytest

from taxcalc.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_keys(capsys):
    code, out, _ = run(capsys, "law")
    assert code == 0 and "vat.rate.standard" in out and "覆盖期间" in out


def test_history_table_with_citations(capsys):
    code, out, _ = run(capsys, "law", "vat.rate.standard")
    assert code == 0
    lines = out.splitlines()
    assert any("2018-05-01" in ln and "16%" in ln and "财税〔2018〕32号 第一条" in ln for ln in lines)
    assert any("2019-04-01" in ln and "13%" in ln and "2019年第39号" in ln for ln in lines)


def test_history_json_is_the_same_data(capsys):
    code, out, _ = run(capsys, "law", "vat.rate.standard", "--json")
    data = json.loads(out)
    assert code == 0 and data["key"] == "vat.rate.standard"
    row = next(v for v in data["values"] if v["from"] == "2018-05-01")
    assert row["to"] == "2019-03-31" and row["value"] == "0.16"
    assert (row["doc"], row["article"]) == ("财税〔2018〕32号", "第一条")
    # cut short by the 2019 notice; as enacted it had no end
    assert row["enacted_to"] is None and row["superseded_by"].endswith("2019年第39号")


def test_value_on_a_switch_day_and_the_day_before(capsys):
    _, out, _ = run(capsys, "law", "vat.rate.standard", "--on", "2018-04-30", "--json")
    assert json.loads(out)["value"] == "0.17"
    _, out, _ = run(capsys, "law", "vat.rate.standard", "--on", "2018-05-01", "--lang", "en")
    assert "value: 16%" in out and "citation: 财税〔2018〕32号 第一条" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["law", "vat.rate.standard", "--on", "2001-12-31"], "outside the covered window"),
        (["law", "vat.nope"], "unknown value 'vat.nope'"),
        (["law", "vat.rate.standard", "--on", "yesterday"], "--on: 'yesterday' is not a date"),
    ],
)
def test_errors_are_one_line_and_exit_1(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_known_on_shows_the_window_as_it_was_known(capsys):
    # On 2018-04-01 财税〔2018〕32号 was not yet published: 17% had no end in sight.
    _, out, _ = run(capsys, "law", "vat.rate.standard", "--on", "2018-05-01",
                    "--known-on", "2018-04-01", "--json")
    data = json.loads(out)
    assert (data["value"], data["to"], data["doc"]) == ("0.17", None, "国务院令第538号")
    _, out, _ = run(capsys, "law", "vat.rate.standard", "--known-on", "2018-04-04", "--json")
    values = json.loads(out)["values"]
    assert [(v["from"], v["to"], v["value"]) for v in values] == [
        ("2002-01-01", "2008-12-31", "0.17"), ("2009-01-01", "2018-04-30", "0.17"), ("2018-05-01", None, "0.16")]

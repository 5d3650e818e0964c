"""``taxcalc export``: rate, refund, trader-refund, excess-credit-2018; JSON; one-line errors."""

from __future__ import annotations

import json

import pytest

from taxcalc.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rate_with_the_sample_text_and_json(capsys):
    code, out, _ = run(capsys, "export", "rate", "9901000010", "--on", "2019-05-01", "--sample")
    assert code == 0
    assert out.splitlines()[0] == "9901000010 2019-05-01: 16%（过渡期）"
    assert "示例目录" in out and "财政部 税务总局 海关总署公告2019年第39号 第三条第二款" in out
    code, out, _ = run(capsys, "export", "rate", "9901000010", "--on", "2019-07-01", "--sample", "--json")
    data = json.loads(out)
    assert code == 0 and data["rate"] == "0.13" and data["transition"] is False
    assert data["assumptions"] and data["steps"][-1]["name"] == "rebate_rate"


def test_rate_for_a_trader_from_a_csv_catalogue(tmp_path, capsys):
    p = tmp_path / "cat.csv"
    p.write_text("code,rate,levy,first,last,citation\n99010000,16%,16%,2018-05-01,2019-03-31,2018C\n"
                 "99010000,13%,13%,2019-04-01,open,2019A\n", "utf-8")
    code, out, _ = run(capsys, "export", "rate", "9901000012", "--on", "2019-06-30", "--catalogue", str(p),
                       "--exporter", "trader", "--purchase-rate", "16%", "--lang", "en")
    assert code == 0 and out.startswith("9901000012 2019-06-30: 16% (transition)")
    assert "the trader paid 16% on purchase" in out


def test_refund_textbook_case(capsys):
    code, out, _ = run(capsys, "export", "refund", "--period", "2017-08", "--fob", "2000000",
                       "--levy-rate", "17%", "--rebate-rate", "13%", "--bonded-materials", "1000000",
                       "--output-tax", "170000", "--input-tax", "340000", "--opening-credit", "60000")
    assert code == 0
    assert out.splitlines()[0] == "应退税额：130,000.00  免抵税额：0.00  留抵结转：60,000.00"
    code, out, _ = run(capsys, "export", "refund", "--period", "2019-08", "--fob", "100", "--exchange-rate",
                       "6.5", "--levy-rate", "13%", "--rebate-rate", "13%", "--json")
    data = json.loads(out)
    assert data["fob_cny"] == "650.00"
    assert data["exempt_credit_refund"] == "84.50" and data["branch"] == "tax_payable"


def test_trader_refund_given_rate_and_looked_up(capsys):
    code, out, _ = run(capsys, "export", "trader-refund", "--amount", "100000", "--purchase-rate", "13%",
                       "--on", "2019-08-01", "--rebate-rate", "13%", "--lang", "en")
    assert code == 0 and out.splitlines()[0] == "refund: 13,000.00"
    code, out, _ = run(capsys, "export", "trader-refund", "--amount", "100000", "--purchase-rate", "16%",
                       "--on", "2019-06-30", "--code", "9901000010", "--sample", "--json")
    assert code == 0 and json.loads(out)["refund"] == "16000.00"


def test_excess_credit_2018(capsys):
    code, out, _ = run(capsys, "export", "excess-credit-2018", "--industry", "专用设备制造业", "--rating", "A",
                       "--registered", "2010-01-01", "--listed", "80", "--total", "100",
                       "--prior-credit", "1000", "--credit-2017", "500", "--applied", "2018-08-01")
    assert code == 0 and out.splitlines()[0] == "退还留抵税额：500.00"
    code, out, _ = run(capsys, "export", "excess-credit-2018", "--grid", "--rating", "C", "--registered",
                       "2010-01-01", "--listed", "80", "--total", "100", "--prior-credit", "1000",
                       "--credit-2017", "500", "--applied", "2018-08-01", "--lang", "en")
    assert code == 0 and "(not eligible)" in out.splitlines()[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "rate", "9901", "--on", "2019-05-01", "--sample"], "code: '9901' must be 8 or 10 digits"),
        (["export", "rate", "9901000010", "--on", "2001-12-31", "--sample"], "outside the covered window"),
        (["export", "rate", "9901000010", "--on", "2019-05-01", "--catalogue", "/nonexistent.csv"], "No such file"),
        (["export", "refund", "--period", "2019-08", "--fob", "1", "--levy-rate", "13%", "--rebate-rate", "30%"],
         "--rebate-rate: must be between 0 and 0.17"),
        (["export", "trader-refund", "--amount", "1", "--purchase-rate", "13%", "--on", "2019-08-01"],
         "give either --rebate-rate or --code"),
    ],
)
def test_errors_are_one_line_and_exit_1(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_a_malformed_catalogue_is_one_line_naming_the_row(tmp_path, capsys):
    p = tmp_path / "bad.csv"
    p.write_text("code,rate,first,last,citation\n99010000,13%,2019-01-01,open,x\n99010000,0.5,2019-01-01,open,x\n",
                 "utf-8")
    code, _, err = run(capsys, "export", "rate", "99010000", "--on", "2019-05-01", "--catalogue", str(p))
    assert code == 1 and err.count("\n") == 1
    assert f"{p}: row 2 (line 3), field 'rate'" in err and "out of range" in err


def test_shared_options_before_or_after_the_question(capsys):
    _, before, _ = run(capsys, "export", "--lang", "en", "--json", "rate", "9901000010", "--on", "2019-07-01", "--sample")
    _, after, _ = run(capsys, "export", "rate", "9901000010", "--on", "2019-07-01", "--sample", "--json", "--lang", "en")
    assert before == after and json.loads(before)["rate"] == "0.13"
    _, plain, _ = run(capsys, "export", "--lang", "en", "rate", "9901000010", "--on", "2019-07-01", "--sample")
    assert "export date (on the customs declaration)" in plain

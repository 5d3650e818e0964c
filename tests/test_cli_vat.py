"""``taxcalc vat`` and ``taxcalc law vat…``: answers with citations, JSON, languages, errors."""

from __future__ import annotations

import json

import pytest

from taxcalc.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rate_text_and_json(capsys):
    code, out, _ = run(capsys, "vat", "rate", "standard", "--on", "2018-04-30")
    assert code == 0 and "17%" in out and "国务院令第538号 第二条第（一）项" in out
    code, out, _ = run(capsys, "vat", "rate", "standard", "--on", "2018-05-01", "--json")
    data = json.loads(out)
    assert data["rate"] == "0.16" and data["steps"][0]["cite"][0]["doc"] == "财税〔2018〕32号"


def test_invoice(capsys):
    code, out, _ = run(capsys, "vat", "invoice", "1130", "--band", "standard", "--on", "2019-04-01", "--lang", "en")
    assert code == 0 and "net 1,000.00" in out and "VAT 130.00" in out
    code, out, _ = run(capsys, "vat", "invoice", "1000", "--band", "standard", "--on", "2019-04-01", "--net", "--json")
    data = json.loads(out)
    assert (data["tax"], data["gross"]) == ("130.00", "1130.00")


def test_small_scale(capsys):
    code, out, _ = run(capsys, "vat", "small-scale", "300000", "--on", "2019-04-01", "--period", "quarter")
    assert code == 0 and "免征：是" in out and "国家税务总局公告2019年第4号 第一条" in out
    code, out, _ = run(capsys, "vat", "small-scale", "300000.01", "--on", "2019-04-01", "--period", "quarter", "--json")
    data = json.loads(out)
    assert data["exempt"] is False and data["tax_due"] == "9000.00"
    code, out, _ = run(capsys, "vat", "small-scale", "60000", "--on", "2018-05-01", "--goods", "30000",
                       "--services", "30000", "--lang", "en")
    assert code == 0 and "exempt: yes" in out


def test_small_scale_2026_start_point(capsys):
    code, out, _ = run(capsys, "vat", "small-scale", "100000", "--on", "2026-01-01", "--lang", "en")
    assert code == 0 and "exempt: no  VAT due 1,000.00" in out
    flat = " ".join(out.split())  # lines are wrapped at 100 columns
    assert "100,000.00 ≥ 100,000.00: reaches it, taxed in full [中华人民共和国增值税法 第二十三条]" in flat
    assert "[财政部 税务总局公告2026年第10号 第一条]" in flat and "[财政部 税务总局公告2026年第10号 第三条]" in flat
    code, out, _ = run(capsys, "vat", "small-scale", "99999.99", "--on", "2026-01-01", "--lang", "en")
    assert code == 0 and "exempt: yes  VAT due 0.00" in out
    data = json.loads(run(capsys, "vat", "small-scale", "300000", "--on", "2026-01-01", "--period", "quarter",
                          "--json")[1])
    assert (data["exempt"], data["tax_due"], data["reached_taxed"], data["basis"]) == (False, "3000.00", True,
                                                                                       "all_sales")
    data = json.loads(run(capsys, "vat", "small-scale", "299999.99", "--on", "2026-01-01", "--period", "quarter",
                          "--json")[1])
    assert (data["exempt"], data["tax_due"]) == (True, "0.00")


def test_small_scale_2026_reading_of_immovable_property(capsys):
    argv = ("vat", "small-scale", "150000", "--on", "2026-06-01", "--real-estate", "60000", "--json")
    assert json.loads(run(capsys, *argv)[1])["tax_due"] == "900.00"
    data = json.loads(run(capsys, *argv, "--start-point-basis", "carve_out")[1])
    assert (data["basis"], data["tax_due"], data["real_estate_taxable"]) == ("carve_out", "0.00", "60000")
    code, out, err = run(capsys, "vat", "small-scale", "1", "--on", "2025-06-01", "--start-point-basis", "carve_out")
    assert code == 1 and out == "" and "--start-point-basis: applies only to periods under the 起征点" in err


def test_other_questions(capsys):
    assert "13%" in run(capsys, "vat", "replacement", "17%", "--on", "2019-05-01")[1]
    out = run(capsys, "vat", "invoice-rate", "standard", "--liability", "2019-03-28", "--invoice", "2019-04-15")[1]
    assert "16%" in out and "第九条" in out
    assert "1,200.00" in run(capsys, "vat", "agri", "10000", "--on", "2018-06-01", "--top-rate")[1]
    out = run(capsys, "vat", "standard", "--on", "2017-06-01", "--sector", "commerce", "--lang", "en")[1]
    assert "800,000.00" in out
    out = run(capsys, "vat", "standard", "--on", "2017-06-01", "--sector", "commerce", "--sales", "800000.01",
              "--json")[1]
    assert json.loads(out)["must_register"] is True
    out = run(capsys, "vat", "reregister", *(["400000"] * 12), "--on", "2018-10-15", "--lang", "en")[1]
    assert "may re-register as small-scale: yes" in out
    out = run(capsys, "vat", "bands", "--on", "2019-04-01", "--json")[1]
    rows = {r["band"]: r["rate"] for r in json.loads(out)}
    assert rows["standard"] == "0.13" and rows["transport"] == "0.09"
    out = run(capsys, "vat", "bands", "--on", "2014-01-01")[1]
    assert "construction" in out and "—" in out


def test_law_history_for_the_vat_keys(capsys):
    code, out, _ = run(capsys, "law", "vat.rate.low_rate_goods")
    assert code == 0
    lines = out.splitlines()
    assert any("2017-07-01" in ln and "11%" in ln and "财税〔2017〕37号 第一条" in ln for ln in lines)
    assert any("2026-01-01" in ln and "9%" in ln and "增值税法 第十条第（二）项" in ln for ln in lines)
    code, out, _ = run(capsys, "law", "vat.small_scale.exemption.monthly", "--json")
    data = json.loads(out)
    assert {"from": "2021-04-01", "to": "2022-12-31", "value": "150000",
            "doc": "财政部 税务总局公告2021年第11号", "article": "正文",
            "note": "月销售额15万元以下（含本数）."} in data["values"]
    code, out, _ = run(capsys, "law", "vat.", "--lang", "en")
    assert "vat.reregistration.sales_cap" in out and "vat.rate.transport" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["vat", "rate", "luxury", "--on", "2019-04-01"], "band: unknown value 'luxury'"),
        (["vat", "rate", "standard", "--on", "2001-12-31"], "outside the covered window"),
        (["vat", "invoice", "1.005", "--band", "standard", "--on", "2019-04-01"], "at most two decimals"),
        (["vat", "small-scale", "1", "--on", "2028-01-01"], "outside the covered window"),
        (["vat", "reregister", "1", "--on", "2001-12-31"], "outside the covered window"),
        (["vat", "reregistered", "1", "--on", "2021-06-01"], "not in force: no re-registration window"),
        (["vat", "small-scale", "1", "--on", "2019-06-15"], "not the first day"),
    ],
)
def test_errors_are_one_line_and_exit_1(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_known_on_and_what_if(capsys):
    # 2021年第7号 (issued 2021-03-17) reduced January 2021 to 1% after the fact
    out = run(capsys, "vat", "small-scale", "200000", "--on", "2021-01-01", "--known-on", "2021-02-01", "--json")[1]
    assert json.loads(out)["tax_due"] == "6000.00"
    out = run(capsys, "vat", "small-scale", "200000", "--on", "2021-01-01", "--json")[1]
    assert json.loads(out)["tax_due"] == "2000.00"
    out = run(capsys, "vat", "invoice", "1150", "--band", "standard", "--on", "2019-06-01",
              "--what-if", "vat.rate.standard=15%", "--lang", "en")[1]
    assert "VAT 150.00" in out and "假设 what-if" in out
    code, _, err = run(capsys, "vat", "rate", "standard", "--on", "2019-06-01", "--what-if", "nonsense")
    assert code == 1 and "--what-if" in err


def test_json_and_lang_before_the_question(capsys):
    out = run(capsys, "vat", "--json", "rate", "standard", "--on", "2019-04-01")[1]
    assert json.loads(out)["rate"] == "0.13"
    out = run(capsys, "vat", "--lang", "en", "rate", "standard", "--on", "2019-04-01")[1]
    assert "rate 13%" in out

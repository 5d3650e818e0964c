"""The benefit report: figures of the VAT section, savings and their total, the JSON
form, the text in both languages within 100 columns, and ``taxcalc report``."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc.cli import main
from taxcalc.errors import InvalidInput
from taxcalc.law import Law
from taxcalc.report import ReportInputError, build_report, example, parse_text, render
from taxcalc.report.input import Enterprise, ReportInput, Sale
from taxcalc.text import display_width


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sales_input(year: int, months: dict[int, str], **extra: str) -> ReportInput:
    rows = "".join(f'[[sales]]\nmonth = "{year}-{m:02d}"\namount = "{a}"\n' for m, a in months.items())
    more = "".join(extra.values())
    return parse_text(f'format = 1\nyear = {year}\n[enterprise]\nname = "x"\n{rows}{more}', "toml")


# -- the VAT section ------------------------------------------------------------


def test_vat_by_month_across_the_2018_switch():
    report = build_report(example())
    table = report.section("vat").tables[0]
    by_month = {r[0]: r for r in table.rows}
    april, may = by_month[dt.date(2018, 4, 1)], by_month[dt.date(2018, 5, 1)]
    # 2,420,000 × 17% and 2,390,000 × 16%
    assert april[2:4] == (Decimal("0.17"), Decimal("411400.00"))
    assert may[2:4] == (Decimal("0.16"), Decimal("382400.00"))
    assert str(april[5][0]) == "国务院令第538号 第二条第（一）项"
    assert str(may[5][0]) == "财税〔2018〕32号 第一条"
    assert table.total is not None and table.total[3] == Decimal("4744800.00")


def test_rate_cut_saving_of_the_example():
    saving = build_report(example()).section("vat").savings[0]
    # sales May–Dec 20,560,000 × 1% less invoice purchases May–Dec 6,770,000 × 1% (the June line included)
    assert saving.amount == Decimal("205600.00") - Decimal("67700.00")
    assert saving.policy == "vat.rate_cut.standard" and str(saving.cite[0]) == "财税〔2018〕32号 第一条"


def test_rate_cut_in_2019_cites_announcement_39():
    facts = sales_input(2019, {3: "100000", 4: "100000"})
    report = build_report(facts)
    (saving,) = report.savings
    assert saving.amount == Decimal("3000.00")  # 100,000 × (16% − 13%)
    assert "2019年第39号" in saving.cite[0].doc


def test_no_saving_in_a_year_without_a_switch():
    report = build_report(sales_input(2017, {1: "1000", 7: "2000"}))
    assert report.savings == () and report.total_saving == 0


def test_what_if_removes_the_rate_cut():
    report = build_report(example(), what_if={"vat.rate.standard": "17%"})
    assert not any(s.policy.startswith("vat.rate_cut") for s in report.savings)
    assert report.section("vat").tables[0].total[3] == round(Decimal("29120000") * Decimal("0.17"), 2)
    assert report.as_dict()["law"]["what_if"] == {"vat.rate.standard": "17%"}


def test_a_year_outside_the_law_data_is_an_error():
    # refused when the input is read, naming the field, rather than when the report is built
    with pytest.raises(ReportInputError, match=r"sales\[0\].month: .*vat.rate.standard: 2001-03-01 is outside"):
        build_report(sales_input(2001, {3: "1"}))


def test_a_rate_change_inside_a_month_is_refused_with_the_field(law_dir):
    root = law_dir({"vat/rates.toml": """
        ["vat.rate.standard"]
        zh = "税率"
        en = "rate"
        type = "rate"
        [["vat.rate.standard".values]]
        from = 2018-01-01
        to = 2018-05-14
        value = "17%"
        doc = "财税〔2018〕32号"
        article = "第一条"
        [["vat.rate.standard".values]]
        from = 2018-05-15
        to = "open"
        value = "16%"
        doc = "财税〔2018〕32号"
        article = "第一条"
        """})
    facts = sales_input(2018, {4: "1", 5: "1"})
    with pytest.raises(InvalidInput, match=r"^sales\[1\]\.month: the rate of vat.rate.standard changes within 2018-05"):
        build_report(facts, law=Law.load(root))


# -- savings, total and JSON ------------------------------------------------------


def _walk(value: object) -> list[object]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _walk(v)]
    if isinstance(value, list):
        return [x for v in value for x in _walk(v)]
    return [value]


def test_json_round_trips_and_savings_add_up_exactly():
    data = json.loads(json.dumps(build_report(example()).as_dict(), ensure_ascii=False))
    assert not any(isinstance(v, float) for v in _walk(data))
    total = sum((Decimal(s["amount"]) for s in data["savings"]), Decimal(0))
    assert total == Decimal(data["total_saving"]) and data["savings"]
    assert data["total_saving_daxie"] == "人民币捌拾伍万贰仟玖佰伍拾捌元叁角叁分"
    assert data["total_saving_by_tax"] == {"vat": "210900.00", "eit": "642058.33"}
    assert "pending" not in data and all(s["status"] != "pending" for s in data["sections"])
    for tax, subtotal in data["total_saving_by_tax"].items():
        assert sum((Decimal(s["amount"]) for s in data["savings"] if s["tax"] == tax), Decimal(0)) == Decimal(subtotal)
    eit = [s for s in data["savings"] if s["tax"] == "eit"]
    assert [s["policy"] for s in eit] == ["eit.hnte_rate", "eit.rd_super_deduction", "eit.equipment_one_time",
                                          "eit.loss_10_years"]
    assert all(s["section"] == "eit" and s["cite"] for s in eit)
    assert data["sections"][2]["savings"] == [s["policy"] for s in eit]
    assert data["version"] == 1 and data["year"] == 2018
    assert [s["id"] for s in data["sections"]] == ["vat", "small_scale", "eit", "export"]
    vat = data["sections"][0]
    assert vat["status"] == "computed"
    assert vat["savings"] == ["vat.rate_cut.standard", "vat.agri.deduction_cut.top_rate_goods", "vat.agri.top_rate_goods"]
    refunds = sum((Decimal(r["amount"]) for r in data["refunds"]), Decimal(0))
    assert refunds == Decimal(data["total_refund"]) == Decimal("32800.00")
    row = vat["tables"][0]["rows"][4]
    assert row == {"month": "2018-05", "sales": "2390000.00", "rate": "0.16", "output_vat": "382400.00",
                   "input_vat": "204800.00", "cite": [{"doc": "财税〔2018〕32号", "article": "第一条"}]}


def test_json_is_stable(capsys):
    _, first, _ = run(capsys, "report", "--json")
    _, second, _ = run(capsys, "report", "--json")
    assert first == second and json.loads(first)["enterprise"]["name"] == "河北示例食品科技有限公司"


money_st = st.integers(min_value=0, max_value=10**15).map(lambda f: Decimal(f).scaleb(-2))


@settings(max_examples=40)
@given(st.lists(st.tuples(st.integers(1, 12), money_st), min_size=1, max_size=12, unique_by=lambda t: t[0]),
       st.sampled_from([2017, 2018, 2019]))
def test_total_is_the_exact_sum_of_savings_and_never_negative_without_purchases(months, year):
    facts = ReportInput(year, Enterprise("x"), sales=tuple(Sale(dt.date(year, m, 1), a) for m, a in months))
    report = build_report(facts)
    data = json.loads(json.dumps(report.as_dict()))
    assert sum((Decimal(s["amount"]) for s in data["savings"]), Decimal(0)) == Decimal(data["total_saving"])
    assert report.total_saving >= 0
    for s in report.savings:
        assert s.amount == s.amount.quantize(Decimal("0.01"))


def test_report_ignores_a_hostile_decimal_context():
    expected = build_report(example()).as_dict()
    with decimal.localcontext() as ctx:
        ctx.prec = 4
        ctx.rounding = decimal.ROUND_FLOOR
        got = build_report(example()).as_dict()
        text = render(build_report(example()), "zh")
    assert got == expected
    assert "大写：人民币捌拾伍万贰仟玖佰伍拾捌元叁角叁分" in text


# -- the text -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_example_fits_100_columns(lang):
    text = render(build_report(example()), lang)
    widths = [display_width(line) for line in text.splitlines()]
    assert max(widths) <= 100


def test_chinese_and_english_labels():
    report = build_report(example())
    zh, en = render(report, "zh"), render(report, "en")
    assert zh.startswith("2018年度税收优惠报告：河北示例食品科技有限公司")
    assert "一、增值税（按所属期）" in zh and "合计节税：¥852,958.33" in zh
    assert "增值税节税小计：¥210,900.00" in zh and "企业所得税节税小计：¥642,058.33" in zh
    assert "大写：人民币捌拾伍万贰仟玖佰伍拾捌元叁角叁分" in zh and "退税合计：¥32,800.00" in zh
    assert "三、企业所得税及各项优惠" in zh and "待接入" not in zh
    assert en.startswith("Tax benefit report, 2018 — Hebei Example Food Technology Co., Ltd.")
    assert "1. VAT by period" in en and "Total saving: CN¥852,958.33" in en
    assert "Saving in VAT: CN¥210,900.00" in en and "Saving in income tax: CN¥642,058.33" in en
    assert "3. Enterprise income tax and each preference\n" in en and "pending" not in en
    assert "Total refunds: CN¥32,800.00" in en
    assert "VAT rate cut (17% → 16%)" in en and "增值税税率下调" not in en
    assert "财税〔2018〕32号 第一条" in en  # citations are as printed, in both languages


long_text = st.text(alphabet=st.sampled_from("税率ab 优惠（）Ｘx1"), min_size=1, max_size=150).filter(str.strip)


@settings(max_examples=30)
@given(long_text, long_text, st.lists(money_st, min_size=1, max_size=12), st.sampled_from(["zh", "en"]))
def test_any_report_fits_100_columns(name, name_en, amounts, lang):
    facts = ReportInput(
        2018, Enterprise(name.strip(), name_en.strip(), province=name.strip()),
        sales=tuple(Sale(dt.date(2018, i + 1, 1), a) for i, a in enumerate(amounts)),
    )
    text = render(build_report(facts), lang)
    assert max(display_width(line) for line in text.splitlines()) <= 100


# -- the command ------------------------------------------------------------------------


def test_readme_first_command_prints_the_example_in_chinese(capsys):
    code, out, err = run(capsys, "report")
    assert code == 0 and err == ""
    assert out.startswith("2018年度税收优惠报告") and "财税〔2018〕32号" in out


def test_report_in_english(capsys):
    code, out, _ = run(capsys, "report", "--lang", "en")
    assert code == 0 and out.startswith("Tax benefit report, 2018")


def test_print_example_round_trips(capsys, tmp_path):
    code, text, _ = run(capsys, "report", "--print-example")
    assert code == 0
    path = tmp_path / "mine.toml"
    path.write_text(text, "utf-8")
    _, from_file, _ = run(capsys, "report", str(path), "--json")
    _, built_in, _ = run(capsys, "report", "--json")
    assert from_file == built_in


def test_a_json_input_file(capsys, tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({"format": 1, "year": 2018, "enterprise": {"name": "x"},
                                "sales": [{"month": "2018-06", "amount": "100.00"}]}), "utf-8")
    code, out, _ = run(capsys, "report", str(path), "--json")
    assert code == 0 and json.loads(out)["sections"][0]["tables"][0]["rows"][0]["output_vat"] == "16.00"


def test_a_bad_file_gives_one_line_per_problem_and_exit_1(capsys, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('format = 1\nyear = 2018\nsurplus = 1\n[enterprise]\nname = "x"\n'
                    '[[purchases]]\nmonth = "2018-01"\nkind = "invoice"\namount = 1234.50\nvat = "1"\n', "utf-8")
    code, out, err = run(capsys, "report", str(path))
    assert code == 1 and out == "" and "Traceback" not in err
    assert err.splitlines() == [
        f"taxcalc: error: {path}: surplus: unknown field; expected one of: catalogue, enterprise, "
        "environmental_tax, equipment, excess_credit_refund_2018, exports, format, income, losses, months, "
        "projects, purchases, qualifications, quarters, rd, sales, small_loans, tech_transfers, vat, "
        "venture_investments, year",
        f'taxcalc: error: {path}: purchases[0].amount: a float is not money; write "1234.50" (a string)',
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "/nonexistent/facts.toml"], "No such file or directory: /nonexistent/facts.toml"),
        (["report", "--what-if", "vat.rate.standard"], "--what-if: 'vat.rate.standard' is not KEY=VALUE"),
        (["report", "--what-if", "vat.rate.standard=170%"], "must lie between 0 and 1"),
        (["report", "--what-if", "vat.nope=1"], "key: unknown value 'vat.nope'"),
        (["report", "--known-on", "soon"], "--known-on: 'soon' is not a date"),
        (["report", "--known-on", "1993-12-01"], "as known on 1993-12-01"),
        (["report", "x.toml", "--print-example"], "--print-example: takes no FILE"),
    ],
)
def test_command_errors_are_one_line_and_exit_1(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["report", "--lang", "fr"])
    assert info.value.code == 2


@given(st.text(alphabet=st.sampled_from("税率ab （）x1-"), max_size=300), st.integers(2, 60))
def test_wrap_keeps_every_character_and_the_width(text, width):
    from taxcalc.report.render import wrap

    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")

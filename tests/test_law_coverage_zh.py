"""``taxcalc law --coverage`` in Chinese: the status of each key and every generated reason in Chinese."""

from __future__ import annotations

import json
import re

from taxcalc import law
from taxcalc.cli import main
from taxcalc.law.coverage import STATUS_ZH, STATUSES

#: An English word of three letters or more.
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def _keys(day: str) -> dict[str, law.KeyCoverage]:  # type: ignore[name-defined]
    return {r.key: r for r in law.coverage(day)}


def _out(capsys, *args: str) -> str:
    assert main(["law", *args]) == 0
    return capsys.readouterr().out


def test_every_status_has_its_chinese_word():
    assert set(STATUS_ZH) == set(STATUSES) and len(set(STATUS_ZH.values())) == len(STATUSES)


def test_a_key_before_its_data_start_says_so_in_each_language():
    r = _keys("2001-12-31")["vat.rate.standard"]
    assert (r.status, r.reason) == ("not yet", "covered from 2002-01-01")
    assert r.reason_in("en") == r.reason and r.reason_in("zh") == "数据自2002-01-01起"


def test_a_key_whose_data_ended_says_where_in_each_language():
    rows = _keys("2026-12-01")
    cut = rows["vat.small_scale.exemption.monthly"]
    assert cut.status == "ended"
    assert cut.reason_in("zh") == "被财政部 税务总局公告2026年第10号提前终止（原定施行至2027-12-31），此后无数据"
    ended = rows["eit.losses.hardship.industries"]
    assert ended.reason.startswith("end of data: the last value (财政部 税务总局公告2020年第8号 第四条) ends on 2020-12-31")
    assert ended.reason_in("zh") == "数据截止：最后一个值（财政部 税务总局公告2020年第8号 第四条）止于2020-12-31"


def test_a_key_in_a_declared_gap_gives_the_gaps_chinese_reason():
    r = _keys("2008-01-01")["vat.super_credit.policies"]
    assert r.status == "gap"
    assert r.reason_in("zh") == law.history("vat.super_credit.policies")[0].gap_zh
    assert _keys("2026-12-01")["vat.rate.standard"].reason_in("zh") == ""  # a key that answers has no reason


def test_a_rule_that_cannot_answer_says_why_in_chinese():
    v = {v.rule: v for v in law.rule_coverage("2028-06-01")}["vat.super_credit"]
    assert v.verdict == "cannot answer"
    assert v.reason_in("en") == v.reason and v.reason.startswith("vat.super_credit.policies on 2028-06-01: "
                                                                  "data stop on 2027-12-31; end of data")
    assert v.reason_in("zh") == ("vat.super_credit.policies（2028-06-01）：数据止于2027-12-31；"
                                 "数据截止：最后一个值（财政部 税务总局公告2023年第43号 第一条）止于2027-12-31")


def test_a_rule_refused_by_an_unverified_window_says_why_in_chinese():
    v = {v.rule: v for v in law.rule_coverage("2026-12-01")}["vat.small_loan_interest"]
    assert (v.verdict, v.key) == ("cannot answer", "vat.small_loan_interest.credit_limit")
    assert v.reason.startswith("vat.small_loan_interest.credit_limit on 2026-06-30: declared not verified to "
                               "2027-12-31; Not verified: ")
    assert v.reason_in("zh").startswith("vat.small_loan_interest.credit_limit（2026-06-30）：声明未核实，至2027-12-31；"
                                        "未核实：财政部 税务总局公告2023年第16号")


def test_the_chinese_tables_have_no_english_status_or_reason(capsys):
    for day in ("2001-12-31", "2026-12-01"):
        out = _out(capsys, "--coverage", day)
        flat = " ".join(out.split())
        for english in ("covered from", "end of data", "cut short", "data stop", "not yet", "ended", "gap ",
                        "in force", "no value published"):
            assert english not in flat, english
        rows = [ln for ln in out.splitlines() if ln.startswith(("vat.", "eit.", "export."))]
        assert rows and all(not ENGLISH.search(re.sub(r"[a-z0-9_.*]+\.[a-z0-9_*]+", "", ln)) for ln in rows)
        assert "数据未始" in out or "数据已止" in out
    assert "not yet" in _out(capsys, "--coverage", "2001-12-31", "--lang", "en")
    assert "covered from 2002-01-01" in _out(capsys, "--coverage", "2001-12-31", "--lang", "en")


def test_the_json_gives_each_reason_in_chinese_too(capsys):
    doc = json.loads(_out(capsys, "--coverage", "2026-12-01", "--json"))
    keys = {k["key"]: k for k in doc["keys"]}
    assert keys["eit.losses.hardship.industries"]["reason_zh"].startswith("数据截止：")
    assert keys["vat.rate.standard"]["reason_zh"] == ""
    rules = {r["id"]: r for r in doc["rules"]}
    assert rules["vat.agricultural_deduction"]["reason_zh"].startswith("vat.agri.deduction_rate_top_rate_goods（")


#: A field name of an input (``goods_sales``): kept as written in either language.
FIELD = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def test_a_rule_whose_moved_example_is_refused_says_why_in_chinese():
    for day, doc in (("2018-04-01", "国家税务总局公告2017年第52号 正文"), ("2017-01-01", "国家税务总局公告2016年第23号 第六条")):
        v = {v.rule: v for v in law.rule_coverage(day)}["vat.small_scale_vat"]
        assert v.verdict == "not tested" and not v.answers
        assert v.reason_in("en") == v.reason == (
            f"the example moved to {day} is refused as input (goods_sales: from 2016-05-01 to 2018-12-31 sales of "
            f"goods/processing and of services/intangibles are tested separately ({doc}); give goods_sales and "
            "services_sales)")
        assert v.reason_in("zh") == (
            f"示例移至{day}后作为输入被拒绝（goods_sales：2016-05-01至2018-12-31，销售货物及加工、修理修配劳务的销售额与"
            f"销售服务、无形资产的销售额分别判断是否免征（{doc}）；请分别给出 goods_sales 和 services_sales）")


def test_the_chinese_table_gives_the_refused_example_in_chinese(capsys):
    out = _out(capsys, "--coverage", "2018-04-01")
    start = out.index("vat.small_scale_vat               示例移至")
    why = "".join(ln[34:] for ln in out[start:].splitlines()[:4])
    assert why.startswith("示例移至2018-04-01后作为输入被拒绝（goods_sales：2016-05-01至2018-12-31，销售货物")
    assert why.endswith("请分别给出 goods_sales 和 services_sales）")
    assert not ENGLISH.search(FIELD.sub("", why))
    assert "tested separately" in _out(capsys, "--coverage", "2018-04-01", "--lang", "en")
    doc = json.loads(_out(capsys, "--coverage", "2018-04-01", "--json"))
    rule = {r["id"]: r for r in doc["rules"]}["vat.small_scale_vat"]
    assert rule["verdict"] == "not tested" and rule["reason_zh"].startswith("示例移至2018-04-01后作为输入被拒绝（goods_sales：")


def test_an_input_error_gives_its_reason_in_chinese_where_the_raiser_has_one():
    from decimal import Decimal

    import pytest

    from taxcalc.errors import InputProblems, InvalidInput, Problem
    from taxcalc.vat.small_scale_exemption import small_scale_vat

    with pytest.raises(InvalidInput) as info:
        small_scale_vat(Decimal("50000"), "2018-04-01")
    e = info.value
    assert e.field == "goods_sales" and e.reason_in("en") == e.reason and "tested separately" in e.reason
    assert e.reason_in("zh") == ("2016-05-01至2018-12-31，销售货物及加工、修理修配劳务的销售额与销售服务、无形资产的销售额"
                                 "分别判断是否免征（国家税务总局公告2017年第52号 正文）；请分别给出 goods_sales 和 services_sales")
    assert small_scale_vat(Decimal("50000"), "2018-04-01", goods_sales=Decimal("20000"),
                           services_sales=Decimal("30000")).tax_due == Decimal("0")  # both under 3万: exempt
    plain = InvalidInput("amount", "must not be negative")
    assert (plain.reason_zh, plain.reason_in("zh")) == ("", "must not be negative")  # none given: as raised
    many = InputProblems([Problem("a", "missing (required)")])
    assert many.reason_in("zh") == many.reason_in("en") == "missing (required)"

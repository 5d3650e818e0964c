"""Why a refund or credit is refused, in each language: the results' ``reasons_zh`` and the report's Chinese text."""

from __future__ import annotations

import re
import textwrap

import pytest

from taxcalc.export import excess_credit_refund_2018
from taxcalc.report import build_report, example, parse_text, render
from taxcalc.vat import excess_credit_refund, super_credit

#: An English word of three letters or more (a reason code or sentence leaking into Chinese text).
ENGLISH = re.compile(r"[A-Za-z]{3,}")

SIX = {"months": ["2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09"],
       "end_credits": ["1100000", "1200000", "1300000", "1400000", "1500000", "1600000"],
       "base_credit": "1000000", "listed_input_tax": "900000", "total_input_tax": "1000000"}


def refund(applied_on: str = "2019-10-15", category: str = "general", **kw: object):
    args: dict[str, object] = {"credit_rating": "A", **SIX, **kw}
    return excess_credit_refund(applied_on, category=category, **args)  # type: ignore[arg-type]


def test_an_eligible_refund_has_no_reason_in_either_language():
    r = refund()
    assert r.eligible and r.reasons == () and r.reasons_in("zh") == () and r.reasons_in("en") == ()


@pytest.mark.parametrize(("kw", "zh", "en"), [
    ({"credit_rating": "C"}, "纳税信用等级C级不是A级或B级", "credit rating C is not A or B"),
    ({"excluded": True}, "存在不得退税的情形", "an exclusion applies"),
    ({"end_credits": ["1100000", "1200000", "1300000", "1000000", "1500000", "1600000"]},
     "并非连续6个月增量留抵税额均大于零", "not 6 consecutive months of incremental credit above zero"),
    ({"end_credits": ["1100000", "1200000", "1300000", "1400000", "1500000", "1499999.99"]},
     "第六个月增量留抵税额499,999.99低于500,000.00", "the sixth month's incremental credit 499,999.99 is below "
     "500,000.00"),
])
def test_the_refund_from_2019_gives_each_reason_in_each_language(kw, zh, en):
    r = refund(**kw)
    assert not r.eligible
    assert r.reasons_in("en") == r.reasons == (en,)
    assert r.reasons_in("zh") == r.reasons_zh == (zh,)
    assert r.step("refund").formula_zh == "不符合条件：" + zh


def test_the_refund_from_2019_before_it_existed_and_for_a_size_not_covered():
    r = refund("2008-12-15", months=["2008-11"], end_credits=["1000000"])
    assert r.reasons_in("zh") == ("2008-12-15一般纳税人不能申请退还期末留抵税额",)
    r = refund("2022-05-15", "small_micro", size="medium")
    assert "中型企业不是小型企业或微型企业" in r.reasons_in("zh")
    assert "a medium enterprise is not small or micro" in r.reasons


def test_the_reasons_of_a_months_count_from_a_day_are_in_chinese():
    months = ["2019-03", "2019-04", "2019-05", "2019-06", "2019-07", "2019-08"]
    r = refund("2019-09-15", months=months)  # March is before the base day: the six months do not count
    assert r.reasons_in("zh") == ("自2019-04起并非连续6个月增量留抵税额均大于零",)
    assert r.reasons == ("not 6 consecutive months of incremental credit above zero from 2019-04",)


def test_the_2018_refund_gives_its_reasons_in_each_language():
    base = dict(credit_rating="A", registered_on="2010-03-01", listed_input_tax="8000000",
                total_input_tax="10000000", prior_period_end_credit="1500000", end_2017_credit="1000000",
                applied_on="2018-08-01")
    r = excess_credit_refund_2018(**{**base, "industry": "食品制造业", "credit_rating": "C"})  # type: ignore[arg-type]
    assert r.reasons_in("zh") == ("行业“食品制造业”不在附件所列18个大类内", "纳税信用等级C级不是A级或B级")
    assert r.reasons_in("en") == ("industry '食品制造业' is not one of the 18 divisions of the annex",
                                  "credit rating C is not A or B")
    ok = excess_credit_refund_2018(**{**base, "industry": "专用设备制造业"})  # type: ignore[arg-type]
    assert ok.eligible and ok.reasons_zh == ()
    after = excess_credit_refund_2018(**{**base, "industry": "专用设备制造业", "applied_on": "2018-10-15"})  # type: ignore[arg-type]
    (zh,) = after.reasons_in("zh")
    assert zh.startswith("2018-10-15不在施行期内：一次性政策：财税〔2018〕70号规定的退税须于2018-09-30前办理完毕")
    assert not ENGLISH.search(zh)
    assert after.reasons[0].startswith("not in force on 2018-10-15: ")


def test_the_super_credit_gives_its_reasons_in_each_language():
    args = {"creditable_input_tax": "100000", "tax_before_credit": "1000000"}
    r = super_credit("2019-10-01", policy="production_services", sales_share="50%", months_operated=2, **args)
    assert r.reasons_in("zh") == ("相关服务销售额占比50%未超过50%", "新设立纳税人仅有2个月销售额，应按设立之日起3个月的销售额判断")
    assert r.reasons_in("en")[0] == "the services' share of sales 50% is not more than 50%"
    r = super_credit("2008-10-01", policy="production_services", sales_share="80%", **args)
    assert r.reasons_in("zh") == ("2008-10-01尚无加计抵减政策",) and r.reasons == ("no super-credit existed on 2008-10-01",)
    r = super_credit("2018-10-01", policy="production_services", sales_share="80%", **args)
    assert r.reasons_in("zh") == ("加计抵减政策（生产性服务业（邮政、电信、现代服务、生活服务））在2018-10-01不适用",)
    assert super_credit("2019-10-01", policy="production_services", sales_share="80%", **args).reasons_zh == ()


EXCESS_2018 = """\
format = 1
year = 2018
[enterprise]
name = "设备公司"
industry = "C35"
registered = 2010-03-01
[vat]
opening_credit = "500000"
[[sales]]
month = "2018-05"
amount = "1000000"
[[purchases]]
month = "2018-05"
kind = "invoice"
amount = "2000000"
vat = "320000"
[excess_credit_refund_2018]
applied_on = 2018-07-20
industry = "食品制造业"
credit_rating = "A"
listed_input_tax = "8000000"
total_input_tax = "10000000"
"""


def test_the_report_gives_the_2018_reasons_in_the_language_of_the_output():
    report = build_report(parse_text(EXCESS_2018, "toml"))
    line = {ln.id: ln for ln in report.section("vat").lines}["vat.excess_credit_2018.eligible"]
    assert line.value_zh == "否：行业“食品制造业”不在附件所列18个大类内"
    assert line.value_en == "no: industry '食品制造业' is not one of the 18 divisions of the annex"
    zh = render(report, "zh")
    assert "行业“食品制造业”不在附件所列18个大类内" in zh and "divisions" not in zh


CLAIM_2019 = """\
format = 2
year = 2019
[enterprise]
name = "示例"
industry = "C35"
[[sales]]
month = "2019-06"
amount = "1000000"
[[purchases]]
month = "2019-04"
kind = "invoice"
amount = "10000000"
vat = "1300000"
[vat]
opening_credit = "1000000"
[vat.excess_credit_refund]
applied_on = "2019-06-15"
category = "general"
credit_rating = "A"
base_credit = "1000000"
listed_input_tax = "900000"
total_input_tax = "1000000"
"""


def test_the_report_gives_the_reasons_of_the_refund_from_2019_in_the_language_of_the_output():
    report = build_report(parse_text(textwrap.dedent(CLAIM_2019), "toml"))
    (zh, en) = report.section("vat").notes[-1]
    assert "（不予退还：自2019-04起并非连续6个月增量留抵税额均大于零）" in zh
    assert "(nothing refunded: not 6 consecutive months of incremental credit above zero from 2019-04)" in en
    assert "consecutive" not in render(report, "zh")


def test_the_report_names_why_a_small_loan_is_not_exempt_in_words():
    report = build_report(example("county-bank-2019"))
    table = next(t for t in report.section("preferences").tables if t.id == "small_loans")
    assert [row[-1] for row in table.rows] == [
        None, None, None, ("单户授信（或合同金额、贷款余额）超过上限", "the borrower's credit (or contract or balance) "
                           "is above the cap")]
    zh, en = render(report, "zh"), render(report, "en")
    assert "credit_limit" not in zh and "credit_limit" not in en
    assert "单户授信（或合同金额、贷款余额）超过上限" in zh and "is above the cap" in en
    row = report.as_dict()["sections"][-1]["tables"][0]["rows"][3]
    assert row["reason"] == {"zh": "单户授信（或合同金额、贷款余额）超过上限",
                             "en": "the borrower's credit (or contract or balance) is above the cap"}

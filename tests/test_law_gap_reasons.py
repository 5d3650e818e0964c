"""Declared gaps give their reason in English and in Chinese, and each language shows its own.

A gap (a window in which a measure did not exist, or had ended for good) carries ``gap``
(English) and ``gap_zh`` (Chinese); the loader refuses a gap without both.  Explanations
show the reason in their own language; error messages stay in English.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from taxcalc import law
from taxcalc.cli import main
from taxcalc.errors import LawDataError, NotInForce, Unverified
from taxcalc.law import Law

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"\b(?!vat\b)[a-z]{4,}\b")  # an English word (key names aside)
# the Chinese terms, document numbers and articles an English reason quotes
_QUOTED = re.compile(r"[\u4e00-\u9fff0-9〔〕（）《》]*[\u4e00-\u9fff][\u4e00-\u9fff0-9〔〕（）《》]*")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_KEY = re.compile(r"\b[a-z_]+(?:\.[a-z_0-9]+)+\b")


def _gaps() -> list[tuple[str, object]]:
    data = law.default()
    return [(k, v) for k in data.keys() for v in (*data.spec(k).values, *data.spec(k).superseded) if v.gap]


def test_every_gap_has_its_reason_in_both_languages():
    gaps = _gaps()
    assert len(gaps) >= 100  # every key with a gap, not a sample
    for key, v in gaps:
        assert v.gap and v.gap_zh and v.gap != v.gap_zh, key
        assert _CJK.search(v.gap_zh), key
        # the Chinese says it in Chinese: no English words beyond the key names it may name
        assert not _LATIN_WORD.search(_KEY.sub("", v.gap_zh)), (key, v.gap_zh)


def test_each_chinese_reason_keeps_the_documents_days_and_terms_of_the_english():
    for key, v in _gaps():
        for day in _DAY.findall(v.gap):
            assert day in v.gap_zh, (key, day)
        for quoted in _QUOTED.findall(v.gap):
            assert quoted.strip("（）") in v.gap_zh, (key, quoted)
        for name in _KEY.findall(v.gap):
            assert name in v.gap_zh, (key, name)


def test_a_value_gives_the_reason_in_the_language_asked():
    v = law.history("vat.reregistration.sales_cap")[0]
    assert v.gap_reason("en") == v.gap and v.gap_reason("zh") == v.gap_zh
    assert v.gap_reason("zh").startswith("尚无一般纳税人转登记为小规模纳税人的规定")
    assert law.history("vat.rate.standard")[-1].gap_reason("zh") == ""  # a value has none


def test_not_in_force_carries_both_reasons_and_its_message_stays_english():
    with pytest.raises(NotInForce) as info:
        law.default().value("vat.rate.construction", "2016-04-30")
    exc = info.value
    assert exc.reason_in("en") == exc.gap and exc.gap.startswith("business tax (营业税), not VAT: construction")
    assert exc.reason_in("zh") == exc.gap_zh == (
        "缴纳营业税，不缴纳增值税：建筑服务自2016-05-01起在全国范围纳入营改增（财税〔2016〕36号；2012年起的地方试点不在计算范围内）")
    assert str(exc).startswith("vat.rate.construction on 2016-04-30: not in force: business tax")
    assert NotInForce("k", dt.date(2020, 1, 1), None, None, gap="only English").reason_in("zh") == "only English"


# -- the loader ---------------------------------------------------------------------------------

KEY = """
["vat.test.once"]
zh = "一次性政策"
en = "a one-off measure"
type = "flag"

[["vat.test.once".values]]
from = 2018-06-27
to = 2018-09-30
value = true
doc = "财税〔2018〕32号"
article = "第二条"

[["vat.test.once".values]]
from = 2018-10-01
to = "open"
{gap}
"""


@pytest.mark.parametrize(("gap", "message"), [
    ('gap = "a one-off measure"', r"values\[1\] \(2018-10-01 – open\): a gap gives its reason in Chinese \('gap_zh'\)"),
    ('gap_zh = "一次性政策"', r"values\[1\] \(2018-10-01 – open\): a gap gives its reason in English \('gap'\)"),
    ('gap = "a one-off measure"\ngap_zh = ""', r"in Chinese \('gap_zh'\)"),
    ('gap = "a one-off measure"\ngap_zh = 3', r"value 3 must be a non-empty string"),
    ('gap_zh = "一次性政策"\nvalue = true', "either a value or a gap, not both"),
])
def test_a_gap_without_both_reasons_is_refused_naming_the_file_key_and_entry(law_dir, gap, message):
    with pytest.raises(LawDataError, match=message) as info:
        Law.load(law_dir({"x/keys.toml": KEY.format(gap=gap)}))
    assert "x/keys.toml: [vat.test.once]" in str(info.value)


def test_a_gap_with_both_reasons_loads(law_dir):
    data = Law.load(law_dir({"x/keys.toml": KEY.format(gap='gap = "a one-off measure"\ngap_zh = "一次性政策"')}))
    with pytest.raises(NotInForce) as info:
        data.value("vat.test.once", "2018-10-01")
    assert (info.value.reason_in("en"), info.value.reason_in("zh")) == ("a one-off measure", "一次性政策")


# -- explanations in each language --------------------------------------------------------------


def _in_force_step(result, name: str = "in_force"):
    return next(s for s in result.steps if s.name == name)


def test_the_super_credit_before_2009_explains_itself_in_each_language():
    from taxcalc.vat import super_credit

    r = super_credit("2008-12-01", policy="living_services", creditable_input_tax="100", tax_before_credit="100")
    step = _in_force_step(r)
    reason = law.history("vat.super_credit.policies")[0]
    assert step.zh == f"加计抵减政策（生活性服务业）在本期有效（{reason.gap_zh}）"
    assert step.en == f"super-credit policy (living services) in force ({reason.gap})"
    assert "no input-VAT" not in r.explain("zh") and "no input-VAT super credit" in r.explain("en")


def test_reregistration_outside_a_window_explains_itself_in_each_language():
    from taxcalc.vat import may_reregister

    r = may_reregister([100] * 12, "2020-03-01")
    step = _in_force_step(r, "window_open")
    assert step.zh.startswith("转登记窗口开放（转登记期限未开放：2019年的转登记期限已于2019-12-31届满")
    assert step.en.startswith("re-registration window open (no re-registration window was open")
    assert "window" not in r.explain("zh")


def test_the_excess_credit_refund_before_2009_explains_itself_in_each_language():
    from taxcalc.vat import excess_credit_refund

    r = excess_credit_refund("2008-12-15", category="general", credit_rating="A", months=["2008-11"],
                             end_credits=["1000000"], base_credit="1000000", listed_input_tax="900000",
                             total_input_tax="1000000")
    step = _in_force_step(r)
    assert "一般纳税人尚无留抵退税" in step.zh and "no refund of excess input credit" not in step.zh
    assert "no refund of excess input credit" in step.en


def test_the_2018_refund_after_its_end_explains_itself_in_each_language():
    from taxcalc.export import excess_credit_refund_2018

    r = excess_credit_refund_2018(credit_rating="A", registered_on="2015-01-01", listed_input_tax="900000",
                                  total_input_tax="1000000", prior_period_end_credit="500000",
                                  end_2017_credit="800000", applied_on="2018-10-15", industry="manufacturing")
    step = _in_force_step(r)
    assert step.zh.startswith("财税〔2018〕70号在2018-10-15施行（一次性政策：财税〔2018〕70号规定的退税须于2018-09-30前办理完毕")
    assert "a one-off measure" in step.en and "a one-off measure" not in step.zh


def test_the_law_command_shows_a_gap_in_the_language_asked(capsys):
    assert main(["law", "vat.super_credit.policies"]) == 0
    zh = capsys.readouterr().out
    assert "尚无增值税加计抵减政策" in zh and "no input-VAT" not in zh
    assert main(["law", "vat.super_credit.policies", "--lang", "en"]) == 0
    assert "no input-VAT super credit" in capsys.readouterr().out
    assert main(["law", "vat.super_credit.policies", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)["values"][0]
    assert first["gap"].startswith("no input-VAT") and first["gap_zh"].startswith("尚无增值税加计抵减政策")


def test_the_coverage_of_a_day_gives_a_gaps_reason_in_the_language_asked(capsys):
    # no re-registration window was open on 2020-03-01: the rule and its keys say why in each language
    assert main(["law", "--coverage", "2020-03-01"]) == 0
    zh = capsys.readouterr().out.replace("\n", "").replace(" ", "")
    assert "vat.reregistration.lookback_months:转登记期限未开放：2019年的转登记期限已于2019-12-31届满" in zh
    assert "vat.reregistration.sales_cap" in zh and "no re-registration window" not in zh
    assert main(["law", "--coverage", "2020-03-01", "--lang", "en"]) == 0
    en = capsys.readouterr().out.replace("\n", " ")
    assert "no re-registration window was open" in " ".join(en.split()) and "转登记期限未开放" not in en


def test_every_refusal_of_the_law_has_its_reason_as_text_and_in_each_language():
    # as every error of taxcalc: ``reason`` is text (a handler may read it from any error);
    # ``reason_in(lang)`` gives it in either language, for a gap and for an unverified window alike
    gap = NotInForce("k", dt.date(2020, 1, 1), None, None, gap="not yet", gap_zh="尚未施行")
    assert (gap.reason, gap.reason_in("en"), gap.reason_in("zh")) == ("not yet", "not yet", "尚未施行")
    with pytest.raises(Unverified) as info:
        law.default().value("vat.small_loan_interest.credit_limit", "2026-06-30")
    err = info.value
    assert isinstance(err.reason, str) and err.reason_in("en") == err.reason
    assert err.reason.startswith("Not verified: ")
    assert err.reason_in("zh") == err.reason_zh and err.reason_zh.startswith("未核实：")

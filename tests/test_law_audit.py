"""Golden values of the law data corrected by the audit of 2026-11-23 (docs/law-audit.md).

Each test pins the legal value and its citation on the day a corrected value starts and
the day before, so a later edit of the data cannot silently undo the correction.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from taxcalc import law
from taxcalc.errors import OutsideCoverage

DATA = law.default()
D = Decimal


def cited(key: str, day: str, known_on: str | None = None) -> tuple[object, str]:
    v = DATA.value(key, day, known_on)
    return v.value, str(v.citation)


# -- 财政部 税务总局公告2023年第12号: the definition of a small low-profit enterprise is 第五条 --

@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("eit.small_profit.income_cap", D("3000000")),
        ("eit.small_profit.employees_cap.industrial", 300),
        ("eit.small_profit.employees_cap.other", 300),
        ("eit.small_profit.assets_cap.industrial", D("50000000")),
        ("eit.small_profit.assets_cap.other", D("50000000")),
        ("eit.small_profit.averaging", "quarterly"),
    ],
)
def test_small_profit_caps_2025_to_2027_cite_the_definition_article(key, value):
    assert cited(key, "2024-12-31") == (value, "财政部 税务总局公告2022年第13号 二")
    assert cited(key, "2025-01-01") == (value, "财政部 税务总局公告2023年第12号 第五条")
    assert cited(key, "2027-12-31") == (value, "财政部 税务总局公告2023年第12号 第五条")
    with pytest.raises(OutsideCoverage):
        DATA.value(key, "2028-01-01")


def test_small_profit_relief_2025_to_2027_still_cites_the_continuation_article():
    for key, value in (
        ("eit.small_profit.band1.limit", D("1000000")),
        ("eit.small_profit.band1.ratio", D("0.25")),
        ("eit.small_profit.band2.ratio", D("0.25")),
    ):
        assert cited(key, "2025-01-01") == (value, "财政部 税务总局公告2023年第12号 第三条")
    assert DATA.spec("eit.small_profit.income_cap").values[-1].last == dt.date(2027, 12, 31)


# -- 财税〔2017〕43号: 二 (quarterly averages) verified; published 2017-06-08 ----------------

def test_2017_averaging_is_the_quarterly_rule_of_43hao_two():
    assert cited("eit.small_profit.averaging", "2017-01-01") == ("quarterly", "财税〔2017〕43号 二")
    assert "Unverified" not in DATA.value("eit.small_profit.averaging", "2017-12-31").note
    # The day before: the monthly averages of 财税〔2009〕69号 七 (2008–2016).
    assert cited("eit.small_profit.averaging", "2016-12-31") == ("monthly", "财税〔2009〕69号 七")
    with pytest.raises(OutsideCoverage):
        DATA.value("eit.small_profit.averaging", "2007-12-31")


def test_43hao_is_known_from_its_publication_day():
    assert DATA.document("财税〔2017〕43号").known_from == dt.date(2017, 6, 8)
    # the day before, 2017 still had the 30万 cap of the regulations
    assert cited("eit.small_profit.income_cap", "2017-12-31", known_on="2017-06-07") == (
        D("300000"), "国务院令第512号 第九十二条"
    )
    assert cited("eit.small_profit.income_cap", "2017-12-31", known_on="2017-06-08") == (
        D("500000"), "财税〔2017〕43号 一"
    )


# -- 国家税务总局公告2023年第1号 has no article running the exemption to 2027 ---------------

@pytest.mark.parametrize("key", ["vat.small_scale.exemption.quarterly", "vat.small_scale.exemption.basis"])
def test_2023_to_2025_notes_name_the_notice_that_runs_the_policy_to_2027(key):
    v = DATA.value(key, "2025-12-31")
    assert str(v.citation) == "国家税务总局公告2023年第1号 第一条"
    assert "财政部 税务总局公告2023年第19号 第一条, whose 第三条" in v.note
    assert DATA.value(key, "2023-01-01") is v
    with pytest.raises(OutsideCoverage):
        DATA.value(key, "2026-01-01")


# -- 财政部 税务总局公告2021年第7号: published 2021-03-23 ------------------------------------

def test_2021_one_percent_is_known_from_the_publication_of_2021_no_7():
    assert DATA.document("财政部 税务总局公告2021年第7号").known_from == dt.date(2021, 3, 23)
    assert cited("vat.small_scale.levy_rate", "2021-01-01", known_on="2021-03-22") == (
        D("0.03"), "国务院令第538号 第十二条"
    )
    assert cited("vat.small_scale.levy_rate", "2021-01-01", known_on="2021-03-23") == (
        D("0.01"), "财政部 税务总局公告2021年第7号 第一条"
    )
    assert cited("vat.small_scale.levy_rate", "2021-12-31") == (D("0.01"), "财政部 税务总局公告2021年第7号 第一条")
    assert cited("vat.small_scale.levy_rate", "2020-12-31") == (D("0.01"), "财政部 税务总局公告2020年第24号 正文")


# -- film losses of 2021: kept at 5 years, flagged as an open question ----------------

def test_film_losses_2021_keep_five_years_with_the_open_question_noted():
    assert cited("eit.losses.years.film", "2020-12-31") == (8, "财政部 税务总局公告2020年第25号 第二条")
    v = DATA.value("eit.losses.years.film", "2021-01-01")
    assert (v.value, str(v.citation)) == (5, "主席令第63号 第十八条")
    assert "2021年第7号 第二条" in v.note and "Open question" in v.note


# -- 财政部 税务总局公告2021年第25号: number corroborated, still marked secondary -------------

def test_steel_list_of_august_2021_is_cited_as_2021_no_25():
    key = "export.rate_change.product_list"
    assert cited(key, "2021-07-31") == (True, "财政部 税务总局公告2021年第16号 第一条")
    assert cited(key, "2021-08-01") == (True, "财政部 税务总局公告2021年第25号 第一条")
    doc = DATA.document("财政部 税务总局公告2021年第25号")
    assert (doc.issued, doc.effective_from) == (dt.date(2021, 7, 29), dt.date(2021, 8, 1))
    assert "secondary" in doc.note and "content_5628266" in doc.source


# -- 财税〔2012〕39号: 三 is the rebate-rate article, 五 the computation -------------------------

def test_39hao_numbering_recorded_in_the_register():
    note = DATA.document("财税〔2012〕39号").note
    assert "三 the rebate rates" in note and "五 the computation" in note
    assert cited("export.method.exempt_credit_refund", "2012-07-01") == ("免抵退", "财税〔2012〕39号 第五条第（一）项")
    assert cited("export.method.exempt_refund", "2025-12-31") == ("免退", "财税〔2012〕39号 第五条第（二）项")


# -- 国务院令第538号: promulgated 2008-11-10 ------------------------------------------------

def test_2008_regulations_known_from_promulgation():
    doc = DATA.document("国务院令第538号")
    assert (doc.issued, doc.known_from, doc.effective_from) == (
        dt.date(2008, 11, 10), dt.date(2008, 11, 10), dt.date(2009, 1, 1)
    )
    assert "mofcom.gov.cn" in doc.source
    assert cited("vat.rate.standard", "2009-01-01") == (D("0.17"), "国务院令第538号 第二条第（一）项")
    assert cited("vat.rate.standard", "2008-12-31") == (D("0.17"), "国务院令第134号 第二条第（一）项")
    with pytest.raises(OutsideCoverage):
        DATA.value("vat.rate.standard", "2001-12-31")


# -- 财政部 税务总局公告2020年第25号: announced 2020-05-14 ---------------------------------

def test_film_losses_2020_known_from_the_announcement():
    assert DATA.document("财政部 税务总局公告2020年第25号").known_from == dt.date(2020, 5, 14)
    assert cited("eit.losses.years.film", "2020-12-31", known_on="2020-05-13") == (5, "主席令第63号 第十八条")
    assert cited("eit.losses.years.film", "2020-12-31", known_on="2020-05-14") == (
        8, "财政部 税务总局公告2020年第25号 第二条"
    )


# -- 国家税务总局公告2023年第1号: title and 第一条 verified; 2024–2025 use is an assumption ----

def test_2023_collection_notice_verified_and_its_later_use_flagged():
    doc = DATA.document("国家税务总局公告2023年第1号")
    assert doc.title == "国家税务总局关于增值税小规模纳税人减免增值税等政策有关征管事项的公告"
    assert "verified" in doc.note and "assumption" in doc.note
    assert cited("vat.small_scale.exemption.quarterly", "2022-12-31") == (D("450000"), "国家税务总局公告2021年第5号 第一条")
    assert cited("vat.small_scale.exemption.quarterly", "2023-01-01") == (D("300000"), "国家税务总局公告2023年第1号 第一条")
    assert cited("vat.small_scale.exemption.monthly", "2023-12-31") == (D("100000"), "财政部 税务总局公告2023年第1号 第一条")
    assert cited("vat.small_scale.exemption.monthly", "2024-01-01") == (D("100000"), "财政部 税务总局公告2023年第19号 第一条")


# -- 国家税务总局公告2021年第5号: title corrected ------------------------------------------------

def test_2021_collection_notice_title():
    doc = DATA.document("国家税务总局公告2021年第5号")
    assert doc.title == "国家税务总局关于小规模纳税人免征增值税征管问题的公告"
    assert cited("vat.small_scale.exemption.quarterly", "2021-03-31") == (D("300000"), "国家税务总局公告2019年第4号 第一条")
    assert cited("vat.small_scale.exemption.quarterly", "2021-04-01") == (D("450000"), "国家税务总局公告2021年第5号 第一条")


# -- 国务院令第538号: the export zero rate is 第二条第（四）项 of the text revised on 2017-11-19 --

def test_export_zero_rate_article_follows_the_2017_revision():
    assert cited("vat.rate.export", "2017-11-18") == (D("0"), "国务院令第538号 第二条第（三）项")
    assert cited("vat.rate.export", "2017-11-19") == (D("0"), "国务院令第538号 第二条第（四）项")
    assert cited("vat.rate.export", "2018-05-01") == (D("0"), "国务院令第538号 第二条第（四）项")
    assert cited("vat.rate.export", "2025-12-31") == (D("0"), "国务院令第538号 第二条第（四）项")
    assert cited("vat.rate.export", "2026-01-01") == (D("0"), "中华人民共和国增值税法 第十条第（四）项")


def test_processing_repair_article_follows_the_2017_revision():
    assert cited("vat.rate.processing_repair", "2017-11-18") == (D("0.17"), "国务院令第538号 第二条第（四）项")
    assert cited("vat.rate.processing_repair", "2017-11-19") == (D("0.17"), "国务院令第538号 第二条第（一）项")
    assert cited("vat.rate.processing_repair", "2018-04-30") == (D("0.17"), "国务院令第538号 第二条第（一）项")
    assert cited("vat.rate.processing_repair", "2018-05-01") == (D("0.16"), "财税〔2018〕32号 第一条")
    # as known before 32号 was published, the 17% of the revised text ran on
    assert DATA.value("vat.rate.processing_repair", "2018-06-01", known_on="2018-04-03").citation.article == "第二条第（一）项"

"""The law of 2026 in the data: each change on the day before and the day of its switch
day, its citation, and which keys answer on 2026-12-01 (docs/law-audit.md, "Keys that do
not answer on 2026-12-01")."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from taxcalc import law
from taxcalc.errors import OutsideCoverage
from taxcalc.export import Catalogue, rebate_rate
from taxcalc.vat import small_scale_vat

DATA = law.default()
D = Decimal
AUDIT = Path(__file__).resolve().parent.parent / "docs" / "law-audit.md"

TEN = "财政部 税务总局公告2026年第10号"
NINETEEN = "财政部 税务总局公告2023年第19号"


def cited(key: str, day: str, known_on: str | None = None) -> tuple[object, str]:
    v = DATA.value(key, day, known_on)
    return v.value, str(v.citation)


# -- the register -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("number", "issued", "known_from", "effective_from"),
    [
        (TEN, "2026-01-30", "2026-01-30", "2026-01-01"),
        ("国家税务总局公告2026年第4号", "2026-01-30", "2026-01-30", "2026-01-01"),
        ("财政部 税务总局公告2026年第9号", "2026-01-30", "2026-01-30", "2026-01-01"),
        ("财政部 税务总局公告2026年第11号", "2026-01-30", "2026-01-30", "2026-01-01"),
        ("财政部 税务总局公告2026年第2号", "2026-01-08", "2026-01-09", "2026-04-01"),
    ],
)
def test_the_2026_notices_are_registered_with_their_days(number, issued, known_from, effective_from):
    d = law.document(number)
    assert (str(d.issued), str(d.known_from), str(d.effective_from)) == (issued, known_from, effective_from)
    assert d.source and d.note


def test_secondary_sources_are_said_to_be_secondary():
    for number in (TEN, "国家税务总局公告2026年第4号", "财政部 税务总局公告2026年第9号", "财政部 税务总局公告2026年第11号"):
        assert "Secondary sources only" in law.document(number).note, number


# -- small-scale: the 2026 起征点 and the 1% levy --------------------------------------------

@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("vat.small_scale.start_point.monthly", D("100000")),
        ("vat.small_scale.start_point.quarterly", D("300000")),
        ("vat.small_scale.start_point.per_transaction", D("1000")),
    ],
)
def test_the_2026_start_points_run_from_2026_to_2027(key, value):
    with pytest.raises(OutsideCoverage):
        DATA.value(key, "2025-12-31")
    assert cited(key, "2026-01-01") == (value, f"{TEN} 第一条")
    assert cited(key, "2026-12-01") == (value, f"{TEN} 第一条")
    assert cited(key, "2027-12-31") == (value, f"{TEN} 第一条")
    with pytest.raises(OutsideCoverage):
        DATA.value(key, "2028-01-01")
    assert "strict" in DATA.spec(key).en


@pytest.mark.parametrize(
    ("key", "value", "citation", "stopped_by"),
    [
        ("vat.small_scale.exemption.monthly", D("100000"), f"{NINETEEN} 第一条", TEN),
        ("vat.small_scale.exemption.quarterly", D("300000"), "国家税务总局公告2023年第1号 第一条", "国家税务总局公告2026年第4号"),
        ("vat.small_scale.exemption.basis", "combined", "国家税务总局公告2023年第1号 第一条", "国家税务总局公告2026年第4号"),
    ],
)
def test_the_inclusive_limits_end_on_2025_12_31(key, value, citation, stopped_by):
    v = DATA.value(key, "2025-12-31")
    assert (v.value, str(v.citation), v.superseded_by) == (value, citation, stopped_by)
    with pytest.raises(OutsideCoverage):
        DATA.value(key, "2026-01-01")
    # as known before the 2026 notices were published, the 2023 rules still ran on
    assert cited(key, "2026-03-01", known_on="2026-01-29") == (value, citation)
    with pytest.raises(OutsideCoverage):
        DATA.value(key, "2026-03-01", known_on="2026-01-30")


def test_the_1pct_levy_continues_in_2026_and_2027():
    assert cited("vat.small_scale.levy_rate", "2025-12-31") == (D("0.01"), f"{NINETEEN} 第二条")
    assert cited("vat.small_scale.levy_rate", "2026-01-01") == (D("0.01"), f"{TEN} 第三条")
    assert cited("vat.small_scale.levy_rate", "2027-12-31") == (D("0.01"), f"{TEN} 第三条")
    with pytest.raises(OutsideCoverage):
        DATA.value("vat.small_scale.levy_rate", "2028-01-01")
    # as known before 10号: 19号 第三条 ran the 1% to 2027-12-31
    assert cited("vat.small_scale.levy_rate", "2026-06-01", known_on="2026-01-29") == (D("0.01"), f"{NINETEEN} 第二条")


def test_the_last_inclusive_month_at_the_threshold():
    # December 2025: 10万 exactly is exempt ("10万元以下（含本数）"), one fen over is taxed at 1%
    assert small_scale_vat("100000", "2025-12-01").exempt
    r = small_scale_vat("100000.01", "2025-12-01")
    assert (r.exempt, r.tax_due) == (False, D("1000.00"))
    assert small_scale_vat("300000", "2025-10-01", period="quarter").exempt
    # January 2026: the strict 起征点 — one fen below is exempt, 10万 exactly is taxed in full
    assert small_scale_vat("99999.99", "2026-01-01").exempt
    r = small_scale_vat("100000", "2026-01-01")
    assert (r.exempt, r.tax_due) == (False, D("1000.00"))


# -- export -------------------------------------------------------------------------------

def test_rate_notices_from_2026():
    key = "export.rate_change.product_list"
    assert cited(key, "2025-12-31") == (True, "财政部 税务总局公告2024年第15号 第一条、第二条")
    assert cited(key, "2026-01-01") == (True, "财政部 税务总局公告2024年第15号 第一条、第二条")
    assert cited(key, "2026-03-31") == (True, "财政部 税务总局公告2024年第15号 第一条、第二条")
    assert cited(key, "2026-04-01") == (True, "财政部 税务总局公告2026年第2号 第一条、第二条")
    assert cited(key, "2026-12-31") == (True, "财政部 税务总局公告2026年第2号 第一条、第二条")
    assert cited(key, "2027-01-01") == (True, "财政部 税务总局公告2026年第2号 第二条")
    # before 2号 was published (2026-01-09), 2024年第15号 was the latest for 2026-04-01 too
    assert cited(key, "2026-04-01", known_on="2026-01-08") == (True, "财政部 税务总局公告2024年第15号 第一条、第二条")
    assert cited(key, "2026-04-01", known_on="2026-01-09") == (True, "财政部 税务总局公告2026年第2号 第一条、第二条")


@pytest.mark.parametrize("day", ["2025-12-31", "2026-01-01", "2026-03-31", "2026-04-01", "2027-01-01"])
def test_rates_derive_across_2026(day):
    r = rebate_rate("9901000010", day, catalogue=Catalogue.sample())
    assert r.rate == D("0.13")


def test_a_derived_rate_after_2026_04_01_assumes_the_product_is_not_on_the_2026_list():
    before = rebate_rate("9901000010", "2026-03-31", catalogue=Catalogue.sample())
    after = rebate_rate("9901000010", "2026-04-01", catalogue=Catalogue.sample())
    assert not any("2026年第2号" in a for a in before.assumptions)
    assert any("2026年第2号" in a for a in after.assumptions)


def test_tier_mappings_answer_after_2025():
    for key in DATA.keys("export.tier_"):
        assert DATA.value(key, "2026-12-01").value is not None, key
    assert cited("export.tier_2019_04.rebate_16", "2026-01-01") == (D("0.13"), "财政部 税务总局 海关总署公告2019年第39号 第三条第一款")


@pytest.mark.parametrize("key", ["export.method.exempt_credit_refund", "export.method.exempt_refund"])
def test_refund_methods_switch_to_2026_no_11_on_2026_01_01(key):
    old = DATA.value(key, "2025-12-31")
    assert old.citation.doc == "财税〔2012〕39号"
    assert (old.superseded_by, old.enacted_last) == ("财政部 税务总局公告2026年第11号", None)
    new = DATA.value(key, "2026-01-01")
    assert (new.value, str(new.citation)) == (old.value, "财政部 税务总局公告2026年第11号 （条次未核实）")
    assert "Secondary sources only" in new.note and "36-month" in new.note
    assert DATA.value(key, "2026-12-01") == new
    # as known before 11号 was published (2026-01-30), 39号 still ran on into 2026
    assert DATA.value(key, "2026-01-01", known_on="2026-01-29").citation.doc == "财税〔2012〕39号"
    with pytest.raises(OutsideCoverage):
        DATA.value(key, "2001-12-31")  # the methods start 2002-01-01


# -- telecom: mobile data, SMS/MMS and broadband move to basic telecom -----------------------

def test_telecom_bands_say_what_they_cover_from_2026():
    basic, added = DATA.spec("vat.rate.basic_telecom"), DATA.spec("vat.rate.value_added_telecom")
    assert "2026-01-01" in basic.en and "mobile data" in basic.en and "including" in basic.en
    assert "2026-01-01" in added.en and "mobile data" in added.en and "excluding" in added.en
    assert cited("vat.rate.basic_telecom", "2025-12-31") == (D("0.09"), "财政部 税务总局 海关总署公告2019年第39号 第一条")
    assert cited("vat.rate.basic_telecom", "2026-01-01") == (D("0.09"), "中华人民共和国增值税法 第十条第（二）项")
    assert cited("vat.rate.value_added_telecom", "2025-12-31")[0] == D("0.06")
    assert cited("vat.rate.value_added_telecom", "2026-01-01") == (D("0.06"), "中华人民共和国增值税法 第十条第（三）项")
    for key in ("vat.rate.basic_telecom", "vat.rate.value_added_telecom"):
        assert "财政部 税务总局公告2026年第9号" in DATA.value(key, "2026-01-01").note
        assert "2026年第9号" not in DATA.value(key, "2025-12-31").note


# -- coverage on 2026-12-01 -------------------------------------------------------------------

def _audit_ended_keys() -> set[str]:
    text = AUDIT.read_text("utf-8")
    section = text.split("## Keys that do not answer on 2026-12-01", 1)[1].split("\n## ", 1)[0]
    keys = set(re.findall(r"`([a-z0-9_]+(?:\.[a-z0-9_]+)+)`", section))
    return {k for k in keys if k in set(law.keys())}


def test_every_key_answers_on_2026_12_01_unless_the_audit_lists_it():
    silent = {r.key for r in law.coverage("2026-12-01") if not r.answers}
    assert silent == _audit_ended_keys()


def test_coverage_says_where_and_why_data_stop():
    rows = {r.key: r for r in law.coverage(dt.date(2026, 12, 1))}
    assert len(rows) == len(law.keys())
    r = rows["vat.small_scale.exemption.monthly"]
    assert (r.status, r.last, r.citation) == ("ended", dt.date(2025, 12, 31), f"{NINETEEN} 第一条")
    assert TEN in r.reason
    r = rows["vat.agri.deduction_rate_top_rate_goods"]   # the ordinary rate answers from 2026
    assert (r.answers, r.status) == (False, "unverified") and r.reason.startswith("Not verified: ")
    assert rows["vat.small_scale.levy_rate"].citation == f"{TEN} 第三条"
    # on the day before the 2026 switch, every small-scale key answers
    before = {r.key: r for r in law.coverage("2025-12-31")}
    assert all(before[k].answers for k in law.keys("vat.small_scale.exemption."))
    assert not any(before[k].answers for k in law.keys("vat.small_scale.start_point."))


def test_coverage_as_known_on():
    known = law.default().as_known_on("2026-01-29")
    rows = {r.key: r for r in law.coverage("2026-03-01", law=known)}
    assert rows["vat.small_scale.exemption.monthly"].answers
    assert not rows["vat.small_scale.start_point.monthly"].answers

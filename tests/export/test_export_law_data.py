"""The export law data agrees with the notices and with itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from taxcalc import law
from taxcalc.export import (
    Catalogue,
    ExemptCreditRefundInput,
    ExportLine,
    PurchaseLine,
    excess_credit_refund_2018,
    exempt_credit_refund,
    exempt_refund,
    rebate_rate,
)
from taxcalc.export.rebate_rate import _rules

D = law.default()


def test_tier_mappings_as_printed_in_the_notices():
    expect = {
        "export.tier_2018_05.rebate_17": ("16%", "财税〔2018〕32号 第四条"),
        "export.tier_2018_05.rebate_11": ("10%", "财税〔2018〕32号 第四条"),
        "export.tier_2018_11.rebate_15": ("16%", "财税〔2018〕123号 第三条"),
        "export.tier_2018_11.rebate_9": ("10%", "财税〔2018〕123号 第三条"),
        "export.tier_2018_11.rebate_5": ("6%", "财税〔2018〕123号 第三条"),
        "export.tier_2019_04.rebate_16": ("13%", "财政部 税务总局 海关总署公告2019年第39号 第三条第一款"),
        "export.tier_2019_04.rebate_10": ("9%", "财政部 税务总局 海关总署公告2019年第39号 第三条第一款"),
    }
    for key, (value, cite) in expect.items():
        v = D.value(key, D.spec(key).first)
        assert (v.value, str(v.citation)) == (Decimal(value[:-1]) / 100, cite), key
    assert D.get("export.tier_2018_11.cancelled", "2018-11-01") == ("23040010", "23040090")
    assert [s.day for s in _rules(D).switches] == [dt.date(2018, 5, 1), dt.date(2018, 11, 1), dt.date(2019, 4, 1)]


@pytest.mark.parametrize(
    ("key", "last_true", "first_false"),
    [("export.tier_2018_05.transition", "2018-07-31", "2018-08-01"),
     ("export.tier_2019_04.transition", "2019-06-30", "2019-07-01")],
)
def test_transition_windows(key, last_true, first_false):
    assert D.get(key, last_true) is True and D.get(key, first_false) is False


def test_levy_maps_agree_with_every_vat_rate_band_in_the_law():
    """The levy maps repeat 32号 第一条 and 2019年第39号 第一条; every vat.rate.* band must agree."""
    for s in _rules(D).switches:
        for band in D.keys("vat.rate."):
            spec = D.spec(band)
            if spec.type != "rate" or not (spec.first < s.day and (spec.last is None or s.day <= spec.last)):
                continue
            eve, day = D.get(band, s.day - dt.timedelta(1)), D.get(band, s.day)
            if eve in s.levy:
                assert s.levy[eve].value == day, (band, s.day)
            else:
                assert eve == day, (band, s.day)


def test_switch_days_are_rate_change_days_and_coverage():
    starts = {v.first for v in D.history("export.rate_change.product_list")}
    assert {s.day for s in _rules(D).switches} <= starts
    spec = D.spec("export.rate_change.product_list")
    # no end: rate notices carry forward (the last, 2026年第2号, cancels battery rebates from 2027)
    assert (spec.first, spec.last) == (dt.date(2002, 1, 1), None)
    # read as known on a day before 2019年第39号 was published, the 2019 switch does not exist
    assert [s.day for s in _rules(D.as_known_on("2019-03-01")).switches] == [dt.date(2018, 5, 1), dt.date(2018, 11, 1)]


def test_the_eighteen_industries_in_the_order_of_the_annex():
    names = D.get("vat.excess_credit_refund_2018.industries", "2018-07-01")
    assert names[0] == "化学原料和化学制品制造业" and names[6] == "专用设备制造业"
    assert names[8] == "铁路、船舶、航空航天和其他运输设备制造业" and names[-1] == "生态保护和环境治理业"
    assert len(set(names)) == 18


def test_every_citation_the_export_rules_print_is_registered():
    s = Catalogue.sample()
    results = [
        rebate_rate("9901000010", "2018-06-01", catalogue=s),
        rebate_rate("9901000030", "2019-05-01", catalogue=s, exporter="trader", purchase_vat_rate="10%",
                    supplier_collection_rate="3%", levy_rate="9%"),
        rebate_rate("9901000030", "2018-08-01", catalogue=s, kind="service", levy_rate="10%"),
        rebate_rate("23040010", "2019-01-01", catalogue=s),
        rebate_rate("99030000", "2025-01-01", levy_rate="9%", catalogue=Catalogue.from_rows(
            [{"code": "99030000", "rate": "13%", "first": "2019-04-01", "last": "open", "citation": "t"}])),
        exempt_credit_refund(ExemptCreditRefundInput(period="2018-06-01", exports=[
            ExportLine(fob="100", levy_rate="16%", rebate_rate="17%"), ExportLine(fob="100", exchange_rate="7",
                                                                               levy_rate="16%", rebate_rate="13%")])),
        exempt_credit_refund(ExemptCreditRefundInput(period="2019-06-01", exports=[
            ExportLine(fob="100", levy_rate="13%", rebate_rate="16%")])),
        exempt_refund([PurchaseLine(amount="1", purchase_vat_rate="3%", rebate_rate="13%",
                                    supplier_collection_rate="3%", export_date="2019-08-01")]),
        excess_credit_refund_2018(industry="医药制造业", credit_rating="B", registered_on="2016-01-01",
                                  listed_input_tax="1", total_input_tax="2", prior_period_end_credit="10",
                                  end_2017_credit="10", applied_on="2018-09-01"),
        excess_credit_refund_2018(grid_company=True, credit_rating="A", registered_on="2010-01-01",
                                  listed_input_tax="1", total_input_tax="2", prior_period_end_credit="10",
                                  end_2017_credit="10", applied_on="2018-09-01"),
    ]
    docs = set()
    for r in results:
        steps = list(r.steps) + [st for ln in getattr(r, "lines", ()) for st in ln.steps]
        for step in steps:
            for c in step.cite:
                if c.doc.startswith("catalogue ") or c.doc == "taxcalc":
                    continue
                docs.add(c.doc)
                assert c.article, step
    for doc in docs:
        assert D.document(doc).number == doc
    assert {"财税〔2012〕39号", "财税〔2018〕32号", "财税〔2018〕123号", "财税〔2018〕70号",
            "财政部 税务总局 海关总署公告2019年第39号"} <= docs

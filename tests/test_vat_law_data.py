"""The VAT law data: windows tile each key's coverage, values sit inside their documents'
effective windows, superseded values are readable "as known on" a day, and the
shared document 财税〔2019〕13号 is registered here."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.errors import NotInForce, OutsideCoverage, Unverified

DATA = law.default()
VAT_KEYS = DATA.keys("vat.")
ONE = dt.timedelta(days=1)


def test_the_vat_keys_exist():
    assert len(DATA.keys("vat.rate.")) == 18
    for key in (
        "vat.agri.deduction_rate", "vat.agri.deduction_rate_top_rate_goods",
        "vat.small_scale.standard.production", "vat.small_scale.standard.commerce",
        "vat.small_scale.standard.services", "vat.small_scale.exemption.monthly",
        "vat.small_scale.exemption.quarterly", "vat.small_scale.exemption.basis",
        "vat.small_scale.levy_rate", "vat.reregistration.sales_cap", "vat.reregistration.scope",
        "vat.reregistration.lookback_months", "vat.reregistration.lookback_quarters",
        "vat.invoice.original_rate_rule",
    ):
        assert key in VAT_KEYS


@pytest.mark.parametrize("key", VAT_KEYS)
def test_windows_tile_the_coverage(key):
    values = DATA.spec(key).values
    for a, b in zip(values, values[1:], strict=False):
        assert a.last is not None and a.last + ONE == b.first, key
    if values[0].gap:  # the years before the measure existed: followed by a value, citing what started it
        assert len(values) > 1 and not values[1].gap and values[0].citation.doc, key
    # a measure ended for good: an open gap; a window whose law was not verified may end on a day
    assert not values[-1].gap or values[-1].last is None or values[-1].unverified
    assert values[-1].last is None or values[-1].last >= values[0].first


@given(st.dates(dt.date(2005, 1, 1), dt.date(2035, 12, 31)))
def test_every_day_has_exactly_one_value_or_the_coverage_error(day):
    for key in VAT_KEYS:
        spec = DATA.spec(key)
        holding = [v for v in spec.values if v.first <= day and (v.last is None or day <= v.last)]
        if spec.first <= day and (spec.last is None or day <= spec.last):
            assert len(holding) == 1, key
            if holding[0].gap:
                with pytest.raises(Unverified if holding[0].unverified else NotInForce):
                    DATA.value(key, day)
            else:
                assert DATA.value(key, day) is holding[0]
        else:
            assert holding == []
            with pytest.raises(OutsideCoverage):
                DATA.value(key, day)


@pytest.mark.parametrize("key", VAT_KEYS)
def test_each_value_lies_inside_its_documents_effective_window(key):
    for v in DATA.spec(key).values:
        if v.gap:
            continue
        doc = DATA.document(v.citation.doc)
        assert v.first >= doc.effective_from, (key, v.first, doc.number)
        if doc.effective_to is not None:
            assert v.last is not None and v.last <= doc.effective_to, (key, v.first, doc.number)


@pytest.mark.parametrize("key", VAT_KEYS)
def test_superseded_values_point_at_a_later_document(key):
    spec = DATA.spec(key)
    for v in (*spec.values, *spec.superseded):
        if v.superseded_by:
            assert DATA.document(v.superseded_by).known_from >= v.published, key


def test_retroactive_windows_read_as_known_on():
    # 财税〔2019〕13号 (2019-01-17) raised January 2019's limit retroactively
    assert DATA.get("vat.small_scale.exemption.monthly", "2019-01-15", known_on="2019-01-16") == 30000
    assert DATA.get("vat.small_scale.exemption.monthly", "2019-01-15", known_on="2019-01-17") == 100000
    # 2021年第11号 (2021-03-31) cut 13号's 10万 short at 2021-03-31
    assert DATA.get("vat.small_scale.exemption.monthly", "2021-06-01", known_on="2021-03-30") == 100000
    assert DATA.get("vat.small_scale.exemption.monthly", "2021-06-01", known_on="2021-03-31") == 150000


def test_shared_document_registered_once_here():
    doc = DATA.document("财税〔2019〕13号")
    assert doc.title == "财政部 税务总局关于实施小微企业普惠性税收减免政策的通知"
    assert (doc.issued, doc.effective_from, doc.effective_to) == (
        dt.date(2019, 1, 17), dt.date(2019, 1, 1), dt.date(2021, 12, 31)
    )


def test_every_vat_citation_has_an_article():
    for key in VAT_KEYS:
        spec = DATA.spec(key)
        for v in (*spec.values, *spec.superseded):
            if not v.gap:
                assert v.citation.article, (key, v.first)

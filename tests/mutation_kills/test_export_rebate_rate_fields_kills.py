"""The rebate-rate look-up: the fields its refusals name, the deciding date's citation before
财税〔2012〕39号, and the collection-rate cap exactly at the rebate rate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.export import Catalogue, rebate_rate

CAT = Catalogue.from_rows([
    {"code": "99010000", "rate": "17%", "first": "2009-06-01", "last": "2014-12-31", "citation": "test row"},
    {"code": "99020000", "rate": "13%", "first": "2019-04-01", "last": "open", "levy": "13%", "citation": "test row"},
], source="test")


def test_before_39号_the_deciding_date_cites_the_execution_clause_of_the_rate_notice():
    r = rebate_rate("99010000", "2012-06-30", catalogue=CAT)
    assert [str(c) for c in r.step("export_date").cite] == ["财税〔2009〕88号 执行时间"]


@pytest.mark.parametrize("field", ["purchase_vat_rate", "supplier_collection_rate"])
def test_a_bad_rate_of_a_trader_names_its_field(field):
    with pytest.raises(InvalidInput) as info:
        rebate_rate("99020000", "2019-07-01", catalogue=CAT, exporter="trader", **{field: "thirteen"})
    assert info.value.field == field
    with pytest.raises(InvalidInput) as info:
        rebate_rate("99020000", "2019-07-01", catalogue=CAT, exporter="trader", **{field: "60%"})
    assert info.value.field == field


@pytest.mark.parametrize(("field", "value"), [("exporter", "broker"), ("kind", "rights")])
def test_an_unknown_exporter_or_kind_is_named_with_its_value(field, value):
    with pytest.raises(UnknownCategory) as info:
        rebate_rate("99020000", "2019-07-01", catalogue=CAT, **{field: value})
    assert (info.value.field, info.value.value) == (field, value)
    assert f"unknown value {value!r}" in str(info.value)


def test_a_collection_rate_equal_to_the_rebate_rate_caps_nothing():
    r = rebate_rate("99020000", "2019-07-01", catalogue=CAT, exporter="trader", purchase_vat_rate="13%",
                    supplier_collection_rate="13%")
    assert r.rate == Decimal("0.13") and "collection_cap" not in [s.name for s in r.steps]
    below = rebate_rate("99020000", "2019-07-01", catalogue=CAT, exporter="trader", purchase_vat_rate="13%",
                        supplier_collection_rate="12.99%")
    assert below.rate == Decimal("0.1299") and below.step("collection_cap").value == Decimal("0.1299")
    # before 39号 the cap is outside the data: a collection rate that caps nothing is no reason to refuse
    old = rebate_rate("99010000", "2011-07-01", catalogue=CAT, exporter="trader", purchase_vat_rate="17%",
                      supplier_collection_rate="17%")
    assert old.rate == Decimal("0.17")

"""What the VAT rule modules share (``taxcalc.vat._common``): the bands the law knows, a band's rate on
a day with its step, the refusal of an unknown band naming every band, and dates.  Each test reads a
law of its own (``Law.memo`` keeps what a law gave the code that read it)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest

from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.law import Law, default
from taxcalc.vat._common import (
    BAND_PREFIX,
    band_rate,
    band_value,
    bands_of,
    day,
    law_or_default,
    value_step,
)

BANDS = ("basic_telecom", "construction", "cross_border_services", "export", "financial_services", "intangibles",
         "land_use_rights", "life_services", "low_rate_goods", "modern_services", "postal", "processing_repair",
         "real_estate", "real_estate_leasing", "standard", "tangible_leasing", "transport", "value_added_telecom")
UNKNOWN = "unknown value {!r}; expected one of: " + ", ".join(BANDS)
STANDARD_ZH = "增值税税率：销售或进口货物、加工修理修配劳务（基本税率）"
STANDARD_EN = "VAT rate: goods, imports, processing and repair services (standard band)"


def fresh() -> Law:
    return default().with_values({})


def test_the_bands_are_the_keys_under_vat_rate_sorted() -> None:
    law = fresh()
    assert BAND_PREFIX == "vat.rate."
    assert bands_of(law) == BANDS
    assert bands_of(law) is bands_of(law)  # listed once per law


def test_law_or_default() -> None:
    law = fresh()
    assert law_or_default(law) is law
    assert law_or_default(None) is default()


@pytest.mark.parametrize(("band", "on", "rate", "cite"), [
    ("standard", _dt.date(2019, 3, 31), "0.16", ("财税〔2018〕32号", "第一条")),
    ("standard", _dt.date(2019, 4, 1), "0.13", ("财政部 税务总局 海关总署公告2019年第39号", "第一条")),
    ("transport", _dt.date(2019, 4, 1), "0.09", ("财政部 税务总局 海关总署公告2019年第39号", "第一条")),
])
def test_a_band_rate_on_a_day_with_its_step(band: str, on: _dt.date, rate: str, cite: tuple[str, str]) -> None:
    law = fresh()
    got_rate, one_plus, step = band_rate(law, band, on)
    assert (got_rate, one_plus) == (Decimal(rate), 1 + Decimal(rate))
    assert (step.name, step.value, step.unit, step.line) == ("rate", Decimal(rate), "rate", "")
    assert [tuple(c) for c in step.cite] == [cite]
    v = band_value(law, band, on)
    assert (v.key, v.value) == (f"vat.rate.{band}", Decimal(rate))
    assert value_step(law, v)[0] is step  # made once per law and value
    assert band_rate(law, band, on)[2] is step


def test_the_step_is_labelled_with_the_key_names() -> None:
    law = fresh()
    _, _, step = band_rate(law, "standard", _dt.date(2019, 4, 1))
    assert (step.zh, step.en) == (STANDARD_ZH, STANDARD_EN)


@pytest.mark.parametrize(("band", "field"), [("nope", "line.band"), (5, "line.band"), (None, "line.band")])
def test_an_unknown_band_names_the_field_and_every_band(band: object, field: str) -> None:
    law = fresh()
    with pytest.raises(UnknownCategory) as caught:
        band_value(law, band, _dt.date(2019, 4, 1), field)
    assert (caught.value.field, str(caught.value)) == (field, f"{field}: " + UNKNOWN.format(band))
    with pytest.raises(UnknownCategory) as by_default:
        band_value(law, band, _dt.date(2019, 4, 1))
    assert str(by_default.value) == "band: " + UNKNOWN.format(band)
    with pytest.raises(UnknownCategory) as by_rate:
        band_rate(law, band, _dt.date(2019, 4, 1))
    assert (by_rate.value.field, str(by_rate.value)) == ("band", "band: " + UNKNOWN.format(band))


def test_a_what_if_rate_gives_its_own_step() -> None:
    law = fresh().with_values({"vat.rate.standard": "15%"})
    rate, one_plus, step = band_rate(law, "standard", _dt.date(2019, 4, 1))
    assert (rate, one_plus, step.value, step.zh) == (Decimal("0.15"), Decimal("1.15"), Decimal("0.15"), STANDARD_ZH)


def test_day() -> None:
    assert day("2019-04-01", "when") == _dt.date(2019, 4, 1)
    assert day(_dt.date(2019, 4, 1), "when") == _dt.date(2019, 4, 1)
    with pytest.raises(InvalidInput) as caught:
        day("2019-13-01", "when")
    assert str(caught.value) == "when: '2019-13-01' is not a date (write YYYY-MM-DD)"

"""VAT rates by band: what the result carries besides the rate (the band and the day
asked for) and the bands of a law other than the package's own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from taxcalc.law import Law
from taxcalc.vat import bands, vat_rate

ONE_BAND = """
["vat.rate.test_band"]
zh = "测试税率"
en = "test band rate"
type = "rate"

[["vat.rate.test_band".values]]
from = 2018-05-01
to = "open"
value = "0.16"
doc = "财税〔2018〕32号"
article = "第一条"
"""


def test_the_bands_are_those_of_the_law_given(law_dir):
    own = Law.load(law_dir({"vat/rates.toml": ONE_BAND}))
    assert bands(law=own) == ("test_band",)
    assert "standard" in bands()
    r = vat_rate("test_band", "2018-05-01", law=own)
    assert r.rate == Decimal("0.16")
    assert str(r.steps[0].cite[0]) == "财税〔2018〕32号 第一条"


def test_the_result_names_the_band_and_the_day():
    r = vat_rate("transport", "2019-04-01")
    assert (r.band, r.on, r.rate) == ("transport", dt.date(2019, 4, 1), Decimal("0.09"))
    assert len(r.steps) == 1
    step = r.steps[0]
    assert step.value == Decimal("0.09")
    assert str(step.cite[0]) == "财政部 税务总局 海关总署公告2019年第39号 第一条"

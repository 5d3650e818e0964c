"""Refusals of small_scale_vat name their dates from the law data, in English and Chinese."""

from __future__ import annotations

import pytest

from taxcalc.errors import InvalidInput
from taxcalc.law import default
from taxcalc.vat.small_scale_exemption import small_scale_vat

_SEPARATE_EN = ("from {first} to {last} sales of goods/processing and of services/intangibles are tested "
                "separately ({cite}); give goods_sales and services_sales")
_SEPARATE_ZH = ("{first}至{last}，销售货物及加工、修理修配劳务的销售额与销售服务、无形资产的销售额分别判断是否免征"
                "（{cite}）；请分别给出 goods_sales 和 services_sales")


@pytest.mark.parametrize(("day", "cite"), [
    ("2016-05-01", "国家税务总局公告2016年第23号 第六条"),  # the first day of the separate test
    ("2017-12-01", "国家税务总局公告2016年第23号 第六条"),
    ("2018-01-01", "国家税务总局公告2017年第52号 正文"),  # the second document, the same test
    ("2018-12-01", "国家税务总局公告2017年第52号 正文"),
])
def test_separate_test_refusal_names_the_window_of_the_separate_value(day: str, cite: str) -> None:
    with pytest.raises(InvalidInput) as err:
        small_scale_vat("50000", day)
    e = err.value
    assert e.field == "goods_sales"
    # the run of windows holding "separate", over both documents
    assert e.reason_in("en") == _SEPARATE_EN.format(first="2016-05-01", last="2018-12-31", cite=cite)
    assert e.reason_in("zh") == _SEPARATE_ZH.format(first="2016-05-01", last="2018-12-31", cite=cite)


def test_separate_test_refusal_follows_the_law_as_known_on_a_day() -> None:
    """Known on 2017-06-01, the separate test ran to 2017-12-31 only: the message says so."""
    known = default().as_known_on("2017-06-01")
    with pytest.raises(InvalidInput) as err:
        small_scale_vat("50000", "2016-05-01", law=known)
    cite = "国家税务总局公告2016年第23号 第六条"
    assert err.value.reason_in("en") == _SEPARATE_EN.format(first="2016-05-01", last="2017-12-31", cite=cite)
    assert err.value.reason_in("zh") == _SEPARATE_ZH.format(first="2016-05-01", last="2017-12-31", cite=cite)


def test_combined_windows_either_side_need_no_streams() -> None:
    """The day before and the day after the separate run: sales are tested together."""
    assert small_scale_vat("50000", "2016-04-01").basis == "combined"
    assert small_scale_vat("50000", "2019-01-01").basis == "combined"


@pytest.mark.parametrize(("day", "en", "zh"), [
    ("2025-12-01",
     "applies only to periods under the 起征点 (from 2026-01-01); for 2025-12-01 the law data say how sales "
     "are tested (vat.small_scale.exemption.basis)",
     "仅适用于按起征点判断的期间（2026-01-01起）；2025-12-01所属期间按法规数据规定的口径判断"
     "（vat.small_scale.exemption.basis）"),
    ("2010-01-01",  # before the exemption for units: no basis either
     "applies only to periods under the 起征点 (from 2026-01-01)",
     "仅适用于按起征点判断的期间（2026-01-01起）"),
])
def test_start_point_basis_refusal_names_the_first_day_of_the_start_point(day: str, en: str, zh: str) -> None:
    with pytest.raises(InvalidInput) as err:
        small_scale_vat("50000", day, start_point_basis="carve_out")
    assert err.value.field == "start_point_basis"
    assert err.value.reason_in("en") == en
    assert err.value.reason_in("zh") == zh


def test_start_point_basis_refusal_without_a_known_start_point_names_no_day() -> None:
    """Read as known before the 2026 texts, no period is under a 起征点: no day is named."""
    with pytest.raises(InvalidInput) as err:
        small_scale_vat("50000", "2019-01-01", start_point_basis="carve_out", law=default().as_known_on("2019-01-01"))
    assert err.value.reason_in("en") == ("applies only to periods under the 起征点; for 2019-01-01 the law data say "
                                         "how sales are tested (vat.small_scale.exemption.basis)")
    assert err.value.reason_in("zh") == ("仅适用于按起征点判断的期间；2019-01-01所属期间按法规数据规定的口径判断"
                                         "（vat.small_scale.exemption.basis）")


def test_start_point_basis_is_taken_from_the_first_day_of_the_start_point() -> None:
    assert small_scale_vat("50000", "2026-01-01", start_point_basis="carve_out").basis == "carve_out"

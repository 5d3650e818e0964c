"""Law values named in words or undone by a what-if (a threshold, a year, a statutory cap) come from the law data."""

from __future__ import annotations

import pytest

from taxcalc import law
from taxcalc.report import ReportInputError, parse_text
from taxcalc.vat import excess_credit_refund

SIX_2019 = ["2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09"]


def _refund(data: law.Law, sixth: str) -> object:
    return excess_credit_refund("2019-10-15", category="general", credit_rating="A", months=SIX_2019,
                                end_credits=["1100000"] * 5 + [sixth], base_credit="1000000",
                                listed_input_tax="900000", total_input_tax="1000000", law=data)


def test_the_sixth_month_minimum_is_named_with_its_amount_from_the_law_data():
    """500,000 (2019年第39号 第八条第（一）项第1目): at it qualifies, and the label says the amount."""
    step = _refund(law.default(), "1500000").step("sixth_month_minimum")  # type: ignore[attr-defined]
    assert (step.zh, step.en) == ("第六个月增量留抵税额不低于500,000.00元（含本数）",
                                  "the sixth month's incremental credit at least 500,000.00 (inclusive)")
    assert step.value is True
    what_if = law.default().with_values({"vat.excess_credit_refund.sixth_month_minimum": "600000"})
    step = _refund(what_if, "1500000").step("sixth_month_minimum")  # type: ignore[attr-defined]
    assert (step.zh, step.en) == ("第六个月增量留抵税额不低于600,000.00元（含本数）",
                                  "the sixth month's incremental credit at least 600,000.00 (inclusive)")
    assert step.value is False  # 1,500,000 − 1,000,000 = 500,000 < 600,000


_CLAIM = """\
format = 2
year = {year}
[enterprise]
name = "x"
vat_taxpayer = "general"
registered = 2010-03-01
[excess_credit_refund_2018]
industry = "专用设备制造业"
applied_on = 2018-07-20
credit_rating = "A"
listed_input_tax = "8000000"
total_input_tax = "10000000"
"""


@pytest.mark.parametrize("year", [2017, 2019])
def test_a_2018_refund_claim_outside_its_year_names_the_year_of_the_law_data(year: int):
    """The one-off refund of 财税〔2018〕70号 ran 2018-06-27 – 2018-09-30 (the windows of
    vat.excess_credit_refund_2018.industries): a report of the year before or after is refused."""
    with pytest.raises(ReportInputError) as err:
        parse_text(_CLAIM.format(year=year), "toml").checks()
    assert (f"excess_credit_refund_2018: the refund of 财税〔2018〕70号 was made in 2018 only, not in {year}"
            in str(err.value))


def test_the_refund_year_is_that_of_the_windows_of_the_industries_key():
    windows = [v for v in law.default().history("vat.excess_credit_refund_2018.industries") if not v.gap]
    assert {(v.first.year, v.last.year if v.last else None) for v in windows} == {(2018, 2018)}
    assert {v.citation.doc for v in windows} == {"财税〔2018〕70号"}


def test_the_education_preference_is_undone_to_the_statutory_cap_of_the_law_data():
    """Off, the 8% caps fall back to the 2.5% of 国务院令第512号 第四十二条, read from the law data."""
    from taxcalc.eit import policy_law

    off = policy_law(["employee_education_8pct"])
    for key in ("eit.education.cap.ordinary", "eit.education.cap.hnte", "eit.education.cap.tase"):
        v = off.value(key, "2019-12-31")
        assert (v.shown("en"), str(v.citation)) == ("2.5%", f"假设 what-if {key} = 2.5%")
    other = law.default().with_values({"eit.education.cap.ordinary": "3%"})
    assert policy_law(["employee_education_8pct"], law=other).value("eit.education.cap.hnte", "2019-12-31").shown(
        "en") == "3%"


def test_step_labels_name_the_thresholds_and_rates_of_the_law_data():
    """With a what-if on a threshold or rate, the words of the step change with the figure."""
    from taxcalc.vat import small_scale_vat, super_credit

    what_if = law.default().with_values({"vat.super_credit.sales_share": "60%"})
    step = super_credit("2019-10-01", policy="living_services", creditable_input_tax="100000",
                        tax_before_credit="1000000", sales_share="60%", law=what_if).step("sales_share")
    assert step.value is False
    assert step.zh == "相关服务销售额占全部销售额的比重超过60%（恰为60%不符合）"
    assert step.en == "services' share of all sales above 60% (exactly 60% does not qualify)"
    for data, rate in ((law.default(), "1%"), (law.default().with_values({"vat.small_scale.levy_rate": "2%"}), "2%")):
        r = small_scale_vat("150000", "2026-06-01", real_estate_sales="60000", law=data)
        step = r.step("real_estate_taxable")  # type: ignore[attr-defined]
        assert f"不适用减按{rate}，" in step.zh and f"outside the {rate}, " in step.en

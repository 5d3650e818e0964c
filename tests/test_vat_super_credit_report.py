"""The super-credit and the refund of excess credit from 2019 in the annual report (optional [vat] fields)."""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest

from taxcalc.report import ReportInputError, build_report, example, parse_text, render

D = Decimal

HEAD = """
format = 2
year = {year}
[enterprise]
name = "示例"
"""

RESTAURANT = """
[[sales]]
month = "2019-10"
band = "life_services"
amount = "1000000"
[[sales]]
month = "2019-11"
band = "life_services"
amount = "100000"
[[purchases]]
month = "2019-10"
kind = "invoice"
amount = "200000"
vat = "20000"
[[purchases]]
month = "2019-11"
kind = "invoice"
amount = "400000"
vat = "40000"
"""


def report(body: str, vat: str = "", year: int = 2019):
    text = textwrap.dedent(HEAD.format(year=year)) + textwrap.dedent(body) + textwrap.dedent(vat)
    return build_report(parse_text(text, "toml"))


def vat_section(r) -> dict:
    return r.as_dict()["sections"][0]


def by_id(items: list[dict]) -> dict[str, dict]:
    return {i.get("policy") or i.get("id"): i for i in items}


def periods(r) -> dict[str, dict]:
    return {row["period"]: row for row in vat_section(r)["tables"][-1]["rows"]}


def test_without_the_new_fields_nothing_changes():
    plain = report(RESTAURANT)
    assert "vat.super_credit" not in by_id(plain.as_dict()["savings"])
    assert not vat_section(plain)["refunds"]
    ex = build_report(example()).as_dict()
    assert "vat.super_credit" not in {s["policy"] for s in ex["savings"]}
    assert "vat.excess_credit_refund" not in {s["policy"] for s in ex["refunds"]}


def test_the_super_credit_is_a_saving_taken_off_each_period():
    plain = report(RESTAURANT)
    r = report(RESTAURANT, '[vat]\nsuper_credit_policy = "living_services"\nsuper_credit_sales_share = "90%"\n')
    # October: 60,000 − 20,000 = 40,000 before; 20,000 × 15% = 3,000 off.
    # November: 6,000 − 40,000 < 0: nothing payable, 6,000 accrued and carried.
    before, after = periods(plain), periods(r)
    assert (before["2019-10"]["tax_due"], after["2019-10"]["tax_due"]) == ("40000.00", "37000.00")
    assert after["2019-11"]["tax_due"] == "0.00"
    saving = by_id(r.as_dict()["savings"])["vat.super_credit"]
    assert saving["amount"] == "3000.00"
    assert {"doc": "财政部 税务总局公告2019年第87号", "article": "第一条"} in saving["cite"]
    lines = by_id(vat_section(r)["lines"])
    assert lines["vat.super_credit.accrued"]["amount"] == "9000.00"
    assert lines["vat.super_credit.carried"]["amount"] == "6000.00"
    total_before = D(plain.as_dict()["total_saving"])
    assert D(r.as_dict()["total_saving"]) - total_before == D("3000.00")
    assert "input-VAT super-credit" in render(r, "en") and "增值税加计抵减" in render(r, "zh")


def test_exactly_half_the_sales_earns_nothing_in_the_report():
    r = report(RESTAURANT, '[vat]\nsuper_credit_policy = "living_services"\nsuper_credit_sales_share = "50%"\n')
    assert by_id(r.as_dict()["savings"])["vat.super_credit"]["amount"] == "0.00"


def test_a_policy_out_of_force_in_the_report_year_saves_nothing_and_the_balance_lapses():
    body = RESTAURANT.replace("2019-", "2024-")
    r = report(body, '[vat]\nsuper_credit_policy = "living_services"\nsuper_credit_sales_share = "90%"\n'
                     'super_credit_brought_forward = "5000"\n', year=2024)
    assert by_id(r.as_dict()["savings"])["vat.super_credit"]["amount"] == "0.00"
    assert by_id(vat_section(r)["lines"])["vat.super_credit.carried"]["amount"] == "0.00"


@pytest.mark.parametrize(("vat", "path"), [
    ('[vat]\nsuper_credit_policy = "living_services"\n', "vat.super_credit_sales_share"),
    ('[vat]\nsuper_credit_policy = "tourism"\n', "vat.super_credit_policy"),
    ('[vat]\nsuper_credit_policy = "living_services"\nsuper_credit_sales_share = "120%"\n',
     "vat.super_credit_sales_share"),
    ('[vat]\nsuper_credit_brought_forward = "10"\n', "vat.super_credit_policy"),
])
def test_bad_super_credit_input_names_the_field(vat, path):
    with pytest.raises(ReportInputError) as exc:
        report(RESTAURANT, vat)
    assert [p.path for p in exc.value.problems] == [path]


# -- the refund of excess credit from 2019 ------------------------------------------------------

BUYING = "".join(f"""
[[purchases]]
month = "2019-{m:02d}"
kind = "invoice"
amount = "769230.77"
vat = "100000"
""" for m in range(4, 10)) + """
[[sales]]
month = "2019-11"
amount = "100000"
"""

CLAIM = """
[vat]
opening_credit = "1000000"
[vat.excess_credit_refund]
applied_on = "2019-10-15"
category = "general"
credit_rating = "A"
base_credit = "1000000"
listed_input_tax = "900000"
total_input_tax = "1000000"
"""


def test_the_refund_is_shown_apart_and_reduces_the_credit_carried():
    plain = report(BUYING, '[vat]\nopening_credit = "1000000"\n')
    r = report(BUYING, CLAIM)
    refund = by_id(r.as_dict()["refunds"])["vat.excess_credit_refund"]
    assert refund["amount"] == "324000.00"  # (160万 − 100万) × 90% × 60%
    assert refund["cite"] == [{"doc": "财政部 税务总局 海关总署公告2019年第39号", "article": "第八条第（三）项"}]
    rows = periods(r)
    assert rows["2019-10"]["credit_refund"] == "324000.00"
    assert rows["2019-10"]["opening_credit"] == "1276000.00"
    carried = by_id(vat_section(r)["lines"])["vat.credit_carried"]["amount"]
    assert D(carried) == D(by_id(vat_section(plain)["lines"])["vat.credit_carried"]["amount"]) - D("324000.00")
    assert r.as_dict()["total_saving"] == plain.as_dict()["total_saving"]  # a refund is not a saving


def test_the_earlier_months_complete_the_six():
    claim = CLAIM.replace('applied_on = "2019-10-15"', 'applied_on = "2019-06-15"') + (
        'earlier_end_credits = ["1", "1"]\n')
    r = report(BUYING, claim)  # April and May only: not six months of increments: nothing refunded
    assert not vat_section(r)["refunds"]
    assert "nothing refunded" in vat_section(r)["notes"][-1]["en"]


@pytest.mark.parametrize(("change", "path"), [
    (('applied_on = "2019-10-15"', 'applied_on = "2020-10-15"'), "vat.excess_credit_refund.applied_on"),
    (('credit_rating = "A"', 'credit_rating = "E"'), "vat.excess_credit_refund.credit_rating"),
    (('category = "general"', 'category = "advanced_manufacturing"'),
     "vat.excess_credit_refund.industry_sales_share"),
])
def test_bad_refund_input_names_the_field(change, path):
    with pytest.raises(ReportInputError) as exc:
        report(BUYING, CLAIM.replace(*change))
    assert [p.path for p in exc.value.problems] == [path]


def test_the_refund_is_for_monthly_filers():
    text = textwrap.dedent(HEAD.format(year=2019)) + 'vat_period = "quarter"\n' + BUYING + CLAIM
    with pytest.raises(ReportInputError) as exc:
        build_report(parse_text(text, "toml"))
    assert "vat.excess_credit_refund" in str(exc.value)


EXPORTER = """
exporter = "manufacturer"
[[sales]]
month = "2023-03"
amount = "1000000"
[[purchases]]
month = "2023-03"
kind = "invoice"
amount = "400000"
vat = "52000"
[[exports]]
date = "2023-03-20"
fob = "1000000"
rebate_rate = "13%"
"""


def test_in_a_period_with_exports_the_export_share_of_input_earns_no_super_credit():
    plain = report(EXPORTER, year=2023)
    r = report(EXPORTER, '[vat]\nsuper_credit_policy = "advanced_manufacturing"\n', year=2023)
    # 130,000 output − 52,000 input = 78,000 (13% = 13%: nothing transferred out, no refund).
    # Half the sales are exports: 26,000 of the input earns none; 26,000 × 5% = 1,300 off the tax.
    assert periods(plain)["2023-03"]["tax_due"] == "78000.00"
    assert periods(r)["2023-03"]["tax_due"] == "76700.00"
    assert by_id(r.as_dict()["savings"])["vat.super_credit"]["amount"] == "1300.00"
    assert any("export sales ÷ all sales" in n["en"] for n in vat_section(r)["notes"])

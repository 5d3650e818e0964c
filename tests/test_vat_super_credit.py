"""The input-VAT super-credit (加计抵减): every switch day, the 50% threshold, the mechanics and properties."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc import law, rules
from taxcalc.cli import main
from taxcalc.errors import InvalidInput, NotMoney, OutsideCoverage, UnknownCategory
from taxcalc.vat import SUPER_CREDIT_POLICIES, super_credit

D = Decimal
DATA = law.default()


def credit(on: str, policy: str = "production_services", **kw: object):
    args: dict[str, object] = {"creditable_input_tax": "100000", "tax_before_credit": "1000000"}
    if policy in ("production_services", "living_services"):
        args["sales_share"] = "80%"
    args.update(kw)
    return super_credit(on, policy=policy, **args)  # type: ignore[arg-type]


def cite(r, name: str) -> list[str]:
    return [str(c) for c in r.step(name).cite]


# -- the policies' lives and rates, on the day before and the day of each switch ------------

@pytest.mark.parametrize(
    ("on", "policy", "rate", "doc"),
    [
        ("2019-04-01", "production_services", "0.10", "财政部 税务总局 海关总署公告2019年第39号 第七条"),
        ("2019-04-01", "living_services", "0.10", "财政部 税务总局 海关总署公告2019年第39号 第七条"),
        ("2019-09-30", "living_services", "0.10", "财政部 税务总局 海关总署公告2019年第39号 第七条"),
        ("2019-10-01", "living_services", "0.15", "财政部 税务总局公告2019年第87号 第一条"),
        ("2019-10-01", "production_services", "0.10", "财政部 税务总局 海关总署公告2019年第39号 第七条"),
        ("2021-12-31", "living_services", "0.15", "财政部 税务总局公告2019年第87号 第一条"),
        ("2022-01-01", "living_services", "0.15", "财政部 税务总局公告2022年第11号 第一条"),
        ("2022-01-01", "production_services", "0.10", "财政部 税务总局公告2022年第11号 第一条"),
        ("2022-12-31", "production_services", "0.10", "财政部 税务总局公告2022年第11号 第一条"),
        ("2023-01-01", "production_services", "0.05", "财政部 税务总局公告2023年第1号 第三条第（一）项"),
        ("2023-01-01", "living_services", "0.10", "财政部 税务总局公告2023年第1号 第三条第（二）项"),
        ("2023-12-31", "living_services", "0.10", "财政部 税务总局公告2023年第1号 第三条第（二）项"),
        ("2023-01-01", "advanced_manufacturing", "0.05", "财政部 税务总局公告2023年第43号 第一条"),
        ("2027-12-31", "advanced_manufacturing", "0.05", "财政部 税务总局公告2023年第43号 第一条"),
        ("2023-01-01", "integrated_circuit", "0.15", "财政部 税务总局公告2023年第17号 第一条"),
        ("2027-12-31", "mother_machine", "0.15", "财政部 税务总局公告2023年第25号 第一条"),
    ],
)
def test_rate_of_each_policy_on_its_switch_days(on, policy, rate, doc):
    r = credit(on, policy)
    assert r.in_force and r.eligible
    assert r.rate == D(rate)
    assert r.accrued == (D("100000") * D(rate)).quantize(D("0.01"))
    assert cite(r, "rate") == [doc]
    assert doc in cite(r, "accrued")


@pytest.mark.parametrize(
    ("on", "policy"),
    [
        ("2019-03-31", "production_services"),
        ("2019-03-31", "living_services"),
        ("2022-12-31", "advanced_manufacturing"),
        ("2022-12-31", "integrated_circuit"),
        ("2022-12-31", "mother_machine"),
        ("2024-01-01", "production_services"),
        ("2024-01-01", "living_services"),
    ],
)
def test_outside_its_life_a_policy_is_not_in_force_and_the_balance_lapses(on, policy):
    r = credit(on, policy, brought_forward="5000", tax_before_credit="20000")
    assert not r.in_force and not r.eligible
    assert (r.accrued, r.used, r.carried, r.lapsed) == (D(0), D(0), D(0), D("5000"))
    assert r.tax_payable == D("20000")
    assert r.rate is None
    assert len(r.reasons) == 1 and r.reasons[0].endswith(f"super-credit is not in force on {on}")
    assert r.step("in_force").value is False


def test_the_data_stop_after_2027():
    assert credit("2027-12-31", "advanced_manufacturing").in_force
    with pytest.raises(OutsideCoverage) as exc:
        credit("2028-01-01", "advanced_manufacturing")
    assert "vat.super_credit.policies" in str(exc.value)


def test_before_2019_the_general_method_had_no_super_credit():
    r = credit("2018-06-01", "production_services")
    assert not r.in_force
    assert cite(r, "in_force") == ["国务院令第538号 第四条"]


# -- the share of sales: strictly more than half --------------------------------------------

def test_exactly_half_of_sales_does_not_qualify_and_the_explanation_says_so():
    r = credit("2019-10-01", "living_services", sales_share="50%")
    assert not r.eligible and r.accrued == 0
    step = r.step("sales_share")
    assert step.value is False and "exactly 50% does not qualify" in step.en
    assert "恰为50%不符合" in step.zh
    assert r.reasons == ("the services' share of sales 50% is not more than 50%",)
    assert "not eligible" in r.step("accrued").formula


def test_just_over_half_qualifies():
    r = credit("2019-10-01", "living_services", sales_share="0.5001")
    assert r.eligible and r.accrued == D("15000.00")
    assert cite(r, "sales_share") == ["财政部 税务总局 海关总署公告2019年第39号 第七条第（一）项"]


@pytest.mark.parametrize("share", ["101%", "1.5", "-1%"])
def test_a_share_outside_0_to_100_percent_is_refused_naming_the_field(share):
    with pytest.raises(InvalidInput) as exc:
        credit("2019-10-01", "living_services", sales_share=share)
    assert exc.value.field == "sales_share"


def test_a_services_policy_needs_the_share_and_a_list_policy_does_not():
    with pytest.raises(InvalidInput) as exc:
        super_credit("2019-10-01", policy="living_services", creditable_input_tax="1", tax_before_credit="1")
    assert exc.value.field == "sales_share"
    r = super_credit("2023-05-01", policy="advanced_manufacturing", creditable_input_tax="1000", tax_before_credit="1")
    assert r.eligible and r.accrued == D("50.00")


def test_a_new_taxpayer_is_judged_on_its_first_three_months():
    young = credit("2019-06-01", "production_services", months_operated=2)
    assert not young.eligible and young.accrued == 0
    assert young.step("judged").value is False
    judged = credit("2019-06-01", "production_services", months_operated=3)
    assert judged.eligible and judged.accrued == D("10000.00")
    assert cite(judged, "judged") == ["财政部 税务总局 海关总署公告2019年第39号 第七条第（一）项"]


def test_unknown_policy_is_refused_naming_the_field():
    with pytest.raises(UnknownCategory) as exc:
        super_credit("2019-10-01", policy="tourism", creditable_input_tax="1", tax_before_credit="1")
    assert exc.value.field == "policy"


# -- the mechanics ---------------------------------------------------------------------------

def test_worked_example_exports_transfers_and_balance():
    r = super_credit("2019-10-01", policy="living_services", sales_share="80%", creditable_input_tax="100000",
                     export_input_tax="10000", transferred_out_input_tax="1000", brought_forward="300",
                     tax_before_credit="20000")
    assert (r.accrued, r.reduced, r.available, r.used, r.carried, r.tax_payable) == (
        D("13500.00"), D("150.00"), D("13650.00"), D("13650.00"), D("0.00"), D("6350.00"))
    assert r.saving == r.used
    assert cite(r, "accrual_base") == ["财政部 税务总局 海关总署公告2019年第39号 第七条第（四）项"]
    assert r.step("tax_payable").line == "《增值税纳税申报表（一般纳税人适用）》第19栏"
    assert r.step("accrued").formula == "90,000.00 × 15%"


def test_no_tax_before_the_credit_carries_everything_forward_and_nothing_is_refunded():
    r = credit("2023-03-01", "advanced_manufacturing", tax_before_credit="0", brought_forward="100")
    assert r.used == 0 and r.tax_payable == 0
    assert r.carried == r.available == D("5100.00")
    assert "carried forward" in r.step("used").formula


def test_tax_below_the_credit_falls_to_zero_and_the_rest_is_carried():
    r = credit("2023-03-01", "integrated_circuit", tax_before_credit="4000")
    assert (r.available, r.used, r.carried, r.tax_payable) == (D("15000.00"), D("4000"), D("11000.00"), D(0))


def test_a_transfer_out_above_the_balance_leaves_nothing():
    r = credit("2023-03-01", "advanced_manufacturing", creditable_input_tax="0", transferred_out_input_tax="1000000",
               brought_forward="100")
    assert r.reduced == D("50000.00") and r.available == 0 and r.used == 0


def test_input_attributable_to_exports_cannot_exceed_the_input():
    with pytest.raises(InvalidInput) as exc:
        credit("2023-03-01", "advanced_manufacturing", export_input_tax="100000.01")
    assert exc.value.field == "export_input_tax"


def test_a_float_amount_is_refused():
    with pytest.raises(NotMoney) as exc:
        credit("2023-03-01", "advanced_manufacturing", creditable_input_tax=100.5)
    assert exc.value.field == "creditable_input_tax"


def test_the_accrual_is_rounded_half_up_to_the_fen():
    assert credit("2019-10-01", "living_services", creditable_input_tax="0.03").accrued == D("0.00")
    assert credit("2019-10-01", "living_services", creditable_input_tax="0.10").accrued == D("0.02")  # 0.015


# -- properties --------------------------------------------------------------------------------

_MONEY = st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False, allow_infinity=False)
_DAYS = st.sampled_from(["2019-03-31", "2019-04-01", "2019-10-01", "2022-06-01", "2023-01-01", "2024-01-01",
                         "2027-12-31"])
_OFF = DATA.with_values({"vat.super_credit.policies": []})


@settings(max_examples=150, deadline=None)
@given(on=_DAYS, policy=st.sampled_from(SUPER_CREDIT_POLICIES), inp=_MONEY, tax=_MONEY, bf=_MONEY, out=_MONEY,
       share=st.decimals(min_value=0, max_value=1, places=4), export_part=st.decimals(min_value=0, max_value=1,
                                                                                     places=2))
def test_the_credit_used_never_exceeds_the_tax_or_the_credit_and_turning_it_off_never_lowers_the_tax(
        on, policy, inp, tax, bf, out, share, export_part):
    kw = {"creditable_input_tax": inp, "tax_before_credit": tax, "brought_forward": bf,
          "transferred_out_input_tax": out, "export_input_tax": (inp * export_part).quantize(D("0.01")),
          "sales_share": share}
    r = super_credit(on, policy=policy, **kw)
    assert 0 <= r.used <= r.tax_before_credit
    assert r.used <= r.available
    assert r.carried >= 0 and r.tax_payable >= 0
    assert r.tax_payable == tax - r.used
    assert r.carried + r.used == r.available
    off = super_credit(on, policy=policy, law=_OFF, **kw)
    assert not off.in_force and off.tax_payable == tax
    assert off.tax_payable >= r.tax_payable


# -- the rule in the registry and on the command line -----------------------------------------

def test_the_rule_is_listed_by_taxcalc_rules_json(capsys):
    assert main(["rules", "--json"]) == 0
    ids = {r["id"] for r in json.loads(capsys.readouterr().out)["rules"]}
    assert {"vat.super_credit", "vat.excess_credit_refund", "vat.input_composition_ratio"} <= ids


def test_the_rule_computes_its_example_and_the_command_line_answers(capsys):
    rule = rules.get("vat.super_credit")
    assert rule.compute(rule.load().example).used == D("15000.00")
    assert main(["vat", "super-credit", "--on", "2019-10-01", "--policy", "living_services", "--share", "80%",
                 "--input", "100000", "--tax", "20000", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("super-credit used 15,000.00  tax payable 5,000.00")
    assert main(["vat", "super-credit", "--on", "2019-10-01", "--policy", "living_services", "--share", "150%",
                 "--input", "100000", "--tax", "20000"]) == 1
    assert "--share" in capsys.readouterr().err

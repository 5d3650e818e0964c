"""The super-credit before any existed (a declared gap of the law data before 2009): the same
answer as a policy not in force — nothing accrues, the balance lapses, the tax unchanged —
with the gap's reason and the citation of the notice that began the first super-credit."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from taxcalc.law import Citation
from taxcalc.vat import super_credit

D = Decimal
REASON = ("no input-VAT super credit (加计抵减) existed: the first began on 2019-04-01 "
          "(财政部 税务总局 海关总署公告2019年第39号 第七条)")
REASON_ZH = "尚无增值税加计抵减政策：首项加计抵减政策自2019-04-01起实行（财政部 税务总局 海关总署公告2019年第39号 第七条）"
CITE = (Citation("财政部 税务总局 海关总署公告2019年第39号", "第七条"),)


@pytest.mark.parametrize("policy, zh_name, en_name", [
    ("living_services", "生活性服务业", "living services"),
    ("production_services", "生产性服务业（邮政、电信、现代服务、生活服务）", "production (and living) services"),
])
def test_before_2009_every_figure_and_step(policy, zh_name, en_name):
    r = super_credit("2008-06-01", policy=policy, creditable_input_tax="100000", tax_before_credit="20000",
                     sales_share="80%", brought_forward="300")
    assert (r.period_start, r.policy, r.in_force, r.eligible, r.reasons, r.rate) == (
        datetime.date(2008, 6, 1), policy, False, False, ("no super-credit existed on 2008-06-01",), None)
    assert (r.brought_forward, r.accrued, r.reduced, r.available, r.tax_before_credit, r.used, r.carried,
            r.lapsed, r.tax_payable) == (D("300"), 0, 0, 0, D("20000"), 0, 0, D("300"), D("20000"))
    first, lapsed, payable = r.steps
    assert first.name == "in_force" and first.value is False and first.unit == "bool"
    assert first.formula == policy and first.cite == CITE and first.line == ""
    assert first.en == f"super-credit policy ({en_name}) in force ({REASON})"
    assert first.zh == f"加计抵减政策（{zh_name}）在本期有效（{REASON_ZH}）"
    assert (lapsed.name, lapsed.value, lapsed.unit, lapsed.cite) == ("lapsed", D("300"), "yuan", CITE)
    assert (payable.name, payable.value, payable.line) == (
        "tax_payable", D("20000"), "《增值税纳税申报表（一般纳税人适用）》第19栏")


def test_the_day_before_and_the_day_the_data_show_a_policy_list():
    before = super_credit("2008-12-01", policy="living_services", creditable_input_tax="1", tax_before_credit="1")
    after = super_credit("2009-01-01", policy="living_services", creditable_input_tax="1", tax_before_credit="1")
    assert before.reasons == ("no super-credit existed on 2008-12-01",)
    assert after.reasons == ("the living services super-credit is not in force on 2009-01-01",)
    assert before.steps[0].cite == CITE and after.steps[0].value is False

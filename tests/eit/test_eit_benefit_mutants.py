"""The benefit of each policy shown in full (a snapshot, ``tests/snapshot.py``): every policy
of a small low-profit year with R&D and losses, a high-tech year with every optional fact,
a 2020 hardship loss, the 2022 Q4 equipment rule, and the law as known on an earlier day.
Each computation reads a law of its own (``Law.memo`` keeps what a law gave the code that
read it)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from snapshot import check, shown
from taxcalc.eit import EnterpriseYear, Loss, RdFacts, RdProject, benefit
from taxcalc.eit.equipment import Equipment
from taxcalc.eit.project_holiday import Project
from taxcalc.eit.qualifications import HnteCertificate
from taxcalc.eit.tech_transfer import TechnologyTransfer
from taxcalc.eit.venture import VentureInvestment
from taxcalc.law import default

P = Decimal


def run(facts, **kw):
    return benefit(facts, law=default().with_values({}), **kw)


CASES = {
    "small low-profit with R&D and losses": (EnterpriseYear(
        2019, profit=P("1500000"), employees=P(60), assets=P("9000000"),
        rd=RdFacts(projects=(RdProject("P", personnel="400000"),)),
        losses=(Loss(2014, P("200000")),), hnte_certificates=(HnteCertificate("GR", "2018-11-30", "2021-11-29"),)),
        {}),
    "high-tech with every optional fact": (EnterpriseYear(
        2019, profit=P("20000000"), industry="manufacturing", employees=P(500), assets=P("90000000"),
        hnte_certificates=(HnteCertificate("GR", "2018-11-30", "2021-11-29"),), wages=P("5000000"),
        education_expenses=P("500000"),
        equipment=(Equipment("lathe", "1000000", "machinery", acquired_on="2019-03-01", in_use="2019-03-15",
                             book_depreciation="75000"),),
        tech_transfers=(TechnologyTransfer(name="patent", kind="ownership", income_date=_dt.date(2019, 5, 1),
                                           revenue=P("7000000"), cost=P("1000000")),),
        venture_investments=(VentureInvestment(name="V", target="hnte_sme", registered_on=_dt.date(2017, 1, 1),
                                               amount=P("1000000")),),
        projects=(Project(name="road", kind="infrastructure", first_income_year=2017, income=P("800000")),),
        rd=RdFacts(projects=(RdProject("R", personnel="2000000"),))), {}),
    "known on 2017-12-31": (EnterpriseYear(
        2019, profit=P("1500000"), employees=P(60), assets=P("9000000"),
        rd=RdFacts(projects=(RdProject("P", personnel="400000"),))), {"known_on": "2017-12-31"}),
    "hardship loss used": (EnterpriseYear(2027, profit=P("100000"), employees=P(10), assets=P("100000"),
                                          losses=(Loss(2020, P("50000"), "hardship"),)), {}),
    "2022 Q4 equipment": (EnterpriseYear(
        2022, profit=P("30000000"), industry="manufacturing", employees=P(500), assets=P("90000000"),
        hnte_certificates=(HnteCertificate("GR", "2022-11-01", "2025-10-31"),),
        equipment=(Equipment("robot", "8000000", "machinery", acquired_on="2022-11-15", in_use="2022-12-01"),)),
        {}),
    "two policies chosen": (EnterpriseYear(
        2019, profit=P("1500000"), employees=P(60), assets=P("9000000"),
        rd=RdFacts(projects=(RdProject("P", personnel="400000"),))), {"policies": ["small_profit",
                                                                                  "rd_super_deduction"]}),
}


def test_every_case_shown_in_full():
    check("eit_benefit", {name: shown(run(facts, **kw)) for name, (facts, kw) in CASES.items()})


def test_each_saving_is_the_tax_without_the_policy_less_the_tax():
    facts, kw = CASES["two policies chosen"]
    b = run(facts, **kw)
    assert [p.id for p in b.policies] == ["small_profit", "rd_super_deduction"]
    for p in b.policies:
        assert p.saving > 0

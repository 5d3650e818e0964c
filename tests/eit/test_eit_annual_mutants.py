"""The annual computation shown in full (a snapshot, ``tests/snapshot.py``): a small low-profit
year with R&D and a loss brought forward, a high-tech year with a certificate, equipment,
education expenses, technology transfers, venture investments and projects, a technology-
advanced service year, a loss year of a hardship industry, a part year, a restricted
industry; the main figures and lines asserted.  Each computation reads a law of its own
(``Law.memo`` keeps what a law gave the code that read it)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest

from snapshot import check, shown
from taxcalc.eit import EnterpriseYear, Loss, RdFacts, RdProject, annual
from taxcalc.eit.equipment import Equipment
from taxcalc.eit.project_holiday import Project
from taxcalc.eit.qualifications import HnteCertificate
from taxcalc.eit.small_profit import Quarter
from taxcalc.eit.tech_transfer import TechnologyTransfer
from taxcalc.eit.venture import VentureInvestment
from taxcalc.errors import InvalidInput
from taxcalc.law import default

P = Decimal
CERT = HnteCertificate("GR201813000001", "2018-11-30", "2021-11-29")


def run(facts):
    return annual(facts, law=default().with_values({}))


CASES = {
    "small low-profit with R&D and a loss": EnterpriseYear(
        2018, profit=P("1500000"), employees=P(60), assets=P("9000000"),
        rd=RdFacts(projects=(RdProject("P", personnel="400000"),)), losses=(Loss(2016, P("200000")),)),
    "high-tech with everything": EnterpriseYear(
        2019, profit=P("20000000"), adjustments=P("123456.78"), industry="manufacturing", hnte_certificates=(CERT,),
        employees=P(500), assets=P("90000000"), wages=P("5000000"), education_expenses=P("500000"),
        education_brought_forward=P("1000"),
        equipment=(Equipment("lathe", "1000000", "machinery", acquired_on="2019-03-01", in_use="2019-03-15",
                             book_depreciation="75000"),
                   Equipment("hall", "9000000", "buildings", acquired_on="2018-01-01", in_use="2018-01-15",
                             book_depreciation="450000")),
        tech_transfers=(TechnologyTransfer(name="patent", kind="ownership", income_date=_dt.date(2019, 5, 1),
                                           revenue=P("7000000"), cost=P("1000000")),),
        venture_investments=(VentureInvestment(name="V", target="hnte_sme", registered_on=_dt.date(2017, 1, 1),
                                               amount=P("1000000")),),
        venture_brought_forward=P("5000"),
        projects=(Project(name="road", kind="infrastructure", first_income_year=2017, income=P("800000")),),
        rd=RdFacts(projects=(RdProject("R", personnel="2000000", other="300000"),)),
        losses=(Loss(2014, P("100000")), Loss(2016, P("50000")))),
    "technology-advanced service": EnterpriseYear(2019, profit=P("8000000"), tase_years=(2019,), employees=P(400),
                                                  assets=P("60000000")),
    "hardship loss year": EnterpriseYear(2020, profit=P("-300000"), industry="catering", loss_extension="hardship",
                                         employees=P(10), assets=P("100000")),
    "opened mid-2015": EnterpriseYear(2015, profit=P("250000"), opened=_dt.date(2015, 3, 15), employees=P(10),
                                      assets=P("1000000")),
    "restricted": EnterpriseYear(2021, profit=P("500000"), restricted=True),
    "zero": EnterpriseYear(2022, profit=P("0")),
    "high-tech Q4 2022 equipment": EnterpriseYear(
        2022, profit=P("30000000"), industry="manufacturing", employees=P(500), assets=P("90000000"),
        hnte_certificates=(HnteCertificate("GR202213000002", "2022-11-01", "2025-10-31"),),
        equipment=(Equipment("robot", "8000000", "machinery", acquired_on="2022-11-15", in_use="2022-12-01",
                             book_depreciation="0"),),
        projects=(Project(name="plant", kind="environment", first_income_year=2020, income=P("1000000")),)),
    "2015 restricted": EnterpriseYear(2015, profit=P("250000"), restricted=True),
    "2015 above the cap": EnterpriseYear(2015, profit=P("300000.01")),
    "2019 quarters": EnterpriseYear(2019, profit=P("2000000"), quarters=(
        Quarter(10, 20, "100000", "300000"), Quarter(20, 20, "300000", "300000"),
        Quarter(20, 30, "300000", "500000"), Quarter(30, 30, "500000", "700000"))),
}


def test_every_case_shown_in_full():
    check("eit_annual", {name: shown(run(facts)) for name, facts in CASES.items()})


def test_the_main_figures():
    r = run(CASES["small low-profit with R&D and a loss"])
    assert (r.income_before_losses, r.losses_used, r.taxable_income, r.regime, r.tax) == (
        P("1200000.00"), P("200000"), P("1000000.00"), "small_profit", P("100000.00"))
    big = run(CASES["high-tech with everything"])
    assert big.regime == "hnte"
    assert big.rate == P("0.15")
    assert big.tax == (big.taxable_income * P("0.15")).quantize(P("0.01"))
    assert big.relief == big.standard_tax - big.tax
    loss = run(CASES["hardship loss year"])
    assert (loss.new_loss, loss.tax, loss.losses_carried) == (P("300000"), P("0.00"), (Loss(2020, "300000",
                                                                                             "hardship"),))


def test_the_size_is_asked_for_when_the_relief_could_apply():
    with pytest.raises(InvalidInput) as info:
        run(EnterpriseYear(2019, profit=P("100")))
    assert (info.value.field, info.value.reason) == (
        "quarters", "taxable income 100.00 is within the small low-profit cap: give the quarterly employees and "
        "total assets (or their annual averages) to test the relief")
    with pytest.raises(InvalidInput) as info:
        run(EnterpriseYear(2015, profit=P("100")))
    assert info.value.field == "months"  # 2015 is averaged by month (财税〔2009〕69号 七)
    assert "give the monthly employees and total assets" in info.value.reason

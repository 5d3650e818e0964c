"""Each policy of the benefit, one at a time: a year where it changes the tax and years where it
cannot, with the saving, the step that shows it and the documents it cites.

:func:`taxcalc.eit.benefit` does not compute the year again for a policy that plainly cannot
change its tax (a rate regime that was not applied, a switch read only for facts the year does
not have).  The shortcut is checked both ways, for every policy:

* where the policy matters, the year is computed again (three computations: the law, the policy
  off, all off) and the saving is the figure worked out by hand;
* where it cannot, it is not (two computations), and the full computation without the policy
  gives the same tax, so skipping it changed nothing.

Each computation reads a law of its own (``Law.memo`` keeps what a law gave the code that read it).
"""

from __future__ import annotations

import datetime as _dt
import importlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from taxcalc.eit import (
    POLICIES,
    EnterpriseYear,
    Loss,
    Policy,
    RdFacts,
    RdProject,
    annual,
    benefit,
    policy_law,
)
from taxcalc.eit.equipment import Equipment
from taxcalc.eit.project_holiday import Project
from taxcalc.eit.qualifications import HnteCertificate
from taxcalc.eit.tech_transfer import TechnologyTransfer
from taxcalc.eit.venture import VentureInvestment
from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.explain import Citation
from taxcalc.law import Law, default

#: The module (``taxcalc.eit.benefit`` names the function, which the package exports).
benefit_module = importlib.import_module("taxcalc.eit.benefit")
P = Decimal
#: A large manufacturer (never small low-profit): 25% unless a policy says otherwise.
BIG: dict[str, Any] = dict(industry="manufacturing", employees=P(500), assets=P("90000000"))


def year(y: int = 2019, profit: str = "5000000", **kw: Any) -> EnterpriseYear:
    return EnterpriseYear(y, profit=P(profit), **{**BIG, **kw})


def fresh() -> Law:
    return default().with_values({})


# The documents each policy rests on, as the law data cites them.
SMALL_PROFIT_2019 = [("财税〔2019〕13号", "第二条")]
RATE_20 = ("主席令第63号", "第二十八条第一款")
RATE_15 = [("主席令第63号", "第二十八条第二款")]
HNTE_CERTIFICATE_YEAR = ("国家税务总局公告2017年第24号", "一")
TASE = [("财税〔2017〕79号", "一、1")]
RD_75 = [("财税〔2018〕99号", "一")]
EQUIPMENT_2018 = [("财税〔2018〕54号", "一"), ("国家税务总局公告2018年第46号", "二")]
EQUIPMENT_2021 = [("财政部 税务总局公告2021年第6号", "一"), ("国家税务总局公告2018年第46号", "二")]
HNTE_Q4 = [("财政部 税务总局 科技部公告2022年第28号", "一")]
ACCELERATED = [("主席令第63号", "第三十二条"), ("国务院令第512号", "第九十八条")]
LOSS_10 = [("财税〔2018〕76号", "一")]
QUALIFICATION_YEAR = ("国家税务总局公告2018年第45号", "二")
HARDSHIP = ("财政部 税务总局公告2020年第8号", "第四条")
FILM = ("财政部 税务总局公告2020年第25号", "第二条")
EDUCATION = [("财税〔2018〕51号", "一")]
TECH_TRANSFER = [("国务院令第512号", "第九十条")]
INFRASTRUCTURE = ("国务院令第512号", "第八十七条")
ENVIRONMENT = ("国务院令第512号", "第八十八条")
VENTURE = [("国务院令第512号", "第九十七条")]


@dataclass(frozen=True)
class Case:
    """One policy on one enterprise year: the tax under the law, the saving, the documents cited."""

    policy: str
    facts: EnterpriseYear
    tax: str
    saving: str
    cites: list[tuple[str, str]]


#: Years where the policy changes the tax (or is used by the computation): the year is computed again.
MATTERS = {
    # 1,500,000 × 25% = 375,000 without; 2019: 100万 × 25% × 20% + 50万 × 50% × 20% = 100,000.
    "small low-profit 2019": Case("small_profit", EnterpriseYear(2019, profit=P("1500000"), employees=P(60),
                                                               assets=P("9000000")),
                                  "100000.00", "275000.00", [*SMALL_PROFIT_2019, RATE_20]),
    # 5,000,000 at 15% against 25%.
    "high-tech by its years": Case("hnte_rate", year(hnte_years=(2019,)), "750000.00", "500000.00", RATE_15),
    "high-tech by a certificate issued in the year": Case(
        "hnte_rate", year(2018, hnte_certificates=(HnteCertificate("GR", "2018-11-30", "2021-11-29"),)),
        "750000.00", "500000.00", [*RATE_15, HNTE_CERTIFICATE_YEAR]),
    "technology-advanced services": Case("tase_rate", year(tase_years=(2019,)), "750000.00", "500000.00", TASE),
    # 400,000 × 75% = 300,000 less income, at 25%.
    "R&D personnel": Case("rd_super_deduction", year(rd=RdFacts(projects=(RdProject("P", personnel="400000"),))),
                          "1175000.00", "75000.00", RD_75),
    # 1,000,000 at once instead of 75,000 booked: 925,000 less income at 25%.
    "a lathe of 1,000,000": Case("equipment_one_time", year(equipment=(Equipment(
        "lathe", "1000000", "machinery", acquired_on="2019-03-01", in_use="2019-03-15",
        book_depreciation="75000"),)), "1018750.00", "231250.00", EQUIPMENT_2018),
    # Put in use in December 2020, deducted in 2021: it cites the document it was bought under (54号), not
    # the one in force at the end of 2021 (2021年第6号).
    "a 2020 lathe deducted in 2021": Case("equipment_one_time", year(2021, equipment=(Equipment(
        "lathe", "1000000", "machinery", acquired_on="2020-12-10", in_use="2020-12-20"),)),
        "1000000.00", "225000.00", EQUIPMENT_2018),
    # 8,000,000 + 100% of it instead of one month's depreciation, at 15%.
    "a high-tech enterprise's robot of Q4 2022": Case("hnte_equipment_2022q4", year(2022, "30000000", hnte_years=(
        2022,), equipment=(Equipment("robot", "8000000", "machinery", acquired_on="2022-11-15",
                                     in_use="2022-12-01"),)), "2100000.00", "2400000.00", HNTE_Q4),
    # A manufacturer's press of 6,000,000 (over the one-time cap) by the sum of the years' digits, in use from
    # February 2019: 6,000,000 × 10/55 × 11/12 = 1,000,000 against 550,000 booked (the straight line,
    # 6,000,000 × 11/120): 450,000 less income at 25%.  Cited: the enabling article, the 第六十条 life, the
    # industry (2019年第66号: all manufacturing) and its share, the methods, the start, and the cap it is over.
    "a manufacturer's press by the sum of the years' digits": Case("accelerated_depreciation", year(equipment=(
        Equipment("press", "6000000", "machinery", acquired_on="2019-01-10", in_use="2019-01-20",
                  method="sum_of_years", book_depreciation="550000"),)), "1137500.00", "112500.00",
        [ACCELERATED[0], ("国务院令第512号", "第六十条第（二）项"), ("财政部 税务总局公告2019年第66号", "一"),
         ("国家税务总局公告2014年第64号", "一"), ACCELERATED[1], ("国务院令第512号", "第五十九条"),
         EQUIPMENT_2018[0]]),
    # The 2013 loss (300,000) is 6 years old: usable only by a 2018 high-tech enterprise.
    "a 2013 loss of a high-tech year": Case("loss_10_years", year(hnte_years=(2018,), losses=(Loss(2013, "300000"),)),
                                           "1175000.00", "75000.00", LOSS_10),
    "a 2013 loss of a tech SME": Case("loss_10_years", year(tech_sme_years=(2018,), losses=(Loss(2013, "300000"),)),
                                     "1175000.00", "75000.00", LOSS_10),
    # With a certificate the qualification years are read from it (45号 二): 4,700,000 at 15%.
    "a 2013 loss of a certified year": Case("loss_10_years", year(hnte_certificates=(
        HnteCertificate("GR", "2018-01-10", "2021-01-09"),), losses=(Loss(2013, "300000"),)),
        "705000.00", "45000.00", [*LOSS_10, QUALIFICATION_YEAR]),
    # A 2020 loss (400,000) used in 2026 (6 years on): 8 years for hardship industries and film.
    "a 2020 hardship loss": Case("loss_8_years_2020", year(2026, losses=(Loss(2020, "400000", "hardship"),)),
                                 "1150000.00", "100000.00", [HARDSHIP]),
    # A certificate valid in 2019 and 2020 lengthens the 2018 loss to 10 years, not the 2020 one
    # (losses of the years before a qualification year): the 8-year rule cites none of 45号.
    "a 2020 hardship loss beside a loss of a certified year": Case(
        "loss_8_years_2020", year(2026, hnte_certificates=(HnteCertificate("GR", "2019-01-10", "2020-01-09"),),
                                  losses=(Loss(2018, "1000"), Loss(2020, "400000", "hardship"))),
        "1149750.00", "100000.00", [HARDSHIP]),
    "the 2018 loss of that year": Case(
        "loss_10_years", year(2026, hnte_certificates=(HnteCertificate("GR", "2019-01-10", "2020-01-09"),),
                              losses=(Loss(2018, "1000"), Loss(2020, "400000", "hardship"))),
        "1149750.00", "250.00", [*LOSS_10, QUALIFICATION_YEAR]),
    "a 2020 film loss": Case("loss_8_years_2020", year(2026, losses=(Loss(2020, "400000", "film"),)),
                             "1150000.00", "100000.00", [FILM]),
    # Education 500,000 of wages 5,000,000: 400,000 (8%) deductible against 125,000 (2.5%).
    "education at 10% of wages": Case("employee_education_8pct", year(wages=P("5000000"),
                                                                     education_expenses=P("500000")),
                                      "1275000.00", "68750.00", EDUCATION),
    # Transfer income 6,000,000: 5,000,000 exempt and 1,000,000 at half.
    "a patent sold for 6,000,000 of income": Case("tech_transfer", year(profit="20000000", tech_transfers=(
        TechnologyTransfer(name="patent", kind="ownership", income_date=_dt.date(2019, 5, 1), revenue=P("7000000"),
                           cost=P("1000000")),)), "3625000.00", "1375000.00", TECH_TRANSFER),
    "a patent sold for 2,000,000 of income": Case("tech_transfer", year(profit="20000000", tech_transfers=(
        TechnologyTransfer(name="patent", kind="ownership", income_date=_dt.date(2019, 5, 1), revenue=P("3000000"),
                           cost=P("1000000")),)), "4500000.00", "500000.00", TECH_TRANSFER),
    # A road's third year (exempt): 800,000 less income at 25%.
    "a road in its third year": Case("project_holiday", year(projects=(Project(
        name="road", kind="infrastructure", first_income_year=2017, income=P("800000")),)),
        "1050000.00", "200000.00", [INFRASTRUCTURE]),
    "a water plant in its first year": Case("project_holiday", year(projects=(Project(
        name="water", kind="environment", first_income_year=2019, income=P("800000")),)),
        "1050000.00", "200000.00", [ENVIRONMENT]),
    # Held two years on 2019-06-01: 70% of 1,000,000 deducted, at 25%.
    "a venture investment held two years": Case("venture_capital", year(venture_investments=(VentureInvestment(
        name="V", target="hnte_sme", registered_on=_dt.date(2017, 6, 1), amount=P("1000000")),)),
        "1075000.00", "175000.00", VENTURE),
    # An early-stage technology company (from 2018): 财税〔2018〕55号 as well.
    "a start-up investment held two years": Case("venture_capital", year(venture_investments=(VentureInvestment(
        name="S", target="startup_tech", registered_on=_dt.date(2017, 6, 1), amount=P("1000000")),)),
        "1075000.00", "175000.00", [*VENTURE, ("财税〔2018〕55号", "一（一）")]),
}

PLAIN = year()
#: Years where the policy cannot change the tax: the saving is 0 and the documents those in force.
CANNOT = {
    **{f"{pid} of a plain year": Case(pid, PLAIN, "1250000.00", "0.00", cites) for pid, cites in {
        "small_profit": SMALL_PROFIT_2019, "hnte_rate": RATE_15, "tase_rate": TASE, "rd_super_deduction": RD_75,
        "equipment_one_time": EQUIPMENT_2018, "hnte_equipment_2022q4": HNTE_Q4,
        "accelerated_depreciation": ACCELERATED, "loss_10_years": LOSS_10,
        "loss_8_years_2020": [HARDSHIP, FILM], "employee_education_8pct": EDUCATION, "tech_transfer": TECH_TRANSFER,
        "project_holiday": [INFRASTRUCTURE, ENVIRONMENT], "venture_capital": VENTURE}.items()},
    # A regime that was not applied: the small low-profit relief beats the 15% rate, and back.
    "the 15% rate of a small low-profit year": Case("hnte_rate", EnterpriseYear(
        2019, profit=P("1500000"), employees=P(60), assets=P("9000000"), hnte_years=(2019,)),
        "100000.00", "0.00", RATE_15),
    "the relief of a high-tech year": Case("small_profit", year(hnte_years=(2019,)), "750000.00", "0.00",
                                           SMALL_PROFIT_2019),
    "the 15% rate of a technology-advanced service year taxed at the high-tech rate": Case(
        "tase_rate", year(hnte_years=(2019,)), "750000.00", "0.00", TASE),
    "the high-tech rate of a technology-advanced service year": Case(
        "hnte_rate", year(tase_years=(2019,)), "750000.00", "0.00", RATE_15),
    # Losses, but none of 2020 marked: the 8-year rule cannot apply.
    "the 8-year rule for an ordinary loss": Case("loss_8_years_2020", year(2026, losses=(Loss(2022, "400000"),)),
                                                 "1150000.00", "0.00", [HARDSHIP, FILM]),
    # Brought forward from earlier years, deducted whether the rule is on or off (the module notes).
    "venture capital brought forward only": Case("venture_capital", year(venture_brought_forward=P("100000")),
                                                 "1225000.00", "0.00", VENTURE),
}


@pytest.fixture
def computations(monkeypatch: pytest.MonkeyPatch) -> list[Law]:
    """The laws the benefit computes the year under, in order."""
    laws: list[Law] = []
    real = benefit_module.annual

    def counted(facts: EnterpriseYear, *, law: Law) -> Any:
        laws.append(law)
        return real(facts, law=law)

    monkeypatch.setattr(benefit_module, "annual", counted)
    return laws


def cited(citations: tuple[Citation, ...]) -> list[tuple[str, str]]:
    return [(c.doc, c.article) for c in citations]


def check_row(case: Case, law: Law) -> None:
    """The policy's row and step: the tax without it, the saving, its documents."""
    b = benefit(case.facts, policies=[case.policy], law=law)
    row = b.policy(case.policy)
    assert (b.tax, row.saving, row.tax_without) == (P(case.tax), P(case.saving), P(case.tax) + P(case.saving))
    assert (b.tax_without_all, b.total_saving) == (row.tax_without, row.saving)  # one policy: all off is it
    assert cited(row.citations) == case.cites
    assert (row.zh, row.en, row.reduces_only) == (POLICIES[case.policy].zh, POLICIES[case.policy].en,
                                                  POLICIES[case.policy].reduces_only)
    step = next(s for s in b.steps if s.name == f"benefit.{case.policy}")
    assert (step.value, step.unit, cited(step.cite)) == (P(case.saving), "yuan", case.cites)
    assert step.en == f"{POLICIES[case.policy].en}: tax saved"
    assert step.zh == f"{POLICIES[case.policy].zh}：节税额"
    assert step.formula == f"{row.tax_without:,.2f} − {b.tax:,.2f}"


@pytest.mark.parametrize("name", MATTERS)
def test_a_policy_that_changes_the_tax_is_computed_again(name: str, computations: list[Law]) -> None:
    case = MATTERS[name]
    law = fresh()
    check_row(case, law)
    # The law, the policy off, all (here: the one) off.
    assert len(computations) == 3 and computations[0] is law
    off = policy_law([case.policy], law=law)
    assert computations[1].digest == computations[2].digest == off.digest != law.digest
    assert annual(case.facts, law=policy_law([case.policy], law=fresh())).tax == P(case.tax) + P(case.saving)


@pytest.mark.parametrize("name", CANNOT)
def test_a_policy_that_cannot_change_the_tax_is_not_computed_again(name: str, computations: list[Law]) -> None:
    case = CANNOT[name]
    law = fresh()
    check_row(case, law)
    assert len(computations) == 2 and computations[0] is law  # the law, and all (the one) off
    # Computed in full, the year without the policy pays the same tax: the shortcut changed nothing.
    assert annual(case.facts, law=policy_law([case.policy], law=fresh())).tax == P(case.tax)


def test_every_policy_has_a_case_each_way() -> None:
    assert {c.policy for c in MATTERS.values()} == set(POLICIES) == {c.policy for c in CANNOT.values()}


@pytest.mark.parametrize("name", [*MATTERS, *CANNOT])
def test_every_policy_on_every_year_saves_what_the_full_computation_shows(name: str) -> None:
    """The shortcut's answer for each policy, wherever it is taken, equals the year computed without it."""
    facts = {**MATTERS, **CANNOT}[name].facts
    b = benefit(facts, policies=list(POLICIES), law=fresh())
    for row in b.policies:
        assert row.tax_without == annual(facts, law=policy_law([row.id], law=fresh())).tax, row.id
    assert b.tax_without_all == annual(facts, law=policy_law(list(POLICIES), law=fresh())).tax


def test_a_policy_object_not_of_the_list_is_always_computed_again(computations: list[Law]) -> None:
    """A :class:`Policy` made by the caller may share an id with a listed one but switch off other values."""
    own = Policy("small_profit", "小型微利企业（假设：上限200万）", "small low-profit, 2,000,000 cap",
                                (("eit.small_profit.income_cap", "2000000"),), ())
    facts = year(hnte_years=(2019,))  # the relief was not applied: the listed policy would be skipped
    b = benefit(facts, policies=[own], law=fresh())
    assert len(computations) == 3
    assert (b.tax, b.policies[0].tax_without) == (P("750000.00"), P("750000.00"))
    # Cited by its id: the documents of the relief as the year's computation read them.
    assert cited(b.policies[0].citations) == SMALL_PROFIT_2019


def test_a_policy_cites_its_keys_in_force_and_leaves_out_a_key_not_in_force() -> None:
    """A caller's policy the computation does not use: the documents of its keys in force at the year's end."""
    own = Policy("rd_and_q4", "研发加计扣除（假设）", "R&D (what-if)", (("eit.rd.in_force", False),),
                 ("eit.equipment.hnte_q4.extra_ratio", "eit.rd.ratio.general"))  # the first only for 2022
    b = benefit(PLAIN, policies=[own], law=fresh())
    assert cited(b.policies[0].citations) == RD_75
    b = benefit(year(2022), policies=[own], law=fresh())
    # In 2022 both: the Q4 ratio of 28号 二 is the general ratio on 31 December.
    assert cited(b.policies[0].citations) == [*HNTE_Q4, ("财政部 税务总局 科技部公告2022年第28号", "二")]


def test_no_policy_computes_the_year_once(computations: list[Law]) -> None:
    b = benefit(PLAIN, policies=[], law=fresh())
    assert (b.tax, b.tax_without_all, b.total_saving, b.policies) == (P("1250000.00"), P("1250000.00"), 0, ())
    assert len(computations) == 1


def test_the_law_given_is_the_law_of_every_computation(computations: list[Law]) -> None:
    facts = year(rd=RdFacts(projects=(RdProject("P", personnel="400000"),)))
    law = default().with_values({"eit.rate.standard": "30%"})
    b = benefit(facts, policies=["rd_super_deduction"], law=law, known_on="2017-12-31")
    # 4,700,000 and 5,000,000 at 30%; as known on 2017-12-31, a 50% super-deduction: 4,800,000 at 30%.
    assert (b.tax, b.policies[0].saving, b.tax_without_all) == (P("1410000.00"), P("90000.00"), P("1500000.00"))
    assert (b.tax_as_known_on, b.saving_since) == (P("1440000.00"), P("30000.00"))
    assert computations[0] is law
    assert annual(facts, law=policy_law(["rd_super_deduction"], law=law)).tax == P("1500000.00")


def test_unknown_names_are_refused_naming_the_field() -> None:
    with pytest.raises(UnknownCategory) as caught:
        benefit(PLAIN, policies=["flat_tax"])
    assert (caught.value.field, str(caught.value)) == ("policy", (
        "policy: unknown value 'flat_tax'; expected one of: " + ", ".join(POLICIES)))
    with pytest.raises(InvalidInput) as bad_day:
        benefit(PLAIN, known_on="2017-13-01")
    assert str(bad_day.value) == "known_on: '2017-13-01' is not a date (write YYYY-MM-DD)"
    b = benefit(PLAIN, policies=["rd_super_deduction"], law=fresh())
    with pytest.raises(KeyError) as missing:
        b.policy("small_profit")
    assert missing.value.args == ("small_profit",)


def test_a_measure_of_its_time_is_cited_on_its_last_day_read_from_the_law_data():
    import sys

    from taxcalc.law import default

    benefit_module = sys.modules["taxcalc.eit.benefit"]
    last = benefit_module._last_difference
    policies = benefit_module.POLICIES
    assert str(default().memo(last, policies["hnte_equipment_2022q4"].off)) == "2022-12-31"
    assert str(default().memo(last, policies["loss_8_years_2020"].off)) == "2020-12-31"
    # a what-if that keeps the measure in force without end: no last day (the year's end is read)
    assert default().with_values({"eit.equipment.hnte_q4.in_force": True}).memo(
        last, policies["hnte_equipment_2022q4"].off) is None
    # against 8 years, the law differs in the open window from 2021 on: no last day
    assert default().memo(last, (("eit.losses.years.hardship", 8), ("eit.losses.years.film", 8))) is None

"""Qualification years: one certificate, read by 24号 for the 15% rate and by 45号 for losses.

Golden cases: the certificate valid 2017-10-27 – 2020-10-26; a certificate lapsing
mid-year without renewal (25% that year, still a loss qualification year); a loss
kept alive only by a certificate-validity year; tech-SME registration years; the
boundaries of 31 December and of the fourth quarter; "as known on" before 45号;
properties of the year sets; a hostile decimal context.
"""

from __future__ import annotations

import datetime as dt
import decimal
import tomllib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.eit import (
    EnterpriseYear,
    Equipment,
    HnteCertificate,
    Loss,
    RdFacts,
    RdProject,
    TechSmeRegistration,
    annual,
    benefit,
    hnte_q4_years,
    hnte_rate_years,
    hnte_validity_years,
    loss_window,
    qualification_year,
    registration_years,
)
from taxcalc.errors import InvalidInput, OutsideCoverage

D = Decimal
#: The brief's certificate: valid 2017-10-27 – 2020-10-26.
CERT = HnteCertificate("GR201713000456", "2017-10-27", "2020-10-26")
#: A certificate that lapses on 2018-11-19 and is not renewed.
LAPSING = HnteCertificate("GR201513000001", "2015-11-20", "2018-11-19")
#: Large enough never to be a small low-profit enterprise.
BIG = {"employees": D(400), "assets": D("60000000")}


def cites(steps) -> list[str]:
    return [str(c) for s in steps for c in s.cite]


# -- the year sets ----------------------------------------------------------------------------------


def test_the_2017_10_27_certificate():
    assert hnte_rate_years([CERT]) == (2017, 2018, 2019)  # 24号 一: from the year of issue; 2020 lapses unrenewed
    assert hnte_validity_years([CERT]) == (2017, 2018, 2019, 2020)  # 45号 二: 有效期所属年度
    assert hnte_q4_years([CERT]) == (2017, 2018, 2019, 2020)  # valid on 2020-10-01 … 2020-10-26
    f = EnterpriseYear(2020, profit=D("1"), hnte_certificates=(CERT,))
    assert (f.hnte_rate_years, f.hnte_loss_years, f.qualified) == ((2017, 2018, 2019), (2017, 2018, 2019, 2020),
                                                                  (2017, 2018, 2019, 2020))
    assert f.hnte_years == ()  # the field given stays as given


@pytest.mark.parametrize(("last", "rate"), [
    ("2020-12-30", (2018, 2019)),  # the day before 31 December: 2020 lapses unrenewed
    ("2020-12-31", (2018, 2019, 2020)),  # held on 31 December: 2020 counts
])
def test_31_december_is_the_day_that_counts_for_the_rate(last, rate):
    c = HnteCertificate("", "2018-01-01", last)
    assert hnte_rate_years([c]) == rate
    assert hnte_validity_years([c]) == (2018, 2019, 2020)


def test_issued_on_31_december_counts_for_that_year():
    assert hnte_rate_years([HnteCertificate("", "2019-12-31", "2022-12-30")]) == (2019, 2020, 2021)


@pytest.mark.parametrize(("last", "q4"), [("2022-09-30", (2019, 2020, 2021)), ("2022-10-01", (2019, 2020, 2021, 2022))])
def test_the_fourth_quarter_starts_on_1_october(last, q4):
    assert hnte_q4_years([HnteCertificate("", "2019-11-20", last)]) == q4


def test_a_renewal_is_the_next_certificate():
    renewed = HnteCertificate("GR201813000002", "2018-11-30", "2021-11-29")
    assert hnte_rate_years([LAPSING, renewed]) == (2015, 2016, 2017, 2018, 2019, 2020)
    late = HnteCertificate("GR201913000003", "2019-01-15", "2022-01-14")  # renewed only after the year's end
    assert hnte_rate_years([LAPSING, late]) == (2015, 2016, 2017, 2019, 2020, 2021)
    assert hnte_validity_years([LAPSING, late]) == tuple(range(2015, 2023))


def test_tech_sme_years_are_the_years_the_numbers_state():
    regs = [TechSmeRegistration(2019, "20193201050A000123"), TechSmeRegistration(2018, "")]
    assert registration_years(regs) == (2018, 2019)
    f = EnterpriseYear(2019, profit=D("1"), tech_sme_registrations=regs, tech_sme_years=(2021,))
    assert f.tech_sme_qualified_years == (2018, 2019, 2021) and f.qualified == (2018, 2019, 2021)


def test_hnte_years_stay_an_explicit_override_for_every_purpose():
    f = EnterpriseYear(2020, profit=D("1"), hnte_certificates=(CERT,), hnte_years=(2016, 2020))
    assert f.hnte_rate_years == (2016, 2017, 2018, 2019, 2020)
    assert f.hnte_loss_years == f.hnte_q4_years == (2016, 2017, 2018, 2019, 2020)
    # without certificates, exactly as before: one list for the rate and the losses
    g = EnterpriseYear(2018, profit=D("1"), hnte_years=(2017, 2018), tech_sme_years=(2019,))
    assert (g.hnte_rate_years, g.hnte_loss_years, g.qualified) == ((2017, 2018), (2017, 2018), (2017, 2018, 2019))


# -- the annual computation -------------------------------------------------------------------------


def test_a_certificate_lapsing_mid_year_without_renewal():
    """25% for 2018, although the enterprise prepaid at 15%; 2018 still counts for losses."""
    r = annual(EnterpriseYear(2018, profit=D("1000000"), hnte_certificates=(LAPSING,), **BIG))
    assert (r.regime, r.tax) == ("standard", D("250000.00"))
    assert [name for name, _ in r.alternatives] == ["standard"]  # no 15% to choose
    step = r.step("qualification.hnte_rate")
    assert step.value is False and "lapsed on 2018-11-19, not renewed" in step.en
    assert cites([step]) == ["国家税务总局公告2017年第24号 一"]
    assert 2018 in EnterpriseYear(2018, profit=D("1"), hnte_certificates=(LAPSING,)).qualified
    # the year before, covered in full: 15%, no rule on partial years to cite
    r = annual(EnterpriseYear(2017, profit=D("1000000"), hnte_certificates=(LAPSING,), **BIG))
    assert (r.regime, r.tax) == ("hnte", D("150000.00"))
    assert r.step("qualification.hnte_rate").cite == ()


def test_renewed_by_the_year_end_keeps_the_rate():
    renewed = HnteCertificate("GR201813000002", "2018-11-30", "2021-11-29")
    r = annual(EnterpriseYear(2018, profit=D("1000000"), hnte_certificates=(LAPSING, renewed), **BIG))
    assert (r.regime, r.tax) == ("hnte", D("150000.00"))
    step = r.step("qualification.hnte_rate")
    assert "renewed by the year's end with high-tech certificate GR201813000002" in step.en
    assert cites([step]) == ["国家税务总局公告2017年第24号 一"]
    assert [str(c) for c in benefit(EnterpriseYear(2018, profit=D("1000000"), hnte_certificates=(LAPSING, renewed),
                                                   **BIG), policies=["hnte_rate"]).policies[0].citations] == [
        "主席令第63号 第二十八条第二款", "国家税务总局公告2017年第24号 一"]


def test_overlapping_certificates():
    early = HnteCertificate("GR202013000010", "2020-09-01", "2023-08-31")  # issued before CERT lapses
    step = qualification_year(2020, certificates=[CERT, early]).step("qualification.hnte_rate")
    assert step.value is True and "renewed by the year's end with high-tech certificate GR202013000010" in step.en
    assert cites([step]) == ["国家税务总局公告2017年第24号 一"]  # the year of a lapse and of an issue
    # a certificate issued in an earlier year and held on 31 December covers the whole year, whatever else is issued
    step = qualification_year(2021, certificates=[CERT, early, HnteCertificate("X", "2021-03-01", "2024-02-28")]
                              ).step("qualification.hnte_rate")
    assert "GR202013000010" in step.en and "valid all year" in step.en and step.cite == ()


def test_the_issue_year_is_a_rate_year():
    r = annual(EnterpriseYear(2017, profit=D("1000000"), hnte_certificates=(CERT,), **BIG))
    assert (r.regime, r.tax) == ("hnte", D("150000.00"))
    assert "from the year of issue" in r.step("qualification.hnte_rate").en


def test_golden_a_loss_kept_alive_only_by_a_certificate_validity_year():
    """The 2013 loss in 2019: 2018 is a qualification year only by the certificate's validity (45号 二).

    With the rate years alone (2015–2017) no qualification year from 2018 falls in the
    loss's window (2014–2018), and the 300,000 expires at the end of 2018.
    """
    losses = (Loss(2013, "300000"),)
    r = annual(EnterpriseYear(2019, profit=D("1000000"), hnte_certificates=(LAPSING,), losses=losses, **BIG))
    assert (r.losses_used, r.taxable_income, r.tax) == (D("300000"), D("700000"), D("175000.00"))
    (row,) = r.losses.rows
    assert (row.last_year, row.carry_years, row.qualified_by) == (2023, 10, 2018)
    why = r.step("qualification.losses.2018")
    assert "GR201513000001" in why.en and cites([why]) == ["国家税务总局公告2018年第45号 二"]
    # one list of high-tech years for both purposes (the rate years): the loss is lost
    old = annual(EnterpriseYear(2019, profit=D("1000000"), hnte_years=(2015, 2016, 2017), losses=losses, **BIG))
    assert (old.losses_used, old.losses.expired, old.tax) == (D("0"), D("300000"), D("250000.00"))
    b = benefit(EnterpriseYear(2019, profit=D("1000000"), hnte_certificates=(LAPSING,), losses=losses, **BIG),
                policies=["loss_10_years"])
    (p,) = b.policies
    assert p.saving == D("75000.00")  # 300,000 × 25%
    assert [str(c) for c in p.citations] == ["财税〔2018〕76号 一", "国家税务总局公告2018年第45号 二"]


def test_golden_the_2020_validity_year_of_the_2017_certificate():
    """A 2019 loss: only 2020 — the year the certificate lapses in — can lengthen it (45号 covers the years before)."""
    assert loss_window(2019, qualified_years=hnte_validity_years([CERT]))[:2] == (2029, 10)
    assert loss_window(2019, qualified_years=hnte_rate_years([CERT]))[:2] == (2024, 5)
    losses = (Loss(2019, "400000"),)
    r = annual(EnterpriseYear(2025, profit=D("5000000"), hnte_certificates=(CERT,), losses=losses))
    assert (r.losses_used, r.tax) == (D("400000"), D("1150000.00"))
    assert r.losses.rows[0].qualified_by == 2020
    old = annual(EnterpriseYear(2025, profit=D("5000000"), hnte_years=(2017, 2018, 2019), losses=losses))
    assert (old.losses_used, old.losses.expired, old.tax) == (D("0"), D("400000"), D("1250000.00"))


def test_tech_sme_registration_extends_losses_and_raises_the_2017_rd_ratio():
    r = annual(EnterpriseYear(2018, profit=D("1000000"), losses=(Loss(2013, "100000"),), **BIG,
                              tech_sme_registrations=(TechSmeRegistration(2018, "201832010500012345"),)))
    assert r.losses.rows[0].carry_years == 10
    why = r.step("qualification.losses.2018")
    assert "201832010500012345" in why.zh and cites([why]) == ["国家税务总局公告2018年第45号 二"]
    rd = RdFacts(projects=(RdProject("P", personnel="400000"),))
    sme = annual(EnterpriseYear(2017, profit=D("1000000"), rd=rd, **BIG,
                                tech_sme_registrations=(TechSmeRegistration(2017),)))
    plain = annual(EnterpriseYear(2017, profit=D("1000000"), rd=rd, **BIG))
    assert (sme.rd.ratio, plain.rd.ratio) == (D("0.75"), D("0.5"))  # 财税〔2017〕34号 vs 条例 第九十五条


def test_q4_2022_equipment_of_a_certificate_lapsing_in_october():
    """The 15% rate is lost in 2022, but the enterprise was a high-tech enterprise on days of Q4 (28号 一)."""
    c = HnteCertificate("GR201913000777", "2019-10-15", "2022-10-14")
    a = Equipment("press", "8000000", "machinery", acquired_on="2022-11-01", in_use="2022-11-15")
    r = annual(EnterpriseYear(2022, profit=D("20000000"), hnte_certificates=(c,), equipment=(a,)))
    assert r.regime == "standard"
    assert (r.equipment[0].method, r.equipment_extra) == ("hnte_q4", D("8000000.00"))
    gone = HnteCertificate("GR201913000778", "2019-09-15", "2022-09-14")
    r = annual(EnterpriseYear(2022, profit=D("20000000"), hnte_certificates=(gone,), equipment=(a,)))
    assert r.equipment[0].method == "straight_line"


# -- coverage and the law as known ------------------------------------------------------------------


def test_years_before_24hao_are_outside_the_coverage_of_the_certificate_rule():
    issued_2016 = HnteCertificate("", "2016-03-01", "2019-02-28")
    with pytest.raises(OutsideCoverage, match="eit.hnte.rate_years"):
        annual(EnterpriseYear(2016, profit=D("1000000"), hnte_certificates=(issued_2016,), **BIG))
    # the explicit list still serves such a year
    r = annual(EnterpriseYear(2016, profit=D("1000000"), hnte_certificates=(issued_2016,), hnte_years=(2016,), **BIG))
    assert r.regime == "hnte"
    # a year covered in full needs no rule on partial years
    r = annual(EnterpriseYear(2016, profit=D("1000000"), hnte_certificates=(LAPSING,), **BIG))
    assert r.regime == "hnte"
    with pytest.raises(OutsideCoverage):
        qualification_year(2015, certificates=[LAPSING])


def test_the_qualification_year_rules_as_known_before_45hao():
    losses = (Loss(2013, "300000"),)
    f = EnterpriseYear(2019, profit=D("1000000"), hnte_certificates=(LAPSING,), losses=losses, **BIG)
    before_45 = annual(f, law=law.default().as_known_on("2018-08-01"))  # 76号 published, 45号 not yet
    assert before_45.losses_used == D("300000")
    assert cites([before_45.step("qualification.losses.2018")]) == ["财税〔2018〕76号 一"]
    before_76 = annual(f, law=law.default().as_known_on("2017-12-31"))  # no extension known: nothing to explain
    assert before_76.losses_used == D("0")
    assert not [s for s in before_76.steps if s.name.startswith("qualification.losses")]
    off = annual(f, law=law.default().with_values({"eit.losses.years.qualified": 5}))
    assert off.losses_used == D("0")


def test_a_rule_this_version_does_not_know_is_an_error():
    odd = law.default().with_values({"eit.hnte.rate_years": "valid_in_year"})
    with pytest.raises(InvalidInput, match="eit.hnte.rate_years: unknown rule 'valid_in_year'"):
        annual(EnterpriseYear(2018, profit=D("1000000"), hnte_certificates=(LAPSING,), **BIG), law=odd)


def test_qualification_year_explains_both_readings():
    r = qualification_year(2020, certificates=[CERT], registrations=[TechSmeRegistration(2020, "2020…")])
    assert (r.hnte_rate, r.hnte_losses, r.hnte_q4, r.tech_sme) == (False, True, True, True)
    assert cites(r.steps) == ["国家税务总局公告2017年第24号 一", "国家税务总局公告2018年第45号 二"]
    zh = r.explain("zh")
    assert "年底前未重新取得资格" in zh and "入库登记编号2020…注明的年度" in zh
    assert qualification_year(2021, certificates=[CERT]).steps == ()


# -- input ------------------------------------------------------------------------------------------


def test_certificates_and_registrations_from_a_file():
    f = EnterpriseYear.from_mapping(tomllib.loads('''
year = 2020
profit = "1000000"
hnte_certificates = [{ number = "GR201713000456", first = 2017-10-27, last = 2020-10-26 }]
tech_sme_registrations = [{ year = 2021, number = "2021…" }]
'''))
    assert f.hnte_certificates == (CERT,) and f.tech_sme_registrations == (TechSmeRegistration(2021, "2021…"),)


@pytest.mark.parametrize(("row", "message"), [
    ({"number": "x", "first": "2018-05-01", "last": "2018-04-30"},
     "hnte_certificates[0].last: 2018-04-30 is before the issue date 2018-05-01"),
    ({"number": "x", "first": "May 2018", "last": "2021-04-30"}, "hnte_certificates[0].first: 'May 2018' is not a date"),
    ({"number": 7, "first": "2018-05-01", "last": "2021-04-30"}, "hnte_certificates[0].number: must be text"),
    ({"first": "2018-05-01", "last": "2021-04-30", "to": "2021-04-30"}, "hnte_certificates[0].to: unknown field"),
])
def test_bad_certificates_are_named_by_path(row, message):
    with pytest.raises(InvalidInput) as info:
        EnterpriseYear.from_mapping({"year": 2018, "profit": "1", "hnte_certificates": [row]})
    assert str(info.value).startswith(message)


def test_bad_registrations_are_named_by_path():
    with pytest.raises(InvalidInput, match=r"tech_sme_registrations\[1\].year: a tax year is a whole number"):
        EnterpriseYear.from_mapping({"year": 2018, "profit": "1",
                                     "tech_sme_registrations": [{"year": 2018}, {"year": "2019"}]})


# -- properties -------------------------------------------------------------------------------------

days = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))
certificates = st.lists(st.tuples(days, st.integers(0, 1500)).map(
    lambda t: HnteCertificate("", t[0], t[0] + dt.timedelta(days=t[1]))), max_size=4)


@given(certificates)
def test_the_year_sets_agree_with_a_day_by_day_reading(certs):
    rate, valid, q4 = hnte_rate_years(certs), hnte_validity_years(certs), hnte_q4_years(certs)
    assert set(rate) <= set(valid) and set(q4) <= set(valid)
    for y in range(2014, 2032):
        assert (y in rate) == any(c.held_on(dt.date(y, 12, 31)) for c in certs)
        assert (y in valid) == any(c.first <= dt.date(y, 12, 31) and c.last >= dt.date(y, 1, 1) for c in certs)
        assert (y in q4) == any(c.first <= dt.date(y, 12, 31) and c.last >= dt.date(y, 10, 1) for c in certs)


@given(certificates, st.integers(2013, 2029))
def test_validity_years_never_shorten_a_loss_window(certs, origin):
    by_rate = loss_window(origin, qualified_years=hnte_rate_years(certs), upto=2040)[0]
    by_validity = loss_window(origin, qualified_years=hnte_validity_years(certs), upto=2040)[0]
    assert by_rate <= by_validity <= origin + 10


def test_results_ignore_a_hostile_ambient_context():
    def run():
        f = EnterpriseYear(2019, profit=D("1000000.37"), hnte_certificates=(LAPSING,), losses=(Loss(2013, "300000"),),
                           **BIG)
        return annual(f).as_dict(), qualification_year(2018, certificates=[LAPSING]).as_dict()

    expected = run()
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        ctx.traps[decimal.Inexact] = True
        assert run() == expected

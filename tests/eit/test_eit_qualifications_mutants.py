"""Qualification years shown in full (a snapshot, ``tests/snapshot.py``): a certificate issued,
valid all year, lapsed and renewed or not, two certificates, SME registrations, each year
2016–2024; every boundary of the three readings (31 December, 1 October, the year of issue
and of lapse); the rules' names checked; each refused input named with its reason."""

from __future__ import annotations

import datetime as _dt

import pytest

from snapshot import check, shown
from taxcalc.eit.qualifications import (
    HnteCertificate,
    TechSmeRegistration,
    hnte_q4_years,
    hnte_rate_years,
    hnte_validity_years,
    qualification_year,
    registration_years,
)
from taxcalc.errors import InputProblems, InvalidInput
from taxcalc.law import default


def qy(*args, **kw):
    """``qualification_year`` with a law of its own: the rules keep what they read from a law with the law
    (``Law.memo``), so each call reads afresh what the code under test makes of it."""
    kw.setdefault("law", default().with_values({}))
    return qualification_year(*args, **kw)


A = HnteCertificate("GR201713000456", "2017-10-27", "2020-10-26")
RENEWAL = HnteCertificate("GR202013000789", "2020-12-01", "2023-11-30")
EARLY_RENEWAL = HnteCertificate("GR202013000111", "2020-01-10", "2023-01-09")
NAMELESS = HnteCertificate("", "2018-12-31", "2021-12-31")
SME = (TechSmeRegistration(2019, "201913000100"), TechSmeRegistration(2021))

SCENARIOS = {
    "one certificate": ((A,), ()),
    "renewed at the end of the lapse year": ((A, RENEWAL), ()),
    "renewed early in the lapse year": ((A, EARLY_RENEWAL), ()),
    "a certificate without a number, to the year's end": ((NAMELESS,), ()),
    "registrations only": ((), SME),
    "both": ((A,), SME),
}


def test_every_case_shown_in_full():
    out = {}
    for name, (certs, regs) in SCENARIOS.items():
        out[name] = {"rate": list(hnte_rate_years(certs)), "validity": list(hnte_validity_years(certs)),
                     "q4": list(hnte_q4_years(certs)), "registrations": list(registration_years(regs))}
        for year in range(2017, 2025):
            out[f"{name}, {year}"] = shown(qy(year, certificates=certs, registrations=regs))
    check("eit_qualifications", out)


def one(first, last):
    return (HnteCertificate("X", first, last),)


@pytest.mark.parametrize(("first", "last", "rate", "validity", "q4"), [
    ("2018-12-31", "2021-12-31", (2018, 2019, 2020, 2021), (2018, 2019, 2020, 2021), (2018, 2019, 2020, 2021)),
    ("2018-12-31", "2021-12-30", (2018, 2019, 2020), (2018, 2019, 2020, 2021), (2018, 2019, 2020, 2021)),
    ("2019-01-01", "2021-10-01", (2019, 2020), (2019, 2020, 2021), (2019, 2020, 2021)),
    ("2019-01-01", "2021-09-30", (2019, 2020), (2019, 2020, 2021), (2019, 2020)),
])
def test_the_three_readings_at_their_boundaries(first, last, rate, validity, q4):
    certs = one(first, last)
    assert (hnte_rate_years(certs), hnte_validity_years(certs), hnte_q4_years(certs)) == (rate, validity, q4)
    end = int(last[:4])
    r = qy(end, certificates=certs)
    assert (r.year, r.hnte_rate, r.hnte_losses, r.hnte_q4, r.tech_sme) == (
        end, end in rate, True, end in q4, False)


def cites(step):
    return tuple(str(c) for c in step.cite)


def test_the_steps_value_and_citation():
    r24, r45 = "国家税务总局公告2017年第24号 一", "国家税务总局公告2018年第45号 二"
    issued = qy(2017, certificates=[A]).step("qualification.hnte_rate")
    assert (issued.value, issued.unit, cites(issued)) == (True, "bool", (r24,))
    assert issued.en == ("high-tech 15% rate this year (high-tech certificate GR201713000456 "
                         "(2017-10-27 – 2020-10-26), from the year of issue)")
    whole = qy(2018, certificates=[A])
    assert (whole.step("qualification.hnte_rate").value, cites(whole.step("qualification.hnte_rate"))) == (True, ())
    assert whole.step("qualification.hnte_rate").zh == ("本年度适用高新技术企业15%税率（高新技术企业证书GR201713000456"
                                                        "（2017-10-27至2020-10-26）全年有效）")
    s = whole.step("qualification.losses.2018")
    assert (s.value, s.unit, cites(s)) == (True, "bool", (r45,))
    lapsed = qy(2020, certificates=[A]).step("qualification.hnte_rate")
    assert (lapsed.value, cites(lapsed)) == (False, (r24,))
    renewed = qy(2020, certificates=[A, RENEWAL])
    s = renewed.step("qualification.hnte_rate")
    assert (s.value, cites(s)) == (True, (r24,))
    assert s.en == ("high-tech 15% rate this year (high-tech certificate GR201713000456 (2017-10-27 – 2020-10-26) "
                    "lapsed on 2020-10-26, renewed by the year's end with high-tech certificate GR202013000789 "
                    "(2020-12-01 – 2023-11-30))")
    both = qy(2019, certificates=[A], registrations=SME)
    s = both.step("qualification.losses.2019")
    assert cites(s) == (r45,)
    assert s.en == ("2019 a qualification year for the loss carry-forward (high-tech certificate GR201713000456 "
                    "(2017-10-27 – 2020-10-26) valid in 2019; technology-based SME registration 201913000100 for 2019)")
    bare = qy(2021, registrations=SME).step("qualification.losses.2021")
    assert bare.en == "2021 a qualification year for the loss carry-forward (technology-based SME registration for 2021)"
    assert bare.zh == "2021年度为具备资格年度（亏损结转；科技型中小企业入库登记编号注明的年度）"


def test_before_2018_a_qualification_year_extends_nothing():
    r = qy(2017, certificates=[A], registrations=[TechSmeRegistration(2017)])
    assert (r.hnte_losses, r.tech_sme) == (True, True)
    assert [s.name for s in r.steps] == ["qualification.hnte_rate"]
    same = default().with_values({"eit.losses.years.qualified": 5})
    r = qy(2019, certificates=[A], law=same)
    assert [s.name for s in r.steps] == ["qualification.hnte_rate"]
    assert qy(2016, certificates=[]).steps == ()


@pytest.mark.parametrize(("key", "year", "certs", "regs"), [
    ("eit.hnte.rate_years", 2017, (A,), ()),
    ("eit.hnte.rate_years", 2020, (A,), ()),
    ("eit.losses.qualification_year.hnte", 2019, (A,), ()),
    ("eit.losses.qualification_year.tech_sme", 2019, (), SME),
])
def test_a_rule_this_version_does_not_know_is_refused(key, year, certs, regs):
    expected = default().value(key, f"{year}-12-31").value
    other = default().with_values({key: "another_reading"})
    with pytest.raises(InvalidInput) as info:
        qy(year, certificates=certs, registrations=regs, law=other)
    assert info.value.field == key
    assert info.value.reason == f"unknown rule 'another_reading' (this version reads {expected!r})"


def test_the_certificates_and_registrations_are_checked():
    with pytest.raises(InvalidInput) as bad:
        HnteCertificate("X", "2020-01-02", "2020-01-01")
    assert (bad.value.field, bad.value.reason) == ("last", "2020-01-01 is before the issue date 2020-01-02")
    HnteCertificate("X", "2020-01-01", "2020-01-01")
    c = HnteCertificate.from_mapping({"number": "N", "first": "2019-01-01", "last": "2021-12-31"})
    assert (c.number, c.first, c.last) == ("N", _dt.date(2019, 1, 1), _dt.date(2021, 12, 31))
    with pytest.raises((InputProblems, InvalidInput)) as info:
        HnteCertificate.from_mapping({"number": "N", "first": "x", "last": "2021-12-31"})
    assert str(info.value).startswith("certificate.first")
    with pytest.raises((InputProblems, InvalidInput)) as info:
        TechSmeRegistration.from_mapping({"year": "x"})
    assert str(info.value).startswith("registration.year")
    assert TechSmeRegistration.from_mapping({"year": 2019}).year == 2019
    with pytest.raises((InputProblems, InvalidInput)) as info:
        qy(2019, certificates=["x"])
    assert str(info.value).startswith("certificates[0]")
    with pytest.raises((InputProblems, InvalidInput)) as info:
        qy(2019, registrations=["x"])
    assert str(info.value).startswith("registrations[0]")
    assert A.held_on(_dt.date(2017, 10, 27)) and A.held_on(_dt.date(2020, 10, 26))
    assert not A.held_on(_dt.date(2017, 10, 26)) and not A.held_on(_dt.date(2020, 10, 27))
    assert NAMELESS.described("en") == "high-tech certificate (2018-12-31 – 2021-12-31)"
    assert NAMELESS.described() == "高新技术企业证书（2018-12-31至2021-12-31）"


def rate_text(year, *certs):
    return qy(year, certificates=certs).step("qualification.hnte_rate").en


def test_which_certificate_the_rate_step_names():
    a = HnteCertificate("A", "2017-10-27", "2020-10-26")
    b = HnteCertificate("B", "2018-11-01", "2021-10-31")
    assert rate_text(2019, b, a) == "high-tech 15% rate this year (high-tech certificate A (2017-10-27 – 2020-10-26) valid all year)"
    early = HnteCertificate("E", "2020-02-01", "2023-01-31")
    late = HnteCertificate("L", "2020-05-01", "2023-04-30")
    assert rate_text(2020, early, late) == ("high-tech 15% rate this year (high-tech certificate L "
                                            "(2020-05-01 – 2023-04-30), from the year of issue)")
    same_year = HnteCertificate("S", "2020-01-01", "2020-12-31")
    assert rate_text(2020, same_year, early).endswith("(2020-02-01 – 2023-01-31), from the year of issue)")
    first_lapse = HnteCertificate("F", "2017-03-02", "2020-03-01")
    second_lapse = HnteCertificate("G", "2017-06-02", "2020-06-01")
    renewal = HnteCertificate("R", "2020-11-01", "2023-10-31")
    assert rate_text(2020, first_lapse, second_lapse, renewal) == (
        "high-tech 15% rate this year (high-tech certificate G (2017-06-02 – 2020-06-01) lapsed on 2020-06-01, "
        "renewed by the year's end with high-tech certificate R (2020-11-01 – 2023-10-31))")
    assert rate_text(2020, first_lapse, second_lapse) == (
        "high-tech 15% rate this year (high-tech certificate G (2017-06-02 – 2020-06-01) lapsed on 2020-06-01, "
        "not renewed by the year's end; tax prepaid at 15% is made up)")

"""Losses of 1994–2007 carried into 2008 and later: five years under the old regulations
(企业所得税暂行条例 第十一条; 外商投资企业和外国企业所得税法 第十一条)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taxcalc import law
from taxcalc.eit import EnterpriseYear, Loss, annual, apply_losses, loss_schedule, loss_window
from taxcalc.errors import OutsideCoverage

D = Decimal


def test_a_2003_loss_is_usable_in_2008_and_expired_in_2009():
    assert loss_window(2003)[:2] == (2008, 5)
    r = apply_losses(2008, "300000", [Loss(2003, "500000")])
    u = r.rows[0]
    assert (u.used, u.expired, u.remaining, u.last_year) == (D("300000"), D("200000"), D(0), 2008)
    assert r.carried == () and r.expired == D("200000")
    gone = apply_losses(2009, "300000", [Loss(2003, "500000")])
    assert gone.used == D(0) and gone.expired == D("500000")


def test_a_2007_loss_runs_to_2012_under_the_old_regulation():
    last, years, cite = loss_window(2007)
    assert (last, years) == (2012, 5)
    assert (cite.doc, cite.article) == ("国务院令第137号", "第十一条")
    assert loss_window(2008)[2].doc == "主席令第63号"   # the day of the switch: the new law


def test_the_switch_day_is_read_on_the_loss_years_last_day():
    data = law.default()
    assert data.value("eit.losses.years.general", "2007-12-31").citation.doc == "国务院令第137号"
    assert data.value("eit.losses.years.general", "2008-01-01").citation.doc == "主席令第63号"
    assert data.value("eit.losses.years.general", "1994-01-01").value == 5
    with pytest.raises(OutsideCoverage):
        data.value("eit.losses.years.general", "1993-12-31")


def test_no_qualification_extension_before_2018():
    # a 2006 loss of an enterprise qualified in 2008: five years all the same
    assert loss_window(2006, qualified_years=[2008])[:2] == (2011, 5)


def test_a_schedule_from_2005_through_the_change_of_law():
    s = loss_schedule({2005: "-100", 2006: "10", 2007: "10", 2008: "10", 2009: "10", 2010: "10", 2011: "100"})
    (ledger,) = s.ledger()
    assert (ledger.origin, ledger.used, ledger.expired, ledger.last_year) == (2005, D(50), D(50), 2010)
    assert s.years[-1].used == D(0)                 # 2011: the 2005 loss is gone


def test_annual_on_2008_uses_a_2006_loss():
    r = annual(EnterpriseYear(year=2008, profit="800000", losses=[Loss(2006, "100000")]))
    assert r.explain("en")
    assert any(s.cite and s.cite[0].doc == "国务院令第137号" for s in r.steps)


# -- the measures that did not exist yet: declared gaps, the day before and the day of --------

@pytest.mark.parametrize(("key", "first"), [
    ("eit.equipment.one_time.unit_value_cap", "2014-01-01"),
    ("eit.equipment.one_time.deduction_month_offset", "2014-01-01"),
    ("eit.equipment.hnte_q4.extra_ratio", "2022-10-01"),
    ("eit.losses.qualified_lookback", "2018-01-01"),
    ("eit.losses.qualification_year.hnte", "2018-01-01"),
    ("eit.losses.qualification_year.tech_sme", "2018-01-01"),
])
def test_a_measure_that_did_not_exist_yet_says_so(key, first):
    import datetime as dt

    from taxcalc.errors import NotInForce

    data = law.default()
    day = dt.date.fromisoformat(first)
    with pytest.raises(NotInForce) as info:
        data.value(key, day - dt.timedelta(days=1))
    assert info.value.gap.startswith("no ")
    assert data.value(key, day).first == day
    rows = {r.key: r for r in law.coverage("2008-01-01")}
    assert rows[key].status == "gap"

"""Loss carry-forward shown in full (a snapshot, ``tests/snapshot.py``): schedules with a loss
used in part and expiring, the 10-year extension by a qualification year (inside and outside
the loss's window and the look-back), the 2020 hardship and film extensions, several losses
used oldest first; each year's rows and steps asserted (value, citation, return-form line);
the ledger; each refused input named with its reason."""

from __future__ import annotations

from decimal import Decimal

import pytest

from snapshot import check, shown
from taxcalc.eit.losses import Loss, LossUse, apply_losses, loss_schedule, loss_window
from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.law import default


def fresh_law(fn):
    """``fn`` with a law of its own for each call: the rules keep what they read from a law with the law
    (``Law.memo``), so each call reads afresh what the code under test makes of it."""
    def call(*args, **kw):
        kw.setdefault("law", default().with_values({}))
        return fn(*args, **kw)
    return call


apply_losses = fresh_law(apply_losses)
loss_schedule = fresh_law(loss_schedule)
loss_window = fresh_law(loss_window)
P = Decimal
LAW18 = "主席令第63号 第十八条"

SCHEDULES = {
    "expires after five years": ({2013: "-100", 2014: "30", 2015: "0", 2016: "0", 2017: "0", 2018: "20",
                                  2019: "90"}, (), ()),
    "extended by 2018": ({2013: "-100", 2014: "-40", 2015: "10", 2016: "0", 2017: "0", 2018: "20", 2019: "15",
                          2020: "95.5"}, (), (2018,)),
    "an opening loss and a qualification year too late": ({2019: "10", 2020: "-5", 2021: "3"},
                                                          (Loss(2014, "50"), Loss(2016, "7")), (2020,)),
    "hardship 2020": ({2020: "-1000", 2021: "1", 2022: "1"}, (), ()),
}


def test_every_case_shown_in_full():
    out = {}
    for name, (incomes, opening, qualified) in SCHEDULES.items():
        marks = {2020: "hardship"} if "hardship" in name else None
        s = loss_schedule(incomes, opening=opening, qualified_years=qualified, extensions=marks)
        out[name] = shown(s) | {"ledger": [[str(x) for x in (lg.origin, lg.incurred, lg.used, lg.expired,
                                                           lg.remaining, lg.last_year, lg.expired_after)]
                                          for lg in s.ledger()]}
        for y in s.years:
            out[f"{name}, {y.year}"] = shown(y) | {"rows": [[str(x) for x in row] for row in y.rows]}
    check("eit_losses", out)


def cites(step):
    return tuple(str(c) for c in step.cite)


def test_one_year_row_by_row_and_step_by_step():
    r = apply_losses(2018, "300000", [Loss(2013, "500000"), Loss(2012, "100000")], qualified_years=[2018])
    assert (r.year, r.income, r.used, r.taxable_income, r.new_loss, r.expired) == (
        2018, P("300000"), P("300000"), P("0"), P("0"), P("100000"))
    g = r.rows[0].citation
    assert str(g) == LAW18
    q = r.rows[1].citation
    assert str(q).startswith("财税〔2018〕76号")
    assert r.rows == (LossUse(2012, P("100000"), P("0"), P("100000"), P("0"), 2017, 5, g, 0),
                      LossUse(2013, P("500000"), P("300000"), P("0"), P("200000"), 2023, 10, q, 2018))
    assert r.carried == (Loss(2013, "200000"),)
    names = [s.name for s in r.steps]
    assert names == ["losses.income", "losses.2012", "losses.2013", "losses.used", "losses.taxable_income"]
    s = r.step("losses.2012")
    assert (s.value, cites(s), s.line) == (P("0"), (LAW18,), "A106000")
    assert s.formula == "5 years; 100,000.00 expired"
    assert s.en == "loss of 2012: expired at the end of 2017"
    assert s.formula_zh == "结转年限5年；100,000.00已过期"
    assert "2012年度亏损：已于2017年度末超过结转年限：0.00 = 结转年限5年；100,000.00已过期" in r.explain("zh")
    assert "loss of 2012: expired at the end of 2017: 0.00 = 5 years; 100,000.00 expired" in r.explain("en")
    s = r.step("losses.2013")
    assert (s.value, cites(s), s.line) == (P("300000"), (str(q),), "A106000")
    assert s.formula == "min(500,000.00, income left); 10 years; remaining 200,000.00"
    assert s.en == "loss of 2013 used (usable to 2023)"
    assert (r.step("losses.used").value, r.step("losses.used").line) == (P("300000"), "A106000")
    assert r.step("losses.income").value == P("300000")
    assert r.step("losses.taxable_income").value == P("0")


def test_a_loss_in_its_last_year_expires_what_is_left():
    r = apply_losses(2018, "20", [Loss(2013, "70")])
    assert (r.used, r.expired, r.carried, r.taxable_income) == (P("20"), P("50"), (), P("0"))
    assert r.rows[0] == LossUse(2013, P("70"), P("20"), P("50"), P("0"), 2018, 5, r.rows[0].citation, 0)
    assert r.step("losses.2013").formula == "min(70.00, income left); 5 years; remaining 0.00; 50.00 expires at the end of 2018"
    assert r.step("losses.2013").formula_zh == "min(70.00, 剩余所得)；结转年限5年；尚未弥补 0.00；50.00于2018年度末到期"
    r = apply_losses(2018, "70.00", [Loss(2013, "70")])
    assert (r.used, r.expired, r.taxable_income, r.carried) == (P("70"), P("0"), P("0"), ())
    assert [str(x) for x in (r.rows[0].used, r.rows[0].remaining, r.used)] == ["70", "0", "70"]
    r = apply_losses(2018, "71", [Loss(2013, "70"), Loss(2014, "5")])
    assert (r.used, r.taxable_income, r.carried) == (P("71"), P("0"), (Loss(2014, "4"),))
    assert r.carried[0] is not None


def test_a_loss_year_and_no_loss_brought():
    r = apply_losses(2019, "-50000", qualified_years=[2019], extension="")
    assert (r.used, r.new_loss, r.taxable_income, r.expired, r.carried) == (P("0"), P("50000"), P("0"), P("0"),
                                                                           (Loss(2019, "50000"),))
    assert [s.name for s in r.steps] == ["losses.income", "losses.2019", "losses.used", "losses.taxable_income"]
    s = r.step("losses.2019")
    assert (s.value, cites(s), s.line, s.formula) == (P("50000"), (LAW18,), "A106000", "5 years")
    assert s.en == "this year's loss (usable to 2024, as qualified so far)"
    assert r.step("losses.used").value == 0
    brought = Loss(2017, "5")
    r = apply_losses(2019, "0.00", [brought])
    assert (r.used, r.new_loss, r.taxable_income, r.carried) == (P("0"), P("0"), P("0"), (Loss(2017, "5"),))
    assert r.carried[0] is brought  # carried as it was, not a copy
    assert [str(x) for x in (r.used, r.new_loss, r.taxable_income, r.rows[0].used, r.rows[0].remaining)] == [
        "0", "0", "0", "0", "5"]


@pytest.mark.parametrize(("origin", "kw", "last", "n"), [
    (2013, {}, 2018, 5), (2013, {"qualified_years": [2018]}, 2023, 10), (2012, {"qualified_years": [2018]}, 2017, 5),
    (2013, {"qualified_years": [2018], "upto": 2017}, 2018, 5), (2013, {"qualified_years": [2013]}, 2018, 5),
    (2014, {"qualified_years": [2019]}, 2024, 10), (2013, {"qualified_years": [2019]}, 2018, 5),
    (2020, {"extension": "hardship"}, 2028, 8), (2020, {"extension": "film"}, 2028, 8),
    (2019, {"extension": "hardship"}, 2024, 5), (2020, {"extension": "hardship", "qualified_years": [2021]}, 2030, 10),
])
def test_the_window_of_a_loss(origin, kw, last, n):
    assert loss_window(origin, **kw)[:2] == (last, n)


def test_the_what_if_and_the_look_back():
    five = default().with_values({"eit.losses.years.qualified": 5})
    assert loss_window(2013, qualified_years=[2018], law=five)[:2] == (2018, 5)
    short = default().with_values({"eit.losses.qualified_lookback": 4})
    assert loss_window(2013, qualified_years=[2018], law=short)[:2] == (2018, 5)
    assert loss_window(2014, qualified_years=[2018], law=short)[:2] == (2024, 10)
    assert loss_window(2014, qualified_years=[2018, 2019])[:3] == loss_window(2014, qualified_years=[2018])[:3]


def test_the_ledger_adds_up():
    s = loss_schedule([(2013, "-100"), (2014, "30"), (2015, "0"), (2016, "0"), (2017, "0"), (2018, "20")])
    (lg,) = s.ledger()
    assert (lg.origin, lg.incurred, lg.used, lg.expired, lg.remaining, lg.last_year, lg.expired_after) == (
        2013, P("100"), P("50"), P("50"), P("0"), 2018, 2018)
    s = loss_schedule({2013: "-100", 2014: "30"})
    assert s.ledger()[0].expired_after is None
    assert s.carried == (Loss(2013, "70"),)
    assert s.steps[0].name == "2013.losses.income"
    assert s.steps[0].en == "2013: income before losses"
    assert s.steps[0].zh.startswith("2013年度 ")


@pytest.mark.parametrize(("call", "field", "reason"), [
    (lambda: apply_losses(2019, "1", ["x"]), "losses[0]", "must be a Loss"),
    (lambda: apply_losses(2019, "1", [Loss(2019, "1")]), "losses[0].year",
     "a loss brought into 2019 must arise before it (got 2019)"),
    (lambda: apply_losses(2019, "1", [Loss(2017, "1"), Loss(2017, "2")]), "losses[1].year",
     "two losses of 2017; give one amount per year"),
    (lambda: apply_losses(2019, "1", extension="war"), "extension", None),
    (lambda: apply_losses(2019, 1.5), "income", None),
    (lambda: loss_schedule({}), "incomes", "give at least one year"),
    (lambda: loss_schedule({2013: "1", 2015: "1"}), "incomes", "years must be consecutive (2013 is followed by 2015)"),
    (lambda: loss_window("2013"), "origin", None),
    (lambda: loss_window(2013, upto="x"), "upto", None),
    (lambda: loss_window(2013, extension="x"), "extension", None),
])
def test_each_refused_input_is_named(call, field, reason):
    with pytest.raises((InvalidInput, NotMoney)) as info:
        call()
    assert info.value.field == field
    if reason is not None:
        assert info.value.reason == reason


def test_a_loss_from_a_table():
    assert Loss.from_mapping({"year": 2020, "amount": "5", "extension": "film"}) == Loss(2020, "5", "film")
    with pytest.raises(InvalidInput) as info:
        Loss.from_mapping({"year": 2020, "amount": "x"})
    assert info.value.field == "loss.amount"


def test_an_extended_loss_that_expires_keeps_its_qualification_year():
    r = apply_losses(2024, "1", [Loss(2013, "5")], qualified_years=[2018])
    assert r.rows[0].qualified_by == 2018
    assert (r.rows[0].last_year, r.rows[0].expired, r.expired) == (2023, P("5"), P("5"))


def test_a_qualification_year_that_extends_nothing_does_not_stop_the_search():
    assert loss_window(2014, qualified_years=[2016, 2018])[:2] == (2024, 10)


def test_the_law_given_runs_through_the_schedule():
    five = default().with_values({"eit.losses.years.qualified": 5})
    incomes = {2013: "-100", 2014: "0", 2015: "0", 2016: "0", 2017: "0", 2018: "0", 2019: "100"}
    assert loss_schedule(incomes, qualified_years=[2018]).years[-1].used == P("100")
    assert loss_schedule(incomes, qualified_years=[2018], law=five).years[-1].used == P("0")


@pytest.mark.parametrize("call", [
    lambda: apply_losses(2019, "1", qualified_years=["x"]),
    lambda: loss_schedule({2019: "1"}, qualified_years=["x"]),
    lambda: loss_window(2013, qualified_years=["x"]),
])
def test_the_qualified_years_are_named(call):
    with pytest.raises(InvalidInput) as info:
        call()
    assert info.value.field == "qualified_years"


def test_a_year_of_the_schedule_is_named():
    with pytest.raises(InvalidInput) as info:
        loss_schedule({"2019": "1"})
    assert info.value.field == "incomes"

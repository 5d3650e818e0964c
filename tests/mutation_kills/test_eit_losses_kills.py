"""The losses of a year inside the annual computation (``_year_losses``): a year with no loss brought
forward and none of its own takes the short way, reads no law and makes its ``LossYear`` only when read;
every other year goes through the carry-forward.  Each case is worked by hand and checked against
:func:`apply_losses` on the same figures, so the short way and the long one cannot drift apart."""

from __future__ import annotations

from decimal import Decimal

import pytest
from kill_helpers import rows

from taxcalc.eit import EnterpriseYear, Loss, annual
from taxcalc.eit.losses import apply_losses

P = Decimal
SIZE = {"employees": P(400), "assets": P("90000000")}  # never small low-profit: 25% throughout

# year, profit, losses brought forward,
#   losses used, taxable income, new loss, losses carried, tax, loss step names shown in the annual steps
CASES = [
    # no loss at all: the short way; taxable = profit
    (2019, "300000", (), "0", "300000", "0", (), "75000", ()),
    # no loss, a profit of one yuan: the short way; all of it taxable (25% = 0.25)
    (2019, "1", (), "0", "1", "0", (), "0.25", ()),
    # no loss, a profit of exactly nothing: the short way; nothing taxable
    (2019, "0", (), "0", "0", "0", (), "0", ()),
    # a loss made this year, none brought forward: the carry-forward, 5 years (主席令第63号 第十八条)
    (2019, "-50000", (), "0", "0", "50000", ((2019, "50000"),), "0", ("losses.2019",)),
    # a loss brought forward and a profit: 120,000 used of 200,000, 80,000 carried
    (2019, "120000", ((2016, "200000"),), "120000", "0", "0", ((2016, "80000"),), "0",
     ("losses.2016", "losses.used")),
    # a loss brought forward and a profit larger than it: all used
    (2019, "500000", ((2016, "200000"),), "200000", "300000", "0", (), "75000",
     ("losses.2016", "losses.used")),
    # a loss brought forward and a loss this year: nothing used, both carried
    (2019, "-10000", ((2016, "200000"),), "0", "0", "10000", ((2016, "200000"), (2019, "10000")), "0",
     ("losses.2016", "losses.2019", "losses.used")),
]


@pytest.mark.parametrize(("year", "profit", "brought", "used", "taxable", "new", "carried", "tax", "shown"), CASES)
def test_year_losses_in_the_annual_computation(year, profit, brought, used, taxable, new, carried, tax, shown):
    bf = tuple(Loss(y, P(a)) for y, a in brought)
    r = annual(EnterpriseYear(year, profit=P(profit), losses=bf, **SIZE))
    assert r.income_before_losses == P(profit)
    assert r.losses_used == P(used)
    assert r.taxable_income == P(taxable)
    assert r.tax == P(tax)
    assert [(c.year, c.amount, c.extension) for c in r.losses_carried] == [(y, P(a), "") for y, a in carried]
    # the result's LossYear (made when read on the short way) is the one apply_losses gives
    losses = r.losses
    alone = apply_losses(year, P(profit), bf)
    assert losses.year == alone.year == year
    assert losses.income == alone.income == P(profit)
    assert losses.used == alone.used == P(used)
    assert losses.taxable_income == alone.taxable_income == P(taxable)
    assert losses.new_loss == alone.new_loss == P(new)
    assert losses.expired == alone.expired == 0
    assert losses.rows == alone.rows
    assert losses.carried == alone.carried == r.losses_carried
    # the annual explanation shows the loss steps only when there are losses
    names = [s.name for s in r.steps]
    assert [n for n in names if n.startswith("losses.")] == list(shown)
    assert rows(tuple(s for s in losses.steps)) == rows(tuple(s for s in r.steps if s.name.startswith("losses.")))
    assert r.step("annual.taxable_income").value == P(taxable)


def test_a_year_without_losses_shows_no_loss_step_and_carries_nothing():
    r = annual(EnterpriseYear(2020, profit=P("1000000"), **SIZE))
    assert r.losses.steps == ()
    assert r.losses.rows == () and r.losses.carried == ()
    assert r.losses.year == 2020 and r.losses.income == P("1000000")
    assert not any(s.name == "annual.losses_carried" for s in r.steps)
    assert r.step("annual.income_before_losses").value == P("1000000")
    assert r.step("annual.taxable_income").value == P("1000000")

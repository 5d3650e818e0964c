"""Parts of a result made when read: the annual result's losses and small low-profit relief, as if made at once."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from decimal import Decimal

import pytest

from taxcalc.eit import (
    AnnualResult,
    EnterpriseYear,
    Loss,
    LossYear,
    SmallProfit,
    annual,
    apply_losses,
)
from taxcalc.eit.losses import _apply
from taxcalc.explain import Explained, Step, made_when_read, result
from taxcalc.law import default

D = Decimal
QUARTERS = [{"employees_start": 40, "employees_end": 42, "assets_start": "3000000", "assets_end": "3200000"}] * 4
NO_LOSS = {"year": 2018, "profit": "560000", "adjustments": "20000", "industry": "wholesale_retail",
           "quarters": QUARTERS}


def eager(r: AnnualResult) -> AnnualResult:
    """The same result with every part made at once (as the constructor is given them)."""
    return AnnualResult(*[getattr(r, f.name) for f in dataclasses.fields(AnnualResult)])


@pytest.mark.parametrize("profit", ["560000", "0", "-30000", "5000000"])
def test_the_parts_are_those_of_the_computation(profit):
    f = EnterpriseYear.from_mapping({**NO_LOSS, "profit": profit})
    r = annual(f)
    assert isinstance(r.losses, LossYear)
    assert r.losses == _apply(default(), 2018, r.income_before_losses, (), (), "")
    assert (r.losses.used, r.losses.taxable_income, r.losses.new_loss, r.losses.carried) == (
        r.losses_used, r.taxable_income, r.new_loss, r.losses_carried)
    sp = r.small_profit
    assert sp is None or isinstance(sp, SmallProfit)
    if sp is not None:
        assert sp.income == r.taxable_income
        assert (r.regime == "small_profit") == (sp.eligible and sp.tax == r.tax and sp.tax < r.standard_tax)


def test_a_year_with_losses_shows_them_as_before():
    f = EnterpriseYear.from_mapping({**NO_LOSS, "losses": [{"year": 2016, "amount": "100000"}]})
    r = annual(f)
    alone = apply_losses(2018, r.income_before_losses, [Loss(2016, D("100000"))])
    assert r.losses.rows == alone.rows and r.losses.used == D("100000")
    assert [s.name for s in r.steps if s.name.startswith("losses.")] == ["losses.2016", "losses.used"]


def test_a_result_with_parts_when_read_is_equal_hashed_copied_pickled_as_one_made_at_once():
    f = EnterpriseYear.from_mapping(NO_LOSS)
    a, b = annual(f), annual(f)
    assert a == eager(b) and hash(a) == hash(eager(annual(f)))
    assert pickle.loads(pickle.dumps(annual(f))) == a
    assert copy.deepcopy(annual(f)).as_dict() == a.as_dict()
    assert dataclasses.replace(annual(f), tax=D(1)).losses == a.losses
    assert annual(f).as_dict() == eager(annual(f)).as_dict()
    assert "losses=LossYear(" in repr(annual(f)) and "small_profit=SmallProfit(" in repr(annual(f))
    assert annual(f).explain("en") == eager(annual(f)).explain("en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.losses = a.losses  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.small_profit = None  # type: ignore[misc]


def test_a_part_is_made_once_and_kept():
    made = []

    @result(when_read=("half",))
    class Halved(Explained):
        value: Decimal
        half: Decimal
        steps: tuple[Step, ...] = ()

    def half(r: Halved, by: int) -> Decimal:
        made.append(by)
        return r.value / by

    h = Halved(D(4), made_when_read(half, 2))
    assert made == []
    assert h.half == D(2) and h.half == D(2)
    assert made == [2]
    assert Halved(D(4), D(2)).half == D(2)  # a value given as it is


def test_only_a_field_may_be_made_when_read():
    with pytest.raises(TypeError, match="when_read"):
        @result(when_read=("nothing",))
        class Wrong(Explained):
            value: Decimal
            steps: tuple[Step, ...] = ()

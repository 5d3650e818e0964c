"""Steps written when first read, and the input records read once: the same results, errors and data as before."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.eit import (
    AnnualResult,
    EnterpriseYear,
    HnteCertificate,
    Loss,
    Quarter,
    RdFacts,
    annual,
)
from taxcalc.eit._common import amount, signed_amount
from taxcalc.errors import InvalidInput, OutsideCoverage
from taxcalc.explain import Step
from taxcalc.money import money, nonnegative_money

D = Decimal
MAPPING = {
    "year": 2018, "profit": "560000", "adjustments": "-20000.50", "industry": "wholesale_retail",
    "quarters": [{"employees_start": 40, "employees_end": 42, "assets_start": "3000000", "assets_end": "3200000"}] * 4,
    "losses": [{"year": 2016, "amount": "1000"}],
    "rd": {"projects": [{"name": "P", "personnel": "1,000"}]},
}


def test_steps_stay_a_field_in_its_place():
    r = annual(EnterpriseYear.from_mapping(MAPPING))
    names = [f.name for f in dataclasses.fields(AnnualResult)]
    assert names[-1] == "steps"
    assert list(r.as_dict()) == names
    assert all(isinstance(s, Step) for s in r.steps)
    assert r.steps is r.steps  # written once, then kept


def test_a_result_compares_copies_and_pickles_with_its_steps():
    f = EnterpriseYear.from_mapping(MAPPING)
    a, b = annual(f), annual(f)
    assert a == b and hash(a) == hash(b)
    assert pickle.loads(pickle.dumps(a)) == a
    assert copy.deepcopy(b).explain("en") == a.explain("en")
    assert dataclasses.replace(a, tax=D(1)).steps == a.steps
    assert "steps=(Step(" in repr(annual(f))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.steps = ()  # type: ignore[misc]


def test_the_law_is_read_while_computing_not_when_explaining():
    # The certificate rule of the 15% rate is in the data from 2017: a 2011 certificate year fails at once.
    f = EnterpriseYear(2011, profit=D("5000000"), hnte_certificates=(HnteCertificate("GR1", "2011-01-01",
                                                                                       "2013-12-31"),))
    with pytest.raises(OutsideCoverage):
        annual(f)


def test_the_constructor_and_the_reader_make_the_same_record():
    f = EnterpriseYear.from_mapping(MAPPING)
    g = EnterpriseYear(**MAPPING)  # type: ignore[arg-type]
    assert f == g
    assert (f.size, f.qualified, f.rd.totals, f.losses) == (g.size, g.qualified, g.rd.totals, g.losses)
    assert f.rd.projects[0].personnel == D(1000) and f.adjustments == D("-20000.50")
    assert EnterpriseYear(2018, profit="1").rd == RdFacts() == EnterpriseYear.from_mapping(
        {"year": 2018, "profit": "1"}).rd


@pytest.mark.parametrize(("change", "field"), [
    ({"rd": {"projects": [{"personel": "1"}]}, "profit": 1.5}, "rd.projects[0].personel"),  # the R&D table first
    ({"quarters": [{"employees_start": -1}]}, "quarters[0].employees_end"),  # missing before checked
    ({"quarters": MAPPING["quarters"][:3]}, "quarters"),
    ({"losses": [{"year": 2018, "amount": "1"}]}, "losses"),
    ({"employees": 5}, "quarters"),
    ({"industrial": None, "industry": "manufactoring"}, "industry"),
])
def test_errors_name_the_same_field_either_way(change: dict[str, object], field: str):
    data = {**MAPPING, **change}
    with pytest.raises(InvalidInput) as read:
        EnterpriseYear.from_mapping(data)
    assert read.value.field == field
    if not field.startswith("rd."):
        with pytest.raises(InvalidInput) as made:
            EnterpriseYear(**data)  # type: ignore[arg-type]
        assert str(made.value) == str(read.value)


def test_a_quarter_and_a_loss_check_every_field():
    assert Quarter(1, 2, "3", D(4)) == Quarter.from_mapping({"employees_start": 1, "employees_end": 2,
                                                             "assets_start": 3, "assets_end": "4"})
    with pytest.raises(InvalidInput, match="must not be negative"):
        Loss(2016, "-1")
    with pytest.raises(InvalidInput, match="loss.amount: must not be negative"):
        Loss.from_mapping({"year": 2016, "amount": "-1"})


def _outcome(fn: object, text: str) -> tuple[object, ...]:
    try:
        d = fn(text, "x")  # type: ignore[operator]
    except Exception as exc:  # noqa: BLE001
        return ("error", type(exc).__name__, str(exc))
    return ("value", d.as_tuple())


@given(st.text(alphabet="0123456789.-, e+_١²", max_size=20))
def test_plain_strings_read_as_money_reads_them(text: str):
    assert _outcome(amount, text) == _outcome(nonnegative_money, text)
    assert _outcome(signed_amount, text) == _outcome(money, text)


def test_a_light_result_is_a_frozen_dataclass_made_at_once():
    from taxcalc.eit import SmallProfit
    from taxcalc.explain import later

    r = annual(EnterpriseYear.from_mapping(MAPPING))
    sp = r.small_profit
    assert sp is not None
    fields = {f.name: getattr(sp, f.name) for f in dataclasses.fields(SmallProfit)}
    assert SmallProfit(**fields) == sp == SmallProfit(*fields.values())
    with pytest.raises(TypeError, match="missing required argument: 'steps'"):
        SmallProfit(*list(fields.values())[:-1])
    with pytest.raises(TypeError, match="unexpected keyword argument 'tx'"):
        SmallProfit(**fields, tx=1)
    with pytest.raises(TypeError, match="multiple values for argument 'year'"):
        SmallProfit(2018, **fields)
    with pytest.raises(dataclasses.FrozenInstanceError):
        sp.tax = D(0)  # type: ignore[misc]
    written = []
    lazy = SmallProfit(*list(fields.values())[:-1], later(lambda s: written.append(1) or list(sp.steps)))
    assert pickle.loads(pickle.dumps(lazy)).steps == sp.steps and written == [1]  # pickled written, once
    assert lazy.steps is lazy.steps

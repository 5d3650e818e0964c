"""Input records of the export rules given as instances or as mappings (``taxcalc.export._input.record``):
a mapping's problems are named under the line's path (``lines[3].amount``)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.export._input import record
from taxcalc.export.exempt_refund import PurchaseLine


@dataclass(frozen=True)
class Line:
    amount: Decimal
    day: str
    note: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    made: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if isinstance(self.amount, float):
            raise NotMoney("amount", "a float is not money")
        if self.note == "bad":
            raise InvalidInput("note", "is bad")


def test_every_missing_field_is_named() -> None:
    with pytest.raises(InvalidInput) as caught:
        record({}, PurchaseLine, "lines[4]", "a purchase line")
    assert str(caught.value) == "lines[4].amount: missing (required) (also missing: purchase_vat_rate, export_date)"


def test_an_instance_is_taken_as_it_is() -> None:
    line = Line(Decimal(1), "x")
    assert record(line, Line, "lines[0]", "a line") is line


def test_a_mapping_is_made_into_the_record() -> None:
    got = record({"amount": Decimal("2.50"), "day": "d", "tags": ("a",)}, Line, "lines[1]", "a line")
    assert got == Line(Decimal("2.50"), "d", "", ("a",))
    real = record({"amount": "100.00", "purchase_vat_rate": "13%", "export_date": "2019-05-01",
                   "rebate_rate": "13%"}, PurchaseLine, "lines[0]", "a purchase line")
    assert (real.amount, real.purchase_vat_rate, real.export_date, real.rebate_rate) == (
        Decimal("100.00"), Decimal("0.13"), _dt.date(2019, 5, 1), Decimal("0.13"))


@pytest.mark.parametrize(("item", "error", "message"), [
    ({"amount": 1, "day": "d", "colour": 1, "size": 2}, InvalidInput, "lines[2]: unknown field(s): colour, size"),
    ({"amount": 1, "day": "d", 3: 1}, InvalidInput, "lines[2]: unknown field(s): 3"),
    ({"day": "d"}, InvalidInput, "lines[2].amount: missing (required)"),
    ({}, InvalidInput, "lines[2].amount: missing (required) (also missing: day)"),
    ({"amount": 1, "day": "d", "made": 1}, InvalidInput,
     "lines[2]: Line.__init__() got an unexpected keyword argument 'made'"),
    ({"amount": 1, "day": "d", "note": "bad"}, InvalidInput, "lines[2].note: is bad"),
    ({"amount": 1.5, "day": "d"}, NotMoney, "lines[2].amount: a float is not money"),
    ([1, "d"], InvalidInput, "lines[2]: a list is not a line"),
    ("1,d", InvalidInput, "lines[2]: a str is not a line"),
])
def test_a_mapping_s_problems_are_named_under_its_path(item: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        record(item, Line, "lines[2]", "a line")
    assert type(caught.value) is error
    assert str(caught.value) == message


"""The quick reader of ``taxcalc.inputs`` (a table whose every value is valid) gives what the full reader gives.

``take`` (a record's ``from_mapping``) reads a table in one pass when every value is
plainly valid, and leaves anything else to the full reader, which raises the first
problem.  These properties hold the two together: whatever the quick reader makes is
the record the full reader makes — every field, derived ones included, value and type
— and a table the full reader refuses is never made by the quick reader.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc.eit import Equipment, Loss, Quarter
from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.inputs import (
    Amount,
    Choice,
    Code,
    Date,
    Flag,
    Integer,
    Integers,
    ListOf,
    Month,
    Nested,
    Rate,
    Rows,
    Text,
    Year,
    Years,
    record,
    take,
)
from taxcalc.inputs.record import _MISS, _quick, _spec, _take_each


def shown(made: Any) -> Any:
    """Every field of a record (derived ones too), with the type of its value; records inside shown the same."""
    if dataclasses.is_dataclass(made) and not isinstance(made, type):
        return (type(made).__name__, [(f.name, shown(getattr(made, f.name))) for f in dataclasses.fields(made)])
    if isinstance(made, tuple):
        return ("tuple", [shown(v) for v in made])
    return (type(made).__name__, repr(made))


def full(cls: type[Any], data: Any) -> Any:
    """The full reader's outcome: the record, or the error (type and message)."""
    try:
        return ("made", shown(_take_each(cls, _spec(cls), data)))
    except (InvalidInput, NotMoney) as e:
        return (type(e).__name__, str(e))


def agree(cls: type[Any], data: Any) -> bool:
    """Check the quick reader against the full one on ``data``; whether it read the table itself."""
    expected = full(cls, data)
    quick = _quick(_spec(cls).plan, data) if type(data) is dict else _MISS
    if quick is not _MISS:
        assert expected == ("made", shown(quick))
    try:  # and take, the two together, as the full reader
        got = ("made", shown(take(cls, data)))
    except (InvalidInput, NotMoney) as e:
        got = (type(e).__name__, str(e))
    assert got == expected
    return quick is not _MISS


whole = st.one_of(st.integers(-3, 10_000_010), st.sampled_from([0, 1, 4, 5, True, False, None, "3", 2.0]))
amounts = st.one_of(
    st.text("0123456789", min_size=1, max_size=18),
    st.sampled_from(["0", "00", "0012", "1,000", "12.50", "-5", "-0", "١٢", "１２", " 12", "1e3", "NaN", "", "x"]),
    st.integers(-10**16 - 1, 10**16 + 1), st.sampled_from([0, -1, 10**16 - 1, 10**16, True, None, 1.5]),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
)
dates = st.one_of(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
                  st.dates().map(lambda d: d.isoformat()),
                  st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2030, 1, 1)),
                  st.sampled_from(["2018-02-30", " 2018-03-12", "2018-03-12 ", "20180312", "2018-W10", "2018-3-1",
                                   "", 20180312, None]))
texts = st.one_of(st.text(max_size=5), st.sampled_from(["CNC lathe", " x", "", 7, None]))


def maybe(draw: Any, mapping: dict[str, Any]) -> dict[str, Any]:
    """``mapping``, sometimes with a field left out or an unknown one added."""
    if mapping and draw(st.integers(0, 9)) == 0:
        mapping.pop(draw(st.sampled_from(sorted(mapping))))
    if draw(st.integers(0, 9)) == 0:
        mapping[draw(st.sampled_from(["amout", "yaer", "extra"]))] = 1
    return mapping


@st.composite
def quarters(draw: Any) -> dict[str, Any]:
    data = {"employees_start": draw(whole), "employees_end": draw(whole), "assets_start": draw(amounts),
            "assets_end": draw(amounts)}
    if draw(st.booleans()):
        data["quarter"] = draw(whole)
    return maybe(draw, data)


@st.composite
def losses(draw: Any) -> dict[str, Any]:
    data = {"year": draw(st.one_of(st.integers(1940, 2210), whole)), "amount": draw(amounts)}
    if draw(st.booleans()):
        data["extension"] = draw(st.sampled_from(["", "hardship", "film", "flood", 1, None]))
    return maybe(draw, data)


@st.composite
def equipment(draw: Any) -> dict[str, Any]:
    data = {"name": draw(texts), "cost": draw(amounts),
            "kind": draw(st.sampled_from(["machinery", "electronics", "buildings", "machine", "", 3, None])),
            "acquired_on": draw(dates), "in_use": draw(dates)}
    for name, values in (("book_depreciation", amounts), ("residual", amounts),
                         ("elect_one_time", st.sampled_from([True, False, 1, "yes", None])),
                         ("acquisition", st.sampled_from(["purchase", "self_built", "bought", None]))):
        if draw(st.booleans()):
            data[name] = draw(values)
    return maybe(draw, data)


@given(quarters())
def test_a_quarter_row(data):
    agree(Quarter, data)


@given(losses())
def test_a_loss(data):
    agree(Loss, data)


@given(equipment())
def test_an_asset(data):
    agree(Equipment, data)


# A record of every kind of field, nested tables and rows among them, with checks and derived fields.


@record(checked=True)
class Part:
    """A row."""

    label: Annotated[str, Text("its name")]
    weight: Annotated[Decimal, Amount("its weight", sign="positive")]
    share: Annotated[Decimal, Rate("its share")] = Decimal(1)

    def checks(self):
        """label is not "bad"."""
        if self.label == "bad":
            yield "label", "is bad"


@record
class Plain:
    """A slotted record (its constructor checks nothing)."""

    month: Annotated[dt.date, Month("a month")]
    code: Annotated[str, Code("a code (four digits)", pattern=r"^[0-9]{4}$", example="1234")] = "0000"


@record(checked=True, read_first=("parts",))
class Everything:
    """Every kind."""

    year: Annotated[int, Year("the year")]
    amount: Annotated[Decimal, Amount("signed", sign="any")] = Decimal(0)
    count: Annotated[int | None, Integer("a count", minimum=0, maximum=9)] = None
    colour: Annotated[str, Choice("a colour", ("red", "green", ""))] = ""
    size: Annotated[str, Choice("a size, known when asked", lambda: ("s", "m"))] = "s"
    on: Annotated[dt.date | None, Date("a day")] = None
    flag: Annotated[bool, Flag("a flag")] = False
    years: Annotated[tuple[int, ...], Years("years")] = ()
    numbers: Annotated[tuple[int, ...], Integers("numbers", minimum=1, maximum=5, max_items=3)] = ()
    words: Annotated[tuple[str, ...], ListOf("words", Text("a word"), noun="words", max_items=2)] = ()
    parts: Annotated[tuple[Part, ...], Rows("parts", Part, max_items=3)] = ()
    plain: Annotated[Plain | None, Nested("a plain record", Plain)] = None
    heaviest: Decimal = dataclasses.field(init=False, repr=False, compare=False)

    def checks(self):
        """the parts weigh less than 100 together."""
        if sum(p.weight for p in self.parts if p.weight is not None) >= 100:  # a None is read as given
            yield "parts", "too heavy"

    def derive(self):
        self.__dict__["heaviest"] = max((p.weight for p in self.parts if p.weight is not None), default=Decimal(0))


parts = st.fixed_dictionaries({"label": st.sampled_from(["a", "bad", "", 5]), "weight": amounts},
                              optional={"share": st.sampled_from(["0.5", "13%", "2", 0, 1, "x"])})
values = {
    "year": st.one_of(st.integers(1940, 2210), whole),
    "amount": amounts,
    "count": whole,
    "colour": st.sampled_from(["red", "", "blue", 1, None]),
    "size": st.sampled_from(["s", "m", "l", None]),
    "on": dates,
    "flag": st.sampled_from([True, False, 0, "true", None]),
    "years": st.one_of(st.lists(st.one_of(st.integers(1940, 2210), whole), max_size=4),
                       st.sampled_from([(), (2018, 2018), "2018", {"a": 1}, None, range(2018, 2020)])),
    "numbers": st.one_of(st.lists(whole, max_size=4), st.sampled_from([[], (1, 1, 2), None])),
    "words": st.one_of(st.lists(texts, max_size=3), st.sampled_from([(), "word", None])),
    "parts": st.one_of(st.lists(st.one_of(parts, st.sampled_from([1, None, "x"])), max_size=4),
                       parts, st.sampled_from([(), "x", None])),
    "plain": st.one_of(st.fixed_dictionaries({"month": st.sampled_from(["2018-03", "2018-13", 3])},
                                             optional={"code": st.sampled_from(["1234", "12", 1234])}),
                       st.sampled_from([None, [], "x"])),
}


@st.composite
def everything(draw: Any) -> dict[str, Any]:
    data = {name: draw(values[name]) for name in draw(st.sets(st.sampled_from(sorted(values)))) | {"year"}}
    return maybe(draw, data)


@settings(max_examples=300)
@given(everything())
def test_every_kind_of_field(data):
    agree(Everything, data)


def test_a_table_of_valid_values_is_read_by_the_quick_reader():
    data = {"year": 2018, "amount": "-12.50", "count": 3, "colour": "red", "size": "m", "on": "2018-03-12",
            "flag": True, "years": [2019, 2018, 2019], "numbers": (3, 1), "words": ["a", "b"],
            "parts": [{"label": "a", "weight": "40", "share": "13%"}, Part("b", Decimal(2))],
            "plain": {"month": "2018-03"}}
    assert agree(Everything, data)
    made = take(Everything, data)
    assert (made.amount, made.years, made.numbers, made.parts[0].share, made.plain, made.heaviest) == (
        Decimal("-12.50"), (2018, 2019), (1, 3), Decimal("0.13"), Plain(dt.date(2018, 3, 1)), Decimal(40))
    # A quarter row and a loss as a file gives them
    assert agree(Quarter, {"employees_start": 40, "employees_end": 42, "assets_start": "3000000",
                           "assets_end": "3200000"})
    assert agree(Loss, {"year": 2016, "amount": "200000"})
    assert agree(Equipment, {"name": "CNC lathe", "cost": "480000", "kind": "machinery",
                             "acquired_on": "2018-03-12", "in_use": "2018-04-02", "book_depreciation": "32400"})


def test_a_table_with_a_problem_is_left_to_the_full_reader_which_raises_the_first():
    for data, message in (
        ({"year": 2018, "parts": [{"label": "bad", "weight": "1"}], "amount": "12x"},
         "parts[0].label: is bad"),  # read first
        ({"year": 2018, "amount": "12x", "count": 10}, "amount: '12x' is not a number"),
        ({"year": 2018, "parts": [{"label": "a", "weight": "60"}, {"label": "b", "weight": "50"}]},
         "parts: too heavy"),
        ({"year": 2018, "colour": "blue", "yaer": 1}, "yaer: unknown field; did you mean 'year'?"),
        ({"amount": "1"}, "year: missing (required)"),
    ):
        assert _quick(_spec(Everything).plan, data) is _MISS
        try:
            take(Everything, data)
        except InvalidInput as e:
            assert str(e).startswith(message), (str(e), message)
        else:
            raise AssertionError(f"{data} was read")


def test_a_none_given_for_a_field_whose_default_is_none_is_read_as_before():
    data = {"year": 2018, "count": None, "on": None, "plain": None}
    assert _quick(_spec(Everything).plan, data) is _MISS  # left to the full reader, which reads it
    made = take(Everything, data)
    assert (made.count, made.on, made.plain) == (None, None, None)


def test_a_none_given_for_a_required_field_is_refused_naming_it_as_the_constructor_does():
    data = {"name": "Lathe", "cost": None, "kind": "machinery", "acquired_on": "2018-03-12", "in_use": "2018-04-02"}
    for make in (lambda: Equipment.from_mapping(data, "equipment[0]"), lambda: Equipment(**data)):
        try:
            make()
        except (InvalidInput, NotMoney) as e:
            assert e.field.endswith("cost") and "None" in e.reason, e
        else:
            raise AssertionError("a None cost was read")
    assert full(Loss, {"year": None, "amount": "1"})[0] == "InvalidInput"

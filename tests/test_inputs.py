"""Input records: the one grammar, the fields, parsing with paths, and the schema agreeing with the parser."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import re
from decimal import Decimal
from typing import Annotated, Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_strategies import from_schema
from taxcalc.errors import InputProblems, Problem
from taxcalc.inputs import (
    BAD,
    Amount,
    Choice,
    Code,
    Date,
    Flag,
    FloatLiteral,
    Integer,
    Integers,
    Month,
    Nested,
    Rate,
    Rows,
    Text,
    grammar,
    json_schema,
    parse,
    record,
)


@record
class Item:
    """An item."""

    cost: Annotated[Decimal, Amount("cost", sign="positive")]
    on: Annotated[_dt.date, Date("the day")]
    kind: Annotated[str, Choice("kind", ("equipment", "appliance"))] = "equipment"

    def checks(self) -> Any:
        """The day is not in 2099."""
        if self.on.year == 2099:
            yield "on", "not in 2099"


@record
class Sample:
    """A sample record with one field of every kind."""

    profit: Annotated[Decimal, Amount("profit", sign="any")]
    rate: Annotated[Decimal, Rate("a rate")] = Decimal(0)
    month: Annotated[_dt.date | None, Month("a month")] = None
    employees: Annotated[int, Integer("employees", minimum=0, maximum=1000)] = 0
    years: Annotated[tuple[int, ...], Integers("years", minimum=2000, maximum=2030)] = ()
    flag: Annotated[bool, Flag("a flag")] = False
    name: Annotated[str, Text("a name", max_length=20)] = "x"
    industry: Annotated[str, Code("a GB/T 4754 code", pattern=r"^[A-T]([0-9]{2}([0-9]{1,2})?)?$",
                                  example="C14")] = "C"
    main: Annotated[Item | None, Nested("the main item", Item)] = None
    items: Annotated[tuple[Item, ...], Rows("items", Item, max_items=3)] = ()


def _accepts(field: Any, raw: object) -> bool:
    problems: list[Problem] = []
    return field.read(raw, "x", problems) is not BAD


def _schema_accepts(schema: dict[str, Any], value: object) -> bool:
    return jsonschema.Draft202012Validator(schema, format_checker=None).is_valid(value)


# -- the grammar ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["0", "1", "-1", "1234.5", "1234.50", "9999999999999999.99", "-0.01"])
def test_amounts_accepted(text: str) -> None:
    assert _accepts(Amount("a", sign="any"), text)


@pytest.mark.parametrize("text", ["1234,50", "1,234.50", "2_150_000.00", "2.15e6", " 1", "1 ", "01", "1.",
                                  ".5", "1.234", "１２３", "10000000000000000", "+1", "", "-", "NaN", "Infinity"])
def test_amounts_refused(text: str) -> None:
    assert not _accepts(Amount("a", sign="any"), text)


def test_negative_zero_is_zero() -> None:
    value = Amount("a").read("-0.00", "a", [])
    assert value == 0 and not value.is_signed() and str(value) == "0.00"


def test_amount_signs() -> None:
    assert not _accepts(Amount("a"), "-1") and _accepts(Amount("a"), "0")
    assert not _accepts(Amount("a", sign="positive"), "0.00") and _accepts(Amount("a", sign="positive"), "0.01")


def test_floats_are_never_money() -> None:
    problems: list[Problem] = []
    assert Amount("a").read(FloatLiteral("1.5"), "cost", problems) is BAD
    assert problems == [Problem("cost", 'a float is not money; write "1.5" (a string)')]
    assert not _accepts(Amount("a"), 1.5) and not _accepts(Rate("r"), 0.13) and not _accepts(Amount("a"), raw=True)


@pytest.mark.parametrize(("text", "ok"), [("2020-02-29", True), ("2000-02-29", True), ("1900-02-29", False),
                                          ("2019-02-29", False), ("2019-04-31", False), ("20180615", False),
                                          ("2018-06-15T00:00", False), ("1949-12-31", False), ("1950-01-01", True), ("1952-02-29", True),
                                          ("2099-12-31", True), ("2100-01-01", False)])
def test_dates(text: str, ok: bool) -> None:  # noqa: FBT001
    assert _accepts(Date("d"), text) is ok


def test_rates() -> None:
    assert Rate("r").read("13%", "r", []) == Decimal("0.13")
    assert Rate("r").read("0.09", "r", []) == Decimal("0.09")
    assert Rate("r").read("100%", "r", []) == 1
    assert not _accepts(Rate("r"), "1.01") and not _accepts(Rate("r"), "-1%")


# -- records ----------------------------------------------------------------------


def test_every_problem_with_its_path() -> None:
    with pytest.raises(InputProblems) as e:
        parse(Sample, {"profit": "1,0", "items": [{"cost": "0", "on": "2019-02-29"}, {"cost": "1"}],
                       "flg": True})
    assert [p.path for p in e.value.problems] == ["flg", "profit", "items[0].cost", "items[0].on",
                                                  "items[1].on"]
    assert e.value.problems[0].reason == "unknown field; did you mean 'flag'?"
    assert e.value.field == "flg"


def test_checks_across_fields_run_on_clean_records() -> None:
    with pytest.raises(InputProblems) as e:
        parse(Sample, {"profit": "1", "main": {"cost": "1", "on": "2099-01-01"}})
    assert e.value.problems == (Problem("main.on", "not in 2099"),)


def test_choice_suggests() -> None:
    with pytest.raises(InputProblems, match="did you mean 'appliance'"):
        parse(Item, {"cost": "1", "on": "2019-01-01", "kind": "appliances"})


def test_read_text_from_the_command_line() -> None:
    assert Integer("n", minimum=0, maximum=9).read_text("7", "n", []) == 7
    assert Integers("y", minimum=2000, maximum=2030).read_text("2019,2018", "y", []) == (2018, 2019)
    assert Flag("f").read_text("yes", "f", []) is True
    assert Integer("n", minimum=0, maximum=9).read_text("7.0", "n", []) is BAD


def test_rows_are_limited() -> None:
    row = {"cost": "1", "on": "2019-01-01"}
    with pytest.raises(InputProblems, match="has 4 rows; at most 3"):
        parse(Sample, {"profit": "1", "items": [row] * 4})


# -- the schema says what the parser accepts ----------------------------------------


SCHEMA = json_schema(Sample)


def _parser_accepts(value: object) -> bool:
    try:
        parse(Sample, value)
    except InputProblems:
        return False
    return True


@settings(max_examples=150, deadline=None)
@given(from_schema(SCHEMA))
def test_what_the_schema_accepts_parses(value: Any) -> None:
    # the x-checks are the one thing a schema cannot say
    value = json.loads(json.dumps(value))  # as a JSON document gives it
    ok = _parser_accepts(value)
    checks = [r for r in [value.get("main")] + list(value.get("items", [])) if r and r["on"].startswith("2099")]
    assert ok is not bool(checks)


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**17), 10**17),
    st.text(alphabet="0123456789-.,%e +１", max_size=12),
    st.sampled_from(["2019-02-29", "2020-02-29", "2018-13", "2018-12", "13%", "equipment", "C14", "c14", "x"]),
)


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries({"profit": _SCALARS}, optional={
    "rate": _SCALARS, "month": _SCALARS, "employees": _SCALARS, "years": st.lists(_SCALARS, max_size=3),
    "flag": _SCALARS, "name": _SCALARS, "industry": _SCALARS,
    "items": st.lists(st.fixed_dictionaries({"cost": _SCALARS, "on": _SCALARS}), max_size=2)}))
def test_schema_and_parser_agree_on_any_value(value: dict[str, Any]) -> None:
    assert _parser_accepts(value) is _schema_accepts(SCHEMA, value)


def test_the_amount_grammar_is_the_schema_pattern() -> None:
    props = SCHEMA["properties"]
    assert props["profit"]["anyOf"][0]["pattern"] == grammar.AMOUNT
    assert props["rate"]["pattern"] == grammar.RATE
    assert re.compile(props["main"]["properties"]["on"]["pattern"]).pattern == grammar.DATE
    assert props["main"]["x-checks"] == "The day is not in 2099."


# -- records of the library's API: the constructor and from_mapping take Python values ---------------

@record(checked=True, read_first=("parts",))
class Order:
    """An order of the library's API: checked when constructed."""

    number: Annotated[int, Integer("the number", minimum=1, maximum=99)]
    total: Annotated[Decimal, Amount("the total", sign="positive")]
    kind: Annotated[str, Choice("kind", ("", "rush"))] = ""
    on: Annotated[_dt.date | None, Date("the day")] = None
    years: Annotated[tuple[int, ...], Integers("years", minimum=2000, maximum=2030)] = ()
    parts: Annotated[tuple[Item, ...], Rows("parts", Item, max_items=3)] = ()
    doubled: Decimal = dataclasses.field(init=False, repr=False, compare=False)

    def checks(self) -> Any:
        """At most 50 for a rush order."""
        if self.kind == "rush" and self.total > 50:
            yield "total", "at most 50 for a rush order"

    def derive(self) -> None:
        object.__setattr__(self, "doubled", self.total * 2)


def test_a_checked_record_takes_python_values_and_raises_the_first_problem() -> None:
    from taxcalc.errors import InvalidInput, NotMoney, UnknownCategory

    o = Order(3, "1,234.567", years=iter([2021, 2020, 2021]), on=_dt.datetime(2020, 5, 1, 12))
    assert (o.total, o.years, o.on, o.doubled) == (Decimal("1234.567"), (2020, 2021), _dt.date(2020, 5, 1),
                                                 Decimal("2469.134"))
    with pytest.raises(NotMoney, match="^total: "):
        Order(3, 1.5)  # type: ignore[arg-type]
    with pytest.raises(UnknownCategory, match="^kind: unknown value 'slow'"):
        Order(3, "1", kind="slow")
    with pytest.raises(InvalidInput, match=r"^total: at most 50 for a rush order$"):
        Order(3, "51", kind="rush")
    with pytest.raises(InvalidInput, match=r"^total: must be more than zero \(got 0\)$"):
        Order(3, "0")


def test_take_reads_a_mapping_as_the_constructor_does() -> None:
    from taxcalc.errors import InvalidInput
    from taxcalc.inputs import take

    data = {"number": 3, "total": "10", "parts": [{"cost": "1", "on": "2020-01-01"}]}
    assert take(Order, data) == Order(**data)  # type: ignore[arg-type]
    assert take(Order, data).doubled == Decimal(20)
    # an unknown field, then a missing one, then the fields read first, then the others
    with pytest.raises(InvalidInput, match=r"^o\.totl: unknown field; did you mean 'total'\?$"):
        take(Order, {"number": 3, "totl": "1"}, "o")
    with pytest.raises(InvalidInput, match=r"^o\.total: missing \(required\)$"):
        take(Order, {"number": 0}, "o")
    with pytest.raises(InvalidInput, match=r"^parts\[0\]\.on: missing"):
        take(Order, {"number": 0, "total": "x", "parts": [{"cost": "1"}]})


def test_parse_reads_a_checked_record_by_the_strict_grammar_once() -> None:
    got = parse(Order, {"number": 3, "total": "10.50", "kind": "rush"})
    assert got == Order(3, "10.50", "rush") and got.doubled == Decimal(21)
    with pytest.raises(InputProblems) as info:
        parse(Order, {"number": 0, "total": "1,0", "kind": "rush"})
    assert [p.path for p in info.value.problems] == ["number", "total"]
    with pytest.raises(InputProblems, match="total: at most 50 for a rush order"):
        parse(Order, {"number": 3, "total": "51", "kind": "rush"})


def test_an_empty_choice_is_listed_last() -> None:
    problems: list[Problem] = []
    Choice("kind", ("", "rush")).read("slow", "kind", problems)
    assert problems[0].reason == "unknown value 'slow'; expected one of: rush, or '' (none)"

"""The codec of the golden files (``_golden.py``): every value the tests compare comes back
as the very same objects — a Decimal with its exponent, a tuple as a tuple and a list as a
list, a bool as a bool, a date — and a type it does not know is refused, never guessed."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

import pytest
from _golden import decode, dumps, encode
from hypothesis import given
from hypothesis import strategies as st


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down, each Decimal with the same text."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return str(a) == str(b) and a == b


scalars = (st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.dates()
           | st.decimals(allow_nan=False, allow_infinity=False))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.lists(inner, max_size=3).map(tuple)
                      | st.dictionaries(st.sampled_from(["decimal", "list", "date", "dict", "tuple", "name"]) | st.text(max_size=4),
                                        inner, max_size=3), max_leaves=12)


@given(values)
def test_every_value_comes_back_as_the_same_objects(value: Any) -> None:
    assert same(decode(json.loads(dumps(value))), value)


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("1000.00"), '{"decimal": "1000.00"}'), (Decimal("1E+3"), '{"decimal": "1E+3"}'),
    (Decimal("-0"), '{"decimal": "-0"}'), ((), "[]"), ([], '{"list": []}'), (True, "true"), (1, "1"), (None, "null"),
    (datetime.date(2019, 4, 1), '{"date": "2019-04-01"}'), ({"date": "x"}, '{"dict": {"date": "x"}}'),
    ({"date": "x", "y": 1}, '{"date": "x", "y": 1}'),
])
def test_each_kind_of_value_is_written_so(value: Any, text: str) -> None:
    assert dumps(value) == text + "\n"
    assert same(decode(json.loads(text)), value)


@pytest.mark.parametrize("value", [1.5, datetime.datetime(2019, 4, 1, 12, 0), {1: "a"}, {"a"}, b"x"])
def test_a_type_without_a_golden_form_is_refused(value: object) -> None:
    with pytest.raises(TypeError, match="no golden form"):
        encode(value)


def test_a_step_is_written_on_one_line() -> None:
    step = ("ratio", "进项构成比例", "input composition ratio", Decimal("0.8"), "rate", "800,000.00 ÷ 1,000,000.00", "",
            ("财政部 税务总局公告2022年第14号 第八条",), "")
    text = dumps({"case": {"steps": [step, step]}})
    assert text.splitlines()[4] == ('    ["ratio", "进项构成比例", "input composition ratio", {"decimal": "0.8"}, "rate", '
                                    '"800,000.00 ÷ 1,000,000.00", "", ["财政部 税务总局公告2022年第14号 第八条"], ""],')

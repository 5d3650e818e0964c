"""The quick reader of documents (``parse``: the strict grammar) gives what the full reader gives.

``parse`` reads a document's table in one pass when every value is valid by the
strict grammar, and leaves anything else to the full reader, which reports every
problem with its path.  Whatever the quick reader makes is the record the full reader
makes (every field, derived ones too, value and type); a document with a problem is
never made by it, and ``parse`` reports the problems the full reader reports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from test_quick_reader import Everything, everything

from taxcalc.eit import EnterpriseYear, Equipment, Loss, Quarter
from taxcalc.errors import InputProblems
from taxcalc.inputs import FloatLiteral, parse
from taxcalc.inputs.record import _MISS, _quick_read, _read_each, _spec


def shown(made: Any) -> Any:
    if dataclasses.is_dataclass(made) and not isinstance(made, type):
        return (type(made).__name__, [(f.name, shown(getattr(made, f.name))) for f in dataclasses.fields(made)])
    if isinstance(made, tuple):
        return ("tuple", [shown(v) for v in made])
    return (type(made).__name__, repr(made))


def full(cls: type[Any], data: Any) -> Any:
    problems: list[Any] = []
    made = _read_each(cls, _spec(cls), data, "", problems)
    return ("problems", problems) if problems else ("made", shown(made))


def agree(cls: type[Any], data: Any) -> bool:
    """Check the quick reader of documents against the full one; whether it read ``data`` itself."""
    expected = full(cls, data)
    quick = _quick_read(_spec(cls).plan, data) if type(data) is dict else _MISS
    if quick is not _MISS:
        assert expected == ("made", shown(quick))
    try:
        got = ("made", shown(parse(cls, data)))
    except InputProblems as e:
        got = ("problems", list(e.problems))
    assert got == expected
    return quick is not _MISS


# Values as a JSON or TOML document gives them: strings, integers, bools, floats (kept as written), dates.
whole = st.one_of(st.integers(-3, 10_000_010), st.sampled_from([0, 1, 4, 5, True, None, "3", FloatLiteral("2.0")]))
amounts = st.one_of(
    st.text("0123456789", min_size=1, max_size=18),
    st.sampled_from(["0", "00", "0012", "012.5", "1,000", "12.50", "12.5", "12.505", "-5", "-0", "-0.00", "١٢",
                     " 12", "1e3", "NaN", "", FloatLiteral("12.5"), 12.5]),
    st.integers(-10**16 - 1, 10**16 + 1), st.sampled_from([0, -1, 10**16 - 1, 10**16, True, None]),
)
dates = st.one_of(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
                  st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(lambda d: d.isoformat()),
                  st.sampled_from(["2018-02-30", " 2018-03-12", "20180312", "2018-3-1", None,
                                   dt.datetime(2018, 3, 12, 8, 0)]))


@st.composite
def quarter_rows(draw: Any) -> dict[str, Any]:
    data = {"employees_start": draw(whole), "employees_end": draw(whole), "assets_start": draw(amounts),
            "assets_end": draw(amounts)}
    if draw(st.booleans()):
        data["quarter"] = draw(whole)
    if draw(st.integers(0, 9)) == 0:
        data.pop(draw(st.sampled_from(sorted(data))))
    return data


@st.composite
def years(draw: Any) -> dict[str, Any]:
    """An enterprise year as a document gives it, mostly valid."""
    data: dict[str, Any] = {"year": draw(st.sampled_from([2018, 2019, 2023, 1949, "2018"])),
                            "profit": draw(st.one_of(st.sampled_from(["560000", "-1200.50", "0", 300000]), amounts))}
    if draw(st.booleans()):
        data["quarters"] = draw(st.lists(quarter_rows(), min_size=0, max_size=5))
    else:
        data.update(employees=draw(st.sampled_from([50, "50", "50.25", 1.5])), assets=draw(amounts))
    if draw(st.booleans()):
        data["losses"] = [{"year": y, "amount": draw(amounts)}
                          for y in draw(st.lists(st.integers(2010, 2019), max_size=3))]
    if draw(st.booleans()):
        data["equipment"] = [{"name": draw(st.sampled_from(["Lathe", " x", ""])), "cost": draw(amounts),
                              "kind": draw(st.sampled_from(["machinery", "tools", "boat"])),
                              "acquired_on": draw(dates), "in_use": draw(dates)}]
    if draw(st.booleans()):
        data["hnte_years"] = draw(st.one_of(st.lists(whole, max_size=3), st.sampled_from([[], "2018"])))
    if draw(st.booleans()):
        data["rd"] = {"projects": [{"name": "P1", "personnel": draw(amounts), "other": draw(amounts)}]}
    if draw(st.booleans()):
        data["industry"] = draw(st.sampled_from(["manufacturing", "wholesale_retail", "farming", 3]))
    if draw(st.integers(0, 9)) == 0:
        data["profti"] = "1"
    return data


@given(quarter_rows())
def test_a_quarter_row_of_a_document(data):
    agree(Quarter, data)


@settings(max_examples=200)
@given(years())
def test_an_enterprise_year_of_a_document(data):
    agree(EnterpriseYear, data)


@settings(max_examples=200)
@given(everything())
def test_every_kind_of_field_in_a_document(data):
    agree(Everything, data)


def test_a_document_of_valid_values_is_read_by_the_quick_reader():
    document = json.loads("""{
      "year": 2018, "profit": "1900000", "adjustments": "-30000.50", "industry": "manufacturing",
      "hnte_years": [2019, 2017, 2018],
      "quarters": [{"employees_start": 70, "employees_end": 74, "assets_start": "24000000", "assets_end": "25000000"},
                   {"employees_start": 74, "employees_end": 78, "assets_start": "25000000", "assets_end": "26500000"},
                   {"employees_start": 78, "employees_end": 80, "assets_start": "26500000", "assets_end": "27000000"},
                   {"employees_start": 80, "employees_end": 82, "assets_start": "27000000", "assets_end": "28000000"}],
      "rd": {"projects": [{"name": "P1", "personnel": "260000", "direct_inputs": "90000", "other": "45000"}]},
      "equipment": [{"name": "CNC lathe", "cost": "480000", "kind": "machinery", "acquired_on": "2018-03-12",
                     "in_use": "2018-04-02", "book_depreciation": "32400"}],
      "losses": [{"year": 2016, "amount": "200000"}, {"year": 2013, "amount": 120000}]
    }""", parse_float=FloatLiteral)
    assert agree(EnterpriseYear, document)
    assert agree(Loss, {"year": 2016, "amount": "200000"})
    assert agree(Equipment, document["equipment"][0])
    assert agree(Everything, {"year": 2018, "amount": "-1.50", "years": [2018], "parts": [{"label": "a",
                                                                                          "weight": "2"}]})


def test_what_the_grammar_refuses_is_left_to_the_full_reader():
    for data in ({"year": 2016, "amount": "0012"}, {"year": 2016, "amount": "12.505"},
                 {"year": 2016, "amount": FloatLiteral("12.5")}, {"year": True, "amount": "1"},
                 {"year": 2016, "amount": None}, {"year": 2016}, {"year": 2016, "amount": "1", "amout": "1"}):
        assert _quick_read(_spec(Loss).plan, data) is _MISS
        assert full(Loss, data)[0] == "problems"
        agree(Loss, data)

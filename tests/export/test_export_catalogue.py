"""The user catalogue: loading CSV and TOML, validation naming file/row/field, lookups."""

from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.errors import LawDataError
from taxcalc.export import Catalogue, CatalogueRow

GOOD_CSV = """\
# my rows, taken from the 2018A library
code,rate,first,last,citation,levy,name
99010000,15%,2015-01-01,2018-04-30,2018A,17%,widgets
99010000,0.15,2018-05-01,2018-10-31,2018B,,widgets

9901000011,13%,2015-01-01,open,2018A,,special widgets
"""

GOOD_TOML = """\
[catalogue]
title = "my catalogue"

[[row]]
code = "99010000"
rate = "15%"
first = 2015-01-01
last = 2018-04-30
citation = "2018A"
levy = "17%"

[[row]]
code = "99010000"
rate = "0.15"
first = "2018-05-01"
last = "open"
citation = "2018B"
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding)
    return p


def test_csv_loads_with_comments_blank_lines_optional_columns_and_open_end(tmp_path):
    cat = Catalogue.load(write(tmp_path, "cat.csv", GOOD_CSV))
    assert len(cat) == 3 and cat.codes() == ("99010000", "9901000011")
    first = cat.rows[0]
    assert (first.code, first.rate, first.levy, first.name, first.row, first.line) == (
        "99010000", Decimal("0.15"), Decimal("0.17"), "widgets", 1, 3
    )
    assert cat.rows[1].levy is None and cat.rows[1].rate == Decimal("0.15")
    assert cat.rows[2].last is None and cat.rows[2].line == 6
    assert cat.source.endswith("cat.csv") and not cat.is_sample


def test_csv_with_a_byte_order_mark_and_columns_in_any_order(tmp_path):
    text = "citation,last,first,rate,code\nx,2019-12-31,2019-01-01,9%,1234567890\n"
    p = tmp_path / "bom.csv"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode())
    cat = Catalogue.load(p)
    assert cat.lookup("1234567890", "2019-06-01").rate == Decimal("0.09")


def test_toml_loads_with_metadata(tmp_path):
    cat = Catalogue.load(write(tmp_path, "cat.toml", GOOD_TOML))
    assert cat.title == "my catalogue" and len(cat) == 2
    assert cat.lookup("99010000", "2030-01-01").citation == "2018B"


def test_sample_is_labelled_as_a_sample_everywhere():
    cat = Catalogue.sample()
    assert cat.is_sample and "SAMPLE" in cat.title and "SAMPLE" in cat.label()
    assert all("SAMPLE" in r.name and "SAMPLE" in r.citation for r in cat.rows)
    # the sample codes are made up: chapter 99 is not a goods chapter of the tariff
    assert all(r.code.startswith("99") for r in cat.rows)


def test_lookup_edges_and_last_before():
    cat = Catalogue.from_rows([
        {"code": "99010000", "rate": "15%", "first": "2015-01-01", "last": "2018-04-30", "citation": "a"},
        {"code": "99010000", "rate": "16%", "first": "2018-11-01", "last": "2019-03-31", "citation": "b"},
    ])
    assert cat.lookup("99010000", "2014-12-31") is None
    assert cat.lookup("99010000", "2015-01-01").rate == Decimal("0.15")
    assert cat.lookup("99010000", "2018-04-30").rate == Decimal("0.15")
    assert cat.lookup("99010000", "2018-05-01") is None
    assert cat.last_before("99010000", "2018-05-01").citation == "a"
    assert cat.last_before("99010000", "2018-11-01").citation == "a"   # the covering row is not "before"
    assert cat.last_before("99010000", "2019-04-01").citation == "b"
    assert cat.last_before("99010000", "2015-01-01") is None
    assert cat.lookup("12345678", "2018-01-01") is None and "12345678" not in cat


def test_ten_digit_code_uses_its_heading_unless_it_has_rows_of_its_own():
    cat = Catalogue.from_rows([
        {"code": "99010000", "rate": "15%", "first": "2015-01-01", "last": "open", "citation": "heading"},
        {"code": "9901000011", "rate": "13%", "first": "2016-01-01", "last": "open", "citation": "own"},
    ])
    assert cat.lookup("9901000099", "2016-06-01").citation == "heading"
    assert cat.lookup("9901000011", "2016-06-01").citation == "own"
    assert cat.lookup("9901000011", "2015-06-01") is None   # own rows only, even before they start
    assert "9901000099" in cat and cat.resolve("9901000099") == "99010000"


def test_the_catalogue_is_immutable():
    cat = Catalogue.sample()
    with pytest.raises(dataclasses.FrozenInstanceError):
        cat.rows = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        cat._index["x"] = ((), ())  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        cat.rows[0].rate = Decimal(0)  # type: ignore[misc]


# -- malformed catalogues ----------------------------------------------------------

CSV_HEAD = "code,rate,first,last,citation,levy\n"
CSV_OK = "99010000,13%,2019-01-01,2019-12-31,x,13%\n"
CSV_BAD = {
    "short code": ("9901,13%,2019-01-01,2019-12-31,x,", "row 2 (line 3), field 'code'", "8 or 10 digits"),
    "letters in code": ("9901000A,13%,2019-01-01,2019-12-31,x,", "field 'code'", "8 or 10 digits"),
    "rate too high": ("99020000,18%,2019-01-01,2019-12-31,x,", "row 2 (line 3), field 'rate'", "out of range"),
    "rate as a bare number": ("99020000,13,2019-01-01,2019-12-31,x,", "field 'rate'", "out of range"),
    "negative rate": ("99020000,-1%,2019-01-01,2019-12-31,x,", "field 'rate'", "out of range"),
    "not a rate": ("99020000,abc,2019-01-01,2019-12-31,x,", "field 'rate'", "not a rate"),
    "bad date": ("99020000,13%,2019-02-30,2019-12-31,x,", "field 'first'", "not a date"),
    "open first day": ("99020000,13%,open,2019-12-31,x,", "field 'first'", "cannot be open"),
    "last before first": ("99020000,13%,2019-01-01,2018-12-31,x,", "field 'last'", "before the first day"),
    "empty citation": ("99020000,13%,2019-01-01,2019-12-31, ,", "field 'citation'", "missing value"),
    "rebate above levy": ("99020000,13%,2019-01-01,2019-12-31,x,9%", "field 'rate'", "above the levy rate"),
    "overlap": ("99010000,13%,2019-12-31,2020-12-31,x,", "row 2 (line 3), field 'first'", "overlaps row 1 (line 2)"),
    "overlap with open row": ("99010000,13%,2018-01-01,open,x,", "row 2 (line 3)", "overlaps row 1"),
    "cell count": ("99020000,13%,2019-01-01", "row 2 (line 3)", "has 3 cells"),
}


@pytest.mark.parametrize("case", sorted(CSV_BAD))
def test_malformed_csv_names_file_row_and_field_and_loads_nothing(tmp_path, case):
    line, where, reason = CSV_BAD[case]
    p = write(tmp_path, "bad.csv", CSV_HEAD + CSV_OK + line + "\n")
    with pytest.raises(LawDataError) as info:
        Catalogue.load(p)
    msg = str(info.value)
    assert str(p) in msg and where in msg and reason in msg, msg


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("code,rate,first,last\n", "line 1 (header)", "missing column(s): citation"),
        ("code,rate,first,last,citation,colour\n", "line 1 (header)", "unknown column 'colour'"),
        ("code,rate,rate,first,last,citation\n", "line 1 (header)", "appears twice"),
        ("# only a comment\n", "", "empty file"),
        ("code,rate,first,last,citation\n", "", "no rows"),
    ],
)
def test_malformed_csv_header(tmp_path, text, where, reason):
    with pytest.raises(LawDataError) as info:
        Catalogue.load(write(tmp_path, "h.csv", text))
    assert where in str(info.value) and reason in str(info.value)


TOML_BAD = {
    "float rate": ('rate = "13%"', "rate = 0.13", "row 1, field 'rate'", "is a float"),
    "integer code": ('code = "99010000"', "code = 99010000", "row 1, field 'code'", "written as text"),
    "unknown field": ('citation = "x"', 'citation = "x"\ncolour = "red"', "row 1, field 'colour'", "unknown field"),
    "missing field": ('citation = "x"\n', "\n", "row 1, field 'citation'", "missing value"),
    "bad last": ("last = 2019-12-31", 'last = "someday"', "row 1, field 'last'", "not a date"),
    "unknown table": ("[[row]]", "[extra]\n[[row]]", "bad.toml", "unknown table(s): extra"),
    "not toml": ("[[row]]", "[[row", "bad.toml", "not valid TOML"),
}


@pytest.mark.parametrize("case", sorted(TOML_BAD))
def test_malformed_toml_names_file_row_and_field(tmp_path, case):
    old, new, where, reason = TOML_BAD[case]
    text = '[[row]]\ncode = "99010000"\nrate = "13%"\nfirst = 2019-01-01\nlast = 2019-12-31\ncitation = "x"\n'
    assert old in text
    p = write(tmp_path, "bad.toml", text.replace(old, new, 1))
    with pytest.raises(LawDataError) as info:
        Catalogue.load(p)
    msg = str(info.value)
    assert where in msg and reason in msg and str(p) in msg, msg


def test_from_rows_refuses_floats_and_names_the_row():
    rows = [
        {"code": "99010000", "rate": "13%", "first": dt.date(2019, 1, 1), "last": "open", "citation": "x"},
        {"code": "99020000", "rate": 0.13, "first": dt.date(2019, 1, 1), "last": "open", "citation": "x"},
    ]
    with pytest.raises(LawDataError, match=r"mine: row 2, field 'rate': 0.13 is a float"):
        Catalogue.from_rows(rows, source="mine")


def test_unknown_format_and_missing_file(tmp_path):
    with pytest.raises(LawDataError, match="must end in .csv or .toml"):
        Catalogue.load(write(tmp_path, "cat.xlsx", "x"))
    with pytest.raises(OSError):
        Catalogue.load(tmp_path / "nope.csv")


def test_not_utf8(tmp_path):
    p = tmp_path / "gbk.csv"
    p.write_bytes("code,rate,first,last,citation\n99010000,13%,2019-01-01,open,文库\n".encode("gbk"))
    with pytest.raises(LawDataError, match="not UTF-8"):
        Catalogue.load(p)


# -- the lookup is a bisection that agrees with a plain scan ---------------------------

DAY0 = dt.date(2018, 1, 1)


@st.composite
def catalogues(draw):
    rows = []
    for code in draw(st.lists(st.sampled_from(["99010000", "99020000", "9901000011"]), min_size=1, max_size=3, unique=True)):
        cuts = sorted(draw(st.lists(st.integers(0, 3000), min_size=2, max_size=12, unique=True)))
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            rate = draw(st.sampled_from(["0%", "6%", "9%", "13%", "16%"]))
            rows.append({"code": code, "rate": rate, "first": DAY0 + dt.timedelta(a),
                         "last": DAY0 + dt.timedelta(b), "citation": f"{code}-{a}"})
    if not rows:
        rows.append({"code": "99010000", "rate": "9%", "first": DAY0, "last": "open", "citation": "only"})
    return Catalogue.from_rows(rows)


@given(catalogues(), st.sampled_from(["99010000", "99020000", "9901000011", "9901000099", "12345678"]),
       st.integers(-10, 3010))
def test_lookup_agrees_with_a_scan(cat, code, offset):
    day = DAY0 + dt.timedelta(offset)
    key = code if code in cat.codes() else (code[:8] if len(code) == 10 and code[:8] in cat.codes() else None)
    rows: list[CatalogueRow] = [r for r in cat.rows if r.code == key]
    covering = [r for r in rows if r.covers(day)]
    assert len(covering) <= 1
    assert cat.lookup(code, day) == (covering[0] if covering else None)
    before = [r for r in rows if r.last is not None and r.last < day]
    expect = max(before, key=lambda r: r.first) if before else None
    assert cat.last_before(code, day) == expect

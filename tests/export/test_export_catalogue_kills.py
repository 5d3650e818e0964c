"""Every refusal of a catalogue file, with its whole message (the file, the row, the field, the reason),
the edges that load, the catalogue's name in explanations, and the rows that apply to a code."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path

import pytest

from taxcalc.errors import InvalidInput, LawDataError
from taxcalc.export import Catalogue

FIELDS = "code, rate, first, last, citation, levy, name"
NOT_A_RATE = 'is not a rate; write e.g. "13%" or "0.13"'
META = "[catalogue]: title must be a string and sample true or false"


def row(**over: str | None) -> str:
    """A TOML ``[[row]]`` of code 99010000 at 13% from 2019-01-01, open; ``over`` replaces (``None`` drops) a field."""
    fields: dict[str, str | None] = {"code": '"99010000"', "rate": '"13%"', "first": "2019-01-01",
                                     "last": '"open"', "citation": '"library 2019A"'}
    fields.update(over)
    return "[[row]]\n" + "".join(f"{k} = {v}\n" for k, v in fields.items() if v is not None)


#: name: (TOML text, the message after the file's name)
TOML_REFUSED = {
    "a title that is not text": ("[catalogue]\ntitle = 1\n" + row(), META),
    "sample not true or false": ('[catalogue]\nsample = "yes"\n' + row(), META),
    "[catalogue] not a table": ("catalogue = 3\n" + row(), "[catalogue]: must be a table"),
    "unknown metadata": ("[catalogue]\ncolour = 1\nnotes = 2\n" + row(), "[catalogue]: unknown field(s): colour, notes"),
    "unknown tables": ("[other]\n[another]\n" + row(),
                       "unknown table(s): another, other; expected [catalogue] and [[row]]"),
    "row not an array": ("row = 5\n", "'row' must be an array of tables ([[row]])"),
    "rows that are not tables": ("row = [1, 2]\n", "'row' must be an array of tables ([[row]])"),
    "no rows": ('[catalogue]\ntitle = "t"\n', "the catalogue has no rows"),
    "a citation that is not text": (row(citation="5"),
                                    "row 1, field 'citation': must be non-empty text (where the rate was taken from)"),
    "a blank citation": (row(citation='"  "'), "row 1, field 'citation': missing value"),
    "no citation": (row(citation=None), "row 1, field 'citation': missing value"),
    "no first day": (row(first=None), "row 1, field 'first': missing value"),
    "a name that is not text": (row(name="5"), "row 1, field 'name': must be text"),
    "a levy that is not a rate": (row(levy='"x"'), f"row 1, field 'levy': 'x' {NOT_A_RATE}"),
    "a rebate above the levy": (row(rate='"15.5%"', levy='"13%"'),
                                "row 1, field 'rate': rebate rate 15.5% is above the levy rate 13%"),
    "a rebate above a levy of 10%": (row(rate='"11%"', levy='"10%"'),
                                     "row 1, field 'rate': rebate rate 11% is above the levy rate 10%"),
    "a rebate above a levy in decimals": (row(rate='"0.17"', levy='"0.09"'),
                                          "row 1, field 'rate': rebate rate 17% is above the levy rate 9%"),
    "an open first day": (row(first='"open"'), "row 1, field 'first': the first day cannot be open"),
    "a first day that is a number": (row(first="5"), "row 1, field 'first': 5 is not a date; write YYYY-MM-DD"),
    "a last day that is a number": (row(last="5"), "row 1, field 'last': 5 is not a date; write YYYY-MM-DD or \"open\""),
    "a last day before the first": (row(last="2018-12-31"),
                                    "row 1, field 'last': 2018-12-31 is before the first day 2019-01-01"),
    "a code that is a number": (row(code="99010000"),
                                "row 1, field 'code': 99010000 must be written as text (quoted) so leading zeros stay"),
    "a code that is a list": (row(code="[1]"), "row 1, field 'code': a list is not a product code"),
    "a rate that is a flag": (row(rate="true"), f"row 1, field 'rate': True {NOT_A_RATE}"),
    "a rate that is a list": (row(rate="[1]"), f"row 1, field 'rate': [1] {NOT_A_RATE}"),
    "a rate that is not a number": (row(rate='"nan"'), "row 1, field 'rate': 'nan' is not a finite rate"),
    "a percentage that is not a number": (row(rate='"x%"'), f"row 1, field 'rate': 'x%' {NOT_A_RATE}"),
    "an unknown field": (row(colour='"red"'), f"row 1, field 'colour': unknown field; expected: {FIELDS}"),
    "a window inside an open one": (row() + row(first="2020-01-01", last="2020-12-31"),
                                    "row 2, field 'first': code 99010000: window 2020-01-01 – 2020-12-31 overlaps "
                                    "row 1 (2019-01-01 – …)"),
    "a window starting on another's last day": (row(last="2019-06-30") + row(first="2019-06-30"),
                                                "row 2, field 'first': code 99010000: window 2019-06-30 – … overlaps "
                                                "row 1 (2019-01-01 – 2019-06-30)"),
    "an earlier row given later": (row(first="2019-06-30") + row(last="2019-06-30"),
                                   "row 2, field 'first': code 99010000: window 2019-01-01 – 2019-06-30 overlaps "
                                   "row 1 (2019-06-30 – …)"),
    "nested 70 deep": ("a = " + "[" * 70 + "]" * 70 + "\n",
                       "a" + "[0]" * 64 + ": nested more than 64 levels deep; an input is at most 64 levels of "
                       "tables and lists"),
}

#: name: (CSV text, the message after the file's name)
CSV_REFUSED = {
    "a cell beyond the reader's limit": ("code,rate,first,last,citation\n99010000,13%,2019-01-01,open," + "x" * 200_000
                                         + "\n", "line 2: not valid CSV: field larger than field limit (131072)"),
    "an empty file": ("", f"empty file: expected a header line naming the columns {FIELDS}"),
    "only comments": ("# rates\n\n", f"empty file: expected a header line naming the columns {FIELDS}"),
    "an unknown column": ("code,rate,first,last,citation,colour\n",
                          f"line 1 (header): unknown column 'colour'; expected: {FIELDS}"),
    "missing columns": ("code,rate\n", "line 1 (header): missing column(s): first, last, citation"),
    "a short row": ("code,rate,first,last,citation\n99010000,13%,2019-01-01\n",
                    "row 1 (line 2): has 3 cells; the header names 5 columns"),
    "a row of blank cells among others": ("code,rate,first,last,citation\n99010000,13%,2019-01-01,open,x\n"
                                          "99010000,,,,\n", "row 2 (line 3), field 'rate': missing value"),
}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize("case", TOML_REFUSED)
def test_a_toml_catalogue_is_refused_with_the_whole_message(case: str, tmp_path: Path) -> None:
    text, message = TOML_REFUSED[case]
    path = write(tmp_path, "rates.toml", text)
    with pytest.raises(LawDataError) as caught:
        Catalogue.load(path)
    assert str(caught.value) == f"{path}: {message}"


@pytest.mark.parametrize("case", CSV_REFUSED)
def test_a_csv_catalogue_is_refused_with_the_whole_message(case: str, tmp_path: Path) -> None:
    text, message = CSV_REFUSED[case]
    path = write(tmp_path, "rates.csv", text)
    with pytest.raises(LawDataError) as caught:
        Catalogue.load(path)
    assert str(caught.value) == f"{path}: {message}"


def test_an_unknown_format_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(LawDataError) as caught:
        Catalogue.load(tmp_path / "rates.xlsx")
    assert str(caught.value) == (f"{tmp_path / 'rates.xlsx'}: unknown catalogue format; the file name must end "
                                 "in .csv or .toml")


def test_rows_given_as_mappings() -> None:
    with pytest.raises(LawDataError) as caught:
        Catalogue.from_rows([[1, 2]])  # type: ignore[list-item]
    assert str(caught.value) == "<rows>: row 1: a row must be a mapping of fields, not list"
    cat = Catalogue.from_rows([{"code": "99010000", "rate": "13%", "first": "2019-01-01", "last": "open",
                                "citation": "x"}])
    assert (cat.source, cat.title, cat.is_sample, cat.label()) == ("<rows>", "", False, "<rows>")
    mine = Catalogue.from_rows([{"code": "99010000", "rate": "13%", "first": "2019-01-01", "last": "open",
                                 "citation": "x"}], source="mine", title="my library", sample=True)
    assert (mine.source, mine.title, mine.is_sample, mine.label()) == ("mine", "my library", True,
                                                                        "SAMPLE: my library")


def test_the_edges_that_load(tmp_path: Path) -> None:
    # A one-day window; a note in the metadata; no metadata: no title, not a sample.
    one_day = Catalogue.load(write(tmp_path, "a.toml", '[catalogue]\nnote = "n"\n' + row(last="2019-01-01")))
    assert (one_day.title, one_day.is_sample) == ("", False)
    assert one_day.lookup("99010000", "2019-01-01") is not None
    assert one_day.lookup("99010000", "2019-01-02") is None
    assert one_day.rows[0].window() == "2019-01-01 – 2019-01-01"
    titled = Catalogue.load(write(tmp_path, "b.toml", '[catalogue]\ntitle = "2019A"\nsample = false\n' + row()))
    assert (titled.title, titled.is_sample, titled.label(), titled.rows[0].window(), titled.rows[0].name) == (
        "2019A", False, "2019A", "2019-01-01 – …", "")  # no name: an empty one
    # CSV: a line of empty cells and an indented comment are skipped; a quoted name keeps its line break.
    csv = Catalogue.load(write(tmp_path, "c.csv", 'code,rate,first,last,citation,name\n,,,,,\n   # note\n'
                                                   '99010000,13%,2019-01-01,open,lib,"a\nb"\n'))
    assert (csv.title, csv.is_sample, csv.label(), [r.name for r in csv.rows], [r.line for r in csv.rows]) == (
        "", False, str(tmp_path / "c.csv"), ["a\nb"], [5])  # the line the row ends on


def test_the_sample_is_named_as_a_sample() -> None:
    sample = Catalogue.sample()
    assert sample.source == "taxcalc SAMPLE catalogue (sample_catalogue.toml)"
    assert sample.label() == sample.title == "taxcalc SAMPLE catalogue (illustrative, not official rates)"
    assert Catalogue.named("sample").rows == sample.rows


def test_named_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "rates.toml", row())
    monkeypatch.chdir(tmp_path)
    assert Catalogue.named("rates.toml").source == "rates.toml"  # no folder: the working one
    assert Catalogue.named("rates.toml", tmp_path).source == str(tmp_path / "rates.toml")
    assert Catalogue.named(str(tmp_path / "rates.toml"), "/elsewhere").source == str(tmp_path / "rates.toml")
    with pytest.raises(LawDataError, match="SAMPLE: unknown catalogue format"):  # only "sample" is the sample
        Catalogue.named("SAMPLE", tmp_path)


def test_the_rows_that_apply_to_a_code() -> None:
    cat = Catalogue.from_rows([
        {"code": "99010000", "rate": "13%", "first": "2019-04-01", "last": "open", "citation": "b"},
        {"code": "99010000", "rate": "16%", "first": "2018-05-01", "last": "2019-03-31", "citation": "a"},
        {"code": "9901000010", "rate": "9%", "first": "2019-01-01", "last": "open", "citation": "c"}])
    assert [r.citation for r in cat.rows_for("99010000")] == ["a", "b"]  # by first day
    assert [r.citation for r in cat.rows_for("9901000020")] == ["a", "b"]  # the 8-digit heading's
    assert [r.citation for r in cat.rows_for("9901000010")] == ["c"]
    assert cat.rows_for("99020000") == ()
    assert cat.lookup("9901000020", _dt.date(2019, 3, 31)).rate == Decimal("0.16")  # type: ignore[union-attr]


@pytest.mark.parametrize("method", ["lookup", "last_before"])
def test_a_day_that_is_not_a_date_names_the_argument(method: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        getattr(Catalogue.sample(), method)("9901000010", "2019-13-01")
    assert str(caught.value) == "on: '2019-13-01' is not a date (write YYYY-MM-DD)"

"""The product catalogue of export rebate rates (出口退税率文库), as the user supplies it.

The official rate library — every customs product code with its VAT levy rate
(征税率) and export rebate rate (退税率) and the window each holds — is published
by the State Taxation Administration to exporters and tax offices; it is not data
taxcalc can ship, and the product lists attached to 财税〔2018〕93号 and 财税〔2018〕123号
are missing from its sources.  A :class:`Catalogue` is therefore *user data*: rows
the user took from the library (or from a notice's list), loaded from CSV or TOML,
validated, and kept immutable with a fast lookup by ``(code, date)``.  The general
rules of the law (the 2018 and 2019 tier switches, the soybean-meal cancellation,
the transitions) are applied on top by :func:`taxcalc.export.rebate_rate`.

A row holds:

``code``
    the product code (商品代码), 8 or 10 digits, written as text so leading zeros
    stay.  A 10-digit code that has no rows of its own uses the rows of its 8-digit
    prefix (the subdivision inherits the heading's rate).
``rate``
    the rebate rate, ``"13%"`` or ``"0.13"``; between 0% and 17% (the highest VAT
    rate there has been, 国务院令第538号 第二条).  A TOML float is refused: write a string.
``first``, ``last``
    the first and the last export day the rate holds (inclusive); ``last`` may be
    ``open`` (no known end).  Rows of one code may not overlap.
``citation``
    free text: where the rate was taken from (e.g. the library version or a notice).
``levy`` (optional)
    the VAT levy rate of the product over the row's window, as the library shows
    it; it lets the general rules tell whether "levy = rebate" held (财税〔2018〕32号
    第四条).  A rebate rate above it is refused.
``name`` (optional)
    a description.

Anything else — an unknown column or field, a missing value, a bad code, a rate out
of range, a float, an unreadable date, two windows of one code that overlap —
raises :class:`~taxcalc.errors.LawDataError` naming the file, the row (and, for CSV,
the line) and the field.  Nothing is loaded half: a catalogue object exists only
once every row has passed.

A file is read as every input file is (:mod:`taxcalc.datafile`): UTF-8, with or
without a byte-order mark, unless ``encoding=`` names another (``gb18030`` covers
GBK); at most ``max_bytes`` long (16 MiB); a file in another encoding, a stray byte,
a key given twice or a file too large is refused naming the file, as a
:class:`~taxcalc.errors.LawDataError` like every other problem of a catalogue.

CSV (read with :mod:`csv`): a header line naming the columns in any order (each
once), then one row per line; blank lines and lines whose first cell starts with
``#`` are comments.  TOML: an optional ``[catalogue]`` table (``title``,
``title_zh``, ``sample``, ``note``) and an array ``[[row]]``.
The shipped sample catalogue (:meth:`Catalogue.sample`) is illustrative only: its
codes are made up and it is marked as a sample wherever its rows are cited
("SAMPLE: " in English, "样例：" in Chinese; see :meth:`Catalogue.label`).

>>> cat = Catalogue.from_rows([
...     {"code": "99010000", "rate": "15%", "first": "2015-01-01", "last": "2018-04-30",
...      "citation": "my 2018A library"},
... ], source="inline")
>>> cat.lookup("9901000011", "2018-04-30").rate   # 10-digit code, 8-digit row
Decimal('0.15')
>>> cat.lookup("99010000", "2018-05-01") is None
True
>>> Catalogue.from_rows([{"code": "9901", "rate": "15%", "first": "2015-01-01",
...                       "last": "open", "citation": "x"}], source="inline")
Traceback (most recent call last):
...
taxcalc.errors.LawDataError: inline: row 1, field 'code': '9901' must be 8 or 10 digits
"""

from __future__ import annotations

import csv
import datetime as _dt
import os
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from .. import datafile
from ..errors import InputProblems, LawDataError
from ..inputs import FloatLiteral
from ..money import CONTEXT, date_arg

__all__ = ["MAX_RATE", "Catalogue", "CatalogueRow"]

#: The highest rate a row may hold: 17%, the highest VAT rate there has been.
MAX_RATE = Decimal("0.17")

_REQUIRED = ("code", "rate", "first", "last", "citation")
_OPTIONAL = ("levy", "name")
_FIELDS = _REQUIRED + _OPTIONAL
_OPEN = "open"
_SAMPLE_FILE = "sample_catalogue.toml"


@dataclass(frozen=True, slots=True)
class CatalogueRow:
    """One validated row: ``rate`` holds for exports from ``first`` to ``last`` (inclusive).

    ``row`` is the row's number in its source (1 = first data row) and ``line`` its
    line in a CSV file (0 elsewhere).
    """

    code: str
    rate: Decimal
    first: _dt.date
    last: _dt.date | None
    citation: str
    levy: Decimal | None = None
    name: str = ""
    row: int = 0
    line: int = 0

    def covers(self, day: _dt.date) -> bool:
        """Whether ``day`` lies inside the row's window."""
        return self.first <= day and (self.last is None or day <= self.last)

    def window(self) -> str:
        """The window as text, e.g. ``2018-05-01 – 2019-03-31`` (``…`` for open)."""
        return f"{self.first} – {self.last or '…'}"

    @property
    def where(self) -> str:
        """``row N`` (and ``(line L)`` for CSV), as used in messages."""
        return f"row {self.row}" + (f" (line {self.line})" if self.line else "")


_Index = Mapping[str, tuple[tuple[_dt.date, ...], tuple[CatalogueRow, ...]]]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """An immutable, validated set of catalogue rows with lookup by ``(code, date)``.

    Build one with :meth:`load` (a CSV or TOML file), :meth:`from_rows` (mappings)
    or :meth:`sample` (the illustrative sample shipped with taxcalc).
    """

    source: str
    title: str
    is_sample: bool
    rows: tuple[CatalogueRow, ...]
    _index: _Index = field(repr=False, compare=False)
    #: The title in Chinese (``title_zh`` of a TOML file's ``[catalogue]``), "" if none.
    title_zh: str = ""

    # -- construction ------------------------------------------------------------
    @classmethod
    def from_rows(
        cls,
        rows: Iterable[Mapping[str, object]],
        *,
        source: str = "<rows>",
        title: str = "",
        sample: bool = False,
        title_zh: str = "",
    ) -> Catalogue:
        """Validate mappings with the row fields (strings, ``Decimal``, dates) into a catalogue."""
        parsed = [_parse_row(raw, i, source) for i, raw in enumerate(rows, 1)]
        return cls._build(parsed, source, title, sample=sample, title_zh=title_zh)

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, encoding: str | None = None,
             max_bytes: int = datafile.MAX_BYTES) -> Catalogue:
        """Load a ``.csv`` or ``.toml`` catalogue file (see the module documentation).

        Raises :class:`~taxcalc.errors.LawDataError` naming the file, :class:`OSError`
        when it cannot be opened, and :class:`~taxcalc.errors.InvalidInput` of
        ``encoding`` for an unknown encoding.
        """
        p = Path(path)
        label = str(path)
        suffix = p.suffix.lower()
        if suffix not in (".csv", ".toml"):
            raise LawDataError(label, "unknown catalogue format; the file name must end in .csv or .toml")
        try:
            text = datafile.read_text(p, encoding=encoding, max_bytes=max_bytes)
        except InputProblems as exc:
            raise _file_problem(label, exc) from None
        return cls._from_csv(text, label) if suffix == ".csv" else cls._from_toml(text, label)

    @classmethod
    def named(cls, name: str, base_dir: str | os.PathLike[str] = "", *, encoding: str | None = None,
              max_bytes: int = datafile.MAX_BYTES) -> Catalogue:
        """The catalogue an input names: ``"sample"`` (:meth:`sample`) or a ``.csv``/``.toml``
        path, relative to ``base_dir`` (the input file's directory) unless absolute, read
        with ``encoding`` and ``max_bytes`` (:meth:`load`).

        Raises what :meth:`load` raises (``OSError``, :class:`~taxcalc.errors.LawDataError`).
        """
        if name == "sample":
            return cls.sample()
        path = Path(name)
        if not path.is_absolute() and base_dir:
            path = Path(base_dir) / path
        return cls.load(path, encoding=encoding, max_bytes=max_bytes)

    @classmethod
    def sample(cls) -> Catalogue:
        """The small SAMPLE catalogue shipped for documentation and tests (not official rates)."""
        text = (resources.files("taxcalc.export") / _SAMPLE_FILE).read_text("utf-8")
        return cls._from_toml(text, f"taxcalc SAMPLE catalogue ({_SAMPLE_FILE})")

    @classmethod
    def _from_csv(cls, text: str, label: str) -> Catalogue:
        reader = csv.reader(text.splitlines(keepends=True))
        header: list[str] | None = None
        parsed: list[CatalogueRow] = []
        try:
            for cells in reader:
                line = reader.line_num
                if not cells or all(not c.strip() for c in cells):
                    continue
                if cells[0].lstrip().startswith("#"):
                    continue
                if header is None:
                    header = _header(cells, f"{label}: line {line} (header)")
                    continue
                n = len(parsed) + 1
                if len(cells) != len(header):
                    raise LawDataError(
                        f"{label}: row {n} (line {line})",
                        f"has {len(cells)} cells; the header names {len(header)} columns",
                    )
                raw = {h: c for h, c in zip(header, cells, strict=True) if not (h in _OPTIONAL and not c.strip())}
                parsed.append(_parse_row(raw, n, label, line))
        except csv.Error as exc:
            raise LawDataError(f"{label}: line {reader.line_num}", f"not valid CSV: {exc}") from None
        if header is None:
            raise LawDataError(label, "empty file: expected a header line naming the columns " + ", ".join(_FIELDS))
        return cls._build(parsed, label, "", sample=False)

    @classmethod
    def _from_toml(cls, text: str, label: str) -> Catalogue:
        try:
            doc = datafile.parse_text(text, "toml", source=label)
        except InputProblems as exc:
            raise _file_problem(label, exc) from None
        assert isinstance(doc, dict)  # a TOML document is a table
        extra = sorted(set(doc) - {"catalogue", "row"})
        if extra:
            raise LawDataError(label, f"unknown table(s): {', '.join(extra)}; expected [catalogue] and [[row]]")
        meta = doc.get("catalogue", {})
        if not isinstance(meta, dict):
            raise LawDataError(f"{label}: [catalogue]", "must be a table")
        bad = sorted(set(meta) - {"title", "title_zh", "sample", "note"})
        if bad:
            raise LawDataError(f"{label}: [catalogue]", f"unknown field(s): {', '.join(bad)}")
        title = meta.get("title", "")
        title_zh = meta.get("title_zh", "")
        sample = meta.get("sample", False)
        if not isinstance(title, str) or not isinstance(sample, bool):
            raise LawDataError(f"{label}: [catalogue]", "title must be a string and sample true or false")
        if not isinstance(title_zh, str):
            raise LawDataError(f"{label}: [catalogue]", "title_zh must be a string")
        rows = doc.get("row", [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise LawDataError(label, "'row' must be an array of tables ([[row]])")
        parsed = [_parse_row(raw, i, label) for i, raw in enumerate(rows, 1)]
        return cls._build(parsed, label, title, sample=sample, title_zh=title_zh)

    @classmethod
    def _build(
        cls, parsed: list[CatalogueRow], source: str, title: str, *, sample: bool, title_zh: str = ""
    ) -> Catalogue:
        if not parsed:
            raise LawDataError(source, "the catalogue has no rows")
        by_code: dict[str, list[CatalogueRow]] = {}
        for r in parsed:
            by_code.setdefault(r.code, []).append(r)
        index: dict[str, tuple[tuple[_dt.date, ...], tuple[CatalogueRow, ...]]] = {}
        for code, group in by_code.items():
            group.sort(key=lambda r: (r.first, r.row))
            for prev, cur in zip(group, group[1:], strict=False):
                if prev.last is None or cur.first <= prev.last:
                    late, early = (cur, prev) if cur.row > prev.row else (prev, cur)
                    raise LawDataError(
                        f"{source}: {late.where}, field 'first'",
                        f"code {code}: window {late.window()} overlaps {early.where} ({early.window()})",
                    )
            index[code] = (tuple(r.first for r in group), tuple(group))
        return cls(source, title, sample, tuple(parsed), MappingProxyType(index), title_zh)

    # -- lookups ---------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.resolve(code) is not None

    def codes(self) -> tuple[str, ...]:
        """Every product code with rows, sorted."""
        return tuple(sorted(self._index))

    def resolve(self, code: str) -> str | None:
        """The code whose rows apply to ``code``: itself, or its 8-digit prefix, or ``None``."""
        if code in self._index:
            return code
        if len(code) == 10 and code[:8] in self._index:
            return code[:8]
        return None

    def rows_for(self, code: str) -> tuple[CatalogueRow, ...]:
        """The rows that apply to ``code`` (see :meth:`resolve`), by first day."""
        key = self.resolve(code)
        return self._index[key][1] if key is not None else ()

    def lookup(self, code: str, on: object) -> CatalogueRow | None:
        """The row of ``code`` whose window covers ``on``, or ``None``.

        A bisection over the code's windows: the cost does not grow with the
        catalogue's size.
        """
        day = date_arg(on, "on")
        key = self.resolve(code)
        if key is None:
            return None
        starts, rows = self._index[key]
        i = bisect_right(starts, day) - 1
        if i >= 0 and rows[i].covers(day):
            return rows[i]
        return None

    def last_before(self, code: str, on: object) -> CatalogueRow | None:
        """The latest row of ``code`` that ended before ``on`` (``None`` if there is none)."""
        day = date_arg(on, "on")
        key = self.resolve(code)
        if key is None:
            return None
        starts, rows = self._index[key]
        i = bisect_right(starts, day) - 1
        if i < 0:
            return None
        if rows[i].covers(day):
            i -= 1
        return rows[i] if i >= 0 else None

    def label(self, lang: str = "en") -> str:
        """How the catalogue is named in explanations in ``lang``, a sample marked as one.

        In English the title (else the source), ``SAMPLE: `` before it unless it says
        so; in Chinese (``"zh"``) the Chinese title (else the English one, else the
        source), ``样例：`` before it unless it says so.

        >>> cat = Catalogue.from_rows([{"code": "99010000", "rate": "13%", "first": "2019-04-01",
        ...                             "last": "2019-12-31", "citation": "x"}], source="s.csv", title="demo", sample=True)
        >>> cat.label(), cat.label("zh")
        ('SAMPLE: demo', '样例：demo')
        >>> Catalogue.sample().label("zh")
        '样例：taxcalc 随附目录（仅作说明，非官方退税率）'
        """
        if lang == "zh":
            name = self.title_zh or self.title or self.source
            return name if not self.is_sample or "样例" in name else f"样例：{name}"
        name = self.title or self.source
        return name if not self.is_sample or "SAMPLE" in name else f"SAMPLE: {name}"


# -- row validation ------------------------------------------------------------------

def _header(cells: list[str], where: str) -> list[str]:
    names = [c.strip().lower() for c in cells]
    seen: set[str] = set()
    for n in names:
        if n not in _FIELDS:
            raise LawDataError(where, f"unknown column {n!r}; expected: {', '.join(_FIELDS)}")
        if n in seen:
            raise LawDataError(where, f"column {n!r} appears twice")
        seen.add(n)
    missing = [n for n in _REQUIRED if n not in seen]
    if missing:
        raise LawDataError(where, f"missing column(s): {', '.join(missing)}")
    return names


def _parse_row(raw: Mapping[str, object], n: int, source: str, line: int = 0) -> CatalogueRow:
    at = f"{source}: row {n}" + (f" (line {line})" if line else "")
    if not isinstance(raw, Mapping):
        raise LawDataError(at, f"a row must be a mapping of fields, not {type(raw).__name__}")
    for f in raw:
        if f not in _FIELDS:
            raise LawDataError(f"{at}, field {f!r}", f"unknown field; expected: {', '.join(_FIELDS)}")
    for f in _REQUIRED:
        if f not in raw or (isinstance(raw[f], str) and not str(raw[f]).strip()):
            raise LawDataError(f"{at}, field '{f}'", "missing value")

    def where(name: str) -> str:
        return f"{at}, field '{name}'"

    code = _code(raw["code"], where("code"))
    rate = _rate(raw["rate"], where("rate"))
    first = _day(raw["first"], where("first"), allow_open=False)
    last = _day(raw["last"], where("last"), allow_open=True)
    if first is None:  # pragma: no cover - allow_open=False never returns None
        raise LawDataError(where("first"), "missing value")
    if last is not None and last < first:
        raise LawDataError(where("last"), f"{last} is before the first day {first}")
    citation = raw["citation"]
    if not isinstance(citation, str) or not citation.strip():
        raise LawDataError(where("citation"), "must be non-empty text (where the rate was taken from)")
    levy: Decimal | None = None
    if raw.get("levy") is not None:
        levy = _rate(raw["levy"], where("levy"))
        if rate > levy:
            raise LawDataError(where("rate"), f"rebate rate {_pct(rate)} is above the levy rate {_pct(levy)}")
    name = raw.get("name", "")
    if not isinstance(name, str):
        raise LawDataError(where("name"), "must be text")
    return CatalogueRow(code, rate, first, last, citation.strip(), levy, name.strip(), n, line)


def _file_problem(label: str, exc: InputProblems) -> LawDataError:
    """A problem of the file as a whole (its size, encoding, syntax), naming the file."""
    return LawDataError(label, "; ".join(f"{p.path}: {p.reason}" if p.path else p.reason for p in exc.problems))


def _shown(raw: object) -> str:
    """A value as written in the file: a number with a point as written, anything else as its repr."""
    return raw.text if isinstance(raw, FloatLiteral) else repr(raw)


def _pct(d: Decimal) -> str:
    return format(CONTEXT.multiply(d, Decimal(100)).normalize(CONTEXT), "f") + "%"


def _code(raw: object, where: str) -> str:
    if isinstance(raw, bool | int | FloatLiteral):
        raise LawDataError(where, f"{_shown(raw)} must be written as text (quoted) so leading zeros stay")
    if not isinstance(raw, str):
        raise LawDataError(where, f"a {type(raw).__name__} is not a product code")
    code = raw.strip()
    if len(code) not in (8, 10) or not (code.isascii() and code.isdigit()):
        raise LawDataError(where, f"{raw!r} must be 8 or 10 digits")
    return code


def _rate(raw: object, where: str) -> Decimal:
    if isinstance(raw, float | FloatLiteral):
        shown = _shown(raw)
        raise LawDataError(where, f"{shown} is a float; write the rate as text, e.g. \"{shown}\" or a percentage")
    if isinstance(raw, bool) or not isinstance(raw, str | int | Decimal):
        raise LawDataError(where, f"{raw!r} is not a rate; write e.g. \"13%\" or \"0.13\"")
    text = str(raw).strip()
    pct = text.endswith("%")
    try:
        d = Decimal(text[:-1].strip() if pct else text)
    except InvalidOperation:
        raise LawDataError(where, f"{raw!r} is not a rate; write e.g. \"13%\" or \"0.13\"") from None
    if not d.is_finite():
        raise LawDataError(where, f"{raw!r} is not a finite rate")
    if pct:
        d = CONTEXT.divide(d, Decimal(100))
    if d < 0 or d > MAX_RATE:
        raise LawDataError(
            where, f"{raw!r} is out of range: a rate lies between 0% and 17% (write \"13%\" or \"0.13\")"
        )
    return d


def _day(raw: object, where: str, *, allow_open: bool) -> _dt.date | None:
    if isinstance(raw, str) and raw.strip().lower() == _OPEN:
        if allow_open:
            return None
        raise LawDataError(where, "the first day cannot be open")
    if type(raw) is _dt.date:
        return raw
    if isinstance(raw, str):
        try:
            return _dt.date.fromisoformat(raw.strip())
        except ValueError:
            pass
    hint = " or \"open\"" if allow_open else ""
    raise LawDataError(where, f"{raw!r} is not a date; write YYYY-MM-DD{hint}")


"""Golden files of the tests in this folder: what each case must show, kept as data in
``golden/<name>.json`` (one file a test module, keyed by case name), while the inputs of
each case stay in the test module.

The files keep the Python values the tests compare, exactly: JSON's own types for ``str``,
``int``, ``bool`` and ``None``; a JSON array for a ``tuple``; and, for the rest, an object
of one key naming the type::

    {"decimal": "69.88"}        Decimal("69.88") — the text as written, so the exponent too
    {"list": [...]}             a list (a tuple is a plain array)
    {"date": "2019-10-15"}      datetime.date(2019, 10, 15)
    {"dict": {...}}             a dict whose only key would read as one of these names

A value is decoded to the very objects the tests wrote before as literals, and compared
with ``==`` as they were: the semantics of each assertion are those of Python equality on
those objects (``Decimal("1000") == Decimal("1000.00")``, a tuple never equals a list).

When a change of what a result shows is meant, run the tests with
``TAXCALC_SNAPSHOTS=update`` (the convention of ``tests/snapshot.py``): each case run
writes what it got into its file, the cases no longer in the module are dropped, and
``git diff tests/mutation_kills/golden`` shows the change to review before committing.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Collection, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent / "golden"
MARKERS = ("decimal", "list", "date", "dict")
WIDTH = 110  # a value shorter than this, or a row of plain values, is written on one line


def encode(value: Any) -> Any:
    """``value`` as JSON-ready data; a type the codec does not know is refused, never guessed."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, datetime.datetime):
        raise TypeError(f"a datetime has no golden form: {value!r}")
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple):
        return [encode(v) for v in value]
    if isinstance(value, list):
        return {"list": [encode(v) for v in value]}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError(f"a dict with keys other than text has no golden form: {value!r}")
        out = {k: encode(v) for k, v in value.items()}
        return {"dict": out} if len(out) == 1 and next(iter(out)) in MARKERS else out
    raise TypeError(f"a {type(value).__name__} has no golden form: {value!r}")


def decode(data: Any) -> Any:
    """The Python value ``encode`` was given."""
    if data is None or isinstance(data, (bool, int, str)):
        return data
    if isinstance(data, list):
        return tuple(decode(v) for v in data)
    if isinstance(data, dict):
        if len(data) == 1:
            ((key, inner),) = data.items()
            if key == "decimal":
                return Decimal(inner)
            if key == "list":
                return [decode(v) for v in inner]
            if key == "date":
                return datetime.date.fromisoformat(inner)
            if key == "dict":
                return {k: decode(v) for k, v in inner.items()}
        return {k: decode(v) for k, v in data.items()}
    raise TypeError(f"not golden data: {data!r}")


def _row(data: Any) -> bool:
    """An array of plain values (text, numbers, one-key markers, arrays of those): one line."""
    def plain(v: Any, depth: int) -> bool:
        if isinstance(v, dict):
            return len(v) == 1 and plain(next(iter(v.values())), depth)
        if isinstance(v, list):
            return depth == 0 and all(plain(x, 1) for x in v)
        return True
    return isinstance(data, list) and all(plain(v, 0) for v in data)


def render(data: Any, depth: int = 0) -> str:
    """JSON text that shows one field or one step a line, so that a change shows as a line changed."""
    flat = json.dumps(data, ensure_ascii=False)
    if not isinstance(data, (dict, list)) or _row(data) or len(flat) + depth <= WIDTH:
        return flat
    pad, end = " " * (depth + 1), " " * depth
    if isinstance(data, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {render(v, depth + 1)}" for k, v in data.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    return "[\n" + ",\n".join(pad + render(v, depth + 1) for v in data) + "\n" + end + "]"


def dumps(value: Any) -> str:
    return render(encode(value)) + "\n"


def write(path: Path, text: str) -> None:
    """Write ``text`` whole or not at all."""
    path.parent.mkdir(exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_text(text, "utf-8")
    os.replace(part, path)


class Golden:
    """The golden file ``name`` of a test module whose cases are ``cases`` (their names)."""

    def __init__(self, name: str, cases: Collection[str]) -> None:
        self.path = FOLDER / f"{name}.json"
        self.cases = sorted(cases)

    def expected(self, case: str, got: Mapping[str, Any]) -> dict[str, Any]:
        """What ``case`` must show, section by section (the sections of ``got``).

        Under ``TAXCALC_SNAPSHOTS=update`` ``got`` is written first (and the cases not in
        the module dropped).  Otherwise fails if the file lacks a case of the module or
        holds one more; always, if the case's sections are not those compared."""
        updating = os.environ.get("TAXCALC_SNAPSHOTS") == "update"
        if updating:
            raw = json.loads(self.path.read_text("utf-8")) if self.path.exists() else {}
            raw[case] = encode(dict(got))
            kept_raw = {c: raw[c] for c in self.cases if c in raw}
            if len(kept_raw) == 1 and case in MARKERS:
                kept_raw = {"dict": kept_raw}
            write(self.path, render(kept_raw) + "\n")
        kept = decode(json.loads(self.path.read_text("utf-8")))
        missing, extra = sorted(set(self.cases) - set(kept)), sorted(set(kept) - set(self.cases))
        assert updating or not (missing or extra), (
            f"{self.path.name}: cases of the module missing {missing}, cases not in the module {extra} "
            "(write the file again with TAXCALC_SNAPSHOTS=update)")
        entry: dict[str, Any] = kept[case]
        assert sorted(entry) == sorted(got), f"{self.path.name}[{case!r}] compares {sorted(entry)}"
        return entry

    def check(self, case: str, **got: Any) -> None:
        """Each section of ``got`` equals (``==``) the golden one, section by section, in order."""
        want = self.expected(case, got)
        for section, value in got.items():
            assert value == want[section], f"{self.path.name}[{case!r}][{section!r}]"

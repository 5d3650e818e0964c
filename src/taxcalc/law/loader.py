"""Read and validate the law data files.

Two kinds of TOML file live under ``taxcalc/law/data``:

* ``documents/*.toml`` — the register of cited documents, as ``[[document]]``
  tables (``number``, ``title``, ``issuer``, ``issued``, optional ``published``,
  ``effective_from``, ``effective_to`` (a date or ``"open"``), ``source``, ``note``);
* every other ``*.toml`` — keys.  A key is a table named by its dotted key with
  ``zh``, ``en``, ``type`` and a ``values`` array; each value has ``from``, ``to``
  (a date, or ``"open"`` where the law has no sunset), ``value`` (or ``gap`` with
  the reason nothing is in force, in English, and ``gap_zh``, the same reason in
  Chinese: a gap needs both; a gap may end a key's coverage only open-ended, for a
  measure that ended for good, and may open it, for the years before a measure existed,
  citing the document that started it), ``doc``, ``article`` and optionally ``note``,
  ``enacted_to`` and ``superseded_by`` (the window as first enacted, before the
  named document cut it short).  A ``superseded`` array may hold values that a
  later document replaced before they ever applied, for "as known on" reading.

The loader refuses a file that is not exactly right (unknown fields, a float
where a decimal string belongs, unsorted or overlapping windows, an unexplained
gap, a citation that names no registered document …) with a
:class:`~taxcalc.errors.LawDataError` naming the file, key and entry.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import sys
import tomllib
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import LawDataError
from ..explain import Citation
from ..money import CONTEXT
from .model import Document, KeySpec, LawValue

__all__ = ["TYPES", "load_directory", "load_files"]

_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
_DAY = _dt.timedelta(days=1)
_OPEN = "open"


def _decimal(raw: object, where: str) -> Decimal:
    if isinstance(raw, float):
        raise LawDataError(where, f"value {raw!r} is a TOML float; write it as a string, e.g. \"{raw}\"")
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise LawDataError(where, f"value {raw!r} must be a decimal string")
    text = str(raw).strip()
    pct = text.endswith("%")
    try:
        d = Decimal(text[:-1] if pct else text)
    except InvalidOperation:
        raise LawDataError(where, f"value {raw!r} is not a decimal number") from None
    if not d.is_finite():
        raise LawDataError(where, f"value {raw!r} is not finite")
    return CONTEXT.divide(d, Decimal(100)) if pct else d


def _rate(raw: object, where: str) -> Decimal:
    d = _decimal(raw, where)
    if not 0 <= d <= 1:
        raise LawDataError(where, f"rate {raw!r} must lie between 0 and 1 (or 0% and 100%)")
    return d


def _ratio(raw: object, where: str) -> Decimal:
    d = _decimal(raw, where)
    if d < 0:
        raise LawDataError(where, f"ratio {raw!r} must not be negative")
    return d


def _money(raw: object, where: str) -> Decimal:
    d = _decimal(raw, where)
    if d < 0 or d != d.quantize(Decimal("0.01"), context=CONTEXT):
        raise LawDataError(where, f"amount {raw!r} must be a non-negative number of yuan with at most 2 decimals")
    return d


def _count(raw: object, where: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise LawDataError(where, f"value {raw!r} must be a non-negative integer")
    return raw


def _flag(raw: object, where: str) -> bool:
    if not isinstance(raw, bool):
        raise LawDataError(where, f"value {raw!r} must be true or false")
    return raw


def _date(raw: object, where: str) -> _dt.date:
    if type(raw) is not _dt.date:
        raise LawDataError(where, f"value {raw!r} must be a TOML date (YYYY-MM-DD, unquoted)")
    return raw


def _text(raw: object, where: str) -> str:
    if not isinstance(raw, str) or not raw:
        raise LawDataError(where, f"value {raw!r} must be a non-empty string")
    return raw


def _codes(raw: object, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
        raise LawDataError(where, f"value {raw!r} must be a list of non-empty strings")
    if len(set(raw)) != len(raw):
        raise LawDataError(where, "list has duplicates")
    return tuple(raw)


#: Value types: name → (converter, display unit).
TYPES: dict[str, tuple[Callable[[object, str], object], str]] = {
    "rate": (_rate, "rate"),
    "ratio": (_ratio, "rate"),
    "money": (_money, "yuan"),
    "count": (_count, "count"),
    "years": (_count, "count"),
    "flag": (_flag, "bool"),
    "date": (_date, "date"),
    "text": (_text, ""),
    "codes": (_codes, ""),
}

_DOC_FIELDS = {
    "number", "title", "issuer", "issued", "published", "effective_from",
    "effective_to", "source", "note",
}
_KEY_FIELDS = {"zh", "en", "type", "note", "values", "superseded"}
_VALUE_FIELDS = {"from", "to", "value", "gap", "gap_zh", "doc", "article", "note", "enacted_to", "superseded_by"}


def _check_fields(table: dict[str, Any], allowed: set[str], where: str) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        raise LawDataError(where, f"unknown field(s): {', '.join(extra)}")


def _req(table: dict[str, Any], name: str, where: str) -> Any:
    if name not in table:
        raise LawDataError(where, f"missing field '{name}'")
    return table[name]


def _end(raw: object, where: str, name: str) -> _dt.date | None:
    if raw == _OPEN:
        return None
    if type(raw) is not _dt.date:
        raise LawDataError(where, f"'{name}' must be a date or \"open\" (got {raw!r})")
    return raw


def _parse_documents(data: dict[str, Any], where: str) -> list[Document]:
    _check_fields(data, {"document"}, where)
    docs = []
    for i, t in enumerate(_req(data, "document", where)):
        w = f"{where}: document[{i}]"
        _check_fields(t, _DOC_FIELDS, w)
        number = _text(_req(t, "number", w), w)
        w = f"{where}: document {number}"
        issued = _date(_req(t, "issued", w), w)
        published = _date(t["published"], w) if "published" in t else None
        eff_from = _date(_req(t, "effective_from", w), w)
        eff_to = _end(_req(t, "effective_to", w), w, "effective_to")
        if published is not None and published < issued:
            raise LawDataError(w, f"published {published} is before issued {issued}")
        if eff_to is not None and eff_to < eff_from:
            raise LawDataError(w, f"effective_to {eff_to} is before effective_from {eff_from}")
        docs.append(
            Document(
                number, _text(_req(t, "title", w), w), _text(_req(t, "issuer", w), w),
                issued, published, eff_from, eff_to, str(t.get("source", "")), str(t.get("note", "")),
            )
        )
    return docs


def _parse_value(
    name: str, t: dict[str, Any], where: str, convert: Callable[[object, str], object], unit: str,
    docs: dict[str, Document], *, superseded: bool,
) -> LawValue:
    _check_fields(t, _VALUE_FIELDS, where)
    first = _date(_req(t, "from", where), where)
    last = _end(_req(t, "to", where), where, "to")
    if last is not None and last < first:
        raise LawDataError(where, f"'to' {last} is before 'from' {first}")
    where = f"{where} ({first} – {last or 'open'})"
    gap = t.get("gap", "")
    gap_zh = t.get("gap_zh", "")
    if gap or gap_zh:
        if "value" in t:
            raise LawDataError(where, "an entry is either a value or a gap, not both")
        value: object = None
        if not gap:
            raise LawDataError(where, "a gap gives its reason in English ('gap') as well as in Chinese ('gap_zh')")
        if not gap_zh:
            raise LawDataError(where, "a gap gives its reason in Chinese ('gap_zh') as well as in English ('gap')")
        _text(gap, where)
        _text(gap_zh, where)
    else:
        value = convert(_req(t, "value", where), where)
    doc_no = t.get("doc", "")
    if not gap or doc_no:
        doc_no = _text(_req(t, "doc", where), where)
        if doc_no not in docs:
            raise LawDataError(where, f"cites {doc_no}, which is not in the document register")
        article = _text(_req(t, "article", where), where)
        published = docs[doc_no].known_from
    else:
        article, published = "", _dt.date.min
    sup = t.get("superseded_by", "")
    enacted: _dt.date | None = None
    if sup or "enacted_to" in t or superseded:
        sup = _text(_req(t, "superseded_by", where), where)
        if sup not in docs:
            raise LawDataError(where, f"superseded_by {sup}, which is not in the document register")
        enacted = _end(_req(t, "enacted_to", where), where, "enacted_to")
        if not superseded and last is not None and enacted is not None and enacted < last:
            raise LawDataError(where, f"enacted_to {enacted} is before 'to' {last}")
        if docs[sup].known_from < published:
            raise LawDataError(where, f"superseded_by {sup} was published before {doc_no}")
    return LawValue(
        name, value, first, last, Citation(doc_no, article), str(t.get("note", "")), gap,
        published, enacted, sup, unit, gap_zh,
    )


def _parse_key(name: str, t: Any, where: str, docs: dict[str, Document]) -> KeySpec:
    w = f"{where}: [{name}]"
    if not _KEY_RE.match(name):
        raise LawDataError(w, "a key is lower-case dotted words, e.g. vat.rate.standard")
    if not isinstance(t, dict):
        raise LawDataError(w, "a key must be a table")
    _check_fields(t, _KEY_FIELDS, w)
    type_name = _req(t, "type", w)
    if type_name not in TYPES:
        raise LawDataError(w, f"unknown type {type_name!r}; expected one of: {', '.join(TYPES)}")
    convert, unit = TYPES[type_name]
    raw_values = _req(t, "values", w)
    if not isinstance(raw_values, list) or not raw_values:
        raise LawDataError(w, "'values' must be a non-empty array of tables")
    values = tuple(
        _parse_value(name, v, f"{w} values[{i}]", convert, unit, docs, superseded=False)
        for i, v in enumerate(raw_values)
    )
    for i in range(1, len(values)):
        prev, cur = values[i - 1], values[i]
        w_i = f"{w} values[{i}] ({cur.first})"
        if prev.last is None:
            raise LawDataError(w_i, "follows an open-ended value; only the last value may be open")
        if cur.first <= prev.last:
            raise LawDataError(w_i, f"overlaps or is out of order with the value ending {prev.last}")
        if cur.first != prev.last + _DAY:
            raise LawDataError(
                w_i, f"unexplained gap {prev.last + _DAY} – {cur.first - _DAY}; declare it with a 'gap' entry"
            )
    if values[0].gap:
        if len(values) == 1 or values[1].gap:
            raise LawDataError(w, "a gap that opens a key's coverage must be followed by a value")
        if not values[0].citation.doc:
            raise LawDataError(
                f"{w} values[0] ({values[0].first})",
                "a gap that opens a key's coverage cites the document that started the measure (doc, article)",
            )
        # "the measure did not exist yet" was true on every day, whatever was published then
        values = (values[0]._replace(published=_dt.date.min), *values[1:])
    if values[-1].gap and values[-1].last is not None:
        raise LawDataError(
            w, "a gap may close a key's coverage only open-ended (the measure ended for good); end the key instead"
        )
    superseded = tuple(
        _parse_value(name, v, f"{w} superseded[{i}]", convert, unit, docs, superseded=True)
        for i, v in enumerate(t.get("superseded", []))
    )
    return KeySpec(
        name, _text(_req(t, "zh", w), w), _text(_req(t, "en", w), w), type_name, unit,
        str(t.get("note", "")), values, superseded, tuple(v.first for v in values),
    )


def _read(path: Path | Any, label: str) -> dict[str, Any]:
    """The parsed TOML of a data file, from its parse cache when the cache holds this very text."""
    raw = path.read_bytes()
    cache = _cache_file(path, raw)
    if cache is not None:
        try:
            cached: dict[str, Any] = json.loads(cache.read_text("utf-8"), object_hook=_undate)
            return cached
        except (OSError, ValueError):
            pass
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LawDataError(label, f"not valid TOML: {exc}") from None
    if cache is not None and not sys.dont_write_bytecode:
        _write_cache(cache, data)
    return data


# -- the parse cache ------------------------------------------------------------
# Parsing the TOML is most of the time it takes to load the law (about 30 ms of 36).
# Like Python's bytecode, the parsed data of each file is kept beside it (in
# ``__pycache__``, as JSON with the dates tagged), named by a digest of the file's
# text: a file whose text changed has another name, so a stale parse is never read.
# Nothing is written where the folder is not writable or bytecode is not written
# (``PYTHONDONTWRITEBYTECODE``), and a cache that cannot be read is parsed again.


def _cache_file(path: Path | Any, raw: bytes) -> Path | None:
    if not isinstance(path, Path):
        return None
    digest = hashlib.sha256(raw).hexdigest()[:32]
    return path.parent / "__pycache__" / f"{path.stem}.{digest}.json"


def _write_cache(cache: Path, data: dict[str, Any]) -> None:
    try:
        cache.parent.mkdir(exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, default=_dated, ensure_ascii=False), "utf-8")
        os.replace(tmp, cache)
    except (OSError, TypeError, ValueError):
        pass  # no cache: the next load parses the file again


def _dated(obj: object) -> object:
    if type(obj) is _dt.date:
        return {"$date": obj.isoformat()}
    raise TypeError(f"not cached: {type(obj).__name__}")  # e.g. a float: parsed (and refused) each time


def _undate(obj: dict[str, Any]) -> object:
    if len(obj) == 1 and "$date" in obj:
        return _dt.date.fromisoformat(obj["$date"])
    return obj


def load_files(
    document_files: Iterable[tuple[str, Any]], key_files: Iterable[tuple[str, Any]]
) -> tuple[dict[str, KeySpec], dict[str, Document]]:
    """Parse and validate register and key files given as ``(label, path)`` pairs."""
    docs: dict[str, Document] = {}
    doc_home: dict[str, str] = {}
    for label, path in document_files:
        for d in _parse_documents(_read(path, label), label):
            if d.number in docs:
                raise LawDataError(label, f"document {d.number} is also registered in {doc_home[d.number]}")
            docs[d.number] = d
            doc_home[d.number] = label
    keys: dict[str, KeySpec] = {}
    key_home: dict[str, str] = {}
    for label, path in key_files:
        for name, table in _read(path, label).items():
            if name in keys:
                raise LawDataError(label, f"key {name} is also defined in {key_home[name]}")
            keys[name] = _parse_key(name, table, label, docs)
            key_home[name] = label
    return keys, docs


def _walk(root: Any, prefix: str = "") -> Iterable[tuple[str, Any]]:
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        label = f"{prefix}{entry.name}"
        if entry.is_dir():
            yield from _walk(entry, label + "/")
        elif entry.name.endswith(".toml"):
            yield label, entry


def load_directory(
    root: Path | None = None,
) -> tuple[dict[str, KeySpec], dict[str, Document]]:
    """Load every data file under ``root`` (default: the data shipped in the package)."""
    base: Any = root if root is not None else resources.files("taxcalc.law") / "data"
    files = list(_walk(base))
    doc_files = [(lbl, p) for lbl, p in files if lbl.startswith("documents/")]
    key_files = [(lbl, p) for lbl, p in files if not lbl.startswith("documents/")]
    if not doc_files:
        raise LawDataError(str(base), "no documents/*.toml register found")
    return load_files(doc_files, key_files)

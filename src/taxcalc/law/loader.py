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
  citing the document that started it; with ``unverified = true`` a gap declares
  instead that the law of its window was not verified, and may then end on a day),
  ``doc``, ``article`` and optionally ``note``,
  ``enacted_to`` and ``superseded_by`` (the window as first enacted, before the
  named document cut it short).  A ``superseded`` array may hold values that a
  later document replaced before they ever applied, for "as known on" reading.

The loader refuses a file that is not exactly right (unknown fields, a float
where a decimal string belongs, unsorted or overlapping windows, an unexplained
gap, a citation that names no registered document …) with a
:class:`~taxcalc.errors.LawDataError` naming the file, key and entry.

Two caches, written like Python's bytecode in the folder's ``__pycache__`` (never
where the folder is not writable or ``PYTHONDONTWRITEBYTECODE`` is set), spare the
work of a start: the parsed TOML of each file, named by a digest of its text; and the
checked law of the whole folder with its digest (:attr:`Law.digest
<taxcalc.law.Law.digest>`), which answers only when every data file's name and text,
and the code that reads them, are those it was written from (:func:`load_cached`).
"""

from __future__ import annotations

import _imp
import datetime as _dt
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import LawDataError
from ..explain import Citation
from ..money import CONTEXT
from .model import Document, KeySpec, LawValue

__all__ = ["TYPES", "load_cached", "load_directory", "load_files"]

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
_VALUE_FIELDS = {"from", "to", "value", "gap", "gap_zh", "unverified", "doc", "article", "note", "enacted_to",
                 "superseded_by"}


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
    unverified = t.get("unverified", False)
    if type(unverified) is not bool:
        raise LawDataError(where, f"'unverified' must be true or false (got {unverified!r})")
    if unverified and not gap:
        raise LawDataError(where, "'unverified' marks a gap: give the reason the law is not verified as 'gap'")
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
        published, enacted, sup, unit, gap_zh, unverified,
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
    if values[0].gap and not values[0].unverified:
        if len(values) == 1 or values[1].gap:
            raise LawDataError(w, "a gap that opens a key's coverage must be followed by a value")
        if not values[0].citation.doc:
            raise LawDataError(
                f"{w} values[0] ({values[0].first})",
                "a gap that opens a key's coverage cites the document that started the measure (doc, article)",
            )
        # "the measure did not exist yet" was true on every day, whatever was published then
        values = (values[0]._replace(published=_dt.date.min), *values[1:])
    if values[-1].gap and values[-1].last is not None and not values[-1].unverified:
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


def _bytes(path: str | Any) -> bytes:
    """The bytes of a data file: a path on disk, or a resource of the installed package (``Traversable``)."""
    if isinstance(path, str | os.PathLike):
        with open(path, "rb") as f:
            return f.read()
    data: bytes = path.read_bytes()
    return data


def _read(path: str | Any, label: str, raw: bytes | None = None) -> dict[str, Any]:
    """The parsed TOML of a data file (of ``raw``, its bytes, when given), from its parse cache
    when the cache holds this very text."""
    if raw is None:
        raw = _bytes(path)
    cache = _cache_file(path, raw)
    if cache is not None:
        import json

        try:
            with open(cache, encoding="utf-8") as f:
                cached: dict[str, Any] = json.loads(f.read(), object_hook=_undate)
            return cached
        except (OSError, ValueError):
            pass
    import tomllib

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


def _cache_file(path: str | Any, raw: bytes) -> str | None:
    if not isinstance(path, str | os.PathLike):
        return None
    import hashlib

    digest = hashlib.sha256(raw).hexdigest()[:32]
    folder, name = os.path.split(os.fspath(path))
    stem = name.rpartition(".")[0] or name
    return os.path.join(folder, "__pycache__", f"{stem}.{digest}.json")


def _write_cache(cache: str, data: dict[str, Any]) -> None:
    import json

    try:
        text = json.dumps(data, default=_dated, ensure_ascii=False)
        _write_atomically(cache, text.encode("utf-8"))
    except (OSError, TypeError, ValueError):
        pass  # no cache: the next load parses the file again


def _write_atomically(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (making its folder): whole or not at all, for a reader at any moment."""
    try:
        os.mkdir(os.path.dirname(path))
    except FileExistsError:
        pass
    tmp = f"{path.rpartition('.')[0]}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise


def _dated(obj: object) -> object:
    if type(obj) is _dt.date:
        return {"$date": obj.isoformat()}
    raise TypeError(f"not cached: {type(obj).__name__}")  # e.g. a float: parsed (and refused) each time


def _undate(obj: dict[str, Any]) -> object:
    if len(obj) == 1 and "$date" in obj:
        return _dt.date.fromisoformat(obj["$date"])
    return obj


# -- the law cache ----------------------------------------------------------------
# Checking the parsed data (the windows, the citations, the types of the values) and
# the digest of the checked law take longer than parsing (about 15 and 20 ms).  So a
# folder's checked law, with its digest, is kept too, in one file of its
# ``__pycache__`` (``law.<interpreter>.marshal``, written with :mod:`marshal` like
# bytecode), under a fingerprint of what it was made from: the label and the text of
# every data file in the folder, and the source of the code that reads and checks them
# and computes the digest.  The cache answers only when that fingerprint is the one of
# the files read now, so a change to any data file (or to that code), an added or a
# removed file, is read and checked again: the cache answers exactly for the data it
# was written from.  The fingerprint is two 64-bit SipHash digests of that text
# (:func:`_imp.source_hash`, Python's own check of hash-based bytecode, which needs no
# import); only checked data is written, so an error is never cached.  The same rules
# as for the parse cache apply: nothing is written where bytecode is not, nor where
# the folder is not writable, and a cache that cannot be read is ignored.

#: The layout of the cache file; a new layout is a new name (and the old file is not read).
_LAW_CACHE_FORMAT = "taxcalc law cache 1"
#: The modules whose code decides what the cache holds.
_CODE = ("taxcalc.law.loader", "taxcalc.law.model", "taxcalc.law._digest", "taxcalc.explain")
_DECIMALS = frozenset({"rate", "ratio", "money"})
_code_fingerprint: list[bytes] = []

#: SipHash-1-3 with a 64-bit key, as CPython checks hash-based bytecode (``None`` on another Python).
_siphash: Callable[[int, bytes], bytes] | None = getattr(_imp, "source_hash", None)


def _hash(data: bytes) -> bytes:
    """A 128-bit fingerprint of ``data`` (two keyed SipHash digests; SHA-256 where there is none)."""
    if _siphash is not None:
        return _siphash(0x7A78_6C61, data) + _siphash(0x6C61_7763, data)
    import hashlib  # pragma: no cover

    return hashlib.sha256(data).digest()[:16]  # pragma: no cover


def _code() -> bytes | None:
    """The fingerprint of the code that reads the data (``None`` where its files cannot be read)."""
    if not _code_fingerprint:
        parts = []
        for name in _CODE:
            try:
                with open(sys.modules[name].__file__ or "", "rb") as f:
                    parts.append(_hash(f.read()))
            except (OSError, KeyError):
                return None
        _code_fingerprint.append(_hash(_LAW_CACHE_FORMAT.encode() + b"".join(parts)))
    return _code_fingerprint[0]


def _law_cache(base: str | Any, files: list[tuple[str, Any, bytes]]) -> tuple[str, bytes] | None:
    """Where the law cache of the folder ``base`` is, and the fingerprint of ``files`` (``None``: no cache)."""
    tag = sys.implementation.cache_tag
    code = _code()
    if not isinstance(base, str) or tag is None or code is None:
        return None
    parts = [code]
    for label, _path, raw in files:
        parts.append(label.encode("utf-8") + b"\0" + _hash(raw))
    return os.path.join(base, "__pycache__", f"law.{tag}.marshal"), _hash(b"\0".join(parts))


def _write_law_cache(
    cache: tuple[str, bytes], keys: dict[str, KeySpec], docs: dict[str, Document], digest: str
) -> None:
    days: dict[_dt.date | None, int] = {None: 0}  # each day once, as its ordinal; rows hold its index

    def day(d: _dt.date | None) -> int:
        return days.setdefault(d, len(days))

    def value(type_name: str, v: object) -> object:
        if v is None:
            return None
        if type_name in _DECIMALS:
            return str(v)
        if type_name == "date":
            assert isinstance(v, _dt.date)
            return day(v)
        return v

    citations: dict[Citation, int] = {}  # each citation once; rows hold its index

    def values(spec: KeySpec, rows: tuple[LawValue, ...]) -> tuple[tuple[object, ...], ...]:
        return tuple(
            (value(spec.type, v.value), day(v.first), day(v.last),
             citations.setdefault(v.citation, len(citations)), v.note, v.gap, day(v.published),
             day(v.enacted_last), v.superseded_by, v.unit, v.gap_zh, v.unverified)
            for v in rows
        )

    doc_rows = tuple(
        (d.number, d.title, d.issuer, day(d.issued), day(d.published), day(d.effective_from),
         day(d.effective_to), d.source, d.note)
        for d in docs.values()
    )
    key_rows = tuple(
        (s.name, s.zh, s.en, s.type, s.unit, s.note, values(s, s.values), values(s, s.superseded))
        for s in keys.values()
    )
    ordinals = tuple(0 if d is None else d.toordinal() for d in days)  # in index order
    cited = tuple((c.doc, c.article) for c in citations)
    path, fingerprint = cache
    payload: Any = (_LAW_CACHE_FORMAT, fingerprint, digest, ordinals, cited, doc_rows, key_rows)
    try:
        _write_atomically(path, marshal.dumps(payload))
    except (OSError, ValueError):
        pass  # no cache: the next load reads and checks the files again


def _read_law_cache(cache: tuple[str, bytes]) -> tuple[dict[str, KeySpec], dict[str, Document], str] | None:
    """The checked law and its digest from the law cache, if it was written from the files read now."""
    path, fingerprint = cache
    try:
        with open(path, "rb") as f:
            data = marshal.loads(f.read())
        if type(data) is not tuple or len(data) != 7 or data[:2] != (_LAW_CACHE_FORMAT, fingerprint):
            return None
        _format, _fingerprint, digest, ordinals, cited, doc_rows, key_rows = data
        days: list[Any] = [None, *map(_dt.date.fromordinal, ordinals[1:])]
        citations = [Citation(doc, article) for doc, article in cited]
        docs = {}
        for number, title, issuer, issued, published, first, last, source, note in doc_rows:
            docs[number] = Document(number, title, issuer, days[issued], days[published], days[first], days[last],
                                    source, note)
        keys = {}
        for name, zh, en, type_name, unit, note, value_rows, superseded_rows in key_rows:
            if type_name in _DECIMALS:
                make: Callable[[Any], object] = Decimal
            elif type_name == "date":
                make = days.__getitem__
            else:
                make = _same
            values, superseded = (
                tuple(
                    LawValue._make((name, None if v is None else make(v), days[first], days[last], citations[c],
                                    value_note, gap, days[published], days[enacted], superseded_by, value_unit,
                                    gap_zh, unverified))
                    for (v, first, last, c, value_note, gap, published, enacted, superseded_by, value_unit, gap_zh,
                         unverified) in rows
                )
                for rows in (value_rows, superseded_rows)
            )
            keys[name] = KeySpec(name, zh, en, type_name, unit, note, values, superseded,
                                 tuple(v.first for v in values))
    except (OSError, EOFError, ValueError, TypeError, LookupError, ArithmeticError):
        return None
    if type(digest) is not str:
        return None
    return keys, docs, digest


def _same(x: object) -> object:
    return x


def _load(
    document_files: Iterable[tuple[str, Any, bytes | None]], key_files: Iterable[tuple[str, Any, bytes | None]]
) -> tuple[dict[str, KeySpec], dict[str, Document]]:
    docs: dict[str, Document] = {}
    doc_home: dict[str, str] = {}
    for label, path, raw in document_files:
        for d in _parse_documents(_read(path, label, raw), label):
            if d.number in docs:
                raise LawDataError(label, f"document {d.number} is also registered in {doc_home[d.number]}")
            docs[d.number] = d
            doc_home[d.number] = label
    keys: dict[str, KeySpec] = {}
    key_home: dict[str, str] = {}
    for label, path, raw in key_files:
        for name, table in _read(path, label, raw).items():
            if name in keys:
                raise LawDataError(label, f"key {name} is also defined in {key_home[name]}")
            keys[name] = _parse_key(name, table, label, docs)
            key_home[name] = label
    return keys, docs


def load_files(
    document_files: Iterable[tuple[str, Any]], key_files: Iterable[tuple[str, Any]]
) -> tuple[dict[str, KeySpec], dict[str, Document]]:
    """Parse and validate register and key files given as ``(label, path)`` pairs."""
    return _load(((label, path, None) for label, path in document_files),
                 ((label, path, None) for label, path in key_files))


def _walk(root: str | Any, prefix: str = "") -> Iterable[tuple[str, Any]]:
    if isinstance(root, str):
        with os.scandir(root) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        for entry in entries:
            label = f"{prefix}{entry.name}"
            if entry.is_dir():
                yield from _walk(entry.path, label + "/")
            elif entry.name.endswith(".toml"):
                yield label, entry.path
        return
    for item in sorted(root.iterdir(), key=lambda p: p.name):  # a resource of a package in an archive
        label = f"{prefix}{item.name}"
        if item.is_dir():
            yield from _walk(item, label + "/")
        elif item.name.endswith(".toml"):
            yield label, item


def _package_data() -> str | Any:
    """The law data shipped in the package: its folder, or a resource where the package is in an archive."""
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    if os.path.isdir(folder):
        return folder
    from importlib import resources

    return resources.files("taxcalc.law") / "data"


def load_cached(
    root: str | os.PathLike[str] | None = None,
) -> tuple[dict[str, KeySpec], dict[str, Document], str | None]:
    """Load every data file under ``root`` (default: the data shipped in the package), and the
    law digest when it is known without computing it.

    The checked law and its digest are read from the folder's law cache when the cache was
    written from the files read now (the same labels and texts, read and checked by the
    same code); otherwise the files are read and checked, and the cache is written with the
    digest (where bytecode is written).  The digest is ``None`` where it is not kept
    (:attr:`Law.digest <taxcalc.law.Law.digest>` computes it when asked).
    """
    base: Any = _package_data() if root is None else (
        os.fspath(root) if isinstance(root, str | os.PathLike) else root)
    files = [(label, path, _bytes(path)) for label, path in _walk(base)]
    doc_files = [f for f in files if f[0].startswith("documents/")]
    key_files = [f for f in files if not f[0].startswith("documents/")]
    if not doc_files:
        raise LawDataError(str(base), "no documents/*.toml register found")
    cache = _law_cache(base, files)
    if cache is not None:
        cached = _read_law_cache(cache)
        if cached is not None:
            return cached
    keys, docs = _load(doc_files, key_files)
    if cache is None or sys.dont_write_bytecode:
        return keys, docs, None
    from ._digest import law_digest

    digest = law_digest(keys, docs, None)
    _write_law_cache(cache, keys, docs, digest)
    return keys, docs, digest


def load_directory(
    root: str | os.PathLike[str] | None = None,
) -> tuple[dict[str, KeySpec], dict[str, Document]]:
    """Load every data file under ``root`` (default: the data shipped in the package)."""
    keys, docs, _digest = load_cached(root)
    return keys, docs

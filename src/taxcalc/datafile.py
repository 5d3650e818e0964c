"""Reading an input file (TOML or JSON): its encoding, size, nesting and repeated keys checked.

The report (``taxcalc report FILE``, :func:`taxcalc.report.load`) and the rule
questions that take a ``FILE`` read their input with :func:`read_file`, and the export
rebate-rate catalogue (:meth:`taxcalc.export.Catalogue.load`, a ``.csv`` or ``.toml``
file) is read with :func:`read_text` and :func:`parse_text`; nothing in a
file is ever silently changed or dropped on the way to the checks of the input:

* the text is UTF-8, with or without a byte-order mark; a file in another encoding
  is refused with a message saying so (a GBK file, a UTF-16 file of Windows
  Notepad, a stray ``0xff`` byte), unless its encoding is given (``encoding=``,
  ``--encoding gb18030`` on the command line: GB18030 covers GBK and GB2312);
* a file is at most :data:`MAX_BYTES` long (16 MiB; ``max_bytes=``);
* tables and lists are nested at most :data:`MAX_DEPTH` levels deep (64), so a
  hostile file gives a message, never a ``RecursionError``;
* a key given twice in the same JSON object is refused, naming its path (the JSON
  standard leaves it open which value counts; TOML itself refuses it);
* a number written with a point is kept as written (:class:`~taxcalc.inputs.FloatLiteral`)
  so that the checks can refuse it as money; ``NaN`` and ``Infinity`` are refused.

Every problem is a :class:`~taxcalc.errors.Problem` naming the field by its path
(``""`` for the file as a whole) of an :class:`~taxcalc.errors.InputProblems`
whose message names the file:

>>> parse_text('{"sales": [{"amount": "1", "amount": "2"}]}', "json", source="facts.json")
Traceback (most recent call last):
...
taxcalc.errors.InputProblems: 1 problem in facts.json:
sales[0].amount: the key is given 2 times; give it once
>>> decode(b"\\xef\\xbb\\xbfyear = 2018", source="facts.toml")
'year = 2018'
>>> decode("名称".encode("gbk"), source="facts.toml")
Traceback (most recent call last):
...
taxcalc.errors.InputProblems: 1 problem in facts.toml:
not UTF-8 text (byte 0xc3 at line 1, column 1); save the file as UTF-8, or give its encoding (e.g. gb18030, which covers GBK)
"""

from __future__ import annotations

import codecs
import json
import re
import tomllib
from pathlib import Path

from .errors import InputProblems, InvalidInput, Problem
from .inputs import FloatLiteral

__all__ = ["MAX_BYTES", "MAX_DEPTH", "check_encoding", "decode", "parse_text", "read_file", "read_text"]

#: The longest input file read, in bytes (16 MiB).
MAX_BYTES = 16 * 1024 * 1024
#: The deepest nesting of tables and lists in an input file.
MAX_DEPTH = 64

_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")
_TOML_AT = re.compile(r"\(at line (\d+), column \d+\)")
_TOML_KEY = re.compile(r"^\s*([^=#]+?)\s*=")


def _fail(source: str, *problems: Problem) -> InputProblems:
    return InputProblems(list(problems), what=source or "the input")


def _where(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def check_encoding(encoding: str, field: str = "encoding") -> str:
    """The codec name of ``encoding``; an unknown name is an :class:`~taxcalc.errors.InvalidInput` of ``field``.

    >>> check_encoding("GBK"), check_encoding("utf8")
    ('gbk', 'utf-8')
    >>> check_encoding("base64")
    Traceback (most recent call last):
    ...
    taxcalc.errors.InvalidInput: encoding: unknown encoding 'base64' (e.g. utf-8, gb18030)
    """
    try:
        name = codecs.lookup(encoding).name
        b"a".decode(name)  # a codec of bytes to bytes (base64, rot13 …) is not a text encoding
    except LookupError:
        raise InvalidInput(field, f"unknown encoding {encoding!r} (e.g. utf-8, gb18030)") from None
    except UnicodeDecodeError:  # an encoding without ASCII (UTF-16, UTF-32): one byte is not a character
        pass
    return name


def decode(data: bytes, encoding: str | None = None, *, source: str = "") -> str:
    """The text of a file's bytes: UTF-8 (a byte-order mark is dropped), or ``encoding`` when given."""
    if encoding is None:
        for bom, name in _BOMS:
            if data.startswith(bom):
                raise _fail(source, Problem("", f"{name} text (it starts with a {name} byte-order mark); save the "
                                                 f"file as UTF-8, or give its encoding ({name.lower()})"))
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _fail(source, Problem("", f"not UTF-8 text (byte 0x{data[exc.start]:02x} at "
                                             f"{_where(data, exc.start)}); save the file as UTF-8, or give its "
                                             "encoding (e.g. gb18030, which covers GBK)")) from None
    name = check_encoding(encoding)
    try:
        text = data.decode("utf-8-sig" if name == "utf-8" else name)
    except UnicodeDecodeError as exc:
        raise _fail(source, Problem("", f"not {encoding} text (byte 0x{data[exc.start]:02x} at "
                                         f"{_where(data, exc.start)}); give the encoding the file was saved in")) from None
    return text.removeprefix("\ufeff")


def _json_depth(text: str, limit: int) -> tuple[int, int] | None:
    """The line and column where the nesting of JSON ``text`` goes beyond ``limit``, if it does."""
    depth = 0
    for m in _BRACKET.finditer(_JSON_STRING.sub(lambda s: " " * len(s.group(0)), text)):
        depth += 1 if m.group(0) in "[{" else -1
        if depth > limit:
            line = text.count("\n", 0, m.start()) + 1
            return line, m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
    return None


class _Repeated(dict[str, object]):
    """A JSON object with a key given more than once (its keys and how many times each)."""

    repeated: dict[str, int]


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = dict(pairs)
    if len(out) == len(pairs):
        return out
    counts: dict[str, int] = {}
    for key, _ in pairs:
        counts[key] = counts.get(key, 0) + 1
    rep = _Repeated(out)
    rep.repeated = {k: n for k, n in counts.items() if n > 1}
    return rep


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number; amounts are strings such as \"1234.50\"")


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _walk(data: object, limit: int) -> list[Problem]:
    """The repeated keys of ``data``, and its nesting if deeper than ``limit`` (without recursion)."""
    problems: list[Problem] = []
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        node, path, depth = stack.pop()
        if depth > limit:
            problems.append(Problem(path, f"nested more than {limit} levels deep; an input is at most "
                                          f"{limit} levels of tables and lists"))
            break
        if isinstance(node, dict):
            if isinstance(node, _Repeated):
                problems.extend(Problem(f"{path}.{_key(k)}" if path else _key(k),
                                        f"the key is given {n} times; give it once")
                                for k, n in node.repeated.items())
            stack.extend((v, f"{path}.{_key(k)}" if path else _key(k), depth + 1)
                         for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in reversed(list(enumerate(node))))
    return problems


def parse_text(text: str, fmt: str, *, source: str = "", max_depth: int = MAX_DEPTH) -> object:
    """Parse ``text`` as ``"toml"`` or ``"json"``: numbers with a point as :class:`~taxcalc.inputs.FloatLiteral`."""
    if fmt == "json":
        deep = _json_depth(text, max_depth)
        if deep is not None:
            raise _fail(source, Problem("", f"nested more than {max_depth} levels deep (at line {deep[0]}, "
                                             f"column {deep[1]}); an input is at most {max_depth} levels of "
                                             "tables and lists"))
        try:
            data: object = json.loads(text, parse_float=FloatLiteral, parse_constant=_no_constant,
                                      object_pairs_hook=_pairs)
        except json.JSONDecodeError as exc:
            raise _fail(source, Problem("", f"not valid JSON: {exc}")) from None
        except ValueError as exc:
            raise _fail(source, Problem("", str(exc))) from None
        except RecursionError:  # pragma: no cover - the depth is checked above
            raise _fail(source, Problem("", f"nested too deeply; an input is at most {max_depth} levels")) from None
    elif fmt == "toml":
        try:
            data = tomllib.loads(text, parse_float=FloatLiteral)
        except tomllib.TOMLDecodeError as exc:
            raise _fail(source, Problem("", f"not valid TOML: {_toml_reason(str(exc), text)}")) from None
        except RecursionError:
            raise _fail(source, Problem("", f"nested more than {max_depth} levels deep; an input is at most "
                                             f"{max_depth} levels of tables and lists")) from None
    else:
        raise InvalidInput("format", f"unknown input format {fmt!r}; expected toml or json")
    problems = _walk(data, max_depth)
    if problems:
        raise _fail(source, *problems)
    return data


def _toml_reason(reason: str, text: str) -> str:
    """tomllib's message, with the key named where it says a value cannot be overwritten."""
    m = _TOML_AT.search(reason)
    if m is None or not reason.startswith(("Cannot overwrite", "Cannot declare")):
        return reason
    lines = text.splitlines()
    number = int(m.group(1))
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    key = _TOML_KEY.match(line)
    if key and not line.lstrip().startswith("["):
        return f"{reason}: the key {key.group(1)!r} is given twice in its table; give it once"
    return f"{reason}: a table or key is given twice; give it once"


def read_file(path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_BYTES,
              max_depth: int = MAX_DEPTH) -> object:
    """Read a ``.json`` file as JSON, any other as TOML (see the module notes for the checks).

    Raises :class:`~taxcalc.errors.InputProblems` naming the file, and :class:`OSError`
    when the file cannot be opened.
    """
    p = Path(path)
    text = read_text(p, encoding=encoding, max_bytes=max_bytes)
    return parse_text(text, "json" if p.suffix.lower() == ".json" else "toml", source=str(p), max_depth=max_depth)


def read_text(path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file of at most ``max_bytes`` bytes, decoded as :func:`decode` does.

    Raises :class:`~taxcalc.errors.InputProblems` naming the file (too large, not
    text in the encoding), :class:`~taxcalc.errors.InvalidInput` of ``encoding`` for
    an unknown encoding, and :class:`OSError` when the file cannot be opened.
    """
    source = str(path)
    if encoding is not None:
        check_encoding(encoding)
    with open(path, "rb") as file:
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _fail(source, Problem("", f"larger than {max_bytes:,} bytes ({max_bytes / 2**20:g} MiB), the most "
                                         "an input file may be"))
    return decode(data, encoding, source=source)

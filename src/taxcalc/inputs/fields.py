"""The kinds of input field: each knows how to read a value, describe itself and show its schema.

A field reads the value of a parsed JSON or TOML document (or a value a Python
caller passes: ``Decimal``, ``datetime.date``, ``int``), reporting a problem with
the field's path when it cannot.  :meth:`Field.take` reads the value a Python
caller gives a record's constructor (see :func:`~taxcalc.inputs.record`'s
``checked``): the same kinds, and Python's own spellings besides (any
``Decimal``, a string as :func:`taxcalc.money.money` reads it, any iterable for a
list), raising the error of the first problem.  Its :meth:`Field.schema` is the JSON Schema of
exactly what :meth:`Field.read` accepts from JSON, built from the same
:mod:`~taxcalc.inputs.grammar`.  :meth:`Field.read_text` reads the same value from
a command-line argument.

>>> problems = []
>>> Amount("sales").read("1234.50", "sales", problems)
Decimal('1234.50')
>>> Amount("sales").read("1234,50", "sales", problems), problems
(<BAD>, [Problem(path='sales', reason='\\'1234,50\\' is not an amount of yuan (write e.g. "1234.50": digits, a point and at most two decimals, no separators)')])
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, NamedTuple

from ..errors import InvalidInput, Problem
from ..money import CONTEXT, choice, date_arg, flag, money, rate
from . import grammar

__all__ = [
    "BAD",
    "Amount",
    "Choice",
    "Code",
    "Date",
    "Field",
    "Flag",
    "FloatLiteral",
    "Integer",
    "Integers",
    "ListOf",
    "Month",
    "Rate",
    "Text",
    "Year",
    "Years",
    "shown",
]


class _Bad:
    """The value a field returns when it could not read its input (a problem was recorded)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<BAD>"


#: Returned by :meth:`Field.read` when the value could not be read.
BAD: Final = _Bad()


class FloatLiteral(NamedTuple):
    """A number written with a decimal point or an exponent in a JSON or TOML file, kept as written.

    Money is never a float: the documents are parsed with ``parse_float=FloatLiteral``
    so that the problem can name what was written.
    """

    text: str


def shown(raw: object) -> str:
    """``raw`` as an error message shows it."""
    if isinstance(raw, FloatLiteral):
        return raw.text
    if isinstance(raw, dict):
        return "a table"
    if isinstance(raw, list | tuple):
        return "a list"
    if raw is None:
        return "null"
    if isinstance(raw, _dt.date):  # a TOML date or datetime, shown as written
        return raw.isoformat()
    return repr(raw)


_AMOUNT_RE = re.compile(grammar.AMOUNT)
_RATE_RE = re.compile(grammar.RATE)
_DATE_RE = re.compile(grammar.DATE)
_MONTH_RE = re.compile(grammar.MONTH)
_INT_RE = re.compile(r"^-?(0|[1-9][0-9]*)$")
#: A non-negative amount of yuan as the grammar writes it: what ``Decimal`` reads as :func:`~taxcalc.money.money` does.
_PLAIN_AMOUNT = re.compile(grammar.AMOUNT.replace("^-?", "^")).match
_FEN = Decimal("0.01")
_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


class Field:
    """A field of an input record.  Subclasses set ``kind`` and implement ``_read`` and ``_schema``."""

    kind = ""

    def __init__(self, doc: str) -> None:
        self.doc = doc

    def read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        """The value of ``raw``, or :data:`BAD` after adding a problem at ``path``."""
        return self._read(raw, path, problems)

    def read_text(self, text: str, path: str, problems: list[Problem]) -> Any:
        """The value of a command-line argument (amounts, dates and codes as in a JSON string)."""
        return self.read(text, path, problems)

    def take(self, value: object, path: str) -> Any:
        """The value a Python caller gives (a record's constructor); raise the error of its problem.

        By default what :meth:`read` accepts; kinds with Python spellings of their own
        (amounts, rates, dates, lists) take those too.
        """
        problems: list[Problem] = []
        got = self.read(value, path, problems)
        if problems:
            raise InvalidInput(problems[0].path, problems[0].reason)
        return got

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of what :meth:`read` accepts from a JSON document."""
        out: dict[str, Any] = {"description": self.doc.replace("`", "")}
        out.update(self._schema())
        return out

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:  # pragma: no cover
        raise NotImplementedError

    def _schema(self) -> dict[str, Any]:  # pragma: no cover
        raise NotImplementedError


def _fail(problems: list[Problem], path: str, reason: str) -> _Bad:
    problems.append(Problem(path, reason))
    return BAD


class Amount(Field):
    """An amount of yuan (see :data:`taxcalc.inputs.grammar.AMOUNT`).

    ``sign``: ``"any"``, ``"nonnegative"`` (the default) or ``"positive"``.  A
    negative zero reads as zero.
    """

    kind = "amount"

    def __init__(self, doc: str, *, sign: str = "nonnegative") -> None:
        super().__init__(doc)
        assert sign in ("any", "nonnegative", "positive")
        self.sign = sign

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if isinstance(raw, str):
            if not _AMOUNT_RE.match(raw):
                return _fail(problems, path, f"{raw!r} is not an amount of yuan (write e.g. \"1234.50\": "
                             "digits, a point and at most two decimals, no separators)")
            d = Decimal(raw)
        elif isinstance(raw, bool) or raw is None:
            return _fail(problems, path, f"must be an amount of yuan, e.g. \"1234.50\" (got {shown(raw)})")
        elif isinstance(raw, int):
            if abs(raw) >= grammar.AMOUNT_LIMIT:
                return _fail(problems, path, f"{raw} is too large to be an amount of yuan (below 10^16)")
            d = Decimal(raw)
        elif isinstance(raw, Decimal):
            if not raw.is_finite() or raw.copy_abs() >= grammar.AMOUNT_LIMIT:
                return _fail(problems, path, f"{raw} is not an amount of yuan below 10^16")
            if raw != raw.quantize(_FEN, context=CONTEXT):
                return _fail(problems, path, f"an amount has at most two decimals (fen) (got {raw})")
            d = Decimal(raw)
        elif isinstance(raw, FloatLiteral | float):
            text = raw.text if isinstance(raw, FloatLiteral) else repr(raw)
            return _fail(problems, path, f'a float is not money; write "{text}" (a string)')
        else:
            return _fail(problems, path, f"must be an amount of yuan, e.g. \"1234.50\" (got {shown(raw)})")
        if d.is_zero():
            d = d.copy_abs()
        if self.sign == "nonnegative" and d < 0:
            return _fail(problems, path, f"must not be negative (got {raw})")
        if self.sign == "positive" and d <= 0:
            return _fail(problems, path, f"must be more than zero (got {raw})")
        return d

    def take(self, value: object, path: str) -> Any:
        """As :func:`taxcalc.money.money` reads it (any number of decimals; ``"1,234.50"``), then the sign.

        An amount as a file writes it (digits, at most two decimals, no sign) is read at once.
        """
        if type(value) is str and ((value.isdigit() and value.isascii() and len(value) <= 16)
                                   or _PLAIN_AMOUNT(value)):
            d = Decimal(value)
            if self.sign == "positive" and not d:
                raise InvalidInput(path, f"must be more than zero (got {d})")
            return d
        d = money(value, path)
        if self.sign == "nonnegative" and d < 0:
            raise InvalidInput(path, f"must not be negative (got {d})")
        if self.sign == "positive" and d <= 0:
            raise InvalidInput(path, f"must be more than zero (got {d})")
        return d

    def _schema(self) -> dict[str, Any]:
        top = grammar.AMOUNT_LIMIT - 1
        low = {"any": -top, "nonnegative": 0, "positive": 1}[self.sign]
        pattern = grammar.AMOUNT if self.sign == "any" else grammar.AMOUNT.replace("^-?", "^")
        text: dict[str, Any] = {"type": "string", "pattern": pattern}
        if self.sign == "positive":
            text["not"] = {"pattern": r"^0(\.0{1,2})?$"}
        return {"anyOf": [text, {"type": "integer", "minimum": low, "maximum": top}]}


class Rate(Field):
    """A rate: a fraction from 0 to 1 (``"0.13"``) or a percentage (``"13%"``); returned as the fraction."""

    kind = "rate"

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if isinstance(raw, Decimal) and not isinstance(raw, bool):
            if raw.is_finite() and _ZERO <= raw <= 1:
                return raw.copy_abs() if raw.is_zero() else raw
        elif isinstance(raw, str) and _RATE_RE.match(raw):
            if raw.endswith("%"):
                return CONTEXT.divide(Decimal(raw[:-1]), _HUNDRED)
            return Decimal(raw)
        elif isinstance(raw, FloatLiteral | float):
            text = raw.text if isinstance(raw, FloatLiteral) else repr(raw)
            return _fail(problems, path, f'a float is not a rate; write "{text}" or a percentage such as "13%"')
        return _fail(problems, path, f"{shown(raw)} is not a rate (write a fraction from 0 to 1 such as "
                     "\"0.13\", or a percentage such as \"13%\")")

    def take(self, value: object, path: str) -> Any:
        """As :func:`taxcalc.money.rate` reads it."""
        return rate(value, path)

    def _schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": grammar.RATE}


class Date(Field):
    """A day, ``YYYY-MM-DD`` (a TOML date too), from 1950 to 2099."""

    kind = "date"

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if type(raw) is _dt.date:
            if grammar.YEAR_FIRST <= raw.year <= grammar.YEAR_LAST:
                return raw
        elif isinstance(raw, str) and _DATE_RE.match(raw):
            return _dt.date.fromisoformat(raw)
        return _fail(problems, path, f"{shown(raw)} is not a date (write YYYY-MM-DD, "
                     f"{grammar.YEAR_FIRST} to {grammar.YEAR_LAST})")

    def take(self, value: object, path: str) -> Any:
        """As :func:`taxcalc.money.date_arg` reads it (any ``date``, an ISO string)."""
        return date_arg(value, path)

    def _schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": grammar.DATE}


class Month(Field):
    """A month, ``"YYYY-MM"``; read as its first day."""

    kind = "month"

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if isinstance(raw, str) and _MONTH_RE.match(raw):
            return _dt.date(int(raw[:4]), int(raw[5:]), 1)
        return _fail(problems, path, f'{shown(raw)} is not a month (write "YYYY-MM")')

    def _schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": grammar.MONTH}


class Integer(Field):
    """A whole number from ``minimum`` to ``maximum`` (a JSON integer; never a bool or a float)."""

    kind = "integer"

    def __init__(self, doc: str, *, minimum: int, maximum: int) -> None:
        super().__init__(doc)
        self.minimum, self.maximum = minimum, maximum

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return _fail(problems, path, f"must be a whole number (got {shown(raw)})")
        if not self.minimum <= raw <= self.maximum:
            return _fail(problems, path, f"must be between {self.minimum} and {self.maximum} (got {raw})")
        return raw

    def read_text(self, text: str, path: str, problems: list[Problem]) -> Any:
        if not _INT_RE.match(text):
            return _fail(problems, path, f"must be a whole number (got {text!r})")
        return self.read(int(text), path, problems)

    def take(self, value: object, path: str) -> Any:
        """A whole number in the range (never a bool)."""
        if type(value) is int and self.minimum <= value <= self.maximum:
            return value
        return super().take(value, path)

    def _schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


class Year(Integer):
    """A tax year (纳税年度), a whole number from :data:`~taxcalc.inputs.grammar.TAX_YEAR_FIRST` to
    :data:`~taxcalc.inputs.grammar.TAX_YEAR_LAST`."""

    def __init__(self, doc: str) -> None:
        super().__init__(doc, minimum=grammar.TAX_YEAR_FIRST, maximum=grammar.TAX_YEAR_LAST)

    def take(self, value: object, path: str) -> Any:
        """A whole number (never a bool) in the range."""
        if type(value) is int and self.minimum <= value <= self.maximum:
            return value
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput(path, f"a tax year is a whole number such as 2018 (got {value!r})")
        if not self.minimum <= value <= self.maximum:
            raise InvalidInput(path, f"{value} is not a plausible tax year ({self.minimum} to {self.maximum})")
        return value


class ListOf(Field):
    """A list whose every item ``item`` reads (a path ``name[i]`` each), at most ``max_items`` long;
    read as a tuple.  ``noun`` names the items in the message for a value that is not such a list."""

    kind = "list"

    def __init__(self, doc: str, item: Field, *, noun: str, max_items: int = 200, min_items: int = 0) -> None:
        super().__init__(doc)
        self.item, self.noun = item, noun
        self.max_items, self.min_items = max_items, min_items

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if not isinstance(raw, list | tuple) or len(raw) < self.min_items:
            what = "a non-empty list" if self.min_items else "a list"
            return _fail(problems, path, f"must be {what} of {self.noun} (got {shown(raw)})")
        if len(raw) > self.max_items:
            return _fail(problems, path, f"has {len(raw)} items; at most {self.max_items}")
        before = len(problems)
        values = [self.item.read(v, f"{path}[{i}]", problems) for i, v in enumerate(raw)]
        return BAD if len(problems) > before else self._values(values)

    def _values(self, values: list[Any]) -> tuple[Any, ...]:
        return tuple(values)

    def take(self, value: object, path: str) -> Any:
        """Any iterable but a string or a table, each item as the item kind takes it."""
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
            raise InvalidInput(path, f"must be a list of {self.noun} (got {shown(value)})")
        values = list(value)
        if len(values) > self.max_items or len(values) < self.min_items:
            raise InvalidInput(path, f"has {len(values)} items; from {self.min_items} to {self.max_items}")
        return self._values([self.item.take(v, f"{path}[{i}]") for i, v in enumerate(values)])

    def _schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "maxItems": self.max_items, "items": self.item._schema()}
        if self.min_items:
            out["minItems"] = self.min_items
        return out


class Integers(ListOf):
    """A list of whole numbers (e.g. years), each from ``minimum`` to ``maximum``; read as a sorted tuple."""

    kind = "integers"

    def __init__(self, doc: str, *, minimum: int, maximum: int, max_items: int = 200) -> None:
        super().__init__(doc, Integer(doc, minimum=minimum, maximum=maximum), noun="whole numbers",
                         max_items=max_items)

    def _values(self, values: list[Any]) -> tuple[Any, ...]:
        return tuple(sorted(set(values)))

    def read_text(self, text: str, path: str, problems: list[Problem]) -> Any:
        parts = [p.strip() for p in text.split(",")] if text.strip() else []
        if not all(_INT_RE.match(p) for p in parts):
            return _fail(problems, path, f"must be whole numbers separated by commas (got {text!r})")
        return self.read([int(p) for p in parts], path, problems)


class Years(Integers):
    """A list of tax years (each a :class:`Year`); read as a sorted tuple of distinct years."""

    def __init__(self, doc: str) -> None:
        super().__init__(doc, minimum=grammar.TAX_YEAR_FIRST, maximum=grammar.TAX_YEAR_LAST)
        self.item = Year(doc)


class Flag(Field):
    """``true`` or ``false``."""

    kind = "flag"

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if isinstance(raw, bool):
            return raw
        return _fail(problems, path, f"must be true or false (got {shown(raw)})")

    def take(self, value: object, path: str) -> Any:
        """A ``bool`` (:func:`taxcalc.money.flag`)."""
        return flag(value, path)

    def read_text(self, text: str, path: str, problems: list[Problem]) -> Any:
        known = {"true": True, "yes": True, "false": False, "no": False}
        if text in known:
            return known[text]
        return _fail(problems, path, f"must be true or false (got {text!r})")

    def _schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


_TEXT_RE = r"^\S(.*\S)?$"


class Text(Field):
    """A non-empty line of text without surrounding spaces, at most ``max_length`` characters."""

    kind = "text"

    def __init__(self, doc: str, *, max_length: int = 200) -> None:
        super().__init__(doc)
        self.max_length = max_length

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if isinstance(raw, str) and re.match(_TEXT_RE, raw) and len(raw) <= self.max_length and "\n" not in raw:
            return raw
        return _fail(problems, path, f"must be a non-empty line of text without surrounding spaces, at most "
                     f"{self.max_length} characters (got {shown(raw)})")

    def take(self, value: object, path: str) -> Any:
        """Any string (a Python caller's text is shown as given)."""
        if not isinstance(value, str):
            raise InvalidInput(path, f"must be text (got {value!r})")
        return value

    def _schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": _TEXT_RE.replace(".", "[^\\n]"), "maxLength": self.max_length}


class Choice(Field):
    """One of a list of names, given as a tuple or as a function that gives it when asked (law data)."""

    kind = "choice"

    def __init__(self, doc: str, options: Sequence[str] | Callable[[], Sequence[str]]) -> None:
        super().__init__(doc)
        self._options = options
        self._known = None if callable(options) else frozenset(options)

    @property
    def options(self) -> tuple[str, ...]:
        """The names accepted."""
        return tuple(self._options() if callable(self._options) else self._options)

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        options = self.options
        if isinstance(raw, str) and raw in options:
            return raw
        near = difflib.get_close_matches(raw, options, n=1) if isinstance(raw, str) else []
        hint = f"did you mean {near[0]!r}? " if near else ""
        shown_options = ", ".join(o for o in options if o) + (", or '' (none)" if "" in options else "")
        return _fail(problems, path, f"unknown value {shown(raw)}; {hint}expected one of: {shown_options}")

    def take(self, value: object, path: str) -> Any:
        """One of the options; :class:`~taxcalc.errors.UnknownCategory` listing them otherwise."""
        known = self._known
        if known is not None and type(value) is str and value in known:
            return value
        return choice(value, path, self.options)

    def _schema(self) -> dict[str, Any]:
        return {"enum": list(self.options)}


class Code(Field):
    """A code written to a pattern, e.g. a GB/T 4754 industry code or a commodity code."""

    kind = "code"

    def __init__(self, doc: str, *, pattern: str, example: str) -> None:
        super().__init__(doc)
        self.pattern, self.example = pattern, example
        self._re = re.compile(pattern)

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if isinstance(raw, str) and self._re.match(raw):
            return raw
        return _fail(problems, path, f"{shown(raw)} is not {self.doc.split(' (')[0]} (e.g. {self.example!r})")

    def _schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": self.pattern}

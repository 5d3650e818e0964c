"""Inputs declared once: the grammar of values, the kinds of field, and records built from them.

Every input concept (a loss, a quarter, an equipment item, a rule's question …) is
one :func:`record` class.  The library API constructs it, files and JSON are read
into it by :func:`parse` (every problem at once, each with its path), the command
line reads its fields from arguments, and :func:`json_schema` publishes what the
parser accepts.  Values follow one strict :mod:`~taxcalc.inputs.grammar`.
"""

from __future__ import annotations

from . import grammar
from .fields import (
    BAD,
    Amount,
    Choice,
    Code,
    Date,
    Field,
    Flag,
    FloatLiteral,
    Integer,
    Integers,
    ListOf,
    Month,
    Rate,
    Text,
    Year,
    Years,
)
from .record import FieldSpec, Nested, Rows, derived, json_schema, parse, read, record, spec, take

__all__ = [
    "BAD",
    "Amount",
    "Choice",
    "Code",
    "Date",
    "Field",
    "FieldSpec",
    "Flag",
    "FloatLiteral",
    "Integer",
    "Integers",
    "ListOf",
    "Month",
    "Nested",
    "Rate",
    "Rows",
    "Text",
    "Year",
    "Years",
    "derived",
    "grammar",
    "json_schema",
    "parse",
    "read",
    "record",
    "spec",
    "take",
]

"""The rule protocol: what a rule's adapter module declares for each rule.

Each rule's adapter module (``taxcalc.rules.vat.rate`` for ``vat.rate`` …) holds
``DEFINITIONS: dict[str, Definition]``, the rule's one :class:`Definition` under its id
(:data:`taxcalc.rules.RULES` names the module).  A definition is:

* ``input`` — the input model: a :func:`taxcalc.inputs.record` class, read from a
  mapping by :func:`taxcalc.inputs.parse` (the library's own records, such as
  ``EnterpriseYear``, are such classes too);
* ``compute`` — ONE function ``(inputs, *, law) -> result``, a thin adapter calling
  the library's public function;
* ``result`` — the result type(s); :func:`output_schema` is generated from their
  dataclass fields;
* ``text`` — the text a person reads on the command line, ``(result, lang, inputs) -> str``;
* ``shown`` — the part of the result the command line prints (default: all of it), and
  ``shown_as`` the types that part may have besides the result's;
* ``example`` — an input as a mapping (JSON-ready), used by the documentation and the tests.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from ..explain import Citation, Step
from ..inputs import json_schema, parse

__all__ = ["DECIMAL", "Definition", "dataclass_schema", "output_schema", "step_schema"]

#: A ``Decimal`` as ``as_dict()`` writes it (``str(Decimal)``): amounts, rates, ratios.
DECIMAL = r"^-?[0-9]+(\.[0-9]+)?(E[+-]?[0-9]+)?$"
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@dataclasses.dataclass(frozen=True)
class Definition:
    """What an adapter declares for one rule (see the module notes)."""

    input: type[Any]
    compute: Callable[..., Any]
    result: tuple[type[Any], ...]
    text: Callable[[Any, str, Any], str]
    shown: Callable[[Any], Any] = lambda result: result
    #: The types ``shown`` may give besides the result's (``export.exempt_refund`` prints its one
    #: line alone); the output schema covers them too.
    shown_as: tuple[type[Any], ...] = ()
    example: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def read(self, data: object) -> Any:
        """The input from a mapping; :class:`~taxcalc.errors.InputProblems` lists every problem."""
        return parse(self.input, data)

    def input_schema(self, title: str) -> dict[str, Any]:
        """The JSON Schema of the input (exactly what :meth:`read` accepts)."""
        return json_schema(self.input, title=title)

    def output_schema(self, title: str) -> dict[str, Any]:
        """The JSON Schema of ``as_dict()`` of the result (of what the command line prints)."""
        return output_schema(self.result + self.shown_as, title=title)


def output_schema(result: tuple[type[Any], ...], *, title: str = "") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``as_dict()`` of a result of one of the types ``result``."""
    out: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                           "title": title or result[0].__name__}
    schemas = [dataclass_schema(cls) for cls in result]
    out.update(schemas[0] if len(schemas) == 1 else {"anyOf": schemas})
    return out


def step_schema() -> dict[str, Any]:
    """The schema of :meth:`taxcalc.explain.Step.as_dict`."""
    text = {"type": "string"}
    return {
        "type": "object",
        "description": "one explained step: what was computed, its value, formula and citations",
        "additionalProperties": False,
        "required": ["name", "zh", "en", "value", "unit", "formula", "formula_zh", "cite", "line"],
        "properties": {
            "name": text, "zh": text, "en": text,
            "value": {"description": "the value: an amount or rate as a string, a date, a count, "
                      "a flag, a list, or null for a fact without a figure"},
            "unit": {"enum": ["", "yuan", "rate", "date", "count", "bool"]},
            "formula": text, "formula_zh": text,
            "cite": {"type": "array", "items": _citation_schema()},
            "line": text,
        },
    }


def _citation_schema() -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": ["doc", "article"],
            "properties": {"doc": {"type": "string"}, "article": {"type": "string"},
                           # a citation in taxcalc's own words (a catalogue row) gives them in Chinese too
                           "doc_zh": {"type": "string"}, "article_zh": {"type": "string"}}}


def dataclass_schema(cls: type[Any]) -> dict[str, Any]:
    """The schema of a dataclass as :func:`taxcalc.explain.jsonable` writes it."""
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    props = {f.name: _type_schema(hints[f.name]) for f in fields}
    return {"type": "object", "description": (cls.__doc__ or "").strip().split("\n\n")[0],
            "additionalProperties": False, "required": [f.name for f in fields], "properties": props}


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Decimal:
        return {"type": "string", "pattern": DECIMAL}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is str:
        return {"type": "string"}
    if tp is _dt.date:
        return {"type": "string", "pattern": _DATE}
    if tp is Step:
        return step_schema()
    if tp is Citation:
        return _citation_schema()
    if tp is type(None):
        return {"type": "null"}
    if tp is Any or tp is object:
        return {}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(a) for a in args]}
    if origin in (tuple, list, frozenset, set) or (origin is not None and issubclass(origin, tuple | list)):
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(args[0])}
        if origin is tuple and args:
            return {"type": "array", "prefixItems": [_type_schema(a) for a in args],
                    "minItems": len(args), "maxItems": len(args)}
        return {"type": "array", "items": _type_schema(args[0]) if args else {}}
    if origin in (dict, Mapping) or tp is dict:
        value = _type_schema(args[1]) if args else {}
        return {"type": "object", "additionalProperties": value}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return dataclass_schema(tp)
    if isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields"):  # a NamedTuple: a list
        hints = typing.get_type_hints(tp)
        items = [_type_schema(hints[name]) for name in tp._fields]
        return {"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items)}
    raise TypeError(f"no schema for {tp!r}")

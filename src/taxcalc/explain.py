"""Explained results: every figure comes with the steps that produced it.

A computation returns an immutable result (a frozen dataclass) whose last field
is ``steps``: a tuple of :class:`Step`, each naming what was computed, the value
used or produced, the formula, and the :class:`Citation` (document number and
article) it rests on, with the return-form line where there is one.

>>> from decimal import Decimal
>>> s = Step("rate", "税率", "VAT rate", Decimal("0.13"), unit="rate",
...          cite=(Citation("财政部 税务总局 海关总署公告2019年第39号", "第一条"),))
>>> print(s.render("en"))
VAT rate: 13% [财政部 税务总局 海关总署公告2019年第39号 第一条]
>>> print(s.render("zh"))
税率：13% [财政部 税务总局 海关总署公告2019年第39号 第一条]
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from decimal import Decimal
from typing import Any, NamedTuple

from .money import CONTEXT

_HUNDRED = Decimal(100)
_FEN = Decimal("0.01")
_quantize, _normalize, _multiply = CONTEXT.quantize, CONTEXT.normalize, CONTEXT.multiply

__all__ = ["Citation", "Explained", "Step", "format_value", "jsonable"]


class Citation(NamedTuple):
    """Where a value comes from: a document number exactly as written, and the article."""

    doc: str
    article: str = ""

    def __str__(self) -> str:
        return f"{self.doc} {self.article}".rstrip()


class Step(NamedTuple):
    """One step of a computation.

    ``unit`` tells how to show ``value``: ``"yuan"``, ``"rate"`` (shown as a
    percentage), ``"date"``, ``"count"``, ``"bool"`` or ``""`` (as is).
    ``formula`` is written in figures and symbols or in English; ``formula_zh``,
    where the formula has words, is the same in Chinese, shown in ``zh``.  A step
    whose ``value`` is ``None`` records a fact without a figure (e.g. "not given,
    not tested"): it shows only its label.
    """

    name: str
    zh: str
    en: str
    value: object
    unit: str = ""
    formula: str = ""
    cite: tuple[Citation, ...] = ()
    line: str = ""
    formula_zh: str = ""

    def render(self, lang: str = "zh") -> str:
        """One line: label, value, formula and citations."""
        _name, zh, en, value, unit, formula, cite, line, formula_zh = self
        if lang == "zh":
            if formula_zh:
                formula = formula_zh
            text = zh if value is None else f"{zh}：{format_value(value, unit, lang)}"
        else:
            text = en if value is None else f"{en}: {format_value(value, unit, lang)}"
        if formula:
            text += f" = {formula}"
        if cite:
            if len(cite) == 1:
                text += f" [{cite[0]}]"
            else:
                text += " [" + "; ".join([str(c) for c in cite]) + "]"
        if line:
            text += f" ({line})"
        return text

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (amounts as strings)."""
        return {
            "name": self.name,
            "zh": self.zh,
            "en": self.en,
            "value": jsonable(self.value),
            "unit": self.unit,
            "formula": self.formula,
            "formula_zh": self.formula_zh or self.formula,
            "cite": [{"doc": c.doc, "article": c.article} for c in self.cite],
            "line": self.line,
        }


def format_value(value: object, unit: str = "", lang: str = "zh") -> str:
    """Show a step value: rates as percentages, yuan with two decimals and separators.

    >>> format_value(Decimal("0.175"), "rate"), format_value(Decimal("1234.5"), "yuan")
    ('17.5%', '1,234.50')
    >>> format_value(True, "bool", "zh"), format_value(False, "bool", "en")
    ('是', 'no')
    >>> format_value(("23040010", "23040090"), "", "zh"), format_value(("A", "B"), "", "en")
    ('23040010、23040090', 'A, B')
    """
    if type(value) is Decimal and unit == "yuan":  # the usual case first: an amount
        return f"{value:,.2f}" if value == _quantize(value, _FEN) else f"{value:,}"
    if isinstance(value, bool):
        if lang == "zh":
            return "是" if value else "否"
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        if unit == "rate":
            return f"{format(_normalize(_multiply(value, _HUNDRED)), 'f')}%"
        if unit == "yuan":
            exact = value == value.quantize(_FEN, context=CONTEXT)
            return f"{value:,.2f}" if exact else f"{value:,}"
        integral = value == value.to_integral_value(context=CONTEXT)
        return format(value.normalize(CONTEXT), "f") if integral else str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):  # a list of codes or names
        return ("、" if lang == "zh" else ", ").join(format_value(v, unit, lang) for v in value)
    return str(value)


def jsonable(value: object) -> Any:
    """Convert a result value to JSON-ready data: Decimal and dates as strings, never floats."""
    if isinstance(value, Explained):
        return value.as_dict()
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Step):
        return value.as_dict()
    if isinstance(value, Citation):
        return {"doc": value.doc, "article": value.article}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        return [jsonable(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    raise TypeError(f"cannot convert {type(value).__name__} to JSON data")


class Explained:
    """Mixin for result dataclasses that carry a ``steps`` tuple."""

    __slots__ = ()

    steps: tuple[Step, ...]

    def explain(self, lang: str = "zh") -> str:
        """The steps, one numbered line each, in ``"zh"`` or ``"en"``."""
        return "\n".join([f"{i}. {s.render(lang)}" for i, s in enumerate(self.steps, 1)])

    def as_dict(self) -> dict[str, Any]:
        """Every figure and step as JSON-ready data (amounts as strings)."""
        assert dataclasses.is_dataclass(self)
        return {f.name: jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}

    def step(self, name: str) -> Step:
        """The step called ``name`` (``KeyError`` if there is none)."""
        for s in self.steps:
            if s.name == name:
                return s
        raise KeyError(name)

"""Field kinds the rules' input models need beyond :mod:`taxcalc.inputs`: lists of amounts
and of names, and positive factors (tax years are :class:`taxcalc.inputs.Year`).

Each is a :class:`taxcalc.inputs.Field`: it reads a JSON or TOML value with every
problem at its path, and publishes the JSON Schema of what it reads.

>>> problems = []
>>> Amounts("sales").read(["100", 200], "sales", problems)
(Decimal('100'), Decimal('200'))
>>> Names("kinds", ("general", "manufacturer")).read(["x"], "kinds", problems), problems[0].path
(<BAD>, 'kinds[0]')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from ..errors import Problem
from ..inputs import BAD, Amount, Choice, Field, ListOf
from ..inputs.fields import shown

__all__ = ["Amounts", "Factor", "Names"]



class Amounts(ListOf):
    """A non-empty list of amounts of yuan (each as :class:`taxcalc.inputs.Amount` reads it); read as a tuple."""

    kind = "amounts"

    def __init__(self, doc: str, *, sign: str = "nonnegative", max_items: int = 1000) -> None:
        super().__init__(doc, Amount(doc, sign=sign), noun="amounts", max_items=max_items, min_items=1)


class Names(ListOf):
    """A list of names, each one of ``options``; read as a tuple in the order given."""

    kind = "names"

    def __init__(self, doc: str, options: Sequence[str] | Callable[[], Sequence[str]]) -> None:
        super().__init__(doc, Choice(doc, options), noun="names")

    @property
    def options(self) -> tuple[str, ...]:
        """The names accepted."""
        return self.item.options  # type: ignore[no-any-return,attr-defined]


_FACTOR_PATTERN = r"^(0|[1-9][0-9]{0,8})(\.[0-9]{1,10})?$"
_FACTOR = re.compile(_FACTOR_PATTERN)


class Factor(Field):
    """A positive decimal number written as text, e.g. an exchange rate ``"6.8976"``."""

    kind = "factor"
    pattern = _FACTOR_PATTERN
    zero = r"^0(\.0+)?$"
    largest = 999_999_999

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if isinstance(raw, Decimal) and raw.is_finite() and raw > 0:
            return raw
        if isinstance(raw, int) and not isinstance(raw, bool) and 0 < raw <= self.largest:
            return Decimal(raw)
        if isinstance(raw, str) and _FACTOR.match(raw) and Decimal(raw) > 0:
            return Decimal(raw)
        problems.append(Problem(path, f"{shown(raw)} is not a positive number (write e.g. \"6.8976\")"))
        return BAD

    def _schema(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "string", "pattern": self.pattern, "not": {"pattern": self.zero}},
                          {"type": "integer", "minimum": 1, "maximum": self.largest}]}

"""What the income tax adapters share: amounts as people read them, the plain text of a result."""

from __future__ import annotations

from typing import Any

from ...explain import format_value

__all__ = ["MAX_ROWS", "WIDTH", "explained", "yuan"]

#: The width of a table the command line prints.
WIDTH = 100
#: Rows a list of an input may hold.
MAX_ROWS = 10_000


def yuan(v: object, lang: str) -> str:
    """An amount of yuan as people of ``lang`` read it."""
    return format_value(v, "yuan", lang)


def explained(r: Any, lang: str, inputs: Any = None) -> str:
    """The text of a result: its explanation."""
    return str(r.explain(lang))

"""Plain-text tables that line up in a terminal, Chinese (double-width) text included.

>>> print(render_table(["键 key", "值"], [["vat.rate.standard", "13%"], ["a", "17%"]]))
键 key             值
-----------------  ---
vat.rate.standard  13%
a                  17%
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["display_width", "pad", "render_table"]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters count 2.

    >>> display_width("abc"), display_width("税率"), display_width("（一）")
    (3, 4, 6)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` columns (right-aligned if ``right``)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def render_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int] = (),
) -> str:
    """A table with a dashed rule under the header; columns in ``right`` are right-aligned."""
    widths = [display_width(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))
    def line(cells: Sequence[str]) -> str:
        parts = [pad(c, widths[i], right=i in right) for i, c in enumerate(cells)]
        return "  ".join(parts).rstrip()
    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in rows)
    return "\n".join(out)

"""Plain-text tables and paragraphs that line up in a terminal, Chinese (double-width) text included.

>>> print(render_table(["键 key", "值"], [["vat.rate.standard", "13%"], ["a", "17%"]]))
键 key             值
-----------------  ---
vat.rate.standard  13%
a                  17%

Given a ``width``, a table wraps its text columns to fit (``fixed`` columns, such
as keys and dates, are never broken):

>>> print(render_table(["key", "name"], [["eit.rate.hnte", "Reduced rate of a high and new technology enterprise"]],
...                    width=40, fixed=(0,)))
key            name
-------------  -------------------------
eit.rate.hnte  Reduced rate of a high
               and new technology
               enterprise
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["display_width", "pad", "render_table", "wrap"]

#: Punctuation that belongs to what comes before it: a line never starts with it.
_CLOSING = frozenset("）】〕》」』〉，。、；：！？)]}%.,;:!?")
#: Punctuation that belongs to what comes after it: a line never ends with it.
_OPENING = frozenset("（【〔《「『〈([{")
_GAP = "  "


#: The East Asian width classes a terminal shows in two columns: wide and full-width.
_WIDE_CLASSES = "WF"


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in _WIDE_CLASSES


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters count 2.

    >>> display_width("abc"), display_width("税率"), display_width("（一）")
    (3, 4, 6)
    """
    if text.isascii():  # most cells: figures, keys, dates
        return len(text)
    width = unicodedata.east_asian_width
    return len(text) + sum([1 for c in text if width(c) in _WIDE_CLASSES])  # one more column for each wide one


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` columns (right-aligned if ``right``)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


#: Groups kept on one line when they fit: a citation, a document or form title.
_GROUPS = {"[": "]", "《": "》"}


def _units(para: str, width: int) -> list[tuple[str, int]]:
    """``para`` as the pieces a line may break between: ``(piece, spaces before it)``.

    A piece is a run of narrow characters (a word, a number, a date, a key) or one
    wide character; closing punctuation joins the piece before it, opening
    punctuation the piece after it.  A citation in square brackets and a title in
    《》 are one piece when they fit ``width``, so a document number or a form's
    name is never split.
    """
    out: list[tuple[str, int]] = []
    rest = para
    while True:
        starts = [(rest.find(o), o) for o in _GROUPS if o in rest]
        starts = [(i, o) for i, o in starts if rest.find(_GROUPS[o], i) > i]
        if not starts:
            break
        i, o = min(starts)
        j = rest.index(_GROUPS[o], i)
        before, group, after = rest[:i], rest[i : j + 1], rest[j + 1 :]
        lead = len(before) - len(before.rstrip("".join(_OPENING)))  # "(" right before "《"
        k = len(after) - len(after.lstrip("".join(_CLOSING)))
        piece = before[len(before) - lead :] + group + after[:k]
        if display_width(piece) > width:
            out.extend(_pieces(rest[: j + 1]))
            rest = after
            continue
        before = before[: len(before) - lead]
        out.extend(_pieces(before))
        out.append((piece, len(before) - len(before.rstrip(" "))))
        rest = after[k:]
    out.extend(_pieces(rest))
    return out


def _pieces(para: str) -> list[tuple[str, int]]:
    units: list[tuple[str, int]] = []
    spaces = 0
    opening = ""
    for ch in para:
        if ch == " ":
            spaces += 1
            continue
        if ch in _OPENING and (_wide(ch) or spaces or not units):
            opening += ch
            continue
        if opening:
            units.append((opening + ch, spaces))
            opening, spaces = "", 0
            continue
        if units and not spaces:
            last, before = units[-1]
            if ch in _CLOSING or not (_wide(ch) or _wide(last[-1])):
                units[-1] = (last + ch, before)
                continue
        units.append((ch, spaces))
        spaces = 0
    if opening:
        units.append((opening, spaces))
    return units


def _cut_after_opening(piece: str, width: int) -> list[str] | None:
    """``piece`` as its opening punctuation and the rest, where that keeps the rest whole on a line.

    A word that fits a line is never cut because an opening bracket came with it.
    """
    rest = piece.lstrip("".join(_OPENING))
    head = piece[: len(piece) - len(rest)]
    if not head or not rest or display_width(rest) > width or display_width(head) > width:
        return None
    return [head, rest]


def _cut(piece: str, width: int) -> list[str]:
    """``piece`` cut between characters into parts of at most ``width`` columns."""
    parts, cur, used = [], "", 0
    for ch in piece:
        w = display_width(ch)
        if cur and used + w > width:
            parts.append(cur)
            cur, used = "", 0
        cur += ch
        used += w
    return [*parts, cur]


def wrap(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns (Chinese characters count 2).

    A line breaks at a space or next to a Chinese character, never inside a word,
    a number, a date or a key unless that alone is longer than a line; closing
    punctuation stays with what it closes and opening punctuation with what it
    opens.  Spaces at a break are dropped; a paragraph's leading indent is kept on
    its first line.

    >>> wrap("增值税税率下调（17%→16%）", 12)
    ['增值税税率下', '调', '（17%→16%）']
    >>> wrap("output VAT saved less input VAT", 12)
    ['output VAT', 'saved less', 'input VAT']
    >>> wrap("应纳税额：1,234,567.89元", 14)
    ['应纳税额：', '1,234,567.89元']
    """
    width = max(width, 2)
    lines: list[str] = []
    for para in text.split("\n"):
        if display_width(para) <= width:
            lines.append(para)
            continue
        body = para.lstrip(" ")
        cur = para[: len(para) - len(body)]
        if display_width(cur) * 2 > width:
            cur = ""
        used = display_width(cur)
        filled = False  # the current line has text (not only an indent)
        for piece, spaces in _units(body, width):
            w = display_width(piece)
            sep = spaces if filled else 0
            if filled and used + sep + w > width:
                lines.append(cur)
                cur, used, filled, sep = "", 0, False, 0
            if not filled and used + w > width:  # no room after the indent: drop it
                cur, used = "", 0
            if w > width:  # longer than a whole line: cut it between characters
                parts = _cut_after_opening(piece, width) or _cut(piece, width)
                lines.extend(parts[:-1])
                piece, w = parts[-1], display_width(parts[-1])
            cur += " " * sep + piece
            used += sep + w
            filled = True
        lines.append(cur)
    return lines


def _fit(widths: list[int], floors: list[int], budget: int, shrinkable: list[int]) -> None:
    """Narrow the widest shrinkable column, one column at a time, until the widths fit ``budget``."""
    cols = list(shrinkable)
    while sum(widths) > budget and cols:
        i = max(cols, key=lambda j: widths[j])
        if widths[i] <= floors[i]:
            cols.remove(i)
            continue
        widths[i] -= 1


def render_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int] = (),
    width: int | None = None,
    fixed: Sequence[int] = (),
) -> str:
    """A table with a dashed rule under the header; columns in ``right`` are right-aligned.

    With ``width``, columns other than ``right`` and ``fixed`` ones are narrowed
    (widest first, to no less than 10 columns or their header) and their cells
    wrapped until every line fits ``width`` columns, if it can.
    """
    widths = [display_width(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))
    if width is not None:
        floors = [max(10, display_width(h)) for h in header]
        budget = width - len(_GAP) * (len(widths) - 1)
        _fit(widths, floors, budget, [i for i in range(len(widths)) if i not in right and i not in fixed])

    def lines(cells: Sequence[str]) -> list[str]:
        parts = [[c] if i in right or i in fixed else wrap(c, widths[i]) for i, c in enumerate(cells)]
        height = max((len(p) for p in parts), default=1)
        return [
            _GAP.join(pad(p[k] if k < len(p) else "", widths[i], right=i in right)
                      for i, p in enumerate(parts)).rstrip()
            for k in range(height)
        ]

    out = [*lines(header), _GAP.join("-" * w for w in widths)]
    for r in rows:
        out.extend(lines(r))
    return "\n".join(out)

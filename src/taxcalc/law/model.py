"""The law as data: documents, keys and dated values (the shapes; loading is in ``loader``)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import NamedTuple

from ..explain import Citation, Formula, Step, format_value

__all__ = ["Document", "KeySpec", "LawValue", "WHAT_IF"]

#: The document number shown for a value the caller supplied as a what-if.
WHAT_IF = "假设 what-if"


class Document(NamedTuple):
    """A cited document in the register.

    ``published`` is the day the text became public (``None`` when it is the
    issue day).  ``effective_to`` is ``None`` only where the law has no sunset.
    """

    number: str
    title: str
    issuer: str
    issued: _dt.date
    published: _dt.date | None
    effective_from: _dt.date
    effective_to: _dt.date | None
    source: str
    note: str

    @property
    def known_from(self) -> _dt.date:
        """The first day the document could be known: its publication (or issue) day."""
        return self.published or self.issued


class LawValue(NamedTuple):
    """One dated value of a key, with its window and citation.

    ``last`` is ``None`` only for a value without a sunset.  ``gap`` is a
    non-empty reason when the window is a declared gap (no value in force), in
    English; ``gap_zh`` is the same reason in Chinese (see :meth:`gap_reason`).
    ``published`` is when the citing document became public; ``enacted_last`` and
    ``superseded_by`` record a window that a later document cut short, so the
    law can be read "as known on" an earlier day.
    """

    key: str
    value: object
    first: _dt.date
    last: _dt.date | None
    citation: Citation
    note: str = ""
    gap: str = ""
    published: _dt.date = _dt.date.min
    enacted_last: _dt.date | None = None
    superseded_by: str = ""
    unit: str = ""
    gap_zh: str = ""

    def step(
        self, name: str, zh: str, en: str, formula: str | Formula = "", line: str = "", formula_zh: str = ""
    ) -> Step:
        """An explanation step that shows this value with its citation."""
        return Step(name, zh, en, self.value, self.unit, formula, (self.citation,), line, formula_zh)

    def gap_reason(self, lang: str = "en") -> str:
        """Why a declared gap has no value, in ``lang`` (``"zh"`` or ``"en"``); empty for a value.

        >>> from taxcalc import law
        >>> v = law.history("vat.super_credit.policies")[0]
        >>> print(v.gap_reason("zh"))
        尚无增值税加计抵减政策：首项加计抵减政策自2019-04-01起实行（财政部 税务总局 海关总署公告2019年第39号 第七条）
        """
        return (self.gap_zh or self.gap) if lang == "zh" else self.gap

    def window(self) -> str:
        """The window as text, e.g. ``2018-05-01 – 2019-03-31``."""
        return f"{self.first} – {self.last or '…'}"

    def shown(self, lang: str = "zh") -> str:
        """The value as people read it (rates as percentages)."""
        if self.gap:
            return "（无）" if lang == "zh" else "(none)"
        return format_value(self.value, self.unit, lang)


@dataclass(frozen=True, slots=True)
class KeySpec:
    """A key: its names, its value type and its dated values (tiling its coverage)."""

    name: str
    zh: str
    en: str
    type: str
    unit: str
    note: str
    values: tuple[LawValue, ...]
    superseded: tuple[LawValue, ...] = ()
    starts: tuple[_dt.date, ...] = field(default=(), repr=False)

    @property
    def first(self) -> _dt.date:
        """The first covered day."""
        return self.values[0].first

    @property
    def last(self) -> _dt.date | None:
        """The last covered day (``None``: no sunset)."""
        return self.values[-1].last

"""The shape of a benefit report: sections of lines and tables, and the savings.

A :class:`Report` is plain data.  :mod:`taxcalc.report.render` shows it as text in
Chinese or English; :meth:`Report.as_dict` gives the JSON form (amounts as
strings, never floats; documented in ``docs/report.md``).

Every saving is rounded half up to the fen when it is made (as a return rounds
tax), and the total saving is the exact sum of the savings, so a reader of the
JSON who adds the savings up gets the total exactly; the subtotal of each tax
(:attr:`Report.savings_by_tax`) is the exact sum of that tax's savings.

Refunds (export refunds, the 2018 refund of excess input credits) are money the
tax office pays back, not tax a policy saves: they are kept apart as
:class:`Refund` items with their own exact total, never added to the savings.

>>> from decimal import Decimal
>>> s = Saving("vat.rate_cut", "vat", "vat", "税率下调", "rate cut", Decimal("10.005"))
>>> s.amount
Decimal('10.01')
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..explain import Citation
from ..law import Law
from ..money import round_fen, total

__all__ = [
    "Column",
    "Line",
    "Refund",
    "Report",
    "Saving",
    "Section",
    "Status",
    "TAXES",
    "Table",
    "cite_json",
]

#: Section states: ``computed`` (real figures), ``not_applicable`` (nothing in the
#: input calls for it).
Status = str
STATUSES: tuple[Status, ...] = ("computed", "not_applicable")
#: The taxes a saving can reduce, in the order the report lists their subtotals.
TAXES: tuple[str, ...] = ("vat", "eit", "env", "export")
#: Kinds of table column.  Money cells and line amounts are written to the fen in JSON
#: (``"0.00"``, never ``"0"``); every figure the report holds is already in fen.
#: A ``label`` cell is text in both languages, ``(zh, en)``; JSON ``{"zh": …, "en": …}``.
COLUMN_KINDS: tuple[str, ...] = ("text", "money", "rate", "date", "month", "cite", "bool", "label")


def cite_json(cites: tuple[Citation, ...]) -> list[dict[str, str]]:
    """Citations as JSON data (:meth:`~taxcalc.explain.Citation.as_dict`)."""
    return [c.as_dict() for c in cites]


def _jsonable(value: object, kind: str) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return str(round_fen(value)) if kind == "money" else str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()[:7] if kind == "month" else value.isoformat()
    if isinstance(value, tuple) and kind == "cite":
        return cite_json(value)
    if isinstance(value, tuple) and kind == "label":
        return {"zh": str(value[0]), "en": str(value[1])}
    return str(value)


@dataclass(frozen=True, slots=True)
class Line:
    """One labelled figure: an amount of yuan, or a value shown as text (a rate, a status).

    ``form`` names the return form (or schedule) the figure belongs on, e.g. ``A107012``.
    """

    id: str
    zh: str
    en: str
    amount: Decimal | None = None
    value_zh: str = ""
    value_en: str = ""
    cite: tuple[Citation, ...] = ()
    note_zh: str = ""
    note_en: str = ""
    form: str = ""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "zh": self.zh, "en": self.en}
        out["amount"] = None if self.amount is None else str(round_fen(self.amount))
        if self.value_zh or self.value_en:
            out["value"] = _bilingual(self.value_zh, self.value_en)
        out["cite"] = cite_json(self.cite)
        if self.form:
            out["form"] = self.form
        if self.note_zh or self.note_en:
            out["note"] = _bilingual(self.note_zh, self.note_en)
        return out


def _bilingual(zh: str, en: str) -> dict[str, str]:
    """A text in both languages for the JSON; English falls back to the Chinese."""
    return {"zh": zh, "en": en or zh}


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its id, headings and kind (see :data:`COLUMN_KINDS`)."""

    id: str
    zh: str
    en: str
    kind: str = "text"


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of figures, e.g. VAT month by month; ``total`` is an optional last row."""

    id: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    total: tuple[object, ...] | None = None

    def as_dict(self) -> dict[str, Any]:
        def row(r: tuple[object, ...]) -> dict[str, Any]:
            return {c.id: _jsonable(v, c.kind) for c, v in zip(self.columns, r, strict=True)}

        return {
            "id": self.id,
            "zh": self.zh,
            "en": self.en,
            "columns": [{"id": c.id, "zh": c.zh, "en": c.en, "kind": c.kind} for c in self.columns],
            "rows": [row(r) for r in self.rows],
            "total": row(self.total) if self.total is not None else None,
        }


@dataclass(frozen=True, slots=True)
class Saving:
    """The tax one policy saves the enterprise this year, rounded half up to the fen.

    ``policy`` is a stable id (e.g. ``eit.hnte_rate``); ``tax`` is the tax it
    reduces (``vat`` or ``eit``) and ``section`` the report section that shows
    how it was computed.  A negative amount is a change that raised the tax.
    """

    policy: str
    tax: str
    section: str
    zh: str
    en: str
    amount: Decimal
    cite: tuple[Citation, ...] = ()
    note_zh: str = ""
    note_en: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", round_fen(self.amount))

    def as_dict(self) -> dict[str, Any]:
        return _amount_json(self, {"policy": self.policy, "tax": self.tax})


@dataclass(frozen=True, slots=True)
class Refund:
    """VAT the tax office pays back this year under one rule, in fen.

    ``policy`` is a stable id (``export.exempt_credit_refund``, ``export.exempt_refund``,
    ``vat.excess_credit_refund_2018``).  A refund is not a saving: it returns input
    VAT the enterprise paid, and is reported beside the savings, never in their total.
    """

    policy: str
    section: str
    zh: str
    en: str
    amount: Decimal
    cite: tuple[Citation, ...] = ()
    note_zh: str = ""
    note_en: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", round_fen(self.amount))

    def as_dict(self) -> dict[str, Any]:
        return _amount_json(self, {"policy": self.policy})


def _amount_json(item: Saving | Refund, head: dict[str, Any]) -> dict[str, Any]:
    """The JSON of a saving or a refund: ``head``, then the fields they share."""
    out = {
        **head,
        "section": item.section,
        "zh": item.zh,
        "en": item.en,
        "amount": str(item.amount),
        "cite": cite_json(item.cite),
    }
    if item.note_zh or item.note_en:
        out["note"] = _bilingual(item.note_zh, item.note_en)
    return out


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the report: its lines, tables, savings and notes."""

    id: str
    zh: str
    en: str
    status: Status
    lines: tuple[Line, ...] = ()
    tables: tuple[Table, ...] = ()
    savings: tuple[Saving, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()
    refunds: tuple[Refund, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "zh": self.zh,
            "en": self.en,
            "status": self.status,
            "lines": [ln.as_dict() for ln in self.lines],
            "tables": [t.as_dict() for t in self.tables],
            "savings": [s.policy for s in self.savings],
            "refunds": [r.policy for r in self.refunds],
            "notes": [{"zh": zh, "en": en} for zh, en in self.notes],
        }


@dataclass(frozen=True, slots=True)
class Report:
    """A benefit report for one enterprise and one tax year."""

    year: int
    enterprise: dict[str, Any]
    sections: tuple[Section, ...]
    known_on: _dt.date | None = None
    what_if: tuple[tuple[str, str], ...] = ()
    source: str = ""
    #: The law the report was computed under (``None``: the package's data), for its provenance.
    law: Law | None = field(default=None, compare=False, repr=False)
    savings: tuple[Saving, ...] = field(init=False)
    total_saving: Decimal = field(init=False)
    #: The exact sum of the savings of each tax that has any, in the order of :data:`TAXES`.
    savings_by_tax: tuple[tuple[str, Decimal], ...] = field(init=False)
    refunds: tuple[Refund, ...] = field(init=False)
    total_refund: Decimal = field(init=False)

    def __post_init__(self) -> None:
        savings = tuple(s for sec in self.sections for s in sec.savings)
        object.__setattr__(self, "savings", savings)
        object.__setattr__(self, "total_saving", total(s.amount for s in savings))
        taxes = [t for t in TAXES if any(s.tax == t for s in savings)]
        taxes += sorted({s.tax for s in savings} - set(TAXES))
        object.__setattr__(self, "savings_by_tax",
                           tuple((t, total(s.amount for s in savings if s.tax == t)) for t in taxes))
        refunds = tuple(r for sec in self.sections for r in sec.refunds)
        object.__setattr__(self, "refunds", refunds)
        object.__setattr__(self, "total_refund", total(r.amount for r in refunds))

    def section(self, id: str) -> Section:  # noqa: A002
        """The section called ``id`` (``KeyError`` if there is none)."""
        for s in self.sections:
            if s.id == id:
                return s
        raise KeyError(id)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (see ``docs/report.md``): amounts as strings, never floats."""
        from .._provenance import provenance
        from ..format import daxie

        return {
            "report": "taxcalc benefit report",
            "version": 1,
            "year": self.year,
            "enterprise": self.enterprise,
            "law": {
                "known_on": self.known_on.isoformat() if self.known_on else None,
                "what_if": {k: v for k, v in self.what_if},
            },
            "provenance": provenance(self.law),
            "sections": [s.as_dict() for s in self.sections],
            "savings": [s.as_dict() for s in self.savings],
            "total_saving": str(self.total_saving),
            "total_saving_daxie": daxie(self.total_saving) if self.total_saving >= 0 else None,
            "total_saving_by_tax": {t: str(a) for t, a in self.savings_by_tax},
            "refunds": [r.as_dict() for r in self.refunds],
            "total_refund": str(self.total_refund),
        }

"""Build a benefit report from an enterprise's facts: a pipeline with no tax logic of its own.

1. **parse** — the input file is read into :class:`~taxcalc.report.input.ReportInput`
   (:func:`~taxcalc.report.load`, :func:`~taxcalc.report.parse_text`);
2. **ledger** — :func:`~taxcalc.report.ledger.build_ledger` (facts, law, catalogue)
   computes the year's VAT periods, export rates and refunds by calling the rule
   functions (:func:`taxcalc.vat.period_tax`, :func:`taxcalc.export.exempt_credit_refund` …);
3. **sections** — each section builder (facts, law, ledger) turns those results, and
   the rule results of its own, into lines, tables, savings and refunds;
4. **report** — the sections and the enterprise's particulars make the
   :class:`~taxcalc.report.model.Report`.

Every figure comes from a rule function's explained result, with its citation.

>>> from taxcalc.report import build_report, example
>>> report = build_report(example())
>>> report.year, [s.id for s in report.sections]
(2018, ['vat', 'small_scale', 'eit', 'export'])
>>> report.total_saving == sum(s.amount for s in report.savings)
True
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from .. import law as _law
from ..errors import UnknownCategory
from ..export import Catalogue
from ..law import Law
from ..money import DateLike, date_arg
from .context import resolve_catalogue
from .input import ReportInput, parse_text
from .ledger import build_ledger
from .model import Report
from .sections import BUILDERS, OPTIONAL_BUILDERS

__all__ = ["EXAMPLE", "EXAMPLES", "build_report", "example", "example_text"]

#: The built-in example's file name inside ``taxcalc/report/examples`` (the default example).
EXAMPLE = "hebei-2018.toml"
#: The built-in examples by name (``taxcalc report --example NAME``), the default first: a Hebei food
#: manufacturer in 2018, and a technology-service enterprise in 2023 with the employee education,
#: technology-transfer and venture-capital preferences; a county bank in 2019 with the interest on small-business
#: loans exempt from VAT; a chemical manufacturer in 2019 with the environmental-tax reductions; a small-scale
#: shop filing quarterly in 2023 with sales on special VAT invoices.
EXAMPLES: dict[str, str] = {"hebei-2018": EXAMPLE, "tech-service-2023": "tech-service-2023.toml",
                             "county-bank-2019": "county-bank-2019.toml",
                             "chemical-2019": "chemical-2019.toml", "shop-2023": "shop-2023.toml"}


def _file(name: str) -> str:
    if name not in EXAMPLES:
        raise UnknownCategory("example", name, tuple(EXAMPLES))
    return EXAMPLES[name]


def example_text(name: str = "hebei-2018") -> str:
    """The built-in example input ``name`` (default: the Hebei food manufacturer, 2018), as TOML text.

    >>> example_text("tech-service-2023").splitlines()[0]
    '# The second built-in example of `taxcalc report` (`--example tech-service-2023`): a'
    >>> example_text("hebei")
    Traceback (most recent call last):
    ...
    taxcalc.errors.UnknownCategory: example: unknown value 'hebei'; expected one of: hebei-2018, tech-service-2023, county-bank-2019, chemical-2019, shop-2023
    """
    return (resources.files("taxcalc.report") / "examples" / _file(name)).read_text("utf-8")


def example(name: str = "hebei-2018") -> ReportInput:
    """The built-in example input ``name``, parsed."""
    return parse_text(example_text(name), "toml", f"<built-in example {_file(name)}>")


def _enterprise(facts: ReportInput) -> dict[str, Any]:
    e = facts.enterprise
    return {
        "name": e.name,
        "name_en": e.name_en,
        "province": e.province,
        "industry": e.industry,
        "registered": e.registered.isoformat() if e.registered else None,
        "vat_taxpayer": e.vat_taxpayer,
        "vat_period": e.vat_period,
        "exporter": e.exporter,
        "sector": e.sector or None,
        "employees": e.employees,
        "total_assets": None if e.assets is None else str(e.assets),
        "qualifications": [
            {"kind": q.kind, "from": q.first.isoformat(), "to": q.last.isoformat(),
             "certificate": q.number}
            for q in facts.qualifications
        ],
    }


def _known_view(law: Law, day: _dt.date) -> Law:
    """The law as known on ``day``: one view per (law, day), kept by the law, so the rules' memos carry over."""
    return law.as_known_on(day)


def _what_if_view(law: Law, overrides: tuple[tuple[str, type, object], ...]) -> Law:
    """The law with values replaced: one view per (law, what-if), kept by the law, for the same reason.

    The key holds each value's type, so ``True`` and ``1`` (equal in Python) stay apart.
    """
    return law.with_values({k: v for k, _t, v in overrides})


def _shown(value: object) -> str:
    """A what-if value as written in a data file: ``true``/``false`` for flags, lists comma-separated."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return str(value)


def build_report(
    facts: ReportInput,
    *,
    law: Law | None = None,
    known_on: DateLike | None = None,
    what_if: Mapping[str, object] | None = None,
    catalogue: Catalogue | str | Path | None = None,
) -> Report:
    """Compute every section of the report for ``facts``.

    ``known_on`` reads the law as published on that day (see
    :meth:`taxcalc.law.Law.as_known_on`); ``what_if`` replaces law values (see
    :meth:`taxcalc.law.Law.with_values`).  Both apply on top of ``law`` (default:
    the package's data).  ``catalogue`` (a :class:`taxcalc.export.Catalogue`, a
    file path, or ``"sample"``) replaces the input's ``catalogue`` field.
    """
    base = law if law is not None else _law.default()
    day: _dt.date | None = None
    if known_on is not None:
        day = date_arg(known_on, "known_on")
        base = base.memo(_known_view, day)
    overrides = dict(what_if or {})
    if overrides:
        try:
            base = base.memo(_what_if_view, tuple((k, type(v), v) for k, v in overrides.items()))
        except TypeError:  # a value that cannot be a cache key (a list of codes)
            base = base.with_values(overrides)
    ledger = build_ledger(facts, base, resolve_catalogue(facts, catalogue), tuple(overrides))
    sections = tuple(builder(facts, base, ledger) for _, builder in BUILDERS) + tuple(
        builder(facts, base, ledger) for _, applies, builder in OPTIONAL_BUILDERS if applies(facts))
    return Report(
        facts.year,
        _enterprise(facts),
        sections,
        known_on=day if day is not None else base.known_on,
        what_if=tuple((k, _shown(v)) for k, v in overrides.items()),
        source=facts.source,
        law=base,
    )

"""The report's sections, one module each, every one a function ``build(facts, law, ledger) -> Section``.

A section computes its figures by calling the rule modules (``taxcalc.vat``,
``taxcalc.eit``, ``taxcalc.export``), or reads them from the
:class:`taxcalc.report.ledger.Ledger` where sections show the same figures, and
turns their explained results into report lines, tables, savings and refunds.
``facts`` is the parsed input, ``law`` the law of the report (with any what-if or
"as known on" view), ``ledger`` what :func:`taxcalc.report.ledger.build_ledger`
computed from them.  A section for which the input has no facts is ``not_applicable``; the income-tax
section reads the facts through :mod:`taxcalc.report.income_tax`.
"""

from __future__ import annotations

from collections.abc import Callable

from ...law import Law
from ..input import ReportInput
from ..ledger import Ledger
from ..model import Section
from . import eit, export, preferences, small_scale, vat

__all__ = ["BUILDERS", "OPTIONAL_BUILDERS", "Builder"]

Builder = Callable[[ReportInput, Law, Ledger], Section]

#: The sections in report order.
BUILDERS: tuple[tuple[str, Builder], ...] = (
    ("vat", vat.build),
    ("small_scale", small_scale.build),
    ("eit", eit.build),
    ("export", export.build),
)

#: Sections shown only when the input has their facts (``(id, applies, build)``), after the others.
OPTIONAL_BUILDERS: tuple[tuple[str, Callable[[ReportInput], bool], Builder], ...] = (
    ("preferences", preferences.applies, preferences.build),
)

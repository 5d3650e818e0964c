"""The report's sections, one module each, every one a function ``build(ctx) -> Section``.

A section computes its figures by calling the rule modules (``taxcalc.vat``,
``taxcalc.eit``, ``taxcalc.export``), through the shared
:mod:`taxcalc.report.ledger` where sections show the same figures, and turns
their explained results into report lines, tables, savings and refunds.  ``ctx``
is a :class:`taxcalc.report.context.Context` (the facts, the law, the catalogue).
A section for which the input has no facts is ``not_applicable``; the income-tax
section reads the facts through :mod:`taxcalc.report.income_tax`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..context import Context
from ..model import Section
from . import eit, export, small_scale, vat

__all__ = ["BUILDERS", "Builder"]

Builder = Callable[[Context], Section]

#: The sections in report order.
BUILDERS: tuple[tuple[str, Builder], ...] = (
    ("vat", vat.build),
    ("small_scale", small_scale.build),
    ("eit", eit.build),
    ("export", export.build),
)

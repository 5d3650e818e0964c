"""The report's sections, one module each, every one a function ``build(facts, law) -> Section``.

A section computes its figures by calling the rule modules (``taxcalc.vat``,
``taxcalc.eit``, ``taxcalc.export``) and turns their explained results into
report lines, tables and savings.  A section whose rules are not in this version
yet says so (status ``pending``) and lists the facts it will use; a section for
which the input has no facts is ``not_applicable``.
"""

from __future__ import annotations

from collections.abc import Callable

from ...law import Law
from ..input import ReportInput
from ..model import Section
from . import eit, export, small_scale, vat

__all__ = ["BUILDERS", "Builder"]

Builder = Callable[[ReportInput, Law], Section]

#: The sections in report order.
BUILDERS: tuple[tuple[str, Builder], ...] = (
    ("vat", vat.build),
    ("small_scale", small_scale.build),
    ("eit", eit.build),
    ("export", export.build),
)

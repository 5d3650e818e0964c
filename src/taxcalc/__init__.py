"""taxcalc: Chinese enterprise tax rules and the benefit of each preferential policy.

Exact (``Decimal`` yuan), effective-dated (any day the law data covers, and an
error outside it) and explained (every result carries its steps and citations).
"""

from __future__ import annotations

from .errors import (
    InvalidInput,
    LawDataError,
    NotInForce,
    NotMoney,
    OutsideCoverage,
    TaxcalcError,
    UnknownCategory,
)
from .explain import Citation, Explained, Step

__version__ = "0.1.0.dev0"

__all__ = [
    "Citation",
    "Explained",
    "InvalidInput",
    "LawDataError",
    "NotInForce",
    "NotMoney",
    "OutsideCoverage",
    "Step",
    "TaxcalcError",
    "UnknownCategory",
    "__version__",
]

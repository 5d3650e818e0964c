"""Environmental protection tax (环境保护税) rules.

* :mod:`~taxcalc.environment.reduction` — the reductions for concentrations below the
  emission standards (:func:`environmental_tax_reduction`, 环境保护税法 第十三条).

>>> from decimal import Decimal
>>> from taxcalc.environment import Emission, environmental_tax_reduction
>>> row = Emission(outlet="DW001", pollutant="COD", concentration=Decimal("25"), standard=Decimal("50"),
...                tax=Decimal("1000"))
>>> environmental_tax_reduction([row], "2018-01").tax_due
Decimal('500.00')
"""

from __future__ import annotations

from .reduction import (
    Emission,
    EmissionReduction,
    EnvironmentalTaxInput,
    EnvironmentalTaxReduction,
    environmental_tax_reduction,
)

__all__ = [
    "Emission",
    "EmissionReduction",
    "EnvironmentalTaxInput",
    "EnvironmentalTaxReduction",
    "environmental_tax_reduction",
]

"""``env.reduction``: the environmental protection tax reduced for concentrations 30% or 50% below the
standard (:func:`taxcalc.environment.environmental_tax_reduction`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...environment.reduction import (
    EnvironmentalTaxInput,
    EnvironmentalTaxReduction,
    environmental_tax_reduction,
)
from ..protocol import Definition

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _reduction(i: EnvironmentalTaxInput, *, law: Law | None) -> EnvironmentalTaxReduction:
    return environmental_tax_reduction(i.emissions, i.month, other_outlet_over_standard=i.other_outlet_over_standard,
                                       law=law)


def _text(r: EnvironmentalTaxReduction, lang: str, inputs: Any = None) -> str:
    return r.explain(lang)


DEFINITIONS: dict[str, Definition] = {
    "env.reduction": Definition(
        input=EnvironmentalTaxInput, compute=_reduction, result=(EnvironmentalTaxReduction,), text=_text,
        example={
            "month": "2019-05",
            "emissions": [
                {"outlet": "DA001", "pollutant": "SO2", "concentration": "60", "standard": "100", "tax": "1200",
                 "highest": "85"},
                {"outlet": "DA001", "pollutant": "NOx", "concentration": "45", "standard": "100", "tax": "800"},
                {"outlet": "DW001", "pollutant": "COD", "concentration": "40", "standard": "50", "tax": "500"},
            ],
        }),
}

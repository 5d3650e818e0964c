"""The environmental protection tax rules as the registry describes them.

Each ``compute`` is a thin adapter calling the public function of :mod:`taxcalc.environment`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from .. import environment
from .protocol import Definition

if TYPE_CHECKING:
    from ..law import Law

__all__ = ["DEFINITIONS", "EXAMPLES"]


def _reduction(i: environment.EnvironmentalTaxInput, *, law: Law | None) -> environment.EnvironmentalTaxReduction:
    return environment.environmental_tax_reduction(i.emissions, i.month,
                                                   other_outlet_over_standard=i.other_outlet_over_standard, law=law)


def _reduction_text(r: environment.EnvironmentalTaxReduction, lang: str, inputs: Any = None) -> str:
    return r.explain(lang)


#: An input of each rule, as a JSON document gives it.
EXAMPLES: dict[str, dict[str, Any]] = {
    "env.reduction": {
        "month": "2019-05",
        "emissions": [
            {"outlet": "DA001", "pollutant": "SO2", "concentration": "60", "standard": "100", "tax": "1200",
             "highest": "85"},
            {"outlet": "DA001", "pollutant": "NOx", "concentration": "45", "standard": "100", "tax": "800"},
            {"outlet": "DW001", "pollutant": "COD", "concentration": "40", "standard": "50", "tax": "500"},
        ],
    },
}

_DEFINITIONS: dict[str, Definition] = {
    "env.reduction": Definition(input=environment.EnvironmentalTaxInput, compute=_reduction,
                                result=(environment.EnvironmentalTaxReduction,), text=_reduction_text),
}

#: The definition of each environmental protection tax rule, by id (see :mod:`taxcalc.rules.protocol`).
DEFINITIONS: dict[str, Definition] = {k: dataclasses.replace(d, example=EXAMPLES[k]) for k, d in _DEFINITIONS.items()}

"""The 进料加工 rules of export rebates as the registry describes them.

Each ``compute`` is a thin adapter calling the public function of :mod:`taxcalc.export`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from .. import export
from .protocol import Definition

if TYPE_CHECKING:
    from ..law import Law

__all__ = ["DEFINITIONS", "EXAMPLES"]


def _bonded(i: export.BondedMaterialsInput, *, law: Law | None) -> export.BondedMaterials:
    return export.bonded_materials(i.period, i.method, processing_fob=i.processing_fob, import_total=i.import_total,
                                   export_total=i.export_total, allocation_rate=i.allocation_rate,
                                   imports_cif=i.imports_cif, customs_duty=i.customs_duty,
                                   consumption_tax=i.consumption_tax, law=law)


def _explained(r: Any, lang: str, inputs: Any = None) -> str:
    return str(r.explain(lang))


#: An input of each rule, as a JSON document gives it.
EXAMPLES: dict[str, dict[str, Any]] = {
    "export.bonded_materials": {"period": "2014-03", "method": "consumption", "processing_fob": "1000000",
                                "import_total": "600000", "export_total": "1000000"},
}

_DEFINITIONS: dict[str, Definition] = {
    "export.bonded_materials": Definition(input=export.BondedMaterialsInput, compute=_bonded,
                                          result=(export.BondedMaterials,), text=_explained),
}

#: The definition of each 进料加工 rule, by id (see :mod:`taxcalc.rules.protocol`).
DEFINITIONS: dict[str, Definition] = {k: dataclasses.replace(d, example=EXAMPLES[k]) for k, d in _DEFINITIONS.items()}

"""``export.bonded_materials``: 进料加工 bonded imports counted in a period's 免抵退
(:func:`taxcalc.export.bonded_materials`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...export.bonded_materials import BondedMaterials, BondedMaterialsInput, bonded_materials
from ..protocol import Definition

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _bonded(i: BondedMaterialsInput, *, law: Law | None) -> BondedMaterials:
    return bonded_materials(i.period, i.method, processing_fob=i.processing_fob, import_total=i.import_total,
                            export_total=i.export_total, allocation_rate=i.allocation_rate,
                            imports_cif=i.imports_cif, customs_duty=i.customs_duty,
                            consumption_tax=i.consumption_tax, law=law)


def _text(r: BondedMaterials, lang: str, inputs: Any = None) -> str:
    return r.explain(lang)


DEFINITIONS: dict[str, Definition] = {
    "export.bonded_materials": Definition(
        input=BondedMaterialsInput, compute=_bonded, result=(BondedMaterials,), text=_text,
        example={"period": "2014-03", "method": "consumption", "processing_fob": "1000000",
                 "import_total": "600000", "export_total": "1000000"}),
}

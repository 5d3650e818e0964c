"""``eit.tech_transfer``: technology-transfer income, exempt up to 5 million a year and taxed at half
above, 技术转让所得 (:func:`taxcalc.eit.tech_transfer`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...eit.tech_transfer import TechTransfer, TechTransferInput, tech_transfer
from ..protocol import Definition
from ._common import explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _tech_transfer(i: TechTransferInput, *, law: Law | None) -> TechTransfer:
    return tech_transfer(i.year, i.transfers, rate=i.rate, law=law)


DEFINITIONS: dict[str, Definition] = {
    "eit.tech_transfer": Definition(
        input=TechTransferInput, compute=_tech_transfer, result=(TechTransfer,), text=explained,
        example={"year": 2019, "transfers": [
            {"name": "patent A", "kind": "ownership", "income_date": "2019-06-30", "revenue": "9000000",
             "cost": "1000000", "related_taxes": "0"},
            {"name": "licence B", "kind": "non_exclusive_licence", "income_date": "2019-09-30", "revenue": "500000",
             "licence_years": 5},
        ]}),
}

"""``eit.venture_capital``: 70% of a venture-capital investment deducted from taxable income when the
2-year holding completes, 创业投资 (:func:`taxcalc.eit.venture_capital`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...eit.venture import VentureCapital, VentureCapitalInput, venture_capital
from ..protocol import Definition
from ._common import explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _venture(i: VentureCapitalInput, *, law: Law | None) -> VentureCapital:
    return venture_capital(i.year, i.investments, income=i.income, brought_forward=i.brought_forward, law=law)


DEFINITIONS: dict[str, Definition] = {
    "eit.venture_capital": Definition(
        input=VentureCapitalInput, compute=_venture, result=(VentureCapital,), text=explained,
        example={"year": 2019, "income": "5000000", "brought_forward": "0", "investments": [
            {"name": "A", "target": "hnte_sme", "registered_on": "2017-03-15", "amount": "10000000"},
            {"name": "B", "target": "startup_tech", "registered_on": "2018-06-01", "amount": "2000000"},
        ]}),
}

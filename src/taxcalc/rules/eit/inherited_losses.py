"""``eit.inherited_losses``: the inherited losses of a merger or division set against a later year's
income, at most the yearly limit (:func:`taxcalc.eit.inherited_loss_year`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...eit.restructuring import InheritedLossesInput, InheritedLossYear, inherited_loss_year
from ..protocol import Definition
from ._common import explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _inherited(i: InheritedLossesInput, *, law: Law | None) -> InheritedLossYear:
    return inherited_loss_year(i.year, i.income, i.losses, annual_cap=i.annual_cap,
                               qualified_years=i.qualified_years, law=law)


DEFINITIONS: dict[str, Definition] = {
    "eit.inherited_losses": Definition(
        input=InheritedLossesInput, compute=_inherited, result=(InheritedLossYear,), text=explained,
        example={"year": 2021, "income": "4000000", "annual_cap": "1500000",
                 "losses": [{"year": 2016, "amount": "1500000"}, {"year": 2019, "amount": "3200000"}]}),
}

"""``eit.restructuring_losses``: the losses passed on at a merger or division (企业重组) and their use in
its year (:func:`taxcalc.eit.transferred_losses`, :func:`taxcalc.eit.inherited_loss_year`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...eit.restructuring import (
    InheritedLossYear,
    RestructuringInput,
    TransferredLosses,
    inherited_loss_year,
    transferred_losses,
)
from ...explain import Explained, Step
from ..protocol import Definition
from ._common import explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "RestructuringLosses"]


@dataclass(frozen=True, slots=True)
class RestructuringLosses(Explained):
    """The losses passed at a merger or division, and their use in the restructuring year."""

    transfer: TransferredLosses
    first_year: InheritedLossYear
    steps: tuple[Step, ...]


def _restructuring(i: RestructuringInput, *, law: Law | None) -> RestructuringLosses:
    t = transferred_losses(i.year, i.kind, i.treatment, i.losses, net_assets_fair_value=i.net_assets_fair_value,
                           bond_rate=i.bond_rate, assets_transferred=i.assets_transferred,
                           total_assets=i.total_assets, qualified_years=i.qualified_years, law=law)
    first = inherited_loss_year(i.year, i.income, t.transferred, annual_cap=t.annual_cap,
                                qualified_years=i.qualified_years, law=law)
    return RestructuringLosses(t, first, t.steps + first.steps)


DEFINITIONS: dict[str, Definition] = {
    "eit.restructuring_losses": Definition(
        input=RestructuringInput, compute=_restructuring, result=(RestructuringLosses,), text=explained,
        example={"year": 2020, "kind": "merger", "treatment": "special",
                 "losses": [{"year": 2016, "amount": "3000000"}, {"year": 2019, "amount": "3200000"}],
                 "net_assets_fair_value": "25000000", "bond_rate": "6%", "income": "5000000"}),
}

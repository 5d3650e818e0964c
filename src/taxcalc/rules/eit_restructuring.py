"""The income tax rules around losses — restructurings and the 2020 hardship extension — as the registry
describes them.

Each ``compute`` is a thin adapter calling the public function of :mod:`taxcalc.eit`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import eit
from ..explain import Explained, Step
from .protocol import Definition

if TYPE_CHECKING:
    from ..law import Law

__all__ = ["DEFINITIONS", "EXAMPLES", "RestructuringLosses"]


@dataclass(frozen=True, slots=True)
class RestructuringLosses(Explained):
    """The losses passed at a merger or division, and their use in the restructuring year."""

    transfer: eit.TransferredLosses
    first_year: eit.InheritedLossYear
    steps: tuple[Step, ...]


def _restructuring(i: eit.RestructuringInput, *, law: Law | None) -> RestructuringLosses:
    t = eit.transferred_losses(i.year, i.kind, i.treatment, i.losses, net_assets_fair_value=i.net_assets_fair_value,
                               bond_rate=i.bond_rate, assets_transferred=i.assets_transferred,
                               total_assets=i.total_assets, qualified_years=i.qualified_years, law=law)
    first = eit.inherited_loss_year(i.year, i.income, t.transferred, annual_cap=t.annual_cap,
                                    qualified_years=i.qualified_years, law=law)
    return RestructuringLosses(t, first, t.steps + first.steps)


def _inherited(i: eit.InheritedLossesInput, *, law: Law | None) -> eit.InheritedLossYear:
    return eit.inherited_loss_year(i.year, i.income, i.losses, annual_cap=i.annual_cap,
                                   qualified_years=i.qualified_years, law=law)


def _hardship(i: eit.HardshipExtensionInput, *, law: Law | None) -> eit.HardshipExtension:
    return eit.hardship_loss_extension(i.year, i.industry, main_business_income=i.main_business_income,
                                       total_income=i.total_income, non_taxable_income=i.non_taxable_income,
                                       investment_income=i.investment_income, law=law)


def _explained(r: Any, lang: str, inputs: Any = None) -> str:
    return str(r.explain(lang))


#: An input of each rule, as a JSON document gives it.
EXAMPLES: dict[str, dict[str, Any]] = {
    "eit.restructuring_losses": {"year": 2020, "kind": "merger", "treatment": "special",
                                 "losses": [{"year": 2016, "amount": "3000000"}, {"year": 2019, "amount": "3200000"}],
                                 "net_assets_fair_value": "25000000", "bond_rate": "6%", "income": "5000000"},
    "eit.inherited_losses": {"year": 2021, "income": "4000000", "annual_cap": "1500000",
                             "losses": [{"year": 2016, "amount": "1500000"}, {"year": 2019, "amount": "3200000"}]},
    "eit.hardship_extension": {"year": 2020, "industry": "catering", "main_business_income": "5000000",
                               "total_income": "10600000", "non_taxable_income": "600000"},
}

_DEFINITIONS: dict[str, Definition] = {
    "eit.restructuring_losses": Definition(input=eit.RestructuringInput, compute=_restructuring,
                                           result=(RestructuringLosses,), text=_explained),
    "eit.inherited_losses": Definition(input=eit.InheritedLossesInput, compute=_inherited,
                                       result=(eit.InheritedLossYear,), text=_explained),
    "eit.hardship_extension": Definition(input=eit.HardshipExtensionInput, compute=_hardship,
                                         result=(eit.HardshipExtension,), text=_explained),
}

#: The definition of each rule, by id (see :mod:`taxcalc.rules.protocol`).
DEFINITIONS: dict[str, Definition] = {k: dataclasses.replace(d, example=EXAMPLES[k]) for k, d in _DEFINITIONS.items()}

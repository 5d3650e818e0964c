"""``eit.losses``: losses brought forward set against a year's income (:func:`taxcalc.eit.apply_losses`)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

from ...eit.losses import EXTENSIONS, Loss, LossYear, apply_losses
from ...inputs import Amount, Choice, Rows, Year, Years, record
from ..protocol import Definition
from ._common import MAX_ROWS, explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "LossesInput"]


@record
class LossesInput:
    """A year's income before losses and the losses brought into it."""

    year: Annotated[int, Year("tax year")]
    income: Annotated[Decimal, Amount("income before losses (纳税调整后所得; negative for a loss)", sign="any")]
    brought_forward: Annotated[tuple[Loss, ...], Rows("losses of earlier years not yet made up",
                                                      Loss, max_items=MAX_ROWS)] = ()
    qualified_years: Annotated[tuple[int, ...], Years("years as high-tech enterprise or tech SME")] = ()
    extension: Annotated[str, Choice("a 2020 hardship or film loss of this year", EXTENSIONS)] = ""

    def checks(self) -> Iterator[tuple[str, str]]:
        """Every loss brought forward arose before the year; one loss a year."""
        seen: set[int] = set()
        for n, loss in enumerate(self.brought_forward):
            if loss.year >= self.year:
                yield f"brought_forward[{n}].year", f"a loss brought into {self.year} must arise before it " \
                    f"(got {loss.year})"
            if loss.year in seen:
                yield f"brought_forward[{n}].year", f"two losses of {loss.year}; give one amount per year"
            seen.add(loss.year)


def _losses(i: LossesInput, *, law: Law | None) -> LossYear:
    return apply_losses(i.year, i.income, i.brought_forward, qualified_years=i.qualified_years,
                        extension=i.extension, law=law)


DEFINITIONS: dict[str, Definition] = {
    "eit.losses": Definition(
        input=LossesInput, compute=_losses, result=(LossYear,), text=explained,
        example={"year": 2018, "income": "300000", "qualified_years": [2018],
                 "brought_forward": [{"year": 2013, "amount": "500000"}]}),
}

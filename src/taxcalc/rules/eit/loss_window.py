"""``eit.loss_window``: the last year a loss may be used, 亏损结转年限 (:func:`taxcalc.eit.loss_window`)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Annotated, Any

from ...eit.losses import EXTENSIONS, loss_window
from ...explain import Citation, jsonable
from ...inputs import Choice, Year, Years, record
from ..protocol import Definition

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "LossWindow", "LossWindowInput"]


@dataclasses.dataclass(frozen=True, slots=True)
class LossWindow:
    """The carry-forward window of a loss: the last year it may be used, and the rule that sets it."""

    origin: int
    last_year: int
    years: int
    citation: Citation

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {f.name: jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}

    def explain(self, lang: str = "zh") -> str:
        """One line."""
        if lang == "en":
            return f"loss of {self.origin}: usable to {self.last_year} ({self.years} years) [{self.citation}]"
        return f"{self.origin}年度亏损：可结转弥补至{self.last_year}年度（{self.years}年）[{self.citation}]"


@record
class LossWindowInput:
    """A loss's year, and what extends its window."""

    origin: Annotated[int, Year("the tax year of the loss")]
    qualified_years: Annotated[tuple[int, ...], Years("a year as high-tech enterprise or tech SME "
                                                      "(repeatable)")] = ()
    extension: Annotated[str, Choice("a 2020 hardship or film loss", EXTENSIONS)] = ""


def _loss_window(i: LossWindowInput, *, law: Law | None) -> LossWindow:
    last, years, cite = loss_window(i.origin, extension=i.extension, qualified_years=i.qualified_years, law=law)
    return LossWindow(i.origin, last, years, cite)


def _text(r: LossWindow, lang: str, inputs: Any = None) -> str:
    return r.explain(lang)


DEFINITIONS: dict[str, Definition] = {
    "eit.loss_window": Definition(input=LossWindowInput, compute=_loss_window, result=(LossWindow,), text=_text,
                                  example={"origin": 2013, "qualified_years": [2018]}),
}

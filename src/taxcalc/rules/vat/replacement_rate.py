"""``vat.replacement_rate``: the rate that replaced an old rate by a day (:func:`taxcalc.vat.replacement_rate`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Date, Rate, record
from ...vat.replacement import ReplacementRate, replacement_rate
from ..protocol import Definition
from ._common import head, pct

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "ReplacementInput"]


@record
class ReplacementInput:
    """The rate that replaced an old rate by a day."""

    old_rate: Annotated[Decimal, Rate("the old rate, e.g. 17% or 0.17")]
    on: Annotated[_dt.date, Date("the day to find the replacing rate for")]
    applied_on: Annotated[_dt.date | None, Date("a day the old rate applied to the item")] = None


def _replacement(i: ReplacementInput, *, law: Law | None) -> ReplacementRate:
    return replacement_rate(i.old_rate, i.on, applied_on=i.applied_on, law=law)


def _text(r: ReplacementRate, lang: str, inputs: Any = None) -> str:
    return head(r, lang, f"原适用{pct(r.old_rate)}，{r.on}适用 {pct(r.rate)}",
                f"{pct(r.old_rate)} became {pct(r.rate)} by {r.on}")


DEFINITIONS: dict[str, Definition] = {
    "vat.replacement_rate": Definition(
        input=ReplacementInput, compute=_replacement, result=(ReplacementRate,), text=_text,
        example={"old_rate": "17%", "on": "2019-05-01", "applied_on": "2018-04-30"}),
}

"""``vat.rate``: the rate of a band on the day the liability arises (:func:`taxcalc.vat.vat_rate`)."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Choice, Date, record
from ...vat.rates import VatRate, vat_rate
from ..protocol import Definition
from ._common import BAND, bands, head, pct

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "RateInput"]

@record
class RateInput:
    """The rate of a band on a day."""

    band: Annotated[str, Choice(BAND, bands)]
    on: Annotated[_dt.date, Date("the day the VAT liability arises")]


def _rate(i: RateInput, *, law: Law | None) -> VatRate:
    return vat_rate(i.band, i.on, law=law)


def _text(r: VatRate, lang: str, inputs: Any = None) -> str:
    return head(r, lang, f"{r.band} {r.on}：税率 {pct(r.rate)}", f"{r.band} on {r.on}: rate {pct(r.rate)}")


DEFINITIONS: dict[str, Definition] = {
    "vat.rate": Definition(input=RateInput, compute=_rate, result=(VatRate,), text=_text,
                           example={"band": "standard", "on": "2019-04-01"}),
}

"""``export.rebate_rate``: the rebate rate of a product on an export date (:func:`taxcalc.export.rebate_rate`)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...explain import format_value
from ...export.rebate_rate import EXPORTERS, RebateRate, rebate_rate
from ...inputs import Choice, Code, Date, Flag, Rate, record
from ..protocol import Definition
from ._common import CATALOGUE, CODE, catalogue, rebate_cap

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "RebateRateInput"]


@record
class RebateRateInput:
    """A product, an export date, the catalogue and who exports."""

    code: Annotated[str, Code("product code, 8 or 10 digits", pattern=CODE, example="9901000010")]
    export_date: Annotated[_dt.date, Date("export date on the customs declaration")]
    catalogue: Annotated[str | None, Code("a catalogue file (.csv or .toml)", pattern=CATALOGUE,
                                          example="rates.csv")] = None
    sample: Annotated[bool, Flag("use the SAMPLE catalogue shipped with taxcalc (not official)")] = False
    exporter: Annotated[str, Choice("manufacturer (免抵退, default) or trader (免退)", EXPORTERS)] = (
        "manufacturer")
    service: Annotated[bool, Flag("a cross-border taxable service (the date is the invoice date)")] = False
    purchase_vat_rate: Annotated[Decimal | None, Rate("trader: VAT rate on the purchase invoice")] = None
    supplier_collection_rate: Annotated[Decimal | None, Rate("trader: small-scale seller's collection rate")] = None
    levy_rate: Annotated[Decimal | None, Rate("the product's VAT rate on the export date")] = None

    def checks(self) -> Iterator[tuple[str, str]]:
        """Exactly one of ``catalogue`` and ``sample`` is given; rates at most the highest VAT rate."""
        if (self.catalogue is None) == (not self.sample):
            yield "catalogue", "give either `catalogue` (a file) or `sample`"
        for name in ("purchase_vat_rate", "supplier_collection_rate", "levy_rate"):
            rate = getattr(self, name)
            if rate is not None:
                yield from rebate_cap(rate, name)


def _rebate_rate(i: RebateRateInput, *, law: Law | None) -> RebateRate:
    cat = catalogue(i.catalogue, sample=i.sample)
    assert cat is not None
    return rebate_rate(i.code, i.export_date, catalogue=cat, exporter=i.exporter,
                       kind="service" if i.service else "goods", purchase_vat_rate=i.purchase_vat_rate,
                       supplier_collection_rate=i.supplier_collection_rate, levy_rate=i.levy_rate, law=law)


def _text(r: RebateRate, lang: str, inputs: Any = None) -> str:
    en = lang == "en"
    head = [f"{r.code} {r.export_date}: {format_value(r.rate, 'rate')}"
            + (" (transition)" if en and r.transition else "（过渡期）" if r.transition else "")]
    if inputs is not None and inputs.sample:
        head.append("SAMPLE catalogue: illustrative rates, not official" if en else "示例目录：仅作演示，并非官方退税率")
    for a in r.assumptions if en else r.assumptions_zh:
        head.append(("assumes: " if en else "假设：") + a)
    return "\n".join([*head, "", r.explain(lang)])


DEFINITIONS: dict[str, Definition] = {
    "export.rebate_rate": Definition(
        RebateRateInput, _rebate_rate, (RebateRate,), _text,
        example={"code": "9901000010", "export_date": "2019-05-01", "sample": True}),
}

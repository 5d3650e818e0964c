"""``eit.hardship_extension``: the 2020 hardship-industry loss extension, the industry and main-business
share test, 困难行业企业 (:func:`taxcalc.eit.hardship_loss_extension`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...eit.hardship import HardshipExtension, HardshipExtensionInput, hardship_loss_extension
from ..protocol import Definition
from ._common import explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _hardship(i: HardshipExtensionInput, *, law: Law | None) -> HardshipExtension:
    return hardship_loss_extension(i.year, i.industry, main_business_income=i.main_business_income,
                                   total_income=i.total_income, non_taxable_income=i.non_taxable_income,
                                   investment_income=i.investment_income, law=law)


DEFINITIONS: dict[str, Definition] = {
    "eit.hardship_extension": Definition(
        input=HardshipExtensionInput, compute=_hardship, result=(HardshipExtension,), text=explained,
        example={"year": 2020, "industry": "catering", "main_business_income": "5000000",
                 "total_income": "10600000", "non_taxable_income": "600000"}),
}

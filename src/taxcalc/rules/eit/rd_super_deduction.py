"""``eit.rd_super_deduction``: the R&D super-deduction of a year from the projects' expenses
(:func:`taxcalc.eit.rd_super_deduction`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

from ...eit._common import INDUSTRIES
from ...eit.rd_super_deduction import RdFacts, RdResult, rd_super_deduction
from ...inputs import Choice, Date, Flag, Nested, Rate, Year, record
from ..protocol import Definition
from ._common import explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "RdSuperDeductionInput"]


@record
class RdSuperDeductionInput:
    """The R&D expenses of a tax year and what decides the ratio."""

    facts: Annotated[RdFacts, Nested("the R&D projects and intangibles (as the report's rd table)", RdFacts)]
    year: Annotated[int, Year("tax year")]
    industry: Annotated[str, Choice("the industry (for the excluded industries)", tuple(INDUSTRIES))] = "other"
    main_business_share: Annotated[Decimal, Rate("the main business's share of revenue (manufacturers)")] = Decimal(1)
    tech_sme: Annotated[bool, Flag("a technology-based SME in the year")] = False
    ic_machine: Annotated[bool, Flag("an integrated-circuit or industrial-machine enterprise")] = False
    opened: Annotated[_dt.date | None, Date("the day the enterprise opened, if in the year")] = None
    closed: Annotated[_dt.date | None, Date("the day the enterprise closed, if in the year")] = None


def _rd_super_deduction(i: RdSuperDeductionInput, *, law: Law | None) -> RdResult:
    return rd_super_deduction(i.facts, i.year, industry=i.industry, main_business_share=i.main_business_share,
                              tech_sme=i.tech_sme, ic_machine=i.ic_machine, opened=i.opened, closed=i.closed,
                              law=law)


DEFINITIONS: dict[str, Definition] = {
    "eit.rd_super_deduction": Definition(
        input=RdSuperDeductionInput, compute=_rd_super_deduction, result=(RdResult,), text=explained,
        example={"facts": {"projects": [{"name": "P1", "personnel": "600000", "direct_inputs": "300000",
                                         "other": "100000"}]},
                 "year": 2022, "industry": "manufacturing"}),
}

"""``eit.benefit``: the benefit of each preferential policy, 政策效应 (:func:`taxcalc.eit.benefit`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from ...eit.benefit import POLICIES, Benefit, benefit
from ...eit.facts import EnterpriseYear
from ...errors import InvalidInput
from ...inputs import Nested, record
from ..fields import Names
from ..protocol import Definition
from ._common import explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "BenefitInput"]


@record
class BenefitInput:
    """An enterprise's year and, optionally, the policies to measure."""

    facts: Annotated[EnterpriseYear, Nested("the enterprise's facts for the year (as eit.annual reads them)",
                                            EnterpriseYear)]
    policies: Annotated[tuple[str, ...], Names("the policies to measure (default: all)",
                                               tuple(POLICIES))] = ()


def _benefit(i: BenefitInput, *, law: Law | None) -> Benefit:
    try:
        return benefit(i.facts, policies=i.policies or None, law=law)
    except InvalidInput as exc:  # a fact the law asks for, named where the document has it
        if type(exc) is not InvalidInput:
            raise
        raise InvalidInput(f"facts.{exc.field}", exc.reason) from None


DEFINITIONS: dict[str, Definition] = {
    "eit.benefit": Definition(
        input=BenefitInput, compute=_benefit, result=(Benefit,), text=explained,
        example={"facts": {"year": 2018, "profit": "800000", "employees": "50", "assets": "8000000"}}),
}

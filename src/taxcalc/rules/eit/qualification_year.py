"""``eit.qualification_year``: the qualification years of a high-tech enterprise or technology-based SME
(:func:`taxcalc.eit.qualification_year`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from ...eit.qualifications import (
    HnteCertificate,
    QualificationYear,
    TechSmeRegistration,
    qualification_year,
)
from ...inputs import Rows, Year, record
from ..protocol import Definition
from ._common import MAX_ROWS, explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "QualificationInput"]


@record
class QualificationInput:
    """A tax year and the enterprise's certificates and registrations."""

    year: Annotated[int, Year("tax year")]
    certificates: Annotated[tuple[HnteCertificate, ...], Rows("high-tech enterprise certificates",
                                                              HnteCertificate, max_items=MAX_ROWS)] = ()
    registrations: Annotated[tuple[TechSmeRegistration, ...], Rows(
        "technology-based SME registrations", TechSmeRegistration, max_items=MAX_ROWS)] = ()


def _qualification(i: QualificationInput, *, law: Law | None) -> QualificationYear:
    return qualification_year(i.year, certificates=i.certificates, registrations=i.registrations, law=law)


DEFINITIONS: dict[str, Definition] = {
    "eit.qualification_year": Definition(
        input=QualificationInput, compute=_qualification, result=(QualificationYear,), text=explained,
        example={"year": 2018, "certificates": [{"number": "GR201711000123", "first": "2017-10-25",
                                                 "last": "2020-10-24"}]}),
}

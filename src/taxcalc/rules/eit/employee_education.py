"""``eit.employee_education``: employee education expenses, the deduction cap on wages and the
carry-forward (:func:`taxcalc.eit.employee_education`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...eit.employee_education import EmployeeEducation, EmployeeEducationInput, employee_education
from ..protocol import Definition
from ._common import explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _education(i: EmployeeEducationInput, *, law: Law | None) -> EmployeeEducation:
    return employee_education(i.year, wages=i.wages, expenses=i.expenses, brought_forward=i.brought_forward,
                              kind=i.kind, law=law)


DEFINITIONS: dict[str, Definition] = {
    "eit.employee_education": Definition(
        input=EmployeeEducationInput, compute=_education, result=(EmployeeEducation,), text=explained,
        example={"year": 2018, "wages": "1000000", "expenses": "100000", "brought_forward": "5000"}),
}

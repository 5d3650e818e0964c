"""``eit.project_holiday``: project income 3 years exempt and 3 at half, 三免三减半
(:func:`taxcalc.eit.project_holiday`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...eit.project_holiday import ProjectHoliday, ProjectHolidayInput, project_holiday
from ..protocol import Definition
from ._common import explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _project(i: ProjectHolidayInput, *, law: Law | None) -> ProjectHoliday:
    return project_holiday(i.year, i.kind, first_income_year=i.first_income_year, income=i.income,
                           separately_accounted=i.separately_accounted,
                           contracted_or_own_use=i.contracted_or_own_use, rate=i.rate, law=law)


DEFINITIONS: dict[str, Definition] = {
    "eit.project_holiday": Definition(
        input=ProjectHolidayInput, compute=_project, result=(ProjectHoliday,), text=explained,
        example={"year": 2021, "kind": "infrastructure", "first_income_year": 2018, "income": "2000000"}),
}

"""The enterprise income tax preferences beyond the core income tax rules, as the registry describes them.

Each ``compute`` is a thin adapter calling the public function of :mod:`taxcalc.eit`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from .. import eit
from .protocol import Definition

if TYPE_CHECKING:
    from ..law import Law

__all__ = ["DEFINITIONS", "EXAMPLES"]


def _education(i: eit.EmployeeEducationInput, *, law: Law | None) -> eit.EmployeeEducation:
    return eit.employee_education(i.year, wages=i.wages, expenses=i.expenses, brought_forward=i.brought_forward,
                                  kind=i.kind, law=law)


def _tech_transfer(i: eit.TechTransferInput, *, law: Law | None) -> eit.TechTransfer:
    return eit.tech_transfer(i.year, i.transfers, rate=i.rate, law=law)


def _venture(i: eit.VentureCapitalInput, *, law: Law | None) -> eit.VentureCapital:
    return eit.venture_capital(i.year, i.investments, income=i.income, brought_forward=i.brought_forward, law=law)


def _project(i: eit.ProjectHolidayInput, *, law: Law | None) -> eit.ProjectHoliday:
    return eit.project_holiday(i.year, i.kind, first_income_year=i.first_income_year, income=i.income,
                               separately_accounted=i.separately_accounted,
                               contracted_or_own_use=i.contracted_or_own_use, rate=i.rate, law=law)


def _deemed(i: eit.DeemedProfitInput, *, law: Law | None) -> eit.DeemedProfit:
    return eit.deemed_profit(i.year, i.industry, i.rate, revenue=i.revenue, costs=i.costs, employees=i.employees,
                             assets=i.assets, law=law)


def _explained(r: Any, lang: str, inputs: Any = None) -> str:
    return str(r.explain(lang))


#: An input of each rule, as a JSON document gives it.
EXAMPLES: dict[str, dict[str, Any]] = {
    "eit.employee_education": {"year": 2018, "wages": "1000000", "expenses": "100000", "brought_forward": "5000"},
    "eit.tech_transfer": {"year": 2019, "transfers": [
        {"name": "patent A", "kind": "ownership", "income_date": "2019-06-30", "revenue": "9000000",
         "cost": "1000000", "related_taxes": "0"},
        {"name": "licence B", "kind": "non_exclusive_licence", "income_date": "2019-09-30", "revenue": "500000",
         "licence_years": 5},
    ]},
    "eit.venture_capital": {"year": 2019, "income": "5000000", "brought_forward": "0", "investments": [
        {"name": "A", "target": "hnte_sme", "registered_on": "2017-03-15", "amount": "10000000"},
        {"name": "B", "target": "startup_tech", "registered_on": "2018-06-01", "amount": "2000000"},
    ]},
    "eit.project_holiday": {"year": 2021, "kind": "infrastructure", "first_income_year": 2018,
                            "income": "2000000"},
    "eit.deemed_profit": {"year": 2019, "industry": "catering", "rate": "10%", "revenue": "8000000",
                          "employees": "40", "assets": "3000000"},
}

_DEFINITIONS: dict[str, Definition] = {
    "eit.employee_education": Definition(input=eit.EmployeeEducationInput, compute=_education,
                                         result=(eit.EmployeeEducation,), text=_explained),
    "eit.tech_transfer": Definition(input=eit.TechTransferInput, compute=_tech_transfer,
                                    result=(eit.TechTransfer,), text=_explained),
    "eit.venture_capital": Definition(input=eit.VentureCapitalInput, compute=_venture,
                                      result=(eit.VentureCapital,), text=_explained),
    "eit.project_holiday": Definition(input=eit.ProjectHolidayInput, compute=_project,
                                      result=(eit.ProjectHoliday,), text=_explained),
    "eit.deemed_profit": Definition(input=eit.DeemedProfitInput, compute=_deemed,
                                    result=(eit.DeemedProfit,), text=_explained),
}

#: The definition of each income tax preference rule, by id (see :mod:`taxcalc.rules.protocol`).
DEFINITIONS: dict[str, Definition] = {k: dataclasses.replace(d, example=EXAMPLES[k]) for k, d in _DEFINITIONS.items()}

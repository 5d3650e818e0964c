"""The VAT preference rules beyond the core VAT rules, as the registry describes them.

Each ``compute`` is a thin adapter calling the public function of :mod:`taxcalc.vat`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from .. import vat
from ..explain import format_value
from ..inputs import Choice, Date, record
from .fields import Amounts
from .protocol import Definition

if TYPE_CHECKING:
    from ..law import Law

__all__ = ["DEFINITIONS", "EXAMPLES"]


def _small_loans(i: vat.SmallLoanInterestInput, *, law: Law | None) -> vat.SmallLoanInterest:
    return vat.small_loan_interest(i.loans, i.method, lender_qualifies=i.lender_qualifies,
                                   separately_accounted=i.separately_accounted, law=law)


def _small_loans_text(r: vat.SmallLoanInterest, lang: str, inputs: Any = None) -> str:
    return r.explain(lang)


@record
class ReregisteredSalesInput:
    """A re-registered taxpayer's sales of the periods after its re-registration day."""

    sales_by_period: Annotated[tuple[Decimal, ...], Amounts("sales of each period from the one after the "
                                                            "re-registration day, oldest first")]
    reregistered_on: Annotated[_dt.date, Date("the re-registration day (转登记日)")]
    period: Annotated[str, Choice("the tax period the sales are given by", vat.PERIODS)] = "month"
    sector: Annotated[str, Choice("production, commerce or services (the standard is 500万 for each from "
                                  "2018-05-01)", vat.SECTORS)] = "production"


def _reregistered(i: ReregisteredSalesInput, *, law: Law | None) -> vat.ReregisteredSalesCheck:
    return vat.reregistered_sales_check(i.sales_by_period, i.reregistered_on, period=i.period, sector=i.sector,
                                        law=law)


def _reregistered_text(r: vat.ReregisteredSalesCheck, lang: str, inputs: Any = None) -> str:
    yes = format_value(r.must_register, "bool", lang)
    head = (f"must register as a general taxpayer again: {yes}" if lang == "en"
            else f"应当再次登记为一般纳税人：{yes}")
    return f"{head}\n{r.explain(lang)}"


#: An input of each rule, as a JSON document gives it.
EXAMPLES: dict[str, dict[str, Any]] = {
    "vat.small_loan_interest": {
        "method": "split", "lender_qualifies": True,
        "loans": [
            {"interest": "80000", "interest_date": "2019-06-30", "issued_on": "2019-01-02", "term_months": 12,
             "annual_rate": "8%", "borrower": "micro", "credit_line": "5000000"},
            {"interest": "30000", "interest_date": "2019-12-31", "issued_on": "2019-09-10", "term_months": 36,
             "annual_rate": "6%", "borrower": "individual_business", "contract_amount": "2000000",
             "balance": "1500000", "lpr_tenor": "five_years"},
        ],
    },
    "vat.reregistered_sales": {"sales_by_period": ["1000000"] * 6, "reregistered_on": "2018-06-15"},
}

_DEFINITIONS: dict[str, Definition] = {
    "vat.small_loan_interest": Definition(input=vat.SmallLoanInterestInput, compute=_small_loans,
                                          result=(vat.SmallLoanInterest,), text=_small_loans_text),
    "vat.reregistered_sales": Definition(input=ReregisteredSalesInput, compute=_reregistered,
                                         result=(vat.ReregisteredSalesCheck,), text=_reregistered_text),
}

#: The definition of each rule of this module, by id (see :mod:`taxcalc.rules.protocol`).
DEFINITIONS: dict[str, Definition] = {k: dataclasses.replace(d, example=EXAMPLES[k]) for k, d in _DEFINITIONS.items()}

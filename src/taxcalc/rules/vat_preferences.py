"""The VAT preference rules beyond the core VAT rules, as the registry describes them.

Each ``compute`` is a thin adapter calling the public function of :mod:`taxcalc.vat`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from .. import vat
from .protocol import Definition

if TYPE_CHECKING:
    from ..law import Law

__all__ = ["DEFINITIONS", "EXAMPLES"]


def _small_loans(i: vat.SmallLoanInterestInput, *, law: Law | None) -> vat.SmallLoanInterest:
    return vat.small_loan_interest(i.loans, i.method, lender_qualifies=i.lender_qualifies,
                                   separately_accounted=i.separately_accounted, law=law)


def _small_loans_text(r: vat.SmallLoanInterest, lang: str, inputs: Any = None) -> str:
    return r.explain(lang)


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
}

_DEFINITIONS: dict[str, Definition] = {
    "vat.small_loan_interest": Definition(input=vat.SmallLoanInterestInput, compute=_small_loans,
                                          result=(vat.SmallLoanInterest,), text=_small_loans_text),
}

#: The definition of each rule of this module, by id (see :mod:`taxcalc.rules.protocol`).
DEFINITIONS: dict[str, Definition] = {k: dataclasses.replace(d, example=EXAMPLES[k]) for k, d in _DEFINITIONS.items()}

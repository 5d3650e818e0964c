"""``vat.small_loan_interest``: interest on small loans to small and micro businesses, exempt from VAT
(:func:`taxcalc.vat.small_loan_interest`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...vat.small_loan_interest import (
    SmallLoanInterest,
    SmallLoanInterestInput,
    small_loan_interest,
)
from ..protocol import Definition

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _small_loans(i: SmallLoanInterestInput, *, law: Law | None) -> SmallLoanInterest:
    return small_loan_interest(i.loans, i.method, lender_qualifies=i.lender_qualifies,
                               separately_accounted=i.separately_accounted, law=law)


def _text(r: SmallLoanInterest, lang: str, inputs: Any = None) -> str:
    return r.explain(lang)


DEFINITIONS: dict[str, Definition] = {
    "vat.small_loan_interest": Definition(
        input=SmallLoanInterestInput, compute=_small_loans, result=(SmallLoanInterest,), text=_text,
        example={
            "method": "split", "lender_qualifies": True,
            "loans": [
                {"interest": "80000", "interest_date": "2019-06-30", "issued_on": "2019-01-02", "term_months": 12,
                 "annual_rate": "8%", "borrower": "micro", "credit_line": "5000000"},
                {"interest": "30000", "interest_date": "2019-12-31", "issued_on": "2019-09-10", "term_months": 36,
                 "annual_rate": "6%", "borrower": "individual_business", "contract_amount": "2000000",
                 "balance": "1500000", "lpr_tenor": "five_years"},
            ],
        }),
}

"""Interest on small loans to small and micro businesses: the whole result and every
step (label, value, formula, citation) of the main paths — the split method on a
benchmark-rate loan, the per-loan method on loans below, at and above the cap and on
loans that do not qualify (credit line one fen over, a borrower not small), an LPR
loan of 2024 with the one-year LPR chosen, interest not accounted for separately, a
lender that does not qualify — then the refusals.

What each case must show is kept in ``golden/vat_small_loan_interest.json`` (see ``_golden.py``)."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import fields, rows

from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.inputs import parse
from taxcalc.law import default
from taxcalc.vat import SmallLoan, small_loan_interest

LOANS: dict[str, dict[str, object]] = {'A': {'annual_rate': '8%',
       'borrower': 'micro',
       'credit_line': '5000000',
       'interest': '80000',
       'interest_date': '2019-06-30',
       'issued_on': '2019-01-02',
       'term_months': 12},
 'B': {'annual_rate': '6%',
       'balance': '10000000',
       'borrower': 'individual_business',
       'contract_amount': '10000000',
       'interest': '1000',
       'interest_date': '2020-03-31',
       'issued_on': '2019-09-20',
       'lpr_tenor': 'five_years',
       'term_months': 36},
 'C': {'annual_rate': '10%',
       'borrower': 'small',
       'credit_line': '10000000.01',
       'interest': '2000',
       'interest_date': '2020-03-31',
       'issued_on': '2019-09-20',
       'term_months': 60},
 'D': {'annual_rate': '7.35%',
       'borrower': 'other',
       'credit_line': '1',
       'interest': '3000',
       'interest_date': '2020-06-30',
       'issued_on': '2018-01-05',
       'term_months': 61},
 'E': {'annual_rate': '7.35%',
       'borrower': 'small',
       'credit_line': '10000000',
       'interest': '4000',
       'interest_date': '2020-06-30',
       'issued_on': '2018-01-05',
       'term_months': 61},
 'F': {'annual_rate': '8%',
       'borrower': 'micro',
       'credit_line': '100',
       'interest': '5000',
       'interest_date': '2020-12-31',
       'issued_on': '2018-01-05',
       'term_months': 61},
 'G': {'annual_rate': '5%',
       'borrower': 'micro',
       'credit_line': '100',
       'interest': '1234.56',
       'interest_date': '2024-03-31',
       'issued_on': '2024-01-22',
       'lpr_tenor': 'one_year',
       'term_months': 24}}


def loan(name: str, **change: object) -> SmallLoan:
    """A loan of ``LOANS`` read as the input parser reads it, with ``change`` applied after."""
    return dataclasses.replace(parse(SmallLoan, LOANS[name]), **change)


CASES = {
    'lender_not_qualified': (['A'], 'split', {'lender_qualifies': False}),
    'not_accounted_separately': (['B'], 'split', {'separately_accounted': False}),
    'per_loan_rate_above_the_cap': (['F'], 'per_loan_rate', {}),
    'per_loan_rate_mixed_2020': (['B', 'C', 'D', 'E'], 'per_loan_rate', {}),
    'split_above_and_at_the_cap': (['E', 'F'], 'split', {}),
    'split_benchmark_2019': (['A'], 'split', {}),
    'split_lpr_2024': (['G'], 'split', {}),
}
# the fields of the result compared, each case with its golden value
FIELDS = (
    'exempt', 'interest', 'method', 'output_tax', 'output_tax_without_exemption', 'saving', 'taxable',
    'vat_rate', 'year',
)
GOLDEN = Golden("vat_small_loan_interest", CASES)

LOAN_FIELDS = ("index", "eligible", "reason", "reference_rate", "cap_rate", "interest", "exempt", "taxable")


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    names, method, kwargs = CASES[case]
    r = small_loan_interest([loan(n) for n in names], method, **{"lender_qualifies": True, **kwargs},
                            law=default().with_values({}))
    GOLDEN.check(case, fields=fields(r, FIELDS),
                 loans=[tuple(getattr(ln, f) for f in LOAN_FIELDS) for ln in r.loans], steps=rows(r.steps))


@pytest.mark.parametrize(
    ("loans", "kwargs", "message"),
    [
        ("A", {}, "loans: must be a list of SmallLoan"),
        ([LOANS["A"]], {}, "loans[0]: must be a SmallLoan"),
        ([], {}, "loans: needs at least one loan"),
        ([loan("A", interest_date=datetime.date(2019, 1, 1))], {},
         "loans[0].interest_date: the interest arises on 2019-01-01, before the loan was made (2019-01-02)"),
        ([loan("A", credit_line=None, balance=Decimal("1"))], {},
         "loans[0].credit_line: give the borrower's credit line, or (without one) both contract_amount and balance"),
        ([loan("A"), loan("B")], {}, "loans[1].interest_date: "),
        ([loan("A")], {"lender_qualifies": "yes"}, "lender_qualifies: "),
        ([loan("A")], {"separately_accounted": 1}, "separately_accounted: "),
    ],
)
def test_a_refusal_names_the_field_and_says_why(loans, kwargs, message):
    with pytest.raises(InvalidInput) as info:
        small_loan_interest(loans, "split", **{"lender_qualifies": True, **kwargs})
    assert str(info.value).startswith(message)


def test_an_unknown_method_is_refused_naming_it():
    with pytest.raises(UnknownCategory) as info:
        small_loan_interest([loan("A")], "both", lender_qualifies=True)
    assert str(info.value).startswith("method: unknown value 'both'")


def test_the_law_given_is_the_one_read():
    what_if = default().with_values({"vat.small_loan_interest.rate_multiple": "2"})
    r = small_loan_interest([loan("A")], "per_loan_rate", lender_qualifies=True, law=what_if)
    # 8% ≤ 2 × 4.35% = 8.7%: all the interest is exempt under the what-if multiple
    assert (r.exempt, r.loans[0].cap_rate) == (Decimal("80000"), Decimal("0.087"))

"""VAT (增值税) rules, one module per rule.

* :mod:`~taxcalc.vat.rates` — the rate of a band on a day (:func:`vat_rate`, :func:`bands`);
* :mod:`~taxcalc.vat.replacement` — the rate that replaced an old rate (:func:`replacement_rate`);
* :mod:`~taxcalc.vat.invoice_rate` — the rate on a late or corrective invoice (:func:`invoice_rate`);
* :mod:`~taxcalc.vat.invoice` — invoice-line arithmetic (:func:`invoice_line`,
  :func:`split_gross`, :func:`add_tax`);
* :mod:`~taxcalc.vat.agricultural` — farm-produce deduction (:func:`agricultural_deduction_rate`,
  :func:`agricultural_input_tax`);
* :mod:`~taxcalc.vat.small_scale_standard` — the small-scale standard
  (:func:`small_scale_standard`, :func:`must_register_general`);
* :mod:`~taxcalc.vat.reregistration` — re-registration as small-scale (:func:`may_reregister`), and
  the sales test after it (:func:`reregistered_sales_check`);
* :mod:`~taxcalc.vat.small_scale_exemption` — a small-scale taxpayer's VAT for a period
  (:func:`small_scale_vat`);
* :mod:`~taxcalc.vat.super_credit` — the input-VAT super-credit of a period, 加计抵减
  (:func:`super_credit`);
* :mod:`~taxcalc.vat.excess_credit_refund` — the refund of excess input credit from 2019,
  留抵退税 (:func:`excess_credit_refund`), with its input composition ratio
  (:mod:`~taxcalc.vat.input_composition`, :func:`input_composition_ratio`).
* :mod:`~taxcalc.vat.small_loan_interest` — interest on small loans to small and micro
  businesses, exempt (:func:`small_loan_interest`).
* :mod:`~taxcalc.vat.freight_deduction` — the deemed input credit on ordinary freight bills
  before transport joined VAT, 运输费用扣除 (:func:`freight_input_tax`).

The choices a function accepts are constants here: :data:`SECTORS` (the
small-scale standard), :data:`PERIODS` (a month or a quarter) and
:data:`REGISTERED_UNDER` (re-registration); the bands are :func:`bands`.

>>> from taxcalc.vat import vat_rate, invoice_line
>>> vat_rate("standard", "2019-04-01").rate
Decimal('0.13')
>>> invoice_line("113", "standard", "2019-04-01").tax
Decimal('13.00')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_package

if TYPE_CHECKING:
    from .agricultural import (
        AgriculturalDeductionRate,
        AgriculturalInputTax,
        agricultural_deduction_rate,
        agricultural_input_tax,
    )
    from .excess_credit_refund import (
        CREDIT_RATINGS,
        REFUND_CATEGORIES,
        SIZES,
        ExcessCreditRefund,
        excess_credit_refund,
    )
    from .freight_deduction import CARRIERS, FreightInputTax, freight_input_tax
    from .input_composition import InputCompositionRatio, input_composition_ratio
    from .invoice import InvoiceLine, add_tax, invoice_line, split_gross
    from .invoice_rate import InvoiceRate, invoice_rate
    from .period_tax import PeriodTax, PeriodTaxInput, period_tax, period_tax_of
    from .rates import VatRate, bands, vat_rate
    from .replacement import ReplacementRate, replacement_rate
    from .reregistration import (
        REGISTERED_UNDER,
        ReregisteredSalesCheck,
        Reregistration,
        may_reregister,
        reregistered_sales_check,
    )
    from .small_loan_interest import (
        BORROWERS,
        LOAN_METHODS,
        LPR_TENORS,
        LoanInterest,
        SmallLoan,
        SmallLoanInterest,
        SmallLoanInterestInput,
        small_loan_interest,
    )
    from .small_scale_exemption import BUSINESSES, PERIODS, SmallScaleVat, small_scale_vat
    from .small_scale_standard import (
        SECTORS,
        GeneralRegistration,
        SmallScaleStandard,
        must_register_general,
        small_scale_standard,
    )
    from .super_credit import SUPER_CREDIT_POLICIES, SuperCredit, super_credit

__all__ = [
    "BORROWERS",
    "CARRIERS",
    "CREDIT_RATINGS",
    "LOAN_METHODS",
    "LPR_TENORS",
    "PERIODS",
    "REFUND_CATEGORIES",
    "REGISTERED_UNDER",
    "SECTORS",
    "SIZES",
    "SUPER_CREDIT_POLICIES",
    "AgriculturalDeductionRate",
    "AgriculturalInputTax",
    "ExcessCreditRefund",
    "FreightInputTax",
    "GeneralRegistration",
    "InputCompositionRatio",
    "InvoiceLine",
    "InvoiceRate",
    "LoanInterest",
    "PeriodTax",
    "PeriodTaxInput",
    "ReplacementRate",
    "ReregisteredSalesCheck",
    "Reregistration",
    "SmallLoan",
    "SmallLoanInterest",
    "SmallLoanInterestInput",
    "SmallScaleStandard",
    "BUSINESSES",
    "SmallScaleVat",
    "SuperCredit",
    "VatRate",
    "add_tax",
    "agricultural_deduction_rate",
    "agricultural_input_tax",
    "bands",
    "excess_credit_refund",
    "freight_input_tax",
    "input_composition_ratio",
    "invoice_line",
    "invoice_rate",
    "may_reregister",
    "must_register_general",
    "period_tax",
    "period_tax_of",
    "replacement_rate",
    "reregistered_sales_check",
    "small_loan_interest",
    "small_scale_standard",
    "small_scale_vat",
    "split_gross",
    "super_credit",
    "vat_rate",
]

#: Each name's module is imported when the name is first read (see :mod:`taxcalc._lazy`).
lazy_package(__name__, {
    "agricultural": ("AgriculturalDeductionRate", "AgriculturalInputTax", "agricultural_deduction_rate",
        "agricultural_input_tax"),
    "excess_credit_refund": ("CREDIT_RATINGS", "REFUND_CATEGORIES", "SIZES", "ExcessCreditRefund",
        "excess_credit_refund"),
    "freight_deduction": ("CARRIERS", "FreightInputTax", "freight_input_tax"),
    "input_composition": ("InputCompositionRatio", "input_composition_ratio"),
    "invoice": ("InvoiceLine", "add_tax", "invoice_line", "split_gross"),
    "invoice_rate": ("InvoiceRate", "invoice_rate"),
    "period_tax": ("PeriodTax", "PeriodTaxInput", "period_tax", "period_tax_of"),
    "rates": ("VatRate", "bands", "vat_rate"),
    "replacement": ("ReplacementRate", "replacement_rate"),
    "reregistration": ("REGISTERED_UNDER", "ReregisteredSalesCheck", "Reregistration", "may_reregister",
        "reregistered_sales_check"),
    "small_loan_interest": ("BORROWERS", "LOAN_METHODS", "LPR_TENORS", "LoanInterest", "SmallLoan",
        "SmallLoanInterest", "SmallLoanInterestInput", "small_loan_interest"),
    "small_scale_exemption": ("BUSINESSES", "PERIODS", "SmallScaleVat", "small_scale_vat"),
    "small_scale_standard": ("SECTORS", "GeneralRegistration", "SmallScaleStandard", "must_register_general",
        "small_scale_standard"),
    "super_credit": ("SUPER_CREDIT_POLICIES", "SuperCredit", "super_credit"),
})

"""Report section ``preferences``: the preferences outside the VAT periods and the income tax.

* **Interest on loans to small and micro businesses** (``[[small_loans]]``, with
  ``vat.small_loan_method`` and ``vat.small_loan_lender_qualifies``): the year's
  exempt and taxable interest by :func:`taxcalc.vat.small_loan_interest` (rule
  ``vat.small_loan_interest``); the saving is the output VAT the exempt interest
  would have carried.  The VAT section's ``[[sales]]`` hold the taxable interest
  only: the exempt interest is not a sale the periods tax.
* **Environmental protection tax** (``[[environmental_tax]]``, one month each): the
  reductions for concentrations 30% or 50% below the standard by
  :func:`taxcalc.environment.environmental_tax_reduction` (rule ``env.reduction``);
  the saving is the tax taken off, summed over the months.

The section is part of a report only when its facts are given; it computes nothing
itself: every figure is a rule result's, with the citations of its steps.
"""

from __future__ import annotations

from ...environment import EnvironmentalTaxReduction, environmental_tax_reduction
from ...explain import Citation, Step
from ...law import Law
from ...money import total
from ...vat import small_loan_interest
from ..input import ReportInput
from ..ledger import Ledger
from ..model import Column, Line, Saving, Section, Table

__all__ = ["applies", "build"]

_ZH, _EN = "其他税收优惠", "Other preferences"


def applies(facts: ReportInput) -> bool:
    """Whether the input has facts for this section."""
    return bool(facts.small_loans or facts.environmental_tax)


def _cites(steps: tuple[Step, ...], prefix: str) -> tuple[Citation, ...]:
    """The citations of the steps whose name starts with ``prefix``, each once, in order."""
    return tuple(dict.fromkeys(c for s in steps if s.name.startswith(prefix) for c in s.cite))


def build(facts: ReportInput, law: Law, ledger: Ledger) -> Section:
    """The small-loan interest exemption and the environmental-tax reductions of the year."""
    if not applies(facts):
        return Section("preferences", _ZH, _EN, "not_applicable",
                       notes=(("输入中没有小微企业贷款利息或环境保护税。",
                               "The input has no small-loan interest and no environmental protection tax."),))
    lines: list[Line] = []
    tables: list[Table] = []
    savings: list[Saving] = []
    notes: list[tuple[str, str]] = []
    if facts.small_loans:
        method = facts.vat.small_loan_method
        assert method is not None  # the input checks require it
        r = small_loan_interest(facts.small_loans, method, lender_qualifies=facts.vat.small_loan_lender_qualifies,
                                law=law)
        exempt_cite = _cites(r.steps, "loans[")
        tax_cite = _cites(r.steps, "vat_rate")
        lines += [
            Line("small_loans.interest", "小微企业贷款利息收入（含税）", "interest on small-business loans (tax included)",
                 r.interest),
            Line("small_loans.exempt", "免征增值税的利息收入", "interest exempt from VAT", r.exempt, cite=exempt_cite),
            Line("small_loans.taxable", "应税利息收入", "taxable interest", r.taxable, cite=tax_cite),
            Line("small_loans.output_tax", "应税利息的销项税额", "output VAT on the taxable interest", r.output_tax,
                 cite=tax_cite),
        ]
        tables.append(Table(
            "small_loans", "小微企业贷款利息", "interest on small-business loans",
            (Column("loan", "贷款", "loan", "text"), Column("interest", "利息", "interest", "money"),
             Column("cap_rate", "利率上限", "rate cap", "rate"), Column("exempt", "免税", "exempt", "money"),
             Column("taxable", "应税", "taxable", "money"), Column("reason", "说明", "note", "label")),
            tuple((str(x.index + 1), x.interest, x.cap_rate, x.exempt, x.taxable,
                   (x.reason_in("zh"), x.reason_in("en")) if x.reason else None) for x in r.loans),
            ("", r.interest, None, r.exempt, r.taxable, "")))
        savings.append(Saving("vat.small_loan_interest", "vat", "preferences", "小微企业贷款利息收入免征增值税",
                              "interest on small-business loans exempt from VAT", r.saving, exempt_cite,
                              "免税利息按适用税率计算的销项税额。", "the output VAT the exempt interest would carry."))
        notes.append(("增值税部分的销售额只含应税利息；免税利息不计入各期销售额。",
                      "The VAT section's sales hold the taxable interest only; the exempt interest is not a sale."))
    if facts.environmental_tax:
        months: list[EnvironmentalTaxReduction] = [
            environmental_tax_reduction(m.emissions, m.month, other_outlet_over_standard=m.other_outlet_over_standard,
                                        law=law)
            for m in facts.environmental_tax]
        cite = tuple(dict.fromkeys(c for r in months for s in r.steps if s.name.endswith(".tax_due")
                                   for c in s.cite))
        tax, due, cut = (total(r.tax for r in months), total(r.tax_due for r in months),
                         total(r.reduction for r in months))
        lines += [
            Line("environmental_tax.tax", "环境保护税（减征前）", "environmental protection tax before the reductions",
                 tax),
            Line("environmental_tax.reduction", "浓度值低于排放标准减征的税额", "reduced for low concentrations", cut,
                 cite=cite),
            Line("environmental_tax.tax_due", "应纳环境保护税", "environmental protection tax due", due, cite=cite),
        ]
        tables.append(Table(
            "environmental_tax", "环境保护税（按月）", "environmental protection tax by month",
            (Column("month", "月份", "month", "month"), Column("tax", "减征前", "before", "money"),
             Column("reduction", "减征", "reduced", "money"), Column("tax_due", "应纳税额", "due", "money"),
             Column("eligible", "无超标排放", "no exceedance", "label")),
            tuple((r.month, r.tax, r.reduction, r.tax_due, ("是", "yes") if r.eligible else ("否", "no"))
                  for r in months),
            ("", tax, cut, due, "")))
        savings.append(Saving("env.reduction", "env", "preferences", "环境保护税浓度值低于排放标准减征",
                              "environmental protection tax reduced for low concentrations", cut, cite))
    return Section("preferences", _ZH, _EN, "computed", tuple(lines), tuple(tables), tuple(savings), tuple(notes))

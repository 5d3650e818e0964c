"""The public API as a type-checked program uses it.

This module is checked by ``mypy --strict`` (it is in the ``files`` of the mypy
configuration) and run by pytest: what the documentation shows — strings for
amounts and dates, records built from keywords — type-checks and runs, results
have precise types, and a float given as money is refused by the type checker
as well as at run time (each ``type: ignore`` below must stay needed: mypy
reports an unused one).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from taxcalc import InvalidInput, NotMoney, OutsideCoverage, law
from taxcalc.eit import (
    EnterpriseYear,
    Equipment,
    HnteCertificate,
    Loss,
    Quarter,
    RdFacts,
    RdProject,
    annual,
    benefit,
    equipment_schedule,
    loss_window,
    rd_ratio,
    small_profit,
)
from taxcalc.explain import Step
from taxcalc.export import (
    Catalogue,
    ExemptCreditRefundInput,
    ExportLine,
    PurchaseLine,
    excess_credit_refund_2018,
    exempt_credit_refund,
    exempt_refund,
    rebate_rate,
)
from taxcalc.format import daxie, format_money
from taxcalc.law import Law, LawValue
from taxcalc.money import DateLike, MoneyLike
from taxcalc.report import build_report, example, render
from taxcalc.vat import agricultural_input_tax, invoice_line, small_scale_vat, vat_rate


def test_vat() -> None:
    on: DateLike = "2019-04-01"
    rate: Decimal = vat_rate("standard", on).rate
    line = invoice_line("113", "standard", dt.date(2019, 4, 1))
    tax: Decimal = line.tax
    period = small_scale_vat("90000", "2019-06-01", period="month")
    exempt: bool = period.exempt
    farm = agricultural_input_tax(Decimal("10000"), on, for_top_rate_goods=True)
    steps: tuple[Step, ...] = farm.steps
    assert (rate, tax, exempt, farm.input_tax) == (Decimal("0.13"), Decimal("13.00"), True, Decimal("1000.00"))
    assert steps[-1].name == "input_tax" and isinstance(farm.as_dict()["input_tax"], str)


def test_law() -> None:
    v: LawValue = law.value("vat.rate.standard", "2019-04-01")
    last: dt.date | None = v.last
    what_if: Law = law.default().with_values({"vat.rate.standard": "15%"})
    known: Law = law.default().as_known_on(dt.date(2018, 4, 1))
    assert v.value == Decimal("0.13") and last == dt.date(2025, 12, 31)
    assert vat_rate("standard", "2019-04-01", law=what_if).rate == Decimal("0.15")
    assert vat_rate("standard", "2018-05-01", law=known).rate == Decimal("0.17")


def test_income_tax() -> None:
    income: MoneyLike = "1000000"
    relief = small_profit(income, 2019, employees=50, assets="1000000")
    project = RdProject("P", personnel="400000")
    facts = EnterpriseYear(2018, profit="1500000", employees=60, assets="9000000",
                           rd=RdFacts(projects=[project]), losses=[Loss(2016, "200000")],
                           quarters=())
    result = annual(facts)
    saving: Decimal = benefit(facts).total_saving
    last_year, years, _cite = loss_window(2013, qualified_years=[2018])
    line = Equipment("line", "3000000", "machinery", acquired_on="2018-12-05", in_use="2018-12-20")
    first_year, deduction = equipment_schedule(line).chosen[0]
    assert (relief.tax, result.tax, last_year, years) == (Decimal("50000.00"), Decimal("100000.00"), 2023, 10)
    assert saving > 0 and rd_ratio(2019).ratio == Decimal("0.75")
    assert (first_year, deduction) == (2019, Decimal("3000000"))
    assert Quarter(10, 12, "100", "300").assets_end == Decimal("300")
    certificate = HnteCertificate("GR201713000456", "2017-10-27", "2020-10-26")
    assert certificate.first == dt.date(2017, 10, 27) and certificate.valid_in(2018)


def test_export() -> None:
    r = rebate_rate("9901000010", "2019-07-01", catalogue=Catalogue.sample())
    month = ExemptCreditRefundInput(
        period="2019-06", exports=[ExportLine(fob="1000", levy_rate="13%", rebate_rate="13%")],
        input_tax="500")
    lines = exempt_refund([PurchaseLine(amount="100", purchase_vat_rate="13%", rebate_rate="13%",
                                        export_date="2019-07-01")])
    refund = excess_credit_refund_2018(
        industry="专用设备制造业", credit_rating="A", registered_on="2010-03-01", listed_input_tax="8000000",
        total_input_tax="10000000", prior_period_end_credit="1500000", end_2017_credit="1000000",
        applied_on="2018-08-01")
    assert (r.rate, exempt_credit_refund(month).refund) == (Decimal("0.13"), Decimal("130.00"))
    assert (lines.total, refund.refund) == (Decimal("13.00"), Decimal("1000000.00"))


def test_report_and_format() -> None:
    report = build_report(example(), known_on="2018-12-31")
    text: str = render(report, "en")
    total: Decimal = report.total_saving
    assert text.startswith("Tax benefit report") and format_money(total).startswith("¥")
    assert daxie("1234.56") == "人民币壹仟贰佰叁拾肆元伍角陆分"


def test_errors_name_the_field() -> None:
    with pytest.raises(OutsideCoverage) as coverage:
        vat_rate("standard", "1990-01-01")
    key: str = coverage.value.key
    with pytest.raises(InvalidInput) as bad:
        small_profit("abc", 2019)
    field: str = bad.value.field
    assert (key, field) == ("vat.rate.standard", "income")


def test_a_float_is_refused_by_the_type_checker_and_at_run_time() -> None:
    with pytest.raises(NotMoney):
        invoice_line(113.0, "standard", "2019-04-01")  # type: ignore[arg-type]
    with pytest.raises(NotMoney):
        RdProject("P", personnel=400000.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        small_profit("100", "2019")  # type: ignore[arg-type]

"""Row by row comparison of the VAT and export columns with the registered scalar rules and the report.

Independent of the population readers: each row of the table is read here as
plain Python values, every period is computed by the registered rule
(``vat.small_scale_vat``, ``export.exempt_credit_refund``, through
:func:`taxcalc.rules.get`), and the small-scale savings are the report's own
(:mod:`taxcalc.report.sections.small_scale`, fed the row's sales and special invoices).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pyarrow as pa

from taxcalc.law import Law, default
from taxcalc.report.sections.small_scale import _small_scale_vat
from taxcalc.rules import get

_EXPORT_FIELDS = ("export_non_creditable", "export_tax_payable", "export_tax_due", "export_end_credit",
                  "export_exempt_credit_refund", "export_refund", "export_exempt_credit", "export_credit_carried")
_RESULT_FIELDS = ("non_creditable", "tax_payable", "tax_due", "end_credit", "exempt_credit_refund", "refund",
                  "exempt_credit", "credit_carried")


def _yuan(fen: int | None) -> Decimal:
    return Decimal(fen or 0).scaleb(-2)


def _fen(yuan: Decimal) -> int:
    value = yuan.scaleb(2)
    assert value == value.to_integral_value(), yuan
    return int(value)


def small_scale_expected(row: dict[str, Any], law: Law) -> dict[str, int]:
    """The small-scale result columns of one input row, by the registered rule and the report's savings."""
    quarterly = row.get("vat_period") == "quarter"
    period = "quarter" if quarterly else "month"
    rule = get("vat.small_scale_vat")
    out = dict.fromkeys(("vat_sales", "vat_exempt_sales", "vat_taxable_sales", "vat_tax_due"), 0)
    sales = []
    for k in range(1, 5 if quarterly else 13):
        s = row.get(f"sales_{k}") or 0
        if not s:
            continue
        start = _dt.date(row["year"], 3 * k - 2 if quarterly else k, 1)
        goods = row.get(f"goods_sales_{k}")
        special = row.get(f"special_invoice_sales_{k}") or 0
        rate = row.get("special_invoice_rate") or "reduced" if special else "reduced"
        data: dict[str, Any] = {"sales": str(_yuan(s)), "period_start": start.isoformat(), "period": period}
        if f"goods_sales_{k}" in row:
            data["goods_sales"] = str(_yuan(goods))
        if special:
            data |= {"special_invoice_sales": str(_yuan(special)), "special_invoice_rate": rate}
        r = rule.compute(data, law=law)
        out["vat_sales"] += _fen(r.sales)
        out["vat_exempt_sales"] += _fen(r.exempt_sales)
        out["vat_taxable_sales"] += _fen(r.taxable_sales)
        out["vat_tax_due"] += _fen(r.tax_due)
        g = _yuan(goods) if f"goods_sales_{k}" in row else Decimal(0)
        # the report's rows: the special invoices on the goods row (the report adds a period's rows up)
        sales.append(SimpleNamespace(month=start, band="standard", kind="goods", amount=g, day=None,
                                     special_invoice_sales=_yuan(special), special_invoice_rate=rate))
        sales.append(SimpleNamespace(month=start, band="standard", kind="services", amount=_yuan(s) - g, day=None,
                                     special_invoice_sales=Decimal(0), special_invoice_rate="reduced"))
    facts = SimpleNamespace(enterprise=SimpleNamespace(vat_period=period), sales=sales)
    _, savings, _ = _small_scale_vat(facts, law)  # type: ignore[arg-type]
    by_id = {s.policy: _fen(s.amount) for s in savings}
    out["saving_vat_small_scale_exemption"] = by_id.get("vat.small_scale.exemption", 0)
    out["saving_vat_small_scale_reduced_rate"] = by_id.get("vat.small_scale.reduced_rate", 0)
    return out


def export_expected(row: dict[str, Any], law: Law) -> dict[str, int]:
    """The export result columns of one input row, by the registered rule (0 for a row without a period)."""
    period = row.get("export_period")
    if period is None:
        return dict.fromkeys(_EXPORT_FIELDS, 0)
    month = period.strftime("%Y-%m") if isinstance(period, _dt.date) else str(period)[:7]
    r = get("export.exempt_credit_refund").compute({
        "period": month,
        "exports": [{"fob": str(_yuan(row.get("export_fob"))), "levy_rate": row["export_levy_rate"],
                     "rebate_rate": row["export_rebate_rate"],
                     "exempt_materials": str(_yuan(row.get("export_exempt_materials"))),
                     "bonded_materials": str(_yuan(row.get("export_bonded_materials")))}],
        "domestic_output_tax": str(_yuan(row.get("domestic_output_tax"))),
        "input_tax": str(_yuan(row.get("input_tax"))), "opening_credit": str(_yuan(row.get("opening_credit"))),
    }, law=law)
    return {c: _fen(getattr(r, f)) for c, f in zip(_EXPORT_FIELDS, _RESULT_FIELDS, strict=True)}


def group_mismatches(table: pa.Table, result: pa.Table, *, law: Law | None = None,
                     year: int | None = None) -> list[tuple[int, str, object, object]]:
    """Every (row, column, computed, expected) where a VAT or export column differs from the scalar rules."""
    law = default() if law is None else law
    names = set(table.column_names)
    small = any(c.startswith("sales_") for c in names)
    export = "export_period" in names
    out = []
    for i, (row, got) in enumerate(zip(table.to_pylist(), result.to_pylist(), strict=True)):
        if year is not None:
            row.setdefault("year", year)
        expected: dict[str, int] = {}
        if small:
            expected.update(small_scale_expected(row, law))
        if export:
            expected.update(export_expected(row, law))
        for column, value in expected.items():
            if got[column] != value:
                out.append((i, column, got[column], value))
    return out

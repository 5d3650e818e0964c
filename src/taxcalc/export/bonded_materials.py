"""Bonded imports of 进料加工 in a manufacturer's 免抵退: the 购进法 and the 实耗法.

The rule
    A manufacturer that processes imported materials for export (进料加工) imports them
    bonded, without import VAT.  In 免抵退 they count among the duty-free materials
    (当期免税购进原材料价格) that reduce both 当期不得免征和抵扣税额 (× (征税率 − 退税率))
    and 当期免抵退税额 (× 退税率), at their composite taxable value
    (组成计税价格).  Which bonded imports count in a period is a matter of method:

    * **购进法** (``method="purchase"``): the bonded imports of the period,
      到岸价 + 海关实征关税 + 海关实征消费税 — allowed from 2002-01-01 to 2012-06-30
      (国税发〔2002〕11号, seen in secondary restatements only);
    * **实耗法** (``method="consumption"``): the bonded imports the period's processing
      exports consumed, 进料加工出口货物人民币离岸价 × 分配率, with
      分配率 = 进口总值 ÷ 出口总值 — from 2012-07-01 the only method (国家税务总局公告
      2012年第24号, 计划分配率 = 计划进口总值 ÷ 计划出口总值 of the handbook); from
      2013-07-01 the year's planned rate is the previous year's verified combined actual
      rate, 上年度已核销手（账）册综合实际分配率 (国家税务总局公告2013年第12号).  The caller
      gives the totals (or the rate) of the basis the period's law names; the step
      ``basis`` says which.

    The result's ``materials`` is what :class:`taxcalc.export.ExportLine` takes as
    ``bonded_materials``; :func:`taxcalc.export.exempt_credit_refund` does the rest.

Keys read
    ``export.processing.purchase_method``, ``export.processing.consumption_method``,
    ``export.processing.allocation_rate_basis``, on the first day of the period.

Rounding
    ``ROUND(FOB × 进口总值 ÷ 出口总值, 2)`` half up, computed exactly (the rate itself is
    not rounded first); a rate given directly is used as given.  The composite value is
    the sum of amounts already in fen.

Choices and limits
    * A method the period's law does not allow is refused, naming ``method`` and the
      notice; periods before 2002-01 are outside the data.  From 2026-01 the 2025 rule
      is carried on under 国家税务总局公告2026年第5号, whose text was not seen (条次未核实).
    * An allocation rate above 100% is refused: the consumed imports would exceed the
      exports' FOB value, which :func:`~taxcalc.export.exempt_credit_refund` refuses too.
    * The adjustment at the customs verification of a handbook (核销, 实际分配率 against
      the planned rate, 应调整免抵退税额) is not modelled; nor are 来料加工 (exempt, no
      免抵退) and deep-processing transfers (深加工结转).

>>> r = bonded_materials("2014-03", "consumption", processing_fob="1000000", import_total="600000",
...                      export_total="1000000")
>>> r.allocation_rate, r.materials, r.basis
(Decimal('0.6'), Decimal('600000.00'), 'prior_year_actual')
>>> bonded_materials("2010-03", "purchase", imports_cif="500000", customs_duty="25000").materials
Decimal('525000.00')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from ..errors import InvalidInput
from ..explain import Explained, Formula, Step, format_value
from ..inputs import Amount, Choice, Month, Rate, record
from ..law import Law, LawValue, default
from ..money import (
    CONTEXT,
    FEN,
    ZERO,
    add,
    choice,
    div,
    month_arg,
    mul,
    nonnegative_money,
    round_fen,
)
from ..money import rate as rate_arg

__all__ = ["BONDED_METHODS", "BondedMaterials", "BondedMaterialsInput", "bonded_materials"]

#: ``consumption`` (实耗法) and ``purchase`` (购进法).
BONDED_METHODS: tuple[str, ...] = ("consumption", "purchase")

K = "export.processing."
_SUMMARY = "《免抵退税申报汇总表》"
_ONE = Decimal(1)
_ZH = {"consumption": "实耗法", "purchase": "购进法"}


@record
class BondedMaterialsInput:
    """A period's 进料加工 bonded imports, by the consumption (实耗法) or the purchase (购进法) method."""

    period: Annotated[_dt.date, Month("the tax period (所属期), YYYY-MM")]
    method: Annotated[str, Choice("consumption (实耗法: FOB × allocation rate) or purchase (购进法: the period's "
                                  "imports)", BONDED_METHODS)]
    processing_fob: Annotated[Decimal | None, Amount("consumption: FOB value in yuan of the period's 进料加工 "
                                                     "exports (进料加工出口货物人民币离岸价)")] = None
    import_total: Annotated[Decimal | None, Amount("consumption: import total of the rate's basis (计划进口总值, "
                                                   "or the prior year's verified imports)")] = None
    export_total: Annotated[Decimal | None, Amount("consumption: export total of the rate's basis (计划出口总值, "
                                                   "or the prior year's verified exports)", sign="positive")] = None
    allocation_rate: Annotated[Decimal | None, Rate("consumption: the allocation rate itself (分配率), instead of "
                                                    "the totals")] = None
    imports_cif: Annotated[Decimal | None, Amount("purchase: CIF value in yuan of the period's bonded imports "
                                                  "(到岸价)")] = None
    customs_duty: Annotated[Decimal, Amount("purchase: customs duty actually levied (海关实征关税)")] = ZERO
    consumption_tax: Annotated[Decimal, Amount("purchase: consumption tax actually levied "
                                               "(海关实征消费税)")] = ZERO

    def checks(self) -> Iterator[tuple[str, str]]:
        """The figures of the chosen method, and only those."""
        yield from _problems(self.method, self.processing_fob, self.import_total, self.export_total,
                             self.allocation_rate, self.imports_cif, self.customs_duty, self.consumption_tax)


def _problems(method: str, fob: Decimal | None, imports: Decimal | None, exports: Decimal | None,
              rate: Decimal | None, cif: Decimal | None, duty: Decimal, tax: Decimal) -> Iterator[tuple[str, str]]:
    if method == "consumption":
        if fob is None:
            yield "processing_fob", "the consumption method (实耗法) needs the FOB value of the processing exports"
        totals = imports is not None or exports is not None
        if rate is not None and totals:
            yield "allocation_rate", "give either the allocation rate or the import and export totals, not both"
        elif rate is None and (imports is None or exports is None):
            yield "import_total" if imports is None else "export_total", \
                "the consumption method (实耗法) needs the import and export totals (or allocation_rate)"
        elif rate is None and imports is not None and exports is not None and imports > exports:
            yield "import_total", f"import total {imports} above the export total {exports}: an allocation rate " \
                "above 100% would make the consumed imports exceed the exports' FOB value"
        for name, value in (("imports_cif", cif), ("customs_duty", duty or None), ("consumption_tax", tax or None)):
            if value is not None:
                yield name, "belongs to the purchase method (购进法), not to the consumption method"
    else:
        if cif is None:
            yield "imports_cif", "the purchase method (购进法) needs the CIF value of the period's bonded imports"
        for name, value in (("processing_fob", fob), ("import_total", imports), ("export_total", exports),
                            ("allocation_rate", rate)):
            if value is not None:
                yield name, "belongs to the consumption method (实耗法), not to the purchase method"


@dataclass(frozen=True, slots=True)
class BondedMaterials(Explained):
    """The period's bonded imports counted in 当期免税购进原材料价格 (``materials``, in yuan).

    ``allocation_rate`` is ``None`` for the purchase method; ``basis`` is where the
    period's law takes the rate's totals from (``planned`` or ``prior_year_actual``;
    ``""`` for the purchase method).
    """

    period: _dt.date
    method: str
    basis: str
    allocation_rate: Decimal | None
    materials: Decimal
    steps: tuple[Step, ...]


def _fen(value: object, field: str) -> Decimal:
    d = nonnegative_money(value, field)
    if d != d.quantize(FEN, context=CONTEXT):
        raise InvalidInput(field, f"must be in yuan and fen (at most 2 decimals), got {d}")
    return d


def _opt(value: object, field: str) -> Decimal | None:
    return None if value is None else _fen(value, field)


def _allowed(data: Law, method: str, on: _dt.date) -> LawValue:
    v = data.value(K + method + "_method", on)
    if not v.value:
        raise InvalidInput("method", f"the {method} method ({_ZH[method]}) does not apply to a period of "
                           f"{on:%Y-%m} ({v.citation}); use "
                           f"{'consumption (实耗法)' if method == 'purchase' else 'purchase (购进法)'}")
    return v


def _consumed_formula(lang: str, fob: Decimal, imports: Decimal | None, exports: Decimal | None,
                      rate: Decimal) -> str:
    f = format_value(fob, "yuan")
    if imports is None or exports is None:
        return f"ROUND({f} × {format_value(rate, 'rate')}, 2)"
    i, e = format_value(imports, "yuan"), format_value(exports, "yuan")
    return f"ROUND({f} × {i} ÷ {e}, 2)"


def bonded_materials(
    period: object,
    method: str,
    *,
    processing_fob: object = None,
    import_total: object = None,
    export_total: object = None,
    allocation_rate: object = None,
    imports_cif: object = None,
    customs_duty: object = ZERO,
    consumption_tax: object = ZERO,
    law: Law | None = None,
) -> BondedMaterials:
    """The bonded imports of ``period`` that count in 当期免税购进原材料价格, by ``method``."""
    day = period.replace(day=1) if isinstance(period, _dt.date) else month_arg(period, "period").replace(day=1)
    m = choice(method, "method", BONDED_METHODS)
    fob, imports, cif = _opt(processing_fob, "processing_fob"), _opt(import_total, "import_total"), \
        _opt(imports_cif, "imports_cif")
    exports = _opt(export_total, "export_total")
    if exports is not None and exports <= 0:
        raise InvalidInput("export_total", f"must be positive (got {exports})")
    rate: Decimal | None = None
    if allocation_rate is not None:
        rate = rate_arg(allocation_rate, "allocation_rate")
    duty, tax = _fen(customs_duty, "customs_duty"), _fen(consumption_tax, "consumption_tax")
    for field, reason in _problems(m, fob, imports, exports, rate, cif, duty, tax):
        raise InvalidInput(field, reason)
    data = default() if law is None else law
    allowed = _allowed(data, m, day)
    steps: list[Step] = [data.step(allowed, m + "_method")]
    if m == "purchase":
        assert cif is not None
        materials = round_fen(add(add(cif, duty), tax))
        steps.append(Step("materials", "当期进料加工保税进口料件的组成计税价格（购进法）",
                          "bonded imports of the period at composite taxable value (purchase method)",
                          materials, "yuan",
                          f"{format_value(cif, 'yuan')} + {format_value(duty, 'yuan')} + {format_value(tax, 'yuan')}",
                          (allowed.citation,), _SUMMARY, "到岸价 + 海关实征关税 + 海关实征消费税"))
        return BondedMaterials(day, m, "", None, materials, tuple(steps))
    assert fob is not None
    basis_v = data.value(K + "allocation_rate_basis", day)
    basis = str(basis_v.value)
    steps.append(data.step(basis_v, "basis"))
    if rate is None:
        assert imports is not None and exports is not None
        rate = div(imports, exports)
        consumed = round_fen(div(mul(fob, imports), exports))
        steps.append(Step("allocation_rate", "进料加工分配率", "allocation rate", rate, "rate",
                          f"{format_value(imports, 'yuan')} ÷ {format_value(exports, 'yuan')}", (basis_v.citation,),
                          _SUMMARY, "进口总值 ÷ 出口总值"))
    else:
        if rate > _ONE:
            raise InvalidInput("allocation_rate", f"must be at most 100% (got {rate})")
        consumed = round_fen(mul(fob, rate))
        steps.append(Step("allocation_rate", "进料加工分配率（给定）", "allocation rate (given)", rate, "rate",
                          "", (basis_v.citation,), _SUMMARY))
    steps.append(Step("materials", "进料加工出口货物耗用的保税进口料件金额（实耗法）",
                      "bonded imports consumed by the processing exports (consumption method)",
                      consumed, "yuan", Formula(_consumed_formula, (fob, imports, exports, rate)),
                      (allowed.citation,), _SUMMARY))
    return BondedMaterials(day, m, basis, rate, consumed, tuple(steps))

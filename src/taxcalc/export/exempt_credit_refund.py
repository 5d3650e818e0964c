"""A manufacturer's month of 免抵退 (exempt, credit, refund) — 财税〔2012〕39号 第五条第（一）项;
from 2026-01-01 财政部 税务总局公告2026年第11号 (secondary sources: same formulas).

A manufacturer (生产企业) that exports its own goods pays no VAT on the exports
(免), sets the input VAT of the exports against the VAT due on its domestic sales
(抵), and gets back what is left, up to a ceiling (退).  For one tax period (所属期):

1. FOB value in yuan: 出口货物离岸价 × 外汇人民币折合率 (per export line).
2. 当期不得免征和抵扣税额抵减额 = 当期免税购进原材料价格 × (征税率 − 退税率), where the
   duty-free materials (免税购进原材料) are the domestic materials bought without input
   VAT plus the bonded imports of 进料加工 at their composite taxable value
   (进料加工保税进口料件的组成计税价格).
3. 当期不得免征和抵扣税额 = 离岸价 × 外汇人民币折合率 × (征税率 − 退税率) − 抵减额:
   the part of the input VAT that may not be credited (it goes to cost, "剔税").
4. 当期应纳税额 = 当期内销货物的销项税额 − (当期进项税额 − 当期不得免征和抵扣税额) − 上期留抵税额;
   a negative result is the period's end credit (期末留抵税额).
5. 当期免抵退税额抵减额 = 当期免税购进原材料价格 × 退税率.
6. 当期免抵退税额 = 离岸价 × 外汇人民币折合率 × 退税率 − 免抵退税额抵减额 (the ceiling).
7. If 期末留抵税额 ≤ 当期免抵退税额: 当期应退税额 = 期末留抵税额, 当期免抵税额 = 免抵退税额 −
   应退税额.  Otherwise 应退税额 = 免抵退税额, 免抵税额 = 0 and the rest of the credit is
   carried to the next period.  When tax is payable (期末留抵 = 0) nothing is refunded
   and the whole 免抵退税额 is 免抵税额.

Hence always: 0 ≤ 应退税额 ≤ 免抵退税额 and 应退税额 + 免抵税额 = 免抵退税额.

**Levy rate below rebate rate.**  In the transitions a manufacturer keeps the old
rebate rate while the levy rate has already been cut.  2019年第39号 第三条第二款 says the
negative difference "视为零参与免抵退税计算"; for 2018 (财税〔2018〕32号 第五条) the text is
silent and taxcalc treats it the same way (a choice, flagged in the steps).  It is
applied to any line whose levy rate is below its rebate rate.

**Rounding.**  Every figure is computed exactly and rounded half up to the fen where
the returns show it: the FOB value in yuan of each line (the detail return shows it
per declaration), then each total line of the 《免抵退税申报汇总表》 — the gross
不得免征和抵扣税额 and its 抵减额, the gross 免抵退税额 and its 抵减额 — and the figures
that follow are differences of those rounded lines (so the lines add up as shown).
Amounts given (销项税额, 进项税额, 上期留抵税额, materials) must already be in fen.

A duty-free material value above the line's FOB value in yuan is refused: the
formulas would make 免抵退税额 negative, and how such an excess is carried is not in
the text taxcalc follows.

**Coverage**: periods from 2002-01 (law data ``export.method.exempt_credit_refund``).
From 2002-01 to 2012-06 the method is that of 财税〔2002〕7号, with the same formulas
(seen in secondary sources only; the article is marked 条次未核实).  What the formulas
leave to the caller in those years — the deemed input credits (freight at 7% before
transport joined VAT, computed by :func:`taxcalc.vat.freight_input_tax`, the rule
``vat.freight_deduction``) inside ``input_tax``, and a new exporter's first 12 months with
no refund (国税发〔2002〕11号), which taxcalc does not model — is listed in the key's
note and in docs/law-audit.md.
From 2026-01 the method is that of 财政部 税务总局公告2026年第11号, which replaces
财税〔2012〕39号.  Its text was not seen; agreeing secondary sources say it keeps 免抵退
and its basic calculation, so taxcalc applies the formulas above unchanged and every
step cites 11号 with its article marked 条次未核实 (not verified).  11号's 36-month claim
limit is not modelled (see docs/law-audit.md).

Textbook case, levy 17%, rebate 15% (kuajob.com/big5/tax_564642, 例1), in yuan:

>>> from taxcalc.export import ExemptCreditRefundInput, ExportLine, exempt_credit_refund
>>> month = ExemptCreditRefundInput(
...     period="2017-06-01",
...     exports=(ExportLine(fob="1350000", levy_rate="17%", rebate_rate="15%"),),
...     domestic_output_tax="161500", input_tax="306000", opening_credit="0")
>>> r = exempt_credit_refund(month)
>>> r.non_creditable, r.tax_payable, r.exempt_credit_refund, r.refund, r.exempt_credit
(Decimal('27000.00'), Decimal('-117500.00'), Decimal('202500.00'), Decimal('117500.00'), Decimal('85000.00'))
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..errors import InvalidInput
from ..explain import Explained, Step
from ..law import Law, default
from ..money import (
    CONTEXT,
    FEN,
    ZERO,
    DateLike,
    MoneyLike,
    add,
    money,
    month_arg,
    mul,
    nonnegative_money,
    rate,
    round_fen,
    sub,
    total,
)
from ._input import record
from ._levy_below_rebate import LEVY_BELOW_REBATE_KEY, levy_below_rebate_citations
from .catalogue import MAX_RATE

__all__ = ["ExemptCreditRefund", "ExemptCreditRefundInput", "ExportLine", "exempt_credit_refund"]

METHOD_KEY = "export.method.exempt_credit_refund"
_SUMMARY = "《免抵退税申报汇总表》"
_VAT_RETURN = "《增值税纳税申报表》"
_ONE = Decimal(1)


def _fen_amount(value: object, field: str) -> Decimal:
    d = nonnegative_money(value, field)
    if d != d.quantize(FEN, context=CONTEXT):
        raise InvalidInput(field, f"must be in yuan and fen (at most 2 decimals), got {d}")
    return d


def _pct(d: Decimal) -> str:
    return format(mul(d, Decimal(100)).normalize(CONTEXT), "f") + "%"


@dataclass(frozen=True, slots=True)
class ExportLine:
    """Exports of one month at one pair of rates.

    ``fob`` is the FOB value (离岸价) in the invoice currency and ``exchange_rate`` the
    rate to yuan (外汇人民币折合率; 1 when ``fob`` is already in yuan).  ``exempt_materials``
    (domestic materials bought without input VAT) and ``bonded_materials`` (进料加工
    bonded imports at their composite taxable value) are in yuan.  Amounts and rates
    may be given as ``str``, ``int`` or ``Decimal`` (never ``float``).
    """

    fob: Decimal
    levy_rate: Decimal
    rebate_rate: Decimal
    exchange_rate: Decimal = _ONE
    exempt_materials: Decimal = ZERO
    bonded_materials: Decimal = ZERO

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, fob: MoneyLike, levy_rate: MoneyLike, rebate_rate: MoneyLike,
            exchange_rate: MoneyLike = ..., exempt_materials: MoneyLike = ...,
            bonded_materials: MoneyLike = ...) -> None: ...

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "fob", _fen_amount(self.fob, "fob"))
        set_(self, "levy_rate", rate(self.levy_rate, "levy_rate", maximum=MAX_RATE))
        set_(self, "rebate_rate", rate(self.rebate_rate, "rebate_rate", maximum=MAX_RATE))
        fx = money(self.exchange_rate, "exchange_rate")
        if fx <= 0:
            raise InvalidInput("exchange_rate", f"must be positive (got {fx})")
        set_(self, "exchange_rate", fx)
        set_(self, "exempt_materials", _fen_amount(self.exempt_materials, "exempt_materials"))
        set_(self, "bonded_materials", _fen_amount(self.bonded_materials, "bonded_materials"))

    @property
    def fob_cny(self) -> Decimal:
        """The FOB value in yuan, rounded half up to the fen."""
        return self.fob if self.exchange_rate == _ONE else round_fen(mul(self.fob, self.exchange_rate))

    @property
    def materials(self) -> Decimal:
        """当期免税购进原材料价格: duty-free domestic materials plus bonded imports."""
        return add(self.exempt_materials, self.bonded_materials)


def _line(item: object, i: int) -> ExportLine:
    return record(item, ExportLine, f"exports[{i}]", "an export line")


@dataclass(frozen=True, slots=True)
class ExemptCreditRefundInput:
    """One tax period of a manufacturer: its exports and its VAT return figures.

    ``period`` is the month (所属期): ``"YYYY-MM"`` or any day of it; it is kept as
    the first of the month.
    ``exports`` is one :class:`ExportLine` (or mapping of its fields) per pair of
    rates.  ``domestic_output_tax`` is 当期内销货物的销项税额, ``input_tax`` 当期进项税额
    and ``opening_credit`` 上期留抵税额, all in yuan with at most 2 decimals.
    """

    period: _dt.date
    exports: tuple[ExportLine, ...]
    domestic_output_tax: Decimal = ZERO
    input_tax: Decimal = ZERO
    opening_credit: Decimal = ZERO

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, period: DateLike, exports: Iterable[ExportLine | Mapping[str, object]],
            domestic_output_tax: MoneyLike = ..., input_tax: MoneyLike = ...,
            opening_credit: MoneyLike = ...) -> None: ...

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        day = month_arg(self.period, "period")
        set_(self, "period", day.replace(day=1))
        raw: object = self.exports
        if isinstance(raw, ExportLine | Mapping) or not isinstance(raw, Iterable):
            raise InvalidInput("exports", "must be a sequence of export lines")
        lines = tuple(_line(item, i) for i, item in enumerate(raw))
        if not lines:
            raise InvalidInput("exports", "at least one export line is needed")
        set_(self, "exports", lines)
        set_(self, "domestic_output_tax", _fen_amount(self.domestic_output_tax, "domestic_output_tax"))
        set_(self, "input_tax", _fen_amount(self.input_tax, "input_tax"))
        set_(self, "opening_credit", _fen_amount(self.opening_credit, "opening_credit"))
        for i, line in enumerate(lines):
            if line.materials > line.fob_cny:
                raise InvalidInput(
                    f"exports[{i}].exempt_materials",
                    f"duty-free materials {line.materials} exceed the FOB value in yuan {line.fob_cny}: "
                    "免抵退税额 would be negative, and how the excess is carried is outside taxcalc's rules",
                )


@dataclass(frozen=True, slots=True)
class ExemptCreditRefund(Explained):
    """The 免抵退 figures of one period, rounded to the fen as the returns show them.

    ``branch`` is ``"tax_payable"`` (当期应纳税额 ≥ 0), ``"credit_within"`` (期末留抵税额 ≤
    免抵退税额) or ``"credit_exceeds"`` (期末留抵税额 > 免抵退税额).
    """

    period: _dt.date
    fob_cny: Decimal
    non_creditable_gross: Decimal
    non_creditable_reduction: Decimal
    non_creditable: Decimal
    tax_payable: Decimal
    tax_due: Decimal
    end_credit: Decimal
    exempt_credit_refund_gross: Decimal
    exempt_credit_refund_reduction: Decimal
    exempt_credit_refund: Decimal
    refund: Decimal
    exempt_credit: Decimal
    credit_carried: Decimal
    branch: str
    steps: tuple[Step, ...]


def exempt_credit_refund(month: ExemptCreditRefundInput, *, law: Law | None = None) -> ExemptCreditRefund:
    """Compute one period's 免抵退 (see the module documentation for every formula)."""
    if not isinstance(month, ExemptCreditRefundInput):
        raise InvalidInput("month", "must be an ExemptCreditRefundInput")
    data = law or default()
    method = data.value(METHOD_KEY, month.period)
    cite = (method.citation,)
    steps: list[Step] = []
    gaps: list[Decimal] = []
    negative = False
    for i, line in enumerate(month.exports):
        gap = sub(line.levy_rate, line.rebate_rate)
        if gap < 0:
            negative = True
            gap = ZERO
        gaps.append(gap)
        if line.exchange_rate != _ONE or len(month.exports) > 1:
            steps.append(Step(
                f"fob_cny[{i}]", f"出口货物离岸价（人民币）第{i + 1}行", f"FOB value in yuan, line {i + 1}",
                line.fob_cny, "yuan",
                f"{line.fob} × {line.exchange_rate} (levy {_pct(line.levy_rate)}, rebate {_pct(line.rebate_rate)})",
                cite, _SUMMARY,
                f"{line.fob} × {line.exchange_rate}（征{_pct(line.levy_rate)} 退{_pct(line.rebate_rate)}）",
            ))
    if negative:
        zero_cite = levy_below_rebate_citations(data.value(LEVY_BELOW_REBATE_KEY, month.period))
        steps.append(Step(
            "negative_gap", "征税率低于退税率：差额视为零", "levy rate below the rebate rate: the difference counts as zero",
            ZERO, "rate", "max(0, levy rate − rebate rate)", zero_cite, formula_zh="max(0, 征税率 − 退税率)",
        ))
    lines = month.exports
    fob_cny = total(line.fob_cny for line in lines)
    nd_gross = round_fen(total(mul(ln.fob_cny, g) for ln, g in zip(lines, gaps, strict=True)))
    nd_red = round_fen(total(mul(ln.materials, g) for ln, g in zip(lines, gaps, strict=True)))
    nd = sub(nd_gross, nd_red)
    ceiling_gross = round_fen(total(mul(ln.fob_cny, ln.rebate_rate) for ln in lines))
    ceiling_red = round_fen(total(mul(ln.materials, ln.rebate_rate) for ln in lines))
    ceiling = sub(ceiling_gross, ceiling_red)
    payable = sub(sub(month.domestic_output_tax, sub(month.input_tax, nd)), month.opening_credit)
    end_credit = max(ZERO, CONTEXT.minus(payable))
    tax_due = max(ZERO, payable)
    if payable >= 0:
        branch, refund, exempt, carried = "tax_payable", ZERO, ceiling, ZERO
    elif end_credit <= ceiling:
        branch, refund, exempt, carried = "credit_within", end_credit, sub(ceiling, end_credit), ZERO
    else:
        branch, refund, exempt, carried = "credit_exceeds", ceiling, ZERO, sub(end_credit, ceiling)
    one = len(lines) == 1
    l0 = lines[0]
    gap0 = (
        f"({_pct(l0.levy_rate)} − {_pct(l0.rebate_rate)})" if l0.levy_rate >= l0.rebate_rate
        else f"max(0, {_pct(l0.levy_rate)} − {_pct(l0.rebate_rate)})"
    )
    materials = total(ln.materials for ln in lines)
    steps += [
        Step("fob_cny", "当期出口货物离岸价（人民币）", "FOB value of the period's exports in yuan",
             fob_cny, "yuan", "Σ FOB × exchange rate to yuan", cite, _SUMMARY, "Σ 离岸价 × 外汇人民币折合率"),
        Step("materials", "当期免税购进原材料价格", "duty-free materials of the period (incl. bonded imports)",
             materials, "yuan", "duty-free domestic materials + bonded imports at composite taxable value", cite,
             _SUMMARY, "免税购进国内原材料 + 进料加工保税进口料件组成计税价格"),
        Step("non_creditable_gross", "离岸价 ×（征税率 − 退税率）", "FOB × (levy rate − rebate rate)",
             nd_gross, "yuan",
             f"{fob_cny} × {gap0}" if one else "Σ FOB × (levy rate − rebate rate)",
             cite, _SUMMARY, "" if one else "Σ 离岸价 × (征税率 − 退税率)"),
        Step("non_creditable_reduction", "当期不得免征和抵扣税额抵减额", "reduction for duty-free materials",
             nd_red, "yuan",
             f"{materials} × {gap0}" if one else "Σ duty-free materials × (levy rate − rebate rate)",
             cite, _SUMMARY, "" if one else "Σ 免税购进原材料价格 × (征税率 − 退税率)"),
        Step("non_creditable", "当期不得免征和抵扣税额", "input VAT that may not be credited",
             nd, "yuan", f"{nd_gross} − {nd_red}", cite, _SUMMARY),
        Step("tax_payable", "当期应纳税额", "VAT payable for the period (negative: credit)",
             payable, "yuan",
             f"{month.domestic_output_tax} − ({month.input_tax} − {nd}) − {month.opening_credit}", cite, _VAT_RETURN),
        Step("end_credit", "当期期末留抵税额", "excess input credit at the end of the period",
             end_credit, "yuan", f"max(0, −({payable}))", cite, _VAT_RETURN),
        Step("exempt_credit_refund_gross", "离岸价 × 退税率", "FOB × rebate rate",
             ceiling_gross, "yuan",
             f"{fob_cny} × {_pct(l0.rebate_rate)}" if one else "Σ FOB × rebate rate", cite, _SUMMARY,
             "" if one else "Σ 离岸价 × 退税率"),
        Step("exempt_credit_refund_reduction", "当期免抵退税额抵减额", "reduction of the ceiling for duty-free materials",
             ceiling_red, "yuan",
             f"{materials} × {_pct(l0.rebate_rate)}" if one else "Σ duty-free materials × rebate rate", cite,
             _SUMMARY, "" if one else "Σ 免税购进原材料价格 × 退税率"),
        Step("exempt_credit_refund", "当期免抵退税额", "exempt-credit-refund amount (the ceiling)",
             ceiling, "yuan", f"{ceiling_gross} − {ceiling_red}", cite, _SUMMARY),
    ]
    if branch == "tax_payable":
        steps.append(Step("refund", "当期应退税额（当期应纳税额≥0，不退税）", "refund (tax is payable: none)",
                          refund, "yuan", "0", cite, _SUMMARY))
        steps.append(Step("exempt_credit", "当期免抵税额", "amount exempted and credited",
                          exempt, "yuan", f"{ceiling} − 0", cite, _SUMMARY))
    elif branch == "credit_within":
        steps.append(Step("refund", "当期应退税额（期末留抵税额≤免抵退税额）", "refund (end credit ≤ ceiling)",
                          refund, "yuan", f"end credit {end_credit}", cite, _SUMMARY, f"期末留抵税额 {end_credit}"))
        steps.append(Step("exempt_credit", "当期免抵税额", "amount exempted and credited",
                          exempt, "yuan", f"{ceiling} − {refund}", cite, _SUMMARY))
    else:
        steps.append(Step("refund", "当期应退税额（期末留抵税额>免抵退税额）", "refund (end credit > ceiling)",
                          refund, "yuan", f"ceiling {ceiling}", cite, _SUMMARY, f"免抵退税额 {ceiling}"))
        steps.append(Step("exempt_credit", "当期免抵税额", "amount exempted and credited",
                          exempt, "yuan", "0", cite, _SUMMARY))
    steps.append(Step("credit_carried", "结转下期继续抵扣的留抵税额", "credit carried to the next period",
                      carried, "yuan", f"{end_credit} − {refund}", cite, _VAT_RETURN))
    return ExemptCreditRefund(
        month.period, fob_cny, nd_gross, nd_red, nd, payable, tax_due, end_credit,
        ceiling_gross, ceiling_red, ceiling, refund, exempt, carried, branch, tuple(steps),
    )

"""A foreign-trade enterprise's 免退 (exempt and refund) — 财税〔2012〕39号 第五条第（二）项;
from 2026-01-01 财政部 税务总局公告2026年第11号 (secondary sources: same formula).

A foreign-trade enterprise (外贸企业) pays no VAT on what it exports (免) and gets back
the VAT charged when it bought the goods, at the rebate rate (退), one purchase line
at a time:

    增值税应退税额 = 增值税退（免）税计税依据 × 出口货物退税率

The base (计税依据) is the amount (excluding VAT) on the purchase special VAT invoice
(增值税专用发票), or the taxable value on the customs import VAT payment certificate
(海关进口增值税专用缴款书) for goods the enterprise imported (``basis="customs"``).

**The rate of a line** is either given (``rebate_rate``) or looked up with
:func:`~taxcalc.export.rebate_rate` from ``code`` and ``export_date`` in a catalogue,
as a trader (``exporter="trader"``): so the transitions apply — until 2018-07-31
(财税〔2018〕32号 第五条) and until 2019-06-30 (2019年第39号 第三条第二款) a product whose
rate was cut keeps the old rate if the VAT paid on purchase was the old levy rate
(``purchase_vat_rate``), and takes the new one otherwise.  Either way the rate is
never above the rate on the purchase invoice, and for goods bought from a
small-scale seller never above its collection rate (``supplier_collection_rate``) —
财税〔2012〕39号 第三条第（二）项 ("孰低").  taxcalc applies the invoice-rate cap to every
line; where the invoice rate is at least the rebate rate it changes nothing.  The cap's
step cites the law data ``export.exempt_refund.invoice_rate_cap`` on the export date
(国税发〔1994〕031号 to 2012-06-30, 39号 to 2025-12-31, 2026年第11号 from 2026-01-01).

**Rounding**: each line's refund is rounded half up to the fen (the purchase detail
return, 《外贸企业出口退税进货明细申报表》, shows it per line); the total is the sum of
the rounded lines.

**Coverage**: export dates from 2002-01-01 (law data ``export.method.exempt_refund``);
before 2018-05-01 a looked-up rate needs a catalogue row covering the export date
(see :func:`~taxcalc.export.rebate_rate`).  From 2002-01-01 to 2012-06-30 the method
is that of 国税发〔1994〕031号 (refund = purchase-invoice amount × rebate rate, never
above the VAT on the invoice; texts seen in secondary sources only).  The collection-rate
cap is the rule of 财税〔2012〕39号 (``export.exempt_refund.collection_rate_cap``): a line
that needs it before 2012-07-01 is refused as outside the data, because goods bought
from small-scale sellers were then refunded under a different rule (listed 特准 goods
only, ordinary-invoice amount ÷ (1 + 征收率) × 退税率) that taxcalc does not model.  From 2026-01-01 the method is that of
财政部 税务总局公告2026年第11号, which replaces 财税〔2012〕39号; its text was not seen, and
agreeing secondary sources say the formula and the 孰低 cap are kept, so taxcalc
applies them unchanged and cites 11号 with its article marked 条次未核实 (not verified).
11号's 36-month claim limit is not modelled (see docs/law-audit.md).

>>> from taxcalc.export import PurchaseLine, exempt_refund
>>> r = exempt_refund([
...     PurchaseLine(amount="100000", purchase_vat_rate="16%", rebate_rate="16%", export_date="2019-06-30"),
...     PurchaseLine(amount="50000", purchase_vat_rate="3%", rebate_rate="13%", export_date="2019-07-01"),
... ])
>>> [ln.refund for ln in r.lines], r.total
([Decimal('16000.00'), Decimal('1500.00')], Decimal('17500.00'))
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..errors import InvalidInput, NotMoney, UnknownCategory
from ..explain import Explained, Step
from ..law import Law, default
from ..money import (
    CONTEXT,
    FEN,
    ZERO,
    DateLike,
    MoneyLike,
    date_arg,
    mul,
    nonnegative_money,
    rate,
    round_fen,
    total,
)
from ._input import record
from .catalogue import MAX_RATE, Catalogue
from .rebate_rate import INVOICE_CAP_KEY, RebateRate, rebate_rate

__all__ = ["BASES", "ExemptRefund", "ExemptRefundLine", "PurchaseLine", "exempt_refund"]

METHOD_KEY = "export.method.exempt_refund"
#: The 孰低 rule for goods bought from small-scale sellers (财税〔2012〕39号 第三条第（二）项).
COLLECTION_CAP_KEY = "export.exempt_refund.collection_rate_cap"
#: ``invoice`` (增值税专用发票) or ``customs`` (海关进口增值税专用缴款书).
BASES = ("invoice", "customs")
_FORM = "《外贸企业出口退税进货明细申报表》"


def _pct(d: Decimal) -> str:
    return format(mul(d, Decimal(100)).normalize(CONTEXT), "f") + "%"


@dataclass(frozen=True, slots=True)
class PurchaseLine:
    """One purchase line of exported goods.

    ``amount`` is the base in yuan (fen at most); ``purchase_vat_rate`` the rate on the
    invoice (or the import VAT rate).  Give ``rebate_rate`` directly, or ``code`` and
    a catalogue to :func:`exempt_refund`.  ``export_date`` (the export date on the
    customs declaration) is always needed: it decides the rate and the coverage.
    """

    amount: Decimal
    purchase_vat_rate: Decimal
    export_date: _dt.date
    rebate_rate: Decimal | None = None
    code: str | None = None
    supplier_collection_rate: Decimal | None = None
    levy_rate: Decimal | None = None
    basis: str = "invoice"

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, amount: MoneyLike, purchase_vat_rate: MoneyLike, export_date: DateLike,
            rebate_rate: MoneyLike | None = ..., code: str | None = ...,
            supplier_collection_rate: MoneyLike | None = ..., levy_rate: MoneyLike | None = ...,
            basis: str = ...) -> None: ...

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        amount = nonnegative_money(self.amount, "amount")
        if amount != amount.quantize(FEN, context=CONTEXT):
            raise InvalidInput("amount", f"must be in yuan and fen (at most 2 decimals), got {amount}")
        set_(self, "amount", amount)
        set_(self, "purchase_vat_rate", rate(self.purchase_vat_rate, "purchase_vat_rate", maximum=MAX_RATE))
        set_(self, "export_date", date_arg(self.export_date, "export_date"))
        for name in ("rebate_rate", "supplier_collection_rate", "levy_rate"):
            v = getattr(self, name)
            if v is not None:
                set_(self, name, rate(v, name, maximum=MAX_RATE))
        if self.basis not in BASES:
            raise UnknownCategory("basis", self.basis, BASES)
        if self.rebate_rate is None and self.code is None:
            raise InvalidInput("rebate_rate", "give the rebate rate, or a product code to look it up")
        if self.rebate_rate is not None and self.code is not None:
            raise InvalidInput("code", "give either the rebate rate or a product code, not both")


@dataclass(frozen=True, slots=True)
class ExemptRefundLine(Explained):
    """The refund of one purchase line; ``rate_detail`` is the looked-up rate, if any."""

    index: int
    amount: Decimal
    rate: Decimal
    refund: Decimal
    rate_detail: RebateRate | None
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class ExemptRefund(Explained):
    """The 免退 refund: one result per purchase line and their total."""

    lines: tuple[ExemptRefundLine, ...]
    total: Decimal
    steps: tuple[Step, ...]


def _purchase(item: object, i: int) -> PurchaseLine:
    return record(item, PurchaseLine, f"lines[{i}]", "a purchase line")


def exempt_refund(
    lines: Iterable[PurchaseLine | Mapping[str, object]],
    *,
    catalogue: Catalogue | None = None,
    law: Law | None = None,
) -> ExemptRefund:
    """The 免退 refund of the purchase lines (see the module documentation)."""
    if isinstance(lines, PurchaseLine | Mapping) or not isinstance(lines, Iterable):
        raise InvalidInput("lines", "must be a sequence of purchase lines")
    items = tuple(_purchase(item, i) for i, item in enumerate(lines))
    if not items:
        raise InvalidInput("lines", "at least one purchase line is needed")
    if any(p.code is not None for p in items) and not isinstance(catalogue, Catalogue):
        raise InvalidInput("catalogue", "needed to look up the rate of a line given by product code")
    data = law or default()
    methods = [data.value(METHOD_KEY, p.export_date) for p in items]  # coverage, all lines first
    details: list[RebateRate | None] = []
    for i, p in enumerate(items):
        if p.code is None:
            details.append(None)
            continue
        assert catalogue is not None
        try:
            details.append(rebate_rate(
                p.code, p.export_date, catalogue=catalogue, exporter="trader",
                purchase_vat_rate=p.purchase_vat_rate, supplier_collection_rate=p.supplier_collection_rate,
                levy_rate=p.levy_rate, law=data,
            ))
        except InvalidInput as exc:
            raise InvalidInput(f"lines[{i}].{exc.field}", exc.reason) from None
        except NotMoney as exc:
            raise NotMoney(f"lines[{i}].{exc.field}", exc.reason) from None
    out: list[ExemptRefundLine] = []
    for i, (p, method, detail) in enumerate(zip(items, methods, details, strict=True)):
        cite = (method.citation,)
        steps: list[Step] = []
        base_zh = "增值税专用发票注明的金额" if p.basis == "invoice" else "海关进口增值税专用缴款书注明的完税价格"
        base_en = "amount on the special VAT invoice" if p.basis == "invoice" else "taxable value on the customs payment certificate"
        steps.append(Step("base", f"退（免）税计税依据：{base_zh}", f"base: {base_en}", p.amount, "yuan", "", cite, _FORM))
        if detail is not None:
            r = detail.rate
            steps.extend(detail.steps)
        else:
            assert p.rebate_rate is not None
            r = p.rebate_rate
            steps.append(Step("rebate_rate", "出口退税率（给定）", "rebate rate (given)", r, "rate", "", (), _FORM))
            if p.supplier_collection_rate is not None and p.supplier_collection_rate < r:
                cap = data.value(COLLECTION_CAP_KEY, p.export_date)  # before 2012-07: outside the data
                r = p.supplier_collection_rate
                steps.append(Step(
                    "collection_cap", "从小规模纳税人购进：退税率为其征收率（孰低）",
                    "bought from a small-scale seller: at most its collection rate",
                    r, "rate", f"min(rate, {_pct(r)})", (cap.citation,),
                    formula_zh=f"min(退税率, {_pct(r)})",
                ))
            if p.purchase_vat_rate < r:
                r = p.purchase_vat_rate
                steps.append(Step(
                    "invoice_cap", "专用发票税率与出口退税率孰低", "the lower of the invoice rate and the rebate rate",
                    r, "rate", f"min(rate, {_pct(r)})", (data.value(INVOICE_CAP_KEY, p.export_date).citation,),
                    formula_zh=f"min(退税率, {_pct(r)})",
                ))
        refund = round_fen(mul(p.amount, r))
        steps.append(Step(
            "refund", "增值税应退税额", "VAT refund of the line", refund, "yuan",
            f"{p.amount} × {_pct(r)}", cite, _FORM,
        ))
        out.append(ExemptRefundLine(i, p.amount, r, refund, detail, tuple(steps)))
    amount = total(ln.refund for ln in out)
    summary = [
        Step(f"refund[{ln.index}]", f"第{ln.index + 1}行应退税额", f"refund of line {ln.index + 1}",
             ln.refund, "yuan", f"{ln.amount} × {_pct(ln.rate)}", (methods[ln.index].citation,), _FORM)
        for ln in out
    ]
    summary.append(Step("total", "增值税应退税额合计", "total VAT refund", amount if out else ZERO, "yuan",
                        "Σ refund of each line", (methods[0].citation,), _FORM, "Σ 各行应退税额"))
    return ExemptRefund(tuple(out), amount, tuple(summary))

"""The year's VAT computation, shared by the VAT and export sections of the report.

One pass over the year's tax periods (months, or quarters for a quarterly filer)
of a general taxpayer (一般纳税人):

1. **Output VAT** (销项税额) of each row of sales: sales excluding VAT × the rate of
   its band in force on the tax point (``vat.rate.<band>``), rounded half up to
   the fen as on the return (附列资料（一）).  Every rate switch in the law data
   falls on the first of a month; a month in which a rate would change is
   refused, naming the row.
2. **Input VAT** (进项税额): vouchers (增值税专用发票, 海关进口增值税专用缴款书) as
   shown; farm produce bought on purchase or sales invoices (农产品收购发票、销售发
   票) as ``ROUND(买价 × 扣除率, 2)`` by :func:`taxcalc.vat.agricultural_input_tax`,
   at the higher rate for produce going into goods of the ``standard`` band (the
   top rate: 17%, 16%, 13%) — ``use = "standard"`` in the input.
3. **Exports of a manufacturer** (生产企业, 免抵退): each export's rebate rate
   (退税率) comes from the input (``rebate_rate``) or the catalogue
   (:func:`taxcalc.export.rebate_rate`, with the law's tier rules, transitions and
   caps); its levy rate (征税率) is the rate of its ``band`` on the export date.  A
   period with exports is computed by :func:`taxcalc.export.exempt_credit_refund`,
   which decides the period's tax, refund (应退税额), exempt-credit amount (免抵税额)
   and the credit carried; a period without exports is the same formula without
   them, computed by :func:`taxcalc.vat.period_tax`: ``应纳税额 = 销项税额 − 进项税额 −
   上期留抵税额``, a negative result being the credit carried forward (期末留抵税额).
   The VAT section and the export section both show these figures, with the
   citations of those rules.
4. **The 2018 refund of excess input credits** (财税〔2018〕70号), when the input
   claims it: :func:`taxcalc.export.excess_credit_refund_2018` with the credit at
   the end of the period before the application (from step 3) and the credit
   carried into the year (``vat.opening_credit``) as the 2017 year-end cap.  The
   refund is taken out of the credit at the start of the application period (the
   report's reading: the refunded credit can no longer be deducted).
   **From 2019, the refund of excess input credit** (留抵退税, ``[vat.excess_credit_refund]``,
   monthly filers): :func:`taxcalc.vat.excess_credit_refund` with the end credits of the
   months before the application (those given, December of the year before as
   ``vat.opening_credit``, and the report's periods from January), taken out of the
   credit at the start of the application period in the same way.
   **The super-credit** (加计抵减, ``[vat] super_credit_policy``):
   :func:`taxcalc.vat.super_credit` in each period, on the period's input VAT, against
   its tax payable (after 免抵退 in a period with exports, whose input attributable to
   exports — input × export sales ÷ all sales, the notices' formula for input that
   cannot be split — earns none); its balance carried from period to period.
5. **Exports of a trading firm** (外贸企业, 免退): :func:`taxcalc.export.exempt_refund`
   per purchase line; these purchases are not in the domestic input VAT (list
   under ``purchases`` only what is credited against domestic sales).

**Before 2018-05-01** :func:`taxcalc.export.rebate_rate` does not answer (its
general rules start then); for such an export the report uses the catalogue row
covering the export date as written, capped at the levy rate, and says so.  The
same holds under an "as known on" view that predates the publication of those
rules (``--known-on 2017-12-31``): the law then had no rule changing the rate, so
the row in force on the view's day is used for a later export, as written.

Rounding happens only where the rule functions round (output VAT per row,
agricultural input per purchase, the 免抵退 return lines); the period figures are
sums and differences of those.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .. import calendar as _calendar
from ..errors import InvalidInput, OutsideCoverage
from ..explain import Citation, Step
from ..export import (
    Catalogue,
    ExcessCreditRefund2018,
    ExemptCreditRefund,
    ExemptCreditRefundInput,
    ExemptRefund,
    ExportLine,
    PurchaseLine,
    RebateRate,
    bonded_materials,
    excess_credit_refund_2018,
    exempt_credit_refund,
    exempt_refund,
    rebate_rate,
)
from ..export.rebate_rate import catalogue_citation, general_rules_start
from ..format import format_rate
from ..law import Law, LawValue
from ..money import ZERO, add, div, mul, round_fen, sub, total
from ..vat import (
    ExcessCreditRefund,
    PeriodTax,
    SuperCredit,
    agricultural_deduction_rate,
    agricultural_input_tax,
    excess_credit_refund,
    period_tax,
    super_credit,
)
from .context import blame
from .input import Export, Problem, ReportInput, ReportInputError

__all__ = [
    "AgriRow",
    "ExportRate",
    "Ledger",
    "OutputRow",
    "Period",
    "build_ledger",
    "month_end",
    "month_rate",
    "period_start",
]

#: The first export date :func:`taxcalc.export.rebate_rate` answers for (law data key).
RATE_COVERAGE_KEY = "export.rate_change.carry_forward"
# The rebate rate never exceeds the levy rate.  No law key holds this citation yet:
# the rebate-rate rule (taxcalc.export.rebate_rate) writes it in its own step the same
# way; when that rule reads it from a key, this takes the key's citation instead.
_LEVY_CAP = Citation("财税〔2012〕39号", "第三条第（一）项")


def month_end(month: _dt.date) -> _dt.date:
    """The last day of ``month``'s month."""
    return _calendar.month_end(month.year, month.month)


def period_start(day: _dt.date, period: str) -> _dt.date:
    """The first day of the month (or calendar quarter, for ``"quarter"``) containing ``day``."""
    return _calendar.quarter_start(day) if period == "quarter" else _calendar.month_start(day)


def _next_period(start: _dt.date, period: str) -> _dt.date:
    return _calendar.add_months(start, 3 if period == "quarter" else 1)


def month_rate(law: Law, band: str, month: _dt.date, field: str = "month") -> LawValue:
    """The rate of ``band`` for the whole ``month``; refuses a month in which it changes.

    >>> from taxcalc import law
    >>> month_rate(law.default(), "standard", _dt.date(2018, 5, 1)).value
    Decimal('0.16')
    """
    key = f"vat.rate.{band}"
    first = law.value(key, month)
    last = law.value(key, month_end(month))
    if first != last:
        raise InvalidInput(
            field,
            f"the rate of {key} changes within {month:%Y-%m} ({first.shown()} → {last.shown()}); "
            "this month cannot be reported as one figure",
        )
    return first


# -- results -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutputRow:
    """Output VAT of one row of sales (``index`` is its position in the input's ``sales``)."""

    index: int
    month: _dt.date
    band: str
    sales: Decimal
    rate: Decimal
    output: Decimal
    cite: Citation


@dataclass(frozen=True, slots=True)
class AgriRow:
    """Input VAT of one agricultural purchase, with the rates the savings compare it with.

    ``ordinary_rate`` is the ordinary deduction rate the same day; ``start_rate``
    the rate of the same kind (top-rate goods or not) at the start of the year.
    """

    index: int
    month: _dt.date
    price: Decimal
    top: bool
    rate: Decimal
    input_tax: Decimal
    cite: Citation
    ordinary_rate: Decimal
    ordinary_cite: Citation
    start_rate: Decimal
    start_cite: Citation


@dataclass(frozen=True, slots=True)
class ExportRate:
    """The levy and rebate rate of one export (``index`` is its position in ``exports``).

    ``source``: ``given`` (the input's ``rebate_rate``), ``catalogue`` (a catalogue
    row covers the date), ``derived`` (carried from an earlier row by the law's
    general rules) or ``listed`` (a notice names the code).
    """

    index: int
    export: Export
    levy_rate: Decimal
    levy_cite: Citation
    rate: Decimal
    source: str
    cites: tuple[Citation, ...]
    transition: bool
    assumptions: tuple[str, ...]
    assumptions_zh: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Period:
    """One tax period of a general taxpayer: 应纳税额, refund and the credit carried.

    ``opening_credit`` is 上期留抵税额 after any refund of excess credits (the 2018
    one, or one from 2019: ``credit_refund``) taken out at the start of the period; ``tax_payable`` is
    当期应纳税额 (negative: a credit); ``refund`` and ``exempt_credit`` are the
    免抵退 figures (zero without exports); ``credit_carried`` is carried to the next
    period.  ``exports`` is the period's 免抵退 (with exports), ``tax`` its
    :func:`taxcalc.vat.period_tax` (without): the explained rule the figures come from;
    ``super_credit`` the period's :func:`taxcalc.vat.super_credit` (加计抵减), already
    taken off ``tax_payable`` and ``tax_due``.
    """

    start: _dt.date
    output: Decimal
    input_vouchers: Decimal
    input_agricultural: Decimal
    credit_refund: Decimal
    opening_credit: Decimal
    non_creditable: Decimal
    tax_payable: Decimal
    tax_due: Decimal
    end_credit: Decimal
    refund: Decimal
    exempt_credit: Decimal
    credit_carried: Decimal
    exports: ExemptCreditRefund | None = None
    export_indexes: tuple[int, ...] = ()
    tax: PeriodTax | None = None
    super_credit: SuperCredit | None = None

    @property
    def tax_cite(self) -> tuple[Citation, ...]:
        """The citations of the period's tax payable (应纳税额)."""
        return _cites(self.exports or self.tax, "tax_payable")

    @property
    def credit_cite(self) -> tuple[Citation, ...]:
        """The citations of the credit carried to the next period (期末留抵税额)."""
        return _cites(self.exports or self.tax, "credit_carried")

    @property
    def input_tax(self) -> Decimal:
        """当期进项税额: vouchers plus agricultural deductions."""
        return add(self.input_vouchers, self.input_agricultural)


def _cites(result: ExemptCreditRefund | PeriodTax | None, name: str) -> tuple[Citation, ...]:
    if result is None:
        return ()
    for s in result.steps:
        if s.name == name:
            return s.cite
    return ()


@dataclass(frozen=True, slots=True)
class Ledger:
    """Everything :func:`build_ledger` computes for one report (``catalogue``: the rebate-rate catalogue used)."""

    outputs: tuple[OutputRow, ...] = ()
    agricultural: tuple[AgriRow, ...] = ()
    vouchers: tuple[tuple[_dt.date, Decimal], ...] = ()
    periods: tuple[Period, ...] = ()
    export_rates: tuple[ExportRate, ...] = ()
    trader_refund: ExemptRefund | None = None
    excess_credit: ExcessCreditRefund2018 | None = None
    excess_period: _dt.date | None = None
    catalogue: Catalogue | None = None
    refund: ExcessCreditRefund | None = None
    refund_period: _dt.date | None = None


# -- the computation ----------------------------------------------------------------------


def _step_cite(steps: Iterable[Step], name: str) -> Citation:
    for s in steps:
        if s.name == name and s.cite:
            return s.cite[0]
    raise AssertionError(f"no step {name!r} with a citation")  # pragma: no cover


def _outputs(facts: ReportInput, law: Law) -> tuple[OutputRow, ...]:
    rows = []
    for i, s in sorted(enumerate(facts.sales), key=lambda p: (p[1].month, p[1].band, p[1].kind)):
        v = month_rate(law, s.band, s.month, f"sales[{i}].month")
        r = v.value
        assert isinstance(r, Decimal)
        rows.append(OutputRow(i, s.month, s.band, s.amount, r, round_fen(mul(s.amount, r)), v.citation))
    return tuple(rows)


def year_start_rate(law: Law, key: str, year: int) -> LawValue:
    """The value of ``key`` at the start of ``year`` (or on its first day, if it starts later in the year)."""
    jan1 = _dt.date(year, 1, 1)
    try:
        return law.value(key, jan1)
    except OutsideCoverage:
        first = law.spec(key).first
        if first is not None and first.year == year:
            return law.value(key, first)
        raise


def _agricultural(facts: ReportInput, law: Law) -> tuple[AgriRow, ...]:
    rows = []
    for i, p in enumerate(facts.purchases):
        if p.kind != "agricultural":
            continue
        top = p.use == "standard"
        path = f"purchases[{i}]"
        with blame(path, {"purchase_price": "amount", "on": "month"}):
            got = agricultural_input_tax(p.amount, p.month, for_top_rate_goods=top, law=law)
            last = agricultural_deduction_rate(month_end(p.month), for_top_rate_goods=top, law=law)
            ordinary = agricultural_deduction_rate(p.month, law=law) if top else None
        if last.rate != got.rate:
            raise ReportInputError([Problem(
                f"{path}.month",
                f"the agricultural deduction rate changes within {p.month:%Y-%m} "
                f"({got.rate} → {last.rate}); this month cannot be reported as one figure",
            )])
        key = "vat.agri.deduction_rate_top_rate_goods" if top else "vat.agri.deduction_rate"
        start = year_start_rate(law, key, facts.year)
        assert isinstance(start.value, Decimal)
        cite = _step_cite(got.steps, "rate")
        rows.append(AgriRow(
            i, p.month, p.amount, top, got.rate, got.input_tax, cite,
            ordinary.rate if ordinary else got.rate,
            _step_cite(ordinary.steps, "rate") if ordinary else cite,
            start.value, start.citation,
        ))
    return tuple(rows)


def _row_cite(cat: Catalogue, code: str, day: _dt.date) -> tuple[Decimal | None, Decimal | None, Citation | None]:
    row = cat.lookup(code, day)
    if row is None:
        return None, None, None
    return row.rate, row.levy, catalogue_citation(cat, row)


def _rules_known(law: Law, day: _dt.date) -> bool:
    """Whether :func:`taxcalc.export.rebate_rate`'s rules for ``day`` are known to ``law`` (an "as known on" view may
    predate their publication)."""
    if law.known_on is None:
        return True
    try:
        return law.value(RATE_COVERAGE_KEY, day).value is True
    except OutsideCoverage:
        return False


def _rates_replaced(what_if: tuple[str, ...]) -> bool:
    return any(k.startswith("vat.rate.") for k in what_if)


def _export_rate(
    facts: ReportInput, law: Law, cat: Catalogue | None, what_if: tuple[str, ...], i: int, x: Export,
) -> ExportRate:
    exporter = facts.enterprise.exporter
    path = f"exports[{i}]"
    with blame(f"{path}.date", coverage=True):
        levy_v = law.value(f"vat.rate.{x.band}", x.date)
    levy = levy_v.value
    assert isinstance(levy, Decimal)
    if x.rebate_rate is not None:
        return ExportRate(i, x, levy, levy_v.citation, x.rebate_rate, "given", (), transition=False,
                          assumptions=(), assumptions_zh=())
    if cat is None:
        raise ReportInputError([Problem(
            "catalogue",
            f"missing: {path} gives hs_code {x.hs_code} without rebate_rate; name a catalogue file "
            '(.csv or .toml) or "sample"',
        )])
    first = general_rules_start(law)
    unknown = x.date >= first and not _rules_known(law, x.date)
    if x.date < first or unknown:
        known_on = law.known_on
        day = known_on if unknown and known_on is not None and known_on < x.date else x.date
        rate, row_levy, cite = _row_cite(cat, x.hs_code, day)
        if cite is None or rate is None:
            reason = (f"{x.hs_code} is not in the catalogue {cat.label()}" if cat.resolve(x.hs_code) is None
                      else f"no row of the catalogue {cat.label()} for {x.hs_code} covers {day}")
            raise ReportInputError([Problem(f"{path}.hs_code", reason)])
        if row_levy is not None and row_levy != levy and not _rates_replaced(what_if):
            raise ReportInputError([Problem(
                f"{path}.band",
                f"the rate of band {x.band!r} on {x.date} is {levy_v.shown()}, but the catalogue gives "
                f"{x.hs_code} a levy rate of {format_rate(row_levy, 'en')}",
            )])
        cites: tuple[Citation, ...] = (cite,)
        if rate > levy:
            rate, cites = levy, (cite, _LEVY_CAP)
        if unknown:
            note = (f"{x.hs_code} {x.date}: as known on {known_on} no rule of taxcalc's data had changed the "
                    f"rate, so the rebate rate is the catalogue row in force on {day}, as written")
            note_zh = (f"{x.hs_code} {x.date}：依{known_on}已公布的规定，本库数据中尚无调整该退税率的规则，"
                       f"故按目录中{day}有效的一行取退税率")
        else:
            note = (f"{x.hs_code} {x.date}: before {first} the rebate rate is the catalogue row as written "
                    "(taxcalc's general rate rules start then)")
            note_zh = (f"{x.hs_code} {x.date}：{first}以前按目录所列退税率（本库的一般调整规则自该日起）")
        return ExportRate(i, x, levy, levy_v.citation, rate, "catalogue", cites, transition=False,
                          assumptions=(note,), assumptions_zh=(note_zh,))
    rename = {"code": "hs_code", "levy_rate": "band", "catalogue": "hs_code", "export_date": "date",
              "purchase_vat_rate": "purchase_vat_rate", "supplier_collection_rate": "supplier_collection_rate"}
    trader = exporter == "trader"
    def lookup(levy_rate: Decimal | None) -> RebateRate:
        with blame(path, rename, coverage=True):
            return rebate_rate(
                x.hs_code, x.date, catalogue=cat, exporter=exporter,
                purchase_vat_rate=x.purchase_vat_rate if trader else None,
                supplier_collection_rate=x.supplier_collection_rate if trader else None,
                levy_rate=levy_rate, law=law,
            )

    # The band's rate is passed only when the catalogue cannot tell the levy rate itself
    # (and then to check it): under a what-if of the VAT rates the two may differ.
    try:
        got = lookup(None)
    except ReportInputError as exc:
        if exc.field != f"{path}.band":
            raise
        got = lookup(levy)
    if got.levy_rate is not None and got.levy_rate != levy and not _rates_replaced(what_if):
        raise ReportInputError([Problem(
            f"{path}.band",
            f"the rate of band {x.band!r} on {x.date} is {levy_v.shown()}, but the catalogue gives "
            f"{x.hs_code} a levy rate of {format_rate(got.levy_rate, 'en')}",
        )])
    seen: dict[Citation, None] = {}
    for s in got.steps:
        if s.name == "export_date":
            continue
        for c in s.cite:
            if c.doc != "taxcalc":
                seen.setdefault(c)
    return ExportRate(i, x, levy, levy_v.citation, got.rate, got.source, tuple(seen), got.transition,
                      tuple(f"{x.hs_code} {x.date}: {a}" for a in got.assumptions),
                      tuple(f"{x.hs_code} {x.date}：{a}" for a in got.assumptions_zh))


def _excess_credit(facts: ReportInput, law: Law, prior_credit: Decimal) -> ExcessCreditRefund2018:
    claim = facts.excess_credit_refund_2018
    assert claim is not None
    if facts.enterprise.registered is None:
        raise ReportInputError([Problem(
            "enterprise.registered", "missing: needed for excess_credit_refund_2018 (it decides the ratio period)",
        )])
    rename = {"applied_on": "applied_on", "credit_rating": "credit_rating", "industry": "industry",
              "listed_input_tax": "listed_input_tax", "total_input_tax": "total_input_tax",
              "grid_company": "grid_company"}
    with blame("excess_credit_refund_2018", rename):
        if facts.enterprise.registered > claim.applied_on:
            raise InvalidInput("applied_on", f"{claim.applied_on} is before the registration day "
                               f"{facts.enterprise.registered}")
        try:
            return excess_credit_refund_2018(
                credit_rating=claim.credit_rating, registered_on=facts.enterprise.registered,
                listed_input_tax=claim.listed_input_tax, total_input_tax=claim.total_input_tax,
                prior_period_end_credit=prior_credit, end_2017_credit=facts.vat.opening_credit,
                applied_on=claim.applied_on, industry=claim.industry or None,
                grid_company=claim.grid_company, law=law,
            )
        except OutsideCoverage as exc:
            raise InvalidInput("applied_on", str(exc)) from None
        except InvalidInput as exc:
            if exc.field == "end_2017_credit":
                raise ReportInputError([Problem("vat.opening_credit", exc.reason)]) from None
            raise


def build_ledger(
    facts: ReportInput,
    law: Law,
    catalogue: Catalogue | None = None,
    what_if: tuple[str, ...] = (),
) -> Ledger:
    """Compute the year's VAT periods, export rates and refunds (see the module documentation).

    ``catalogue`` is the rebate-rate catalogue (see
    :func:`taxcalc.report.context.resolve_catalogue`); ``what_if`` names the law keys
    a what-if replaced in ``law`` (a levy rate from the catalogue may then differ
    from the band's).
    """
    ent = facts.enterprise
    if ent.vat_taxpayer != "general":
        return Ledger(catalogue=catalogue)
    outputs = _outputs(facts, law)
    agri = _agricultural(facts, law)
    rates = tuple(_export_rate(facts, law, catalogue, what_if, i, x) for i, x in enumerate(facts.exports))
    trader = None
    if ent.exporter == "trader" and rates:
        lines = []
        for r in rates:
            assert r.export.purchase_amount is not None and r.export.purchase_vat_rate is not None
            lines.append(PurchaseLine(
                amount=r.export.purchase_amount, purchase_vat_rate=r.export.purchase_vat_rate,
                export_date=r.export.date, rebate_rate=r.rate,
                supplier_collection_rate=r.export.supplier_collection_rate, basis=r.export.basis,
            ))
        with blame("exports", coverage=True):
            trader = exempt_refund(lines, law=law)

    period = ent.vat_period
    by_output: dict[_dt.date, list[Decimal]] = defaultdict(list)
    by_sales: dict[_dt.date, list[Decimal]] = defaultdict(list)
    for o in outputs:
        by_output[period_start(o.month, period)].append(o.output)
        by_sales[period_start(o.month, period)].append(o.sales)
    by_voucher: dict[_dt.date, list[Decimal]] = defaultdict(list)
    vouchers: dict[_dt.date, Decimal] = defaultdict(lambda: ZERO)
    for buy in facts.purchases:
        if buy.kind in ("invoice", "customs") and buy.vat is not None:
            by_voucher[period_start(buy.month, period)].append(buy.vat)
            vouchers[buy.month] = add(vouchers[buy.month], buy.vat)
    by_agri: dict[_dt.date, list[Decimal]] = defaultdict(list)
    for a in agri:
        by_agri[period_start(a.month, period)].append(a.input_tax)
    by_export: dict[_dt.date, list[ExportRate]] = defaultdict(list)
    if ent.exporter == "manufacturer":
        for r in rates:
            by_export[period_start(r.export.date, period)].append(r)
    claim = facts.excess_credit_refund_2018
    claim_period = period_start(claim.applied_on, period) if claim is not None else None

    starts = {*by_output, *by_voucher, *by_agri, *by_export}
    if claim_period is not None:
        starts.add(claim_period)
    refund_claim = facts.vat.excess_credit_refund
    refund_period = period_start(refund_claim.applied_on, period) if refund_claim is not None else None
    if refund_period is not None:  # the months from January on give the end credits before the application
        starts |= {refund_period, period_start(_dt.date(facts.year, 1, 1), period)}
    policy = facts.vat.super_credit_policy
    sc_balance = facts.vat.super_credit_brought_forward
    refund: ExcessCreditRefund | None = None
    if facts.vat.opening_credit > 0:
        starts.add(period_start(_dt.date(facts.year, 1, 1), period))
    periods: list[Period] = []
    carried = facts.vat.opening_credit
    excess: ExcessCreditRefund2018 | None = None
    if starts:
        p, last = min(starts), max(starts)
        while p <= last:
            credit_refund = ZERO
            if p == claim_period:
                excess = _excess_credit(facts, law, carried)
                credit_refund = excess.refund
                carried = sub(carried, credit_refund)
            if p == refund_period:
                refund = _refund(facts, law, periods)
                credit_refund = refund.refund
                carried = sub(carried, credit_refund)
            out = total(by_output.get(p, ()))
            vch = total(by_voucher.get(p, ()))
            agr = total(by_agri.get(p, ()))
            inp = add(vch, agr)
            exports = by_export.get(p)
            if exports:
                month = ExemptCreditRefundInput(
                    period=p,
                    exports=tuple(
                        ExportLine(fob=r.export.fob, levy_rate=r.levy_rate, rebate_rate=r.rate,
                                   exempt_materials=r.export.exempt_materials,
                                   bonded_materials=_bonded(r.export, p, law))
                        for r in exports
                    ),
                    domestic_output_tax=out, input_tax=inp, opening_credit=carried,
                )
                with blame(f"exports[{exports[0].index}].date", coverage=True):
                    e = exempt_credit_refund(month, law=law)
                sc = None
                if policy is not None:
                    share_of = _export_input(inp, total(by_sales.get(p, ())), e.fob_cny)
                    sc = _super_credit(facts, law, p, policy, inp, e.tax_due, sc_balance, share_of)
                    sc_balance = sc.carried
                used = sc.used if sc is not None else ZERO
                periods.append(Period(
                    p, out, vch, agr, credit_refund, carried, e.non_creditable, sub(e.tax_payable, used),
                    sub(e.tax_due, used), e.end_credit, e.refund, e.exempt_credit, e.credit_carried, e,
                    tuple(r.index for r in exports), super_credit=sc,
                ))
                carried = e.credit_carried
            else:
                t = period_tax(p, out, inp, carried, law=law)
                sc = None
                if policy is not None:
                    sc = _super_credit(facts, law, p, policy, inp, t.tax_payable, sc_balance, ZERO)
                    sc_balance = sc.carried
                used = sc.used if sc is not None else ZERO
                periods.append(Period(
                    p, out, vch, agr, credit_refund, carried, ZERO, sub(t.balance, used), sub(t.tax_payable, used),
                    t.credit_carried, ZERO, ZERO, t.credit_carried, tax=t, super_credit=sc,
                ))
                carried = t.credit_carried
            p = _next_period(p, period)
    return Ledger(outputs, agri, tuple(sorted(vouchers.items())), tuple(periods), rates, trader, excess,
                  claim_period, catalogue, refund=refund, refund_period=refund_period)


def _bonded(x: Export, period: _dt.date, law: Law) -> Decimal:
    """The export's bonded imports: as given, or by the consumption method (rule ``export.bonded_materials``)."""
    if x.allocation_rate is None:
        return x.bonded_materials
    return bonded_materials(period, "consumption", processing_fob=x.fob, allocation_rate=x.allocation_rate,
                            law=law).materials


def _export_input(input_tax: Decimal, domestic_sales: Decimal, export_sales: Decimal) -> Decimal:
    """Input VAT attributable to exports when it cannot be split (不得计提加计抵减额的进项税额):
    ``input × export sales ÷ all sales``, rounded half up to the fen (2019年第39号 第七条第（四）项)."""
    whole = add(domestic_sales, export_sales)
    if whole == 0:
        return ZERO
    return min(input_tax, round_fen(div(mul(input_tax, export_sales), whole)))


def _super_credit(facts: ReportInput, law: Law, start: _dt.date, policy: str, input_tax: Decimal,
                  tax_before: Decimal, balance: Decimal, export_input: Decimal) -> SuperCredit:
    with blame("vat", _SUPER_CREDIT_FIELDS, coverage=True):
        return super_credit(start, policy=policy, creditable_input_tax=input_tax, tax_before_credit=tax_before,
                            export_input_tax=export_input, sales_share=facts.vat.super_credit_sales_share,
                            brought_forward=balance, law=law)


_SUPER_CREDIT_FIELDS = {"policy": "super_credit_policy", "sales_share": "super_credit_sales_share",
                        "brought_forward": "super_credit_brought_forward"}
_REFUND_FIELDS = {name: name for name in (
    "applied_on", "category", "credit_rating", "listed_input_tax", "total_input_tax", "toll_road_input_tax",
    "base_credit", "prior_year_end_credit", "industry_sales_share", "size")} | {
    "end_credits": "earlier_end_credits", "months": "applied_on"}


def _refund(facts: ReportInput, law: Law, before: list[Period]) -> ExcessCreditRefund:
    """The refund of excess credit applied for (monthly filers): the end credits of the months before the
    application — the earlier ones given, December of the year before (``[vat] opening_credit``) and the
    report's own periods from January."""
    claim = facts.vat.excess_credit_refund
    assert claim is not None
    december = _dt.date(facts.year - 1, 12, 1)
    months: list[_dt.date] = []
    m = december
    for _ in claim.earlier_end_credits:
        m = (m - _dt.timedelta(days=1)).replace(day=1)
        months.insert(0, m)
    months += [december, *(p.start for p in before)]
    credits = [*claim.earlier_end_credits, facts.vat.opening_credit, *(p.credit_carried for p in before)]
    with blame("vat.excess_credit_refund", _REFUND_FIELDS, coverage=True):
        return excess_credit_refund(
            claim.applied_on, category=claim.category, credit_rating=claim.credit_rating, months=months,
            end_credits=credits, listed_input_tax=claim.listed_input_tax, total_input_tax=claim.total_input_tax,
            toll_road_input_tax=claim.toll_road_input_tax, base_credit=claim.base_credit,
            prior_year_end_credit=claim.prior_year_end_credit, industry_sales_share=claim.industry_sales_share,
            size=claim.size, stock_refunded=claim.stock_refunded, excluded=claim.excluded, law=law)

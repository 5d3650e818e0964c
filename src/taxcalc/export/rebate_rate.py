"""Which export rebate rate (出口退税率) applies to a product on an export date.

**The deciding date** is the export date on the customs declaration (出口货物报关单上注明
的出口日期) for goods, and the invoice date (出口发票的开具日期) for cross-border taxable
services (跨境应税行为) — 财税〔2012〕39号 第三条第（一）项; 财税〔2018〕32号 第五条第二款;
财税〔2018〕93号 第二条; 财税〔2018〕123号 第四条.  Pass that date as ``export_date``.

**Where the rate comes from.**  The rate of a product is the rate the official rate
library (出口退税率文库) gives it; taxcalc cannot ship that library, so the user
supplies the rows in a :class:`~taxcalc.export.catalogue.Catalogue`.  The law's
general rules (law data ``export.tier_*``) are applied on top:

* 2018-05-01 (财税〔2018〕32号 第四条): a rebate rate of 17% becomes 16% and one of 11%
  becomes 10%, only where the levy rate equalled the rebate rate;
* 2018-11-01 (财税〔2018〕123号): soybean meal (23040010, 23040090) loses its rebate
  (第二条); every other product with a rebate rate of 15%, 9% or 5% moves to 16%, 10%
  or 6% (第三条) — except the products 第一条 lists, whose list is not shipped;
* 2019-04-01 (2019年第39号 第三条): 16% becomes 13% and 10% becomes 9%, only where the
  levy rate equalled the rebate rate.

**Precedence**, for a product code and an export date:

1. A catalogue row whose window covers the date gives the rate — explicit rows win
   over the general mappings, and one row gives the same rate on every day of its
   window.  A row that cannot be true (its window spans a switch day on which the
   law certainly changed its rate or its levy, e.g. a 15% row across 2018-11-01,
   or a soybean-meal row at 5% across it) is refused with a
   :class:`~taxcalc.errors.LawDataError` naming the row.
2. Otherwise the rate is *derived* from the latest row that ended before the date:
   its rate is carried forward and every switch after its last day and up to the
   export date is applied in order.  A switch's listing (the soybean-meal codes)
   replaces its general mapping: a general mapping never applies to a code the
   notice listed.  For the lists taxcalc does not ship (93号, 123号 第一条, 2020年第15号,
   2021年第16号, 2021年第25号, 2024年第15号; law data ``export.rate_change.product_list``)
   the derivation assumes the product was *not* listed, and says so in
   :attr:`RebateRate.assumptions`: a listed product needs its own catalogue row.
3. A code with no row on or before the date has no rate, unless a listing of the
   law names it (soybean meal from 2018-11-01: 0).

"Levy = rebate" is tested with the row's ``levy`` column (tracked through the VAT
rate changes 17→16→13, 11→10→9 of 32号 第一条 and 2019年第39号 第一条), or with
``levy_rate`` (the product's levy rate on the export date, traced back); a rebate
rate of 17% (or 16% in 2019) can only equal the levy rate, as no levy rate was
higher.  When neither tells (an 11% or 10% rebate rate), ``levy_rate`` is required.

**Transitions.**  For a product whose rate a switch cut (its rate on the eve maps to
its rate on the switch day), exports up to 2018-07-31 (32号 第五条) and up to
2019-06-30 (2019年第39号 第三条第二款) keep the old rebate rate for a manufacturer
(免抵退, ``exporter="manufacturer"``); for a foreign-trade enterprise (免退,
``exporter="trader"``) the rate follows the VAT rate it paid on purchase
(``purchase_vat_rate``): the old rebate rate if it paid the old levy rate, else the
new one.  The day after the cutoff everyone has the new rate.  A manufacturer's old
rate may then exceed its levy rate; :func:`~taxcalc.export.exempt_credit_refund`
treats the negative levy−rebate difference as zero.

**Caps.**  For goods bought from a small-scale seller (or taxed by the simple
method) the rate is at most the seller's collection rate
(``supplier_collection_rate``), and for a trader never above the rate on the purchase
invoice — 财税〔2012〕39号 第三条第（二）项 ("孰低").  Outside a transition the rate never
exceeds the levy rate (``levy_rate``, or the catalogue's ``levy``): the library rate
is the levy rate unless a lower one is set (39号 第三条第（一）项); taxcalc enforces the
cap rather than trust a row above it.  The steps cite these rules as the law data
give them on the export date (``export.rebate_rate.export_date_rule``,
``export.rebate_rate.levy_rate_rule``, ``export.exempt_refund.invoice_rate_cap``):
财税〔2012〕39号 to 2025-12-31, 财政部 税务总局公告2026年第11号 (which replaced it; article
not verified) from 2026-01-01.
Before 2012-07-01 (before 39号) the deciding date cites the execution clause of the rate
notice in force (law data ``export.rate_change.product_list``), the cap at the levy rate
cites the highest rate of the day (``export.rebate_rate.cap``), the invoice cap the
trader's method of 国税发〔1994〕031号, and the collection-rate
cap is outside the data (law data ``export.exempt_refund.collection_rate_cap``: goods
bought from small-scale sellers were then refunded under another rule).

**Before 2018-05-01** every change of rates was made by a notice with a product list
(1999–2017: 国税明电〔1999〕11号, 财税〔2003〕222号, 〔2006〕139号, 〔2007〕90号, 〔2008〕138号,
144号, 〔2009〕43号, 88号, 〔2014〕150号, 〔2017〕37号 …), and taxcalc ships none of the
lists.  So a rate of that era comes only from a catalogue row covering the export
date; a rate is never carried forward across a day before 2018-05-01 (law data
``export.rate_change.carry_forward``), and a code without such a row is refused with
:class:`~taxcalc.errors.OutsideCoverage` naming the row that is missing.

**The highest rate of a day** (law data ``export.rebate_rate.cap``: 17% to 2018-04-30,
16% to 2019-03-31, 13% from 2019-04-01 — the highest VAT rate): a catalogue row above
it on the export date cannot be true and is refused with a
:class:`~taxcalc.errors.LawDataError` naming the row.

**Coverage**: export dates from 2002-01-01 on (law data
``export.rate_change.product_list``); before, :class:`~taxcalc.errors.OutsideCoverage`.

Nothing is rounded here: rates are exact.

>>> from taxcalc.export import Catalogue, rebate_rate
>>> sample = Catalogue.sample()
>>> r = rebate_rate("9901000010", "2018-05-01", catalogue=sample)
>>> r.rate, r.source, r.transition
(Decimal('0.17'), 'derived', True)
>>> rebate_rate("9901000010", "2018-08-01", catalogue=sample).rate
Decimal('0.16')
>>> rebate_rate("9901000020", "2018-11-01", catalogue=sample).rate   # 15% → 16%
Decimal('0.16')
>>> rebate_rate("23040010", "2018-11-01", catalogue=sample).rate     # soybean meal
Decimal('0')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput, LawDataError, OutsideCoverage, UnknownCategory
from ..explain import BilingualCitation, Citation, Explained, Step
from ..law import Law, LawValue, default
from ..money import CONTEXT, DateLike, MoneyLike, date_arg, rate
from ._levy_below_rebate import LEVY_BELOW_REBATE_KEY, levy_below_rebate_citations
from .catalogue import MAX_RATE, Catalogue, CatalogueRow

__all__ = ["EXPORTERS", "KINDS", "RebateRate", "catalogue_citation", "check_catalogue", "general_rules_start",
           "rebate_rate"]

#: ``manufacturer`` (生产企业, 免抵退) or ``trader`` (外贸企业, 免退).
EXPORTERS = ("manufacturer", "trader")
#: ``goods`` (出口货物) or ``service`` (跨境应税行为).
KINDS = ("goods", "service")

COVERAGE_KEY = "export.rate_change.product_list"
#: Whether a rate may be carried forward by the general rules (false before 2018-05-01).
CARRY_KEY = "export.rate_change.carry_forward"
#: The highest rebate rate of a day (the highest VAT rate).
CAP_KEY = "export.rebate_rate.cap"
#: The 孰低 rule for goods bought from small-scale sellers (财税〔2012〕39号 第三条第（二）项), from 2012-07-01.
COLLECTION_CAP_KEY = "export.exempt_refund.collection_rate_cap"
#: The deciding date (出口日期), from 2012-07-01 (财税〔2012〕39号, then 2026年第11号).
DATE_RULE_KEY = "export.rebate_rate.export_date_rule"
#: The rebate rate is the levy rate unless a lower one is set, from 2012-07-01.
LEVY_RULE_KEY = "export.rebate_rate.levy_rate_rule"
#: The trader's 孰低 of the purchase-invoice rate and the rebate rate.
INVOICE_CAP_KEY = "export.exempt_refund.invoice_rate_cap"
_RULES_PREFIX = "export.tier_"
_DAY = _dt.timedelta(days=1)
_EQUAL = "rebate_equals_levy"
_EXCEPT_LISTED = "all_except_listed"


def _pct(d: object) -> str:
    assert isinstance(d, Decimal)
    return format(CONTEXT.multiply(d, Decimal(100)).normalize(CONTEXT), "f") + "%"


# -- the law's rules, read once per Law view ------------------------------------------

@dataclass(frozen=True, slots=True)
class _Switch:
    day: _dt.date
    prefix: str
    condition: LawValue
    rebate: Mapping[Decimal, LawValue]
    levy: Mapping[Decimal, LawValue]
    services: frozenset[Decimal]
    cancelled: LawValue | None
    transition_key: str | None

    @property
    def equal_only(self) -> bool:
        return self.condition.value == _EQUAL

    def applies(self, old: Decimal, kind: str) -> LawValue | None:
        new = self.rebate.get(old)
        if new is None or (kind == "service" and old not in self.services):
            return None
        return new

    def lists(self, code: str, kind: str) -> bool:
        if kind != "goods" or self.cancelled is None:
            return False
        codes = self.cancelled.value
        assert isinstance(codes, tuple)
        return code in codes or code[:8] in codes

    def top_levy(self) -> Decimal | None:
        return max(self.levy) if self.levy else None


@dataclass(frozen=True, slots=True)
class _Rules:
    switches: tuple[_Switch, ...]
    notices: tuple[LawValue, ...]
    carry_from: _dt.date | None  # the first day from which a rate may be carried forward
    caps: tuple[LawValue, ...]


def general_rules_start(law: Law | None = None) -> _dt.date:
    """The day the general rules on rates start (2018-05-01): from it a rate is carried forward
    (law data ``export.rate_change.carry_forward``, as enacted today, whatever view ``law`` is).

    >>> general_rules_start()
    datetime.date(2018, 5, 1)
    """
    values = (law or default()).spec(CARRY_KEY).values
    first = values[-1].first
    for v in reversed(values):
        if v.value is not True:
            break
        first = v.first
    return first


def _carry_from(law: Law) -> _dt.date | None:
    """The first day of the open-ended stretch in which rates may be carried forward."""
    first: _dt.date | None = None
    for v in reversed(law.history(CARRY_KEY)):
        if v.value is not True:
            break
        first = v.first
    return first


def _old_rate(leaf: str, key: str) -> Decimal:
    digits = leaf.split("_", 1)[1]
    if not digits.isdigit():
        raise LawDataError(key, f"key name must end in a whole percentage, e.g. rebate_17 (got {leaf})")
    return CONTEXT.divide(Decimal(int(digits)), Decimal(100))


def _rules(law: Law) -> _Rules:
    """The tier rules of the law data (derived once per law)."""
    return law.memo(_read_rules)


def _read_rules(law: Law) -> _Rules:
    groups: dict[str, dict[str, str]] = {}
    for key in law.keys(_RULES_PREFIX):
        prefix, _, leaf = key.rpartition(".")
        groups.setdefault(prefix, {})[leaf] = key
    switches: list[_Switch] = []
    for prefix, leaves in sorted(groups.items()):
        if "condition" not in leaves:
            raise LawDataError(prefix, "a tier group needs a 'condition' key")
        day = law.spec(leaves["condition"]).first
        try:
            condition = law.value(leaves["condition"], day)
        except OutsideCoverage:  # not yet published in an "as known on" view
            continue
        if condition.value not in (_EQUAL, _EXCEPT_LISTED):
            raise LawDataError(leaves["condition"], f"unknown condition {condition.value!r}")
        rebate: dict[Decimal, LawValue] = {}
        levy: dict[Decimal, LawValue] = {}
        services: set[Decimal] = set()
        cancelled: LawValue | None = None
        transition: str | None = None
        for leaf, key in leaves.items():
            if law.spec(key).first != day:
                raise LawDataError(key, f"starts on {law.spec(key).first}, not on the switch day {day}")
            try:
                v = law.value(key, day)
            except OutsideCoverage:
                continue
            if leaf.startswith("rebate_"):
                rebate[_old_rate(leaf, key)] = v
            elif leaf.startswith("levy_"):
                levy[_old_rate(leaf, key)] = v
            elif leaf == "services":
                assert isinstance(v.value, tuple)
                services = {_old_rate(name, key) for name in v.value}
            elif leaf == "cancelled":
                cancelled = v
            elif leaf == "transition":
                transition = key
            elif leaf != "condition":
                raise LawDataError(key, f"unknown tier key {leaf!r}")
        switches.append(
            _Switch(day, prefix, condition, rebate, levy, frozenset(services), cancelled, transition)
        )
    switches.sort(key=lambda s: s.day)
    return _Rules(tuple(switches), law.history(COVERAGE_KEY), _carry_from(law), law.history(CAP_KEY))


# -- the result -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class RebateRate(Explained):
    """The rebate rate of a product on an export date, and how it was found.

    ``rate`` is the rate to use; ``library_rate`` the rate the catalogue and the general
    rules give the product that day (before transitions and caps).  ``source`` is
    ``"catalogue"`` (a row covers the date), ``"derived"`` (carried forward from an
    earlier row through the general rules) or ``"listed"`` (a notice names the code).
    ``assumptions`` lists what a derived rate takes for granted.
    """

    code: str
    export_date: _dt.date
    exporter: str
    kind: str
    rate: Decimal
    library_rate: Decimal
    levy_rate: Decimal | None
    source: str
    transition: bool
    assumptions: tuple[str, ...]
    assumptions_zh: tuple[str, ...]
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class _Found:
    rate: Decimal
    levy: Decimal | None
    source: str
    steps: tuple[Step, ...]
    assumptions: tuple[str, ...]
    assumptions_zh: tuple[str, ...] = ()


def catalogue_citation(cat: Catalogue, row: CatalogueRow) -> BilingualCitation:
    """The citation of a catalogue row: the catalogue, the row, and the row's own citation.

    The words around the catalogue's name and the row's citation are taxcalc's, in
    English and in Chinese (shown in ``zh``); the name and the row's citation are the
    catalogue's, as written.

    >>> cat = Catalogue.from_rows([{"code": "9901000010", "rate": "13%", "first": "2019-04-01", "last": "2019-12-31",
    ...                             "citation": "文库2019A版"}], source="my.csv", title="rates 2019")
    >>> c = catalogue_citation(cat, cat.rows[0])
    >>> c.text_in("en")
    'catalogue rates 2019, row 1 (文库2019A版)'
    >>> c.text_in("zh")
    '出口退税率文库 rates 2019，第1行 （文库2019A版）'
    """
    where_zh = f"第{row.row}行" + (f"（文件第{row.line}行）" if row.line else "")
    return BilingualCitation(f"catalogue {cat.label()}, {row.where}", f"({row.citation})",
                             f"出口退税率文库 {cat.label('zh')}，{where_zh}", f"（{row.citation}）")


# -- checks of a catalogue row against the law ------------------------------------------

def _check_row(row: CatalogueRow, cat: Catalogue, rules: _Rules, kind: str, code: str) -> None:
    for s in rules.switches:
        if not (row.first < s.day and (row.last is None or s.day <= row.last)):
            continue
        what = ""
        if s.lists(code, kind) and row.rate != 0:
            what = f"cancelled the rebate of {code} ({s.cancelled.citation if s.cancelled else ''})"
        elif (new := s.applies(row.rate, kind)) is not None and (
            not s.equal_only or row.levy == row.rate or row.rate == s.top_levy()
        ):
            what = f"changed {_pct(row.rate)} to {_pct(new.value)} ({new.citation})"
        elif row.levy is not None and row.levy in s.levy:
            lv = s.levy[row.levy]
            what = f"changed the levy rate {_pct(row.levy)} to {_pct(lv.value)} ({lv.citation})"
        if what:
            raise LawDataError(
                f"{cat.source}: {row.where}",
                f"code {row.code}: the window {row.window()} spans {s.day}, when the law {what}; "
                f"end the row on {s.day - _DAY} and give the new rate in a row of its own",
            )
    _check_cap(row, cat, rules)


def check_catalogue(catalogue: Catalogue, *, kind: str = "goods", law: Law | None = None) -> None:
    """Check every row against the law's general rules (see rule 1 of the precedence).

    Raises :class:`~taxcalc.errors.LawDataError` naming the first row whose window
    spans a switch day on which the law certainly changed its rate or levy.

    >>> check_catalogue(Catalogue.sample()) is None
    True
    """
    if not isinstance(catalogue, Catalogue):
        raise InvalidInput("catalogue", "must be a taxcalc.export.Catalogue")
    if kind not in KINDS:
        raise UnknownCategory("kind", kind, KINDS)
    rules = _rules(law or default())
    for row in catalogue.rows:
        _check_row(row, catalogue, rules, kind, row.code)


# -- levy tracking ------------------------------------------------------------------------

def _levy_back(levy: Decimal, levy_day: _dt.date, to_eve_of: _dt.date, rules: _Rules) -> Decimal:
    """The levy rate on the eve of ``to_eve_of``, traced back from ``levy`` on ``levy_day``."""
    level = levy
    for s in reversed(rules.switches):
        if not (to_eve_of <= s.day <= levy_day) or not s.levy:
            continue
        inverse = {lv.value: old for old, lv in s.levy.items()}
        if level in inverse:
            level = inverse[level]
    return level


def _check_levy(levy: Decimal, day: _dt.date, rules: _Rules) -> None:
    for s in rules.switches:
        if s.day <= day and levy in s.levy:
            lv = s.levy[levy]
            raise InvalidInput(
                "levy_rate",
                f"{_pct(levy)} is not a VAT rate on {day}: {lv.citation} changed it to "
                f"{_pct(lv.value)} from {s.day}",
            )


# -- the rate in the library on a day ----------------------------------------------------

def _check_cap(row: CatalogueRow, cat: Catalogue, rules: _Rules) -> None:
    """Refuse a row above the highest rebate rate on some day of its window (the same on every day)."""
    for cap in rules.caps:
        if cap.last is not None and cap.last < row.first or row.last is not None and row.last < cap.first:
            continue
        assert isinstance(cap.value, Decimal)
        if row.rate > cap.value:
            raise LawDataError(
                f"{cat.source}: {row.where}",
                f"code {row.code}: the window {row.window()} includes {max(row.first, cap.first)}, when "
                f"{_pct(row.rate)} is above the highest rebate rate, {_pct(cap.value)} ({cap.citation})",
            )


def _library_rate(
    code: str,
    day: _dt.date,
    cat: Catalogue,
    rules: _Rules,
    kind: str,
    levy_hint: tuple[Decimal, _dt.date] | None,
    first_covered: _dt.date,
) -> _Found:
    row = cat.lookup(code, day)
    if row is not None:
        _check_row(row, cat, rules, kind, code)
        step = Step(
            "catalogue_rate", "文库（目录）所列出口退税率", "rebate rate in the catalogue",
            row.rate, "rate", f"{code} {row.window()}", (catalogue_citation(cat, row),),
        )
        return _Found(row.rate, row.levy, "catalogue", (step,), ())
    base = cat.last_before(code, day)
    if base is None:
        for s in reversed(rules.switches):
            if s.day <= day and s.lists(code, kind):
                assert s.cancelled is not None
                step = Step(
                    "listed", "文件列名取消出口退税", "rebate cancelled for the listed code",
                    Decimal(0), "rate", f"{code} → 0", (s.cancelled.citation,),
                )
                return _Found(Decimal(0), None, "listed", (step,), ())
        if cat.resolve(code) is None:
            raise InvalidInput("code", f"{code} is not in the catalogue {cat.label()}",
                               reason_zh=f"{code} 不在出口退税率文库 {cat.label('zh')} 中")
        first = cat.rows_for(code)[0]
        raise OutsideCoverage(
            f"catalogue {cat.label()} {code}", day, first.first, cat.rows_for(code)[-1].last,
            "no row covers the date or ends before it",
        )
    _check_row(base, cat, rules, kind, code)
    start = base.last
    assert start is not None  # a row ending before ``day`` has a last day
    if start + _DAY < first_covered:
        raise OutsideCoverage(
            COVERAGE_KEY, start + _DAY, first_covered, None,
            f"no catalogue row for {code} covers {day}; taxcalc derives a rate only from a row "
            f"that ends on or after {first_covered - _DAY}, and {base.where} ends on {start}",
        )
    if rules.carry_from is None or start + _DAY < rules.carry_from:
        since = rules.carry_from
        raise OutsideCoverage(
            CARRY_KEY, start + _DAY, since, None,
            f"no catalogue row for {code} covers {day}; taxcalc derives a rate only from a row that ends on "
            f"or after {since - _DAY if since else 'the last day of the data'}, and {base.where} ends on {start}: "
            f"before {since or 'the end of the data'} rebate rates changed only by product lists that taxcalc "
            f"does not ship, so a rate is never carried forward across that era; give a row that covers {day}",
        )
    steps: list[Step] = [
        Step(
            "base_rate", f"{start}文库（目录）所列出口退税率", f"rebate rate in the catalogue on {start}",
            base.rate, "rate", f"{code} {base.window()}", (catalogue_citation(cat, base),),
        )
    ]
    assumptions: list[tuple[_dt.date, str, str]] = []
    named: set[str] = set()
    r = base.rate
    levy = base.levy
    for s in rules.switches:
        if not (start < s.day <= day):
            continue
        if s.lists(code, kind):
            assert s.cancelled is not None
            r = Decimal(0)
            named.add(s.cancelled.citation.doc)
            steps.append(Step(
                f"switch_{s.day}", f"{s.day}起列名取消出口退税", f"from {s.day}: rebate cancelled for the listed code",
                r, "rate", f"{code}", (s.cancelled.citation,),
            ))
        elif (new := s.applies(r, kind)) is not None:
            apply = True
            if s.equal_only:
                if levy is not None:
                    eve_levy = levy
                elif levy_hint is not None:
                    eve_levy = _levy_back(levy_hint[0], levy_hint[1], s.day, rules)
                elif r == s.top_levy():
                    eve_levy = r
                else:
                    raise InvalidInput(
                        "levy_rate",
                        f"needed for {code}: {new.citation} changes a {_pct(r)} rebate rate only where the "
                        f"levy rate was also {_pct(r)}, and the catalogue row gives no levy rate",
                    )
                apply = eve_levy == r
            if apply:
                assert isinstance(new.value, Decimal)
                cond, cond_zh = (
                    (f"levy rate = rebate rate = {_pct(r)}", f"征税率=退税率={_pct(r)}") if s.equal_only
                    else (f"{_pct(r)}, not listed", f"{_pct(r)}，未列入清单")
                )
                steps.append(Step(
                    f"switch_{s.day}", f"{s.day}起调整出口退税率", f"from {s.day}: general rebate-rate rule",
                    new.value, "rate", f"{_pct(r)} → {_pct(new.value)} ({cond})", (new.citation,),
                    formula_zh=f"{_pct(r)} → {_pct(new.value)}（{cond_zh}）",
                ))
                if not s.equal_only and new.citation.doc not in named:
                    named.add(new.citation.doc)
                    assumptions.append((
                        s.day,
                        f"{code} is not among the products listed in {new.citation.doc} 第一条 (list not shipped)",
                        f"假定{code}不在{new.citation.doc}第一条所列产品清单内（本库未收录该清单）",
                    ))
                r = new.value
            else:
                steps.append(Step(
                    f"switch_{s.day}", f"{s.day}调整不适用（征税率≠退税率）",
                    f"{s.day}: rule does not apply (levy rate ≠ rebate rate)",
                    r, "rate", f"levy {_pct(eve_levy)} ≠ rebate {_pct(r)}", (new.citation,),
                    formula_zh=f"征税率 {_pct(eve_levy)} ≠ 退税率 {_pct(r)}",
                ))
        if levy is not None and levy in s.levy:
            lv = s.levy[levy].value
            assert isinstance(lv, Decimal)
            levy = lv
    if kind == "goods":
        for n in rules.notices:
            if start < n.first <= day and n.value is True and n.citation.doc not in named:
                named.add(n.citation.doc)
                assumptions.append((
                    n.first,
                    f"{code} is not among the products listed in {n.citation.doc} (list not shipped)",
                    f"假定{code}不在{n.citation.doc}所列产品清单内（本库未收录该清单）",
                ))
    steps.append(Step(
        "library_rate", "文库出口退税率（按一般规则推定）", "rebate rate derived by the general rules",
        r, "rate", f"{base.where} {_pct(base.rate)} carried to {day}",
        formula_zh=f"第{base.row}行 {_pct(base.rate)} 推至 {day}",
    ))
    ordered = sorted(assumptions)
    return _Found(
        r, levy, "derived", tuple(steps), tuple(en for _, en, _ in ordered), tuple(zh for _, _, zh in ordered)
    )


# -- the public function -------------------------------------------------------------------

def _code_arg(code: object) -> str:
    if not isinstance(code, str):
        raise InvalidInput("code", f"a {type(code).__name__} is not a product code; write it as text")
    c = code.strip()
    if len(c) not in (8, 10) or not (c.isascii() and c.isdigit()):
        raise InvalidInput("code", f"{code!r} must be 8 or 10 digits")
    return c


def _opt_rate(value: object, field: str) -> Decimal | None:
    return None if value is None else rate(value, field, maximum=MAX_RATE)


def rebate_rate(
    code: str,
    export_date: DateLike,
    *,
    catalogue: Catalogue,
    exporter: str = "manufacturer",
    kind: str = "goods",
    purchase_vat_rate: MoneyLike | None = None,
    supplier_collection_rate: MoneyLike | None = None,
    levy_rate: MoneyLike | None = None,
    law: Law | None = None,
) -> RebateRate:
    """The rebate rate of ``code`` for an export on ``export_date`` (see the module docs).

    ``exporter`` is ``"manufacturer"`` (免抵退) or ``"trader"`` (免退); ``kind`` is
    ``"goods"`` or ``"service"``.  ``purchase_vat_rate`` (trader: the VAT rate on the
    purchase invoice), ``supplier_collection_rate`` (trader: goods bought from a
    small-scale seller) and ``levy_rate`` (the product's VAT rate on the export date)
    are rates such as ``"13%"``.
    """
    c = _code_arg(code)
    day = date_arg(export_date, "export_date")
    if not isinstance(catalogue, Catalogue):
        raise InvalidInput("catalogue", "must be a taxcalc.export.Catalogue (Catalogue.load(path))")
    if exporter not in EXPORTERS:
        raise UnknownCategory("exporter", exporter, EXPORTERS)
    if kind not in KINDS:
        raise UnknownCategory("kind", kind, KINDS)
    purchase = _opt_rate(purchase_vat_rate, "purchase_vat_rate")
    collection = _opt_rate(supplier_collection_rate, "supplier_collection_rate")
    levy_given = _opt_rate(levy_rate, "levy_rate")
    if exporter == "manufacturer":
        for name, v in (("purchase_vat_rate", purchase), ("supplier_collection_rate", collection)):
            if v is not None:
                raise InvalidInput(name, "applies to a trader's purchases (exporter='trader'), not to a manufacturer")
    data = law or default()
    rules = _rules(data)
    data.value(COVERAGE_KEY, day)  # OutsideCoverage before 2002-01-01
    first_covered = data.spec(COVERAGE_KEY).first
    if levy_given is not None:
        _check_levy(levy_given, day, rules)
    hint = (levy_given, day) if levy_given is not None else None

    # Before 财税〔2012〕39号 (2012-07-01) each rate notice fixed the deciding date in its own
    # execution clause (以出口货物报关单海关注明的出口日期为准), and the cap at the levy rate
    # rests on the highest rate of the day (export.rebate_rate.cap); from then on the general
    # rules of the day (39号, from 2026 2026年第11号) are cited as the law data give them.
    before_39 = day < data.spec(DATE_RULE_KEY).first
    goods_date_cite = (
        Citation(data.value(COVERAGE_KEY, day).citation.doc, "执行时间") if before_39
        else data.value(DATE_RULE_KEY, day).citation
    )
    date_step = Step(
        "export_date",
        "出口日期（出口货物报关单上注明的出口日期）" if kind == "goods" else "跨境应税行为出口发票开具日期",
        "export date (on the customs declaration)" if kind == "goods" else "invoice date of the cross-border service",
        day, "date", "",
        (goods_date_cite,) if kind == "goods" else (Citation("财税〔2018〕32号", "第五条第二款"),),
    )
    found = _library_rate(c, day, catalogue, rules, kind, hint, first_covered)
    steps: list[Step] = [date_step, *found.steps]
    levy = found.levy
    if levy is not None and levy_given is not None and levy != levy_given:
        raise InvalidInput(
            "levy_rate",
            f"{_pct(levy_given)} disagrees with the levy rate {_pct(levy)} the catalogue gives {c} on {day}",
        )
    levy_used = levy_given if levy_given is not None else levy
    r = found.rate

    # -- transition ------------------------------------------------------------------
    in_transition = False
    for s in rules.switches:
        if s.transition_key is None or day < s.day:
            continue
        try:
            flag = data.value(s.transition_key, day)
        except OutsideCoverage:
            continue
        if flag.value is not True:
            continue
        targets = {lv.value for old, lv in s.rebate.items() if s.applies(old, kind) is not None}
        if found.rate not in targets:
            break
        eve = s.day - _DAY
        try:
            old = _library_rate(c, eve, catalogue, rules, kind, hint, first_covered)
            on_switch = _library_rate(c, s.day, catalogue, rules, kind, hint, first_covered)
        except (InvalidInput, OutsideCoverage) as exc:
            raise InvalidInput(
                "catalogue",
                f"{c}: the transition of {flag.citation} applies only to products whose rate the "
                f"{s.day} switch cut, so taxcalc needs the rate on {eve} and on {s.day} ({exc})",
            ) from None
        mapped = s.applies(old.rate, kind)
        if mapped is None or mapped.value != on_switch.rate or on_switch.rate != found.rate:
            break
        if s.equal_only and old.levy is not None and old.levy != old.rate:
            break  # the cut covered only goods whose levy rate equalled the rebate rate
        in_transition = True
        steps.append(Step(
            "old_rate", f"调整前（{eve}）出口退税率", f"rebate rate before the cut ({eve})",
            old.rate, "rate", "", old.steps[0].cite,
        ))
        if exporter == "manufacturer":
            r = old.rate
            steps.append(flag.step(
                "transition", f"过渡期（至{flag.last}）：生产企业执行调整前的出口退税率",
                f"transition (to {flag.last}): a manufacturer keeps the old rebate rate",
            )._replace(value=r, unit="rate"))
            zero_doc = (flag.citation, *levy_below_rebate_citations(data.value(LEVY_BELOW_REBATE_KEY, s.day))[1:])
            steps.append(Step(
                "negative_gap", "免抵退税计算中征税率低于退税率的差额视为零",
                "in 免抵退 a levy rate below the rebate rate counts as a zero difference",
                True, "bool", "", zero_doc,  # noqa: FBT003
            ))
        else:
            if purchase is None:
                raise InvalidInput(
                    "purchase_vat_rate",
                    f"needed: {c} exported on {day} falls in the transition of {flag.citation}, where a "
                    f"trader's rebate rate follows the VAT rate it paid on purchase",
                )
            r = old.rate if purchase == old.rate else found.rate
            steps.append(flag.step(
                "transition",
                f"过渡期（至{flag.last}）：外贸企业购进时按{_pct(purchase)}征税，执行{'调整前' if r == old.rate else '调整后'}的出口退税率",
                f"transition (to {flag.last}): the trader paid {_pct(purchase)} on purchase, so the "
                f"{'old' if r == old.rate else 'new'} rebate rate applies",
                f"purchase {_pct(purchase)} {'=' if r == old.rate else '≠'} old levy {_pct(old.rate)}",
                formula_zh=f"购进征税率 {_pct(purchase)} {'=' if r == old.rate else '≠'} 调整前征税率 {_pct(old.rate)}",
            )._replace(value=r, unit="rate"))
        break

    # -- caps -------------------------------------------------------------------------
    if collection is not None and collection < r:
        cap_rule = data.value(COLLECTION_CAP_KEY, day)  # before 2012-07-01: another rule, outside the data
        r = collection
        steps.append(Step(
            "collection_cap", "从小规模纳税人购进：退税率为其征收率（孰低）",
            "bought from a small-scale seller: at most its collection rate",
            r, "rate", f"min(rate, {_pct(collection)})", (cap_rule.citation,),
            formula_zh=f"min(退税率, {_pct(collection)})",
        ))
    if exporter == "trader" and purchase is not None and purchase < r:
        r = purchase
        steps.append(Step(
            "invoice_cap", "专用发票税率与出口退税率孰低", "the lower of the invoice rate and the rebate rate",
            r, "rate", f"min(rate, {_pct(purchase)})", (data.value(INVOICE_CAP_KEY, day).citation,),
            formula_zh=f"min(退税率, {_pct(purchase)})",
        ))
    if levy_used is not None and not in_transition and r > levy_used:
        r = levy_used
        steps.append(Step(
            "levy_cap", "出口退税率不超过适用税率", "the rebate rate never exceeds the levy rate",
            r, "rate", f"min(rate, {_pct(levy_used)})",
            (data.value(CAP_KEY if day < data.spec(LEVY_RULE_KEY).first else LEVY_RULE_KEY, day).citation,
             Citation("taxcalc", "reading: the library rate is the levy rate unless a lower one is set")),
            formula_zh=f"min(退税率, {_pct(levy_used)})",
        ))
    steps.append(Step("rebate_rate", "适用的出口退税率", "rebate rate that applies", r, "rate"))
    return RebateRate(
        c, day, exporter, kind, r, found.rate, levy_used, found.source, in_transition,
        found.assumptions, found.assumptions_zh, tuple(steps),
    )

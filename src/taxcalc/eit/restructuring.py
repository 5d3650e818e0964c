"""Losses in mergers and divisions (企业合并、分立的亏损弥补, 财税〔2009〕59号).

The rule
    * **General treatment** (一般性税务处理): the absorbed enterprise's losses may not
      be carried into the merged enterprise (第四条第（四）项), and the enterprises
      concerned in a division may not carry each other's losses (第四条第（五）项).
    * **Special treatment of a merger** (特殊性税务处理, 第六条第（四）项): the merged
      enterprise may use the absorbed enterprise's unexpired losses up to a limit,
      被合并企业净资产公允价值 × 截至合并业务发生当年年末国家发行的最长期限的国债利率 —
      a limit for **each year** of the losses' remaining carry-forward years
      (国家税务总局公告2010年第4号 第二十六条).
    * **Special treatment of a division** (第六条第（五）项): the divided enterprise's
      unexpired losses are shared out by the share of assets transferred
      (分立资产 ÷ 全部资产) and used by the receiving enterprise (分立企业).

    Every loss that passes keeps its own window — the years left of the carry-forward
    of the year it arose in (:func:`taxcalc.eit.loss_window`, with the predecessor's
    qualification years and the loss's own ``extension`` mark).

Two functions
    :func:`transferred_losses` gives the losses that pass at the restructuring (a
    :class:`taxcalc.eit.Loss` per loss year) and, for a special merger, the yearly
    limit; :func:`inherited_loss_year` sets them against one year's income, oldest
    first, at most the limit a year.  A division's losses carry no limit: they may
    simply join the successor's own losses in :func:`taxcalc.eit.apply_losses`
    (:func:`combine_losses` adds them to its entries of the same years).

Keys read
    ``eit.restructuring.merger.general_transfer``, ``.merger.special_transfer``,
    ``.merger.annual_cap``, ``.division.general_transfer``,
    ``.division.special_transfer``, on the restructuring year's last day; the loss
    windows' keys (``eit.losses.years.*``, ``eit.losses.qualified_lookback``).

Rounding and choices
    * The limit is ``ROUND(fair value × rate, 2)`` and each divided share
      ``ROUND(loss × transferred ÷ total, 2)``, half up.
    * "Unexpired" (未超过法定弥补期限) is read on the restructuring year: a loss whose
      last year is before it does not pass; one whose last year is the restructuring
      year passes and may be used that year.
    * ``income`` of :func:`inherited_loss_year` is what the year leaves for the
      inherited losses: taxcalc's choice is that the successor's own losses are set
      first (the texts order neither), so give the taxable income after
      :func:`~taxcalc.eit.apply_losses`.
    * The bond rate is a published market figure, given by the caller; the fair value
      of net assets and the asset values (taken at fair value) too.  Whether the
      conditions of special treatment (第五条) are met is the caller's fact.

>>> from taxcalc.eit import Loss
>>> t = transferred_losses(2020, "merger", "special", [Loss(2016, "3000000"), Loss(2019, "3200000")],
...                        net_assets_fair_value="25000000", bond_rate="6%")
>>> t.annual_cap, [(x.year, x.amount) for x in t.transferred]
(Decimal('1500000.00'), [(2016, Decimal('3000000')), (2019, Decimal('3200000'))])
>>> r = inherited_loss_year(2020, "5000000", t.transferred, annual_cap=t.annual_cap)
>>> r.used, [(c.year, c.amount) for c in r.carried]
(Decimal('1500000.00'), [(2016, Decimal('1500000.00')), (2019, Decimal('3200000.00'))])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from ..errors import InvalidInput
from ..explain import Explained, Formula, Step, format_value
from ..inputs import Amount, Choice, Rate, Rows, Year, Years, record
from ..law import Law
from ..money import ZERO, add, choice, div, money, mul, rate, round_fen, sub, total
from ._common import tax_year, the_law, year_end, years
from .losses import Loss, LossUse, loss_window

__all__ = ["RESTRUCTURING_KINDS", "TREATMENTS", "InheritedLossYear", "InheritedLosses", "InheritedLossesInput",
           "RestructuringInput", "TransferredLosses", "combine_losses", "inherited_by_year", "inherited_loss_year",
           "transferred_losses"]

#: ``merger`` (企业合并) and ``division`` (企业分立).
RESTRUCTURING_KINDS: tuple[str, ...] = ("merger", "division")
#: ``general`` (一般性税务处理) and ``special`` (特殊性税务处理).
TREATMENTS: tuple[str, ...] = ("general", "special")

K = "eit.restructuring."
_LINE = "A106000"


def _problems(kind: str, treatment: str, fair_value: Decimal | None, bond_rate: Decimal | None,
              transferred: Decimal | None, total: Decimal | None) -> Iterator[tuple[str, str]]:
    merger = (("net_assets_fair_value", fair_value), ("bond_rate", bond_rate))
    division = (("assets_transferred", transferred), ("total_assets", total))
    needed = merger if (kind, treatment) == ("merger", "special") else \
        division if (kind, treatment) == ("division", "special") else ()
    for name, value in needed:
        if value is None:
            yield name, f"a {kind} under special treatment needs {name}"
    for name, value in merger + division:
        if value is not None and all(name != n for n, _ in needed):
            yield name, f"not used by a {kind} under {treatment} treatment"
    if needed is division and transferred is not None and total is not None:
        if total <= 0:
            yield "total_assets", f"must be positive (got {total})"
        elif transferred > total:
            yield "assets_transferred", f"assets transferred {transferred} exceed the total assets {total}"


def _loss_problems(losses: tuple[Loss, ...], before: int) -> Iterator[tuple[str, str]]:
    seen: set[int] = set()
    for i, loss in enumerate(losses):
        if loss.year > before:
            yield f"losses[{i}].year", f"a loss carried at {before} must arise by then (got {loss.year})"
        if loss.year in seen:
            yield f"losses[{i}].year", f"the loss of {loss.year} is given twice"
        seen.add(loss.year)


@record
class RestructuringInput:
    """A merger or division: the predecessor's unused losses and the figures of its treatment."""

    year: Annotated[int, Year("the tax year the merger or division takes effect")]
    kind: Annotated[str, Choice("merger (企业合并) or division (企业分立)", RESTRUCTURING_KINDS)]
    treatment: Annotated[str, Choice("general (一般性税务处理) or special (特殊性税务处理)", TREATMENTS)]
    losses: Annotated[tuple[Loss, ...], Rows("the absorbed or divided enterprise's unused losses, by loss year",
                                             Loss, max_items=20)]
    qualified_years: Annotated[tuple[int, ...], Years("the predecessor's high-tech / tech-SME years (10-year "
                                                      "windows)")] = ()
    net_assets_fair_value: Annotated[Decimal | None, Amount("special merger: fair value of the absorbed "
                                                            "enterprise's net assets (净资产公允价值)")] = None
    bond_rate: Annotated[Decimal | None, Rate("special merger: the rate of the longest-term government bond "
                                              "issued by the end of the merger year")] = None
    assets_transferred: Annotated[Decimal | None, Amount("special division: assets transferred "
                                                         "(分立资产), at fair value")] = None
    total_assets: Annotated[Decimal | None, Amount("special division: all the divided enterprise's assets "
                                                   "(全部资产), at fair value")] = None
    income: Annotated[Decimal, Amount("income of the restructuring year left for the inherited losses "
                                      "(after the successor's own losses)", sign="any")] = ZERO

    def checks(self) -> Iterator[tuple[str, str]]:
        """The figures of the treatment, and losses arising by the restructuring year, once each."""
        yield from _problems(self.kind, self.treatment, self.net_assets_fair_value, self.bond_rate,
                             self.assets_transferred, self.total_assets)
        yield from _loss_problems(self.losses, self.year)


@record
class InheritedLossesInput:
    """Inherited losses at the start of a year, the yearly limit (special merger) and the year's income."""

    year: Annotated[int, Year("the tax year")]
    income: Annotated[Decimal, Amount("income left for the inherited losses (after the successor's own "
                                      "losses)", sign="any")]
    losses: Annotated[tuple[Loss, ...], Rows("the inherited losses still unused, by loss year", Loss,
                                             max_items=20)]
    annual_cap: Annotated[Decimal | None, Amount("the yearly limit of a special merger (none: no limit)")] = None
    qualified_years: Annotated[tuple[int, ...], Years("the predecessor's high-tech / tech-SME years")] = ()

    def checks(self) -> Iterator[tuple[str, str]]:
        """Losses arising before the year, once each."""
        yield from _loss_problems(self.losses, self.year - 1)


@record
class InheritedLosses:
    """Losses taken over in a special-treatment merger or division, still unused at the start of a year.

    The input of :class:`taxcalc.eit.EnterpriseYear` ``inherited_losses``: what
    :func:`transferred_losses` passed (then what :attr:`InheritedLossYear.carried`
    left), with the yearly limit of a merger (财税〔2009〕59号 第六条第（四）项; none for a
    division, 第六条第（五）项).
    """

    year: Annotated[int, Year("the tax year the merger or division took effect")]
    kind: Annotated[str, Choice("merger (企业合并) or division (企业分立), under special treatment",
                                RESTRUCTURING_KINDS)]
    losses: Annotated[tuple[Loss, ...], Rows("the inherited losses still unused, by loss year", Loss,
                                             max_items=20)]
    annual_cap: Annotated[Decimal | None, Amount("merger: the yearly limit (transferred_losses' annual_cap)")] = None
    qualified_years: Annotated[tuple[int, ...], Years("the predecessor's high-tech / tech-SME years")] = ()

    def checks(self) -> Iterator[tuple[str, str]]:
        """A merger has a yearly limit, a division none; losses arising by the restructuring year, once each."""
        if self.kind == "merger" and self.annual_cap is None:
            yield "annual_cap", "a merger under special treatment needs the yearly limit"
        if self.kind == "division" and self.annual_cap is not None:
            yield "annual_cap", "a division's losses carry no yearly limit"
        yield from _loss_problems(self.losses, self.year)


def inherited_by_year(given: tuple[InheritedLosses, ...], year: int) -> Iterator[tuple[str, str]]:
    """The path (under the list of sets) and the problem of each set of inherited losses ``year`` cannot take:
    a restructuring after ``year``, or a loss not arising before it.

    The one check of :class:`~taxcalc.eit.EnterpriseYear` ``inherited_losses`` and of the
    report's ``[[income.inherited_losses]]`` against the tax year (each names its own list).

    >>> g = InheritedLosses(2021, "division", (Loss(2019, "100"), Loss(2020, "50")))
    >>> list(inherited_by_year((g,), 2020))
    [('[0].year', 'a restructuring of 2021 is after tax year 2020'), \
('[0].losses[1].year', 'a loss brought into 2020 must arise before it (got 2020)')]
    """
    for i, g in enumerate(given):
        if g.year > year:
            yield f"[{i}].year", f"a restructuring of {g.year} is after tax year {year}"
        for j, loss in enumerate(g.losses):
            if loss.year >= year:
                yield f"[{i}].losses[{j}].year", f"a loss brought into {year} must arise before it (got {loss.year})"


def _inherited_in_year(law: Law, year: int, income: Decimal,
                       given: tuple[InheritedLosses, ...]) -> tuple[tuple[InheritedLossYear, ...], tuple[Step, ...]]:
    """Each set of inherited losses against what the year leaves after its own losses, in the order given.

    The steps: for each set, the rule of 59号 under which the losses passed, then
    :func:`inherited_loss_year`'s, named ``inherited[i].*``.
    """
    out: list[InheritedLossYear] = []
    steps: list[Step] = []
    left = income
    for i, g in enumerate(given):
        key = f"{K}{g.kind}.special_transfer"
        rule = law.value(key, year_end(g.year))
        r = inherited_loss_year(year, left, g.losses, annual_cap=g.annual_cap, qualified_years=g.qualified_years,
                                law=law)
        steps.append(law.step(rule, f"inherited[{i}].transfers", line=_LINE))
        steps.extend([s._replace(name=f"inherited[{i}].{s.name}") for s in r.steps])
        out.append(r)
        left = r.taxable_income
    return tuple(out), tuple(steps)


@dataclass(frozen=True, slots=True)
class TransferredLosses(Explained):
    """The losses that pass to the successor (each with its own loss year) and the yearly limit.

    ``annual_cap`` is ``None`` when no limit applies (a division, or nothing passes).
    ``dropped`` is the predecessor's losses that do not pass (expired, or general
    treatment, or the part of a division's losses the divided enterprise keeps).
    """

    year: int
    kind: str
    treatment: str
    transfers: bool
    transferred: tuple[Loss, ...]
    annual_cap: Decimal | None
    dropped: Decimal
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class InheritedLossYear(Explained):
    """One year's use of inherited losses: oldest first, each in its window, at most the yearly limit."""

    year: int
    income: Decimal
    annual_cap: Decimal | None
    used: Decimal
    taxable_income: Decimal
    expired: Decimal
    rows: tuple[LossUse, ...]
    carried: tuple[Loss, ...]
    steps: tuple[Step, ...]


def _opt(value: object, field: str) -> Decimal | None:
    if value is None:
        return None
    d = money(value, field)
    if d < 0:
        raise InvalidInput(field, f"must not be negative (got {d})")
    return d


def _losses(value: object) -> tuple[Loss, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidInput("losses", "must be a list of Loss")
    out = tuple(value)
    for i, loss in enumerate(out):
        if not isinstance(loss, Loss):
            raise InvalidInput(f"losses[{i}]", "must be a Loss")
    return out


def _share_formula(lang: str, amount: Decimal, part: Decimal, whole: Decimal) -> str:
    a, p, w = (format_value(x, "yuan") for x in (amount, part, whole))
    return f"ROUND({a} × {p} ÷ {w}, 2)"


def transferred_losses(
    year: int,
    kind: str,
    treatment: str,
    losses: Iterable[Loss],
    *,
    net_assets_fair_value: object = None,
    bond_rate: object = None,
    assets_transferred: object = None,
    total_assets: object = None,
    qualified_years: Iterable[int] = (),
    law: Law | None = None,
) -> TransferredLosses:
    """The predecessor's losses that pass at a merger or division of ``year`` (财税〔2009〕59号)."""
    y = tax_year(year)
    k = choice(kind, "kind", RESTRUCTURING_KINDS)
    t = choice(treatment, "treatment", TREATMENTS)
    bf = _losses(losses)
    q = years(qualified_years, "qualified_years")
    fv, moved, whole = (_opt(net_assets_fair_value, "net_assets_fair_value"),
                        _opt(assets_transferred, "assets_transferred"), _opt(total_assets, "total_assets"))
    br = None if bond_rate is None else rate(bond_rate, "bond_rate")
    for field, reason in (*_problems(k, t, fv, br, moved, whole), *_loss_problems(bf, y)):
        raise InvalidInput(field, reason)
    data = the_law(law)
    key = f"{K}{k}.{t}_transfer"
    rule = data.value(key, year_end(y))
    steps: list[Step] = [data.step(rule, "transfers")]
    total_given = total(x.amount for x in bf)
    if not rule.value:
        return TransferredLosses(y, k, t, transfers=False, transferred=(), annual_cap=None, dropped=total_given,
                                 steps=tuple(steps))
    live: list[Loss] = []
    for loss in sorted(bf, key=lambda x: x.year):
        last, n, cite = loss_window(loss.year, extension=loss.extension, qualified_years=q, upto=y, law=data)
        ok = last >= y
        steps.append(Step(f"window[{loss.year}]", f"{loss.year}年度亏损最后可弥补年度", f"last year of the {loss.year} loss",
                          last, "", f"{loss.year} + {n}" + ("" if ok else f" < {y}: expired"), (cite,), _LINE))
        if ok:
            live.append(loss)
    cap: Decimal | None = None
    if k == "merger":
        assert fv is not None and br is not None
        cap_v = data.value(K + "merger.annual_cap", year_end(y))
        cap = round_fen(mul(fv, br))
        steps.append(Step("annual_cap", "可由合并企业弥补的被合并企业亏损的限额（每年）",
                          "yearly limit of the absorbed enterprise's losses the merged enterprise may use",
                          cap, "yuan", f"ROUND({format_value(fv, 'yuan')} × {format_value(br, 'rate')}, 2)",
                          (rule.citation, cap_v.citation), _LINE,
                          f"ROUND(被合并企业净资产公允价值 {format_value(fv, 'yuan')} × 最长期限国债利率 "
                          f"{format_value(br, 'rate')}, 2)"))
        out = tuple(live)
    else:
        assert moved is not None and whole is not None
        parts: list[Loss] = []
        for loss in live:
            part = round_fen(div(mul(loss.amount, moved), whole))
            steps.append(Step(f"share[{loss.year}]", f"{loss.year}年度亏损分配给分立企业的部分",
                              f"part of the {loss.year} loss passed to the receiving enterprise", part, "yuan",
                              Formula(_share_formula, (loss.amount, moved, whole)), (rule.citation,), _LINE))
            if part:
                parts.append(Loss(loss.year, part, loss.extension))
        out = tuple(parts)
    passed = total(x.amount for x in out)
    steps.append(Step("transferred", "转入的亏损合计", "losses passed on", passed, "yuan",
                      " + ".join(format_value(x.amount, "yuan") for x in out) or "0", (rule.citation,), _LINE))
    return TransferredLosses(y, k, t, transfers=True, transferred=out, annual_cap=cap,
                             dropped=sub(total_given, passed), steps=tuple(steps))


def inherited_loss_year(
    year: int,
    income: object,
    losses: Iterable[Loss],
    *,
    annual_cap: object = None,
    qualified_years: Iterable[int] = (),
    law: Law | None = None,
) -> InheritedLossYear:
    """Set inherited losses against ``income`` of ``year``: oldest first, each in its window, at most the cap."""
    y = tax_year(year)
    inc = money(income, "income")
    bf = _losses(losses)
    cap = _opt(annual_cap, "annual_cap")
    q = years(qualified_years, "qualified_years")
    for field, reason in _loss_problems(bf, y - 1):
        raise InvalidInput(field, reason)
    data = the_law(law)
    room = max(inc, ZERO) if cap is None else min(max(inc, ZERO), cap)
    rows: list[LossUse] = []
    carried: list[Loss] = []
    steps: list[Step] = [Step("income", "可用于弥补转入亏损的所得", "income left for the inherited losses", inc,
                              "yuan", "", (), _LINE)]
    if cap is not None:
        steps.append(Step("annual_cap", "本年可弥补转入亏损的限额", "yearly limit of the inherited losses", cap, "yuan",
                          "", (), _LINE))
    used_total = expired_total = ZERO
    for loss in sorted(bf, key=lambda x: x.year):
        last, n, cite = loss_window(loss.year, extension=loss.extension, qualified_years=q, upto=y, law=data)
        if last < y:
            rows.append(LossUse(loss.year, loss.amount, ZERO, loss.amount, ZERO, last, n, cite))
            expired_total = add(expired_total, loss.amount)
            steps.append(Step(f"expired[{loss.year}]", f"{loss.year}年度转入亏损已过弥补期限",
                              f"{loss.year} inherited loss already expired", loss.amount, "yuan",
                              f"last year {last} < {y}", (cite,), _LINE))
            continue
        before = room
        use = min(loss.amount, room)
        room = sub(room, use)
        left = sub(loss.amount, use)
        gone = left if last == y else ZERO
        rest = sub(left, gone)
        rows.append(LossUse(loss.year, loss.amount, use, gone, rest, last, n, cite))
        used_total = add(used_total, use)
        expired_total = add(expired_total, gone)
        if rest:
            carried.append(Loss(loss.year, rest, loss.extension))
        steps.append(Step(f"used[{loss.year}]", f"弥补{loss.year}年度转入亏损", f"{loss.year} inherited loss used",
                          use, "yuan", f"min({format_value(loss.amount, 'yuan')}, {format_value(before, 'yuan')}); last year {last}", (cite,),
                          _LINE))
    taxable = sub(max(inc, ZERO), used_total)
    steps += [
        Step("used", "本年弥补的转入亏损", "inherited losses used this year", used_total, "yuan",
             "Σ used" if cap is None else f"Σ used ≤ {format_value(cap, 'yuan')}", (), _LINE),
        Step("taxable_income", "弥补转入亏损后的所得", "income after the inherited losses", taxable, "yuan",
             f"{format_value(max(inc, ZERO), 'yuan')} − {format_value(used_total, 'yuan')}", (), _LINE),
    ]
    return InheritedLossYear(y, inc, cap, used_total, taxable, expired_total, tuple(rows), tuple(carried),
                             tuple(steps))


def combine_losses(own: Iterable[Loss], transferred: Iterable[Loss]) -> tuple[Loss, ...]:
    """The successor's own losses and those passed to it without a limit (a division), one entry per loss year.

    Amounts of the same loss year are added; both must carry the same ``extension``.

    >>> from taxcalc.eit import Loss
    >>> [(x.year, x.amount) for x in combine_losses([Loss(2018, "100")], [Loss(2018, "50"), Loss(2019, "7")])]
    [(2018, Decimal('150')), (2019, Decimal('7'))]
    """
    by_year: dict[int, Loss] = {}
    for i, loss in enumerate((*_losses(own), *_losses(transferred))):
        prior = by_year.get(loss.year)
        if prior is None:
            by_year[loss.year] = loss
        elif prior.extension != loss.extension:
            raise InvalidInput(f"losses[{i}].extension", f"the {loss.year} losses carry different marks "
                               f"({prior.extension!r} and {loss.extension!r})")
        else:
            by_year[loss.year] = Loss(loss.year, add(prior.amount, loss.amount), loss.extension)
    return tuple(by_year[y] for y in sorted(by_year))

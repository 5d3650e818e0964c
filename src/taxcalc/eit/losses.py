"""Loss carry-forward (亏损结转弥补): which losses a year uses, what remains, what expires and when.

The rule
--------
A loss of tax year ``L`` (纳税调整后所得 below zero) may be set against the
income of the following years, for at most 5 years counted from ``L + 1``
whether or not those years are profitable (企业所得税法 第十八条).  Losses are
used oldest first.  At the end of its last year an unused loss expires.

Extensions, each from the law data:

* **10 years** (财税〔2018〕76号 一; 国家税务总局公告2018年第45号): in any tax year
  ``Q`` from 2018 in which the enterprise is a high and new technology
  enterprise (高新技术企业: a year in which its certificate is valid on at least
  one day, 45号 二 — the year an unrenewed certificate lapses in too, although
  the 15% rate is then lost) or a technology-based SME (科技型中小企业, the year
  its registration number states), the
  unused losses of the 5 years before ``Q`` (``Q−5 … Q−1``), whether or not the
  enterprise was qualified in those years, may be carried for 10 years.  The
  qualification year's own loss is extended only by a later qualification year
  (the text covers the years *before* ``Q``).  A loss already expired before
  ``Q`` is never revived: ``Q`` must fall inside the loss's window.
* **8 years** for 2020 losses of the hardship industries (transport, catering,
  accommodation, tourism) declared at the 2020 filing (2020年第8号 第四条) and of
  film enterprises (2020年第25号 第二条): mark such a loss ``extension="hardship"``
  or ``"film"``; the years are looked up by the loss year, so the mark changes
  nothing for another year.
* A loss created by the R&D super-deduction is an ordinary loss (国税函〔2009〕98号
  八); :func:`taxcalc.eit.annual` carries it like any other.

Keys read
---------
``eit.losses.years.general`` (on ``L-12-31``), ``eit.losses.years.hardship`` /
``.film`` (on ``L-12-31``), ``eit.losses.years.qualified`` and
``eit.losses.qualified_lookback`` (on ``Q-12-31``).  Turn the 10-year rule off
with the what-if ``{"eit.losses.years.qualified": 5}``.

Choices
-------
* The window of a loss is judged with the qualification years up to the year
  being computed: a later qualification cannot be known yet (and cannot reach
  back to a loss that has already expired).
* No rounding: losses are sums of the amounts given.
* The schedule conserves money: for every loss, used + remaining + expired =
  the amount incurred (or brought in).

>>> r = apply_losses(2018, "300000", [Loss(2012, "100000"), Loss(2013, "500000")], qualified_years=[2018])
>>> [(u.origin, u.used, u.remaining, u.last_year) for u in r.rows]
[(2012, Decimal('0'), Decimal('0'), 2017), (2013, Decimal('300000'), Decimal('200000'), 2023)]
>>> r.taxable_income, r.expired
(Decimal('0'), Decimal('100000'))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, NamedTuple, TypeAlias

from ..errors import InvalidInput
from ..explain import Citation, Explained, Formula, Step, later, made_when_read, result
from ..inputs import Amount, Choice, Year, record, take
from ..law import Law
from ..money import CONTEXT, ZERO, MoneyLike, money
from ._common import (
    choice,
    tax_year,
    the_law,
    year_end,
    years,
    yuan,
)

__all__ = [
    "EXTENSIONS",
    "Loss",
    "LossLedger",
    "LossSchedule",
    "LossUse",
    "LossYear",
    "apply_losses",
    "loss_schedule",
    "loss_window",
]


#: Marks of a loss that an industry rule may extend: "" (none), "hardship", "film".
EXTENSIONS = ("", "hardship", "film")
_EXT_KEY = {
    "": "eit.losses.years.general",
    "hardship": "eit.losses.years.hardship",
    "film": "eit.losses.years.film",
}


@record(checked=True)
class Loss:
    """An unused loss brought forward: the tax year it arose in and the amount still unused.

    File fields: ``year``, ``amount``, ``extension`` (``""``, ``"hardship"`` or
    ``"film"``: a 2020 loss declared under 2020年第8号 / 第25号).
    """

    year: Annotated[int, Year("the tax year the loss arose in")]
    amount: Annotated[Decimal, Amount("the part not yet made up at the start of the year")]
    extension: Annotated[str, Choice("a 2020 loss declared as of a hardship industry (2020年第8号, `hardship`) "
                                     "or of a film enterprise (2020年第25号, `film`)", EXTENSIONS)] = ""

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, year: int, amount: MoneyLike, extension: str = ...) -> None: ...

    @classmethod
    def from_mapping(cls, data: object, where: str = "loss") -> Loss:
        """Build from a table with the field names above."""
        return take(cls, data, where)


class LossUse(NamedTuple):
    """One loss in one tax year, by the year it arose in (``origin``): a row of :class:`LossYear`.

    ``available`` = ``used`` + ``expired`` + ``remaining``.  ``last_year`` is the
    last tax year in which the loss may be used (as qualified so far); an
    ``expired`` amount lapsed at the end of ``last_year``.  ``qualified_by`` is
    the qualification year that lengthened the window (0 when none did).
    """

    origin: int
    available: Decimal
    used: Decimal
    expired: Decimal
    remaining: Decimal
    last_year: int
    carry_years: int
    citation: Citation
    qualified_by: int = 0


@result
class LossYear(Explained):
    """The loss carry-forward of one tax year.

    ``income`` is the income before losses (纳税调整后所得; negative for a loss
    year); ``used`` the losses set against it (弥补以前年度亏损, A106000);
    ``taxable_income`` what is left (≥ 0); ``new_loss`` the year's own loss;
    ``expired`` the losses that lapsed at the end of this year (or had lapsed
    before it); ``rows`` one :class:`LossUse` per loss, oldest first, with the
    year's own loss last; ``carried`` the losses to bring into the next year.
    """

    year: int
    income: Decimal
    used: Decimal
    taxable_income: Decimal
    new_loss: Decimal
    expired: Decimal
    rows: tuple[LossUse, ...]
    carried: tuple[Loss, ...]
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class LossLedger:
    """The whole life of one loss over a schedule: incurred = used + expired + remaining."""

    origin: int
    incurred: Decimal
    used: Decimal
    expired: Decimal
    remaining: Decimal
    last_year: int
    expired_after: int | None


@dataclass(frozen=True, slots=True)
class LossSchedule(Explained):
    """A multi-year loss schedule: one :class:`LossYear` per year, and the losses left."""

    years: tuple[LossYear, ...]
    carried: tuple[Loss, ...]
    steps: tuple[Step, ...]

    def ledger(self) -> tuple[LossLedger, ...]:
        """Each loss's life over the schedule, by origin year."""
        first: dict[int, Decimal] = {}
        used: dict[int, Decimal] = {}
        expired: dict[int, Decimal] = {}
        remaining: dict[int, Decimal] = {}
        last: dict[int, int] = {}
        when: dict[int, int | None] = {}
        for y in self.years:
            for u in y.rows:
                first.setdefault(u.origin, u.available)
                used[u.origin] = used.get(u.origin, ZERO) + u.used
                expired[u.origin] = expired.get(u.origin, ZERO) + u.expired
                remaining[u.origin] = u.remaining
                last[u.origin] = u.last_year
                when.setdefault(u.origin, None)
                if u.expired:
                    when[u.origin] = u.last_year
        return tuple(
            LossLedger(o, first[o], used[o], expired[o], remaining[o], last[o], when[o])
            for o in sorted(first)
        )


class _Window(NamedTuple):
    last: int
    years: int
    cite: Citation
    cites: tuple[Citation, ...]
    by: int
    name: str
    zh: str
    en: str


def _read_window(law: Law, origin: int, extension: str, qualified: tuple[int, ...], upto: int) -> _Window:
    """The window of a loss of ``origin`` with the qualification years up to ``upto`` (kept by :meth:`Law.memo`)."""
    base = law.value(_EXT_KEY[extension], year_end(origin))
    n = base.value
    assert isinstance(n, int)
    best, cite, by = n, base.citation, 0
    for q in qualified:
        if q <= origin or q > upto or q > origin + n:  # not after the loss, not yet, or already expired
            continue
        ext = law.value("eit.losses.years.qualified", year_end(q))
        m = ext.value
        assert isinstance(m, int)
        if m <= best:
            continue
        back = law.value("eit.losses.qualified_lookback", year_end(q)).value
        assert isinstance(back, int)
        if q - origin <= back:
            best, cite, by = m, ext.citation, q
    last = origin + best
    return _Window(last, best, cite, (cite,), by, f"losses.{origin}", f"弥补{origin}年度亏损（可弥补至{last}年度）",
                   f"loss of {origin} used (usable to {last})")


def loss_window(
    origin: int, *, extension: str = "", qualified_years: Iterable[int] = (),
    upto: int | None = None, law: Law | None = None,
) -> tuple[int, int, Citation]:
    """The last year a loss of ``origin`` may be used, its carry-forward years and the rule.

    Only qualification years up to ``upto`` (default: every year given) count.

    >>> loss_window(2013)[:2]
    (2018, 5)
    >>> loss_window(2013, qualified_years=[2018])[:2]
    (2023, 10)
    >>> loss_window(2012, qualified_years=[2018])[:2]  # expired in 2017: never revived
    (2017, 5)
    >>> loss_window(2020, extension="hardship")[:2]
    (2028, 8)
    """
    o = tax_year(origin, "origin")
    ext = choice(extension, "extension", EXTENSIONS)
    q = years(qualified_years, "qualified_years")
    u = tax_year(upto, "upto") if upto is not None else (q[-1] if q else o)
    w = the_law(law).memo(_read_window, o, ext, q, u)
    return w.last, w.years, w.cite


def apply_losses(
    year: int,
    income: MoneyLike,
    brought_forward: Iterable[Loss] = (),
    *,
    qualified_years: Iterable[int] = (),
    extension: str = "",
    law: Law | None = None,
) -> LossYear:
    """Set the losses brought forward against one year's income, oldest first.

    ``income`` is the year's income before losses (negative for a loss year);
    ``brought_forward`` the unused losses at the start of the year;
    ``qualified_years`` the years in which the enterprise was a high and new
    technology enterprise or a technology-based SME, read for losses (see
    :func:`taxcalc.eit.hnte_validity_years`); ``extension`` marks the
    year's own loss (``"hardship"`` / ``"film"``, see the module notes).

    >>> r = apply_losses(2019, "-50000", [Loss(2017, "20000")])
    >>> r.used, r.new_loss, [(c.year, c.amount) for c in r.carried]
    (Decimal('0'), Decimal('50000'), [(2017, Decimal('20000')), (2019, Decimal('50000'))])
    """
    law = the_law(law)
    y = tax_year(year)
    inc = money(income, "income")
    ext = choice(extension, "extension", EXTENSIONS)
    q = years(qualified_years, "qualified_years")
    bf = tuple(brought_forward)
    seen: set[int] = set()
    for i, loss in enumerate(bf):
        if not isinstance(loss, Loss):
            raise InvalidInput(f"losses[{i}]", "must be a Loss")
        if loss.year >= y:
            raise InvalidInput(f"losses[{i}].year", f"a loss brought into {y} must arise before it (got {loss.year})")
        if loss.year in seen:
            raise InvalidInput(f"losses[{i}].year", f"two losses of {loss.year}; give one amount per year")
        seen.add(loss.year)
    r = _apply(law, y, inc, tuple(sorted(bf, key=lambda x: x.year)), q, ext)
    return replace(r, steps=(
        Step("losses.income", "纳税调整后所得（弥补亏损前）", "income before losses", inc, "yuan"),
        *r.steps,
        *(() if bf else (_used_step(r.used),)),
        Step("losses.taxable_income", "弥补亏损后的所得", "income after losses", r.taxable_income, "yuan"),
    ))


def _expired_formula(lang: str, n: int, amount: Decimal) -> str:
    return f"结转年限{n}年；{yuan(amount)}已过期" if lang == "zh" else f"{n} years; {yuan(amount)} expired"


def _used_formula(lang: str, avail: Decimal, n: int, left: Decimal, gone: Decimal, y: int) -> str:
    if lang == "zh":
        note = f"；{yuan(gone)}于{y}年度末到期" if gone else ""
        return f"min({yuan(avail)}, 剩余所得)；结转年限{n}年；尚未弥补 {yuan(left)}{note}"
    note = f"; {yuan(gone)} expires at the end of {y}" if gone else ""
    return f"min({yuan(avail)}, income left); {n} years; remaining {yuan(left)}{note}"


def _years_formula(lang: str, n: int) -> str:
    return f"结转年限{n}年" if lang == "zh" else f"{n} years"


def _apply(law: Law, y: int, inc: Decimal, bf: tuple[Loss, ...], q: tuple[int, ...], ext: str) -> LossYear:
    """The year's losses: a row and a step for each loss, then the losses used (when any was brought forward).

    The annual computation shows these steps among its own lines; :func:`apply_losses`
    adds the income before and after the losses.
    """
    room = inc if inc > 0 else ZERO
    rows: list[LossUse] = []
    windows: list[_Window] = []
    carried: list[Loss] = []
    used = expired = ZERO
    for loss in bf:
        w = law.memo(_read_window, loss.year, loss.extension, q, y)
        windows.append(w)
        last, n, cite = w.last, w.years, w.cite
        avail = loss.amount
        if last < y:
            rows.append(LossUse(loss.year, avail, ZERO, avail, ZERO, last, n, cite, w.by))
            expired = CONTEXT.add(expired, avail)
            continue
        if room >= avail:
            use, left, room = avail, ZERO, CONTEXT.subtract(room, avail)
        else:
            use, left, room = room, CONTEXT.subtract(avail, room), ZERO
        gone = ZERO
        if last == y and left:
            gone, left = left, ZERO
            expired = CONTEXT.add(expired, gone)
        if left:
            carried.append(loss if left == avail else Loss(loss.year, left, loss.extension))
        used = CONTEXT.add(used, use)
        rows.append(LossUse(loss.year, avail, use, gone, left, last, n, cite, w.by))
    new_loss = CONTEXT.minus(inc) if inc < 0 else ZERO
    taxable = CONTEXT.subtract(inc, used) if inc > 0 else ZERO
    if new_loss:
        w = law.memo(_read_window, y, ext, q, y)
        rows.append(LossUse(y, new_loss, ZERO, ZERO, new_loss, w.last, w.years, w.cite, w.by))
        carried.append(Loss(y, new_loss, ext))
    return LossYear(y, inc, used, taxable, new_loss, expired, tuple(rows), tuple(carried),
                    later(_steps, windows, bool(bf)))


#: What :func:`_year_losses` finds: ``(used, taxable_income, new_loss, carried, rows, result)``.
_Found: TypeAlias = tuple[Decimal, Decimal, Decimal, tuple[Loss, ...], tuple[LossUse, ...], LossYear]


def _year_losses(law: Law, y: int, inc: Decimal, bf: tuple[Loss, ...], q: tuple[int, ...], ext: str) -> _Found:
    """The losses of a year of the annual computation: the figures it needs, and the :class:`LossYear`.

    A year with no loss brought forward and none of its own (most years) uses and
    carries nothing and reads no law: its :class:`LossYear` is made, by
    :func:`_apply`, only when the annual result's ``losses`` is read.
    """
    if not bf and inc >= 0:
        taxable = CONTEXT.subtract(inc, ZERO) if inc > 0 else ZERO  # as _apply computes it
        return ZERO, taxable, ZERO, (), (), made_when_read(_no_losses, law, y, inc, q, ext)
    r = _apply(law, y, inc, bf, q, ext)
    return r.used, r.taxable_income, r.new_loss, r.carried, r.rows, r


def _no_losses(_: object, law: Law, y: int, inc: Decimal, q: tuple[int, ...], ext: str) -> LossYear:
    """The :class:`LossYear` of a year with no loss (made when read)."""
    return _apply(law, y, inc, (), q, ext)


def _steps(r: LossYear, windows: list[_Window], brought: bool) -> list[Step]:  # noqa: FBT001
    """A step for each loss brought forward (``windows``: their windows), this year's loss, the losses used."""
    y = r.year
    steps: list[Step] = []
    for u, w in zip(r.rows, windows, strict=False):  # the rows of the losses brought forward, in order
        if u.last_year < y:
            steps.append(Step(f"losses.{u.origin}", f"{u.origin}年度亏损：已于{u.last_year}年度末超过结转年限",
                              f"loss of {u.origin}: expired at the end of {u.last_year}", ZERO, "yuan",
                              Formula(_expired_formula, (u.carry_years, u.available)), (u.citation,), "A106000"))
        else:
            steps.append(Step(w.name, w.zh, w.en, u.used, "yuan",
                              Formula(_used_formula, (u.available, u.carry_years, u.remaining, u.expired, y)),
                              w.cites, "A106000"))
    if r.new_loss:
        u = r.rows[-1]
        steps.append(Step(f"losses.{y}", f"本年度亏损（按已具备的资格，可结转至{u.last_year}年度）",
                          f"this year's loss (usable to {u.last_year}, as qualified so far)",
                          r.new_loss, "yuan", Formula(_years_formula, (u.carry_years,)), (u.citation,), "A106000"))
    if brought:
        steps.append(_used_step(r.used))
    return steps


def _used_step(used: Decimal) -> Step:
    return Step("losses.used", "弥补以前年度亏损", "losses brought forward used", used, "yuan", "", (), "A106000")


def loss_schedule(
    incomes: Mapping[int, MoneyLike] | Sequence[tuple[int, MoneyLike]],
    *,
    opening: Iterable[Loss] = (),
    qualified_years: Iterable[int] = (),
    extensions: Mapping[int, str] | None = None,
    law: Law | None = None,
) -> LossSchedule:
    """Run the losses over consecutive tax years of income before losses.

    ``incomes`` maps each year (consecutive) to its income before losses;
    ``opening`` are losses brought into the first year; ``extensions`` marks a
    year's own loss (``{2020: "hardship"}``).

    >>> s = loss_schedule({2013: "-100", 2014: "30", 2015: "0", 2016: "0", 2017: "0", 2018: "20", 2019: "90"})
    >>> [(y.year, y.used, y.expired) for y in s.years][-2:]
    [(2018, Decimal('20'), Decimal('50')), (2019, Decimal('0'), Decimal('0'))]
    >>> s.ledger()[0]
    LossLedger(origin=2013, incurred=Decimal('100'), used=Decimal('50'), expired=Decimal('50'), remaining=Decimal('0'), last_year=2018, expired_after=2018)
    """
    law = the_law(law)
    items = list(incomes.items()) if isinstance(incomes, Mapping) else list(incomes)
    if not items:
        raise InvalidInput("incomes", "give at least one year")
    ys = [tax_year(y, "incomes") for y, _ in items]
    for a, b in zip(ys, ys[1:], strict=False):
        if b != a + 1:
            raise InvalidInput("incomes", f"years must be consecutive ({a} is followed by {b})")
    q = years(qualified_years, "qualified_years")
    marks = dict(extensions or {})
    carried = tuple(opening)
    out: list[LossYear] = []
    steps: list[Step] = []
    for y, inc in items:
        r = apply_losses(y, inc, carried, qualified_years=q, extension=marks.get(y, ""), law=law)
        out.append(r)
        steps.extend(s._replace(name=f"{y}.{s.name}", zh=f"{y}年度 {s.zh}", en=f"{y}: {s.en}")
                     for s in r.steps)
        carried = r.carried
    return LossSchedule(tuple(out), carried, tuple(steps))

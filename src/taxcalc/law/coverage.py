"""What the law data covers on a day: for every key, whether it answers, and if not, why.

A lookup outside a key's coverage raises
:class:`~taxcalc.errors.OutsideCoverage` and one inside a declared gap raises
:class:`~taxcalc.errors.NotInForce`; :func:`coverage` asks every key at once and
says, for each, where its data stop and why, so a user can see before computing
which rules a day can be computed under.

>>> from taxcalc import law
>>> rows = {r.key: r for r in law.coverage("2026-12-01")}
>>> r = rows["vat.small_scale.start_point.monthly"]
>>> r.answers, r.status, r.last, r.citation
(True, 'in force', datetime.date(2027, 12, 31), '财政部 税务总局公告2026年第10号 第一条')
>>> r = rows["vat.small_scale.exemption.monthly"]
>>> r.answers, r.status, r.last
(False, 'ended', datetime.date(2025, 12, 31))
>>> print(r.reason)
cut short by 财政部 税务总局公告2026年第10号 (enacted to 2027-12-31); no later value
>>> rows["vat.rate.standard"].last is None   # no sunset
True
>>> {r.key: r for r in law.coverage("2001-12-31")}["vat.rate.standard"].status
'not yet'
>>> r = {r.key: r for r in law.coverage("2008-01-01")}["vat.super_credit.policies"]   # did not exist yet
>>> r.status, r.reason.startswith("no input-VAT super credit")
('gap', True)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import NotInForce, OutsideCoverage, Unverified
from ..money import DateLike, date_arg

if TYPE_CHECKING:
    from . import Law
    from .model import LawValue

__all__ = ["STATUSES", "STATUS_ZH", "VERDICTS", "KeyCoverage", "RuleCoverage", "coverage", "rule_coverage"]

#: ``in force``: the key answers; ``gap``: inside a declared gap (the rule did not
#: exist then); ``unverified``: inside a window the data declare not verified (the law
#: of the day was not seen: refused with the reason, never guessed); ``not yet``: before
#: the key's first covered day; ``ended``: after its last covered day.
STATUSES = ("in force", "gap", "unverified", "not yet", "ended")
#: Each of :data:`STATUSES` in Chinese.
STATUS_ZH = {"in force": "有效", "gap": "未施行", "unverified": "未核实", "not yet": "数据未始", "ended": "数据已止"}


class KeyCoverage(NamedTuple):
    """One key's coverage on a day (see :func:`coverage`)."""

    key: str
    #: Whether ``law.value(key, on)`` gives a value.
    answers: bool
    #: One of :data:`STATUSES`.
    status: str
    #: The key's first covered day.
    first: _dt.date
    #: The key's last covered day (``None``: the law has no sunset).
    last: _dt.date | None
    #: Why the key does not answer (the gap's reason, or where and why its data
    #: stop); for a key that answers, empty.
    reason: str
    #: The citation of the value in force on the day, or of the last value before it.
    citation: str

    def reason_in(self, lang: str = "en", *, law: Law | None = None) -> str:
        """``reason`` in ``lang`` (``"zh"`` or ``"en"``), read again from ``law`` (the one the row was made from).

        >>> from taxcalc import law
        >>> rows = {r.key: r for r in law.coverage("2026-12-01")}
        >>> print(rows["vat.small_scale.exemption.monthly"].reason_in("zh"))
        被财政部 税务总局公告2026年第10号提前终止（原定施行至2027-12-31），此后无数据
        >>> print({r.key: r for r in law.coverage("2001-12-31")}["vat.rate.standard"].reason_in("zh"))
        数据自2002-01-01起
        """
        if lang != "zh" or not self.reason:
            return self.reason
        from . import default

        return _reason_zh(self, (law if law is not None else default()).history(self.key))


def _reason_zh(row: KeyCoverage, values: tuple[LawValue, ...]) -> str:
    """The Chinese of the reason :func:`coverage` gives ``row``, from the key's ``values``."""
    if not values:
        return "尚未公布任何值"
    if row.status in ("gap", "unverified"):
        gap = next((v for v in values if v.gap == row.reason), None)
        return gap.gap_reason("zh") if gap is not None else row.reason
    if row.status == "not yet":
        return f"数据自{row.first}起"
    end = values[-1]
    if end.superseded_by:
        enacted = "原定不设终止日期" if end.enacted_last is None else f"原定施行至{end.enacted_last}"
        return f"被{end.superseded_by}提前终止（{enacted}），此后无数据"
    return f"数据截止：最后一个值（{end.citation}）止于{end.last}"


def _row(
    key: str, status: str, first: _dt.date, last: _dt.date | None, reason: str, citation: str
) -> KeyCoverage:
    return KeyCoverage(key, status == "in force", status, first, last, reason, citation)


def coverage(on: DateLike, *, law: Law | None = None) -> tuple[KeyCoverage, ...]:
    """For every key of ``law`` (default: the package's data), by name: does it answer on ``on``?

    On an "as known on" view (:meth:`Law.as_known_on`) the answer is the one a
    filer could have had then.

    >>> from taxcalc import law
    >>> rows = law.coverage("2018-05-01")
    >>> len(rows) == len(law.keys()), all(r.status in STATUSES for r in rows)
    (True, True)
    >>> r = {r.key: r for r in law.coverage("2020-03-01")}["vat.reregistration.sales_cap"]
    >>> r.answers, r.status
    (False, 'gap')
    >>> print(r.reason)
    no re-registration window was open: the 2019 window closed on 2019-12-31 and 国家税务总局公告2020年第9号 applies from 2020-05-01
    """
    from . import default

    day = date_arg(on, "on")
    data = law if law is not None else default()
    rows: list[KeyCoverage] = []
    for key in data.keys():
        values = data.history(key)
        if not values:  # nothing published yet in an "as known on" view
            rows.append(_row(key, "not yet", day, day, "no value published yet", ""))
            continue
        first, last = values[0].first, values[-1].last
        try:
            v = data.value(key, day)
        except Unverified as exc:
            rows.append(_row(key, "unverified", first, last, exc.reason, str(exc.cite or "")))
            continue
        except NotInForce:
            gap = next(x for x in values if x.first <= day and (x.last is None or day <= x.last))
            rows.append(_row(key, "gap", first, last, gap.gap, ""))
            continue
        except OutsideCoverage:
            if day < first:
                reason = f"covered from {first}"
                rows.append(_row(key, "not yet", first, last, reason, ""))
                continue
            end = values[-1]
            if end.superseded_by:
                enacted = "open" if end.enacted_last is None else str(end.enacted_last)
                reason = f"cut short by {end.superseded_by} (enacted to {enacted}); no later value"
            else:
                reason = f"end of data: the last value ({end.citation}) ends on {end.last}"
            rows.append(_row(key, "ended", first, last, reason, str(end.citation)))
            continue
        rows.append(_row(key, "in force", first, last, "", str(v.citation)))
    return tuple(rows)


# -- rules: can each registered rule answer on a day? -----------------------------------------

#: ``answers``: the rule computes a result; ``answers in part``: its main case answers but
#: a part of it does not, because a key of that part is declared unverified on the day
#: (the documented example, which uses that part, is refused with the declared reason; the
#: example with optional facts left out answers), and ``key`` names it; ``not in force``:
#: the rule did not exist on the day (a declared gap in its law data: that is its answer,
#: e.g. no re-registration window open); ``cannot answer``: its law data do not cover the
#: day (:class:`~taxcalc.errors.OutsideCoverage`, or a key declared unverified that its
#: main case reads); ``not tested``: the example's facts, moved to the day, are refused as
#: input (they do not fit that day's law, e.g. 2018 tests goods and services sales apart),
#: so the run says nothing about the law data.
VERDICTS = ("answers", "answers in part", "not in force", "cannot answer", "not tested")


class RuleCoverage(NamedTuple):
    """Whether one registered rule can answer on a day (see :func:`rule_coverage`)."""

    rule: str
    #: One of :data:`VERDICTS`.
    verdict: str
    #: Whether the rule gave an answer on the day: a result (in full or in part), or "not in force".
    answers: bool
    #: The input that was run: the rule's documented example with its dates moved to the day.
    example: Mapping[str, Any]
    #: For ``not in force``, the gap's reason; for ``cannot answer`` and ``answers in part``,
    #: the key that does not answer, where its data stop (or that they are declared
    #: unverified) and why; for ``answers``, empty.
    reason: str
    #: The law key that did not answer (empty when the rule answers in full).
    key: str
    #: For ``cannot answer`` and ``answers in part``, the last day the key's data cover
    #: (``None``: not ended).
    last: _dt.date | None
    #: ``reason`` in Chinese.
    reason_zh: str = ""

    def reason_in(self, lang: str = "en") -> str:
        """``reason`` in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.reason_zh if lang == "zh" else self.reason


def rule_coverage(on: DateLike, *, law: Law | None = None) -> tuple[RuleCoverage, ...]:
    """For every registered rule (:data:`taxcalc.rules.RULES`), in order: can it answer on ``on``?

    Each rule's documented example (``Rule.load().example``) is run with its dates
    moved to the day: the latest date, month or year of the example (found from the
    input record's field kinds in :mod:`taxcalc.inputs`) is set to ``on`` and every other
    date, month and year of the example, nested rows included, moves with it by the same
    number of months (years), so that facts placed before the example's day stay before
    it.  Where the example so moved is refused as input (a period must start a quarter,
    a rate applied a year earlier no longer exists …), the day's month, quarter and
    year starts are tried, and then the other dates left as the example has them, then
    the whole example moved by whole years into the day's year (for a rule whose facts
    must all fall in one year), then each optional field left out in turn, then every optional field left out; the
    first input the rule accepts decides.  Lists of dates or months (the months before
    an application) move with the others.  Where the example is refused because a key is
    declared unverified on the day (:class:`~taxcalc.errors.Unverified`), the same input
    with optional facts left out is tried: if it answers, the rule *answers in part*,
    naming the key that does not and its reason, and ``example`` is the input that answered.

    >>> from taxcalc import law
    >>> rows = {r.rule: r for r in law.rule_coverage("2026-12-01")}
    >>> rows["vat.rate"].verdict, rows["vat.rate"].example["on"]
    ('answers', '2026-12-01')
    >>> r = rows["vat.agricultural_deduction"]   # 9% answers; the 10% for 13% goods is not verified
    >>> r.verdict, r.answers, r.key, r.last
    ('answers in part', True, 'vat.agri.deduction_rate_top_rate_goods', datetime.date(2027, 12, 31))
    >>> "for_top_rate_goods" in r.example   # the part that answers: the example without it
    False
    >>> rows["vat.small_loan_interest"].verdict   # its main case is the part not verified
    'cannot answer'
    >>> r = rows["export.excess_credit_refund_2018"]   # a one-off of 2018, ended for good
    >>> r.verdict, r.answers, r.key
    ('not in force', True, 'vat.excess_credit_refund_2018.cap_balance_day')
    >>> {r.rule: r for r in law.rule_coverage("2020-03-01")}["vat.reregistration"].verdict  # no window open
    'not in force'
    >>> rows["vat.small_scale_vat"].example["period_start"]   # a quarterly example: the quarter's start
    '2026-10-01'
    """
    from ..errors import InvalidInput, NotMoney
    from ..rules import RULES
    from . import default

    day = date_arg(on, "on")
    data = law if law is not None else default()
    keys = coverage(day, law=data)
    out: list[RuleCoverage] = []
    for rule in RULES:
        definition = rule.load()
        tried: RuleCoverage | None = None
        refused = refused_zh = ""
        candidates = _moved_examples(definition.input, definition.example, day)
        for n, example in enumerate(candidates):
            try:
                rule.compute(example, law=data)
            except Unverified as exc:
                en, zh = _stop_reasons(exc, data)
                tried = RuleCoverage(rule.id, "cannot answer", answers=False, example=example,
                                     reason=en, key=exc.key, last=exc.last, reason_zh=zh)
                tried = _in_part(rule, candidates[n + 1:], data, tried) or tried
            except NotInForce as exc:
                tried = RuleCoverage(rule.id, "not in force", answers=True, example=example,
                                     reason=f"{exc.key}: {exc.gap}", key=exc.key, last=None,
                                     reason_zh=f"{exc.key}: {exc.reason_in('zh')}")
            except OutsideCoverage as exc:
                en, zh = _stop_reasons(exc, data)
                tried = RuleCoverage(rule.id, "cannot answer", answers=False, example=example,
                                     reason=en, key=exc.key, last=exc.last, reason_zh=zh)
            except (InvalidInput, NotMoney) as exc:
                refused = f"{exc.field}: {exc.reason}"  # the last: the nearest the example came
                refused_zh = f"{exc.field}：{exc.reason_in('zh') if isinstance(exc, InvalidInput) else exc.reason}"
                continue
            else:
                gap = _every_key_in_a_gap(rule.keys, keys)
                if gap is not None:  # computed, and what it says is that the rule did not exist
                    tried = RuleCoverage(rule.id, "not in force", answers=True, example=example,
                                         reason=f"{gap.key}: {gap.reason}", key=gap.key, last=None,
                                         reason_zh=f"{gap.key}: {gap.reason_in('zh', law=data)}")
                else:
                    tried = RuleCoverage(rule.id, "answers", answers=True, example=example, reason="",
                                         key="", last=None)
            break
        if tried is None:  # no moved example was accepted: say so rather than guess
            tried = RuleCoverage(rule.id, "not tested", answers=False, example=dict(definition.example),
                                 reason=f"the example moved to {day} is refused as input ({refused})",
                                 key="", last=None, reason_zh=f"示例移至{day}后作为输入被拒绝（{refused_zh}）")
        out.append(tried)
    return tuple(out)


def _in_part(rule: Any, rest: list[dict[str, Any]], data: Law, refused: RuleCoverage) -> RuleCoverage | None:
    """``answers in part`` if the rule answers one of ``rest`` that is the refused input with
    optional facts left out (the part declared unverified is what they asked for); else ``None``."""
    from ..errors import InvalidInput, NotMoney

    for example in rest:
        if not (example.keys() < refused.example.keys()
                and all(refused.example[k] == v for k, v in example.items())):
            continue  # only the refused input with facts left out, not another move in time
        try:
            rule.compute(example, law=data)
        except (OutsideCoverage, InvalidInput, NotMoney):
            continue
        return refused._replace(verdict="answers in part", answers=True, example=example)
    return None


def _every_key_in_a_gap(patterns: tuple[str, ...], keys: tuple[KeyCoverage, ...]) -> KeyCoverage | None:
    """The first of a rule's keys when every one of them is in a declared gap on the day (the
    rule answered by saying it did not exist then); ``None`` otherwise."""
    mine = [k for k in keys if any(k.key == p or (p.endswith("*") and k.key.startswith(p[:-1]))
                                   for p in patterns)]
    if mine and all(k.status == "gap" for k in mine):
        return mine[0]
    return None


def _stop_reasons(exc: OutsideCoverage, data: Law) -> tuple[str, str]:
    """Where and why the data of the key that stopped a rule stop, in English and in Chinese."""
    row = next((r for r in coverage(exc.on, law=data) if r.key == exc.key), None)
    if row is None or not row.reason:  # pragma: no cover - a key that raised has a row that says why
        return str(exc), str(exc)
    zh = row.reason_in("zh", law=data)
    if row.status == "not yet":
        return f"{exc.key} on {exc.on}: {row.reason}", f"{exc.key}（{exc.on}）：{zh}"
    if row.status == "unverified":
        return (f"{exc.key} on {exc.on}: declared not verified to {row.last}; {row.reason}",
                f"{exc.key}（{exc.on}）：声明未核实，至{row.last}；{zh}")
    return (f"{exc.key} on {exc.on}: data stop on {row.last}; {row.reason}",
            f"{exc.key}（{exc.on}）：数据止于{row.last}；{zh}")


# Moving an example in time.  A record's fields are read from taxcalc.inputs (kinds date,
# month; the rules' Year and Years; rows and tables of nested records), a library
# dataclass's from its annotations (dates; ``year``/``*_year`` and ``*_years`` ints).

_Kinds = dict[str, Any]


def _kinds(cls: type[Any]) -> _Kinds:
    from ..inputs.record import spec

    if getattr(cls, "__taxcalc_record__", False) is not False and hasattr(cls, "__taxcalc_names__"):
        out: _Kinds = {}
        for f in spec(cls):
            kind, name = f.field.kind, type(f.field).__name__
            if kind in ("date", "month"):
                out[f.name] = kind
            elif kind == "integer" and name == "Year":
                out[f.name] = "year"
            elif kind == "integers" and name == "Years":
                out[f.name] = "years"
            elif kind == "list" and getattr(f.field, "item", None) is not None and f.field.item.kind in ("date", "month"):  # type: ignore[attr-defined]
                out[f.name] = ("list", f.field.item.kind)  # type: ignore[attr-defined]
            elif kind in ("records", "tables", "record", "table"):
                out[f.name] = ("rows" if kind in ("records", "tables") else "row", f.field.cls)  # type: ignore[attr-defined]
        return out
    return _dataclass_kinds(cls)


def _dataclass_kinds(cls: type[Any]) -> _Kinds:
    import dataclasses
    import types
    import typing

    out: _Kinds = {}
    if not dataclasses.is_dataclass(cls):
        return out
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        tp = hints[f.name]
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
        if tp is _dt.date:
            out[f.name] = "date"
        elif tp is int and (f.name == "year" or f.name.endswith("_year")):
            out[f.name] = "year"
        elif typing.get_origin(tp) is tuple and typing.get_args(tp):
            item = typing.get_args(tp)[0]
            if item is int and f.name.endswith("years"):
                out[f.name] = "years"
            elif isinstance(item, type) and dataclasses.is_dataclass(item):
                out[f.name] = ("rows", item)
        elif isinstance(tp, type) and dataclasses.is_dataclass(tp):
            out[f.name] = ("row", tp)
    return out


def _optional(cls: type[Any]) -> set[str]:
    """The fields of a record that may be left out (they have a default)."""
    from ..inputs.record import spec

    if not hasattr(cls, "__taxcalc_names__"):
        return set()
    return {f.name for f in spec(cls) if not f.required}


def _as_day(kind: str, value: object) -> _dt.date | None:
    try:
        if kind == "date" and isinstance(value, str):
            return _dt.date.fromisoformat(value)
        if kind == "month" and isinstance(value, str):
            return _dt.date.fromisoformat(value + "-01")
        if kind == "year" and isinstance(value, int) and not isinstance(value, bool):
            return _dt.date(value, 1, 1)
    except ValueError:
        return None
    return None


_Path = tuple[object, ...]


def _dated(kinds: _Kinds, data: Mapping[str, Any], path: _Path, *, nested: bool) -> list[tuple[_dt.date, str, _Path]]:
    """The dates, months and years of ``data`` (with their kind and path), top level or nested."""
    found: list[tuple[_dt.date, str, _Path]] = []
    for name, kind in kinds.items():
        if name not in data:
            continue
        if isinstance(kind, str):
            if not nested:
                day = _as_day(kind, data[name])
                if day is not None:
                    found.append((day, kind, (*path, name)))
        elif kind[0] == "list":
            continue  # a list of dates or months moves with the others, never anchors the move
        elif nested:
            rows = data[name] if kind[0] == "rows" else [data[name]]
            if isinstance(rows, list | tuple):
                sub = _kinds(kind[1])
                for i, row in enumerate(rows):
                    if isinstance(row, Mapping):
                        where = (*path, name, i) if kind[0] == "rows" else (*path, name)
                        found += _dated(sub, row, where, nested=False) or _dated(sub, row, where, nested=True)
    return found


def _anchor(kinds: _Kinds, data: Mapping[str, Any]) -> tuple[_dt.date, str, _Path] | None:
    found = _dated(kinds, data, (), nested=False) or _dated(kinds, data, (), nested=True)
    return max(found, key=lambda f: f[0]) if found else None


def _add_months(day: _dt.date, months: int) -> _dt.date:
    """``day`` moved by ``months``, held within the calendar (a date of year 1 or 9999 stays there)."""
    import calendar

    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    if year < _dt.MINYEAR:
        return _dt.date.min
    if year > _dt.MAXYEAR:
        return _dt.date.max
    return _dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shown(kind: str, day: _dt.date) -> object:
    return day.year if kind == "year" else day.isoformat()[:7] if kind == "month" else day.isoformat()


def _move(kinds: _Kinds, data: Mapping[str, Any], months: int, years: int, path: _Path,
          anchor: _Path, value: object, *, others: bool) -> dict[str, Any]:
    out = dict(data)
    for name, kind in kinds.items():
        if name not in data:
            continue
        here, raw = (*path, name), data[name]
        if here == anchor:
            out[name] = value
        elif not others:
            pass  # only the anchor moves (it may lie in a nested row: look there too)
        elif kind in ("date", "month"):
            day = _as_day(kind, raw)
            out[name] = raw if day is None else _shown(kind, _add_months(day, months))
        elif kind == "year":
            out[name] = raw + years if isinstance(raw, int) else raw
        elif kind == "years" and isinstance(raw, list | tuple):
            out[name] = [y + years if isinstance(y, int) else y for y in raw]
        elif isinstance(kind, tuple) and kind[0] == "list" and isinstance(raw, list | tuple):
            moved = [_as_day(kind[1], x) for x in raw]
            out[name] = [x if d is None else _shown(kind[1], _add_months(d, months)) for x, d in zip(raw, moved, strict=True)]
        if isinstance(kind, tuple) and kind[0] != "list":
            sub = _kinds(kind[1])
            if kind[0] == "rows" and isinstance(raw, list | tuple):
                out[name] = [_move(sub, row, months, years, (*here, i), anchor, value, others=others)
                             if isinstance(row, Mapping) else row for i, row in enumerate(raw)]
            elif isinstance(raw, Mapping):
                out[name] = _move(sub, raw, months, years, here, anchor, value, others=others)
    return out


def _moved_examples(cls: type[Any], example: Mapping[str, Any], day: _dt.date) -> list[dict[str, Any]]:
    """The example moved to ``day`` (see :func:`rule_coverage`), then its fallbacks, without repeats."""
    kinds = _kinds(cls)
    found = _anchor(kinds, example)
    if found is None:
        return [dict(example)]
    at, kind, path = found
    optional = _optional(cls) - {str(path[0])}
    quarter = _dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    full: list[dict[str, Any]] = []
    for start in (day, day.replace(day=1), quarter, day.replace(month=1, day=1)):
        years = start.year - at.year
        months = 12 * years if kind == "year" else 12 * years + start.month - at.month
        for others in (True, False):
            full.append(_move(kinds, example, months, years, (), path, _shown(kind, start), others=others))
    years = day.year - at.year  # the whole example moved by whole years into the day's year
    same_year = _move(kinds, example, 12 * years, years, (), path, _shown(kind, _add_months(at, 12 * years)),
                      others=True)
    full.append(same_year)
    out: list[dict[str, Any]] = []
    one_left_out = [{k: v for k, v in m.items() if k != name} for name in sorted(optional) for m in full
                    if name in m]
    every_left_out = [{k: v for k, v in m.items() if k not in optional} for m in full]
    for candidate in [*full, *one_left_out, *every_left_out]:
        if candidate not in out:
            out.append(candidate)
    return out

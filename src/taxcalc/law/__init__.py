"""The law as data: every dated value with its window and citation, looked up by date.

The data ships in ``taxcalc/law/data`` as TOML, one entry per value (see
:mod:`taxcalc.law.loader` for the format).  It is read and checked once, on
first use; a lookup is then a binary search.

>>> from taxcalc import law
>>> v = law.value("vat.rate.standard", "2018-05-01")
>>> v.value, str(v.citation)
(Decimal('0.16'), '财税〔2018〕32号 第一条')
>>> law.value("vat.rate.standard", "2001-12-31")
Traceback (most recent call last):
...
taxcalc.errors.OutsideCoverage: vat.rate.standard: 2001-12-31 is outside the covered window 2002-01-01 to open end

"As known on" a day reads the law as a filer could have read it then, ignoring
documents published later (see :meth:`Law.value`).

The functions here answer on the package's data: :func:`value`, :func:`history`,
:func:`keys`, :func:`spec`, :func:`document` and :func:`documents`.  For "as known
on" and what-if questions, start from :func:`default` —
``default().as_known_on(day)``, ``default().with_values({...})`` — and pass the
:class:`Law` you get as ``law=`` to any rule function.

>>> len(law.documents()) > 0, law.spec("vat.rate.standard").type
(True, 'rate')
"""

from __future__ import annotations

import datetime as _dt
import functools
from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import NotInForce, OutsideCoverage, UnknownCategory, Unverified
from ..explain import Citation, Formula, Step
from ..money import DateLike, date_arg
from ._digest import _canonical as _canonical
from ._digest import law_digest
from .coverage import coverage as coverage
from .coverage import rule_coverage as rule_coverage
from .loader import TYPES, load_cached
from .model import WHAT_IF, Document, KeySpec, LawValue

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "Document",
    "KeySpec",
    "Law",
    "LawValue",
    "default",
    "document",
    "documents",
    "history",
    "keys",
    "spec",
    "value",
]

_DAY = _dt.timedelta(days=1)
_T = TypeVar("_T")


class Law:
    """A loaded, validated body of law data.

    The package's own data is :func:`default`; :meth:`with_values` makes a
    what-if copy with some values replaced.
    """

    __slots__ = ("_cache", "_digest", "_docs", "_keys", "_known_on", "_memo", "_names")

    def __init__(
        self,
        keys: Mapping[str, KeySpec],
        documents: Mapping[str, Document],
        known_on: _dt.date | None = None,
    ) -> None:
        self._keys = dict(keys)
        self._docs = dict(documents)
        self._names = tuple(sorted(self._keys))
        self._known_on = known_on
        self._memo: dict[tuple[str, _dt.date, _dt.date], LawValue | None] = {}
        self._digest: str | None = None
        self._cache: dict[tuple[Callable[..., Any], tuple[Hashable, ...]], Any] = {}

    @classmethod
    def load(cls, root: Path | None = None) -> Law:
        """Load and validate the data under ``root`` (default: the package data).

        A directory's data is read from its cache when the cache was written from these
        very files (see :func:`taxcalc.law.loader.load_cached`), with the digest.
        """
        keys, documents, digest = load_cached(root)
        law = cls(keys, documents)
        law._digest = digest
        return law

    @property
    def known_on(self) -> _dt.date | None:
        """The day this view reads the law as known on (``None``: everything published)."""
        return self._known_on

    def as_known_on(self, day: DateLike) -> Law:
        """A view of this law as it was known on ``day``: later documents are ignored.

        Every rule function takes ``law=``; pass this view to compute what a filer
        could have computed on that day.

        >>> july = default().as_known_on("2018-07-10")
        >>> july.known_on
        datetime.date(2018, 7, 10)
        """
        return Law(self._keys, self._docs, date_arg(day, "known_on"))

    @property
    def digest(self) -> str:
        """A SHA-256 (64 hex digits) of everything this law answers from.

        It covers the law data as loaded — every key with its names, type and
        dated values (what-if values included), every registered document — and
        the "as known on" day, in a canonical form: the same data gives the same
        digest in any process, and two laws that could answer differently never
        share one.  Quote it with a result to say which law data computed it (see
        :func:`taxcalc.provenance`).  Computed on first use, once per :class:`Law`; the
        digest of a data folder's law as loaded is kept with the folder's law cache
        (:mod:`taxcalc.law.loader`), so a start that reads the law from the cache
        does not compute it again.

        >>> d = default().digest
        >>> len(d), d == Law.load().digest
        (64, True)
        >>> default().as_known_on("2018-07-10").digest == d
        False
        >>> default().with_values({"vat.rate.standard": "15%"}).digest == d
        False
        """
        if self._digest is None:
            self._digest = law_digest(self._keys, self._docs, self._known_on)
        return self._digest

    # -- keys and documents -------------------------------------------------
    def keys(self, prefix: str = "") -> tuple[str, ...]:
        """The key names, sorted, optionally only those starting with ``prefix``."""
        return tuple(k for k in self._names if k.startswith(prefix))

    def spec(self, key: str) -> KeySpec:
        """The key's specification: names, type and every dated value."""
        try:
            return self._keys[key]
        except KeyError:
            raise self._unknown_key(key) from None

    def _unknown_key(self, key: object) -> UnknownCategory:
        """The error for an unknown key: the nearest names, not all of them.

        >>> default().spec("vat.rate.standrad")
        Traceback (most recent call last):
        ...
        taxcalc.errors.UnknownCategory: key: unknown value 'vat.rate.standrad'; did you mean vat.rate.standard, eit.rate.standard or vat.rate.postal? (every key: taxcalc.law.keys(), or the command taxcalc law)
        """
        return UnknownCategory("key", key, self._names, hint=_nearest(str(key), self._names, "key"))

    def document(self, number: str) -> Document:
        """The registered document with this number (exactly as written)."""
        try:
            return self._docs[number]
        except KeyError:
            names = tuple(sorted(self._docs))
            raise UnknownCategory(
                "document", number, names, hint=_nearest(number, names, "document")
            ) from None

    def documents(self) -> tuple[Document, ...]:
        """Every registered document, by issue date."""
        return tuple(sorted(self._docs.values(), key=lambda d: (d.issued, d.number)))

    def history(self, key: str, known_on: DateLike | None = None) -> tuple[LawValue, ...]:
        """Every dated value of ``key`` in order (as known on a day, if given)."""
        spec = self.spec(key)
        if known_on is None and self._known_on is None:
            return spec.values
        k = date_arg(known_on, "known_on") if known_on is not None else self._known_on
        assert k is not None
        points = sorted({v.first for v in (*spec.values, *spec.superseded)})
        out: list[LawValue] = []
        for p in points:
            v = self._known(spec, p, k)
            if v is not None and (not out or out[-1][:5] != v[:5]):
                out.append(v)
        return tuple(out)

    # -- lookups --------------------------------------------------------------
    def value(self, key: str, on: DateLike, known_on: DateLike | None = None) -> LawValue:
        """The value of ``key`` in force on ``on``, with its window and citation.

        With ``known_on`` (or on a view from :meth:`as_known_on`), only documents
        published on or before that day count,
        and windows later cut short count as first enacted.  A date outside the
        key's coverage raises :class:`~taxcalc.errors.OutsideCoverage` naming the
        key, the date and the window; a date inside a declared gap raises
        :class:`~taxcalc.errors.NotInForce` with the reason, and one inside a window
        declared unverified :class:`~taxcalc.errors.Unverified` with the reason.
        """
        d = on if type(on) is _dt.date else date_arg(on, "on")
        try:
            spec = self._keys[key]
        except KeyError:
            raise self._unknown_key(key) from None
        if known_on is not None or self._known_on is not None:
            k = date_arg(known_on, "known_on") if known_on is not None else self._known_on
            assert k is not None
            found = self._known(spec, d, k)
            if found is None:
                raise OutsideCoverage(key, d, spec.first, spec.last, f"as known on {k}")
        else:
            i = bisect_right(spec.starts, d) - 1
            if i < 0:
                raise OutsideCoverage(key, d, spec.first, spec.last)
            found = spec.values[i]
            if found.last is not None and d > found.last:
                raise OutsideCoverage(key, d, spec.first, spec.last)
        if found.gap and found.unverified:
            raise Unverified(key, d, spec.first, spec.last, reason=found.gap,
                             cite=found.citation if found.citation.doc else None, reason_zh=found.gap_zh)
        if found.gap:
            raise NotInForce(key, d, spec.first, spec.last, f"not in force: {found.gap}", gap=found.gap,
                             cite=found.citation if found.citation.doc else None, gap_zh=found.gap_zh)
        return found

    def step(
        self, value: LawValue, name: str, formula: str | Formula = "", line: str = "", formula_zh: str = ""
    ) -> Step:
        """The step ``name`` showing ``value`` labelled with its key's names (:class:`KeySpec` ``zh`` and ``en``).

        :meth:`LawValue.step` with the labels of the key the value was read from, for the
        common case of a step that shows one value of the law as the law names it.

        >>> law = default()
        >>> print(law.step(law.value("vat.rate.standard", "2018-05-01"), "rate").render("zh"))
        增值税税率：销售或进口货物、加工修理修配劳务（基本税率）：16% [财税〔2018〕32号 第一条]
        """
        spec = self.spec(value.key)
        return value.step(name, spec.zh, spec.en, formula, line, formula_zh)

    def get(self, key: str, on: DateLike, known_on: DateLike | None = None) -> object:
        """Only the value (see :meth:`value`)."""
        return self.value(key, on, known_on).value

    def _known(self, spec: KeySpec, d: _dt.date, k: _dt.date) -> LawValue | None:
        memo_key = (spec.name, d, k)
        try:
            return self._memo[memo_key]
        except KeyError:
            pass
        found = self._read_as_known(spec, d, k)
        if len(self._memo) >= 65_536:
            self._memo.clear()
        self._memo[memo_key] = found
        return found

    def _read_as_known(self, spec: KeySpec, d: _dt.date, k: _dt.date) -> LawValue | None:
        best: tuple[LawValue, _dt.date | None] | None = None
        for v in (*spec.values, *spec.superseded):
            if v.published > k or d < v.first:
                continue
            last = v.last
            if v.superseded_by and self._docs[v.superseded_by].known_from > k:
                last = v.enacted_last
            if last is not None and d > last:
                continue
            if best is None or (v.published, v.first) > (best[0].published, best[0].first):
                best = (v, last)
        if best is None:
            return None
        found, last = best
        if last != found.last:  # the window as it was known then
            return found._replace(last=last, enacted_last=None, superseded_by="")
        return found

    # -- what-if ----------------------------------------------------------------
    def with_values(self, overrides: Mapping[str, object]) -> Law:
        """A copy in which each key in ``overrides`` has that value on every covered day.

        The value is checked like data (``"0.16"`` or ``"16%"`` for a rate, a
        string amount for money, ``true``/``false`` for a flag) and cited as a
        what-if, so explanations show it was supplied, not enacted.

        >>> what_if = default().with_values({"vat.rate.standard": "15%"})
        >>> what_if.get("vat.rate.standard", "2019-04-01")
        Decimal('0.15')
        >>> str(what_if.value("vat.rate.standard", "2019-04-01").citation)
        '假设 what-if vat.rate.standard = 15%'
        """
        keys = dict(self._keys)
        for key, raw in overrides.items():
            spec = self.spec(key)
            convert, _unit = TYPES[spec.type]
            val = convert(raw, f"what-if {key}")
            new = LawValue(
                key, val, spec.first, spec.last, Citation(WHAT_IF, f"{key} = {raw}"),
                "what-if", "", _dt.date.min, None, "", spec.unit,
            )
            keys[key] = replace(spec, values=(new,), superseded=(), starts=(spec.first,))
        return Law(keys, self._docs, self._known_on)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    # -- what the rules derive from the law -------------------------------------
    def memo(self, fn: Callable[..., _T], *args: Hashable) -> _T:
        """``fn(self, *args)``, computed once for this law and these arguments.

        The one cache of the rules: what they derive from the law alone (the
        values of a tax year, the steps that show only law) is kept here, with
        the law it was read from.  A law is immutable, and a what-if copy or an
        "as known on" view is another ``Law`` with its own cache, so nothing
        read for one law is ever used for another.  ``fn`` must depend only on
        the law and the arguments (which must be hashable); keyword arguments
        are not taken.

        >>> law = default()
        >>> def rate(law: Law, year: int) -> object:
        ...     return law.get("eit.rate.standard", f"{year}-12-31")
        >>> law.memo(rate, 2018)
        Decimal('0.25')
        """
        key = (fn, args)
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        result = fn(self, *args)
        if len(self._cache) >= 65_536:  # bounded: the arguments come from the facts (days, years)
            self._cache.clear()
        self._cache[key] = result
        return result


def _nearest(name: str, names: tuple[str, ...], what: str) -> str:
    """"did you mean …?" for the closest few of ``names`` (and where the full list is)."""
    where = (
        "every key: taxcalc.law.keys(), or the command taxcalc law" if what == "key"
        else "every document: taxcalc.law.documents(), or the documentation's Cited documents page"
    )
    import difflib  # only for an unknown name

    near = difflib.get_close_matches(name, names, n=3, cutoff=0.75)
    if near:
        listed = ", ".join(near[:-1]) + " or " if len(near) > 1 else ""
        return f"did you mean {listed}{near[-1]}? ({where})"
    if what == "key":  # the groups under the longest dotted prefix it shares with a key
        parts = name.split(".")
        for n in range(len(parts) - 1, -1, -1):
            head = "".join(p + "." for p in parts[:n])
            under = [k[len(head):].split(".") for k in names if k.startswith(head)]
            if under:
                groups = dict.fromkeys(head + u[0] + (".*" if len(u) > 1 else "") for u in under)
                return f"the keys{' under ' + head if head else ''} are {', '.join(groups)} ({where})"
    return f"no {what} is like it ({where})"


@functools.cache
def default() -> Law:
    """The law data shipped with the package, loaded and validated once."""
    return Law.load()


def value(key: str, on: DateLike, known_on: DateLike | None = None) -> LawValue:
    """:meth:`Law.value` on the package's data."""
    return default().value(key, on, known_on)


def history(key: str, known_on: DateLike | None = None) -> tuple[LawValue, ...]:
    """:meth:`Law.history` on the package's data."""
    return default().history(key, known_on)


def keys(prefix: str = "") -> tuple[str, ...]:
    """:meth:`Law.keys` on the package's data."""
    return default().keys(prefix)


def document(number: str) -> Document:
    """:meth:`Law.document` on the package's data."""
    return default().document(number)


def documents() -> tuple[Document, ...]:
    """:meth:`Law.documents` on the package's data: every cited document, by issue date."""
    return default().documents()


def spec(key: str) -> KeySpec:
    """:meth:`Law.spec` on the package's data: a key's names, type and dated values."""
    return default().spec(key)

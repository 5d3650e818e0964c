"""Explained results: every figure comes with the steps that produced it.

A computation returns an immutable result (a frozen dataclass) whose last field
is ``steps``: a tuple of :class:`Step`, each naming what was computed, the value
used or produced, the formula, and the :class:`Citation` (document number and
article) it rests on, with the return-form line where there is one.

Steps hold figures, not text.  A formula with amounts in it is a
:class:`Formula`: the function that writes it and its operands.  Amounts are
formatted, and the Chinese or English formula composed, only when a result is
shown — :meth:`Explained.explain`, :meth:`Explained.as_dict`, or reading
``step.formula`` / ``step.formula_zh`` — so a computation whose explanation is
never read formats nothing.  A rule may also hand its result :func:`later` in
place of the steps: the steps are then written from the result's figures the
first time they are read, and kept (:func:`result`, :func:`steps_when_read`); a
result class may declare other parts made the same way, when first read
(``@result(when_read=...)``, :func:`made_when_read`).
A result class made by :func:`result` is a frozen dataclass whose figures are
set at once, in one ``__dict__``: a result is made by every computation, and
often read for a figure or two.

>>> from decimal import Decimal
>>> s = Step("rate", "税率", "VAT rate", Decimal("0.13"), unit="rate",
...          cite=(Citation("财政部 税务总局 海关总署公告2019年第39号", "第一条"),))
>>> print(s.render("en"))
VAT rate: 13% [财政部 税务总局 海关总署公告2019年第39号 第一条]
>>> print(s.render("zh"))
税率：13% [财政部 税务总局 海关总署公告2019年第39号 第一条]
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, dataclass_transform, overload

from .money import CONTEXT

_HUNDRED = Decimal(100)
_FEN = Decimal("0.01")
_to_fen = CONTEXT.quantize  # (amount, _FEN): half up to the fen, in the money context

__all__ = ["BilingualCitation", "Citation", "Explained", "Formula", "Step", "format_value", "jsonable", "later",
           "made_when_read", "result", "steps_when_read"]

_C = TypeVar("_C", bound=type)
_T = TypeVar("_T")


class _CitationFields(NamedTuple):
    """The fields of a :class:`Citation`."""

    doc: str
    article: str = ""


class _Shown:
    """:attr:`Citation.text`: written the first time it is read, then kept on the citation (which is immutable)."""

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _Shown: ...

    @overload
    def __get__(self, obj: Citation, owner: type | None = None) -> str: ...

    def __get__(self, obj: Citation | None, owner: type | None = None) -> _Shown | str:
        if obj is None:
            return self
        text = obj.__dict__["text"] = f"{obj[0]} {obj[1]}".rstrip()  # read from the instance from now on
        return text


class Citation(_CitationFields):
    """Where a value comes from: a document number exactly as written, and the article.

    A named tuple ``(doc, article)``: ``doc`` the document number, ``article`` the
    article, paragraph or item (``""`` when the whole document is meant).  Its text,
    as an explanation shows it, is written once per citation (most citations are
    read from the law data once and shown in many explanations):

    >>> c = Citation("财税〔2018〕77号", "一")
    >>> c.text, str(c), c == ("财税〔2018〕77号", "一")
    ('财税〔2018〕77号 一', '财税〔2018〕77号 一', True)
    """

    text = _Shown()
    """The document number and the article, as shown (``str(citation)``)."""

    def __str__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[Any, ...]:
        return (Citation, (self[0], self[1]))  # the fields only: not the text kept

    def text_in(self, lang: str = "zh") -> str:
        """The text as shown in ``lang``: a document is cited by its number in either language
        (:class:`BilingualCitation`, for a citation taxcalc words itself, has a Chinese text)."""
        return self.text

    def as_dict(self) -> dict[str, str]:
        """A JSON-ready mapping: ``{"doc", "article"}``."""
        return {"doc": self[0], "article": self[1]}


class BilingualCitation(Citation):
    """A citation in taxcalc's own words around the caller's source (a catalogue row), with its Chinese.

    ``doc`` and ``article`` are in English, as on every citation (``str()``, equality, the
    golden files); ``doc_zh`` and ``article_zh`` say the same in Chinese, shown in ``zh``
    (:meth:`text_in`) and given in JSON as ``doc_zh`` and ``article_zh``.  The Chinese is
    presentation: the citation equals the English one.  A copy made with ``_replace``
    (which may change the words) has no Chinese and is shown in English.

    >>> c = BilingualCitation("catalogue X, row 2", "(note)", "出口退税率文库 X，第2行", "（note）")
    >>> c.text_in("en"), c.text_in("zh"), str(c), c == Citation("catalogue X, row 2", "(note)")
    ('catalogue X, row 2 (note)', '出口退税率文库 X，第2行 （note）', 'catalogue X, row 2 (note)', True)
    >>> c.as_dict()["doc_zh"]
    '出口退税率文库 X，第2行'
    """

    def __new__(cls, doc: str, article: str = "", doc_zh: str = "", article_zh: str = "") -> BilingualCitation:
        self = super().__new__(cls, doc, article)
        self.__dict__["zh"] = (doc_zh, article_zh)
        return self

    @property
    def doc_zh(self) -> str:
        """``doc`` in Chinese (``doc`` itself when none was given)."""
        zh = self.__dict__.get("zh")
        return zh[0] if zh and zh[0] else self[0]

    @property
    def article_zh(self) -> str:
        """``article`` in Chinese (``article`` itself when no Chinese was given)."""
        zh = self.__dict__.get("zh")
        return zh[1] if zh and zh[1] else self[1]

    def __reduce__(self) -> tuple[Any, ...]:
        zh = self.__dict__.get("zh") or ("", "")
        return (BilingualCitation, (self[0], self[1], *zh))

    def text_in(self, lang: str = "zh") -> str:
        """The text in ``lang``: the Chinese words in ``zh``, else ``str(self)``."""
        return f"{self.doc_zh} {self.article_zh}".rstrip() if lang == "zh" else self.text

    def as_dict(self) -> dict[str, str]:
        """A JSON-ready mapping: ``{"doc", "article", "doc_zh", "article_zh"}``."""
        return {"doc": self[0], "article": self[1], "doc_zh": self.doc_zh, "article_zh": self.article_zh}


class Formula:
    """A formula kept as data: a function that writes it, and the operands it is given.

    ``write(lang, *args)`` returns the formula in ``"en"`` (figures and symbols, or
    English words) or ``"zh"``; it runs only when the text is asked for
    (:meth:`Step.render`, :meth:`Step.as_dict`, or the ``formula`` attributes), so a
    computation whose explanation is never read formats no amount.

    >>> f = Formula(lambda lang, a, b: f"{a} × {b}" if lang == "en" else f"{a} 乘 {b}", (2, 3))
    >>> f.text("en"), f.text("zh")
    ('2 × 3', '2 乘 3')
    """

    __slots__ = ("args", "write")

    def __init__(self, write: Callable[..., str], args: tuple[Any, ...] = ()) -> None:
        self.write = write
        self.args = args

    def text(self, lang: str = "en") -> str:
        """The formula in ``lang``."""
        return self.write(lang, *self.args)

    def __repr__(self) -> str:
        return f"Formula({self.text('en')!r})"


class Step:
    """One step of a computation.

    ``unit`` tells how to show ``value``: ``"yuan"``, ``"rate"`` (shown as a
    percentage), ``"date"``, ``"count"``, ``"bool"`` or ``""`` (as is).
    ``formula`` is written in figures and symbols or in English; ``formula_zh``,
    where the formula has words, is the same in Chinese, shown in ``zh``.  A step
    whose ``value`` is ``None`` records a fact without a figure (e.g. "not given,
    not tested"): it shows only its label.

    A step holds its figures as data.  The formula may be given as text, or as a
    :class:`Formula` (its operands, and the function that writes it in either
    language); the text is made when it is read.  Steps are values: compare them
    with ``==``, and do not change them (:meth:`_replace` makes a changed copy).
    """

    __slots__ = ("_formula", "_formula_zh", "cite", "en", "line", "name", "unit", "value", "zh")

    def __init__(
        self, name: str, zh: str, en: str, value: object, unit: str = "", formula: str | Formula = "",
        cite: tuple[Citation, ...] = (), line: str = "", formula_zh: str = "",
    ) -> None:
        self.name = name
        self.zh = zh
        self.en = en
        self.value = value
        self.unit = unit
        self._formula = formula
        self.cite = cite
        self.line = line
        self._formula_zh = formula_zh

    @property
    def formula(self) -> str:
        """The formula in figures and symbols, or in English (``""``: none)."""
        f = self._formula
        return f if isinstance(f, str) else f.text("en")

    @property
    def formula_zh(self) -> str:
        """The formula in Chinese where it differs from :attr:`formula` (``""`` otherwise)."""
        f = self._formula
        if isinstance(f, str):
            return self._formula_zh
        zh = f.text("zh")
        return "" if zh == f.text("en") else zh

    def _formula_in(self, lang: str) -> str:
        f = self._formula
        if not isinstance(f, str):
            return f.text(lang)
        return (self._formula_zh or f) if lang == "zh" else f

    def _fields(self) -> tuple[object, ...]:
        return (self.name, self.zh, self.en, self.value, self.unit, self.formula, self.cite, self.line,
                self.formula_zh)

    def _replace(self, **changes: Any) -> Step:
        """A copy with some fields changed (as for a named tuple)."""
        own = (self.name, self.zh, self.en, self.value, self.unit, self._formula, self.cite, self.line,
               self._formula_zh)
        fields: dict[str, Any] = dict(zip(_STEP_FIELDS, own, strict=True))
        fields.update(changes)
        return Step(**fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Step):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(_STEP_FIELDS, self._fields(), strict=True))
        return f"Step({inner})"

    def render(self, lang: str = "zh") -> str:
        """One line: label, value, formula and citations."""
        return _line(self, lang, 0)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (amounts as strings)."""
        return {
            "name": self.name,
            "zh": self.zh,
            "en": self.en,
            "value": str(value) if (value := self.value).__class__ is Decimal else jsonable(value),
            "unit": self.unit,
            "formula": self._formula_in("en"),
            "formula_zh": self._formula_in("zh"),
            "cite": [{"doc": c.doc, "article": c.article} if c.__class__ is Citation else c.as_dict()
                     for c in self.cite],
            "line": self.line,
        }


_STEP_FIELDS = ("name", "zh", "en", "value", "unit", "formula", "cite", "line", "formula_zh")


def _line(step: Step, lang: str, number: int) -> str:
    """``step`` as one line of text in ``lang`` (:meth:`Step.render`), numbered ``number.`` unless 0.

    The line is put together in one piece: the label and the value as
    :func:`format_value` shows it (an amount of yuan, most values, formatted in
    place), the formula written by its :class:`Formula` when it has one, each
    citation as its :attr:`Citation.text` (written once per citation), the form line.
    """
    zh = lang == "zh"
    value = step.value
    if value is None:
        label = step.zh if zh else step.en
        sep = shown = ""
    else:
        if value.__class__ is Decimal and step.unit == "yuan":  # most values: an amount (as format_value)
            shown = _yuan_text(value)
        else:
            shown = format_value(value, step.unit, lang)
        if zh:
            label, sep = step.zh, "："
        else:
            label, sep = step.en, ": "
    f = step._formula
    if f.__class__ is str:
        formula = (step._formula_zh or f) if zh else f
    else:
        formula = f.write(lang, *f.args)  # type: ignore[union-attr]
    cite = step.cite
    if not cite:
        cited = ""
    elif len(cite) == 1 and cite[0].__class__ is Citation:  # most cited steps: one citation
        cited = f" [{cite[0].text}]"
    else:  # each as str(c) writes it
        cited = f" [{'; '.join([c.text if c.__class__ is Citation else _cite_text(c, lang) for c in cite])}]"
    line = step.line
    if number:
        return (f"{number}. {label}{sep}{shown}{' = ' if formula else ''}{formula}{cited}"
                f"{f' ({line})' if line else ''}")
    return f"{label}{sep}{shown}{' = ' if formula else ''}{formula}{cited}{f' ({line})' if line else ''}"


def _cite_text(cite: object, lang: str) -> str:
    """A citation's text in ``lang`` (:meth:`Citation.text_in`; ``str()`` of anything else)."""
    return cite.text_in(lang) if isinstance(cite, Citation) else str(cite)


def format_value(value: object, unit: str = "", lang: str = "zh") -> str:
    """Show a step value: rates as percentages, yuan with two decimals and separators.

    >>> format_value(Decimal("0.175"), "rate"), format_value(Decimal("1234.5"), "yuan")
    ('17.5%', '1,234.50')
    >>> format_value(True, "bool", "zh"), format_value(False, "bool", "en")
    ('是', 'no')
    >>> format_value(("23040010", "23040090"), "", "zh"), format_value(("A", "B"), "", "en")
    ('23040010、23040090', 'A, B')
    """
    if isinstance(value, Decimal):
        if unit == "yuan":  # an amount: with two decimals unless it has more
            return _yuan_text(value)
        if unit == "rate":
            return f"{format(CONTEXT.normalize(CONTEXT.multiply(value, _HUNDRED)), 'f')}%"
        integral = value == value.to_integral_value(context=CONTEXT)
        return format(value.normalize(CONTEXT), "f") if integral else str(value)
    if isinstance(value, bool):
        if lang == "zh":
            return "是" if value else "否"
        return "yes" if value else "no"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):  # a list of codes or names
        return ("、" if lang == "zh" else ", ").join(format_value(v, unit, lang) for v in value)
    return str(value)


def _yuan_text(value: Decimal) -> str:
    """An amount of yuan as shown: with separators and two decimals, or all its decimals when it has more.

    ``value`` is shown as it is, never rounded: with two decimals when it has at
    most two (or more, all zeros), else with every decimal it has.  Most amounts
    have two decimals, and are written by one exact ``format`` (no context read).

    >>> [_yuan_text(Decimal(v)) for v in ("1234.56", "1234", "-0.5", "1.230", "364116.665", "5E+3", "1E-9")]
    ['1,234.56', '1,234.00', '-0.50', '1.23', '364,116.665', '5,000.00', '1E-9']
    """
    text = f"{value:,f}"  # every digit, exactly
    if text[-3:-2] == ".":  # two decimals
        return text
    point = text.rfind(".")
    if point < 0:  # a whole number of yuan
        if value.is_finite():
            return f"{text}.00"
        return f"{value:,.2f}" if value == _to_fen(value, _FEN) else f"{value:,}"  # not a number: as it was
    if point == len(text) - 2:  # one decimal
        return f"{text}0"
    if text[point + 3 :].strip("0"):  # more decimals than the fen: every one, as str() writes them
        return f"{value:,}"
    return text[: point + 3]  # the decimals past the fen all zeros


def jsonable(value: object) -> Any:
    """Convert a result value to JSON-ready data: Decimal and dates as strings, never floats.

    >>> jsonable((Decimal("1.50"), 2, None, _dt.date(2018, 12, 31), Citation("财税〔2018〕77号", "一")))
    ['1.50', 2, None, '2018-12-31', {'doc': '财税〔2018〕77号', 'article': '一'}]
    """
    cls = value.__class__  # the values of results, by their exact class (a subclass: as below)
    if cls is Decimal:
        return str(value)
    if cls is str or cls is int or cls is bool or value is None:
        return value
    if cls is tuple or cls is list:
        return [jsonable(v) for v in value]  # type: ignore[attr-defined]
    if cls is Step:
        return value.as_dict()  # type: ignore[attr-defined]
    return _jsonable(value)


def _jsonable(value: object) -> Any:
    """:func:`jsonable` of any value: a result, a subclass of a plain type, a date, a mapping, a dataclass."""
    if isinstance(value, Explained):
        return value.as_dict()
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Step):
        return value.as_dict()
    if isinstance(value, Citation):
        return value.as_dict()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        return [jsonable(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: jsonable(getattr(value, name)) for name in _field_names(type(value))}
    raise TypeError(f"cannot convert {type(value).__name__} to JSON data")


def _field_names(cls: type) -> tuple[str, ...]:
    """The names of the fields of the dataclass ``cls``, in order (:func:`dataclasses.fields`).

    Read once per class and kept on it (``_jsonable_fields``; a subclass reads its own).
    """
    names: tuple[str, ...] | None = cls.__dict__.get("_jsonable_fields")
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls))
        type.__setattr__(cls, "_jsonable_fields", names)
    return names


class Explained:
    """Mixin for result dataclasses that carry a ``steps`` tuple."""

    __slots__ = ()

    steps: tuple[Step, ...]

    def explain(self, lang: str = "zh") -> str:
        """The steps, one numbered line each, in ``"zh"`` or ``"en"``."""
        return "\n".join([_line(s, lang, i) for i, s in enumerate(self.steps, 1)])

    def as_dict(self) -> dict[str, Any]:
        """Every figure and step as JSON-ready data (amounts as strings)."""
        assert dataclasses.is_dataclass(self)
        return {name: jsonable(getattr(self, name)) for name in _field_names(type(self))}

    def step(self, name: str) -> Step:
        """The step called ``name`` (``KeyError`` if there is none)."""
        for s in self.steps:
            if s.name == name:
                return s
        raise KeyError(name)


class _Later:
    """The ``steps`` of a result, written when they are first read: ``write(result, *args)``.

    A rule computes its figures and hands its result ``later(write, *args)`` in
    place of the steps; ``write`` makes the steps from the result's figures and
    ``args`` (the law values read, or what else the figures do not hold) the
    first time anything reads them — ``result.steps``, :meth:`Explained.explain`,
    :meth:`Explained.as_dict`, ``==``, ``repr``.  The steps are then kept on the
    result, which is immutable.  Only for a result class made with
    :func:`steps_when_read`; ``write`` reads no law (whatever could fail is
    read while computing the figures).

    >>> @steps_when_read
    ... @dataclasses.dataclass(frozen=True, slots=True)
    ... class Doubled(Explained):
    ...     value: Decimal
    ...     steps: tuple[Step, ...]
    >>> def write(r: Doubled, given: Decimal) -> list[Step]:
    ...     print("writing")
    ...     return [Step("given", "给定", "given", given, "yuan"), Step("double", "两倍", "doubled", r.value, "yuan")]
    >>> r = Doubled(Decimal(4), later(write, Decimal(2)))
    >>> print(r.explain("en"))
    writing
    1. given: 2.00
    2. doubled: 4.00
    >>> r.step("double").value, len(r.steps)
    (Decimal('4'), 2)
    """

    __slots__ = ("args", "write")

    def __init__(self, write: Callable[..., Iterable[Step]], *args: Any) -> None:
        self.write = write
        self.args = args


if TYPE_CHECKING:
    def later(write: Callable[..., Iterable[Step]], *args: Any) -> tuple[Step, ...]:
        """The ``steps`` of a result, written when they are first read (:class:`_Later`)."""

    def made_when_read(make: Callable[..., _T], *args: Any) -> _T:
        """A field of a result made the first time it is read: ``make(result, *args)`` (:func:`result`)."""
else:
    later = _Later  # the placeholder itself, made in one call
    made_when_read = _Later  # the same placeholder, for a field declared ``when_read`` (see result())


class _StepsWhenRead:
    """The ``steps`` field of a result made with :func:`steps_when_read`: writes them the first time it is read."""

    __slots__ = ("slot",)

    def __init__(self, slot: Any) -> None:
        self.slot = slot  # the dataclass's own slot for ``steps``

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = self.slot.__get__(obj, owner)
        if value.__class__ is _Later:
            value = tuple(value.write(obj, *value.args))
            self.slot.__set__(obj, value)
        return value

    def __set__(self, obj: object, value: object) -> None:
        self.slot.__set__(obj, value)


def steps_when_read(cls: _C) -> _C:
    """Let the result dataclass ``cls`` (frozen, slotted) take its ``steps`` from :func:`later`.

    ``steps`` stays a field in its place: :func:`dataclasses.fields`, ``==``,
    ``repr``, :meth:`Explained.as_dict` and :meth:`Explained.explain` see the steps
    as written.  Steps given as a tuple are kept as they are.
    """
    slot = cls.__dict__["steps"]
    setattr(cls, "steps", _StepsWhenRead(slot))  # noqa: B010
    return cls


class _InDict:
    """A field of a :func:`result` kept in the result's ``__dict__``, made the first time it is read.

    The value given may be a placeholder (:func:`later` for the steps,
    :func:`made_when_read` for a field declared ``when_read``): reading the field
    makes it from the result and the placeholder's arguments, and keeps it.
    """

    __slots__ = ("name", "steps")

    def __init__(self, name: str, steps: bool) -> None:  # noqa: FBT001
        self.name = name
        self.steps = steps  # the steps: kept as a tuple

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self
        fields = obj.__dict__
        value = fields[self.name]
        if value.__class__ is _Later:
            value = value.write(obj, *value.args)
            if self.steps:
                value = tuple(value)
            fields[self.name] = value
        return value

    def __set__(self, obj: object, value: object) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {self.name!r}")


@overload
def result(cls: _C, /) -> _C: ...


@overload
def result(*, when_read: tuple[str, ...]) -> Callable[[_C], _C]: ...


@dataclass_transform(frozen_default=True)
def result(cls: _C | None = None, /, *, when_read: tuple[str, ...] = ()) -> Any:
    """Make ``cls`` an explained result: a frozen dataclass whose figures are set at once.

    A result is made for every computation and often read only for a figure or two,
    so its constructor does one thing: it keeps the values given (positionally, or
    by keyword with the fields' defaults) as the result's ``__dict__``.  The class
    is otherwise a frozen dataclass — :func:`dataclasses.fields`, ``==``, ``hash``,
    ``repr``, :func:`dataclasses.replace`, pickling and copying — and a ``steps``
    field may be given :func:`later` (written when first read, as with
    :func:`steps_when_read`).

    >>> @result
    ... class Doubled(Explained):
    ...     value: Decimal
    ...     steps: tuple[Step, ...] = ()
    >>> d = Doubled(Decimal(4), later(lambda r: [Step("double", "两倍", "doubled", r.value, "yuan")]))
    >>> d.explain("en"), d == Doubled(value=Decimal(4), steps=d.steps)
    ('1. doubled: 4.00', True)

    ``@result(when_read=(name, ...))``: those fields too may be given
    :func:`made_when_read` (a part of the result that is often not read, made
    the first time it is; everything that can fail is checked before).

    >>> @result(when_read=("half",))
    ... class Halved(Explained):
    ...     value: Decimal
    ...     half: Decimal
    ...     steps: tuple[Step, ...] = ()
    >>> h = Halved(Decimal(4), made_when_read(lambda r, by: r.value / by, 2))
    >>> h.half, h == Halved(Decimal(4), Decimal(2))
    (Decimal('2'), True)
    """
    if cls is None:
        return lambda c: _make_result(c, when_read)
    return _make_result(cls, when_read)


def _make_result(cls: _C, when_read: tuple[str, ...]) -> _C:
    out: Any = dataclasses.dataclass(frozen=True, init=False)(cls)
    fields = dataclasses.fields(out)
    names = tuple(f.name for f in fields)
    count = len(names)
    defaults = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
    factories = {f.name: f.default_factory for f in fields if f.default_factory is not dataclasses.MISSING}
    title = out.__name__

    def bound(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        if len(args) > count:
            raise TypeError(f"{title}() takes {count} arguments but {len(args)} were given")
        values = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if name not in names:
                raise TypeError(f"{title}() got an unexpected keyword argument {name!r}")
            if name in values:
                raise TypeError(f"{title}() got multiple values for argument {name!r}")
            values[name] = value
        for name in names:
            if name not in values:
                if name in defaults:
                    values[name] = defaults[name]
                elif name in factories:
                    values[name] = factories[name]()
                else:
                    raise TypeError(f"{title}() missing required argument: {name!r}")
        return tuple(values[name] for name in names)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:  # noqa: N807
        if kwargs or len(args) != count:
            args = bound(args, kwargs)
        self.__dict__.update(zip(names, args, strict=False))  # as many as names

    def __getstate__(self: Any) -> dict[str, Any]:  # noqa: N807
        return {name: getattr(self, name) for name in names}  # the steps written

    __init__.__qualname__ = f"{out.__qualname__}.__init__"
    out.__init__ = __init__
    out.__getstate__ = __getstate__
    for name in when_read:
        if name not in names or name == "steps":
            raise TypeError(f"{title}: when_read names a field other than steps (got {name!r})")
        setattr(out, name, _InDict(name, steps=False))
    if "steps" in names:
        out.steps = _InDict("steps", steps=True)
    return out  # type: ignore[no-any-return]

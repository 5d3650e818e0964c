"""Input records declared once: a frozen dataclass whose fields say what they accept.

Each field is annotated ``Annotated[type, FieldKind(doc, …)]`` (see
:mod:`taxcalc.inputs.fields`).  From that one declaration come the Python
constructor, :func:`parse` (a mapping — a parsed JSON or TOML document — into the
record, every problem reported at once with its path and a did-you-mean for
unknown names), and :func:`json_schema` (what :func:`parse` accepts from JSON).

A record may check facts across its fields in a ``checks(self)`` method yielding
``(field, reason)`` pairs; those run on every record that read cleanly, and are
listed in the schema's ``x-checks`` (JSON Schema cannot say them).  A record may
make fields of its own from the others (``field(init=False)``) in a
``derive(self)`` method, run once the checks pass; or, for a checked record,
declare such a field ``derived("method")``: it is made by that method the first
time it is read, and kept (a record is often read for a few of its fields).

``@record(checked=True)`` makes a record of the library's API: its constructor
checks each argument it is given (not those left at their default) by the
field's :meth:`~taxcalc.inputs.Field.take` — Python's spellings too: any
``Decimal``, a string as :func:`taxcalc.money.money` reads it, a mapping for a
nested record, any iterable for a list — and raises the error of the first
problem, naming the field by its path; :func:`take` reads such a record from a
mapping the same way (its ``from_mapping``).  :func:`parse` reads every record
from a document by the strict grammar, reporting every problem, and does not
check again what it has read.  ``read_first`` names fields read before the others
(the first problem is the one raised).

Both read a table in two ways.  Each record class has a plan, made once with its
table of fields: for each field, how a value plainly valid for its kind is read in
place (an amount of digits, a whole number in range, a known name, a list of
whole numbers, nested tables and rows by the same plan).  A table whose every
value is valid and whose checks pass is read by that plan in one pass; any other
table — an unknown or missing name, a value with a problem, a check not met — is
read again by the full reader, which finds and reports the problems exactly as
it always has.  The quick reader makes the record the full reader would make.

>>> from decimal import Decimal
>>> from typing import Annotated
>>> from taxcalc.inputs import Amount, Integer, Rows, parse, record
>>> @record
... class Loss:
...     '''A loss brought forward.'''
...     year: Annotated[int, Integer("the year it arose", minimum=1990, maximum=2099)]
...     amount: Annotated[Decimal, Amount("not yet made up", sign="positive")]
>>> parse(Loss, {"year": 2016, "amount": "300000"})
Loss(year=2016, amount=Decimal('300000'))
>>> @record
... class Losses:
...     '''Losses.'''
...     losses: Annotated[tuple[Loss, ...], Rows("the losses", Loss)] = ()
>>> parse(Losses, {"losses": [{"year": 2016, "amout": "1"}]})
Traceback (most recent call last):
...
taxcalc.errors.InputProblems: 2 problems in the input:
losses[0].amout: unknown field; did you mean 'amount'?
losses[0].amount: missing (required)
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import difflib
import sys
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, NamedTuple, TypeVar, dataclass_transform, overload

from ..errors import InputProblems, InvalidInput, NotMoney, Problem
from . import grammar
from .fields import (
    BAD,
    Amount,
    Choice,
    Date,
    Field,
    Flag,
    Integer,
    Integers,
    Text,
    Year,
    Years,
    shown,
)

__all__ = ["Nested", "Rows", "derived", "json_schema", "parse", "read", "record", "spec", "take"]

R = TypeVar("R")
E = TypeVar("E", bound=InvalidInput | NotMoney)

#: Rows of a list are limited so that a file can never ask for unbounded work.
MAX_ROWS = 100_000


class Nested(Field):
    """A table holding another record."""

    kind = "record"

    def __init__(self, doc: str, cls: type[Any]) -> None:
        super().__init__(doc)
        self.cls = cls

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if isinstance(raw, self.cls):
            return raw
        return read(self.cls, raw, path, problems)

    def take(self, value: object, path: str) -> Any:
        """The record itself, or a mapping read by :func:`take`."""
        if isinstance(value, self.cls):
            return value
        try:
            return _take(self.cls, value)
        except (InvalidInput, NotMoney) as exc:
            raise located(exc, path) from None

    def _schema(self) -> dict[str, Any]:
        return _object_schema(self.cls)


class Rows(Field):
    """A list of tables, each a record of ``cls``; read as a tuple."""

    kind = "records"

    def __init__(self, doc: str, cls: type[Any], *, max_items: int = MAX_ROWS) -> None:
        super().__init__(doc)
        self.cls = cls
        self.max_items = max_items

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if not isinstance(raw, list | tuple):
            problems.append(Problem(path, f"must be a list of tables (got {shown(raw)})"))
            return BAD
        if len(raw) > self.max_items:
            problems.append(Problem(path, f"has {len(raw)} rows; at most {self.max_items}"))
            return BAD
        before = len(problems)
        cls = self.cls
        rows = [item if isinstance(item, cls) else read(cls, item, f"{path}[{i}]", problems)
                for i, item in enumerate(raw)]
        return BAD if len(problems) > before else tuple(rows)

    def take(self, value: object, path: str) -> Any:
        """Any iterable of records or mappings (each read by :func:`take`); a tuple."""
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
            raise InvalidInput(path, "must be a list of tables")
        cls = self.cls
        rows = []
        for i, item in enumerate(value):
            if isinstance(item, cls):
                rows.append(item)
                continue
            try:
                rows.append(_take(cls, item))
            except (InvalidInput, NotMoney) as exc:
                raise located(exc, f"{path}[{i}]") from None
        if len(rows) > self.max_items:
            raise InvalidInput(path, f"has {len(rows)} rows; at most {self.max_items}")
        return tuple(rows)

    def _schema(self) -> dict[str, Any]:
        return {"type": "array", "maxItems": self.max_items, "items": _object_schema(self.cls)}


#: The default of a required field in a record's table of fields (see ``_Spec.by_name``).
_REQUIRED: Any = object()


class FieldSpec(NamedTuple):
    """One field of a record: its name, kind, whether required, and its default."""

    name: str
    field: Field
    required: bool
    default: Any


class _Spec(NamedTuple):
    fields: tuple[FieldSpec, ...]
    names: frozenset[str]
    checks: Callable[[Any], Iterator[tuple[str, str]]] | None
    #: The fields in the order they are read (``read_first`` first).
    order: tuple[FieldSpec, ...]
    required: tuple[str, ...]
    derive: Callable[[Any], None] | None
    #: Whether the constructor checks its arguments (``record(checked=True)``).
    checked: bool
    #: The required names, as a set.
    required_names: frozenset[str]
    #: Every field by name: its kind's :meth:`~taxcalc.inputs.Field.take` and its default (:data:`_REQUIRED`
    #: for a required one: a ``None`` given for it is taken by its field, which refuses it).
    by_name: dict[str, tuple[Callable[[object, str], Any], Any]]
    #: The fields read before the others.
    first: tuple[str, ...]
    #: The defaults that are values, by name (the start of a record's ``__dict__``).
    values: dict[str, Any]
    #: The fields whose default is a factory (called for each record).
    factories: tuple[tuple[str, Callable[[], Any]], ...]
    #: The plan of the reader of a table whose every value is valid (see :func:`_quick`).
    plan: _Plan


class _Plan(NamedTuple):
    """How :func:`_quick` reads a record: made once per record class, with its field table."""

    cls: type[Any]
    checked: bool
    #: The number of fields read (those of ``init``).
    size: int
    #: The defaults that are values, by name; and those made by a factory.
    defaults: dict[str, Any]
    factories: tuple[tuple[str, Callable[[], Any]], ...]
    #: Every field by name: how a value is read (:func:`_how`): a kind, two arguments, the field's ``take``.
    how: dict[str, tuple[int, Any, Any, Callable[[object, str], Any]]]
    #: Every field's :meth:`~taxcalc.inputs.Field.read` by name (the strict grammar, :func:`_quick_read`).
    reads: dict[str, Callable[[object, str, list[Problem]], Any]]
    checks: Callable[[Any], Iterator[tuple[str, str]]] | None
    derive: Callable[[Any], None] | None


# How a value is read by the quick reader: the kind of the field, then two arguments (see ``_how``).
_TAKE, _AMOUNT, _INTEGER, _CHOICE, _TEXT, _FLAG, _DATE, _WHOLES, _ROWS, _NESTED = range(10)


def _post_init(self: Any) -> None:
    """The constructor of a checked record: each argument given taken by its field, then the checks."""
    s = _spec(type(self))
    setattr_ = object.__setattr__
    for name, field, _required, default in s.order:
        value = getattr(self, name)
        if value is not default:
            setattr_(self, name, field.take(value, name))
    _finish(self, s, "")


def _finish(obj: Any, s: _Spec, path: str) -> None:
    """Raise the first problem of the checks across fields of ``obj``; then make its derived fields."""
    if s.checks is not None:
        for name, reason in s.checks(obj):
            raise InvalidInput(f"{path}.{name}" if path and name else name or path, reason)
    if s.derive is not None:
        s.derive(obj)


#: The key of a field's metadata naming the method that makes a :func:`derived` field.
_DERIVED = "taxcalc.derived"


def derived(method: str) -> Any:
    """A field of a checked record made from its other fields by ``method`` the first time it is read.

    Declared ``name: T = derived("method")`` in a ``@record(checked=True)`` class,
    it is a field like one set by ``derive(self)`` — not given to the constructor,
    left out of ``==`` and ``repr``, listed by :func:`dataclasses.fields` — but
    made only when something reads it: ``method(self)`` computes it from the
    record's fields (checked already: it raises nothing) and the value is kept in
    the record's ``__dict__``, where later readings find it at once.  Fields made
    together name the same method, which returns their values as a tuple, in the
    order the fields are declared: reading one of them makes them all.

    >>> from decimal import Decimal
    >>> from typing import Annotated
    >>> from taxcalc.inputs import Amount
    >>> @record(checked=True)
    ... class Pair:
    ...     "Two amounts."
    ...     first: Annotated[Decimal, Amount("the first")]
    ...     second: Annotated[Decimal, Amount("the second")]
    ...     both: Decimal = derived("_both")
    ...     def _both(self) -> Decimal:
    ...         print("adding")
    ...         return self.first + self.second
    >>> p = Pair("1", "2")
    >>> p.both
    adding
    Decimal('3')
    >>> p.both, p == Pair("1", "2"), p
    (Decimal('3'), True, Pair(first=Decimal('1'), second=Decimal('2')))
    """
    return dataclasses.field(init=False, repr=False, compare=False, metadata={_DERIVED: method})


class _Derived:
    """The class attribute of :func:`derived` fields: makes their values when they are not yet in ``__dict__``.

    Not a data descriptor: once made, the value kept in the record's ``__dict__``
    is found first, without a call.  ``names``: the fields made by ``make``
    together (one in most cases), ``index`` this field's place among them.
    """

    __slots__ = ("index", "make", "names")

    def __init__(self, names: tuple[str, ...], index: int, make: Callable[[Any], Any]) -> None:
        self.names = names
        self.index = index
        self.make = make

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self
        made = self.make(obj)
        names = self.names
        if len(names) == 1:
            obj.__dict__[names[0]] = made
            return made
        obj.__dict__.update(zip(names, made, strict=True))
        return made[self.index]


def _derived_fields(cls: type[Any]) -> None:
    """Set the class attribute of each :func:`derived` field of the checked record ``cls``."""
    by_method: dict[str, list[str]] = {}
    for f in dataclasses.fields(cls):
        if _DERIVED in f.metadata:
            by_method.setdefault(f.metadata[_DERIVED], []).append(f.name)
    for method, names in by_method.items():
        make = getattr(cls, method)
        for i, name in enumerate(names):
            setattr(cls, name, _Derived(tuple(names), i, make))


@overload
def record(cls: type[R], /) -> type[R]: ...
@overload
def record(*, checked: bool = False, read_first: tuple[str, ...] = ()) -> Callable[[type[R]], type[R]]: ...


@dataclass_transform(frozen_default=True)
def record(cls: type[R] | None = None, /, *, checked: bool = False,
           read_first: tuple[str, ...] = ()) -> type[R] | Callable[[type[R]], type[R]]:
    """Make ``cls`` a frozen, slotted dataclass read by :func:`parse` and described by :func:`json_schema`.

    ``checked``: its constructor checks its arguments (see the module notes), and its
    fields are kept in its ``__dict__`` (not slots) so that :func:`take` and
    :func:`parse` set them at once; ``read_first``: fields read before the others.
    """
    caller = sys._getframe(1)  # where the annotations' names are (they are read when first needed)

    def make(c: type[R]) -> type[R]:
        if checked and "__post_init__" not in c.__dict__:
            c.__post_init__ = _post_init  # type: ignore[attr-defined]
        # A checked record keeps its fields in its ``__dict__``: read from a mapping, its values are set at once.
        out = dataclasses.dataclass(frozen=True, slots=not checked)(c)
        if checked:
            _derived_fields(out)
        elif any(_DERIVED in f.metadata for f in dataclasses.fields(out)):  # type: ignore[arg-type]
            raise TypeError(f"{out.__name__}: a derived field needs @record(checked=True)")
        out.__taxcalc_record__ = None  # type: ignore[attr-defined]  # the field table, made when first needed
        out.__taxcalc_names__ = (caller.f_globals, caller.f_locals)  # type: ignore[attr-defined]
        out.__taxcalc_options__ = (checked, read_first)  # type: ignore[attr-defined]
        return out

    return make if cls is None else make(cls)


def spec(cls: type[Any]) -> tuple[FieldSpec, ...]:
    """The fields of record ``cls``, in declaration order."""
    return _spec(cls).fields


def _spec(cls: type[Any]) -> _Spec:
    made = cls.__dict__.get("__taxcalc_record__")
    if made is not None:
        return made  # type: ignore[no-any-return]
    if "__taxcalc_record__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not an input record (decorate it with @record)")
    names = cls.__dict__.get("__taxcalc_names__", (None, None))
    hints = typing.get_type_hints(cls, globalns=names[0], localns=names[1], include_extras=True)
    fields = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        meta = [m for m in getattr(hints[f.name], "__metadata__", ()) if isinstance(m, Field)]
        if len(meta) != 1:
            raise TypeError(f"{cls.__name__}.{f.name}: annotate it Annotated[type, <field kind>]")
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        default = f.default if f.default_factory is dataclasses.MISSING else f.default_factory
        fields.append(FieldSpec(f.name, meta[0], required, default))
    checked, read_first = cls.__dict__.get("__taxcalc_options__", (False, ()))
    first = [f for name in read_first for f in fields if f.name == name]
    order = (*first, *(f for f in fields if f.name not in read_first))
    made = _Spec(tuple(fields), frozenset(f.name for f in fields), getattr(cls, "checks", None), order,
                 tuple(f.name for f in fields if f.required), getattr(cls, "derive", None), checked,
                 frozenset(f.name for f in fields if f.required),
                 {f.name: (f.field.take, _REQUIRED if f.required else f.default) for f in order}, tuple(read_first),
                 {f.name: f.default for f in fields if not f.required and not callable(f.default)},
                 tuple((f.name, f.default) for f in fields if not f.required and callable(f.default)),
                 _Plan(cls, checked, len(fields),
                       {f.name: f.default for f in fields if not f.required and not callable(f.default)},
                       tuple((f.name, f.default) for f in fields if not f.required and callable(f.default)),
                       {f.name: _how(f.field, cls) for f in fields}, {f.name: f.field.read for f in fields},
                       getattr(cls, "checks", None),
                       getattr(cls, "derive", None)))
    type.__setattr__(cls, "__taxcalc_record__", made)
    return made


def _how(field: Field, owner: type[Any]) -> tuple[int, Any, Any, Callable[[object, str], Any]]:
    """How :func:`_quick` reads a value of ``field``: a kind, two arguments, and the field's ``take``.

    A value plainly valid for the kind is read in place, as the kind's
    :meth:`~taxcalc.inputs.Field.take` returns it; any other value by the field's
    ``take`` itself.  Only the kinds themselves, not their subclasses, are read in place.
    """
    kind, take_ = type(field), field.take
    if isinstance(field, Amount) and kind is Amount:
        # a string of at most 16 ASCII digits, or a whole number in the range: one Decimal (the lowest
        # whole number the sign allows, and the highest)
        top = grammar.AMOUNT_LIMIT - 1
        return _AMOUNT, {"any": -top, "nonnegative": 0, "positive": 1}[field.sign], top, take_
    if isinstance(field, Integer) and kind in (Integer, Year):  # a whole number in the range, as it is
        return _INTEGER, field.minimum, field.maximum, take_
    if isinstance(field, Choice) and kind is Choice and field._known is not None:  # one of the names, as it is
        return _CHOICE, field._known, None, take_
    if kind is Text:  # any string, as it is
        return _TEXT, None, None, take_
    if kind is Flag:  # a bool, as it is
        return _FLAG, None, None, take_
    if kind is Date:  # a date, as it is; a string as date.fromisoformat reads it
        return _DATE, None, None, take_
    if isinstance(field, Integers) and kind in (Integers, Years) and type(field.item) in (Integer, Year):
        # a list of whole numbers in the range: sorted, each once
        item = field.item
        assert isinstance(item, Integer)
        return _WHOLES, (item.minimum, item.maximum), (field.min_items, field.max_items), take_
    if isinstance(field, Rows) and kind is Rows and field.cls is not owner:  # each row a table read quickly
        return _ROWS, _spec(field.cls).plan, field.max_items, take_
    if isinstance(field, Nested) and kind is Nested and field.cls is not owner:  # a table read quickly
        return _NESTED, _spec(field.cls).plan, None, take_
    return _TAKE, None, None, take_


def read(cls: type[R], data: object, path: str, problems: list[Problem]) -> R | Any:
    """Read record ``cls`` from ``data``, adding problems (with paths under ``path``); :data:`BAD` if any."""
    s = _spec(cls)
    if data.__class__ is dict:  # the common case first: a table whose every value is valid
        made = _quick_read(s.plan, data)
        if made is not _MISS:
            return made
    return _read_each(cls, s, data, path, problems)


def _read_each(cls: type[R], s: _Spec, data: object, path: str, problems: list[Problem]) -> R | Any:
    """The full reader of :func:`read`: every name, every value, then the checks, each problem added."""
    prefix = f"{path}." if path else ""
    if not isinstance(data, Mapping):
        problems.append(Problem(path, f"must be a table (got {shown(data)})"))
        return BAD
    before = len(problems)
    for name in data:
        if name not in s.names:
            near = difflib.get_close_matches(str(name), sorted(s.names), n=1)
            hint = f"did you mean {near[0]!r}?" if near else f"expected one of: {', '.join(sorted(s.names))}"
            problems.append(Problem(f"{prefix}{name}", f"unknown field; {hint}"))
    values: dict[str, Any] = {}
    for name, field, required, _default in s.fields:
        if name in data:
            values[name] = field.read(data[name], f"{prefix}{name}", problems)
        elif required:
            problems.append(Problem(f"{prefix}{name}", "missing (required)"))
    if len(problems) > before:
        return BAD
    made = _made(cls, s, values) if s.checked else cls(**values)
    if s.checks is not None:
        for name, reason in s.checks(made):
            problems.append(Problem(f"{prefix}{name}" if name else path, reason))
    if len(problems) > before:
        return BAD
    if s.derive is not None:
        s.derive(made)
    return made


def _made(cls: type[R], s: _Spec, values: Mapping[str, Any]) -> R:
    """A checked record of ``values`` (read already), the others at their defaults, without checking again."""
    fields = s.values.copy()
    for name, factory in s.factories:
        fields[name] = factory()
    fields.update(values)
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    return obj


def take(cls: type[R], data: object, path: str = "") -> R:
    """Read the checked record ``cls`` from a mapping of Python values, as its constructor takes them.

    Raise the first problem (an unknown field, then a missing one, then a value — those read
    first, then in the order given —, then the checks across fields), naming the field by its
    path under ``path``.
    """
    try:
        return _take(cls, data)
    except (InvalidInput, NotMoney) as exc:
        raise located(exc, path) if path or exc.field else located(exc, "input") from None


def located(exc: E, where: str) -> E:
    """``exc``, a problem of a field of a table, with its field named under the table's path ``where``.

    A value is read with its field's name alone; the path of the table it is in is
    added when a problem is raised, so that reading a valid table makes no path.
    """
    if where:
        field = exc.field
        exc.field = f"{where}.{field}" if field and field[0] != "[" else f"{where}{field}"
        exc.args = (f"{exc.field}: {exc.reason}",)
    return exc


#: What :func:`_quick` returns for a table it leaves to the full reader.
_MISS: Any = object()
_new, _set = object.__new__, object.__setattr__
#: The types of a list of whole numbers (never a bool).
_WHOLE = frozenset({int})


def _quick(plan: _Plan, data: dict[str, Any]) -> Any:
    """The record of ``data`` when every value is valid and the checks pass; :data:`_MISS` otherwise.

    The common case, read in one pass: a table with known names, the required ones
    given, each value plainly valid for its field (read in place as the field's
    ``take`` would return it, a nested table read by this function, any other value
    by the field's ``take``), the checks across fields passing.  Anything else —
    an unknown or missing name, a ``None``, a value its field refuses, a check not
    met — makes it give up: the full reader (``_take_each``) reads the table again
    and raises the first problem, as it does for every table it is given.  So the
    record returned is the one the full reader makes, and the error raised too.
    """
    cls, checked, size, defaults, factories, how, _reads, checks, derive = plan
    values = defaults.copy()
    for name, factory in factories:
        values[name] = factory()
    for name, value in data.items():
        try:
            code, a, b, take_ = how[name]
        except KeyError:  # an unknown name
            return _MISS
        kind = value.__class__
        if code == _AMOUNT:
            if kind is str:
                if value.isdigit() and value.isascii() and len(value) <= 16:
                    amount = Decimal(value)
                    if amount or a <= 0:  # a positive amount is not zero
                        values[name] = amount
                        continue
            elif kind is int and a <= value <= b:
                values[name] = Decimal(value)
                continue
        elif code == _INTEGER:
            if kind is int and a <= value <= b:
                values[name] = value
                continue
        elif code == _CHOICE:
            if kind is str and value in a:
                values[name] = value
                continue
        elif code == _ROWS:
            if (kind is list or kind is tuple) and len(value) <= b:
                row_cls = a.cls
                rows = []
                for item in value:
                    if item.__class__ is dict:
                        item = _quick(a, item)
                        if item is _MISS:
                            return _MISS
                    elif not isinstance(item, row_cls):
                        return _MISS
                    rows.append(item)
                values[name] = tuple(rows)
                continue
        elif code == _NESTED:
            if kind is dict:
                value = _quick(a, value)
                if value is _MISS:
                    return _MISS
                values[name] = value
                continue
        elif code == _TEXT:
            if kind is str:
                values[name] = value
                continue
        elif code == _FLAG:
            if kind is bool:
                values[name] = value
                continue
        elif code == _DATE:
            if kind is _dt.date:
                values[name] = value
                continue
            if kind is str:
                try:
                    values[name] = _dt.date.fromisoformat(value)
                    continue
                except ValueError:
                    pass  # left to the field's take (a day with spaces around it), which may refuse it
        elif code == _WHOLES:
            if (kind is list or kind is tuple) and b[0] <= len(value) <= b[1]:
                if not value or (set(map(type, value)) == _WHOLE and a[0] <= min(value) and max(value) <= a[1]):
                    values[name] = tuple(sorted(set(value)))
                    continue
        if value is None:  # left to the full reader (kept for a field whose default is None)
            return _MISS
        try:
            values[name] = take_(value, name)
        except (InvalidInput, NotMoney):
            return _MISS
    if len(values) != size:  # a required field missing (the others are in ``values`` from the start)
        return _MISS
    if checked:
        obj = _new(cls)
        _set(obj, "__dict__", values)
    else:  # a slotted record: its constructor checks nothing
        obj = cls(**values)
    if checks is not None:
        for _problem in checks(obj):
            return _MISS
    if derive is not None:
        derive(obj)
    return obj


def _quick_read(plan: _Plan, data: dict[str, Any]) -> Any:
    """:func:`read` of a table whose every value is valid by the strict grammar; :data:`_MISS` otherwise.

    As :func:`_quick`, for a document: a value plainly valid for its field is read in
    place as the field's :meth:`~taxcalc.inputs.Field.read` reads it (an amount of
    digits without a leading zero, a whole number in range, a known name, a bool, a
    list of whole numbers, nested tables and rows by this function), any other value
    by the field's ``read``; anything else — an unknown or missing name, a value
    with a problem, a check not met — is left to :func:`read`, which reports every
    problem.  The record made is the one :func:`read` makes.
    """
    cls, checked, size, defaults, factories, how, reads, checks, derive = plan
    values = defaults.copy()
    for name, factory in factories:
        values[name] = factory()
    problems: list[Problem] = []
    for name, value in data.items():
        try:
            code, a, b, _take_ = how[name]
        except KeyError:  # an unknown name
            return _MISS
        kind = value.__class__
        if code == _AMOUNT:
            if kind is str:
                if (value.isdigit() and value.isascii() and len(value) <= 16
                        and (value[0] != "0" or len(value) == 1)):  # the grammar's digits: no leading zero
                    amount = Decimal(value)
                    if amount or a <= 0:  # a positive amount is not zero
                        values[name] = amount
                        continue
            elif kind is int and a <= value <= b:
                values[name] = Decimal(value)
                continue
        elif code == _INTEGER:
            if kind is int and a <= value <= b:
                values[name] = value
                continue
        elif code == _CHOICE:
            if kind is str and value in a:
                values[name] = value
                continue
        elif code == _ROWS:
            if (kind is list or kind is tuple) and len(value) <= b:
                row_cls = a.cls
                rows = []
                for item in value:
                    if item.__class__ is dict:
                        item = _quick_read(a, item)
                        if item is _MISS:
                            return _MISS
                    elif not isinstance(item, row_cls):
                        return _MISS
                    rows.append(item)
                values[name] = tuple(rows)
                continue
        elif code == _NESTED:
            if kind is dict:
                value = _quick_read(a, value)
                if value is _MISS:
                    return _MISS
                values[name] = value
                continue
        elif code == _FLAG:
            if kind is bool:
                values[name] = value
                continue
        elif code == _WHOLES:
            if (kind is list or kind is tuple) and b[0] <= len(value) <= b[1]:
                if not value or (set(map(type, value)) == _WHOLE and a[0] <= min(value) and max(value) <= a[1]):
                    values[name] = tuple(sorted(set(value)))
                    continue
        values[name] = reads[name](value, name, problems)
        if problems:
            return _MISS
    if len(values) != size:  # a required field missing (the others are in ``values`` from the start)
        return _MISS
    if checked:
        obj = _new(cls)
        _set(obj, "__dict__", values)
    else:  # a slotted record: its constructor checks nothing
        obj = cls(**values)
    if checks is not None:
        for _problem in checks(obj):
            return _MISS
    if derive is not None:
        derive(obj)
    return obj


def _take(cls: type[R], data: object) -> R:
    """:func:`take`, naming the fields of the record by their names alone (``""``: the record)."""
    s = cls.__dict__.get("__taxcalc_record__") or _spec(cls)
    if data.__class__ is dict:  # the common case first: a table whose every value is valid
        made = _quick(s.plan, data)
        if made is not _MISS:
            return made  # type: ignore[no-any-return]
    return _take_each(cls, s, data)


def _take_each(cls: type[R], s: _Spec, data: object) -> R:
    """The full reader of :func:`_take`: each name, then each value by its field's ``take``, then the checks.

    It raises the first problem; it reads what :func:`_quick` leaves to it (and gives
    the record :func:`_quick` would give for a table it reads).
    """
    if type(data) is not dict and not isinstance(data, Mapping):
        raise InvalidInput("", f"must be a table of fields (got {type(data).__name__})")
    (_fields, names, checks, _order, required, derive, checked, required_names, by_name, first, defaults,
     factories, _plan) = s  # the table in one go
    if not names.issuperset(data):
        name = next(n for n in data if n not in names)
        near = difflib.get_close_matches(str(name), sorted(names), n=1)
        hint = f"did you mean {near[0]!r}?" if near else f"expected one of: {', '.join(f.name for f in s.fields)}"
        raise InvalidInput(str(name), f"unknown field; {hint}")
    if not required_names.issubset(data):
        missing = [n for n in required if n not in data]
        also = f" (also missing: {', '.join(missing[1:])})" if missing[1:] else ""
        raise InvalidInput(missing[0], f"missing (required){also}")
    values = defaults.copy()
    for name, factory in factories:
        values[name] = factory()
    if first:
        for name in first:
            if name in data:
                take_, default = by_name[name]
                value = data[name]
                values[name] = None if value is None and default is None else take_(value, name)
    for name, value in data.items():  # the others in the order given
        if first and name in first:
            continue
        take_, default = by_name[name]
        values[name] = None if value is None and default is None else take_(value, name)
    if checked:
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
    else:  # a slotted record: its constructor checks nothing
        obj = cls(**values)
    if checks is not None or derive is not None:
        _finish(obj, s, "")
    return obj


def parse(cls: type[R], data: object, *, path: str = "", what: str = "the input") -> R:
    """Read record ``cls`` from ``data``; raise :class:`~taxcalc.errors.InputProblems` listing every problem."""
    problems: list[Problem] = []
    made = read(cls, data, path, problems)
    if problems:
        raise InputProblems(problems, what=what)
    return made


def _object_schema(cls: type[Any]) -> dict[str, Any]:
    s = _spec(cls)
    out: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().split("\n\n")[0],
        "additionalProperties": False,
        "properties": {},
        "required": [f.name for f in s.fields if f.required],
    }
    for name, field, required, default in s.fields:
        prop = field.schema()
        if not required and isinstance(default, str | int | bool) and default is not None:
            prop["default"] = default
        out["properties"][name] = prop
    if s.checks is not None and s.checks.__doc__:
        out["x-checks"] = s.checks.__doc__.strip()
    return out


def json_schema(cls: type[Any], *, title: str = "") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of what :func:`parse` accepts for ``cls`` from a JSON document.

    Integers are JSON integer literals (a number with a point or an exponent is a
    float, which is never money); ``x-checks`` lists the checks across fields.
    """
    out = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title or cls.__name__}
    out.update(_object_schema(cls))
    return out

"""The exceptions taxcalc raises.

Every error has a plain one-line message that names what was wrong: the field,
the key and date, or the category.  The hierarchy is small::

    TaxcalcError
    ├── InvalidInput (ValueError)          a value that cannot be used
    │   ├── UnknownCategory                a band, industry or kind we do not know
    │   └── InputProblems                  a record with problems, every one with its path
    ├── NotMoney (TypeError)               a float (or other non-money type) given as money
    ├── OutsideCoverage (LookupError)      a date the law data does not cover
    │   ├── NotInForce                     a date inside a declared gap (no such rule then)
    │   └── Unverified                     a date whose law is declared not verified (refused, not guessed)
    └── LawDataError                       a law data file (or user catalogue) is malformed

>>> from taxcalc.errors import InvalidInput
>>> raise InvalidInput("amount", "must not be negative")
Traceback (most recent call last):
...
taxcalc.errors.InvalidInput: amount: must not be negative
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .explain import Citation

__all__ = [
    "InputProblems",
    "InvalidInput",
    "Problem",
    "LawDataError",
    "NotInForce",
    "NotMoney",
    "OutsideCoverage",
    "TaxcalcError",
    "UnknownCategory",
    "Unverified",
]


class TaxcalcError(Exception):
    """Base class of every error raised by taxcalc."""


class InvalidInput(TaxcalcError, ValueError):
    """An input value that cannot be used; ``field`` names it.

    ``reason`` is in English; where the raiser also gives it in Chinese
    (``reason_zh``), :meth:`reason_in` answers in either language.

    >>> e = InvalidInput("goods_sales", "give goods_sales", reason_zh="请给出 goods_sales")
    >>> e.reason_in("zh"), e.reason_in("en"), InvalidInput("x", "bad").reason_in("zh")
    ('请给出 goods_sales', 'give goods_sales', 'bad')
    """

    #: ``reason`` in Chinese, where the raiser gives it ("" otherwise).
    reason_zh: str = ""

    def __init__(self, field: str, reason: str, *, reason_zh: str = "") -> None:
        self.field = field
        self.reason = reason
        self.reason_zh = reason_zh
        super().__init__(f"{field}: {reason}")

    def reason_in(self, lang: str = "en") -> str:
        """``reason`` in ``lang`` (``"zh"``: the Chinese where given, else the reason as raised)."""
        return (self.reason_zh or self.reason) if lang == "zh" else self.reason


class UnknownCategory(InvalidInput):
    """A category (VAT band, industry, asset class…) that the law data does not know.

    ``known`` holds every value that would have been accepted.  The message lists
    them, or, where there are too many to read (the law's keys), gives ``hint``
    instead — the nearest names and where to find the rest.
    """

    def __init__(
        self, field: str, value: object, known: tuple[str, ...] | list[str], *, hint: str = ""
    ) -> None:
        self.value = value
        self.known = tuple(known)
        if hint:
            super().__init__(field, f"unknown value {value!r}; {hint}")
            return
        shown = ", ".join(k if k else "'' (none)" for k in self.known)
        super().__init__(field, f"unknown value {value!r}; expected one of: {shown}")


class Problem(NamedTuple):
    """One problem in an input: the field's path (``equipment[2].cost``) and what is wrong."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class InputProblems(InvalidInput):
    """An input with problems; ``problems`` lists every one, each naming its field by path.

    ``field`` and ``reason`` are the first problem's.

    >>> e = InputProblems([Problem("losses[0].year", "missing (required)"),
    ...                    Problem("profit", "must be an amount of yuan")], what="the input")
    >>> print(e)
    2 problems in the input:
    losses[0].year: missing (required)
    profit: must be an amount of yuan
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], *, what: str = "the input") -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        n = len(self.problems)
        head = "1 problem" if n == 1 else f"{n} problems"
        lines = "\n".join(str(p) for p in self.problems)
        TaxcalcError.__init__(self, f"{head} in {what}:\n{lines}")
        self.field = first.path
        self.reason = first.reason


class NotMoney(TaxcalcError, TypeError):
    """A value of the wrong type was passed where money (or an exact number) is expected."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


class OutsideCoverage(TaxcalcError, LookupError):
    """A date (or tax year) that the law data does not cover.

    Never answered with the nearest value: the message names the key, the date
    and the window the data covers.
    """

    def __init__(
        self,
        key: str,
        on: _dt.date,
        first: _dt.date | None,
        last: _dt.date | None,
        detail: str = "",
    ) -> None:
        self.key = key
        self.on = on
        self.first = first
        self.last = last
        span = f"{first or '…'} to {last or 'open end'}"
        msg = f"{key}: {on} is outside the covered window {span}"
        if detail:
            msg += f" ({detail})"
        super().__init__(msg)

    def __str__(self) -> str:  # LookupError would otherwise quote the message
        return str(self.args[0])


class NotInForce(OutsideCoverage):
    """A date inside a declared gap of a key: the rule did not exist then.

    The message names the key, the date and why (the gap's reason), not a window: the
    data do cover the day, and what they say is that no such rule was in force.
    ``gap`` is that reason (in English, as the message; also ``reason``, as every error
    of taxcalc has one), ``gap_zh`` the same reason in Chinese (:meth:`reason_in` gives
    either) and ``cite`` the gap's citation (``None`` when it cites none), so that a rule
    answering "not in force" need not look the gap up again.
    """

    def __init__(
        self,
        key: str,
        on: _dt.date,
        first: _dt.date | None,
        last: _dt.date | None,
        detail: str = "",
        *,
        gap: str = "",
        cite: Citation | None = None,
        gap_zh: str = "",
    ) -> None:
        super().__init__(key, on, first, last, detail)
        self.gap = self.reason = gap or detail
        self.gap_zh = gap_zh
        self.cite = cite
        self.args = (f"{key} on {on}: {detail or 'not in force'}",)

    def reason_in(self, lang: str = "en") -> str:
        """Why the rule was not in force, in ``lang`` (``"zh"``: the Chinese reason, where the data give one)."""
        return (self.gap_zh or self.gap) if lang == "zh" else self.gap


class Unverified(OutsideCoverage):
    """A date inside a declared unverified window of a key: taxcalc refuses rather than guess.

    The law of the day exists, but what it says on this point was not verified in a
    text (the data say so, with the reason, rather than stop silently or assume the
    earlier value goes on).  Unlike :class:`NotInForce` this is no answer: a rule
    that reads the key cannot compute.  ``reason`` is the declared reason and
    ``cite`` the document whose content is in doubt (``None`` when none is cited);
    ``reason_zh`` is the same reason in Chinese.
    """

    def __init__(
        self,
        key: str,
        on: _dt.date,
        first: _dt.date | None,
        last: _dt.date | None,
        *,
        reason: str,
        cite: Citation | None = None,
        reason_zh: str = "",
    ) -> None:
        super().__init__(key, on, first, last, reason)
        self.reason = reason
        self.reason_zh = reason_zh or reason
        self.cite = cite
        self.args = (f"{key} on {on}: not verified: {reason}",)

    def reason_in(self, lang: str = "en") -> str:
        """Why the law of the day is not known, in ``lang`` (``"zh"``: the Chinese reason)."""
        return self.reason_zh if lang == "zh" else self.reason


class LawDataError(TaxcalcError):
    """A law data file or a user-supplied catalogue is malformed.

    ``where`` names the file and entry (or row), ``reason`` what is wrong.
    """

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")

"""Every refusal of the service (and of ``taxcalc jsonl``) as one JSON error document.

An error names each problem by where it is — ``body`` (the JSON sent), ``query`` (a
query parameter), ``path`` (a part of the URL) or ``header`` — and by its field: the
path of the field in the body as :class:`~taxcalc.errors.InputProblems` gives it
(``exports[0].fob``), or the parameter's name.  ``field`` is ``""`` only where the
whole body is the problem (not JSON, too large) or where no field can be named (a
date the law data does not cover: ``law_key`` then names the law's key).

>>> err = from_taxcalc(InputProblems([Problem("band", "missing (required)")]))
>>> err.status, err.code
(422, 'invalid_input')
>>> error_data(err)
{'status': 422, 'code': 'invalid_input', 'message': 'band: missing (required)', 'problems': [{'in': 'body', 'field': 'band', 'reason': 'missing (required)'}]}
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..errors import (
    InputProblems,
    InvalidInput,
    LawDataError,
    NotMoney,
    OutsideCoverage,
    Problem,
    TaxcalcError,
)

__all__ = ["CODES", "Located", "ServiceError", "error_data", "from_problems", "from_taxcalc", "one"]

#: What each status is called in an error's ``code``.
CODES: dict[int, str] = {
    400: "malformed",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_input",
    500: "internal",
    503: "timeout",
}


class Located(NamedTuple):
    """One problem: where it is (``body``, ``query``, ``path``, ``header``), the field, and why."""

    where: str
    field: str
    reason: str
    #: The law key of a date the law data does not cover (``""`` otherwise).
    law_key: str = ""

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}" if self.field else self.reason

    def as_dict(self) -> dict[str, str]:
        out = {"in": self.where, "field": self.field, "reason": self.reason}
        if self.law_key:
            out["law_key"] = self.law_key
        return out


class ServiceError(Exception):
    """A request refused: its HTTP status, a short code, and every problem."""

    def __init__(self, status: int, problems: list[Located] | tuple[Located, ...], *, code: str = "") -> None:
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def one(status: int, where: str, field: str, reason: str, *, code: str = "") -> ServiceError:
    """A refusal with one problem."""
    return ServiceError(status, [Located(where, field, reason)], code=code)


def from_taxcalc(exc: TaxcalcError, where: str = "body") -> ServiceError:
    """The refusal of an error the library raised while reading or answering ``where``.

    A date outside the law data is ``outside_coverage`` (422), naming the law key;
    every other error of the input is ``invalid_input`` (422), naming its field.
    """
    if isinstance(exc, InputProblems):
        return ServiceError(422, [Located(where, p.path, p.reason) for p in exc.problems])
    if isinstance(exc, InvalidInput | NotMoney):
        return ServiceError(422, [Located(where, exc.field, exc.reason)])
    if isinstance(exc, OutsideCoverage):
        return ServiceError(422, [Located(where, "", str(exc), law_key=exc.key)], code="outside_coverage")
    if isinstance(exc, LawDataError):
        return ServiceError(422, [Located(where, "", str(exc))])
    return ServiceError(422, [Located(where, "", str(exc))])


def from_problems(problems: tuple[Problem, ...], where: str = "body") -> ServiceError:
    """The refusal of a document that could not be read: 400 when the whole of it is the
    problem (not JSON, not UTF-8, nested too deep), 422 when fields are named (a key given twice)."""
    status = 400 if all(not p.path for p in problems) else 422
    return ServiceError(status, [Located(where, p.path, p.reason) for p in problems])


def error_data(err: ServiceError) -> dict[str, Any]:
    """The ``error`` object of a refusal."""
    return {"status": err.status, "code": err.code, "message": str(err),
            "problems": [p.as_dict() for p in err.problems]}

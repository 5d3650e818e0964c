"""The answers of the service, as plain JSON data, with no web framework imported.

Each function takes what a request gives (the body's bytes, query values as text)
and returns the JSON data of the answer — the same data the command line prints with
``--json`` for the same question — or raises :class:`~taxcalc.service.problems.ServiceError`
naming every problem.  Nothing is kept between calls but the law, which is read-only:
a request with ``known_on`` or ``what_if`` gets a law of its own.

>>> from taxcalc import rules
>>> law = chosen_law(*law_options(None, ()))
>>> answer = ask_rule(rules.get("vat.rate"), read_json(b'{"band": "standard", "on": "2019-04-01"}'), law)
>>> answer["rate"], sorted(answer["provenance"])
('0.13', ['known_on', 'law_digest', 'taxcalc', 'what_if'])
>>> ask_rule(rules.get("vat.rate"), read_json(b'{"band": "standard", "on": 20190401}'), law)
Traceback (most recent call last):
...
taxcalc.service.problems.ServiceError: on: 20190401 is not a date (write YYYY-MM-DD, 1950 to 2099)
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InputProblems, TaxcalcError
from .problems import Located, ServiceError, from_problems, from_taxcalc, one

if TYPE_CHECKING:
    from ..law import Law
    from ..rules import Rule

__all__ = [
    "ask_coverage",
    "ask_law",
    "ask_report",
    "ask_rule",
    "chosen_law",
    "encode",
    "health",
    "law_options",
    "provenance_of",
    "read_json",
    "registry",
]

#: Why a file named in a request is not read.
NO_FILES = ("the service reads no file named in a request; give \"sample\": true for the shipped SAMPLE "
            "catalogue, or the rebate rate of each line")


def encode(data: Any) -> bytes:
    """Compact UTF-8 JSON (Chinese kept as is; amounts are already strings)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_json(body: bytes) -> object:
    """The JSON document of a request body, read as ``taxcalc`` reads an input file: UTF-8, no
    key given twice, nesting bounded, numbers with a point kept as written (money is never a float).

    A body that is not a JSON document is refused with 400; a key given twice with 422, naming it.
    """
    from ..datafile import decode, parse_text

    try:
        return parse_text(decode(body, source="the body"), "json", source="the body")
    except InputProblems as exc:
        raise from_problems(exc.problems) from None


def law_options(known_on: str | None, what_if: Sequence[str]) -> tuple[_dt.date | None, dict[str, object]]:
    """The day of ``known_on`` and the values of each ``what_if`` (``KEY=VALUE``), as the command
    line's ``--known-on`` and ``--what-if`` read them; a problem names the query parameter."""
    from ..cli.common import what_if_value
    from ..money import date_arg

    day = None
    if known_on is not None:
        try:
            day = date_arg(known_on, "known_on")
        except TaxcalcError as exc:
            raise from_taxcalc(exc, "query") from None
    overrides: dict[str, object] = {}
    for item in what_if:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise one(422, "query", "what_if", f"{item!r} is not KEY=VALUE (e.g. vat.rate.standard=15%)")
        overrides[key.strip()] = what_if_value(key.strip(), value.strip())
    return day, overrides


def chosen_law(day: _dt.date | None, overrides: dict[str, object]) -> Law:
    """The package's law, as known on ``day`` and with the ``overrides``, if given (a law of its own)."""
    from ..law import default

    law = default()
    if day is not None:
        law = law.as_known_on(day)
    if overrides:
        try:
            law = law.with_values(overrides)
        except TaxcalcError as exc:
            raise one(422, "query", "what_if", str(exc)) from None
    return law


def _provenance(law: Law) -> dict[str, Any]:
    import taxcalc

    return taxcalc.provenance(law)


def provenance_of(law: Law) -> dict[str, Any]:
    """:func:`taxcalc.provenance` of ``law``, computed once per law (kept by the law; never changed)."""
    return law.memo(_provenance)


def _no_file(catalogue: object) -> None:
    if catalogue not in (None, "", "sample"):
        raise one(422, "body", "catalogue", NO_FILES)


def ask_rule(rule: Rule, data: object, law: Law, *, files: bool = False) -> dict[str, Any]:
    """The rule's result for the input ``data`` as ``taxcalc … --json`` prints it, with ``provenance``.

    ``files``: a catalogue file the input names is read (the command line's ``taxcalc jsonl``);
    the service reads none.
    """
    definition = rule.load()
    try:
        inputs = definition.read(data)
        if not files:
            _no_file(getattr(inputs, "catalogue", None))
        result = definition.compute(inputs, law=law)
    except TaxcalcError as exc:
        raise from_taxcalc(exc) from None
    except OSError as exc:  # a catalogue file that cannot be read (taxcalc jsonl only)
        raise one(422, "body", "catalogue", f"{exc.strerror or exc}: {exc.filename or ''}") from None
    return {**definition.shown(result).as_dict(), "provenance": provenance_of(law)}


def ask_report(data: object, day: _dt.date | None, overrides: dict[str, object]) -> dict[str, Any]:
    """The benefit report of the facts ``data`` (a report input, as ``taxcalc report`` reads a JSON
    file) as ``taxcalc report --json`` prints it; its ``provenance`` is inside."""
    from ..report import build_report, parse_data

    chosen_law(day, overrides)  # a what-if value the law refuses is named as the query parameter
    try:
        facts = parse_data(data)
        _no_file(facts.catalogue)
        report = build_report(facts, known_on=day, what_if=overrides)
    except TaxcalcError as exc:
        raise from_taxcalc(exc) from None
    return report.as_dict()


def ask_law(key: str, on: str | None, law: Law) -> dict[str, Any]:
    """A law key's history, or with ``on`` its value that day, as ``taxcalc law KEY [--on DATE] --json``
    prints it; a prefix of keys (``vat.rate``) lists them, as ``taxcalc law PREFIX --json`` does."""
    from ..cli.law import value_json
    from ..money import date_arg

    if key not in law.keys() and (not key or law.keys(key)):
        return {"keys": [_listed(law, k) for k in law.keys(key)], "provenance": provenance_of(law)}
    try:
        spec = law.spec(key)
    except TaxcalcError as exc:
        raise ServiceError(404, [Located("path", "key", getattr(exc, "reason", str(exc)))]) from None
    if on is not None:
        try:
            value = law.value(key, date_arg(on, "on"))
        except TaxcalcError as exc:
            raise from_taxcalc(exc, "query") from None
        return {"key": spec.name, "on": on, **value_json(value), "provenance": provenance_of(law)}
    known = law.known_on
    return {"key": spec.name, "zh": spec.zh, "en": spec.en, "type": spec.type,
            "known_on": known.isoformat() if known else None,
            "values": [value_json(v) for v in law.history(key)], "provenance": provenance_of(law)}


def _listed(law: Law, key: str) -> dict[str, Any]:
    spec = law.spec(key)
    return {"key": key, "zh": spec.zh, "en": spec.en, "type": spec.type, "from": spec.first.isoformat(),
            "to": spec.last.isoformat() if spec.last else None}


def ask_coverage(on: str | None, law: Law) -> dict[str, Any]:
    """What the law data covers on ``on``, as ``taxcalc law --coverage DATE --json`` prints it."""
    from ..cli.law import coverage_document
    from ..money import date_arg

    if on is None:
        raise one(422, "query", "on", "missing (required); give the day, e.g. ?on=2026-12-01")
    try:
        day = date_arg(on, "on")
    except TaxcalcError as exc:
        raise from_taxcalc(exc, "query") from None
    return coverage_document(law, day)


def registry(prefix: str = "") -> dict[str, Any]:
    """The rules as ``taxcalc rules --json`` prints them (those whose id starts with ``prefix``)."""
    from ..rules import RULES, provenance

    return {"provenance": provenance(), "rules": [r.describe() for r in RULES if r.id.startswith(prefix)]}


def health(law: Law) -> dict[str, Any]:
    """That the service answers, and with which taxcalc and law data."""
    return {"status": "ok", "provenance": provenance_of(law)}

"""The OpenAPI document's schemas: each rule's real input and output JSON Schemas.

The rule inputs are :mod:`taxcalc.inputs` records, not pydantic models, so FastAPI
cannot derive their schemas.  Each rule's operation is given its request and
response schemas through ``openapi_extra`` (a ``$ref`` to ``components/schemas``),
and the application's ``openapi()`` adds the components: ``<rule id>.input`` is
:meth:`Rule.input_schema <taxcalc.rules.Rule.input_schema>`, ``<rule id>.output`` is
:meth:`Rule.output_schema <taxcalc.rules.Rule.output_schema>` with the
``provenance`` object every answer carries (and, for a rule whose command line prints a
part of the result, that part's schema as an alternative), ``report.input`` is
:func:`taxcalc.report.json_schema`, and ``Error`` and ``Provenance`` describe
those two objects.  OpenAPI 3.1 schemas are JSON Schema 2020-12, the dialect of
the published schemas, so they are used as they are.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..rules import Rule

__all__ = ["components", "error_responses", "law_parameters", "rule_operation"]

_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def provenance_schema() -> dict[str, Any]:
    """The schema of :func:`taxcalc.provenance`."""
    return {
        "type": "object", "title": "Provenance",
        "description": "which taxcalc and which law data produced the answer (docs/json.md, Provenance)",
        "additionalProperties": False, "required": ["taxcalc", "law_digest", "known_on", "what_if"],
        "properties": {
            "taxcalc": {"type": "string"},
            "law_digest": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "known_on": {"anyOf": [{"type": "string", "pattern": _DATE}, {"type": "null"}]},
            "what_if": {"type": "object"},
        },
    }


def error_schema() -> dict[str, Any]:
    """The schema of an error document."""
    problem = {
        "type": "object", "additionalProperties": False, "required": ["in", "field", "reason"],
        "properties": {
            "in": {"enum": ["body", "query", "path", "header"]},
            "field": {"type": "string", "description": "the field's path in the body (exports[0].fob) or the "
                      "parameter's name; empty when the whole body is the problem"},
            "reason": {"type": "string"},
            "law_key": {"type": "string", "description": "the law key whose data do not cover the day"},
        },
    }
    return {
        "type": "object", "title": "Error", "additionalProperties": False, "required": ["error", "provenance"],
        "properties": {
            "error": {"type": "object", "additionalProperties": False,
                      "required": ["status", "code", "message", "problems"],
                      "properties": {"status": {"type": "integer"}, "code": {"type": "string"},
                                     "message": {"type": "string"},
                                     "problems": {"type": "array", "minItems": 1, "items": problem}}},
            "provenance": _ref("Provenance"),
        },
    }


def _with_provenance(schema: dict[str, Any]) -> dict[str, Any]:
    """An output schema with the ``provenance`` object every answer carries."""
    out = copy.deepcopy(schema)
    out.pop("$schema", None)
    for branch in out.get("anyOf", [out]):
        branch["properties"]["provenance"] = _ref("Provenance")
        branch["required"] = [*branch.get("required", []), "provenance"]
    return out


def _bare(schema: dict[str, Any]) -> dict[str, Any]:
    out = dict(schema)
    out.pop("$schema", None)
    return out


def components(rules: tuple[Rule, ...]) -> dict[str, dict[str, Any]]:
    """``components/schemas``: every rule's input and output, the report input, Error and Provenance."""
    from ..report import json_schema

    out: dict[str, dict[str, Any]] = {"Provenance": provenance_schema(), "Error": error_schema(),
                                      "report.input": _bare(json_schema())}
    for rule in rules:
        out[f"{rule.id}.input"] = _bare(rule.input_schema())
        out[f"{rule.id}.output"] = _with_provenance(rule.output_schema())
    return out


def error_responses(*statuses: int) -> dict[str, Any]:
    """The error responses an operation may give."""
    why = {400: "the body is not a JSON document", 401: "the bearer token is missing or wrong",
           404: "no such rule or law key", 413: "the body is larger than the limit",
           422: "the input (or a query parameter) has problems, each named by its field, or the law data "
                "do not cover the day", 503: "the answer took longer than the time limit"}
    return {str(s): _json(_ref("Error"), why[s]) for s in (401, *statuses) if s in why}


def law_parameters(*, on: str = "") -> list[dict[str, Any]]:
    """``known_on`` and ``what_if`` (and ``on`` when ``on`` says what it is for)."""
    params: list[dict[str, Any]] = [
        {"name": "known_on", "in": "query", "required": False,
         "description": "read the law as published on or before this day (as --known-on)",
         "schema": {"type": "string", "pattern": _DATE}},
        {"name": "what_if", "in": "query", "required": False, "style": "form", "explode": True,
         "description": "replace a law value, KEY=VALUE, e.g. vat.rate.standard=15% (repeatable; as --what-if)",
         "schema": {"type": "array", "items": {"type": "string"}}},
    ]
    if on:
        params.insert(0, {"name": "on", "in": "query", "required": on.startswith("required"),
                          "description": on, "schema": {"type": "string", "pattern": _DATE}})
    return params


def rule_operation(rule: Rule) -> dict[str, Any]:
    """``openapi_extra`` of a rule's operation: its request and response schemas and parameters."""
    return {
        "operationId": f"rule_{rule.id.replace('.', '_')}",
        "parameters": law_parameters(),
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": _ref(f"{rule.id}.input"), "example": dict(rule.load().example)}}},
        "responses": {"200": _json(_ref(f"{rule.id}.output"), f"the result, as taxcalc {' '.join(rule.command)} "
                                   "--json prints it"),
                      **error_responses(400, 413, 422, 503)},
    }

"""The HTTP service: FastAPI routes over :mod:`taxcalc.service.answers` (needs ``taxcalc-cn[server]``).

========================  =========================================================
``GET  /v1/health``       that the service answers, with its provenance
``GET  /v1/rules``        the registry, as ``taxcalc rules --json`` prints it
``GET  /v1/rules/{id}``   one rule of the registry
``POST /v1/rules/{id}``   the rule's result for the input sent as the body
``POST /v1/report``       the benefit report of the facts sent as the body
``GET  /v1/law``          every law key
``GET  /v1/law/{key}``    a key's history; with ``?on=DATE`` its value that day
``GET  /v1/coverage``     what the law data covers ``?on=DATE``
``GET  /openapi.json``    the OpenAPI document, with each rule's input and output schemas
========================  =========================================================

``known_on`` and ``what_if`` (repeatable, ``KEY=VALUE``) are query parameters of the
rule, report and law routes, as ``--known-on`` and ``--what-if`` on the command line.
Each answer is computed in a worker thread within the time limit; the law is read-only
and a request with ``known_on`` or ``what_if`` gets a law of its own, so requests share
nothing that changes.  Every answer and every error carries ``provenance``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import anyio
import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from .. import __version__
from ..rules import RULES, Rule
from . import answers
from .guard import Guard
from .openapi import components, error_responses, law_parameters, rule_operation
from .problems import ServiceError, error_data, one
from .settings import Settings

__all__ = ["create_app"]

_LOG = logging.getLogger("taxcalc.service")
_JSON = "application/json"
_LAW_QUERY = frozenset({"known_on", "what_if"})


def create_app(settings: Settings | None = None) -> Any:
    """The ASGI application for ``settings`` (default: loopback, 1 MiB bodies, 10 s, no token)."""
    from ..law import default

    settings = settings or Settings()
    base = default()
    for rule in RULES:  # every rule's module imported once, before the first request
        rule.load()
    base_provenance = answers.provenance_of(base)

    def refusal(err: ServiceError) -> bytes:
        return answers.encode({"error": error_data(err), "provenance": base_provenance})

    def refused(err: ServiceError) -> Response:
        return Response(refusal(err), status_code=err.status, media_type=_JSON)

    def query(request: Request, allowed: frozenset[str]) -> dict[str, list[str]]:
        """The query parameters, each known to the route; only ``what_if`` may be repeated."""
        out: dict[str, list[str]] = {}
        for name, value in request.query_params.multi_items():
            if name not in allowed:
                known = ", ".join(sorted(allowed)) or "none"
                raise one(422, "query", name, f"unknown parameter; this route takes: {known}")
            out.setdefault(name, []).append(value)
            if len(out[name]) > 1 and name != "what_if":
                raise one(422, "query", name, "given more than once; give it once")
        return out

    def first(values: dict[str, list[str]], name: str) -> str | None:
        return values[name][0] if name in values else None

    async def respond(work: Callable[[], Any]) -> Response:
        """``work()`` computed in a worker thread within the time limit, as a JSON response."""
        try:
            with anyio.fail_after(settings.time_limit):
                data = await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
        except ServiceError as err:
            return refused(err)
        except TimeoutError:
            return refused(one(503, "body", "", f"not answered within {settings.time_limit:g} s, the time "
                                                "limit of a request", code="timeout"))
        return Response(answers.encode(data), media_type=_JSON)

    def law_of(values: dict[str, list[str]]) -> Any:
        day, overrides = answers.law_options(first(values, "known_on"), values.get("what_if", ()))
        return base if day is None and not overrides else answers.chosen_law(day, overrides)

    api = FastAPI(title="taxcalc", version=__version__, docs_url=None, redoc_url=None, redirect_slashes=False,
                  description="Chinese enterprise tax rules and the benefit of each preferential policy, exact and "
                              "cited.  Amounts are strings of yuan; dates YYYY-MM-DD.  See docs/service.md.")

    @api.exception_handler(ServiceError)
    async def _service_error(request: Request, exc: ServiceError) -> Response:
        return refused(exc)

    @api.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 405:
            return refused(one(405, "path", request.url.path, f"{request.method} is not allowed here"))
        if exc.status_code == 404:
            return refused(one(404, "path", request.url.path, "no such route; the routes are in /openapi.json"))
        return refused(one(exc.status_code, "path", request.url.path, str(exc.detail)))

    @api.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        _LOG.exception("internal error answering %s %s", request.method, request.url.path)
        return refused(one(500, "body", "", "internal error; the request was not answered"))

    health = answers.encode(answers.health(base))

    @api.get("/v1/health", response_class=Response, tags=["service"],
             openapi_extra={"responses": {"200": {"description": "the service answers", "content": {
                 _JSON: {"schema": {"type": "object", "required": ["status", "provenance"], "properties": {
                     "status": {"const": "ok"}, "provenance": {"$ref": "#/components/schemas/Provenance"}}}}}},
                 **error_responses()}})
    async def get_health(request: Request) -> Response:
        """That the service answers, and which taxcalc and law data it answers with."""
        query(request, frozenset())
        return Response(health, media_type=_JSON)

    listed = answers.registry()
    registry = answers.encode(listed)
    described = {r["id"]: answers.encode({"provenance": listed["provenance"], "rules": [r]}) for r in listed["rules"]}

    @api.get("/v1/rules", response_class=Response, tags=["rules"],
             openapi_extra={"responses": error_responses()})
    async def get_rules(request: Request) -> Response:
        """Every rule: id, summary, command, input and output JSON Schemas, law keys, example (as
        ``taxcalc rules --json``)."""
        query(request, frozenset())
        return Response(registry, media_type=_JSON)

    @api.get("/v1/rules/{rule_id}", response_class=Response, tags=["rules"],
             openapi_extra={"responses": error_responses(404)})
    async def get_rule(rule_id: str, request: Request) -> Response:
        """One rule of the registry (as ``taxcalc rules ID --json``, the one rule only)."""
        query(request, frozenset())
        if rule_id not in described:
            raise one(404, "path", "id", f"no rule {rule_id!r}; the rules: GET /v1/rules")
        return Response(described[rule_id], media_type=_JSON)

    def rule_endpoint(rule: Rule) -> Callable[[Request], Any]:
        async def ask(request: Request) -> Response:
            values = query(request, _LAW_QUERY)
            body = await request.body()

            def work() -> dict[str, Any]:
                return answers.ask_rule(rule, answers.read_json(body), law_of(values))

            return await respond(work)

        ask.__doc__ = f"{rule.en[:1].upper()}{rule.en[1:]} ({rule.zh}): as taxcalc {' '.join(rule.command)} --json."
        return ask

    for rule in RULES:
        api.add_api_route(f"/v1/rules/{rule.id}", rule_endpoint(rule), methods=["POST"], response_class=Response,
                          tags=["rules"], name=rule.id, summary=rule.en, openapi_extra=rule_operation(rule))

    @api.post("/v1/rules/{rule_id}", response_class=Response, tags=["rules"],
              openapi_extra={"responses": error_responses(404)})
    async def no_rule(rule_id: str, request: Request) -> Response:
        """A rule id the registry does not have."""
        raise one(404, "path", "id", f"no rule {rule_id!r}; the rules: GET /v1/rules")

    @api.post("/v1/report", response_class=Response, tags=["report"], openapi_extra={
        "parameters": law_parameters(),
        "requestBody": {"required": True, "content": {_JSON: {"schema": {"$ref": "#/components/schemas/report.input"}}}},
        "responses": {"200": {"description": "the report, as taxcalc report --json prints it (docs/json.md)",
                              "content": {_JSON: {"schema": {"type": "object", "required": ["provenance"]}}}},
                      **error_responses(400, 413, 422, 503)}})
    async def post_report(request: Request) -> Response:
        """The benefit report of one enterprise for one tax year: the facts as ``taxcalc report`` reads a
        JSON file (docs/report.md).  A catalogue file is not read: give ``"catalogue": "sample"`` or rebate rates."""
        values = query(request, _LAW_QUERY)
        body = await request.body()

        def work() -> dict[str, Any]:
            day, overrides = answers.law_options(first(values, "known_on"), values.get("what_if", ()))
            return answers.ask_report(answers.read_json(body), day, overrides)

        return await respond(work)

    law_responses = {"200": {"description": "as taxcalc law KEY --json (with on: taxcalc law KEY --on DATE --json)",
                             "content": {_JSON: {"schema": {"type": "object", "required": ["provenance"]}}}},
                     **error_responses(404, 422, 503)}

    @api.get("/v1/law", response_class=Response, tags=["law"],
             openapi_extra={"parameters": law_parameters(), "responses": law_responses})
    async def get_keys(request: Request) -> Response:
        """Every law key: its names, type and the days its data cover (as ``taxcalc law --json``)."""
        values = query(request, _LAW_QUERY)
        return await respond(lambda: answers.ask_law("", None, law_of(values)))

    @api.get("/v1/law/{key}", response_class=Response, tags=["law"], openapi_extra={
        "parameters": law_parameters(on="the value in force this day (default: the whole history)"),
        "responses": law_responses})
    async def get_law(key: str, request: Request) -> Response:
        """A law key's dated values with their citations; with ``on``, the value in force that day."""
        values = query(request, _LAW_QUERY | {"on"})
        return await respond(lambda: answers.ask_law(key, first(values, "on"), law_of(values)))

    @api.get("/v1/coverage", response_class=Response, tags=["law"], openapi_extra={
        "parameters": law_parameters(on="required: the day asked about"),
        "responses": {"200": {"description": "as taxcalc law --coverage DATE --json",
                              "content": {_JSON: {"schema": {"type": "object", "required": ["provenance"]}}}},
                      **error_responses(422, 503)}})
    async def get_coverage(request: Request) -> Response:
        """What the law data cover on a day: each rule's keys that answer, and each key that does not, why."""
        values = query(request, _LAW_QUERY | {"on"})
        return await respond(lambda: answers.ask_coverage(first(values, "on"), law_of(values)))

    schemas = components(RULES)

    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            doc = get_openapi(title=api.title, version=api.version, description=api.description, routes=api.routes)
            doc.setdefault("components", {}).setdefault("schemas", {}).update(schemas)
            if settings.token is not None:
                doc["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
                doc["security"] = [{"bearer": []}]
            api.openapi_schema = doc
        return api.openapi_schema

    api.openapi = openapi  # type: ignore[method-assign]
    openapi()  # built once, now, so that no request changes it
    return Guard(api, max_body=settings.max_body, token=settings.token, refusal=refusal)

"""The HTTP service, started for real (``python -m taxcalc serve``) on 127.0.0.1 on a free port in a
subprocess, asked over HTTP with httpx, and stopped by its process id.

Every answer is compared with the library's (or the command line's ``--json``) for the
same input; every refusal is a JSON error naming the field; a property run draws
bodies from the rules' schemas in the published OpenAPI document; a bounded load test
asks from 50 clients at once.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import taxcalc
from schema_strategies import from_schema
from taxcalc import rules
from taxcalc.cli import main
from taxcalc.inputs import FloatLiteral
from taxcalc.law import default
from taxcalc.report import example_text
from taxcalc.service.settings import TOKEN_ENV, Settings, check, read_token

TOKEN = "s3cret-token-of-the-tests-0123"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(*options: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """Start ``taxcalc serve`` on a free port; yield its URL; stop it by its pid."""
    port = _free_port()
    environ = {k: v for k, v in os.environ.items() if k != TOKEN_ENV} | (env or {})
    proc = subprocess.Popen([sys.executable, "-m", "taxcalc", "serve", "--port", str(port), *options],
                            env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the service did not start: {proc.stderr.read()!r}") from None  # type: ignore[union-attr]
                time.sleep(0.1)
        yield url
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        assert proc.stderr is not None
        log = proc.stderr.read().decode("utf-8", "replace")
        proc.stderr.close()
        assert "Traceback" not in log, log  # no request made the server fail


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    yield from _serve()


@pytest.fixture(scope="module")
def client(url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def openapi(client: httpx.Client) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    doc: dict[str, Any] = response.json()
    return doc


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert main([*argv]) == 0
    return json.loads(capsys.readouterr().out)


def _library(rule: rules.Rule, data: object, **law: Any) -> Any:
    """The library's answer for ``data``, as the command line's --json gives it."""
    definition = rule.load()
    chosen = default()
    if law.get("known_on"):
        chosen = chosen.as_known_on(law["known_on"])
    if law.get("what_if"):
        chosen = chosen.with_values(law["what_if"])
    result = definition.compute(definition.read(_as_json(data)), law=chosen)
    return json.loads(json.dumps({**definition.shown(result).as_dict(), "provenance": taxcalc.provenance(chosen)}))


def _as_json(doc: Any) -> Any:
    return json.loads(json.dumps(doc), parse_float=FloatLiteral)


def _refused(response: httpx.Response, status: int, where: str, field: str | None) -> dict[str, Any]:
    """The error document of ``response``: its status, and a problem in ``where`` naming ``field``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert "Traceback" not in response.text
    doc: dict[str, Any] = response.json()
    assert doc["provenance"] == taxcalc.provenance()
    error = doc["error"]
    assert error["status"] == status and error["problems"] and error["message"]
    if field is not None:
        assert any(p["in"] == where and p["field"] == field for p in error["problems"]), error
    return error


# -- answers ---------------------------------------------------------------------


def test_health_says_which_taxcalc_and_law(client: httpx.Client) -> None:
    response = client.get("/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "provenance": taxcalc.provenance()}


def test_the_registry_is_what_taxcalc_rules_json_prints(client: httpx.Client, capsys: pytest.CaptureFixture[str]) -> None:
    assert client.get("/v1/rules").json() == _cli(capsys, "rules", "--json")
    one = client.get("/v1/rules/vat.rate").json()
    assert one["rules"] == [rules.get("vat.rate").describe()] and one["provenance"] == taxcalc.provenance()
    _refused(client.get("/v1/rules/vat.nope"), 404, "path", "id")


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.id)
def test_every_rule_answers_its_example_as_the_library_does(client: httpx.Client, rule: rules.Rule) -> None:
    example = dict(rule.load().example)
    response = client.post(f"/v1/rules/{rule.id}", json=example)
    assert response.status_code == 200, response.text
    assert response.json() == _library(rule, example)


def test_a_rule_answers_as_the_command_line(client: httpx.Client, capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    body = {"band": "standard", "on": "2019-04-01"}
    cli = _cli(capsys, "vat", "rate", "standard", "--on", "2019-04-01", "--json")
    assert client.post("/v1/rules/vat.rate", json=body).json() == cli
    losses = rules.get("eit.losses")
    path = tmp_path / "losses.json"
    path.write_text(json.dumps(losses.load().example), "utf-8")
    cli = _cli(capsys, *losses.command, str(path), "--json")
    assert client.post("/v1/rules/eit.losses", json=dict(losses.load().example)).json() == cli


def test_known_on_and_what_if_are_query_parameters(client: httpx.Client, capsys: pytest.CaptureFixture[str]) -> None:
    body = {"band": "standard", "on": "2019-04-01"}
    answer = client.post("/v1/rules/vat.rate", json=body, params={"known_on": "2019-03-01"}).json()
    assert answer == _cli(capsys, "vat", "rate", "standard", "--on", "2019-04-01", "--known-on", "2019-03-01", "--json")
    assert answer["rate"] == "0.16" and answer["provenance"]["known_on"] == "2019-03-01"
    params = [("what_if", "vat.rate.standard=15%"), ("what_if", "vat.rate.low_rate_goods=8%")]
    answer = client.post("/v1/rules/vat.rate", json=body, params=params).json()
    assert answer["rate"] == "0.15"
    assert answer["provenance"]["what_if"] == {"vat.rate.low_rate_goods": "0.08", "vat.rate.standard": "0.15"}
    assert answer == _library(rules.get("vat.rate"), body,
                              what_if={"vat.rate.standard": "15%", "vat.rate.low_rate_goods": "8%"})
    _refused(client.post("/v1/rules/vat.rate", json=body, params={"known_on": "2019-02-30"}), 422, "query", "known_on")
    _refused(client.post("/v1/rules/vat.rate", json=body, params={"what_if": "vat.rate.standard"}), 422, "query",
             "what_if")
    _refused(client.post("/v1/rules/vat.rate", json=body, params={"what_if": "vat.rate.standard=lots"}), 422,
             "query", "what_if")
    _refused(client.post("/v1/rules/vat.rate", json=body, params={"knownon": "2019-03-01"}), 422, "query", "knownon")
    _refused(client.post("/v1/rules/vat.rate", json=body, params=[("known_on", "2019-03-01")] * 2), 422, "query",
             "known_on")


def _report_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(tomllib.loads(example_text()), default=lambda d: d.isoformat()))
    return data


def test_the_report_is_what_taxcalc_report_json_prints(client: httpx.Client, capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    facts = _report_json()
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), "utf-8")
    for params, options in (([], []), ([("known_on", "2018-06-01"), ("what_if", "eit.rd.in_force=false")],
                                       ["--known-on", "2018-06-01", "--what-if", "eit.rd.in_force=false"])):
        response = client.post("/v1/report", json=facts, params=params)
        assert response.status_code == 200, response.text
        cli = _cli(capsys, "report", str(path), "--json", *options)
        cli.pop("source", None)
        answer = response.json()
        answer.pop("source", None)
        assert answer == cli
        assert answer["provenance"]["known_on"] == (params[0][1] if params else None)


def test_a_bad_report_names_each_field(client: httpx.Client) -> None:
    facts = _report_json()
    facts["sales"][1]["amount"] = 1.5
    del facts["year"]
    error = _refused(client.post("/v1/report", json=facts), 422, "body", "sales[1].amount")
    assert any(p["field"] == "year" for p in error["problems"])
    facts = _report_json()
    facts["catalogue"] = "/etc/passwd"
    _refused(client.post("/v1/report", json=facts), 422, "body", "catalogue")


def test_the_law_answers_as_taxcalc_law_json(client: httpx.Client, capsys: pytest.CaptureFixture[str]) -> None:
    key = "vat.small_scale.standard.services"
    assert client.get(f"/v1/law/{key}").json() == _cli(capsys, "law", key, "--json")
    assert client.get(f"/v1/law/{key}", params={"on": "2018-05-01"}).json() == _cli(
        capsys, "law", key, "--on", "2018-05-01", "--json")
    assert client.get(f"/v1/law/{key}", params={"known_on": "2018-01-01"}).json() == _cli(
        capsys, "law", key, "--known-on", "2018-01-01", "--json")
    assert client.get("/v1/law/vat.rate").json() == _cli(capsys, "law", "vat.rate", "--json")
    assert client.get("/v1/law").json() == _cli(capsys, "law", "--json")
    assert client.get("/v1/coverage", params={"on": "2026-12-01"}).json() == _cli(
        capsys, "law", "--coverage", "2026-12-01", "--json")
    _refused(client.get("/v1/law/vat.nope"), 404, "path", "key")
    _refused(client.get(f"/v1/law/{key}", params={"on": "tomorrow"}), 422, "query", "on")
    error = _refused(client.get("/v1/law/vat.rate.standard", params={"on": "1990-01-01"}), 422, "query", "")
    assert error["code"] == "outside_coverage" and error["problems"][0]["law_key"] == "vat.rate.standard"
    _refused(client.get("/v1/coverage"), 422, "query", "on")


# -- refusals --------------------------------------------------------------------


def test_bad_input_is_422_naming_each_field(client: httpx.Client) -> None:
    error = _refused(client.post("/v1/rules/vat.rate", json={"band": "nope", "on": "2019-04-31"}), 422, "body", "band")
    assert any(p["field"] == "on" for p in error["problems"])
    _refused(client.post("/v1/rules/vat.invoice_line", content=b'{"amount": 1130.5, "band": "standard", '
                                                                  b'"on": "2019-04-01"}'), 422, "body", "amount")
    _refused(client.post("/v1/rules/vat.rate", content=b'{"band": "standard", "band": "low_rate_goods", '
                                                          b'"on": "2019-04-01"}'), 422, "body", "band")
    _refused(client.post("/v1/rules/export.exempt_refund", json={"lines": [{"amount": "1", "purchase_vat_rate": "13%",
             "export_date": "2019-08-01", "rebate_rate": "13%", "surprise": 1}]}), 422, "body", "lines[0].surprise")
    _refused(client.post("/v1/rules/vat.rate", json={"band": "standard", "on": "1990-01-01"}), 422, "body", "")
    _refused(client.post("/v1/rules/export.rebate_rate", json={"code": "9901000010", "export_date": "2019-05-01",
                                                               "catalogue": "/etc/passwd"}), 422, "body", "catalogue")


@pytest.mark.parametrize("body", [b"", b"{", b"[1, 2", b"\xff\xfe{}", b"NaN", b'{"band": NaN}', b"[" * 100 + b"]" * 100])
def test_a_body_that_is_not_json_is_400(client: httpx.Client, body: bytes) -> None:
    _refused(client.post("/v1/rules/vat.rate", content=body), 400, "body", "")


@pytest.mark.parametrize("body", [b"[]", b"3", b'"standard"', b"null"])
def test_json_that_is_not_an_object_is_422(client: httpx.Client, body: bytes) -> None:
    _refused(client.post("/v1/rules/vat.rate", content=body), 422, "body", None)


def test_unknown_routes_methods_and_rules(client: httpx.Client) -> None:
    _refused(client.post("/v1/rules/vat.nope", json={}), 404, "path", "id")
    _refused(client.get("/v2/anything"), 404, "path", "/v2/anything")
    _refused(client.delete("/v1/health"), 405, "path", "/v1/health")
    _refused(client.get("/v1/rules/vat.rate/extra"), 404, "path", "/v1/rules/vat.rate/extra")
    _refused(client.get("/v1/law/"), 404, "path", "/v1/law/")  # no redirect: a client sees what it asked


def test_an_oversize_body_is_413(client: httpx.Client) -> None:
    big = b'{"band": "' + b"x" * (1024 * 1024) + b'", "on": "2019-04-01"}'
    _refused(client.post("/v1/rules/vat.rate", content=big), 413, "body", "")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the size is counted as it comes
        for _ in range(40):
            yield b" " * 32768

    _refused(client.post("/v1/rules/vat.rate", content=chunks()), 413, "body", "")
    just = b'{"band": "standard", "on": "2019-04-01"}'
    assert client.post("/v1/rules/vat.rate", content=just + b" " * (1024 * 1024 - len(just))).status_code == 200


def test_the_openapi_document_carries_each_rules_schemas(openapi: dict[str, Any], client: httpx.Client) -> None:
    schemas = openapi["components"]["schemas"]
    for rule in rules.RULES:
        published = {k: v for k, v in rule.input_schema().items() if k != "$schema"}
        assert schemas[f"{rule.id}.input"] == published
        operation = openapi["paths"][f"/v1/rules/{rule.id}"]["post"]
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        assert body == {"$ref": f"#/components/schemas/{rule.id}.input"}
        names = {p["name"] for p in operation["parameters"]}
        assert names == {"known_on", "what_if"}
        validator = _validator(openapi, f"{rule.id}.output")
        answer = client.post(f"/v1/rules/{rule.id}", json=dict(rule.load().example)).json()
        errors = list(validator.iter_errors(answer))
        assert not errors, errors[0]
    error = client.post("/v1/rules/vat.rate", json={}).json()
    assert not list(_validator(openapi, "Error").iter_errors(error))
    assert openapi["paths"]["/v1/report"]["post"]["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/report.input"}


def _validator(openapi: dict[str, Any], name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": openapi["components"]})


def _resolved(openapi: dict[str, Any], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = openapi["components"]["schemas"][name]
    return schema


# -- properties and load ----------------------------------------------------------

#: The rules whose input schema the strategy can draw (the others read a record of their own).
DRAWN = list(rules.RULES)

_JUNK = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=6)
                     | st.sampled_from(["2019-04-01", "13%", "1234.50", "standard"]),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(min_size=1, max_size=6), inner,
                                                                                 max_size=4),
                     max_leaves=8)


def test_bodies_drawn_from_the_openapi_schemas_are_answered_or_refused_naming_the_field(
        client: httpx.Client, openapi: dict[str, Any]) -> None:
    validators = {r.id: _validator(openapi, f"{r.id}.output") for r in rules.RULES}
    drawn = st.one_of([st.tuples(st.just(r.id), from_schema(_resolved(openapi, f"{r.id}.input"))) for r in DRAWN])
    junk = st.tuples(st.sampled_from([r.id for r in rules.RULES]), _JUNK)
    seen: set[int] = set()

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                     HealthCheck.filter_too_much])
    @given(st.one_of(drawn, junk))
    def check(case: tuple[str, Any]) -> None:
        rule_id, doc = case
        response = client.post(f"/v1/rules/{rule_id}", content=json.dumps(doc).encode())
        assert response.status_code in (200, 422), response.text
        seen.add(response.status_code)
        data = response.json()
        if response.status_code == 200:
            assert not list(validators[rule_id].iter_errors(data)), data
            return
        for problem in data["error"]["problems"]:
            assert problem["in"] == "body"
            # the field is named; only a body that is not an object, or a day outside the law data, has none
            assert problem["field"] or problem.get("law_key") or not isinstance(doc, dict), data

    check()
    assert seen == {200, 422}  # both answers and refusals were drawn


def _parameter(openapi: dict[str, Any], path: str, name: str) -> st.SearchStrategy[Any]:
    """Values of a query parameter drawn from its schema in the OpenAPI document, or any text."""
    params = {p["name"]: p for p in openapi["paths"][path]["get" if "post" not in openapi["paths"][path] else "post"]
              .get("parameters", [])}
    return from_schema(params[name]["schema"]) | st.text(max_size=12)


def test_reports_and_law_questions_drawn_from_the_openapi_document_never_fail_the_server(
        client: httpx.Client, openapi: dict[str, Any]) -> None:
    keys = st.sampled_from(default().keys()) | st.text("abcdefghijklmnopqrstuvwxyz0123456789._-~", max_size=12)
    known_on = st.none() | _parameter(openapi, "/v1/law/{key}", "known_on")
    what_if = st.lists(st.sampled_from(["vat.rate.standard=15%", "eit.rd.in_force=false", "vat.rate.nope=1",
                                        "vat.rate.standard=lots", "vat.rate.standard"]), max_size=2)
    law_case = st.tuples(st.just("law"), keys, st.none() | _parameter(openapi, "/v1/law/{key}", "on"), known_on, what_if)
    coverage_case = st.tuples(st.just("coverage"), st.just(""), _parameter(openapi, "/v1/coverage", "on"), known_on,
                              what_if)
    report_case = st.tuples(st.just("report"), from_schema(_resolved(openapi, "report.input")), st.none(), known_on,
                            what_if)
    seen: set[int] = set()

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                     HealthCheck.filter_too_much])
    @given(st.one_of(law_case, coverage_case, report_case))
    def check(case: tuple[str, Any, str | None, str | None, list[str]]) -> None:
        route, what, on, known, replaced = case
        params = [("on", on)] if on is not None else []
        params += [("known_on", known)] if known is not None else []
        params += [("what_if", w) for w in replaced]
        if route == "report":
            response = client.post("/v1/report", content=json.dumps(what).encode(), params=params)
        elif route == "law":
            response = client.get(f"/v1/law/{what}", params=params)
        else:
            response = client.get("/v1/coverage", params=params)
        assert response.status_code in (200, 404, 422), response.text
        seen.add(response.status_code)
        data = response.json()
        assert "provenance" in data
        if response.status_code != 200:
            for problem in data["error"]["problems"]:
                assert problem["field"] or problem.get("law_key"), data

    check()
    assert {200, 422} <= seen


def test_fifty_clients_at_once_get_the_librarys_answers(url: str) -> None:
    bands = ["standard", "low_rate_goods", "modern_services", "transport", "nope"]
    days = ["2018-04-30", "2018-05-01", "2019-03-31", "2019-04-01", "2019-04-31"]
    cases: list[tuple[str, bytes, int, Any]] = []
    for band in bands:
        for day in days:
            body = {"band": band, "on": day}
            try:
                expected: Any = _library(rules.get("vat.rate"), body)
                status = 200
            except taxcalc.TaxcalcError:
                expected, status = None, 422
            cases.append(("/v1/rules/vat.rate", json.dumps(body).encode(), status, expected))
    loss = {"origin": 2013, "qualified_years": [2018]}
    cases.append(("/v1/rules/eit.loss_window", json.dumps(loss).encode(), 200, _library(rules.get("eit.loss_window"), loss)))
    cases += [("/v1/rules/vat.rate", b"{oops", 400, None), ("/v1/rules/vat.rate", b'{"band": 1.5}', 422, None),
              ("/v1/rules/no.such", b"{}", 404, None)]
    failures: list[str] = []
    answered = [0]
    lock = threading.Lock()

    def client_thread(seed: int) -> None:
        with httpx.Client(base_url=url, timeout=60) as c:
            for i in range(40):
                path, body, status, expected = cases[(seed * 7 + i) % len(cases)]
                try:
                    response = c.post(path, content=body)
                except httpx.HTTPError as exc:
                    with lock:
                        failures.append(f"{path}: {exc!r}")
                    continue
                problem = ""
                if response.status_code != status:
                    problem = f"{path} {body!r}: {response.status_code} {response.text[:200]}"
                elif expected is not None and response.json() != expected:
                    problem = f"{path} {body!r}: not the library's answer"
                elif status != 200 and not response.json()["error"]["problems"]:
                    problem = f"{path}: an error naming nothing"
                with lock:
                    answered[0] += 1
                    if problem:
                        failures.append(problem)

    threads = [threading.Thread(target=client_thread, args=(n,)) for n in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[:5]
    assert answered[0] == 50 * 40


# -- settings: token, limits, address -----------------------------------------------


@pytest.fixture(scope="module")
def guarded() -> Iterator[str]:
    yield from _serve("--max-body", "2000", "--time-limit", "0.001", env={TOKEN_ENV: TOKEN})


def test_a_token_once_given_is_asked_of_every_request(guarded: str) -> None:
    with httpx.Client(base_url=guarded, timeout=30) as c:
        for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"}, {"Authorization": TOKEN}):
            response = c.get("/v1/health", headers=headers)
            _refused(response, 401, "header", "Authorization")
            assert response.headers["www-authenticate"].startswith("Bearer")
        _refused(c.get("/openapi.json"), 401, "header", "Authorization")
        _refused(c.post("/v1/rules/vat.rate", json={}), 401, "header", "Authorization")
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert c.get("/v1/health", headers=auth).status_code == 200
        assert c.get("/openapi.json", headers=auth).json()["security"] == [{"bearer": []}]


def test_the_body_and_time_limits_are_settings(guarded: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=guarded, timeout=30, headers=auth) as c:
        _refused(c.post("/v1/rules/vat.rate", content=b" " * 2001), 413, "body", "")
        # the coverage of a day runs every rule's example: tens of milliseconds, never within 1 ms
        error = _refused(c.get("/v1/coverage", params={"on": "2019-04-01"}), 503, "body", "")
        assert error["code"] == "timeout"
        assert c.get("/v1/health").status_code == 200  # answered from what was made at start-up


def test_a_non_loopback_address_needs_a_token(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    assert main(["serve", "--host", "0.0.0.0"]) == 1
    assert "--host: 0.0.0.0 is not a loopback address" in capsys.readouterr().err
    assert check(Settings(host="0.0.0.0", token=TOKEN)).host == "0.0.0.0"
    assert check(Settings(host="::1")).token is None
    short = tmp_path / "short"
    short.write_text("abc\n")
    assert main(["serve", "--token-file", str(short)]) == 1
    assert "--token-file: the token must be at least 16" in capsys.readouterr().err
    good = tmp_path / "token"
    good.write_text(TOKEN + "\nignored\n")
    assert read_token(str(good), {}) == TOKEN
    assert read_token(None, {TOKEN_ENV: f" {TOKEN} "}) == TOKEN
    assert read_token(None, {}) is None
    assert main(["serve", "--port", "eighty"]) == 1
    assert "--port: 'eighty' is not a whole number" in capsys.readouterr().err
    assert main(["serve", "--what-if", "vat.rate.standard=15%"]) == 1
    assert "--what-if: is given with each request, as the query parameter what_if" in capsys.readouterr().err


def test_a_fault_of_taxcalc_is_a_json_500_without_its_traceback(monkeypatch: pytest.MonkeyPatch,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    import asyncio

    from taxcalc.service import answers
    from taxcalc.service.app import create_app

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a fault in the rule")

    monkeypatch.setattr(answers, "ask_rule", broken)

    async def ask() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(), raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            return await c.post("/v1/rules/vat.rate", json={"band": "standard", "on": "2019-04-01"})

    response = asyncio.run(ask())
    error = _refused(response, 500, "body", "")
    assert error["code"] == "internal" and "fault in the rule" not in response.text
    assert "a fault in the rule" in caplog.text  # the details are in the server's log


def test_help_does_not_import_the_web_framework() -> None:
    code = ("import sys\nfrom taxcalc.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('fastapi', 'uvicorn', 'starlette', 'httpx')"
            " or m.startswith('taxcalc.service')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


# -- the client examples of docs/service.md -----------------------------------------

CLIENTS = Path(__file__).resolve().parent.parent / "docs" / "clients"
_INVOICE = {"amount": "1130.00", "band": "standard", "on": "2019-04-01"}


def test_the_python_client_example_runs_as_written(url: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV} | {"TAXCALC_URL": url}
    done = subprocess.run([sys.executable, str(CLIENTS / "taxcalc_client.py")], env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    expected = _library(rules.get("vat.invoice_line"), _INVOICE)
    assert done.stdout.splitlines()[0] == f"tax {expected['tax']} (taxcalc {taxcalc.__version__})"


@pytest.mark.skipif(shutil.which("java") is None, reason="no Java here")
def test_the_java_client_example_runs_as_written(url: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV} | {"TAXCALC_URL": url}
    done = subprocess.run(["java", str(CLIENTS / "TaxcalcClient.java")], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    status, body = done.stdout.split("\n", 1)
    assert status == "200" and json.loads(body) == _library(rules.get("vat.invoice_line"), _INVOICE)

"""The report input, fuzzed from its published schema.

Two properties:

* an input that :func:`~taxcalc.report.parse_data` accepts is computed: it builds
  and renders (zh, en and JSON) without an exception; one it refuses names every
  problem by a path;
* the published JSON Schema and the parser agree, except where a table's
  ``x-checks`` (the checks JSON Schema cannot say) refuse.

The documents start from the built-in example and change a few of its fields,
rows or tables to values drawn from the schema, so that they reach deep into the
computation rather than stopping at the first missing field.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import tomllib
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema_strategies import from_schema
from taxcalc.inputs import FloatLiteral
from taxcalc.report import (
    ReportInputError,
    build_report,
    example_text,
    json_schema,
    parse_data,
    render,
)

SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
#: The commodity code of the built-in example, in the SAMPLE catalogue.
SAMPLE_CODE = "9901000020"


def _as_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


BASE: dict[str, Any] = _as_json(tomllib.loads(example_text()))
#: Tables not in the example, each a minimal one the drawn fields are added to.
EXTRA = {
    "income": {"profit": "0"},
    "excess_credit_refund_2018": {"applied_on": "2018-07-01", "credit_rating": "A",
                                  "listed_input_tax": "1", "total_input_tax": "2", "industry": "医药制造业"},
    "quarters": [],
}


def _table_schema(name: str) -> tuple[bool, dict[str, Any]]:
    prop = SCHEMA["properties"][name]
    return (True, prop["items"]) if prop.get("type") == "array" else (False, prop)


TABLES = [name for name, prop in SCHEMA["properties"].items() if "properties" in prop or "items" in prop]


def _align(doc: dict[str, Any], year: int) -> None:
    """Move every date and month of ``doc`` into ``year`` (so that drawn rows get past the year checks)."""

    def fix(value: Any) -> Any:
        if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", value):
            return f"{year}{value[4:]}"
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        return value

    for name in ("sales", "purchases", "exports", "equipment"):
        if name in doc:
            doc[name] = fix(doc[name])


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """The built-in example with a few fields, rows or tables replaced by values drawn from the schema."""
    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["field", "field", "field", "extreme", "row", "rows", "drop", "table", "year",
                                   "align"]))
        name = draw(st.sampled_from(TABLES))
        is_list, schema = _table_schema(name)
        if op == "year":
            doc["year"] = draw(from_schema(SCHEMA["properties"]["year"]))
        elif op == "align":
            _align(doc, doc["year"])
        elif op == "table":
            doc[name] = draw(from_schema(SCHEMA["properties"][name]))
        elif op == "drop":
            if name in doc and name != "enterprise":
                del doc[name]
        elif op in ("row", "rows") and is_list:
            row = draw(from_schema(schema))
            copies = 1 if op == "row" else draw(st.integers(2, 40))
            doc.setdefault(name, []).extend(copy.deepcopy(row) for _ in range(copies))
        elif op in ("field", "extreme"):
            field = draw(st.sampled_from(sorted(schema["properties"])))
            prop = schema["properties"][field]
            if op == "extreme":  # the largest (or smallest) amount or count the schema allows
                numbers = [s for s in prop.get("anyOf", [prop]) if s.get("type") == "integer" and "maximum" in s]
                if not numbers:
                    continue
                value = draw(st.sampled_from([numbers[0]["maximum"], numbers[0]["minimum"]]))
            else:
                value = draw(from_schema(prop))
            if is_list:
                rows = doc.setdefault(name, copy.deepcopy(EXTRA.get(name, [])))
                if rows and isinstance(rows, list):
                    rows[draw(st.integers(0, len(rows) - 1))][field] = value
            else:
                table = doc.setdefault(name, copy.deepcopy(EXTRA.get(name, {})))
                if isinstance(table, dict):
                    table[field] = value
    for x in doc.get("exports", []):  # the catalogue is outside the input: keep to its row
        if isinstance(x, dict) and "hs_code" in x:
            x.update(hs_code=SAMPLE_CODE, band="standard")
    return doc


def _computed(facts: Any) -> None:
    report = build_report(facts)
    render(report, "zh")
    render(report, "en")
    json.dumps(report.as_dict())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_what_the_parser_accepts_is_computed(doc: dict[str, Any]) -> None:
    try:
        facts = parse_data(doc)
    except ReportInputError as exc:
        assert all(p.path for p in exc.problems), exc.problems
        return
    _computed(facts)


# -- the schema and the parser agree -------------------------------------------------------------

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**17), 10**17),
    st.text(alphabet="0123456789-.,%e +１", max_size=12),
    st.sampled_from(["", "0", "-1", "1234.50", "1234,50", "2_150_000.00", "2.15e6", "１２３", "20180615",
                     "2018-06-15", "2018-02-29", "2018-06", "2018-13", "13%", "0.13", "1.3", "standard",
                     "invoice", "goods", "C14", "x", " x", "9901000020"]),
)


@st.composite
def mixed(draw: st.DrawFn) -> dict[str, Any]:
    """The built-in example with a few fields set to scalars the schema may or may not accept."""
    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from([*TABLES, "year", "format", "catalogue"]))
        if name not in TABLES:
            doc[name] = draw(_SCALARS)
            continue
        is_list, schema = _table_schema(name)
        field = draw(st.sampled_from(sorted(schema["properties"])))
        if schema["properties"][field].get("type") == "array":
            continue
        if is_list:
            rows = doc.setdefault(name, [])
            if not rows:
                rows.append(draw(from_schema(schema)))
            rows[draw(st.integers(0, len(rows) - 1))][field] = draw(_SCALARS)
        else:
            doc.setdefault(name, {})[field] = draw(_SCALARS)
    return doc


def _checked(path: str) -> bool:
    """Whether ``path`` is in a table with ``x-checks`` of its own, or one the top level's ``x-checks`` name."""
    table = re.sub(r"\[[0-9]+\]", "", path).split(".")[0]
    prop = SCHEMA["properties"].get(table, {})
    return "x-checks" in prop.get("items", prop) or re.search(rf"\b{table}\b", SCHEMA["x-checks"]) is not None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed())
def test_the_schema_and_the_parser_agree(doc: dict[str, Any]) -> None:
    doc = json.loads(json.dumps(doc), parse_float=FloatLiteral)  # as a JSON document gives it
    valid = VALIDATOR.is_valid(doc)
    try:
        parse_data(doc)
    except ReportInputError as exc:
        assert not valid or all(_checked(p.path) for p in exc.problems), exc.problems
        return
    assert valid, sorted(e.message for e in VALIDATOR.iter_errors(doc))


def test_an_export_the_catalogue_does_not_cover_is_refused_when_read() -> None:
    # found by the fuzz above: a 2016 export of a code whose SAMPLE rows start in 2017
    doc = copy.deepcopy(BASE)
    doc["year"] = 2016
    _align(doc, 2016)
    with pytest.raises(ReportInputError) as info:
        parse_data(doc)
    paths = {p.path for p in info.value.problems}
    assert "exports[0].hs_code" in paths
    assert any("covers 2016-" in p.reason for p in info.value.problems)

"""Every rule, fed documents drawn from its own published input schema.

Each document is either refused when it is read (``InputProblems``, every problem
with its path) or computed, with a result that explains itself in both languages and
whose ``as_dict()`` the published output schema accepts.  The refusals allowed after
reading are those that depend on the law chosen (a what-if or "as known on" law), not
on the document: a date the law data does not cover (``OutsideCoverage``, naming the
key and the date), or a value the law never had (``InvalidInput`` naming the input's
field, e.g. "old_rate: 100% was not a VAT rate of any band"); and a catalogue file the
document names that cannot be read (the file is named).
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema_strategies import from_schema
from taxcalc import rules
from taxcalc.errors import InputProblems, InvalidInput, LawDataError, OutsideCoverage
from taxcalc.inputs import FloatLiteral

#: Rules whose inputs the schema strategy can draw: every rule, its input a record of
#: :mod:`taxcalc.inputs` read by :func:`taxcalc.inputs.parse`.
DRAWN = list(rules.RULES)


def test_every_rule_is_drawn_from_its_schema() -> None:
    assert [r.id for r in DRAWN] == [r.id for r in rules.RULES]


def _as_json(doc: Any) -> Any:
    return json.loads(json.dumps(doc), parse_float=FloatLiteral)


@pytest.mark.parametrize("rule", DRAWN, ids=lambda r: r.id)
def test_a_document_the_schema_accepts_is_refused_when_read_or_computed(rule: rules.Rule) -> None:
    schema = rule.input_schema()
    output = jsonschema.Draft202012Validator(rule.output_schema())

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.filter_too_much])
    @given(from_schema(schema))
    def check(doc: Any) -> None:
        try:
            inputs = rule.read(_as_json(doc))
        except InputProblems as exc:
            assert all(p.path for p in exc.problems), exc.problems
            return
        try:
            result = rule.load().compute(inputs, law=None)
        except OutsideCoverage:
            return
        except (LawDataError, OSError) as exc:  # a catalogue file that cannot be read, named
            assert "catalogue" in doc and str(exc)
            return
        except InvalidInput as exc:  # a value the law chosen does not know, named by its field
            assert re.split(r"[.\[]", exc.field)[0] in schema["properties"], exc
            return
        for lang in ("zh", "en"):
            assert isinstance(rule.load().text(result, lang, inputs), str)
        shown = rule.load().shown(result)
        data = json.loads(json.dumps(shown.as_dict() if hasattr(shown, "as_dict") else shown))
        errors = sorted(output.iter_errors(data), key=str)
        assert not errors, errors[0]

    check()


def _has_checks(schema: dict[str, Any]) -> bool:
    return "x-checks" in json.dumps(schema)


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.text(max_size=8),
                     st.sampled_from(["2019-04-01", "2026-01-01", "13%", "0.13", "1234.50", "standard",
                                      "month", "quarter", "2019-04", "1,234.50", "-1"]))


@pytest.mark.parametrize("rule", DRAWN, ids=lambda r: r.id)
def test_the_schema_and_the_reader_agree(rule: rules.Rule) -> None:
    schema = rule.input_schema()
    validator = jsonschema.Draft202012Validator(schema)
    names = list(schema["properties"])

    @settings(max_examples=80, deadline=None)
    @given(st.dictionaries(st.sampled_from(names), _SCALARS, max_size=len(names)))
    def check(doc: dict[str, Any]) -> None:
        doc = _as_json(doc)
        problems: tuple[object, ...] = ()
        try:
            rule.read(doc)
        except InputProblems as exc:
            problems = exc.problems
            if validator.is_valid(doc) and _has_checks(schema):
                return  # refused by a check across fields, which the schema lists but cannot state
        assert (not problems) is validator.is_valid(doc), (doc, problems)

    check()


# -- one enterprise's year, drawn around years the law data covers ---------------------------------

#: Days from 2012 to 2020 (a narrower form of the published date pattern).
_NEAR_DAY = r"^20(1[2-9]|20)-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$"


def _near(schema: Any) -> Any:
    """``schema`` with its tax years from 2014 to 2020 and its days from 2012 to 2020: a part of what it
    accepts, where most documents reach the computation instead of stopping at a year the law data
    does not cover."""
    from taxcalc.inputs import grammar

    if isinstance(schema, dict):
        out = {k: _near(v) for k, v in schema.items()}
        if out.get("pattern") == grammar.DATE:
            out["pattern"] = _NEAR_DAY
        if (out.get("type") == "integer" and out.get("minimum") == grammar.TAX_YEAR_FIRST
                and out.get("maximum") == grammar.TAX_YEAR_LAST):
            out["minimum"], out["maximum"] = 2014, 2020
        return out
    if isinstance(schema, list):
        return [_near(v) for v in schema]
    return schema


def _asks_for_the_size(exc: InvalidInput) -> bool:
    """The one refusal of the annual computation after reading: the size figures of the small low-profit
    test, asked for only when the law in force makes the relief possible for the income computed, by the
    period the year's law averages them by (months to 2016, quarters from 2017), rows of the other refused."""
    return exc.field.removeprefix("facts.") in ("quarters", "months") and (
        "small low-profit" in exc.reason or "total assets are averaged by" in exc.reason)


@pytest.mark.parametrize("rule_id", ["eit.annual", "eit.benefit"])
def test_an_enterprise_year_the_schema_accepts_is_refused_when_read_or_computed(rule_id: str) -> None:
    rule = rules.get(rule_id)
    published = jsonschema.Draft202012Validator(rule.input_schema())
    output = jsonschema.Draft202012Validator(rule.output_schema())
    seen = {"computed": 0}

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                     HealthCheck.filter_too_much])
    @given(from_schema(_near(rule.input_schema())))
    def check(doc: Any) -> None:
        assert published.is_valid(doc)
        try:
            inputs = rule.read(_as_json(doc))
        except InputProblems as exc:
            assert all(p.path for p in exc.problems), exc.problems
            return
        try:
            result = rule.load().compute(inputs, law=None)
        except OutsideCoverage:
            return
        except InvalidInput as exc:
            assert _asks_for_the_size(exc), exc
            return
        seen["computed"] += 1
        for lang in ("zh", "en"):
            assert isinstance(rule.load().text(result, lang, inputs), str)
        data = json.loads(json.dumps(result.as_dict()))
        errors = sorted(output.iter_errors(data), key=str)
        assert not errors, errors[0]

    check()
    assert seen["computed"] >= 10, seen  # the documents reach the computation


def _leaves(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of every value of ``doc`` (tables and lists included)."""
    out = [path]
    if isinstance(doc, dict):
        out += [p for k, v in doc.items() for p in _leaves(v, (*path, k))]
    elif isinstance(doc, list):
        out += [p for i, v in enumerate(doc) for p in _leaves(v, (*path, i))]
    return out


def _replaced(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    out = copy.deepcopy(doc)
    at = out
    for step in path[:-1]:
        at = at[step]
    at[path[-1]] = value
    return out


@pytest.mark.parametrize("rule_id", ["eit.annual", "eit.benefit"])
def test_the_schema_and_the_reader_agree_inside_the_tables(rule_id: str) -> None:
    rule = rules.get(rule_id)
    schema = rule.input_schema()
    validator = jsonschema.Draft202012Validator(schema)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                     HealthCheck.filter_too_much])
    @given(from_schema(_near(schema)), st.data())
    def check(doc: Any, data: st.DataObject) -> None:
        path = data.draw(st.sampled_from(_leaves(doc)[1:] or [()]))
        doc = _as_json(_replaced(doc, path, data.draw(_SCALARS)))
        try:
            rule.read(doc)
        except InputProblems as exc:
            if validator.is_valid(doc):
                return  # refused by a check across fields, which the schema lists in x-checks
            assert all(p.path for p in exc.problems)
            return
        assert validator.is_valid(doc), doc

    check()


def test_the_output_schema_covers_the_one_line_the_command_line_prints() -> None:
    # found by the property above: one purchase line is printed alone, and the published
    # output schema must describe that form as well as the whole result
    rule = rules.get("export.exempt_refund")
    doc = {"lines": [{"amount": "0", "purchase_vat_rate": "0", "export_date": "2020-02-29", "rebate_rate": "0"}]}
    shown = rule.load().shown(rule.compute(doc))
    assert type(shown).__name__ == "ExemptRefundLine"
    output = jsonschema.Draft202012Validator(rule.output_schema())
    assert not list(output.iter_errors(json.loads(json.dumps(shown.as_dict()))))

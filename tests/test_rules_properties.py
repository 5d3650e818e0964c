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

#: Rules whose inputs the schema strategy can draw (the records that read themselves
#: publish a schema derived from their dataclass, checked by their own tests).
DRAWN = [r for r in rules.RULES if r.load().reader is None]


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

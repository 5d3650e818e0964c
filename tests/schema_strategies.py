"""Hypothesis strategies drawing JSON documents from the JSON Schemas taxcalc publishes.

It understands the vocabulary those schemas use — ``type`` (object, array, string,
integer, boolean), ``pattern``, ``maxLength``, ``enum``, ``const``, ``anyOf``, ``not``
(of a pattern), ``minimum``/``maximum``, ``maxItems``, ``properties``/``required`` —
and fails loudly on anything else, so a schema growing a new keyword is noticed.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

_IGNORED = {"description", "default", "title", "$schema", "x-checks", "additionalProperties"}


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Documents that ``schema`` accepts."""
    unknown = set(schema) - _IGNORED - {"type", "pattern", "maxLength", "enum", "const", "anyOf", "not",
                                        "minimum", "maximum", "maxItems", "minItems", "items", "properties", "required"}
    if unknown:
        raise ValueError(f"schema keywords not understood: {sorted(unknown)}")
    if "anyOf" in schema:
        return st.one_of([from_schema(s) for s in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "const" in schema:
        return st.just(schema["const"])
    kind = schema.get("type")
    if kind == "string":
        import re

        text = st.from_regex(schema["pattern"], fullmatch=True) if "pattern" in schema else st.text()
        if "maxLength" in schema:
            text = text.filter(lambda s: len(s) <= schema["maxLength"])
        if "not" in schema:
            bad = re.compile(schema["not"]["pattern"])
            text = text.filter(lambda s: not bad.search(s))
        return text
    if kind == "integer":
        return st.integers(schema.get("minimum"), schema.get("maximum"))
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        low = schema.get("minItems", 0)
        return st.lists(from_schema(schema["items"]), min_size=low, max_size=max(low, min(schema.get("maxItems", 3), 3)))
    if kind == "object":
        props = schema["properties"]
        required = {k: from_schema(props[k]) for k in schema.get("required", [])}
        optional = {k: from_schema(v) for k, v in props.items() if k not in required}
        return st.fixed_dictionaries(required, optional=optional)
    raise ValueError(f"schema not understood: {schema}")

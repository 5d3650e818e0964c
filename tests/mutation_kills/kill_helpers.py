"""What the tests in this folder compare a result's explanation by."""

from __future__ import annotations

from taxcalc.explain import Step


def row(step: Step) -> tuple[object, ...]:
    """Everything a step shows: name, labels, value, unit, formulas, citations, return-form line."""
    return (step.name, step.zh, step.en, step.value, step.unit, step.formula, step.formula_zh,
            tuple(str(c) for c in step.cite), step.line)


def rows(steps: tuple[Step, ...]) -> list[tuple[object, ...]]:
    return [row(s) for s in steps]


def fields(result: object, names: tuple[str, ...]) -> dict[str, object]:
    """The fields ``names`` of ``result``, by name."""
    return {n: getattr(result, n) for n in names}

"""Reductions of the environmental protection tax for low concentrations (环境保护税 浓度值减征).

The rule
    A taxpayer whose taxable air or water pollutant is emitted at a concentration
    below the national and local emission standard pays less of the tax on it
    (中华人民共和国环境保护税法 第十三条, from 2018-01-01):

    * 30% below the standard → 75% of the tax (减按百分之七十五征收);
    * 50% below the standard → 50% of the tax (减按百分之五十征收).

    The concentration is the month's average of the hourly (air) or daily (water)
    averages of automatic monitoring, or of the monitoring agency's measurements
    (实施条例 第十条).  No hourly or daily average and no single measurement may
    exceed the standard, and if any outlet of the taxpayer (or its emissions
    without an outlet) exceeds the standard, nothing is reduced (第十一条).  The
    reduction is computed for each pollutant of each outlet (第十二条).

Keys read
    ``environment.reduction.lower_threshold``, ``.lower_share``,
    ``.upper_threshold``, ``.upper_share``, ``.no_exceedance``, ``.per_outlet``.

The boundary
    "低于…标准百分之三十" is read as inclusive: a concentration exactly 30% below
    the standard (70% of it) qualifies, as does one exactly 50% below for the
    second tier.  The comparison is exact, ``concentration ≤ standard × (1 − 30%)``;
    the Hebei documents that restate the rule say "30%以上", and 以上 includes the
    number.  A concentration above the standard is refused nothing: it is simply
    not reduced and bars the reduction of every other row.

Rounding
    ``ROUND(tax × share, 2)`` half up for each row; the reduction is the
    difference, so the parts add up to the tax exactly.

Choices and limits
    * ``tax`` is the tax of the row before the reduction (污染当量数 × 适用税额),
      computed by the caller; the equivalent values and local rates are not
      encoded.  Noise and solid waste have no concentration reduction.
    * ``highest`` is the highest hourly or daily average, or single measurement,
      of the month; when not given the condition is taken as met.
    * A month before 2018-01-01 is outside the data (the 排污费 regime).

>>> row = Emission(outlet="DA001", pollutant="SO2", concentration=Decimal("60"), standard=Decimal("100"),
...                tax=Decimal("1200"))
>>> r = environmental_tax_reduction([row], "2019-05")
>>> r.tax_due, r.reduction
(Decimal('900.00'), Decimal('300.00'))
>>> import dataclasses
>>> environmental_tax_reduction([dataclasses.replace(row, concentration=Decimal("50"))], "2019-05").tax_due
Decimal('600.00')
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from ..errors import InvalidInput, Problem
from ..explain import Explained, Formula, Step, format_value
from ..inputs import Amount, Field, Flag, Month, Rows, Text, record
from ..inputs.fields import BAD, shown
from ..law import Law, default
from ..money import CONTEXT, ZERO, div, flag, month_arg, mul, round_fen, sub, total

__all__ = ["Emission", "EmissionReduction", "EnvironmentalTaxInput", "EnvironmentalTaxReduction",
           "environmental_tax_reduction"]

K = "environment.reduction."
_PATTERN = r"^(0|[1-9][0-9]{0,8})(\.[0-9]{1,10})?$"
_NUMBER = re.compile(_PATTERN)
_SHOWN = Decimal("0.0001")


class Concentration(Field):
    """A concentration (mg/m³, mg/L or the standard's unit): a non-negative decimal written as text."""

    kind = "concentration"

    def __init__(self, doc: str, *, positive: bool = False) -> None:
        super().__init__(doc)
        self.positive = positive

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        value: Decimal | None = None
        if isinstance(raw, Decimal) and raw.is_finite() and raw >= 0:
            value = raw
        elif isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw < 10**9:
            value = Decimal(raw)
        elif isinstance(raw, str) and _NUMBER.match(raw):
            value = Decimal(raw)
        if value is None or (self.positive and value <= 0):
            what = "a positive number" if self.positive else "a number of zero or more"
            problems.append(Problem(path, f"{shown(raw)} is not {what} (write e.g. \"35.5\")"))
            return BAD
        return value

    def _schema(self) -> dict[str, Any]:
        text: dict[str, Any] = {"type": "string", "pattern": _PATTERN}
        if self.positive:
            text["not"] = {"pattern": r"^0(\.0+)?$"}
        return {"anyOf": [text, {"type": "integer", "minimum": 1 if self.positive else 0,
                                 "maximum": 10**9 - 1}]}


def _row_problems(row: Emission, at: str = "") -> Iterator[tuple[str, str]]:
    if row.highest is not None and row.highest < row.concentration:
        yield at + "highest", f"the highest hourly or daily average ({row.highest}) cannot be below the " \
                              f"month's average ({row.concentration})"


@record
class Emission:
    """One taxable air or water pollutant of one outlet in the month, with its tax before the reduction."""

    outlet: Annotated[str, Text("the outlet (排放口), e.g. DA001", max_length=60)]
    pollutant: Annotated[str, Text("the pollutant, e.g. SO2, COD", max_length=60)]
    concentration: Annotated[Decimal, Concentration("the month's average concentration (实施条例 第十条)")]
    standard: Annotated[Decimal, Concentration("the national or local emission standard, in the same unit",
                                               positive=True)]
    tax: Annotated[Decimal, Amount("the tax on this pollutant before the reduction (污染当量数 × 适用税额)")]
    highest: Annotated[Decimal | None, Concentration("the month's highest hourly or daily average, or single "
                                                     "measurement")] = None

    def checks(self) -> Iterator[tuple[str, str]]:
        """The highest value is not below the month's average."""
        yield from _row_problems(self)


@record
class EnvironmentalTaxInput:
    """A month's taxable air and water pollutants, by outlet, with their tax before the reduction."""

    month: Annotated[_dt.date, Month("the month of the emissions, YYYY-MM")]
    emissions: Annotated[tuple[Emission, ...], Rows("the pollutants of each outlet", Emission, max_items=500)]
    other_outlet_over_standard: Annotated[bool, Flag(
        "an outlet not listed (or emissions without an outlet) exceeded the standard this month")] = False

    def checks(self) -> Iterator[tuple[str, str]]:
        """At least one row; each outlet and pollutant once."""
        yield from _input_problems(self.emissions)


def _input_problems(rows: Sequence[Emission]) -> Iterator[tuple[str, str]]:
    if not rows:
        yield "emissions", "needs at least one pollutant"
    seen: set[tuple[str, str]] = set()
    for i, row in enumerate(rows):
        key = (row.outlet, row.pollutant)
        if key in seen:
            yield f"emissions[{i}].pollutant", f"{row.pollutant} of outlet {row.outlet} is given twice"
        seen.add(key)


@dataclass(frozen=True, slots=True)
class EmissionReduction:
    """One row: how far below the standard, the share of the tax levied, the tax due and the reduction."""

    outlet: str
    pollutant: str
    below_standard: Decimal
    share: Decimal
    tax: Decimal
    tax_due: Decimal
    reduction: Decimal


@dataclass(frozen=True, slots=True)
class EnvironmentalTaxReduction(Explained):
    """A month's environmental protection tax on air and water pollutants after the reductions."""

    month: _dt.date
    eligible: bool
    tax: Decimal
    tax_due: Decimal
    reduction: Decimal
    rows: tuple[EmissionReduction, ...]
    steps: tuple[Step, ...]


_ONE = Decimal(1)


def _decimal(value: object) -> Decimal:
    assert isinstance(value, Decimal)
    return value


def _over(row: Emission) -> bool:
    top = row.highest if row.highest is not None else row.concentration
    return top > row.standard or row.concentration > row.standard


def _below_formula(lang: str, standard: Decimal, concentration: Decimal) -> str:
    s, c = format(standard, "f"), format(concentration, "f")
    return f"({s} − {c}) ÷ {s}" if lang == "en" else f"（排放标准 {s} − 浓度值 {c}）÷ 排放标准 {s}"


def _over_formula(lang: str, standard: Decimal, concentration: Decimal, highest: Decimal | None) -> str:
    """Why a row over the standard counts as 0 below it: the figure that exceeds the standard."""
    s = format(standard, "f")
    if concentration > standard:
        c = format(concentration, "f")
        return (f"average {c} > standard {s}: not below it, 0" if lang == "en"
                else f"浓度值 {c} > 排放标准 {s}：未低于标准，计为 0")
    assert highest is not None  # _over: the average or the highest value exceeds the standard
    h = format(highest, "f")
    return (f"highest value {h} > standard {s}: not below it, 0" if lang == "en"
            else f"最高值 {h} > 排放标准 {s}：未低于标准，计为 0")


def environmental_tax_reduction(
    emissions: Sequence[Emission],
    month: object,
    *,
    other_outlet_over_standard: bool = False,
    law: Law | None = None,
) -> EnvironmentalTaxReduction:
    """The month's tax on ``emissions`` after the reductions of 环境保护税法 第十三条."""
    if isinstance(emissions, str | bytes) or not isinstance(emissions, Sequence):
        raise InvalidInput("emissions", "must be a list of Emission")
    for i, row in enumerate(emissions):
        if not isinstance(row, Emission):
            raise InvalidInput(f"emissions[{i}]", "must be an Emission")
        for field, reason in _row_problems(row, f"emissions[{i}]."):
            raise InvalidInput(field, reason)
    for field, reason in _input_problems(emissions):
        raise InvalidInput(field, reason)
    m = month_arg(month, "month") if not isinstance(month, _dt.date) else month.replace(day=1)
    other = flag(other_outlet_over_standard, "other_outlet_over_standard")
    data = default() if law is None else law
    vals = {name: data.value(K + name, m) for name in ("lower_threshold", "lower_share", "upper_threshold",
                                                        "upper_share", "no_exceedance", "per_outlet")}
    lo_t, lo_s, hi_t, hi_s = (_decimal(vals[n].value) for n in ("lower_threshold", "lower_share",
                                                                  "upper_threshold", "upper_share"))
    steps: list[Step] = []
    for name in ("lower_threshold", "lower_share", "upper_threshold", "upper_share"):
        steps.append(data.step(vals[name], name))
    over = [i for i, row in enumerate(emissions) if _over(row)]
    condition = bool(vals["no_exceedance"].value)
    eligible = not condition or (not over and not other)
    cite_cond = (vals["no_exceedance"].citation,)
    steps.append(Step("eligible", "无超标排放，可以减征", "no emission above the standard: reductions apply",
                      eligible, "bool",
                      "" if eligible else ("another outlet over the standard" if other and not over else
                                           f"emissions[{over[0]}] over the standard" if over else ""),
                      cite_cond,
                      formula_zh="" if eligible else ("其他排放口超标" if other and not over else
                                                      f"第{over[0] + 1}行超标" if over else "")))
    rows: list[EmissionReduction] = []
    for i, row in enumerate(emissions):
        row_over = _over(row)
        below = ZERO if row_over else div(sub(row.standard, row.concentration), row.standard)
        below_formula = (Formula(_over_formula, (row.standard, row.concentration, row.highest)) if row_over
                         else Formula(_below_formula, (row.standard, row.concentration)))
        share = _ONE
        if eligible and row.concentration <= mul(row.standard, sub(_ONE, hi_t)):
            share = hi_s
        elif eligible and row.concentration <= mul(row.standard, sub(_ONE, lo_t)):
            share = lo_s
        due = round_fen(mul(row.tax, share))
        rows.append(EmissionReduction(row.outlet, row.pollutant, below, share, row.tax, due, sub(row.tax, due)))
        label_zh, label_en = f"{row.outlet} {row.pollutant}", f"{row.outlet} {row.pollutant}"
        steps.append(Step(f"emissions[{i}].below_standard", f"{label_zh}：浓度值低于排放标准的比例",
                          f"{label_en}: how far below the standard", below.quantize(_SHOWN, context=CONTEXT), "rate",
                          below_formula, (vals["per_outlet"].citation,)))
        steps.append(Step(f"emissions[{i}].tax_due", f"{label_zh}：减征后应纳税额", f"{label_en}: tax after the reduction",
                          due, "yuan", Formula(_due_formula, (row.tax, share)),
                          (vals["lower_share"].citation,) if share != _ONE else ()))
    tax = total(r.tax for r in rows)
    tax_due = total(r.tax_due for r in rows)
    steps.append(Step("tax_due", "本月减征后应纳税额合计", "tax due for the month", tax_due, "yuan",
                      "SUM(emissions[].tax_due)", formula_zh="各排放口各污染物减征后应纳税额之和"))
    steps.append(Step("reduction", "本月减征税额", "tax reduced this month", sub(tax, tax_due), "yuan",
                      "tax − tax_due", formula_zh="应纳税额 − 减征后应纳税额"))
    return EnvironmentalTaxReduction(m, eligible, tax, tax_due, sub(tax, tax_due), tuple(rows), tuple(steps))


def _due_formula(lang: str, tax: Decimal, share: Decimal) -> str:
    t, s = format_value(tax, "yuan"), format_value(share, "rate")
    return f"ROUND({t} × {s}, 2)" if lang == "en" else f"ROUND(应纳税额 {t} × {s}, 2)"

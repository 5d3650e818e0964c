"""``eit.rd_ratio``: the R&D super-deduction ratio of a year, 研发费用加计扣除比例 (:func:`taxcalc.eit.rd_ratio`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from ...eit.rd_super_deduction import KINDS, RdRatio, rd_ratio
from ...explain import format_value
from ...inputs import Year, record
from ..fields import Names
from ..protocol import Definition

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "RdRatioInput"]


@record
class RdRatioInput:
    """A tax year and the kinds of enterprise."""

    year: Annotated[int, Year("tax year")]
    kinds: Annotated[tuple[str, ...], Names("kind of enterprise (repeatable; general always applies)",
                                             KINDS)] = ()


def _rd_ratio(i: RdRatioInput, *, law: Law | None) -> RdRatio:
    return rd_ratio(i.year, kinds=i.kinds, law=law)


def _text(r: RdRatio, lang: str, inputs: Any = None) -> str:
    ratio = format_value(r.ratio, "rate")
    amort = format_value(r.amortisation_multiple, "rate")
    if lang == "en":
        head = f"R&D super-deduction {r.year} ({', '.join(r.kinds)}): {ratio}; intangibles amortised at {amort} of cost"
    else:
        head = f"研发费用加计扣除 {r.year}年度：加计扣除比例 {ratio}；形成无形资产的按成本的 {amort} 摊销"
    return head + "\n" + r.explain(lang)


DEFINITIONS: dict[str, Definition] = {
    "eit.rd_ratio": Definition(input=RdRatioInput, compute=_rd_ratio, result=(RdRatio,), text=_text,
                               example={"year": 2023, "kinds": ["ic_machine"]}),
}

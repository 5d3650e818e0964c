"""Technology-transfer income: exempt up to 500万 a year, taxed at half above (技术转让所得减免企业所得税).

The rule
    A resident enterprise's qualifying technology-transfer income of a tax year is
    exempt up to 500万 (不超过500万元的部分，免征, 500万 itself included) and taxed at
    half above it (超过500万元的部分，减半征收) (企业所得税法 第二十七条第（四）项;
    实施条例 第九十条).  Each transfer's income is its revenue less the cost (the
    net tax basis of the intangible) and the related taxes (国税函〔2009〕212号 二:
    技术转让所得 = 技术转让收入 − 技术转让成本 − 相关税费).

    A transfer qualifies when (财税〔2010〕111号):

    * it transfers the ownership, or a global exclusive licence of 5 years or more
      (含5年) (二); from 2015-10-01 also a non-exclusive licence of 5 years or more
      (财税〔2015〕116号 二), by the day its income is recognised;
    * its contract is registered with a provincial or higher science (domestic) or
      commerce (cross-border) department (三);
    * the buyer is not a related party held 100% (directly and indirectly together)
      (四).

Keys read
    ``eit.tech_transfer.in_force`` (off: nothing is exempt), ``.exempt_limit``, ``.excess_levy_share`` (on the year's last
    day); ``.non_exclusive_licence``, ``.licence_years``, ``.contract_registered``,
    ``.related_party_holding`` (on each transfer's day); ``eit.rate.standard`` when
    no ``rate`` is given.

The computation
    ``income`` is the sum of the qualifying transfers' income (a loss on one
    reduces the others: the article speaks of the year's income).  When it is
    positive, ``exempt = MIN(income, 500万)``, ``half_taxed = income − exempt``, and
    the income taken off the taxable income (所得减免, A107020) is
    ``exempt + ROUND(half_taxed × (1 − 50%), 2)``, half up.  ``tax_saved`` is
    ``ROUND(reduction × rate, 2)`` at ``rate`` (by default the standard rate): the
    tax on half the excess at the rate is the tax halved.  When the income is zero
    or negative nothing is exempt.

Choices and limits
    * Which technologies are in scope (111号 一: patents, software copyright,
      layout designs, plant varieties, new biomedical varieties), the export
      catalogues, and what belongs to the revenue (equipment and unrelated services
      do not, 212号 二; 国家税务总局公告2013年第62号) are the caller's facts: give
      only the technology revenue.  ``other_deductions`` takes what else the notices
      deduct, e.g. the expenses apportioned to a licence (应分摊期间费用).
    * A transfer that does not qualify is listed with its reason; its income stays
      ordinary taxable income and is not in ``income``.
    * Interaction with the small low-profit relief and losses is not modelled here.

>>> t = TechnologyTransfer(name="patent A", kind="ownership", income_date=_dt.date(2019, 6, 30),
...                        revenue=Decimal("9000000"), cost=Decimal("1000000"), related_taxes=Decimal("0"))
>>> r = tech_transfer(2019, [t])
>>> r.income, r.exempt, r.half_taxed, r.reduction, r.tax_saved
(Decimal('8000000'), Decimal('5000000'), Decimal('3000000'), Decimal('6500000.00'), Decimal('1625000.00'))
>>> print(r.step("exempt").render("en"))
exempt part: 5,000,000.00 = MIN(8,000,000.00, 5,000,000.00) [国务院令第512号 第九十条] (A107020)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from ..errors import InvalidInput
from ..explain import Explained, Formula, Step, format_value
from ..inputs import Amount, Choice, Date, Flag, Integer, Rate, Rows, Text, Year, record
from ..law import Law, LawValue
from ..money import ZERO, add, mul, round_fen, sub, total
from ._common import tax_year, the_law, year_end

__all__ = ["TRANSFER_KINDS", "TechTransfer", "TechTransferInput", "TechnologyTransfer", "TransferIncome",
           "tech_transfer"]

#: ``ownership`` (所有权), ``exclusive_licence`` (全球独占许可使用权), ``non_exclusive_licence`` (非独占许可使用权).
TRANSFER_KINDS: tuple[str, ...] = ("ownership", "exclusive_licence", "non_exclusive_licence")

K = "eit.tech_transfer."
LINE = "A107020"
_ONE = Decimal(1)
MAX_TRANSFERS = 500


def _transfer_problems(t: TechnologyTransfer, at: str = "") -> Iterator[tuple[str, str]]:
    if t.kind != "ownership" and t.licence_years is None:
        yield at + "licence_years", "give the licence term in years for a licence"


@record
class TechnologyTransfer:
    """One technology transfer of the year and its income (技术转让所得, 国税函〔2009〕212号 二)."""

    name: Annotated[str, Text("the transfer or contract, e.g. patent ZL2018…", max_length=120)]
    kind: Annotated[str, Choice("ownership (所有权), exclusive_licence (全球独占许可) or non_exclusive_licence "
                                "(非独占许可)", TRANSFER_KINDS)]
    income_date: Annotated[_dt.date, Date("the day the transfer income is recognised")]
    revenue: Annotated[Decimal, Amount("technology-transfer revenue (技术转让收入), yuan")]
    cost: Annotated[Decimal, Amount("the net tax basis of the intangible transferred (技术转让成本), yuan")] = ZERO
    related_taxes: Annotated[Decimal, Amount("related taxes and fees (相关税费), yuan")] = ZERO
    other_deductions: Annotated[Decimal, Amount("other deductions, e.g. expenses apportioned to a licence "
                                                "(应分摊期间费用), yuan")] = ZERO
    licence_years: Annotated[int | None, Integer("for a licence: its term in whole years", minimum=1, maximum=99)] = None
    contract_registered: Annotated[bool, Flag("the contract is registered with the science or commerce "
                                              "department (default true)")] = True
    related_holding: Annotated[Decimal, Rate("the share of the buyer held by the seller, or of the seller by "
                                             "the buyer, directly and indirectly together (default 0)")] = ZERO

    def checks(self) -> Iterator[tuple[str, str]]:
        """A licence gives its term."""
        yield from _transfer_problems(self)


@record
class TechTransferInput:
    """An enterprise's technology transfers of a tax year."""

    year: Annotated[int, Year("the tax year")]
    transfers: Annotated[tuple[TechnologyTransfer, ...], Rows("the transfers of the year", TechnologyTransfer,
                                                              max_items=MAX_TRANSFERS)]
    rate: Annotated[Decimal | None, Rate("the enterprise's rate for the tax saved (default: the standard "
                                         "rate)")] = None

    def checks(self) -> Iterator[tuple[str, str]]:
        """At least one transfer, each recognised in the year."""
        yield from _year_problems(self.year, self.transfers)


def _year_problems(year: int, transfers: Sequence[TechnologyTransfer]) -> Iterator[tuple[str, str]]:
    if not transfers:
        yield "transfers", "needs at least one transfer"
    for i, t in enumerate(transfers):
        if t.income_date.year != year:
            yield f"transfers[{i}].income_date", f"{t.income_date} is not in tax year {year}"


@dataclass(frozen=True, slots=True)
class TransferIncome:
    """One transfer: its income, whether it qualifies and why not.

    ``reason`` is why not as a code, for programs: ``licence_scope`` (a non-exclusive
    licence before it was in scope), ``licence_term`` (a licence shorter than the term),
    ``not_registered`` (the contract is not registered) or ``related_party`` (from a party
    held 100%); empty when the transfer qualifies.  :meth:`reason_in` gives it in words.
    """

    name: str
    income: Decimal
    qualifies: bool
    reason: str

    def reason_in(self, lang: str = "en") -> str:
        """``reason`` in words, in ``lang`` (``"zh"`` or ``"en"``); empty when the transfer qualifies.

        >>> TransferIncome("licence B", Decimal("100"), False, "licence_term").reason_in("zh")
        '许可使用权不足规定年限'
        """
        if not self.reason:
            return ""
        zh, en = _REASONS[self.reason]
        return zh if lang == "zh" else en


@dataclass(frozen=True, slots=True)
class TechTransfer(Explained):
    """The year's qualifying technology-transfer income, split into exempt and half-taxed parts."""

    year: int
    income: Decimal
    exempt: Decimal
    half_taxed: Decimal
    reduction: Decimal
    rate: Decimal
    tax_saved: Decimal
    transfers: tuple[TransferIncome, ...]
    steps: tuple[Step, ...]


_REASONS = {
    "licence_scope": ("非独占许可使用权不属于当时的优惠范围", "a non-exclusive licence was not in scope on that day"),
    "licence_term": ("许可使用权不足规定年限", "the licence is shorter than the term required"),
    "not_registered": ("技术转让合同未经认定登记", "the contract is not registered"),
    "related_party": ("从100%关联方取得", "from a related party held 100%"),
}


def _v(data: Law, key: str, on: _dt.date) -> tuple[LawValue, Step]:
    v = data.value(key, on)
    return v, data.step(v, key.rsplit(".", 1)[-1])


def _why_not(data: Law, t: TechnologyTransfer) -> tuple[str, LawValue | None]:
    """Why the transfer does not qualify (and the value that says so), or ``("", None)``."""
    on = t.income_date
    if t.kind == "non_exclusive_licence":
        scope = data.value(K + "non_exclusive_licence", on)
        if not scope.value:
            return "licence_scope", scope
    if t.kind != "ownership":
        term = data.value(K + "licence_years", on)
        assert isinstance(term.value, int) and t.licence_years is not None
        if t.licence_years < term.value:
            return "licence_term", term
    registered = data.value(K + "contract_registered", on)
    if registered.value and not t.contract_registered:
        return "not_registered", registered
    holding = data.value(K + "related_party_holding", on)
    assert isinstance(holding.value, Decimal)
    if t.related_holding >= holding.value:
        return "related_party", holding
    return "", None


def _income_formula(lang: str, revenue: Decimal, cost: Decimal, taxes: Decimal, other: Decimal) -> str:
    r, c, t = (format_value(x, "yuan") for x in (revenue, cost, taxes))
    text = f"{r} − {c} − {t}" if lang == "en" else f"收入 {r} − 成本 {c} − 相关税费 {t}"
    if other:
        o = format_value(other, "yuan")
        text += f" − {o}" if lang == "en" else f" − 其他扣除 {o}"
    return text


def _min_formula(lang: str, income: Decimal, limit: Decimal) -> str:
    return f"MIN({format_value(income, 'yuan')}, {format_value(limit, 'yuan')})"


def _reduction_formula(lang: str, exempt: Decimal, half: Decimal, share: Decimal) -> str:
    e, h, s = format_value(exempt, "yuan"), format_value(half, "yuan"), format_value(sub(_ONE, share), "rate")
    return f"{e} + ROUND({h} × {s}, 2)" if lang == "en" else f"免征部分 {e} + ROUND(减半部分 {h} × {s}, 2)"


def _tax_formula(lang: str, reduction: Decimal, rate: Decimal) -> str:
    return f"ROUND({format_value(reduction, 'yuan')} × {format_value(rate, 'rate')}, 2)"


def tech_transfer(
    year: int,
    transfers: Sequence[TechnologyTransfer],
    *,
    rate: Decimal | None = None,
    law: Law | None = None,
) -> TechTransfer:
    """The year's qualifying technology-transfer income: exempt, half-taxed, and the income and tax taken off."""
    y = tax_year(year)
    if isinstance(transfers, str | bytes) or not isinstance(transfers, Sequence):
        raise InvalidInput("transfers", "must be a list of TechnologyTransfer")
    for i, t in enumerate(transfers):
        if not isinstance(t, TechnologyTransfer):
            raise InvalidInput(f"transfers[{i}]", "must be a TechnologyTransfer")
        for field, reason in _transfer_problems(t, f"transfers[{i}]."):
            raise InvalidInput(field, reason)
    for field, reason in _year_problems(y, transfers):
        raise InvalidInput(field, reason)
    if rate is not None and (not isinstance(rate, Decimal) or not rate.is_finite() or not ZERO <= rate <= _ONE):
        raise InvalidInput("rate", f"must be a Decimal share between 0 and 1 (got {rate!r})")
    data = the_law(law)
    end = year_end(y)
    steps: list[Step] = []
    rows: list[TransferIncome] = []
    for i, t in enumerate(transfers):
        income = sub(sub(sub(t.revenue, t.cost), t.related_taxes), t.other_deductions)
        reason, value = _why_not(data, t)
        steps.append(Step(f"transfers[{i}].income", f"{t.name}：技术转让所得", f"{t.name}: transfer income", income,
                          "yuan", Formula(_income_formula, (t.revenue, t.cost, t.related_taxes, t.other_deductions)),
                          ()))
        if reason:
            zh, en = _REASONS[reason]
            assert value is not None
            steps.append(Step(f"transfers[{i}].qualifies", f"{t.name}：不享受优惠（{zh}）",
                              f"{t.name}: does not qualify ({en})", value=False, unit="bool",
                              cite=(value.citation,)))
        rows.append(TransferIncome(t.name, income, not reason, reason))
    income = total(r.income for r in rows if r.qualifies)
    on_v, on_step = _v(data, K + "in_force", end)
    limit_v, limit_step = _v(data, K + "exempt_limit", end)
    share_v, share_step = _v(data, K + "excess_levy_share", end)
    limit, share = limit_v.value, share_v.value
    assert isinstance(limit, Decimal) and isinstance(share, Decimal)
    positive = max(income, ZERO) if on_v.value else ZERO
    exempt = min(positive, limit)
    half = sub(positive, exempt)
    reduction = add(exempt, round_fen(mul(half, sub(_ONE, share))))
    if rate is None:
        rate_v, rate_step = _v(data, "eit.rate.standard", end)
        assert isinstance(rate_v.value, Decimal)
        applied, rate_steps = rate_v.value, [rate_step]
    else:
        applied, rate_steps = rate, [Step("rate", "企业适用税率（给定）", "the enterprise's rate (given)", rate, "rate")]
    saved = round_fen(mul(reduction, applied))
    steps += [
        Step("income", "符合条件的技术转让所得合计", "qualifying technology-transfer income", income, "yuan",
             "SUM(qualifying transfers[].income)", (), LINE, "符合条件的各项技术转让所得之和"),
        on_step, limit_step, share_step,
        Step("exempt", "免征企业所得税的部分", "exempt part", exempt, "yuan",
             Formula(_min_formula, (positive, limit)), (limit_v.citation,), LINE),
        Step("half_taxed", "减半征收企业所得税的部分", "part taxed at half", half, "yuan", "income − exempt",
             (share_v.citation,), LINE, "所得 − 免征部分"),
        Step("reduction", "减免所得额", "income taken off the taxable income", reduction, "yuan",
             Formula(_reduction_formula, (exempt, half, share)), (limit_v.citation,), LINE),
        *rate_steps,
        Step("tax_saved", "减免的企业所得税", "tax saved", saved, "yuan", Formula(_tax_formula, (reduction, applied)),
             (), ""),
    ]
    return TechTransfer(y, income, exempt, half, reduction, applied, saved, tuple(rows), tuple(steps))

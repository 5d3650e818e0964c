"""The eligibility test of the 2020 hardship-industry loss extension (困难行业企业 亏损结转年限延长至8年).

The rule
    A 2020 loss of an enterprise of an industry hit hard by the epidemic — transport
    (交通运输), catering (餐饮), accommodation (住宿) or tourism (旅游: travel agencies and
    related services, 旅行社及相关服务; scenic-area management, 游览景区管理) — may be
    carried forward for 8 years instead of 5, if the enterprise's 2020 main-business
    income (主营业务收入) is at least 50% of its total income (收入总额) after excluding
    non-taxable income (不征税收入) and investment income (投资收益)
    (财政部 税务总局公告2020年第8号 第四条).

    The result's ``extension`` is the mark the loss rules take
    (:class:`taxcalc.eit.Loss` ``extension``, ``EnterpriseYear.loss_extension``):
    ``"hardship"`` when the test is met, ``""`` otherwise; ``last_year`` is the loss's
    window with that mark (:func:`taxcalc.eit.loss_window`).

Keys read
    ``eit.losses.years.hardship`` and ``eit.losses.years.general`` on ``L-12-31``; for a
    year in which they differ (2020) also ``eit.losses.hardship.industries`` and
    ``eit.losses.hardship.main_business_share``.

The boundary
    "50%以上" includes the number: ``main_business_income ≥ 50% × (total_income −
    non_taxable_income − investment_income)``, compared exactly (no rounding of the
    share).

Choices and limits
    * The industry, judged by the 《国民经济行业分类》, is the caller's fact; so are the
      income figures (收入总额 as on A101010/A100000).
    * A year other than 2020 has no extension: the test is not asked and the mark is
      ``""`` (the answer cites the general window).
    * The declaration at the 2020 filing (国家税务总局公告2020年第4号 第十条) is not
      checked.

>>> r = hardship_loss_extension(2020, "catering", main_business_income=Decimal("5000000"),
...                             total_income=Decimal("10600000"), non_taxable_income=Decimal("600000"))
>>> r.eligible, r.share, r.extension, r.last_year
(True, Decimal('0.5'), 'hardship', 2028)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from ..errors import InvalidInput
from ..explain import Explained, Formula, Step, format_value
from ..inputs import Amount, Choice, Year, record
from ..law import Law
from ..money import ZERO, choice, div, money, mul, sub
from ._common import tax_year, the_law, year_end
from .losses import loss_window

__all__ = ["HARDSHIP_INDUSTRIES", "HardshipExtension", "HardshipExtensionInput", "hardship_loss_extension",
           "unmatched_tests"]

#: The industries the test knows; ``other`` is any industry outside the list.
HARDSHIP_INDUSTRIES: tuple[str, ...] = ("transport", "catering", "accommodation", "travel_agency", "scenic_area",
                                        "other")

K = "eit.losses.hardship."
_LINE = "A106000"


def unmatched_tests(tests: tuple[HardshipExtensionInput, ...], marked: set[int],
                    marks: str) -> Iterator[tuple[int, str]]:
    """The index and the problem of each test that has no loss marked ``hardship`` to test
    (``marked``: the years of such losses; ``marks``: where the input marks them), or repeats one."""
    seen: set[int] = set()
    for i, t in enumerate(tests):
        if t.year not in marked:
            yield i, f"no loss of {t.year} is marked `hardship` ({marks})"
        elif t.year in seen:
            yield i, f"the test of {t.year} is given twice"
        seen.add(t.year)


def _problems(main: Decimal, total: Decimal, non_taxable: Decimal, investment: Decimal) -> Iterator[tuple[str, str]]:
    base = sub(sub(total, non_taxable), investment)
    if base <= 0:
        yield "total_income", f"total income {total} less non-taxable income {non_taxable} and investment " \
            f"income {investment} must be positive (got {base})"
    elif main > base:
        yield "main_business_income", f"main-business income {main} cannot exceed total income net of " \
            f"non-taxable and investment income ({base})"


@record
class HardshipExtensionInput:
    """A loss year's industry and income figures, for the 8-year carry-forward of 2020 losses."""

    year: Annotated[int, Year("the tax year of the loss")]
    industry: Annotated[str, Choice("transport, catering, accommodation, travel_agency, scenic_area or other",
                                    HARDSHIP_INDUSTRIES)]
    main_business_income: Annotated[Decimal, Amount("main-business income of the year (主营业务收入)")]
    total_income: Annotated[Decimal, Amount("total income of the year (收入总额)")]
    non_taxable_income: Annotated[Decimal, Amount("non-taxable income (不征税收入)")] = ZERO
    investment_income: Annotated[Decimal, Amount("investment income (投资收益)")] = ZERO

    def checks(self) -> Iterator[tuple[str, str]]:
        """The base is positive and holds the main-business income."""
        yield from _problems(self.main_business_income, self.total_income, self.non_taxable_income,
                             self.investment_income)


@dataclass(frozen=True, slots=True)
class HardshipExtension(Explained):
    """Whether a loss year's loss is carried for the hardship years, and its window.

    ``share`` is ``None`` when the year has no extension to test.
    """

    year: int
    industry: str
    eligible: bool
    share: Decimal | None
    extension: str
    carry_years: int
    last_year: int
    steps: tuple[Step, ...]


def _share_formula(lang: str, main: Decimal, total: Decimal, non_taxable: Decimal, investment: Decimal) -> str:
    m, t, n, i = (format_value(x, "yuan") for x in (main, total, non_taxable, investment))
    if lang == "en":
        return f"{m} ÷ ({t} − {n} − {i})"
    return f"主营业务收入 {m} ÷（收入总额 {t} − 不征税收入 {n} − 投资收益 {i}）"


def hardship_loss_extension(
    year: int,
    industry: str,
    *,
    main_business_income: Decimal,
    total_income: Decimal,
    non_taxable_income: Decimal = ZERO,
    investment_income: Decimal = ZERO,
    law: Law | None = None,
) -> HardshipExtension:
    """Whether the loss of ``year`` is carried for the hardship years (2020年第8号 第四条)."""
    y = tax_year(year)
    ind = choice(industry, "industry", HARDSHIP_INDUSTRIES)
    main, total = money(main_business_income, "main_business_income"), money(total_income, "total_income")
    non_taxable, investment = money(non_taxable_income, "non_taxable_income"), money(investment_income,
                                                                                      "investment_income")
    for name, value in (("main_business_income", main), ("total_income", total),
                        ("non_taxable_income", non_taxable), ("investment_income", investment)):
        if value < 0:
            raise InvalidInput(name, f"must not be negative (got {value})")
    for field, reason in _problems(main, total, non_taxable, investment):
        raise InvalidInput(field, reason)
    data = the_law(law)
    end = year_end(y)
    hard_v, gen_v = data.value("eit.losses.years.hardship", end), data.value("eit.losses.years.general", end)
    steps: list[Step] = [data.step(hard_v, "hardship_years"), data.step(gen_v, "general_years")]
    assert isinstance(hard_v.value, int) and isinstance(gen_v.value, int)
    share: Decimal | None = None
    eligible = False
    if hard_v.value > gen_v.value:
        ind_v, share_v = data.value(K + "industries", end), data.value(K + "main_business_share", end)
        listed = ind in tuple(ind_v.value)  # type: ignore[arg-type]
        least = share_v.value
        assert isinstance(least, Decimal)
        base = sub(sub(total, non_taxable), investment)
        share = div(main, base)
        steps.append(Step("industry", "属于困难行业", "in a hardship industry", listed, "bool", ind, (ind_v.citation,)))
        steps.append(data.step(share_v, "least_share"))
        met = main >= mul(least, base)
        steps.append(Step("share", "主营业务收入占收入总额（剔除不征税收入和投资收益）的比例",
                          "main-business share of total income net of non-taxable and investment income",
                          share, "rate", Formula(_share_formula, (main, total, non_taxable, investment)),
                          (share_v.citation,), _LINE))
        steps.append(Step("share_met", f"主营业务收入占比达到{format_value(least, 'rate')}以上（含本数）",
                          "share at least the minimum (inclusive)",
                          met, "bool", f"{format_value(share, 'rate')} ≥ {format_value(least, 'rate')}",
                          (share_v.citation,)))
        eligible = listed and met
    extension = "hardship" if eligible else ""
    last, carry, cite = loss_window(y, extension=extension, law=data)
    steps.append(Step("last_year", "亏损最后可弥补年度", "last year the loss may be used", last, "",
                      f"{y} + {carry}", (cite,), _LINE))
    return HardshipExtension(y, ind, eligible, share, extension, carry, last, tuple(steps))

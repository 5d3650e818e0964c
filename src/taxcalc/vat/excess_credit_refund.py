"""The refund of excess input credit (留抵退税) of a general taxpayer, from 2019.

The rule
    A general taxpayer may apply, in a filing period, for the refund of part of its
    excess input credit (期末留抵税额).  Who, and how much, depends on the day of the
    application and the taxpayer's category:

    * ``general`` — any taxpayer:

      - 2019-04-01 – 2025-08-31 (财政部 税务总局 海关总署公告2019年第39号 第八条; kept by
        财政部 税务总局公告2022年第14号 第九条): from the 2019-04 tax period, six
        consecutive months of incremental credit (the end credit less that of
        2019-03-31) above zero, the sixth at least 50万元 ("不低于", inclusive); refund
        = the sixth month's incremental credit × input composition ratio × 60%;
      - from the 2025-09 filing period (财政部 税务总局公告2025年第7号 第一条第（三）项):
        six consecutive months of end credit above zero, the sixth month's credit at
        least 50万元 above that of 12-31 of the year before; the new credit refunded at
        60% up to 1亿元 (inclusive) and 30% above, × the input composition ratio;

    * ``advanced_manufacturing`` — 2019-07 to 2022-03 filing periods (2019年第84号): the
      nine product groups over 50% of sales; the incremental credit above zero;
      refund = incremental credit × ratio, with no 60% and no six-month test;
    * ``small_micro`` and ``listed_industry`` — 2022-04 to 2025-08 (2022年第14号, with
      第17号, 第19号, 第21号): small and micro enterprises, and the listed industries
      over 50% of sales; each month the incremental credit × ratio × 100%, and once the
      stock credit (the smaller of the 2019-03-31 credit and the end credit) × ratio ×
      100% from the size's filing period (micro 2022-04, small 2022-05, medium 2022-05,
      large 2022-06); after the stock refund the incremental credit is the whole end
      credit;
    * ``listed_industry`` — from 2025-09 (2025年第7号 第一条第（一）项): four industries
      over 50% of sales, monthly, the end credit × ratio;
    * ``real_estate`` — from 2025-09 (第一条第（二）项): as the 2019 rule, 60% of the
      sixth month's incremental credit × ratio; one that fails it may apply as
      ``general``.

    Every category: tax credit rating A or B, and none of the exclusions (fraud of
    refunds or false special invoices, or two or more tax-evasion penalties, in the
    36 months before; 即征即退 or 先征后返（退） since 2019-04-01).  The refund reduces
    the credit carried forward.

Keys read
    ``vat.excess_credit_refund.categories``, ``.method.general``,
    ``.method.listed_industry``, ``.share.<category>``, ``.share.above_tier``,
    ``.tier_limit``, ``.industries.<category>``, ``.industry_share``,
    ``.consecutive_months``, ``.sixth_month_minimum``, ``.base_day``,
    ``.credit_ratings``, ``.stock_from.<size>``, and the ratio's
    ``vat.input_composition.toll_road_counted``.

Choices and limits
    * Monthly filers only: ``months`` are the tax periods before the application,
      oldest first, each once, the last before the month of ``applied_on``;
      ``end_credits`` their end credits (期末留抵税额, return line 20).  Months out of
      order are refused (the field and index named); months with a gap fail the
      six-month test (an answer, not an error).
    * The categories' industry tests are the caller's share of sales in the listed
      industries (``industry_sales_share``; more than 50%, exactly 50% fails); the
      real-estate share is the caller's call.  The provinces' lists, quotas and the
      review of the application are not modelled.
    * 2025年第7号: the text seen does not give the formula with the input composition
      ratio; taxcalc applies the ratio as every earlier rule did (docs/law-audit.md).
    * The refund is rounded half up to the fen.  A category not open on the day is an
      answer (``in_force`` false, nothing refunded); a day before 2009-01-01 is
      outside the data.

>>> r = excess_credit_refund(
...     "2019-10-15", category="general", credit_rating="A",
...     months=["2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09"],
...     end_credits=["1100000", "1200000", "1300000", "1400000", "1500000", "1600000"],
...     base_credit="1000000", listed_input_tax="900000", total_input_tax="1000000")
>>> r.eligible, r.increment, r.ratio, r.refund, r.credit_after_refund
(True, Decimal('600000'), Decimal('0.9'), Decimal('324000.00'), Decimal('1276000.00'))
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput, NotInForce
from ..explain import Citation, Explained, Step, format_value
from ..law import Law, LawValue
from ..money import (
    ZERO,
    DateLike,
    MoneyLike,
    add,
    month_arg,
    mul,
    nonnegative_money,
    rate,
    round_fen,
    sub,
)
from ._common import choice, day, flag_arg, law_or_default
from .input_composition import ratio_of

__all__ = ["CREDIT_RATINGS", "REFUND_CATEGORIES", "SIZES", "ExcessCreditRefund", "excess_credit_refund"]

#: The categories of taxpayer (see the module documentation).
REFUND_CATEGORIES: tuple[str, ...] = ("general", "advanced_manufacturing", "small_micro", "listed_industry",
                                      "real_estate")
#: Enterprise sizes (划型: 中小企业划型标准规定).
SIZES: tuple[str, ...] = ("micro", "small", "medium", "large")
#: The tax credit ratings that exist (纳税信用等级).
CREDIT_RATINGS: tuple[str, ...] = ("A", "B", "M", "C", "D")

_P = "vat.excess_credit_refund."
_FORM20 = "《增值税纳税申报表（一般纳税人适用）》第20栏"
_SIZE_ZH = {"micro": "微型企业", "small": "小型企业", "medium": "中型企业", "large": "大型企业"}
_NAMES = {
    "general": ("一般纳税人", "taxpayer"),
    "advanced_manufacturing": ("部分先进制造业纳税人", "listed advanced manufacturer"),
    "small_micro": ("小微企业", "small or micro enterprise"),
    "listed_industry": ("制造业等行业纳税人", "taxpayer of a listed industry"),
    "real_estate": ("房地产开发经营业纳税人", "real-estate developer"),
}


@dataclass(frozen=True, slots=True)
class ExcessCreditRefund(Explained):
    """A refund of excess input credit: whether it is open and due (with the reasons when not) and how much.

    ``refund`` never exceeds ``end_credit`` (the excess credit of the last month);
    ``credit_after_refund = end_credit − refund`` is what is carried forward.
    ``increment`` is the credit measured against the base (``None`` where the method
    has none), ``stock`` the one-off stock credit refunded (2022).
    """

    applied_on: _dt.date
    category: str
    in_force: bool
    eligible: bool
    reasons: tuple[str, ...]
    ratio: Decimal | None
    end_credit: Decimal
    increment: Decimal | None
    stock: Decimal
    refund: Decimal
    credit_after_refund: Decimal
    steps: tuple[Step, ...]
    reasons_zh: tuple[str, ...] = ()

    def reasons_in(self, lang: str = "en") -> tuple[str, ...]:
        """Why nothing is refunded, in ``lang`` (``"zh"`` or ``"en"``); empty when eligible."""
        return self.reasons_zh if lang == "zh" else self.reasons


def _y(x: Decimal) -> str:
    return format_value(x, "yuan")


def _pct(x: Decimal) -> str:
    return format_value(x, "rate")


def _months(months: object, credits: object) -> tuple[tuple[_dt.date, ...], tuple[Decimal, ...]]:
    if isinstance(months, str | bytes) or not isinstance(months, Sequence) or not months:
        raise InvalidInput("months", "must be a list of the tax periods before the application, oldest first")
    if isinstance(credits, str | bytes) or not isinstance(credits, Sequence):
        raise InvalidInput("end_credits", "must be a list of the end credit of each month")
    if len(credits) != len(months):
        raise InvalidInput("end_credits", f"has {len(credits)} amounts for {len(months)} months")
    ms = tuple(month_arg(m, f"months[{i}]") for i, m in enumerate(months))
    for i in range(1, len(ms)):
        if ms[i] <= ms[i - 1]:
            raise InvalidInput(f"months[{i}]", f"{ms[i]:%Y-%m} does not come after {ms[i - 1]:%Y-%m}: "
                               "give the months oldest first, each once")
    cs = tuple(nonnegative_money(c, f"end_credits[{i}]") for i, c in enumerate(credits))
    return ms, cs


def _next_month(m: _dt.date) -> _dt.date:
    return _dt.date(m.year + m.month // 12, m.month % 12 + 1, 1)


def excess_credit_refund(
    applied_on: DateLike,
    *,
    category: str,
    credit_rating: str,
    months: Sequence[object],
    end_credits: Sequence[MoneyLike],
    listed_input_tax: MoneyLike,
    total_input_tax: MoneyLike,
    toll_road_input_tax: MoneyLike = ZERO,
    base_credit: MoneyLike = ZERO,
    prior_year_end_credit: MoneyLike | None = None,
    industry_sales_share: object = None,
    size: str | None = None,
    stock_refunded: bool = False,
    excluded: bool = False,
    law: Law | None = None,
) -> ExcessCreditRefund:
    """The refund of excess input credit applied for on ``applied_on`` (see the module documentation).

    ``base_credit`` is the end credit of 2019-03-31; ``prior_year_end_credit`` the end
    credit of 12-31 of the year before the last month (the 2025 rule for ``general``);
    ``industry_sales_share`` the share of sales in the category's listed industries
    (``"0.6"`` or ``"60%"``); ``size`` the enterprise's size (2022: small/micro, and
    the stock schedule); ``stock_refunded`` whether the one-off stock credit was
    refunded before; ``excluded`` whether an exclusion applies.
    """
    d = day(applied_on, "applied_on")
    cat = choice(category, "category", REFUND_CATEGORIES)
    grade = choice(credit_rating, "credit_rating", CREDIT_RATINGS)
    ms, cs = _months(months, end_credits)
    if ms[-1] >= d.replace(day=1):
        raise InvalidInput(f"months[{len(ms) - 1}]", f"{ms[-1]:%Y-%m} is not before the month of the application "
                           f"({d:%Y-%m})")
    listed = nonnegative_money(listed_input_tax, "listed_input_tax")
    toll = nonnegative_money(toll_road_input_tax, "toll_road_input_tax")
    total = nonnegative_money(total_input_tax, "total_input_tax")
    base = nonnegative_money(base_credit, "base_credit")
    prior = None if prior_year_end_credit is None else nonnegative_money(prior_year_end_credit,
                                                                          "prior_year_end_credit")
    share = None if industry_sales_share is None else rate(industry_sales_share, "industry_sales_share")
    sz = None if size is None else choice(size, "size", SIZES)
    facts = _Facts(d, cat, grade, ms, cs, listed, toll, total, base, prior, share, sz,
                   flag_arg(stock_refunded, "stock_refunded"), flag_arg(excluded, "excluded"))
    return _compute(facts, law_or_default(law))


@dataclass(frozen=True, slots=True)
class _Facts:
    on: _dt.date
    category: str
    rating: str
    months: tuple[_dt.date, ...]
    credits: tuple[Decimal, ...]
    listed: Decimal
    toll: Decimal
    total: Decimal
    base: Decimal
    prior: Decimal | None
    share: Decimal | None
    size: str | None
    stock_refunded: bool
    excluded: bool


class _Work:
    """The steps and reasons gathered while computing."""

    def __init__(self, data: Law, on: _dt.date) -> None:
        self.data = data
        self.on = on
        self.steps: list[Step] = []
        self.reasons: list[str] = []
        self.reasons_zh: list[str] = []

    def law(self, key: str) -> LawValue:
        return self.data.value(_P + key, self.on)

    def test(self, v: LawValue | None, name: str, zh: str, en: str, *, ok: bool, formula: str, reason: str,
             reason_zh: str, cite: tuple[Citation, ...] = ()) -> None:
        step = Step(name, zh, en, ok, "bool", formula, cite or ((v.citation,) if v is not None else ()))
        self.steps.append(step)
        if not ok:
            self.reasons.append(reason)
            self.reasons_zh.append(reason_zh)


def _compute(f: _Facts, data: Law) -> ExcessCreditRefund:
    w = _Work(data, f.on)
    zh_name, en_name = _NAMES[f.category]
    end = f.credits[-1]
    try:
        cats = w.law("categories")
    except NotInForce as gap:  # before any refund existed: the same answer, with the gap's reason
        cats_cite: tuple[Citation, ...] = (gap.cite,) if gap.cite is not None else ()
        open_ = False
        w.steps.append(Step("in_force", f"{zh_name}可以申请退还期末留抵税额（{gap.reason_in('zh')}）",
                            f"refund open to a {en_name} ({gap.gap})", value=False, unit="bool",
                            formula=f.category, cite=cats_cite))
    else:
        assert isinstance(cats.value, tuple)
        open_ = f.category in cats.value
        cats_cite = (cats.citation,)
        opened_by = w.law(f"share.{f.category}").citation if open_ else cats.citation  # the category's own rule
        w.steps.append(cats.step("in_force", f"{zh_name}可以申请退还期末留抵税额", f"refund open to a {en_name}",
                                 formula=f.category)._replace(value=open_, unit="bool", cite=(opened_by,)))
    w.steps.append(Step("end_credit", f"{f.months[-1]:%Y-%m}期末留抵税额", f"end credit of {f.months[-1]:%Y-%m}",
                        end, "yuan", line=_FORM20))
    if not open_:
        reason = f"no refund of excess credit was open to a {en_name} on {f.on}"
        reason_zh = f"{f.on}{zh_name}不能申请退还期末留抵税额"
        w.steps.append(Step("refund", "退还的留抵税额", "refund", ZERO, "yuan", "not in force", cats_cite,
                            formula_zh="政策未施行"))
        return ExcessCreditRefund(f.on, f.category, in_force=False, eligible=False, reasons=(reason,), ratio=None,
                                  end_credit=end, increment=None, stock=ZERO, refund=ZERO, credit_after_refund=end,
                                  steps=tuple(w.steps), reasons_zh=(reason_zh,))

    ratings = w.law("credit_ratings")
    assert isinstance(ratings.value, tuple)
    w.test(ratings, "credit_rating", "纳税信用等级为A级或B级", "tax credit rating A or B",
           ok=f.rating in ratings.value, formula=f.rating, reason=f"credit rating {f.rating} is not A or B",
           reason_zh=f"纳税信用等级{f.rating}级不是A级或B级")
    w.test(ratings, "no_exclusion", "申请退税前36个月无骗取留抵退税、出口退税、虚开专用发票，未因偷税受罚两次及以上，"
           "2019年4月1日起未享受即征即退、先征后返（退）", "none of the exclusions",
           ok=not f.excluded, formula="excluded" if f.excluded else "", reason="an exclusion applies",
           reason_zh="存在不得退税的情形")
    _industry(w, f, en_name)
    cr = ratio_of(f.on, f.listed, f.toll, f.total, data)
    w.steps.extend(cr.steps)
    ratio = cr.ratio

    method = _method(w, f)
    increment, stock, refund, formula = method(w, f, ratio)
    eligible = not w.reasons
    if not eligible:
        refund = ZERO
        stock = ZERO
    refund = round_fen(refund)
    after = sub(end, refund)
    share_cite = (w.law(f"share.{f.category}").citation,)
    w.steps.append(Step("refund", "允许退还的留抵税额", "refund of excess credit", refund, "yuan",
                        formula if eligible else "not eligible: " + "; ".join(w.reasons), share_cite,
                        formula_zh="" if eligible else "不符合条件：" + "；".join(w.reasons_zh)))
    w.steps.append(Step("credit_after_refund", "退税后结转下期的留抵税额", "credit carried forward after the refund",
                        after, "yuan", f"{_y(end)} − {_y(refund)}", share_cite))
    return ExcessCreditRefund(f.on, f.category, in_force=True, eligible=eligible, reasons=tuple(w.reasons),
                              ratio=ratio, end_credit=end, increment=increment, stock=stock, refund=refund,
                              credit_after_refund=after, steps=tuple(w.steps), reasons_zh=tuple(w.reasons_zh))


def _industry(w: _Work, f: _Facts, en_name: str) -> None:
    if f.category in ("advanced_manufacturing", "listed_industry"):
        if f.share is None:
            raise InvalidInput("industry_sales_share", f"the share of sales in the listed industries is needed for "
                               f"a {en_name}")
        inds = w.law(f"industries.{f.category}")
        limit = w.law("industry_share")
        assert isinstance(inds.value, tuple) and isinstance(limit.value, Decimal)
        cap = _pct(limit.value)
        w.test(limit, "industry_sales_share", f"所列行业（{'、'.join(inds.value)}）销售额占全部销售额的比重超过{cap}"
               f"（恰为{cap}不符合）", f"share of sales in the listed industries above {cap} (exactly {cap} does not "
               "qualify)",
               ok=f.share > limit.value, formula=f"{_pct(f.share)} > {_pct(limit.value)}",
               reason=f"the listed industries' share of sales {_pct(f.share)} is not more than {_pct(limit.value)}",
               reason_zh=f"所列行业销售额占比{_pct(f.share)}未超过{_pct(limit.value)}",
               cite=(inds.citation, limit.citation))
    if f.category == "small_micro":
        if f.size is None:
            raise InvalidInput("size", "the enterprise's size (micro, small, medium or large) is needed for a small "
                               "or micro enterprise")
        share_v = w.law("share.small_micro")
        w.test(share_v, "size", "小型企业或微型企业", "a small or micro enterprise",
               ok=f.size in ("micro", "small"), formula=f.size, reason=f"a {f.size} enterprise is not small or micro",
               reason_zh=f"{_SIZE_ZH[f.size]}不是小型企业或微型企业")


_Result = tuple[Decimal | None, Decimal, Decimal, str]
_Method = Callable[["_Work", _Facts, Decimal], _Result]


def _method(w: _Work, f: _Facts) -> _Method:
    if f.category == "general":
        how = w.law("method.general")
        return _over_prior_year_end if how.value == "increment_over_prior_year_end" else _six_months_over_base
    if f.category == "real_estate":
        return _six_months_over_base
    if f.category == "advanced_manufacturing":
        return _incremental_full
    if f.category == "listed_industry" and w.law("method.listed_industry").value == "monthly_end_credit":
        return _monthly_end_credit
    return _incremental_and_stock


def _six_consecutive(w: _Work, f: _Facts, values: tuple[Decimal, ...], what_zh: str, what_en: str,
                     first: _dt.date | None) -> bool:
    n_v = w.law("consecutive_months")
    n = n_v.value
    assert isinstance(n, int)
    months = f.months[-n:]
    vals = values[-n:]
    consecutive = len(months) == n and all(_next_month(months[i - 1]) == months[i] for i in range(1, n))
    counted = first is None or months[0] >= first
    w.test(n_v, "consecutive", f"申请退税前连续{n}个月{what_zh}均大于零", f"{n} consecutive months of {what_en} above zero",
           ok=consecutive and counted and all(v > 0 for v in vals),
           formula=", ".join(f"{m:%Y-%m}: {_y(v)}" for m, v in zip(months, vals, strict=True)),
           reason=f"not {n} consecutive months of {what_en} above zero"
           + ("" if counted else f" from {first:%Y-%m}" if first is not None else ""),
           reason_zh=("" if counted else f"自{first:%Y-%m}起" if first is not None else "")
           + f"并非连续{n}个月{what_zh}均大于零")
    return consecutive


def _sixth_minimum(w: _Work, value: Decimal, what_zh: str, what_en: str) -> None:
    floor = w.law("sixth_month_minimum")
    assert isinstance(floor.value, Decimal)
    w.test(floor, "sixth_month_minimum", f"第六个月{what_zh}不低于{_y(floor.value)}元（含本数）",
           f"the sixth month's {what_en} at least {_y(floor.value)} (inclusive)", ok=value >= floor.value,
           formula=f"{_y(value)} ≥ {_y(floor.value)}", reason=f"the sixth month's {what_en} {_y(value)} is below {_y(floor.value)}",
           reason_zh=f"第六个月{what_zh}{_y(value)}低于{_y(floor.value)}")


def _base_step(w: _Work, f: _Facts) -> _dt.date:
    base_v = w.law("base_day")
    assert isinstance(base_v.value, _dt.date)
    w.steps.append(base_v.step("base_credit", f"{base_v.value}期末留抵税额", f"end credit of {base_v.value}")
                   ._replace(value=f.base, unit="yuan"))
    return base_v.value


def _share(w: _Work, f: _Facts) -> LawValue:
    v = w.law(f"share.{f.category}")
    w.steps.append(v.step("share", "退还比例", "share refunded"))
    return v


def _six_months_over_base(w: _Work, f: _Facts, ratio: Decimal) -> _Result:
    base_day = _base_step(w, f)
    increments = tuple(sub(c, f.base) for c in f.credits)
    _six_consecutive(w, f, increments, "增量留抵税额", "incremental credit", base_day + _dt.timedelta(days=1))
    inc = increments[-1]
    w.steps.append(Step("increment", "第六个月增量留抵税额", "incremental credit of the sixth month", inc, "yuan",
                        f"{_y(f.credits[-1])} − {_y(f.base)}"))
    _sixth_minimum(w, inc, "增量留抵税额", "incremental credit")
    s = _share(w, f).value
    assert isinstance(s, Decimal)
    return inc, ZERO, mul(mul(max(ZERO, inc), ratio), s), f"{_y(max(ZERO, inc))} × {_pct(ratio)} × {_pct(s)}"


def _over_prior_year_end(w: _Work, f: _Facts, ratio: Decimal) -> _Result:
    if f.prior is None:
        raise InvalidInput("prior_year_end_credit", "the end credit of 12-31 of the year before is needed from the "
                           "2025-09 filing period")
    _six_consecutive(w, f, f.credits, "期末留抵税额", "end credit", None)
    inc = sub(f.credits[-1], f.prior)
    w.steps.append(Step("increment", "与上一年度12月31日期末留抵税额相比新增加的留抵税额",
                        "new credit over that of 12-31 of the year before", inc, "yuan",
                        f"{_y(f.credits[-1])} − {_y(f.prior)}"))
    _sixth_minimum(w, inc, "新增加留抵税额", "new credit")
    limit_v = w.law("tier_limit")
    low_v = _share(w, f)
    high_v = w.law("share.above_tier")
    w.steps.append(high_v.step("share_above_tier", "超过1亿元部分的退税比例", "share refunded above the tier limit"))
    w.steps.append(limit_v.step("tier_limit", "按第一档比例退还的新增加留抵税额上限（含）", "tier limit (inclusive)"))
    limit, low, high = limit_v.value, low_v.value, high_v.value
    assert isinstance(limit, Decimal) and isinstance(low, Decimal) and isinstance(high, Decimal)
    pos = max(ZERO, inc)
    tiered = add(mul(min(pos, limit), low), mul(max(ZERO, sub(pos, limit)), high))
    return inc, ZERO, mul(tiered, ratio), (f"(min({_y(pos)}, {_y(limit)}) × {_pct(low)} + "
                                           f"max(0, {_y(pos)} − {_y(limit)}) × {_pct(high)}) × {_pct(ratio)}")


def _incremental_full(w: _Work, f: _Facts, ratio: Decimal) -> _Result:
    _base_step(w, f)
    inc = sub(f.credits[-1], f.base)
    w.test(None, "increment_above_zero", "增量留抵税额大于零", "incremental credit above zero", ok=inc > 0,
           formula=f"{_y(f.credits[-1])} − {_y(f.base)} = {_y(inc)}", reason="no incremental credit",
           reason_zh="没有增量留抵税额",
           cite=(w.law("share.advanced_manufacturing").citation,))
    s = _share(w, f).value
    assert isinstance(s, Decimal)
    return inc, ZERO, mul(mul(max(ZERO, inc), ratio), s), f"{_y(max(ZERO, inc))} × {_pct(ratio)} × {_pct(s)}"


def _incremental_and_stock(w: _Work, f: _Facts, ratio: Decimal) -> _Result:
    base_day = _base_step(w, f)
    end = f.credits[-1]
    s_v = _share(w, f)
    s = s_v.value
    assert isinstance(s, Decimal)
    if f.stock_refunded:
        inc = end
        stock = ZERO
        formula = "stock refunded before: the whole end credit"
    else:
        inc = sub(end, f.base)
        stock = min(f.base, end)
        formula = f"{_y(end)} − {_y(f.base)}"
    w.steps.append(Step("increment", "增量留抵税额", "incremental credit", inc, "yuan", formula, (s_v.citation,)))
    stock_open = False
    if not f.stock_refunded and f.size is not None:
        from_v = w.law(f"stock_from.{f.size}")
        assert isinstance(from_v.value, _dt.date)
        stock_open = f.on >= from_v.value
        w.steps.append(from_v.step("stock_open", "可以申请一次性退还存量留抵税额",
                                   f"the one-off stock refund open to a {f.size} enterprise",
                                   formula=f"{f.on} ≥ {from_v.value}")._replace(value=stock_open, unit="bool"))
    counted_stock = stock if stock_open else ZERO
    w.steps.append(Step("stock", f"存量留抵税额（{base_day}期末留抵税额与当期期末留抵税额孰小）",
                        f"stock credit (the smaller of the credit of {base_day} and the end credit)", counted_stock,
                        "yuan", f"min({_y(f.base)}, {_y(end)})" if stock_open else "not refunded now",
                        (s_v.citation,), formula_zh="" if stock_open else "本期不退还"))
    return (inc, counted_stock, mul(mul(add(max(ZERO, inc), counted_stock), ratio), s),
            f"({_y(max(ZERO, inc))} + {_y(counted_stock)}) × {_pct(ratio)} × {_pct(s)}")


def _monthly_end_credit(w: _Work, f: _Facts, ratio: Decimal) -> _Result:
    s = _share(w, f).value
    assert isinstance(s, Decimal)
    return None, ZERO, mul(mul(f.credits[-1], ratio), s), f"{_y(f.credits[-1])} × {_pct(ratio)} × {_pct(s)}"

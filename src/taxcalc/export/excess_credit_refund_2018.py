"""The 2018 refund of excess input credits (2018年退还部分行业增值税期末留抵税额) — 财税〔2018〕70号.

In 2018 the excess input VAT (期末留抵税额) of some taxpayers was refunded once:

* **Who** (第一条, 第二条): a taxpayer whose industry on its tax registration is one of
  the 18 divisions of the national industry classification in the notice's annex
  (advanced manufacturing and modern services, law data
  ``vat.excess_credit_refund_2018.industries``), or any grid company holding a
  transmission or supply electricity licence (``grid_company=True``); and in either
  case with a tax credit rating of A or B.
* **The ratio** (第三条第（一）项): for a taxpayer registered on or before 2014-12-31, the
  input VAT shown on special VAT invoices, customs import VAT payment certificates and
  tax payment certificates for withheld VAT (the "listed vouchers") that it deducted
  in 2015, 2016 and 2017, divided by all the input VAT it deducted in those years;
  for one registered from 2015-01-01, the same ratio over its actual operating period
  (实际经营期间).  The caller gives both sums for the period that applies.
* **The amount** (第三条): 可退还的期末留抵税额 = the excess credit at the end of the period
  before the application × the ratio; the refund is that, but not more than the
  excess credit at the end of 2017.

Choices where the text is silent: a taxpayer with no deducted input VAT in the
period has a ratio of 0; the end of the "actual operating period" of a taxpayer
registered from 2015 is left to the caller (commonly the period before the
application), and a taxpayer registered after 2017 has no 2017 balance to refund.
For manufacturing and service taxpayers the refund computed here is an upper bound:
each province refunded within a quota set by the MOF and STA and chose among the
eligible taxpayers (第四条第（一）项), which taxcalc cannot know; grid companies were
refunded in full (据实退还).  The priority for 《中国制造2025》 fields and for high-tech,
advanced-service and tech-SME firms (第一条第（一）项) is a preference, not a condition,
and is not modelled.

**Rounding**: the ratio is exact; the refundable amount and the refund are rounded
half up to the fen (the refund is an amount of tax paid back).

**Coverage**: applications from the notice's issue (2018-06-27) to the day all
refunds had to be made (2018-09-30, 第四条第（二）项).

>>> r = excess_credit_refund_2018(
...     industry="专用设备制造业", credit_rating="A", registered_on="2010-03-01",
...     listed_input_tax="8000000", total_input_tax="10000000",
...     prior_period_end_credit="1500000", end_2017_credit="1000000", applied_on="2018-08-01")
>>> r.eligible, r.ratio, r.refundable, r.refund
(True, Decimal('0.8'), Decimal('1200000.00'), Decimal('1000000.00'))
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput, NotInForce, UnknownCategory
from ..explain import Explained, Step
from ..law import Law, default
from ..money import (
    CONTEXT,
    FEN,
    ZERO,
    DateLike,
    MoneyLike,
    date_arg,
    div,
    mul,
    nonnegative_money,
    round_fen,
)

__all__ = ["CREDIT_RATINGS", "ExcessCreditRefund2018", "excess_credit_refund_2018"]

_P = "vat.excess_credit_refund_2018."
#: The tax credit ratings that exist (纳税信用等级).
CREDIT_RATINGS = ("A", "B", "M", "C", "D")


def _fen(value: object, field: str) -> Decimal:
    d = nonnegative_money(value, field)
    if d != d.quantize(FEN, context=CONTEXT):
        raise InvalidInput(field, f"must be in yuan and fen (at most 2 decimals), got {d}")
    return d


@dataclass(frozen=True, slots=True)
class ExcessCreditRefund2018(Explained):
    """The 2018 refund: eligibility (with the reasons when not), ratio, cap and refund.

    ``quota_applies`` is true for manufacturing and service taxpayers, whose actual
    refund was limited by a provincial quota: ``refund`` is then an upper bound.
    """

    eligible: bool
    reasons: tuple[str, ...]
    ratio: Decimal
    refundable: Decimal
    cap: Decimal
    refund: Decimal
    quota_applies: bool
    steps: tuple[Step, ...]
    reasons_zh: tuple[str, ...] = ()

    def reasons_in(self, lang: str = "en") -> tuple[str, ...]:
        """Why nothing is refunded, in ``lang`` (``"zh"`` or ``"en"``); empty when eligible."""
        return self.reasons_zh if lang == "zh" else self.reasons


def excess_credit_refund_2018(
    *,
    credit_rating: str,
    registered_on: DateLike,
    listed_input_tax: MoneyLike,
    total_input_tax: MoneyLike,
    prior_period_end_credit: MoneyLike,
    end_2017_credit: MoneyLike,
    applied_on: DateLike,
    industry: str | None = None,
    grid_company: bool = False,
    law: Law | None = None,
) -> ExcessCreditRefund2018:
    """The refund under 财税〔2018〕70号 (see the module documentation).

    ``industry`` is the industry division on the tax registration (e.g.
    ``"专用设备制造业"``); ``listed_input_tax`` and ``total_input_tax`` are the deducted
    input VAT on the listed vouchers and in all, over the ratio period;
    ``prior_period_end_credit`` is the excess credit at the end of the period before
    the application and ``end_2017_credit`` the one at the end of 2017.
    """
    day = date_arg(applied_on, "applied_on")
    registered = date_arg(registered_on, "registered_on")
    if registered > day:
        raise InvalidInput("registered_on", f"{registered} is after the application day {day}")
    if credit_rating not in CREDIT_RATINGS:
        raise UnknownCategory("credit_rating", credit_rating, CREDIT_RATINGS)
    if industry is not None and (not isinstance(industry, str) or not industry.strip()):
        raise InvalidInput("industry", "must be the name of an industry division, e.g. 专用设备制造业")
    if not isinstance(grid_company, bool):
        raise InvalidInput("grid_company", "must be true or false")
    if industry is None and not grid_company:
        raise InvalidInput("industry", "give the industry on the tax registration (or grid_company=True)")
    listed = _fen(listed_input_tax, "listed_input_tax")
    all_input = _fen(total_input_tax, "total_input_tax")
    if listed > all_input:
        raise InvalidInput("listed_input_tax", f"{listed} exceeds all deducted input VAT {all_input}")
    prior = _fen(prior_period_end_credit, "prior_period_end_credit")
    cap = _fen(end_2017_credit, "end_2017_credit")

    data = law or default()
    try:
        industries = data.value(_P + "industries", day)
    except NotInForce as exc:
        return _not_in_force(exc, day, cap)
    grid = data.value(_P + "grid_companies", day)
    ratings = data.value(_P + "credit_ratings", day)
    registered_by = data.value(_P + "registered_by", day)
    years = data.value(_P + "ratio_years", day)
    cap_day = data.value(_P + "cap_balance_day", day)
    assert isinstance(cap_day.value, _dt.date) and isinstance(registered_by.value, _dt.date)
    if registered > cap_day.value and cap != 0:
        raise InvalidInput("end_2017_credit", f"a taxpayer registered on {registered} had no balance at {cap_day.value}")

    steps: list[Step] = []
    reasons: list[str] = []
    reasons_zh: list[str] = []
    assert isinstance(industries.value, tuple) and isinstance(ratings.value, tuple)
    in_industry = industry is not None and industry.strip() in industries.value
    is_grid = grid_company and grid.value is True
    if is_grid:
        steps.append(grid.step("grid", "取得电力业务许可证（输电类、供电类）的电网企业", "grid company with a transmission or supply licence"))
    else:
        steps.append(industries.step(
            "industry", "所属行业在《2018年退还增值税期末留抵税额行业目录》内",
            "industry in the annex of 18 divisions", formula=f"{industry}",
        )._replace(value=in_industry, unit="bool"))
        if not in_industry:
            reasons.append(f"industry {industry!r} is not one of the 18 divisions of the annex")
            reasons_zh.append(f"行业“{industry}”不在附件所列18个大类内")
    rating_ok = credit_rating in ratings.value
    steps.append(ratings.step(
        "credit_rating", "纳税信用等级为A级或B级", "tax credit rating A or B", formula=credit_rating,
    )._replace(value=rating_ok, unit="bool"))
    if not rating_ok:
        reasons.append(f"credit rating {credit_rating} is not A or B")
        reasons_zh.append(f"纳税信用等级{credit_rating}级不是A级或B级")
    eligible = not reasons

    early = registered <= registered_by.value
    assert isinstance(years.value, tuple)
    period_zh = "、".join(f"{y}年" for y in years.value) if early else "实际经营期间"
    period_en = ", ".join(years.value) if early else "the actual operating period"
    ratio = ZERO if all_input == 0 else div(listed, all_input)
    steps.append(registered_by.step(
        "ratio", f"退还比例（{period_zh}已抵扣的专用发票、海关进口增值税专用缴款书、解缴税款完税凭证注明的增值税额占全部已抵扣进项税额的比重）",
        f"refund ratio over {period_en} (listed vouchers ÷ all deducted input VAT)",
        formula=f"{listed} ÷ {all_input}" if all_input else "no deducted input VAT: 0",
        formula_zh="" if all_input else "无已抵扣进项税额：0",
    )._replace(value=ratio, unit="rate", cite=(
        registered_by.citation._replace(article="第三条第（一）项第1目" if early else "第三条第（一）项第2目"),
    )))
    refundable = round_fen(mul(prior, ratio))
    steps.append(cap_day.step(
        "refundable", "可退还的期末留抵税额", "refundable excess credit",
        formula=f"{prior} × {ratio.normalize(CONTEXT)}",
    )._replace(value=refundable, unit="yuan", cite=(cap_day.citation._replace(article="第三条第（一）项"),)))
    steps.append(cap_day.step("cap", f"上限：{cap_day.value.year}年底期末留抵税额", f"cap: excess credit at the end of {cap_day.value.year}")
                 ._replace(value=cap, unit="yuan"))
    refund = round_fen(min(refundable, cap)) if eligible else ZERO
    formula = f"min({refundable}, {cap})" if eligible else "not eligible: " + "; ".join(reasons)
    formula_zh = "" if eligible else "不符合条件：" + "；".join(reasons_zh)
    steps.append(cap_day.step("refund", "当期退还的期末留抵税额", "excess credit refunded", formula=formula,
                              formula_zh=formula_zh)._replace(value=refund, unit="yuan"))
    quota = eligible and not is_grid
    if quota:
        steps.append(industries.step(
            "quota", "省级退还规模由财政部和税务总局另行通知：上述金额为上限",
            "provincial quota set separately: the amount is an upper bound",
        )._replace(value=True, unit="bool", cite=(industries.citation._replace(article="第四条第（一）项"),)))
    return ExcessCreditRefund2018(eligible, tuple(reasons), ratio, refundable, cap, refund, quota, tuple(steps),
                                  tuple(reasons_zh))


def _not_in_force(exc: NotInForce, day: _dt.date, cap: Decimal) -> ExcessCreditRefund2018:
    """The answer after the measure ended: not eligible, nothing refunded, the reason cited."""
    step = Step("in_force", f"财税〔2018〕70号在{day}施行（{exc.reason_in('zh')}）",
                f"财税〔2018〕70号 in force on {day} ({exc.gap})", value=False, unit="bool",
                cite=() if exc.cite is None else (exc.cite,))
    reason = f"not in force on {day}: {exc.gap}"
    reason_zh = f"{day}不在施行期内：{exc.reason_in('zh')}"
    return ExcessCreditRefund2018(eligible=False, reasons=(reason,), ratio=ZERO, refundable=round_fen(ZERO),
                                  cap=cap, refund=round_fen(ZERO), quota_applies=False, steps=(step,),
                                  reasons_zh=(reason_zh,))

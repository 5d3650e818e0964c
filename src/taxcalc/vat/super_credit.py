"""The input-VAT super-credit (加计抵减) of a general taxpayer for one tax period.

The rule
    A general taxpayer of a listed kind accrues, on its creditable input VAT, an extra
    credit at its policy's rate (计提加计抵减额) and sets it against the tax computed by
    the general method (抵减前的应纳税额):

    * ``production_services`` — postal, telecom, modern and living services more than
      50% of sales: 10% from 2019-04-01 to 2022-12-31 (2019年第39号 第七条; extended by
      2022年第11号), 5% in 2023 (2023年第1号 第三条);
    * ``living_services`` — living services more than 50% of sales: 10% from 2019-04-01
      (39号), 15% from 2019-10-01 to 2022-12-31 (2019年第87号; 2022年第11号), 10% in 2023
      (2023年第1号 第三条);
    * ``advanced_manufacturing`` — high-tech manufacturers on the provincial list: 5%,
      2023-01-01 – 2027-12-31 (2023年第43号);
    * ``integrated_circuit`` and ``mother_machine`` — enterprises on the lists: 15%,
      2023-01-01 – 2027-12-31 (2023年第17号, 2023年第25号).

    * **Who** (services): the services' share of all sales must be **more than** 50%
      ("超过50%"; exactly 50% does not qualify).  The share is of the year before (of
      2018-04 – 2019-03 when the policy began); a taxpayer set up later is judged on
      its first 3 months (39号 第七条第（一）项).  The list policies are the caller's
      answer (the lists are set by the provinces and ministries).
    * **Accrued** (39号 第七条第（二）项, 43号 第二条): ``creditable input × rate``; none on
      input that is not creditable, and none on input attributable to exports and
      cross-border sales (39号 第七条第（四）项, 43号 第五条).
    * **Reduced**: input on which the credit was accrued and that is transferred out
      (进项税额转出) reduces it in that period by ``transferred out × rate``.
    * **Used** (39号 第七条第（三）项, 43号 第三条): only against the tax of the general
      method; when that is 0 everything is carried forward; when it is less than the
      credit available it is reduced to 0 and the rest carried forward.  The credit
      never creates a refund.
    * **Lapses**: when the policy ends nothing more accrues and a balance left is no
      longer used (结余的加计抵减额停止抵减).
    * **One policy a period**: a taxpayer within several policies chooses one; they are
      never stacked in one period (43号 第七条) — the function takes one policy.

    The return's schedule is 《增值税纳税申报表附列资料（四）》 (税额抵减情况表), part 二
    (加计抵减情况); the tax after the credit is line 19 of the main form.

Keys read
    ``vat.super_credit.policies`` (the policies in force on the day), ``.rate.<policy>``,
    ``.sales_share`` and ``.new_enterprise_months`` (services policies),
    ``.mechanics`` and ``.export_excluded`` (citations of the mechanics).

Choices and limits
    * Amounts are those of the return in yuan and fen; the credit accrued and the
      reduction are rounded half up to the fen.
    * A reduction is taken at the policy's rate of the period; a reduction above the
      balance leaves a balance of 0 (nothing negative is carried).
    * A taxpayer not eligible in the period (share ≤ 50%, or new and not yet judged)
      accrues nothing; a balance brought forward is still used while the policy is in
      force.  Credit a new taxpayer could have accrued before it was judged may be
      accrued in the period it is (39号 第七条第（一）项): give it with the input.
    * A period outside the policy's life is an answer (``in_force`` false, the balance
      lapsed), not an error; a day after 2027-12-31 is outside the data
      (:class:`~taxcalc.errors.OutsideCoverage`).

>>> r = super_credit("2019-10-01", policy="living_services", sales_share="80%",
...                  creditable_input_tax="100000", tax_before_credit="20000")
>>> r.rate, r.accrued, r.used, r.carried, r.tax_payable
(Decimal('0.15'), Decimal('15000.00'), Decimal('15000.00'), Decimal('0.00'), Decimal('5000.00'))
>>> super_credit("2019-10-01", policy="living_services", sales_share="50%",
...              creditable_input_tax="100000", tax_before_credit="20000").eligible
False
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput, NotInForce
from ..explain import Citation, Explained, Formula, Step, format_value
from ..law import Law
from ..money import ZERO, DateLike, MoneyLike, add, mul, nonnegative_money, rate, round_fen, sub
from ._common import choice, day, law_or_default

__all__ = ["SUPER_CREDIT_POLICIES", "SuperCredit", "super_credit"]

#: The super-credit policies taxcalc knows (see the module documentation).
SUPER_CREDIT_POLICIES: tuple[str, ...] = (
    "production_services", "living_services", "advanced_manufacturing", "integrated_circuit", "mother_machine",
)
#: The policies whose test is the services' share of sales.
_SERVICES = ("production_services", "living_services")
_P = "vat.super_credit."
_SCHEDULE = "《增值税纳税申报表附列资料（四）》二、加计抵减情况"
_MAIN19 = "《增值税纳税申报表（一般纳税人适用）》第19栏"
_NAMES = {
    "production_services": ("生产性服务业（邮政、电信、现代服务、生活服务）", "production (and living) services"),
    "living_services": ("生活性服务业", "living services"),
    "advanced_manufacturing": ("先进制造业企业", "advanced manufacturer"),
    "integrated_circuit": ("集成电路企业", "integrated-circuit enterprise"),
    "mother_machine": ("工业母机企业", "industrial mother-machine enterprise"),
}


@dataclass(frozen=True, slots=True)
class SuperCredit(Explained):
    """One period's super-credit: accrued, reduced, used against the tax, carried forward or lapsed.

    ``tax_payable = tax_before_credit − used``; ``carried = available − used``;
    ``used`` (the saving of the period) never exceeds ``tax_before_credit`` nor
    ``available``.  When the policy is not in force, ``in_force`` is false, nothing
    accrues or is used, and the balance brought forward is ``lapsed``.
    """

    period_start: _dt.date
    policy: str
    in_force: bool
    eligible: bool
    reasons: tuple[str, ...]
    rate: Decimal | None
    brought_forward: Decimal
    accrued: Decimal
    reduced: Decimal
    available: Decimal
    tax_before_credit: Decimal
    used: Decimal
    carried: Decimal
    lapsed: Decimal
    tax_payable: Decimal
    steps: tuple[Step, ...]
    reasons_zh: tuple[str, ...] = ()

    def reasons_in(self, lang: str = "en") -> tuple[str, ...]:
        """Why nothing accrues, in ``lang`` (``"zh"`` or ``"en"``); empty when eligible."""
        return self.reasons_zh if lang == "zh" else self.reasons

    @property
    def saving(self) -> Decimal:
        """The tax the super-credit saved in the period (``used``)."""
        return self.used


def _y(x: Decimal) -> str:
    return format_value(x, "yuan")


def _pct(x: Decimal) -> str:
    return format_value(x, "rate")


def _times(lang: str, a: Decimal, r: Decimal) -> str:
    return f"{_y(a)} × {_pct(r)}"


def _accrual_base(lang: str, inp: Decimal, export: Decimal) -> str:
    return f"{_y(inp)} − {_y(export)}"


def _available(lang: str, bf: Decimal, acc: Decimal, red: Decimal) -> str:
    return f"max(0, {_y(bf)} + {_y(acc)} − {_y(red)})"


def _used(lang: str, tax: Decimal, avail: Decimal) -> str:
    if tax == 0:
        return "抵减前的应纳税额为零：全部结转下期" if lang == "zh" else "no tax before the credit: all carried forward"
    return f"min({_y(tax)}, {_y(avail)})"


def super_credit(
    period_start: DateLike,
    *,
    policy: str,
    creditable_input_tax: MoneyLike,
    tax_before_credit: MoneyLike,
    sales_share: object = None,
    export_input_tax: MoneyLike = ZERO,
    transferred_out_input_tax: MoneyLike = ZERO,
    brought_forward: MoneyLike = ZERO,
    months_operated: int | None = None,
    law: Law | None = None,
) -> SuperCredit:
    """The super-credit of one tax period (see the module documentation).

    ``creditable_input_tax`` is the period's creditable input VAT (当期可抵扣进项税额);
    ``export_input_tax`` the part of it attributable to exports and cross-border sales;
    ``transferred_out_input_tax`` input on which the credit was accrued and that is
    transferred out in the period; ``brought_forward`` the balance of the period
    before (上期末加计抵减额余额); ``tax_before_credit`` the tax of the general method
    before the credit (抵减前的应纳税额); ``sales_share`` the services' share of all
    sales (services policies only), as ``"0.8"`` or ``"80%"``; ``months_operated`` the
    months a new taxpayer's sales cover.
    """
    on = day(period_start, "period_start")
    name = choice(policy, "policy", SUPER_CREDIT_POLICIES)
    inp = nonnegative_money(creditable_input_tax, "creditable_input_tax")
    export = nonnegative_money(export_input_tax, "export_input_tax")
    if export > inp:
        raise InvalidInput("export_input_tax", f"{export} exceeds the creditable input VAT {inp}")
    out = nonnegative_money(transferred_out_input_tax, "transferred_out_input_tax")
    bf = nonnegative_money(brought_forward, "brought_forward")
    tax = nonnegative_money(tax_before_credit, "tax_before_credit")
    share = None if sales_share is None else rate(sales_share, "sales_share")
    if months_operated is not None and (isinstance(months_operated, bool) or not isinstance(months_operated, int)
                                        or months_operated < 0):
        raise InvalidInput("months_operated", f"must be a whole number of months, 0 or more (got {months_operated!r})")
    return _compute(on, name, inp, export, out, bf, tax, share, months_operated, law_or_default(law))


def _lapsed(on: _dt.date, name: str, bf: Decimal, tax: Decimal, steps: list[Step], cite: tuple[Citation, ...],
            reason: str, reason_zh: str) -> SuperCredit:
    """The answer of a period in which the policy is not in force: nothing accrues, the balance lapses."""
    steps.append(Step("lapsed", "政策执行到期或尚未施行：不再计提，结余的加计抵减额停止抵减",
                      "policy not in force: nothing accrues, the balance lapses", bf, "yuan", cite=cite))
    steps.append(Step("tax_payable", "应纳税额", "tax payable", tax, "yuan", line=_MAIN19))
    return SuperCredit(on, name, in_force=False, eligible=False, reasons=(reason,), rate=None, brought_forward=bf,
                       accrued=ZERO, reduced=ZERO, available=ZERO, tax_before_credit=tax, used=ZERO, carried=ZERO,
                       lapsed=bf, tax_payable=tax, steps=tuple(steps), reasons_zh=(reason_zh,))


def _compute(on: _dt.date, name: str, inp: Decimal, export: Decimal, out: Decimal, bf: Decimal, tax: Decimal,
             share: Decimal | None, months: int | None, data: Law) -> SuperCredit:
    zh_name, en_name = _NAMES[name]
    try:
        policies = data.value(_P + "policies", on)
    except NotInForce as gap:  # before any super credit existed: the same answer, with the gap's reason
        cite = (gap.cite,) if gap.cite is not None else ()
        steps: list[Step] = [Step("in_force", f"加计抵减政策（{zh_name}）在本期有效（{gap.reason_in('zh')}）",
                                  f"super-credit policy ({en_name}) in force ({gap.gap})", value=False, unit="bool",
                                  formula=name, cite=cite)]
        return _lapsed(on, name, bf, tax, steps, cite, f"no super-credit existed on {on}", f"{on}尚无加计抵减政策")
    assert isinstance(policies.value, tuple)
    in_force = name in policies.value
    steps = [policies.step(
        "in_force", f"加计抵减政策（{zh_name}）在本期有效；同一期间不得叠加适用",
        f"super-credit policy ({en_name}) in force; one policy a period", formula=name,
    )._replace(value=in_force, unit="bool")]
    if not in_force:
        return _lapsed(on, name, bf, tax, steps, (policies.citation,),
                       f"the {en_name} super-credit is not in force on {on}",
                       f"加计抵减政策（{zh_name}）在{on}不适用")

    rate_v = data.value(f"{_P}rate.{name}", on)
    r = rate_v.value
    assert isinstance(r, Decimal)
    reasons: list[str] = []
    reasons_zh: list[str] = []
    if name in _SERVICES:
        if share is None:
            raise InvalidInput("sales_share", f"the share of the services in all sales is needed for the {en_name} "
                               "super-credit")
        threshold_v = data.value(_P + "sales_share", on)
        threshold = threshold_v.value
        assert isinstance(threshold, Decimal)
        above = share > threshold
        steps.append(threshold_v.step(
            "sales_share", f"相关服务销售额占全部销售额的比重超过{_pct(threshold)}（恰为{_pct(threshold)}不符合）",
            f"services' share of all sales above {_pct(threshold)} (exactly {_pct(threshold)} does not qualify)",
            formula=f"{_pct(share)} > {_pct(threshold)}",
        )._replace(value=above, unit="bool"))
        if not above:
            reasons.append(f"the services' share of sales {_pct(share)} is not more than {_pct(threshold)}")
            reasons_zh.append(f"相关服务销售额占比{_pct(share)}未超过{_pct(threshold)}")
        if months is not None:
            first_v = data.value(_P + "new_enterprise_months", on)
            first = first_v.value
            assert isinstance(first, int)
            judged = months >= first
            steps.append(first_v.step(
                "judged", f"新设立纳税人按自设立之日起{first}个月的销售额判断",
                f"a new taxpayer is judged on its first {first} months", formula=f"{months} ≥ {first}",
            )._replace(value=judged, unit="bool"))
            if not judged:
                reasons.append(f"a new taxpayer with {months} months of sales is judged on its first {first} months")
                reasons_zh.append(f"新设立纳税人仅有{months}个月销售额，应按设立之日起{first}个月的销售额判断")
    eligible = not reasons
    mech = data.value(_P + "mechanics", on)
    excl = data.value(_P + "export_excluded", on)
    base = sub(inp, export)
    accrued = round_fen(mul(base, r)) if eligible else ZERO
    reduced = round_fen(mul(out, r))
    available = max(ZERO, round_fen(sub(add(bf, accrued), reduced)))
    used = min(tax, available)
    carried = sub(available, used)
    payable = sub(tax, used)
    steps += [
        rate_v.step("rate", "加计抵减比例", "super-credit rate"),
        Step("brought_forward", "上期末加计抵减额余额", "balance brought forward", bf, "yuan", line=_SCHEDULE),
        Step("accrual_base", "可计提加计抵减额的进项税额（当期可抵扣进项税额 − 出口及跨境业务对应的进项税额）",
             "input VAT earning the credit (creditable input less input attributable to exports)", base, "yuan",
             Formula(_accrual_base, (inp, export)), (excl.citation,)),
        Step("accrued", "本期发生额（当期计提加计抵减额）", "credit accrued in the period", accrued, "yuan",
             Formula(_times, (base, r)) if eligible else "not eligible: " + "; ".join(reasons),
             (rate_v.citation, mech.citation), _SCHEDULE,
             formula_zh="" if eligible else "不符合条件，不计提"),
        Step("reduced", "本期调减额（进项税额转出相应调减）", "reduced for input transferred out", reduced, "yuan",
             Formula(_times, (out, r)), (mech.citation,), _SCHEDULE),
        Step("available", "本期可抵减额", "credit available", available, "yuan",
             Formula(_available, (bf, accrued, reduced)), (mech.citation,), _SCHEDULE),
        Step("tax_before_credit", "一般计税方法下抵减前的应纳税额", "tax of the general method before the credit",
             tax, "yuan", cite=(mech.citation,)),
        Step("used", "本期实际抵减额", "credit used", used, "yuan", Formula(_used, (tax, available)),
             (mech.citation,), _SCHEDULE),
        Step("carried", "期末余额（结转下期继续抵减，不予退还）", "balance carried forward (never refunded)", carried,
             "yuan", f"{_y(available)} − {_y(used)}", (mech.citation,), _SCHEDULE),
        Step("tax_payable", "应纳税额", "tax payable", payable, "yuan", f"{_y(tax)} − {_y(used)}", (mech.citation,),
             _MAIN19),
    ]
    return SuperCredit(on, name, in_force=True, eligible=eligible, reasons=tuple(reasons), rate=r, brought_forward=bf,
                       accrued=accrued, reduced=reduced, available=available, tax_before_credit=tax, used=used,
                       carried=carried, lapsed=ZERO, tax_payable=payable, steps=tuple(steps),
                       reasons_zh=tuple(reasons_zh))

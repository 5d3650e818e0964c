"""免抵退: published textbook cases on every branch, rounding, validation and properties."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.errors import InvalidInput, NotMoney, OutsideCoverage
from taxcalc.export import ExemptCreditRefundInput, ExportLine, exempt_credit_refund
from taxcalc.money import round_fen


def run(period="2017-06-01", *, fob, levy, rebate, output="0", input_tax="0", opening="0", **line):
    month = ExemptCreditRefundInput(
        period=period,
        exports=(ExportLine(fob=fob, levy_rate=levy, rebate_rate=rebate, **line),),
        domestic_output_tax=output, input_tax=input_tax, opening_credit=opening,
    )
    return exempt_credit_refund(month)


def figures(r):
    return (r.non_creditable, r.tax_payable, r.exempt_credit_refund, r.refund, r.exempt_credit, r.credit_carried)


# Published worked examples (amounts in 万元 there, yuan here).

def test_textbook_end_credit_below_the_ceiling():
    # kuajob.com/big5/tax_564642 例1: 征17% 退15%, 进项30.6万, 内销95万, 出口135万, 无上期留抵
    r = run(fob="1350000", levy="17%", rebate="15%", output="161500", input_tax="306000")
    assert figures(r) == (Decimal("27000"), Decimal("-117500"), Decimal("202500"),
                          Decimal("117500"), Decimal("85000"), Decimal("0"))
    assert r.branch == "credit_within" and r.end_credit == Decimal("117500")


def test_textbook_end_credit_above_the_ceiling():
    # the same page, with 上期留抵 20万: 应纳 −31.75万 > 免抵退 20.25万 → 退 20.25万, 结转 11.5万
    r = run(fob="1350000", levy="17%", rebate="15%", output="161500", input_tax="306000", opening="200000")
    assert figures(r) == (Decimal("27000"), Decimal("-317500"), Decimal("202500"),
                          Decimal("202500"), Decimal("0"), Decimal("115000"))
    assert r.branch == "credit_exceeds"


def test_textbook_bonded_materials_end_credit_below_the_ceiling():
    # asklib.com/view/c925d34b11b5.html: 出口210万, 进料加工保税进口料件 210万×30% (计划分配率),
    # 征17% 退13%, 内销100万, 进项34万, 上期留抵6万 → 不得免征5.88万, 应纳−17.12万,
    # 免抵退19.11万, 应退17.12万, 免抵1.99万
    r = run(fob="2100000", levy="17%", rebate="13%", output="170000", input_tax="340000", opening="60000",
            bonded_materials="630000")
    assert r.non_creditable_reduction == Decimal("25200")
    assert r.exempt_credit_refund_reduction == Decimal("81900")
    assert figures(r) == (Decimal("58800"), Decimal("-171200"), Decimal("191100"),
                          Decimal("171200"), Decimal("19900"), Decimal("0"))


def test_textbook_bonded_materials_end_credit_above_the_ceiling():
    # 222.198.130.40 …/showsubject.aspx?id=6025979d…: 进料加工免税进口料件100万, 出口200万,
    # 征17% 退13%, 内销100万, 进项34万, 上期留抵6万 → 抵减额4万, 不得免征4万, 应纳−19万,
    # 免抵退13万, 应退13万, 免抵0, 结转6万
    r = run(period="2017-08-01", fob="2000000", levy="17%", rebate="13%", output="170000",
            input_tax="340000", opening="60000", bonded_materials="1000000")
    assert (r.non_creditable_reduction, r.exempt_credit_refund_reduction) == (Decimal("40000"), Decimal("130000"))
    assert figures(r) == (Decimal("40000"), Decimal("-190000"), Decimal("130000"),
                          Decimal("130000"), Decimal("0"), Decimal("60000"))


def test_textbook_2019_rates_with_domestic_duty_free_materials():
    # chinaacc.com/wenda/detail/xt/10294061: 出口260万, 免税购进100万, 征13% 退10%,
    # 内销100万, 进项26万, 上期留抵6万 → 剔税4.8万, 应纳−14.2万, 免抵退16万, 应退14.2万
    r = run(period="2019-08-01", fob="2600000", levy="13%", rebate="10%", output="130000",
            input_tax="260000", opening="60000", exempt_materials="1000000")
    assert figures(r) == (Decimal("48000"), Decimal("-142000"), Decimal("160000"),
                          Decimal("142000"), Decimal("18000"), Decimal("0"))


def test_tax_payable_branch():
    # the facts of a published 2013年4月 exercise (进项68万, 上月留抵10万, 内销400万, 出口350万,
    # 征17% 退13%); by the formulas: 不得免征14万, 应纳 +4万 → 缴税, 不退, 免抵 = 免抵退 45.5万
    r = run(period="2013-04-01", fob="3500000", levy="17%", rebate="13%", output="680000",
            input_tax="680000", opening="100000")
    assert figures(r) == (Decimal("140000"), Decimal("40000"), Decimal("455000"),
                          Decimal("0"), Decimal("455000"), Decimal("0"))
    assert (r.branch, r.tax_due, r.end_credit) == ("tax_payable", Decimal("40000"), Decimal("0"))


def test_boundary_end_credit_equal_to_the_ceiling_and_one_fen_over():
    # ceiling 13,000.00; end credit exactly 13,000.00, then 13,000.01
    r = run(fob="100000", levy="13%", rebate="13%", input_tax="13000")
    assert (r.branch, r.refund, r.exempt_credit, r.credit_carried) == ("credit_within", Decimal("13000"), Decimal("0"), Decimal("0"))
    r = run(fob="100000", levy="13%", rebate="13%", input_tax="13000.01")
    assert (r.branch, r.refund, r.exempt_credit, r.credit_carried) == (
        "credit_exceeds", Decimal("13000.00"), Decimal("0"), Decimal("0.01"))
    # tax payable exactly zero: no credit, no refund
    r = run(fob="100000", levy="13%", rebate="13%", output="5000", input_tax="5000")
    assert (r.branch, r.refund, r.exempt_credit) == ("tax_payable", Decimal("0"), Decimal("13000.00"))


def test_foreign_currency_is_rounded_half_up_per_line_then_lines_per_total():
    r = run(fob="1000.05", exchange_rate="6.5", levy="13%", rebate="13%")
    assert r.fob_cny == Decimal("6500.33")           # 6500.325 → half up (not to even)
    assert r.exempt_credit_refund == Decimal("845.04")  # 6500.33 × 13% = 845.0429
    month = ExemptCreditRefundInput(
        period="2019-08-01",
        exports=(ExportLine(fob="0.10", levy_rate="13%", rebate_rate="13%"),
                 ExportLine(fob="0.10", levy_rate="13%", rebate_rate="13%")),
    )
    both = exempt_credit_refund(month)
    assert both.exempt_credit_refund == Decimal("0.03")  # 0.026 on the total line, not 0.01 + 0.01
    assert "fob_cny[1]" in [s.name for s in both.steps]


def test_levy_below_rebate_in_a_transition_counts_as_zero():
    r = run(period="2019-05-01", fob="100000", levy="13%", rebate="16%", input_tax="20000")
    assert r.non_creditable == Decimal("0") and r.exempt_credit_refund == Decimal("16000")
    assert "2019年第39号 第三条第二款" in r.explain()
    r = run(period="2018-06-01", fob="100000", levy="16%", rebate="17%", input_tax="20000")
    assert r.non_creditable == Decimal("0")
    assert "choice: the 2018 text is silent" in r.explain("en")


def test_mapping_lines_and_explanations():
    month = ExemptCreditRefundInput(period="2019-08-15", exports=[
        {"fob": "100", "levy_rate": "13%", "rebate_rate": "10%"},
        {"fob": "200", "levy_rate": "13%", "rebate_rate": "13%", "exchange_rate": "7"},
    ], input_tax="100")
    assert month.period.isoformat() == "2019-08-01"
    r = exempt_credit_refund(month)
    assert r.fob_cny == Decimal("1500") and r.non_creditable == Decimal("3.00")
    text = r.explain()
    assert "财税〔2012〕39号 第五条第（一）项" in text and "《免抵退税申报汇总表》" in text
    assert r.as_dict()["refund"] == str(r.refund)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: ExportLine(fob=100.0, levy_rate="13%", rebate_rate="13%"), "fob"),
        (lambda: ExportLine(fob="100.001", levy_rate="13%", rebate_rate="13%"), "fob"),
        (lambda: ExportLine(fob="-1", levy_rate="13%", rebate_rate="13%"), "fob"),
        (lambda: ExportLine(fob="100", levy_rate="18%", rebate_rate="13%"), "levy_rate"),
        (lambda: ExportLine(fob="100", levy_rate="13%", rebate_rate="13%", exchange_rate="0"), "exchange_rate"),
        (lambda: ExemptCreditRefundInput(period="2019-08-01", exports=()), "exports"),
        (lambda: ExemptCreditRefundInput(period="2019-08-01", exports=[{"fob": "1", "levy": "13%"}]), "exports[0]"),
        (lambda: ExemptCreditRefundInput(period="2019-08-01", exports=[{"fob": 1.5, "levy_rate": "13%", "rebate_rate": "13%"}]), "exports[0].fob"),
        (lambda: ExemptCreditRefundInput(period="2019-13-01", exports=[]), "period"),
        (lambda: ExemptCreditRefundInput(period="2019-08-01", exports=[ExportLine(fob="100", levy_rate="13%", rebate_rate="10%", bonded_materials="100.01")]), "exports[0].exempt_materials"),
        (lambda: ExemptCreditRefundInput(period="2019-08-01", exports=[ExportLine(fob="1", levy_rate="13%", rebate_rate="10%")], input_tax=0.5), "input_tax"),
    ],
)
def test_bad_inputs_name_the_field(build, field):
    with pytest.raises((InvalidInput, NotMoney)) as info:
        build()
    assert info.value.field == field


def test_periods_outside_coverage():
    with pytest.raises(OutsideCoverage, match="export.method.exempt_credit_refund"):
        run(period="2001-12-31", fob="1", levy="13%", rebate="13%")


ELEVEN = "财政部 税务总局公告2026年第11号"


@pytest.mark.parametrize(
    ("period", "citation"),
    [
        ("2025-12-01", "财税〔2012〕39号 第五条第（一）项"),   # the last period under 39号
        ("2026-01-01", f"{ELEVEN} （条次未核实）"),          # the first under 2026年第11号
        ("2026-12-01", f"{ELEVEN} （条次未核实）"),
    ],
)
def test_the_same_formulas_across_the_2026_switch_with_the_citation_of_the_day(period, citation):
    # the textbook case of 例1 gives the same figures in December 2025 and in 2026: 11号 keeps
    # the method (secondary sources); only the citation of every step changes
    r = run(period=period, fob="1350000", levy="17%", rebate="15%", output="161500", input_tax="306000")
    assert figures(r) == (Decimal("27000"), Decimal("-117500"), Decimal("202500"),
                          Decimal("117500"), Decimal("85000"), Decimal("0"))
    cites = {str(c) for step in r.steps for c in step.cite}
    assert cites == {citation}


def test_a_2026_period_as_known_before_the_2026_notice_reads_39hao():
    from taxcalc import law

    month = ExemptCreditRefundInput(period="2026-01-01", exports=(ExportLine(fob="100", levy_rate="13%", rebate_rate="13%"),))
    before = exempt_credit_refund(month, law=law.default().as_known_on("2026-01-29"))
    after = exempt_credit_refund(month, law=law.default().as_known_on("2026-01-30"))
    assert {c.doc for s in before.steps for c in s.cite} == {"财税〔2012〕39号"}
    assert {c.doc for s in after.steps for c in s.cite} == {ELEVEN}


def test_results_ignore_a_hostile_ambient_context():
    args = dict(fob="1234567.89", exchange_rate="6.8972", levy="16%", rebate="13%", output="98765.43",
                input_tax="456789.01", opening="12345.67", bonded_materials="123456.78")
    expected = run(**args)
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        got = run(**args)
    assert got == expected


# -- properties ---------------------------------------------------------------------------

cents = st.integers(0, 10**11).map(lambda n: Decimal(n) / 100)
rates = st.sampled_from(["0%", "5%", "6%", "9%", "10%", "13%", "15%", "16%", "17%"])


@st.composite
def months(draw):
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        fob = draw(cents)
        fx = draw(st.sampled_from(["1", "6.5", "6.8972", "7.1234"]))
        line = ExportLine(fob=fob, levy_rate=draw(rates), rebate_rate=draw(rates), exchange_rate=fx)
        mat = draw(st.integers(0, int(line.fob_cny * 100))) / Decimal(100)
        split = draw(st.integers(0, int(mat * 100))) / Decimal(100)
        lines.append(ExportLine(fob=fob, levy_rate=line.levy_rate, rebate_rate=line.rebate_rate,
                                exchange_rate=fx, exempt_materials=split, bonded_materials=mat - split))
    return ExemptCreditRefundInput(period="2019-08-01", exports=tuple(lines), domestic_output_tax=draw(cents),
                                   input_tax=draw(cents), opening_credit=draw(cents))


@given(months())
def test_refund_bounds_and_identities(month):
    r = exempt_credit_refund(month)
    assert Decimal(0) <= r.refund <= r.exempt_credit_refund
    assert r.refund + r.exempt_credit == r.exempt_credit_refund
    assert r.exempt_credit >= 0 and r.credit_carried >= 0 and r.non_creditable >= 0
    assert r.end_credit == r.refund + r.credit_carried
    assert r.tax_due * r.end_credit == 0
    for v in (r.fob_cny, r.non_creditable, r.tax_payable, r.exempt_credit_refund, r.refund, r.exempt_credit):
        assert round_fen(v) == v          # every figure is in fen already: rounding is idempotent


@given(months(), st.integers(1, 10**9).map(lambda n: Decimal(n) / 100))
def test_more_input_tax_never_lowers_the_refund(month, extra):
    more = ExemptCreditRefundInput(period=month.period, exports=month.exports,
                                   domestic_output_tax=month.domestic_output_tax,
                                   input_tax=month.input_tax + extra, opening_credit=month.opening_credit)
    a, b = exempt_credit_refund(month), exempt_credit_refund(more)
    assert b.refund >= a.refund and b.end_credit >= a.end_credit
    assert b.exempt_credit_refund == a.exempt_credit_refund


def test_a_period_that_is_not_a_month_is_named_as_given():
    with pytest.raises(InvalidInput, match=r"^period: '2019-13' is not a month \(write YYYY-MM\)$"):
        ExemptCreditRefundInput(period="2019-13", exports=(ExportLine(fob="1", levy_rate="13%", rebate_rate="13%"),))

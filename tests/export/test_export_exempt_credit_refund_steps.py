"""免抵退 explained: every step's name, value, formula, citation and return-form line for
each branch, the levy-below-rebate rule (2018 and 2019 citations), bonded materials,
foreign currency, the 17% cap on the rates, and the message of every refused input.

The figures are those of the textbook cases of ``test_export_exempt_credit_refund.py``
(and two cases worked here by hand); these tests pin down how each is shown, so that
a change of the explanation is a decision, not an accident.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.export import ExemptCreditRefundInput, ExportLine, exempt_credit_refund

D = Decimal
CASE = "财税〔2012〕39号 第五条第（一）项"
SUMMARY = "《免抵退税申报汇总表》"
RETURN = "《增值税纳税申报表》"

#: name → (zh, en, return-form line), the same in every case.
LABELS = {
    "fob_cny": ("当期出口货物离岸价（人民币）", "FOB value of the period's exports in yuan", SUMMARY),
    "materials": ("当期免税购进原材料价格", "duty-free materials of the period (incl. bonded imports)", SUMMARY),
    "non_creditable_gross": ("离岸价 ×（征税率 − 退税率）", "FOB × (levy rate − rebate rate)", SUMMARY),
    "non_creditable_reduction": ("当期不得免征和抵扣税额抵减额", "reduction for duty-free materials", SUMMARY),
    "non_creditable": ("当期不得免征和抵扣税额", "input VAT that may not be credited", SUMMARY),
    "tax_payable": ("当期应纳税额", "VAT payable for the period (negative: credit)", RETURN),
    "end_credit": ("当期期末留抵税额", "excess input credit at the end of the period", RETURN),
    "exempt_credit_refund_gross": ("离岸价 × 退税率", "FOB × rebate rate", SUMMARY),
    "exempt_credit_refund_reduction": ("当期免抵退税额抵减额", "reduction of the ceiling for duty-free materials",
                                       SUMMARY),
    "exempt_credit_refund": ("当期免抵退税额", "exempt-credit-refund amount (the ceiling)", SUMMARY),
    "exempt_credit": ("当期免抵税额", "amount exempted and credited", SUMMARY),
    "credit_carried": ("结转下期继续抵扣的留抵税额", "credit carried to the next period", RETURN),
}
#: The refund step's labels, by branch.
REFUND = {
    "tax_payable": ("当期应退税额（当期应纳税额≥0，不退税）", "refund (tax is payable: none)", SUMMARY),
    "credit_within": ("当期应退税额（期末留抵税额≤免抵退税额）", "refund (end credit ≤ ceiling)", SUMMARY),
    "credit_exceeds": ("当期应退税额（期末留抵税额>免抵退税额）", "refund (end credit > ceiling)", SUMMARY),
}
NEGATIVE = ("征税率低于退税率：差额视为零", "levy rate below the rebate rate: the difference counts as zero", "")
_FIXED_FORMULAS = {  # name → (formula, formula_zh) where they do not depend on the figures
    "fob_cny": ("Σ FOB × exchange rate to yuan", "Σ 离岸价 × 外汇人民币折合率"),
    "materials": ("duty-free domestic materials + bonded imports at composite taxable value",
                  "免税购进国内原材料 + 进料加工保税进口料件组成计税价格"),
    "negative_gap": ("max(0, levy rate − rebate rate)", "max(0, 征税率 − 退税率)"),
}


def month(period, *lines, output="0", input_tax="0", opening="0"):
    return exempt_credit_refund(ExemptCreditRefundInput(
        period=period, exports=tuple(ExportLine(**line) for line in lines),
        domestic_output_tax=output, input_tax=input_tax, opening_credit=opening))


def check(r, expected, *, negative_cites=()):
    """Each step as ``(name, value, formula, formula_zh)``; labels, units, lines and citations checked here."""
    got = []
    for s in r.steps:
        d = s.as_dict()
        if s.name == "negative_gap":
            labels, cites = NEGATIVE, negative_cites
            assert (d["value"], d["unit"]) == ("0", "rate")
        else:
            base = s.name.split("[")[0]
            labels = REFUND[r.branch] if base == "refund" else LABELS.get(base, (None, None, SUMMARY))
            cites = (CASE,)
            assert d["unit"] == "yuan", s.name
        if "[" in s.name:
            i = int(s.name[s.name.index("[") + 1:-1])
            labels = (f"出口货物离岸价（人民币）第{i + 1}行", f"FOB value in yuan, line {i + 1}", SUMMARY)
        assert (d["zh"], d["en"], d["line"]) == labels, s.name
        assert tuple(f"{c['doc']} {c['article']}" for c in d["cite"]) == cites, s.name
        formulas = _FIXED_FORMULAS.get(s.name)
        if formulas:
            assert (d["formula"], d["formula_zh"]) == formulas, s.name
            got.append((s.name, d["value"]))
        else:
            got.append((s.name, d["value"], d["formula"], d["formula_zh"]))
    assert got == expected


def test_credit_within_the_ceiling_explained():
    r = month("2017-06-01", dict(fob="1350000", levy_rate="17%", rebate_rate="15%"), output="161500",
              input_tax="306000")
    assert r.branch == "credit_within"
    check(r, [
        ("fob_cny", "1350000"),
        ("materials", "0"),
        ("non_creditable_gross", "27000.00", "1350000 × (17% − 15%)", "1350000 × (17% − 15%)"),
        ("non_creditable_reduction", "0.00", "0 × (17% − 15%)", "0 × (17% − 15%)"),
        ("non_creditable", "27000.00", "27000.00 − 0.00", "27000.00 − 0.00"),
        ("tax_payable", "-117500.00", "161500 − (306000 − 27000.00) − 0", "161500 − (306000 − 27000.00) − 0"),
        ("end_credit", "117500.00", "max(0, −(-117500.00))", "max(0, −(-117500.00))"),
        ("exempt_credit_refund_gross", "202500.00", "1350000 × 15%", "1350000 × 15%"),
        ("exempt_credit_refund_reduction", "0.00", "0 × 15%", "0 × 15%"),
        ("exempt_credit_refund", "202500.00", "202500.00 − 0.00", "202500.00 − 0.00"),
        ("refund", "117500.00", "end credit 117500.00", "期末留抵税额 117500.00"),
        ("exempt_credit", "85000.00", "202500.00 − 117500.00", "202500.00 − 117500.00"),
        ("credit_carried", "0", "117500.00 − 117500.00", "117500.00 − 117500.00"),
    ])
    assert (r.period.isoformat(), r.fob_cny, r.tax_due, r.end_credit) == ("2017-06-01", D("1350000"), 0, D("117500"))
    assert (r.non_creditable_gross, r.non_creditable_reduction, r.exempt_credit_refund_gross,
            r.exempt_credit_refund_reduction) == (D("27000"), 0, D("202500"), 0)


def test_tax_payable_explained():
    r = month("2013-04-01", dict(fob="3500000", levy_rate="17%", rebate_rate="13%"), output="680000",
              input_tax="680000", opening="100000")
    assert r.branch == "tax_payable"
    check(r, [
        ("fob_cny", "3500000"),
        ("materials", "0"),
        ("non_creditable_gross", "140000.00", "3500000 × (17% − 13%)", "3500000 × (17% − 13%)"),
        ("non_creditable_reduction", "0.00", "0 × (17% − 13%)", "0 × (17% − 13%)"),
        ("non_creditable", "140000.00", "140000.00 − 0.00", "140000.00 − 0.00"),
        ("tax_payable", "40000.00", "680000 − (680000 − 140000.00) − 100000",
         "680000 − (680000 − 140000.00) − 100000"),
        ("end_credit", "0", "max(0, −(40000.00))", "max(0, −(40000.00))"),
        ("exempt_credit_refund_gross", "455000.00", "3500000 × 13%", "3500000 × 13%"),
        ("exempt_credit_refund_reduction", "0.00", "0 × 13%", "0 × 13%"),
        ("exempt_credit_refund", "455000.00", "455000.00 − 0.00", "455000.00 − 0.00"),
        ("refund", "0", "0", "0"),
        ("exempt_credit", "455000.00", "455000.00 − 0", "455000.00 − 0"),
        ("credit_carried", "0", "0 − 0", "0 − 0"),
    ])
    assert (r.tax_due, r.credit_carried) == (D("40000"), 0)


def test_bonded_materials_and_a_credit_beyond_the_ceiling_explained():
    r = month("2017-08-01", dict(fob="2000000", levy_rate="17%", rebate_rate="13%", bonded_materials="1000000"),
              output="170000", input_tax="340000", opening="60000")
    assert r.branch == "credit_exceeds"
    check(r, [
        ("fob_cny", "2000000"),
        ("materials", "1000000"),
        ("non_creditable_gross", "80000.00", "2000000 × (17% − 13%)", "2000000 × (17% − 13%)"),
        ("non_creditable_reduction", "40000.00", "1000000 × (17% − 13%)", "1000000 × (17% − 13%)"),
        ("non_creditable", "40000.00", "80000.00 − 40000.00", "80000.00 − 40000.00"),
        ("tax_payable", "-190000.00", "170000 − (340000 − 40000.00) − 60000", "170000 − (340000 − 40000.00) − 60000"),
        ("end_credit", "190000.00", "max(0, −(-190000.00))", "max(0, −(-190000.00))"),
        ("exempt_credit_refund_gross", "260000.00", "2000000 × 13%", "2000000 × 13%"),
        ("exempt_credit_refund_reduction", "130000.00", "1000000 × 13%", "1000000 × 13%"),
        ("exempt_credit_refund", "130000.00", "260000.00 − 130000.00", "260000.00 − 130000.00"),
        ("refund", "130000.00", "ceiling 130000.00", "免抵退税额 130000.00"),
        ("exempt_credit", "0", "0", "0"),
        ("credit_carried", "60000.00", "190000.00 − 130000.00", "190000.00 − 130000.00"),
    ])
    # domestic duty-free materials and bonded imports count alike, and add up
    split = month("2017-08-01", dict(fob="2000000", levy_rate="17%", rebate_rate="13%", bonded_materials="600000",
                                     exempt_materials="400000"),
                  output="170000", input_tax="340000", opening="60000")
    assert [s.as_dict() for s in split.steps] == [s.as_dict() for s in r.steps]


def test_levy_below_rebate_2019_counts_as_zero_citing_announcement_39():
    r = month("2019-05-01", dict(fob="100000", levy_rate="13%", rebate_rate="16%"), input_tax="20000")
    check(r, [
        ("negative_gap", "0"),
        ("fob_cny", "100000"),
        ("materials", "0"),
        ("non_creditable_gross", "0.00", "100000 × max(0, 13% − 16%)", "100000 × max(0, 13% − 16%)"),
        ("non_creditable_reduction", "0.00", "0 × max(0, 13% − 16%)", "0 × max(0, 13% − 16%)"),
        ("non_creditable", "0.00", "0.00 − 0.00", "0.00 − 0.00"),
        ("tax_payable", "-20000.00", "0 − (20000 − 0.00) − 0", "0 − (20000 − 0.00) − 0"),
        ("end_credit", "20000.00", "max(0, −(-20000.00))", "max(0, −(-20000.00))"),
        ("exempt_credit_refund_gross", "16000.00", "100000 × 16%", "100000 × 16%"),
        ("exempt_credit_refund_reduction", "0.00", "0 × 16%", "0 × 16%"),
        ("exempt_credit_refund", "16000.00", "16000.00 − 0.00", "16000.00 − 0.00"),
        ("refund", "16000.00", "ceiling 16000.00", "免抵退税额 16000.00"),
        ("exempt_credit", "0", "0", "0"),
        ("credit_carried", "4000.00", "20000.00 − 16000.00", "20000.00 − 16000.00"),
    ], negative_cites=("财政部 税务总局 海关总署公告2019年第39号 第三条第二款",))
    # on 2019-03-31 the 2018 text still governs
    r = month("2019-03-01", dict(fob="100000", levy_rate="13%", rebate_rate="16%"), input_tax="20000")
    assert [c.doc for c in r.steps[0].cite] == ["财税〔2018〕32号", "taxcalc"]


def test_equal_rates_are_not_a_negative_difference():
    r = month("2019-05-01", dict(fob="100000", levy_rate="13%", rebate_rate="13%"))
    assert "negative_gap" not in [s.name for s in r.steps]
    assert r.steps[2].formula == "100000 × (13% − 13%)"


def test_two_lines_in_foreign_currency_2018_negative_difference():
    # by hand: line 1 1000.05 × 6.5 = 6500.325 → 6500.33, gap 6%, materials 100;
    # line 2 2000 yuan, gap max(0, 10% − 16%) = 0, bonded 500.50.
    # 不得免征 6500.33 × 6% = 390.0198 → 390.02, 抵减额 100 × 6% = 6.00;
    # 应纳 100 − (5000 − 384.02) − 1.23 = −4517.21; 免抵退 650.033 + 320 → 970.03,
    # 抵减额 10 + 80.08 = 90.08, so 879.95; 留抵 4517.21 > 879.95: 退 879.95, 结转 3637.26
    r = month("2018-06-01",
              dict(fob="1000.05", exchange_rate="6.5", levy_rate="16%", rebate_rate="10%", exempt_materials="100.00"),
              dict(fob="2000", levy_rate="10%", rebate_rate="16%", bonded_materials="500.50"),
              output="100", input_tax="5000", opening="1.23")
    check(r, [
        ("fob_cny[0]", "6500.33", "1000.05 × 6.5 (levy 16%, rebate 10%)", "1000.05 × 6.5（征16% 退10%）"),
        ("fob_cny[1]", "2000", "2000 × 1 (levy 10%, rebate 16%)", "2000 × 1（征10% 退16%）"),
        ("negative_gap", "0"),
        ("fob_cny", "8500.33"),
        ("materials", "600.50"),
        ("non_creditable_gross", "390.02", "Σ FOB × (levy rate − rebate rate)", "Σ 离岸价 × (征税率 − 退税率)"),
        ("non_creditable_reduction", "6.00", "Σ duty-free materials × (levy rate − rebate rate)",
         "Σ 免税购进原材料价格 × (征税率 − 退税率)"),
        ("non_creditable", "384.02", "390.02 − 6.00", "390.02 − 6.00"),
        ("tax_payable", "-4517.21", "100 − (5000 − 384.02) − 1.23", "100 − (5000 − 384.02) − 1.23"),
        ("end_credit", "4517.21", "max(0, −(-4517.21))", "max(0, −(-4517.21))"),
        ("exempt_credit_refund_gross", "970.03", "Σ FOB × rebate rate", "Σ 离岸价 × 退税率"),
        ("exempt_credit_refund_reduction", "90.08", "Σ duty-free materials × rebate rate",
         "Σ 免税购进原材料价格 × 退税率"),
        ("exempt_credit_refund", "879.95", "970.03 − 90.08", "970.03 − 90.08"),
        ("refund", "879.95", "ceiling 879.95", "免抵退税额 879.95"),
        ("exempt_credit", "0", "0", "0"),
        ("credit_carried", "3637.26", "4517.21 − 879.95", "4517.21 − 879.95"),
    ], negative_cites=("财税〔2018〕32号 第五条", "taxcalc choice: the 2018 text is silent; treated as in 2019年第39号"))


def test_one_line_in_foreign_currency_shows_its_conversion():
    r = month("2018-06-01", dict(fob="1000.05", exchange_rate="6.5", levy_rate="16%", rebate_rate="10%",
                                 exempt_materials="1000.00"), input_tax="1000")
    check(r, [
        ("fob_cny[0]", "6500.33", "1000.05 × 6.5 (levy 16%, rebate 10%)", "1000.05 × 6.5（征16% 退10%）"),
        ("fob_cny", "6500.33"),
        ("materials", "1000.00"),
        ("non_creditable_gross", "390.02", "6500.33 × (16% − 10%)", "6500.33 × (16% − 10%)"),
        ("non_creditable_reduction", "60.00", "1000.00 × (16% − 10%)", "1000.00 × (16% − 10%)"),
        ("non_creditable", "330.02", "390.02 − 60.00", "390.02 − 60.00"),
        ("tax_payable", "-669.98", "0 − (1000 − 330.02) − 0", "0 − (1000 − 330.02) − 0"),
        ("end_credit", "669.98", "max(0, −(-669.98))", "max(0, −(-669.98))"),
        ("exempt_credit_refund_gross", "650.03", "6500.33 × 10%", "6500.33 × 10%"),
        ("exempt_credit_refund_reduction", "100.00", "1000.00 × 10%", "1000.00 × 10%"),
        ("exempt_credit_refund", "550.03", "650.03 − 100.00", "650.03 − 100.00"),
        ("refund", "550.03", "ceiling 550.03", "免抵退税额 550.03"),
        ("exempt_credit", "0", "0", "0"),
        ("credit_carried", "119.95", "669.98 − 550.03", "669.98 − 550.03"),
    ])
    line = r.steps[0]
    assert line.value == D("6500.33") and ExportLine(fob="1000.05", levy_rate="0", rebate_rate="0",
                                                     exchange_rate="6.5").fob_cny == D("6500.33")


def test_fractional_rates_are_shown_as_written():
    r = month("2017-06-01", dict(fob="1000", levy_rate="0.17", rebate_rate="0.135"))
    assert r.steps[2].formula == "1000 × (17% − 13.5%)"
    assert r.steps[7].formula == "1000 × 13.5%" and r.exempt_credit_refund_gross == D("135.00")


# -- the rates: the 17% cap ---------------------------------------------------------------------------


def test_rates_up_to_17_percent_are_taken():
    r = month("2017-06-01", dict(fob="1000", levy_rate="17%", rebate_rate="17%"), input_tax="500")
    assert (r.non_creditable, r.exempt_credit_refund, r.refund) == (0, D("170.00"), D("170.00"))


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("rebate_rate", "17.01%", "must be between 0 and 0.17 (got 0.1701)"),
    ("levy_rate", "17.5%", "must be between 0 and 0.17 (got 0.175)"),
    ("rebate_rate", "-1%", "must be between 0 and 0.17 (got -0.01)"),
])
def test_a_rate_above_17_percent_or_below_zero_is_refused(field, value, reason):
    line = {"fob": "1", "levy_rate": "13%", "rebate_rate": "13%", field: value}
    with pytest.raises(InvalidInput) as info:
        ExportLine(**line)
    assert (info.value.field, info.value.reason) == (field, reason)


# -- refused inputs: each names its field and says why ---------------------------------------------------

_ONE = {"fob": "1", "levy_rate": "13%", "rebate_rate": "13%"}


@pytest.mark.parametrize(("make", "field", "reason"), [
    (lambda: ExportLine(**{**_ONE, "fob": "1.001"}), "fob", "must be in yuan and fen (at most 2 decimals), got 1.001"),
    (lambda: ExportLine(**{**_ONE, "exchange_rate": "-6.5"}), "exchange_rate", "must be positive (got -6.5)"),
    (lambda: ExportLine(**{**_ONE, "exchange_rate": "0"}), "exchange_rate", "must be positive (got 0)"),
    (lambda: ExportLine(**{**_ONE, "exchange_rate": "abc"}), "exchange_rate", "'abc' is not a number"),
    (lambda: ExportLine(**{**_ONE, "exempt_materials": "0.001"}), "exempt_materials",
     "must be in yuan and fen (at most 2 decimals), got 0.001"),
    (lambda: ExportLine(**{**_ONE, "exempt_materials": "-1"}), "exempt_materials", "must not be negative (got -1)"),
    (lambda: ExportLine(**{**_ONE, "bonded_materials": "-1"}), "bonded_materials", "must not be negative (got -1)"),
    (lambda: ExportLine(**{**_ONE, "bonded_materials": "0.001"}), "bonded_materials",
     "must be in yuan and fen (at most 2 decimals), got 0.001"),
    (lambda: ExportLine(**{**_ONE, "rebate_rate": "x"}), "rebate_rate", "'x' is not a number"),
    (lambda: ExemptCreditRefundInput("2019-08", ExportLine(**_ONE)), "exports", "must be a sequence of export lines"),
    (lambda: ExemptCreditRefundInput("2019-08", _ONE), "exports", "must be a sequence of export lines"),
    (lambda: ExemptCreditRefundInput("2019-08", 5), "exports", "must be a sequence of export lines"),
    (lambda: ExemptCreditRefundInput("2019-08", []), "exports", "at least one export line is needed"),
    (lambda: ExemptCreditRefundInput("2019-08", ["x"]), "exports[0]", "a str is not an export line"),
    (lambda: ExemptCreditRefundInput("2019-08", [ExportLine(**_ONE)], domestic_output_tax="0.001"),
     "domestic_output_tax", "must be in yuan and fen (at most 2 decimals), got 0.001"),
    (lambda: ExemptCreditRefundInput("2019-08", [ExportLine(**_ONE)], input_tax="0.001"),
     "input_tax", "must be in yuan and fen (at most 2 decimals), got 0.001"),
    (lambda: ExemptCreditRefundInput("2019-08", [ExportLine(**_ONE)], opening_credit="0.001"),
     "opening_credit", "must be in yuan and fen (at most 2 decimals), got 0.001"),
    (lambda: ExemptCreditRefundInput("2019-08", [ExportLine(**_ONE)], opening_credit="-1"),
     "opening_credit", "must not be negative (got -1)"),
    (lambda: ExemptCreditRefundInput("2019-08", [ExportLine(**_ONE)], input_tax="x"), "input_tax", "'x' is not a number"),
    (lambda: ExemptCreditRefundInput("2019-08", [ExportLine(**_ONE), ExportLine(
        fob="100", levy_rate="13%", rebate_rate="10%", exempt_materials="60", bonded_materials="40.01")]),
     "exports[1].exempt_materials", "duty-free materials 100.01 exceed the FOB value in yuan 100: 免抵退税额 would be "
     "negative, and how the excess is carried is outside taxcalc's rules"),
    (lambda: exempt_credit_refund("x"), "month", "must be an ExemptCreditRefundInput"),  # type: ignore[arg-type]
])
def test_a_refused_input_names_its_field_and_why(make, field, reason):
    with pytest.raises((InvalidInput, NotMoney)) as info:
        make()
    assert (info.value.field, info.value.reason) == (field, reason)


def test_materials_equal_to_the_fob_value_in_yuan_are_taken():
    line = ExportLine(fob="10", levy_rate="13%", rebate_rate="10%", exchange_rate="7", exempt_materials="70")
    r = exempt_credit_refund(ExemptCreditRefundInput("2019-08", [line]))
    assert (r.non_creditable, r.exempt_credit_refund) == (D("0.00"), D("0.00"))


def test_the_2019_citation_starts_with_the_april_2019_period():
    def cites(period):
        r = month(period, dict(fob="100000", levy_rate="13%", rebate_rate="16%"))
        return [c.doc for c in r.steps[0].cite]

    assert cites("2019-04-01") == cites("2019-04-30") == ["财政部 税务总局 海关总署公告2019年第39号"]
    assert cites("2019-03-31") == ["财税〔2018〕32号", "taxcalc"]

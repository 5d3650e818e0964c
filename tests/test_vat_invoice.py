"""Invoice-line arithmetic: golden lines, the rounding practice, refusals, and properties
(split and recombination, monotonic and never negative tax, round trips)."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from taxcalc.errors import InvalidInput, NotMoney, OutsideCoverage, UnknownCategory
from taxcalc.vat import add_tax, bands, invoice_line, split_gross, vat_rate

P = Decimal
FEN = P("0.01")


@pytest.mark.parametrize(
    ("gross", "band", "on", "net", "tax"),
    [
        ("1160.00", "standard", "2018-06-01", "1000.00", "160.00"),
        ("1170", "standard", "2018-04-30", "1000.00", "170.00"),  # the day before the switch
        ("1160", "standard", "2018-05-01", "1000.00", "160.00"),  # the switch day
        ("1130", "standard", "2019-04-01", "1000.00", "130.00"),
        ("1000", "transport", "2018-06-01", "909.09", "90.91"),  # 1000 ÷ 1.10 = 909.0909…
        ("100", "low_rate_goods", "2019-04-01", "91.74", "8.26"),  # 100 ÷ 1.09 = 91.7431…
        ("1", "standard", "2019-04-01", "0.88", "0.12"),  # 0.8849… rounds down
        ("0.05", "modern_services", "2019-04-01", "0.05", "0.00"),
        ("106.00", "modern_services", "2016-05-01", "100.00", "6.00"),
        ("500", "export", "2019-04-01", "500.00", "0.00"),
        ("0", "standard", "2019-04-01", "0.00", "0.00"),
    ],
)
def test_tax_inclusive_golden_lines(gross, band, on, net, tax):
    line = invoice_line(gross, band, on)
    assert (line.net, line.tax, line.gross) == (P(net), P(tax), P(gross).quantize(FEN))
    assert line.rate == vat_rate(band, on).rate


def test_half_fen_rounds_up():
    # 0.25 × 6% = 0.015 → 0.02 (half up, not half even)
    line = invoice_line("0.25", "modern_services", "2019-04-01", tax_inclusive=False)
    assert line.tax == P("0.02") and line.gross == P("0.27")
    # 0.75 × 6% = 0.045 → 0.05
    assert add_tax("0.75", "6%") == (P("0.05"), P("0.80"))


@pytest.mark.parametrize(
    ("net", "band", "on", "tax", "gross"),
    [
        ("1000", "standard", "2019-04-01", "130.00", "1130.00"),
        ("909.09", "transport", "2018-06-01", "90.91", "1000.00"),
        ("91.74", "low_rate_goods", "2019-04-01", "8.26", "100.00"),
        ("12345.67", "standard", "2018-04-30", "2098.76", "14444.43"),  # 2098.7639
    ],
)
def test_tax_exclusive_golden_lines(net, band, on, tax, gross):
    line = invoice_line(net, band, on, tax_inclusive=False)
    assert (line.net, line.tax, line.gross) == (P(net).quantize(FEN), P(tax), P(gross))


def test_steps_show_the_rate_with_its_citation_and_the_formulas():
    line = invoice_line("1130", "standard", "2019-04-01")
    assert [s.name for s in line.steps] == ["rate", "net", "tax"]
    assert str(line.step("rate").cite[0]) == "财政部 税务总局 海关总署公告2019年第39号 第一条"
    assert line.step("net").formula == "ROUND(gross ÷ (1 + rate), 2)"
    data = line.as_dict()
    assert data["net"] == "1000.00" and data["tax"] == "130.00" and data["band"] == "standard"


def test_float_amount_is_a_type_error():
    with pytest.raises(TypeError, match="amount: a float is not money"):
        invoice_line(1130.0, "standard", "2019-04-01")
    with pytest.raises(NotMoney):
        split_gross(100.0, "13%")
    with pytest.raises(NotMoney):
        split_gross("100", 0.13)


@pytest.mark.parametrize(
    ("amount", "message"),
    [("-1", "must not be negative"), ("1.005", "whole number of fen"), ("abc", "not a number"),
     ("NaN", "not a finite amount"), ("1e20", "too large")],
)
def test_bad_amounts_are_refused_naming_the_field(amount, message):
    with pytest.raises(InvalidInput, match=f"^amount: .*{message}"):
        invoice_line(amount, "standard", "2019-04-01")
    if amount != "abc":  # the same refusal for a Decimal (the fast path falls back to it)
        with pytest.raises(InvalidInput, match=message):
            invoice_line(P(amount), "standard", "2019-04-01")


def test_unknown_band_and_uncovered_day():
    with pytest.raises(UnknownCategory, match="band: unknown value 'luxury'"):
        invoice_line("100", "luxury", "2019-04-01")
    with pytest.raises(OutsideCoverage):
        invoice_line("100", "construction", "2016-04-30")
    with pytest.raises(InvalidInput, match="tax_inclusive"):
        invoice_line("100", "standard", "2019-04-01", tax_inclusive="yes")  # type: ignore[arg-type]


def test_results_ignore_a_hostile_ambient_context():
    cases = [("123456789.99", "standard", "2018-06-01", True), ("98765.43", "transport", "2019-04-01", False)]
    expected = [invoice_line(a, b, d, tax_inclusive=t) for a, b, d, t in cases]
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        got = [invoice_line(a, b, d, tax_inclusive=t) for a, b, d, t in cases]
        assert split_gross("123456789.99", "16%") == (expected[0].net, expected[0].tax)
    assert got == expected


amounts = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False)
days = st.dates(dt.date(2016, 5, 1), dt.date(2030, 12, 31))
band_names = st.sampled_from(bands())


@given(amounts, band_names, days)
def test_split_and_recombination_returns_the_gross(gross, band, day):
    line = invoice_line(gross, band, day)
    assert line.net + line.tax == line.gross == gross
    # the tax is within a fen of net × rate (the invoicing system allows 0.06)
    assert abs(line.tax - line.net * line.rate) <= P("0.01")
    assert line.net >= 0 and line.tax >= 0
    assert line.net == line.net.quantize(FEN) and line.tax == line.tax.quantize(FEN)


@given(amounts, band_names, days)
def test_adding_tax_then_splitting_returns_the_net(net, band, day):
    added = invoice_line(net, band, day, tax_inclusive=False)
    assert added.gross == added.net + added.tax
    split = invoice_line(added.gross, band, day)
    assert (split.net, split.tax) == (added.net, added.tax)


@given(amounts, amounts, band_names, days)
def test_tax_is_monotonic_in_the_amount_and_never_negative(a, b, band, day):
    lo, hi = sorted((a, b))
    for inclusive in (True, False):
        t_lo = invoice_line(lo, band, day, tax_inclusive=inclusive).tax
        t_hi = invoice_line(hi, band, day, tax_inclusive=inclusive).tax
        assert P(0) <= t_lo <= t_hi


@given(amounts, band_names, days)
def test_one_fen_more_never_lowers_the_tax_or_raises_it_by_more_than_a_fen(gross, band, day):
    assume(gross < 10**12)
    t0 = invoice_line(gross, band, day).tax
    t1 = invoice_line(gross + FEN, band, day).tax
    assert t0 <= t1 <= t0 + FEN


@given(amounts, st.sampled_from(["0%", "6%", "9%", "10%", "11%", "13%", "16%", "17%"]))
def test_split_gross_matches_invoice_line_arithmetic(gross, rate):
    net, tax = split_gross(gross, rate)
    assert net + tax == gross
    assert split_gross(net + tax, rate) == (net, tax)  # idempotent
    t2, g2 = add_tax(net, rate)
    assert abs(t2 - tax) <= P("0.01") and g2 == net + t2

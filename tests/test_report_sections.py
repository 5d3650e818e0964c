"""The report's VAT, small-scale and export sections: golden figures of the example
(checked by hand against the formulas), the one computation the VAT and export
sections share, small-scale taxpayers, trading firms, the 2018 refund of excess
credits, errors named by path, JSON totals and 100-column renders."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc.cli import main
from taxcalc.money import ZERO, total
from taxcalc.report import ReportInputError, build_report, example, load, parse_text, render
from taxcalc.report.input import Enterprise, Export, Purchase, ReportInput, Sale, Vat
from taxcalc.report.ledger import Period
from taxcalc.text import display_width

D = Decimal


def facts(text: str, fmt: str = "toml") -> ReportInput:
    return parse_text(textwrap.dedent(text), fmt)


def problem(text: str, **kw: object) -> str:
    with pytest.raises(ReportInputError) as info:
        build_report(facts(text), **kw)  # type: ignore[arg-type]
    assert len(info.value.problems) == 1, info.value.problems
    return str(info.value.problems[0])


def periods(report) -> dict[str, dict[str, object]]:
    table = report.as_dict()["sections"][0]["tables"][-1]
    return {row["period"]: row for row in table["rows"]}


def fits(report) -> None:
    for lang in ("zh", "en"):
        text = render(report, lang)
        assert max(display_width(line) for line in text.splitlines()) <= 100, lang


# -- the example, by hand -----------------------------------------------------------------

EXAMPLE = build_report(example())


def test_example_vat_periods_by_hand():
    rows = periods(EXAMPLE)
    # January: 2,150,000 × 17% − (210,800 + 400,000 × 13%) − the 58,600 carried in from 2017
    assert rows["2018-01"]["output_vat"] == "365500.00" and rows["2018-01"]["input_vat"] == "262800.00"
    assert rows["2018-01"]["opening_credit"] == "58600.00" and rows["2018-01"]["tax_due"] == "44100.00"
    # March: export 380,000 × (17% − 15%) is not credited
    assert rows["2018-03"]["non_creditable"] == "7600.00" and rows["2018-03"]["tax_due"] == "177600.00"
    # July: 420,000 × (16% − 15%) less bonded materials 60,000 × 1%
    assert rows["2018-07"]["non_creditable"] == "3600.00"
    # October: 2,640,000 × 16% − 4,200,000 × 12% = −81,600, carried forward
    assert rows["2018-10"]["tax_due"] == "0.00" and rows["2018-10"]["credit_carried"] == "81600.00"
    # November: 403,200 − (222,400 + 132,000) − 81,600 = −32,800 ≤ 460,000 × 16%: all refunded
    assert rows["2018-11"]["opening_credit"] == "81600.00" and rows["2018-11"]["refund"] == "32800.00"
    assert rows["2018-11"]["credit_carried"] == "0.00"
    # June: 2,460,000 × 16% less the production line's invoice, 1,350,000 × 16%
    assert rows["2018-06"]["input_vat"] == "216000.00" and rows["2018-06"]["tax_due"] == "177600.00"
    lines = {ln.id: ln.amount for ln in EXAMPLE.section("vat").lines}
    assert lines["vat.tax_due"] == D("2381500.00") and lines["vat.export_refund"] == D("32800.00")
    assert lines["vat.input.agricultural"] == D("832000.00") and lines["vat.credit_carried"] == 0


def test_example_agricultural_rates_and_citations():
    table = EXAMPLE.section("vat").tables[1]
    assert table.id == "vat.agricultural"
    jan, *_, nov = table.rows
    assert jan[3:5] == (D("0.13"), D("52000.00")) and str(jan[5][0]) == "财税〔2017〕37号 第二条"
    assert nov[3:5] == (D("0.12"), D("132000.00")) and str(nov[5][0]) == "财税〔2018〕32号 第三条"


def test_example_savings_by_hand():
    got = {s.policy: (s.amount, [str(c) for c in s.cite]) for s in EXAMPLE.savings}
    # sales May–Dec 20,560,000 × 1% less invoices May–Dec 6,770,000 × 1%
    assert got["vat.rate_cut.standard"] == (D("137900.00"), ["财税〔2018〕32号 第一条"])
    # walnuts 6,900,000 × 2 points (13% v 11% in January, 12% v 10% from May)
    assert got["vat.agri.top_rate_goods"] == (D("138000.00"), ["财税〔2017〕37号 第二条", "财税〔2018〕32号 第三条"])
    # walnuts Sep–Nov 6,500,000 × (13% − 12%), a cost
    assert got["vat.agri.deduction_cut.top_rate_goods"] == (D("-65000.00"), ["财税〔2018〕32号 第三条"])
    assert EXAMPLE.savings_by_tax[0] == ("vat", D("210900.00"))
    assert EXAMPLE.total_saving == D("210900.00") + D("642058.33")
    assert all(s.status == "computed" for s in EXAMPLE.sections)


def test_example_export_rates():
    rows = EXAMPLE.section("export").tables[0].rows
    march, july, nov = rows
    assert march[3:5] == (D("0.17"), D("0.15"))  # catalogue row as written, before 2018-05-01
    assert july[3:5] == (D("0.16"), D("0.15"))  # a 15% rate is not cut by 32号 第四条
    assert nov[3:5] == (D("0.16"), D("0.16"))  # 15% → 16% by 123号 第三条
    assert "财税〔2018〕123号 第三条" in [str(c) for c in nov[6]]
    notes = " ".join(en for _, en in EXAMPLE.section("export").notes)
    assert "before 2018-05-01 the rebate rate is the catalogue row as written" in notes
    assert "SAMPLE catalogue" in notes


def test_vat_and_export_sections_show_the_same_figures():
    vat = periods(EXAMPLE)
    export = {r["period"]: r for r in EXAMPLE.as_dict()["sections"][3]["tables"][1]["rows"]}
    assert set(export) == {"2018-03", "2018-07", "2018-11"}
    for month, row in export.items():
        for col in ("non_creditable", "refund", "credit_carried"):
            assert row[col] == vat[month][col], (month, col)
    ceilings = {m: D(r["exempt_credit_refund"]) for m, r in export.items()}
    assert ceilings == {"2018-03": D("57000.00"), "2018-07": D("54000.00"), "2018-11": D("73600.00")}
    assert export["2018-11"]["exempt_credit"] == "40800.00"
    (refund,) = EXAMPLE.refunds
    assert refund.policy == "export.exempt_credit_refund" and refund.amount == D("32800.00")
    assert str(refund.cite[0]) == "财税〔2012〕39号 第五条第（一）项"


def test_example_small_scale_status():
    lines = {ln.id: ln for ln in EXAMPLE.section("small_scale").lines}
    assert lines["small_scale.sales"].amount == D("30380000.00")  # 29,120,000 + exports 1,260,000
    assert lines["small_scale.standard.start"].amount == D("500000")
    assert lines["small_scale.standard"].amount == D("5000000")
    assert lines["small_scale.must_register"].value_en == "above the standard: must be a general taxpayer"
    assert EXAMPLE.section("small_scale").status == "computed"


# -- the shared computation ------------------------------------------------------------------

money_st = st.integers(min_value=0, max_value=10**9).map(lambda f: Decimal(f).scaleb(-2))
rate_st = st.sampled_from([D("0.05"), D("0.09"), D("0.13"), D("0.15"), D("0.16"), D("0.17")])


@settings(max_examples=40)
@given(
    st.lists(st.tuples(st.integers(1, 12), money_st), max_size=6, unique_by=lambda t: t[0]),
    st.lists(st.tuples(st.integers(1, 12), money_st, money_st), max_size=6),
    st.lists(st.tuples(st.integers(1, 12), money_st.filter(bool), rate_st, st.booleans()), max_size=4),
    money_st,
    st.sampled_from(["month", "quarter"]),
)
def test_the_year_adds_up(sales, buys, exports, opening, period):
    """Σ tax due − Σ refunds − credit at the end + credit at the start = output − input + not credited."""
    x = ReportInput(
        2019, Enterprise("x", vat_period=period, exporter="manufacturer"),
        sales=tuple(Sale(dt.date(2019, m, 1), a) for m, a in sales),
        purchases=tuple(Purchase(dt.date(2019, m, 1), "invoice", a, v) for m, a, v in buys),
        exports=tuple(Export(dt.date(2019, m, 15), fob, rebate_rate=r, bonded_materials=fob if b else ZERO)
                      for m, fob, r, b in exports),
        vat=Vat(opening),
    )
    report = build_report(x)
    from taxcalc.law import default
    from taxcalc.report.ledger import build_ledger

    ps: tuple[Period, ...] = build_ledger(x, default()).periods
    if not ps:
        assert not sales and not buys and not exports and opening == 0
        return
    left = total(p.tax_due for p in ps) - total(p.refund for p in ps) - ps[-1].credit_carried + opening
    right = total(p.output for p in ps) - total(p.input_tax for p in ps) + total(p.non_creditable for p in ps)
    assert left == right
    for p in ps:
        assert p.refund >= 0 and p.credit_carried >= 0 and p.tax_due >= 0
        assert p.exports is None or p.refund <= p.exports.exempt_credit_refund
    data = json.loads(json.dumps(report.as_dict()))
    assert sum((D(s["amount"]) for s in data["savings"]), D(0)) == D(data["total_saving"])
    assert sum((D(r["amount"]) for r in data["refunds"]), D(0)) == D(data["total_refund"])
    fits(report)


# -- small-scale taxpayers ------------------------------------------------------------------

SMALL = """\
format = 1
year = {year}
[enterprise]
name = "小店"
industry = "F52"
vat_taxpayer = "small_scale"
vat_period = "{period}"
"""


def small(year: int, rows: str, period: str = "month") -> ReportInput:
    return facts(SMALL.format(year=year, period=period) + textwrap.dedent(rows))


def savings(report) -> dict[str, Decimal]:
    return {s.policy: s.amount for s in report.savings}


def test_small_scale_2018_tests_goods_and_services_apart():
    report = build_report(small(2018, """\
        [[sales]]
        month = "2018-01"
        amount = "30000"
        [[sales]]
        month = "2018-01"
        kind = "services"
        band = "modern_services"
        amount = "30000.01"
        """))
    (row,) = report.section("small_scale").tables[0].rows
    # goods 30,000 at the 3万 limit (inclusive) exempt; services one fen over: all taxed at 3%
    assert row[1:7] == (D("60000.01"), D("30000"), D("30000"), D("30000.01"), D("0.03"), D("900.00"))
    assert savings(report) == {"vat.small_scale.exemption": D("900.00")}
    assert str(report.savings[0].cite[0]) == "国家税务总局公告2017年第52号 正文"
    assert report.section("vat").status == "not_applicable"
    fits(report)


@pytest.mark.parametrize(("amount", "tax", "saved"), [("100000", "0.00", "3000.00"), ("100000.01", "3000.00", None)])
def test_small_scale_2019_threshold_exactly_and_one_fen_over(amount, tax, saved):
    report = build_report(small(2019, f'[[sales]]\nmonth = "2019-06"\namount = "{amount}"\n'))
    assert report.section("small_scale").tables[0].rows[0][6] == D(tax)
    assert savings(report).get("vat.small_scale.exemption") == (D(saved) if saved else None)


def test_small_scale_reduced_rate_of_2023():
    report = build_report(small(2023, '[[sales]]\nmonth = "2023-03"\namount = "200000"\n'))
    # 200,000 × 1% due; at the 3% collection rate it would be 6,000
    assert report.section("small_scale").tables[0].rows[0][6] == D("2000.00")
    assert savings(report) == {"vat.small_scale.reduced_rate": D("4000.00")}
    assert "财政部 税务总局公告2023年第1号" in report.savings[0].cite[0].doc


def test_small_scale_quarterly_2022_exempt_over_the_threshold():
    rows = "".join(f'[[sales]]\nmonth = "2022-{m:02d}"\namount = "200000"\n' for m in (4, 5, 6))
    report = build_report(small(2022, rows, "quarter"))
    (row,) = report.section("small_scale").tables[0].rows
    assert row[0] == "2022-Q2" and row[6] == D("0.00")
    # over 45万, but 3% sales were exempt altogether (2022年第15号 第一条): 600,000 × 3%
    assert savings(report) == {"vat.small_scale.reduced_rate": D("18000.00")}
    fits(report)


def test_small_scale_quarter_with_a_change_inside_names_the_period_field():
    rows = '[[sales]]\nmonth = "2020-02"\namount = "400000"\n'
    with pytest.raises(ReportInputError, match=r"enterprise.vat_period: vat.small_scale.levy_rate changes inside"):
        build_report(small(2020, rows, "quarter"))


def test_small_scale_above_the_standard_must_register():
    rows = "".join(f'[[sales]]\nmonth = "2019-{m:02d}"\namount = "500000"\n' for m in range(1, 12))
    report = build_report(small(2019, rows))
    line = {ln.id: ln for ln in report.section("small_scale").lines}["small_scale.must_register"]
    assert line.value_en == "above the standard: must register as a general taxpayer"


def test_small_scale_sales_of_immovable_property_are_noted_not_computed():
    report = build_report(small(2019, '[[sales]]\nmonth = "2019-06"\namount = "150000"\nband = "real_estate"\n'
                                      'kind = "services"\n'))
    notes = " ".join(en for _, en in report.section("small_scale").notes)
    assert "150,000.00 are taxed at 5% outside these rules" in notes


# -- a trading firm --------------------------------------------------------------------------

TRADER = """\
format = 1
year = 2018
catalogue = "sample"
[enterprise]
name = "外贸公司"
industry = "F51"
exporter = "trader"
[[exports]]
date = 2018-06-10
hs_code = "9901000010"
fob = "150000"
purchase_amount = "100000"
purchase_vat_rate = "17%"
[[exports]]
date = 2018-06-10
hs_code = "9901000010"
fob = "150000"
purchase_amount = "100000"
purchase_vat_rate = "16%"
[[exports]]
date = 2018-08-10
rebate_rate = "13%"
fob = "50000"
purchase_amount = "40000"
purchase_vat_rate = "3%"
"""


def test_trader_refund_per_purchase_line():
    report = build_report(facts(TRADER))
    table = report.section("export").tables[1]
    # in the transition a purchase at the old 17% keeps 17%; at 16% it gets 16%;
    # a 13% rate on goods bought at 3% is capped at 3% (孰低)
    assert [(r[4], r[5]) for r in table.rows] == [
        (D("0.17"), D("17000.00")), (D("0.16"), D("16000.00")), (D("0.03"), D("1200.00"))]
    (refund,) = report.refunds
    assert refund.policy == "export.exempt_refund" and refund.amount == D("34200.00")
    assert str(refund.cite[0]) == "财税〔2012〕39号 第五条第（二）项"
    assert report.section("vat").status == "not_applicable"  # no domestic sales or purchases
    fits(report)


# -- the 2018 refund of excess credits ------------------------------------------------------

EXCESS = """\
format = 1
year = 2018
[enterprise]
name = "设备公司"
industry = "C35"
registered = 2010-03-01
[vat]
opening_credit = "500000"
[[sales]]
month = "2018-05"
amount = "1000000"
[[purchases]]
month = "2018-05"
kind = "invoice"
amount = "2000000"
vat = "320000"
[excess_credit_refund_2018]
applied_on = 2018-07-20
industry = "{industry}"
credit_rating = "A"
listed_input_tax = "8000000"
total_input_tax = "10000000"
"""


def test_excess_credit_refund_2018_by_hand():
    report = build_report(facts(EXCESS.format(industry="专用设备制造业")))
    rows = periods(report)
    # credit at the end of June 500,000 + (320,000 − 160,000) = 660,000; × 80% = 528,000, capped at 500,000
    assert rows["2018-06"]["credit_carried"] == "660000.00"
    assert rows["2018-07"]["credit_refund"] == "500000.00" and rows["2018-07"]["credit_carried"] == "160000.00"
    lines = {ln.id: ln.amount for ln in report.section("vat").lines}
    assert lines["vat.excess_credit_2018.refundable"] == D("528000.00")
    assert lines["vat.excess_credit_2018.refund"] == D("500000.00")
    (refund,) = report.refunds
    assert refund.policy == "vat.excess_credit_refund_2018" and "upper bound" in refund.note_en
    assert report.total_refund == D("500000.00")
    fits(report)


def test_excess_credit_refund_2018_industry_not_listed():
    report = build_report(facts(EXCESS.format(industry="食品制造业")))
    assert report.refunds == ()
    line = {ln.id: ln for ln in report.section("vat").lines}["vat.excess_credit_2018.eligible"]
    assert line.value_en.startswith("no: industry '食品制造业' is not one of the 18 divisions")
    assert periods(report)["2018-07"]["credit_carried"] == "660000.00"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("year = 2018", "year = 2019"), "excess_credit_refund_2018: the refund of 财税〔2018〕70号 was made in 2018 only"),
        (("registered = 2010-03-01\n", ""), "enterprise.registered: missing: needed for excess_credit_refund_2018"),
        (("applied_on = 2018-07-20", "applied_on = 2018-10-08"),
         "excess_credit_refund_2018.applied_on: vat.excess_credit_refund_2018.industries on 2018-10-08: not in force"),
        (('industry = "专用设备制造业"\n', ""), "excess_credit_refund_2018.industry: missing (required unless grid_company"),
        (('credit_rating = "A"', 'credit_rating = "E"'), "excess_credit_refund_2018.credit_rating: unknown value 'E'"),
        (('credit_rating = "A"', 'credit_rating = "A"\ngrid_company = "yes"'),
         "excess_credit_refund_2018.grid_company: must be true or false"),
        (('listed_input_tax = "8000000"', 'listed_input_tax = "12000000"'),
         "excess_credit_refund_2018.listed_input_tax: 12000000 exceeds total_input_tax"),
    ],
)
def test_excess_credit_refund_2018_errors_name_the_field(change, message):
    text = EXCESS.format(industry="专用设备制造业").replace(*change)
    if "2019" in change[1]:
        text = text.replace("2018-05", "2019-05").replace("2018-07-20", "2019-07-20")
    with pytest.raises(ReportInputError) as info:
        build_report(facts(text))
    assert any(message in str(p) for p in info.value.problems), info.value.problems


# -- errors by path ----------------------------------------------------------------------------

MAKER = """\
format = 1
year = 2018
{catalogue}
[enterprise]
name = "x"
exporter = "manufacturer"
[[exports]]
date = 2018-07-18
fob = "1000"
{export}
"""


def maker(export: str = 'hs_code = "9901000020"', catalogue: str = 'catalogue = "sample"') -> str:
    return MAKER.format(catalogue=catalogue, export=export)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (maker(catalogue=""), 'catalogue: missing: exports[0] gives hs_code 9901000020 without rebate_rate'),
        (maker('hs_code = "1234567890"'), "exports[0].hs_code: 1234567890 is not in the catalogue taxcalc SAMPLE"),
        (maker('hs_code = "9901000020"\nband = "low_rate_goods"'),
         "exports[0].band: the rate of band 'low_rate_goods' on 2018-07-18 is 10%, but the catalogue gives "
         "9901000020 a levy rate of 16%"),
    ],
)
def test_export_problems_found_with_the_catalogue_name_the_field(text, message):
    assert message in problem(text)


def test_an_unknown_code_before_2018_05_names_the_field():
    text = maker('hs_code = "1234567890"').replace("2018-07-18", "2018-03-20")
    assert problem(text).startswith("exports[0].hs_code: 1234567890 is not in the catalogue")
    text = maker('hs_code = "9901000030"').replace("2018-07-18", "2017-03-20").replace("year = 2018", "year = 2017")
    assert "exports[0].hs_code: no row of the catalogue" in problem(text)


def test_a_trader_in_the_transition_needs_the_purchase_rate_named_by_path():
    text = maker('hs_code = "9901000010"\npurchase_amount = "1000"\npurchase_vat_rate = "16%"').replace(
        '"manufacturer"', '"trader"')
    report = build_report(facts(text))
    assert report.refunds[0].amount == D("160.00")


@pytest.mark.parametrize(
    ("export", "message"),
    [
        ('rebate_rate = "20%"', "exports[0].rebate_rate: 20% is above 17%"),
        ('rebate_rate = "13%"\nhs_code = "9901000020"', "exports[0].rebate_rate: give either hs_code"),
        ('rebate_rate = "13%"\nbonded_materials = "1000.01"', "exports[0].bonded_materials: duty-free materials 1000.01 exceed"),
        ('rebate_rate = "13%"\npurchase_amount = "10"', "exports[0].purchase_amount: only for a trader"),
        ('rebate_rate = "13%"\nbasis = "customs"', "exports[0].basis: only for a trader"),
        ('rebate_rate = "13%"\nband = "export"', "exports[0].band: the levy rate is the goods' domestic VAT rate"),
    ],
)
def test_export_fields_are_checked_on_reading(export, message):
    with pytest.raises(ReportInputError) as info:
        parse_text(maker(export), "toml")
    assert any(message in str(p) for p in info.value.problems), info.value.problems


def test_a_trader_must_give_its_purchase():
    text = maker('rebate_rate = "13%"').replace('"manufacturer"', '"trader"')
    with pytest.raises(ReportInputError) as info:
        parse_text(text, "toml")
    assert [str(p) for p in info.value.problems] == [
        "exports[0].purchase_amount: missing (required for a trader, whose refund rests on its purchase)",
        "exports[0].purchase_vat_rate: missing (required for a trader, whose refund rests on its purchase)",
    ]


def test_a_catalogue_path_is_read_relative_to_the_input_file(tmp_path, monkeypatch):
    (tmp_path / "rates.csv").write_text(
        "code,rate,levy,first,last,citation\n9901000020,13%,16%,2018-05-01,2018-12-31,my library 2018B\n", "utf-8")
    (tmp_path / "facts.toml").write_text(maker(catalogue='catalogue = "rates.csv"'), "utf-8")
    monkeypatch.chdir("/")
    report = build_report(load(tmp_path / "facts.toml"))
    (row,) = report.section("export").tables[0].rows
    assert row[4] == D("0.13") and "my library 2018B" in str(row[6][0])


def test_catalogue_file_problems_name_the_field(tmp_path):
    (tmp_path / "facts.toml").write_text(maker(catalogue='catalogue = "nope.csv"'), "utf-8")
    with pytest.raises(ReportInputError, match=r"catalogue: no such file: .*nope\.csv"):
        build_report(load(tmp_path / "facts.toml"))
    (tmp_path / "bad.csv").write_text("code,rate,first,last,citation\n9901000020,30%,2018-01-01,open,x\n", "utf-8")
    (tmp_path / "facts.toml").write_text(maker(catalogue='catalogue = "bad.csv"'), "utf-8")
    with pytest.raises(ReportInputError, match=r"^1 problem in the report input:\ncatalogue: .*bad\.csv: row 1 "
                                               r"\(line 2\), field 'rate'"):
        build_report(load(tmp_path / "facts.toml"))


def test_command_line_catalogue(capsys, tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text(maker(catalogue=""), "utf-8")
    assert main(["report", str(path), "--catalogue", "sample", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sections"][3]["tables"][0]["rows"][0]["rebate_rate"] == "0.15"
    assert main(["report", str(path), "--catalogue", str(tmp_path / "none.csv")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--catalogue: no such file" in err and "Traceback" not in err


def test_the_example_can_take_another_catalogue(tmp_path):
    (tmp_path / "rates.toml").write_text(textwrap.dedent("""\
        [[row]]
        code = "9901000020"
        rate = "13%"
        levy = "17%"
        first = 2018-01-01
        last = 2018-04-30
        citation = "test"
        """), "utf-8")
    report = build_report(example(), catalogue=tmp_path / "rates.toml")
    assert [r[4] for r in report.section("export").tables[0].rows] == [D("0.13")] * 3
    (tmp_path / "other.toml").write_text(textwrap.dedent("""\
        [[row]]
        code = "9901000010"
        rate = "13%"
        first = 2018-01-01
        last = "open"
        citation = "test"
        """), "utf-8")
    with pytest.raises(ReportInputError, match=r"exports\[0\]\.hs_code: 9901000020 is not in the catalogue"):
        build_report(example(), catalogue=tmp_path / "other.toml")


# -- renders -----------------------------------------------------------------------------------

wide = st.integers(min_value=1, max_value=10**15).map(lambda f: Decimal(f).scaleb(-2))


@settings(max_examples=25)
@given(st.lists(st.tuples(st.integers(1, 12), wide), min_size=1, max_size=4, unique_by=lambda t: t[0]),
       st.lists(st.tuples(st.integers(1, 12), wide, st.sampled_from([D("0.09"), D("0.13")])), max_size=3),
       wide)
def test_wide_tables_split_to_fit_100_columns(sales, exports, opening):
    x = ReportInput(
        2019, Enterprise("一家名字很长的企业" * 3, exporter="manufacturer"),
        sales=tuple(Sale(dt.date(2019, m, 1), a) for m, a in sales),
        exports=tuple(Export(dt.date(2019, m, 2), fob, rebate_rate=r) for m, fob, r in exports),
        vat=Vat(opening),
    )
    fits(build_report(x))


@pytest.mark.parametrize("text", [
    TRADER,
    EXCESS.format(industry="专用设备制造业"),
    SMALL.format(year=2023, period="month") + '[[sales]]\nmonth = "2023-03"\namount = "200000.01"\n',
])
def test_new_sections_ignore_a_hostile_decimal_context(text):
    import decimal

    expected = build_report(facts(text)).as_dict()
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        ctx.traps[decimal.Inexact] = True
        got = build_report(facts(text)).as_dict()
    assert got == expected


def test_rate_cut_counts_import_vouchers_and_purchase_only_bands():
    report = build_report(facts("""\
        format = 1
        year = 2019
        [enterprise]
        name = "x"
        [[sales]]
        month = "2019-04"
        amount = "100000"
        [[purchases]]
        month = "2019-04"
        kind = "customs"
        band = "standard"
        amount = "50000"
        vat = "6500"
        [[purchases]]
        month = "2019-05"
        kind = "invoice"
        band = "low_rate_goods"
        amount = "10000"
        vat = "900"
        """))
    got = {s.policy: s.amount for s in report.savings}
    # 100,000 × 3 points less the import VAT of 50,000 × 3 points no longer credited
    assert got["vat.rate_cut.standard"] == D("1500.00")
    # a band only bought: 10,000 × (10% − 9%) of input VAT lost
    assert got["vat.rate_cut.low_rate_goods"] == D("-100.00")


def test_known_on_before_the_rate_rules_uses_the_catalogue_row_in_force_then():
    # As known on 2017-12-31 no rule of the data had changed the rebate rate: the row in force
    # then (15%, levy 17%) is used for every export, and the report says so.
    report = build_report(example(), known_on="2017-12-31")
    rows = report.section("export").tables[0].rows
    assert [(r[3], r[4]) for r in rows] == [(D("0.17"), D("0.15"))] * 3
    notes = " ".join(en for _, en in report.section("export").notes)
    assert "as known on 2017-12-31 no rule of taxcalc's data had changed the rate" in notes
    # November: 428,400 − 365,400 + 460,000 × (17% − 15%) not credited − October's credit 97,200 = −25,000
    assert periods(report)["2018-11"]["refund"] == "25000.00"
    fits(report)


def test_the_vat_periods_are_the_period_tax_rule_with_its_citations():
    from taxcalc.explain import Citation
    from taxcalc.law import default
    from taxcalc.report.context import resolve_catalogue
    from taxcalc.report.ledger import build_ledger
    from taxcalc.vat import period_tax

    facts = example()
    ledger = build_ledger(facts, default(), resolve_catalogue(facts))
    regs = Citation("国务院令第538号", "第四条")
    plain = [p for p in ledger.periods if p.exports is None]
    assert plain and all(p.tax is not None for p in plain)
    for p in plain:
        assert p.tax == period_tax(p.start, p.output, p.input_tax, p.opening_credit)
        assert p.tax_cite == (regs,) and p.credit_cite == (regs,)
    lines = {ln.id: ln for s in build_report(facts).sections for ln in s.lines}
    assert lines["vat.tax_due"].cite[0] == regs
    assert lines["vat.credit_carried"].cite == ledger.periods[-1].credit_cite


def test_the_report_is_a_pipeline(monkeypatch):
    # build_report computes the ledger once and hands it to every section with the facts and the law.
    import taxcalc.report.build as build
    from taxcalc.report.sections import BUILDERS

    calls: list[object] = []
    real = build.build_ledger

    def counted(*args: object, **kw: object):
        calls.append(args)
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "build_ledger", counted)
    seen: list[tuple[str, object]] = []
    wrapped = tuple(
        (name, (lambda f, law, ledger, _b=b, _n=name: (seen.append((_n, ledger)), _b(f, law, ledger))[1]))
        for name, b in BUILDERS
    )
    monkeypatch.setattr(build, "BUILDERS", wrapped)
    facts = example()
    report = build.build_report(facts)
    assert len(calls) == 1 and calls[0][0] is facts
    assert [n for n, _ in seen] == ["vat", "small_scale", "eit", "export"]
    assert len({id(ledger) for _, ledger in seen}) == 1
    assert [s.id for s in report.sections] == ["vat", "small_scale", "eit", "export"]


def test_every_computed_vat_figure_carries_its_citation():
    from taxcalc.explain import Citation

    lines = {ln.id: ln for s in build_report(example()).sections for ln in s.lines}
    assert lines["vat.output"].cite == (Citation("国务院令第538号", "第二条第（一）项"), Citation("财税〔2018〕32号", "第一条"))
    assert lines["vat.input.agricultural"].cite == (Citation("财税〔2017〕37号", "第二条"),
                                                    Citation("财税〔2018〕32号", "第三条"))
    small = parse_text(textwrap.dedent("""
        format = 1
        year = 2019
        [enterprise]
        name = "shop"
        vat_taxpayer = "small_scale"
        [[sales]]
        month = "2019-01"
        amount = "120000"
    """), "toml")
    lines = {ln.id: ln for s in build_report(small).sections for ln in s.lines}
    assert lines["small_scale.tax_due"].amount == D("3600.00")
    assert Citation("国务院令第538号", "第十二条") in lines["small_scale.tax_due"].cite


def test_small_scale_2026_year_under_the_start_point():
    rows = "".join(f'[[sales]]\nmonth = "2026-{m:02d}"\namount = "{a}"\n'
                   for m, a in ((1, "100000"), (2, "99999.99"), (12, "150000")))
    report = build_report(small(2026, rows))
    jan, feb, dec = report.section("small_scale").tables[0].rows
    # the 起征点 is strict: 10万 exactly is taxed in full at 1%, one fen below is exempt
    assert jan[1:7] == (D("100000"), D("100000"), D("0"), D("100000"), D("0.01"), D("1000.00"))
    assert feb[1:7] == (D("99999.99"), D("100000"), D("99999.99"), D("0"), D("0.01"), D("0.00"))
    assert dec[6] == D("1500.00")
    assert [str(c) for c in jan[7]] == ["财政部 税务总局公告2026年第10号 第一条", "财政部 税务总局公告2026年第10号 第三条"]
    lines = {ln.id: ln for ln in report.section("small_scale").lines}
    assert lines["small_scale.tax_due"].amount == D("2500.00")
    assert savings(report) == {"vat.small_scale.exemption": D("1000.00"), "vat.small_scale.reduced_rate": D("5000.00")}
    fits(report)


def test_small_scale_2026_quarter_at_the_start_point():
    rows = "".join(f'[[sales]]\nmonth = "2026-{m:02d}"\namount = "100000"\n' for m in (4, 5, 6))
    (row,) = build_report(small(2026, rows, "quarter")).section("small_scale").tables[0].rows
    assert (row[0], row[2], row[3], row[6]) == ("2026-Q2", D("300000"), D("0"), D("3000.00"))
    rows = rows.replace('"100000"\n', '"99999.99"\n', 1)
    (row,) = build_report(small(2026, rows, "quarter")).section("small_scale").tables[0].rows
    assert (row[3], row[6]) == (D("299999.99"), D("0.00"))


def test_small_scale_2026_immovable_property_and_land_use_rights_are_outside_the_1_percent():
    rows = ('[[sales]]\nmonth = "2026-06"\namount = "150000"\nband = "real_estate_leasing"\nkind = "services"\n'
            '[[sales]]\nmonth = "2026-06"\namount = "50000"\n')
    report = build_report(small(2026, rows))
    (row,) = report.section("small_scale").tables[0].rows
    # all sales together reach the 起征点: the 50,000 at 1%; the leasing is not taxed at 1%
    assert (row[1], row[4], row[6]) == (D("200000"), D("50000"), D("500.00"))
    notes = " ".join(en for _, en in report.section("small_scale").notes)
    assert "land-use rights of 150,000.00 are outside the 1% and the law data hold no rate for them" in notes
    assert "5%" not in notes
    # in 2025 the leasing band stays with the other sales, as before
    rows = rows.replace("2026-06", "2025-06")
    (row,) = build_report(small(2025, rows)).section("small_scale").tables[0].rows
    assert (row[4], row[6]) == (D("200000"), D("2000.00"))
    fits(report)

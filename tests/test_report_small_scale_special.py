"""The report of a small-scale taxpayer with sales on special VAT invoices, and of a per-transaction filer.

The figures are worked out here by hand from the documents (the limit, the rate
levied, the rate of the invoice), not read from the report; and, as a property,
every figure of the report's periods is the registered rule's
(``vat.small_scale_vat``) on the same facts, each saving that rule's tax on the law
with the one policy undone less its tax.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.cli import main
from taxcalc.law import default
from taxcalc.report import ReportInputError, build_report, example, parse_text, render
from taxcalc.report.model import Report

D = Decimal
FEN = D("0.01")


def _report(text: str) -> Report:
    return build_report(parse_text(textwrap.dedent(text), "toml"))


def _small(year: int, period: str, rows: str) -> str:
    return (f'format = 2\nyear = {year}\n[enterprise]\nname = "x"\nvat_taxpayer = "small_scale"\n'
            f'vat_period = "{period}"\n' + textwrap.dedent(rows))


def _periods(report: Report) -> list[dict[str, Any]]:
    table = report.section("small_scale").tables[0]
    ids = [c.id for c in table.columns]
    return [dict(zip(ids, row, strict=True)) for row in table.rows]


def _savings(report: Report) -> dict[str, Decimal]:
    return {s.policy: s.amount for s in report.savings}


def _cites(report: Report, policy: str) -> list[str]:
    return [f"{c.doc} {c.article}" for s in report.savings if s.policy == policy for c in s.cite]


# -- golden cases ---------------------------------------------------------------------------------


def test_the_built_in_shop_example():
    """shop-2023: quarterly limit 300,000 (2023年第1号 第一条), 1% (2023年第1号 第二条)."""
    report = build_report(example("shop-2023"))
    got = [(p["period"], p["sales"], p["exempt_sales"], p["taxable_sales"], p["special_invoice_sales"],
            p["special_invoice_rate"], p["tax_due"]) for p in _periods(report)]
    assert got == [
        # 60,000 on a special invoice under the limit: taxed at 1%, the other 190,000 exempt
        ("2023-Q1", D("250000.00"), D("190000.00"), D("60000.00"), D("60000.00"), D("0.01"), D("600.00")),
        # over the limit: all taxed at 1%
        ("2023-Q2", D("400000.00"), D("0"), D("400000.00"), D("0"), None, D("4000.00")),
        # 50,000 on a special invoice at 3%, the reduction given up
        ("2023-Q3", D("200000.00"), D("150000.00"), D("50000.00"), D("50000.00"), D("0.03"), D("1500.00")),
        ("2023-Q4", D("280000.00"), D("280000.00"), D("0"), D("0"), None, D("0.00")),
    ]
    lines = {ln.id: ln.amount for ln in report.section("small_scale").lines}
    assert lines["small_scale.tax_due"] == D("6100.00")
    # exemption: (190,000 + 150,000 + 280,000) × 1% — nothing on the 110,000 on special invoices
    # reduced rate: 60,000 × 2% + 400,000 × 2% + 0 (the 50,000 at 3% gain nothing)
    assert _savings(report) == {"vat.small_scale.exemption": D("6200.00"),
                                "vat.small_scale.reduced_rate": D("9200.00")}
    assert report.total_saving == D("15400.00")
    assert _cites(report, "vat.small_scale.exemption") == ["国家税务总局公告2023年第1号 第一条"]
    assert _cites(report, "vat.small_scale.reduced_rate") == ["财政部 税务总局公告2023年第1号 第二条"]
    q1, q3 = _periods(report)[0], _periods(report)[2]
    assert "国家税务总局公告2023年第1号 第四条" in [f"{c.doc} {c.article}" for c in q1["cite"]]
    assert "国家税务总局公告2023年第1号 第五条" in [f"{c.doc} {c.article}" for c in q3["cite"]]


def test_special_invoices_under_the_limit_are_taxed_and_save_nothing():
    """2019-06, limit 100,000 (2019年第4号 第一条), rate 3%: 40,000 on special invoices of 90,000."""
    report = _report(_small(2019, "month", """\
        [[sales]]
        month = "2019-06"
        amount = "90000"
        special_invoice_sales = "40000"
        """))
    (p,) = _periods(report)
    assert (p["exempt_sales"], p["taxable_sales"], p["special_invoice_rate"], p["tax_due"]) == (
        D("50000"), D("40000"), D("0.03"), D("1200.00"))
    # 50,000 × 3%: the 40,000 on special invoices are taxed with or without the exemption
    assert _savings(report) == {"vat.small_scale.exemption": D("1500.00")}


def test_all_sales_on_special_invoices_leave_no_exemption_saving():
    report = _report(_small(2023, "month", """\
        [[sales]]
        month = "2023-03"
        amount = "80000"
        special_invoice_sales = "80000"
        """))
    (p,) = _periods(report)
    assert (p["exempt_sales"], p["tax_due"]) == (D("0"), D("800.00"))
    assert _savings(report) == {"vat.small_scale.reduced_rate": D("1600.00")}


@pytest.mark.parametrize(("amount", "exempt", "tax"), [
    ("100000.00", D("100000.00") - D("30000"), D("300.00")),  # at the limit: exempt but for the invoices
    ("100000.01", D("0"), D("1000.00")),  # one fen over: all taxed at 1%, the invoices with them
])
def test_special_invoices_at_the_monthly_limit(amount, exempt, tax):
    report = _report(_small(2023, "month", f"""\
        [[sales]]
        month = "2023-07"
        amount = "{amount}"
        special_invoice_sales = "30000"
        """))
    (p,) = _periods(report)
    assert (p["exempt_sales"], p["tax_due"]) == (exempt, tax)
    assert _savings(report).get("vat.small_scale.exemption", D(0)) == (exempt * D("0.01")).quantize(FEN)


def test_special_invoices_when_the_sales_at_3_percent_were_exempt_2022():
    """2022-05 (2022年第15号 第一条: sales at 3% exempt; 2022年第6号 第一条: special invoices at 3%)."""
    under = _report(_small(2022, "month", """\
        [[sales]]
        month = "2022-05"
        amount = "100000"
        special_invoice_sales = "30000"
        """))
    over = _report(_small(2022, "month", """\
        [[sales]]
        month = "2022-05"
        amount = "200000"
        special_invoice_sales = "30000"
        """))
    for report in (under, over):
        (p,) = _periods(report)
        assert (p["special_invoice_rate"], p["tax_due"]) == (D("0.03"), D("900.00"))
    # nothing saved on the invoices at 3%: under the limit the rate levied (0) is below 3% but no sale
    # bears it (the 70,000 are exempt by the limit), so no line; over it the other 170,000 were exempt
    # at 0% instead of 3%
    assert _savings(under) == {}
    assert _savings(over) == {"vat.small_scale.reduced_rate": D("5100.00")}
    for lang in ("zh", "en"):
        assert "0.00" not in _saving_lines(render(under, lang))
    assert "小规模纳税人减按征收" not in render(under, "zh") and "small-scale reduced rate" not in render(under, "en")
    assert "小规模纳税人减按征收" in render(over, "zh") and "small-scale reduced rate" in render(over, "en")


def _saving_lines(text: str) -> str:
    """The lines of a rendered report that name a small-scale saving."""
    return "\n".join(ln for ln in text.splitlines() if "小规模纳税人减按" in ln or "small-scale reduced" in ln)


def test_no_reduced_rate_line_where_the_reduction_was_given_up_on_all_the_taxable_sales():
    """2023-09: under the limit, 50,000 on special invoices at 3% (放弃减税, 2023年第1号 第二条 reduces to 1%):
    the other 150,000 exempt, no sale at 1%: an exemption line and no reduced-rate line (as an income-tax
    preference that does not apply this year)."""
    report = _report(_small(2023, "month", """\
        [[sales]]
        month = "2023-09"
        amount = "90000"
        special_invoice_sales = "50000"
        special_invoice_rate = "full"
        """))
    (p,) = _periods(report)
    assert (p["exempt_sales"], p["taxable_sales"], p["special_invoice_rate"], p["tax_due"]) == (
        D("40000"), D("50000"), D("0.03"), D("1500.00"))
    assert _savings(report) == {"vat.small_scale.exemption": D("400.00")}  # 40,000 × 1%


def test_a_policy_in_play_that_saves_nothing_keeps_its_line_and_says_why():
    """0.01 on a special invoice at 1% under the limit: the reduction reaches it, but 0.01 × 3% and 0.01 × 1%
    both round to 0.00: the line stays, at 0, with the reason (as the income-tax preferences do)."""
    report = _report(_small(2023, "month", """\
        [[sales]]
        month = "2023-07"
        amount = "50000"
        special_invoice_sales = "0.01"
        """))
    assert _savings(report) == {"vat.small_scale.exemption": D("500.00"), "vat.small_scale.reduced_rate": D("0")}
    (line,) = (s for s in report.savings if s.policy == "vat.small_scale.reduced_rate")
    assert line.note_zh.startswith("本年不节税：不享受该项政策时的应纳税额四舍五入至分后相同。按3%征收率")
    assert line.note_en.startswith("saves nothing this year: without it the VAT due, rounded to the fen, is the "
                                   "same; the VAT due at the collection rate of 3%")
    (saved,) = (s for s in report.savings if s.policy == "vat.small_scale.exemption")
    assert not saved.note_zh.startswith("本年不节税") and not saved.note_en.startswith("saves nothing")


def test_per_transaction_filing_2026():
    """起征点 1000 a transaction or day (财政部 税务总局公告2026年第10号 第一条): 999.99 exempt, 1000 taxed in full."""
    report = _report(_small(2026, "transaction", """\
        [[sales]]
        month = "2026-03"
        day = 2026-03-02
        amount = "999.99"
        [[sales]]
        month = "2026-03"
        day = 2026-03-03
        amount = "1000"
        [[sales]]
        month = "2026-03"
        day = 2026-03-04
        amount = "600"
        [[sales]]
        month = "2026-03"
        day = 2026-03-04
        kind = "services"
        amount = "399.99"
        [[sales]]
        month = "2026-03"
        day = 2026-03-05
        amount = "500"
        special_invoice_sales = "200"
        """))
    got = [(p["period"], p["sales"], p["threshold"], p["exempt_sales"], p["tax_due"]) for p in _periods(report)]
    assert got == [
        (dt.date(2026, 3, 2), D("999.99"), D("1000"), D("999.99"), D("0.00")),
        (dt.date(2026, 3, 3), D("1000"), D("1000"), D("0"), D("10.00")),
        # one day's rows are one transaction: 999.99 together, below the 起征点
        (dt.date(2026, 3, 4), D("999.99"), D("1000"), D("999.99"), D("0.00")),
        # below the 起征点, 200 on a special invoice taxed at 1%
        (dt.date(2026, 3, 5), D("500"), D("1000"), D("300"), D("2.00")),
    ]
    # exemption: (999.99 + 999.99 + 300) × 1%, each day rounded: 10.00 + 10.00 + 3.00
    # reduced rate: 1000 × 2% + 200 × 2%
    assert _savings(report) == {"vat.small_scale.exemption": D("23.00"),
                                "vat.small_scale.reduced_rate": D("24.00")}
    assert _cites(report, "vat.small_scale.exemption") == ["财政部 税务总局公告2026年第10号 第一条"]
    en, zh = render(report, "en"), render(report, "zh")
    assert "files per transaction" in en and "按次申报" in zh
    assert "the sales of one day are one transaction" in en
    data = json.loads(json.dumps(report.as_dict()))
    assert data["enterprise"]["vat_period"] == "transaction"
    rows = next(s for s in data["sections"] if s["id"] == "small_scale")["tables"][0]["rows"]
    assert rows[0]["period"] == "2026-03-02"


def test_the_output_names_the_special_invoices_in_each_language():
    report = build_report(example("shop-2023"))
    assert "of which: on special invoices" in render(report, "en")
    assert "其中：开具专用发票的销售额" in render(report, "zh")
    data = json.loads(json.dumps(report.as_dict()))
    rows = next(s for s in data["sections"] if s["id"] == "small_scale")["tables"][0]["rows"]
    assert [r["special_invoice_sales"] for r in rows] == ["60000.00", "0.00", "50000.00", "0.00"]
    assert [r["special_invoice_rate"] for r in rows] == ["0.01", None, "0.03", None]


def test_without_special_invoices_the_table_keeps_its_columns():
    report = _report(_small(2023, "month", '[[sales]]\nmonth = "2023-03"\namount = "80000"\n'))
    ids = [c.id for c in report.section("small_scale").tables[0].columns]
    assert "special_invoice_sales" not in ids


# -- errors name the row ----------------------------------------------------------------------------


@pytest.mark.parametrize(("year", "period", "rows", "problem"), [
    (2023, "month", 'month = "2023-03"\namount = "100"\nspecial_invoice_sales = "100.01"',
     "sales[0].special_invoice_sales: is more than the row's amount (100)"),
    (2023, "month", 'month = "2023-03"\namount = "100"\nspecial_invoice_sales = 1.5',
     "sales[0].special_invoice_sales: a float is not money"),
    (2023, "month", 'month = "2023-03"\namount = "100"\nspecial_invoice_rate = "full"',
     "sales[0].special_invoice_rate: full applies only to sales on special invoices"),
    (2023, "month", 'month = "2023-03"\namount = "100"\nspecial_invoice_sales = "1"\nspecial_invoice_rate = "ful"',
     "sales[0].special_invoice_rate: unknown value 'ful'; did you mean 'full'?"),
    (2018, "month", 'month = "2018-03"\namount = "100"\nspecial_invoice_sales = "1"',
     "sales[0].special_invoice_sales: vat.small_scale.special_invoice.exemption_waived: 2018-03-01 is outside"),
    (2021, "quarter", 'month = "2021-02"\namount = "100"\nspecial_invoice_sales = "1"\nspecial_invoice_rate = "full"',
     "sales[0].special_invoice_rate: giving up the reduced rate cannot be computed for 2021-01-01"),
    (2019, "month", 'month = "2019-03"\nband = "real_estate"\namount = "100"\nspecial_invoice_sales = "1"',
     "sales[0].special_invoice_sales: band real_estate is outside the sales at the 3% collection rate"),
    (2025, "transaction", 'month = "2025-03"\nday = 2025-03-04\namount = "100"',
     "sales[0].day: vat.small_scale.start_point.per_transaction on 2025-03-04: not in force: no national figure"),
    (2026, "transaction", 'month = "2026-03"\namount = "100"',
     "sales[0].day: missing: a per-transaction filer's rows name the day of the transaction"),
    (2026, "transaction", 'month = "2026-03"\nday = 2026-04-01\namount = "100"',
     "sales[0].day: 2026-04-01 is not in the row's month 2026-03"),
    (2026, "month", 'month = "2026-03"\nday = 2026-03-01\namount = "100"',
     'sales[0].day: only for a per-transaction filer (enterprise.vat_period = "transaction")'),
])
def test_a_bad_row_is_named(year, period, rows, problem):
    with pytest.raises(ReportInputError) as caught:
        parse_text(_small(year, period, "[[sales]]\n" + rows + "\n"), "toml")
    assert any(str(p).startswith(problem) for p in caught.value.problems), caught.value.problems


def test_rows_of_one_period_agree_on_the_rate_and_a_general_taxpayer_has_neither():
    with pytest.raises(ReportInputError) as caught:
        parse_text(_small(2023, "quarter", """\
            [[sales]]
            month = "2023-01"
            amount = "100"
            special_invoice_sales = "10"
            [[sales]]
            month = "2023-03"
            amount = "100"
            special_invoice_sales = "10"
            special_invoice_rate = "full"
            """), "toml")
    assert [str(p) for p in caught.value.problems] == [
        "sales[1].special_invoice_rate: full differs from sales[0] of the same period (reduced): one rate for a "
        "period's special invoices"]
    with pytest.raises(ReportInputError) as caught:
        parse_text('format = 2\nyear = 2026\n[enterprise]\nname = "x"\nvat_period = "transaction"\n'
                   '[[sales]]\nmonth = "2026-03"\nday = 2026-03-02\namount = "100"\nspecial_invoice_sales = "1"\n',
                   "toml")
    assert [str(p) for p in caught.value.problems] == [
        "enterprise.vat_period: transaction: only a small-scale taxpayer files per transaction (按次纳税)",
        'sales[0].special_invoice_sales: only for a small-scale taxpayer (enterprise.vat_taxpayer = '
        '"small_scale"): a general taxpayer\'s sales are all taxed',
    ]


def test_the_command_names_the_file_and_row(tmp_path, capsys):
    path = tmp_path / "shop.toml"
    path.write_text(_small(2018, "month", '[[sales]]\nmonth = "2018-03"\namount = "100"\n'
                                          'special_invoice_sales = "1"\n'), "utf-8")
    assert main(["report", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: sales[0].special_invoice_sales:" in err
    assert "Traceback" not in err


# -- the report's figures are the rule's --------------------------------------------------------------

_YEARS = {2019: "2019-", 2022: "2022-", 2023: "2023-", 2026: "2026-"}
amount_st = st.integers(min_value=0, max_value=60_000_000).map(lambda f: D(f).scaleb(-2))


def _rule(period_start: dt.date, period: str, sales: Decimal, special: Decimal, rate: str, law: Any = None) -> Any:
    data: dict[str, object] = {"sales": str(sales), "period_start": period_start.isoformat(), "period": period}
    if special:
        data |= {"special_invoice_sales": str(special), "special_invoice_rate": rate}
    return rules.get("vat.small_scale_vat").compute(data, law=law)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([2019, 2022, 2023, 2026]), st.sampled_from(["month", "quarter"]),
       st.lists(st.tuples(st.integers(1, 12), amount_st, st.integers(0, 100), st.booleans()), min_size=1,
                max_size=5, unique_by=lambda t: t[0]))
def test_the_report_figures_are_the_rules(year, period, sales):
    text = ""
    chosen: dict[int, bool] = {}  # one rate a period: the first row with special invoices chooses it
    for month, amount, share, full in sales:
        special = (amount * share / 100).quantize(FEN, ROUND_HALF_UP)
        key = month if period == "month" else (month - 1) // 3
        if special:
            full = chosen.setdefault(key, full and not (year == 2022 and month <= 3))  # 2022-Q1: the 1% kept
        full = full and special > 0
        text += f'[[sales]]\nmonth = "{year}-{month:02d}"\namount = "{amount}"\n'
        if special:
            text += f'special_invoice_sales = "{special}"\n'
        if full:
            text += 'special_invoice_rate = "full"\n'
    facts = parse_text(_small(year, period, text), "toml")
    report = build_report(facts)
    law = default()
    base = law.value("vat.small_scale.levy_rate", law.spec("vat.small_scale.levy_rate").first).value
    no_exemption = law.with_values({k: "0" for k in law.keys("vat.small_scale.exemption.monthly")
                                    + law.keys("vat.small_scale.exemption.quarterly")
                                    + law.keys("vat.small_scale.start_point.")})
    no_reduction = law.with_values({"vat.small_scale.levy_rate": str(base)})
    exemption = reduced = D(0)
    shown = _periods(report)
    starts = sorted({dt.date(year, m if period == "month" else (m - 1) // 3 * 3 + 1, 1)
                     for m, _, _, _ in sales})
    assert len(shown) == len(starts)
    for start, p in zip(starts, shown, strict=True):
        rows = [s for s in facts.sales if (s.month if period == "month" else
                                            dt.date(year, (s.month.month - 1) // 3 * 3 + 1, 1)) == start]
        amount = sum((s.amount for s in rows), D(0))
        special = sum((s.special_invoice_sales for s in rows), D(0))
        rate = next((s.special_invoice_rate for s in rows if s.special_invoice_sales), "reduced")
        r = _rule(start, period, amount, special, rate)
        assert (p["sales"], p["exempt_sales"], p["taxable_sales"], p["levy_rate"], p["tax_due"]) == (
            r.sales, r.exempt_sales, r.taxable_sales, r.levy_rate, r.tax_due)
        if "special_invoice_sales" in p:
            assert (p["special_invoice_sales"], p["special_invoice_rate"]) == (
                r.special_invoice_sales, r.special_invoice_rate)
        # the exemption saves nothing on the special invoices: at most the other exempt sales × the rate
        undone = _rule(start, period, amount, special, rate, no_exemption).tax_due - r.tax_due
        assert abs(undone - r.exempt_sales * r.levy_rate) <= FEN
        moved = next((s.value for s in r.steps if s.name == "exempt_3pct"), D(0))
        if r.exempt_sales - moved > 0 and r.levy_rate > 0:
            exemption += undone
        if r.levy_rate < base and (r.taxable_sales or moved):
            reduced += _rule(start, period, amount, special, rate, no_reduction).tax_due - r.tax_due
    got = _savings(report)
    assert got.get("vat.small_scale.exemption", D(0)) == exemption
    assert got.get("vat.small_scale.reduced_rate", D(0)) == reduced


def _threshold_heading(report: Report) -> tuple[str, str]:
    (column,) = (c for c in report.section("small_scale").tables[0].columns if c.id == "threshold")
    return column.zh, column.en


@pytest.mark.parametrize(("year", "period", "month", "zh", "en"), [
    # to 2025 an inclusive limit (不超过): sales equal to it exempt
    (2025, "month", "2025-12", "免税标准", "exemption limit"),
    # from 2026 a 起征点 (增值税法 第二十三条): exempt only below it
    (2026, "month", "2026-01", "起征点", "threshold (起征点)"),
    (2026, "quarter", "2026-01", "起征点", "threshold (起征点)"),
])
def test_the_threshold_column_is_headed_as_the_law_of_its_periods(year, period, month, zh, en):
    report = _report(_small(year, period, f"""\
        [[sales]]
        month = "{month}"
        amount = "50000"
        """))
    assert _threshold_heading(report) == (zh, en)
    assert zh in render(report, "zh") and en in " ".join(render(report, "en").split())


def test_the_per_transaction_threshold_column_is_headed_as_a_start_point():
    """Per transaction (2026): a 起征点 per transaction or day (2026年第10号 第一条), not an exemption limit."""
    report = _report(_small(2026, "transaction", """\
        [[sales]]
        month = "2026-03"
        day = 2026-03-02
        amount = "999.99"
        """))
    assert _threshold_heading(report) == ("每次（日）起征点", "起征点 per transaction")
    zh, en = render(report, "zh"), " ".join(render(report, "en").split())
    assert "每次（日）起征点" in zh and "免税标准" not in zh
    assert "起征点 per transaction" in en and "exemption limit" not in en


def test_the_heading_of_periods_under_both_laws_names_both():
    """The day before and the day of the switch (2025-12 a limit, 2026-01 a 起征点), and before the exemption."""
    from taxcalc.report.sections.small_scale import _threshold_heading as heading
    from taxcalc.vat import small_scale_vat

    limit, start_point = small_scale_vat("50000", "2025-12-01"), small_scale_vat("50000", "2026-01-01")
    assert heading([limit, start_point], "month") == ("免税标准或起征点", "exemption limit or threshold (起征点)")
    assert heading([limit], "month") == ("免税标准", "exemption limit")
    assert heading([start_point], "month") == ("起征点", "threshold (起征点)")
    before = small_scale_vat("50000", "2013-07-01", business="other")  # no exemption for units: no threshold
    assert before.threshold is None and heading([before, start_point], "month") == ("起征点", "threshold (起征点)")


# -- the rates and days in the section's notes come from the law data ---------------------------


def _notes(report: Report, lang: str) -> str:
    return " ".join(zh if lang == "zh" else en for zh, en in report.section("small_scale").notes)


_ESTATE_2026 = """\
    [[sales]]
    month = "2026-06"
    amount = "60000"
    band = "real_estate"
    kind = "services"
    [[sales]]
    month = "2026-06"
    amount = "150000"
    special_invoice_sales = "20000"
    special_invoice_rate = "full"
    """


def test_the_notes_name_the_rates_of_the_law_data():
    """2026-06: immovable property outside the 1% (2026年第10号 第三条); special invoices at 3% with the
    reduction given up; 2019: immovable property at 5% (财税〔2016〕36号 附件2)."""
    report = _report(_small(2026, "month", _ESTATE_2026))
    assert "60,000.00 不适用减按1%征收，法规数据未载其征收率" in _notes(report, "zh")
    assert "60,000.00 are outside the 1% and the law data hold no rate" in _notes(report, "en")
    assert "（放弃减税的按3%）" in _notes(report, "zh") and "(3% where the reduction is given up)" in _notes(report, "en")
    assert "2018年5月1日前兼有货物和营改增服务的纳税人分别计算" in _notes(report, "zh")
    assert "before 2018-05-01 goods and 营改增 services were measured separately" in _notes(report, "en")
    estate = _report(_small(2019, "month", """\
        [[sales]]
        month = "2019-06"
        amount = "150000"
        band = "real_estate"
        kind = "services"
        """))
    assert "150,000.00 按5%征收率另行计算，未计入。" in _notes(estate, "zh")


def test_the_notes_follow_a_what_if_on_the_rates():
    """With the collection rate 2% and the rate of immovable property 4% (what-ifs), the notes say so."""
    facts = parse_text(textwrap.dedent(_small(2026, "month", _ESTATE_2026)), "toml")
    report = build_report(facts, what_if={"vat.small_scale.levy_rate": "2%"})
    assert "不适用减按2%征收" in _notes(report, "zh") and "outside the 2% and" in _notes(report, "en")
    assert "（放弃减税的按2%）" in _notes(report, "zh")
    estate = build_report(parse_text(textwrap.dedent(_small(2019, "month", """\
        [[sales]]
        month = "2019-06"
        amount = "150000"
        band = "real_estate"
        kind = "services"
        """)), "toml"), what_if={"vat.small_scale.real_estate_levy_rate": "4%"})
    assert "150,000.00 按4%征收率另行计算，未计入。" in _notes(estate, "zh")
    assert "150,000.00 are taxed at 4% outside these rules" in _notes(estate, "en")

"""taxcalc report --html: the page's figures are the JSON's exact strings, every figure of the
report is on it, its charts draw those figures, it fetches nothing, and it is written atomically.

The same page is opened in a real browser by tests/test_report_html_browser.py.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from html import escape
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taxcalc.cli import main
from taxcalc.format import format_money
from taxcalc.report import build_report, example, parse_text
from taxcalc.report.html import MissingExtra, render_html, write_html
from taxcalc.report.html.charts import charts

pytest.importorskip("matplotlib", reason="the extra html (matplotlib) is not installed")

SMALL_SCALE = """\
format = 1
year = 2019
[enterprise]
name = "小店"
industry = "F52"
vat_taxpayer = "small_scale"
vat_period = "quarter"
[[sales]]
month = "2019-02"
amount = "250000"
[[sales]]
month = "2019-05"
amount = "350000.01"
"""


class Figures(HTMLParser):
    """Every element with ``data-figure``: figure → (data-value, the text shown); and the charts."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: dict[str, tuple[str | None, str]] = {}
        self.charts: list[str] = []
        self.ids: list[str] = []
        self.attrs_seen: list[tuple[str, str]] = []
        self._open: list[tuple[str, str | None, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.attrs_seen += [(k, v or "") for k, v in attrs]
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "figure" and a.get("data-chart"):
            self.charts.append(str(a["data-chart"]))
        for _, _, text in self._open:
            text.append("")
        if a.get("data-figure"):
            self._open.append((str(a["data-figure"]), a.get("data-value"), []))

    def handle_data(self, data: str) -> None:
        for _, _, text in self._open:
            text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag in ("td", "span", "p"):
            figure, value, text = self._open.pop()
            self.figures[figure] = (value, "".join(text))


def parse(page: str) -> Figures:
    f = Figures()
    f.feed(page)
    return f


def expected(data: dict[str, Any], figure: str) -> str | None:
    """The JSON string a ``data-figure`` names (``None`` for a chart's figure: see chart_figures)."""
    kind, _, rest = figure.partition(":")
    if kind == "line":
        (amount,) = [ln["amount"] for s in data["sections"] for ln in s["lines"] if ln["id"] == rest]
        return str(amount)
    if kind == "table":
        table_id, n, column = rest.rsplit(":", 2)
        (table,) = [t for s in data["sections"] for t in s["tables"] if t["id"] == table_id]
        row = table["total"] if n == "total" else table["rows"][int(n)]
        return str(row[column])
    if kind in ("saving", "refund"):
        (amount,) = [i["amount"] for i in data[kind + "s"] if i["policy"] == rest]
        return str(amount)
    if kind == "total_saving_by_tax":
        return str(data["total_saving_by_tax"][rest])
    if kind in ("total_saving", "total_refund", "total_saving_daxie"):
        return str(data[kind])
    return None


def json_amounts(data: dict[str, Any]) -> set[str]:
    """Every figure of the JSON that the page must show, named as the page names it."""
    out = {f"saving:{s['policy']}" for s in data["savings"]} | {f"refund:{r['policy']}" for r in data["refunds"]}
    out |= {"total_saving", "total_refund"} | {f"total_saving_by_tax:{t}" for t in data["total_saving_by_tax"]}
    for s in data["sections"]:
        out |= {f"line:{ln['id']}" for ln in s["lines"] if ln["amount"] is not None}
        for t in s["tables"]:
            money = [c["id"] for c in t["columns"] if c["kind"] == "money"]
            out |= {f"table:{t['id']}:{n}:{c}" for n, r in enumerate(t["rows"]) for c in money if r[c] is not None}
            if t["total"]:
                out |= {f"table:{t['id']}:total:{c}" for c in money if t["total"][c] is not None}
    if len(data["total_saving_by_tax"]) < 2:
        out -= {f"total_saving_by_tax:{t}" for t in data["total_saving_by_tax"]}
    if not data["refunds"]:
        out.discard("total_refund")
    return out


def chart_figures(data: dict[str, Any]) -> dict[str, str]:
    """What each chart must draw, worked out from the JSON independently of the page's code."""
    out = {f"chart:savings:saving:{s['policy']}": s["amount"] for s in data["savings"]}
    out |= {f"chart:refunds:refund:{r['policy']}": r["amount"] for r in data["refunds"]}
    lines = {ln["id"]: ln["amount"] for s in data["sections"] for ln in s["lines"]}
    tables = {t["id"]: t for s in data["sections"] for t in s["tables"]}
    undone = {r["policy"]["zh"]: r["tax_without"] for r in tables["eit.policies"]["rows"]} if "eit.policies" in tables else {}
    for s in data["savings"]:
        tax = lines.get("eit.tax") if s["tax"] == "eit" else lines.get("vat.tax_due") or lines.get("small_scale.tax_due")
        out[f"chart:with_without:with:{s['policy']}"] = tax
        out[f"chart:with_without:without:{s['policy']}"] = (
            undone[s["zh"]] if s["tax"] == "eit" else f"{Decimal(tax) + Decimal(s['amount']):.2f}")
    periods = tables.get("vat.periods") or tables["small_scale.periods"]
    columns = ("output_vat", "input_vat", "tax_due") if "vat.periods" in tables else ("tax_due",)
    for r in periods["rows"]:
        out |= {f"chart:vat_months:{c}:{r['period']}": r[c] for c in columns}
    return out


def shown(value: str, lang: str, figure: str = "") -> str:
    """An amount as the text report shows it: the totals and subtotals with the currency sign."""
    total = figure in ("total_saving", "total_refund") or figure.startswith("total_saving_by_tax:")
    return format_money(Decimal(value), lang, symbol=total)


@pytest.fixture(scope="module")
def example_report():
    return build_report(example())


@pytest.fixture(scope="module")
def pages(example_report):
    """The example's page in each language, drawn once for the module."""
    return {lang: render_html(example_report, lang) for lang in ("zh", "en")}


def check_page(page: str, data: dict[str, Any], lang: str) -> Figures:
    f = parse(page)
    for figure, (value, text) in f.figures.items():
        want = expected(data, figure)
        if figure == "total_saving_daxie":
            assert text.endswith(str(data["total_saving_daxie"]))
            continue
        if want is not None:
            assert value == want, figure
        assert value is not None and text == shown(value, lang, figure), (figure, value, text)
    assert json_amounts(data) <= set(f.figures), sorted(json_amounts(data) - set(f.figures))
    drawn = {k: v for k, (v, _) in f.figures.items() if k.startswith("chart:")}
    assert drawn == chart_figures(data)
    return f


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_of_the_example_is_shown_as_the_json_has_it(example_report, pages, lang):
    data = example_report.as_dict()
    page = pages[lang]
    f = check_page(page, data, lang)
    assert f.charts == ["savings", "with_without", "vat_months", "refunds"]
    assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in page
    # the text report's words are on the page too
    title = "2018年度税收优惠报告" if lang == "zh" else "Tax benefit report, 2018"
    assert title in page and ("大写" if lang == "zh" else "in Chinese capitals") in page
    for s in data["savings"]:
        assert escape(s["zh"] if lang == "zh" else s["en"]) in page
        assert all(c["doc"] in page for c in s["cite"])


def test_each_chart_draws_its_bars_with_ids_and_exact_labels(example_report, pages):
    page = pages["en"]
    data = example_report.as_dict()
    for chart in charts(data, "en"):
        svg = page[page.index(f'<svg id="svg-{chart.id}"'):]
        svg = svg[:svg.index("</svg>")]
        for s in chart.series:
            for key, value in zip(chart.keys, s.values, strict=True):
                assert f'id="bar-{chart.id}-{s.id}-{key}"' in svg, (chart.id, s.id, key)
                if chart.horizontal:
                    assert f">{shown(value, 'en')}<" in svg, (chart.id, value)
    # the VAT "without" a VAT policy is the VAT due plus its saving, exactly
    (ww,) = [c for c in charts(data, "en") if c.id == "with_without"]
    i = ww.keys.index("vat.rate_cut.standard")
    assert (ww.series[0].values[i], ww.series[1].values[i]) == ("2381500.00", "2519400.00")
    assert ww.series[1].values[ww.keys.index("eit.hnte_rate")] == "604208.33"


def test_a_small_scale_taxpayer_has_its_vat_due_by_quarter_charted():
    report = build_report(parse_text(SMALL_SCALE, "toml", "small.toml"))
    data = report.as_dict()
    f = check_page(render_html(report, "zh"), data, "zh")
    assert "vat_months" in f.charts and "refunds" not in f.charts
    assert {k for k in f.figures if k.startswith("chart:vat_months:")} == {
        f"chart:vat_months:tax_due:{r['period']}" for r in data["sections"][1]["tables"][0]["rows"]}


def test_the_page_fetches_nothing(pages):
    page = pages["zh"]
    f = parse(page)
    assert "<script" not in page and "@import" not in page and not re.search(r"url\((?!#)", page)
    for name, value in f.attrs_seen:
        if name in ("src", "href", "xlink:href"):
            assert value.startswith(("#", "data:")), (name, value)
    assert len(f.ids) == len(set(f.ids)), "ids repeat (two charts' clip paths?)"
    # the page names a CJK font stack, for the charts' text too
    assert '"Noto Sans CJK SC"' in page and '"Microsoft YaHei"' in page and '"PingFang SC"' in page
    assert "svg text { font-family:" in page


def test_the_command_writes_the_page_and_says_where(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", "--html", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out}"
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


@pytest.mark.parametrize(("argv", "message"), [
    (["--json"], "--html: cannot be given with --json"),
    (["--print-example"], "--html: cannot be given with --print-example"),
])
def test_html_with_another_output_is_refused(tmp_path, capsys, argv, message):
    assert main(["report", "--html", str(tmp_path / "x.html"), *argv]) == 1
    assert capsys.readouterr().err.strip() == f"taxcalc: error: {message}"
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_named(tmp_path, capsys):
    assert main(["report", "--html", str(tmp_path / "no" / "x.html")]) == 1
    err = capsys.readouterr().err
    assert "no such folder" in err and str(tmp_path / "no") in err and "Traceback" not in err


def test_a_failure_leaves_the_old_file_whole(tmp_path, monkeypatch, example_report):
    import os

    from taxcalc.report import html

    out = tmp_path / "report.html"
    out.write_text("old", "utf-8")

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    monkeypatch.setattr(html, "render_html", lambda report, lang: "<!DOCTYPE html>new")
    with pytest.raises(OSError, match="No space"):
        write_html(example_report, out)
    assert out.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left


def test_without_matplotlib_the_error_says_how_to_install_it(monkeypatch, example_report, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtra, match=re.escape("pip install 'taxcalc-cn[html]'")):
        write_html(example_report, tmp_path / "x.html")
    assert list(tmp_path.iterdir()) == []


def test_the_page_is_the_same_each_time(example_report, pages):
    assert render_html(example_report, "en") == pages["en"]


def test_amounts_in_the_page_are_fen_strings_never_floats(example_report, pages):
    data = json.loads(json.dumps(example_report.as_dict()))
    values = [v for k, v in parse(pages["zh"]).attrs_seen if k == "data-value"]
    assert values and all(re.fullmatch(r"-?\d+\.\d\d", v) for v in values)
    assert data["total_saving"] in values


@settings(max_examples=4, suppress_health_check=[HealthCheck.too_slow])
@given(
    year=st.sampled_from([2018, 2019, 2020, 2023]),
    amounts=st.lists(st.decimals(min_value=0, max_value=2_000_000, places=2), min_size=1, max_size=4),
    lang=st.sampled_from(["zh", "en"]),
)
def test_any_small_scale_report_shows_its_json_figures(year, amounts, lang):
    """Monthly small-scale sales of any size: exempt, taxed, reduced; every figure the JSON's."""
    rows = "".join(f'[[sales]]\nmonth = "{year}-{3 * i + 1:02d}"\namount = "{a}"\n' for i, a in enumerate(amounts))
    head = SMALL_SCALE.replace("year = 2019", f"year = {year}").replace('"quarter"', '"month"')
    text = head.split("[[sales]]")[0] + rows
    report = build_report(parse_text(text, "toml", "small.toml"))
    check_page(render_html(report, lang), report.as_dict(), lang)

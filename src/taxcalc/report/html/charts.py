"""The charts of the HTML report: what they show (plain data, exact strings) and their drawing.

The figures a chart shows are taken from the report's JSON form
(:meth:`taxcalc.report.Report.as_dict`), as the exact strings found there; a chart
is built as a :class:`Chart` of :class:`Series` before anything is drawn, so what
a chart says can be tested without drawing it.  The one figure that is not in the
JSON as such is the VAT "without" a VAT policy: the VAT due plus the policy's
saving, added exactly in :class:`~decimal.Decimal` (the income-tax "without"
figures are the report's own, from its table of each preference undone).

Drawing (:func:`draw_svg`) uses matplotlib, imported only when a chart is drawn;
a position on the page is the only place a figure becomes a float.  Text in the
SVG stays text (``svg.fonttype = none``), so the page's CJK font stack shows it
and a test can read the labels.

>>> report = {"savings": [{"policy": "p", "tax": "eit", "zh": "甲", "en": "A", "amount": "1.50"}],
...           "refunds": [], "sections": []}
>>> [c.id for c in charts(report, "en")]
['savings']
>>> charts(report, "en")[0].series[0].values
('1.50',)
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...format import format_money
from ...money import add

__all__ = ["CJK_FONTS", "Chart", "Series", "charts", "draw_svg"]

#: The fonts asked for, in order, for Chinese text: those of Linux, macOS and Windows.
CJK_FONTS: tuple[str, ...] = (
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", "SimHei",
)

_GROUP_ID = re.compile(r'id="([a-z][a-z0-9.]*_\d+)"')
_COLOURS = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1")


@dataclass(frozen=True, slots=True)
class Series:
    """One set of bars: its id, its name, and one exact amount (JSON string) per category."""

    id: str
    name: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A bar chart: id, title, the categories along one axis, the series drawn for them."""

    id: str
    title: str
    categories: tuple[str, ...]
    #: the stable id of each category (a policy id, a period), for the page's data attributes
    keys: tuple[str, ...]
    series: tuple[Series, ...]
    horizontal: bool = False
    note: str = ""


def _t(item: dict[str, Any], lang: str) -> str:
    return str(item["zh"] if lang == "zh" else item.get("en") or item["zh"])


def _table(report: dict[str, Any], table_id: str) -> dict[str, Any] | None:
    for s in report["sections"]:
        for t in s["tables"]:
            if t["id"] == table_id:
                return dict(t)
    return None


def _line(report: dict[str, Any], line_id: str) -> str | None:
    for s in report["sections"]:
        for ln in s["lines"]:
            if ln["id"] == line_id and ln.get("amount") is not None:
                return str(ln["amount"])
    return None


def _savings_chart(report: dict[str, Any], lang: str) -> Chart | None:
    savings = report["savings"]
    if not savings:
        return None
    return Chart(
        "savings", "各项政策节税额（元）" if lang == "zh" else "Saving from each policy (yuan)",
        tuple(_t(s, lang) for s in savings), tuple(s["policy"] for s in savings),
        (Series("saving", "节税额" if lang == "zh" else "saving", tuple(s["amount"] for s in savings)),),
        horizontal=True,
    )


#: The line of the report holding the tax each kind of saving reduces.
_TAX_LINES: dict[str, tuple[str, ...]] = {"vat": ("vat.tax_due", "small_scale.tax_due"), "eit": ("eit.tax",)}


def _with_without_chart(report: dict[str, Any], lang: str) -> Chart | None:
    """Each policy's tax as it is and as it would be without the policy alone."""
    undone: dict[str, str] = {}
    policies = _table(report, "eit.policies")
    if policies is not None:  # its rows name the preferences as the savings do
        undone = {str(r["policy"]["zh"]): str(r["tax_without"]) for r in policies["rows"]}
    names, keys, with_, without = [], [], [], []
    derived = False
    for s in report["savings"]:
        tax = next((a for line in _TAX_LINES.get(s["tax"], ()) if (a := _line(report, line)) is not None), None)
        if tax is None:
            continue
        if s["tax"] == "eit" and s["zh"] in undone:
            other = undone[s["zh"]]
        else:
            other = str(add(Decimal(tax), Decimal(s["amount"])))
            derived = True
        names.append(_t(s, lang))
        keys.append(s["policy"])
        with_.append(tax)
        without.append(other)
    if not names:
        return None
    note = ""
    if derived:
        note = ("增值税各项政策“无此政策时”的税额 = 全年应纳增值税 + 该政策节税额；企业所得税取自“各项优惠逐项取消”表。"
                if lang == "zh" else
                "VAT without a policy = the VAT due for the year + that policy's saving; income tax without a "
                "policy is the report's table of each preference undone.")
    return Chart(
        "with_without", "有无各项政策时的税额（元）" if lang == "zh" else "Tax with and without each policy (yuan)",
        tuple(names), tuple(keys),
        (Series("with", "实际应纳税额" if lang == "zh" else "tax as computed", tuple(with_)),
         Series("without", "无此政策时" if lang == "zh" else "without the policy", tuple(without))),
        horizontal=True, note=note,
    )


def _vat_months_chart(report: dict[str, Any], lang: str) -> Chart | None:
    table = _table(report, "vat.periods")
    columns: tuple[tuple[str, str, str], ...] = (
        ("output_vat", "销项税额", "output VAT"), ("input_vat", "进项税额", "input VAT"),
        ("tax_due", "应纳税额", "VAT due"))
    if table is None:
        table = _table(report, "small_scale.periods")
        columns = (("tax_due", "应纳税额", "VAT due"),)
    if table is None or not table["rows"]:
        return None
    periods = tuple(str(r["period"]) for r in table["rows"])
    series = tuple(
        Series(cid, zh if lang == "zh" else en, tuple(str(r[cid]) for r in table["rows"])) for cid, zh, en in columns
    )
    return Chart("vat_months", "增值税按所属期（元）" if lang == "zh" else "VAT by tax period (yuan)",
                 periods, periods, series)


def _refunds_chart(report: dict[str, Any], lang: str) -> Chart | None:
    refunds = report["refunds"]
    if not refunds:
        return None
    return Chart(
        "refunds", "退税（不计入节税，元）" if lang == "zh" else "Refunds, not savings (yuan)",
        tuple(_t(r, lang) for r in refunds), tuple(r["policy"] for r in refunds),
        (Series("refund", "退税额" if lang == "zh" else "refund", tuple(r["amount"] for r in refunds)),),
        horizontal=True,
    )


def charts(report: dict[str, Any], lang: str) -> list[Chart]:
    """The charts of a report (its JSON form) that have something to show, in page order."""
    made = (_savings_chart(report, lang), _with_without_chart(report, lang),
            _vat_months_chart(report, lang), _refunds_chart(report, lang))
    return [c for c in made if c is not None]


def _font_families() -> list[str]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in CJK_FONTS if f in installed] + ["DejaVu Sans"]


def draw_svg(chart: Chart, lang: str) -> str:
    """The chart drawn as an SVG element (no XML prologue), ready to be put inside a page.

    The SVG's id is ``svg-<chart id>``; each bar group has the id
    ``bar-<chart id>-<series id>-<category key>``; in a horizontal chart, or one of
    a single series, each bar is labelled with its exact amount, grouped as the
    report shows amounts.
    """
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    n = len(chart.categories)
    rc: dict[Any, Any] = {
        "svg.fonttype": "none",  # text stays text: the page's fonts draw it
        "svg.hashsalt": f"taxcalc-{chart.id}",  # stable ids, distinct between the charts of a page
        "font.family": "sans-serif",
        "font.sans-serif": _font_families(),
        "font.size": 9,
        "axes.unicode_minus": False,
    }
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a glyph the layout font lacks: the browser has it
        height = max(1.6, 0.4 * n * len(chart.series) + 0.9) if chart.horizontal else 3.6
        fig = Figure(figsize=(9, height), layout="constrained")
        FigureCanvasSVG(fig)
        ax = fig.add_subplot()
        width = 0.8 / len(chart.series)
        for k, s in enumerate(chart.series):
            offset = (k - (len(chart.series) - 1) / 2) * width
            positions = [i + offset for i in range(n)]
            heights = [float(Decimal(v)) for v in s.values]  # a position on the page, not a figure
            colour = _COLOURS[k % len(_COLOURS)]
            if chart.horizontal:
                bars = ax.barh(positions, heights, height=width, label=s.name, color=colour)
            else:
                bars = ax.bar(positions, heights, width=width, label=s.name, color=colour)
            for bar, key in zip(bars, chart.keys, strict=True):
                bar.set_gid(f"bar-{chart.id}-{s.id}-{_slug(key)}")
            if chart.horizontal or len(chart.series) == 1:
                labels = [format_money(Decimal(v), lang, symbol=False) for v in s.values]
                ax.bar_label(bars, labels=labels, padding=2, fontsize=7,
                             rotation=0 if chart.horizontal else 90)
        ticks = list(range(n))
        if chart.horizontal:
            ax.set_yticks(ticks, list(chart.categories))
            ax.invert_yaxis()
            ax.axvline(0, color="#444", linewidth=0.6)
            ax.margins(x=0.25)
        else:
            ax.set_xticks(ticks, list(chart.categories), rotation=45 if n > 6 else 0, ha="right" if n > 6 else "center")
            ax.axhline(0, color="#444", linewidth=0.6)
            ax.margins(y=0.15)
        axis = ax.xaxis if chart.horizontal else ax.yaxis
        axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        if len(chart.series) > 1:
            ax.legend(loc="best", fontsize=8)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    # matplotlib numbers its groups in each drawing from 1 (figure_1, patch_1): unique on the page
    svg = _GROUP_ID.sub(lambda m: f'id="{chart.id}-{m.group(1)}"', svg)
    return svg.replace("<svg ", f'<svg id="svg-{chart.id}" role="img" ', 1)


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z_.-]+", "-", text)

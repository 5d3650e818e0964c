"""Sphinx directives that draw the law data as charts when the docs are built (matplotlib, inline SVG).

```{law-chart}
```
    The values over time of the keys whose history tables (``{law-history} KEY``)
    are on the same page, as step charts: rates in one panel, amounts of yuan in
    another, counts and years in a third, switches (in force or not) in a fourth,
    and values that are words or lists as a timeline of their windows.  Keys may
    be named instead: ``{law-chart} KEY …`` (a name ending in ``.`` takes every
    key starting with it).  A window the law leaves empty is a gap in the line.

```{small-profit-chart} 2010 2018 2019 2023
```
    The income tax of a small low-profit enterprise and its effective rate against
    its taxable income, for each year named, computed by
    :func:`taxcalc.eit.small_profit` at build time, with the year's cliffs
    (:func:`taxcalc.eit.small_profit_cliffs`) marked.

A page under ``rules/`` that has history tables but no ``law-chart`` gets one all
the same, before its first history table: every rule page shows its values over
time, a new one included.

Each chart is a ``<figure class="law-chart">`` with an id (``law-chart-…``) and the
keys or years it draws in ``data-keys`` / ``data-years``.  Values reach the drawing
as floats: a position on a picture, never a figure anyone reads (the tables beside
the charts give the exact values with their citations).
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from taxcalc import law
from taxcalc.errors import TaxcalcError

#: The panels of a law chart: the key types each draws, and its heading.
PANELS: tuple[tuple[str, frozenset[str], str], ...] = (
    ("rate", frozenset({"rate", "ratio"}), "rates and shares 税率、比例"),
    ("money", frozenset({"money"}), "amounts, yuan 金额（元）"),
    ("count", frozenset({"count", "years"}), "counts and years 人数、年限"),
    ("flag", frozenset({"flag"}), "in force 是否施行"),
    ("timeline", frozenset({"text", "codes", "date"}), "other values 其他取值"),
)
_HISTORY = re.compile(r"```\{law-history\}\s+(\S+)")
_CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
              "Microsoft YaHei", "SimHei")


def _percent() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{round(v * 100, 2):g}%")


def _rc(salt: str) -> dict[Any, Any]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return {
        "svg.fonttype": "none",  # text stays text, drawn by the reader's fonts
        "svg.hashsalt": salt,  # stable ids, distinct between the charts of a page
        "font.family": "sans-serif",
        "font.sans-serif": [f for f in _CJK_FONTS if f in installed] + ["DejaVu Sans"],
        "font.size": 8,
        "axes.unicode_minus": False,
    }


def _svg(fig: Any, chart_id: str) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r'id="([a-z][a-z0-9.]*_\d+)"', lambda m: f'id="{chart_id}-{m.group(1)}"', svg)
    return svg.replace("<svg ", f'<svg id="{chart_id}-svg" role="img" style="max-width:100%;height:auto" ', 1)


def _figure(chart_id: str, svg: str, caption: str, data: str) -> nodes.raw:
    html = (f'<figure class="law-chart" id="{chart_id}" {data}>{svg}'
            f'<figcaption>{_escape(caption)}</figcaption></figure>')
    return nodes.raw("", html, format="html")


def _escape(text: str) -> str:
    from html import escape

    return escape(text, quote=True)


def _number(value: object) -> float:
    """A value's height in its panel (a position on the picture)."""
    if value is None:
        return float("nan")
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, Decimal | int):
        return float(value)
    raise TypeError(f"not a number: {value!r}")


def _panel(kind: str) -> str:
    for name, kinds, _ in PANELS:
        if kind in kinds:
            return name
    raise ValueError(f"no panel for the key type {kind!r}")


def chart_keys(arguments: list[str], page_source: str) -> list[str]:
    """The keys a ``law-chart`` draws: those named (a prefix ending in ``.`` takes its keys), else
    those of the page's ``law-history`` tables, in page order."""
    keys = law.keys()
    if not arguments:
        return list(dict.fromkeys(_HISTORY.findall(page_source)))
    out: list[str] = []
    for a in arguments:
        if a.endswith("."):
            found = [k for k in keys if k.startswith(a)]
            if not found:
                raise TaxcalcError(f"no key starts with {a!r}")
            out += found
        elif a in keys:
            out.append(a)
        else:
            raise TaxcalcError(f"unknown key {a!r}")
    return list(dict.fromkeys(out))


def steps(spec: Any, right: _dt.date) -> tuple[list[_dt.date], list[float]]:
    """The corners of a key's step line: each window from its first day to the day after its last
    (an open window to ``right``) at its value; a gap, or no value, is ``nan`` (a break in the line)."""
    xs: list[_dt.date] = []
    ys: list[float] = []
    for v in spec.values:
        y = float("nan") if v.gap else _number(v.value)
        end = (v.last + _dt.timedelta(days=1)) if v.last else right
        xs += [v.first, end]
        ys += [y, y]
    return xs, ys


def draw_law_chart(keys: list[str], chart_id: str) -> str:
    """The SVG of the step chart of ``keys``: one panel for each kind of value among them."""
    import matplotlib
    import matplotlib.dates as mdates
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    data = law.default()
    specs = [data.spec(k) for k in keys]
    panels = [(name, head, [s for s in specs if _panel(s.type) == name]) for name, _, head in PANELS]
    panels = [p for p in panels if p[2]]
    starts = [v.first for s in specs for v in s.values]
    ends = [v.last for s in specs for v in s.values if v.last]
    left = min(starts)
    right = max([*ends, *starts, left]) + _dt.timedelta(days=365)
    with matplotlib.rc_context(_rc(chart_id)), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a glyph the layout font lacks: the reader's has it
        heights = [0.7 + 0.3 * len(ss) if name == "timeline" else 2.0 for name, _, ss in panels]
        legend_rows = sum((len(ss) + 1) // 2 for name, _, ss in panels if name != "timeline")
        fig = Figure(figsize=(8, sum(heights) + 0.25 * legend_rows + 0.4), layout="constrained")
        FigureCanvasSVG(fig)
        axes = fig.subplots(len(panels), 1, sharex=True, squeeze=False,
                            gridspec_kw={"height_ratios": heights})[:, 0]
        for ax, (name, head, ss) in zip(axes, panels, strict=True):
            ax.set_title(head, loc="left", fontsize=8)
            if name == "timeline":
                _timeline(ax, ss, right)
                continue
            for s in ss:
                xs, ys = steps(s, right)
                line = ax.step(xs, ys, where="post", label=s.name, linewidth=1.6)[0]
                line.set_gid(f"{chart_id}-key-{s.name}")
            if name == "rate":
                ax.yaxis.set_major_formatter(_percent())
            elif name == "money":
                ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
            elif name == "flag":
                ax.set_yticks([0, 1], ["no 否", "yes 是"])
                ax.set_ylim(-0.2, 1.2)
            ax.margins(y=0.15)
            ax.grid(axis="y", linewidth=0.3)
            ax.tick_params(labelbottom=True)
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=7, frameon=False)
        axes[-1].xaxis.set_major_locator(mdates.AutoDateLocator())
        axes[-1].xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        axes[-1].set_xlim(left, right)
        return _svg(fig, chart_id)


def _timeline(ax: Any, specs: list[Any], right: _dt.date) -> None:
    """Each key a row, each window a bar labelled with its value."""
    import matplotlib.dates as mdates

    for row, s in enumerate(specs):
        for n, v in enumerate(s.values):
            start = mdates.date2num(v.first)
            end = mdates.date2num((v.last + _dt.timedelta(days=1)) if v.last else right)
            colour = "#e2e8f0" if v.gap else ("#bee3f8", "#c6f6d5")[n % 2]
            ax.broken_barh([(start, end - start)], (row - 0.35, 0.7), facecolors=colour, edgecolors="#4a5568",
                           linewidth=0.4)
            text = v.shown("zh")
            text = text if len(text) <= 18 else text[:17] + "…"
            ax.text(start + (end - start) / 2, row, text, ha="center", va="center", fontsize=6, clip_on=True)
    ax.set_yticks(range(len(specs)), [s.name for s in specs], fontsize=7)
    ax.set_ylim(len(specs) - 0.5, -0.5)


_CAPTION = ("Values over time, drawn from the law data when the docs are built (tables below: "
            "the exact values and citations). 各键取值随时间的变化，构建文档时由法规数据生成。")


def _law_chart(env: Any, keys: list[str]) -> nodes.raw:
    n = env.new_serialno("law-chart")
    chart_id = f"law-chart-{env.docname.replace('/', '-')}-{n}"
    node = _figure(chart_id, draw_law_chart(keys, chart_id), _CAPTION, f'data-keys="{_escape(" ".join(keys))}"')
    node["classes"].append("law-chart")
    return node


class LawChart(SphinxDirective):
    """``{law-chart} [KEY …]``: step charts of the keys' values over time, from the law data."""

    optional_arguments = 50

    def run(self) -> list[nodes.Node]:
        source = Path(self.env.doc2path(self.env.docname)).read_text("utf-8")
        try:
            keys = chart_keys([a.strip() for a in self.arguments], source)
        except TaxcalcError as exc:
            raise self.error(f"law-chart: {exc}") from None
        if not keys:
            raise self.error("law-chart: no key named, and no law-history table on the page")
        return [_law_chart(self.env, keys)]


def _chart_every_rule_page(app: Sphinx, doctree: nodes.document) -> None:
    """A rule page with history tables and no chart gets one before its first table."""
    env = app.env
    if not env.docname.startswith("rules/"):
        return
    if any("law-chart" in n["classes"] for n in doctree.findall(nodes.raw)):
        return
    first = next((t for t in doctree.findall(nodes.table) if "law-history" in t["classes"]), None)
    if first is None:
        return
    keys = chart_keys([], Path(env.doc2path(env.docname)).read_text("utf-8"))
    if not keys:
        return
    caption = first.parent[first.parent.index(first) - 1]  # the key's line above its table
    caption.parent.insert(caption.parent.index(caption), _law_chart(env, keys))


def small_profit_points(year: int) -> tuple[list[Decimal], list[Decimal], tuple[Decimal, ...]]:
    """Taxable incomes of ``year`` (both sides of every cliff), the tax on each, and the cliffs."""
    from taxcalc.eit import small_profit, small_profit_cliffs

    cliffs = small_profit_cliffs(year)
    top = max(cliffs) * Decimal("1.3")
    step = top / 120
    grid = {(step * i).quantize(Decimal("0.01")) for i in range(1, 121)}
    grid |= set(cliffs) | {c + Decimal("0.01") for c in cliffs}
    incomes = sorted(grid)
    return incomes, [small_profit(i, year).tax for i in incomes], cliffs


def draw_small_profit_chart(years: list[int], chart_id: str) -> str:
    """Tax and effective rate against taxable income, one column per year, cliffs marked."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    wan = FuncFormatter(lambda v, _: f"{v / 10000:,.0f}万")
    with matplotlib.rc_context(_rc(chart_id)), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        fig = Figure(figsize=(2.3 * len(years) + 0.6, 4.4), layout="constrained")
        FigureCanvasSVG(fig)
        axes = fig.subplots(2, len(years), squeeze=False)
        for col, year in enumerate(years):
            incomes, taxes, cliffs = small_profit_points(year)
            x = [float(i) for i in incomes]
            tax = [float(t) for t in taxes]
            rate = [float(t / i) for t, i in zip(taxes, incomes, strict=True)]
            top, bottom = axes[0][col], axes[1][col]
            top.plot(x, tax, linewidth=1.4, gid=f"{chart_id}-tax-{year}")
            bottom.plot(x, rate, linewidth=1.4, color="#c05621", gid=f"{chart_id}-rate-{year}")
            for c in cliffs:
                for ax in (top, bottom):
                    ax.axvline(float(c), color="#718096", linestyle=":", linewidth=0.8)
                top.annotate(f"{c / 10000:,.0f}万", (float(c), 0), xytext=(2, 2), textcoords="offset points",
                             fontsize=6, color="#4a5568", rotation=90, va="bottom")
            top.set_title(f"{year}", fontsize=9)
            top.xaxis.set_major_formatter(wan)
            bottom.xaxis.set_major_formatter(wan)
            top.yaxis.set_major_formatter(wan)
            bottom.yaxis.set_major_formatter(_percent())
            bottom.set_ylim(0, 0.27)
            bottom.set_xlabel("taxable income 应纳税所得额", fontsize=7)
            for ax in (top, bottom):
                ax.tick_params(labelsize=6)
                ax.grid(linewidth=0.3)
        axes[0][0].set_ylabel("tax 应纳税额", fontsize=7)
        axes[1][0].set_ylabel("effective rate 实际税负", fontsize=7)
        return _svg(fig, chart_id)


class SmallProfitChart(SphinxDirective):
    """``{small-profit-chart} YEAR …``: tax and effective rate against income, with the cliffs."""

    required_arguments = 1
    optional_arguments = 10

    def run(self) -> list[nodes.Node]:
        try:
            years = [int(a) for a in self.arguments]
            n = self.env.new_serialno("small-profit-chart")
            chart_id = f"small-profit-chart-{n}"
            svg = draw_small_profit_chart(years, chart_id)
        except (ValueError, TaxcalcError) as exc:
            raise self.error(f"small-profit-chart: {exc}") from None
        caption = ("Income tax and effective rate of a small low-profit enterprise against its taxable income "
                   "(cliffs dotted), computed by taxcalc.eit.small_profit when the docs are built. "
                   "小型微利企业应纳税额与实际税负随应纳税所得额的变化（虚线为临界点）。")
        return [_figure(chart_id, svg, caption, f'data-years="{" ".join(map(str, years))}"')]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("law-chart", LawChart)
    app.add_directive("small-profit-chart", SmallProfitChart)
    app.connect("doctree-read", _chart_every_rule_page)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}

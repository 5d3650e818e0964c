"""The benefit report as one self-contained HTML page: styles and charts inside the file.

The page says what the text report (:func:`taxcalc.report.render`) says, in the
same order: the enterprise, each section's lines, tables, savings, refunds and
notes, then the saving from each policy with the subtotals, the total in figures
and in 大写金额, and the refunds apart.  Every figure is read from the report's
JSON form (:meth:`taxcalc.report.Report.as_dict`) as the exact string found there
and shown grouped as the text report shows it (the totals with the currency
sign); it carries that string in ``data-value`` and where it comes from in
``data-figure``:

===============================  ==========================================
``data-figure``                  JSON
===============================  ==========================================
``line:ID``                      the ``amount`` of the section line ``ID``
``table:ID:N:COLUMN``            row ``N`` (from 0) of table ``ID``
``table:ID:total:COLUMN``        the total row of table ``ID``
``saving:POLICY``                the ``amount`` of a saving
``refund:POLICY``                the ``amount`` of a refund
``total_saving``                 ``total_saving``
``total_saving_by_tax:TAX``      ``total_saving_by_tax[TAX]``
``total_refund``                 ``total_refund``
``chart:CHART:SERIES:KEY``       a figure a chart draws (see :mod:`.charts`)
===============================  ==========================================

Each chart is a ``<figure class="chart" data-chart="ID" id="chart-ID">`` holding
the SVG and a table of the figures it draws.  Nothing is fetched when the page is
opened: no script, no web font, no image file.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from html import escape
from typing import Any

from ...format import format_money, format_rate
from ..render import (  # the text report's words
    _EXPORTER,
    _NUMERALS,
    _PERIOD,
    _QUAL,
    _TAXES,
    _TAXPAYER,
)
from .charts import CJK_FONTS, Chart, charts, draw_svg

__all__ = ["FONT_STACK", "page"]

#: The page's fonts: the system's, then the Chinese fonts of each platform.
FONT_STACK = ", ".join(
    ["system-ui", "-apple-system", '"Segoe UI"', *(f'"{f}"' for f in CJK_FONTS),
     '"Noto Sans SC"', "sans-serif"])

_MONEY_TH = ' class="money"'

_CSS = """
:root { color-scheme: light; }
body { font-family: %(fonts)s; margin: 2rem auto; max-width: 62rem; padding: 0 1rem;
       color: #1a202c; line-height: 1.5; }
h1 { font-size: 1.5rem; border-bottom: 2px solid #2b6cb0; padding-bottom: .3rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #cbd5e0; }
h3 { font-size: 1rem; margin-bottom: .3rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .85rem; }
th, td { border: 1px solid #e2e8f0; padding: .2rem .5rem; vertical-align: top; text-align: left; }
th { background: #f7fafc; }
td.money, td.rate, th.money, th.rate { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; border-top: 2px solid #a0aec0; }
.cite, .form, .note { color: #4a5568; font-size: .8rem; }
.status { color: #718096; font-weight: normal; }
.total-saving { font-size: 1.1rem; font-weight: 600; }
figure.chart { margin: 1rem 0 2rem; }
figure.chart svg { max-width: 100%%; height: auto; }
figure.chart svg text { font-family: %(fonts)s !important; }
figcaption { font-size: .85rem; color: #4a5568; }
.provenance { color: #718096; font-size: .75rem; margin-top: 3rem; }
"""


def _t(pair: tuple[str, str] | dict[str, Any], lang: str) -> str:
    if isinstance(pair, dict):
        return str(pair["zh"] if lang == "zh" else pair.get("en") or pair["zh"])
    return pair[0] if lang == "zh" else pair[1]


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _money(value: str, figure: str, lang: str, tag: str = "td", *, symbol: bool = False) -> str:
    """An exact amount from the JSON, shown grouped (a total with its currency sign), with where it comes from."""
    shown = format_money(Decimal(value), lang, symbol=symbol)
    cls = ' class="money"' if tag == "td" else ""
    return f'<{tag}{cls} data-figure="{_e(figure)}" data-value="{_e(value)}">{_e(shown)}</{tag}>'


def _cites(cites: Iterable[dict[str, str]], lang: str) -> str:
    """Citations from the JSON in ``lang``: in Chinese the ``doc_zh`` and ``article_zh`` of a citation that has them."""
    z = "_zh" if lang == "zh" else ""
    return "; ".join(f"{c.get('doc' + z, c['doc'])} {c.get('article' + z, c['article'])}".strip() for c in cites)


def _cell(value: Any, kind: str, figure: str, lang: str) -> str:
    if value is None or value == "":
        return f'<td class="{kind}"></td>'
    if kind == "money":
        return _money(str(value), figure, lang)
    if kind == "rate":
        return f'<td class="rate">{_e(format_rate(Decimal(str(value)), lang))}</td>'
    if kind == "bool":
        return f"<td>{_e(('是' if value else '否') if lang == 'zh' else ('yes' if value else 'no'))}</td>"
    if kind == "label":
        return f"<td>{_e(_t(value, lang))}</td>"
    if kind == "cite":
        return f'<td class="cite">{_e(_cites(value, lang))}</td>'
    return f"<td>{_e(value)}</td>"


def _table(t: dict[str, Any], lang: str) -> str:
    cols = t["columns"]
    out = [f'<h3>{_e(_t(t, lang))}</h3>', f'<table class="report-table" data-table="{_e(t["id"])}">', "<thead><tr>"]
    out += [f'<th class="{_e(c["kind"])}">{_e(_t(c, lang))}</th>' for c in cols]
    out.append("</tr></thead><tbody>")
    for n, row in enumerate(t["rows"]):
        out.append("<tr>" + "".join(_cell(row[c["id"]], c["kind"], f"table:{t['id']}:{n}:{c['id']}", lang)
                                    for c in cols) + "</tr>")
    if t["total"] is not None:
        cells = [_cell(t["total"][c["id"]], c["kind"], f"table:{t['id']}:total:{c['id']}", lang) for c in cols]
        if not t["total"][cols[0]["id"]]:
            cells[0] = f"<td>{'合计' if lang == 'zh' else 'total'}</td>"
        out.append('<tr class="total">' + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _lines(lines: list[dict[str, Any]], lang: str) -> str:
    out = ['<table class="report-lines"><tbody>']
    for ln in lines:
        label = f"<th>{_e(_t(ln, lang))}</th>"
        if ln["amount"] is not None:
            value = _money(ln["amount"], f"line:{ln['id']}", lang)
        else:
            value = f'<td data-line="{_e(ln["id"])}">{_e(_t(ln["value"], lang)) if "value" in ln else ""}</td>'
        extra = []
        if "note" in ln:
            note = _t(ln["note"], lang)
            extra.append(f'<span class="note">{_e(f"（{note}）" if lang == "zh" else f"({note})")}</span>')
        if ln["cite"]:
            extra.append(f'<span class="cite">[{_e(_cites(ln["cite"], lang))}]</span>')
        if ln.get("form"):
            extra.append(f'<span class="form">{_e(("表" if lang == "zh" else "form ") + ln["form"])}</span>')
        out.append(f"<tr>{label}{value}<td>{' '.join(extra)}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _items(items: list[dict[str, Any]], kind: str, lang: str) -> str:
    """Savings (``kind`` saving) or refunds of a section, with amounts and citations."""
    rows = "".join(
        f"<tr><td>{_e(_t(i, lang))}</td>{_money(i['amount'], kind + ':' + i['policy'], lang)}"
        f'<td class="cite">{_e(_cites(i["cite"], lang))}</td></tr>'
        for i in items)
    return f'<table class="report-{kind}s"><tbody>{rows}</tbody></table>'


def _notes(notes: Iterable[tuple[str, str]], lang: str) -> str:
    head = "注：" if lang == "zh" else "Note: "
    return "".join(f'<p class="note">{_e(head + (zh if lang == "zh" else en))}</p>' for zh, en in notes)


def _section(n: int, s: dict[str, Any], by_policy: dict[str, dict[str, Any]], lang: str) -> str:
    status = ""
    if s["status"] == "not_applicable":
        status = f' <span class="status">{"（不适用）" if lang == "zh" else "(not applicable)"}</span>'
    title = f"{_NUMERALS[n - 1]}、{_t(s, lang)}" if lang == "zh" else f"{n}. {_t(s, lang)}"
    out = [f'<section id="section-{_e(s["id"])}" data-section="{_e(s["id"])}"><h2>{_e(title)}{status}</h2>']
    if s["lines"]:
        out.append(_lines(s["lines"], lang))
    out += [_table(t, lang) for t in s["tables"]]
    if s["savings"]:
        out.append(f"<h3>{'本节节税' if lang == 'zh' else 'Savings in this section'}</h3>")
        out.append(_items([by_policy["saving:" + p] for p in s["savings"]], "saving", lang))
    if s["refunds"]:
        out.append(f"<h3>{'本节退税（不计入节税）' if lang == 'zh' else 'Refunds in this section (not savings)'}</h3>")
        out.append(_items([by_policy["refund:" + p] for p in s["refunds"]], "refund", lang))
    out.append(_notes(((nt["zh"], nt["en"]) for nt in s["notes"]), lang))
    out.append("</section>")
    return "".join(out)


def _header(r: dict[str, Any], lang: str) -> str:
    e = r["enterprise"]
    name = e["name"] if lang == "zh" else (e.get("name_en") or e["name"])
    title = f"{r['year']}年度税收优惠报告：{name}" if lang == "zh" else f"Tax benefit report, {r['year']} — {name}"
    sep = "，" if lang == "zh" else ", "
    where = [e["province"]] if e.get("province") else []
    if e.get("industry"):
        where.append(("行业 " if lang == "zh" else "industry ") + e["industry"])
    place = (f"（{sep.join(where)}）" if lang == "zh" else f" ({sep.join(where)})") if where else ""
    rows = [("纳税人" if lang == "zh" else "enterprise", name + place),
            ("增值税" if lang == "zh" else "VAT",
             f"{_t(_TAXPAYER[e['vat_taxpayer']], lang)}{sep}{_t(_PERIOD[e['vat_period']], lang)}"),
            ("出口" if lang == "zh" else "exports", _t(_EXPORTER[e["exporter"]], lang))]
    for q in e.get("qualifications", ()):
        text = f"{_t(_QUAL[q['kind']], lang)} {q['from']} – {q['to']}"
        if q.get("certificate"):
            text += f"（{q['certificate']}）" if lang == "zh" else f" ({q['certificate']})"
        rows.append(("资格" if lang == "zh" else "qualification", text))
    known_on = r["law"]["known_on"]
    if known_on:
        law = f"依 {known_on} 已公布的文件" if lang == "zh" else f"as published on or before {known_on}"
    else:
        law = "本版收录的全部文件" if lang == "zh" else "every document in this version's data"
    if r["law"]["what_if"]:
        law += ("；假设 " if lang == "zh" else "; what-if ") + ", ".join(f"{k} = {v}" for k, v in r["law"]["what_if"].items())
    rows.append(("法规" if lang == "zh" else "law", law))
    body = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    unit = "金额单位：元（人民币）" if lang == "zh" else "Amounts in yuan (CNY)."
    return f'<header><h1>{_e(title)}</h1><table class="report-header"><tbody>{body}</tbody></table><p>{unit}</p></header>'


def _summary(n: int, r: dict[str, Any], lang: str) -> str:
    title = "各项政策节税额" if lang == "zh" else "Saving from each policy"
    out = [f'<section id="summary" data-section="summary"><h2>{_e(f"{_NUMERALS[n - 1]}、{title}" if lang == "zh" else f"{n}. {title}")}</h2>']
    if r["savings"]:
        head = ["政策", "税种", "节税额", "依据"] if lang == "zh" else ["policy", "tax", "saving", "basis"]
        out.append('<table class="report-summary"><thead><tr>'
                   + "".join(f"<th{_MONEY_TH if i == 2 else ''}>{h}</th>" for i, h in enumerate(head))
                   + "</tr></thead><tbody>")
        for s in r["savings"]:
            out.append(f"<tr><td>{_e(_t(s, lang))}</td><td>{_e(_t(_TAXES.get(s['tax'], (s['tax'], s['tax'])), lang))}</td>"
                       f"{_money(s['amount'], 'saving:' + s['policy'], lang)}"
                       f'<td class="cite">{_e(_cites(s["cite"], lang))}</td></tr>')
        out.append("</tbody></table>")
    else:
        out.append(f"<p>{'（无）' if lang == 'zh' else '(none)'}</p>")
    by_tax = r["total_saving_by_tax"]
    if len(by_tax) > 1:
        out.append('<table class="report-by-tax"><tbody>')
        for tax, amount in by_tax.items():
            name = _t(_TAXES.get(tax, (tax, tax)), lang)
            label = f"{name}节税小计" if lang == "zh" else f"Saving in {name}"
            out.append(f"<tr><th>{_e(label)}</th>{_money(amount, 'total_saving_by_tax:' + tax, lang, symbol=True)}</tr>")
        out.append("</tbody></table>")
    label = "合计节税" if lang == "zh" else "Total saving"
    out.append(f'<p class="total-saving">{label}{"：" if lang == "zh" else ": "}'
               f"{_money(r['total_saving'], 'total_saving', lang, tag='span', symbol=True)}</p>")
    if r["total_saving_daxie"]:
        words = r["total_saving_daxie"]
        out.append(f'<p data-figure="total_saving_daxie">{_e(("大写：" if lang == "zh" else "in Chinese capitals: ") + words)}</p>')
    if r["refunds"]:
        out.append(f"<h3>{'退税（退还已缴进项税额，不计入节税）' if lang == 'zh' else 'Refunds (input VAT paid back; not savings)'}</h3>")
        out.append(_items(r["refunds"], "refund", lang))
        label = "退税合计" if lang == "zh" else "Total refunds"
        out.append(f"<p>{label}{'：' if lang == 'zh' else ': '}"
                   f"{_money(r['total_refund'], 'total_refund', lang, tag='span', symbol=True)}</p>")
    notes = [(f"{i['zh']}：{i['note']['zh']}", f"{i['en']}: {i['note']['en']}")
             for i in (*r["savings"], *r["refunds"]) if "note" in i]
    out.append(_notes(notes, lang))
    out.append("</section>")
    return "".join(out)


def _chart(chart: Chart, lang: str) -> str:
    svg = draw_svg(chart, lang)
    head = "".join(f'<th class="money">{_e(s.name)}</th>' for s in chart.series)
    rows = "".join(
        f"<tr><td>{_e(name)}</td>"
        + "".join(_money(s.values[i], f"chart:{chart.id}:{s.id}:{key}", lang) for s in chart.series)
        + "</tr>"
        for i, (name, key) in enumerate(zip(chart.categories, chart.keys, strict=True)))
    note = f'<p class="note">{_e(chart.note)}</p>' if chart.note else ""
    return (f'<figure class="chart" id="chart-{_e(chart.id)}" data-chart="{_e(chart.id)}">{svg}'
            f'<figcaption>{_e(chart.title)}</figcaption>{note}'
            f'<details><summary>{"图中数字" if lang == "zh" else "The figures drawn"}</summary>'
            f'<table class="chart-figures"><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody></table>'
            f"</details></figure>")


def page(report: dict[str, Any], lang: str = "zh") -> str:
    """The whole page for a report's JSON form, in ``lang`` (``zh`` or ``en``)."""
    if lang not in ("zh", "en"):
        from ...errors import UnknownCategory

        raise UnknownCategory("lang", lang, ("zh", "en"))
    by_policy = {f"saving:{s['policy']}": s for s in report["savings"]}
    by_policy.update({f"refund:{r['policy']}": r for r in report["refunds"]})
    made = charts(report, lang)
    body = [_header(report, lang)]
    if made:
        body.append(f'<section id="charts" data-section="charts"><h2>{"图表" if lang == "zh" else "Charts"}</h2>')
        body += [_chart(c, lang) for c in made]
        body.append("</section>")
    n = 0
    for s in report["sections"]:
        n += 1
        body.append(_section(n, s, by_policy, lang))
    body.append(_summary(n + 1, report, lang))
    prov = report.get("provenance") or {}
    stamp = ", ".join(f"{k} {v}" for k, v in prov.items() if isinstance(v, str | int))
    body.append(f'<p class="provenance">{_e(stamp)}</p>')
    e = report["enterprise"]
    name = e["name"] if lang == "zh" else (e.get("name_en") or e["name"])
    title = f"{report['year']}年度税收优惠报告：{name}" if lang == "zh" else f"Tax benefit report, {report['year']} — {name}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">'
        f"<title>{_e(title)}</title><style>{_CSS % {'fonts': FONT_STACK}}</style></head>"
        f'<body data-report-year="{report["year"]}" data-lang="{lang}">{"".join(body)}</body></html>\n'
    )

"""The report as text for a terminal, in Chinese (``zh``) or English (``en``).

Every line fits :data:`WIDTH` columns (100), counting Chinese characters as two
(:func:`taxcalc.text.display_width`): wide table cells are wrapped inside their
column, long notes are wrapped under their label.  Money in tables is shown
without the currency sign (the header says 元 / yuan), rounded half up to the
fen by :func:`taxcalc.format.format_money`; the total saving is shown with the
sign and in 大写金额.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from decimal import Decimal

from ..explain import Citation
from ..format import daxie, format_money, format_rate
from ..text import display_width, pad, wrap
from .model import Line, Refund, Report, Saving, Section, Table

__all__ = ["WIDTH", "render", "wrap"]

#: The width every rendered line fits in.
WIDTH = 100
_GAP = "  "
_NUMERALS = "一二三四五六七八九十"

_TAXES = {"vat": ("增值税", "VAT"), "eit": ("企业所得税", "income tax"), "env": ("环境保护税", "environmental protection tax"),
          "export": ("出口退税", "export refund")}
_TAXPAYER = {"general": ("一般纳税人", "general taxpayer"), "small_scale": ("小规模纳税人", "small-scale taxpayer")}
_PERIOD = {"month": ("按月申报", "files monthly"), "quarter": ("按季申报", "files quarterly"),
           "transaction": ("按次申报", "files per transaction")}
_EXPORTER = {
    "none": ("无出口", "no exports"),
    "manufacturer": ("生产企业（免抵退）", "manufacturer (exemption, credit and refund)"),
    "trader": ("外贸企业（免退）", "trading firm (exemption and refund)"),
}
_QUAL = {
    "high_tech": ("高新技术企业", "high and new technology enterprise"),
    "tech_sme": ("科技型中小企业", "technology-based SME"),
    "advanced_tech_service": ("技术先进型服务企业", "advanced technology service enterprise"),
}
_STATUS = {"not_applicable": ("（不适用）", " (not applicable)")}


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def _cell(value: object, kind: str, lang: str) -> str:
    if value is None or value == "":
        return ""
    if kind == "bool" and isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if kind == "money" and isinstance(value, Decimal):
        return format_money(value, lang, symbol=False)
    if kind == "rate" and isinstance(value, Decimal):
        return format_rate(value, lang)
    if kind == "month" and isinstance(value, _dt.date):
        return f"{value:%Y-%m}"
    if kind == "label" and isinstance(value, tuple):
        return str(value[0] if lang == "zh" else value[1])
    if kind == "cite" and isinstance(value, tuple):
        return "; ".join(str(c) for c in value if isinstance(c, Citation))
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _grid(
    header: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    right: set[int],
    width: int,
    indent: str = "",
    total: Sequence[str] | None = None,
    fixed: set[int] | frozenset[int] = frozenset(),
) -> list[str]:
    """A table whose widest wrappable columns shrink (and wrap) until it fits ``width``.

    Columns in ``right`` (right-aligned figures) and ``fixed`` (dates) are never wrapped.
    """
    ncol = len(rows[0]) if rows else len(header or ())
    all_rows = [*( [list(header)] if header else []), *[list(r) for r in rows], *([list(total)] if total else [])]
    widths = [max((display_width(r[i]) for r in all_rows), default=0) for i in range(ncol)]
    budget = width - display_width(indent) - len(_GAP) * (ncol - 1)
    shrinkable = [i for i in range(ncol) if i not in right and i not in fixed]
    while sum(widths) > budget and shrinkable:
        i = max(shrinkable, key=lambda j: widths[j])
        floor = max(8, max((display_width(h) for h in (header or ())[i : i + 1]), default=0))
        if widths[i] <= floor:
            shrinkable.remove(i)
            continue
        widths[i] -= 1

    def render_row(cells: Sequence[str]) -> list[str]:
        parts = [wrap(c, widths[i]) if i not in right else [c] for i, c in enumerate(cells)]
        height = max(len(p) for p in parts)
        out = []
        for k in range(height):
            seg = [pad(p[k] if k < len(p) else "", widths[i], right=i in right) for i, p in enumerate(parts)]
            out.append((indent + _GAP.join(seg)).rstrip())
        return out

    lines: list[str] = []
    if header:
        lines.extend(render_row(header))
        lines.append(indent + _GAP.join("-" * w for w in widths))
    for r in rows:
        lines.extend(render_row(r))
    if total:
        lines.append(indent + _GAP.join("-" * w for w in widths))
        lines.extend(render_row(total))
    return lines


def _table(t: Table, lang: str, width: int) -> list[str]:
    """A table, split into parts that each repeat the first column when it is too wide for ``width``."""
    head = [c.zh if lang == "zh" else c.en for c in t.columns]
    right = {i for i, c in enumerate(t.columns) if c.kind in ("money", "rate")}
    fixed = {i for i, c in enumerate(t.columns) if c.kind in ("date", "month")}
    rows = [[_cell(v, c.kind, lang) for c, v in zip(t.columns, r, strict=True)] for r in t.rows]
    total = None
    if t.total is not None:
        total = [_cell(v, c.kind, lang) for c, v in zip(t.columns, t.total, strict=True)]
        total[0] = total[0] or ("合计" if lang == "zh" else "total")
    title = t.zh if lang == "zh" else t.en
    out = [f"  {title}"]
    for n, part in enumerate(_parts(head, rows, total, right | fixed, width - 2)):
        if n:
            out.append("")
        pick = [head[i] for i in part], [[r[i] for i in part] for r in rows]
        t_part = [total[i] for i in part] if total else None
        r_part = {k for k, i in enumerate(part) if i in right}
        f_part = {k for k, i in enumerate(part) if i in fixed}
        out.extend(_grid(pick[0], pick[1], r_part, width, "  ", t_part, f_part))
    return out


def _min_width(i: int, head: list[str], rows: list[list[str]], total: list[str] | None, right: set[int]) -> int:
    """The narrowest column ``i`` can be: all of a right-aligned cell, else what wrapping allows.

    The first column, repeated in every part of a split table, labels the rows: it keeps 16 columns.
    """
    cells = [head[i], *(r[i] for r in rows), *([total[i]] if total else [])]
    widest = max(display_width(c) for c in cells)
    if i in right:
        return widest
    return min(widest, max(16 if i == 0 else 10, display_width(head[i])))


def _parts(
    head: list[str], rows: list[list[str]], total: list[str] | None, right: set[int], width: int
) -> list[list[int]]:
    """Column groups, each starting with column 0, that fit ``width`` (one group when all fit)."""
    mins = [_min_width(i, head, rows, total, right) for i in range(len(head))]
    parts: list[list[int]] = [[0]]
    used = mins[0]
    for i in range(1, len(head)):
        need = len(_GAP) + mins[i]
        if used + need > width and len(parts[-1]) > 1:
            parts.append([0])
            used = mins[0]
        parts[-1].append(i)
        used += need
    return parts


def _line_value(ln: Line, lang: str) -> str:
    if ln.amount is not None:
        return format_money(ln.amount, lang, symbol=False)
    return ln.value_zh if lang == "zh" else (ln.value_en or ln.value_zh)


def _lines(lines: Sequence[Line], lang: str, width: int) -> list[str]:
    amounts = [format_money(ln.amount, lang, symbol=False) for ln in lines if ln.amount is not None]
    amount_w = max((display_width(a) for a in amounts), default=0)
    rows = []
    for ln in lines:
        value = _line_value(ln, lang)
        if ln.amount is not None:
            value = pad(value, amount_w, right=True)
        extra = []
        note = ln.note_zh if lang == "zh" else (ln.note_en or ln.note_zh)
        if note:
            extra.append(f"（{note}）" if lang == "zh" else f"({note})")
        if ln.cite:
            extra.append("[" + "; ".join(str(c) for c in ln.cite) + "]")
        if ln.form:
            extra.append(f"表{ln.form}" if lang == "zh" else f"form {ln.form}")
        if extra:
            value = value + "  " + " ".join(extra)
        rows.append([ln.zh if lang == "zh" else ln.en, value])
    return _grid(None, rows, set(), width, "  ")


def _notes(notes: Sequence[tuple[str, str]], lang: str, width: int) -> list[str]:
    out = []
    head = "注：" if lang == "zh" else "Note: "
    for zh, en in notes:
        text = zh if lang == "zh" else en
        body = wrap(text, width - 2 - display_width(head))
        out.append(f"  {head}{body[0]}")
        out.extend("  " + " " * display_width(head) + b for b in body[1:])
    return out


def _heading(n: int, title: str, lang: str, width: int) -> list[str]:
    text = f"{_NUMERALS[n - 1]}、{title}" if lang == "zh" else f"{n}. {title}"
    return ["", text, "-" * min(width, max(display_width(text), 40))]


def _section(n: int, s: Section, lang: str, width: int) -> list[str]:
    title = (s.zh if lang == "zh" else s.en) + (_t(_STATUS[s.status], lang) if s.status in _STATUS else "")
    out = _heading(n, title, lang, width)
    if s.lines:
        out.extend(_lines(s.lines, lang, width))
    for t in s.tables:
        out.append("")
        out.extend(_table(t, lang, width))
    if s.savings:
        out.append("")
        label = "  本节节税：" if lang == "zh" else "  Savings in this section:"
        out.append(label)
        rows = [[sv.zh if lang == "zh" else sv.en, format_money(sv.amount, lang, symbol=False),
                 "; ".join(str(c) for c in sv.cite)] for sv in s.savings]
        out.extend(_grid(None, rows, {1}, width, "    "))
    if s.refunds:
        out.append("")
        label = "  本节退税（不计入节税）：" if lang == "zh" else "  Refunds in this section (not savings):"
        out.append(label)
        rows = [[rf.zh if lang == "zh" else rf.en, format_money(rf.amount, lang, symbol=False),
                 "; ".join(str(c) for c in rf.cite)] for rf in s.refunds]
        out.extend(_grid(None, rows, {1}, width, "    "))
    if s.notes:
        out.append("")
        out.extend(_notes(s.notes, lang, width))
    return out


def _header(r: Report, lang: str, width: int) -> list[str]:
    e = r.enterprise
    name = e["name"] if lang == "zh" else (e.get("name_en") or e["name"])
    if lang == "zh":
        title = f"{r.year}年度税收优惠报告：{name}"
    else:
        title = f"Tax benefit report, {r.year} — {name}"
    rows: list[list[str]] = []
    where = []
    if e.get("province"):
        where.append(e["province"])
    if e.get("industry"):
        where.append(("行业 " if lang == "zh" else "industry ") + e["industry"])
    sep = "，" if lang == "zh" else ", "
    rows.append(["纳税人" if lang == "zh" else "enterprise", name + (f"（{sep.join(where)}）" if lang == "zh" and where
                                                                 else f" ({sep.join(where)})" if where else "")])
    vat = f"{_t(_TAXPAYER[e['vat_taxpayer']], lang)}{sep}{_t(_PERIOD[e['vat_period']], lang)}"
    rows.append(["增值税" if lang == "zh" else "VAT", vat])
    rows.append(["出口" if lang == "zh" else "exports", _t(_EXPORTER[e["exporter"]], lang)])
    for q in e.get("qualifications", ()):
        cert = q.get("certificate")
        text = f"{_t(_QUAL[q['kind']], lang)} {q['from']} – {q['to']}"
        if cert:
            text += f"（{cert}）" if lang == "zh" else f" ({cert})"
        rows.append(["资格" if lang == "zh" else "qualification", text])
    if r.known_on:
        law = f"依 {r.known_on} 已公布的文件" if lang == "zh" else f"as published on or before {r.known_on}"
    else:
        law = "本版收录的全部文件" if lang == "zh" else "every document in this version's data"
    if r.what_if:
        law += ("；假设 " if lang == "zh" else "; what-if ") + ", ".join(f"{k} = {v}" for k, v in r.what_if)
    rows.append(["法规" if lang == "zh" else "law", law])
    unit = "金额单位：元（人民币）" if lang == "zh" else "Amounts in yuan (CNY)."
    return [*wrap(title, width), "=" * width, *_grid(None, rows, set(), width), unit]


def _summary(n: int, r: Report, lang: str, width: int) -> list[str]:
    out = _heading(n, "各项政策节税额" if lang == "zh" else "Saving from each policy", lang, width)
    if r.savings:
        head = ["政策", "税种", "节税额", "依据"] if lang == "zh" else ["policy", "tax", "saving", "basis"]
        rows = [[s.zh if lang == "zh" else s.en, _t(_TAXES.get(s.tax, (s.tax, s.tax)), lang),
                 format_money(s.amount, lang, symbol=False), "; ".join(str(c) for c in s.cite)]
                for s in r.savings]
        out.extend(_grid(head, rows, {2}, width, "  "))
    else:
        out.append("  （无）" if lang == "zh" else "  (none)")
    if len(r.savings_by_tax) > 1:
        out.append("")
        for tax, amount in r.savings_by_tax:
            name = _t(_TAXES.get(tax, (tax, tax)), lang)
            out.append(f"  {name}节税小计：{format_money(amount, lang)}" if lang == "zh"
                       else f"  Saving in {name}: {format_money(amount, lang)}")
    out.append("")
    label = "合计节税" if lang == "zh" else "Total saving"
    out.append(f"  {label}：{format_money(r.total_saving, lang)}" if lang == "zh"
               else f"  {label}: {format_money(r.total_saving, lang)}")
    if r.total_saving >= 0:
        words = daxie(r.total_saving)
        out.extend(wrap(f"  大写：{words}" if lang == "zh" else f"  in Chinese capitals: {words}", width))
    if r.refunds:
        out.append("")
        out.append("  退税（退还已缴进项税额，不计入节税）：" if lang == "zh"
                   else "  Refunds (input VAT paid back; not savings):")
        head = ["退税", "金额", "依据"] if lang == "zh" else ["refund", "amount", "basis"]
        rows = [[f.zh if lang == "zh" else f.en, format_money(f.amount, lang, symbol=False),
                 "; ".join(str(c) for c in f.cite)] for f in r.refunds]
        out.extend(_grid(head, rows, {1}, width, "  "))
        label = "退税合计" if lang == "zh" else "Total refunds"
        out.append(f"  {label}：{format_money(r.total_refund, lang)}" if lang == "zh"
                   else f"  {label}: {format_money(r.total_refund, lang)}")
    items: list[Saving | Refund] = [*r.savings, *r.refunds]
    notes = [(f"{s.zh}：{s.note_zh}", f"{s.en}: {s.note_en or s.note_zh}")
             for s in items if s.note_zh or s.note_en]
    if notes:
        out.append("")
        out.extend(_notes(notes, lang, width))
    return out


def render(report: Report, lang: str = "zh", *, width: int = WIDTH) -> str:
    """The whole report as text in ``lang`` (``zh`` or ``en``), every line within ``width`` columns."""
    if lang not in ("zh", "en"):
        from ..errors import UnknownCategory

        raise UnknownCategory("lang", lang, ("zh", "en"))
    out = _header(report, lang, width)
    n = 0
    for s in report.sections:
        n += 1
        out.extend(_section(n, s, lang, width))
    out.extend(_summary(n + 1, report, lang, width))
    return "\n".join(line.rstrip() for line in out) + "\n"


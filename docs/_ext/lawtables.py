"""Sphinx directives that render the law data as tables, so the docs never disagree with it.

```{law-history} vat.rate.standard
```
    Every dated value of the key: from, to, value, citation, note (and, for a
    window later cut short, the end first enacted and the document that cut it).
    Option ``:known-on: YYYY-MM-DD`` shows the history as known on that day.

```{law-keys} vat.
```
    The keys starting with a prefix (all keys without one): name, type, coverage.

```{law-documents}
```
    The register of cited documents (optionally only numbers containing a text).

```{report-fields} sales
```
    The fields of one table of the ``taxcalc report`` input, from its schema.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from taxcalc import law
from taxcalc.errors import TaxcalcError


def _table(header: list[str], rows: list[list[str]], classes: list[str]) -> nodes.table:
    table = nodes.table(classes=["law-table", *classes])
    group = nodes.tgroup(cols=len(header))
    table += group
    for _ in header:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    group += head
    body = nodes.tbody()
    group += body

    def add(parent: nodes.Element, cells: list[str]) -> None:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            para = nodes.paragraph()
            for i, part in enumerate(cell.split("`")):
                if part:
                    para += nodes.literal(text=part) if i % 2 else nodes.Text(part)
            entry += para
            row += entry
        parent += row

    add(head, header)
    for r in rows:
        add(body, r)
    return table


class _LawDirective(SphinxDirective):
    def _fail(self, message: str) -> list[nodes.Node]:
        raise self.error(f"{self.name}: {message}")


class LawHistory(_LawDirective):
    """``{law-history} KEY``: the key's dated values as a table, straight from the data."""

    required_arguments = 1
    option_spec = {"known-on": directives.unchanged}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        key = self.arguments[0].strip()
        data = law.default()
        try:
            spec = data.spec(key)
            values = data.history(key, self.options.get("known-on"))
        except TaxcalcError as exc:
            return self._fail(str(exc))
        rows = []
        for v in values:
            note = v.note
            if v.superseded_by:
                enacted = v.enacted_last.isoformat() if v.enacted_last else "open"
                note = (note + " " if note else "") + f"(enacted to {enacted}; cut short by {v.superseded_by})"
            rows.append([
                v.first.isoformat(),
                v.last.isoformat() if v.last else "…",
                v.gap and f"— ({v.gap})" or v.shown("zh"),
                "" if v.gap else str(v.citation),
                note,
            ])
        caption = nodes.paragraph()
        caption += nodes.literal(text=key)
        caption += nodes.Text(f" — {spec.zh} / {spec.en}")
        if "known-on" in self.options:
            caption += nodes.Text(f" (as known on {self.options['known-on']})")
        header = ["From 起", "To 止", "Value 值", "Citation 依据", "Note 说明"]
        return [caption, _table(header, rows, ["law-history"])]


class LawKeys(_LawDirective):
    """``{law-keys} [PREFIX]``: the keys with a prefix, their names, types and coverage."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        prefix = self.arguments[0].strip() if self.arguments else ""
        data = law.default()
        names = data.keys(prefix)
        if not names:
            return self._fail(f"no key starts with {prefix!r}")
        rows = []
        for k in names:
            s = data.spec(k)
            rows.append([k, f"{s.zh} / {s.en}", s.type, f"{s.first} – {s.last or '…'}"])
        return [_table(["Key 键", "Name 名称", "Type", "Covered 覆盖期间"], rows, ["law-keys"])]


class LawDocuments(_LawDirective):
    """``{law-documents} [TEXT]``: the document register (numbers containing TEXT)."""

    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        text = self.arguments[0].strip() if self.arguments else ""
        docs = [d for d in law.default().documents() if text in d.number]
        if not docs:
            return self._fail(f"no registered document number contains {text!r}")
        rows = [
            [
                d.number,
                d.title,
                d.issuer,
                d.issued.isoformat(),
                d.published.isoformat() if d.published else "",
                f"{d.effective_from} – {d.effective_to or '…'}",
            ]
            for d in docs
        ]
        header = ["Number 文号", "Title 标题", "Issuer 发文机关", "Issued 发文日期",
                  "Published 公布日期", "In effect 有效期"]
        return [_table(header, rows, ["law-documents"])]


class ReportFields(_LawDirective):
    """``{report-fields} TABLE``: the fields of one table of the report input, from its schema.

    ``TABLE.FIELD`` names a list of tables inside a table, e.g. ``rd.projects``.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        from taxcalc.report.input import SCHEMA

        name = self.arguments[0].strip()
        table, _, inner = name.partition(".")
        if table not in SCHEMA:
            return self._fail(f"no input table {table!r}; expected one of: {', '.join(SCHEMA)}")
        _is_list, spec = SCHEMA[table]
        if inner:
            nested = spec.get(inner)
            if nested is None or not hasattr(nested.convert, "spec"):
                return self._fail(f"{table!r} has no list of tables {inner!r}")
            spec = nested.convert.spec
        rows = []
        for field, f in spec.items():
            kind = f.kind
            options = f.convert.options() if hasattr(f.convert, "options") else ()
            if options:
                kind = " | ".join(options)
            elif kind == "rows":
                kind = f"list of tables (`{name}.{field}`, below)"
            need = "required" if f.required else ("optional" if f.default in (None, "") else f"default {f.default}")
            rows.append([f"`{field}`", kind, need, f.doc])
        return [_table(["Field", "Kind", "Required", "Meaning"], rows, ["report-fields"])]


_UNDERLINE = set("=-~^\"'`#*+:.")


def titles_to_rubrics(lines: list[str]) -> list[str]:
    """Turn reST section titles inside a docstring into rubrics, in place.

    A module docstring is the rule's specification and may use titled sections
    (``The rule`` over a line of dashes); docutils refuses section titles inside
    an autodoc block ("Unexpected section title"), so they become
    ``.. rubric::`` lines, which look the same.  Table borders (runs of ``=``
    separated by spaces) are left alone.
    """
    i = 0
    while i + 1 < len(lines):
        title, under = lines[i].rstrip(), lines[i + 1].rstrip()
        if (
            title.strip()
            and title == title.lstrip()
            and len(under) >= len(title.strip())
            and len(set(under)) == 1
            and under[0] in _UNDERLINE
            and not (len(set(title)) == 1 and title[0] in _UNDERLINE)
        ):
            lines[i : i + 2] = [f".. rubric:: {title.strip()}", ""]
            i += 2
            continue
        i += 1
    return lines


def _process_docstring(app: Sphinx, what: str, name: str, obj: object, options: object,
                       lines: list[str]) -> None:
    titles_to_rubrics(lines)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx.ext.autodoc")
    app.connect("autodoc-process-docstring", _process_docstring)
    app.add_directive("law-history", LawHistory)
    app.add_directive("law-keys", LawKeys)
    app.add_directive("law-documents", LawDocuments)
    app.add_directive("report-fields", ReportFields)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}

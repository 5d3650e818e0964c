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

```{law-document-index}
```
    For every registered document: the keys whose values cite it (with the
    articles and windows), the page that shows each key's history, and the
    modules that read the key.  Filled in when the pages are written, once every
    page's ``law-history`` tables are known; a document number in any history
    table then links to its entry here.

```{report-fields} sales
```
    The fields of one table of the ``taxcalc report`` input, from its schema.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from taxcalc import law
from taxcalc.errors import TaxcalcError

Cell = str | Sequence[nodes.Node]


def _table(header: list[str], rows: Sequence[Sequence[Cell]], classes: list[str]) -> nodes.table:
    table = nodes.table(classes=["law-table", *classes])
    group = nodes.tgroup(cols=len(header))
    table += group
    for _ in header:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    group += head
    body = nodes.tbody()
    group += body

    def add(parent: nodes.Element, cells: Sequence[Cell]) -> None:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            para = nodes.paragraph()
            if isinstance(cell, str):
                for i, part in enumerate(cell.split("`")):
                    if part:
                        para += nodes.literal(text=part) if i % 2 else nodes.Text(part)
            else:
                para.extend(cell)
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
                [] if v.gap else _cited(v.citation.doc, v.citation.article),
                note,
            ])
        caption = nodes.paragraph()
        anchor = _anchor("law-history", key)
        if "known-on" not in self.options and anchor not in self.state.document.ids:
            caption["ids"].append(anchor)
            self.state.document.ids[anchor] = caption
            _histories(self.env).setdefault(key, {}).setdefault(self.env.docname, anchor)
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


def _anchor(kind: str, name: str) -> str:
    """An HTML id for a key or a document number: ``law-history-vat-rate-standard``."""
    return f"{kind}-" + re.sub(r"[^0-9A-Za-z\u4e00-\u9fff]+", "-", name).strip("-").lower()


def _histories(env: BuildEnvironment) -> dict[str, dict[str, str]]:
    """key → {page: anchor of the key's history table on it}, collected while reading."""
    data: dict[str, dict[str, str]] = env.__dict__.setdefault("taxcalc_law_histories", {})
    return data


def _index_pages(env: BuildEnvironment) -> set[str]:
    """The pages that hold the document index (normally one)."""
    pages: set[str] = env.__dict__.setdefault("taxcalc_document_index", set())
    return pages


class law_doc_ref(nodes.Inline, nodes.TextElement):  # noqa: N801 - a docutils node class
    """A document number in a history table; becomes a link to the document index."""


def _cited(doc: str, article: str) -> list[nodes.Node]:
    ref = law_doc_ref(doc, doc, doc=doc)
    return [ref, nodes.Text(f" {article}")] if article else [ref]


class law_document_index(nodes.General, nodes.Element):  # noqa: N801 - a docutils node class
    """Where the document index goes; filled in by :class:`DocumentIndex` when pages are written."""


class LawDocumentIndex(_LawDirective):
    """``{law-document-index}``: every document, the keys citing it, their pages and modules."""

    def run(self) -> list[nodes.Node]:
        _index_pages(self.env).add(self.env.docname)
        return [law_document_index()]


@functools.cache
def key_modules() -> dict[str, tuple[str, ...]]:
    """key → the rule modules that name it, found in the source of ``taxcalc.vat``, ``.eit``, ``.export``, ``.environment``.

    A module names a key with the key itself as a string, or with a prefix of it
    (a string ending in ``.`` or ``_``, or the start of an f-string, such as
    ``f"eit.rd.ratio.{kind}"``).  A key named only in a package's private helpers
    (``_common``) is credited to the modules of the package that import the
    helpers using it.
    """
    keys = law.keys()

    def named(node: ast.AST) -> set[str]:
        found: set[str] = set()
        for n in ast.walk(node):
            text, prefix = None, False
            if isinstance(n, ast.Constant) and isinstance(n.value, str):
                text = n.value
                prefix = text.endswith((".", "_")) and text.count(".") >= 1
            elif isinstance(n, ast.JoinedStr) and n.values and isinstance(n.values[0], ast.Constant):
                text, prefix = str(n.values[0].value), True
            if text is None:
                continue
            if text in keys:
                found.add(text)
            elif prefix and "." in text:
                found.update(k for k in keys if k.startswith(text))
        return found

    out: dict[str, set[str]] = {}
    root = resources.files("taxcalc")
    for package in ("vat", "eit", "export", "environment"):
        files = sorted((f for f in (root / package).iterdir() if f.name.endswith(".py")), key=lambda f: f.name)
        trees = {f.name[:-3]: ast.parse(f.read_text("utf-8")) for f in files}
        private: dict[str, dict[str, set[str]]] = {}
        for name, tree in trees.items():
            if name.startswith("_") and name != "__init__":
                private[name] = _top_level_keys(tree, named)
        for name, tree in trees.items():
            if name.startswith("_"):
                continue
            found = named(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module in private:
                    for alias in node.names:
                        found |= private[node.module].get(alias.name, set())
            for k in found:
                out.setdefault(k, set()).add(f"taxcalc.{package}.{name}")
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _top_level_keys(tree: ast.Module, named: Any) -> dict[str, set[str]]:
    """For each top-level name of a helper module, the keys it names, directly or through other names."""
    direct: dict[str, set[str]] = {}
    uses: dict[str, set[str]] = {}
    for node in tree.body:
        names: list[str] = []
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        for name in names:
            direct[name] = named(node)
            uses[name] = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
    changed = True
    while changed:
        changed = False
        for name, used in uses.items():
            for other in used & direct.keys():
                if not direct[other] <= direct[name]:
                    direct[name] |= direct[other]
                    changed = True
    return direct


def _windows(values: Iterable[Any]) -> str:
    return ", ".join(f"{v.first} – {v.last or '…'}" for v in values)


class DocumentIndex(SphinxPostTransform):
    """Fill in the document index, and link document numbers to it, once every page has been read."""

    default_priority = 5  # before the cross-references are resolved (10), so module links resolve

    def run(self, **kwargs: Any) -> None:
        env = self.env
        here = env.docname
        pages = sorted(_index_pages(env))
        builder = self.app.builder
        for ref in list(self.document.findall(law_doc_ref)):
            if pages:
                uri = builder.get_relative_uri(here, pages[0]) + "#" + _anchor("doc", ref["doc"])
                link = nodes.reference("", "", internal=True, refuri=uri)
                link += nodes.Text(ref["doc"])
                ref.replace_self(link)
            else:
                ref.replace_self(nodes.Text(ref["doc"]))
        for node in list(self.document.findall(law_document_index)):
            node.replace_self(self._index(here))

    def _index(self, here: str) -> list[nodes.Node]:
        data = law.default()
        histories = _histories(self.env)
        modules = key_modules()
        citing: dict[str, dict[str, list[Any]]] = {}
        cutting: dict[str, set[str]] = {}
        for key in data.keys():
            spec = data.spec(key)
            for v in (*spec.values, *spec.superseded):
                if v.citation.doc and not v.gap:
                    citing.setdefault(v.citation.doc, {}).setdefault(key, []).append(v)
                if v.superseded_by:
                    cutting.setdefault(v.superseded_by, set()).add(key)
        out: list[nodes.Node] = []
        for d in data.documents():
            head = nodes.paragraph(ids=[_anchor("doc", d.number)], classes=["law-document"])
            head += nodes.strong(text=d.number)
            head += nodes.Text(f" {d.title}")
            out.append(head)
            facts = nodes.paragraph()
            when = f"issued {d.issued}" + (f", published {d.published}" if d.published else "")
            facts += nodes.Text(f"{d.issuer}; {when}; in effect {d.effective_from} – {d.effective_to or '…'}")
            if d.source.startswith("http"):
                facts += nodes.Text("; ")
                facts += nodes.reference("", "source", refuri=d.source)
            out.append(facts)
            rows: list[list[Cell]] = []
            for key, values in sorted(citing.get(d.number, {}).items()):
                articles = ", ".join(dict.fromkeys(v.citation.article for v in values))
                rows.append([[nodes.literal(text=key)], f"{articles} ({_windows(values)})",
                             self._pages(key, here, histories), self._modules(key, modules)])
            for key in sorted(cutting.get(d.number, set()) - set(citing.get(d.number, {}))):
                rows.append([[nodes.literal(text=key)], "cuts short an earlier value",
                             self._pages(key, here, histories), self._modules(key, modules)])
            if rows:
                out.append(_table(["Key 键", "Article 条款 (windows)", "History on", "Read by"], rows,
                                  ["law-document-index"]))
            else:
                out.append(nodes.paragraph(text="Registered for reference; no value of the data cites it."))
        return out


    def _pages(self, key: str, here: str, histories: dict[str, dict[str, str]]) -> list[nodes.Node]:
        """Links to the key's history table on each page that shows it."""
        out: list[nodes.Node] = []
        for page, anchor in sorted(histories.get(key, {}).items()):
            if out:
                out.append(nodes.Text(", "))
            title = self.env.titles[page].astext() if page in self.env.titles else page
            link = nodes.reference("", "", internal=True,
                                   refuri=self.app.builder.get_relative_uri(here, page) + "#" + anchor)
            link += nodes.Text(title)
            out.append(link)
        return out

    @staticmethod
    def _modules(key: str, modules: dict[str, tuple[str, ...]]) -> list[nodes.Node]:
        """Cross-references to the API of the modules that read the key."""
        out: list[nodes.Node] = []
        for m in modules.get(key, ()):
            if out:
                out.append(nodes.Text(", "))
            xref = addnodes.pending_xref("", refdomain="py", reftype="mod", reftarget=m,
                                         refexplicit=True, refwarn=True)
            xref += nodes.literal(text=m)
            out.append(xref)
        return out


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    for pages in _histories(env).values():
        pages.pop(docname, None)
    _index_pages(env).discard(docname)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    for key, pages in _histories(other).items():
        _histories(env).setdefault(key, {}).update(pages)
    _index_pages(env).update(_index_pages(other))


class ReportFields(_LawDirective):
    """``{report-fields} TABLE``: the fields of one table of the report input, from its schema.

    ``TABLE.FIELD`` names a list of tables inside a table, e.g. ``rd.projects``.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        from taxcalc.inputs import Choice, Rows
        from taxcalc.report.input import TABLES, fields_of

        name = self.arguments[0].strip()
        if name not in TABLES:
            return self._fail(f"no input table {name!r}; expected one of: {', '.join(TABLES)}")
        rows = []
        for f in fields_of(name):
            kind = f.field.kind
            if isinstance(f.field, Choice):
                kind = " | ".join(o for o in f.field.options if o)
            elif isinstance(f.field, Rows):
                kind = f"list of tables (`{name}.{f.name}`, below)"
            need = "required" if f.required else ("optional" if f.default in (None, "") else f"default {f.default}")
            rows.append([f"`{f.name}`", kind, need, f.field.doc])
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
    app.add_directive("law-document-index", LawDocumentIndex)
    app.add_node(law_doc_ref)
    app.add_node(law_document_index)
    app.add_post_transform(DocumentIndex)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.add_directive("report-fields", ReportFields)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}

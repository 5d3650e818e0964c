"""The documentation builds offline with warnings as errors, and its law tables come
from the data (the pages' `>>>` examples run as doctests through pytest's
--doctest-glob)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"


_BUILT: dict[str, Path] = {}


def build_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs built once for the whole test run (tests/test_docs_search.py reads the same build)."""
    if "html" not in _BUILT:
        out = tmp_path_factory.mktemp("html")
        result = subprocess.run(
            [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
             "-d", str(out / ".doctrees"), str(DOCS), str(out)],
            capture_output=True, text=True, check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        _BUILT["html"] = out
    return _BUILT["html"]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    return build_docs(tmp_path_factory)


#: Keys in the law data that no rule code reads yet (none: the per-transaction 起征点 is read
#: by taxcalc.vat.small_scale_exemption for period="transaction").
AWAITING_CODE: frozenset[str] = frozenset()


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text("utf-8")))


def test_the_pages_are_built(built):
    for page in ("index", "getting-started", "report", "report-html", "what-if", "json", "api", "law-data",
                 "architecture", "rules/daxie", "performance/report"):
        assert (built / f"{page}.html").is_file(), page


def test_law_history_directive_renders_the_data(built):
    from taxcalc import law

    text = _text(built / "what-if.html")
    for v in law.history("vat.rate.standard", known_on="2018-12-31"):
        assert f"{v.first.isoformat()} {v.last.isoformat() if v.last else '…'} {v.shown()} {v.citation}" in text


def test_law_keys_and_documents_list_everything(built):
    from taxcalc import law

    text = _text(built / "law-data.html")
    assert all(k in text for k in law.keys())
    assert all(d.number in text for d in law.default().documents())


def test_report_fields_come_from_the_schema(built):
    from taxcalc.report.input import TABLES, fields_of

    text = _text(built / "report.html")
    for table in TABLES:  # lists of tables inside a table (rd.projects) too
        for f in fields_of(table):
            assert f.name in text, (table, f.name)
    assert "--lang" in text  # not turned into a dash by smart quotes


def test_api_reference_has_the_docstrings_one_page_for_each_package(built):
    index = (built / "api.html").read_text("utf-8")
    pages = ["package", "money", "law", "format", "report", "vat", "eit", "eit-assets", "export", "environment",
             "rules", "cli"]
    assert all(f'href="api/{p}.html"' in index for p in pages)
    html = {p: (built / "api" / f"{p}.html").read_text("utf-8") for p in pages}
    assert "Exact money" in html["money"]
    assert 'id="taxcalc.report.input.parse_text"' in html["report"]
    assert 'id="taxcalc.format.daxie.daxie"' in html["format"]
    assert 'id="module-taxcalc.report.html"' in html["report"]
    assert 'id="module-taxcalc.vat.rates"' in html["vat"] and "taxcalc.vat.rates" not in html["eit"]
    # no page near the size of the one page it replaced (about 1 MB)
    assert max(len(h.encode()) for h in html.values()) < 500_000


def test_a_bad_law_history_key_fails_the_build(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(DOCS / '_ext')!r})\n"
        "extensions = ['myst_parser', 'lawtables']\nsource_suffix = {'.md': 'markdown'}\n", "utf-8")
    (src / "index.md").write_text("# x\n\n```{law-history} vat.rate.nope\n```\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(src), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "law-history: key: unknown value 'vat.rate.nope'" in result.stderr


def test_docstring_section_titles_become_rubrics():
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        from lawtables import titles_to_rubrics
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    lines = ["Intro.", "", "The rule", "--------", "text", "", "=====  ===", "a      b",
             "=====  ===", "", "Keys read", "~~~~~~~~~~~", "x"]
    assert titles_to_rubrics(lines) == [
        "Intro.", "", ".. rubric:: The rule", "", "text", "", "=====  ===", "a      b",
        "=====  ===", "", ".. rubric:: Keys read", "", "x"]


def _lawtables():
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        import lawtables
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    return lawtables


def test_every_key_has_its_history_on_a_page():
    from taxcalc import law

    shown = {m.group(1) for page in DOCS.rglob("*.md")
             for m in re.finditer(r"```\{law-history\}\s+(\S+)", page.read_text("utf-8"))}
    assert [k for k in law.keys() if k not in shown] == []


def test_every_key_is_read_by_a_rule_module():
    from taxcalc import law

    modules = _lawtables().key_modules()
    assert [k for k in law.keys() if not modules.get(k) and k not in AWAITING_CODE] == []
    # a key awaiting its rule code is listed until a module reads it
    assert [k for k in AWAITING_CODE if modules.get(k)] == []
    assert set(modules["vat.rate.standard"]) >= {"taxcalc.vat.rates", "taxcalc.vat.invoice"}  # through _common
    assert modules["eit.rd.ratio.ic_machine"] == ("taxcalc.eit.rd_super_deduction",)  # an f-string prefix
    assert modules["export.tier_2018_05.rebate_17"] == ("taxcalc.export.rebate_rate",)


def test_the_document_index_leads_from_a_notice_to_its_keys_pages_and_modules(built):
    from taxcalc import law

    html = (built / "documents.html").read_text("utf-8")
    lawtables = _lawtables()
    for d in law.default().documents():
        assert f'id="{lawtables._anchor("doc", d.number)}"' in html, d.number
    # 财税〔2018〕32号 cut the standard rate: its entry names the key, the article, the rates page
    # (at the key's history table) and the modules that read the key.
    start = html.index(f'id="{lawtables._anchor("doc", "财税〔2018〕32号")}"')
    entry = html[start:html.index('class="law-document', start + 10)]
    assert "vat.rate.standard" in entry and "第一条" in entry
    assert 'href="rules/vat-rates.html#law-history-vat-rate-standard"' in entry
    assert 'href="api/vat.html#module-taxcalc.vat.rates"' in entry


def test_a_document_number_in_a_history_table_links_to_the_index(built):
    html = (built / "rules" / "vat-rates.html").read_text("utf-8")
    assert 'href="../documents.html#doc-财税-2018-32号"' in html
    assert 'id="law-history-vat-rate-standard"' in html


# -- charts of the law data (docs/_ext/lawcharts.py) ------------------------------------------------


def _lawcharts():
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        import lawcharts
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    return lawcharts


def test_each_rule_page_with_law_data_charts_its_keys(built):
    lawcharts = _lawcharts()
    for page in sorted((DOCS / "rules").glob("*.md")):
        keys = lawcharts.chart_keys([], page.read_text("utf-8"))
        html = (built / "rules" / f"{page.stem}.html").read_text("utf-8")
        if not keys:
            assert page.stem in ("daxie", "eit-benefit"), page  # no law value of their own
            continue
        m = re.search(r'<figure class="law-chart" id="([^"]+)" data-keys="([^"]*)">', html)
        assert m, page
        assert m.group(2).split() == keys, page
        assert f'<svg id="{m.group(1)}-svg"' in html, page
        numeric = [k for k in keys if lawcharts._panel(law_spec(k).type) != "timeline"]
        for k in numeric:  # a step line for each key with numbers, named by its key
            assert f'id="{m.group(1)}-key-{k}"' in html, (page, k)


def law_spec(key):
    from taxcalc import law

    return law.default().spec(key)


def test_a_step_line_follows_the_dated_values():
    import datetime as dt
    import math

    lawcharts = _lawcharts()
    right = dt.date(2030, 1, 1)
    xs, ys = lawcharts.steps(law_spec("vat.rate.standard"), right)
    # 17% (1993, then 2008 regulations) to 2018-04-30, 16% from 2018-05-01 to 2019-03-31, 13% from 2019-04-01
    assert (xs[2:6], ys[2:6]) == ([dt.date(2009, 1, 1), dt.date(2018, 5, 1), dt.date(2018, 5, 1), dt.date(2019, 4, 1)],
                                  [0.17, 0.17, 0.16, 0.16])  # a window ends on the day after its last
    assert xs[0] == dt.date(2002, 1, 1) and ys[:2] == [0.17, 0.17]
    assert xs[-1] == right and ys[-1] == 0.13
    xs, ys = lawcharts.steps(law_spec("vat.rate.transport"), right)
    assert xs[0] == dt.date(2002, 1, 1) and math.isnan(ys[0])  # business tax before 2013-08-01: no value
    xs, ys = lawcharts.steps(law_spec("eit.rd.ratio.tech_sme"), right)
    assert xs[2:4] == [dt.date(2020, 1, 1), dt.date(2022, 1, 1)] and all(map(math.isnan, ys[2:4]))  # no value
    assert ys[4] == 1.0


def test_the_small_profit_chart_shows_the_cliffs(built):
    html = (built / "rules" / "eit-small-profit.html").read_text("utf-8")
    assert re.search(r'<figure class="law-chart" id="small-profit-chart-\d+" data-years="2010 2015 2018 2019 2023">',
                     html)
    for year in (2010, 2015, 2018, 2019, 2023):
        assert re.search(rf'id="small-profit-chart-\d+-tax-{year}"', html)
        assert re.search(rf'id="small-profit-chart-\d+-rate-{year}"', html)
    from decimal import Decimal

    incomes, taxes, cliffs = _lawcharts().small_profit_points(2018)
    assert cliffs == (Decimal("1000000"),)
    i = incomes.index(Decimal("1000000"))
    # the law's cliff: one fen more and the relief is gone on the whole income
    assert (taxes[i], incomes[i + 1], taxes[i + 1]) == (Decimal("100000.00"), Decimal("1000000.01"),
                                                        Decimal("250000.00"))


def test_a_bad_law_chart_key_fails_the_build(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(DOCS / '_ext')!r})\n"
        "extensions = ['myst_parser', 'lawcharts']\nsource_suffix = {'.md': 'markdown'}\n", "utf-8")
    (src / "index.md").write_text("# x\n\n```{law-chart} vat.rate.nope\n```\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(src), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "law-chart: unknown key 'vat.rate.nope'" in result.stderr


def test_a_new_rule_page_without_the_directive_gets_its_chart(tmp_path):
    src = tmp_path / "src"
    (src / "rules").mkdir(parents=True)
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(DOCS / '_ext')!r})\n"
        "extensions = ['myst_parser', 'lawtables', 'lawcharts']\nsource_suffix = {'.md': 'markdown'}\n", "utf-8")
    (src / "index.md").write_text("# x\n\n```{toctree}\nrules/new\n```\n", "utf-8")
    (src / "rules" / "new.md").write_text(
        "# A new rule\n\nText.\n\n```{law-history} vat.rate.standard\n```\n\n```{law-history} vat.rate.low_rate_goods\n```\n",
        "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(src), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "rules" / "new.html").read_text("utf-8")
    chart = html.index('<figure class="law-chart" id="law-chart-rules-new-')
    assert 'data-keys="vat.rate.standard vat.rate.low_rate_goods"' in html
    assert html.index("Text.") < chart < html.index('id="law-history-vat-rate-standard"')

"""The documentation's search finds pages for Chinese terms (所得税, 加计扣除, 免抵退, 小规模).

Sphinx indexes Chinese text with its Chinese splitter (``html_search_language = "zh"``
in docs/conf.py), which cuts it into words with jieba and the tax terms of
docs/_ext/search-terms.txt; without that, a run of Chinese text is one "word" or is
left out, and a search finds nothing.  The index of the docs build of
tests/test_docs_build.py (built once for both) is read as the search page reads it: a
query word is looked up whole in the words of the pages' text and titles.  Where a
Chromium browser is found, the built search page itself is also asked.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from test_docs_build import build_docs

#: term → pages it must find (a search may find more).
TERMS: dict[str, set[str]] = {
    "所得税": {"rules/eit-annual", "rules/eit-small-profit", "rules/eit-losses"},
    "加计扣除": {"rules/eit-rd-super-deduction"},
    "免抵退": {"rules/export-exempt-credit-refund"},
    "小规模": {"rules/vat-small-scale-standard", "rules/vat-small-scale-exemption"},
}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    return build_docs(tmp_path_factory)


def search_index(built: Path) -> dict[str, Any]:
    text = (built / "searchindex.js").read_text("utf-8")
    data: dict[str, Any] = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return data


def found(index: dict[str, Any], word: str) -> set[str]:
    """The pages whose text or titles hold ``word``, as Sphinx's search page looks it up."""
    pages: set[str] = set()
    for kind in ("terms", "titleterms"):
        hits = index[kind].get(word, [])
        pages |= {index["docnames"][i] for i in ([hits] if isinstance(hits, int) else hits)}
    return pages


@pytest.mark.parametrize("term", list(TERMS))
def test_the_search_index_finds_the_pages_of_a_chinese_term(built, term):
    pages = found(search_index(built), term)
    assert TERMS[term] <= pages, sorted(pages)


def test_a_longer_term_and_english_words_are_found_too(built):
    index = search_index(built)
    assert "rules/eit-small-profit" in found(index, "企业所得税")
    assert "rules/eit-rd-super-deduction" in found(index, "研发费用")
    assert "rules/vat-rates" in found(index, "rate")  # English words stemmed as before ("rates" → "rate")


def test_the_search_page_finds_them_in_a_browser(built, tmp_path):
    """The built search page, opened in headless Chromium, lists the pages for each term."""
    browser_test = pytest.importorskip("test_report_html_browser")
    path = browser_test.browser_or_skip("the search page was not opened in a browser")
    with browser_test.chromium(path, tmp_path / "profile") as address:
        tools = browser_test.DevTools(browser_test._page_target(address))
        try:
            tools.send("Page.enable")
            for term, pages in TERMS.items():
                url = (built / "search.html").as_uri() + "?q=" + urllib.parse.quote(term)
                tools.send("Page.navigate", url=url)
                names: set[str] = set()
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:  # the page lists its results after it has loaded
                    hrefs = tools.evaluate(
                        "[...document.querySelectorAll('#search-results li a')].map(a => a.getAttribute('href'))")
                    names = {h.split(".html")[0] for h in hrefs or []}
                    if pages <= names:
                        break
                    time.sleep(0.2)
                assert pages <= names, (term, sorted(names))
        finally:
            tools.close()


def test_without_jieba_the_build_fails_instead_of_leaving_the_chinese_out(tmp_path):
    import subprocess
    import sys

    from test_docs_build import DOCS

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "import sys\nsys.modules['jieba'] = None  # as if it were not installed\n"
        f"sys.path.insert(0, {str(DOCS / '_ext')!r})\n"
        "extensions = ['myst_parser', 'zhsearch']\nsource_suffix = {'.md': 'markdown'}\n"
        "html_search_language = 'zh'\n", "utf-8")
    (src / "index.md").write_text("# 企业所得税\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(src), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "zhsearch: jieba is not installed" in result.stderr

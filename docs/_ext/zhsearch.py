"""Chinese search that works in the browser on Sphinx 9.0 too.

Sphinx's Chinese search (``html_search_language = "zh"``) cuts Chinese text into
words with jieba and stems English words with the English stemmer, whose script it
copies into ``language_data.js``.  Sphinx 9.0 then names the stemmer after the
language, ``window.Stemmer = ChineseStemmer;``, a class that does not exist: the
search page stops with "ChineseStemmer is not defined" and finds nothing (Sphinx
issue 14229, fixed by pull request 14416, which derives the name from the stemmer's
file).  This extension registers the same search language with the name of the
stemmer it uses, so the page names ``EnglishStemmer``; on a Sphinx that is already
fixed it changes nothing.  tests/test_docs_search.py runs the search page in a browser.

Without jieba, Sphinx leaves every Chinese word out of the index without a word; this
extension warns instead (an error under ``-W``).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.search.zh import JIEBA_DEFAULT_DICT, SearchChinese
from sphinx.util import logging

logger = logging.getLogger(__name__)


class SearchChineseEnglishStemmer(SearchChinese):
    """Chinese words by jieba, English words stemmed by the English stemmer (named so)."""

    language_name = "English"  # the stemmer's class is EnglishStemmer (english-stemmer.js)


def _check_jieba(app: Sphinx) -> None:
    if app.config.html_search_language == "zh" and not JIEBA_DEFAULT_DICT:
        logger.warning("zhsearch: jieba is not installed, so the search index would leave out every "
                       "Chinese word; install it (it is in the test extra: pip install -e '.[test]')")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _check_jieba)
    if SearchChinese.js_stemmer_rawcode == "english-stemmer.js":
        app.add_search_language(SearchChineseEnglishStemmer)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}

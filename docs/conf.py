# Sphinx configuration: Markdown pages (MyST), the API from docstrings, and the
# law-data directives of _ext/lawtables.py.  Builds offline; CI builds with -W.
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

import taxcalc  # noqa: E402

project = "taxcalc"
author = "taxcalc contributors"
copyright = "taxcalc contributors"  # noqa: A001
release = taxcalc.__version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "lawtables",
    "lawcharts",
    "zhsearch",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
smartquotes = False  # keep "--lang" and Chinese quotation marks as written

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "alabaster"
html_title = f"taxcalc {release}"
html_static_path: list[str] = []

# Search: the pages are English and Chinese, so the index is built by Sphinx's Chinese
# splitter, which cuts Chinese text into words with jieba (in the test extra; without it
# the Chinese words would be left out of the index) and stems English words as the
# English index does.  The tax terms jieba's own dictionary lacks (加计扣除, 免抵退, …)
# are added from _ext/search-terms.txt, so a search for each finds its pages.  The
# extension zhsearch works around a Sphinx 9.0 bug that stops the search page.
html_search_language = "zh"
html_search_options = {"dict": str(Path(__file__).parent / "_ext" / "search-terms.txt")}

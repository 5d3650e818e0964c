"""The benefit report as a self-contained HTML page with charts (``taxcalc report --html FILE``).

The page (:func:`render_html`) carries everything inside one file — styles, and
the charts as inline SVG — so it opens without a network.  Its figures are the
exact strings of the report's JSON; its charts (the saving of each policy, tax
with and without each policy, VAT by tax period, refunds apart) are drawn with
matplotlib, an optional dependency: ``pip install 'taxcalc-cn[html]'`` (from a
checkout: ``pip install '.[html]'``).  See ``docs/report-html.md``.

:func:`write_html` writes the page atomically: a file is either the whole new page
or left as it was.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from ...errors import TaxcalcError
from ..model import Report

__all__ = ["MissingExtra", "render_html", "write_html"]


class MissingExtra(TaxcalcError):
    """An optional dependency is not installed; the message says how to install it."""


def _need_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise MissingExtra(
            "--html: the charts need matplotlib, which is not installed; install the extra: "
            "pip install 'taxcalc-cn[html]' (from a checkout: pip install '.[html]')"
        ) from None


def render_html(report: Report, lang: str = "zh") -> str:
    """The report as one HTML page in ``lang`` (``zh`` or ``en``)."""
    from .page import page

    _need_matplotlib()
    return page(report.as_dict(), lang)


def write_html(report: Report, path: str | os.PathLike[str], lang: str = "zh") -> Path:
    """Write the page to ``path`` atomically (a temporary file beside it, then a rename); return the path."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder to write the page in", str(folder))
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file name", str(target))
    text = render_html(report, lang)  # everything that can fail on the report fails before a file is touched
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target

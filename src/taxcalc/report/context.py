"""What the stages of a report share: the catalogue it reads, and errors named by input path.

A report is a pipeline (:func:`taxcalc.report.build_report`): the parsed facts and
the law go to :func:`taxcalc.report.ledger.build_ledger`, which computes the
figures several sections show (the VAT periods, the export rates, the 免抵退
months) once; then each section is built from the facts, the law and that ledger,
so the VAT and export sections show the same numbers by construction.  Each stage
receives what it needs as arguments.

Errors raised by the rule functions name *their* arguments (``code``,
``levy_rate`` …); :func:`blame` turns them into :class:`ReportInputError` naming
the field of the input file (``exports[2].hs_code``), so the command prints the
path a user can find.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from ..datafile import MAX_BYTES
from ..errors import InvalidInput, LawDataError, NotMoney, OutsideCoverage
from ..export import Catalogue
from .input import Problem, ReportInput, ReportInputError

__all__ = ["blame", "resolve_catalogue"]

_INDEXED = re.compile(r"^(?:lines|exports)\[\d+\]\.?")


@contextmanager
def blame(
    path: str,
    rename: Mapping[str, str] | None = None,
    *,
    coverage: bool = False,
) -> Iterator[None]:
    """Re-raise a rule function's bad-input error as a problem of the input field ``path``.

    ``rename`` maps the rule's argument names to the input's field names (e.g.
    ``{"code": "hs_code"}``); an argument not in it names ``path`` itself.  With
    ``coverage``, a date outside the law data is reported against ``path`` too
    (otherwise :class:`~taxcalc.errors.OutsideCoverage` passes through unchanged).
    """
    names = rename or {}
    try:
        yield
    except ReportInputError:
        raise
    except (InvalidInput, NotMoney) as exc:
        arg = _INDEXED.sub("", exc.field)
        where = f"{path}.{names[arg]}" if arg in names and names[arg] else path
        raise ReportInputError([Problem(where, exc.reason)]) from None
    except LawDataError as exc:
        raise ReportInputError([Problem("catalogue", str(exc))]) from None
    except OutsideCoverage as exc:
        if not coverage:
            raise
        raise ReportInputError([Problem(path, str(exc))]) from None


def resolve_catalogue(
    facts: ReportInput,
    override: Catalogue | str | Path | None = None,
    *,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Catalogue | None:
    """The rebate-rate catalogue for ``facts``: ``override`` if given, else the input's ``catalogue``.

    ``"sample"`` is the SAMPLE catalogue shipped with taxcalc
    (:meth:`taxcalc.export.Catalogue.sample`); any other text is a ``.csv`` or
    ``.toml`` path, relative to the input file's directory, read as every input
    file is (:mod:`taxcalc.datafile`: UTF-8 unless ``encoding`` names another, at
    most ``max_bytes`` long).  A file that cannot be read or a catalogue with a bad
    row is a problem of the field ``catalogue`` (``--catalogue`` when given on the
    command line), naming the file.

    >>> from taxcalc.report import example
    >>> resolve_catalogue(example()).is_sample
    True
    """
    if isinstance(override, Catalogue):
        return override
    field_name = "catalogue" if override is None else "--catalogue"
    name = str(override) if override is not None else facts.catalogue
    if not name:
        return None
    try:
        return Catalogue.named(name, facts.base_dir if override is None else "", encoding=encoding,
                               max_bytes=max_bytes)
    except FileNotFoundError as exc:
        raise ReportInputError([Problem(field_name, f"no such file: {exc.filename}")]) from None
    except OSError as exc:
        raise ReportInputError([Problem(field_name, f"cannot read {exc.filename}: {exc.strerror or exc}")]) from None
    except LawDataError as exc:
        raise ReportInputError([Problem(field_name, str(exc))]) from None


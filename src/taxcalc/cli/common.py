"""Options and output helpers shared by the sub-commands.

Every question takes ``--json`` (amounts as strings, never floats), ``--lang
zh|en``, ``--known-on DATE`` and ``--what-if KEY=VALUE``.  Text output fits
:data:`WIDTH` columns (:func:`fit`).  Exit status: 0 answered, 1 the question
could not be answered (bad input, a date outside the law data, a file that
cannot be read: one line per problem on stderr naming the option, see
:func:`name_fields`; no traceback), 2 the command line itself is wrong
(argparse usage error).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

from ..errors import InvalidInput, NotMoney, TaxcalcError
from ..money import date_arg
from ..text import display_width, wrap

if TYPE_CHECKING:
    from ..law import Law

__all__ = [
    "WIDTH",
    "add_file_options",
    "add_law_options",
    "add_output_options",
    "chosen_law",
    "dump_json",
    "error_line",
    "file_options",
    "fit",
    "law_options",
    "name_fields",
    "what_if_value",
    "year_arg",
]

#: Every line of text output fits this many columns (Chinese characters count 2).
WIDTH = 100

_LEAD = re.compile(r" *(?:\d+\. )?")
#: A field inside the one export or purchase line a command gives, or one of a list of sales.
_ONE_LINE = re.compile(r"^(?:exports|lines)\[0\]\.")
_ITEM = re.compile(r"^(\w+)(\[\d+\])$")


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """``--json`` and ``--lang``, the same on every sub-command."""
    parser.add_argument("--json", action="store_true", help="print JSON (amounts as strings)")
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of labels (default: zh)"
    )


def add_file_options(parser: argparse.ArgumentParser) -> None:
    """``--encoding`` and ``--max-size``, for the commands that read an input FILE."""
    parser.add_argument(
        "--encoding", metavar="NAME",
        help="the encoding FILE is saved in (default: UTF-8, with or without a byte-order mark); "
        "e.g. gb18030, which covers GBK and GB2312",
    )
    parser.add_argument(
        "--max-size", metavar="MIB", default="16",
        help="the largest FILE read, in MiB (default: 16)",
    )


def file_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of :func:`taxcalc.datafile.read_file` that ``--encoding`` and ``--max-size`` give.

    >>> file_options(argparse.Namespace(encoding="GBK", max_size="1"))
    {'encoding': 'gbk', 'max_bytes': 1048576}
    >>> file_options(argparse.Namespace(encoding=None, max_size="0"))
    Traceback (most recent call last):
    ...
    taxcalc.errors.InvalidInput: --max-size: '0' is not a size in MiB (a whole number from 1 to 1024)
    """
    from ..datafile import check_encoding

    size = str(getattr(args, "max_size", "16")).strip()
    if not size.isdigit() or not 1 <= int(size) <= 1024:
        raise InvalidInput("--max-size", f"{size!r} is not a size in MiB (a whole number from 1 to 1024)")
    encoding = getattr(args, "encoding", None)
    return {"encoding": check_encoding(encoding, "--encoding") if encoding else None,
            "max_bytes": int(size) * 1024 * 1024}


def add_law_options(parser: argparse.ArgumentParser) -> None:
    """``--known-on`` and ``--what-if``, for sub-commands that apply the law."""
    parser.add_argument(
        "--known-on", metavar="DATE", help="read the law as published on or before DATE (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--what-if", metavar="KEY=VALUE", action="append", default=[],
        help="replace a law value, e.g. vat.rate.standard=15%% (repeatable)",
    )


def law_options(args: argparse.Namespace) -> tuple[_dt.date | None, dict[str, object]]:
    """The parsed ``--known-on`` day and ``--what-if`` overrides (values as :func:`what_if_value` reads them)."""
    known = date_arg(args.known_on, "--known-on") if getattr(args, "known_on", None) else None
    overrides: dict[str, object] = {}
    for item in getattr(args, "what_if", None) or ():
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InvalidInput("--what-if", f"{item!r} is not KEY=VALUE (e.g. vat.rate.standard=15%)")
        overrides[key.strip()] = what_if_value(key.strip(), value.strip())
    return known, overrides


def year_arg(text: str, field: str) -> int:
    """A tax year given on the command line, checked like a date or an amount (exit 1, not a usage error).

    >>> year_arg("2018", "--year")
    2018
    >>> year_arg("18x", "--year")
    Traceback (most recent call last):
    ...
    taxcalc.errors.InvalidInput: --year: '18x' is not a year (write e.g. 2018)
    """
    if not text.strip().isdigit():
        raise InvalidInput(field, f"{text!r} is not a year (write e.g. 2018)")
    return int(text)


def chosen_law(args: argparse.Namespace) -> Law:
    """The law a question is answered under: the package data, read as known on
    ``--known-on`` and with the ``--what-if`` values, if given."""
    from ..law import default

    known, overrides = law_options(args)
    data = default()
    if known is not None:
        data = data.as_known_on(known)
    if overrides:
        data = data.with_values(overrides)
    return data


def what_if_value(key: str, text: str) -> object:
    """The value of ``--what-if KEY=VALUE`` as the law data holds values of the key's type.

    A command line gives text; a flag is ``true`` or ``false``, a count or number of
    years a whole number, a date ``YYYY-MM-DD``, a list of codes comma-separated.
    Rates and amounts stay text (``"15%"``, ``"500000"``), as in the data files.
    Anything else is passed on unchanged, for the law to refuse with the key's name.

    >>> what_if_value("eit.rd.in_force", "false"), what_if_value("eit.losses.years.qualified", "5")
    (False, 5)
    >>> what_if_value("vat.rate.standard", "17%")
    '17%'
    """
    from ..errors import TaxcalcError
    from ..law import default

    try:
        kind = default().spec(key).type
    except TaxcalcError:
        return text
    if kind == "flag" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    if kind in ("count", "years") and text.isdigit():
        return int(text)
    if kind == "date":
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            return text
    if kind == "codes":
        return [c.strip() for c in text.split(",") if c.strip()]
    return text


def dump_json(data: Any) -> str:
    """Stable JSON: keys in insertion order, non-ASCII kept, two-space indent."""
    import json  # only an answer in JSON needs it

    return json.dumps(data, ensure_ascii=False, indent=2)


def fit(text: str, width: int = WIDTH) -> str:
    """``text`` with every line wrapped to ``width`` columns.

    A continuation is indented under the text it continues: after a step number
    such as ``12.`` or under the line's own indent.  Lines that fit are left alone, so tables
    made to fit keep their columns.

    >>> print(fit("3. 应纳税所得额：1,000,000.00 = 1,200,000.00 − 200,000.00 [财税〔2018〕77号 一]", 40))
    3. 应纳税所得额：1,000,000.00 =
       1,200,000.00 − 200,000.00
       [财税〔2018〕77号 一]
    """
    out: list[str] = []
    for line in text.split("\n"):
        if display_width(line) <= width:
            out.append(line)
            continue
        lead = _LEAD.match(line)
        head = lead.group(0) if lead else ""
        if display_width(head) * 2 > width:
            head = ""
        first, *rest = wrap(line[len(head):], width - display_width(head))
        out.append(head + first)
        out.extend(" " * display_width(head) + r for r in rest)
    return "\n".join(out)


def name_fields(parser: argparse.ArgumentParser, **aliases: str) -> None:
    """Let errors name the command line's own options rather than the library's fields.

    Every option is known by its destination (``--in-use`` gives ``in_use``);
    ``aliases`` map a library field to the destination of the option that gives it
    where the names differ, e.g. ``acquired_on="acquired"``.  :func:`error_line`
    then reports ``--acquired: 'x' is not a date`` instead of ``acquired_on: …``.
    """
    shown = {a.dest: (a.option_strings[-1] if a.option_strings else str(a.metavar or a.dest))
             for a in parser._actions if a.dest not in ("help", argparse.SUPPRESS)}
    parser.set_defaults(cli_fields={**shown, **{field: shown[dest] for field, dest in aliases.items()}})


def error_line(exc: TaxcalcError, args: argparse.Namespace) -> str:
    """The one-line message of ``exc``, naming the option or argument the field came from.

    >>> ns = argparse.Namespace(cli_fields={"export_date": "--on", "sales_by_period": "sales"})
    >>> error_line(InvalidInput("lines[0].export_date", "'x' is not a date"), ns)
    "--on: 'x' is not a date"
    >>> error_line(InvalidInput("sales_by_period[2]", "'x' is not a number"), ns)
    "sales[2]: 'x' is not a number"
    """
    fields: dict[str, str] = getattr(args, "cli_fields", {})
    if not fields or not isinstance(exc, InvalidInput | NotMoney):
        return str(exc)
    field, item = _ONE_LINE.sub("", exc.field), ""
    m = _ITEM.match(field)
    if m:
        field, item = m.group(1), m.group(2)
    if field not in fields:
        return str(exc)
    return f"{fields[field]}{item}: {exc.reason}"

"""``taxcalc population``: the income tax and the saving of every policy for a table of enterprise-years.

``taxcalc population generate --n N --year Y --seed S --out FILE.parquet`` writes
a synthetic population; ``taxcalc population run INPUT --year Y --out OUTPUT``
computes one (Parquet or CSV by extension, written atomically) and prints a
summary: the tax and the saving of each policy, by group with ``--by``.  Needs
the optional extra ``taxcalc-cn[population]``; nothing of it is imported until
the command runs.
"""

from __future__ import annotations

import argparse
import random
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import InvalidInput
from . import HAND_WRITTEN
from .common import (
    WIDTH,
    add_law_options,
    add_output_options,
    chosen_law,
    dump_json,
    law_options,
    year_arg,
)

__all__ = ["add_parser"]

def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "population", help=HAND_WRITTEN["population"][0], description=HAND_WRITTEN["population"][1])
    add_output_options(p)
    inner = p.add_subparsers(dest="action", metavar="ACTION")
    inner.required = True
    g = inner.add_parser("generate", help="write a synthetic population (deterministic by --seed)",
                         description="Write N synthetic enterprise-years of tax year Y (distributions: "
                         "docs/population.md).")
    g.add_argument("--n", required=True, metavar="N", help="number of rows")
    g.add_argument("--year", required=True, metavar="Y", help="tax year")
    g.add_argument("--seed", default="0", metavar="S", help="seed (default 0)")
    g.add_argument("--equipment-share", default="0.02", metavar="SHARE",
                   help="share of rows with one asset (default 0.02)")
    g.add_argument("--accelerated-share", default="0", metavar="SHARE",
                   help="share of the assets depreciated by an accelerated method (default 0)")
    g.add_argument("--out", required=True, metavar="FILE", help="output file (.parquet or .csv)")
    g.add_argument("--vat", action="store_true", help="add the optional small-scale VAT and export columns")
    add_law_options(g)  # accepted as on every command; the synthetic population does not depend on the law
    _output_options(g)
    g.set_defaults(func=_generate)
    r = inner.add_parser("run", help="compute a population: the tax and the saving of every policy",
                         description="Compute every row of INPUT (Parquet file or directory, or CSV) and write "
                         "OUTPUT (Parquet or CSV by extension, atomically); print a summary.")
    r.add_argument("input", metavar="INPUT", help="the population: a Parquet file, a directory of Parquet files, "
                   "or a CSV file (money in whole fen)")
    r.add_argument("--year", metavar="Y", help="tax year of a table without a year column (or the year of every row)")
    r.add_argument("--out", required=True, metavar="OUTPUT", help="result file (.parquet or .csv), or a directory "
                   "with --dask and a directory INPUT")
    r.add_argument("--by", metavar="COL,...", help="group the summary by these columns")
    r.add_argument("--since", metavar="DATE", help="also compute the tax under the law as known on DATE and the "
                   "saving since then")
    r.add_argument("--verify", metavar="N", default="0",
                   help="recompute N rows drawn at random with the scalar rules; fail on any difference")
    r.add_argument("--dask", metavar="ADDRESS", help="run on the Dask scheduler at ADDRESS (tcp://host:8786)")
    add_law_options(r)
    _output_options(r)
    r.set_defaults(func=_run)


def _output_options(parser: argparse.ArgumentParser) -> None:
    """``--json`` and ``--lang`` after the action too (``taxcalc population run … --json``), as before it."""
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    parser.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                        help="language of labels (default: zh)")


def _extra() -> None:
    """A clear error when the optional extra is not installed."""
    import importlib.util

    for module in ("numpy", "pyarrow"):
        if importlib.util.find_spec(module) is None:
            raise InvalidInput("population", f"needs the optional extra: pip install 'taxcalc-cn[population]' "
                               f"({module} is missing)")


def _count(text: str, field: str) -> int:
    if not text.strip().isdigit():
        raise InvalidInput(field, f"{text!r} is not a whole number")
    return int(text)


def _generate(args: argparse.Namespace) -> str:
    _extra()
    from ..population import generate, write_table

    n = _count(args.n, "--n")
    year = year_arg(args.year, "--year")
    seed = _count(args.seed, "--seed")
    share = _share(args.equipment_share, "--equipment-share")
    accelerated = _share(args.accelerated_share, "--accelerated-share")
    table = generate(n, year, seed, equipment_share=float(share), vat=args.vat,  # sampling probabilities
                     accelerated_share=float(accelerated))
    write_table(table, args.out)
    if args.json:
        return dump_json({"rows": n, "year": year, "seed": seed, "output": str(args.out)})
    return f"{n} rows → {args.out}" if args.lang == "en" else f"{n} 户年度 → {args.out}"


def _share(text: str, field: str) -> Decimal:
    """A share between 0 and 1 given on the command line."""
    try:
        share = Decimal(text)
    except InvalidOperation:
        raise InvalidInput(field, f"{text!r} is not a share such as 0.02") from None
    if not 0 <= share <= 1:
        raise InvalidInput(field, "a share is between 0 and 1")
    return share


class _Bar:
    """A progress bar (tqdm) on a terminal; nothing otherwise."""

    def __init__(self, total: int) -> None:
        self.bar: Any = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="row", unit_scale=True, file=sys.stderr)

    def __call__(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def _run(args: argparse.Namespace) -> str:
    from pathlib import Path

    _extra()
    from ..population import POLICY_IDS, aggregate, compute, read_table, write_table
    from ..population.engine import KNOWN_MONEY
    from ..population.groups import SUMMARY as GROUP_SUMMARY
    from ..rules import provenance

    law = chosen_law(args)
    law_options(args)
    year = year_arg(args.year, "--year") if args.year else None
    by = [c.strip() for c in (args.by or "").split(",") if c.strip()]
    verify = _count(args.verify, "--verify")
    since = args.since
    if args.dask:
        from dask.distributed import Client

        with Client(args.dask) as client:  # type: ignore[no-untyped-call]
            source = Path(args.input)
            if source.is_dir():
                from ..population.distributed import run_parquet

                run_parquet(source, args.out, client, year=year, law=law, known_on=since)
                result = read_table(args.out)
            else:
                result = compute(read_table(source), year=year, law=law, known_on=since, client=client)
                write_table(result, args.out)
    else:
        table = read_table(args.input)
        bar = _Bar(table.num_rows)
        try:
            result = compute(table, year=year, law=law, known_on=since, progress=bar)
        finally:
            bar.close()
        for name in by:
            if name not in result.column_names:
                raise InvalidInput("--by", f"no column {name!r} in the result")
        if verify:
            _verify(table, result, verify, year=year, law=law, known_on=since)
        write_table(result, args.out)
    for name in by:
        if name not in result.column_names:
            raise InvalidInput("--by", f"no column {name!r} in the result")
    summary = aggregate(result, by)
    columns = ["rows", "tax", *(f"saving_{p}" for p in POLICY_IDS), "total_saving",
               *(c for c in KNOWN_MONEY if c in summary.column_names),
               *(c for c in GROUP_SUMMARY if c in summary.column_names)]  # the optional VAT and export groups
    if args.json:
        return dump_json({"provenance": provenance(law), "input": str(args.input), "output": str(args.out),
                          "rows": result.num_rows, "scalar_rows": _scalar_count(result), "by": by, "unit": "fen",
                          "groups": [{k: (str(v) if k not in by and k != "rows" and isinstance(v, int) else v)
                                      for k, v in row.items()} for row in summary.to_pylist()]})
    return _summary_text(summary, by, columns, args.lang, result.num_rows)


def _scalar_count(result: Any) -> int:
    return int(sum(1 for v in result.column("path").to_pylist() if v == "scalar"))


_ZH = {"rows": "户数", "tax": "应纳税额", "total_saving": "全部优惠节税额", "tax_as_known_on": "按当时所知法律的税额",
       "saving_since": "此后政策节税额"}


def _summary_text(summary: Any, by: list[str], columns: list[str], lang: str, n: int) -> str:
    from ..eit import POLICIES
    from ..text import render_table

    en = lang == "en"

    from ..population.groups import SUMMARY as GROUP_SUMMARY

    def label(c: str) -> str:
        if c in GROUP_SUMMARY:
            return GROUP_SUMMARY[c][1 if en else 0]
        if c.startswith("saving_") and c.removeprefix("saving_") in POLICIES:
            p = POLICIES[c.removeprefix("saving_")]
            return f"saving: {p.en}" if en else f"节税：{p.zh}"
        return c.replace("_", " ") if en else _ZH.get(c, c)

    rows = summary.to_pylist()
    lines = []
    for row in rows:
        key = ", ".join(f"{k}={row[k]}" for k in by) or ("all rows" if en else "全部")
        table_rows = [[label(c), str(row[c]) if c == "rows" else _yuan(int(row[c]))] for c in columns]
        head = [key, "yuan" if en else "元"]
        lines.append(render_table(head, table_rows, width=WIDTH))
    title = (f"{n} enterprise-years; sums in yuan" if en else f"共 {n} 户年度；金额单位：元")
    return title + "\n\n" + "\n\n".join(lines)


def _verify(table: Any, result: Any, n: int, *, year: int | None, law: Any, known_on: Any) -> None:
    """Recompute ``n`` rows drawn at random with the scalar rules; an error on the first difference."""
    from ..money import date_arg
    from ..population.columns import read_frame
    from ..population.engine import scalar_row

    f = read_frame(table, year=year)
    day = None if known_on is None else date_arg(known_on, "--since")
    picks = random.Random(f.n).sample(range(f.n), min(n, f.n))  # noqa: S311 — a sample, not a secret
    for i in picks:
        expected = scalar_row(f, i, law, day)
        for column, value in expected.items():
            got = result.column(column)[i].as_py()
            if got != value:
                raise InvalidInput("--verify", f"row {i + 1}, column {column}: {got} computed, {value} by the "
                                   "scalar rules")
    from ..population.groups import scalar_rows  # the optional VAT and export groups

    for i, expected_groups in scalar_rows(table, f.year, law, picks).items():
        for column, value in expected_groups.items():
            got = result.column(column)[i].as_py()
            if got != value:
                raise InvalidInput("--verify", f"row {i + 1}, column {column}: {got} computed, {value} by the "
                                   "scalar rules")

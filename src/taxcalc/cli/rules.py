"""``taxcalc rules``: the rule registry — each rule's id, summary and command; with ``--json``,
its input and output JSON Schemas, the law keys it reads and its documentation page.

Listing the rules imports no rule module; ``--json`` loads each rule to make its schemas.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..rules import RULES, provenance
from ..text import render_table
from . import HAND_WRITTEN
from .common import WIDTH, add_law_options, add_output_options, dump_json

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "rules", help=HAND_WRITTEN["rules"][0], description=HAND_WRITTEN["rules"][1],
        epilog="How a rule is described, and how to add one: docs/rules-registry.md.  --known-on and "
        "--what-if are accepted as on every command; the registry does not depend on them.",
    )
    p.add_argument("rule", nargs="?", metavar="ID", help="only the rules whose id starts with ID, e.g. vat.")
    add_law_options(p)
    add_output_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> str:
    chosen = [r for r in RULES if r.id.startswith(args.rule or "")]
    if args.json:
        return dump_json({"provenance": provenance(), "rules": [r.describe() for r in chosen]})
    en = args.lang == "en"
    head = ["rule", "summary", "command"] if en else ["规则", "说明", "命令"]
    rows = [[r.id, r.en if en else r.zh, "taxcalc " + " ".join(r.command)] for r in chosen]
    return render_table(head, rows, width=WIDTH, fixed=(0, 2))

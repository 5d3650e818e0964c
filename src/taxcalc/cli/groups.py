"""``taxcalc <group>``: a group of rule questions, listed from the registry's index.

Building a group's parser imports no rule and no input model: only the question the
command line asks (``taxcalc vat rate …``) is built, by :mod:`taxcalc.cli.questions`,
so ``taxcalc vat --help`` lists the questions from plain data.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..rules import RULES, Group
from .common import add_output_options

__all__ = ["EXTRA", "add_group"]

#: Questions that are not rules, written by hand: ``(module, help)`` by group and name.
EXTRA: dict[str, dict[str, tuple[str, str]]] = {
    "vat": {"bands": ("taxcalc.cli.vat", "list the VAT bands (and their rates on a date)")},
}


def add_group(sub: Any, group: Group, question: str | None) -> None:
    """``taxcalc <group>`` with its questions; only ``question`` (or every one, for ``"*"``) is built."""
    p: argparse.ArgumentParser = sub.add_parser(group.name, help=group.help, description=group.description)
    add_output_options(p)  # also accepted before the question: taxcalc vat --json rate …
    cmds = p.add_subparsers(dest=f"{group.name}_command", metavar="QUESTION")
    cmds.required = True
    extra = EXTRA.get(group.name, {})
    for name, (module, help_text) in extra.items():
        if question in ("*", name):
            __import__(module, fromlist=["add_parser"]).add_parser(cmds)
        else:
            cmds.add_parser(name, help=help_text)
    for rule in RULES:
        if rule.command[0] != group.name:
            continue
        if question in ("*", rule.command[1]):
            from .questions import add_rule

            add_rule(cmds, rule)
        else:
            cmds.add_parser(rule.command[1], help=_escape(rule.en))


def _escape(text: str) -> str:
    return text.replace("%", "%%")

"""The rule questions of the command line, made from the rule registry.

``taxcalc <group> <question>`` is one rule of :mod:`taxcalc.rules`.  Its options
come from the fields of the rule's input model: ``--field-name`` (or the name the
rule's command-line spelling gives it), the help text is the field's doc, and the
value is read as the field says.  Fields named in the spelling's ``arguments`` are
positional; a list field given as ``one_row`` is given as one row, its fields as
options; an input with lists of tables is given as a JSON or TOML ``FILE``.

The command line reads amounts, rates, dates, months and years as the library
functions do (``1,234.50``, a month as any day of it), as it always has; the
library then checks what it needs, and every problem names the option.  Each
question also takes ``--json`` (with a ``provenance`` object), ``--lang``,
``--known-on`` and ``--what-if``.
"""

from __future__ import annotations

import argparse
import functools
import re
from typing import TYPE_CHECKING, Any

from ..errors import InputProblems, Problem, TaxcalcError
from ..inputs import (
    Amount,
    Choice,
    Code,
    Date,
    Field,
    FieldSpec,
    Flag,
    Month,
    Rate,
    Rows,
    Text,
    Year,
    Years,
    spec,
)
from ..rules import Rule, provenance
from ..rules.fields import Amounts, Factor, Names
from .common import (
    add_file_options,
    add_law_options,
    chosen_law,
    dump_json,
    file_options,
    fit,
    year_arg,
)
from .groups import EXTRA as EXTRA
from .groups import _escape

if TYPE_CHECKING:
    from ..rules.protocol import Definition

__all__ = ["add_rule", "read_args"]

def _fields(rule: Rule, definition: Definition) -> tuple[list[FieldSpec], list[FieldSpec]]:
    """The input's fields given on the command line, and those of its one row (if any)."""
    fields = list(spec(definition.input))
    row: list[FieldSpec] = []
    if rule.one_row:
        rows = next(f for f in fields if f.name == rule.one_row)
        assert isinstance(rows.field, Rows)
        row = list(spec(rows.field.cls))
        fields = [f for f in fields if f.name != rule.one_row]
    return fields, row


def _in_order(rule: Rule, definition: Definition) -> list[FieldSpec]:
    """The fields as the command line lists them: the one row's fields where the row is declared."""
    out: list[FieldSpec] = []
    for f in spec(definition.input):
        if f.name == rule.one_row:
            assert isinstance(f.field, Rows)
            out.extend(spec(f.field.cls))
        else:
            out.append(f)
    return out


def _metavar(rule: Rule, name: str, field: Field) -> str:
    if name in rule.metavars:
        return rule.metavars[name]
    if isinstance(field, Choice | Names):
        options = [o for o in field.options if o]
        return "{" + ",".join(options) + "}" if len(options) <= 6 else name.upper()
    if isinstance(field, Year | Years):
        return "YEAR"
    kinds = {Amount: "AMOUNT", Amounts: "AMOUNT", Rate: "RATE", Factor: "RATE", Date: "DATE",
             Month: "YYYY-MM", Code: "CODE", Names: "NAME", Text: name.upper()}
    for kind, shown in kinds.items():
        if isinstance(field, kind):
            return shown
    return name.upper()


def _help(f: FieldSpec) -> str:
    text = f.field.doc
    if not f.required and f.default not in (None, False, (), "") and "default" not in text:
        text += f" (default: {f.default})"
    return _escape(text.replace("`", ""))


def add_rule(cmds: Any, rule: Rule) -> argparse.ArgumentParser:
    """The question of ``rule``: its arguments and options from the rule's input model."""
    definition = rule.load()
    p: argparse.ArgumentParser = cmds.add_parser(
        rule.command[1], help=_escape(rule.en),
        description=_escape(f"{rule.en[:1].upper()}{rule.en[1:]} ({rule.zh}).  Rule {rule.id}; see {rule.doc}."),
    )
    shown: dict[str, str] = {}
    if rule.from_file:
        p.add_argument("file", metavar="FILE", help="the input, a .json or .toml file (its JSON Schema: "
                       f"taxcalc rules --json, rule {rule.id})")
        add_file_options(p)
    else:
        grouped = {name: (required, names) for required, names in rule.exclusive for name in names}
        groups: dict[tuple[str, ...], Any] = {}
        for f in _in_order(rule, definition):
            name = rule.options.get(f.name)
            if f.name in rule.arguments:
                shown[f.name] = name or f.name
                nargs = "+" if isinstance(f.field, Amounts) else (None if f.required else "?")
                p.add_argument(f.name, metavar=shown[f.name], nargs=nargs, help=_help(f))
                continue
            option = shown[f.name] = name or "--" + f.name.replace("_", "-")
            target: Any = p
            if f.name in grouped:
                required, names = grouped[f.name]
                if names not in groups:
                    groups[names] = p.add_mutually_exclusive_group(required=required)
                target = groups[names]
            if isinstance(f.field, Flag):
                target.add_argument(option, dest=f.name, action="store_true", help=_help(f))
            elif isinstance(f.field, Names | Years):
                target.add_argument(option, dest=f.name, action="append", metavar=_metavar(rule, f.name, f.field),
                                    help=_help(f))
            else:
                target.add_argument(option, dest=f.name, metavar=_metavar(rule, f.name, f.field),
                                    required=f.required and f.name not in grouped, help=_help(f))
    add_law_options(p)
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print JSON (amounts as strings, with a provenance object)")
    p.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                   help="language of labels (default: zh)")
    p.set_defaults(func=functools.partial(run, rule), cli_fields=shown)
    return p


def _read(field: Field, raw: Any, path: str, problems: list[Problem]) -> Any:
    """The value of a command-line argument (a string, or a list of them for a list field).

    Amounts, rates, dates and months follow the one grammar of :mod:`taxcalc.inputs.grammar`,
    as in a JSON document: ``1234.50``, ``13%``, ``2019-04-01``, ``2019-04``.
    """
    if isinstance(field, Amounts | Names):
        values = [field.item.read_text(t, f"{path}[{i}]", problems) for i, t in enumerate(raw)]
        return tuple(values)
    try:
        if isinstance(field, Years):
            return tuple(year_arg(t, path) for t in raw)
        if isinstance(field, Year):
            return year_arg(raw, path)
    except TaxcalcError as exc:
        problems.append(Problem(getattr(exc, "field", path), getattr(exc, "reason", str(exc))))
        return None
    if isinstance(field, Code | Text):
        return raw  # the library checks it and names the option
    return field.read_text(raw, path, problems)


def _made(cls: type[Any], values: dict[str, Any], shown: dict[str, str], problems: list[Problem]) -> Any:
    """The record ``cls`` of ``values``, with its checks' problems naming the options."""
    made = cls(**values)
    checks = getattr(made, "checks", None)
    if checks is not None:
        for name, reason in checks():
            text = re.sub(r"`(\w+)`", lambda m: shown.get(m.group(1), m.group(1)), reason)
            problems.append(Problem(shown.get(name, name), text))
    return made


def read_args(rule: Rule, definition: Definition, args: argparse.Namespace) -> Any:
    """The rule's input from the parsed command line; every problem at once, each naming its option."""
    shown: dict[str, str] = args.cli_fields
    fields, row = _fields(rule, definition)
    problems: list[Problem] = []
    values: list[dict[str, Any]] = [{}, {}]
    for part, specs in enumerate((fields, row)):
        for f in specs:
            raw = getattr(args, f.name, None)
            if raw is None:
                continue
            if isinstance(f.field, Flag):
                if raw:
                    values[part][f.name] = True
                continue
            values[part][f.name] = _read(f.field, raw, shown[f.name], problems)
    if problems:
        raise InputProblems(problems)
    top, one = values
    if rule.one_row:
        rows = next(f for f in spec(definition.input) if f.name == rule.one_row)
        assert isinstance(rows.field, Rows)
        top[rule.one_row] = (_made(rows.field.cls, one, shown, problems),)
    made = _made(definition.input, top, shown, problems)
    if problems:
        raise InputProblems(problems)
    return made


def _load(args: argparse.Namespace) -> Any:
    """The input FILE, read by :func:`taxcalc.datafile.read_file` (UTF-8 or ``--encoding``, at
    most ``--max-size``, no repeated key, floats kept as written: money is never a float)."""
    from ..datafile import read_file

    return read_file(args.file, **file_options(args))


def run(rule: Rule, args: argparse.Namespace) -> str:
    """Answer the question of ``rule``: text, or JSON with the provenance object."""
    definition = rule.load()
    inputs = definition.read(_load(args)) if rule.from_file else read_args(rule, definition, args)
    law = chosen_law(args)
    result = definition.compute(inputs, law=law)
    if args.json:
        return dump_json({**definition.shown(result).as_dict(), "provenance": provenance(law)})
    return fit(definition.text(result, args.lang, inputs))

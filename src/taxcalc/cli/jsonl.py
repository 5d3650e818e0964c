"""``taxcalc jsonl RULE``: one JSON input per line on stdin, one JSON answer per line on stdout.

Line *n* of the output answers line *n* of the input: the rule's result as
``taxcalc … --json`` prints it (with ``provenance``), on one line; or an error
object ``{"line": n, "error": {...}}`` naming every problem by its field, as the
service does.  A bad line never stops the run.  The rule's definition and the law
are loaded once; the input is read in blocks and the answers to a block written
together, flushed before the next read waits, so a program that writes one line
and waits for its answer gets it at once.

Exit status: 0 every line answered, 1 at least one line refused (its error is in
the output; a count is printed on stderr), 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any, BinaryIO

from ..errors import InvalidInput
from . import HAND_WRITTEN
from .common import add_law_options, add_output_options

if TYPE_CHECKING:
    from ..law import Law
    from ..rules import Rule

__all__ = ["add_parser", "answer_lines", "run"]

#: The most read from stdin at a time, in bytes.
_BLOCK = 1 << 16
#: The longest input line, in bytes (as the service's body limit).
MAX_LINE = 1024 * 1024


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "jsonl", help=HAND_WRITTEN["jsonl"][0], description=HAND_WRITTEN["jsonl"][1],
        epilog="Each line is the rule's input as a JSON object (its schema: taxcalc rules --json).  "
        "Example: echo '{\"band\": \"standard\", \"on\": \"2019-04-01\"}' | taxcalc jsonl vat.rate.  "
        "--json and --lang are accepted as on every command; the answers are JSON lines whatever they say.",
    )
    p.add_argument("rule", metavar="RULE", help="the rule's id, e.g. vat.rate (the ids: taxcalc rules)")
    add_law_options(p)
    add_output_options(p)
    p.set_defaults(func=run)


def answer_lines(rule: Rule, law: Law, lines: list[bytes], first: int) -> tuple[bytes, int]:
    """The output of ``lines`` (numbered from ``first``): one JSON line each; and how many were refused."""
    from ..service.answers import ask_rule, encode, read_json
    from ..service.problems import ServiceError, error_data, one

    out: list[bytes] = []
    refused = 0
    for n, raw in enumerate(lines, first):
        try:
            if not raw.strip():
                raise one(400, "body", "", "an empty line; give one JSON object per line")
            if len(raw) > MAX_LINE:
                raise one(413, "body", "", f"the line is longer than {MAX_LINE:,} bytes")
            out.append(encode(ask_rule(rule, read_json(raw), law, files=True)))
        except ServiceError as err:
            refused += 1
            out.append(encode({"line": n, "error": error_data(err)}))
    out.append(b"")
    return b"\n".join(out), refused


def _blocks(stream: BinaryIO) -> Any:
    """The complete lines of ``stream``, as many as one read gives at a time (the last without its newline)."""
    fd = stream.fileno()
    rest = b""
    while True:
        data = os.read(fd, _BLOCK)
        if not data:
            if rest:
                yield [rest.removesuffix(b"\r")]
            return
        rest += data
        if b"\n" not in data:
            if len(rest) > MAX_LINE + _BLOCK:  # an overlong line: answered when it ends, not kept whole
                rest = rest[: MAX_LINE + 1]
            continue
        *lines, rest = rest.split(b"\n")
        yield [line.removesuffix(b"\r") for line in lines]


def run(args: argparse.Namespace) -> str:
    """Answer every line of stdin; end the process with the exit status (see the module notes)."""
    from ..rules import get
    from ..service.answers import chosen_law, law_options
    from ..service.problems import ServiceError

    try:
        rule = get(args.rule)
    except KeyError as exc:
        raise InvalidInput("RULE", str(exc.args[0])) from None
    try:
        law = chosen_law(*law_options(args.known_on, args.what_if))
    except ServiceError as err:
        problem = err.problems[0]
        raise InvalidInput("--" + problem.field.replace("_", "-"), problem.reason) from None
    rule.load()
    out = sys.stdout.buffer
    number, refused = 1, 0
    for lines in _blocks(sys.stdin.buffer):
        text, bad = answer_lines(rule, law, lines, number)
        out.write(text)
        out.flush()
        number += len(lines)
        refused += bad
    if refused:
        print(f"taxcalc: {refused} of {number - 1} lines refused (each error is on its line of the output)",
              file=sys.stderr)
    raise SystemExit(1 if refused else 0)

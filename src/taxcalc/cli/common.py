"""Options and output helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import json
from typing import Any

__all__ = ["add_output_options", "dump_json"]


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """``--json`` and ``--lang``, the same on every sub-command."""
    parser.add_argument("--json", action="store_true", help="print JSON (amounts as strings)")
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of labels (default: zh)"
    )


def dump_json(data: Any) -> str:
    """Stable JSON: keys in insertion order, non-ASCII kept, two-space indent."""
    return json.dumps(data, ensure_ascii=False, indent=2)

"""Snapshots of explained results: every figure, step, formula, citation and return-form line,
and the explanation in Chinese and English, compared with a file kept in ``tests/snapshots/``.

A change of what a result shows then fails a test and is a decision, not an accident:
when it is meant, write the files again with ``TAXCALC_SNAPSHOTS=update`` and read the
difference (``git diff tests/snapshots``) before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent / "snapshots"


def shown(result: Any) -> dict[str, Any]:
    """What a person or a program sees of ``result``: its JSON and its explanations."""
    return {"json": result.as_dict(), "zh": result.explain("zh").splitlines(),
            "en": result.explain("en").splitlines()}


def check(name: str, cases: dict[str, Any]) -> None:
    """``cases`` (id → JSON-ready data) equal the snapshot ``name``; each case is compared on its own."""
    path = FOLDER / f"{name}.json"
    data = json.loads(json.dumps(cases, ensure_ascii=False))
    if os.environ.get("TAXCALC_SNAPSHOTS") == "update":
        FOLDER.mkdir(exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    kept = json.loads(path.read_text("utf-8"))
    assert sorted(kept) == sorted(data), "cases added or removed: TAXCALC_SNAPSHOTS=update"
    for case, got in data.items():
        assert got == kept[case], case

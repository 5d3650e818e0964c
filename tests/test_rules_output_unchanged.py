"""What ``taxcalc rules`` and ``taxcalc rules --json`` print is kept in a snapshot: how the
registry loads its rules (one adapter module per rule, imported when asked) never changes
what it publishes.

The listing is kept whole, in both languages; of ``--json`` (without its provenance, which
names the version and the law data) each rule's entry is kept as the SHA-256 of its
canonical JSON, so a change names the rule it touched.  A change that is meant is written
with ``TAXCALC_SNAPSHOTS=update`` (see ``tests/snapshot.py``).
"""

from __future__ import annotations

import hashlib
import json

from snapshot import check
from taxcalc import rules
from taxcalc.cli import main


def _canonical(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_the_listing_and_the_json_of_every_rule_are_unchanged(capsys):
    cases: dict[str, object] = {}
    for lang in ("zh", "en"):
        assert main(["rules", "--lang", lang]) == 0
        cases[f"listing.{lang}"] = capsys.readouterr().out.splitlines()
    assert main(["rules", "--json"]) == 0
    published = json.loads(capsys.readouterr().out)
    assert [entry["id"] for entry in published["rules"]] == [r.id for r in rules.RULES]
    for entry in published["rules"]:
        cases[f"json.{entry['id']}"] = hashlib.sha256(_canonical(entry).encode("utf-8")).hexdigest()
    check("rules_registry", cases)

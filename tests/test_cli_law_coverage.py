"""``taxcalc law --coverage DATE``: each rule's keys that answer on a day, and why the others do not."""

from __future__ import annotations

import json

from taxcalc import law, rules
from taxcalc.cli import main
from taxcalc.text import display_width


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(["law", *argv])
    return code, capsys.readouterr().out


def test_today_every_rule_and_the_keys_that_do_not_answer(capsys):
    code, out = _run(capsys, "--coverage", "2026-12-01", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["on"] == "2026-12-01" and data["provenance"]["law_digest"] == law.default().digest
    assert [r["id"] for r in data["rules"]] == [r.id for r in rules.RULES]
    by_id = {r["id"]: r for r in data["rules"]}
    assert by_id["vat.rate"]["answering"] == by_id["vat.rate"]["keys"] > 0
    assert by_id["vat.agricultural_deduction"]["answering"] == 0  # the 2026 text is not encoded
    keys = {k["key"]: k for k in data["keys"]}
    assert len(keys) == len(law.keys())
    assert keys["vat.small_scale.start_point.monthly"]["answers"] is True
    assert keys["vat.agri.deduction_rate"]["status"] == "ended"
    assert "2025-12-31" in keys["vat.agri.deduction_rate"]["reason"]


def test_the_text_names_the_keys_that_do_not_answer(capsys):
    code, out = _run(capsys, "--coverage", "2026-12-01", "--lang", "en")
    assert code == 0
    assert out.startswith("What the law data covers on 2026-12-01: ")
    assert "vat.agri.deduction_rate" in out and "vat.rate.standard" not in out
    assert max(display_width(line) for line in out.splitlines()) <= 100


def test_before_the_vat_rates_begin(capsys):
    data = json.loads(_run(capsys, "--coverage", "2008-12-31", "--json")[1])
    rate = {k["key"]: k for k in data["keys"]}["vat.rate.standard"]
    assert (rate["answers"], rate["status"]) == (False, "not yet")


def test_a_bad_day_is_bad_input(capsys):
    assert main(["law", "--coverage", "2026-13-01"]) == 1
    assert "--coverage" in capsys.readouterr().err

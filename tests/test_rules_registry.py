"""The rule registry: every law key is read by some rule, every key a rule names exists, every
rule has its page and its command, every public rule function is behind a rule; the published
schemas describe what the rules accept and return."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import jsonschema
import pytest

import taxcalc
import taxcalc.eit
import taxcalc.environment
import taxcalc.export
import taxcalc.vat
from taxcalc import law, rules
from taxcalc.cli import main
from taxcalc.errors import InputProblems
from taxcalc.law import Law

ROOT = Path(__file__).resolve().parents[1]

#: Law keys no rule reads, with the reason: only the report may read a key on its own, and
#: data encoded ahead of the rule code that will read it waits here (see docs/law-audit.md).
REPORT_ONLY: dict[str, str] = {}


def _matches(pattern: str, key: str) -> bool:
    return key.startswith(pattern[:-1]) if pattern.endswith("*") else key == pattern


def test_every_law_key_is_read_by_some_rule():
    unread = [k for k in law.keys() if not any(_matches(p, k) for r in rules.RULES for p in r.keys)]
    assert sorted(unread) == sorted(REPORT_ONLY), unread


def test_every_key_a_rule_names_exists():
    keys = law.keys()
    missing = [(r.id, p) for r in rules.RULES for p in r.keys if not any(_matches(p, k) for k in keys)]
    assert not missing
    assert set(REPORT_ONLY) <= set(keys)


def test_every_rule_has_a_page_a_unique_id_and_a_unique_command():
    for r in rules.RULES:
        assert (ROOT / r.doc).is_file(), (r.id, r.doc)
        assert r.zh and r.en and r.covers
    assert len({r.id for r in rules.RULES}) == len(rules.RULES)
    assert len({r.command for r in rules.RULES}) == len(rules.RULES)
    assert {r.command[0] for r in rules.RULES} == {g.name for g in rules.GROUPS}


def test_every_public_rule_function_is_behind_a_rule():
    covered = {name for r in rules.RULES for name in r.covers}
    public = set()
    for module in (taxcalc.vat, taxcalc.eit, taxcalc.export, taxcalc.environment):
        for name in module.__all__:
            if inspect.isfunction(getattr(module, name)):
                public.add(f"{module.__name__}.{name}")
    assert public - covered == set()
    assert covered - public == set()  # and every name a rule covers is such a function


def test_get_and_all_rules():
    assert rules.get("vat.rate") is rules.RULES[0] and rules.all_rules() == rules.RULES
    with pytest.raises(KeyError, match="known: vat.rate"):
        rules.get("vat.nothing")


RULES = [pytest.param(r, id=r.id) for r in rules.RULES]


def _checker(schema: dict) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("rule", RULES)
def test_the_example_is_valid_input_and_the_result_matches_the_output_schema(rule):
    definition = rule.load()
    assert definition.example, rule.id
    errors = [e.message for e in _checker(rule.input_schema()).iter_errors(definition.example)]
    assert not errors, errors
    result = rule.compute(definition.example)
    assert isinstance(result, definition.result)
    data = json.loads(json.dumps(result.as_dict()))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _checker(rule.output_schema()).iter_errors(data)]
    assert not errors, errors


@pytest.mark.parametrize("rule", RULES)
def test_a_rule_reads_only_the_keys_it_names(rule, monkeypatch):
    read: set[str] = set()
    for name in ("value", "get", "history"):
        original = getattr(Law, name)

        def spy(self, key, *args, _original=original, **kwargs):
            read.add(key)
            return _original(self, key, *args, **kwargs)

        monkeypatch.setattr(Law, name, spy)
    fresh = Law.load()  # a new object: no cache of another law answers for it
    rule.compute(rule.load().example, law=fresh)
    assert read, rule.id
    unnamed = sorted(k for k in read if not any(_matches(p, k) for p in rule.keys))
    assert not unnamed, unnamed


def test_every_problem_of_a_mapping_is_reported_with_its_path():
    with pytest.raises(InputProblems) as info:
        rules.get("vat.invoice_line").read({"amount": "1.005", "band": "luxury", "onn": "2019-04-01"})
    paths = sorted(p.path for p in info.value.problems)
    assert paths == ["amount", "band", "on", "onn"]


def test_the_enterprise_year_is_read_as_every_input_record():
    rule = rules.get("eit.annual")
    assert rule.reader == "taxcalc.inputs.parse"
    with pytest.raises(InputProblems) as info:
        rule.read({"year": 2018, "profit": "1", "employes": 3})
    assert info.value.problems[0].path == "employes"


def test_provenance_names_the_version_and_defers_to_the_package(monkeypatch):
    assert rules.provenance()["taxcalc"] == taxcalc.__version__
    seen = []
    monkeypatch.setattr(taxcalc, "provenance", lambda law: seen.append(law) or {"taxcalc": "x", "law_digest": "d"},
                        raising=False)
    assert rules.provenance("the law") == {"taxcalc": "x", "law_digest": "d"} and seen == ["the law"]


def test_taxcalc_rules_lists_every_rule(capsys):
    assert main(["rules", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for r in rules.RULES:
        assert r.id in out
    assert main(["rules", "eit.", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["provenance"]["taxcalc"] == taxcalc.__version__
    assert [r["id"] for r in data["rules"]] == [r.id for r in rules.RULES if r.id.startswith("eit.")]
    first = data["rules"][0]
    assert set(first) >= {"id", "summary", "input_schema", "output_schema", "keys", "doc"}
    assert set(first["summary"]) == {"zh", "en"}

"""``taxcalc jsonl RULE``: line n of the output answers line n of the input, as the library does;
a bad line is an error object with its line number and the field, and never stops the run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from typing import Any

import pytest

import taxcalc
from taxcalc import rules
from taxcalc.inputs import FloatLiteral
from taxcalc.law import default

_JSONL = [sys.executable, "-m", "taxcalc", "jsonl"]


def _run(rule: str, data: bytes, *options: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*_JSONL, rule, *options], input=data, capture_output=True, timeout=120, check=False)


def _library(rule_id: str, doc: dict[str, Any], **what_if: object) -> Any:
    rule = rules.get(rule_id)
    definition = rule.load()
    law = default().with_values(what_if) if what_if else default()
    result = definition.compute(definition.read(json.loads(json.dumps(doc), parse_float=FloatLiteral)), law=law)
    return json.loads(json.dumps({**definition.shown(result).as_dict(), "provenance": taxcalc.provenance(law)}))


def _error(line: bytes, number: int, field: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(line)
    assert data["line"] == number, data
    assert any(p["field"] == field for p in data["error"]["problems"]), data
    return data


def test_each_line_is_answered_as_the_library_answers_it_and_a_bad_line_does_not_stop_the_run() -> None:
    good = [{"band": "standard", "on": "2019-04-01"}, {"band": "low_rate_goods", "on": "2018-04-30"}]
    lines = [json.dumps(good[0]).encode(), b'{"band": "nope", "on": "2019-04-01"}', b"not json", b"",
             b'{"band": "standard", "on": 1.5}\r', b'{"band": "standard", "band": "x", "on": "2019-04-01"}',
             b'{"band": "standard", "on": "1990-01-01"}', b"[]", "\u00e9".encode("latin-1"), json.dumps(good[1]).encode()]
    done = _run("vat.rate", b"\n".join(lines))  # the last line without its newline
    out = done.stdout.split(b"\n")
    assert out[-1] == b"" and len(out) - 1 == len(lines), done.stdout
    assert json.loads(out[0]) == _library("vat.rate", good[0])
    assert json.loads(out[9]) == _library("vat.rate", good[1])
    _error(out[1], 2, "band")
    _error(out[2], 3, "")
    _error(out[3], 4, "")
    _error(out[4], 5, "on")
    _error(out[5], 6, "band")
    coverage = _error(out[6], 7, "")
    assert coverage["error"]["code"] == "outside_coverage"
    assert coverage["error"]["problems"][0]["law_key"] == "vat.rate.standard"
    _error(out[7], 8, "")
    assert "not UTF-8" in _error(out[8], 9, "")["error"]["message"]
    assert done.returncode == 1
    assert b"8 of 10 lines refused" in done.stderr and b"Traceback" not in done.stderr


def test_every_line_answered_is_exit_status_0_and_the_law_options_apply() -> None:
    docs = [{"origin": 2013 + i % 8, "qualified_years": [2018]} for i in range(500)]
    done = _run("eit.loss_window", "".join(json.dumps(d) + "\n" for d in docs).encode())
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode().splitlines()
    assert [json.loads(x) for x in out] == [_library("eit.loss_window", d) for d in docs]
    doc = {"band": "standard", "on": "2019-04-01"}
    done = _run("vat.rate", json.dumps(doc).encode() + b"\n", "--what-if", "vat.rate.standard=15%")
    assert done.returncode == 0
    answer = json.loads(done.stdout)
    assert answer == _library("vat.rate", doc, **{"vat.rate.standard": "15%"}) and answer["rate"] == "0.15"


@pytest.mark.parametrize("argv, message", [
    (["vat.nope"], b"RULE: no rule 'vat.nope'"),
    (["vat.rate", "--what-if", "vat.rate.standard"], b"--what-if: 'vat.rate.standard' is not KEY=VALUE"),
    (["vat.rate", "--known-on", "someday"], b"--known-on: 'someday' is not a date"),
])
def test_a_wrong_rule_or_law_option_is_named(argv: list[str], message: bytes) -> None:
    done = _run(argv[0], b"{}\n", *argv[1:])
    assert done.returncode == 1 and message in done.stderr and not done.stdout, done.stderr


def test_an_overlong_line_is_refused_and_the_next_one_answered() -> None:
    long = b'{"band": "' + b"x" * (1024 * 1024 + 10) + b'"}'
    done = _run("vat.rate", long + b'\n{"band": "standard", "on": "2019-04-01"}\n')
    out = done.stdout.splitlines()
    assert len(out) == 2 and json.loads(out[0])["error"]["code"] == "too_large"
    assert json.loads(out[1])["rate"] == "0.13"


def test_an_answer_comes_as_soon_as_its_line_is_written() -> None:
    """A program that writes one line and waits for its answer gets it (the output is not held back)."""
    proc = subprocess.Popen([*_JSONL, "vat.rate"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    assert proc.stdin is not None and proc.stdout is not None
    answers: list[bytes] = []
    try:
        for band in ("standard", "transport"):
            proc.stdin.write(json.dumps({"band": band, "on": "2019-04-01"}).encode() + b"\n")
            proc.stdin.flush()
            reader = threading.Thread(target=lambda: answers.append(proc.stdout.readline()))  # type: ignore[union-attr]
            reader.start()
            reader.join(timeout=60)
            assert not reader.is_alive(), "no answer while the input stays open"
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, 9)
            proc.wait()
        proc.stdout.close()
    assert [json.loads(a)["rate"] for a in answers] == ["0.13", "0.09"]

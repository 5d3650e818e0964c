"""Provenance in the JSON outputs: the taxcalc version and the digest of the law used."""

from __future__ import annotations

import json

import pytest

import taxcalc
from taxcalc.cli import main
from taxcalc.law import default
from taxcalc.report import build_report, example


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(list(argv)) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_provenance_of_the_package_data() -> None:
    p = taxcalc.provenance()
    assert list(p) == ["taxcalc", "law_digest", "known_on", "what_if"]
    assert p == taxcalc.provenance(default())
    assert p["taxcalc"] == taxcalc.__version__
    assert p["law_digest"] == default().digest and p["known_on"] is None and p["what_if"] == {}
    json.dumps(p)  # plain JSON data


def test_provenance_shows_each_what_if_value_as_the_law_holds_it() -> None:
    law = default().with_values({
        "vat.rate.standard": "15%", "eit.rd.in_force": False, "eit.losses.years.qualified": 8,
    })
    assert taxcalc.provenance(law)["what_if"] == {
        "eit.losses.years.qualified": 8, "eit.rd.in_force": False, "vat.rate.standard": "0.15",
    }


def test_report_json_carries_version_and_digest() -> None:
    data = build_report(example()).as_dict()
    assert data["provenance"] == taxcalc.provenance()
    assert list(data)[:5] == ["report", "version", "year", "enterprise", "law"]
    assert "sections" in data and "total_saving" in data  # the existing keys stay


def test_report_json_names_the_view_it_was_computed_under() -> None:
    what_if = build_report(example(), known_on="2018-12-31", what_if={"vat.rate.standard": "15%"})
    p = what_if.as_dict()["provenance"]
    assert p["known_on"] == "2018-12-31" and p["what_if"] == {"vat.rate.standard": "0.15"}
    expected = default().as_known_on("2018-12-31").with_values({"vat.rate.standard": "15%"})
    assert p["law_digest"] == expected.digest != default().digest


def test_cli_report_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run(capsys, "report", "--json", "--what-if", "eit.rd.in_force=false")
    p = data["provenance"]
    assert isinstance(p, dict)
    assert p["taxcalc"] == taxcalc.__version__ and p["what_if"] == {"eit.rd.in_force": False}
    assert p["law_digest"] == default().with_values({"eit.rd.in_force": False}).digest


def test_cli_law_json(capsys: pytest.CaptureFixture[str]) -> None:
    listed = run(capsys, "law", "--json")
    keys = listed["keys"]
    assert isinstance(keys, list) and len(keys) == len(default().keys())
    assert listed["provenance"] == taxcalc.provenance()
    history = run(capsys, "law", "vat.rate.standard", "--known-on", "2018-04-04", "--json")
    assert history["provenance"] == taxcalc.provenance(default().as_known_on("2018-04-04"))
    one = run(capsys, "law", "vat.rate.standard", "--on", "2019-04-01", "--what-if",
              "vat.rate.standard=12%", "--json")
    assert one["value"] == "0.12"
    assert one["provenance"] == taxcalc.provenance(default().with_values({"vat.rate.standard": "12%"}))

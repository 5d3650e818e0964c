"""The parse cache of the law data: kept beside each file, named by its text, never stale."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from taxcalc.law import Law

DATA = Path(__file__).resolve().parents[1] / "src" / "taxcalc" / "law" / "data"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    root = tmp_path / "data"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _caches(root: Path) -> list[Path]:
    return sorted(root.rglob("__pycache__/*.json"))


def test_a_second_load_reads_the_cache_and_gives_the_same_law(data: Path) -> None:
    first = Law.load(data)
    assert len(_caches(data)) == len(list(data.rglob("*.toml")))
    second = Law.load(data)
    assert second.digest == first.digest
    assert second.value("vat.rate.standard", "2019-04-01") == first.value("vat.rate.standard", "2019-04-01")


def test_an_edited_file_is_parsed_again(data: Path) -> None:
    Law.load(data)
    rates = data / "vat" / "rates.toml"
    text = rates.read_text("utf-8")
    assert 'value = "13%"' in text
    rates.write_text(text.replace('value = "13%"', 'value = "12%"', 1), "utf-8")
    assert Law.load(data).get("vat.rate.standard", "2019-04-01") == __import__("decimal").Decimal("0.12")


def test_a_broken_cache_is_ignored(data: Path) -> None:
    Law.load(data)
    for cache in _caches(data):
        cache.write_text("{not json", "utf-8")
    assert Law.load(data).get("vat.rate.standard", "2019-04-01") == __import__("decimal").Decimal("0.13")


def test_nothing_is_written_when_bytecode_is_not(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    Law.load(data)
    assert _caches(data) == []

"""The law digest: one fingerprint of the law data a result was computed from."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from taxcalc.law import Law, default

DATA = Path(str(resources.files("taxcalc.law") / "data"))


def test_stable_across_loads_and_processes() -> None:
    first, second = Law.load(), Law.load()
    assert first is not second
    assert first.digest == second.digest == default().digest
    assert len(first.digest) == 64 and int(first.digest, 16) >= 0
    code = "from taxcalc.law import default; print(default().digest)"
    for seed in ("0", "12345"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": seed, "PATH": ""})
        assert out.stdout.strip() == first.digest


def test_computed_once_per_law() -> None:
    law = Law.load()
    assert law.digest is law.digest


def test_changes_with_a_what_if_value() -> None:
    base = default()
    fifteen = base.with_values({"vat.rate.standard": "15%"})
    twelve = base.with_values({"vat.rate.standard": "12%"})
    assert len({base.digest, fifteen.digest, twelve.digest}) == 3
    assert base.with_values({"vat.rate.standard": "15%"}).digest == fifteen.digest
    # a flag set to what it already is still says a value was supplied
    assert base.with_values({"eit.rd.in_force": True}).digest != base.digest


def test_changes_with_known_on() -> None:
    base = default()
    july_10, july_11 = base.as_known_on("2018-07-10"), base.as_known_on("2018-07-11")
    assert len({base.digest, july_10.digest, july_11.digest}) == 3
    assert july_10.digest == Law.load().as_known_on("2018-07-10").digest
    # the view a report reads: known on, then what-if, in that order
    assert july_10.with_values({"vat.rate.standard": "15%"}).digest not in {
        july_10.digest, base.with_values({"vat.rate.standard": "15%"}).digest}


def test_changes_with_the_data_files(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    assert Law.load(root).digest == default().digest
    rates = root / "vat" / "rates.toml"
    text = rates.read_text(encoding="utf-8")
    assert 'value = "16%"' in text
    rates.write_text(text.replace('value = "16%"', 'value = "0.16"', 1), encoding="utf-8")
    # the same number written another way is the same law
    assert Law.load(root).digest == default().digest
    rates.write_text(text.replace('value = "16%"', 'value = "15%"', 1), encoding="utf-8")
    assert Law.load(root).digest != default().digest


def test_a_type_the_digest_does_not_know_is_refused() -> None:
    from taxcalc.law import _canonical

    assert _canonical(("a", "b")) == {"tuple": ["a", "b"]}
    with pytest.raises(TypeError, match="cannot encode"):
        _canonical(1.5)

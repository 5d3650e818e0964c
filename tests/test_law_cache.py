"""The law cache: a data folder's checked law and its digest, kept in its ``__pycache__`` and read
only when it was written from the very files read now.  Each case works on a copy of the data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from taxcalc.errors import LawDataError
from taxcalc.law import Law, default, loader
from taxcalc.law._digest import law_digest

DATA = Path(__file__).resolve().parents[1] / "src" / "taxcalc" / "law" / "data"
RATE = ("vat.rate.standard", "2019-04-01")


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    root = tmp_path / "data"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _cache(root: Path) -> Path:
    return root / "__pycache__" / f"law.{sys.implementation.cache_tag}.marshal"


def _uncached(root: Path, monkeypatch: pytest.MonkeyPatch) -> Law:
    """The law of ``root`` read and checked from its files, its digest computed (no cache read or written)."""
    with monkeypatch.context() as m:
        m.setattr(loader, "_law_cache", lambda base, files: None)
        law = Law.load(root)
        assert law._digest is None
        law.digest  # noqa: B018
    return law


def _no_checking(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, reading and checking the files fails the test: only the cache may answer."""
    def refuse(*args: object) -> None:
        raise AssertionError("the files were read and checked: the cache did not answer")

    monkeypatch.setattr(loader, "_load", refuse)


def _rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_second_load_is_answered_by_the_cache_with_the_same_law_and_digest(
        data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Law.load(data)
    assert _cache(data).is_file()
    assert first._digest is not None  # written with the cache, not computed later
    package = default()  # read before checking is refused: run alone, this test may be the first to load it
    package_digest = package.digest
    _no_checking(monkeypatch)
    second = Law.load(data)
    assert second._keys == first._keys and second._docs == first._docs
    assert list(second._keys) == list(first._keys)  # the order of the files, too
    # the cached objects are the checked ones to the last digit: their digest, computed again, is the one kept
    assert law_digest(second._keys, second._docs, None) == second.digest == first.digest
    assert second.digest == package_digest
    assert second.value(*RATE) == first.value(*RATE) == package.value(*RATE)
    v = second.value(*RATE)
    assert type(v.value) is Decimal and str(v.value) == "0.13" and str(v.citation) == str(first.value(*RATE).citation)


def test_the_cached_values_keep_their_types(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Law.load(data)
    _no_checking(monkeypatch)
    second = Law.load(data)
    for name, spec in first._keys.items():
        cached = second._keys[name]
        for old, new in zip(spec.values + spec.superseded, cached.values + cached.superseded, strict=True):
            assert [type(x) for x in new] == [type(x) for x in old], name
            assert type(new.value) is type(old.value) and type(new.citation) is type(old.citation), name
        assert cached.starts == spec.starts
    assert {type(spec.values[-1].value).__name__ for spec in second._keys.values()} >= {
        "Decimal", "int", "bool", "date", "str", "tuple"}


def test_the_digest_changes_exactly_when_a_data_file_changes(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = Law.load(data).digest
    rates = data / "vat" / "rates.toml"
    text = rates.read_text("utf-8")
    _rewrite(rates, 'value = "13%"', 'value = "12%"')
    edited = Law.load(data)  # the cache does not answer for the new text
    assert edited.get(*RATE) == Decimal("0.12")
    assert edited.digest != before
    assert edited.digest == _uncached(data, monkeypatch).digest
    assert Law.load(data).digest == edited.digest  # now from the cache written for the new text
    rates.write_text(text, "utf-8")  # back as it was: the law and the digest are those before
    back = Law.load(data)
    assert back.digest == before and back.get(*RATE) == Decimal("0.13")


def test_the_same_law_written_another_way_has_the_same_digest(data: Path) -> None:
    before = Law.load(data).digest
    _rewrite(data / "vat" / "rates.toml", 'value = "16%"', 'value = "0.16"')
    assert Law.load(data).digest == before


def test_a_file_added_removed_or_renamed_is_read_again(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = Law.load(data)
    extra = data / "vat" / "extra.toml"
    extra.write_text('["vat.extra.cap"]\nzh = "上限"\nen = "a cap"\ntype = "money"\n'
                     '[["vat.extra.cap".values]]\nfrom = 2019-01-01\nto = "open"\nvalue = "100"\n'
                     'doc = "财税〔2018〕32号"\narticle = "一"\n', "utf-8")
    added = Law.load(data)
    assert added.get("vat.extra.cap", "2019-04-01") == Decimal("100") and added.digest != before.digest
    extra.rename(data / "vat" / "zz_extra.toml")  # another label, the same keys: the same law
    assert Law.load(data).digest == added.digest
    (data / "vat" / "zz_extra.toml").unlink()
    assert Law.load(data).digest == before.digest
    assert "vat.extra.cap" not in Law.load(data)


def test_other_code_does_not_read_the_cache(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Law.load(data)
    written = _cache(data).read_bytes()
    monkeypatch.setattr(loader, "_code_fingerprint", [b"another version of the loader"])
    Law.load(data)  # read and checked again, and the cache written for this code
    assert _cache(data).read_bytes() != written
    _no_checking(monkeypatch)
    assert Law.load(data).get(*RATE) == Decimal("0.13")


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "another layout"])
def test_a_damaged_cache_is_ignored(data: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    digest = Law.load(data).digest
    cache = _cache(data)
    raw = cache.read_bytes()
    cache.write_bytes({"empty": b"", "truncated": raw[: len(raw) // 2], "garbage": b"\xff" * 100,
                       "another layout": __import__("marshal").dumps(("taxcalc law cache 0", b"", "x"))}[damage])
    law = Law.load(data)
    assert law.digest == digest and law.get(*RATE) == Decimal("0.13")


def test_an_error_is_never_cached(data: Path) -> None:
    Law.load(data)
    _rewrite(data / "vat" / "rates.toml", 'value = "13%"', 'value = "13 percent"')
    for _ in range(2):
        with pytest.raises(LawDataError, match="not a decimal number"):
            Law.load(data)


def test_nothing_is_written_where_bytecode_is_not(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    law = Law.load(data)
    assert not _cache(data).exists()
    assert law._digest is None and law.digest == default().digest  # computed when asked


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="a folder root can write to")
def test_a_folder_that_cannot_be_written_is_read_without_a_cache(data: Path) -> None:
    data.chmod(0o555)
    try:
        assert Law.load(data).get(*RATE) == Decimal("0.13")
        assert not _cache(data).exists()
    finally:
        data.chmod(0o755)


# -- a rule question answered from the cache imports no reader of the files ----------------------

#: Imported only when the cache does not answer: the TOML parser, the file digests, the package
#: resources (with tempfile, zipfile, shutil), pathlib (with urllib.parse), the JSON of the parse cache.
_READERS = ("tomllib", "hashlib", "_hashlib", "importlib.resources", "pathlib", "json", "shutil", "tempfile",
            "zipfile", "urllib.parse")

_QUESTION = """
import io, contextlib, sys
from taxcalc.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    assert main({argv!r}) == 0
print(repr((out.getvalue(), sorted(sys.modules))))
"""


def _ask(*argv: str) -> tuple[str, set[str]]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # the cache may be written
    run = subprocess.run([sys.executable, "-c", _QUESTION.format(argv=list(argv))], capture_output=True,
                         text=True, check=True, timeout=120, env=env)
    answer, modules = eval(run.stdout)  # noqa: S307 - our own repr
    return answer, set(modules)


def test_a_cached_rate_question_imports_no_reader_of_the_law_files() -> None:
    question = ("vat", "rate", "standard", "--on", "2019-04-01")
    first, _ = _ask(*question)  # writes the cache if it is not there
    package_data = Path(loader._package_data())
    if not _cache(package_data).is_file():
        pytest.skip("the package's data folder cannot be written: no law cache")
    answer, loaded = _ask(*question)
    assert answer == first and "13%" in answer
    assert not loaded & set(_READERS), sorted(loaded & set(_READERS))
    answer, loaded = _ask(*question, "--json")  # the digest comes from the cache too
    assert f'"law_digest": "{default().digest}"' in answer
    assert not loaded & (set(_READERS) - {"json"}), sorted(loaded & set(_READERS))

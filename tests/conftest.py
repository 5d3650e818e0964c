"""Shared test set-up: a Hypothesis profile without deadlines (speed is measured by
the benchmark scripts, never by tests), helpers for writing law-data fixtures, and,
under mutation testing (``TAXCALC_FRESH_LAW_CACHE=1``, set by ``scripts/mutation.py``),
a law cache emptied before every test."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

settings.register_profile("default", deadline=None, print_blob=True)
settings.load_profile("default")

if os.environ.get("TAXCALC_FRESH_LAW_CACHE") == "1":
    # ``Law.memo`` keeps what a rule derives from a law with that law, for the life of the
    # process.  mutmut runs each mutant in a process forked after the tests ran once on the
    # unchanged code, so a mutant of a memoised function would be answered from the cache
    # filled then (by the package's shared law, or a law a test module keeps) and never run;
    # and mutmut, which runs for a mutant only the tests that reached its function, would see
    # only the first test that filled the cache.  Here the cache lives for one test only:
    # each test computes with the code as it is, and every test that reads a derivation
    # reaches its function.  Within a test it behaves as ``Law.memo`` (same object for the
    # same law, function and arguments).
    from taxcalc.law import Law

    _per_test: dict[tuple[int, Callable[..., Any], tuple[Hashable, ...]], tuple[Law, Any]] = {}

    def _memo_for_one_test(self: Law, fn: Callable[..., Any], *args: Hashable) -> Any:
        key = (id(self), fn, args)
        if key not in _per_test:
            _per_test[key] = (self, fn(self, *args))  # the law is kept so its id is not reused
        return _per_test[key][1]

    Law.memo = _memo_for_one_test  # type: ignore[method-assign]

    @pytest.fixture(autouse=True)
    def _fresh_law_cache() -> Iterator[None]:
        _per_test.clear()
        yield
        _per_test.clear()

DOCS = """
[[document]]
number = "财税〔2018〕32号"
title = "财政部 税务总局关于调整增值税税率的通知"
issuer = "财政部 税务总局"
issued = 2018-04-04
effective_from = 2018-05-01
effective_to = "open"

[[document]]
number = "财税〔2017〕43号"
title = "关于扩大小型微利企业所得税优惠政策范围的通知"
issuer = "财政部 税务总局"
issued = 2017-06-06
effective_from = 2017-01-01
effective_to = 2019-12-31

[[document]]
number = "财税〔2018〕77号"
title = "关于进一步扩大小型微利企业所得税优惠政策范围的通知"
issuer = "财政部 税务总局"
issued = 2018-07-11
effective_from = 2018-01-01
effective_to = 2020-12-31
"""


@pytest.fixture
def law_dir(tmp_path: Path):
    """Write a register plus the given key files into a temporary data directory."""

    def make(keys: dict[str, str], docs: str = DOCS) -> Path:
        (tmp_path / "documents").mkdir(exist_ok=True)
        (tmp_path / "documents" / "register.toml").write_text(textwrap.dedent(docs), "utf-8")
        for name, text in keys.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), "utf-8")
        return tmp_path

    return make

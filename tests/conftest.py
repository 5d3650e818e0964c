"""Shared test set-up: a Hypothesis profile without deadlines (speed is measured by
the benchmark scripts, never by tests) and helpers for writing law-data fixtures."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("default", deadline=None, print_blob=True)
settings.load_profile("default")

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

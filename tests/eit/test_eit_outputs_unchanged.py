"""The differential check: random enterprise years show the same figures and words as before the speed work.

The fixture holds, for 1,500 seeded random enterprise years (see ``eit_outputs.py``),
digests of the record read, of ``annual()``'s ``as_dict()``, explanations (zh, en) and
``repr``, of ``benefit()``'s for one in four, or the error raised — as the code gave
them before the annual computation was made faster.
"""

from __future__ import annotations

import json

from eit_outputs import FIXTURE, all_outputs, cases


def test_the_random_cases_are_the_ones_of_the_fixture():
    assert len(cases()) == len(json.loads(FIXTURE.read_text(encoding="utf-8")))


def test_every_output_is_as_before():
    expected = json.loads(FIXTURE.read_text(encoding="utf-8"))
    got = all_outputs()
    changed = [(i, m, {k: (v, got[i].get(k)) for k, v in e.items() if got[i].get(k) != v} | {
        k: (None, v) for k, v in got[i].items() if k not in e})
        for i, (m, e) in enumerate(zip(cases(), expected, strict=True)) if got[i] != e]
    assert not changed, f"{len(changed)} cases changed; the first: {changed[0]}"
    assert sum("annual.tax" in e for e in expected) > 700  # most cases are computed, not refused

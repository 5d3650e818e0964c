"""The floor benchmarks stay true to the library: each writes or reads what the library does.

``benchmarks/bench_explain_floor.py`` and ``benchmarks/bench_from_mapping_floor.py``
time a hand-written stand-in against the library (docs/performance/explain-floor.md,
from-mapping-floor.md); their figures mean something only while the stand-in makes
exactly what the library makes.  Each script checks that itself before timing; these
tests check it on every run of the suite, so a change of wording or of the record
shows here rather than in a benchmark run months later.  Nothing is timed.
"""

from __future__ import annotations

import importlib
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from taxcalc.eit import EnterpriseYear, annual


def _bench(name: str) -> ModuleType:
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


def test_the_hand_written_text_is_the_explanation() -> None:
    floor, eit = _bench("bench_explain_floor"), _bench("bench_eit")
    s = eit.small()
    assert floor.bare_text(s, eit.bare_small_law()) == annual(s).explain()


def test_the_hand_written_reader_makes_the_record_from_mapping_makes() -> None:
    floor, eit = _bench("bench_from_mapping_floor"), _bench("bench_eit")
    mapping = eit.small_mapping()
    read = floor.floor_read(mapping)
    assert read == EnterpriseYear.from_mapping(mapping) == eit.small()
    # 580,000 of taxable income, half of it taxed at 20% (财税〔2018〕77号 一)
    assert annual(read).tax == annual(eit.small()).tax == Decimal("58000.00")


@pytest.mark.parametrize("change", [
    {"profit": "560000.5"}, {"profit": 560000}, {"surplus": "1"}, {"industry": "shipping"},
])
def test_the_hand_written_reader_refuses_what_it_does_not_read(change: dict[str, object]) -> None:
    floor, eit = _bench("bench_from_mapping_floor"), _bench("bench_eit")
    with pytest.raises(ValueError):
        floor.floor_read({**eit.small_mapping(), **change})


def test_the_hand_written_reader_refuses_a_bad_quarter_row() -> None:
    floor, eit = _bench("bench_from_mapping_floor"), _bench("bench_eit")
    mapping = eit.small_mapping()
    mapping["quarters"][2] = {**mapping["quarters"][2], "employees_end": -1}
    with pytest.raises(ValueError):
        floor.floor_read(mapping)

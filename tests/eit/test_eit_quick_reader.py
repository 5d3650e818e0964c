"""Enterprise years read from mappings by the quick reader are the records the full reader makes.

The seeded random enterprise years of the differential check (``eit_outputs.py``:
amounts as strings, integers and ``Decimal``s, quarters or annual averages, losses,
R&D, equipment, certificates, one in twenty with an error) are read both ways:
``EnterpriseYear.from_mapping`` (the quick reader, then the full one for what it leaves)
and the full reader alone.  Every record — every field, the derived ones too, value
and type — and every error is the same, and most of the years are read by the quick
reader itself.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eit_outputs import cases

from taxcalc.eit import EnterpriseYear
from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.inputs.record import _MISS, _quick, _spec, _take_each


def shown(made: Any) -> Any:
    if dataclasses.is_dataclass(made) and not isinstance(made, type):
        return (type(made).__name__, [(f.name, shown(getattr(made, f.name))) for f in dataclasses.fields(made)])
    if isinstance(made, tuple):
        return ("tuple", [shown(v) for v in made])
    return (type(made).__name__, repr(made))


def outcome(read: Any) -> Any:
    try:
        return ("made", shown(read()))
    except (InvalidInput, NotMoney) as e:
        return (type(e).__name__, str(e))


def test_the_random_enterprise_years_read_the_same_both_ways():
    plan, spec = _spec(EnterpriseYear).plan, _spec(EnterpriseYear)
    quick = made = 0
    for m in cases():
        full = outcome(lambda m=m: _take_each(EnterpriseYear, spec, m))
        assert outcome(lambda m=m: EnterpriseYear.from_mapping(m)) == full
        q = _quick(plan, m)
        if q is not _MISS:
            assert ("made", shown(q)) == full
            quick += 1
        made += full[0] == "made"
    assert made > 900 and quick > 0.9 * made, (made, quick)


def test_a_year_as_a_file_gives_it_is_read_by_the_quick_reader():
    m = {"year": 2018, "profit": "1900000", "adjustments": "30000", "industry": "manufacturing",
         "hnte_years": [2017, 2018, 2019],
         "quarters": [{"employees_start": 70, "employees_end": 74, "assets_start": "24000000",
                       "assets_end": "25000000"}] * 4,
         "rd": {"projects": [{"name": "P1", "personnel": "260000", "other": "45000"}]},
         "equipment": [{"name": "Server", "cost": "60000", "kind": "electronics", "acquired_on": "2018-12-10",
                        "in_use": "2018-12-20"}],
         "losses": [{"year": 2016, "amount": "200000"}, {"year": 2013, "amount": "120000"}]}
    q = _quick(_spec(EnterpriseYear).plan, m)
    assert q is not _MISS
    assert shown(q) == shown(_take_each(EnterpriseYear, _spec(EnterpriseYear), m))
    assert [x.year for x in q.losses] == [2013, 2016] and q.size is not None and q.hnte_rate_years == (2017, 2018, 2019)

"""Equipment shown in full (a snapshot, ``tests/snapshot.py``): the schedule of each kind of
asset, each way of acquiring it, the one-time deduction at its cap and one fen over, put into
use in November and December, the 2014–2017 small-asset window, the 2022 Q4 high-tech rule,
the deduction declined; then each of those assets year by year against its book amount; the
main steps asserted (value, citation, return-form line); each refused input named."""

from __future__ import annotations

from decimal import Decimal

import pytest

from snapshot import check, shown
from taxcalc.eit.equipment import Equipment, equipment_in_year, equipment_schedule
from taxcalc.errors import InputProblems, InvalidInput
from taxcalc.law import default


def fresh_law(fn):
    """``fn`` with a law of its own for each call: the rules keep what they read from a law with the law
    (``Law.memo``), so each call reads afresh what the code under test makes of it."""
    def call(*args, **kw):
        kw.setdefault("law", default().with_values({}))
        return fn(*args, **kw)
    return call


equipment_schedule = fresh_law(equipment_schedule)
equipment_in_year = fresh_law(equipment_in_year)
P = Decimal

ASSETS = {
    "at the cap, in use December": (Equipment("lathe", "5000000", "machinery", acquired_on="2018-12-05",
                                              in_use="2018-12-20", book_depreciation="41666.67"), ()),
    "one fen over the cap": (Equipment("lathe", "5000000.01", "machinery", acquired_on="2018-12-05",
                                       in_use="2018-12-20", residual="100000", book_depreciation="100"), ()),
    "in use November": (Equipment("server", "300000", "electronics", acquired_on="2020-11-03",
                                  in_use="2020-11-10", acquisition="instalment"), ()),
    "self-built vehicle": (Equipment("truck", "240000", "vehicles", acquired_on="2021-02-28", in_use="2021-03-01",
                                     acquisition="self_built", book_depreciation="50000"), ()),
    "donated tools": (Equipment("desk", "9000", "tools", acquired_on="2019-05-01", in_use="2019-05-01",
                                acquisition="other"), ()),
    "a building": (Equipment("hall", "2000000", "buildings", acquired_on="2019-05-01", in_use="2019-06-30"), ()),
    "declined": (Equipment("press", "100000", "machinery", acquired_on="2019-05-01", in_use="2019-05-31",
                           elect_one_time=False), ()),
    "small asset 2015": (Equipment("tool", "5000", "tools", acquired_on="2015-03-01", in_use="2015-12-01"), ()),
    "small asset 2015 over 5000": (Equipment("tool", "5000.01", "tools", acquired_on="2015-03-01",
                                             in_use="2015-04-01"), ()),
    "before any window": (Equipment("tool", "100", "tools", acquired_on="2013-12-31", in_use="2014-01-01"), ()),
    "high-tech Q4 2022": (Equipment("robot", "8000000", "machinery", acquired_on="2022-10-01", in_use="2023-02-01",
                                    book_depreciation="10"), (2022,)),
    "high-tech, bought in September 2022": (Equipment("robot", "8000000", "machinery", acquired_on="2022-09-30",
                                                      in_use="2022-10-01"), (2022,)),
    "high-tech Q4 2022, a building": (Equipment("hall", "800000", "buildings", acquired_on="2022-11-01",
                                                in_use="2022-11-01"), (2022,)),
}


def test_every_case_shown_in_full():
    out = {}
    for name, (asset, hnte) in ASSETS.items():
        s = equipment_schedule(asset, hnte_years=hnte)
        out[name] = shown(s) | {"reasons": list(s.reasons), "method": s.method}
        first = asset.in_use.year
        last = max(y for y, _ in s.straight_line)
        for year in (first - 1, first, first + 1, last, last + 1):
            out[f"{name}, {year}"] = shown(equipment_in_year(asset, year, hnte_years=hnte))
    check("eit_equipment", out)


def cites(step):
    return tuple(str(c) for c in step.cite)


def test_the_schedules_at_the_cap_and_one_fen_over():
    at = equipment_schedule(ASSETS["at the cap, in use December"][0])
    assert (at.name, at.cost, at.method, at.reasons, at.one_time, at.chosen, at.extra) == (
        "lathe", P("5000000"), "one_time", (), ((2019, P("5000000")),), ((2019, P("5000000")),), ())
    assert at.straight_line[0] == (2019, P("500000.00")) and at.straight_line[-1] == (2028, P("500000.00"))
    assert (at.deduction_in(2019), at.deduction_in(2018), at.extra_in(2019)) == (P("5000000"), P("0.00"), P("0.00"))
    assert str(at.deduction_in(2018)) == "0.00" and str(at.extra_in(2019)) == "0.00"
    assert at.step("equipment.unit_value_cap").formula == "5,000,000.00 ≤ 5,000,000.00 ✓"
    assert at.step("equipment.deduction_year").formula == "2018-12 → 2019"
    assert at.step("equipment.method").value == "2019: 5,000,000.00"
    assert at.step("equipment.method").line == "A105080"
    assert at.step("equipment.min_years").line == "A105080"
    assert at.step("equipment.min_years").formula == "(5,000,000.00 − 0.00) ÷ 120 months from 2019-01"
    over = equipment_schedule(ASSETS["one fen over the cap"][0])
    assert (over.method, over.reasons, over.one_time) == ("straight_line", ("over_cap",), ())
    assert over.step("equipment.unit_value_cap").formula == "5,000,000.01 ≤ 5,000,000.00 ✗"
    assert sum(a for _, a in over.chosen) == P("4900000.01")
    assert over.chosen[0] == (2019, P("490000.00"))


def test_the_reasons_and_their_steps():
    hall = equipment_schedule(ASSETS["a building"][0])
    assert (hall.method, hall.reasons) == ("straight_line", ("buildings",))
    s = hall.step("equipment.buildings")
    assert (s.value, s.unit, cites(s)) == (True, "bool", cites(hall.step("equipment.one_time")))
    gift = equipment_schedule(ASSETS["donated tools"][0])
    assert gift.reasons == ("not_purchased",)
    assert gift.step("equipment.not_purchased").value is True
    assert equipment_schedule(ASSETS["declined"][0]).reasons == ("not_elected",)
    early = equipment_schedule(ASSETS["before any window"][0])
    assert (early.method, early.reasons) == ("straight_line", ("outside_window",))
    assert early.step("equipment.one_time").value is False
    assert equipment_schedule(ASSETS["small asset 2015"][0]).chosen == ((2016, P("5000")),)  # in use 2015-12
    assert equipment_schedule(ASSETS["small asset 2015 over 5000"][0]).reasons == ("over_cap",)


def test_the_high_tech_q4_rule():
    asset, hnte = ASSETS["high-tech Q4 2022"]
    s = equipment_schedule(asset, hnte_years=hnte)
    assert (s.method, s.chosen, s.extra) == ("hnte_q4", ((2022, P("8000000")),), ((2022, P("8000000.00")),))
    assert s.step("equipment.hnte_q4").value is True
    assert s.step("equipment.hnte_q4_extra").formula == "8,000,000.00 × 100% = 8,000,000.00"
    assert s.extra_in(2022) == P("8000000.00")
    assert equipment_schedule(asset).method == "straight_line"
    assert equipment_schedule(asset, hnte_years=(2021,)).method == "straight_line"
    y = equipment_in_year(asset, 2022, hnte_years=hnte)
    assert (y.name, y.year, y.method, y.deduction, y.extra, y.book, y.adjustment) == (
        "robot", 2022, "hnte_q4", P("8000000"), P("8000000.00"), P("10"), P("-7999990"))
    assert y.steps[0].line == "A105080"
    assert len(y.steps[0].cite) == 2
    y = equipment_in_year(asset, 2023, hnte_years=hnte)
    assert (y.deduction, y.extra) == (0, 0)
    sept = equipment_schedule(ASSETS["high-tech, bought in September 2022"][0], hnte_years=(2022,))
    assert (sept.method, sept.reasons) == ("straight_line", ("over_cap",))
    assert equipment_schedule(ASSETS["high-tech Q4 2022, a building"][0], hnte_years=(2022,)).method \
        == "straight_line"


def test_one_year_of_an_asset():
    asset = ASSETS["at the cap, in use December"][0]
    y = equipment_in_year(asset, 2019)
    assert (y.method, y.deduction, y.extra, y.book, y.adjustment) == (
        "one_time", P("5000000"), P("0.00"), P("41666.67"), P("-4958333.33"))
    s = y.steps[0]
    assert (s.name, s.value, s.line, len(s.cite)) == ("equipment.deduction", P("5000000"), "A105080", 2)
    assert s.en == "lathe: one-time deduction (in 2019)"
    assert equipment_in_year(asset, 2018).deduction == 0
    over = ASSETS["one fen over the cap"][0]
    y = equipment_in_year(over, 2019)
    assert (y.method, y.deduction, y.adjustment) == ("straight_line", P("490000.00"), P("-489900.00"))
    assert len(y.steps[0].cite) == 3
    assert "over the cap" in y.steps[0].en
    sched = equipment_schedule(over).chosen
    assert [(y, equipment_in_year(over, y).deduction) for y in range(2019, 2029)] == list(sched)
    assert P("490000.01") in [a for _, a in sched]
    assert equipment_in_year(over, 2029).deduction == 0
    truck = ASSETS["self-built vehicle"][0]
    t = equipment_in_year(truck, 2021)
    assert (t.method, t.deduction, t.adjustment) == ("one_time", P("240000"), P("-190000"))
    label = {n: equipment_in_year(a, a.in_use.year + 1).steps[0].en for n, (a, _) in ASSETS.items()}
    assert "buildings)" in label["a building"]
    assert "not purchased)" in label["donated tools"]
    assert "not elected)" in label["declined"]
    assert "outside the purchase windows)" in label["before any window"]


def test_refused_inputs_are_named():
    with pytest.raises(InvalidInput) as info:
        equipment_schedule("lathe")  # type: ignore[arg-type]
    assert (info.value.field, info.value.reason) == ("equipment", "must be Equipment")
    with pytest.raises(InvalidInput) as info:
        equipment_in_year("lathe", 2019)  # type: ignore[arg-type]
    assert (info.value.field, info.value.reason) == ("equipment", "must be Equipment")
    asset = ASSETS["declined"][0]
    with pytest.raises(InvalidInput) as info:
        equipment_schedule(asset, hnte_years=["x"])  # type: ignore[list-item]
    assert info.value.field == "hnte_years"
    with pytest.raises(InvalidInput) as info:
        equipment_in_year(asset, 2019, hnte_years=["x"])  # type: ignore[list-item]
    assert info.value.field == "hnte_years"
    with pytest.raises(InvalidInput) as info:
        equipment_in_year(asset, "2019")  # type: ignore[arg-type]
    assert info.value.field == "year"
    with pytest.raises(InvalidInput) as info:
        Equipment("x", "100", "tools", acquired_on="2019-01-01", in_use="2019-01-01", residual="100.01")
    assert (info.value.field, info.value.reason) == ("residual", "100.01 is more than the cost 100")
    assert Equipment("x", "100", "tools", acquired_on="2019-01-01", in_use="2019-01-01", residual="100").residual \
        == P("100")
    with pytest.raises((InvalidInput, InputProblems)) as info:
        Equipment.from_mapping({"name": "x", "cost": "1", "kind": "boat", "acquired_on": "2019-01-01",
                                "in_use": "2019-01-01"})
    assert str(info.value).startswith("equipment.kind")
    e = Equipment.from_mapping({"name": "x", "cost": "1", "kind": "tools", "acquired_on": "2019-01-01",
                                "in_use": "2019-02-03"})
    assert e.described("en") == "bought 2019-01-01 (invoice date); in use 2019-02"
    assert e.described() == "购进 2019-01-01（发票开具时间）；2019-02投入使用"


def test_the_law_given_is_the_law_read():
    asset = ASSETS["one fen over the cap"][0]
    higher = default().with_values({"eit.equipment.one_time.unit_value_cap": "6000000"})
    assert equipment_schedule(asset, law=higher).method == "one_time"
    y = equipment_in_year(asset, 2019, law=higher)
    assert (y.method, y.deduction) == ("one_time", P("5000000.01"))

"""Fields of a checked record made when first read (``taxcalc.inputs.derived``).

A derived field is a field like one set by ``derive(self)`` — listed by
``dataclasses.fields``, not given to the constructor, left out of ``==`` and
``repr`` — whose value is made by its method the first time it is read and kept.
Fields naming the same method are made together.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import sys
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import pytest

from taxcalc.eit import (
    EnterpriseYear,
    HnteCertificate,
    Quarter,
    RdFacts,
    RdProject,
    TechSmeRegistration,
    annual,
)
from taxcalc.errors import InvalidInput
from taxcalc.inputs import Amount, derived, parse, record, take

#: How often each method of :class:`Pair` ran (a record holds no state of its own to count with).
MADE: list[str] = []


@record(checked=True)
class Pair:
    """Two amounts, their sum made when read, their difference and product made together."""

    first: Annotated[Decimal, Amount("the first", sign="any")]
    second: Annotated[Decimal, Amount("the second", sign="any")]
    total: Decimal = derived("_total")
    difference: Decimal = derived("_both")
    product: Decimal = derived("_both")

    def _total(self) -> Decimal:
        MADE.append("total")
        return self.first + self.second

    def _both(self) -> tuple[Decimal, Decimal]:
        MADE.append("both")
        return self.first - self.second, self.first * self.second


@pytest.fixture(autouse=True)
def _fresh_count() -> None:
    MADE.clear()


def test_made_when_first_read_and_kept() -> None:
    p = Pair("7", "2")
    assert MADE == []
    assert p.total == Decimal(9)
    assert p.total == Decimal(9)
    assert MADE == ["total"]


def test_fields_named_by_one_method_are_made_together() -> None:
    p = take(Pair, {"first": "7", "second": "2"})
    assert p.product == Decimal(14)
    assert MADE == ["both"]
    assert (p.difference, p.product) == (Decimal(5), Decimal(14))
    assert MADE == ["both"]


def test_a_field_of_the_record_but_not_of_its_equality_nor_its_repr() -> None:
    p, q = Pair("7", "2"), parse(Pair, {"first": "7", "second": "2"})
    assert [f.name for f in dataclasses.fields(p)] == ["first", "second", "total", "difference", "product"]
    assert not any(f.init for f in dataclasses.fields(p)[2:])
    assert p == q and hash(p) == hash(q)
    assert repr(p) == "Pair(first=Decimal('7'), second=Decimal('2'))"
    assert MADE == []  # neither == nor hash nor repr made them
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.total = Decimal(1)  # type: ignore[misc]


def test_copies_and_replaced_records() -> None:
    p = Pair("7", "2")
    assert p.total == Decimal(9)
    for other in (copy.copy(p), copy.deepcopy(p), pickle.loads(pickle.dumps(p))):
        assert (other.total, other.difference, other.product) == (Decimal(9), Decimal(5), Decimal(14))
    r = dataclasses.replace(p, second="3")
    assert (r.total, r.product) == (Decimal(10), Decimal(21))


def test_a_derived_field_needs_a_checked_record() -> None:
    with pytest.raises(TypeError, match="checked=True"):

        @record
        class Plain:
            """Not checked."""

            first: Annotated[Decimal, Amount("the first")]
            double: Decimal = derived("_double")

            def _double(self) -> Decimal:
                return self.first * 2


def _small_mapping() -> dict[str, object]:
    sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
    try:
        import bench_eit
    finally:
        sys.path.pop(0)
    return bench_eit.small_mapping()  # type: ignore[no-any-return]


def test_enterprise_year_makes_its_averages_and_qualification_years_when_read() -> None:
    e = EnterpriseYear.from_mapping(_small_mapping())
    made = ("size", "hnte_rate_years", "hnte_loss_years", "hnte_q4_years", "tech_sme_qualified_years", "qualified")
    assert not set(made) & set(e.__dict__)  # none made by reading the record
    r = annual(e)  # the annual computation reads them
    assert set(made) <= set(e.__dict__)
    assert e.size == (Decimal("43.75"), Decimal("3450000"))
    assert r.small_profit is not None and r.small_profit.employees == Decimal("43.75")


def test_enterprise_year_qualification_years_as_before() -> None:
    """The values the eager derive() of the code before gave for the same record."""
    e = EnterpriseYear(2019, profit="1", hnte_years=[2016],
                       hnte_certificates=[HnteCertificate("GR201713000456", "2017-10-27", "2020-10-26")],
                       tech_sme_years=[2021], tech_sme_registrations=[TechSmeRegistration(2019, "201911000000A001")],
                       quarters=[Quarter(1, 3, "10", "20")] * 4)
    assert e.hnte_rate_years == (2016, 2017, 2018, 2019)
    assert e.hnte_loss_years == (2016, 2017, 2018, 2019, 2020)
    assert e.hnte_q4_years == (2016, 2017, 2018, 2019, 2020)  # some day of Q4 2020 (to 10-26)
    assert e.tech_sme_qualified_years == (2019, 2021)
    assert e.qualified == (2016, 2017, 2018, 2019, 2020, 2021)
    assert e.size == (Decimal(2), Decimal(15))


def test_rd_totals_added_as_before() -> None:
    rd = RdFacts(projects=(RdProject("P1", personnel="260000.5", direct_inputs="90000", other="45000"),
                           RdProject("P2", personnel="120000", design="30000.25", entrusted_domestic="50000",
                                     entrusted_overseas="7")))
    t = rd.totals
    assert t.fives == (Decimal("350000.5"), Decimal("150000.25")) == tuple(p.five for p in rd.projects)
    assert (t.five, t.other, t.entrusted_domestic, t.entrusted_overseas, t.amortisation) == (
        Decimal("500000.75"), Decimal(45000), Decimal(50000), Decimal(7), Decimal(0))


@pytest.mark.parametrize(("rd", "added"), [
    ({"projects": [{"personnel": "600000000000000.01", "other": "0.5"},
                   {"design": "399999999999999", "entrusted_overseas": "0.49"}]}, "1000000000000001.00"),
    ({"projects": [{"personnel": "600000000000000.01", "other": "0.5"},
                   {"design": "399999999999999", "entrusted_overseas": "0.48"}]}, "1000000000000000.99"),
    ({"projects": [{"personnel": "500000000000000"}],
      "intangibles": [{"name": "x", "cost": "499999999999999", "amortisation": "1"}]}, "1000000000000000"),
])
def test_rd_amounts_counted_in_the_year_limit_without_the_totals(rd: dict[str, object], added: str) -> None:
    """The year's limit adds the projects' amounts themselves (the totals are made when read); same message."""
    with pytest.raises(InvalidInput) as info:
        EnterpriseYear.from_mapping({"year": 2018, "profit": "1" if "intangibles" not in rd else "-1", "rd": rd})
    assert info.value.field == "rd"
    assert info.value.reason == (f"the amounts of the year add up to {added}, beyond the 10^15 yuan (一千万亿元) "
                                 "the computation works with")
    well_within = EnterpriseYear.from_mapping({"year": 2018, "profit": "1", "rd": {"projects": [
        {"personnel": "499999999999999.99", "entrusted_domestic": "0.5"}]}})
    assert "totals" not in well_within.rd.__dict__  # not made by the check
    assert well_within.rd.totals.five == Decimal("499999999999999.99")

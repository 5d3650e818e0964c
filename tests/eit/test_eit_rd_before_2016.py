"""The R&D super-deduction of 2008–2015 (国税发〔2008〕116号): a closed list counted in full,
domestic entrusted R&D in full; the switch to the 2016 rules (财税〔2015〕119号) on 2016-01-01."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taxcalc.eit import RdFacts, RdProject, rd_super_deduction
from taxcalc.errors import OutsideCoverage

OLD = "国税发〔2008〕116号"


def _facts(**extra: str) -> RdFacts:
    return RdFacts(projects=(RdProject("A", personnel="600000", direct_inputs="300000", other="150000", **extra),))


@pytest.mark.parametrize("year", [2008, 2012, 2013, 2015])
def test_listed_other_expenses_count_in_full_before_2016(year: int) -> None:
    r = rd_super_deduction(_facts(), year)
    assert (r.other_eligible, r.base, r.ratio, r.extra) == (
        Decimal("150000"), Decimal("1050000"), Decimal("0.5"), Decimal("525000.00"))
    base = next(s for s in r.steps if s.name == "rd.base")
    assert [c.doc for c in base.cite] == [OLD]
    assert "in full" in base.formula


def test_other_expenses_capped_from_2016() -> None:
    r = rd_super_deduction(_facts(), 2016)   # cap 900,000 × 10% ÷ 90% = 100,000
    assert (r.other_eligible, r.base, r.extra) == (Decimal("100000.00"), Decimal("1000000.00"), Decimal("500000.00"))
    base = next(s for s in r.steps if s.name == "rd.base")
    assert OLD not in [c.doc for c in base.cite]


@pytest.mark.parametrize(("year", "counted"), [(2015, Decimal("200000")), (2016, Decimal("160000"))])
def test_domestic_entrusted_rd_in_full_until_2015(year: int, counted: Decimal) -> None:
    facts = RdFacts(projects=(RdProject("A", personnel="100000", entrusted_domestic="200000"),))
    r = rd_super_deduction(facts, year)
    assert r.entrusted_domestic == counted
    assert r.base == Decimal("100000") + counted


def test_overseas_entrusted_rd_before_2016_is_outside_the_data() -> None:
    facts = RdFacts(projects=(RdProject("A", personnel="100000", entrusted_overseas="50000"),))
    with pytest.raises(OutsideCoverage, match="eit.rd.entrusted_overseas.share"):
        rd_super_deduction(facts, 2015)


def test_before_2008_is_outside_the_data() -> None:
    with pytest.raises(OutsideCoverage, match="eit.rd"):
        rd_super_deduction(_facts(), 2007)

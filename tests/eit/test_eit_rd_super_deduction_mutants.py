"""R&D super-deduction shown in full (a snapshot, ``tests/snapshot.py``): each period of the
ratio and each kind of enterprise, the other-expenses cap per project and pooled, entrusted
R&D at home and overseas within its 2/3 cap, intangibles, the 2022 switch by months and by
the Q4 base, a part year, the negative list and the manufacturer test at their cliffs, no
expenses at all; the ratio by year and kind; the main steps asserted one by one (value,
citation, return-form line); each refused input named."""

from __future__ import annotations

from decimal import Decimal

import pytest

from snapshot import check, shown
from taxcalc.eit.rd_super_deduction import (
    RdFacts,
    RdIntangible,
    RdProject,
    rd_ratio,
    rd_super_deduction,
)
from taxcalc.errors import InvalidInput
from taxcalc.law import default


def fresh_law(fn):
    """``fn`` with a law of its own for each call: the rules keep what they read from a law with the law
    (``Law.memo``), so each call reads afresh what the code under test makes of it."""
    def call(*args, **kw):
        kw.setdefault("law", default().with_values({}))
        return fn(*args, **kw)
    return call


rd_super_deduction = fresh_law(rd_super_deduction)
rd_ratio = fresh_law(rd_ratio)
P = Decimal
TWO = RdFacts(projects=(RdProject("A", personnel="600000", direct_inputs="300000", other="150000"),
                        RdProject("B", personnel="100000", design="50000", depreciation="10000", amortisation="5000",
                                  other="1000", entrusted_domestic="200000")))
OVERSEAS = RdFacts(projects=(RdProject("A", personnel="800000", other="100000", entrusted_overseas="1000000"),))
SMALL_OVERSEAS = RdFacts(projects=(RdProject("A", personnel="800000", entrusted_overseas="10000"),))
INTANGIBLE = RdFacts(projects=(RdProject("A", personnel="1000"),),
                     intangibles=(RdIntangible("patent", "120000", "12000"),))
Q4 = RdFacts(projects=(RdProject("A", personnel="1200000"),), base_after_switch="600000")
NOTHING = RdFacts()

CASES = {
    "2008": (TWO, 2008, {}), "2013": (TWO, 2013, {}), "2015 wholesale": (TWO, 2015, {"industry": "wholesale_retail"}),
    "2016": (TWO, 2016, {}), "2017 tech SME": (TWO, 2017, {"tech_sme": True}), "2017": (TWO, 2017, {}),
    "2018 overseas over the cap": (OVERSEAS, 2018, {}), "2018 overseas under the cap": (SMALL_OVERSEAS, 2018, {}),
    "2017 overseas": (SMALL_OVERSEAS, 2017, {}),
    "2020 per project": (TWO, 2020, {}), "2021 pooled": (TWO, 2021, {}),
    "2021 manufacturer at 50%": (TWO, 2021, {"industry": "manufacturing", "main_business_share": "0.5"}),
    "2021 manufacturer at 49.99%": (TWO, 2021, {"industry": "manufacturing", "main_business_share": "0.4999"}),
    "2019 negative list at 50%": (TWO, 2019, {"industry": "wholesale_retail", "main_business_share": "0.5"}),
    "2019 negative list at 50.01%": (TWO, 2019, {"industry": "wholesale_retail", "main_business_share": "0.5001"}),
    "2022 by months": (Q4, 2022, {}), "2022 intangible": (INTANGIBLE, 2022, {}),
    "2022 opened in November": (Q4, 2022, {"opened": "2022-11-15"}),
    "2022 tech SME": (Q4, 2022, {"tech_sme": True}), "2023": (INTANGIBLE, 2023, {}),
    "2023 IC and machine": (TWO, 2023, {"ic_machine": True}), "2019 nothing": (NOTHING, 2019, {}),
    "2022 nothing": (NOTHING, 2022, {}),
}


def test_every_case_shown_in_full():
    out = {name: shown(rd_super_deduction(f, y, **kw)) for name, (f, y, kw) in CASES.items()}
    for y in (2008, 2017, 2018, 2021, 2022, 2023):
        for kinds in (("general",), ("tech_sme",), ("manufacturer",), ("ic_machine",)):
            out[f"ratio {y} {kinds[0]}"] = shown(rd_ratio(y, kinds=kinds))
    out["ratio 2022 closed in November"] = shown(rd_ratio(2022, closed="2022-11-30"))
    check("eit_rd_super_deduction", out)


def cites(step):
    return tuple(str(c) for c in step.cite)


def test_the_main_steps_2018():
    r = rd_super_deduction(OVERSEAS, 2018)
    assert (r.year, r.kinds, r.excluded, r.five, r.other, r.other_cap, r.other_eligible) == (
        2018, ("general",), False, P("800000"), P("100000"), P("88888.89"), P("88888.89"))
    assert (r.entrusted_domestic, r.entrusted_overseas, r.base, r.ratio, r.extra_expensed) == (
        P("0"), P("592592.59"), P("1481481.48"), P("0.75"), P("1111111.11"))
    assert (r.amortisation, r.extra_amortisation, r.extra) == (P("0"), P("0.00"), P("1111111.11"))
    for s in r.steps:
        if s.value is not None and s.unit == "yuan" and s.name in ("rd.base", "rd.extra"):
            assert s.line.startswith("A107012"), s.name
    assert any("财税〔2018〕64号" in c for s in r.steps for c in cites(s))
    assert any("财税〔2018〕99号" in c for s in r.steps for c in cites(s))


def test_the_2022_switch_by_months_and_by_the_q4_base():
    r = rd_super_deduction(Q4, 2022)
    assert (r.ratio, r.base) == (P("0.8125"), P("1200000"))
    assert r.extra == P("1050000.00")  # the Q4 base 600,000 at 100%, the rest at 75%
    q4 = rd_super_deduction(Q4, 2022, tech_sme=True)
    assert (q4.ratio, q4.extra) == (P("1"), P("1200000.00"))
    late = rd_super_deduction(Q4, 2022, opened="2022-11-15")
    assert late.extra == P("1200000.00")


def test_the_cliffs():
    at = rd_super_deduction(TWO, 2019, industry="wholesale_retail", main_business_share="0.5")
    over = rd_super_deduction(TWO, 2019, industry="wholesale_retail", main_business_share="0.5001")
    assert (at.excluded, over.excluded, over.extra) == (False, True, P("0.00"))
    assert at.extra > 0
    made = rd_super_deduction(TWO, 2021, industry="manufacturing", main_business_share="0.5")
    not_made = rd_super_deduction(TWO, 2021, industry="manufacturing", main_business_share="0.4999")
    assert (made.ratio, not_made.ratio) == (P("1"), P("0.75"))
    assert "manufacturer" in made.kinds and "manufacturer" not in not_made.kinds


def test_the_ratio_by_year_and_kind():
    assert rd_ratio(2017).ratio == P("0.5")
    assert rd_ratio(2017, kinds=["tech_sme"]).ratio == P("0.75")
    r = rd_ratio(2022)
    assert (r.ratio, r.amortisation_multiple) == (P("0.8125"), P("1.8125"))
    assert [(s[0][0], s[1]) for s in r.segments] == [(1, P("0.75")), (10, P("1"))]
    assert rd_ratio(2023, kinds=["ic_machine"]).amortisation_multiple == P("2.2")
    assert str(rd_ratio(2022, closed="2022-11-30").ratio)[:8] == "0.795454"  # (9 × 75% + 2 × 100%) ÷ 11
    assert rd_ratio(2022, kinds=("general", "general")).kinds == ("general",)


@pytest.mark.parametrize(("call", "field"), [
    (lambda: rd_super_deduction("x", 2019), "rd"),
    (lambda: rd_super_deduction(TWO, 2019, industry="space"), "industry"),
    (lambda: rd_super_deduction(TWO, 2019, main_business_share="1.5"), "main_business_share"),
    (lambda: rd_super_deduction(TWO, 2019, tech_sme="yes"), "tech_sme"),
    (lambda: rd_super_deduction(TWO, 2019, ic_machine=1), "ic_machine"),
    (lambda: rd_super_deduction(TWO, 2019, opened="x"), "opened"),
    (lambda: rd_ratio(2019, kinds=["angel"]), "kind"),
    (lambda: rd_ratio(2019, closed="x"), "closed"),
])
def test_each_refused_input_is_named(call, field):
    with pytest.raises(InvalidInput) as info:
        call()
    assert info.value.field == field

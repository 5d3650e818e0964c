"""Losses in mergers and divisions (财税〔2009〕59号; 国家税务总局公告2010年第4号 第二十六条): what passes
under each treatment, the yearly limit exactly reached, each loss in its own window (the day
before and of expiry), the division shares, refusals, and properties (never more used than
available or than the limit; used + expired + carried = available)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.eit import Loss, apply_losses, combine_losses, inherited_loss_year, transferred_losses
from taxcalc.errors import InputProblems, InvalidInput, OutsideCoverage

P = Decimal


def merger(year: int = 2020, *losses: Loss, fv: str = "25000000", rate: str = "6%"):
    return transferred_losses(year, "merger", "special", losses or (Loss(2016, "3000000"),),
                              net_assets_fair_value=fv, bond_rate=rate)


@pytest.mark.parametrize("kind", ["merger", "division"])
def test_general_treatment_passes_nothing(kind):
    t = transferred_losses(2020, kind, "general", [Loss(2018, "100"), Loss(2019, "50")])
    assert (t.transfers, t.transferred, t.annual_cap, t.dropped) == (False, (), None, P("150"))
    article = "第四条第（四）项" if kind == "merger" else "第四条第（五）项"
    assert str(t.step("transfers").cite[0]) == f"财税〔2009〕59号 {article}"


def test_the_textbook_limit():
    # net assets 5,700万 − 3,200万 at fair value, longest bond rate 6%: 150万 a year
    t = merger(2020, Loss(2019, "6200000"), fv="25000000")
    assert t.annual_cap == P("1500000.00")
    cites = [str(c) for c in t.step("annual_cap").cite]
    assert cites == ["财税〔2009〕59号 第六条第（四）项", "国家税务总局公告2010年第4号 第二十六条"]


def test_the_limit_is_rounded_half_up():
    assert merger(fv="0.25", rate="2%").annual_cap == P("0.01")  # 0.005
    assert merger(fv="0.24", rate="2%").annual_cap == P("0.00")  # 0.0048


def test_the_2008_2009_limit_is_read_as_yearly_on_59hao():
    t = merger(2009, Loss(2008, "100"))
    assert str(t.step("annual_cap").cite[1]) == "财税〔2009〕59号 第六条第（四）项"
    assert str(merger(2010, Loss(2008, "100")).step("annual_cap").cite[1]) == "国家税务总局公告2010年第4号 第二十六条"


def test_before_2008_is_outside_the_data():
    with pytest.raises(OutsideCoverage):
        merger(2007, Loss(2006, "100"))


@pytest.mark.parametrize(("year", "passes"), [(2021, True), (2022, False)])
def test_a_loss_passes_only_while_its_window_runs(year, passes):
    # a 2016 loss: last year 2021
    t = merger(year, Loss(2016, "100"), Loss(2020, "100"))
    assert [x.year for x in t.transferred] == ([2016, 2020] if passes else [2020])


def test_a_predecessor_qualified_year_lengthens_its_windows():
    t = transferred_losses(2022, "merger", "special", [Loss(2016, "100")], net_assets_fair_value="100",
                           bond_rate="5%", qualified_years=[2018])
    assert [x.year for x in t.transferred] == [2016]
    assert t.step("window[2016]").value == 2026


def test_the_limit_exactly_reached_and_a_fen_more_income():
    t = merger(2020, Loss(2019, "3000000"))
    at = inherited_loss_year(2020, "1500000", t.transferred, annual_cap=t.annual_cap)
    more = inherited_loss_year(2020, "1500000.01", t.transferred, annual_cap=t.annual_cap)
    less = inherited_loss_year(2020, "1499999.99", t.transferred, annual_cap=t.annual_cap)
    assert (at.used, at.taxable_income) == (P("1500000"), P("0"))
    assert (more.used, more.taxable_income) == (P("1500000.00"), P("0.01"))
    assert (less.used, less.taxable_income) == (P("1499999.99"), P("0.00"))


def test_each_loss_keeps_its_own_window():
    losses = (Loss(2016, "1000000"), Loss(2019, "1000000"))
    # 2021 is the 2016 loss's last year: what is left of it expires at its end
    r = inherited_loss_year(2021, "900000", losses, annual_cap="600000")
    assert [(u.origin, u.used, u.expired, u.remaining, u.last_year) for u in r.rows] == [
        (2016, P("600000"), P("400000"), P("0"), 2021), (2019, P("0"), P("0"), P("1000000"), 2024)]
    assert r.carried == (Loss(2019, P("1000000")),)
    # the day after: the 2016 loss has expired and is not used
    r = inherited_loss_year(2022, "900000", losses, annual_cap="600000")
    assert r.rows[0].expired == P("1000000") and r.rows[0].used == 0 and r.used == P("600000")
    assert r.step("expired[2016]").value == P("1000000")


def test_a_loss_year_uses_nothing_and_carries_all():
    r = inherited_loss_year(2021, "-5000", (Loss(2019, "100"),), annual_cap="50")
    assert (r.used, r.taxable_income, r.carried) == (P("0"), P("0"), (Loss(2019, P("100")),))


def test_division_shares():
    t = transferred_losses(2021, "division", "special", [Loss(2019, "1000000"), Loss(2020, "0.01")],
                           assets_transferred="1", total_assets="3")
    assert [(x.year, x.amount) for x in t.transferred] == [(2019, P("333333.33"))]  # 0.00333 of 2020 rounds to 0
    assert t.annual_cap is None and t.dropped == P("666666.68")
    assert str(t.step("share[2019]").cite[0]) == "财税〔2009〕59号 第六条第（五）项"
    whole = transferred_losses(2021, "division", "special", [Loss(2019, "10")], assets_transferred="3",
                               total_assets="3")
    assert whole.transferred == (Loss(2019, P("10.00")),) and whole.dropped == 0


def test_division_losses_join_the_successors_own():
    t = transferred_losses(2021, "division", "special", [Loss(2019, "100")], assets_transferred="1",
                           total_assets="2")
    joined = combine_losses([Loss(2019, "30"), Loss(2020, "5")], t.transferred)
    assert [(x.year, x.amount) for x in joined] == [(2019, P("80.00")), (2020, P("5"))]
    assert apply_losses(2021, "1000", joined).used == P("85.00")
    with pytest.raises(InvalidInput, match="extension"):
        combine_losses([Loss(2020, "1", "hardship")], [Loss(2020, "1")])


@pytest.mark.parametrize(("kw", "field"), [
    ({"kind": "merger", "treatment": "special", "bond_rate": "5%"}, "net_assets_fair_value"),
    ({"kind": "merger", "treatment": "special", "net_assets_fair_value": "1"}, "bond_rate"),
    ({"kind": "merger", "treatment": "general", "bond_rate": "5%"}, "bond_rate"),
    ({"kind": "division", "treatment": "special", "assets_transferred": "1"}, "total_assets"),
    ({"kind": "division", "treatment": "special", "assets_transferred": "2", "total_assets": "1"},
     "assets_transferred"),
    ({"kind": "division", "treatment": "special", "assets_transferred": "0", "total_assets": "0"}, "total_assets"),
    ({"kind": "split", "treatment": "general"}, "kind"),
])
def test_refusals(kw, field):
    kw = dict(kw)  # the parameters are shared by every run of the test
    kind, treatment = kw.pop("kind"), kw.pop("treatment")
    with pytest.raises(InvalidInput, match=f"^{field}:"):
        transferred_losses(2020, kind, treatment, [Loss(2019, "1")], **kw)


def test_losses_after_the_restructuring_or_twice_are_refused():
    with pytest.raises(InvalidInput, match=r"^losses\[0\].year"):
        merger(2020, Loss(2021, "1"))
    with pytest.raises(InvalidInput, match=r"^losses\[1\].year: the loss of 2019 is given twice"):
        merger(2020, Loss(2019, "1"), Loss(2019, "2"))
    with pytest.raises(InvalidInput, match=r"^losses\[0\].year"):
        inherited_loss_year(2020, "1", [Loss(2020, "1")])


def test_the_rules_read_documents():
    rule = rules.get("eit.restructuring_losses")
    r = rule.compute(rule.load().example)
    assert r.transfer.annual_cap == P("1500000.00") and r.first_year.used == P("1500000.00")
    later = rules.get("eit.inherited_losses")
    assert later.compute(later.load().example).used == P("1500000")
    with pytest.raises(InputProblems, match="bond_rate"):
        rule.compute({"year": 2020, "kind": "merger", "treatment": "special", "losses": [],
                      "net_assets_fair_value": "1"})


amounts = st.integers(min_value=0, max_value=10**9).map(lambda n: P(n) / 100)


@given(losses=st.dictionaries(st.integers(2013, 2019), amounts, max_size=6), income=amounts,
       cap=st.one_of(st.none(), amounts), year=st.integers(2020, 2026))
def test_conservation_and_the_limit(losses, income, cap, year):
    entries = [Loss(y, a) for y, a in sorted(losses.items())]
    r = inherited_loss_year(year, income, entries, annual_cap=cap)
    assert 0 <= r.used <= income
    if cap is not None:
        assert r.used <= cap
    assert sum((u.used + u.expired + u.remaining for u in r.rows), P(0)) == sum(losses.values(), P(0))
    assert sum((c.amount for c in r.carried), P(0)) == sum((u.remaining for u in r.rows), P(0))
    assert all(u.last_year >= year for u in r.rows if u.used)
    assert r.taxable_income == income - r.used


@given(losses=st.dictionaries(st.integers(2015, 2020), amounts, min_size=1, max_size=6),
       part=st.integers(0, 100))
def test_a_division_never_passes_more_than_it_had(losses, part):
    entries = [Loss(y, a) for y, a in sorted(losses.items())]
    t = transferred_losses(2020, "division", "special", entries, assets_transferred=str(part), total_assets="100")
    passed = sum((x.amount for x in t.transferred), P(0))
    assert 0 <= passed <= sum(losses.values(), P(0))
    assert passed + t.dropped == sum(losses.values(), P(0))

"""Loss carry-forward: 5, 8 and 10 years, oldest first, never revived, money conserved."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.eit import Loss, apply_losses, loss_schedule, loss_window
from taxcalc.errors import InvalidInput, NotMoney, UnknownCategory

D = Decimal


def usable(origin: int, year: int, **kw: object) -> bool:
    """Whether a loss of ``origin`` still reduces income in ``year``."""
    r = apply_losses(year, "1000", [Loss(origin, "10")], **kw)  # type: ignore[arg-type]
    return r.used == D("10")


# -- boundaries ------------------------------------------------------------------------

def test_fifth_year_yes_sixth_year_no():
    assert usable(2013, 2018) and not usable(2013, 2019)
    r = apply_losses(2018, "4", [Loss(2013, "10")])
    u = r.rows[0]
    assert (u.used, u.expired, u.remaining, u.last_year) == (D(4), D(6), D(0), 2018)
    assert r.carried == () and r.expired == D(6)


def test_tenth_year_yes_eleventh_year_no_for_a_qualified_enterprise():
    q = {"qualified_years": [2018]}
    assert usable(2013, 2023, **q) and not usable(2013, 2024, **q)
    assert loss_window(2013, qualified_years=[2018])[:2] == (2023, 10)


def test_a_qualification_year_extends_some_losses_and_not_others():
    # Qualified in 2020 only: the losses of 2015–2019 get 10 years; 2014's expired in 2019.
    q = [2020]
    assert loss_window(2014, qualified_years=q)[:2] == (2019, 5)
    for origin in range(2015, 2020):
        assert loss_window(origin, qualified_years=q)[:2] == (origin + 10, 10)
    # The qualification year's own loss is extended only by a later qualification year.
    assert loss_window(2020, qualified_years=q)[:2] == (2025, 5)
    assert loss_window(2020, qualified_years=[2020, 2023])[:2] == (2030, 10)
    r = apply_losses(2021, "100", [Loss(2014, "10"), Loss(2015, "10"), Loss(2020, "10")], qualified_years=q)
    assert [(u.origin, u.used, u.expired) for u in r.rows] == [
        (2014, D(0), D(10)), (2015, D(10), D(0)), (2020, D(10), D(0))]


def test_76hao_starts_in_2018_and_never_revives_an_expired_loss():
    # A qualification in 2017 extends nothing (自2018年1月1日起).
    assert loss_window(2013, qualified_years=[2017])[:2] == (2018, 5)
    # 45号 example: qualified in 2018 → the unused losses of 2013–2017 get 10 years.
    assert [loss_window(o, qualified_years=[2018])[0] for o in range(2013, 2018)] == list(range(2023, 2028))
    # 2012's loss expired at the end of 2017: 2018's qualification does not revive it.
    assert not usable(2012, 2018, qualified_years=[2018])


def test_a_later_qualification_is_not_known_in_an_earlier_year():
    q = [2022]
    # In 2021 (the 5th year) the 2016 loss is on its last year; it expires before 2022.
    r = apply_losses(2021, "0", [Loss(2016, "10")], qualified_years=q)
    assert r.rows[0].expired == D(10)
    assert loss_window(2017, qualified_years=q)[:2] == (2027, 10)
    assert loss_window(2017, qualified_years=q, upto=2021)[:2] == (2022, 5)


def test_2020_hardship_and_film_losses_get_8_years():
    for ext in ("hardship", "film"):
        assert loss_window(2020, extension=ext)[:2] == (2028, 8)
        assert usable(2020, 2028) is False  # unmarked: 5 years
        assert apply_losses(2028, "10", [Loss(2020, "10", ext)]).used == D(10)
        assert apply_losses(2029, "10", [Loss(2020, "10", ext)]).used == D(0)
        # The mark changes nothing for another loss year.
        assert loss_window(2019, extension=ext)[:2] == (2024, 5)
    # A later qualification still gives 10 years.
    assert loss_window(2020, extension="hardship", qualified_years=[2021])[:2] == (2030, 10)
    cite = loss_window(2020, extension="hardship")[2]
    assert cite.doc == "财政部 税务总局公告2020年第8号" and cite.article == "第四条"


def test_oldest_loss_first_and_the_year_s_own_loss_is_carried():
    r = apply_losses(2019, "15", [Loss(2016, "10"), Loss(2015, "10")])
    assert [(u.origin, u.used, u.remaining) for u in r.rows] == [(2015, D(10), D(0)), (2016, D(5), D(5))]
    assert r.taxable_income == D(0) and r.used == D(15)
    r = apply_losses(2019, "-7", [Loss(2016, "10")], extension="")
    assert [(c.year, c.amount) for c in r.carried] == [(2016, D(10)), (2019, D(7))]
    assert r.taxable_income == D(0) and r.new_loss == D(7)


def test_explanation_cites_the_rule_of_each_loss():
    r = apply_losses(2019, "100", [Loss(2013, "10"), Loss(2016, "10")], qualified_years=[2018])
    text = r.explain("en")
    assert "财税〔2018〕76号 一" in text and "A106000" in text


# -- "as known on" and what-if -------------------------------------------------------------

def test_as_known_on_before_76hao_was_published():
    before = law.default().as_known_on("2018-07-12")  # MOF posted 76号 on 2018-07-13
    after = law.default().as_known_on("2018-07-13")
    assert loss_window(2013, qualified_years=[2018], law=before)[:2] == (2018, 5)
    assert loss_window(2013, qualified_years=[2018], law=after)[:2] == (2023, 10)


def test_what_if_turns_the_extension_off():
    off = law.default().with_values({"eit.losses.years.qualified": 5})
    assert loss_window(2013, qualified_years=[2018], law=off)[:2] == (2018, 5)
    assert not usable(2013, 2019, qualified_years=[2018], law=off)


# -- errors -----------------------------------------------------------------------------------

def test_bad_input():
    with pytest.raises(InvalidInput, match=r"losses\[0\]\.year"):
        apply_losses(2018, "1", [Loss(2018, "1")])
    with pytest.raises(InvalidInput, match="two losses of 2016"):
        apply_losses(2018, "1", [Loss(2016, "1"), Loss(2016, "2")])
    with pytest.raises(NotMoney, match="amount"):
        Loss(2016, 1.5)  # type: ignore[arg-type]
    with pytest.raises(UnknownCategory, match="extension"):
        Loss(2016, "1", "covid")
    with pytest.raises(InvalidInput, match="consecutive"):
        loss_schedule({2016: "1", 2018: "1"})
    with pytest.raises(InvalidInput, match="amount: must not be negative"):
        Loss.from_mapping({"year": 2016, "amount": "-1"})
    with pytest.raises(InvalidInput, match=r"losses\[1\]\.yaer"):
        Loss.from_mapping({"yaer": 2016, "amount": "1"}, "losses[1]")


def test_from_mapping():
    assert Loss.from_mapping({"year": 2020, "amount": "12.5", "extension": "film"}) == Loss(2020, D("12.5"), "film")


# -- properties: a reference model of the rule, conservation, windows -------------------------

def reference_last_year(origin: int, ext: str, qualified: list[int], upto: int) -> int:
    n = 8 if (origin == 2020 and ext) else 5
    if any(max(2018, origin + 1) <= q <= min(origin + 5, upto) for q in qualified):
        n = max(n, 10)
    return origin + n


money = st.decimals(min_value=-500, max_value=500, places=2, allow_nan=False, allow_infinity=False)


@given(
    st.integers(2008, 2030),
    st.lists(money, min_size=1, max_size=16),
    st.lists(st.integers(2008, 2046), max_size=5),
    st.booleans(),
)
def test_schedule_conserves_money_and_respects_windows(start, incomes, qualified, hardship):
    years = {start + i: v for i, v in enumerate(incomes)}
    ext = {2020: "hardship"} if hardship else {}
    s = loss_schedule(years, qualified_years=qualified, extensions=ext)
    # Conservation: every loss is used, expired or still there, to the fen.
    for led in s.ledger():
        assert led.used + led.expired + led.remaining == led.incurred
        assert led.used >= 0 and led.expired >= 0 and led.remaining >= 0
    # A reference model of the rule gives the same taxable income every year.
    pool: list[list] = []  # [origin, amount, ext]
    for y, inc in years.items():
        pool = [p for p in pool if reference_last_year(p[0], p[2], qualified, y) >= y]
        room = max(inc, D(0))
        used = D(0)
        for p in sorted(pool):
            take = min(p[1], room)
            p[1] -= take
            room -= take
            used += take
        pool = [p for p in pool if p[1] > 0]
        if inc < 0:
            pool.append([y, -inc, ext.get(y, "")])
        got = next(r for r in s.years if r.year == y)
        assert got.used == used
        assert got.taxable_income == max(inc, D(0)) - used >= 0
        # Never a loss used outside its window, nor a younger loss before an older one.
        open_older = False
        for u in got.rows:
            if u.used:
                assert u.origin < y <= u.last_year <= u.origin + 10
                assert not open_older
            if u.origin < y and u.last_year >= y and u.used < u.available:
                open_older = True


def test_results_ignore_a_hostile_ambient_context():
    import decimal

    args = (2021, "-1234567.891", [Loss(2016, "98765.4321"), Loss(2019, "12345.6789")])
    expected = apply_losses(*args, qualified_years=[2018])
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        got = apply_losses(*args, qualified_years=[2018])
    assert got.carried == expected.carried and got.new_loss == D("1234567.891")
    assert got.explain() == expected.explain()


def test_a_record_with_a_required_field_missing_names_that_field():
    from taxcalc.eit import EnterpriseYear

    with pytest.raises(InvalidInput, match=r"^losses\[0\]\.amount: missing \(required\)$"):
        EnterpriseYear(2018, profit="1", losses=[{"year": 2016}])
    with pytest.raises(InvalidInput, match=r"^profit: missing \(required\)$"):
        EnterpriseYear.from_mapping({"year": 2018})


def test_an_unknown_extension_lists_the_empty_choice_readably():
    with pytest.raises(UnknownCategory, match=r"expected one of: '' \(none\), hardship, film$"):
        loss_window(2013, extension="x")

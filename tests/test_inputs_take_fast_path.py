"""The record reader's fast path (plain whole numbers, amounts of digits) reads as the fields' take does."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from taxcalc.eit import Loss, Quarter
from taxcalc.errors import InvalidInput, NotMoney


def outcome(make):
    try:
        return ("ok", repr(make()))
    except (InvalidInput, NotMoney) as e:
        return (type(e).__name__, str(e))


counts = st.one_of(st.integers(-3, 10_000_010), st.sampled_from([0, 10_000_000, 10_000_001, -1, True]),
                   st.text("0123456789", min_size=1, max_size=3))
amounts = st.one_of(
    st.text("0123456789", min_size=1, max_size=18),  # at most 16 digits on the fast path
    st.sampled_from(["0", "00", "1,000", "12.50", "-5", "١٢", "１２", " 12", "1e3"]),
    st.integers(-10, 10**17), st.decimals(allow_nan=False, allow_infinity=False, places=2),
)


@given(counts, counts, amounts, amounts, st.one_of(st.none(), st.integers(0, 5)))
def test_a_quarter_read_from_a_mapping_is_the_quarter_built_from_its_values(e1, e2, a1, a2, quarter):
    data = {"employees_start": e1, "employees_end": e2, "assets_start": a1, "assets_end": a2, "quarter": quarter}
    assert outcome(lambda: Quarter.from_mapping(data, "")) == outcome(lambda: Quarter(**data))


@given(st.integers(1980, 2110), amounts)
def test_a_loss_read_from_a_mapping_is_the_loss_built_from_its_values(year, amount):
    # a loss's amount must be more than zero: it is never read by the fast path of amounts
    data = {"year": year, "amount": amount}
    assert outcome(lambda: Loss.from_mapping(data, "")) == outcome(lambda: Loss(**data))


def test_the_fast_path_gives_a_decimal_and_an_int():
    q = Quarter.from_mapping({"employees_start": 3, "employees_end": 4, "assets_start": "0012",
                              "assets_end": "9999999999999999"})
    assert (q.employees_start, q.assets_start, q.assets_end) == (3, Decimal(12), Decimal("9999999999999999"))

"""Step.render writes amounts and citations in place: the same text as format_value and str(Citation)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from taxcalc.explain import Citation, Formula, Step, format_value


def reference(step: Step, lang: str) -> str:
    """The line as written through format_value and str() (the way before the fast path)."""
    label = step.zh if lang == "zh" else step.en
    sep = "：" if lang == "zh" else ": "
    text = label if step.value is None else f"{label}{sep}{format_value(step.value, step.unit, lang)}"
    formula = step.formula_zh or step.formula if lang == "zh" else step.formula
    if formula:
        text += f" = {formula}"
    if step.cite:
        text += " [" + "; ".join(str(c) for c in step.cite) + "]"
    if step.line:
        text += f" ({step.line})"
    return text


class Odd(Decimal):
    """A Decimal subclass: shown through format_value, as before."""


values = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6),
    st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False, allow_infinity=False, places=4),
    st.decimals(min_value=-10**6, max_value=10**6, allow_nan=False, allow_infinity=False, places=2).map(Odd),
)
cites = st.lists(st.builds(Citation, st.sampled_from(["财税〔2018〕77号", "主席令第63号 ", "公告"]),
                           st.sampled_from(["", "一", "第二十八条 "])), max_size=3).map(tuple)
formulas = st.one_of(st.just(""), st.just("a × b"), st.just(Formula(lambda lang, a: f"{lang} {a}", ("x",))))


@given(values, st.sampled_from(["yuan", "rate", "count", "bool", ""]), formulas, cites,
       st.sampled_from(["", "A100000"]), st.sampled_from(["", "甲 × 乙"]), st.sampled_from(["zh", "en"]))
def test_render_is_the_text_of_format_value_and_str(value, unit, formula, cite, line, formula_zh, lang):
    step = Step("n", "标签", "label", value, unit, formula, cite, line, formula_zh)
    assert step.render(lang) == reference(step, lang)


def test_a_citation_given_as_a_plain_tuple_is_shown_as_str_shows_it():
    step = Step("n", "甲", "A", None, cite=(("doc", "art"),))  # type: ignore[arg-type]
    assert step.render("en") == "A [('doc', 'art')]"


def shown_as_before(value: Decimal) -> str:
    """An amount as format_value showed it before: rounded to the fen where that changes nothing, else as is."""
    from taxcalc.money import CONTEXT

    return f"{value:,.2f}" if value == CONTEXT.quantize(value, Decimal("0.01")) else f"{value:,}"


amounts = st.one_of(  # up to 40 digits (money() takes less than 1e16 yuan): see the test after the next
    st.decimals(min_value=-10**40, max_value=10**40, allow_nan=False, allow_infinity=False),  # signed zeros
    st.decimals(min_value=-10**15, max_value=10**15, places=2),
    st.integers(-10**15, 10**15).map(Decimal),
    st.tuples(st.integers(-10**9, 10**9), st.integers(-6, 4)).map(lambda t: Decimal(t[0]).scaleb(t[1])),
)


@given(amounts)
def test_an_amount_is_shown_as_before(value):
    assert format_value(value, "yuan") == shown_as_before(value)
    assert Step("n", "甲", "A", value, "yuan").render("en") == f"A: {shown_as_before(value)}"


@given(amounts)
def test_an_amount_is_shown_the_same_under_any_context(value):
    import decimal

    expected = format_value(value, "yuan")
    hostile = decimal.Context(prec=3, rounding=decimal.ROUND_FLOOR, traps=list(decimal.Context().flags))
    with decimal.localcontext(hostile):
        assert format_value(value, "yuan") == expected


def test_an_amount_past_the_context_s_fifty_digits_is_shown_as_it_is():
    # The former expression rounded it to the fen in the money context first, which
    # raised InvalidOperation past 50 digits; no amount taken by money() comes near.
    huge = Decimal("1" * 49 + ".125")
    assert format_value(huge, "yuan") == f"{huge:,}"
    assert format_value(Decimal("1" * 60), "yuan") == f"{Decimal('1' * 60):,}.00"


def test_a_value_that_is_not_a_number_is_shown_or_refused_as_before():
    import decimal

    import pytest

    assert format_value(Decimal("NaN"), "yuan") == shown_as_before(Decimal("NaN")) == "NaN"
    for odd in ("sNaN", "Infinity", "-Infinity"):
        with pytest.raises(decimal.InvalidOperation):
            shown_as_before(Decimal(odd))
        with pytest.raises(decimal.InvalidOperation):
            format_value(Decimal(odd), "yuan")


def test_a_citation_is_shown_as_its_text_and_kept_as_a_named_tuple():
    import copy
    import pickle

    c = Citation("财税〔2018〕77号", "一")
    assert str(c) == c.text == "财税〔2018〕77号 一"
    assert Citation("主席令第63号 ").text == "主席令第63号"  # no article: no trailing space
    assert c == ("财税〔2018〕77号", "一") and c.doc == "财税〔2018〕77号" and c._fields == ("doc", "article")
    for same in (pickle.loads(pickle.dumps(c)), copy.deepcopy(c), c._replace()):  # noqa: S301
        assert same == c and type(same) is Citation and same.text == c.text
    assert pickle.dumps(c) == pickle.dumps(Citation("财税〔2018〕77号", "一"))  # the text kept is not pickled
    assert repr(c) == "Citation(doc='财税〔2018〕77号', article='一')"


def test_jsonable_takes_subclasses_and_dataclasses_as_before():
    import dataclasses
    import datetime as dt
    import enum
    from typing import NamedTuple

    from taxcalc.explain import jsonable

    class Kind(enum.IntEnum):
        A = 1

    class Pair(NamedTuple):
        a: Decimal
        b: str

    @dataclasses.dataclass(frozen=True)
    class Base:
        x: Decimal

    @dataclasses.dataclass(frozen=True)
    class Child(Base):
        y: tuple[Pair, ...]

    assert jsonable(Kind.A) is Kind.A and jsonable(Odd("1.5")) == "1.5"
    assert jsonable(dt.datetime(2018, 1, 2, 3, 4)) == "2018-01-02T03:04:00"
    assert jsonable(Pair(Decimal("2.50"), "b")) == ["2.50", "b"]
    assert jsonable({1: frozenset({Decimal(3)})}) == {"1": ["3"]}
    assert jsonable(Base(Decimal(1))) == {"x": "1"}  # its names read, and kept on Base only
    assert jsonable(Child(Decimal(1), (Pair(Decimal(2), "c"),))) == {"x": "1", "y": [["2", "c"]]}
    assert jsonable(Base(Decimal(4))) == {"x": "4"}
    import pytest

    with pytest.raises(TypeError, match="cannot convert float"):
        jsonable(1.5)

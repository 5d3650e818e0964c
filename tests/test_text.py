"""Terminal text: wrapping that keeps numbers, dates and keys whole, and tables that fit a width."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from taxcalc.text import display_width, render_table, wrap

WORDS = st.lists(
    st.one_of(
        st.from_regex(r"[0-9]{1,3}(,[0-9]{3}){0,2}\.[0-9]{2}", fullmatch=True),  # amounts
        st.from_regex(r"20[0-9]{2}-[01][0-9]-[0-3][0-9]", fullmatch=True),  # dates
        st.from_regex(r"[a-z]{2,6}(\.[a-z_]{2,8}){1,2}", fullmatch=True),  # keys
        st.text(alphabet="税率应纳额（）：，", min_size=1, max_size=6),
    ),
    max_size=30,
)


@given(st.text(alphabet=st.sampled_from("税率ab （）x1-,.%：[]《》"), max_size=300), st.integers(2, 60))
def test_wrap_keeps_every_character_within_the_width(text, width):
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@given(WORDS, st.integers(24, 100))
def test_wrap_never_breaks_a_number_a_date_or_a_key_that_fits_a_line(words, width):
    text = " ".join(words)
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    for word in words:
        if word.isascii():
            assert any(word in line for line in lines), (word, lines)


def test_an_opening_bracket_never_breaks_a_key_that_fits_a_line():
    assert wrap("（ aaaaa.________.________", 24) == ["（", "aaaaa.________.________"]


def test_closing_punctuation_never_starts_a_line():
    for width in range(8, 30):  # wide enough for the longest unbreakable piece, "数），"
        for line in wrap("应纳税所得额（含本数），减按25%计入应纳税所得额；按20%的税率缴纳。", width):
            assert line and line[0] not in "）)，。；：", (width, line)


def test_a_table_given_a_width_wraps_its_text_columns_and_keeps_fixed_ones_whole():
    rows = [["eit.equipment.one_time.deduction_month_offset",
             "One-time deduction: deducted in the tax year of the month this many months after the month "
             "put into use", "2018-01-01 – …"]]
    text = render_table(["key", "name", "covered"], rows, width=100, fixed=(0, 2))
    assert max(display_width(line) for line in text.splitlines()) <= 100
    assert "eit.equipment.one_time.deduction_month_offset" in text and "2018-01-01 – …" in text
    words = " ".join(line[47:].split("  ")[0].strip() for line in text.splitlines()[2:])
    assert words.split() == rows[0][1].split()


def test_a_citation_that_fits_a_line_is_never_split():
    text = "6. 第1档减按比例计入：25% = 100.00 × 25% [财政部 税务总局公告2022年第13号 二; 财税〔2019〕13号 第二条] (A107040)"
    cite = "[财政部 税务总局公告2022年第13号 二; 财税〔2019〕13号 第二条]"
    for width in range(display_width(cite), 120):
        lines = wrap(text, width)
        assert any(cite in line for line in lines), (width, lines)
        assert all(display_width(line) <= width for line in lines)


@given(st.text(max_size=40))
def test_display_width_counts_two_columns_for_each_wide_or_full_width_character(text):
    import unicodedata

    assert display_width(text) == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

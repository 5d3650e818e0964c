"""Explanation steps as people read them, in either language."""

from __future__ import annotations

from decimal import Decimal

from taxcalc.eit import small_profit
from taxcalc.explain import Citation, Step


def test_a_step_without_a_value_shows_only_its_label():
    s = Step("employees_cap", "从业人数：未提供，未检验", "employees: not given, not tested", None)
    assert s.render("zh") == "从业人数：未提供，未检验"
    assert s.render("en") == "employees: not given, not tested"
    assert s.as_dict()["value"] is None


def test_a_step_with_a_value_shows_label_value_formula_citation_and_line():
    s = Step("tax", "应纳税额", "tax", Decimal("5"), "yuan", "20 × 25%",
             (Citation("财税〔2019〕13号", "第二条"),), "A107040")
    assert s.render("zh") == "应纳税额：5.00 = 20 × 25% [财税〔2019〕13号 第二条] (A107040)"
    assert s.render("en") == "tax: 5.00 = 20 × 25% [财税〔2019〕13号 第二条] (A107040)"


def test_size_tests_left_out_never_show_none():
    r = small_profit("100", 2019)
    for lang in ("zh", "en"):
        assert "None" not in r.explain(lang)

"""Explanation steps as people read them, in either language."""

from __future__ import annotations

from collections.abc import Callable
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


def test_a_formula_is_written_only_when_the_step_is_shown():
    from taxcalc.explain import Formula

    written: list[str] = []

    def write(lang: str, a: Decimal, b: Decimal) -> str:
        written.append(lang)
        return f"{a} × {b}" if lang == "en" else f"{a} 乘 {b}"

    s = Step("tax", "应纳税额", "tax", Decimal("5"), "yuan", Formula(write, (Decimal(20), Decimal("0.25"))))
    assert written == []
    assert s.render("en") == "tax: 5.00 = 20 × 0.25"
    assert s.render("zh") == "应纳税额：5.00 = 20 乘 0.25"
    assert (s.formula, s.formula_zh) == ("20 × 0.25", "20 乘 0.25")
    assert s.as_dict()["formula_zh"] == "20 乘 0.25"
    assert s == Step("tax", "应纳税额", "tax", Decimal("5"), "yuan", "20 × 0.25", formula_zh="20 乘 0.25")


def test_the_annual_computation_writes_no_text_until_asked(monkeypatch):
    from taxcalc import explain
    from taxcalc.eit import EnterpriseYear, Loss, annual

    calls: list[str] = []
    original = explain.Formula.__init__

    def counting(self: explain.Formula, write: Callable[..., str], args: tuple[object, ...] = ()) -> None:
        def counted(lang: str, *a: object) -> str:
            calls.append(lang)
            return write(lang, *a)

        original(self, counted, args)

    monkeypatch.setattr(explain.Formula, "__init__", counting)
    r = annual(EnterpriseYear(2018, profit=Decimal("900000"), adjustments=Decimal("1000"), employees=Decimal(50),
                              assets=Decimal("8000000"), losses=(Loss(2016, Decimal("100000")),)))
    assert calls == []
    assert "801,000.00" in r.explain("en")
    assert calls  # the formulas were written for the explanation

"""Law.step: a value of the law shown as a step, labelled with its key's names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from taxcalc.explain import Citation, Formula
from taxcalc.law import Law

CAP = """
["cit.test.cap"]
zh = "应纳税所得额上限"
en = "taxable income cap"
type = "money"

[["cit.test.cap".values]]
from = 2017-01-01
to = 2017-12-31
value = "500000"
doc = "财税〔2017〕43号"
article = "第一条"
enacted_to = 2019-12-31
superseded_by = "财税〔2018〕77号"

[["cit.test.cap".values]]
from = 2018-01-01
to = 2020-12-31
value = "1000000"
doc = "财税〔2018〕77号"
article = "第一条"
"""


def load(law_dir) -> Law:
    return Law.load(law_dir({"x/keys.toml": CAP}))


def test_the_step_carries_the_keys_names_the_value_its_unit_and_citation(law_dir):
    data = load(law_dir)
    s = data.step(data.value("cit.test.cap", "2018-07-01"), "cap")
    assert (s.name, s.zh, s.en, s.value, s.unit, s.formula, s.line) == (
        "cap", "应纳税所得额上限", "taxable income cap", Decimal("1000000"), "yuan", "", "",
    )
    assert s.cite == (Citation("财税〔2018〕77号", "第一条"),)
    assert s.render("zh") == "应纳税所得额上限：1,000,000.00 [财税〔2018〕77号 第一条]"
    assert s.render("en") == "taxable income cap: 1,000,000.00 [财税〔2018〕77号 第一条]"


def test_formula_line_and_chinese_formula_are_passed_on(law_dir):
    data = load(law_dir)
    v = data.value("cit.test.cap", "2017-03-01")
    s = data.step(v, "cap", "a + b", "A107040", "甲 + 乙")
    assert (s.formula, s.formula_zh, s.line) == ("a + b", "甲 + 乙", "A107040")
    assert s.render("zh") == "应纳税所得额上限：500,000.00 = 甲 + 乙 [财税〔2017〕43号 第一条] (A107040)"
    f = Formula(lambda lang, x: f"{x} ({lang})", (1,))
    assert data.step(v, "cap", f).formula == "1 (en)"
    assert data.step(v, "cap", line="A107040") == v.step("cap", "应纳税所得额上限", "taxable income cap", "", "A107040")


def test_a_what_if_value_and_an_as_known_on_view_keep_the_labels(law_dir):
    data = load(law_dir)
    alt = data.with_values({"cit.test.cap": "3000000"})
    s = alt.step(alt.value("cit.test.cap", "2018-05-01"), "cap")
    assert (s.zh, s.en, s.value) == ("应纳税所得额上限", "taxable income cap", Decimal("3000000"))
    assert s.cite[0].doc.startswith("假设")
    july = data.as_known_on(dt.date(2018, 7, 10))
    s = july.step(july.value("cit.test.cap", "2018-12-31"), "cap")
    assert (s.zh, s.value, str(s.cite[0])) == ("应纳税所得额上限", Decimal("500000"), "财税〔2017〕43号 第一条")


def test_every_key_of_the_package_is_labelled_with_its_own_names():
    data = Law.load()
    for key in data.keys():
        v = next((x for x in data.history(key) if not x.gap), None)
        if v is None:
            continue
        s = data.step(v, "x")
        spec = data.spec(key)
        assert (s.zh, s.en, s.value, s.unit, s.cite) == (spec.zh, spec.en, v.value, v.unit, (v.citation,)), key

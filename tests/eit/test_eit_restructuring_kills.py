"""Losses of merged and divided enterprises: every step of each treatment (labels, values, formulas,
citations, return-form lines), the rows and carried losses of a year using inherited losses, the
marks and qualification years a loss keeps, and each refusal's message."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

from taxcalc import rules
from taxcalc.eit import (
    RESTRUCTURING_KINDS,
    TREATMENTS,
    Loss,
    combine_losses,
    inherited_loss_year,
    transferred_losses,
)
from taxcalc.errors import InputProblems, InvalidInput
from taxcalc.law import default

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "mutation_kills"))
from kill_helpers import rows  # noqa: E402

P = Decimal
L = "A106000"
LAW_63 = "主席令第63号 第十八条"
N59_MERGER = "财税〔2009〕59号 第六条第（四）项"
N59_DIVISION = "财税〔2009〕59号 第六条第（五）项"
N2010_4 = "国家税务总局公告2010年第4号 第二十六条"
N76 = "财税〔2018〕76号 一"
N2020_8 = "财政部 税务总局公告2020年第8号 第四条"


def window(year: int, last: int, formula: str, cite: str) -> tuple[object, ...]:
    return (f"window[{year}]", f"{year}年度亏损最后可弥补年度", f"last year of the {year} loss", last, "", formula, "",
            (cite,), L)


def passed(value: str, formula: str, cite: str) -> tuple[object, ...]:
    return ("transferred", "转入的亏损合计", "losses passed on", P(value), "yuan", formula, "", (cite,), L)


def test_the_steps_of_a_special_merger():
    t = transferred_losses(2020, "merger", "special", [Loss(2019, "3200000"), Loss(2014, "100"),
                                                       Loss(2016, "3000000")],
                           net_assets_fair_value="25000000", bond_rate="6%", law=default().with_values({}))
    assert (t.year, t.kind, t.treatment, t.transfers, t.annual_cap, t.dropped) == (
        2020, "merger", "special", True, P("1500000.00"), P("100"))
    assert t.transferred == (Loss(2016, "3000000"), Loss(2019, "3200000"))
    assert rows(t.steps) == [
        ("transfers", "企业合并特殊性税务处理：合并企业可弥补被合并企业亏损（限额 = 被合并企业净资产公允价值 × "
         "截至合并业务发生当年年末国家发行的最长期限的国债利率）",
         "Merger, special treatment: the merged enterprise uses the absorbed enterprise's losses up to fair value "
         "of net assets × the longest government bond rate", True, "bool", "", "", (N59_MERGER,), ""),
        window(2014, 2019, "2014 + 5 < 2020: expired", LAW_63),
        window(2016, 2021, "2016 + 5", LAW_63),
        window(2019, 2024, "2019 + 5", LAW_63),
        ("annual_cap", "可由合并企业弥补的被合并企业亏损的限额（每年）",
         "yearly limit of the absorbed enterprise's losses the merged enterprise may use", P("1500000.00"), "yuan",
         "ROUND(25,000,000.00 × 6%, 2)", "ROUND(被合并企业净资产公允价值 25,000,000.00 × 最长期限国债利率 6%, 2)",
         (N59_MERGER, N2010_4), L),
        passed("6200000", "3,000,000.00 + 3,200,000.00", N59_MERGER),
    ]


def test_a_loss_whose_last_year_is_the_merger_year_passes():
    t = transferred_losses(2020, "merger", "special", [Loss(2015, "10")], net_assets_fair_value="0.5",
                           bond_rate="1%")
    assert t.transferred == (Loss(2015, "10"),)
    assert t.annual_cap == P("0.01")  # 0.005 rounds half up
    assert rows(t.steps)[1] == window(2015, 2020, "2015 + 5", LAW_63)


def test_the_steps_of_a_special_division_with_marks_and_qualified_years():
    t = transferred_losses(2021, "division", "special", [Loss(2020, "900", "hardship"), Loss(2013, "50"),
                                                         Loss(2018, "0.01")],
                           assets_transferred="2", total_assets="3", qualified_years=[2018])
    assert (t.transfers, t.annual_cap, t.dropped) == (True, None, P("316.67"))
    assert t.transferred == (Loss(2013, "33.33"), Loss(2018, "0.01"), Loss(2020, "600.00", "hardship"))
    assert [x.extension for x in t.transferred] == ["", "", "hardship"]
    got = rows(t.steps)
    assert got[0] == (
        "transfers", "企业分立特殊性税务处理：被分立企业未超过法定弥补期限的亏损额按分立资产占全部资产的比例分配，由分立企业继续弥补",
        "Division, special treatment: the divided enterprise's unexpired losses are shared out by the share of "
        "assets transferred", True, "bool", "", "", (N59_DIVISION,), "")
    assert got[1:4] == [window(2013, 2023, "2013 + 10", N76), window(2018, 2023, "2018 + 5", LAW_63),
                        window(2020, 2028, "2020 + 8", N2020_8)]
    shown = t.as_dict()["steps"]
    shares = [(s.name, s.zh, s.en, s.value, s.unit, d["formula"], d["formula_zh"], tuple(map(str, s.cite)), s.line)
              for s, d in zip(t.steps[4:7], shown[4:7], strict=True)]
    assert shares == [
        (f"share[{y}]", f"{y}年度亏损分配给分立企业的部分", f"part of the {y} loss passed to the receiving enterprise",
         P(v), "yuan", f, f, (N59_DIVISION,), L)
        for y, v, f in ((2013, "33.33", "ROUND(50.00 × 2.00 ÷ 3.00, 2)"),
                        (2018, "0.01", "ROUND(0.01 × 2.00 ÷ 3.00, 2)"),
                        (2020, "600.00", "ROUND(900.00 × 2.00 ÷ 3.00, 2)"))
    ]
    assert got[7] == passed("633.34", "33.33 + 0.01 + 600.00", N59_DIVISION)


def test_a_division_share_of_nothing_is_left_out():
    t = transferred_losses(2020, "division", "special", [Loss(2018, "0.01")], assets_transferred="1",
                           total_assets="3")
    assert (t.transferred, t.dropped) == ((), P("0.01"))
    assert t.steps[2].value == P("0.00")
    assert rows(t.steps)[-1] == passed("0", "0", N59_DIVISION)


@pytest.mark.parametrize(("kind", "zh", "en", "cite"), [
    ("merger", "企业合并一般性税务处理：被合并企业的亏损可否在合并企业结转弥补",
     "Merger, general treatment: the absorbed enterprise's losses pass to the merged enterprise",
     "财税〔2009〕59号 第四条第（四）项"),
    ("division", None, None, "财税〔2009〕59号 第四条第（五）项"),
])
def test_general_treatment_passes_nothing(kind, zh, en, cite):
    t = transferred_losses(2020, kind, "general", [Loss(2019, "1000"), Loss(2018, "0.5")])
    assert (t.year, t.kind, t.treatment, t.transfers, t.transferred, t.annual_cap, t.dropped) == (
        2020, kind, "general", False, (), None, P("1000.5"))
    assert len(t.steps) == 1
    s = t.steps[0]
    assert (s.name, s.value, s.unit, tuple(map(str, s.cite)), s.line) == ("transfers", False, "bool", (cite,), "")
    if zh is not None:
        assert (s.zh, s.en) == (zh, en)


def test_the_steps_and_rows_of_a_year_with_a_cap():
    r = inherited_loss_year(2021, "5000000", [Loss(2016, "3000000"), Loss(2019, "3200000"), Loss(2015, "7")],
                            annual_cap="1500000.00", law=default().with_values({}))
    assert (r.year, r.income, r.annual_cap, r.used, r.taxable_income, r.expired) == (
        2021, P("5000000"), P("1500000.00"), P("1500000.00"), P("3500000.00"), P("1500007.00"))
    assert [(u.origin, u.available, u.used, u.expired, u.remaining, u.last_year, u.carry_years, str(u.citation))
            for u in r.rows] == [
        (2015, P("7"), P("0"), P("7"), P("0"), 2020, 5, LAW_63),
        (2016, P("3000000"), P("1500000.00"), P("1500000.00"), P("0.00"), 2021, 5, LAW_63),
        (2019, P("3200000"), P("0.00"), P("0"), P("3200000.00"), 2024, 5, LAW_63),
    ]
    assert r.carried == (Loss(2019, "3200000.00"),)
    assert rows(r.steps) == [
        ("income", "可用于弥补转入亏损的所得", "income left for the inherited losses", P("5000000"), "yuan", "", "", (), L),
        ("annual_cap", "本年可弥补转入亏损的限额", "yearly limit of the inherited losses", P("1500000.00"), "yuan", "", "",
         (), L),
        ("expired[2015]", "2015年度转入亏损已过弥补期限", "2015 inherited loss already expired", P("7"), "yuan",
         "last year 2020 < 2021", "", (LAW_63,), L),
        ("used[2016]", "弥补2016年度转入亏损", "2016 inherited loss used", P("1500000.00"), "yuan",
         "min(3,000,000.00, 1,500,000.00); last year 2021", "", (LAW_63,), L),
        ("used[2019]", "弥补2019年度转入亏损", "2019 inherited loss used", P("0.00"), "yuan",
         "min(3,200,000.00, 0.00); last year 2024", "", (LAW_63,), L),
        ("used", "本年弥补的转入亏损", "inherited losses used this year", P("1500000.00"), "yuan",
         "Σ used ≤ 1,500,000.00", "", (), L),
        ("taxable_income", "弥补转入亏损后的所得", "income after the inherited losses", P("3500000.00"), "yuan",
         "5,000,000.00 − 1,500,000.00", "", (), L),
    ]


def test_a_year_without_a_cap_keeps_marks_and_qualified_years():
    # 2014 runs 10 years (qualified in 2018); 2019 ends this year, so what it leaves expires
    r = inherited_loss_year(2024, "150.5", [Loss(2020, "900", "hardship"), Loss(2014, "100"), Loss(2019, "60")],
                            qualified_years=[2018])
    assert (r.annual_cap, r.used, r.taxable_income, r.expired) == (None, P("150.5"), P("0.0"), P("9.5"))
    assert [(u.origin, u.used, u.expired, u.remaining, u.last_year, u.carry_years) for u in r.rows] == [
        (2014, P("100"), P("0"), P("0"), 2024, 10),
        (2019, P("50.5"), P("9.5"), P("0.0"), 2024, 5),
        (2020, P("0.0"), P("0"), P("900.0"), 2028, 8),
    ]
    assert r.carried == (Loss(2020, "900.0", "hardship"),)
    assert r.carried[0].extension == "hardship"
    names = [s.name for s in r.steps]
    assert names == ["income", "used[2014]", "used[2019]", "used[2020]", "used", "taxable_income"]
    assert [str(s.cite[0]) for s in r.steps[1:4]] == [N76, LAW_63, N2020_8]
    assert (r.steps[-2].formula, r.steps[-1].formula) == ("Σ used", "150.50 − 150.50")


def test_a_loss_year_uses_nothing_and_a_negative_income_counts_as_none():
    r = inherited_loss_year(2029, "-5", [Loss(2020, "900", "hardship"), Loss(2019, "10")])
    assert (r.income, r.used, r.taxable_income, r.expired, r.carried) == (P("-5"), P("0"), P("0"), P("910"), ())
    assert [s.name for s in r.steps] == ["income", "expired[2019]", "expired[2020]", "used", "taxable_income"]
    assert rows(r.steps)[2][3:] == (P("900"), "yuan", "last year 2028 < 2029", "", (N2020_8,), L)
    assert r.steps[-1].formula == "0.00 − 0.00"
    r = inherited_loss_year(2021, "-5", [Loss(2020, "900")], annual_cap="10")
    assert (r.used, r.taxable_income, r.carried) == (P("0"), P("0"), (Loss(2020, "900"),))


def test_the_kinds_and_treatments():
    assert (RESTRUCTURING_KINDS, TREATMENTS) == (("merger", "division"), ("general", "special"))


def test_combined_losses():
    got = combine_losses([Loss(2019, "7", "hardship"), Loss(2018, "100")],
                         [Loss(2018, "50"), Loss(2019, "1", "hardship"), Loss(2017, "3")])
    assert got == (Loss(2017, "3"), Loss(2018, "150"), Loss(2019, "8", "hardship"))
    assert got[2].extension == "hardship"
    with pytest.raises(InvalidInput) as e:
        combine_losses([Loss(2020, "1")], [Loss(2020, "2", "hardship")])
    assert str(e.value) == "losses[1].extension: the 2020 losses carry different marks ('' and 'hardship')"


@pytest.mark.parametrize(("kind", "treatment", "kw", "message"), [
    ("merger", "special", {"bond_rate": "5%"},
     "net_assets_fair_value: a merger under special treatment needs net_assets_fair_value"),
    ("merger", "special", {"net_assets_fair_value": "1"}, "bond_rate: a merger under special treatment needs bond_rate"),
    ("division", "special", {"total_assets": "1"},
     "assets_transferred: a division under special treatment needs assets_transferred"),
    ("merger", "general", {"net_assets_fair_value": "1"},
     "net_assets_fair_value: not used by a merger under general treatment"),
    ("division", "general", {"bond_rate": "1%"}, "bond_rate: not used by a division under general treatment"),
    ("merger", "special", {"net_assets_fair_value": "1", "bond_rate": "1%", "total_assets": "1"},
     "total_assets: not used by a merger under special treatment"),
    ("division", "special", {"assets_transferred": "1", "total_assets": "1", "net_assets_fair_value": "1"},
     "net_assets_fair_value: not used by a division under special treatment"),
    ("division", "special", {"assets_transferred": "0", "total_assets": "0"}, "total_assets: must be positive (got 0)"),
    ("division", "special", {"assets_transferred": "2.5", "total_assets": "2"},
     "assets_transferred: assets transferred 2.5 exceed the total assets 2"),
    ("merger", "special", {"net_assets_fair_value": "-1", "bond_rate": "1%"},
     "net_assets_fair_value: must not be negative (got -1)"),
    ("division", "special", {"assets_transferred": "-1", "total_assets": "1"},
     "assets_transferred: must not be negative (got -1)"),
    ("division", "special", {"assets_transferred": "1", "total_assets": "-1"},
     "total_assets: must not be negative (got -1)"),
])
def test_each_refusal_names_its_field_and_reason(kind, treatment, kw, message):
    with pytest.raises(InvalidInput) as e:
        transferred_losses(2020, kind, treatment, [Loss(2019, "1")], **kw)
    assert str(e.value) == message


def test_a_whole_division_passes_everything():
    t = transferred_losses(2020, "division", "special", [Loss(2019, "1")], assets_transferred="2", total_assets="2")
    assert (t.transferred, t.dropped) == ((Loss(2019, "1.00"),), P("0.00"))


@pytest.mark.parametrize(("call", "message"), [
    (lambda: transferred_losses(2020, "merger", "general", "2019"), "losses: must be a list of Loss"),
    (lambda: transferred_losses(2020, "merger", "general", b"x"), "losses: must be a list of Loss"),
    (lambda: transferred_losses(2020, "merger", "general", 5), "losses: must be a list of Loss"),
    (lambda: transferred_losses(2020, "merger", "general", [Loss(2019, "1"), 3]), "losses[1]: must be a Loss"),
    (lambda: transferred_losses(2020, "merger", "general", [Loss(2021, "1")]),
     "losses[0].year: a loss carried at 2020 must arise by then (got 2021)"),
    (lambda: transferred_losses(2020, "merger", "general", [Loss(2019, "1"), Loss(2019, "2")]),
     "losses[1].year: the loss of 2019 is given twice"),
    (lambda: inherited_loss_year(2020, "1", [Loss(2020, "1")]),
     "losses[0].year: a loss carried at 2019 must arise by then (got 2020)"),
    (lambda: inherited_loss_year(2020, "1", [Loss(2019, "1")], annual_cap="-1"),
     "annual_cap: must not be negative (got -1)"),
])
def test_malformed_losses_are_refused(call, message):
    with pytest.raises(InvalidInput) as e:
        call()
    assert str(e.value) == message


@pytest.mark.parametrize(("call", "message"), [
    (lambda: transferred_losses(2020, "merger", "special", [Loss(2019, "1")], net_assets_fair_value="x",
                                bond_rate="1%"), "net_assets_fair_value: 'x' is not a number"),
    (lambda: transferred_losses(2020, "merger", "special", [Loss(2019, "1")], net_assets_fair_value="1",
                                bond_rate="x"), "bond_rate: 'x' is not a number"),
    (lambda: transferred_losses(2020, "merger", "hostile", [Loss(2019, "1")]),
     "treatment: unknown value 'hostile'; expected one of: general, special"),
    (lambda: transferred_losses(2020, "merger", "general", [Loss(2019, "1")], qualified_years=["x"]),
     "qualified_years: a tax year is a whole number such as 2018 (got 'x')"),
    (lambda: inherited_loss_year(2020, "1", [Loss(2019, "1")], qualified_years=["x"]),
     "qualified_years: a tax year is a whole number such as 2018 (got 'x')"),
    (lambda: inherited_loss_year(2020, "x", [Loss(2019, "1")]), "income: 'x' is not a number"),
])
def test_a_figure_that_cannot_be_read_is_named(call, message):
    with pytest.raises(InvalidInput) as e:
        call()
    assert str(e.value) == message


# a qualification after the restructuring year does not lengthen a window read on that year
@pytest.mark.parametrize("qualified", [[2023], []])
def test_only_qualification_years_up_to_the_year_count(qualified):
    t = transferred_losses(2020, "division", "special", [Loss(2019, "10")], assets_transferred="1", total_assets="1",
                           qualified_years=qualified)
    assert rows(t.steps)[1] == window(2019, 2024, "2019 + 5", LAW_63)
    r = inherited_loss_year(2021, "1", [Loss(2019, "10")], qualified_years=qualified)
    assert (r.rows[0].last_year, r.rows[0].carry_years) == (2024, 5)


def test_the_windows_are_read_from_the_law_given():
    law = default().with_values({"eit.losses.years.general": 6})
    what_if = "假设 what-if eit.losses.years.general = 6"
    t = transferred_losses(2020, "division", "special", [Loss(2019, "10")], assets_transferred="1", total_assets="1",
                           law=law)
    assert rows(t.steps)[1] == window(2019, 2025, "2019 + 6", what_if)
    r = inherited_loss_year(2021, "1", [Loss(2019, "10")], law=law)
    assert (r.rows[0].last_year, r.rows[0].carry_years, str(r.rows[0].citation)) == (2025, 6, what_if)
    assert rows(r.steps)[1] == ("used[2019]", "弥补2019年度转入亏损", "2019 inherited loss used", P("1"), "yuan",
                                "min(10.00, 1.00); last year 2025", "", (what_if,), L)


@pytest.mark.parametrize(("name", "document", "problem"), [
    ("eit.restructuring_losses", {"year": 2020, "kind": "division", "treatment": "special",
                                  "losses": [{"year": 2019, "amount": "1"}], "assets_transferred": "3",
                                  "total_assets": "2"},
     "assets_transferred: assets transferred 3 exceed the total assets 2"),
    ("eit.inherited_losses", {"year": 2020, "income": "1", "losses": [{"year": 2020, "amount": "1"}]},
     "losses[0].year: a loss carried at 2019 must arise by then (got 2020)"),
])
def test_a_document_reports_its_problem(name, document, problem):
    with pytest.raises(InputProblems) as e:
        rules.get(name).compute(document)
    assert str(e.value).splitlines()[1:] == [problem]


def test_a_document_may_carry_last_years_loss():
    r = rules.get("eit.inherited_losses").compute({"year": 2020, "income": "1",
                                                    "losses": [{"year": 2019, "amount": "1"}]})
    assert (r.used, r.taxable_income) == (P("1"), P("0"))

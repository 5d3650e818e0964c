"""The registered rule ``eit.equipment`` with a depreciation method (command line, HTTP service), and the
reasons an asset is not deducted at once, as codes and in words."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal
from typing import Any

import pytest

from taxcalc.cli import main
from taxcalc.eit import Equipment, equipment_in_year, equipment_schedule
from taxcalc.eit.equipment import REASONS

D = Decimal
#: A press of 6,000,000 bought by a manufacturer in 2019: over the 500万 cap, so depreciated; double declining
#: over the 第六十条 life of 10 years (20% a year), from April 2019.
OVER_CAP = ("6000000", "--kind", "machinery", "--acquired", "2019-03-01", "--in-use", "2019-03-10",
            "--method", "double_declining", "--industry", "manufacturing")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["eit", "equipment", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_asset_over_the_cap_is_depreciated_by_the_method_chosen(capsys):
    code, out, _ = run(capsys, *OVER_CAP, "--json")
    data = json.loads(out)
    assert code == 0 and data["method"] == "double_declining" and data["reasons"] == ["over_cap"]
    # 2019: 9 months of the first year, 6,000,000 × 20% × 9/12; 2020: 3 months of it and 9 of the second,
    # 300,000 + 4,800,000 × 20% × 9/12.
    assert data["chosen"][:2] == [[2019, "900000.00"], [2020, "1020000.00"]]
    assert data["straight_line"][:2] == [[2019, "450000.00"], [2020, "600000.00"]]
    assert sum(D(a) for _, a in data["chosen"]) == D("6000000.00")
    docs = {c["doc"] for s in data["steps"] for c in s["cite"]}
    assert "财政部 税务总局公告2019年第66号" in docs and "财税〔2018〕54号" in docs


def test_the_text_names_the_method_and_why_not_at_once(capsys):
    code, out, _ = run(capsys, *OVER_CAP, "--lang", "en")
    assert code == 0
    assert out.splitlines()[0] == "tax method: double declining balance (no one-time deduction: over the cap)"
    assert out.splitlines()[1].split("  ") == ["year", "straight line", "double declining balance"]
    assert out.splitlines()[3].split() == ["2019", "450,000.00", "900,000.00"]
    code, out, _ = run(capsys, *OVER_CAP)
    assert out.splitlines()[0] == "税前扣除方法：双倍余额递减法（不适用一次性扣除：单位价值超过上限）"


def test_the_one_time_deduction_comes_first_unless_declined(capsys):
    press = ("1000000", "--kind", "machinery", "--acquired", "2019-03-01", "--in-use", "2019-03-15",
             "--method", "double_declining", "--industry", "manufacturing", "--json")
    code, out, _ = run(capsys, *press)
    data = json.loads(out)
    assert code == 0 and data["method"] == "one_time" and data["chosen"] == [[2019, "1000000"]]
    code, out, _ = run(capsys, *press, "--decline-one-time")
    data = json.loads(out)
    assert data["method"] == "double_declining" and data["reasons"] == ["not_elected"]
    assert data["chosen"][:2] == [[2019, "150000.00"], [2020, "170000.00"]]
    code, out, _ = run(capsys, *press[:-1], "--decline-one-time", "--lang", "en")
    assert out.splitlines()[0] == "tax method: double declining balance (no one-time deduction: not elected)"


def test_a_shortened_life_and_an_rd_instrument(capsys):
    code, out, _ = run(capsys, "1200000", "--kind", "machinery", "--acquired", "2019-05-01", "--in-use",
                       "2019-05-20", "--method", "shortened", "--life-months", "72", "--industry", "manufacturing",
                       "--decline-one-time", "--json")
    data = json.loads(out)
    # 1,200,000 over 72 months: 16,666.67 a month; June–December 2019 is 7 months.
    assert code == 0 and data["method"] == "shortened" and data["chosen"][0] == [2019, "116666.67"]
    code, out, _ = run(capsys, "1000000", "--kind", "machinery", "--acquired", "2015-03-02", "--in-use",
                       "2015-03-20", "--rd-instrument", "--json")
    assert json.loads(out)["chosen"] == [[2015, "1000000"]]
    code, out, _ = run(capsys, "1000000", "--kind", "machinery", "--acquired", "2015-03-02", "--in-use",
                       "2015-03-20", "--json")
    assert json.loads(out)["reasons"] == ["over_cap"]


@pytest.mark.parametrize(
    ("options", "field", "reason"),
    [
        (("--life-months", "60"), "--life-months", "only with a method other than straight_line"),
        (("--method", "double_declining", "--life-months", "126"), "--life-months",
         "126 months is not a whole number of years"),
        (("--method", "sum_of_years", "--industry", "other"), "--method", "is not allowed for an asset bought on"),
        (("--method", "shortened", "--industry", "mining"), "--industry", "mining"),
        (("--method", "shortened", "--main-business-share", "0.5", "--industry", "manufacturing"),
         "--main-business-share", "50% is not more than 50%"),
    ],
)
def test_a_choice_that_does_not_go_is_refused_naming_the_option(capsys, options, field, reason):
    code, out, err = run(capsys, "6000000", "--kind", "machinery", "--acquired", "2019-03-01", "--in-use",
                         "2019-03-10", *options)
    assert code != 0 and out == "" and "Traceback" not in err
    assert err.startswith(f"taxcalc: error: {field}: ") and reason in err


def test_the_http_service_answers_as_the_command_line(capsys):
    pytest.importorskip("fastapi")
    import httpx

    from taxcalc.service.app import create_app

    body = {"cost": "6000000", "kind": "machinery", "acquired_on": "2019-03-01", "in_use": "2019-03-10",
            "method": "double_declining", "industry": "manufacturing"}
    refused = {**body, "method": "sum_of_years", "industry": "other"}

    async def ask() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=create_app())
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            return [await c.post("/v1/rules/eit.equipment", json=b) for b in (body, refused)]

    answered, problem = asyncio.run(ask())
    assert answered.status_code == 200, answered.text
    got: dict[str, Any] = answered.json()
    _, out, _ = run(capsys, *OVER_CAP, "--json")
    assert got == json.loads(out)
    assert got["method"] == "double_declining" and got["chosen"][0] == [2019, "900000.00"]
    assert problem.status_code == 422
    problems = problem.json()["error"]["problems"]
    assert [(p["in"], p["field"]) for p in problems] == [("body", "method")]
    assert "is not allowed for an asset bought on 2019-03-01" in problems[0]["reason"]


# -- the reasons, as codes and in words --------------------------------------------------------------------

def asset(cost: str = "1000000", kind: str = "machinery", acquired: str = "2019-03-01", **kw: Any) -> Equipment:
    return Equipment("asset", cost, kind, acquired_on=acquired, in_use=acquired, **kw)


@pytest.mark.parametrize(
    ("made", "codes", "zh", "en"),
    [
        (asset(kind="buildings"), ("buildings",), "房屋、建筑物不属于设备、器具", "buildings"),
        (asset(acquisition="other"), ("not_purchased",), "非购进取得", "not purchased"),
        (asset(elect_one_time=False), ("not_elected",), "未选择一次性扣除", "not elected"),
        (asset(acquired="2013-06-03"), ("outside_window",), "购进日期不在一次性扣除政策期间",
         "outside the purchase windows"),
        (asset("5000000.01"), ("over_cap",), "单位价值超过上限", "over the cap"),
        (asset("6000000", "buildings", acquisition="other", elect_one_time=False),
         ("buildings", "not_purchased", "not_elected", "over_cap"),
         "房屋、建筑物不属于设备、器具；非购进取得；未选择一次性扣除；单位价值超过上限",
         "buildings; not purchased; not elected; over the cap"),
        (asset("6000000", "buildings", acquired="2028-01-01"), ("buildings", "outside_window"),
         "房屋、建筑物不属于设备、器具；购进日期不在一次性扣除政策期间", "buildings; outside the purchase windows"),
    ],
)
def test_each_reason_in_words(made, codes, zh, en):
    s = equipment_schedule(made)
    assert s.method == "straight_line" and s.reasons == codes
    assert s.reason_in("zh") == zh and s.reason_in("en") == en and s.reason_in() == en
    assert s.reasons_in("zh") == tuple(REASONS[c][0] for c in codes)
    assert s.reasons_in("en") == tuple(REASONS[c][1] for c in codes) == s.reasons_in()
    [method] = [st for st in s.steps if st.name == "equipment.method"]
    assert method.zh == f"税前扣除方法：按直线法计算折旧（不适用一次性扣除：{zh}）"
    assert method.en == f"tax method: straight-line depreciation (no one-time deduction: {en})"


def test_no_reason_when_deducted_at_once():
    for s in (equipment_schedule(asset()),
              equipment_schedule(asset("8000000", acquired="2022-11-01"), hnte_years=[2022])):
        assert s.reasons == () and s.reason_in("zh") == "" and s.reasons_in("en") == ()
        [method] = [st for st in s.steps if st.name == "equipment.method"]
        assert "不适用" not in method.zh and "no one-time" not in method.en
    assert set(REASONS) == {"buildings", "not_purchased", "not_elected", "outside_window", "over_cap"}


@pytest.mark.parametrize(
    ("made", "zh", "en"),
    [
        (asset(kind="buildings"), "房屋、建筑物不属于设备、器具", "buildings"),
        (asset(acquisition="other"), "非购进取得", "not purchased"),
        (asset(elect_one_time=False), "未选择一次性扣除", "not elected"),
        (asset(acquired="2013-06-03"), "购进日期不在一次性扣除政策期间", "outside the purchase windows"),
        (asset("5000000.01"), "单位价值超过上限", "over the cap"),
    ],
)
def test_the_year_of_an_asset_says_why_in_both_languages(made, zh, en):
    [step] = equipment_in_year(made, made.acquired_on.year).steps
    life = 20 if made.kind == "buildings" else 10
    assert step.zh == f"asset：{made.acquired_on.year}年度税收折旧额（直线法，最低折旧年限{life}年；{zh}）"
    assert step.en == f"asset: tax depreciation in {made.acquired_on.year} (straight line over {life} years; {en})"
    fast = Equipment("asset", made.cost, "machinery", acquired_on=made.acquired_on, in_use=made.in_use,
                     acquisition=made.acquisition, elect_one_time=made.elect_one_time, method="sum_of_years",
                     industry="manufacturing") if made.kind != "buildings" else None
    if fast is not None and made.acquired_on.year >= 2019:
        [step] = equipment_in_year(fast, fast.acquired_on.year).steps
        assert step.zh.endswith(f"（年数总和法，120个月；不适用一次性扣除：{zh}）")
        assert step.en.endswith(f"(sum of the years' digits over 120 months; one-time deduction: {en})")


# -- the reasons in the JSON of the rule: the codes, then the words in both languages -------------------------

@pytest.mark.parametrize(
    ("options", "codes"),
    [
        (("6000000", "--kind", "buildings", "--decline-one-time"), ["buildings", "not_elected", "over_cap"]),
        (("5000000.01", "--kind", "machinery"), ["over_cap"]),
        (("5000000", "--kind", "machinery"), []),
        (("5000", "--kind", "tools", "--acquired", "2013-12-31", "--in-use", "2014-01-02"), ["outside_window"]),
    ],
)
def test_the_json_gives_each_reason_in_words_beside_its_code(capsys, options, codes):
    dates = () if "--acquired" in options else ("--acquired", "2019-03-01", "--in-use", "2019-03-10")
    code, out, _ = run(capsys, *options, *dates, "--json")
    data = json.loads(out)
    assert code == 0 and data["reasons"] == codes
    assert data["reasons_zh"] == [REASONS[c][0] for c in codes]
    assert data["reasons_en"] == [REASONS[c][1] for c in codes]
    assert list(data)[list(data).index("reasons"):][:3] == ["reasons", "reasons_zh", "reasons_en"]
    code, zh_out, _ = run(capsys, *options, *dates, "--json", "--lang", "zh")
    assert zh_out == out  # the JSON is the same in either language
    if codes:  # the words are those of the text's first line
        code, text, _ = run(capsys, *options, *dates, "--lang", "en")
        assert f"(no one-time deduction: {'; '.join(data['reasons_en'])})" in " ".join(text.splitlines()[:2])


def test_the_published_output_schema_holds_the_words():
    import jsonschema

    from taxcalc import rules

    rule = next(r for r in rules.RULES if r.id == "eit.equipment")
    schema = rule.output_schema()
    result = rule.load().compute(rule.load().read({"cost": "6000000", "kind": "machinery",
                                                   "acquired_on": "2019-03-01", "in_use": "2019-03-10"}), law=None)
    jsonschema.Draft202012Validator(schema).validate(result.as_dict())
    props = schema["properties"]
    assert props["reasons_zh"] == props["reasons_en"] == {"type": "array", "items": {"type": "string"}}
    assert result.reasons_en == ("over the cap",) and result.reasons_zh == ("单位价值超过上限",)

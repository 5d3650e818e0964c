"""The small-scale standard and general registration: every step with its citation,
the standard exactly reached and one fen over, the days and sector the result keeps,
the law given and the fields each refusal names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from kill_helpers import rows

from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.law import default
from taxcalc.vat import must_register_general, small_scale_standard

P = Decimal
COMMERCE_ZH = "小规模纳税人标准：其他纳税人（批发、零售等）（年应征增值税销售额）"
COMMERCE_EN = "Small-scale standard: other taxpayers (wholesale, retail …) (annual taxable sales)"


@pytest.mark.parametrize(("sales", "must"), [("5000000.01", True), ("5000000", False)])
def test_registration_steps_at_the_standard_and_one_fen_over(sales, must):
    r = must_register_general(sales, "2019-06-01", "commerce")
    assert (r.annual_sales, r.on, r.sector, r.limit, r.must_register) == (
        P(sales), dt.date(2019, 6, 1), "commerce", P("5000000"), must)
    assert rows(r.steps) == [
        ("annual_sales", "年应征增值税销售额", "annual taxable sales", P(sales), "yuan", "", "", (), ""),
        ("limit", COMMERCE_ZH, COMMERCE_EN, P("5000000"), "yuan", "", "", ("财税〔2018〕33号 第一条",), ""),
        ("must_register", "应当登记为一般纳税人", "must register as a general taxpayer", must, "bool",
         "annual_sales > limit", "年应征增值税销售额 > 小规模纳税人标准", (), ""),
    ]


@pytest.mark.parametrize(
    ("sector", "on", "limit", "cite", "zh"),
    [
        ("production", "2018-04-30", "500000", "财政部 国家税务总局令第50号 第二十八条第一款第（一）项",
         "小规模纳税人标准：从事货物生产或者提供加工修理修配劳务的纳税人（年应征增值税销售额）"),
        ("commerce", "2018-04-30", "800000", "财政部 国家税务总局令第50号 第二十八条第一款第（二）项", COMMERCE_ZH),
        ("services", "2018-04-30", "5000000", "财税〔2016〕36号 附件2 第一条第（五）项",
         "小规模纳税人标准：营改增应税行为（销售服务、无形资产、不动产）（年应税销售额）"),
    ],
)
def test_each_sector_before_2018_with_its_citation(sector, on, limit, cite, zh):
    s = small_scale_standard(on, sector)
    assert (s.on, s.sector, s.limit) == (dt.date.fromisoformat(on), sector, P(limit))
    assert [(x.name, x.zh, x.value, x.unit, tuple(str(c) for c in x.cite)) for x in s.steps] == [
        ("limit", zh, P(limit), "yuan", (cite,))]


def test_the_law_given_is_the_one_read():
    what_if = default().with_values({"vat.small_scale.standard.commerce": "1000000"})
    assert small_scale_standard("2019-06-01", "commerce", law=what_if).limit == P("1000000")
    r = must_register_general("1000000.01", "2019-06-01", "commerce", law=what_if)
    assert (r.limit, r.must_register) == (P("1000000"), True)


@pytest.mark.parametrize(
    ("call", "field"),
    [(lambda: small_scale_standard("2019-02-30", "commerce"), "on"),
     (lambda: must_register_general("-1", "2019-06-01", "commerce"), "annual_sales"),
     (lambda: must_register_general("1", "2019-02-30", "commerce"), "on")],
)
def test_each_refusal_names_its_field(call, field):
    with pytest.raises(InvalidInput) as info:
        call()
    assert str(info.value).startswith(f"{field}: ")


@pytest.mark.parametrize("call", [lambda: small_scale_standard("2019-06-01", "retail"),
                                  lambda: must_register_general("1", "2019-06-01", "retail")])
def test_an_unknown_sector_lists_the_sectors(call):
    with pytest.raises(UnknownCategory) as info:
        call()
    assert str(info.value) == "sector: unknown value 'retail'; expected one of: production, commerce, services"

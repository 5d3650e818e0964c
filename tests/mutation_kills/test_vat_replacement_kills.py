"""The rate that replaced an old rate: every step, the days kept, the boundaries of
``applied_on``, and the chain of changes read from a law of its own (a change is two
adjoining windows of one band; a gap or a repeated rate is no change; two bands that
change one rate to two different rates on one day are refused).

The chain is derived once per law (``Law.memo``), so each test here passes a law of
its own, never the package's shared one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from kill_helpers import rows

from taxcalc.errors import InvalidInput, LawDataError
from taxcalc.law import Law, default
from taxcalc.vat import replacement_rate

P = Decimal
D = dt.date
NOTICE_32 = "财税〔2018〕32号 第一条"
NOTICE_39 = "财政部 税务总局 海关总署公告2019年第39号 第一条"


def fresh() -> Law:
    """The package's law data in a law of its own (nothing derived yet)."""
    return default().with_values({})


@pytest.mark.parametrize(
    ("old", "on", "expected", "last"),
    [
        ("17%", "2019-05-01", "0.13", D(2018, 4, 30)),
        ("17%", "2018-05-01", "0.16", D(2018, 4, 30)),
        ("17%", "2018-04-30", "0.17", D(2018, 4, 30)),
        ("11%", "2019-04-01", "0.09", D(2018, 4, 30)),
        ("13%", "2017-07-01", "0.11", D(2017, 6, 30)),
        ("13%", "2018-06-01", "0.10", D(2017, 6, 30)),
        ("16%", "2019-03-31", "0.16", D(2019, 3, 31)),
        ("16%", "2018-05-01", "0.16", D(2018, 5, 1)),  # the first day 16% was in force
        ("0%", "2019-05-01", "0", D(2019, 5, 1)),
    ],
)
def test_the_chain_from_a_law_of_its_own(old, on, expected, last):
    r = replacement_rate(old, on, law=fresh())
    assert (r.rate, r.last_in_force, r.on, r.old_rate) == (P(expected), last, D.fromisoformat(on),
                                                           P(old.rstrip("%")) / 100)


def test_every_step_of_the_17_percent_chain():
    r = replacement_rate("17%", "2019-05-01", law=fresh())
    assert rows(r.steps) == [
        ("old_rate", "原适用税率", "old rate", P("0.17"), "rate", "", "", (), ""),
        ("change", "2018-05-01起17%调整为", "from 2018-05-01, 17% became", P("0.16"), "rate", "", "",
         (NOTICE_32,), ""),
        ("change", "2019-04-01起16%调整为", "from 2019-04-01, 16% became", P("0.13"), "rate", "", "",
         (NOTICE_39,), ""),
        ("rate", "调整后税率", "rate that replaced it", P("0.13"), "rate", "", "", (), ""),
    ]


def test_applied_on_the_day_asked_about_keeps_the_rate():
    r = replacement_rate("17%", "2018-04-30", applied_on="2018-04-30", law=fresh())
    assert (r.rate, r.last_in_force, len(r.steps)) == (P("0.17"), D(2018, 4, 30), 2)
    with pytest.raises(InvalidInput) as info:
        replacement_rate("17%", "2018-04-30", applied_on="2018-05-01")
    assert str(info.value) == "applied_on: 2018-05-01 is after on (2018-04-30)"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"old_rate": "-1%", "on": "2019-05-01"}, "old_rate"),
     ({"old_rate": "17%", "on": "2019-02-30"}, "on"),
     ({"old_rate": "17%", "on": "2019-05-01", "applied_on": "2018-02-30"}, "applied_on")],
)
def test_a_bad_argument_is_refused_naming_its_field(kwargs, field):
    with pytest.raises(InvalidInput) as info:
        replacement_rate(**kwargs)
    assert str(info.value).startswith(f"{field}: ")


def test_a_rate_never_in_force_names_old_rate():
    with pytest.raises(InvalidInput) as info:
        replacement_rate("3%", "2019-05-01")
    assert str(info.value) == "old_rate: 3% was not a VAT rate of any band on or before 2019-05-01"


def band(name: str, *windows: str) -> str:
    head = f'["vat.rate.{name}"]\nzh = "{name}税率"\nen = "{name} rate"\ntype = "rate"\n'
    return head + "".join(f'\n[["vat.rate.{name}".values]]\n{w}\n' for w in windows)


def value(first: str, last: str, rate: str) -> str:
    to = f"to = {last}" if last != "open" else 'to = "open"'
    return f'from = {first}\n{to}\nvalue = "{rate}"\ndoc = "财税〔2018〕32号"\narticle = "第一条"'


# "standard": 10% in 2020, 8% from 2021.  "later": 10% from 2021 (so 10% is still in force
# on the day "standard" changes).  "paused": 10% to June 2020, a gap, 5% from 2021: not a
# change.  "renewed": 6% twice in a row (not a change either), then 5% from July 2021.
CHAIN = "\n".join([
    band("standard", value("2020-01-01", "2020-12-31", "0.10"), value("2021-01-01", "open", "0.08")),
    band("later", value("2021-01-01", "open", "0.10")),
    band("paused", value("2020-01-01", "2020-06-30", "0.10"),
         'from = 2020-07-01\nto = 2020-12-31\ngap = "suspended"\ngap_zh = "暂停"', value("2021-01-01", "open", "0.05")),
    band("renewed", value("2020-01-01", "2020-12-31", "0.06"), value("2021-01-01", "2021-06-30", "0.06"),
         value("2021-07-01", "open", "0.05")),
])


def test_a_change_is_two_adjoining_windows_of_one_band(law_dir):
    own = Law.load(law_dir({"vat/rates.toml": CHAIN}))
    r = replacement_rate("10%", "2021-06-01", applied_on="2020-03-01", law=own)
    assert r.rate == P("0.08")
    assert [(s.name, s.zh, s.value) for s in r.steps] == [
        ("old_rate", "原适用税率", P("0.10")), ("change", "2021-01-01起10%调整为", P("0.08")),
        ("rate", "调整后税率", P("0.08"))]
    # 10% applied on the day of the change (in "later") is not replaced by it
    same_day = replacement_rate("10%", "2021-06-01", applied_on="2021-01-01", law=own)
    assert (same_day.rate, same_day.last_in_force) == (P("0.10"), D(2021, 1, 1))
    # a rate renewed unchanged has no change step
    renewed = replacement_rate("6%", "2021-06-01", applied_on="2020-03-01", law=own)
    assert (renewed.rate, [s.name for s in renewed.steps]) == (P("0.06"), ["old_rate", "rate"])
    # ... and the change after the renewal still counts
    assert replacement_rate("6%", "2021-07-01", applied_on="2020-03-01", law=own).rate == P("0.05")
    # the 5% after the gap is no change of 10%
    assert replacement_rate("10%", "2020-12-31", law=own).rate == P("0.10")


def test_two_bands_changing_one_rate_two_ways_on_one_day_are_refused(law_dir):
    clash = CHAIN + "\n" + band("xclash", value("2020-01-01", "2020-12-31", "0.10"),
                                value("2021-01-01", "open", "0.07"))
    own = Law.load(law_dir({"vat/rates.toml": clash}))
    with pytest.raises(LawDataError) as info:
        replacement_rate("10%", "2021-06-01", law=own)
    assert "vat.rate.xclash" in str(info.value)
    assert "on 2021-01-01 0.10 becomes 0.07 here but 0.08 in vat.rate.standard" in str(info.value)

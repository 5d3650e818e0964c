"""Export rebate rates: the whole result and every step (label, value, formula,
citation) of the main paths — a rate carried through the 2018 and 2019 switches, the
transitions for a manufacturer and for a trader (old and new purchase rate), the 15%
tier of 123号, a catalogue row, soybean meal listed with and without a row, a levy
that differs from the rebate (given and traced back), the caps, a cross-border
service — then the checks of rows and levies and the fields each refusal names.

The tier rules are read once per law (``Law.memo``): each call here passes a law of
its own.  Golden figures checked against 财税〔2018〕32号 第四条、第五条, 财税〔2018〕123号
第二条、第三条 and 2019年第39号 第三条.

What each case must show is kept in ``golden/export_rebate_rate.json`` (see ``_golden.py``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import fields, rows

from taxcalc.errors import InvalidInput, LawDataError, OutsideCoverage, UnknownCategory
from taxcalc.export import Catalogue, check_catalogue, rebate_rate
from taxcalc.law import Law, default

# (code, rate, first day, last day, levy, citation)
ROWS = [('9901000010', '17%', '2015-01-01', '2018-04-30', '17%', 'row A'),
 ('9901000020', '15%', '2015-01-01', '2018-04-30', '17%', 'row B'),
 ('9901000030', '16%', '2018-05-01', '2019-03-31', '16%', 'row T'),
 ('9901000040', '9%', '2018-09-15', '2018-10-31', '16%', 'row E'),
 ('23040010', '5%', '2015-01-01', '2018-10-31', None, 'row soy'),
 ('9901000060', '11%', '2015-01-01', '2018-04-30', None, 'row L11'),
 ('9901000070', '10%', '2018-05-01', '2019-03-31', None, 'row L10'),
 ('9901000080', '13%', '2019-04-01', 'open', None, 'row C'),
 ('9901000090', '11%', '2015-01-01', '2018-04-30', '11%', 'row S')]


def catalogue(rows_: list[tuple[object, ...]] = ROWS) -> Catalogue:
    out = []
    for code, rate, first, last, levy, cite in rows_:
        row = {"code": code, "rate": rate, "first": first, "last": last, "citation": cite}
        if levy:
            row["levy"] = levy
        out.append(row)
    return Catalogue.from_rows(out, source="kill")


def fresh() -> Law:
    return default().with_values({})


CASES = {
    'caps_trader': ('9901000080',
                    '2019-08-01',
                    {'exporter': 'trader', 'purchase_vat_rate': '3%', 'supplier_collection_rate': '5%'}),
    'catalogue_row': ('9901000040', '2018-10-01', {}),
    'derived_15_to_16': ('9901000020', '2018-11-01', {}),
    'derived_17_through_2019': ('9901000010', '2019-08-01', {}),
    'derived_transition_2018_manufacturer': ('9901000010', '2018-07-31', {}),
    'derived_transition_2018_trader_new': ('9901000010',
                                           '2018-07-31',
                                           {'exporter': 'trader', 'purchase_vat_rate': '16%'}),
    'derived_transition_2018_trader_old': ('9901000010',
                                           '2018-07-31',
                                           {'exporter': 'trader', 'purchase_vat_rate': '17%'}),
    'levy_cap': ('9901000080', '2019-08-01', {'levy_rate': '9%'}),
    'levy_hint_traced_back': ('9901000070', '2019-05-01', {'levy_rate': '9%'}),
    'levy_not_equal': ('9901000060', '2018-06-01', {'levy_rate': '16%'}),
    'listed_soybean': ('23040090', '2018-11-01', {}),
    'service': ('9901000090', '2018-08-01', {'kind': 'service'}),
    'soybean_row_cancelled': ('23040010', '2018-12-01', {}),
    'transition_2019_manufacturer': ('9901000030', '2019-06-30', {}),
}
# the fields of the result compared, each case with its golden value
FIELDS = (
    'assumptions', 'assumptions_zh', 'code', 'export_date', 'exporter', 'kind', 'levy_rate', 'library_rate',
    'rate', 'source', 'transition',
)
GOLDEN = Golden("export_rebate_rate", CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    code, day, kwargs = CASES[case]
    r = rebate_rate(code, day, catalogue=catalogue(), law=fresh(), **kwargs)
    GOLDEN.check(case, fields=fields(r, FIELDS), steps=rows(r.steps))


def one(code: str, rate: str, first: str, last: str, levy: str | None = None) -> Catalogue:
    return catalogue([(code, rate, first, last, levy, "test row")])


@pytest.mark.parametrize(
    ("row", "day", "message"),
    [
        (("9901000010", "15%", "2017-01-01", "open", None), "2019-01-01",
         "kill: row 1: code 9901000010: the window 2017-01-01 – … spans 2018-11-01, when the law changed 15% to "
         "16% (财税〔2018〕123号 第三条); end the row on 2018-10-31 and give the new rate in a row of its own"),
        (("23040010", "5%", "2018-01-01", "2019-12-31", None), "2018-06-01",
         "kill: row 1: code 23040010: the window 2018-01-01 – 2019-12-31 spans 2018-11-01, when the law cancelled "
         "the rebate of 23040010 (财税〔2018〕123号 第二条); end the row on 2018-10-31 and give the new rate in a "
         "row of its own"),
        (("9901000010", "13%", "2017-01-01", "2018-12-31", "17%"), "2018-06-01",
         "kill: row 1: code 9901000010: the window 2017-01-01 – 2018-12-31 spans 2018-05-01, when the law changed "
         "the levy rate 17% to 16% (财税〔2018〕32号 第一条); end the row on 2018-04-30 and give the new rate in a "
         "row of its own"),
        (("9901000010", "11%", "2017-01-01", "2018-12-31", "11%"), "2018-06-01",
         "kill: row 1: code 9901000010: the window 2017-01-01 – 2018-12-31 spans 2018-05-01, when the law changed "
         "11% to 10% (财税〔2018〕32号 第四条); end the row on 2018-04-30 and give the new rate in a row of its own"),
    ],
)
def test_a_row_the_law_contradicts_is_refused_with_the_switch_and_the_fix(row, day, message):
    c = catalogue([(*row, "test row")])
    with pytest.raises(LawDataError) as info:
        rebate_rate(row[0], day, catalogue=c, law=fresh())
    assert str(info.value) == message
    with pytest.raises(LawDataError) as info:
        check_catalogue(c, law=fresh())
    assert str(info.value) == message


def test_rows_the_law_leaves_alone_pass_the_check():
    # 11% with no levy given across 2018-05-01; rows ending on the eve of and starting on a switch day; 13% never mapped
    for row in [("9901000010", "11%", "2017-01-01", "2018-12-31", None),
                ("9901000010", "17%", "2017-01-01", "2018-04-30", "17%"),
                ("9901000010", "16%", "2018-05-01", "2019-03-31", "16%"),
                ("9901000010", "13%", "2016-01-01", "open", None)]:
        assert check_catalogue(catalogue([(*row, "test row")]), law=fresh()) is None
    # a cross-border service: 123号 names products only
    assert check_catalogue(one("9901000010", "15%", "2017-01-01", "2019-03-31"), kind="service", law=fresh()) is None


def test_check_catalogue_refuses_what_is_not_a_catalogue_or_a_kind():
    with pytest.raises(InvalidInput) as info:
        check_catalogue("sample.csv")  # type: ignore[arg-type]
    assert str(info.value) == "catalogue: must be a taxcalc.export.Catalogue"
    with pytest.raises(UnknownCategory) as info:
        check_catalogue(catalogue(), kind="rights")
    assert str(info.value).startswith("kind: unknown value 'rights'")


@pytest.mark.parametrize(
    ("code", "message"),
    [(99010000, "code: a int is not a product code; write it as text"),
     ("9901", "code: '9901' must be 8 or 10 digits"),
     ("990100001", "code: '990100001' must be 8 or 10 digits"),
     ("９９０１００００", "code: '９９０１００００' must be 8 or 10 digits"),
     ("9901000x", "code: '9901000x' must be 8 or 10 digits")],
)
def test_a_bad_code_is_refused_saying_why(code, message):
    with pytest.raises(InvalidInput) as info:
        rebate_rate(code, "2019-05-01", catalogue=catalogue(), law=fresh())
    assert str(info.value) == message


def test_a_code_with_spaces_around_is_read():
    r = rebate_rate(" 9901000080 ", "2019-08-01", catalogue=catalogue(), law=fresh())
    assert (r.code, r.rate) == ("9901000080", Decimal("0.13"))


@pytest.mark.parametrize(
    ("code", "day", "kwargs", "field", "message"),
    [
        ("9901000080", "2019-08-01", {"purchase_vat_rate": "13%"}, "purchase_vat_rate",
         "applies to a trader's purchases (exporter='trader'), not to a manufacturer"),
        ("9901000080", "2019-08-01", {"supplier_collection_rate": "3%"}, "supplier_collection_rate",
         "applies to a trader's purchases (exporter='trader'), not to a manufacturer"),
        ("9901000060", "2018-08-01", {}, "levy_rate",
         "needed for 9901000060: 财税〔2018〕32号 第四条 changes a 11% rebate rate only where the levy rate was "
         "also 11%, and the catalogue row gives no levy rate"),
        ("9901000010", "2018-08-01", {"levy_rate": "17%"}, "levy_rate",
         "17% is not a VAT rate on 2018-08-01: 财税〔2018〕32号 第一条 changed it to 16% from 2018-05-01"),
        ("9901000090", "2018-08-01", {"levy_rate": "16%"}, "levy_rate",
         "16% disagrees with the levy rate 10% the catalogue gives 9901000090 on 2018-08-01"),
        ("9901000010", "2018-07-31", {"exporter": "trader"}, "purchase_vat_rate",
         "needed: 9901000010 exported on 2018-07-31 falls in the transition of 财税〔2018〕32号 第五条, where a "
         "trader's rebate rate follows the VAT rate it paid on purchase"),
        ("9901000080", "2019-08-01", {"catalogue": "sample.csv"}, "catalogue",
         "must be a taxcalc.export.Catalogue (Catalogue.load(path))"),
    ],
)
def test_each_refusal_names_its_field_and_says_why(code, day, kwargs, field, message):
    args = {"catalogue": catalogue(), **kwargs}
    with pytest.raises(InvalidInput) as info:
        rebate_rate(code, day, law=fresh(), **args)
    assert str(info.value) == f"{field}: {message}"


def test_a_date_with_no_row_and_a_row_too_old():
    c = one("9901000010", "13%", "2019-01-01", "open")
    with pytest.raises(OutsideCoverage) as info:
        rebate_rate("9901000010", "2018-06-01", catalogue=c, law=fresh())
    assert "catalogue kill 9901000010" in str(info.value) and "no row covers the date" in str(info.value)
    old = one("9901000010", "13%", "2016-01-01", "2018-04-29")
    with pytest.raises(OutsideCoverage) as info:
        rebate_rate("9901000010", "2018-06-01", catalogue=old, law=fresh())
    assert ("no catalogue row for 9901000010 covers 2018-06-01; taxcalc derives a rate only from a row that "
            "ends on or after 2018-04-30, and row 1 ends on 2018-04-29") in str(info.value)
    # a row that ends on the eve of coverage is enough
    edge = one("9901000010", "13%", "2016-01-01", "2018-04-30")
    assert rebate_rate("9901000010", "2018-06-01", catalogue=edge, law=fresh()).rate == Decimal("0.13")
    with pytest.raises(InvalidInput) as info:
        rebate_rate("9901000011", "2018-06-01", catalogue=edge, law=fresh())
    assert str(info.value) == "code: 9901000011 is not in the catalogue kill"

"""Small-scale VAT shown in full on every branch (a snapshot, ``tests/snapshot.py``), and the
message of every refused input.

The cases: 2018 goods and services tested apart (one exempt, one taxed, and each given
alone), 2019–2025 all sales together on and one fen over the limit, monthly and
quarterly, the deduction of immovable property, the 1% reduction, the exemption of
2022-04 to 2022-12, and from 2026 the strict 起征点 with both readings of the
immovable-property question.  The figures are those the tests of
``test_vat_small_scale_exemption.py`` check against the texts; the snapshot pins down
how each is shown.
"""

from __future__ import annotations

import pytest

from snapshot import check, shown
from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.vat import small_scale_vat

CASES = {
    "2018 goods exempt, services taxed": dict(sales="60000.01", period_start="2018-03-01", goods_sales="30000",
                                               services_sales="30000.01"),
    "2018 goods over, services under": dict(sales="50000", period_start="2018-03-01", goods_sales="30000.01"),
    "2018 services only given": dict(sales="50000", period_start="2018-03-01", services_sales="20000"),
    "2018 both under, quarter": dict(sales="180000", period_start="2018-04-01", period="quarter",
                                     goods_sales="90000", services_sales="90000"),
    "2018 nothing sold": dict(sales="0", period_start="2018-01-01"),
    "2019 on the limit": dict(sales="100000", period_start="2019-06-01"),
    "2019 one fen over": dict(sales="100000.01", period_start="2019-06-01"),
    "2019 quarter over": dict(sales="300000.01", period_start="2019-07-01", period="quarter"),
    "2019 immovable property deducted": dict(sales="150000", period_start="2019-06-01", real_estate_sales="60000"),
    "2019 immovable property, still over": dict(sales="250000", period_start="2019-06-01",
                                                real_estate_sales="60000"),
    "2019 immovable property within the limit": dict(sales="90000", period_start="2019-06-01",
                                                     real_estate_sales="10000"),
    "2019 goods and services given, summed": dict(sales="120000", period_start="2019-06-01", goods_sales="70000",
                                                  services_sales="50000"),
    "2020 the 1% rate": dict(sales="123456.78", period_start="2020-05-01"),
    "2021 15万, quarter": dict(sales="450000.01", period_start="2021-04-01", period="quarter"),
    "2022 within the limit, exempt altogether": dict(sales="150000", period_start="2022-06-01"),
    "2022 exempt altogether": dict(sales="500000", period_start="2022-05-01"),
    "2022 exempt altogether, immovable property": dict(sales="500000", period_start="2022-05-01",
                                                       real_estate_sales="100000"),
    "2023 the 1% rate, quarter": dict(sales="300000.01", period_start="2023-01-01", period="quarter"),
    "2025 on the limit": dict(sales="100000", period_start="2025-12-01"),
    "2026 below the 起征点": dict(sales="99999.99", period_start="2026-01-01"),
    "2026 reaching the 起征点": dict(sales="100000", period_start="2026-01-01"),
    "2026 quarter reaching": dict(sales="300000", period_start="2026-04-01", period="quarter"),
    "2026 immovable property, all sales": dict(sales="120000", period_start="2026-03-01",
                                              real_estate_sales="30000"),
    "2026 immovable property, carve out": dict(sales="120000", period_start="2026-03-01",
                                              real_estate_sales="30000", start_point_basis="carve_out"),
    "2026 carve out, still reaching": dict(sales="150000", period_start="2026-03-01", real_estate_sales="30000",
                                           start_point_basis="carve_out"),
    "2026 all sales given, below": dict(sales="50000", period_start="2026-03-01", real_estate_sales="10000",
                                        start_point_basis="all_sales"),
}


def test_every_branch_shown_in_full():
    check("small_scale_vat", {name: shown(small_scale_vat(**args)) for name, args in CASES.items()})


@pytest.mark.parametrize(("args", "field", "reason"), [
    (dict(sales="-1", period_start="2019-06-01"), "sales", "must not be negative (got -1)"),
    (dict(sales="1", period_start="2019-06-01", real_estate_sales="2"), "real_estate_sales", "is more than sales (1)"),
    (dict(sales="1", period_start="2019-06-01", period="year"), "period", None),
    (dict(sales="1", period_start="2019-06-02"), "period_start", None),
    (dict(sales="1", period_start="2019-05-01", period="quarter"), "period_start", None),
    (dict(sales="60000", period_start="2018-03-01"), "goods_sales",
     "from 2016-05-01 to 2018-12-31 sales of goods/processing and of services/intangibles are tested separately "
     "(国家税务总局公告2017年第52号 正文); give goods_sales and services_sales"),
    (dict(sales="60000", period_start="2018-03-01", goods_sales="10000", services_sales="10000"), "goods_sales",
     "goods_sales + services_sales must equal sales − real_estate_sales (60000)"),
    (dict(sales="60000", period_start="2018-03-01", goods_sales="70000"), "goods_sales",
     "is more than sales − real_estate_sales (60000)"),
    (dict(sales="60000", period_start="2018-03-01", services_sales="70000"), "services_sales",
     "is more than sales − real_estate_sales (60000)"),
    (dict(sales="60000", period_start="2018-03-01", services_sales="-1"), "services_sales",
     "must not be negative (got -1)"),
    (dict(sales="60000", period_start="2018-03-01", goods_sales="-1"), "goods_sales", "must not be negative (got -1)"),
    (dict(sales="0.50", period_start="2018-03-01"), "goods_sales", None),  # even half a yuan needs the split
    (dict(sales="1", period_start="2019-06-x"), "period_start", None),
    (dict(sales="1", period_start="2020-01-01", period="quarter"), "period_start",
     "vat.small_scale.levy_rate changes inside the quarter starting 2020-01-01 (from 2020-03-01); this quarter "
     "cannot be computed as one period"),
    (dict(sales="1", period_start="2019-06-01", start_point_basis="carve_out"), "start_point_basis", None),
    (dict(sales="1", period_start="2026-01-01", start_point_basis="both"), "start_point_basis", None),
    (dict(sales="1.5", period_start="2019-06-01", real_estate_sales=0.5), "real_estate_sales", None),
])
def test_a_refused_input_names_its_field_and_why(args, field, reason):
    with pytest.raises((InvalidInput, NotMoney)) as info:
        small_scale_vat(**args)
    assert info.value.field == field
    if reason is not None:
        assert info.value.reason == reason

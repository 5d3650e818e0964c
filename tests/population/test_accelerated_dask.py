"""Rows with an accelerated method on a two-worker Dask LocalCluster: the single-process figures and refusals."""

from __future__ import annotations

import pytest

pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
distributed = pytest.importorskip("distributed")

from taxcalc.population import PopulationInputError, compute, generate  # noqa: E402


def test_a_cluster_computes_the_rows_with_a_method_as_one_process_does() -> None:
    table = generate(1200, 2017, 8, equipment_share=0.3, accelerated_share=0.5)
    single = compute(table)
    method = table.column("equipment_method").to_pylist()
    last = max(i for i, m in enumerate(method) if m is not None)
    assert last >= 1000  # in the third partition: its rows are numbered in the whole table

    def only_last(value: object, column: str) -> pa.Array:
        got = table.column(column).to_pylist() if column in table.column_names else [None] * table.num_rows
        got[last] = value
        return pa.array(got, pa.bool_() if column == "equipment_article_98" else pa.string())

    bad = table
    for column, value in (("equipment_method", "double_declining"), ("equipment_article_98", None)):
        bad = bad.set_column(bad.column_names.index(column), column, only_last(value, column))
    bad = bad.append_column("equipment_industry", only_last("special_equipment", "equipment_industry")) \
        .append_column("equipment_main_business_share", only_last("0.5", "equipment_main_business_share"))
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  memory_limit="1GiB") as cluster, distributed.Client(cluster) as client:
        spread = compute(table, client=client, partition_rows=500)
        with pytest.raises(PopulationInputError) as err:
            compute(bad, client=client, partition_rows=500)
    assert spread.equals(single)
    assert sum(single.column("saving_accelerated_depreciation").to_pylist()) > 0
    # the asset's share of 50% is not more than 50% (国家税务总局公告2014年第64号 一): the row, in the whole table
    assert (err.value.field, err.value.rows) == ("equipment_main_business_share", (last + 1,))

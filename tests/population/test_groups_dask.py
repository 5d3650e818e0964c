"""The VAT and export columns on a two-worker Dask LocalCluster: the single-process figures, the rows' numbers."""

from __future__ import annotations

import pytest

pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
distributed = pytest.importorskip("distributed")

from taxcalc.population import PopulationInputError, compute, generate  # noqa: E402


def test_a_cluster_gives_the_single_process_vat_and_export_figures() -> None:
    table = generate(1500, 2022, 4, equipment_share=0, vat=True)
    single = compute(table)
    sales = table.column("sales_1").to_pylist()
    sales[1234] = -1
    bad = table.set_column(table.column_names.index("sales_1"), "sales_1", pa.array(sales, pa.int64()))
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  memory_limit="1GiB") as cluster, distributed.Client(cluster) as client:
        spread = compute(table, client=client, partition_rows=400)
        with pytest.raises(PopulationInputError) as err:
            compute(bad, client=client, partition_rows=400)
    assert spread.equals(single)
    assert sum(single.column("vat_tax_due").to_pylist()) > 0 and sum(single.column("export_refund").to_pylist()) > 0
    assert err.value.field == "sales_1" and err.value.rows == (1235,)

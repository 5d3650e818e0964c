"""The same figures on a two-worker Dask LocalCluster (processes), partition by partition."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
distributed = pytest.importorskip("distributed")

from taxcalc.cli import main  # noqa: E402
from taxcalc.law import default  # noqa: E402
from taxcalc.population import compute, generate  # noqa: E402
from taxcalc.population.distributed import run_parquet  # noqa: E402


def test_a_two_worker_cluster_gives_the_single_process_result(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    table = generate(3000, 2019, 21)
    law = default().with_values({"eit.small_profit.income_cap": "2500000"})
    single = compute(table, law=law, known_on="2018-12-31")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  memory_limit="1GiB") as cluster, distributed.Client(cluster) as client:
        spread = compute(table, law=law, known_on="2018-12-31", client=client, partition_rows=700)
        assert spread.equals(single)
        parts = tmp_path / "in"
        parts.mkdir()
        for i in range(3):
            pq.write_table(table.slice(i * 1000, 1000), parts / f"part-{i}.parquet")
        assert run_parquet(parts, tmp_path / "out", client, law=law, known_on="2018-12-31") == 3000
        # the command, pointed at the cluster's scheduler
        assert main(["population", "run", str(parts), "--dask", cluster.scheduler_address, "--out",
                     str(tmp_path / "cli"), "--what-if", "eit.small_profit.income_cap=2500000", "--since",
                     "2018-12-31", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["rows"] == 3000
    assert pq.read_table(tmp_path / "cli").column("tax").to_pylist() == single.column("tax").to_pylist()
    written = pq.read_table(tmp_path / "out")
    for column in ("tax", "total_saving", "saving_since", "saving_small_profit", "taxable_income"):
        assert written.column(column).to_pylist() == single.column(column).to_pylist()

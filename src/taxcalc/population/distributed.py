"""The same computation on a Dask cluster, partition by partition.

Each partition of at most ``partition_rows`` rows is checked and computed on a
worker by :func:`taxcalc.population.engine.compute_table`, with the law given
(a what-if or as-known-on :class:`~taxcalc.law.Law` travels with the task), and
the results are put back together in the order of the rows.  A worker holds
one partition and its result at a time, so its memory is bounded by the
partition size.  :func:`run_parquet` reads and writes partitioned Parquet
(a directory of files), one task per input file, without gathering the rows
in the client.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..law import Law
from .engine import compute_table

__all__ = ["compute_distributed", "run_parquet"]


def _task(table: pa.Table, year: int | None, law: Law | None, known_on: _dt.date | str | None,
          offset: int) -> pa.Table:
    return compute_table(table, year=year, law=law, known_on=known_on, offset=offset)


def compute_distributed(table: pa.Table, client: Any, *, year: int | None = None, law: Law | None = None,
                        known_on: _dt.date | str | None = None, partition_rows: int = 1_000_000) -> pa.Table:
    """:func:`taxcalc.population.compute` on the cluster of ``client`` (a ``dask.distributed.Client``)."""
    if partition_rows < 1:
        raise ValueError("partition_rows must be ≥ 1")
    futures = []
    for start in range(0, max(table.num_rows, 1), partition_rows):
        part = table.slice(start, partition_rows)
        futures.append(client.submit(_task, part, year, law, known_on, start, pure=False))
    parts = client.gather(futures)
    return pa.concat_tables(parts)


def _file_task(source: str, target: str, year: int | None, law: Law | None, known_on: _dt.date | str | None,
               offset: int) -> int:
    from .io import write_table

    table = pq.read_table(source)
    result = compute_table(table, year=year, law=law, known_on=known_on, offset=offset)
    write_table(result, target)
    return int(result.num_rows)


def run_parquet(source: str | Path, target: str | Path, client: Any, *, year: int | None = None,
                law: Law | None = None, known_on: _dt.date | str | None = None) -> int:
    """Compute a directory of Parquet files into ``target`` (a directory), one task per file; the rows written.

    Row numbers in errors count from the first row of the first file, in the
    order of the file names.
    """
    src, dst = Path(source), Path(target)
    files = sorted(src.glob("*.parquet")) if src.is_dir() else [src]
    if not files:
        raise FileNotFoundError(f"no .parquet file in {src}")
    dst.mkdir(parents=True, exist_ok=True)
    offsets, total = [], 0
    for f in files:
        offsets.append(total)
        total += pq.ParquetFile(f).metadata.num_rows
    futures = [client.submit(_file_task, str(f), str(dst / f.name), year, law, known_on, off, pure=False)
               for f, off in zip(files, offsets, strict=True)]
    written: list[int] = client.gather(futures)
    return sum(written)

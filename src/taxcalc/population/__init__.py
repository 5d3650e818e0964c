"""Populations (企业群体测算): the income tax and the saving of every policy for many enterprise-years at once.

For a table of enterprise-years (a pandas DataFrame, an Arrow table, or a
Parquet or CSV file; the columns of :mod:`taxcalc.population.columns`),
:func:`compute` gives one row per enterprise-year with the annual income tax
and the saving of each policy exactly as :func:`taxcalc.eit.benefit` defines
them, in whole fen; :func:`aggregate` sums them by group.  The figures are the
scalar rules' own, to the fen: integer arrays where a row fits the vector path
(:mod:`taxcalc.population.vector`), the scalar rules themselves where it does
not (the ``path`` column says which).

Needs the optional extra ``taxcalc-cn[population]`` (numpy, pyarrow, pandas,
dask[distributed], tqdm).

>>> from taxcalc.population import compute, generate
>>> result = compute(generate(1000, 2023, seed=1))
>>> result.num_rows, int(result.column("tax").to_numpy().sum()) > 0
(1000, True)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:
    import numpy  # noqa: F401
    import pyarrow as pa
except ImportError as exc:  # pragma: no cover - without the extra
    raise ImportError(f"taxcalc.population needs the optional extra: pip install 'taxcalc-cn[population]' "
                      f"({exc.name} is missing)") from exc

from ..law import Law
from .aggregate import aggregate
from .columns import COLUMNS, PopulationInputError
from .engine import OUTPUT_MONEY, POLICY_IDS, compute_table
from .generate import generate
from .io import read_table, write_table

__all__ = [
    "COLUMNS", "OUTPUT_MONEY", "POLICY_IDS", "PopulationInputError", "aggregate", "compute", "generate",
    "read_table", "write_table",
]


def _as_table(data: Any) -> pa.Table:
    if isinstance(data, pa.Table):
        return data
    if isinstance(data, str | Path):
        return read_table(data)
    if hasattr(data, "__dataframe__") or type(data).__name__ == "DataFrame":
        return pa.Table.from_pandas(data, preserve_index=False)
    raise TypeError("a population is a pandas DataFrame, an Arrow table, or a path to a Parquet or CSV file")


def compute(data: Any, *, year: int | None = None, law: Law | None = None, known_on: _dt.date | str | None = None,
            client: Any = None, progress: Callable[[int], None] | None = None,
            partition_rows: int = 1_000_000) -> pa.Table:
    """The tax and the saving of each policy for every row of ``data`` (see the module notes).

    ``year`` is the tax year of a table without a ``year`` column (and, with
    one, the year every row must have); ``law`` a what-if or as-known-on
    :class:`~taxcalc.law.Law` (default: the package's data); ``known_on`` adds
    the tax under the law as known on that day.  ``client``, a
    ``dask.distributed.Client``, computes partition by partition on its
    cluster (:func:`taxcalc.population.distributed.compute_distributed`).
    """
    table = _as_table(data)
    if client is not None:
        from .distributed import compute_distributed

        return compute_distributed(table, client, year=year, law=law, known_on=known_on,
                                   partition_rows=partition_rows)
    return compute_table(table, year=year, law=law, known_on=known_on, progress=progress)

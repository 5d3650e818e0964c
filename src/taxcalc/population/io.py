"""Reading and writing population tables: Parquet or CSV by the file's extension, written atomically.

A CSV has no types: its money columns are read as whole fen (integers; a
value such as ``1234.50`` is refused naming the column), its shares and
employee counts as text, read exactly, its flags as ``true``/``false`` (or
``1``/``0``; empty: not given; another value is refused naming the file, the
column and the rows).  A result is written to a temporary
file beside the target and renamed at the end, so a failure never leaves half
a file.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .columns import BOOLS, MONEY, PopulationInputError
from .groups import MONEY_INPUTS, TEXT_INPUTS

__all__ = ["read_table", "write_table"]

#: The flag columns, read from a CSV as true/false.
_FLAGS = (*BOOLS, "equipment_article_98", "equipment_elect_one_time")
#: What the CSV reader takes in a flag column: true, false or empty.
_DEFAULT = pacsv.ConvertOptions()
_FLAG_WORDS = frozenset([*_DEFAULT.true_values, *_DEFAULT.false_values, *_DEFAULT.null_values])

_TEXT = ("main_business_share", "employees", "industry", "loss_2020_extension", "equipment_kind", "equipment_method",
         "equipment_industry", "equipment_main_business_share")


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix == ".csv":
        return "csv"
    raise PopulationInputError("file", f"{path.name}: give a .parquet or .csv file")


def read_table(path: str | Path) -> pa.Table:
    """A population table from a Parquet file (or a directory of them) or a CSV file."""
    p = Path(path)
    if p.is_dir():
        return pq.read_table(p)
    if _kind(p) == "parquet":
        return pq.read_table(p)
    types: dict[str, pa.DataType] = {name: pa.int64() for name in MONEY}
    types.update({name: pa.string() for name in _TEXT})
    types["equipment_life_months"] = pa.int64()
    types.update({name: pa.bool_() for name in _FLAGS})
    types.update({**{name: pa.int64() for name in MONEY_INPUTS}, **{name: pa.string() for name in TEXT_INPUTS}})
    try:
        return pacsv.read_csv(p, convert_options=pacsv.ConvertOptions(column_types=types, strings_can_be_null=True))
    except pa.ArrowInvalid as exc:
        raise _csv_error(p, str(exc)) from None


def _csv_error(path: Path, text: str) -> PopulationInputError:
    """The column and rows of a value the CSV reader refused (a money column holds whole fen)."""
    found = re.search(r"column #(\d+)", text)
    if found is None:
        return PopulationInputError("file", f"{path.name}: {text.splitlines()[0]}")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        index = int(found.group(1))
        name = header[index] if index < len(header) else f"#{index}"
        if name in _FLAGS:
            rows = [i for i, row in enumerate(reader, start=1)
                    if index < len(row) and row[index] not in _FLAG_WORDS]
            return PopulationInputError(name, f"{path.name}: a flag is true/false (or 1/0)", rows)
        rows = [i for i, row in enumerate(reader, start=1)
                if index < len(row) and row[index].strip() and not _WHOLE.fullmatch(row[index].strip())]
    unit = "months" if name == "equipment_life_months" else "fen"
    return PopulationInputError(name, f"{path.name}: not a whole number of {unit}", rows)


_WHOLE = re.compile(r"-?[0-9]+")


def write_table(table: pa.Table, path: str | Path) -> None:
    """Write ``table`` to ``path`` (Parquet or CSV by extension) atomically: a temporary file, then a rename."""
    p = Path(path)
    kind = _kind(p)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".part", dir=p.parent if str(p.parent) else ".")
    os.close(fd)
    try:
        if kind == "parquet":
            pq.write_table(table, tmp)
        else:
            decoded = pa.table({name: (col.cast(col.type.value_type) if pa.types.is_dictionary(col.type) else col)
                                for name, col in zip(table.column_names, table.columns, strict=True)})
            pacsv.write_csv(decoded, tmp)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""Reading the tables back as pandas DataFrames with the dtypes they were written with."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from leakmine.tables.schemas import SCHEMAS, TableSchema
from leakmine.tables.write import DUCKDB_NAME


@dataclass(frozen=True)
class Tables:
    """leakmine's tables by name: `t.patients` or `t["patients"]`; docs/tables.md describes them."""

    papers: pd.DataFrame
    sections: pd.DataFrame
    mentions: pd.DataFrame
    patients: pd.DataFrame
    levels: pd.DataFrame
    muscle_grades: pd.DataFrame
    treatments: pd.DataFrame
    cohorts: pd.DataFrame
    evidence: pd.DataFrame
    reviews: pd.DataFrame
    errors: pd.DataFrame

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in SCHEMAS:
            raise KeyError(name)
        return getattr(self, name)

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self)]


_PANDAS = {pa.string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(),
           pa.bool_(): pd.BooleanDtype()}


def _dtype(arrow_type: pa.DataType) -> object:
    return pd.ArrowDtype(arrow_type) if pa.types.is_list(arrow_type) else _PANDAS.get(arrow_type)


def to_frame(schema: TableSchema, table: pa.Table) -> pd.DataFrame:
    """An Arrow table -> a DataFrame with the schema's columns and pandas dtypes."""
    table = table.select(schema.names).cast(schema.arrow_schema)
    return table.to_pandas(types_mapper=_dtype, ignore_metadata=True)


def _read_all(result: pa.Table | pa.RecordBatchReader) -> pa.Table:
    """DuckDB 1.x hands back a Table, 2.x a RecordBatchReader."""
    return result.read_all() if isinstance(result, pa.RecordBatchReader) else result


def load_tables(path: str | Path = "data/processed") -> Tables:
    """The tables `leakmine run` wrote: `path` is its output folder or the `leakmine.duckdb` in it."""
    path = Path(path)
    if path.is_dir() and not (path / "papers.parquet").exists() and (path / DUCKDB_NAME).exists():
        path = path / DUCKDB_NAME
    if path.is_file():
        import duckdb

        with duckdb.connect(str(path), read_only=True) as con:
            arrow = {name: _read_all(con.table(name).arrow()) for name in SCHEMAS}
    else:
        missing = [n for n in SCHEMAS if not (path / f"{n}.parquet").exists()]
        if missing:
            raise FileNotFoundError(f"{path}: no {', '.join(f'{n}.parquet' for n in missing)}")
        arrow = {name: pq.read_table(path / f"{name}.parquet") for name in SCHEMAS}
    return Tables(**{name: to_frame(schema, arrow[name]) for name, schema in SCHEMAS.items()})

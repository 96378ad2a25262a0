"""Reading the published tables back as pandas DataFrames with the dtypes they were written with."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from leakmine.tables.manifest import META_NAME, StoreError, read_manifest, verified_shards
from leakmine.tables.schemas import SCHEMAS, TableSchema


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


def _duckdb_manifest(db: Path) -> tuple[Path, dict]:
    """The manifest that `db` (OUT/leakmine.duckdb or the file inside a generation) belongs to."""
    for folder in (db.parent, *db.resolve().parents[:3]):
        if (folder / META_NAME).exists():
            return folder, read_manifest(folder)
    raise StoreError(f"{db}: no {META_NAME} beside it; open the output folder of `leakmine run`")


def load_tables(path: str | Path = "data/processed") -> Tables:
    """The tables `leakmine run` wrote: `path` is its output folder or the `leakmine.duckdb` in it.

    The manifest (`_meta.json`) names the published generation; a shard that is missing or differs
    from it, or a DuckDB file of another generation, raises `StoreError` instead of giving a mixed set.
    """
    path = Path(path)
    if path.is_dir():
        try:
            meta = read_manifest(path)
        except FileNotFoundError as e:
            raise FileNotFoundError(f"{path}: no {META_NAME} (no papers.parquet or other tables): "
                                    "run `leakmine run` first") from e
        arrow = {name: pa.concat_tables([pq.read_table(pa.BufferReader(data), schema=schema.arrow_schema)
                                         for data in verified_shards(path, meta, name)])
                 for name, schema in SCHEMAS.items()}
    else:
        import duckdb

        folder, meta = _duckdb_manifest(path)
        with duckdb.connect(str(path), read_only=True) as con:
            try:
                (generation,), = con.execute("SELECT generation FROM _leakmine").fetchall()
            except duckdb.Error as e:
                raise StoreError(f"{path}: not a DuckDB file written by `leakmine run`") from e
            if generation != meta["generation"]:
                raise StoreError(f"{path} holds generation {generation} but {folder / META_NAME} publishes "
                                 f"{meta['generation']}: the tables are a mixed set; rerun `leakmine run`")
            arrow = {name: _read_all(con.table(name).arrow()) for name in SCHEMAS}
    return Tables(**{name: to_frame(schema, arrow[name]) for name, schema in SCHEMAS.items()})

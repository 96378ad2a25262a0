"""Writing the tables: Parquet, CSV, one DuckDB file and `_meta.json`, checked first, swapped in atomically.

Every file is first written to a staging folder inside the output folder, then renamed over its old
version, `_meta.json` last; an interrupted run leaves each table whole, and an old `_meta.json` that
makes Make run again. Parquet and CSV bytes depend only on the data. DuckDB's file format is not
byte-reproducible, so `leakmine.duckdb` is rebuilt only when a table or the metadata changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from leakmine.tables.schemas import SCHEMAS, TableSchema, validate

DUCKDB_NAME = "leakmine.duckdb"
META_NAME = "_meta.json"
STAGING = ".staging"


def arrow_table(schema: TableSchema, df: pd.DataFrame) -> pa.Table:
    """A DataFrame as an Arrow table of exactly the schema's types, without pandas metadata."""
    table = pa.Table.from_pandas(df, schema=schema.arrow_schema, preserve_index=False)
    return table.replace_schema_metadata(None)


def parquet_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value, ensure_ascii=False)
        return ";".join(value)
    return value


def csv_bytes(schema: TableSchema, df: pd.DataFrame) -> bytes:
    """CSV with list columns `;`-joined and lists of objects as JSON."""
    flat = df.copy()
    for c in schema.columns:
        if c.kind.startswith("list"):
            flat[c.name] = pd.Series([_csv_cell(v) for v in df[c.name].tolist()], dtype="string",
                                     index=df.index)
    return flat.to_csv(index=False, lineterminator="\n").encode()


def _duckdb_file(path: Path, tables: dict[str, pa.Table]) -> None:
    import duckdb

    con = duckdb.connect(str(path))
    try:
        for name, table in tables.items():
            con.register("staged", table)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM staged')
            con.unregister("staged")
    finally:
        con.close()


def _stage(staging: Path, target: Path, data: bytes, staged: list[Path]) -> None:
    if target.exists() and target.read_bytes() == data:
        return
    tmp = staging / target.name
    tmp.write_bytes(data)
    staged.append(tmp)


def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path, meta: dict[str, Any]) -> dict[str, Any]:
    """Check every table against its schema, then write them all; return the `_meta.json` written.

    `meta` (versions, inputs, counts) gains a `tables` entry: rows and Parquet SHA-256 per table.
    Nothing is written when a table breaks its schema (`SchemaError`).
    """
    validate(frames)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = out_dir / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    staged: list[Path] = []
    tables = {name: arrow_table(schema, frames[name]) for name, schema in SCHEMAS.items()}
    summary = {}
    for name, schema in SCHEMAS.items():
        data = parquet_bytes(tables[name])
        summary[name] = {"rows": tables[name].num_rows, "sha256": hashlib.sha256(data).hexdigest()}
        _stage(staging, out_dir / f"{name}.parquet", data, staged)
        _stage(staging, out_dir / f"{name}.csv", csv_bytes(schema, frames[name]), staged)
    meta = {**meta, "tables": summary}
    meta_bytes = (json.dumps(meta, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()
    meta_path = out_dir / META_NAME
    db_path = out_dir / DUCKDB_NAME
    meta_changed = not (meta_path.exists() and meta_path.read_bytes() == meta_bytes)
    if meta_changed or not db_path.exists():
        _duckdb_file(staging / DUCKDB_NAME, tables)
        staged.append(staging / DUCKDB_NAME)
    _stage(staging, meta_path, meta_bytes, staged)
    for tmp in staged:  # _meta.json was staged last
        os.replace(tmp, out_dir / tmp.name)
    shutil.rmtree(staging)
    os.utime(meta_path)  # Make compares times: the run is done, even when nothing changed
    return meta

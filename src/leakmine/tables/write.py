"""Writing a generation of the tables: Parquet shards of bounded size, optional CSV, one DuckDB file,
published by the manifest (`tables/manifest.py`).

`GenerationWriter` takes rows paper by paper and flushes a table's shard once it holds `shard_bytes`
of data, so memory stays O(shard) whatever the corpus. Parquet and CSV bytes depend only on the data;
a generation's name is a hash of what went into it, so writing the same tables again is a no-op.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from leakmine.tables.manifest import (
    DUCKDB_NAME,
    FORMAT,
    GENERATIONS,
    META_NAME,
    SHARD_BYTES,
    generation_dir,
    point_current,
    read_manifest,
    sha256_file,
    write_json_atomic,
)
from leakmine.tables.schemas import SCHEMAS, TableSchema, validate

if TYPE_CHECKING:  # pandas only for in-memory frames and CSV, not for a batch's Parquet shards
    import pandas as pd


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


def csv_bytes(schema: TableSchema, df: pd.DataFrame, header: bool = True) -> bytes:
    """CSV with list columns `;`-joined and lists of objects as JSON."""
    import pandas as pd

    flat = df.copy()
    for c in schema.columns:
        if c.kind.startswith("list"):
            flat[c.name] = pd.Series([_csv_cell(v) for v in df[c.name].tolist()], dtype="string",
                                     index=df.index)
    return flat.to_csv(index=False, header=header, lineterminator="\n").encode()


def _file_entry(out_dir: Path, path: Path, data: bytes | None = None, rows: int | None = None) -> dict[str, Any]:
    entry = {"path": path.relative_to(out_dir).as_posix(), "bytes": path.stat().st_size,
             "sha256": hashlib.sha256(data).hexdigest() if data is not None else sha256_file(path)}
    return entry if rows is None else {**entry, "rows": rows}


class _Table:
    """One table of a generation being written: buffered Arrow data, its shards, its CSV file."""

    def __init__(self, out_dir: Path, folder: Path, schema: TableSchema, csv: bool, shard_bytes: int):
        self.out_dir, self.schema, self.shard_bytes = out_dir, schema, shard_bytes
        self.folder = folder / schema.name
        self.folder.mkdir(parents=True)
        self.buffer: list[pa.Table] = []
        self.buffered = 0
        self.shards: list[dict[str, Any]] = []
        self.csv_path = folder / f"{schema.name}.csv" if csv else None

    def add(self, table: pa.Table) -> None:
        self.buffer.append(table)
        self.buffered += table.nbytes
        if self.buffered >= self.shard_bytes:
            self.flush()

    def flush(self) -> None:
        if not self.buffer and self.shards:
            return
        table = pa.concat_tables(self.buffer) if self.buffer else self.schema.arrow_schema.empty_table()
        self.buffer, self.buffered = [], 0
        data = parquet_bytes(table)
        path = self.folder / f"part-{len(self.shards):05d}.parquet"
        path.write_bytes(data)
        self.shards.append(_file_entry(self.out_dir, path, data, table.num_rows))
        if self.csv_path:
            from leakmine.tables.load import to_frame

            with open(self.csv_path, "ab") as f:
                f.write(csv_bytes(self.schema, to_frame(self.schema, table), header=len(self.shards) == 1))

    def entry(self) -> dict[str, Any]:
        self.flush()
        entry = {"rows": sum(s["rows"] for s in self.shards), "shards": self.shards}
        if self.csv_path:
            entry["csv"] = _file_entry(self.out_dir, self.csv_path)
        return entry


class GenerationWriter:
    """A new generation `name` of the tables in `out_dir`: `add` rows, then `publish`."""

    def __init__(self, out_dir: Path, name: str, *, csv: bool = False, shard_bytes: int = SHARD_BYTES):
        self.out_dir, self.name = out_dir, name
        self.folder = generation_dir(out_dir, name)
        shutil.rmtree(self.folder, ignore_errors=True)  # the leftover of an interrupted write
        self.tables = {n: _Table(out_dir, self.folder, s, csv, shard_bytes) for n, s in SCHEMAS.items()}

    def add_rows(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        for name, table_rows in rows.items():
            if table_rows:
                self.add(name, pa.Table.from_pylist(table_rows, schema=SCHEMAS[name].arrow_schema))

    def add(self, name: str, table: pa.Table) -> None:
        self.tables[name].add(table)

    def publish(self, meta: dict[str, Any]) -> dict[str, Any]:
        """Flush every table, build the DuckDB file, write the manifest; return the manifest."""
        tables = {name: t.entry() for name, t in self.tables.items()}
        db = self.folder / DUCKDB_NAME
        _duckdb_file(db, self.out_dir, tables, self.name)
        manifest = {**meta, "format": FORMAT, "generation": self.name, "tables": tables,
                    "duckdb": _file_entry(self.out_dir, db)}
        write_json_atomic(self.out_dir / META_NAME, manifest)
        point_current(self.out_dir, self.name)
        remove_stale_generations(self.out_dir, keep=self.name)
        for name in SCHEMAS:  # the flat files of leakmines before generations
            for legacy in (self.out_dir / f"{name}.parquet", self.out_dir / f"{name}.csv"):
                legacy.unlink(missing_ok=True)
        return manifest


def _duckdb_file(path: Path, out_dir: Path, tables: dict[str, dict[str, Any]], generation: str) -> None:
    import duckdb

    con = duckdb.connect(str(path))
    try:
        for name, entry in tables.items():
            files = [str(out_dir / s["path"]) for s in entry["shards"]]
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM read_parquet(?)', [files])
        con.execute("CREATE TABLE _leakmine AS SELECT ? AS generation", [generation])
    finally:
        con.close()


def remove_stale_generations(out_dir: Path, keep: str) -> None:
    for folder in (out_dir / GENERATIONS).glob("*"):
        if folder.name != keep:
            shutil.rmtree(folder, ignore_errors=True)


def current_generation(out_dir: Path) -> str | None:
    try:
        return read_manifest(out_dir)["generation"]
    except (FileNotFoundError, ValueError):
        return None


def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path, meta: dict[str, Any], *,
                 csv: bool = True, shard_bytes: int = SHARD_BYTES) -> dict[str, Any]:
    """Check in-memory tables against their schemas and publish them as a generation of `out_dir`;
    return the manifest. Nothing is written when a table breaks its schema (`SchemaError`), and
    nothing is rewritten when the same tables and metadata are already published."""
    validate(frames)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = {name: arrow_table(schema, frames[name]) for name, schema in SCHEMAS.items()}
    h = hashlib.sha256(json.dumps([meta, csv, shard_bytes], sort_keys=True, default=str).encode())
    for name in SCHEMAS:
        h.update(parquet_bytes(tables[name]))
    name = h.hexdigest()[:16]
    if current_generation(out_dir) == name:
        return read_manifest(out_dir)
    writer = GenerationWriter(out_dir, name, csv=csv, shard_bytes=shard_bytes)
    for table_name, table in tables.items():
        writer.add(table_name, table)
    return writer.publish(meta)

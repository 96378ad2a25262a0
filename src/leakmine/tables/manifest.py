"""`_meta.json`, the manifest of an output folder: which generation of the tables is published, and
every shard of it with its rows, size and SHA-256.

A generation is a folder `.generations/NAME/` holding one Parquet dataset per table (`NAME/part-*.parquet`),
optional CSV files and `leakmine.duckdb`. Writing the manifest (temp file + rename) publishes it; the
symlink `tables` then points at it. Readers go through the manifest and refuse any file that does not
match it, so they never see a mixed or partial set of tables.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

META_NAME = "_meta.json"
SHARD_BYTES = 64 << 20  # Arrow data a shard holds at most (`--shard-mb`)
GENERATIONS = ".generations"
CURRENT = "tables"
DUCKDB_NAME = "leakmine.duckdb"
FORMAT = 1


class StoreError(ValueError):
    """An output folder whose files do not match its manifest (an interrupted or mixed write)."""


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_json_atomic(path: Path, data: Any) -> None:
    """`data` as JSON at `path`, via a temp file renamed over it (never half-written)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def read_manifest(out_dir: Path) -> dict[str, Any]:
    """The manifest of `out_dir`; FileNotFoundError without one, StoreError when unreadable or old."""
    path = out_dir / META_NAME
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as e:
        raise StoreError(f"{path}: unreadable manifest ({e}); rerun `leakmine run`") from e
    if not isinstance(meta, dict) or meta.get("format") != FORMAT or "generation" not in meta:
        raise StoreError(f"{path}: not a manifest this leakmine reads (written by another version?); "
                         "rerun `leakmine run`")
    return meta


def generation_dir(out_dir: Path, generation: str) -> Path:
    return out_dir / GENERATIONS / generation


def verify(out_dir: Path, meta: dict[str, Any]) -> None:
    """Raise StoreError unless every shard the manifest lists is there with its size (its contents are
    checked as they are read: `verified_shards`)."""
    for table, entry in meta["tables"].items():
        for shard in entry["shards"]:
            path = out_dir / shard["path"]
            if not path.is_file():
                _refuse(out_dir, table, shard, "is missing")
            if path.stat().st_size != shard["bytes"]:
                _refuse(out_dir, table, shard, "has another size")


def verified_shards(out_dir: Path, meta: dict[str, Any], table: str) -> Iterator[bytes]:
    """The bytes of each shard of `table`, read once and checked as `verify` checks them."""
    for shard in meta["tables"][table]["shards"]:
        try:
            data = (out_dir / shard["path"]).read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            _refuse(out_dir, table, shard, "is missing")
        if len(data) != shard["bytes"]:
            _refuse(out_dir, table, shard, "has another size")
        if hashlib.sha256(data).hexdigest() != shard["sha256"]:
            _refuse(out_dir, table, shard, "has other contents")
        yield data


def _refuse(out_dir: Path, table: str, shard: dict[str, Any], why: str) -> NoReturn:
    raise StoreError(f"{out_dir}: {table} shard {shard['path']} {why} than {META_NAME} says: "
                     "the tables are a mixed or partial set; rerun `leakmine run`")


def point_current(out_dir: Path, generation: str) -> None:
    """Swap the `tables` symlink (and create `leakmine.duckdb -> tables/leakmine.duckdb`) atomically."""
    target = Path(GENERATIONS) / generation
    link = out_dir / CURRENT
    if not (link.is_symlink() and Path(os.readlink(link)) == target):
        tmp = out_dir / f".{CURRENT}.tmp"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(target, target_is_directory=True)
        os.replace(tmp, link)
    db = out_dir / DUCKDB_NAME
    if not db.is_symlink():
        db.unlink(missing_ok=True)
        db.symlink_to(Path(CURRENT) / DUCKDB_NAME)

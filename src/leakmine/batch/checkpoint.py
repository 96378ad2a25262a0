"""Per-unit checkpoints in `OUT/.cache/`: a unit's result saved as soon as it is mined.

An entry is the SHA-256 of the rest on a line, a JSON header on a line (format, key, error, the
identifiers of its papers, the byte length of each table's part), then the rows of each table that
has any as an Arrow IPC stream of the table's schema: the worker that mined the unit converts them,
so publishing only concatenates. JSON and Arrow, not pickle: reading an entry never runs code. An
entry that is truncated, altered or of another format reads as absent, and its unit is mined again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

FORMAT = 2
SUFFIX = ".entry"


class Checkpoints:
    """The entries of one output folder; a header read whole and checked (or written) in this run is
    kept, so the run reads an unchanged entry twice (its header, then its tables), not once per ask."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._headers: dict[str, dict[str, Any]] = {}
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def save(self, key: str, header: dict[str, Any], tables: dict[str, list[dict[str, Any]]] | None = None) -> None:
        """Write the entry of a unit: its header and the rows of each table (checked already)."""
        self.write(key, *encode(key, header, tables))

    def write(self, key: str, entry: bytes, header: dict[str, Any]) -> None:
        """Write an entry `encode` made (here or on a worker elsewhere), with its header as saved."""
        path = self.path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(entry)
        os.replace(tmp, path)
        self._headers[key] = header

    def remember(self, key: str, header: dict[str, Any]) -> None:
        """Keep the header of an entry a worker of this run saved (`save` keeps its own)."""
        self._headers[key] = header

    def _read(self, key: str) -> tuple[bytes, bytes] | None:
        try:
            raw = self.path(key).read_bytes()
        except OSError:
            return None
        digest, _, data = raw.partition(b"\n")
        if hashlib.sha256(data).hexdigest().encode() != digest:
            return None
        head, _, body = data.partition(b"\n")
        return head, body

    def header(self, key: str) -> dict[str, Any] | None:
        """The entry's header, or None when it is absent or unusable."""
        if key in self._headers:
            return self._headers[key]
        parts = self._read(key)
        if parts is None:
            return None
        try:
            head = json.loads(parts[0])
        except ValueError:
            return None
        if not (isinstance(head, dict) and head.get("format") == FORMAT and head.get("key") == key):
            return None
        self._headers[key] = head
        return head

    def tables(self, key: str) -> dict[str, pa.Table]:
        """The entry's tables that have rows (an entry whose header read well)."""
        import pyarrow as pa

        parts = self._read(key)
        if parts is None:
            raise OSError(f"checkpoint {key} changed during the run")
        body, start, out = pa.py_buffer(parts[1]), 0, {}
        for name, size in json.loads(parts[0])["table_bytes"]:
            out[name] = pa.ipc.open_stream(body[start:start + size]).read_all()
            start += size
        return out

    def remove_except(self, keep: set[str]) -> None:
        """Delete entries no longer in the plan, half-written ones of killed runs, and the JSON entries
        and pickles older leakmines left."""
        for p in [*self.folder.glob(f"*{SUFFIX}"), *self.folder.glob("*.json"), *self.folder.glob("*.pickle"),
                  *self.folder.glob(".*.tmp")]:
            if p.stem not in keep:
                p.unlink(missing_ok=True)


def encode(key: str, header: dict[str, Any], tables: dict[str, list[dict[str, Any]]] | None = None,
           ) -> tuple[bytes, dict[str, Any]]:
    """The bytes of a unit's entry and its header as saved (pure: a worker of a cluster, which may not
    see the output folder, makes them for `Checkpoints.write`)."""
    parts = [(name, _ipc(name, rows)) for name, rows in (tables or {}).items() if rows]
    entry = {**header, "format": FORMAT, "key": key, "table_bytes": [[n, len(b)] for n, b in parts]}
    head = json.dumps(entry, sort_keys=True, ensure_ascii=False)
    data = b"".join([head.encode(), b"\n", *(b for _, b in parts)])
    return hashlib.sha256(data).hexdigest().encode() + b"\n" + data, json.loads(head)


def _ipc(name: str, rows: list[dict[str, Any]]) -> bytes:
    """Rows of a table as an Arrow IPC stream of its schema."""
    import pyarrow as pa

    from leakmine.tables.schemas import SCHEMAS

    table = pa.Table.from_pylist(rows, schema=SCHEMAS[name].arrow_schema)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()

"""Per-unit checkpoints in `OUT/.cache/`: a unit's result saved as soon as it is mined.

An entry is three lines: the SHA-256 of the two others, a JSON header (format, key, error, the
identifiers of its papers) and the JSON rows of every table. JSON, not pickle: reading an entry
never runs code. An entry that is truncated, altered or of another format reads as absent, and its
unit is mined again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

FORMAT = 1
SUFFIX = ".json"


class Checkpoints:
    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def save(self, key: str, header: dict[str, Any], tables: dict[str, Any] | None = None) -> None:
        head = json.dumps({**header, "format": FORMAT, "key": key}, sort_keys=True, ensure_ascii=False)
        body = json.dumps(tables or {}, ensure_ascii=False)
        data = f"{head}\n{body}".encode()
        path = self.path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
        os.replace(tmp, path)

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
        parts = self._read(key)
        if parts is None:
            return None
        try:
            head = json.loads(parts[0])
        except ValueError:
            return None
        ok = isinstance(head, dict) and head.get("format") == FORMAT and head.get("key") == key
        return head if ok else None

    def tables(self, key: str) -> dict[str, list[dict[str, Any]]]:
        """The entry's rows (an entry whose header read well)."""
        parts = self._read(key)
        if parts is None:
            raise OSError(f"checkpoint {key} changed during the run")
        return json.loads(parts[1])

    def remove_except(self, keep: set[str]) -> None:
        """Delete entries no longer in the plan, half-written ones of killed runs, and the pickles
        older leakmines left."""
        for p in [*self.folder.glob(f"*{SUFFIX}"), *self.folder.glob("*.pickle"), *self.folder.glob(".*.tmp")]:
            if p.stem not in keep:
                p.unlink(missing_ok=True)

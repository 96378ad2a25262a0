"""Checkpoint keys: what a paper's result depends on (its bytes, leakmine's version and code, the
versions of the libraries that shape it), and input digests remembered by file size and time."""

from __future__ import annotations

import hashlib
import json
import platform
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from leakmine import __version__
from leakmine.tables.manifest import sha256_file, write_json_atomic

CODE_SUFFIXES = (".py", ".json", ".jsonl", ".txt", ".cfg")
VERSIONED = ("spacy", "scispacy", "medspacy", "pdfplumber", "pypdfium2", "pdfminer.six", "numpy")
# Code that only presents, stores or schedules results: changing it does not change what a paper yields
# (tables/build.py, records.py and schemas.py do: a checkpoint holds a paper's table rows).
PRESENTATION = frozenset({"report", "export", "batch", "views.py", "cli.py", "build_model.py", "__main__.py",
                          "progress.py", "tables/write.py", "tables/load.py", "tables/manifest.py",
                          "tables/questions.py", "tables/corrections.py", "tables/agreement.py"})
PACKAGE = Path(__file__).resolve().parents[1]


@cache
def code_hash() -> str:
    """A hash of the code, rules and pipeline config that shape a paper's results."""
    h = hashlib.sha256()
    for p in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in CODE_SUFFIXES
                    and p.relative_to(PACKAGE).parts[0] not in PRESENTATION
                    and p.relative_to(PACKAGE).as_posix() not in PRESENTATION):
        h.update(p.relative_to(PACKAGE).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


@cache
def versions() -> dict[str, str]:
    """Python's version and those of the libraries in `VERSIONED`."""
    out = {"python": platform.python_version()}
    for name in VERSIONED:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "absent"
    return out


def run_key(screen: bool = False) -> str:
    """What every checkpoint key of this installation (and screen setting) shares."""
    state = {"leakmine": __version__, "code": code_hash(), "versions": versions(), "screen": screen}
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:16]


def unit_key(run: str, digest: str, part: str = "") -> str:
    return hashlib.sha256(f"{run}:{digest}:{part}".encode()).hexdigest()[:24]


class Digests:
    """SHA-256 of input files, reread only when a file's size, time or inode changed since it was
    last hashed (the table is kept in `path` between runs)."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.known: dict[str, list] = json.loads(path.read_text())
        except (OSError, ValueError):
            self.known = {}
        self.used: dict[str, list] = {}

    def of(self, file: Path) -> str:
        """The file's digest; OSError when it cannot be read."""
        st = file.stat()
        stamp = [st.st_size, st.st_mtime_ns, st.st_ino]
        name = str(file)
        old = self.known.get(name)
        if not (isinstance(old, list) and old[:3] == stamp):
            old = [*stamp, sha256_file(file)]
        self.used[name] = old
        return old[3]

    def save(self) -> None:
        if self.used != self.known:
            write_json_atomic(self.path, self.used)

"""Which files of a raw folder are papers, which are skipped, and which cannot be read.

The rule, as the README states it: a file is a paper when its name ends in one of `PAPER_SUFFIXES`
(optionally followed by `.gz`) and its name does not start with a note stem (README, SOURCES,
LICENSE...). Hidden files and folders (starting with ".") are ignored. Everything else is listed as
skipped. The output folder is never read, even inside the raw folder. Links are followed; a dangling
link, a link loop, an unreadable folder or a path that is not a regular file becomes an error row.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from leakmine.tables.records import ErrorRow

PAPER_SUFFIXES = (".pdf", ".txt", ".text", ".xml", ".nxml", ".html", ".htm", ".ris")
NOTE_STEMS = ("readme", "sources", "license", "licence", "changelog", "notes", "manifest")


@dataclass
class Inputs:
    """A raw folder's papers (in a fixed order), the error rows of what cannot be read, and what
    is skipped by rule (relative path -> reason)."""

    papers: list[Path] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)


def skip_reason(name: str) -> str | None:
    """Why a file of this name is not read as a paper, or None when it is."""
    lower = name.lower()
    base = lower.removesuffix(".gz")
    if not base.endswith(PAPER_SUFFIXES):
        return f"not a paper by its name (papers end in {', '.join(PAPER_SUFFIXES)}, or these + .gz)"
    if base.split(".", 1)[0].split("-", 1)[0].split("_", 1)[0] in NOTE_STEMS:
        return "a note about the folder, not a paper"
    return None


def scan(raw_dir: Path, out_dir: Path | None = None) -> Inputs:
    """Walk `raw_dir` (following links, once per real folder), never entering `out_dir`."""
    found = Inputs()
    excluded = {_identity(out_dir)} if out_dir is not None and out_dir.exists() else set()
    seen_dirs: set[tuple[int, int]] = set()

    def error(path: Path, reason: str) -> None:
        found.errors.append(ErrorRow(source_path=str(path), stage="input", reason=reason))

    def walk(folder: Path) -> None:
        ident = _identity(folder)
        if ident in excluded:
            return
        if ident in seen_dirs:
            error(folder, "link loop: this folder was already read through another path")
            return
        seen_dirs.add(ident)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            error(folder, f"unreadable folder ({e.strerror or e})")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                st = path.stat()
            except OSError as e:
                if e.errno == errno.ELOOP:
                    error(path, "symlink loop")
                elif entry.is_symlink() and e.errno == errno.ENOENT:
                    error(path, f"dangling link (to {os.readlink(path)})")
                else:
                    error(path, f"cannot read ({e.strerror or e})")
                continue
            if stat.S_ISDIR(st.st_mode):
                walk(path)
            elif (why := skip_reason(entry.name)) is not None:
                found.skipped[path.relative_to(raw_dir).as_posix()] = why
            elif not stat.S_ISREG(st.st_mode):
                error(path, "not a regular file (a pipe, socket or device)")
            else:
                found.papers.append(path)

    walk(raw_dir)
    return found


def _identity(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino

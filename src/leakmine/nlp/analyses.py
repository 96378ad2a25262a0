"""What the pattern analyses of this process have read (nlp/factors.py, nlp/starts.py), saved beside a
built pipeline and read back.

An analysis parses a rule's pattern with the standard library's parser: for the rules of the
pipeline, about a tenth of a CPU second at every start of leakmine (a `leakmine extract`, each worker
of a cluster). A process takes them from the `analyses.json` of the pipeline it loads, and of the one
in models/ (or `LEAKMINE_MODEL`) when it first reads a pattern (ingest reads rules before any pipeline
is loaded). So does the check each rule's pattern passed when the pipeline was built (nlp/rules.py: it
compiles and matches no empty string; its named groups), and the code the pattern compiles to
(nlp/compiled.py), so a rule is compiled only when a paper first tries it, from its saved code. Values
are kept as JSON, by analysis and by pattern with its flags; a file written by other analysis or
checking code (its source files' hash differs), or under another Python (another version, regex parser
or compiler, engine or byte order: its parser may read a pattern otherwise, its engine run other
code), is passed over.
"""

from __future__ import annotations

import _sre
import hashlib
import json
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from re import _compiler as sre_compiler  # the standard library's own regex compiler
from re import _parser as sre_parser
from typing import Any, Protocol, TypeVar

from leakmine.heap import collector_paused

FILE = "analyses.json"
_SOURCES = ("factors.py", "starts.py", "analyses.py", "rules.py", "compiled.py")
T = TypeVar("T")

_known: dict[str, dict[str, Any]] = {}  # what this process read or computed: what `save` writes
_saved: dict[str, dict[str, Any]] | None = None  # read back from built pipelines; None: not yet
_read: set[Path] = set()  # the pipelines whose analyses were read back


class Source(Protocol):
    """What an analysis reads of a regex: a compiled `re.Pattern`, or a rule's pattern not compiled yet."""

    @property
    def pattern(self) -> str: ...

    @property
    def flags(self) -> int: ...


def remembered(kind: str, regex: Source, compute: Callable[[], T],
               encode: Callable[[T], Any], decode: Callable[[Any], T]) -> T:
    """The analysis `kind` of `regex`: read back when known, else computed and kept (as `encode` gives).
    `compute` may raise; nothing is kept then."""
    table = _known.setdefault(kind, {})
    key = f"{int(regex.flags)} {regex.pattern}"
    if key not in table:
        saved = _saved_tables().get(kind, {})
        if key not in saved:
            value = compute()
            table[key] = encode(value)
            return value
        table[key] = saved[key]
    return decode(table[key])


def _saved_tables() -> dict[str, dict[str, Any]]:
    """The analyses read back so far; on first use, those of the pipeline in `models/` (or
    `LEAKMINE_MODEL`)."""
    if _saved is None:
        from leakmine.nlp import default_model_dir

        load(default_model_dir())
    return _saved or {}


def forget_saved() -> None:
    """Read back no saved analysis: a build computes each one afresh, and checks and compiles every
    pattern."""
    global _saved
    _saved = {}
    _read.clear()


@cache
def _code() -> str:
    """The hash of the code that reads and compiles patterns: leakmine's, the standard library's regex
    parser and compiler, and the regex engine's version and code words."""
    here = Path(__file__).parent
    h = hashlib.sha256(repr((sys.version_info[:3], sys.byteorder, _sre.MAGIC, _sre.CODESIZE)).encode())
    for path in [*(here / name for name in _SOURCES), Path(sre_parser.__file__), Path(sre_compiler.__file__)]:
        h.update(path.read_bytes())
    return h.hexdigest()


def save(model_dir: Path) -> None:
    """Write what this process has read or computed into `model_dir` (atomically): of the analyses read
    back, only those it used, so patterns no rule has any more are not carried on."""
    tmp = model_dir / f".{FILE}.{os.getpid()}"
    tmp.write_text(json.dumps({"code": _code(), "analyses": _known}, sort_keys=True), encoding="utf-8")
    os.replace(tmp, model_dir / FILE)


def load(model_dir: Path) -> bool:
    """Take the analyses saved in `model_dir` (read once per process), unless there are none or other
    code wrote them."""
    global _saved
    if _saved is None:
        _saved = {}
    if model_dir.resolve() in _read:
        return True
    try:
        with collector_paused():
            saved = json.loads((model_dir / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(saved, dict) or saved.get("code") != _code() or not isinstance(saved.get("analyses"), dict):
        return False
    for kind, table in saved["analyses"].items():
        _saved.setdefault(kind, {}).update(table)
    _read.add(model_dir.resolve())
    return True

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
checking code (its source files' hash differs), or under another Python or regex engine (whose parser
may read a pattern otherwise, or whose engine runs other code), is passed over.
"""

from __future__ import annotations

import _sre
import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from leakmine.heap import kept_for_life

FILE = "analyses.json"
_SOURCES = ("factors.py", "starts.py", "analyses.py", "rules.py", "compiled.py")
T = TypeVar("T")

_known: dict[str, dict[str, Any]] = {}  # what this process read or computed: what `save` writes
_saved: dict[str, dict[str, Any]] | None = None  # read back from built pipelines; None: not yet


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
    global _saved
    if _saved is None:
        from leakmine.nlp import default_model_dir

        _saved = {}
        load(default_model_dir())
    return _saved


def forget_saved() -> None:
    """Read back no saved analysis: a build computes each one afresh, and checks and compiles every
    pattern."""
    global _saved
    _saved = {}


def _code() -> str:
    here = Path(__file__).parent
    h = hashlib.sha256(repr((sys.version_info[:2], _sre.MAGIC)).encode())
    for name in _SOURCES:
        h.update((here / name).read_bytes())
    return h.hexdigest()


def save(model_dir: Path) -> None:
    """Write what this process has read or computed into `model_dir` (atomically): of the analyses read
    back, only those it used, so patterns no rule has any more are not carried on."""
    tmp = model_dir / f".{FILE}.{os.getpid()}"
    tmp.write_text(json.dumps({"code": _code(), "analyses": _known}, sort_keys=True), encoding="utf-8")
    os.replace(tmp, model_dir / FILE)


def load(model_dir: Path) -> bool:
    """Take the analyses saved in `model_dir`, unless there are none or other code wrote them."""
    tables = _saved_tables()
    try:
        with kept_for_life():
            saved = json.loads((model_dir / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(saved, dict) or saved.get("code") != _code() or not isinstance(saved.get("analyses"), dict):
        return False
    for kind, table in saved["analyses"].items():
        tables.setdefault(kind, {}).update(table)
    return True

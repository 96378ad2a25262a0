"""What the pattern analyses of this process have read (nlp/factors.py, nlp/starts.py), saved beside a
built pipeline and read back when it is loaded.

An analysis parses a rule's pattern with the standard library's parser: for the rules of the
pipeline, about a tenth of a CPU second at every start of leakmine (a `leakmine extract`, each worker
of a cluster). A loaded pipeline takes them from `analyses.json` instead. So does the check each
rule's pattern passed when the pipeline was built (nlp/rules.py: it compiles and matches no empty
string; its named groups), so a loaded pipeline compiles a rule only when a paper first tries it:
compiling all of them cost about 0.2 CPU-s of each cold start. Values are kept as JSON, by analysis
and by pattern with its flags; a file written by other analysis or checking code (its source files'
hash differs) or under another Python (whose regex parser may read a pattern otherwise) is passed over.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

FILE = "analyses.json"
_SOURCES = ("factors.py", "starts.py", "analyses.py", "rules.py")
T = TypeVar("T")

_known: dict[str, dict[str, Any]] = {}


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
    if key in table:
        return decode(table[key])
    value = compute()
    table[key] = encode(value)
    return value


def _code() -> str:
    here = Path(__file__).parent
    h = hashlib.sha256(repr(sys.version_info[:2]).encode())
    for name in _SOURCES:
        h.update((here / name).read_bytes())
    return h.hexdigest()


def save(model_dir: Path) -> None:
    """Write what this process has read into `model_dir` (atomically)."""
    tmp = model_dir / f".{FILE}.{os.getpid()}"
    tmp.write_text(json.dumps({"code": _code(), "analyses": _known}, sort_keys=True), encoding="utf-8")
    os.replace(tmp, model_dir / FILE)


def load(model_dir: Path) -> bool:
    """Take the analyses saved in `model_dir`, unless there are none or other code wrote them."""
    try:
        saved = json.loads((model_dir / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(saved, dict) or saved.get("code") != _code() or not isinstance(saved.get("analyses"), dict):
        return False
    for kind, table in saved["analyses"].items():
        _known.setdefault(kind, {}).update(table)
    return True

"""The batch job: every paper in a folder -> tables, redoing only papers whose input or code changed."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rich.progress import Progress

from leakmine import __version__
from leakmine.errors import LeakmineError
from leakmine.nlp import source_files
from leakmine.pipeline import PaperResult, process_file
from leakmine.tables import ErrorRow, write_tables

log = logging.getLogger(__name__)
CACHE_DIR = ".cache"


@dataclass
class RunSummary:
    files: int = 0
    papers: int = 0
    reused: int = 0
    errors: list[ErrorRow] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.files} files, {self.papers} papers ({self.reused} files unchanged), "
                f"{len(self.errors)} errors")


def code_hash() -> str:
    """A hash of leakmine's own code and rules: a change anywhere invalidates cached papers."""
    h = hashlib.sha256(__version__.encode())
    pkg = Path(__file__).resolve().parent
    for p in sorted({*source_files(), *pkg.rglob("*.py")}):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def input_files(raw_dir: Path) -> list[Path]:
    return sorted(p for p in raw_dir.rglob("*") if p.is_file() and not p.name.startswith("."))


def _process(path: Path) -> list[PaperResult] | ErrorRow:
    try:
        return process_file(path)
    except LeakmineError as e:
        return ErrorRow(source_path=str(path), stage=e.stage, reason=e.reason)
    except Exception as e:  # noqa: BLE001 - one bad paper must not stop the batch
        log.exception("unexpected failure on %s", path)
        return ErrorRow(source_path=str(path), stage="internal", reason=f"{type(e).__name__}: {e}")


def run_batch(raw_dir: Path, out_dir: Path, workers: int = 1) -> RunSummary:
    """Process every file in `raw_dir`; write all tables to `out_dir` atomically."""
    files = input_files(raw_dir)
    cache = out_dir / CACHE_DIR
    cache.mkdir(parents=True, exist_ok=True)
    code = code_hash()
    keys = {p: hashlib.sha256(p.read_bytes() + code.encode()).hexdigest()[:24] for p in files}
    outcome: dict[Path, list[PaperResult] | ErrorRow] = {}
    todo = []
    for p in files:
        cached = cache / f"{keys[p]}.pickle"
        if cached.exists():
            outcome[p] = pickle.loads(cached.read_bytes())
        else:
            todo.append(p)
    summary = RunSummary(files=len(files), reused=len(files) - len(todo))
    if todo:
        with Progress(transient=True) as progress:
            task = progress.add_task("mining papers", total=len(todo))
            if workers > 1:
                with ProcessPoolExecutor(workers) as pool:
                    done = pool.map(_process, todo)
                    for p, res in zip(todo, done, strict=True):
                        outcome[p] = res
                        progress.advance(task)
            else:
                for p in todo:
                    outcome[p] = _process(p)
                    progress.advance(task)
        for p in todo:
            tmp = cache / f".{keys[p]}.tmp"
            tmp.write_bytes(pickle.dumps(outcome[p]))
            os.replace(tmp, cache / f"{keys[p]}.pickle")
    results: list[PaperResult] = []
    for p in files:
        res = outcome[p]
        if isinstance(res, ErrorRow):
            summary.errors.append(res)
        else:
            results.extend(res)
    summary.papers = len(results)
    meta = {
        "leakmine_version": __version__, "code_hash": code,
        "inputs": {str(p.relative_to(raw_dir)): keys[p] for p in files},
        "counts": {"files": len(files), "papers": len(results), "errors": len(summary.errors)},
    }
    write_tables(results, summary.errors, out_dir, meta)
    for stale in cache.glob("*.pickle"):
        if stale.stem not in keys.values():
            stale.unlink()
    return summary

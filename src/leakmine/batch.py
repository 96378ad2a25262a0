"""The batch job: every paper in a folder -> tables, redoing only papers whose input or code changed.

Each file's result (its papers, or the reason it could not be read) is cached under
`OUT/.cache/`, keyed by the file's bytes and a hash of leakmine's code and rules.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import platform
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from leakmine import __version__
from leakmine.errors import LeakmineError
from leakmine.nlp import CONFIG_PATH, load_pipeline
from leakmine.pipeline import PaperResult, process_file
from leakmine.progress import progress
from leakmine.tables import ErrorRow, write_tables
from leakmine.tables.build import build_frames
from leakmine.tables.corrections import apply_corrections, read_corrections, review_warnings

log = logging.getLogger(__name__)
CACHE_DIR = ".cache"
CODE_SUFFIXES = (".py", ".json", ".jsonl", ".txt", ".cfg")
VERSIONED = ("spacy", "scispacy", "medspacy", "pdfplumber", "pypdfium2", "pandas", "pyarrow", "duckdb")

Outcome = list[PaperResult] | ErrorRow


@dataclass
class RunSummary:
    """What one run did: `processed` files were mined afresh, `reused` came from the cache."""

    files: int = 0
    processed: int = 0
    reused: int = 0
    papers: int = 0
    duplicates: int = 0
    errors: list[ErrorRow] = field(default_factory=list)
    corrections: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        dup = f", {self.duplicates} duplicate papers skipped" if self.duplicates else ""
        fixes = (", corrections: " + ", ".join(f"{n} {status}" for status, n in self.corrections.items())
                 if self.corrections else "")
        return (f"{self.files} files ({self.processed} processed, {self.reused} unchanged): "
                f"{self.papers} papers{dup}, {len(self.errors)} errors{fixes}")


# Code that only presents or stores results: changing it does not change what a paper yields.
PRESENTATION = frozenset({"report", "tables", "views.py", "cli.py", "batch.py", "build_model.py", "__main__.py"})


def code_hash() -> str:
    """A hash of the code, rules and pipeline config that shape a paper's results: a change there
    invalidates cached papers."""
    h = hashlib.sha256(__version__.encode())
    pkg = Path(__file__).resolve().parent
    for p in sorted(p for p in pkg.rglob("*") if p.is_file() and p.suffix in CODE_SUFFIXES
                    and p.relative_to(pkg).parts[0] not in PRESENTATION):
        h.update(p.relative_to(pkg).as_posix().encode())
        h.update(p.read_bytes())
    h.update(CONFIG_PATH.read_bytes())
    return h.hexdigest()[:16]


def input_files(raw_dir: Path) -> list[Path]:
    """Every file under `raw_dir` except hidden ones, in a fixed order."""
    return sorted(p for p in raw_dir.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(raw_dir).parts))


def _init_worker() -> None:
    load_pipeline()  # once per worker process


def _process(path: Path) -> Outcome:
    try:
        return process_file(path)
    except LeakmineError as e:
        return ErrorRow(source_path=str(path), stage=e.stage, reason=e.reason)
    except Exception as e:  # noqa: BLE001 - one bad paper must not stop the batch
        log.exception("unexpected failure on %s", path)
        return ErrorRow(source_path=str(path), stage="internal", reason=f"{type(e).__name__}: {e}")


def _mine(todo: list[Path], workers: int) -> dict[Path, Outcome]:
    """Process files with a progress bar, in `workers` processes when more than one."""
    outcome: dict[Path, Outcome] = {}
    with progress("mining papers", len(todo)) as advance:
        if workers > 1 and len(todo) > 1:
            with ProcessPoolExecutor(min(workers, len(todo)), initializer=_init_worker) as pool:
                futures = {pool.submit(_process, p): p for p in todo}
                for f in as_completed(futures):
                    outcome[futures[f]] = f.result()
                    _log_outcome(futures[f], outcome[futures[f]])
                    advance()
        else:
            for p in todo:
                outcome[p] = _process(p)
                _log_outcome(p, outcome[p])
                advance()
    return outcome


def _log_outcome(path: Path, res: Outcome) -> None:
    if isinstance(res, ErrorRow):
        log.debug("%s: %s error: %s", path, res.stage, res.reason)
    else:
        log.debug("%s: %d papers, %d mentions, %d patients", path, len(res), sum(len(r.mentions) for r in res),
                  sum(len(r.paper_json.get("patients", [])) for r in res))


def _write_cache(path: Path, outcome: Outcome) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(pickle.dumps(outcome))
    os.replace(tmp, path)


def run_batch(raw_dir: Path, out_dir: Path, workers: int = 1, corrections: Path | None = None) -> RunSummary:
    """Process every file in `raw_dir`; apply the reviewer's `corrections` file if given; write all
    tables to `out_dir` atomically."""
    fixes = read_corrections(corrections) if corrections else []
    files = input_files(raw_dir)
    cache = out_dir / CACHE_DIR
    cache.mkdir(parents=True, exist_ok=True)
    code = code_hash()
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    keys = {p: hashlib.sha256(f"{digests[p]}:{code}".encode()).hexdigest()[:24] for p in files}
    outcome: dict[Path, Outcome] = {}
    for p in files:
        cached = cache / f"{keys[p]}.pickle"
        if cached.exists():
            outcome[p] = pickle.loads(cached.read_bytes())
    todo = [p for p in files if p not in outcome]
    log.info("%s: %d files, %d unchanged since the last run, %d to mine with %d workers",
             raw_dir, len(files), len(files) - len(todo), len(todo), workers)
    fresh = _mine(todo, workers) if todo else {}
    for p in todo:
        _write_cache(cache / f"{keys[p]}.pickle", fresh[p])
    outcome.update(fresh)
    for stale in cache.glob("*.pickle"):
        if stale.stem not in keys.values():
            stale.unlink()

    summary = RunSummary(files=len(files), processed=len(todo), reused=len(files) - len(todo))
    results: list[PaperResult] = []
    seen: dict[str, str] = {}
    for p in files:
        res = outcome[p]
        if isinstance(res, ErrorRow):
            summary.errors.append(ErrorRow(str(p), res.stage, res.reason))
            continue
        for r in res:
            r.document.source_path = str(p)  # as named in this run, whatever the cached run called it
            first = seen.get(r.document.paper_id)
            if first:
                log.warning("%s repeats the paper in %s; kept once", p, first)
                summary.duplicates += 1
                continue
            seen[r.document.paper_id] = str(p)
            results.append(r)
    summary.papers = len(results)
    meta = {
        "leakmine_version": __version__, "code_hash": code,
        "versions": {"python": platform.python_version(), **{m: version(m) for m in VERSIONED}},
        "inputs": {p.relative_to(raw_dir).as_posix(): digests[p] for p in files},
        "counts": {"files": len(files), "papers": len(results), "duplicates": summary.duplicates,
                   "errors": len(summary.errors)},
    }
    frames = apply_corrections(build_frames(results, summary.errors), fixes)
    summary.corrections = frames["reviews"].status.value_counts().to_dict()
    summary.warnings = review_warnings(frames["reviews"], corrections)
    if corrections:
        log.info("%s: %d corrections applied to the tables", corrections, len(fixes))
    write_tables(frames, out_dir, meta)
    log.info("%s: %s", out_dir, ", ".join(f"{name} {len(df)} rows" for name, df in frames.items()))
    return summary

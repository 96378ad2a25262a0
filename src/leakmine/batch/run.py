"""The batch job as a transaction: every paper of a raw folder -> a new generation of the tables.

1. Plan: list the inputs (`inputs.scan`), key each file by its bytes and this installation
   (`keys`); a large PubMed file is cut into units of `batch_size` citations, streamed.
2. Mine the units without a checkpoint, with the local engine or Dask; each result is checkpointed
   as soon as it is mined (by the local engine's worker itself), so a killed run keeps what it mined.
3. Publish: duplicates resolved, the rows of every unit streamed into Parquet shards, the manifest
   written last. When the plan is the one already published, nothing is read or written.

One run at a time per output folder (a file lock).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leakmine import __version__
from leakmine.batch.inputs import scan
from leakmine.batch.keys import Digests, code_hash, run_key, unit_key, versions
from leakmine.tables.manifest import SHARD_BYTES
from leakmine.tables.records import ErrorRow

log = logging.getLogger(__name__)
CACHE_DIR = ".cache"
DIGESTS = ".digests.json"
LOCK = ".lock"
STORE_FORMAT = 1
# Which copy of an article is tabled when several files hold it: the richest format first.
FORMAT_RANK = {"jats": 0, "pdf": 1, "html": 2, "text": 2, "pubmed": 3}


class RunLocked(RuntimeError):
    """Another `leakmine run` holds the output folder."""


@dataclass(frozen=True)
class Options:
    """How to run: engine ("local" or "dask"), worker count, Dask scheduler address, per-paper
    limits (seconds, MB of address space per worker; 0 for none), CSV files, shard size, the
    number of citations per unit of a streamed PubMed file, a reviewer's corrections file, and
    whether the relevance screen (leakmine.screen) passes by papers that name nothing of the field."""

    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    time_limit: float = 300.0
    memory_limit: int = 4096
    csv: bool = False
    shard_bytes: int = SHARD_BYTES
    batch_size: int = 200
    corrections: Path | None = None
    screen: bool = False


@dataclass
class RunSummary:
    """What one run did: `processed` files were mined afresh (in part or whole), `reused` were not."""

    files: int = 0
    processed: int = 0
    reused: int = 0
    papers: int = 0
    screened_out: int = 0
    duplicates: int = 0
    errors: list[ErrorRow] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    corrections: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        dup = f", {self.duplicates} duplicate papers skipped" if self.duplicates else ""
        fixes = (", corrections: " + ", ".join(f"{n} {status}" for status, n in self.corrections.items())
                 if self.corrections else "")
        skip = f"; {len(self.skipped)} files skipped (not papers)" if self.skipped else ""
        screened = f" ({self.screened_out} screened out)" if self.screened_out else ""
        return (f"{self.files} files ({self.processed} processed, {self.reused} unchanged): "
                f"{self.papers} papers{screened}{dup}, {len(self.errors)} errors{fixes}{skip}")


@dataclass
class _File:
    """One input of the plan: its unit keys, once known (a streamed file's only after streaming)."""

    path: Path
    digest: str
    key: str
    units: list[str] | None
    streamed: bool = False
    mined: bool = False


def run_batch(raw_dir: Path, out_dir: Path, options: Options = Options()) -> RunSummary:
    """Mine every paper in `raw_dir` into a published generation of the tables in `out_dir`."""
    from filelock import FileLock, Timeout

    out_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(out_dir / LOCK)
    try:
        lock.acquire(timeout=0)
    except Timeout as e:
        raise RunLocked(f"{out_dir} is being written by another `leakmine run`; wait for it to finish "
                        "or give another output folder") from e
    try:
        return _run(raw_dir, out_dir, options)
    finally:
        lock.release()


def _run(raw_dir: Path, out_dir: Path, options: Options) -> RunSummary:
    from leakmine.batch.checkpoint import Checkpoints

    found = scan(raw_dir, out_dir)
    input_errors = list(found.errors)
    digests = Digests(out_dir / DIGESTS)
    ckpt = Checkpoints(out_dir / CACHE_DIR)
    run = run_key(options.screen)
    plan: list[_File] = []
    for path in found.papers:
        try:
            digest = digests.of(path)
        except OSError as e:
            input_errors.append(ErrorRow(str(path), "input", f"cannot read ({e.strerror or e})"))
            continue
        key = unit_key(run, digest)
        units, streamed = _known_units(ckpt, run, key, digest)
        plan.append(_File(path, digest, key, units, streamed))
    input_errors.sort(key=lambda e: e.source_path)
    summary = RunSummary(files=len(plan) + len(input_errors), skipped=found.skipped)
    fixes = _corrections_digest(options.corrections)
    generation = _generation(plan, input_errors, options, fixes)
    published = _published(out_dir, generation)
    if published is not None:
        digests.save()
        summary.reused = len(plan)
        summary.papers = published["counts"]["papers"]
        summary.screened_out = published["counts"]["screened_out"]
        summary.duplicates = published["counts"]["duplicates"]
        summary.errors = [ErrorRow(**e) for e in published["errors"]]
        summary.corrections = published["corrections"]["counts"]
        summary.warnings = published["corrections"]["warnings"]
        return summary

    _mine(plan, ckpt, run, options)
    summary.processed = sum(f.mined for f in plan)
    summary.reused = len(plan) - summary.processed
    generation = _generation(plan, input_errors, options, fixes)
    meta = _publish(plan, ckpt, input_errors, out_dir, generation, options, raw_dir, summary)
    ckpt.remove_except({k for f in plan for k in f.units or []} | {_marker(f.key) for f in plan if f.streamed})
    digests.save()
    summary.papers = meta["counts"]["papers"]
    summary.screened_out = meta["counts"]["screened_out"]
    return summary


def _marker(key: str) -> str:
    return f"{key}-parts"


def _part_key(run: str, digest: str, i: int) -> str:
    return unit_key(run, digest, f"part{i}")


def _known_units(ckpt: Any, run: str, key: str, digest: str) -> tuple[list[str] | None, bool]:
    """(unit keys, streamed) of a file, the keys None unless its checkpoints say them without
    reading the file."""
    if ckpt.has(key):
        return [key], False
    marker = ckpt.header(_marker(key))
    if marker is not None:
        return [_part_key(run, digest, i) for i in range(marker["parts"])], True
    return None, False


def _corrections_digest(path: Path | None) -> str | None:
    """The SHA-256 of the corrections file (a LeakmineError when it cannot be read)."""
    if path is None:
        return None
    from leakmine.tables.corrections import CorrectionsError

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as e:
        raise CorrectionsError(str(path), f"cannot read corrections ({e.strerror or e})") from e


def _generation(plan: list[_File], input_errors: list[ErrorRow], options: Options, fixes: str | None) -> str | None:
    """A name for the tables this plan gives: a hash of every unit key with its path, of the
    corrections and of the options that shape the files. None while a file's units are unknown."""
    if any(f.units is None for f in plan):
        return None
    h = hashlib.sha256(json.dumps([STORE_FORMAT, options.csv, options.shard_bytes, fixes,
                                   str(options.corrections), [e.__dict__ for e in input_errors]]).encode())
    for f in plan:
        h.update(json.dumps([str(f.path), f.units]).encode())
    return h.hexdigest()[:16]


def _published(out_dir: Path, generation: str | None) -> dict[str, Any] | None:
    """The manifest, when it publishes `generation` and its shards are all in place."""
    from leakmine.tables.manifest import StoreError, point_current, read_manifest, verify

    if generation is None:
        return None
    try:
        meta = read_manifest(out_dir)
        if meta["generation"] != generation:
            return None
        verify(out_dir, meta)
    except (FileNotFoundError, StoreError):
        return None
    point_current(out_dir, generation)  # in case a run died between the manifest and the link
    return meta


def _is_pubmed(path: Path) -> bool:
    from leakmine.ingest.detect import detect_format

    try:
        with open(path, "rb") as f:
            return detect_format(f.read(1 << 16)) == "pubmed"
    except OSError:
        return False


def _units(plan: list[_File], ckpt: Any, run: str, options: Options) -> Iterator[Any]:
    """The units still to mine, whole files first, then the parts of streamed PubMed files."""
    from leakmine.batch.work import Unit

    streams = []
    for f in plan:
        if f.streamed and any(ckpt.header(k) is None for k in f.units):
            streams.append(f)
        elif f.units is not None:
            for key in f.units:
                if ckpt.header(key) is None:
                    f.mined = True
                    yield Unit(key, str(f.path), screen=options.screen)
        elif _is_pubmed(f.path):
            streams.append(f)
        else:
            f.units, f.mined = [f.key], True
            yield Unit(f.key, str(f.path), screen=options.screen)
    for f in streams:
        yield from _stream(f, ckpt, run, options)


def _stream(f: _File, ckpt: Any, run: str, options: Options) -> Iterator[Any]:
    """Units of `batch_size` citations of one PubMed file, cut lazily (`cut_citations`) for the
    workers to parse; parts already checkpointed are passed over. A marker entry records how many
    parts the file has once it is read to the end."""
    from leakmine.batch.work import Unit
    from leakmine.errors import LeakmineError
    from leakmine.ingest.xml import Citations, cut_citations

    f.streamed, f.units = True, []
    error = None

    def part(citations: Citations) -> Iterator[Any]:
        key = _part_key(run, f.digest, len(f.units))
        f.units.append(key)
        if ckpt.header(key) is None:
            f.mined = True
            yield Unit(key, str(f.path), citations, options.screen)

    try:
        for citations in cut_citations(f.path, f.digest, options.batch_size):
            yield from part(citations)
    except LeakmineError as e:
        error = {"stage": e.stage, "reason": e.reason}
    if not f.units:  # a file that fails before its first citation still has a part
        yield from part(Citations(str(f.path), b"", b"", 0, ()))
    ckpt.save(_marker(f.key), {"parts": len(f.units), "error": error})


def _mine(plan: list[_File], ckpt: Any, run: str, options: Options) -> None:
    from leakmine.progress import progress
    from leakmine.tables.schemas import SchemaError

    problems: list[str] = []
    todo = sum(1 for f in plan if f.units is None or not all(ckpt.has(k) for k in f.units))
    with progress("mining papers", todo) as advance:

        def done(unit: Any, result: Any) -> None:
            if isinstance(result, tuple):
                problems.extend(f"{unit.path}: {p}" for p in result[1])
            else:
                if result.saved:
                    ckpt.remember(result.key, result.header)
                elif result.entry is not None:
                    ckpt.write(result.key, result.entry, result.header)
                else:
                    ckpt.save(result.key, result.header, result.tables)
                if result.header.get("error"):
                    log.debug("%s: %s error: %s", unit.path, result.header["error"]["stage"],
                              result.header["error"]["reason"])
            advance()

        units = _units(plan, ckpt, run, options)
        if options.engine == "dask":
            from leakmine.batch.cluster import run_dask

            run_dask(units, options.workers, options.scheduler, done)
        else:
            from leakmine.batch.pool import UnitLimits, run_local

            run_local(units, options.workers, UnitLimits(options.time_limit, options.memory_limit), done, ckpt)
    if problems:
        raise SchemaError(problems)


def _duplicates(plan: list[_File], headers: dict[str, dict[str, Any]]) -> tuple[set[tuple[int, str]], dict[str, str]]:
    """(file index, paper id) of repeated papers (same content: left out), and paper id -> the paper
    id of the copy tabled for articles found in several files (same DOI, PMID or PMCID)."""
    first: dict[str, str] = {}
    repeats: set[tuple[int, str]] = set()
    kept: list[dict[str, Any]] = []
    for i, f in enumerate(plan):
        for key in f.units or []:
            for p in headers[key].get("papers", []):
                if p["paper_id"] in first:
                    log.warning("%s repeats the paper in %s; kept once", f.path, first[p["paper_id"]])
                    repeats.add((i, p["paper_id"]))
                    continue
                first[p["paper_id"]] = str(f.path)
                kept.append(p)
    group: dict[tuple[str, str], int] = {}
    members: dict[int, list[int]] = {}
    for i, p in enumerate(kept):
        ids = [(k, str(p[k]).lower()) for k in ("doi", "pmid", "pmcid") if p.get(k)]
        roots = {group[x] for x in ids if x in group}
        root = min(roots, default=i)
        merged = [i] + [m for r in roots for m in members.pop(r)]
        members[root] = merged
        for m in merged:
            for k in ("doi", "pmid", "pmcid"):
                if kept[m].get(k):
                    group[(k, str(kept[m][k]).lower())] = root
    duplicate_of: dict[str, str] = {}
    for ms in members.values():
        if len(ms) > 1:
            best = min(ms, key=lambda m: (FORMAT_RANK.get(kept[m]["source_format"], 9), m))
            for m in ms:
                if m != best:
                    duplicate_of[kept[m]["paper_id"]] = kept[best]["paper_id"]
    return repeats, duplicate_of


def _without(table: Any, papers: set[str]) -> Any:
    """The rows of an Arrow table that belong to none of `papers`."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return table.filter(pc.invert(pc.is_in(table["paper_id"], value_set=pa.array(list(papers), pa.string()))))


def _publish(plan: list[_File], ckpt: Any, input_errors: list[ErrorRow], out_dir: Path, generation: str,
             options: Options, raw_dir: Path, summary: RunSummary) -> dict[str, Any]:
    """Stream every unit's rows into a new generation of the tables and publish it."""
    from leakmine.batch.fixes import Fixes
    from leakmine.tables.write import GenerationWriter

    headers = {}
    for f in plan:
        for key in f.units or []:
            header = ckpt.header(key)
            if header is None:
                raise OSError(f"checkpoint of {f.path} vanished during the run")
            headers[key] = header
    fixes = Fixes(options.corrections)
    repeats, duplicate_of = _duplicates(plan, headers)
    repeated: dict[int, set[str]] = {}
    for i, pid in repeats:
        repeated.setdefault(i, set()).add(pid)
    errors: list[ErrorRow] = []
    writer = GenerationWriter(out_dir, generation, csv=options.csv, shard_bytes=options.shard_bytes)
    papers = screened_out = 0
    for i, f in enumerate(plan):
        gone = repeated.get(i, set()) | duplicate_of.keys()
        for key in f.units or []:
            if headers[key].get("error"):
                err = headers[key]["error"]
                errors.append(ErrorRow(str(f.path), err["stage"], err["reason"]))
                continue
            tables = ckpt.tables(key)
            listed = tables.pop("papers", None)  # none in a part of a PubMed file that broke before its first citation
            rows = [{**r, "source_path": str(f.path), "duplicate_of": duplicate_of.get(r["paper_id"])}
                    for r in (listed.to_pylist() if listed is not None else [])
                    if r["paper_id"] not in repeated.get(i, ())]
            papers += sum(r["duplicate_of"] is None for r in rows)
            screened_out += sum(r["duplicate_of"] is None and r["screened_out"] for r in rows)
            ids = {p["paper_id"] for p in headers[key]["papers"]}
            if ids & gone:
                tables = {name: _without(t, ids & gone) for name, t in tables.items()}
            if fixes.concern(ids):
                writer.add_rows(fixes.apply({"papers": rows, **{n: t.to_pylist() for n, t in tables.items()}}))
            else:
                writer.add_rows({"papers": rows})
                for name, table in tables.items():
                    if table.num_rows:
                        writer.add(name, table)
        marker = ckpt.header(_marker(f.key)) if f.streamed else None
        if marker and marker.get("error"):
            errors.append(ErrorRow(str(f.path), marker["error"]["stage"], marker["error"]["reason"]))
    errors += input_errors
    writer.add_rows({"errors": [e.__dict__ for e in errors], "reviews": fixes.reviews()})
    summary.corrections, summary.warnings = fixes.counts(), fixes.warnings()
    summary.errors = errors
    summary.duplicates = len(repeats) + len(duplicate_of)
    meta = {
        "leakmine_version": __version__, "code_hash": code_hash(), "versions": versions(),
        "inputs": {f.path.relative_to(raw_dir).as_posix(): f.digest for f in plan},
        "skipped": summary.skipped,
        "errors": [e.__dict__ for e in errors],
        "counts": {"files": summary.files, "papers": papers, "screened_out": screened_out,
                   "duplicates": summary.duplicates,
                   "errors": len(errors), "skipped": len(summary.skipped)},
        "corrections": {"path": str(options.corrections) if options.corrections else None,
                        "counts": summary.corrections, "warnings": summary.warnings},
    }
    return writer.publish(meta)

"""leakmine's command line: a thin layer over the stages `ingest`, `extract`, `assemble`, `run`."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from leakmine import __version__, deferred
from leakmine.errors import LeakmineError
from leakmine.tables.manifest import StoreError

# This process uses neither spaCy's command line nor its language matching (leakmine/deferred.py).
deferred.install("spacy", "langcodes")

CORRECTIONS_NAME = "corrections.csv"

app = typer.Typer(
    help="Mine spine-surgery case reports (PDF, text, JATS or PubMed XML) for cement leaks, "
         "levels, muscle grades and rescue treatments, with evidence for every value.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
)


class ExtractFormat(StrEnum):
    json = "json"
    table = "table"
    csv = "csv"


class SectionsFormat(StrEnum):
    json = "json"
    text = "text"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"leakmine {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, show_default=False,
                                          help="-v: what each stage did (files, rows, rates); -vv: every file.")] = 0,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _fail(err: LeakmineError) -> None:
    typer.echo(f"leakmine: {err}", err=True)
    raise typer.Exit(1)


@app.command()
def sections(
    paper: Annotated[Path, typer.Argument(metavar="PAPER", help="A paper: PDF, text, JATS or PubMed XML.")],
    format: Annotated[SectionsFormat, typer.Option("--format", "-f", help="json or text.")] = SectionsFormat.json,
) -> None:
    """Show how leakmine reads a paper: metadata and sections with their kinds."""
    from leakmine.ingest import ingest

    try:
        documents = ingest(paper)
    except LeakmineError as e:
        _fail(e)
    if format == SectionsFormat.json:
        out = [d.to_json() for d in documents]
        typer.echo(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=1))
        return
    for d in documents:
        typer.echo(f"# {d.meta.title or d.source_path}  [{d.paper_id}]")
        for s in d.sections:
            flag = "" if s.mined else "  (not mined)"
            typer.echo(f"\n## {s.title or '(untitled)'}  <{s.kind}>{flag}\n{s.text}")


@app.command()
def extract(
    paper: Annotated[Path, typer.Argument(metavar="PAPER", help="A paper: PDF, text, JATS or PubMed XML.")],
    format: Annotated[ExtractFormat, typer.Option(
        "--format", "-f", help="json (leakmine's JSON contract: docs/contract.md in the source), table or "
                               "csv (every mention).")] = ExtractFormat.json,
    model: Annotated[str | None, typer.Option(metavar="DIR", help="A saved pipeline directory to use "
                                                                  "instead of models/.")] = None,
    screen: Annotated[bool, typer.Option(
        "--screen", help="Skip extraction in a paper where no leak, cause, grade or treatment rule matches.")] = False,
) -> None:
    """Extract one paper: patients, cohorts and paper facts (json), or its mentions (csv)."""
    from leakmine.heap import kept_for_life

    with kept_for_life():  # spaCy and the rest: imported once, kept
        from leakmine.pipeline import process_file

    try:
        results = process_file(paper, model=model, screen=screen)
    except LeakmineError as e:
        _fail(e)
    if format == ExtractFormat.json:
        out = [r.paper_json for r in results]
        typer.echo(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=1))
        return
    from leakmine import views  # rich and pandas: only for the csv and table views

    if format == ExtractFormat.csv:
        views.print_csv(results)
    else:
        views.print_table(results)


class Engine(StrEnum):
    local = "local"
    dask = "dask"


SHOWN_ERRORS = 20


def _terminate(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds: workers are stopped, the lock released


@app.command()
def run(
    raw_dir: Annotated[Path, typer.Argument(metavar="RAW_DIR", help="Folder of papers to mine.")] = Path("data/raw"),
    out_dir: Annotated[Path, typer.Argument(metavar="OUT_DIR", help="Folder for the tables.")] = Path("data/processed"),
    workers: Annotated[int, typer.Option("--workers", "-j", metavar="N",
                                         help="Worker processes (Dask: LocalCluster workers).")] = 1,
    corrections: Annotated[Path | None, typer.Option(
        metavar="CSV", help="A reviewer's corrections to apply [default: corrections.csv beside RAW_DIR, "
                            "when there is one].")] = None,
    engine: Annotated[Engine, typer.Option(help="local: worker processes here; dask: a Dask cluster.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(metavar="ADDRESS", help="Dask scheduler address "
                                                  "(tcp://host:8786); without it a LocalCluster.")] = None,
    time_limit: Annotated[float, typer.Option(metavar="S", help="Seconds per paper before it becomes an "
                                              "error row (0: none).")] = 300.0,
    memory_limit: Annotated[int, typer.Option(metavar="MB", help="MB of address space per worker "
                                              "process (0: none).")] = 4096,
    csv: Annotated[bool, typer.Option("--csv/--no-csv", help="Also write each table as one CSV file.")] = False,
    shard_mb: Annotated[int, typer.Option(metavar="MB", help="Parquet shard size in MB of table data.")] = 64,
    screen: Annotated[bool, typer.Option(
        "--screen", help="Mine only papers where a leak, cause, grade or treatment rule matches; the others keep "
                         "their papers row (screened_out) and sections.")] = False,
) -> None:
    """Mine every paper in RAW_DIR into tables in OUT_DIR (Parquet shards, DuckDB, _meta.json).

    Each paper's result is checkpointed as it is mined: a rerun redoes only new or changed papers,
    and one with nothing changed reads only the manifest. A reviewer's corrections are applied on
    top (the reviews table says what became of each line). Exit status: 0 all papers mined, 1 some
    inputs unreadable (see the errors table), 2 leakmine failed (nothing new published).
    """
    import signal

    from leakmine.batch import Options, RunLocked, run_batch

    if not raw_dir.is_dir():
        typer.echo(f"leakmine: {raw_dir}: not a folder", err=True)
        raise typer.Exit(2)
    if engine == Engine.local and scheduler:
        typer.echo("leakmine: --scheduler needs --engine dask", err=True)
        raise typer.Exit(2)
    if corrections is None and (raw_dir.resolve().parent / CORRECTIONS_NAME).is_file():
        corrections = raw_dir.resolve().parent / CORRECTIONS_NAME
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _terminate)
    options = Options(workers=max(1, workers), engine=engine.value, scheduler=scheduler,
                      time_limit=max(0.0, time_limit), memory_limit=max(0, memory_limit), csv=csv,
                      shard_bytes=max(1, shard_mb) << 20, corrections=corrections, screen=screen)
    try:
        summary = run_batch(raw_dir, out_dir, options)
    except (RunLocked, LeakmineError) as e:
        typer.echo(f"leakmine: {e}", err=True)
        raise typer.Exit(2) from e
    except Exception as e:
        from leakmine.tables import SchemaError  # imported here: it brings pandas, which a rerun need not

        if isinstance(e, SchemaError):
            typer.echo(f"leakmine: nothing written to {out_dir}: {e}", err=True)
        else:
            logging.getLogger(__name__).debug("run failed", exc_info=True)
            typer.echo(f"leakmine: run failed, nothing new published in {out_dir}: {type(e).__name__}: {e}",
                       err=True)
        raise typer.Exit(2) from e
    for err in summary.errors[:SHOWN_ERRORS]:
        typer.echo(f"leakmine: {err.source_path}: {err.reason}", err=True)
    if len(summary.errors) > SHOWN_ERRORS:
        typer.echo(f"leakmine: ... and {len(summary.errors) - SHOWN_ERRORS} more in the errors table", err=True)
    for line in summary.warnings:
        typer.echo(f"leakmine: {line}", err=True)
    typer.echo(summary.line())
    raise typer.Exit(1 if summary.errors else 0)


@app.command()
def report(
    out_dir: Annotated[Path, typer.Argument(metavar="OUT_DIR", help="Folder of tables written by `leakmine run`.")] = Path(
        "data/processed"),
    pages: Annotated[bool, typer.Option("--pages/--no-pages",
                                        help="Show PDF evidence on a crop of the printed page.")] = True,
) -> None:
    """Write OUT_DIR/report.html: corpus summary, patient cards whose values link to their sentences
    (and, for PDF papers, to a crop of the page with the words highlighted), right/wrong controls that
    download a corrections.csv, plots."""
    from leakmine.report import write_report

    with _reading_tables(out_dir):
        path = write_report(out_dir, pages=pages)
    typer.echo(str(path))


@app.command()
def agreement(
    out_dir: Annotated[Path, typer.Argument(metavar="OUT_DIR", help="Folder of tables written by `leakmine run`.")] = Path(
        "data/processed"),
) -> None:
    """Per-field precision and recall of the extracted values against the reviewer's corrections.

    Counts come from the reviews table: extracted values marked right are true positives, marked
    wrong false positives; values marked missing (or right but no longer extracted) false negatives.
    """
    import pandas as pd

    from leakmine.tables.agreement import agreement as measure

    reviews = _tables(out_dir).reviews
    table = measure(reviews)
    if table.empty:
        typer.echo(f"leakmine: {out_dir}: no reviewed values; run `leakmine run` with a corrections file",
                   err=True)
        raise typer.Exit(1)
    for name in ("precision", "recall"):
        table[name] = [f"{x:.2f}" if pd.notna(x) else "-" for x in table[name]]
    typer.echo(table.to_string(index=False))


class ExportFormat(StrEnum):
    bioc = "bioc"
    spacy = "spacy"
    jsonl = "jsonl"
    csv = "csv"


@contextmanager
def _reading_tables(out_dir: Path) -> Iterator[None]:
    """A missing or mixed set of tables in `out_dir` -> one line and exit status 2."""
    try:
        yield
    except FileNotFoundError as e:
        typer.echo(f"leakmine: {out_dir}: no leakmine tables here; run `leakmine run RAW {out_dir}` first",
                   err=True)
        raise typer.Exit(2) from e
    except StoreError as e:  # a mixed or partial set of tables
        typer.echo(f"leakmine: {e}", err=True)
        raise typer.Exit(2) from e


def _tables(out_dir: Path):
    from leakmine.tables import load_tables

    with _reading_tables(out_dir):
        return load_tables(out_dir)


@app.command()
def export(
    out_dir: Annotated[Path, typer.Argument(metavar="OUT_DIR", help="Folder of tables written by `leakmine run`.")] = Path(
        "data/processed"),
    format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="bioc (BioC XML and JSON), spacy (DocBin), jsonl (Label Studio and doccano "
                               "tasks with pre-annotations) or csv (one row per supporting span).")] = ExportFormat.bioc,
    to: Annotated[Path | None, typer.Option(metavar="DIR", help="Where to write [default: OUT_DIR/export].")] = None,
) -> None:
    """Export the papers with their annotated spans for other tools, from the tables (corrections included)."""
    from leakmine.export import export as write

    for path in write(_tables(out_dir), format.value, to or out_dir / "export"):
        typer.echo(str(path))


corrections_app = typer.Typer(help="Bring reviews made elsewhere into corrections.csv.", no_args_is_help=True)
app.add_typer(corrections_app, name="corrections")


@corrections_app.command("import")
def corrections_import(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A Label Studio JSON or doccano JSONL export of tasks that "
                                              "`leakmine export --format jsonl` wrote.")],
    out_dir: Annotated[Path, typer.Option("--tables", metavar="DIR",
                                          help="The tables the tasks were exported from.")] = Path("data/processed"),
    into: Annotated[Path, typer.Option(metavar="CSV", help="The corrections file to add to.")] = Path(
        "data") / CORRECTIONS_NAME,
    reviewer: Annotated[str, typer.Option(metavar="NAME", help="Who reviewed the tasks.")] = "",
) -> None:
    """Turn an annotation tool's export into lines of the corrections file (right, wrong, missing)."""
    from collections import Counter

    from leakmine.export import papers
    from leakmine.export.annotators import read_tasks, task_corrections
    from leakmine.tables.corrections import read_corrections, write_corrections

    tables = _tables(out_dir)
    try:
        tasks = read_tasks(file)
        existing = read_corrections(into) if into.exists() else []
    except LeakmineError as e:
        _fail(e)
    known = set(tables.papers.paper_id)
    for t in tasks:
        if t.paper_id not in known:
            typer.echo(f"leakmine: {file}: paper {t.paper_id} (patient {t.patient}) is not in {out_dir}; "
                       "its task was skipped", err=True)
    new = task_corrections(tasks, papers(tables), reviewer)
    keys = {(c.paper, c.patient, c.field, c.value, c.action) for c in existing}
    added = [c for c in new if (c.paper, c.patient, c.field, c.value, c.action) not in keys]
    write_corrections(into, existing + added)
    counts = Counter(c.action for c in added)
    typer.echo(f"{into}: {len(added)} corrections added ("
               + ", ".join(f"{counts[a]} {a}" for a in ("right", "wrong", "missing")) + ")")

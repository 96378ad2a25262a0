"""leakmine's command line: a thin layer over the stages `ingest`, `extract`, `assemble`, `run`."""

from __future__ import annotations

import json
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from leakmine import __version__
from leakmine.errors import LeakmineError

app = typer.Typer(
    help="Mine spine-surgery case reports (PDF, text, JATS or PubMed XML) for cement leaks, "
         "levels, muscle grades and rescue treatments, with evidence for every value.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
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
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging (-vv for debug).")] = 0,
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
    paper: Annotated[Path, typer.Argument(help="A paper: PDF, text, JATS or PubMed XML.")],
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
    paper: Annotated[Path, typer.Argument(help="A paper: PDF, text, JATS or PubMed XML.")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="json (SCHEMA.md), table or csv.")] = ExtractFormat.json,
    model: Annotated[str | None, typer.Option(help="A saved pipeline directory to use instead of models/.")] = None,
    screen: Annotated[bool, typer.Option(
        "--screen", help="Skip extraction in a paper where no leak, cause, grade or treatment rule matches.")] = False,
) -> None:
    """Extract one paper: patients, cohorts and paper facts (json), or its mentions (csv)."""
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


@app.command()
def run(
    raw_dir: Annotated[Path, typer.Argument(help="Folder of papers to mine.")] = Path("data/raw"),
    out_dir: Annotated[Path, typer.Argument(help="Folder for the tables.")] = Path("data/processed"),
    workers: Annotated[int, typer.Option("--workers", "-j", help="Worker processes.")] = 1,
) -> None:
    """Mine every paper in RAW_DIR into tables in OUT_DIR (Parquet, CSV, DuckDB, _meta.json).

    Papers whose input and leakmine's code are unchanged since the last run are not redone.
    Unreadable papers go to the errors table; the run goes on and exits 1. Tables that break
    their schema (docs/tables.md) are not written; the run exits 2.
    """
    from leakmine.batch import run_batch
    from leakmine.tables import SchemaError

    if not raw_dir.is_dir():
        typer.echo(f"leakmine: {raw_dir}: not a folder", err=True)
        raise typer.Exit(2)
    try:
        summary = run_batch(raw_dir, out_dir, workers=max(1, workers))
    except SchemaError as e:
        typer.echo(f"leakmine: nothing written to {out_dir}: {e}", err=True)
        raise typer.Exit(2) from e
    typer.echo(summary.line())
    raise typer.Exit(1 if summary.errors else 0)


@app.command()
def report(
    out_dir: Annotated[Path, typer.Argument(help="Folder of tables written by `leakmine run`.")] = Path("data/processed"),
) -> None:
    """Write OUT_DIR/report.html: corpus summary, patient cards whose values link to their sentences, plots."""
    from leakmine.report import write_report

    try:
        path = write_report(out_dir)
    except FileNotFoundError as e:
        typer.echo(f"leakmine: {out_dir}: no leakmine tables here; run `leakmine run RAW {out_dir}` first",
                   err=True)
        raise typer.Exit(2) from e
    typer.echo(str(path))

"""The per-unit function every engine maps: one input file (or a run of the citations of a large
PubMed file, cut from it unparsed) -> a checkpoint entry, its header and the rows of every table.

A unit that cannot be read gives an error header naming the stage and the reason; a unit whose rows
break their schema raises `SchemaError`, a bug of leakmine that stops the run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from leakmine.batch.checkpoint import encode
from leakmine.errors import LeakmineError
from leakmine.heap import kept_for_life
from leakmine.ingest.xml import Citations, read_citations
from leakmine.nlp import load_pipeline
from leakmine.pipeline import process_document, process_file
from leakmine.tables.build import paper_rows
from leakmine.tables.check import check_rows, row_dicts
from leakmine.tables.schemas import SchemaError

log = logging.getLogger(__name__)
IDENTITY = ("paper_id", "doi", "pmid", "pmcid", "source_format")


@dataclass(frozen=True)
class Unit:
    """`path` as named in this run; `citations` when the unit is a run of a PubMed file's citations
    (`cut_citations`), else the worker reads the whole file; `screen`: pass by papers that name
    nothing of the field (leakmine.screen)."""

    key: str
    path: str
    citations: Citations | None = None
    screen: bool = False


@dataclass
class Mined:
    """A unit's checkpoint entry: `header` (error or paper identities) and `tables` (rows); `saved`
    when the worker checkpointed it already, so only the header travels back (without the rows);
    `entry` when the worker encoded it instead (`packed`), for this process to write."""

    key: str
    header: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]] | None = None
    saved: bool = False
    entry: bytes | None = None


def warm() -> None:
    """Load the pipeline and pandas (which pyarrow imports on its first conversion of rows, in the
    checkpoint of each unit), kept for the worker's life (leakmine.heap): the pipeline's objects (over
    half of those a worker tracks) are no longer scanned by each full collection, and forked workers
    do not copy their pages by touching them."""
    with kept_for_life():
        load_pipeline()
        import pandas  # noqa: F401


def error(key: str, stage: str, reason: str, **extra: Any) -> Mined:
    return Mined(key, {"error": {"stage": stage, "reason": reason, **extra}})


def packed(result: Mined) -> Mined:
    """The result with its rows encoded as its checkpoint entry (`checkpoint.encode`, Arrow): what a
    worker that does not see the output folder sends back, smaller than the rows and ready to write."""
    entry, header = encode(result.key, result.header, result.tables)
    return Mined(result.key, header, entry=entry)


def mine_checked(unit: Unit) -> Mined | tuple[str, list[str]]:
    """`mine(unit)`, or ("schema", problems) when its rows break their schema: what both engines send
    back for `leakmine run` to stop on."""
    try:
        return mine(unit)
    except SchemaError as e:
        return ("schema", e.problems)


def mine(unit: Unit) -> Mined:
    """Ingest (unless done), extract and assemble the unit's papers into checked table rows."""
    try:
        results = ([process_document(d, screen=unit.screen) for d in read_citations(unit.citations)]
                   if unit.citations is not None else process_file(unit.path, screen=unit.screen))
    except LeakmineError as e:
        return error(unit.key, e.stage, e.reason)
    except MemoryError:
        raise
    except Exception as e:  # noqa: BLE001 - one bad paper must not stop the batch
        log.exception("unexpected failure on %s", unit.path)
        return error(unit.key, "internal", f"{type(e).__name__}: {e}")
    rows: dict[str, list[Any]] = {}
    for r in results:
        for name, part in paper_rows(r).items():
            rows.setdefault(name, []).extend(part)
    tables = row_dicts(rows)
    check_rows(tables)
    papers = [{k: p[k] for k in IDENTITY} for p in tables["papers"]]
    return Mined(unit.key, {"error": None, "papers": papers}, tables)

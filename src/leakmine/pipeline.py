"""One paper in, records out: the pure per-document function that batch runs map over files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leakmine.assemble import assemble
from leakmine.extract import extract
from leakmine.ingest import ingest, paper_bytes
from leakmine.limits import DEFAULT, Limits
from leakmine.locate import locate
from leakmine.nlp import load_pipeline
from leakmine.records import Box, Document, Evidence, Mention
from leakmine.screen import field_screen, is_relevant


@dataclass
class PaperResult:
    """Everything leakmine knows about one paper; `boxes` place a PDF paper's mentions on its pages;
    `screened_out` when the relevance screen passed the paper by unmined."""

    document: Document
    mentions: list[Mention]
    paper_json: dict[str, Any]
    evidence: list[Evidence]
    boxes: dict[str, list[Box]] = field(default_factory=dict)
    screened_out: bool = False


def process_document(document: Document, model: str | None = None, screen: bool = False) -> PaperResult:
    """Extract and assemble one paper; with `screen`, a paper that names nothing of the field
    (leakmine.screen) skips extraction and keeps its metadata only."""
    nlp = load_pipeline(model)
    relevant = not screen or is_relevant(document.text, field_screen(nlp))
    mentions = extract(document, nlp) if relevant else []
    paper_json, evidence = assemble(document, mentions)
    return PaperResult(document, mentions, paper_json, evidence, screened_out=not relevant)


def process_file(path: str | Path, model: str | None = None, screen: bool = False,
                 limits: Limits = DEFAULT) -> list[PaperResult]:
    """Ingest (within `limits`), extract and assemble every paper in one file; place a PDF's mentions
    on its pages."""
    results = [process_document(d, model, screen) for d in ingest(path, limits)]
    for r in results:
        if r.document.source_format == "pdf":
            r.boxes = locate(r.document, r.mentions, paper_bytes(path, limits))
    return results

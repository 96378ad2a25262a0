"""One paper in, records out: the pure per-document function that batch runs map over files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leakmine.assemble import assemble
from leakmine.extract import extract
from leakmine.ingest import ingest
from leakmine.nlp import load_pipeline
from leakmine.records import Document, Evidence, Mention
from leakmine.screen import field_screen, is_relevant


@dataclass
class PaperResult:
    """Everything leakmine knows about one paper."""

    document: Document
    mentions: list[Mention]
    paper_json: dict[str, Any]
    evidence: list[Evidence]


def process_document(document: Document, model: str | None = None, screen: bool = False) -> PaperResult:
    """Extract and assemble one paper; with `screen`, a paper that names nothing of the field
    (leakmine.screen) skips extraction and keeps its metadata only."""
    nlp = load_pipeline(model)
    relevant = not screen or is_relevant(document.text, field_screen(nlp))
    mentions = extract(document, nlp) if relevant else []
    paper_json, evidence = assemble(document, mentions)
    return PaperResult(document, mentions, paper_json, evidence)


def process_file(path: str | Path, model: str | None = None, screen: bool = False) -> list[PaperResult]:
    """Ingest, extract and assemble every paper in one file."""
    return [process_document(d, model, screen) for d in ingest(path)]

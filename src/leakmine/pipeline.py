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


@dataclass
class PaperResult:
    """Everything leakmine knows about one paper; `boxes` place a PDF paper's mentions on its pages."""

    document: Document
    mentions: list[Mention]
    paper_json: dict[str, Any]
    evidence: list[Evidence]
    boxes: dict[str, list[Box]] = field(default_factory=dict)


def process_document(document: Document, model: str | None = None) -> PaperResult:
    mentions = extract(document, load_pipeline(model))
    paper_json, evidence = assemble(document, mentions)
    return PaperResult(document, mentions, paper_json, evidence)


def process_file(path: str | Path, model: str | None = None, limits: Limits = DEFAULT) -> list[PaperResult]:
    """Ingest (within `limits`), extract and assemble every paper in one file; place a PDF's mentions
    on its pages."""
    results = [process_document(d, model) for d in ingest(path, limits)]
    for r in results:
        if r.document.source_format == "pdf":
            r.boxes = locate(r.document, r.mentions, paper_bytes(path, limits))
    return results

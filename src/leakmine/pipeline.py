"""One paper in, records out: the pure per-document function that batch runs map over files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leakmine.assemble import assemble
from leakmine.extract import extract
from leakmine.ingest import ingest
from leakmine.limits import DEFAULT, Limits
from leakmine.nlp import load_pipeline
from leakmine.records import Document, Evidence, Mention


@dataclass
class PaperResult:
    """Everything leakmine knows about one paper."""

    document: Document
    mentions: list[Mention]
    paper_json: dict[str, Any]
    evidence: list[Evidence]


def process_document(document: Document, model: str | None = None) -> PaperResult:
    mentions = extract(document, load_pipeline(model))
    paper_json, evidence = assemble(document, mentions)
    return PaperResult(document, mentions, paper_json, evidence)


def process_file(path: str | Path, model: str | None = None, limits: Limits = DEFAULT) -> list[PaperResult]:
    """Ingest (within `limits`), extract and assemble every paper in one file."""
    return [process_document(d, model) for d in ingest(path, limits)]

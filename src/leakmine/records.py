"""Typed records that flow between leakmine's stages.

`Document` is what ingest produces; `Mention` is what extraction produces. Every mention keeps
the offsets of its words in `Document.text`, so any value can be traced to its sentence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SECTION_KINDS = (
    "title", "abstract", "introduction", "case", "methods", "results", "discussion", "conclusion",
    "caption", "table", "references", "front-matter", "back-matter", "other",
)
# How every reader writes a table row's cells in a "table" section's text, one row per line.
CELL_SEP = " | "
# Sections whose text is never mined: bibliography, affiliations, licences and the like.
UNMINED_KINDS = frozenset({"references", "front-matter", "back-matter"})


@dataclass
class PaperMeta:
    """Bibliographic facts about one paper, as far as the input states them."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    first_author: str | None = None
    journal: str | None = None
    year: int | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    article_type: str | None = None
    language: str | None = "en"


@dataclass
class Section:
    """One titled part of a document; `start_char`/`end_char` index `Document.text`."""

    title: str
    kind: str
    text: str
    start_char: int
    end_char: int
    page_start: int | None = None
    page_end: int | None = None
    language: str = "en"

    @property
    def mined(self) -> bool:
        return self.kind not in UNMINED_KINDS and self.language == "en"


@dataclass
class Document:
    """One paper after ingest: metadata and ordered sections over one text."""

    paper_id: str
    source_path: str
    source_format: str
    meta: PaperMeta
    text: str
    sections: list[Section]

    def to_json(self) -> dict[str, Any]:
        return {
            "paper": {"paper_id": self.paper_id, "source_path": self.source_path,
                      "source_format": self.source_format, **asdict(self.meta)},
            "sections": [{**asdict(s), "mined": s.mined} for s in self.sections],
        }


def build_document(source_path: str, source_format: str, meta: PaperMeta,
                   parts: list[dict[str, Any]], paper_id: str) -> Document:
    """Join section parts (title, kind, text, pages, language) into one `Document`.

    Sections are separated by a blank line in `Document.text`, which the sentence splitter
    treats as a hard boundary.
    """
    sections, chunks, pos = [], [], 0
    for part in parts:
        text = part["text"].strip()
        if not text:
            continue
        if chunks:
            chunks.append("\n\n")
            pos += 2
        sections.append(Section(
            title=part.get("title", ""), kind=part.get("kind", "other"), text=text,
            start_char=pos, end_char=pos + len(text), page_start=part.get("page_start"),
            page_end=part.get("page_end"), language=part.get("language", "en"),
        ))
        chunks.append(text)
        pos += len(text)
    return Document(paper_id, source_path, source_format, meta, "".join(chunks), sections)


@dataclass(frozen=True)
class Mention:
    """One extracted value with its evidence."""

    paper_id: str
    section_index: int
    section_kind: str
    sentence: str
    sentence_start: int
    start_char: int
    end_char: int
    text: str
    label: str
    value: str
    rule_id: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False)
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False

    @property
    def mention_id(self) -> str:
        return f"{self.paper_id}:{self.start_char}-{self.end_char}:{self.label}"

    @property
    def asserted(self) -> bool:
        return not (self.negated or self.hypothetical)


@dataclass(frozen=True)
class Box:
    """Where words are printed: a PDF page (1-based) and a rectangle in points from its top-left."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Evidence:
    """Which mention supports which value: `owner` is "paper", "patient:N" or "cohort:N"."""

    owner: str
    field: str
    value: str
    mention_id: str

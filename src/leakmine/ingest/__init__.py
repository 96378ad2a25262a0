"""Ingest: any input file a reviewer has (PDF, pasted text, JATS, PubMed XML) -> `Document`s."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from leakmine.errors import IngestError
from leakmine.ingest.detect import detect_format
from leakmine.records import Document


def paper_bytes(path: str | Path) -> bytes:
    """A paper file's bytes, gunzipped when it is gzipped."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(str(path), f"cannot read file ({e.strerror or e})") from e
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as e:
            raise IngestError(str(path), f"corrupt gzip file ({e})") from e
    return data


def ingest(path: str | Path) -> list[Document]:
    """Read one file into the documents it holds (PubMed and bundle files hold many), with what their
    titles state (`read_titles`)."""
    documents = _read(Path(path))
    for document in documents:
        read_titles(document)
    return documents


def read_titles(document: Document) -> None:
    """Set what the titles state, read with the extractors' rules: the patient a section title opens
    ("Case 2", "Second patient": `Section.case_number`) and whether the paper pools other studies
    (a systematic review or meta-analysis by its title or article type: `PaperMeta.pools_studies`)."""
    # imported here like the readers below: the rules load on first use
    from leakmine.components.case_marker import title_case_number
    from leakmine.components.cue import names_review

    for section in document.sections:
        section.case_number = title_case_number(section.title)
    meta = document.meta
    document.meta.pools_studies = names_review(" ".join(filter(None, (meta.title, meta.article_type))))


def _read(path: Path) -> list[Document]:
    data = paper_bytes(path)
    if not data.strip():
        raise IngestError(str(path), "empty file")
    fmt = detect_format(data)
    if fmt == "pdf":
        from leakmine.ingest.pdf import read_pdf
        return read_pdf(path, data)
    if fmt in ("jats", "pubmed"):
        from leakmine.ingest.xml import read_xml
        return read_xml(path, data)
    if fmt == "text":
        from leakmine.ingest.text import read_text
        return read_text(path, data)
    raise IngestError(str(path), f"not a paper: {fmt}")

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
    """Read one file into the documents it holds (PubMed and bundle files hold many)."""
    path = Path(path)
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

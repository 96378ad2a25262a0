"""Ingest: any input file a reviewer has (PDF, pasted text, JATS, PubMed XML) -> `Document`s.

Every read stays within `Limits`: a file (or what a gzip file inflates to) larger than
`max_input_mb` is refused before it is held in memory, and so is a document whose text is longer
than `max_text_chars`.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from pathlib import Path

from leakmine.errors import IngestError, LimitError
from leakmine.ingest.detect import detect_format, gzipped
from leakmine.limits import DEFAULT, Limits, size
from leakmine.records import Document


def paper_bytes(path: str | Path, limits: Limits = DEFAULT) -> bytes:
    """A paper file's bytes, gunzipped when it is gzipped."""
    path = Path(path)
    data = read_bounded(path, limits)
    return gunzip(path, data, limits) if gzipped(data) else data


def ingest(path: str | Path, limits: Limits = DEFAULT) -> list[Document]:
    """Read one file into the documents it holds (PubMed and bundle files hold many), with what their
    titles state (`read_titles`); a file past one of the `limits` is a `LimitError`."""
    documents = _read(Path(path), limits)
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


def _read(path: Path, limits: Limits) -> list[Document]:
    data = paper_bytes(path, limits)
    if not data.strip():
        raise IngestError(str(path), "empty file")
    fmt = detect_format(data)
    if fmt == "pdf":
        from leakmine.ingest.pdf import read_pdf
        documents = read_pdf(path, data, limits)
    elif fmt in ("jats", "pubmed"):
        from leakmine.ingest.xml import read_xml
        documents = read_xml(path, data, limits)
    elif fmt == "text":
        if len(data) > 4 * limits.max_text_chars:  # no encoding takes more than 4 bytes a character
            raise _too_long(path, len(data) // 4, limits)
        from leakmine.ingest.text import read_text
        documents = read_text(path, data)
    else:
        raise IngestError(str(path), f"not a paper: {fmt}")
    longest = max((len(d.text) for d in documents), default=0)
    if longest > limits.max_text_chars:
        raise _too_long(path, longest, limits)
    return documents


def _too_long(path: Path, chars: int, limits: Limits) -> LimitError:
    return LimitError(str(path), f"text of {chars:,} characters is longer than {limits.max_text_chars:,}",
                      "max_text_chars")


def read_bounded(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refused when there are more than `max_input_mb` of them."""
    cap = limits.max_input_bytes
    try:
        with path.open("rb") as f:
            # What the file holds and a byte more (no buffer of the whole cap for a small file), then
            # the rest up to the cap should there be more (a file that grew, a pipe).
            held = os.fstat(f.fileno()).st_size
            data = f.read(min(cap + 1, held + 1))
            if held < len(data) <= cap:
                data += f.read(cap + 1 - len(data))
    except OSError as e:
        raise IngestError(str(path), f"cannot read file ({e.strerror or e})") from e
    if len(data) > cap:
        raise LimitError(str(path), f"file is larger than {size(cap)}", "max_input_mb")
    return data


def gunzip(path: Path, data: bytes, limits: Limits) -> bytes:
    """A gzip file's content, inflated no further than `max_input_mb` (so a gzip bomb stays small)."""
    cap = limits.max_input_bytes
    chunks, total = [], 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            while chunk := f.read(min(1 << 24, cap + 1 - total)):
                chunks.append(chunk)
                total += len(chunk)
                if total > cap:
                    raise LimitError(str(path), f"gzip file inflates to more than {size(cap)}", "max_input_mb")
    except (OSError, EOFError, zlib.error) as e:
        raise IngestError(str(path), f"corrupt gzip file ({e})") from e
    return b"".join(chunks)

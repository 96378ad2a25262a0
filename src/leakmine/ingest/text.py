"""Plain text as users paste it from PDFs and web pages -> `Document`."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from leakmine.records import Document, PaperMeta, build_document


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(path: Path, data: bytes) -> list[Document]:
    text = decode(data)
    paras = [re.sub(r"\s*\n\s*", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    parts = [{"title": "", "kind": "other", "text": p} for p in paras if p]
    paper_id = hashlib.sha256(data).hexdigest()[:16]
    return [build_document(str(path), "text", PaperMeta(), parts, paper_id)]

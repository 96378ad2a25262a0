"""Input format detection by content, not by file extension."""

from __future__ import annotations

import gzip
import re

_XML_ROOT = re.compile(rb"<(?!\?|!)([A-Za-z][\w:.-]*)")


def detect_format(data: bytes) -> str:
    """Return "pdf", "jats", "pubmed", "text" or a short description of what the bytes are."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return "corrupt gzip file"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"<"):
        m = _XML_ROOT.search(data[:65536])
        root = m.group(1).decode("ascii", "replace").split(":")[-1] if m else ""
        if root in ("PubmedArticleSet", "MedlineCitationSet", "PubmedArticle", "MedlineCitation"):
            return "pubmed"
        if root in ("article", "articles", "pmc-articleset"):
            return "jats"
        if root.lower() == "html":
            return "text"
        return f"unsupported XML document <{root}>"
    if b"\x00" in data[:4096]:
        return "binary data"
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < 65530:  # a multi-byte character cut at the probe's end is fine
            try:
                data[:65536].decode("cp1252")
            except UnicodeDecodeError:
                return "binary data"
    return "text"

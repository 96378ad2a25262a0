"""Input format detection by content, not by file extension.

`detect_format` answers "pdf", "jats", "pubmed" or "text" for what leakmine reads (HTML counts as
text), and otherwise a short description of what the bytes are ("zip archive", "PNG image",
"gzip-compressed pdf") for the error message. XML is recognised by its root element, found after
any byte-order mark, XML declaration, comments, processing instructions and DOCTYPE. Bytes are read
as text in the encoding `decoding.sniff_encoding` finds; a few stray control characters leave text
text, many make it binary data.
"""

from __future__ import annotations

import re
import zlib

from leakmine.ingest.decoding import CONTROL, decode_head

_PROBE = 65536
_SIGNATURES = (
    (b"PK\x03\x04", "zip archive"), (b"PK\x05\x06", "zip archive"), (b"Rar!", "rar archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"), (b"BZh", "bzip2-compressed file"), (b"\xfd7zXZ\x00", "xz-compressed file"),
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"), (b"\xd0\xcf\x11\xe0", "OLE document (old Word/Excel)"),
    (b"{\\rtf", "RTF document"),
)
GZIP_MAGIC = b"\x1f\x8b"
# The rest of a DOCTYPE after "<!DOCTYPE": quoted names whole, and its internal subset (in brackets).
DOCTYPE_REST = r"""(?:[^\[>"']|"[^"]*"|'[^']*')*(?:\[.*?\]\s*)?>"""
_PROLOG = re.compile(rf"""\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE{DOCTYPE_REST})""", re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(r"\s*<([A-Za-z_][\w:.-]*)")
_DOCTYPE_HTML = re.compile(r"<!DOCTYPE\s+html\b", re.IGNORECASE)
_JATS_ROOTS = frozenset({"article", "articles", "pmc-articleset"})
_PUBMED_ROOTS = frozenset({"PubmedArticleSet", "MedlineCitationSet", "PubmedArticle", "MedlineCitation",
                           "PubmedBookArticle"})
# Wrappers around JATS articles: the OAI-PMH service of PMC and Europe PMC.
_JATS_WRAPPERS = frozenset({"OAI-PMH", "responseWrapper", "GetRecord", "ListRecords"})
_HTML_ROOTS = frozenset({"html", "head", "body", "div", "p", "span", "h1", "h2", "h3", "table", "meta",
                         "title", "section", "main", "br", "b", "i", "a", "ul", "ol", "pre"})


def gzipped(data: bytes) -> bool:
    """Whether `data` (a file's first bytes at least) opens as gzip does."""
    return data[:2] == GZIP_MAGIC


def detect_format(data: bytes) -> str:
    """Return "pdf", "jats", "pubmed", "text" or a short description of what the bytes are."""
    if gzipped(data):
        inner = _gunzip_head(data)
        if inner is None:
            return "corrupt gzip file"
        fmt = detect_format(inner)
        return fmt if fmt in ("jats", "pubmed") else f"gzip-compressed {fmt}"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            return name
    head = decode_head(data)
    if head is None:
        return "binary data"
    if head.lstrip().startswith("<"):
        xml = _xml_kind(head)
        if xml:
            return xml
    if len(CONTROL.findall(head[:4096])) > max(2, len(head[:4096]) // 100):
        return "binary data"
    return "text"


def _gunzip_head(data: bytes) -> bytes | None:
    """The first bytes of a gzip stream's content (enough to tell its format), None if corrupt."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:_PROBE * 4], _PROBE)
    except zlib.error:
        return None


def _xml_kind(head: str) -> str | None:
    """The format an XML or HTML head names by its root element; None if it is not markup."""
    text = head.lstrip("\ufeff")
    pos = 0
    while m := _PROLOG.match(text, pos):
        if _DOCTYPE_HTML.match(m.group(0).lstrip()):
            return "text"
        pos = m.end()
    m = _ROOT.match(text, pos)
    if not m:
        return None
    root = m.group(1).split(":")[-1]
    if root in _PUBMED_ROOTS:
        return "pubmed"
    if root in _JATS_ROOTS:
        return "jats"
    if root in _JATS_WRAPPERS and re.search(r"<(?:\w+:)?article[\s>]", text):
        return "jats"
    if root.lower() in _HTML_ROOTS:
        return "text"
    return f"unsupported XML document <{root}>"

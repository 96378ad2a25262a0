"""XML inputs -> `Document`s: JATS (PMC `.nxml`, Europe PMC bundles, efetch `<pmc-articleset>`) and
PubMed/MEDLINE (`PubmedArticleSet`, `MedlineCitationSet`), gzipped or not.

Files are parsed as a stream, one record at a time, so baseline files with tens of thousands of
citations stay small in memory; a batch cuts PubMed files into runs of citations by their tags,
unparsed, for its workers to parse (`cut_citations`, `read_citations`). Nothing is fetched: the
standard parser never loads the external DTDs the DOCTYPEs name, and HTML entity names those DTDs
would define (`&nbsp;`) are read as the characters they stand for. Encodings the parser does not read itself are recoded first
(decoding.xml_bytes), and nesting deeper than `Limits.max_xml_depth` is refused.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.entities import name2codepoint
from itertools import chain
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from leakmine.errors import IngestError, LimitError
from leakmine.ingest import jats, pubmed, read_titles
from leakmine.ingest.decoding import warn_dropped, without_controls, xml_bytes, xml_recoded
from leakmine.ingest.xmltext import local
from leakmine.limits import DEFAULT, Limits
from leakmine.records import Document, PaperMeta, build_document

_PUBMED_RECORDS = frozenset({"PubmedArticle", "PubmedBookArticle"})
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]*);")
_CHUNK = 1 << 20


def read_xml(path: Path, data: bytes, limits: Limits = DEFAULT) -> list[Document]:
    """Every article or citation in one XML file (its bytes, gunzipped: `paper_bytes`), in file order."""
    file_hash = hashlib.sha256(data).hexdigest()
    data = xml_bytes(data, path)
    try:
        records = list(_read_records(_slices(data), path, limits.max_xml_depth))
    except ParseError as e:
        if "undefined entity" not in str(e):
            raise IngestError(str(path), f"malformed XML ({e})") from e
        try:
            records = list(_read_records(_slices(_numeric_entities(data)), path, limits.max_xml_depth))
        except ParseError as e2:
            raise IngestError(str(path), f"malformed XML ({e2})") from e2
    if not records:
        raise IngestError(str(path), "XML holds no article or PubMed citation")
    seen: set[str] = set()
    documents = []
    for i, (fmt, meta, parts) in enumerate(records):
        paper_id = _paper_id(file_hash, meta.pmid or meta.pmcid, i, len(records), seen)
        documents.append(build_document(str(path), fmt, meta, parts, paper_id))
    return documents


def _read_records(chunks: Iterable[bytes], path: Path, max_depth: int,
                  closed: bool = True) -> Iterator[tuple[str, PaperMeta, list[dict]]]:
    for fmt, el in _iter_records(chunks, path, max_depth, closed):
        reader = jats if fmt == "jats" else pubmed
        yield fmt, reader.read_meta(el), reader.read_parts(el)


def _iter_records(chunks: Iterable[bytes], path: Path, max_depth: int,
                  closed: bool = True) -> Iterator[tuple[str, Element]]:
    """(format, element) for each `<article>` and each PubMed citation, freed once read; elements
    nested deeper than `max_depth` stop the file. Unless `closed`, the chunks may end inside the
    root (cut citations: `read_citations`)."""
    parser = XMLPullParser(events=("start", "end"))
    open_tags: list[str] = []
    for chunk in chunks:
        parser.feed(chunk)
        for event, el in parser.read_events():
            name = local(el.tag)
            if event == "start":
                open_tags.append(name)
                if len(open_tags) > max_depth:
                    raise LimitError(str(path), f"XML nested deeper than {max_depth} elements", "max_xml_depth")
                continue
            open_tags.pop()
            if name == "article":
                yield "jats", el
            elif name in _PUBMED_RECORDS or (name == "MedlineCitation" and "PubmedArticle" not in open_tags):
                yield "pubmed", el
            else:
                continue
            el.clear()
    if closed:
        parser.close()


def _slices(data: bytes) -> Iterator[bytes]:
    return (data[start:start + _CHUNK] for start in range(0, len(data), _CHUNK))


def _file_chunks(path: Path) -> Iterator[bytes]:
    """The file's bytes (gunzipped) in chunks, as `xml_bytes` gives them whole: recoded to UTF-8
    where the parser needs it (`xml_recoded`) and the control characters XML forbids dropped (one
    warning for the file); entity names rewritten as in `_numeric_entities`."""
    dropped = 0

    def cleaned(block: bytes) -> bytes:
        nonlocal dropped
        block, n = without_controls(block)
        dropped += n
        return _numeric_entities(block)

    with open(path, "rb") as raw:
        gz = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        f = gzip.GzipFile(fileobj=raw) if gz else raw
        tail = b""
        for block in xml_recoded(iter(lambda: f.read(_CHUNK), b""), path):
            block = tail + block
            cut = block.rfind(b"&")
            if cut >= 0 and b";" not in block[cut:] and len(block) - cut < 64:
                block, tail = block[:cut], block[cut:]
            else:
                tail = b""
            yield cleaned(block)
        if tail:
            yield cleaned(tail)
    warn_dropped(path, dropped)


@dataclass(frozen=True)
class Citations:
    """A run of a PubMed file's citations, cut from its bytes without parsing them (`cut_citations`):
    what precedes the first citation of the file (declaration, DOCTYPE, the root's start tag), their
    own bytes, where the first stands in the file (0-based) and each one's paper id."""

    path: str
    head: bytes
    body: bytes
    first: int
    ids: tuple[str, ...]


def cut_citations(path: Path, file_hash: str, size: int) -> Iterator[Citations]:
    """The file's citations in runs of `size`, read in chunks and never held whole (PubMed baseline
    files hold tens of thousands), found by their tags: a `leakmine run` cuts a file this way, ten
    times faster than it parses, and its workers parse the runs (`read_citations`). A citation's id
    is what `read_xml` gives it, the key being the PMID the citation states first (the DTD puts its
    own before any it cites), else its PMCID. `file_hash` is the SHA-256 of the file's bytes; a file
    that cannot be read to its end raises IngestError after the runs before."""
    try:
        pieces = _cut(_file_chunks(path))
        head = next(pieces)
        one, two = next(pieces, None), next(pieces, None)
        if one is None:
            raise IngestError(str(path), "XML holds no article or PubMed citation")
        count = 1 if two is None else 2  # all `_paper_id` tells apart: one citation or more
        seen: set[str] = set()
        bodies: list[bytes] = []
        ids: list[str] = []
        for position, body in enumerate(chain((one,), () if two is None else (two,), pieces)):
            bodies.append(body)
            ids.append(_paper_id(file_hash, _citation_key(body), position, count, seen))
            if len(bodies) == size:
                yield Citations(str(path), head, b"".join(bodies), position + 1 - size, tuple(ids))
                bodies, ids = [], []
        if bodies:
            yield Citations(str(path), head, b"".join(bodies), position + 1 - len(bodies), tuple(ids))
    except (ParseError, OSError, EOFError, zlib.error) as e:
        raise IngestError(str(path), f"malformed XML ({e})") from e


def read_citations(citations: Citations, limits: Limits = DEFAULT) -> list[Document]:
    """The documents of a run of cut citations, with what their titles state (`read_titles`): what
    `ingest` reads of them in the whole file."""
    path = citations.path
    where = f"citations {citations.first + 1}-{citations.first + len(citations.ids)}"
    try:
        records = list(_read_records((citations.head, citations.body), Path(path), limits.max_xml_depth,
                                     closed=False))
    except ParseError as e:
        raise IngestError(path, f"malformed XML in {where} ({e})") from e
    if len(records) != len(citations.ids):
        raise IngestError(path, f"malformed XML in {where} ({len(records)} parsed of {len(citations.ids)})")
    documents = [build_document(path, fmt, meta, parts, paper_id)
                 for (fmt, meta, parts), paper_id in zip(records, citations.ids, strict=True)]
    for document in documents:
        read_titles(document)
    return documents


# The start tag of a citation outside another one (whose inside is passed over), or of a comment or
# CDATA section between citations (passed over to its end, `_SKIPPED`).
_CITATION = re.compile(rb"<((?:[\w.-]+:)?(?:PubmedArticle|PubmedBookArticle|MedlineCitation))(?=[\s/>])"
                       rb"|<!--|<!\[CDATA\[")
_SKIPPED = {b"<!--": b"-->", b"<![CDATA[": b"]]>"}
_TAG_ROOM = 64  # bytes kept at a chunk's end, where a start tag may be cut
_PMID = re.compile(rb"<(?:[\w.-]+:)?PMID\b[^>]*>\s*([^<\s]+)")
_ARTICLE_ID = re.compile(rb"""<(?:[\w.-]+:)?ArticleId\b[^>]*\bIdType\s*=\s*["'](pubmed|pmc)["'][^>]*>\s*([^<\s]+)""")


@functools.lru_cache(maxsize=16)
def _end_tag(name: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"</" + re.escape(name) + rb"\s*>")


def _cut(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """What precedes the first citation, then each citation's bytes (to the first end tag of its
    name); a citation not closed at the end of the file is malformed XML."""
    buf, started = b"", False
    since = 0  # where the search for the end of an element a chunk left open goes on
    for chunk in chunks:
        buf += chunk
        at = 0
        while (m := _CITATION.search(buf, at)) is not None:
            end = _end_of(buf, m, since)
            if end < 0:  # closed in a later chunk
                since = max(m.end(), len(buf) - _TAG_ROOM)
                at = m.start() if started else 0
                break
            since = 0
            if m.group(1) is None:  # a comment or CDATA section
                at = end
                continue
            if not started:
                yield buf[:m.start()]
                started = True
            yield buf[m.start():end]
            at = end
        else:
            at = max(at, len(buf) - _TAG_ROOM) if started else 0
        buf, since = buf[at:], since - at
    if m := _CITATION.search(buf):
        raise ParseError(f"{m.group(0).decode('ascii', 'replace')}"
                         f"{'>' if m.group(1) else ''} not closed at the end of the file")
    if not started:
        yield buf


def _end_of(buf: bytes, m: re.Match[bytes], since: int) -> int:
    """Where the element (or comment, CDATA section) `m` opens ends in `buf`, -1 if not in it; its
    end is not before `since`."""
    if m.group(1) is None:
        close = _SKIPPED[m.group(0)]
        end = buf.find(close, max(m.end(), since))
        return -1 if end < 0 else end + len(close)
    gt = buf.find(b">", m.end())
    if gt < 0:
        return -1
    if buf[gt - 1:gt] == b"/":
        return gt + 1
    end = _end_tag(m.group(1)).search(buf, max(gt, since))
    return -1 if end is None else end.end()


def _citation_key(body: bytes) -> str | None:
    """The PMID a citation states first, else its first ArticleId of type "pubmed", else of "pmc"."""
    m = _PMID.search(body)
    if m:
        return m.group(1).decode("utf-8", "replace")
    ids = dict(reversed(_ARTICLE_ID.findall(body)))  # the first of each type
    if b"pubmed" in ids:
        return ids[b"pubmed"].decode("utf-8", "replace")
    return pubmed.pmcid_form(ids[b"pmc"].decode("utf-8", "replace")) if b"pmc" in ids else None


def _numeric_entities(data: bytes) -> bytes:
    """HTML entity references ("&nbsp;") rewritten as character references ("&#160;")."""
    def sub(m: re.Match[bytes]) -> bytes:
        name = m.group(1).decode("ascii")
        if name in _XML_ENTITIES or name not in name2codepoint:
            return m.group(0)
        return f"&#{name2codepoint[name]};".encode("ascii")
    return _ENTITY.sub(sub, data)


def _paper_id(file_hash: str, key: str | None, position: int, count: int, seen: set[str]) -> str:
    """The file's hash for a one-record file; else a hash of it and the record's `key` (its PMID,
    else PMCID) or position (position too when a key repeats, as in MEDLINE update files)."""
    if count == 1:
        return file_hash[:16]
    key = key or f"#{position}"
    if key in seen:
        key = f"{key}#{position}"
    seen.add(key)
    return hashlib.sha256(f"{file_hash}:{key}".encode()).hexdigest()[:16]

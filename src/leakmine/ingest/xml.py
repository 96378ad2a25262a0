"""XML inputs -> `Document`s: JATS (PMC `.nxml`, Europe PMC bundles, efetch `<pmc-articleset>`) and
PubMed/MEDLINE (`PubmedArticleSet`, `MedlineCitationSet`), gzipped or not.

Files are parsed as a stream, one record at a time, so baseline files with tens of thousands of
citations stay small in memory; a batch cuts PubMed files into runs of citations by their tags,
unparsed, for its workers to parse (`cut_citations`, `read_citations`). Nothing is fetched: the
standard parser never loads the external DTDs the DOCTYPEs name, and HTML entity names those DTDs
would define (`&nbsp;`) are read as the characters they stand for. Encodings the parser does not
read itself are recoded first (decoding.xml_bytes), and nesting deeper than `Limits.max_xml_depth`
is refused.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.entities import name2codepoint
from itertools import chain
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from leakmine.errors import IngestError, LimitError
from leakmine.ingest import jats, pubmed, read_titles
from leakmine.ingest.decoding import warn_dropped, without_controls, xml_bytes, xml_recoded
from leakmine.ingest.detect import DOCTYPE_REST, gzipped
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
    level = None  # how deep the first chunk (the head of cut citations) leaves the parser
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
        if level is None:
            level = len(open_tags)
    if closed:
        parser.close()
    elif len(open_tags) != level:
        raise ParseError(f"<{open_tags[-1]}> not closed" if len(open_tags) > (level or 0)
                         else "an end tag without its start tag")


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

    with _content(path) as f:
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


def cut_citations(path: Path, digest: str, size: int, limits: Limits = DEFAULT) -> Iterator[Citations]:
    """The file's citations in runs of `size`, read in chunks and never held whole (PubMed baseline
    files hold tens of thousands), found by their tags: `leakmine run` cuts a file this way, several
    times faster than it parses it, and its workers parse the runs (`read_citations`).

    What lies between the citations (the head, deleted citations, the root's end) is parsed here, so
    a file that is not well-formed outside its citations, cut short or damaged raises IngestError
    after a run of every citation read before the fault; a citation that is not well-formed is its
    run's error. Each citation's id is what `read_xml` gives it: `digest` is the SHA-256 of the file
    as stored, and a gzipped file's content is hashed in a first pass, as `ingest` hashes what it reads."""
    broken = (ParseError, OSError, EOFError, zlib.error)
    skeleton = XMLPullParser()
    try:
        file_hash = _content_digest(path, digest)
        pieces = _cut(_file_chunks(path), skeleton)
        head = next(pieces)
        one, two = next(pieces, None), next(pieces, None)
    except broken as e:
        raise IngestError(str(path), f"malformed XML ({e})") from e
    if one is None:
        raise IngestError(str(path), "XML holds no article or PubMed citation")
    count = 1 if two is None else 2  # all `_paper_id` tells apart: one citation or more
    seen: set[str] = set()
    bodies: list[bytes] = []
    ids: list[str] = []
    position, error = -1, None
    try:
        for position, body in enumerate(chain((one,), () if two is None else (two,), pieces)):
            bodies.append(body)
            ids.append(_paper_id(file_hash, _citation_key(head, body, path, limits), position, count, seen))
            if len(bodies) == size:
                yield Citations(str(path), head, b"".join(bodies), position + 1 - size, tuple(ids))
                bodies, ids = [], []
        skeleton.close()
        _drained(skeleton)
    except broken as e:
        error = e
    if bodies:  # the citations read before a fault are mined too
        yield Citations(str(path), head, b"".join(bodies), position + 1 - len(bodies), tuple(ids))
    if error is not None:
        raise IngestError(str(path), f"malformed XML ({error})") from error


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


# Outside citations: the start tag of a citation (whose inside is passed over) or of markup passed
# over whole, whose inside may hold what looks like a citation's tag.
_OUTSIDE = re.compile(rb"<((?:[\w.-]+:)?(?:PubmedArticle|PubmedBookArticle|MedlineCitation))(?=[\s/>])"
                      rb"|<!--|<!\[CDATA\[|<\?|<!DOCTYPE\b")
_CLOSES = {b"<!--": re.compile(rb"-->"), b"<![CDATA[": re.compile(rb"]]>"), b"<?": re.compile(rb"\?>")}
_DOCTYPE_REST = re.compile(DOCTYPE_REST.encode(), re.DOTALL)
_TAG_END = re.compile(rb"""(?:[^>"']|"[^"]*"|'[^']*')*>""")  # the rest of a start tag, quoted values whole
_TAG_ROOM = 64  # bytes kept at a chunk's end, where a start tag may be cut
_PLACEHOLDER = b"<citation/>"  # what the skeleton of a file reads in place of a citation
# A citation whose own PMID is its first child, as MEDLINE's DTD has it: its key, read without parsing.
_OWN_PMID = re.compile(rb"<(?:PubmedArticle>\s*<MedlineCitation|PubmedBookArticle>\s*<BookDocument|MedlineCitation)"
                       rb"\b[^<>]*>\s*<PMID\b[^<>]*>(\d+)</PMID>")


@functools.lru_cache(maxsize=16)
def _inside(name: bytes) -> re.Pattern[bytes]:
    """Inside a citation named `name`: its end tag, or markup passed over whole."""
    return re.compile(rb"</" + re.escape(name) + rb"\s*>|<!--|<!\[CDATA\[|<\?")


def _cut(chunks: Iterable[bytes], skeleton: XMLPullParser) -> Iterator[bytes]:
    """What precedes the first citation, then each citation's bytes; `skeleton` is fed the file with
    an empty element in place of each citation. A citation or markup not closed at the end of the
    file is malformed XML."""
    buf, at, started = b"", 0, False
    gap = 0  # where what lies after the last citation begins
    resume: tuple[int, int] | None = None  # (start, where its end is looked for) of what a chunk left open
    for chunk in chunks:
        buf += chunk
        while (m := _OUTSIDE.search(buf, at)) is not None:
            since = resume[1] if resume and resume[0] == m.start() else m.end()
            end, since = _end_of(buf, m, since)
            if end < 0:  # closed in a later chunk
                at, resume = m.start(), (m.start(), since)
                break
            resume = None
            if m.group(1) is None:  # markup passed over
                at = end
                continue
            if not started:
                yield buf[:m.start()]
                started = True
            skeleton.feed(buf[gap:m.start()] + _PLACEHOLDER)
            yield buf[m.start():end]
            at = gap = end
        else:
            at = max(at, len(buf) - _TAG_ROOM)
        if started:  # what is passed over goes to the skeleton
            skeleton.feed(buf[gap:at])
            buf, resume = buf[at:], resume and (0, resume[1] - at)
            at = gap = 0
        _drained(skeleton)
    if m := _OUTSIDE.search(buf, at):
        raise ParseError(f"{m.group(0).decode('ascii', 'replace')}{'>' if m.group(1) else ''} "
                         "not closed at the end of the file")
    if not started:
        yield buf
    skeleton.feed(buf[gap:])


def _drained(parser: XMLPullParser) -> None:
    """Read the parser's events (raising the error of what it was fed), freeing what they hold."""
    for _, el in parser.read_events():
        el.clear()


def _end_of(buf: bytes, m: re.Match[bytes], since: int) -> tuple[int, int]:
    """Where what `m` opens ends in `buf` (-1 when not in it), and where to look on for its end once
    more bytes are added (nothing before `since` needs looking at again)."""
    if m.group(0) == b"<!DOCTYPE":  # its internal subset may declare anything
        rest = _DOCTYPE_REST.match(buf, m.end())
        return (rest.end(), 0) if rest else (-1, m.end())
    if m.group(1) is None:
        close = _CLOSES[m.group(0)].search(buf, since)
        return (close.end(), 0) if close else (-1, max(m.end(), len(buf) - _TAG_ROOM))
    tag = _TAG_END.match(buf, m.end())
    if tag is None:
        return -1, m.end()
    if buf[tag.end() - 2:tag.end()] == b"/>":
        return tag.end(), 0
    inside, at = _inside(m.group(1)), max(since, tag.end())
    while (found := inside.search(buf, at)) is not None:
        if found.group(0).startswith(b"</"):
            return found.end(), 0
        close = _CLOSES[found.group(0)].search(buf, found.end())
        if close is None:
            return -1, found.start()
        at = close.end()
    # A tag cut by the chunk's end begins at its last "<", which no ">" follows.
    lt = buf.rfind(b"<", at)
    return -1, lt if lt >= 0 and buf.find(b">", lt) < 0 else max(at, len(buf) - _TAG_ROOM)


def _citation_key(head: bytes, body: bytes, path: Path, limits: Limits) -> str | None:
    """The key of a citation's id, as `read_xml` has it (its PMID, else PMCID): read from the bytes when
    the citation opens with its own PMID as the DTD has it, else from the citation parsed."""
    if m := _OWN_PMID.match(body):
        return m.group(1).decode("ascii")
    try:
        records = list(_read_records((head, body), path, limits.max_xml_depth, closed=False))
    except (ParseError, LimitError):  # its run fails on it too, and says why
        return None
    return (records[0][1].pmid or records[0][1].pmcid) if len(records) == 1 else None


@contextmanager
def _content(path: Path) -> Iterator[BinaryIO]:
    """The file opened for its content: gunzipped when it is gzipped."""
    with open(path, "rb") as raw:
        gz = gzipped(raw.read(2))
        raw.seek(0)
        if not gz:
            yield raw
            return
        with gzip.GzipFile(fileobj=raw) as f:
            yield f


def _content_digest(path: Path, digest: str) -> str:
    """The SHA-256 of the file's content: `digest`, the file's own, unless it is gzipped; then its
    content's, read in a pass of its own, of what can be read of a damaged one (whose cut ends with
    the same fault at the same place, after the citations before it)."""
    content = hashlib.sha256()
    with _content(path) as f:
        if not isinstance(f, gzip.GzipFile):
            return digest
        try:
            for block in iter(lambda: f.read(_CHUNK), b""):
                content.update(block)
        except (OSError, EOFError, zlib.error):
            pass
    return content.hexdigest()


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

"""XML inputs -> `Document`s: JATS (PMC `.nxml`, Europe PMC bundles, efetch `<pmc-articleset>`) and
PubMed/MEDLINE (`PubmedArticleSet`, `MedlineCitationSet`), gzipped or not.

Files are parsed as a stream, one record at a time, so baseline files with tens of thousands of
citations stay small in memory. Nothing is fetched: the standard parser never loads the external
DTDs the DOCTYPEs name, and HTML entity names those DTDs would define (`&nbsp;`) are read as the
characters they stand for. Encodings the parser does not read itself are recoded first
(decoding.xml_bytes), and nesting deeper than `Limits.max_xml_depth` is refused.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import zlib
from collections.abc import Iterable, Iterator
from html.entities import name2codepoint
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
        paper_id = _paper_id(file_hash, meta, i, len(records), seen)
        documents.append(build_document(str(path), fmt, meta, parts, paper_id))
    return documents


def _read_records(chunks: Iterable[bytes], path: Path, max_depth: int) -> Iterator[tuple[str, PaperMeta, list[dict]]]:
    for fmt, el in _iter_records(chunks, path, max_depth):
        reader = jats if fmt == "jats" else pubmed
        yield fmt, reader.read_meta(el), reader.read_parts(el)


def _iter_records(chunks: Iterable[bytes], path: Path, max_depth: int) -> Iterator[tuple[str, Element]]:
    """(format, element) for each `<article>` and each PubMed citation, freed once read; elements
    nested deeper than `max_depth` stop the file."""
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


def stream_xml(path: Path, file_hash: str, limits: Limits = DEFAULT) -> Iterator[Document]:
    """The documents `ingest` gives, one at a time, the file read in chunks and never held whole
    (for PubMed baseline files of tens of thousands of citations), with what their titles state
    (`read_titles`). `file_hash` is the SHA-256 of the file's bytes; a file that turns out malformed
    raises IngestError after the documents before the fault."""
    for document in _streamed(path, file_hash, limits):
        read_titles(document)
        yield document


def _streamed(path: Path, file_hash: str, limits: Limits) -> Iterator[Document]:
    seen: set[str] = set()
    first: tuple[str, PaperMeta, list[dict]] | None = None
    position = 0
    try:
        for record in _read_records(_file_chunks(path), path, limits.max_xml_depth):
            fmt = record[0]
            if first is None and position == 0:
                first = record
            else:
                if first is not None:  # two records at least: ids from the records, as read_xml does
                    yield build_document(str(path), first[0], first[1], first[2],
                                         _paper_id(file_hash, first[1], 0, 2, seen))
                    first = None
                yield build_document(str(path), fmt, record[1], record[2],
                                     _paper_id(file_hash, record[1], position, 2, seen))
            position += 1
    except (ParseError, OSError, EOFError, zlib.error) as e:
        raise IngestError(str(path), f"malformed XML ({e})") from e
    if first is not None:
        yield build_document(str(path), first[0], first[1], first[2], _paper_id(file_hash, first[1], 0, 1, seen))
    elif position == 0:
        raise IngestError(str(path), "XML holds no article or PubMed citation")


def _numeric_entities(data: bytes) -> bytes:
    """HTML entity references ("&nbsp;") rewritten as character references ("&#160;")."""
    def sub(m: re.Match[bytes]) -> bytes:
        name = m.group(1).decode("ascii")
        if name in _XML_ENTITIES or name not in name2codepoint:
            return m.group(0)
        return f"&#{name2codepoint[name]};".encode("ascii")
    return _ENTITY.sub(sub, data)


def _paper_id(file_hash: str, meta: PaperMeta, position: int, count: int, seen: set[str]) -> str:
    """The file's hash for a one-record file; else a hash of it and the record's PMID, PMCID or
    position (position too when an identifier repeats, as in MEDLINE update files)."""
    if count == 1:
        return file_hash[:16]
    key = meta.pmid or meta.pmcid or f"#{position}"
    if key in seen:
        key = f"{key}#{position}"
    seen.add(key)
    return hashlib.sha256(f"{file_hash}:{key}".encode()).hexdigest()[:16]

"""Plain text as users paste it from PDFs and web pages, and saved HTML pages -> `Document`.

Paragraphs (paragraphs.py) are gathered into sections (sections.py); embedded JSON records, HTML
<meta> tags, "how to cite" lines, citation lines, bylines and article-history lines give the
paper's metadata (metadata.py); an abstract the text lacks is taken from a record.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path
from typing import Any

from leakmine.ingest import htmltext
from leakmine.ingest.headings import normalize_title
from leakmine.ingest.metadata import (
    date_year,
    find_dois,
    first_author_surname,
    history_year,
    looks_like_record,
    parse_byline,
    parse_citation_line,
    parse_cite_as,
    published_year,
    record_metadata,
)
from leakmine.ingest.paragraphs import FIELD, Line, Para, classify, find_title, paragraphs, text_blocks
from leakmine.ingest.sections import SectionBuilder, normalized
from leakmine.ingest.textclean import fix_chars
from leakmine.records import Document, PaperMeta, build_document

log = logging.getLogger(__name__)
_HTML_PAGE = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)


def decode(data: bytes) -> str:
    """Text of a pasted paper: UTF-16 with a byte-order mark, UTF-8 (with or without one), else cp1252."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _first(*values: Any) -> Any:
    return next((v for v in values if v not in (None, "", [])), None)


def _fields(paras: list[Para]) -> dict[str, str]:
    """Values of "Title: ...", "Authors: ...", "Journal: ...", "Year: ..." lines."""
    out: dict[str, str] = {}
    for p in paras:
        m = FIELD.match(p.text) if p.rule.startswith("field.") else None
        if m:
            out.setdefault(p.rule[len("field."):], m.group("value").strip())
    return out


def _metadata(paras: list[Para], parts: list[dict[str, Any]], records: list[dict[str, Any]]) -> PaperMeta:
    """Paper facts, first found wins: embedded records, "Title:" style fields, "how to cite" lines,
    journal citation lines, article history and copyright lines, bylines."""
    rec = records[0] if records else {}
    fields = _fields(paras)
    field_authors = [a for a in re.split(r"\s*[;,]\s*(?:and\s+)?|\s+and\s+", fields.get("author", "")) if a]
    cite = next((c for p in paras if p.role in ("boiler", "label") and (c := parse_cite_as(p.text))), None)
    lines = [c for p in paras if p.rule == "citation-line" and (c := parse_citation_line(p.text))]
    bylines = [b for p in paras if p.role == "byline" and (b := parse_byline(p.text))]
    matter = [p.text for p in paras
              if p.role in ("boiler", "byline", "label") and p.kind in ("front-matter", "back-matter")]
    history = [p.text for p in paras if p.rule == "history.dates"]
    copyright_years = [date_year(p.text) for p in paras if p.rule in ("copyright.mark", "licence.terms")]
    ident = " ".join(matter)
    pmid = re.search(r"\bPMID:?\s*(\d{5,9})\b", ident)
    pmcid = re.search(r"\bPMCID:?\s*(PMC\d+)\b", ident, re.IGNORECASE)
    return PaperMeta(
        title=_first(rec.get("title"), fields.get("title"),
                     next((p["text"] for p in parts if p["kind"] == "title"), None)),
        authors=list(bylines[0].names) if bylines else list(rec.get("authors") or field_authors),
        first_author=_first(cite and cite.first_author, rec.get("first_author"),
                            first_author_surname(field_authors),
                            first_author_surname(bylines[0].names) if bylines else None),
        journal=_first(rec.get("journal"), fields.get("journal"), *(c.journal for c in lines),
                       cite and cite.journal),
        year=_first(rec.get("year"), date_year(fields.get("year", "")), cite and cite.year,
                    *(c.year for c in lines), *map(published_year, history), *copyright_years,
                    *map(history_year, history)),
        doi=_first(rec.get("doi"), *(cite.dois if cite else ()), *(d for c in lines for d in c.dois),
                   *(d for t in matter for d in find_dois(t))),
        pmid=_first(rec.get("pmid"), pmid and pmid.group(1)),
        pmcid=_first(rec.get("pmcid"), pmcid and pmcid.group(1).upper()),
        article_type=next((normalize_title(p.text) for p in paras if p.rule == "article-type"), None),
    )


def _language(parts: list[dict[str, Any]]) -> str:
    sizes: dict[str, int] = {}
    for p in parts:
        if p["kind"] not in ("front-matter", "back-matter", "references"):
            lang = p.get("language", "en")
            sizes[lang] = sizes.get(lang, 0) + len(p["text"])
    return max(sizes, key=lambda k: sizes[k]) if sizes else "en"


def _records(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Pull embedded JSON records (one object on a line) out of the text; strip inline HTML."""
    kept, records = [], []
    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("{") and s.endswith("}"):
            try:
                obj = json.loads(s)
            except json.JSONDecodeError:
                obj = None
            if looks_like_record(obj):
                records.append(record_metadata(obj))
                continue
        kept.append(htmltext.strip_tags(line) if htmltext.has_tags(line) else line)
    return "\n".join(kept), records


def _html_blocks(text: str) -> tuple[list[list[Line]], list[dict[str, Any]]]:
    blocks, meta, page_title = htmltext.parse_html(text)
    out = [[Line(line, 0, None if b.role == "text" else b.role) for line in b.lines] for b in blocks]
    record = htmltext.meta_metadata(meta)
    if not record["title"] and not any(b.role == "title" for b in blocks) and page_title:
        record["title"] = page_title
    return out, [record]


def _abstract_parts(records: list[dict[str, Any]], seen: str) -> list[dict[str, Any]]:
    """A record's abstract as sections, unless the text already holds it."""
    abstract = next((r["abstract"] for r in records if r.get("abstract")), None)
    if not abstract:
        return []
    plain = htmltext.strip_tags(abstract) if "<" in abstract else abstract
    if normalized(plain)[:200] in seen:
        return []
    asm = SectionBuilder()
    asm.heading("Abstract")
    for line in plain.split("\n"):
        p = Para("body", line)
        classify(p)
        asm.add(p)
    return asm.finish()


def read_text(path: Path, data: bytes) -> list[Document]:
    """One pasted or saved paper -> one `Document` (paper_id: first 16 hex of the bytes' SHA-256)."""
    text = fix_chars(decode(data)).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    source_format = "html" if _HTML_PAGE.match(text) else "text"
    if source_format == "html":
        blocks, records = _html_blocks(text)
    else:
        text, records = _records(text)
        blocks = text_blocks(text)
    paras = paragraphs(blocks)
    if source_format == "text":
        find_title(paras)
    asm = SectionBuilder()
    for p in paras:
        asm.add(p)
    parts = asm.finish()
    if asm.dropped:
        log.debug("%s: left out %d repeated paragraphs", path, asm.dropped)
    rec_title = records[0].get("title") if records else None
    head: list[dict[str, Any]] = []
    if rec_title and not any(p["kind"] == "title" for p in parts):
        head.append({"title": "", "kind": "title", "text": rec_title})
    head.extend(_abstract_parts(records, asm.seen))
    parts = head + parts
    meta = _metadata(paras, parts, records)
    meta.language = _language(parts)
    paper_id = hashlib.sha256(data).hexdigest()[:16]
    return [build_document(str(path), source_format, meta, parts, paper_id)]

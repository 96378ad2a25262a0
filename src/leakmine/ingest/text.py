"""Plain text as users paste it from PDFs and web pages, and saved HTML pages -> `Document`.

Paragraphs (paragraphs.py) are gathered into sections (sections.py); embedded JSON records (whole
or cut short at the end of the line), HTML <meta> tags, "how to cite" lines, the paper's own
citation and issue lines, "Journal:" fields, running heads, bylines and author lines,
article-history, copyright and date lines give the paper's metadata (metadata.py), never the
reference list or lists of other papers; an abstract the text lacks is taken from a record. Inline
HTML and JATS markup is stripped, JATS section titles kept as headings. MEDLINE, RIS and RefWorks
exports (medline.py, ris.py, refworks.py) give one document per record.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable
from itertools import takewhile
from pathlib import Path
from typing import Any

from leakmine.ingest import htmltext
from leakmine.ingest.boilerplate import boilerplate_of
from leakmine.ingest.decoding import decode_text
from leakmine.ingest.frontmatter import article_type, is_label, label_parts, title_tail
from leakmine.ingest.headings import heading_kind
from leakmine.ingest.markdown import unflatten_text
from leakmine.ingest.medline import is_medline, medline_fields, medline_record, unflatten_record
from leakmine.ingest.metadata import (
    Byline,
    Citation,
    authors_before_title,
    date_year,
    et_al_author,
    family_given_author,
    find_dois,
    first_author_surname,
    history_year,
    is_date,
    looks_like_record,
    own_citation,
    parse_byline,
    parse_citation_line,
    parse_cite_as,
    parse_et_al_citation,
    parse_issue_line,
    parse_journal_field,
    parse_reference,
    published_year,
    record_metadata,
    running_head_author,
)
from leakmine.ingest.paragraphs import (
    BODY_KINDS,
    FIELD,
    LISTED_NAMES,
    Line,
    Para,
    classify_all,
    field_name,
    find_title,
    paragraphs,
    record_fields,
    text_blocks,
)
from leakmine.ingest.refworks import is_refworks, refworks_fields, refworks_record, unflatten_refworks
from leakmine.ingest.ris import is_ris, ris_fields, ris_record, unflatten_ris
from leakmine.ingest.sections import SectionBuilder, drop_previews
from leakmine.ingest.textclean import fix_chars, normalized
from leakmine.records import Document, PaperMeta, build_document

log = logging.getLogger(__name__)
_HTML_PAGE = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)
# A DOI's label run into the line before it, as a page's byline and DOI copy ("Li Wei2ABDOI: 10.5555/x"): a line
# of its own.
_GLUED_DOI = re.compile(r"(?<=[A-Za-z0-9*\u2020\u2021])(?=DOI\s*:\s*10\.\d)")
# A bar that sets the title off from the page's navigation ("<title> |"), no part of it.
_BAR = re.compile(r"^\s*\|\s*|\s*\|\s*$")


def _first(*values: Any) -> Any:
    return next((v for v in values if v not in (None, "", [])), None)


def _fields(paras: list[Para], front: list[Para]) -> dict[str, str]:
    """Values of "Title: ...", "Authors: ...", "Journal: ...", "Year: ..." lines. Without a colon, only
    above the text ("Year 2015", "Published 12.01.2020" further down may be rows of a table), save a
    catalogue's "Main Authors ...", "Published United States 01.12.2020" and cells run together ("Year of
    Publication2017"); an author run into its label names people ("AuthorsContributions" is a heading)."""
    out: dict[str, str] = {}
    above = {id(p) for p in front}
    for p in paras:
        for piece in record_fields(p.text) if p.rule.startswith("field.") else ():
            m = FIELD.match(piece)
            if not m:
                continue
            key, between, value = m.group("key").lower(), piece[m.end("key"):m.start("value")], m.group("value").strip()
            field_ = field_name(m)
            if not between and field_ == "author" and not re.search(r"[\s,;]", value):
                continue
            if ":" in between or not between or id(p) in above or key.startswith("main") or (
                    key == "published" and value[:1].isalpha()):
                out.setdefault(field_, value)
    return out


_REFERENCE_PIECES = frozenset({"citation-line", "issue-line", "journal.issue", "identifier.line"})


def _reference_list(paras: list[Para]) -> list[bool]:
    """Which paragraphs belong to the reference list: from its heading to the next known heading, and
    reference items with the citation or DOI lines that continue them."""
    out: list[bool] = []
    in_section = after_item = False
    for p in paras:
        kind = heading_kind(p.text) if p.role == "heading" else p.kind if p.role == "label" else None
        if kind:
            in_section = kind == "references"
        after_item = p.role == "reference" or (after_item and p.rule in _REFERENCE_PIECES)
        out.append(in_section or after_item)
    return out


def _front_block(paras: list[Para]) -> list[Para]:
    """The paragraphs before the first section heading or paragraph of running text."""
    return list(takewhile(lambda p: not (_titled(p) not in (None, "front-matter")
                                         or (p.role == "body" and len(p.text.split()) >= 15)), paras))


def _top(paras: list[Para]) -> list[Para]:
    """The paragraphs before the first section of the paper's text (its abstract or body)."""
    return list(takewhile(lambda p: _titled(p) not in BODY_KINDS, paras))


def _head(paras: list[Para]) -> list[Para]:
    """The paragraphs above the abstract and the first paragraph of text: a web page's header, which
    `_top` cuts short where an article type ("Case Reports") stands as a heading."""
    return list(takewhile(lambda p: _titled(p) != "abstract" and not (
        p.role in ("body", "label") and len(p.text.split()) >= 40), paras))


def _titled(p: Para) -> str | None:
    """The kind of section a heading or label paragraph opens (`heading_kind`), else None."""
    return heading_kind(p.title or p.text) if p.role in ("heading", "label") else None


def _citation(line: str) -> Citation | None:
    return parse_citation_line(line) or parse_issue_line(line)


def _own_citations(paras: list[Para], title: str | None) -> list[Citation]:
    """The paper's citations of itself (`own_citation`), each read with the lines of its block after it
    (a saved page breaks "Respir Med Case Rep 2018;" onto the next line); not a field's or heading's
    words ("Title: <title>", "Abstract: <title>")."""
    out = []
    for k, p in enumerate(paras if title else []):
        rest = [q.text for q in paras[k + 1:k + 4] if q.block == p.block and p.block >= 0]
        c = None if p.rule.startswith("field.") else own_citation(" ".join([p.text, *rest])[:600], title)
        if c and not (c.year is None and (heading_kind(c.first_author or "") or is_label(c.first_author or ""))):
            out.append(c)
    return out


def _metadata(paras: list[Para], parts: list[dict[str, Any]], records: list[dict[str, Any]],
              heads: list[str]) -> PaperMeta:
    """Paper facts, first found wins: embedded records, "Title:" style fields, "how to cite" lines,
    the paper's own citation and issue lines (also in running heads), article history, copyright and
    date lines, bylines. Nothing is read from the reference list."""
    rec = records[0] if records else {}
    in_refs = _reference_list(paras)
    # Citation and DOI lines in the reference list belong to the papers it cites.
    own = [p for p, r in zip(paras, in_refs, strict=True) if not (r and (p.rule in _REFERENCE_PIECES
                                                                         or p.role != "boiler"))]
    front = _front_block(paras)
    front_ids = {id(p) for p in front}
    top_ids = {id(p) for p in _top(paras)}
    fields = _fields(paras, front)
    field_journal = parse_journal_field(fields.get("journal", ""))
    issue = fields.get("issue", "")  # a catalogue's "Published in" the journal's issue: read, never taken whole
    in_issue = (parse_journal_field(issue) or parse_issue_line(issue)) if issue else None
    field_authors = [a for a in re.split(r"\s*[;,]\s*(?:and\s+)?|\s+and\s+", fields.get("author", "")) if a]
    cite = next((c for p in own if p.role in ("boiler", "label") and (c := parse_cite_as(p.text))), None)
    lines = [c for p in own if p.rule in ("citation-line", "issue-line", "journal.issue") and (c := _citation(p.text))]
    head_lines = [c for h in heads if (c := _citation(h))]
    # one name alone, or names in a bulleted list (terms in an abstract look alike), count above the text only
    bylines = [b for p in own if p.role == "byline" and (b := parse_byline(p.text))
               and ((len(b.names) > 1 and p.rule != LISTED_NAMES) or id(p) in front_ids)]
    head_ids = {id(p) for p in _head(paras)}
    own_cites = [c for p in own if id(p) in head_ids and (c := parse_et_al_citation(p.text))]  # under the title
    author_lines = [a for p in own if (a := (family_given_author(p.text) if id(p) in top_ids else None)
                                       or et_al_author(p.text)) and len(p.text.split()) <= 60]
    self_cites = [parse_reference(p.text) for p in front if p.role == "reference"]  # the paper cited above its title
    title = _first(rec.get("title"), fields.get("title"),
                   next((_BAR.sub("", p["text"]) for p in parts if p["kind"] == "title"), None))
    led = authors_before_title(title) if title else None  # "Ruiz, Wei, and Costa: <title>"
    title, title_year = title_tail(led[1] if led else title) if title else (title, None)
    own_refs = _own_citations(own, title)  # its title after its authors: "Okafor T, Lindqvist M. <title>. ..."
    if title and not bylines:
        bylines = [b for p in own if (b := _byline_after_title(p.text, title))][:1]
    matter = [p.text for p in own
              if p.role in ("boiler", "byline", "label") and p.kind in ("front-matter", "back-matter")]
    history = [p.text for p in own if p.rule == "history.dates"]
    copyright_years = [date_year(p.text) for p in own if p.rule in ("copyright.mark", "licence.terms")]
    # Dates and years on the lines above the title: "Case Report | Published: 3 May 2021", "SPINE CASES, 2021".
    dates = [date_year(p.text) for p in front if p.rule.startswith("front.") or p.rule == "article-type"
             or is_date(p.text)]
    # Dates and issues among the pieces of a front line: "PMC · DOI: ... · Cureus · 2025-07-08", "Spine J >
    # Volume 6(2); 2012 > Article".
    piece_years = [y for p in front if len(parts := label_parts(p.text)) > 1 for part in parts
                   if (y := date_year(part) if is_date(part) else getattr(parse_issue_line(part), "year", None))]
    journals = [p.text for p in own if p.rule == "front.journal"]
    short = [p.text for p in own if p.role != "reference" and len(p.text.split(None, 40)) <= 40]  # 40 words at most
    ident = " ".join(matter)
    pmid = re.search(r"\bPMID:?\s*(\d{5,9})\b", ident)
    pmcid = re.search(r"\bPMCID:?\s*(PMC\d+)\b", ident, re.IGNORECASE)
    return PaperMeta(
        title=title,
        authors=list(bylines[0].names) if bylines else list(rec.get("authors") or field_authors),
        first_author=_first(cite and cite.first_author, rec.get("first_author"), *(c.first_author for c in own_refs),
                            first_author_surname(field_authors),
                            first_author_surname(bylines[0].names) if bylines else None,
                            *(c.first_author for c in own_cites), *author_lines,
                            *(c.first_author for c in self_cites), *map(running_head_author, heads),
                            led and led[0]),
        journal=_first(rec.get("journal"), field_journal and field_journal.journal,
                       None if field_journal else fields.get("journal"), in_issue and in_issue.journal,
                       *(c.journal for c in lines), *journals, *(c.journal for c in own_cites),
                       *(c.journal for c in head_lines),
                       cite and cite.journal, *(c.journal for c in own_refs), *(c.journal for c in self_cites)),
        year=_first(rec.get("year"), date_year(fields.get("year", "")), field_journal and field_journal.year,
                    in_issue and in_issue.year,
                    cite and cite.year, *(c.year for c in own_refs), *(c.year for c in lines), *(c.year for c in own_cites),
                    *(c.year for c in head_lines), *(c.year for c in self_cites),
                    *map(published_year, history), *copyright_years, *piece_years, *dates, *map(history_year, history),
                    *(date_year(h) for h in heads if boilerplate_of(h)), title_year),
        doi=_first(rec.get("doi"), *(cite.dois if cite else ()), *(d for c in own_refs for d in c.dois), *(d for c in lines for d in c.dois),
                   *(d for t in matter for d in find_dois(t)), *(d for c in self_cites for d in c.dois),
                   *(d for h in heads for d in find_dois(h)), *(d for t in short for d in find_dois(t))),
        pmid=_first(rec.get("pmid"), pmid and pmid.group(1)),
        pmcid=_first(rec.get("pmcid"), pmcid and pmcid.group(1).upper()),
        article_type=next((article_type(t) for p in paras if p.rule == "article-type"
                           for t in label_parts(p.text) if article_type(t)), None),
    )


def _byline_after_title(text: str, title: str) -> Byline | None:
    """The names a PDF's text runs onto the end of the title's line, two or more ("<title> Ana Ruiz, Li Wei,
    Tom Berg Department of Orthopaedics, ...")."""
    t, head = " ".join(text.split()), " ".join(title.split())
    if len(t) <= len(head) or t[:len(head)].lower() != head.lower():
        return None
    byline = parse_byline(t[len(head):].strip())
    return byline if byline is not None and len(byline.names) > 1 else None


def _language(parts: list[dict[str, Any]]) -> str:
    sizes: dict[str, int] = {}
    for p in parts:
        if p["kind"] not in ("front-matter", "back-matter", "references"):
            lang = p.get("language", "en")
            sizes[lang] = sizes.get(lang, 0) + len(p["text"])
    return max(sizes, key=lambda k: sizes[k]) if sizes else "en"


# A JSON record cut short (a page shows its first characters): its whole "key": value pairs (a value may be
# a flat object or list: "journal": {"name": ...}), then the string or the key it was cut in.
_JSON_PAIR = re.compile(r'\s*"(?P<key>[^"\\]{1,60})"\s*:\s*(?P<value>"(?:[^"\\]|\\.)*"|null|true|false|-?\d+(?:\.\d+)?'
                        r'|\{(?:"(?:[^"\\]|\\.)*"|[^{}"])*\}|\[(?:"(?:[^"\\]|\\.)*"|[^\[\]{}"])*\])\s*,?')
_JSON_CUT = re.compile(r'\s*"(?P<key>[^"\\]{1,60})"\s*:\s*"(?P<value>(?:[^"\\]|\\.)*)\\?$')
_JSON_KEY_CUT = re.compile(r'\s*"[^"\\]{0,60}(?:"\s*(?::\s*)?)?$')  # cut in the next key: '"Periodi', '"year":'


def _cut_record(line: str) -> dict[str, Any] | None:
    """The fields of a one-line JSON object cut short at the end of the line, else None."""
    if not line.startswith('{"') or line.endswith("}"):
        return None
    obj: dict[str, Any] = {}
    pos = 1
    while m := _JSON_PAIR.match(line, pos):
        obj[m.group("key")] = json.loads(m.group("value"))
        pos = m.end()
    cut = _JSON_CUT.match(line, pos)
    if cut:
        try:
            obj[cut.group("key")] = json.loads(f'"{cut.group("value")}"')
        except json.JSONDecodeError:
            pass
    return obj if cut or pos == len(line) or _JSON_KEY_CUT.match(line, pos) else None


def _records(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Pull embedded JSON records (one object on a line, or its start) out of the text; strip inline
    HTML and JATS markup."""
    if "{" not in text and "<" not in text:
        return text, []
    kept, records = [], []
    for line in text.split("\n"):
        s = line.strip()
        obj = None
        if s.startswith("{") and s.endswith("}"):
            try:
                obj = json.loads(s)
            except json.JSONDecodeError:
                obj = None
        else:
            obj = _cut_record(s)
        if looks_like_record(obj):
            records.append(record_metadata(obj))
            continue
        if "<" in line and htmltext.has_jats(line):
            line = htmltext.jats_text(line)
        kept.append(htmltext.strip_tags(line) if "<" in line and htmltext.has_tags(line) else line)
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
    for p in classify_all([Para("body", line) for line in plain.split("\n")]):
        asm.add(p)
    return asm.finish()


def _record_documents(path: Path, data: bytes, found: list[tuple[str, dict[str, list[str]]]],
                      to_record: Callable[[dict[str, list[str]]], dict[str, Any]]) -> list[Document]:
    """One `Document` per record of a MEDLINE or RIS file (its text and tagged fields): its title and abstract."""
    docs = []
    for chunk, fields in found:
        record = to_record(fields)
        parts = [{"title": "", "kind": "title", "text": record["title"]}] if record["title"] else []
        parts += _abstract_parts([record], "")
        meta = _metadata([], parts, [record], [])
        meta.language = _language(parts)
        paper_id = hashlib.sha256(data if len(found) == 1 else chunk.encode("utf-8")).hexdigest()[:16]
        docs.append(build_document(str(path), "text", meta, parts, paper_id))
    return docs


def read_text(path: Path, data: bytes) -> list[Document]:
    """One pasted or saved paper -> one `Document` (paper_id: first 16 hex of the bytes' SHA-256); a
    MEDLINE file -> one per record."""
    text = fix_chars(decode_text(data, path)).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = unflatten_record(text) or unflatten_refworks(text) or unflatten_ris(text) or text
    if is_ris(text):  # before MEDLINE, whose tags "TY  - JOUR" would pass for
        return _record_documents(path, data, ris_fields(text), ris_record)
    if is_medline(text):
        return _record_documents(path, data, medline_fields(text), medline_record)
    if is_refworks(text):
        return _record_documents(path, data, refworks_fields(text), refworks_record)
    source_format = "html" if _HTML_PAGE.match(text) else "text"
    heads: list[str] = []
    if source_format == "html":
        blocks, records = _html_blocks(text)
    else:
        text, records = _records(text)
        blocks, heads = text_blocks(unflatten_text(_GLUED_DOI.sub("\n", text)))
    paras = paragraphs(blocks)
    if source_format == "text":
        find_title(paras)
    asm = SectionBuilder()
    for p in drop_previews(paras):
        asm.add(p)
    parts = asm.finish()
    if asm.dropped:
        log.debug("%s: left out %d repeated paragraphs", path, asm.dropped)
    rec_title = records[0].get("title") if records else None
    head: list[dict[str, Any]] = []
    if rec_title and not any(p["kind"] == "title" for p in parts):
        head.append({"title": "", "kind": "title", "text": rec_title})
    head.extend(_abstract_parts(records, asm.seen))
    titles = [p for p in parts[:1] if p["kind"] == "title"]  # the record's abstract goes under the title
    parts = titles + head + parts[len(titles):]
    meta = _metadata(paras, parts, records, heads)
    meta.language = _language(parts)
    paper_id = hashlib.sha256(data).hexdigest()[:16]
    return [build_document(str(path), source_format, meta, parts, paper_id)]

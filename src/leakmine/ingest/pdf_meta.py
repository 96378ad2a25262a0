"""Bibliographic facts printed on the first page of a PDF (the PDF's own metadata as fallback)."""

from __future__ import annotations

import re

from leakmine.ingest.pdf_layout import Line, join_words
from leakmine.ingest.pdf_structure import article_type, looks_like_byline, vocabulary
from leakmine.ingest.textclean import fix_chars, join_wrapped
from leakmine.records import PaperMeta

DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)
_YEAR = r"((?:19|20)\d\d)"
# In order of trust: the issue a citation line names, then the licence and history dates.
_YEAR_CUES = [
    re.compile(rf"\bvol(?:ume|\.)?\s*{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\(\s*{_YEAR}\s*\)\s*[,;:]?\s*\d"),
    re.compile(rf"\b{_YEAR}\s*[,;]\s*\d+\s*[:(]"),
    re.compile(rf"\bpublished(?:\s+online)?\s*:?\s*(?:\w+\s+){{0,3}}{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"(?:\u00a9|\(c\)|copyright)\s*(?:\D{{0,60}}?\s)?{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\baccepted\s*:?\s*(?:\w+\s+){{0,3}}{_YEAR}\b", re.IGNORECASE),
]
_JOURNAL_CUES = [
    re.compile(r"et al\.?\s*(?P<j>[A-Z][A-Za-z&.,:' -]{2,80}?)\s+\(?(?:19|20)\d\d\b"),
    re.compile(r"^(?P<j>[A-Z][A-Za-z&.,:' -]{2,80}?)\s*\((?:19|20)\d\d\)"),
    re.compile(r"^(?P<j>[A-Z][A-Za-z&.,:' -]{2,80}?)\s+(?:19|20)\d\d\s*[;,]\s*\d"),
]
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


def find_doi(text: str) -> str | None:
    m = DOI.search(text.replace("\u2010", "-"))
    return m.group(1).rstrip(".,;)]").lower() if m else None


def find_year(text: str) -> int | None:
    for cue in _YEAR_CUES:
        m = cue.search(text)
        if m:
            return int(m.group(1))
    return None


def find_journal(lines: list[str]) -> str | None:
    """The journal name from a page-1 header or citation line."""
    for k, text in enumerate(lines[:-1]):
        if re.match(r"^vol(?:ume|\.)\s*\d", lines[k + 1], re.IGNORECASE) and not DOI.search(text):
            return text.strip()
    for text in lines:
        for cue in _JOURNAL_CUES:
            m = cue.search(text)
            if m and len(m.group("j").split()) <= 10:
                return m.group("j").strip(" ,.:")
    return None


def surname(name: str) -> str | None:
    """Family name of a printed author name ("Shane M. Burke" -> "Burke", "Maurits W van Tulder" ->
    "van Tulder")."""
    particles, suffixes = set(vocabulary()["name_particles"]), set(vocabulary()["name_suffixes"])
    parts = [p for p in re.split(r"\s+", name.strip(" *\u2020\u2021.,")) if p]
    while parts and parts[-1].lower().strip(".,") in suffixes:
        parts.pop()
    if not parts:
        return None
    k = len(parts) - 1
    while k > 0 and parts[k - 1].lower() in particles:
        k -= 1
    return " ".join(parts[k:]).strip(".,")


def authors_from(lines: list[Line]) -> list[str]:
    """Author names from byline lines, without affiliation marks (superscripts, *, digits)."""
    text = " ".join(join_words([w for w in ln.words if w.size >= ln.size - 0.5]) for ln in lines)
    text = fix_chars(re.sub(r"[\d*\u2020\u2021\u00a7\u00b6#]+(?:,[\d*]+)*", " ", text))
    suffixes = set(vocabulary()["name_suffixes"])
    names = []
    for piece in _NAME_SPLIT.split(text):
        piece = " ".join(piece.split()).strip(" .")
        if re.search(r"[A-Za-z\u00c0-\u024f]{2}", piece) and len(piece.split()) <= 6 \
                and piece.lower().replace(".", "") not in suffixes:
            names.append(piece)
    return names


def read_meta(first_page: list[Line], front_lines: list[Line], title_lines: list[Line],
              author_lines: list[Line], pdf_info: dict) -> PaperMeta:
    """Title, authors, journal, year, DOI and article type from page 1; PDF info fills the gaps."""
    page_text = "\n".join(ln.text for ln in first_page)
    title = fix_chars(join_wrapped([ln.text for ln in title_lines])) or None
    info_title = str(pdf_info.get("Title") or "").strip()
    if not title and len(info_title.split()) >= 3:
        title = info_title
    authors = authors_from(author_lines)
    info_authors = str(pdf_info.get("Author") or "")
    publisher = re.search(r"journal|press|publish", info_authors, re.IGNORECASE)
    if not authors and looks_like_byline(info_authors) and not publisher:
        authors = [a.strip() for a in _NAME_SPLIT.split(info_authors) if a.strip()]
    year = find_year(page_text)
    if year is None:
        m = re.match(r"D:((?:19|20)\d\d)", str(pdf_info.get("CreationDate") or ""))
        year = int(m.group(1)) if m else None
    types = [t for t in (article_type(ln.text) for ln in front_lines if len(ln.text) < 60) if t]
    return PaperMeta(
        title=title, authors=authors, first_author=surname(authors[0]) if authors else None,
        journal=find_journal([ln.text for ln in first_page]), year=year,
        doi=find_doi(page_text) or find_doi(str(pdf_info.get("doi") or pdf_info.get("Subject") or "")),
        article_type=types[0] if types else None,
    )

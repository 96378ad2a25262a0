"""HTML pages (saved articles, pasted abstracts) -> blocks of text lines and citation metadata.

The stdlib `html.parser` walks the page: block elements end a block, <br> ends a line, <h1>-<h4>
give headings, <figcaption>/<caption> captions and <tr> table rows; scripts, styles, navigation and
forms are dropped. Highwire/Dublin Core <meta> tags ("citation_doi", "dc.title") give metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any

from leakmine.ingest.metadata import date_year, first_author_surname, normalize_doi
from leakmine.ingest.runin import leading_label, strip_label

_BLOCKS = frozenset(
    "p div li dd dt blockquote section article header footer aside figure main ul ol dl pre table "
    "thead tbody tfoot address center h5 h6 body".split()
)
_HEADINGS = {"h1": "title", "h2": "heading", "h3": "heading", "h4": "heading"}
_SKIP = frozenset("script style noscript nav form button svg math select template iframe".split())
_VOID = frozenset("br hr img meta link input area base col embed source track wbr".split())
_INLINE_TAGS = "p|br|strong|em|b|i|u|sup|sub|span|div|a|h[1-6]|li|ul|ol|table|tr|td|th"
_TAG = re.compile(rf"<\s*/?\s*(?:{_INLINE_TAGS})\b[^>]*>", re.IGNORECASE)
# JATS markup that abstract records carry into web pages: sections and paragraphs end a block, titles
# stand on their own, other elements (italics, lists) leave only their text.
_JATS = re.compile(r"<\s*/?\s*jats:[\w-]+\b[^>]*>", re.IGNORECASE)
_JATS_BLOCK = re.compile(r"<\s*/?\s*jats:(?:sec|p|list-item|list|abstract)\b[^>]*>", re.IGNORECASE)
_JATS_TITLE = re.compile(r"<\s*jats:title\b[^>]*>(?P<title>.*?)<\s*/\s*jats:title\s*>", re.IGNORECASE | re.DOTALL)


@dataclass
class HtmlBlock:
    """One block of a page: its role ("text", "title", "heading", "caption", "row") and lines."""

    role: str
    lines: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[HtmlBlock] = []
        self.meta: dict[str, list[str]] = {}
        self.page_title = ""
        self._buf: list[str] = []
        self._roles: list[str] = []
        self._skip = 0
        self._in_title = False
        self._cells: list[str] | None = None

    def _flush(self) -> None:
        text = "".join(self._buf)
        self._buf = []
        if self._cells is not None:
            if text.strip():
                self._cells.append(" ".join(text.split()))
            return
        lines = [" ".join(line.split()) for line in text.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            self.blocks.append(HtmlBlock(self._roles[-1] if self._roles else "text", lines))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag == "meta":
            a = dict(attrs)
            name = (a.get("name") or a.get("property") or "").lower()
            if name and a.get("content"):
                self.meta.setdefault(name, []).append(a["content"] or "")
        elif tag == "title":
            self._in_title = True
        elif tag == "br":
            self._buf.append("\n")
        elif tag == "tr":
            self._flush()
            self._cells = []
        elif tag in ("td", "th") and self._cells is not None:
            self._flush()
        elif tag in _HEADINGS or tag in ("figcaption", "caption"):
            self._flush()
            self._roles.append(_HEADINGS.get(tag, "caption"))
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag == "tr" and self._cells is not None:
            self._flush()
            if self._cells:
                self.blocks.append(HtmlBlock("row", [" | ".join(self._cells)]))
            self._cells = None
        elif tag in ("td", "th") and self._cells is not None:
            self._flush()
        elif tag in _HEADINGS or tag in ("figcaption", "caption"):
            self._flush()
            if self._roles:
                self._roles.pop()
        elif tag in _BLOCKS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page_title += data
        elif not self._skip:
            self._buf.append(data.replace("\n", " "))


def parse_html(text: str) -> tuple[list[HtmlBlock], dict[str, list[str]], str]:
    """Blocks of a page, its <meta> tags (name -> contents) and its <title>."""
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.blocks, parser.meta, " ".join(parser.page_title.split())


def strip_tags(fragment: str) -> str:
    """Inline HTML in pasted text ("<p><strong>Background:</strong> ...</p>") -> plain text lines."""
    blocks, _, _ = parse_html(fragment)
    return "\n".join(line for b in blocks for line in b.lines) or unescape(_TAG.sub(" ", fragment))


def has_jats(line: str) -> bool:
    """Whether a line of pasted text carries JATS markup (`<jats:sec>`, `<jats:title>`)."""
    return bool(_JATS.search(line))


def jats_text(line: str) -> str:
    """A line with JATS markup -> lines of plain text: each section's title and each paragraph on a
    line of its own. A section whose title was flattened into its first sentence ("<jats:sec>Background
    Leaks are rare.") gets it back on a line of its own."""
    text = _JATS_TITLE.sub(lambda m: f"\n{' '.join(m.group('title').split())}\n", line)
    blocks = []
    for block in _JATS_BLOCK.split(text):
        block = unescape(_JATS.sub("", block)).strip()
        label = leading_label(block)
        blocks.append(f"{label.label}\n{strip_label(block, label.label)}" if label else block)
    return "\n".join(b for b in blocks if b)


def has_tags(line: str) -> bool:
    """Whether a line of pasted text carries HTML markup."""
    return len(_TAG.findall(line)) >= 2


def meta_metadata(meta: dict[str, list[str]]) -> dict[str, Any]:
    """Title, authors, journal, year, DOI and PMID from Highwire ("citation_*"), Dublin Core and
    PRISM <meta> tags."""
    def first(*names: str) -> str | None:
        for n in names:
            for v in meta.get(n, []):
                if v.strip():
                    return " ".join(v.split())
        return None

    authors = meta.get("citation_author") or meta.get("dc.creator") or []
    doi = first("citation_doi", "prism.doi", "dc.identifier", "doi")
    date = first("citation_publication_date", "citation_date", "citation_online_date",
                 "prism.publicationdate", "dc.date", "citation_year")
    return {
        "title": first("citation_title", "dc.title"),
        "authors": authors,
        "first_author": first_author_surname(authors),
        "journal": first("citation_journal_title", "prism.publicationname", "citation_journal_abbrev"),
        "year": date_year(date) if date else None,
        "doi": normalize_doi(doi) if doi and "10." in doi else None,
        "pmid": first("citation_pmid"),
        "pmcid": None,
        "abstract": None,
    }

"""Where a PDF paper prints each mention: its page and the boxes around its words.

After extraction, each mention of a PDF paper is looked for on the pages of its section, in the
page's own character stream as pdfium reads it. Both sides are compared as lower-case letters and
digits only, so line breaks, hyphenation, ligatures and spacing do not matter; when the words
occur more than once, the place whose surrounding characters best continue the mention's sentence
wins. Boxes are in PDF points from the page's top-left corner (as pdfplumber measures), one per
printed line the words cover.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

import pypdfium2 as pdfium

from leakmine.records import Box, Document, Mention

# How many characters of sentence context on each side decide between repeated words.
CONTEXT = 160


def normalize(text: str) -> tuple[str, list[int]]:
    """`text` as lower-case letters and digits, and the index in `text` of each kept character."""
    out, where = [], []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).casefold():
            if c.isalnum():
                out.append(c)
                where.append(i)
    return "".join(out), where


@dataclass
class PageText:
    """One page's characters as pdfium reads them, normalized, with a box per kept character."""

    number: int
    page: pdfium.PdfPage
    textpage: pdfium.PdfTextPage = field(init=False)

    def __post_init__(self) -> None:
        self.textpage = self.page.get_textpage()
        left, _, _, top = self.page.get_bbox()
        self.origin = (left, top)

    @cached_property
    def stream(self) -> tuple[str, list[int]]:
        n = self.textpage.count_chars()
        text = self.textpage.get_text_range(0, n) if n else ""
        if len(text) != n:  # characters pdfium cannot map one to one: read them one by one
            text = "".join(self.textpage.get_text_range(i, 1)[:1] or " " for i in range(n))
        return normalize(text)

    def boxes(self, chars: list[int]) -> list[Box]:
        """Boxes of the given character indexes, merged along each printed line."""
        left, top = self.origin
        out: list[list[float]] = []
        for i in chars:
            x0, y0, x1, y1 = self.textpage.get_charbox(i, loose=True)
            b = [x0 - left, top - y1, x1 - left, top - y0]
            last = out[-1] if out else None
            if last and abs(b[1] - last[1]) < 0.5 * (last[3] - last[1]) and b[0] >= last[0] - 1:
                last[0], last[1] = min(last[0], b[0]), min(last[1], b[1])
                last[2], last[3] = max(last[2], b[2]), max(last[3], b[3])
            else:
                out.append(b)
        return [Box(self.number, *(round(v, 1) for v in b)) for b in out]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _best(pages: list[PageText], words: str, before: str, after: str) -> tuple[PageText, int] | None:
    """The page and stream position of `words` whose neighbours best match `before` and `after`."""
    best, best_score = None, -1
    for p in pages:
        stream = p.stream[0]
        pos = stream.find(words)
        while pos >= 0:
            score = (_common_prefix(stream[max(0, pos - CONTEXT):pos][::-1], before)
                     + _common_prefix(stream[pos + len(words):pos + len(words) + CONTEXT], after))
            if score > best_score:
                best, best_score = (p, pos), score
            pos = stream.find(words, pos + 1)
    return best


def locate_mention(pages: dict[int, PageText], document: Document, m: Mention) -> list[Box]:
    """The boxes of one mention's words on its section's pages (any page when not found there)."""
    words = normalize(m.text)[0]
    if not words:
        return []
    offset = m.start_char - m.sentence_start
    before = normalize(m.sentence[:offset])[0][::-1][:CONTEXT]
    after = normalize(m.sentence[offset + len(m.text):])[0][:CONTEXT]
    section = document.sections[m.section_index]
    first, last = section.page_start or 1, section.page_end or section.page_start or len(pages)
    near = [pages[n] for n in range(first, last + 1) if n in pages]
    found = _best(near, words, before, after) or _best(list(pages.values()), words, before, after)
    if found is None:
        return []
    page, pos = found
    return page.boxes(page.stream[1][pos:pos + len(words)])


def locate(document: Document, mentions: list[Mention], pdf_bytes: bytes) -> dict[str, list[Box]]:
    """Mention id -> boxes of its words on the page, for every mention found in the PDF's text."""
    if not mentions:
        return {}
    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        pages = {n: PageText(n, pdf[n - 1]) for n in range(1, len(pdf) + 1)}
        out = {}
        for m in mentions:
            boxes = locate_mention(pages, document, m)
            if boxes:
                out[m.mention_id] = boxes
        return out
    finally:
        pdf.close()

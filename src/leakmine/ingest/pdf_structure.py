"""PDF lines in reading order -> titled sections (headings, captions, tables, front matter).

Works on `pdf_layout.Line`s of all pages: drops running headers, footers and page numbers, reads the
title block of page 1, then walks the lines once, starting a section at each heading, setting
captions, tables and small-print front matter aside as their own sections, and rejoining the lines
of each paragraph with `textclean.join_wrapped`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from leakmine.ingest.boilerplate import boilerplate_of
from leakmine.ingest.captions import caption_label
from leakmine.ingest.headings import heading_kind, mend_spacing, normalize_title
from leakmine.ingest.language import detect_language
from leakmine.ingest.metadata import history_stages, parse_byline
from leakmine.ingest.pdf_layout import LABEL_WORDS, Line, Page, Word, build_lines, join_words
from leakmine.ingest.textclean import fix_chars, join_wrapped, text_words

_NUMBERED = re.compile(r"^(?P<num>(?:\d{1,2}\.)+\d{0,2}|[IVX]{1,4}\.|[A-H]\.)\s+(?=[A-Z])")
_SENTENCE_END = re.compile(r"[.!?:][\"')\]\u201d]?$")
_ABBREV_END = re.compile(r"(?:\bal|\bFig|\be\.g|\bi\.e|\bvs|\bDr|\bNo|\bcf|\bet)\.$")
_MARGIN = 0.1
# A footnote under a table's rows: a mark, or a note or abbreviations label.
_TABLE_NOTE = re.compile(r"^(?:[*\u2020\u2021\u00a7\u00b6#]|(?:Notes?|Abbreviations?)\b\s*[:.])")
# Most words of a caption set in body type; a longer paragraph opening with "Table 2." is body text.
_CAPTION_WORDS = 40
_WORD3 = re.compile(r"[^\W\d_]{3}")
_LETTERING_WORDS = 6  # a line of a figure's lettering (a key, an axis title) holds this many words at most
_PROSE_END = re.compile(r"[.,:;]$")
_ABSTRACT_WORDS = 20  # small print under an abstract's heading this long is the abstract
_PARAGRAPH_WORDS = 12  # ... and after a space, a paragraph this long goes on with it
_HISTORY_RULE = "history.dates"  # the boilerplate rule of an article's history line
_OPEN_END = re.compile(r"(?<![\w.])[a-z]+$")  # a line that ends at a word in lower case: its sentence goes on
_E_DASH = re.compile(r"(?<![\d.])(\d+)e(?=\d+\b)")
_ITALIC = re.compile(r"ital|obl|-it\b|[a-z]it$", re.IGNORECASE)
_MINOR_WORDS = frozenset({"a", "an", "and", "of", "the", "in", "for", "with", "to", "on", "at", "by", "or"})
_BODY_KINDS = frozenset({"introduction", "case", "methods", "results", "discussion"})


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return json.loads(resources.files(__package__).joinpath("pdf_vocab.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _front_matter_patterns() -> tuple[re.Pattern, re.Pattern]:
    v = vocabulary()
    return (re.compile("|".join(v["front_matter_anywhere"]), re.IGNORECASE),
            re.compile(r"^[\W\d]{0,4}(?:" + "|".join(v["front_matter_start"]) + ")", re.IGNORECASE))


def is_front_matter(text: str) -> bool:
    """Whether a small-print block reads as affiliation, correspondence, dates or licence."""
    anywhere, start = _front_matter_patterns()
    return bool(anywhere.search(text) or start.match(text))


# Most words a prepended cover page holds (an article's first page holds more).
_COVER_WORDS = 400


def is_cover(pages: list[Page]) -> bool:
    """Whether page 1 is a cover that a publisher or repository set before the article ("To cite this
    article", "Full Terms & Conditions", "Please cite this article as"): two or more such notices on a
    short first page of a paper that has at least two more pages."""
    if len(pages) < 3:
        return False
    text = " ".join(ln.text for ln in pages[0].lines)
    if len(text.split()) > _COVER_WORDS:
        return False
    notices = sum(1 for p in vocabulary()["cover_page"] if re.search(p, text, re.IGNORECASE))
    return notices >= 2


def _key(text: str) -> str:
    """A running head without its page number: "2 Case Reports in Surgery" -> "casereportsinsurgery"."""
    return re.sub(r"[\d\W_]+", "", text.lower())


def running_lines(pages: list[Page]) -> set[int]:
    """ids of running headers, footers and page numbers: margin lines repeated across pages."""
    seen: Counter = Counter()
    margin: list[tuple[Line, str]] = []
    for p in pages:
        keys = set()
        for ln in p.lines:
            if ln.top < _MARGIN * p.height or ln.bottom > (1 - _MARGIN) * p.height:
                k = _key(ln.text)
                margin.append((ln, k))
                keys.add(k)
        seen.update(keys)
    drop = set()
    for ln, k in margin:
        page_number = not k or re.fullmatch(r"(?:page)?(?:of)?", k)
        if page_number or (seen[k] >= 2 and len(pages) > 1):
            drop.add(id(ln))
    return drop


def body_style(lines: list[Line]) -> tuple[float, str]:
    """The font size and font name of body text: the largest size holding a tenth of the text
    (references, captions and tables are set smaller, and can outweigh the body of a short paper)."""
    sizes: Counter = Counter()
    for ln in lines:
        sizes[ln.size] += len(ln.text)
    total = sum(sizes.values())
    common = [s for s, n in sizes.items() if n >= 0.1 * total]
    size = max(common) if common else 10.0
    fonts: Counter = Counter()
    for ln in lines:
        if abs(ln.size - size) < 0.3:
            fonts[ln.font] += len(ln.text)
    return size, fonts.most_common(1)[0][0] if fonts else ""


def line_pitches(lines: list[Line]) -> dict[float, float]:
    """The distance from one line to the next within a paragraph, per font size: the smallest distance
    that recurs (larger ones are gaps between paragraphs or blocks)."""
    seen: dict[float, Counter] = {}
    for a, b in pairwise(lines):
        d = b.top - a.top
        if a.page == b.page and a.side == b.side and a.size == b.size and 0.8 * a.size < d < 3 * a.size:
            seen.setdefault(a.size, Counter())[round(d * 2) / 2] += 1
    pitches = {}
    for size, counts in seen.items():
        floor = max(2, 0.1 * max(counts.values()))
        pitches[size] = min((d for d, n in counts.items() if n >= floor), default=counts.most_common(1)[0][0])
    return pitches


@dataclass
class Part:
    """A section being read: its title, canonical kind, lines grouped by paragraph, pages."""

    title: str
    kind: str
    paragraphs: list[list[str]] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    level: int = 1

    def add(self, line: Line, text: str, new_paragraph: bool) -> None:
        if new_paragraph or not self.paragraphs:
            self.paragraphs.append([])
        self.paragraphs[-1].append(text)
        self.pages.append(line.page)

    def to_dicts(self, known: frozenset[str] = frozenset()) -> list[dict]:
        """The part as build_document takes it, one dict per run of paragraphs in one language (an
        abstract printed again in another language is not mined); a heading with no text of its own
        (only subsections) keeps its title as text so that it is not lost."""
        runs: list[tuple[str, list[str]]] = []
        for p in self.paragraphs:
            text = fix_chars(join_wrapped(p, known))
            language = detect_language(text)
            if runs and runs[-1][0] == language:
                runs[-1][1].append(text)
            else:
                runs.append((language, [text]))
        pages = {"page_start": min(self.pages) if self.pages else None,
                 "page_end": max(self.pages) if self.pages else None}
        return [{"title": fix_chars(self.title), "kind": self.kind, "text": "\n".join(texts) or self.title,
                 "language": language, **pages} for language, texts in runs or [("en", [])]]


@dataclass
class Heading:
    """A heading as printed (without trailing punctuation) and its depth (1 = top level)."""

    title: str
    level: int
    rest: list[Word] | None = None  # the words after a run-in heading ("2.1. Operation. We ...")


class Reader:
    """One pass over the lines of a PDF, in reading order, building its parts."""

    def __init__(self, pages: list[Page]):
        self.pages = pages
        drop = running_lines(pages)
        self.lines = [ln for p in pages for ln in p.lines if id(ln) not in drop]
        self.body_size, self.body_font = body_style(self.lines)
        self.pitches = line_pitches(self.lines)
        self.parts: list[Part] = []  # finished parts, in order
        self.aside: list[Part] = []  # captions, tables and small print met inside the current section
        self.headed: list[Part] = []  # parts opened by a heading (for the kind of unknown subheadings)
        self.current: Part | None = None
        self.prev: Line | None = None  # the last line added to the current part
        self.opened_at: Line | None = None  # the heading line of the current part
        self.used: set[int] = set()  # lines already read into a table
        self.top_style: tuple[str, float] | None = None  # font and size of top-level headings
        self.abstract_style: tuple[str, float] | None = None  # ... of the heading "Abstract"
        self.seen_abstract = False
        self.past_references = False  # a reference list was read: what follows is back matter
        self.numbers: set[tuple[int, ...]] = set()  # heading numbers seen: (2,) for "2.", (2, 1) for "2.1."
        self.title_lines: list[Line] = []
        self.author_lines: list[Line] = []
        self.front_lines: list[Line] = []  # page-1 lines around the title (journal, article type, dates)

    # ---- line properties -------------------------------------------------------------------
    def spaced(self, above: Line, below: Line) -> bool:
        """Whether more white space than the usual line pitch separates two lines of one column."""
        size = max(above.size, below.size)
        return below.top - above.top > 1.3 * self.pitches.get(size, 1.2 * size)

    def styled(self, ln: Line) -> bool:
        """Set off from body text: larger, bold where the body is not, or all capitals."""
        if ln.size >= self.body_size + 0.8:
            return True
        if ln.size < self.body_size - 1.5:
            return False
        letters = re.sub(r"[^A-Za-z]", "", ln.text)
        return (ln.bold and ln.font != self.body_font) or (len(letters) > 3 and letters.isupper())

    def small(self, ln: Line) -> bool:
        return ln.size <= self.body_size - 1.5

    def heading(self, ln: Line, nxt: Line | None = None) -> Heading | None:
        """A run-in heading at the start of the line, or a whole-line heading (`nxt`, the line after
        it, tells a subheading set in its own font, as BMC sets them, from a line of other text)."""
        text = ln.text.strip()
        if caption_label(text) or len(re.sub(r"[^A-Za-z]", "", text)) < 3:
            return None
        run_in = self.run_in(ln)
        if run_in:
            return run_in
        numbered = _NUMBERED.match(text)
        if len(text.split()) > 14 or text.endswith((",", ";")) or not (text[0].isupper() or numbered):
            return None
        if _lettering(text) or len(_cells(ln)) >= 2:
            return None  # figure lettering, an equation, or a table row
        other_font = ln.font != self.body_font
        known = bool(heading_kind(text)) and len(text.split()) <= 6 and ln.size >= self.body_size - 3
        set_off = self.styled(ln) or (numbered and other_font and ln.size >= self.body_size - 0.5) \
            or (other_font and known) or (nxt is not None and self._quiet_heading(ln, nxt))
        if numbered and (not self.in_sequence(numbered.group("num")) or not self.styled(ln)
                         and (re.search(r":\s+[a-z]", text) or ln.x1 > ln.col_x1 - 2 * ln.size)):
            return None  # a numbered list item, not a heading
        if set_off and (heading_kind(text) or numbered or not re.search(r"[a-z]\.\s+[A-Z]", text)):
            return Heading(text.rstrip(".: "), self._level(ln, numbered))
        return None

    def _wraps_heading(self, first: Line, last: Line, ln: Line) -> bool:
        """Whether `ln` carries on a heading begun on `first` (whose last line so far is `last`): set
        in its type right under it, short, and no heading of its own."""
        text = ln.text.strip()
        return (ln.page == last.page and ln.side == last.side and abs(ln.size - first.size) < 0.3
                and _font_share(ln, first.font) >= 0.6 and 0 < ln.top - last.top <= 1.6 * ln.size
                and len(text.split()) <= 8 and not _NUMBERED.match(text) and not heading_kind(text)
                and not caption_label(text) and not last.text.rstrip().endswith((".", ":"))
                and first.font != self.body_font and len(_cells(ln)) < 2)

    def _quiet_heading(self, ln: Line, nxt: Line) -> bool:
        """A short line wholly in another font than the body, not filling its column, with body text
        right under it."""
        return (all(w.font != self.body_font for w in ln.words) and ln.size >= self.body_size - 1.5
                and len(ln.text.split()) <= 12 and not ln.text.endswith((".", ",", ";", ":"))
                and ln.x1 < ln.col_x1 - 2 * ln.size and nxt.font == self.body_font
                and nxt.page == ln.page and nxt.side == ln.side and 0 < nxt.top - ln.top < 3 * nxt.size)

    def run_in(self, ln: Line) -> Heading | None:
        """"2.1. Operation. We performed ..." -> a heading with the words after it; a front- or back-matter
        label ("Keywords:", "Funding:") may be set smaller than the body."""
        words = ln.words
        k = 0
        while k < len(words) and words[k].font != self.body_font and words[k].size >= self.body_size - 1.5:
            k += 1
        if k == 0 or k == len(words) or k > 10:
            return None
        head = join_words(words[:k]).strip()
        if not head.endswith((".", ":")) or not (head[0].isupper() or head[0].isdigit()):
            return None
        title = head.rstrip(".: ")
        if min(w.size for w in words[:k]) < self.body_size - 0.5 \
                and heading_kind(title) not in ("front-matter", "back-matter"):
            return None
        numbered = _NUMBERED.match(head)
        if numbered and not self.in_sequence(numbered.group("num")):
            return None
        titled = all(w[0].isupper() or not w[0].isalpha() or w in _MINOR_WORDS for w in title.split())
        if numbered or heading_kind(title) or (titled and (all(w.bold for w in words[:k]) or k <= 6)):
            level = numbered.group("num").rstrip(".").count(".") + 1 if numbered else 3
            return Heading(title, level, words[k:])
        return None

    def in_sequence(self, number: str) -> bool:
        """Whether a heading number follows the ones seen so far ("2." after "1.", "2.1." in "2.");
        letters and roman numerals are taken as they come."""
        parts = tuple(int(p) for p in number.rstrip(".").split(".") if p.isdigit())
        if not parts or not number[0].isdigit():
            return True
        if parts[-1] == 1:
            return len(parts) == 1 or parts[:-1] in self.numbers
        return parts[:-1] + (parts[-1] - 1,) in self.numbers or parts in self.numbers

    def _level(self, ln: Line, numbered: re.Match | None) -> int:
        if numbered:
            return numbered.group("num").rstrip(".").count(".") + 1
        top = self.top_style
        return 1 if top is None or (ln.font, ln.size) == top or ln.size > top[1] + 0.3 else 2

    def kind_of(self, title: str, level: int, style: tuple[str, float] | None = None) -> str:
        """The heading's own kind; an unknown subheading takes its parent's kind."""
        kind = heading_kind(title)
        in_abstract = self.current is not None and self.current.kind == "abstract" \
            and (self.abstract_style is None or style != self.abstract_style)
        if kind == "abstract" and self.seen_abstract and not in_abstract \
                and normalize_title(title) not in ("abstract", "summary"):
            kind = "introduction"  # "Background" after the abstract, or set like "Abstract", opens the body
        if kind:
            return kind
        if self.past_references:  # reviewer reports, appendices, author notes
            return "back-matter"
        parent = next((p for p in reversed(self.headed) if p.level < level), None)
        return parent.kind if parent else "other"

    def accepts(self, h: Heading) -> bool:
        """Whether a heading found inside the current part opens a new part."""
        kind = self.current.kind if self.current else "other"
        own = heading_kind(h.title)
        if kind == "references":  # only back matter follows a reference list
            return h.rest is None and own in ("back-matter", "front-matter", "references")
        if kind == "abstract" and h.rest is not None:  # labels of a structured abstract stay in it
            return own in ("back-matter", "front-matter")
        return True

    # ---- assembly --------------------------------------------------------------------------
    def open(self, title: str, kind: str, level: int, ln: Line) -> None:
        self.close()
        self.current = Part(title, kind, level=level, pages=[ln.page])
        self.opened_at = ln
        self.headed.append(self.current)
        self.seen_abstract = self.seen_abstract or kind == "abstract"
        self.past_references = self.past_references or kind == "references"
        self.prev = None

    def close(self) -> None:
        if self.current is not None:
            self.parts.append(self.current)
        self.parts.extend(self.aside)
        self.aside = []
        self.current = None

    def new_paragraph(self, ln: Line, prev: Line | None) -> bool:
        """Indented first line, white space above, or a short last line ending a sentence above."""
        if prev is None:
            return True
        adjacent = ln.page == prev.page and 0 < ln.top - prev.top < 2 * ln.size
        indented = 0.6 * ln.size < ln.x0 - (prev.x0 if adjacent else ln.col_x0) < 6 * ln.size
        short = prev.x1 < prev.col_x1 - 3 * prev.size and bool(_SENTENCE_END.search(prev.text)) \
            and not _ABBREV_END.search(prev.text)
        same_column = ln.page == prev.page and ln.side == prev.side and ln.top > prev.top
        return indented or short or (same_column and self.spaced(prev, ln))

    def add(self, ln: Line, text: str) -> None:
        if self.current is None:
            self.current = Part("", "other")
        self.current.add(ln, text, self.new_paragraph(ln, self.prev))
        self.prev = ln

    def read(self) -> list[dict]:
        """All parts of the paper, in reading order, as `build_document` takes them."""
        lines = self.lines
        i = self.front()
        while i < len(lines):
            ln = lines[i]
            kind = self.current.kind if self.current else "other"
            if id(ln) in self.used:
                i += 1
            elif ln.box:
                i = self.box(i)
            elif (cap := caption_label(ln.text)) and kind != "references" and self._caption_start(ln):
                i = self.caption(i, cap[0])
            elif (h := self.heading(ln, lines[i + 1] if i + 1 < len(lines) else None)) \
                    and self.accepts(h):
                i += 1
                while h.rest is None and i < len(lines) and self._wraps_heading(ln, lines[i - 1], lines[i]):
                    h.title = f"{h.title} {lines[i].text.strip().rstrip('.: ')}"
                    i += 1
                self.enter(h, ln)
            elif kind != "references" and self._grid(i):
                i = self.table(i, None)
            elif self.small(ln) and kind not in ("references", "back-matter", "front-matter"):
                i = self.small_print(i)
            elif kind != "references" and (j := self._lettering_run(i)) > i:
                i = j
            elif kind not in ("references", "back-matter", "front-matter") and (j := self._front_items(i)) > i:
                i = j
            else:
                self.add(ln, ln.text)
                i += 1
        self.close()
        known = text_words([ln.text for ln in self.lines])
        parts = [d for p in self.parts for d in p.to_dicts(known)]
        if dash_as_e([ln.text for ln in self.lines]):
            for d in parts:
                d["text"], d["title"] = _E_DASH.sub("\\1\u2013", d["text"]), _E_DASH.sub("\\1\u2013", d["title"])
        return parts

    def enter(self, h: Heading, ln: Line) -> None:
        h.title = mend_spacing(h.title)
        numbered = _NUMBERED.match(h.title)
        if numbered and numbered.group("num")[0].isdigit():
            self.numbers.add(tuple(int(p) for p in numbered.group("num").rstrip(".").split(".") if p))
        kind = self.kind_of(h.title, h.level, None if h.rest else (ln.font, ln.size))
        if kind == "abstract" and h.rest is None and self.abstract_style is None:
            self.abstract_style = (ln.font, ln.size)
        if h.rest is None and self.top_style is None and kind in _BODY_KINDS:
            self.top_style = (ln.font, ln.size)
            h.level = 1
        self.open(h.title, kind, h.level, ln)
        if h.rest:
            self.add(ln, join_words(h.rest))

    def box(self, i: int) -> int:
        """A side box read whole into an aside part of front matter, titled by its heading if it has one."""
        lines = self.lines
        j = i
        while j < len(lines) and lines[j].box and lines[j].page == lines[i].page:
            j += 1
        block = lines[i:j]
        head = self.heading(block[0], block[1] if len(block) > 1 else None)
        titled = head is not None and head.rest is None
        part = Part(head.title if titled else "", "front-matter")
        prev = None
        for b in block[1:] if titled else block:
            part.add(b, b.text, self.new_paragraph(b, prev))
            prev = b
        self.aside.append(part)
        return j

    def small_print(self, i: int) -> int:
        """Small lines in the body flow, up to a caption: the abstract where it is set small (as many
        journals set it); front matter when they read so (affiliations, licence); else figure
        lettering or footnotes, which are not body text."""
        lines = self.lines
        j = i
        while j + 1 < len(lines) and lines[j + 1].page == lines[i].page and self.small(lines[j + 1]) \
                and lines[j + 1].top > lines[j].top and not self._caption_after(lines[j], lines[j + 1]):
            j += 1
        block = lines[i:j + 1]
        if self.current and self.current.kind == "abstract" and (k := self._abstract_set_small(i, block)):
            for b in block[:k]:
                self.add(b, b.text)
            return i + k  # what follows (keywords, a footnote) is read on its own
        if is_front_matter(" ".join(b.text for b in block)):
            part = Part("", "front-matter")
            for b in block:
                part.add(b, b.text, False)
            self.aside.append(part)
        return j + 1

    def _caption_after(self, prev: Line, ln: Line) -> bool:
        """Whether `ln` opens a caption after the small line `prev`: a label after a space (not one on a
        line of a footnote, set tight under the line before)."""
        return bool(caption_label(ln.text)) and self.spaced(prev, ln)

    def _abstract_set_small(self, i: int, block: list[Line]) -> int:
        """How many lines at the head of `block`, small print from line `i`, are the abstract set small:
        they come right after the abstract's heading or its last line read, in reading order and on the
        page, or atop the next page when that line leaves its sentence open and they open with a line
        of prose (more words than a line of a figure's lettering); they run on up to a bold line (a
        heading) and, after a space, go on with a paragraph of `_PARAGRAPH_WORDS` words or more that
        does not read as front matter (a note, a list of abbreviations, a level of evidence, keywords
        are not the abstract, nor is a shorter last paragraph of it); `_ABSTRACT_WORDS` words or more
        in all, or any where the abstract read so far is small print too. A footnote at the foot of
        the page is not part of it."""
        above = self.prev or self.opened_at
        first = block[0]
        if above is None or self.lines[i - 1] is not above:
            return 0
        near = first.page == above.page and 0 < first.top - above.top < 3 * max(above.size, first.size)
        turned = first.page == above.page + 1 and len(first.words) > _LETTERING_WORDS \
            and (self.prev is None or not _SENTENCE_END.search(above.text))  # a heading leaves it open
        if not (near or turned):
            return 0
        k = 0
        while k < len(block) and (k == 0 or block[k].top - block[k - 1].top < 3 * block[k].size) \
                and not (block[k].bold and not first.bold):
            before = block[k - 1] if k else self.prev  # the abstract's heading opens it: no space to weigh
            if before is not None and before.page == block[k].page and self.spaced(before, block[k]):
                para = [block[k]]
                while k + len(para) < len(block) and not self.spaced(para[-1], block[k + len(para)]):
                    para.append(block[k + len(para)])
                text = " ".join(b.text for b in para)
                if len(text.split()) < _PARAGRAPH_WORDS or is_front_matter(text):
                    break
            k += 1
        run = block[:k]
        enough = sum(len(b.words) for b in run) >= _ABSTRACT_WORDS or (self.prev is not None and self.small(self.prev))
        return k if enough and not is_front_matter(" ".join(b.text for b in run)) else 0

    def _caption_start(self, ln: Line) -> bool:
        """A caption label opens a block: set apart by size or font, or at a paragraph start; not when
        the line above goes on into it, its sentence left open at a word in lower case ("... are given
        in / Table 2, with ...", a label some journals set in bold; not "... markers [12]", nor a line
        ending in a capital, a number or a heading, which may end a sentence or stand alone)."""
        prev = self.prev
        if prev is not None and ln.page == prev.page and ln.side == prev.side and 0 < ln.top - prev.top < 2 * ln.size \
                and abs(ln.size - prev.size) < 0.3 and _OPEN_END.search(prev.text) \
                and not self.new_paragraph(ln, prev):
            return False
        if ln.size < self.body_size - 0.3 or ln.words[0].font != self.body_font:
            return True
        return self.new_paragraph(ln, prev)

    def caption(self, i: int, kind: str) -> int:
        """Read a caption block (and, after "Table N", the table under it) into an aside part."""
        lines = self.lines
        block = [lines[i]]
        j = i + 1
        while j < len(lines):
            ln, prev = lines[j], block[-1]
            # a full-width caption may end in a short line that stays within one column
            sides_ok = ln.side == prev.side or "F" in (ln.side, prev.side) and abs(ln.x0 - prev.x0) < ln.size
            if ln.page != prev.page or not sides_ok or ln.top <= prev.top or caption_label(ln.text):
                break
            if abs(ln.size - block[0].size) > 0.3 or self.spaced(prev, ln):
                break
            if abs(block[0].size - self.body_size) < 0.3 and (self.new_paragraph(ln, prev) or _cells(ln)):
                break  # a caption in body type ends at the next paragraph or at the table's first row
            block.append(ln)
            j += 1
        if self._cites(block, lines[j] if j < len(lines) else None):
            for b in block:
                self.add(b, b.text)
            return j
        part = Part("", "caption")
        for b in block:
            part.add(b, b.text, False)
        self.aside.append(part)
        if kind == "table":
            j = self.table(j, block[-1])
        return j

    def _cites(self, block: list[Line], after: Line | None) -> bool:
        """Whether a block opening with a caption label is a body paragraph that cites the table or
        figure: set in body type with the label too, running on longer than a caption, and for a table
        with no rows of cells under it."""
        first = block[0]
        body_type = all(abs(b.size - self.body_size) < 0.3 for b in block) \
            and first.words[0].font == self.body_font and not first.words[0].bold
        table_rows = after is not None and after.page == first.page and len(_cells(after)) >= 2
        return body_type and sum(len(b.text.split()) for b in block) > _CAPTION_WORDS and not table_rows

    def _grid(self, i: int) -> bool:
        """A table with no caption of its own here (a table's continuation on the next page, a table
        set as running text): three lines in a row of three or more cells, in one page."""
        rows = self.lines[i:i + 3]
        return len(rows) == 3 and all(r.page == rows[0].page and len(_cells(r)) >= 3 for r in rows)

    def _front_items(self, i: int) -> int:
        """The end of the lines from `i`, on one page and each set in a size or font other than the body
        text's, that open with the article's history (the rule `history.dates` of boilerplate.jsonl: two
        lines of it, or one dating two stages, "Received ...; accepted ...": `history_stages`) and go on
        with front- or back-matter items (a DOI, a licence), read into an aside part of front matter;
        `i` when there are none. One history line alone may be a sentence ("... published between 2010
        and 2029 ...") in another type."""
        lines = self.lines

        def items(j: int, history: bool) -> int:  # the end of a run of such items from line j
            while j < len(lines) and lines[j].page == lines[i].page and self._off_body(lines[j]) \
                    and (bp := boilerplate_of(lines[j].text)) is not None and (bp.rule == _HISTORY_RULE or not history):
                j += 1
            return j

        j = items(i, history=True)
        if j - i < 2 and not (j > i and history_stages(lines[i].text) >= 2):
            return i
        j = items(j, history=False)
        part = Part("", "front-matter")
        for b in lines[i:j]:
            part.add(b, b.text, False)
        self.aside.append(part)
        return j

    def _off_body(self, ln: Line) -> bool:
        """Set in a size or a font other than the body text's."""
        return abs(ln.size - self.body_size) >= 0.5 or _font_share(ln, self.body_font) < 0.5

    def _lettering_run(self, i: int) -> int:
        """The index of the figure caption that three or more lines from `i` lead to, else `i`: lines of
        a few words or none (the labels, axes and keys printed around a figure, which reading order put
        in the flow), one of them no word at all (a tick, a panel's letter), none a heading, all on the
        caption's page and side of it, above it. A line that goes on with the paragraph above it opens
        no run."""
        lines, first = self.lines, self.lines[i]
        if not _lettering_line(first) or (self.prev is not None and not self.new_paragraph(first, self.prev)):
            return i
        j = i
        while j < len(lines) and lines[j].page == first.page and lines[j].side == first.side \
                and _lettering_line(lines[j]):
            j += 1
        run = lines[i:j]
        if len(run) < 3 or j == len(lines) or lines[j].page != first.page or lines[j].top <= run[-1].top \
                or lines[j].side not in (first.side, "F"):
            return i
        cap = caption_label(lines[j].text)
        if not (cap and cap[0] == "caption") or all(_WORD3.search(ln.text) for ln in run):
            return i
        return i if any(self.heading(ln, nxt) for ln, nxt in pairwise(lines[i:j + 1])) else j

    def _row_label(self, j: int, rows: list[Line]) -> bool:
        """Whether line `j`, of body type but no cells, is a row label of the table whose `rows` are read
        so far: a few words on the side of the page of its last row, not bold where that row is not (a
        heading), beside that row (it begins above the row's foot) or over a row of cells, after a
        second such label at most."""
        lines, last = self.lines, rows[-1]

        def label(k: int) -> bool:
            ln = lines[k]
            return len(ln.words) <= LABEL_WORDS and ln.side == last.side and ln.page == last.page \
                and not _cells(ln) and not (ln.bold and not last.bold) and not caption_label(ln.text)

        if not label(j):
            return False
        if lines[j].top < last.bottom:
            return True
        after = [k for k in (j + 1, j + 2) if k < len(lines) and lines[k].page == last.page]
        return bool(after) and (bool(_cells(lines[after[0]])) or label(after[0]) and len(after) > 1
                                and bool(_cells(lines[after[1]])))

    def table(self, j: int, caption_end: Line | None) -> int:
        """Lines after a table caption (or from the first row of a table without one), up to the next
        body text, heading or caption: one table part."""
        lines = self.lines
        caption_end = caption_end or lines[j]
        rows: list[Line] = []
        while j < len(lines):
            ln = lines[j]
            if ln.page != caption_end.page or caption_label(ln.text):
                break
            if ln.size >= self.body_size - 0.3 and not _cells(ln) and (rows or ln.side != "F") \
                    and not (rows and self._row_label(j, rows)):
                break
            rows.append(ln)
            j += 1
        notes: list[Line] = []  # the table's footnotes under its rows ("*Listed in the order ...")
        while rows and j < len(lines) and lines[j].page == rows[-1].page and not caption_label(lines[j].text) \
                and (_TABLE_NOTE.match(lines[j].text) if not notes else not self.new_paragraph(lines[j], notes[-1])):
            notes.append(lines[j])
            j += 1
        if not rows:
            return j
        # rows of the same table that reading order put after the column beside it
        bottom = max(r.bottom for r in rows)
        sides = {r.side for r in rows} | {caption_end.side}
        for ln in lines[j:]:
            if ln.page == caption_end.page and ln.top <= bottom and ("F" in sides or ln.side in sides) \
                    and (ln.size < self.body_size - 0.3 or _cells(ln)):
                rows.append(ln)
                self.used.add(id(ln))
        part = Part("", "table")
        for row in build_lines([w for r in rows for w in r.words], caption_end.page, "F"):
            part.add(row, " | ".join(_cells(row) or [row.text]), True)
        for n, note in enumerate(notes):
            part.add(note, note.text, n == 0)
        self.aside.append(part)
        return j

    # ---- page 1 ----------------------------------------------------------------------------
    def front(self) -> int:
        """Read the title block of page 1 (header, title, byline, small print, unlabelled abstract);
        return the index of the first line after it."""
        lines = self.lines
        if not lines:
            return 0
        first_page = [k for k, ln in enumerate(lines) if ln.page == lines[0].page]
        title = self._title(first_page)
        if title is None:
            return 0
        self.front_lines = lines[:title[0]]
        header = Part("", "front-matter")
        for k in range(title[0]):
            header.add(lines[k], lines[k].text, True)
        self.parts.append(header)
        self.title_lines = [lines[k] for k in title]
        title_part = Part("", "title")
        for ln in self.title_lines:
            title_part.add(ln, ln.text, False)
        self.parts.append(title_part)
        k = title[-1] + 1
        while k <= first_page[-1] and not re.search(r"[A-Za-z]", lines[k].text):
            k += 1  # a rule of dots or dashes under the title
        while k <= first_page[-1] and len(self.author_lines) < 4:
            ln = lines[k]
            first = self.author_lines[0] if self.author_lines else ln
            if not looks_like_byline(ln.text) or (ln.font, ln.size) != (first.font, first.size):
                break
            self.author_lines.append(ln)
            k += 1
        end = next((j for j in first_page if j >= k and (lines[j].box or self._opens_body(lines[j]))),
                   first_page[-1] + 1)
        self.front_lines += lines[k:end]
        front = Part("", "front-matter")
        for ln in self.author_lines:
            front.add(ln, ln.text, True)
        abstract = Part("Abstract", "abstract")
        for block in self._blocks(lines[k:end]):
            text = " ".join(b.text for b in block)
            if len(text.split()) >= 30 and block[0].size >= self.body_size - 1.6 \
                    and not is_front_matter(text):
                prev = None
                for b in block:
                    abstract.add(b, b.text, self.new_paragraph(b, prev))
                    prev = b
            else:
                for n, b in enumerate(block):
                    front.add(b, b.text, n == 0)
        self.parts.append(front)
        if abstract.paragraphs:
            self.current = abstract
            self.seen_abstract = True
        return end

    def _title(self, first_page: list[int]) -> list[int] | None:
        """Indexes of the title lines: the longest run of lines in the largest type (larger than the
        body, or bold) near the top of page 1, leaving out running heads and printed article types."""
        lines, page = self.lines, self.pages[0]
        candidates = [k for k in first_page if 0.02 * page.height < lines[k].top < 0.6 * page.height
                      and re.search(r"[A-Za-z]{2}", lines[k].text) and not article_type(lines[k].text)]
        groups: list[list[int]] = []
        for k in candidates:
            # a title's lines share one size and font; italic words (species, genes) may give a line
            # another main font
            if groups and groups[-1][-1] == k - 1 and lines[k].size == lines[k - 1].size \
                    and lines[k].top - lines[k - 1].top <= 1.8 * lines[k].size \
                    and (lines[k].font == lines[k - 1].font or _font_share(lines[k], lines[k - 1].font) >= 0.3
                         or _ITALIC.search(lines[k].font) or _ITALIC.search(lines[k - 1].font)):
                groups[-1].append(k)
            else:
                groups.append([k])
        groups = [g for g in groups if sum(len(lines[k].text.split()) for k in g) >= 3
                  and (lines[g[0]].size >= self.body_size + 0.5 or lines[g[0]].bold)]
        if not groups:
            return None
        biggest = max(lines[g[0]].size for g in groups)
        return max((g for g in groups if lines[g[0]].size >= biggest - 0.3),
                   key=lambda g: sum(len(lines[k].text) for k in g))

    def _blocks(self, lines: list[Line]) -> list[list[Line]]:
        """Runs of lines of one size with no more than the usual line pitch between them."""
        blocks: list[list[Line]] = []
        for ln in lines:
            last = blocks[-1][-1] if blocks else None
            if last and ln.top > last.top and not self.spaced(last, ln) and abs(ln.size - last.size) < 0.3:
                blocks[-1].append(ln)
            else:
                blocks.append([ln])
        return blocks

    def _opens_body(self, ln: Line) -> bool:
        """A whole-line heading that starts the body of page 1 ("Abstract", "1. Introduction"); run-in
        labels of an unlabelled structured abstract do not."""
        h = self.heading(ln)
        return h is not None and h.rest is None and bool(heading_kind(h.title) or _NUMBERED.match(h.title))


def dash_as_e(lines: list[str]) -> bool:
    """Whether a PDF's font prints the en dash of number ranges as "e" ("aged 2e76 years", "pp.
    1573e1577"): such ranges recur and no en dash is printed anywhere."""
    return not any("\u2013" in t for t in lines) and sum(len(_E_DASH.findall(t)) for t in lines) >= 3


def _lettering(text: str) -> bool:
    """Single letters spaced out, as figure panels, axes and equations print them ("a b c", "s nfij e yz"),
    not words."""
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and sum(len(w) for w in words) / len(words) < 2.5


def _lettering_line(ln: Line) -> bool:
    """A line of a few words that ends in no punctuation of prose, or of no word of three letters
    (numbers, single letters)."""
    return not _WORD3.search(ln.text) or len(ln.words) <= _LETTERING_WORDS and not _PROSE_END.search(ln.text)


def _font_share(ln: Line, font: str) -> float:
    """The share of a line's letters set in `font`."""
    return sum(len(w.text) for w in ln.words if w.font == font) / max(1, sum(len(w.text) for w in ln.words))


def looks_like_byline(text: str) -> bool:
    """"A. Author1, B. C. Author2* and D. Author" (names of capitalised words, initials and particles),
    or a line opening with marked names ("Ana Ruiz1* Li wei2", "Ruiz A*, Wei L**")."""
    byline = parse_byline(text)
    if byline and byline.marked and byline.end >= 0.5 * len(" ".join(text.split())) \
            and not is_front_matter(text):
        return True
    text = re.sub(r"[\d*\u2020\u2021\u00a7\u00b6#]+", " ", text)
    names = [n.split() for n in re.split(r",|;|\band\b|&", text) if n.strip()]
    if not names or is_front_matter(text):
        return False
    particles = set(vocabulary()["name_particles"])
    return all(2 <= len(n) <= 5 and all(t[0].isupper() or t.lower() in particles for t in n) for n in names)


def _cells(ln: Line) -> list[str]:
    """Cells of a table row: runs of words split at gaps wider than the font size (at least two)."""
    cells, run = [], [ln.words[0]]
    for a, b in pairwise(ln.words):
        if b.x0 - a.x1 > 1.0 * max(a.size, b.size):
            cells.append(join_words(run))
            run = []
        run.append(b)
    cells.append(join_words(run))
    return cells if len(cells) >= 2 else []


@lru_cache(maxsize=1)
def _article_types() -> list[tuple[str, str]]:
    """(printed type without spaces, JATS type), longest first."""
    types = vocabulary()["article_types"]
    return [(printed.replace(" ", ""), types[printed]) for printed in sorted(types, key=len, reverse=True)]


def article_type(text: str) -> str | None:
    """The JATS article-type of a printed type line ("Case Report", "S T U D Y  P R O T O C O L")."""
    squeezed = re.sub(r"[^a-z]", "", text.lower())
    if len(squeezed) > 40:
        return None
    for p, jats in _article_types():
        if squeezed == p or (squeezed.startswith(p) and squeezed[len(p):] in ("openaccess", "")):
            return jats
    return None

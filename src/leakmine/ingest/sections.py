"""Paragraphs -> sections: body text gathered under its headings, asides set after the section.

Captions, tables and front/back matter that interrupt a section wait until it ends; a sentence they
cut is rejoined when the next paragraph clearly continues it. Repeated paragraphs (an abstract
pasted twice, a cut-short preview of it) are kept once. A structured abstract's labelled parts
become sections of kind "abstract", those telling the case ("Case presentation", "Observations" and
the outcome after them) of kind "case".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from leakmine.ingest.captions import caption_label
from leakmine.ingest.headings import (
    heading_kind,
    inline_heading,
    lists_terms,
    normalize_title,
    numbering_depth,
)
from leakmine.ingest.paragraphs import BODY_KINDS, OPEN_ENDINGS, Para, terminated
from leakmine.ingest.runin import strip_label
from leakmine.ingest.textclean import join_wrapped, normalized

_INHERITING = frozenset({"case", "methods", "results", "discussion"})
_ABSTRACT_OPENERS = frozenset({"background", "objective", "objectives", "purpose", "importance"})
_WHOLE_ABSTRACT = frozenset({"abstract", "summary"})  # titles of a whole abstract, not of one of its parts
_MIN_DUPLICATE = 40  # normalised characters; shorter paragraphs may repeat by chance
_MIN_PREVIEW = 80  # normalised characters a cut-short preview must hold to be matched
# "... that can lea..." (the cut word goes too; bounded, so a long unbroken line is searched in linear time)
_CUT_SHORT = re.compile(r"\s*\S{0,60}(?:\.\.\.|\u2026)$")


def drop_previews(paras: list[Para]) -> list[Para]:
    """Without the cut-short previews of a paragraph that follows in full ("... can lea..." above the
    whole abstract on a catalogue page)."""
    cuts = [_CUT_SHORT.search(p.text) if p.text.rstrip("\n").endswith(("...", "\u2026")) else None for p in paras]
    if not any(cuts):
        return paras
    norms = [normalized(p.text) for p in paras]
    keep = []
    for i, (p, m) in enumerate(zip(paras, cuts, strict=True)):
        key = normalized(p.text[:m.start()]) if m else ""
        if len(key) >= _MIN_PREVIEW and any(key in n for n in norms[i + 1:]):
            continue
        keep.append(p)
    return keep


@dataclass
class _Section:
    title: str
    kind: str
    paras: list[str] = field(default_factory=list)


class SectionBuilder:
    """Gathers paragraphs under their headings; asides wait until the section they interrupt ends."""

    def __init__(self) -> None:
        self.parts: list[dict[str, Any]] = []
        self.section: _Section | None = None
        self.pending: list[dict[str, Any]] = []
        self.table: dict[str, Any] | None = None
        self.seen = ""
        self.abstract_seen = False
        # The open abstract: its labelled parts so far, whether its conclusion came, whether text came
        # before any part.
        self.abstract_open = False
        self.abstract_by_heading = False
        self.abstract_closed = False
        self.abstract_plain = False
        self.abstract_story = False  # a part past the opening ones (case, methods, results) came
        self.abstract_case = False  # the last part told the case
        self.abstract_parts: set[str] = set()  # normalised titles of its parts
        self.dropped = 0  # repeated paragraphs left out
        self.term: tuple[_Section, int] | None = None  # where the line last taken as a term of a list lies

    # sections
    def _flush(self) -> None:
        self._close_table()
        if self.section and self.section.paras:
            self.parts.append({"title": self.section.title, "kind": self.section.kind,
                               "text": "\n\n".join(self.section.paras)})
        self.parts.extend(self.pending)
        self.pending = []

    def open(self, title: str, kind: str) -> None:
        self._flush()
        self.section = _Section(title, kind)
        self.term = None  # a list of terms ends with its section

    def _abstract_part(self, kind: str | None, title: str, heading: bool) -> str | None:
        """The kind of a labelled part of the open abstract ("Case presentation", and the results or
        outcome that follow it -> "case", other parts -> "abstract"), or None when the label ends the
        abstract: after its conclusion, at an opening part after the story began or a title it already
        had (the body's "Introduction" or "Background"), when the abstract's text came before any part
        (an unstructured abstract), and at a heading the vocabulary does not know or under an abstract
        that no heading opened (its parts are run-in labels)."""
        if not self.abstract_open or self.abstract_closed or (kind or "other") not in BODY_KINDS | {"other"}:
            return None
        if self.abstract_plain or (heading and (kind is None or not self.abstract_by_heading)):
            return None
        opening = kind in ("abstract", "introduction")
        key = normalize_title(title)
        if key in self.abstract_parts or (opening and self.abstract_story):
            return None
        self.abstract_parts.add(key)
        self.abstract_story = self.abstract_story or not opening
        self.abstract_closed = kind == "conclusion"
        # The story goes on in the parts after a case part ("Patient concerns", then "Outcomes").
        self.abstract_case = kind == "case" or (self.abstract_case and kind in ("methods", "results", None))
        return "case" if self.abstract_case else "abstract"

    def _opened(self, kind: str, heading: bool) -> None:
        """Track the abstract as sections open."""
        self.abstract_open = kind == "abstract"
        self.abstract_by_heading = heading
        self.abstract_closed = False
        self.abstract_plain = False
        self.abstract_story = False
        self.abstract_case = False
        self.abstract_parts = set()

    def heading(self, title: str) -> None:
        kind = heading_kind(title)
        cur = self.section
        part = None if numbering_depth(title) else self._abstract_part(kind, title, heading=True)
        if part is not None:
            self.open(title.strip().rstrip(":").strip(), part)
            return
        if kind == "abstract" and self.abstract_seen and normalize_title(title) in _ABSTRACT_OPENERS:
            kind = "introduction"  # "Background" opening the body after a structured abstract
        if kind is None:
            depth = numbering_depth(title)
            inherit = cur is not None and (depth > max(numbering_depth(cur.title), 1)
                                           or (cur.kind in _INHERITING and depth != 1))
            kind = cur.kind if cur is not None and inherit else "other"
        self._opened(kind, heading=True)
        self.open(title.strip().rstrip(":").strip(), kind)

    def label(self, p: Para) -> None:
        kind = p.kind or "other"
        part = self._abstract_part(p.kind or None, p.title, heading=False)
        if part is None:
            self._opened(kind, heading=False)
            if normalize_title(p.title) not in _WHOLE_ABSTRACT:  # "Background: ..." is its first part
                self.abstract_parts.add(normalize_title(p.title))
        self.open(p.title, part or kind)
        rest = None if p.rule == "run-in" else inline_heading(p.text)
        text = rest[1] if rest else strip_label(p.text, p.title)
        self.body(Para("body", text, language=p.language), dedupe_text=p.text)

    # asides
    def aside(self, part: dict[str, Any]) -> None:
        (self.pending if self.section is not None else self.parts).append(part)

    def _close_table(self) -> None:
        if self.table:
            table, self.table = self.table, None
            self.aside(table)

    def table_start(self, p: Para) -> None:
        self._close_table()
        label = caption_label(p.text)
        self.table = {"title": label[1] if label else "Table", "kind": "table", "text": p.text}

    def row(self, text: str) -> None:
        if self.table is None:
            self.table = {"title": "Table", "kind": "table", "text": ""}
        self.table["text"] = f"{self.table['text']}\n{text}".strip("\n")

    # body text
    def _duplicate(self, text: str) -> bool:
        n = normalized(text)
        if len(n) >= _MIN_DUPLICATE and n in self.seen:
            self.dropped += 1
            return True
        self.seen += n
        return False

    def body(self, p: Para, dedupe_text: str | None = None) -> None:
        cur = self.section
        if self._continue(p):
            return
        self._close_table()
        if self.abstract_open and not self.abstract_parts:
            self.abstract_plain = True  # text, in any language, straight under the abstract's heading
        if p.language != "en":
            title, kind = (cur.title, cur.kind) if cur else ("", "other")
            self.aside({"title": title, "kind": kind, "text": p.text, "language": p.language})
            return
        if cur is None or (cur.kind == "front-matter" and _is_prose(p.text)):
            self.open("", "other")
            cur = self.section
        assert cur is not None
        mined = cur.kind not in ("references", "front-matter", "back-matter")
        if mined and self._duplicate(dedupe_text or p.text):
            return
        cur.paras.append(p.text)
        self.abstract_seen = self.abstract_seen or cur.kind == "abstract"

    def _continue(self, p: Para) -> bool:
        """Rejoin a paragraph that continues a sentence cut by a page break, caption or footer."""
        text = p.text.lstrip("\"'([\u201c\u2018")
        cur = self.section
        if cur and cur.paras and not terminated(cur.paras[-1]) and p.language == "en":
            last_word = cur.paras[-1].rsplit(None, 1)[-1].lower()
            if text[:1].islower() or last_word in OPEN_ENDINGS:
                cur.paras[-1] = join_wrapped([cur.paras[-1], p.text])
                self._close_table()
                return True
        return self._continue_aside(p)

    def _continue_aside(self, p: Para) -> bool:
        """Rejoin the rest of an affiliation or footer cut by a page break ("Hospital" + "100 Main Rd")."""
        asides = self.pending if self.section is not None else self.parts
        first = p.text[:1]
        if asides and asides[-1]["kind"] in ("front-matter", "back-matter") \
                and (first.islower() or first.isdigit()) and not terminated(asides[-1]["text"]) \
                and not _is_page_text(p.text):  # a page's text after its notice ("... read the page content below")
            asides[-1]["text"] = join_wrapped([asides[-1]["text"], p.text])
            return True
        return False

    def _listed(self, p: Para) -> bool:
        """A line set like a heading, that the vocabulary does not know, under the heading of a list of
        index terms ("MeSH terms", "Publication types"): an item of the list, not a section, unless a
        sentence comes after it (`_lift_term`)."""
        cur = self.section
        return cur is not None and lists_terms(cur.title) and heading_kind(p.text) is None \
            and not numbering_depth(p.text)

    def _lift_term(self) -> None:
        """The last line taken as a term of the open list heads the lines of text after it, now that text
        comes (a finished sentence or a labelled paragraph: a heading the vocabulary does not know over its
        paragraphs); a notice or other matter among them stayed an aside (`add`)."""
        if self.term is None:
            return
        section, at = self.term
        self.term = None
        if section is not self.section:
            return
        title, *rest = section.paras[at:]
        del section.paras[at:]
        self.heading(title)
        for text in rest:
            self.body(Para("body", text))

    def add(self, p: Para) -> None:
        listed = p.role == "heading" and self.table is None and self._listed(p)
        if self.term is not None and (p.role == "body" and not _term(p.text) and (self.table is None or not _row_like(p))
                                      or p.role == "label" and p.kind in BODY_KINDS):
            self._lift_term()
        if p.role == "heading" and self.table is not None and heading_kind(p.text) is None \
                and not numbering_depth(p.text):
            self.row(p.text)
        elif listed:
            self.body(p)
            cur = self.section
            if cur is not None and cur.paras and cur.paras[-1] == p.text:
                self.term = (cur, len(cur.paras) - 1)
        elif p.role == "heading":
            self.heading(p.text)
        elif p.role == "title":
            self.aside({"title": "", "kind": "title", "text": p.text})
        elif p.role == "label":
            if p.kind in ("front-matter", "back-matter", "references"):
                self._close_table()
                self.aside({"title": p.title, "kind": p.kind, "text": p.text})
            else:
                self.label(p)
        elif p.role == "table":
            self.table_start(p)
        elif p.role == "row" or (self.table is not None and p.role == "body" and _row_like(p)):
            self.row(p.text)
        elif p.role == "caption":
            self._close_table()
            label = caption_label(p.text)
            if not self._duplicate(p.text):
                self.aside({"title": label[1] if label else "", "kind": "caption", "text": p.text})
        elif p.role == "boiler" and self.section is not None and self.term is None and (
                self.section.kind in ("front-matter", "back-matter")
                or (self.section.kind == "references" and p.rule == "citation-line")):
            self.body(p)
        elif p.role in ("boiler", "byline"):
            self._close_table()
            self.aside({"title": p.title, "kind": p.kind, "text": p.text})
        elif p.role == "reference" and (self.section is None or self.section.kind != "references"):
            self.aside({"title": "", "kind": "references", "text": p.text})
        else:
            self.body(p)

    def finish(self) -> list[dict[str, Any]]:
        self._flush()
        self.section = None
        return self.parts


_SENTENCE_END = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")  # "... vertebroplasty. Female", not "U.S. Gov't"


def _is_prose(text: str) -> bool:
    """Running text (at least two sentences) rather than a list of names, places or keywords."""
    return len(text.split()) >= 20 and terminated(text) and bool(re.search(r"[a-z][.!?]\s+[A-Z]", text))


def _term(text: str) -> bool:
    """Index terms ("Spinal Fusion / adverse effects*", a list's lines run into one paragraph), not text:
    no sentence ends in them ("... T12 vertebroplasty. Female" is a sentence with a term run into it)."""
    return not terminated(text) and not _SENTENCE_END.search(text)


def _is_page_text(text: str) -> bool:
    """Running text of some length, though cut off before its last full stop (a saved page's excerpt)."""
    return len(text.split()) >= 60 and len(re.findall(r"[a-z]{2}[.!?]\s+[A-Z][a-z]", text)) >= 2


def _row_like(p: Para) -> bool:
    """A paragraph that reads as a table row or footnote, not as a sentence of body text."""
    words = p.text.split()
    if p.text[:1].islower():
        return False
    if terminated(p.text):
        return len(words) <= 12 and any(c.isdigit() for c in p.text)
    return len(words) <= 40

"""Lines of pasted text -> paragraphs, each read as what it is.

Hard-wrapped lines are rejoined (textclean) and split where a paragraph ends: at blank lines,
indented lines, short lines that finish a sentence, headings, captions, bylines, inline labels,
front/back-matter lines and changes of script. Each paragraph is then read as a heading, title,
inline-labelled paragraph, caption, table, byline, front/back matter, reference or body text.
Running heads and page numbers are dropped first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from leakmine.ingest.boilerplate import boilerplate_of, opens_boilerplate
from leakmine.ingest.captions import caption_label
from leakmine.ingest.headings import (
    heading_kind,
    inline_heading,
    looks_like_heading,
    normalize_title,
    numbering_depth,
)
from leakmine.ingest.language import detect_language, script_language
from leakmine.ingest.metadata import cited_first_author, parse_byline, split_run_in_title
from leakmine.ingest.textclean import join_wrapped

_TERMINAL = re.compile(r"[.!?:][\"'\u201d\u2019)\]*]*(?:\^?\[[\d,\u2013\s-]+\])?$")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
_FOLIO = re.compile(r"^\d{1,3}\s+|\s+\d{1,3}$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(\S.{0,100}?)\s*#*$")
_BOLD_START = re.compile(r"^(\s*)\*\*([^*]{1,100})\*\*")
_BULLET = re.compile(r"^[-*\u2022\u25aa\u25e6\u25cf]\s+\S")
_CITED_ISSUE = re.compile(r"\b(?:19|20)\d\d\s*(?:[A-Z][a-z]{2}\s*)?;\s*\d+\s*(?:\(\d+\))?\s*:\s*[eE]?\d+")
FIELD = re.compile(r"^(?P<key>title|article title|authors?|journal|year)\s*:\s*(?P<value>\S.{0,400})$",
                   re.IGNORECASE)
_REFERENCE_ITEM = re.compile(r"^\W{0,3}(?:\[\d{1,3}\]|\d{1,3}[.)])\s+(?=\S)")
OPEN_ENDINGS = frozenset("a an the of and or to in on at by for with from into as than that was were is are "
                          "be been had has his her their its this these which who".split())
BODY_KINDS = frozenset({"abstract", "introduction", "case", "methods", "results", "discussion", "conclusion"})
# Labels printed above a title to say what kind of article it is.
_ARTICLE_TYPES = frozenset({
    "case report", "case reports", "case series", "case study", "original article", "research article",
    "review article", "technical note", "brief report", "short communication", "clinical image",
    "clinical images", "letter to the editor",
})
_WRAP_FREE = 200  # no one hard-wraps lines this long: such a block holds one paragraph per line


def terminated(text: str) -> bool:
    return bool(_TERMINAL.search(text.rstrip()))


@dataclass
class Line:
    text: str
    indent: int
    role: str | None = None  # forced by HTML markup: "title", "heading", "caption", "row"


@dataclass
class Para:
    role: str  # body, heading, title, label, caption, table, row, boiler, byline, reference
    text: str
    title: str = ""
    kind: str = ""
    language: str = "en"
    rule: str = ""


# --- lines -> paragraphs --------------------------------------------------------------------

def _page_furniture(lines: list[str]) -> set[int]:
    """Line numbers of running heads and page numbers: short unpunctuated lines repeated on three or
    more pages, and lines holding only a page number between blank lines."""
    flat = [" ".join(line.split()) for line in lines]
    keys = [_FOLIO.sub("", line) for line in flat]  # "2 Spine Cases" and "Spine Cases 3" are one head
    counts = Counter(k for k in keys if k)
    repeated = {k for k, n in counts.items() if n >= 3 and len(k.split()) <= 15 and not terminated(k)}
    out = set()
    for i, line in enumerate(flat):
        alone = (i == 0 or not flat[i - 1]) and (i + 1 == len(flat) or not flat[i + 1])
        if keys[i] in repeated or (alone and _PAGE_NUMBER.match(line)):
            out.add(i)
    return out


def text_blocks(text: str) -> list[list[Line]]:
    """Blocks of non-blank lines, without page numbers and running heads."""
    raw_lines = text.split("\n")
    furniture = _page_furniture(raw_lines)
    blocks: list[list[Line]] = [[]]
    for i, raw in enumerate(raw_lines):
        if i in furniture:
            continue
        if not raw.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        stripped = _BOLD_START.sub(r"\1\2", raw.rstrip())
        md = _MARKDOWN_HEADING.match(stripped.strip())
        if md:  # "## Case report" stands alone as a heading
            blocks.extend([[Line(md.group(1), 0, "heading")], []])
            continue
        blocks[-1].append(Line(stripped.strip(), len(stripped) - len(stripped.lstrip())))
    return [b for b in blocks if b]


def _is_reference_item(text: str) -> bool:
    """"[3] Lee JH, Park S. ..." or "3. Lee JH, ...": a numbered entry of a reference list; unnumbered
    when it also cites an issue ("Lee JH, Park S. Title. Spine J. 2019;19:100-8.")."""
    m = _REFERENCE_ITEM.match(text)
    if m:
        return cited_first_author(text[m.end():]) is not None
    return cited_first_author(text) is not None and bool(_CITED_ISSUE.search(text))


def _line_may_end(prev: str) -> bool:
    """Whether a line can end a title or paragraph: not after a comma, a hyphen or "of", "the" ..."""
    words = prev.split()
    return not words or (prev[-1] not in ",-;" and words[-1].lower() not in OPEN_ENDINGS)


def _is_byline_line(text: str) -> bool:
    b = parse_byline(text)
    return bool(b) and len(text.split()) <= 60 and b.end >= len(" ".join(text.split())) - 2


def _split_block(block: list[Line], next_first: str | None) -> list[Para]:
    """One block of lines (no blank line inside) -> paragraphs."""
    if block[0].role:
        role = block[0].role
        text = " ".join(line.text for line in block)
        if role == "row":
            return [Para("row", line.text) for line in block]
        if role == "caption":
            label = caption_label(text)
            role = label[0] if label else "caption"
        return [Para(role, text)]
    width = max(len(line.text) for line in block)
    wrap_free = width > _WRAP_FREE
    min_indent = min(line.indent for line in block)
    paras: list[Para] = []
    cur: list[str] = []
    cur_role = "body"

    def close() -> None:
        if cur:
            paras.append(Para(cur_role, join_wrapped(cur)))
            cur.clear()

    for j, line in enumerate(block):
        t = line.text
        nxt = block[j + 1].text if j + 1 < len(block) else next_first
        prev = block[j - 1].text if j else ""
        after_heading = bool(paras) and paras[-1].role == "heading" and not cur
        at_start = j == 0 or wrap_free or terminated(prev) or after_heading
        in_matter = bool(cur) and cur_role == "body" and opens_boilerplate(cur[0])
        # A known heading ("Case Report") may follow a line that ends without punctuation, as a title does.
        may_head = at_start or (heading_kind(t) is not None and _line_may_end(prev))
        if may_head and not opens_boilerplate(t) and not caption_label(t) and looks_like_heading(t, nxt) \
                and not _is_byline_line(t):
            close()
            paras.append(Para("heading", t))
            continue
        cap = caption_label(t) if at_start else None
        if cap:
            close()
            cur_role, cur[:] = cap[0], [t]
            continue
        if (at_start or _line_may_end(prev)) and _is_byline_line(t):
            close()
            paras.append(Para("byline", t))
            continue
        if (j == 0 or wrap_free or line.indent > min_indent
                or (at_start and (inline_heading(t) is not None or _is_reference_item(t)))
                or _BULLET.match(t) or FIELD.match(t)
                or (opens_boilerplate(t) and (at_start or in_matter or not t[:1].isalpha()))
                or (cur_role == "body" and bool(cur) and terminated(prev)
                    and width >= 40 and len(prev) < 0.75 * width)
                or script_language(t) != script_language(prev)
                or (in_matter and terminated(prev))):
            close()
            cur_role = "body"
        cur.append(t)
    close()
    return paras


def classify(p: Para) -> None:
    """Language, and for plain paragraphs: label, boilerplate, byline or reference item."""
    p.language = detect_language(p.text)
    if p.role == "byline":
        p.kind, p.title = "front-matter", "Authors"
    if p.role != "body":
        return
    field_ = FIELD.match(p.text)
    if field_:  # "Title: ...", "Authors: ...", "Year: 2021" as in notes and exports
        key = field_.group("key").lower().replace("article ", "").rstrip("s")
        p.role, p.kind, p.title, p.rule = "boiler", "front-matter", key.title(), f"field.{key}"
        return
    label = inline_heading(p.text) if p.language == "en" else None
    bp = None if label and heading_kind(label[0]) in BODY_KINDS else boilerplate_of(p.text)
    if bp:
        p.role, p.kind, p.title, p.rule = "boiler", bp.kind, label[0] if label else bp.title, bp.rule
        return
    if label:
        p.role, p.title, p.kind = "label", label[0], heading_kind(label[0]) or ""
        return
    byline = parse_byline(p.text)
    if byline:
        rest = " ".join(p.text.split())[byline.end:].strip(" ,;.")
        if not rest or boilerplate_of(rest):
            p.role, p.kind, p.title = "byline", "front-matter", "Authors"
            return
    if _is_reference_item(p.text):
        p.role, p.kind = "reference", "references"


def paragraphs(blocks: list[list[Line]]) -> list[Para]:
    paras: list[Para] = []
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1][0].text if i + 1 < len(blocks) else None
        paras.extend(_split_block(block, nxt))
    for p in paras:
        classify(p)
    return paras


# --- title ----------------------------------------------------------------------------------

def _title_like(p: Para, nxt: Para | None) -> bool:
    words = p.text.split()
    if not 3 <= len(words) <= 40 or re.search(r"[.!?]\s+[A-Z]", p.text) or not _line_may_end(p.text):
        return False
    if nxt and nxt.text[:1].islower():
        return False
    return not p.text.endswith(".") or (nxt is not None and nxt.role in ("byline", "boiler"))


def find_title(paras: list[Para]) -> None:
    """Mark the paper's title: the first substantial line before the byline and the first heading.

    A title running into the first sentence ("Cement leak after kyphoplasty A 70-year-old man ...")
    is split off. Papers whose text opens with a byline or a heading have no title line.
    """
    for i, p in enumerate(paras):
        if p.role in ("byline", "label", "caption", "table", "row", "reference"):
            return
        if p.role == "boiler" or p.language != "en":
            continue
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if nxt is not None and nxt.rule == "journal.issue":  # the journal's name above "Volume 7, ..."
            p.role, p.kind, p.title = "boiler", "front-matter", "Journal"
            continue
        if p.role == "heading" and normalize_title(p.text) in _ARTICLE_TYPES and nxt is not None \
                and nxt.role in ("body", "heading") and _title_like(nxt, None):
            p.role, p.kind, p.title, p.rule = "boiler", "front-matter", "Article type", "article-type"
            continue
        if p.role == "title" or (p.role == "heading" and heading_kind(p.text) is None
                                 and not numbering_depth(p.text)):
            p.role, p.kind = "title", "title"
        elif p.role == "body" and _title_like(p, nxt):
            p.role, p.kind = "title", "title"
        elif p.role == "body":
            split = split_run_in_title(p.text)
            if split:
                p.text = split[1]
                paras.insert(i, Para("title", split[0], kind="title"))
        return

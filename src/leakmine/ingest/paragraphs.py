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

from leakmine.ingest.boilerplate import boilerplate_of, is_line_item, opens_boilerplate
from leakmine.ingest.captions import caption_label
from leakmine.ingest.frontmatter import article_type, front_matter_kind, label_parts
from leakmine.ingest.headings import (
    heading_kind,
    inline_heading,
    looks_like_heading,
    numbering_depth,
)
from leakmine.ingest.language import detect_language, script_language
from leakmine.ingest.metadata import (
    AUTHOR_SYMBOLS,
    cited_first_author,
    family_given_author,
    is_date,
    is_name_part,
    own_citation,
    parse_byline,
    running_head_author,
    split_run_in_title,
)
from leakmine.ingest.runin import BODY_KINDS, split_identifiers, split_run_in
from leakmine.ingest.textclean import join_wrapped, normalized
from leakmine.records import CELL_SEP

_TERMINAL = re.compile(r"[.!?:][\"'\u201d\u2019)\]*]*(?:\^?\[[\d,\u2013\s-]+\])?$")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
_FOLIO = re.compile(r"^\d{1,3}\s+|\s+\d{1,3}$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(\S.{0,300}?)\s*#*$")
_BOLD_START = re.compile(r"^(\s*)\*\*([^*]{1,100})\*\*")
# A web server's error messages printed above a saved page ("Warning: fopen(...): failed to open stream in
# /srv/site/view.php on line 88"), on lines of their own or before the page's first line.
_SERVER_MESSAGES = re.compile(r"^(?:\s*(?:PHP\s+)?(?:Warning|Notice|Deprecated|Strict\s+Standards|(?:Fatal|Parse)\s+error)"
                              r":\s.{1,400}?\bin\s+/\S+\.php\s+on\s+line\s+\d+)+\s*")
# An issue line that names its journal ("Spine Cases volume 9, Article number: 41 (2021)"): the line above is
# the title, not the journal's name.
_NAMED_ISSUE = re.compile(r"^[A-Z][\w&.'-]*(?:\s+[\w&.'-]+){0,10}?\s+(?:vol(?:ume)?\.?|v\.)\s*\d", re.IGNORECASE)
_BULLET = re.compile(r"^[-*\u00b7\u2022\u25aa\u25e6\u25cf]\s+(?=\S)")
_CITED_ISSUE = re.compile(r"\b(?:19|20)\d\d\s*(?:[A-Z][a-z]{2}\s*)?;\s*\d+\s*(?:\(\d+\))?\s*:\s*[eE]?\d+")
# "Title: ...", "Authors: ...", "Year: 2021" as notes, exports and index pages print them (also in Spanish,
# Ukrainian, Czech and German: "Autores", "Автори", "Видання", "Rok vydání", "verfasst von", "Hauptverfasser"); a
# catalogue's "Published in" the journal's issue ("Veröffentlicht in", "Zdroj": its journal and year read, never
# its words as the journal's name); its "Main Authors
# Marlowe, Ruth A", "Published United States 01.06.2019", "Date 2019 Jun 3", "State: Published - Sep 2018"; its cells run together
# ("Year of Publication2017", "StatePublished - Sep 2018").
FIELD_KEYS = {"title": "title", "article title": "title", "author": "author", "authors": "author",
              "main author": "author", "main authors": "author", "autor": "author", "autores": "author",
              "autor principal": "author", "autores principales": "author", "publicado": "year", "journal": "journal",
              "título": "title", "titulo": "title", "revista": "journal", "автори": "author", "автор": "author",
              "видання": "journal", "журнал": "journal", "рік": "year", "rok vydání": "year", "verfasst von": "author",
              "verfasser": "author", "hauptverfasser": "author", "veröffentlicht in": "issue", "published in": "issue",
              "zdroj": "issue",
              "year": "year", "year of publication": "year", "publication year": "year",
              "publication date": "year", "date published": "year", "published": "year", "date": "year",
              "publication status": "year",
              "state": "year"}
# The keys as a pattern, longest first ("year of publication" before "year"); "state" only before "published",
# "date" only before a year with no colon between ("Date 2019 Jun 3", a catalogue's cell; not "Date: ..." in a text).
_FIELD_KEY = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(FIELD_KEYS, key=len, reverse=True)
                      if k not in ("state", "date"))
FIELD = re.compile(
    rf"^(?:[-*\u00b7\u2022]\s+)?(?P<key>{_FIELD_KEY}|state(?=\s*:?\s*published\b)|date(?=\s+(?:19|20)\d\d\b))"  # "- Authors: ..." too
    r"(?:\s*:\s*|(?-i:(?<=[a-z])(?=[A-Z0-9]))|(?:(?<=year)|(?<=publication)|(?<=date))\s+(?=(?:19|20)\d\d(?:\s+[A-Z][a-z]{2,8}(?:\s+\d{1,2})?)?$)|(?<=main\sauthors)\s+|"
    r"(?<=main\sauthor)\s+|(?<=published)\s+(?=(?-i:(?:[A-Z][\w.]*\s+){0,3})[\d./-]*(?:19|20)\d\d$))"
    r"(?P<value>\S.{0,1500})$", re.IGNORECASE)  # long: a catalogue's author field may hold each affiliation
# A line under a field that is no wrap of it, besides another field: a record's other labelled lines
# ("Volume: 18", "DOI: 10...", "PMID 31874206") or a catalogue's cell, its label run into its value ("Volume18",
# "Issue number5").
_RECORD_LABEL = r"volume|issue|pages?|doi|affiliations?|source|issn|pmid|pmcid|pubmed\s+id|keywords?|language|publisher|citation"
_CELL = re.compile(rf"^(?i:{_RECORD_LABEL})(?:\s*:|\s+\d)|^[A-Z][a-z]+(?:\s[a-z]+){{0,2}}(?=[A-Z0-9])")
# Where a record's next labelled field begins in a line that runs them together ("Title: ... Author: Tanaka
# RK, Brody EL. Journal: Spine Case Rep; 2014 Jun. PubMed ID: ...").
_NEXT_FIELD = re.compile(rf"(?<=[.;])\s+(?=(?i:{_FIELD_KEY}|{_RECORD_LABEL}|abstract)\s*:)")


def _empty_field(text: str) -> str | None:
    """The field a record's label names when its value is on the lines below ("- Author:"), else None."""
    return _label_field(text) if text.rstrip().endswith(":") else None


def _label_field(text: str) -> str | None:
    """The field a line that is a record's label alone names ("- Author:", "Authors"), else None."""
    return FIELD_KEYS.get(" ".join(_BULLET.sub("", text).rstrip().rstrip(":").lower().split()))


def field_name(m: re.Match[str]) -> str:
    """The field a `FIELD` match fills: "title", "author", "journal" or "year"."""
    return FIELD_KEYS[" ".join(m.group("key").lower().split())]


def record_fields(text: str) -> list[str]:
    """A field line cut where each next labelled field of a record begins."""
    return _NEXT_FIELD.split(text)


_REFERENCE_ITEM = re.compile(r"^\W{0,3}(?:\[\d{1,3}\]|\d{1,3}[.)])\s+(?=\S)")
OPEN_ENDINGS = frozenset("a an the of and or to in on at by for with from into as than that was were is are "
                          "be been had has his her their its this these which who".split())
# Words of a told sentence ("The cement was removed at L5."), not of a title.
_FINITE = frozenset("is are was were has have had did does do we our".split())
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
    block: int = -1  # the block of lines (between blank lines) the paragraph came from


# --- lines -> paragraphs --------------------------------------------------------------------

# "Case 1", "Case 2", "Patient 3" headings repeat with a number as running heads do, but open a patient.
_NUMBERED_CASE = re.compile(r"^(?:(?:illustrative\s+)?case|patient|observation)\s*(?:no\.?\s*)?\d{1,2}\s*[:.]?$",
                            re.IGNORECASE)


def _page_furniture(lines: list[str]) -> set[int]:
    """Line numbers of running heads and page numbers: short unpunctuated lines (or "Author et al.")
    repeated on three or more pages, and lines holding only a page number between blank lines; never
    the text's opening line, which a saved page's title repeats."""
    flat = [" ".join(line.split()) for line in lines]
    keys = [_FOLIO.sub("", line) if line[:1].isdigit() or line[-1:].isdigit() else line for line in flat]  # "2 Spine Cases" and "Spine Cases 3" are one head
    counts = Counter(k for k in keys if k)
    repeated = {k for k, n in counts.items() if n >= 3 and len(k.split()) <= 15 and k != ","  # a comma between authors
                and (not terminated(k) or running_head_author(k))}
    opening = next((i for i, line in enumerate(flat) if line), None)  # a repeated title, not a head
    out = set()
    for i, line in enumerate(flat):
        if i == opening and len(line.split()) >= 3:
            continue
        alone = (i == 0 or not flat[i - 1]) and (i + 1 == len(flat) or not flat[i + 1])
        if (keys[i] in repeated and not _NUMBERED_CASE.match(line)) or (alone and _PAGE_NUMBER.match(line)):
            out.add(i)
    return out


def _running_heads(lines: list[str], furniture: set[int]) -> list[str]:
    out: list[str] = []
    for i in sorted(furniture):
        line = " ".join(lines[i].split())
        for text in (line, _FOLIO.sub("", line)):  # with and without a page number at either end
            if text and not _PAGE_NUMBER.match(text) and text not in out:
                out.append(text)
    return out


def text_blocks(text: str) -> tuple[list[list[Line]], list[str]]:
    """Blocks of non-blank lines without page numbers and running heads; and the distinct running heads
    and footers of a pasted PDF, in order: they may hold the paper's journal, year, DOI or first author."""
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
        if ".php on line" in raw:
            raw = _SERVER_MESSAGES.sub("", raw)
            if not raw.strip():
                continue
        stripped = _BOLD_START.sub(r"\1\2", raw.rstrip()) if "**" in raw else raw.rstrip()
        md = _MARKDOWN_HEADING.match(stripped.strip()) if "#" in raw else None
        if md:  # "## Case report" stands alone as a heading
            blocks.extend([[Line(md.group(1), 0, "heading")], []])
            continue
        blocks[-1].append(Line(stripped.strip(), len(stripped) - len(stripped.lstrip())))
    return [b for b in blocks if b], _running_heads(raw_lines, furniture)


def _is_reference_item(text: str) -> bool:
    """"[3] Lee JH, Park S. ..." or "3. Lee JH, ...": a numbered entry of a reference list; unnumbered
    when it also cites an issue ("Lee JH, Park S. Title. Spine J. 2019;19:100-8.")."""
    m = _REFERENCE_ITEM.match(text)
    if m:
        return cited_first_author(text[m.end():]) is not None
    return cited_first_author(text) is not None and bool(_CITED_ISSUE.search(text))


_DASHED_SUBTITLE = re.compile(r"\s-\s+[A-Z](?:[^-]|-(?=\w))*\S\s+-$")  # "- A Long-Term Follow-up -"


def _line_may_end(prev: str) -> bool:
    """Whether a line can end a title or paragraph: not after a comma, a hyphen or "of", "the" ..., but
    after the dash that closes a subtitle set between dashes ("... - A Report of Three Cases -")."""
    words = prev.split()
    return not words or (prev[-1] not in ",-;" and words[-1].lower() not in OPEN_ENDINGS) \
        or _DASHED_SUBTITLE.search(prev) is not None


def _is_front_line(line: str, prev: str) -> bool:
    """A label, date or journal name printed on a line of its own, not a piece of a wrapped sentence or
    title ("Cement in the canal:" + "A Case Report")."""
    return (line[:1].isupper() or line[:1].isdigit()) and _line_may_end(prev) and not prev.endswith(":") \
        and front_matter_kind(line) is not None


def _ends_item(cur: list[str]) -> bool:
    """Whether the paragraph so far is one whole front-matter line that nothing continues."""
    return len(cur) == 1 and (front_matter_kind(cur[0]) is not None or is_line_item(cur[0]))


def _is_byline_line(text: str) -> bool:
    """A line of author names only: a byline, or a "Family, Given; Family, Given." list."""
    b = parse_byline(text)
    return (bool(b) and len(text.split()) <= 60 and b.end >= len(" ".join(text.split())) - 2) \
        or family_given_author(text) is not None


def _in_matter(cur: list[str], cur_role: str) -> bool:
    """Whether the paragraph so far is front or back matter."""
    return bool(cur) and cur_role == "body" and opens_boilerplate(cur[0])


NUMBERED_NAMES = "byline.numbered"  # a byline printed as a numbered list, each name marked
LISTED_NAMES = "byline.list"  # the rule of a byline printed as a bulleted list (it counts above the text only)
_LIST_MARK = re.compile(r"[,;]|\d{1,2}(?:\s*,\s*\d{1,2})*")  # a listed name's affiliation marks, a separator


_LINKING_LETTERS = 5  # the longest lower-case word in a place's name ("of", "degli", "und")
_AFFILIATION_NUMBER = re.compile(r"\d{1,2}\s+[A-Z]")  # "1 Department of Radiology, ..." under its author
# The link a page prints after its corresponding author's name, run into it ("Li WeiEmail author").
_EMAIL_LINK = re.compile(r"(?<!\s)\s*(?:E-?mail|Contact)\s+(?:the\s+)?author\s*$", re.IGNORECASE)


def _bulleted_name(text: str) -> str:
    """The name a bulleted item holds, its bullet and any link run into it left off."""
    return _EMAIL_LINK.sub("", _BULLET.sub("", text.lstrip()))


def _listed_byline(names: list[str], sep: str, labelled: bool) -> str | None:
    """The byline that author names listed one an item make: joined by `sep`, or, under an author label, by
    semicolons where each is printed "Family, Given" ("Ruiz, Ana Maria" / "Wei, Li": unlabelled, such a list
    is as often index terms, "Spine, Lumbar" / "Fractures, Compression"); None when they make none."""
    for joined in (sep.join(names), "; ".join(names))[:2 if labelled else 1]:
        if _is_byline_line(joined):
            return joined
    return None


def _bulleted_names(block: list[Line]) -> tuple[int, int, str] | None:
    """(start, end, names) of the first run of two or more bulleted lines that are one author name each
    ("• Helen P. Marquardt", "• Tomas R. Vidal"): a byline printed as a list, under its "Authors:" label when
    that is listed too."""
    i = 0
    while i < len(block):
        j = i
        while j < len(block) and _BULLET.match(block[j].text.lstrip()):
            j += 1
        first = i + 1 if i < j and _empty_field(block[i].text) == "author" else i
        if j - first > 1:
            labelled = first > i or (i > 0 and _label_field(block[i - 1].text) == "author")
            names = _listed_byline([_bulleted_name(line.text) for line in block[first:j]], " \u2022 ", labelled)
            if names:
                return i, j, names
        i = j + 1
    return None


# An affiliation's mark ending a name: "Ana Ruiz1", "Li Wei1,2", "Tom Berg1,*", "Eva Lund\u2020".
_AFFILIATION_MARK = re.compile(rf"[a-z](?:\d{{1,2}}(?:,\d{{1,2}})*(?:,?[{AUTHOR_SYMBOLS}])*|[{AUTHOR_SYMBOLS}]+)$")
_NUMBERED = re.compile(r"(\d{1,2})\.\s+(\S.*)")
_NUMBERED_LINE = 100  # a numbered author line is short


def _numbered_name(text: str) -> tuple[int, str] | None:
    """(number, name) of a numbered list item that may name an author, its list's comma and "and" left off
    ("2. Li Wei2, and" -> (2, "Li Wei2"))."""
    m = _NUMBERED.fullmatch(text.strip()) if len(text) <= _NUMBERED_LINE else None
    if m is None:
        return None
    name = m.group(2).rstrip().rstrip(",").rstrip()
    if name.endswith(" and"):
        name = name[:-4].rstrip().rstrip(",").rstrip()
    return int(m.group(1)), name


def _numbered_names(block: list[Line]) -> tuple[int, int, str] | None:
    """(start, end, names) of a byline printed as a numbered list, one author an item numbered from 1 on,
    each name with its affiliation's mark ("1. Ana Ruiz1," / "2. Li Wei2 and" / "3. Tom Berg1"; the
    affiliations numbered from 1 again below): a list of terms carries no marks."""
    for i in range(len(block)):
        names: list[str] = []
        for item in block[i:]:
            numbered = _numbered_name(item.text)
            if numbered is None or numbered[0] != len(names) + 1 or not _AFFILIATION_MARK.search(numbered[1]):
                break
            names.append(numbered[1])
        if len(names) > 1 and (joined := _listed_byline(names, ", ", False)):
            return i, i + len(names), joined
    return None


def _comma_listed_names(block: list[Line]) -> tuple[str, list[Line]] | None:
    """(names, the other lines) of a block that opens with a byline printed one author per line, each
    name followed by its affiliation lines and a comma alone on a line between authors ("Ana Ruiz" /
    "Northfield General Hospital" / "," / "Li Wei" / ...)."""
    chunks: list[list[Line]] = [[]]
    for line in block:
        if line.text.strip() == ",":
            chunks.append([])
        else:
            chunks[-1].append(line)
    if len(chunks) < 2 or not all(chunks):
        return None
    names = [c[0].text.strip() for c in chunks]
    if any(len(n.split()) > 5 or not n[:1].isupper() or any(ch.isdigit() for ch in n) for n in names):
        return None
    joined = ", ".join(names)
    return (joined, [line for c in chunks for line in c[1:]]) if _is_byline_line(joined) else None


def _labelled_names(block: list[Line]) -> tuple[int, int, str] | None:
    """(where its label is, where the lines after begin, names) of a byline printed one author a line under
    an "Author:" label with nothing after it, each name's marks and the separators between them on lines of
    their own ("- Author:" / "Ana Maria COSTA" / "1" / ";" / "Li WEI" / ...)."""
    start = next((i for i, line in enumerate(block) if _empty_field(line.text) == "author"), None)
    if start is None:
        return None
    names: list[str] = []
    end = start + 1
    for line in block[start + 1:]:
        t = line.text.strip()
        if not _LIST_MARK.fullmatch(t):  # a name, when the names so far stay a byline with it
            if len(t.split()) > 5 or not t[:1].isupper() or any(ch.isdigit() for ch in t) or (
                    names and not _listed_byline([*names, t], ", ", True)):
                break
            names.append(t)
        end += 1
    joined = _listed_byline(names, ", ", True)
    return (start, end, joined) if names and joined else None


def _around_byline(block: list[Line], i: int, j: int, names: str, next_first: str | None,
                   rule: str = LISTED_NAMES) -> list[Para]:
    """The block's paragraphs, lines i to j a byline printed as a list (`names`)."""
    return ((_split_block(block[:i], block[i].text) if i else []) + [Para("byline", names, rule=rule)]
            + (_split_block(block[j:], next_first) if j < len(block) else []))


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
    if listed := _bulleted_names(block):
        return _around_byline(block, *listed, next_first)
    if numbered := _numbered_names(block):  # marked names: a byline wherever it stands
        return _around_byline(block, *numbered, next_first, rule=NUMBERED_NAMES)
    if comma_listed := _comma_listed_names(block):
        names, rest = comma_listed
        return [Para("byline", names, rule=LISTED_NAMES)] + (_split_block(rest, next_first) if rest else [])
    if labelled := _labelled_names(block):
        return _around_byline(block, *labelled, next_first)
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
        prev_ends = terminated(prev)
        at_start = j == 0 or wrap_free or prev_ends or after_heading
        in_table = cur_role == "table" and bool(cur) or bool(paras) and paras[-1].role in ("table", "row")
        if in_table and t.count(CELL_SEP) >= 2:  # a table's row under its caption, cells joined by " | "
            close()
            paras.append(Para("row", t))
            continue
        # A known heading ("Case Report") may follow a line that ends without punctuation, as a title does.
        may_head = at_start or (heading_kind(t) is not None and _line_may_end(prev))
        if may_head and looks_like_heading(t, nxt) and not opens_boilerplate(t) and not caption_label(t) \
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
                or _BULLET.match(t) or FIELD.match(t) or (FIELD.match(prev) and _CELL.match(t))
                or ((at_start or not t[:1].isalpha() or _in_matter(cur, cur_role)) and opens_boilerplate(t))
                or (cur_role == "body" and bool(cur) and prev_ends
                    and width >= 40 and len(prev) < 0.75 * width)
                or script_language(t) != script_language(prev)
                or (prev_ends and _in_matter(cur, cur_role))
                or (cur_role == "body" and (_is_front_line(t, prev) or _ends_item(cur)))
                or (_NAMED_ISSUE.match(t) and is_line_item(t))  # "Spine Cases volume 9, Article number: 41 (2021)"
                or re.match(r"[.,;:]\s", t)):  # ". 2021 Mar;9(2):33-38." under a journal's name on a web page
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
    field_ = FIELD.match(p.text) if p.role in ("body", "heading", "byline") else None
    if field_:
        key = field_name(field_)
        p.role, p.kind, p.title, p.rule = "boiler", "front-matter", key.title(), f"field.{key}"
        return
    if p.role != "body":
        return
    label = inline_heading(p.text) if p.language == "en" else None
    bare = _BULLET.sub("", p.text)  # a page's bulleted front lines: "• Surg Neurol Int. 2014 ..."
    bp = None if label and heading_kind(label[0]) in BODY_KINDS else boilerplate_of(bare)
    if bp:
        p.text, p.role, p.kind, p.title, p.rule = bare, "boiler", bp.kind, label[0] if label else bp.title, bp.rule
        return
    if bare != p.text and is_date(bare):  # "· 2025"
        p.text = bare
        return
    if label:
        p.role, p.title, p.kind = "label", label[0], heading_kind(label[0]) or ""
        return
    byline = parse_byline(bare)
    if byline:
        rest = " ".join(bare.split())[byline.end:].strip(" ,;.")
        if not rest or boilerplate_of(rest):
            p.text, p.role, p.kind, p.title = bare, "byline", "front-matter", "Authors"
            return
    if _is_reference_item(p.text):
        p.role, p.kind = "reference", "references"


def split_labelled(p: Para) -> list[Para]:
    """A body paragraph cut at the DOIs and run-in labels it runs in (a structured abstract pasted as
    one block): each piece led by a label of the body of a paper becomes a labelled paragraph; others
    stay body text."""
    if p.role != "body":
        return [p]
    out = []
    for chunk in split_identifiers(p.text):
        pieces = split_run_in(chunk)
        if len(pieces) == 1 and (pieces[0][0] is None or inline_heading(chunk) is not None):
            out.append(Para("body", chunk, block=p.block))
            continue
        for label, text in pieces:
            if label is not None and label.kind in BODY_KINDS:
                out.append(Para("label", text, title=label.label, kind=label.kind, rule="run-in", block=p.block))
            else:
                out.append(Para("body", text, block=p.block))
    return out


def classify_all(paras: list[Para]) -> list[Para]:
    """Paragraphs cut at their run-in labels, each classified."""
    out = [piece for p in paras for piece in split_labelled(p)]
    for p in out:
        classify(p)
    return out


def _affiliation(text: str) -> bool:
    """Whether a numbered line under an author is an affiliation: read as one, or names of places, every
    word capitalised save short linking ones ("1 Spine Unit, Klinikum Nord, Berlin", "1 Universit\u00e0 degli
    Studi di Milano"; not "12 Patients with leakage, eight women, received kyphoplasty")."""
    found = boilerplate_of(text)
    words = re.findall(r"[^\W\d_][\w'\u2019.-]*", text)
    return found is not None and found.rule.startswith("affiliation") or (
        "," in text and all(w[0].isupper() or len(w) <= _LINKING_LETTERS or "'" in w or "\u2019" in w for w in words))


def _spaced_bullets(paras: list[Para]) -> list[Para]:
    """`paras` with a byline printed as a bulleted list under an author label, a blank line between its
    items, each perhaps followed by its numbered affiliation ("Authors" / "" / "• Ana Ruiz" / "" /
    "1 North Hospital, Oslo" / "• Li Wei"), made one byline paragraph (the affiliations left out)."""
    out: list[Para] = []
    i = 0
    while i < len(paras):
        out.append(paras[i])
        j, names = i + 1, []
        if _label_field(paras[i].text) == "author":
            while j < len(paras) and paras[j].role == "body":
                if _BULLET.match(paras[j].text):
                    names.append(_bulleted_name(paras[j].text))
                elif not (names and _AFFILIATION_NUMBER.match(paras[j].text) and _affiliation(paras[j].text)):
                    break
                j += 1
            byline = _listed_byline(names, " \u2022 ", True) if len(names) > 1 else None
            if byline:
                out.append(Para("byline", byline, rule=LISTED_NAMES, block=paras[i + 1].block))
            else:
                j = i + 1
        i = j
    return out


def paragraphs(blocks: list[list[Line]]) -> list[Para]:
    paras: list[Para] = []
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1][0].text if i + 1 < len(blocks) else None
        for p in _split_block(block, nxt):
            p.block = i
            paras.append(p)
    return classify_all(_spaced_bullets(paras))


# --- title ----------------------------------------------------------------------------------

def _one_sentence(text: str) -> bool:
    """No sentence ends inside, unless what follows is a label ("Cement in the canal. A case report") or
    the subtitle of a question ("Is the Leak Harmless? A Cohort Analysis"), which tells nothing."""
    stops = list(re.finditer(r"(?<!\bvs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\b[A-Z])[.!?]\s+(?=[A-Z])", text))
    if len(stops) != 1:
        return not stops
    rest = text[stops[0].end():]
    return article_type(rest) is not None or (
        stops[0].group().startswith(("?", "!")) and len(rest.split()) <= 12 and not _told(rest))


# A heading over the authors or their affiliations ("Author information"): a title's full stop may come before it.
_AUTHORS_HEADING = re.compile(r"\b(?:authors?|affiliations?)\b", re.IGNORECASE)
_RUN_TOGETHER = re.compile(r"[a-z][A-Z][a-z]")  # two words printed as one


def _names_article_type(text: str) -> bool:
    """Whether a title's subtitle, after its last colon or the double dash MEDLINE prints for one, names the
    article type ("...: A Case Report", "...--a case report."), after a few words of title (not a date's
    "28 March 2022: Case Report", a label's ": Case report")."""
    at = max(text.rfind(":"), text.rfind("--"))
    if at < 0:
        return False
    subtitle = text[at + (1 if text[at] == ":" else 2):]
    return article_type(subtitle) is not None and len(re.findall(r"[^\W\d_]{2,}", text[:at])) >= 3


def _label_list(text: str) -> bool:
    """A list of article types or categories ("Rare disease, Unexpected course of treatment, Mistake in
    diagnosis"), not a title."""
    return sum(article_type(item) is not None for item in text.split(",")) >= 2


def _title_like(p: Para, nxt: Para | None) -> bool:
    """Whether a paragraph may be a title: one sentence of 3 to 40 words that the next paragraph does not
    continue. A full stop may end it when authors, front matter or a heading over them follow, or a
    labelled section after a title in title case, or when it names the article type ("...: a case report.",
    "...--a case report.")."""
    words = p.text.split()
    if not 3 <= len(words) <= 40 or not _one_sentence(p.text) or not _line_may_end(p.text) \
            or len(_RUN_TOGETHER.findall(p.text)) >= 3:  # "Ana RuizAna RuizLi WeiLi Wei": a page's links, no title
        return False
    if nxt and nxt.text[:1].islower() and nxt.role not in ("byline", "boiler") and nxt.block == p.block:
        return False
    if not p.text.endswith("."):
        return True
    typed = _names_article_type(p.text)
    titled = ":" in p.text or _capitalisation(p.text) == "title"
    if typed or nxt is None:
        return typed
    if nxt.role in ("byline", "boiler"):
        return True
    if _empty_field(nxt.text) == "author":  # "- Authors:" over the names, one a line
        return not _told(p.text)
    if nxt.role == "label":  # "...: Incidence and Risk Factors." over "BACKGROUND: ..."
        return titled and heading_kind(nxt.title) is not None
    return nxt.role == "heading" and heading_kind(nxt.text) == "front-matter" \
        and (titled or (_AUTHORS_HEADING.search(nxt.text) is not None and not _told(p.text)))


def _candidate(p: Para, nxt: Para | None) -> bool:
    """Whether a paragraph at the top may be the title (never a bulleted line)."""
    if p.role == "title":
        return True
    if _BULLET.match(p.text):
        return False
    if p.role == "heading":
        return heading_kind(p.text) is None and not numbering_depth(p.text) and len(p.text.split()) >= 3
    return p.role == "body" and _title_like(p, nxt)


def _next_text(paras: list[Para], i: int) -> tuple[Para | None, Para | None]:
    """The next paragraph after `i` that is not front matter, and the one after it."""
    rest = [p for p in paras[i + 1:i + 8] if p.role != "boiler"]
    return (rest[0] if rest else None), (rest[1] if len(rest) > 1 else None)


def _setting_over_title(paras: list[Para], i: int) -> bool:
    """A heading's word alone above the article type and the title: a page's setting ("Background:" of a
    reader's colours), not a section ("Background:", "Article", "Cement Leak after Kyphoplasty")."""
    nxt, after = _next_text(paras, i)
    if nxt is None or after is None or nxt.role != "heading" or article_type(nxt.text) is None:
        return False
    return _candidate(after, _next_text(paras, paras.index(after))[0])


def _labelled_title(p: Para, nxt: Para | None) -> bool:
    """A title read as a labelled paragraph: "Case Report: Cement in the canal after kyphoplasty",
    "INTRADURAL CEMENT: A CASE REPORT" (led by an article type or by words that name no section), over
    no other title-like line but front matter ("CASE REPORT article") or its own copy (a page that prints
    the title twice)."""
    return (article_type(p.title) is not None or heading_kind(p.title) is None) \
        and _title_like(Para("body", p.text), nxt) \
        and (nxt is None or nxt.role in ("byline", "boiler") or not _title_like(nxt, None)
             or front_matter_kind(nxt.text) is not None or bool(_copies(p, [nxt])))


def _fragment(text: str) -> bool:
    """A scrap above the title that no title or section is: a word or two ("Advertisement", "World
    Neurosurgery") or a short line with hardly any words (". 2021 Mar;9(2):33-38.")."""
    words = text.split()
    if heading_kind(text) is not None or numbering_depth(text) or len(words) > 12:
        return False
    if len(words) < 3:  # a label whose value the page left out ("Published:") is a scrap too
        return not terminated(text) or text.endswith(":")
    return not text[:1].isalnum() or len(re.findall(r"[^\W\d_]{3,}", text)) < 3


def _set_front_matter(p: Para, title: str, rule: str) -> None:
    p.role, p.kind, p.title, p.rule = "boiler", "front-matter", title, rule


def _names_like(text: str) -> bool:
    """A list of names the byline reader missed: separated names of a few words each, capitalised words,
    no small words (not "Foot Drop After Lateral Fusion: Incidence, Risk Factors, and ...")."""
    words = re.findall(r"[^\W\d_][\w'.-]*", text)
    items = re.split(r"[,;|\u00b7]", text)
    return len(items) >= 3 and all(w[0].isupper() for w in words if w.lower() != "and") \
        and not any(w.lower() in OPEN_ENDINGS for w in words if w.lower() != "and") \
        and all(len([w for w in re.sub(r"^\s*and\s", "", item).split() if not is_name_part(w)]) <= 4
                for item in items)  # initials and suffixes aside: "John A. B. Smith Jr."


def _is_banner(p: Para) -> bool:
    words = p.text.split()
    return len(words) <= 6 and not any(c.islower() for c in p.text)


def _capitalisation(text: str) -> str:
    """"caps", "title" (most words capitalised) or "sentence"."""
    if not any(c.islower() for c in text):
        return "caps"
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", text) if w.lower() not in OPEN_ENDINGS]
    return "title" if words and sum(w[0].isupper() for w in words) >= 0.75 * len(words) else "sentence"


def _continues_title(paras: list[Para], group: list[int], i: int) -> bool:
    """A title wrapped over lines whose first line read as a heading ("Epidural Cement Leakage after
    Percutaneous" + "Vertebroplasty: Report of a Case"): the next candidate line of the same block,
    capitalised alike."""
    last, p = paras[group[-1]], paras[i]
    style = _capitalisation(last.text)
    return i == group[-1] + 1 and last.role == "heading" and last.block == p.block >= 0 \
        and style != "sentence" and _capitalisation(p.text) == style


def _title_below_byline(paras: list[Para]) -> None:
    """Authors printed above the title: after the opening byline and its affiliations, a title-like line
    that a section heading follows."""
    rest = [p for p in paras if p.role not in ("boiler", "byline")]
    first = next((i for i, p in enumerate(paras) if p.role not in ("boiler",)), None)
    if first is None or paras[first].role != "byline" or len(rest) < 2:
        return
    p, nxt = rest[0], rest[1]
    if _candidate(p, nxt) and (nxt.role in ("heading", "label") and heading_kind(nxt.title or nxt.text)):
        p.role, p.kind = "title", "title"


def _told(text: str) -> bool:
    """A told sentence, not a title: sentence case with a finite verb ("The cement was removed.")."""
    return _capitalisation(text) == "sentence" and any(w.lower().strip(",:;.") in _FINITE for w in text.split())


_CRUMB = re.compile(r"^\d{1,2}\.\s+(\S.*)$")  # an item of a numbered breadcrumb trail ("3. Neurology")
_CRUMB_HOME = re.compile(r"^1\.\s+Home$", re.IGNORECASE)


def _breadcrumb_title(paras: list[Para]) -> int | None:
    """Where the title stands on a page whose numbered breadcrumb trail ("1. Home", "2. Research", ...) ends in
    it, the line below repeating its last item: everything above is the site's. A trail starts at "Home" (a
    numbered table of contents does not)."""
    for i in range(1, min(len(paras) - 1, 60)):
        crumb, below = _CRUMB.match(paras[i].text), paras[i + 1]
        if not (crumb and below.role in ("body", "heading") and len(below.text.split()) >= 3
                and normalized(crumb.group(1)) == normalized(below.text)):
            continue
        first = i
        while first and _CRUMB.match(paras[first - 1].text):
            first -= 1
        if first < i and _CRUMB_HOME.match(paras[first].text):
            return i + 1
    return None


def _opening_line(paras: list[Para]) -> Para | None:
    """The paragraph a saved page or pasted paper opens with, when it may be its title: alone above a
    blank line (as PubMed and journal pages are saved), though it ends in a full stop or holds two
    sentences ("Not Where It Belongs! A Curious Case of ..."); never a told sentence ("The cement
    was removed.")."""
    if len(paras) < 2 or paras[0].block != 0 or paras[1].block == 0 or paras[0].role not in ("body", "heading"):
        return None
    p = paras[0]
    words = p.text.split()
    stops = re.findall(r"[.!?]\s+(?=[A-Z])", p.text)
    if not 3 <= len(words) <= 40 or len(stops) > 1 or _told(p.text) or not p.text[:1].isupper() or not _line_may_end(p.text) \
            or heading_kind(p.text) is not None or front_matter_kind(p.text) is not None \
            or _is_banner(p) or _is_byline_line(p.text) or _names_like(p.text) or opens_boilerplate(p.text):
        return None
    return p


def _copies(p: Para, paras: list[Para]) -> list[Para]:
    """The lines below that repeat title `p` ("Kim: Foot Drop after ...", "... FREE TO VIEW", "Case Report:
    <title>" read as a labelled paragraph)."""
    key = normalized(p.text)
    return [q for q in paras if q is not p and q.role in ("body", "heading", "label") and key in (n := normalized(q.text))
            and len(n) <= len(key) + 20]


def find_title(paras: list[Para]) -> None:
    """Mark the paper's title among the paragraphs before the byline and the first section.

    Labels ("Original Article", "IMAGES IN CLINICAL PRACTICE"), dates, navigation and journal names
    above the title become front matter. Of several title-like lines (a journal's name, a running
    title), the title is the longest; short all-capitals banners and lists of names give way.
    A title running into the first sentence ("Cement leak after kyphoplasty A 70-year-old man ...")
    is split off. Papers whose text opens with a byline or a section have no title line. A title alone
    on the opening line is a candidate as it stands (a sentence-case one ending in a full stop only above
    front matter or a heading), and the title when the page repeats it below.
    """
    crumb = _breadcrumb_title(paras)
    if crumb is not None:
        for p in paras[:crumb]:
            if p.role in ("body", "heading", "title"):
                _set_front_matter(p, "Front matter", "front.other")
        paras[crumb].role, paras[crumb].kind = "title", "title"
        return
    opening = _opening_line(paras)
    copies = _copies(opening, paras) if opening else []
    if opening and not copies and _capitalisation(opening.text) == "sentence" and opening.text.endswith(".") \
            and not (paras[1].role in ("boiler", "byline", "heading", "label") or _fragment(paras[1].text)):
        opening = None  # "Cement leakage remains a frequent complication of vertebroplasty." opens an abstract
    if opening:
        opening.role, opening.kind = "title", "title"
        for q in copies:
            _set_front_matter(q, "Front matter", "front.title_copy")
    groups: list[list[int]] = []
    for i, p in enumerate(paras):
        if opening is not None and i == 0:
            groups.append([0])
            continue
        if p.role == "label" and not groups and _labelled_title(p, _next_text(paras, i)[0]):
            groups.append([i])
            continue
        if p.role in ("byline", "label", "caption", "table", "row"):
            break
        if groups and p.role == "boiler" and p.rule.startswith(("affiliation", "correspondence", "field.author")):
            break  # the authors and their affiliations follow the title
        if p.role in ("boiler", "reference") or p.language != "en":  # a citation of the paper above its title
            continue
        if i and paras[i - 1].rule == "web.neighbour" and i + 1 < len(paras) \
                and paras[i + 1].rule.startswith("web."):  # "Previous Article in Journal" over another's title
            _set_front_matter(p, "Front matter", "front.other")
            continue
        nxt, after = _next_text(paras, i)
        if i + 1 < len(paras) and not _NAMED_ISSUE.match(paras[i + 1].text) and (
                paras[i + 1].rule in ("journal.issue", "issue-line") or (
                paras[i + 1].rule == "citation-line" and re.match(r"(?:19|20)\d\d\b", paras[i + 1].text))):
            _set_front_matter(p, "Journal", "front.journal")  # the journal's name above "Volume 7, ...", "2011 Jul;"
            continue
        kind = front_matter_kind(p.text)
        if kind == "label" and heading_kind(p.text) is not None and not (
                nxt is not None and (nxt.role == "byline" or _candidate(nxt, after))):
            break  # "Case report" over the text: the heading of its first section
        if kind is not None:
            if kind == "label" and any(map(article_type, label_parts(p.text))):
                _set_front_matter(p, "Article type", "article-type")
            else:
                _set_front_matter(p, kind.title(), f"front.{kind}")
            continue
        if _candidate(p, nxt):
            if groups and _continues_title(paras, groups[-1], i):
                groups[-1].append(i)
            else:
                groups.append([i])
            continue
        if not groups and p.role == "heading" and _setting_over_title(paras, i):
            _set_front_matter(p, "Front matter", "front.other")
            continue
        if not groups and p.role in ("body", "heading") and _fragment(p.text):
            _set_front_matter(p, "Front matter", "front.other")  # "World Neurosurgery", ". 2021 Mar;9(2):33-8."
            continue
        if p.role == "body" and not groups:
            split = split_run_in_title(p.text)
            if split:
                p.text = split[1]
                paras.insert(i, Para("title", split[0], kind="title", block=p.block))
        break
    if not groups:
        _title_below_byline(paras)
        return
    text = {id(g): join_wrapped([paras[i].text for i in g]) for g in groups}
    # a line citing another candidate ("Okafor T, Lindqvist M. <title>. Thorac Case ...") is its citation
    cites = [g for g in groups if any(h is not g and own_citation(text[id(g)], text[id(h)]) for h in groups)]
    pool = [g for g in groups if g not in cites and not _label_list(text[id(g)])
            and (len(g) > 1 or not (_is_banner(paras[g[0]]) or _names_like(paras[g[0]].text)))]
    # the longest, unless one names the article type ("...: A Report of Two Cases" over a page's longer lines)
    # and is no label right over a longer title that does not ("Spine Images: Case Report" over the title)
    named = [g for g in pool if _names_article_type(text[id(g)])]
    typed = [g for g in named if not any(
        h[0] > g[-1] and all(paras[k].role == "boiler" for k in range(g[-1] + 1, h[0]))
        and h not in named and len(text[id(h)]) > len(text[id(g)]) for h in pool)]
    chosen = groups[0] if copies else max(pool or groups, key=lambda g: (
        g in typed, sum(len(paras[i].text.split()) for i in g)))
    for g in groups:
        if g[0] < chosen[0] or g in cites:
            for i in g:
                _set_front_matter(paras[i], "Front matter", "front.other")
    title = paras[chosen[0]]
    title.text = join_wrapped([paras[i].text for i in chosen])
    title.role, title.kind = "title", "title"
    for i in reversed(chosen[1:]):
        del paras[i]
    key = normalized(title.text)
    for q in paras[paras.index(title) + 1:]:  # its copies in the front matter below it, word for word
        if q.role in ("body", "heading", "label") and normalized(q.text) == key:
            _set_front_matter(q, "Front matter", "front.title_copy")
        elif q.role in ("body", "heading", "label"):
            break

"""Section headings: printed titles -> canonical section kinds (vocabulary in headings.json).

Also tells whether a line of plain text reads as a heading ("2. Case report", "DISCUSSION",
"Case 1", a short title line followed by body text) or opens with an inline one ("Methods: We ...").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from leakmine.memo import text_cache

_NUMBERING = re.compile(r"^\s*(?:(?:\d+|[IVX]+|[A-H])(?:\.\d+)*\.?\)?\s+)")
_NUMBERED_LINE = re.compile(r"^(?P<num>(?:\d{1,2}|[IVX]{1,4})(?:\.\d{1,2})*)(?:\.|\))?\s+(?=[A-Z])")
_NUMBER_WORDS = r"\d+|[ivx]+|[a-h]|one|two|three|four|five|six|seven|eight|nine|ten"
# A numbered case heading opens with one of these ("Case 2", "Patient II") or an ordinal ("Second case").
_CASE_WORDS = ("case", "patient")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
_CASE_HEADING = re.compile(
    rf"(?:{'|'.join(_CASE_WORDS)})(?:\s+(?:report|presentation|description|history))?\s*(?:no\s*)?"
    rf"(?:{_NUMBER_WORDS})|(?:{'|'.join(_ORDINALS)}) (?:{'|'.join(_CASE_WORDS)})"
)
_INLINE = re.compile(
    r"^(?P<label>[A-Z][A-Za-z][\w /&'\u2019()-]{0,48}?)\s*(?P<sep>:|\.(?=\s+[A-Z0-9]))\s*(?P<rest>\S.*)$",
    re.DOTALL,
)
# Words a heading does not end with: a line ending with them is a wrapped piece of a sentence.
_OPEN_ENDINGS = frozenset(
    "a an the of and or to in on at by for with from into as than that which who was were is are be "
    "its his her their our this these".split()
)
_TITLE_SMALL_WORDS = frozenset("a an the of and or to in on at by for with from into as vs versus".split())
_NOT_IN_HEADING = re.compile(r"[,;=@%<>\[\]{}|\d]")
_PLURAL = re.compile(r"(?<=[A-Za-z])\((e?s)\)", re.IGNORECASE)  # "Report(s)", "AUTHOR(S)": the plural
_NOT_IN_TITLE = re.compile(r"[^\w\s/&-]")
# Spaces normalize_title changes; letters that lower-case otherwise in a word than alone (dotted I, sigma).
_UNSURE = re.compile("[\u2009\xa0\u0130\u03a3]")


TERM_LISTS = "term lists"  # the key of headings.json naming the front matter that lists terms, one a line


@lru_cache(maxsize=1)
def _data() -> dict[str, list[str]]:
    return json.loads(resources.files(__package__).joinpath("headings.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, str]:
    return {normalize_title(title): kind for kind, titles in _data().items() if kind != TERM_LISTS for title in titles}


@lru_cache(maxsize=1)
def _term_lists() -> frozenset[str]:
    return frozenset(normalize_title(title) for title in _data()[TERM_LISTS])


def lists_terms(title: str) -> bool:
    """Whether a heading is that of a list of index terms, one a line ("MeSH terms", "Publication types")."""
    return normalize_title(title) in _term_lists()


def normalize_title(title: str) -> str:
    """"2. Case Report:" -> "case report", "Case Report(s)" -> "case reports" (numbering, punctuation, case
    and spacing dropped; a plural in brackets kept)."""
    t = _PLURAL.sub(r"\1", _NUMBERING.sub("", title.replace("\u2009", " ").replace("\xa0", " ")))
    return " ".join(_NOT_IN_TITLE.sub(" ", t.lower()).split())


@lru_cache(maxsize=1)
def _squeezed() -> dict[str, str]:
    """Known titles by their letters without spaces: "materialsandmethods" -> "materials and methods"."""
    out: dict[str, str] = {}
    for t in sorted(_vocabulary(), key=lambda t: -t.count(" ")):  # the fewest spaces win
        out[t.replace(" ", "")] = t
    return out


def mend_spacing(title: str) -> str:
    """A known heading printed with a space inside a word by tight kerning ("REFERENC ES", "MATERIALS
    AND METH ODS") -> spaced as the vocabulary spells it; any other title as it is."""
    head = _NUMBERING.match(title)
    start = head.end() if head else 0
    rest = title[start:].rstrip(" .:")
    if " " not in rest or not re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)+", rest):
        return title
    known = _squeezed().get(rest.lower().replace(" ", ""))
    if known is None or known == rest.lower():
        return title
    out, k = [], 0
    for ch in rest.replace(" ", ""):
        if known[k] == " ":
            out.append(" ")
            k += 1
        out.append(ch)
        k += 1
    return title[:start] + "".join(out) + title[start + len(rest):]


@lru_cache(maxsize=1)
def _opener() -> re.Pattern[str]:
    """What a known heading opens with, ignoring case, with or without its numbering: its first word
    (or that of a numbered case heading) after any punctuation, or its letters spaced anyhow (a heading
    `mend_spacing` re-spaces)."""
    firsts = {t.split()[0] for t in _vocabulary()} | {*_CASE_WORDS, *_ORDINALS}
    return re.compile(rf"(?:{_NUMBERING.pattern.lstrip('^')})?"
                      rf"(?:[^\w/&-]*{_prefix_tree(firsts)}|{_prefix_tree(_squeezed(), ' ?')})", re.IGNORECASE)


def _prefix_tree(words: Iterable[str], gap: str = "") -> str:
    """A regex whose `match` tells whether a text opens with one of `words` (`gap` allowed between
    their letters), each shared start written once (so `re` reads each letter once, not once per word)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here: what follows is optional

    def pattern(node: dict[str, dict], lead: str) -> str:
        if "" in node:
            return ""
        alts = [lead + re.escape(ch) + pattern(child, gap) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return pattern(tree, "")


def may_open_heading(text: str) -> bool:
    """False when no leading part of `text` can be a known heading: a cheap test before `heading_kind`
    (the text, with and without its numbering, opens with no first word nor spelling of the vocabulary)."""
    return bool(_UNSURE.search(text) or _opener().match(text))


@text_cache(4096)  # titles and labels recur within a paper and across papers
def heading_kind(title: str) -> str | None:
    """The canonical kind of a known heading ("Case presentation" -> "case"), else None."""
    if not may_open_heading(title):
        return None
    t = normalize_title(mend_spacing(title))
    if not t:
        return None
    vocab = _vocabulary()
    if t in vocab:
        return vocab[t]
    if _CASE_HEADING.fullmatch(t):
        return "case"
    return None


def numbering_depth(title: str) -> int:
    """How deep a numbered heading sits: "2. Methods" -> 1, "2.3 Imaging" -> 2, unnumbered -> 0."""
    m = _NUMBERED_LINE.match(title.strip())
    return m.group("num").count(".") + 1 if m else 0


def _starts_body(line: str | None) -> bool:
    s = (line or "").lstrip("\"'\u201c\u2018([")
    return bool(s) and (s[0].isupper() or s[0].isdigit())


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(content) and sum(w[0].isupper() for w in content) >= 0.6 * len(content)


def looks_like_heading(line: str, next_line: str | None = None) -> bool:
    """Whether one line of text, standing at the start of a paragraph, reads as a heading.

    Known headings ("Discussion", "Case 2") always do; numbered, all-caps and short title-like
    lines do when body text (a capitalised line) follows. The caller checks that the line starts a
    paragraph (after a blank line or a finished sentence).
    """
    t = " ".join(line.split())
    if not t or len(t) > 90 or not (t[0].isupper() or t[0].isdigit()):
        return False
    words = t.rstrip(":").split()
    if heading_kind(t) is not None:
        return len(words) <= 10
    if t[-1] in ".,;!?" or not _starts_body(next_line) or words[-1].lower() in _OPEN_ENDINGS:
        return False
    numbered = _NUMBERED_LINE.match(t)
    if numbered:
        rest = t[numbered.end():].rstrip(":")
        return len(rest.split()) <= 10 and not _NOT_IN_HEADING.search(rest)
    if _NOT_IN_HEADING.search(t) or len(words) > 10:
        return False
    if _is_all_caps(t):
        return True
    return len(t) <= 70 and len(words) <= 8 and (len(words) <= 5 or _is_title_case(words))


def inline_heading(line: str) -> tuple[str, str] | None:
    """("Methods", "We reviewed ...") for a paragraph opening with a known or all-caps label.

    "Label: text" takes a known heading or an all-caps label; "Label. Text" only a known heading.
    """
    m = _INLINE.match(line.strip())
    if not m:
        return None
    label = m.group("label").strip()
    known = heading_kind(label) is not None
    if m.group("sep") == ":":
        ok = known or (_is_all_caps(label) and len(label.split()) <= 6)
    else:
        ok = known and len(label.split()) <= 4
    return (label, m.group("rest")) if ok else None

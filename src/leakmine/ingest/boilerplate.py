"""Front and back matter that falls into the text of a paper: affiliations, correspondence,
article history, identifiers, copyright and licence lines, "how to cite" lines, journal citation
footers and issue lines, breadcrumbs and links. They are set aside as unmined sections (rules in
boilerplate.jsonl; a rule with `"line": true` matches an item printed on a line of its own)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as sre  # the standard library's own regex parser

from leakmine.ingest.metadata import parse_citation_line, parse_issue_line
from leakmine.ingest.textclean import folded
from leakmine.memo import text_cache
from leakmine.nlp.factors import parse
from leakmine.nlp.rules import Rule, load_rules

KINDS = frozenset({"front-matter", "back-matter"})


@dataclass(frozen=True)
class Boilerplate:
    """Why a paragraph is not body text: its section kind, a descriptive title and the rule id."""

    kind: str
    title: str
    rule: str


@lru_cache(maxsize=1)
def boilerplate_rules() -> list[Rule]:
    """The front/back-matter rules, parsed once per process (a pipeline's build reads them too, so their
    analyses are saved with it: nlp/analyses.py)."""
    rules = load_rules(__package__, "boilerplate.jsonl", labels=KINDS)
    for r in rules:
        if not isinstance(r.attrs.get("title"), str) or not isinstance(r.attrs.get("max_words"), int):
            raise ValueError(f"boilerplate rule {r.id}: attrs need a `title` and an integer `max_words`")
    return rules


def _anchored(regex: re.Pattern[str]) -> bool:
    """Whether every match of `regex` begins the text (each of its alternatives opens with "^")."""
    parsed = parse(regex)
    if parsed is None:
        return False
    items = list(parsed)
    branches = items[0][1][1] if len(items) == 1 and items[0][0] is sre.BRANCH else [items]
    return all(len(b) and b[0] == (sre.AT, sre.AT_BEGINNING) for b in branches)


@dataclass(frozen=True)
class _Finder:
    """A rule, how it is tried (`match` when anchored at the start, else `search`), the sets of literals
    every match holds one of each of (`Rule.needs`: matched ignoring case, lower-cased; as written), and
    whether `_opening` holds it."""

    rule: Rule
    find: Callable[[str], re.Match[str] | None]
    needs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    opening: bool

    def finds(self, t: str, low: str | None, n_words: int) -> bool:
        """Whether the rule matches `t` (of `n_words`; `low`: `folded(t)`, so a text without the rule's
        literals is not tried)."""
        if n_words > self.rule.attrs["max_words"]:
            return False
        if low is not None and not all(any(w in low for w in folded) or any(w in t for w in plain)
                                       for folded, plain in self.needs):
            return False
        return bool(self.find(t))


@lru_cache(maxsize=1)
def _finders() -> list[_Finder]:
    out = []
    for r in boilerplate_rules():
        anchored = _anchored(r.regex)
        needs = tuple((tuple(w for w, fold in s.literals if fold), tuple(w for w, fold in s.literals if not fold))
                      for s in (r.needs.sets if r.needs else ()))
        out.append(_Finder(r, r.regex.match if anchored else r.regex.search, needs,
                           anchored and r.regex.pattern.startswith("^")))
    return out


@lru_cache(maxsize=1)
def _unopened() -> list[_Finder]:
    return [f for f in _finders() if not f.opening]


@lru_cache(maxsize=1)
def _opening() -> re.Pattern[str]:
    """The rules anchored at the start as one pattern (each keeping its own case flag)."""
    return re.compile("|".join(f"(?{'i' if r.regex.flags & re.IGNORECASE else '-i'}:{r.regex.pattern})"
                               for r in (f.rule for f in _finders() if f.opening)))


@text_cache(512)  # the paragraphs and lines of a paper or two: the reader asks again of some
def boilerplate_of(text: str) -> Boilerplate | None:
    """The front/back-matter rule a paragraph matches (the first in file order), else None."""
    t = " ".join(text.split())
    n_words = t.count(" ") + 1 if t else 0
    low = folded(t)
    # Most paragraphs match no rule: the rules anchored at the start are tried at once first, and
    # where none of them can match, only the others are tried.
    for f in _finders() if _opening().match(t) else _unopened():
        if f.finds(t, low, n_words):
            return Boilerplate(f.rule.label, f.rule.attrs["title"], f.rule.id)
    if parse_citation_line(t):
        return Boilerplate("front-matter", "Citation", "citation-line")
    if parse_issue_line(t):
        return Boilerplate("front-matter", "Journal", "issue-line")
    return None


def is_line_item(text: str) -> bool:
    """Whether a line is a whole front-matter item that nothing continues (a DOI, an issue or citation
    line, a breadcrumb): the next line starts a new paragraph."""
    bp = boilerplate_of(text)
    return bp is not None and (bp.rule in ("citation-line", "issue-line")
                               or any(r.id == bp.rule and r.attrs.get("line") for r in boilerplate_rules()))


@text_cache(1024)  # a paper's lines: the reader asks again of some
def opens_boilerplate(line: str) -> bool:
    """Whether a line starts a front/back-matter paragraph (rules anchored at the start only).

    A line starting in lower case continues a sentence ("received PVP in 2019 ..."), unless it opens
    with a one-letter affiliation marker ("a Department of ...") or is a DOI link.
    """
    t = " ".join(line.split())
    if t[:1].islower() and not re.match(r"[a-z]\s+[A-Z]|https?://|doi\b", t):
        return False
    return bool(_opening().match(t) or parse_citation_line(t) or parse_issue_line(t))

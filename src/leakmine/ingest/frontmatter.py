"""Lines printed around a paper's title that are never the title: article-type and section labels,
access notes, web-page controls, dates and journal names (vocabulary in frontmatter.json).

Breadcrumbs, identifiers, issue and citation lines are boilerplate everywhere (boilerplate.py);
these lines are front matter only near the top: "Case Report" further down is a section heading.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from leakmine.ingest.metadata import is_date, names_publisher
from leakmine.memo import text_cache

_PARTS = re.compile(r"\s*[|\u00b7\u2022\u2219]\s*|\s+/\s+|\s+[>\u203a\u00bb]\s+")
_LABEL_CHARS = re.compile(r"[^\w\s&'-]")
_ARTICLE = re.compile(r"^an?\s+")


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    data = json.loads(resources.files(__package__).joinpath("frontmatter.json").read_text(encoding="utf-8"))
    return {
        "article_types": frozenset(data["article_types"]),
        "controls": frozenset(data["controls"]),
        "label_patterns": [re.compile(p) for p in data["label_patterns"]],
        "journal_words": frozenset(data["journal_words"]),
        "linking_words": frozenset(data["linking_words"]),
        "not_journal_words": frozenset(data["not_journal_words"]),
    }


def _label_key(text: str) -> str | None:
    """"CASE REPORT." -> "case report"; None for "Label: words", which is a title."""
    t = " ".join(text.split()).rstrip(" .:")
    if not t or ":" in t:
        return None
    return _ARTICLE.sub("", " ".join(_LABEL_CHARS.sub(" ", t.lower()).split()))


def article_type(text: str) -> str | None:
    """"Original Article" -> "original article", "IMAGES IN CLINICAL PRACTICE" -> "images in clinical
    practice": an article-type or section label, else None."""
    key = _label_key(text)
    if not key:
        return None
    vocab = _vocab()
    return key if key in vocab["article_types"] or any(p.fullmatch(key) for p in vocab["label_patterns"]) else None


def is_label(text: str) -> bool:
    """An article-type label, an access note ("Open Access") or a web-page control ("Download PDF")."""
    return article_type(text) is not None or _label_key(text) in _vocab()["controls"]


def is_journal_name(text: str) -> bool:
    """"SPINE CASES QUARTERLY", "Journal of Orthopaedic Case Reports": a short line of capitalised words
    holding a journal word and no word that titles use ("after", "cement", "two")."""
    t = " ".join(text.split()).rstrip(" .")
    words = t.split()
    if not 1 <= len(words) <= 8 or re.search(r"[:;!?\d]", t):
        return False
    vocab = _vocab()
    low = [w.strip(".,()").lower() for w in words]
    if not any(w in vocab["journal_words"] for w in low) or any(w in vocab["not_journal_words"] for w in low):
        return False
    return all(w[:1].isupper() or lw in vocab["linking_words"] for w, lw in zip(words, low, strict=True))


_YEAR_AFTER_STOP = re.compile(r"(?<=[.?!])\s+((?:19|20)\d\d)$")
_TRANSLATED = re.compile(r"^\[(?P<title>[^\[\]]{9,})\]\.?$")
# A preprint server's tag after a title ("[post]", "[version 2]"), set off from its last word.
_TAG = re.compile(r"(?<=\S)\s+\[(?:post|pre-?print|version\s+\d+|v\d+|in\s+press|epub\s+ahead\s+of\s+print)\]"
                  r"\.?$", re.IGNORECASE)


def untranslated(title: str) -> str:
    """A title without the square brackets MEDLINE puts round an English translation of a title in
    another language ("[Cement in the spinal canal after vertebroplasty]." -> "Cement in ...")."""
    m = _TRANSLATED.match(title)
    return m.group("title") if m else title


def title_tail(title: str) -> tuple[str, int | None]:
    """`title` without what a page prints after it on its line, and the year so printed: an access note
    of two words or more ("... and a Review FREE TO VIEW"), a server's tag (`_TAG`: "... Clinical
    Outcomes [post]") or the year after its last stop ("... a case report. 2021" -> 2021); a
    translation's brackets go too (`untranslated`)."""
    if (m := _TAG.search(title)) and len(title[:m.start()].split()) >= 3:
        title = title[:m.start()]
    title = untranslated(title)
    if m := _YEAR_AFTER_STOP.search(title):
        return title[:m.start()], int(m.group(1))
    words = title.split()
    for k in range(2, min(4, len(words) - 3) + 1):
        if _label_key(" ".join(words[-k:])) in _vocab()["controls"]:
            return " ".join(words[:-k]), None
    return title, None


def label_parts(text: str) -> list[str]:
    """The pieces of a line joined by bars or middle dots ("Case Report | Open Access")."""
    return [p for p in _PARTS.split(" ".join(text.split())) if p]


@text_cache(256)  # a paragraph's first line is asked of again when the next one comes
def front_matter_kind(text: str) -> str | None:
    """What a line near the top is when it cannot be the title: "label", "date", "navigation",
    "journal" or "publisher", else None.

    A line may join labels and dates with bars or middle dots ("Research Article | Published: 3 May 2021");
    three or more short capitalised pieces so joined are a site's navigation ("Home | Archive | About"),
    three or more short pieces with a date among them a record's strip of facts ("PMC · Spine Cases · 2025").
    """
    if len(text.split(None, 16)) > 16:  # more than 16 words
        return None
    t = " ".join(text.split())
    if not t:
        return None
    parts = label_parts(t)
    if parts and all(is_label(p) or is_date(p) for p in parts):
        if any(is_label(p) for p in parts):
            return "label"
        return "date" if not re.fullmatch(r"\d{4}", t) else None  # a year alone may be a table cell
    if len(parts) >= 3 and all(len(p.split()) <= 3 and p[:1].isupper() for p in parts):
        return "navigation"
    if len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts) and any(is_date(p) for p in parts):
        return "date"  # "PMC · DOI: 10.5555/x.1 · Spine Cases · 2025-07-08": a record's strip of facts
    if is_journal_name(t):
        return "journal"
    if names_publisher(t):
        return "publisher"
    return None

"""Character and line clean-up shared by the PDF and plain-text readers (pure functions).

`fix_chars` repairs what typesetting leaves in extracted text (ligatures, soft hyphens, odd spaces
and dashes); `join_wrapped` rejoins the hard-wrapped lines of one paragraph, undoing end-of-line
hyphenation without breaking level and number notation ("T12-" + "L2" stays "T12-L2").
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from functools import lru_cache
from importlib import resources

LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_SPACES = re.compile("[\xa0\u2000-\u200a\u202f\u205f\u3000]")
# Hyphen-like characters other than "-", "–" and "—": hyphen, non-breaking hyphen, figure dash,
# horizontal bar, minus sign, small and full-width hyphen-minus.
_ODD_DASH = "\u2010\u2011\u2012\u2015\u2212\ufe58\ufe63\uff0d"
_ODD_DASH_RE = re.compile(f"[{_ODD_DASH}]")
_NUMBER_JOIN = re.compile(rf"(?<=\d)\s?[{_ODD_DASH}]\s?(?=[A-Za-z]{{0,2}}\d)")
_SOFT_BREAK = re.compile(r"\xad[ \t]*\r?\n[ \t]*")
_LINE_HYPHENS = "-\u2010\u2011"
_EDGE_PUNCT = "()[]{}\"'\u201c\u201d\u2018\u2019,.;:!?"


def fix_chars(text: str) -> str:
    """Ligatures spelled out, soft hyphens and zero-width marks dropped, odd spaces made plain.

    Odd dashes become an en dash where they join numbers or levels ("3\u20125", "T12\u2010L2") and a
    plain hyphen elsewhere ("X\u2010ray").
    """
    for lig, plain in LIGATURES.items():
        text = text.replace(lig, plain)
    text = _SOFT_BREAK.sub("", text).replace("\xad", "")
    for ch in _INVISIBLE:
        text = text.replace(ch, "")
    text = _SPACES.sub(" ", text)
    text = _NUMBER_JOIN.sub("\u2013", text)
    return _ODD_DASH_RE.sub("-", text)


@lru_cache(maxsize=1)
def _compounds() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(resources.files(__package__).joinpath("hyphenation.json").read_text(encoding="utf-8"))
    return frozenset(data["first"]), frozenset(data["second"])


def keeps_hyphen(fragment: str, continuation: str, compounds: Collection[str] = ()) -> bool:
    """Whether "fragment-" at a line end followed by `continuation` is a real hyphen, not a word break.

    Numbers and levels ("T12-" "L2", "3-" "5"), capitalised or digit continuations ("non-" "Hodgkin"),
    acronyms ("MRI-" "guided"), known compounds ("follow-" "up") and compounds the same text prints
    whole elsewhere (`compounds`, lower-case: "high-speed") keep it.
    """
    frag = fragment.lstrip(_EDGE_PUNCT)
    cont = continuation.strip(_EDGE_PUNCT)
    if compounds and f"{frag}-{cont}".lower() in compounds:
        return True
    if not frag or not cont or not frag[-1].isalnum():
        return True
    if any(c.isdigit() for c in frag) or cont[0].isdigit() or cont[0].isupper():
        return True
    if frag.isupper():
        return True
    first, second = _compounds()
    return frag.rsplit("-", 1)[-1].lower() in first or cont.split("-", 1)[0].lower() in second


def _join(left: str, right: str, compounds: Collection[str]) -> str:
    if left.endswith("\xad"):
        return left[:-1] + right
    last = left[-1]
    if last in _LINE_HYPHENS:
        body = left[:-1]
        if not body or not body[-1].isalnum():  # a dash standing alone: "pain -" + "worse"
            return f"{left} {right}"
        fragment = body.rsplit(None, 1)[-1]
        if keeps_hyphen(fragment, right.split(None, 1)[0], compounds):
            return f"{body}-{right}"
        return body + right
    if last in "\u2013\u2014/" and left[-2:-1].strip():
        return left + right
    return f"{left} {right}"


def join_wrapped(lines: list[str], compounds: Collection[str] = ()) -> str:
    """Hard-wrapped lines of one paragraph -> one string, with end-of-line hyphenation undone.

    `compounds` holds hyphenated words (lower-case) the same text prints within a line; a line break
    at their hyphen keeps it.
    """
    out = ""
    for line in lines:
        line = line.strip()
        if line:
            out = _join(out, line, compounds) if out else line
    return out

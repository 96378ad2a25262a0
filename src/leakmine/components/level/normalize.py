"""Vertebral level notation -> canonical, expanded level lists (pure functions)."""

from __future__ import annotations

import re

REGIONS = {"C": 7, "T": 12, "L": 5, "S": 5}
ORDER = [f"{r}{i}" for r, n in REGIONS.items() for i in range(1, n + 1)]
_INDEX = {lvl: i for i, lvl in enumerate(ORDER)}
_PREFIX = {"c": "C", "t": "T", "th": "T", "d": "T", "l": "L", "s": "S"}
_ONE = re.compile(r"^(?P<p>th|[ctdls])\s*(?P<n>\d{1,2})$", re.IGNORECASE)
_WORD_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
_REGION_WORDS = {"cervical": "C", "thoracic": "T", "dorsal": "T", "lumbar": "L", "sacral": "S"}


def canonical_level(token: str) -> str | None:
    """"Th12" -> "T12", "d7" -> "T7", "L 4" -> "L4"; None when not a real vertebra."""
    m = _ONE.match(token.strip())
    if not m:
        return None
    level = f"{_PREFIX[m['p'].lower()]}{int(m['n'])}"
    return level if level in _INDEX else None


def level_from_words(ordinal: str, region: str) -> str | None:
    """("twelfth", "thoracic") -> "T12"."""
    n = _WORD_ORDINALS.get(ordinal.lower())
    r = _REGION_WORDS.get(region.lower())
    level = f"{r}{n}" if n and r else None
    return level if level in _INDEX else None


def expand_range(first: str, last: str) -> list[str]:
    """Every level from `first` to `last` inclusive, along the spine ("T12", "L2" -> T12, L1, L2)."""
    a, b = _INDEX[first], _INDEX[last]
    if a > b:
        a, b = b, a
    return ORDER[a:b + 1]


def complete_second(first: str, second: str) -> str | None:
    """The second end of a pair written short: ("L4", "5") -> "L5"; ("L5", "S1") -> "S1"."""
    if second.isdigit():
        return canonical_level(first[0] + second)
    return canonical_level(second)


def parse_levels(text: str) -> list[str]:
    """Levels named by one level expression, expanded and in spine order.

    "T12 to L2" -> T12, L1, L2; "L4/5" -> L4, L5; "L2 and L3" -> L2, L3; "T11 and L1" -> T11, L1.
    Ranges use -, –, —, /, "to", "through" or "-"; lists use commas, "and", "or" and "&".
    """
    tokens = re.findall(r"(?:th|[ctdls])\s?\d{1,2}|\d{1,2}|to|through|thru|[-–—/~]|and|or|&|,",
                        text, flags=re.IGNORECASE)
    levels: list[str] = []
    prev: str | None = None
    pending_range = False
    for tok in tokens:
        low = tok.lower()
        if low in ("to", "through", "thru", "-", "–", "—", "/", "~"):
            pending_range = prev is not None
            continue
        if low in ("and", "or", "&", ","):
            pending_range = False
            continue
        if prev is None and tok.isdigit():
            continue
        lvl = complete_second(prev, tok) if (tok.isdigit() and prev) else canonical_level(tok)
        if lvl is None:
            pending_range = False
            continue
        if pending_range and prev:
            levels.extend(expand_range(prev, lvl))
        else:
            levels.append(lvl)
        prev, pending_range = lvl, False
    return sorted(set(levels), key=_INDEX.__getitem__)

"""Vertebral level notation -> canonical, expanded level lists (pure functions)."""

from __future__ import annotations

import re

REGIONS = {"C": 7, "T": 12, "L": 5, "S": 5}
ORDER = [f"{r}{i}" for r, n in REGIONS.items() for i in range(1, n + 1)]
# A sixth lumbar vertebra (a transitional spine, "L4-5 and L5-6") is named only where the text names it:
# it sits between L5 and S1 but a range such as "L3-S1" does not pass through it.
TRANSITIONAL = "L6"
_INDEX: dict[str, float] = {lvl: i for i, lvl in enumerate(ORDER)} | {TRANSITIONAL: ORDER.index("L5") + 0.5}
_NEXT_REGION = {"C": "T", "T": "L", "L": "S"}
_PREFIX = {"c": "C", "t": "T", "th": "T", "d": "T", "l": "L", "s": "S"}
_ONE = re.compile(r"^(?P<p>th|[ctdls])[\s-]?(?P<n>\d{1,2})$", re.IGNORECASE)
_WORD_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
_REGION_WORDS = {"cervical": "C", "thoracic": "T", "dorsal": "T", "lumbar": "L", "sacral": "S"}
_RANGE_WORDS = frozenset({"to", "through", "thru", "until", "-", "‐", "‑", "‒", "–", "—", "−", "/", "~"})
_LIST_WORDS = frozenset({"and", "or", "&", ",", ";"})
_TOKENS = re.compile(
    r"(?:th|[ctdls])[\s-]?\d{1,2}|\d{1,2}|between|to|through|thru|until|and|or|[-‐‑‒–—−/~&,;]",
    re.IGNORECASE,
)
_WORD_TOKENS = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)|[a-z]+|[-‐‑–—/&,]", re.IGNORECASE,
)
_ANATOMY = (
    ("disc", re.compile(r"(?:intervertebral\s+)?(?:dis[ck]s?|inter-?spaces?|disc\s+spaces?)\b", re.I)),
    ("root", re.compile(r"(?:nerve\s+)?roots?\b|radicul\w*|dermatom\w*|myotom\w*|spinal\s+nerves?|pals(?:y|ies)\b", re.I)),
    ("vertebra", re.compile(r"vertebra[el]?\b|vertebral\s+bod(?:y|ies)|vertebrae\b|bod(?:y|ies)\b", re.I)),
    ("segment", re.compile(r"(?:levels?|segments?|motion\s+segments?|spaces?)\b", re.I)),
)
_WRITTEN = re.compile(r"(?<![\w.])(?P<p>Th|TH|[CTDLS])-?(?P<n>\d{1,2})(?![\w])")
_WRITTEN_RANGE = re.compile(
    r"(?<![\w.])(?P<p>Th|TH|[CTDLS])(?P<a>\d{1,2})\s*(?:[-‐‑–—]|to|through)\s*(?P<q>Th|TH|[CTDLS])(?P<b>\d{1,2})(?![\w])"
)
_ANATOMICAL_EXTRAS = frozenset({"C8", "L6"})  # a nerve root and a transitional vertebra, not labels
_ANATOMY_LEAD = re.compile(r"^[\s-]*(?:(?:vertebral|spinal|left|right|bilateral|lumbar|thoracic|cervical)\s+)?")


def canonical_level(token: str) -> str | None:
    """"Th12" -> "T12", "d7" -> "T7", "L-4" -> "L4"; None when not a real vertebra."""
    m = _ONE.match(token.strip())
    if not m:
        return None
    level = f"{_PREFIX[m['p'].lower()]}{int(m['n'])}"
    return level if level in _INDEX else None


def level_from_words(ordinal: str, region: str) -> str | None:
    """("twelfth", "thoracic") -> "T12"; ("12th", "thoracic") -> "T12"."""
    low = ordinal.lower()
    n = _WORD_ORDINALS.get(low) or (int(low[:-2]) if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", low) else None)
    r = _REGION_WORDS.get(region.lower())
    level = f"{r}{n}" if n and r else None
    return level if level in _INDEX else None


def parse_region_numbers(region: str, numbers: str) -> list[str]:
    """("lumbar", "2–5") -> L2, L3, L4, L5; ("lumbar", "2, 3, and 4") -> L2, L3, L4; ("thoracic", "12")
    -> T12; [] when a number names no real vertebra or a range runs backwards."""
    letter = _REGION_WORDS.get(region.lower())
    levels: list[str] = []
    for piece in re.split(r"\s*(?:,\s*(?:and\s+)?|\band\b|&)\s*", numbers):
        ends = [canonical_level(f"{letter}{n}") if letter else None for n in re.findall(r"\d{1,2}", piece)]
        if not ends or None in ends or _INDEX[ends[-1]] < _INDEX[ends[0]]:
            return []
        levels += expand_range(ends[0], ends[-1])
    return _in_spine_order(levels)


def expand_range(first: str, last: str) -> list[str]:
    """Every level from `first` to `last` inclusive, along the spine ("T12", "L2" -> T12, L1, L2)."""
    lo, hi = sorted((_INDEX[first], _INDEX[last]))
    return [lvl for lvl in _in_spine_order([*ORDER, TRANSITIONAL]) if lo <= _INDEX[lvl] <= hi
            and (lvl != TRANSITIONAL or TRANSITIONAL in (first, last))]


def to_sacrum(upper: str) -> list[str]:
    """A construct from a level to the pelvis: "T10" -> T10 ... S1 (every level the fixation spans)."""
    first = canonical_level(upper)
    return expand_range(first, "S1") if first else []


def complete_second(first: str, second: str) -> str | None:
    """The second end of a pair written short: ("L4", "5") -> "L5"; ("L5", "1") -> "S1"; ("L5", "S1") -> "S1".

    A bare number not above the first level's, after the last vertebra of a region, continues into
    the next region ("T12/1" is T12-L1).
    """
    if not second.isdigit():
        return canonical_level(second)
    region, n = first[0], int(first[1:])
    if int(second) <= n and n == REGIONS[region] and region in _NEXT_REGION:
        return canonical_level(_NEXT_REGION[region] + second)
    return canonical_level(region + second)


def adjacent(first: str, second: str) -> bool:
    """Whether two canonical levels are neighbours along the spine ("L5", "S1")."""
    return 0 < abs(_INDEX[first] - _INDEX[second]) <= 1


def _in_spine_order(levels: list[str]) -> list[str]:
    return sorted(set(levels), key=_INDEX.__getitem__)


def parse_levels(text: str) -> list[str]:
    """Levels named by one level expression, expanded and in spine order.

    "T12 to L2" -> T12, L1, L2; "L4/5" -> L4, L5; "L2 and L3" -> L2, L3; "T11 and L1" -> T11, L1;
    "T12 and L1-L2" -> T12, L1, L2; "between T10 and L2" -> T10 ... L2.
    Ranges use -, –, —, /, "to", "through"; lists use commas, "and", "or" and "&".
    An expression with a part that is no vertebra ("S1 through S6", "C4 to L6") names nothing.
    """
    levels: list[str] = []
    prev: str | None = None
    pending_range = False
    between = False
    for tok in _TOKENS.findall(text):
        low = tok.lower()
        if low == "between":
            between = True
            continue
        if low in _RANGE_WORDS or (between and low == "and" and prev is not None):
            pending_range, between = prev is not None, False
            continue
        if low in _LIST_WORDS:
            pending_range = False
            continue
        if tok.isdigit() and (prev is None or not pending_range):
            pending_range = False
            continue
        lvl = complete_second(prev, tok) if (tok.isdigit() and prev) else canonical_level(tok)
        if lvl is None:
            return []
        if pending_range and prev:
            levels.extend(expand_range(prev, lvl))
        else:
            levels.append(lvl)
        prev, pending_range = lvl, False
    return _in_spine_order(levels)


def parse_glued(first: str, second: str) -> list[str]:
    """Two levels written without a separator ("L5S1"): kept only when they are neighbours.

    "T12L2" could mean a range or a pair, so it names nothing.
    """
    a, b = canonical_level(first), canonical_level(second)
    return _in_spine_order([a, b]) if a and b and adjacent(a, b) else []


def parse_level_words(text: str) -> list[str]:
    """Levels named in words: "the twelfth thoracic vertebra" -> T12;
    "the eleventh and twelfth thoracic vertebrae" -> T11, T12;
    "the eleventh thoracic to the first lumbar vertebrae" -> T11, T12, L1.

    Each ordinal takes the region word that follows it.
    """
    levels: list[str] = []
    pending: list[tuple[str, str]] = []  # (ordinal, connector before it) awaiting their region
    connector = ""
    prev_level: str | None = None
    for tok in _WORD_TOKENS.findall(text):
        low = tok.lower()
        if low in _WORD_ORDINALS or re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", low):
            pending.append((low, connector))
            connector = ""
        elif low in _REGION_WORDS:
            for ordinal, conn in pending:
                lvl = level_from_words(ordinal, low)
                if lvl is None:
                    continue
                if conn == "range" and prev_level:
                    levels.extend(expand_range(prev_level, lvl))
                else:
                    levels.append(lvl)
                prev_level = lvl
            pending = []
        elif low in _RANGE_WORDS:
            connector = "range"
        elif low in _LIST_WORDS:
            connector = "list"
    return _in_spine_order(levels)


def anatomy_after(text: str) -> str | None:
    """What the words right after a level expression name: "vertebra", "disc", "root" or "segment".

    "L5 nerve root" -> "root"; "the L4/5 disc" -> "disc"; "L1 vertebral body" -> "vertebra".
    """
    rest = text[_ANATOMY_LEAD.match(text).end():]
    for kind, pattern in _ANATOMY:
        if pattern.match(rest):
            return kind
    return None


def _written(text: str) -> list[tuple[str, int]]:
    return [(m["p"][0].upper(), int(m["n"])) for m in _WRITTEN.finditer(text)]


def label_series(text: str) -> dict[str, int]:
    """Letters a text uses to label a numbered series rather than vertebrae, with the last label.

    A series starts at 0 or 1, runs without gaps (ranges such as "S1 through S6" fill them) and
    holds a number no vertebra has: time points "T0, T1, T2" -> {"T": 2}; samples "S1-S6" -> {"S": 6}. "C8" (a nerve root) and "L6" (a
    transitional vertebra) are anatomy, not labels.
    """
    numbers: dict[str, set[int]] = {}
    for letter, n in _written(text):
        numbers.setdefault(letter, set()).add(n)
    for m in _WRITTEN_RANGE.finditer(text):
        if m["p"][0].upper() == m["q"][0].upper():
            numbers[m["p"][0].upper()].update(range(int(m["a"]), int(m["b"]) + 1))
    out = {}
    for letter, ns in numbers.items():
        region = _PREFIX[letter.lower()]
        k = 0 if 0 in ns else 1
        while k + 1 in ns:
            k += 1
        if k >= 1 and any(n == 0 or (n > REGIONS[region] and f"{region}{n}" not in _ANATOMICAL_EXTRAS)
                          for n in ns if n <= k):
            out[letter] = k
    return out


def written_as_labels(text: str, series: dict[str, int]) -> bool:
    """Whether every level written in `text` ("T1", "T2–T4") falls inside a label series of its letter."""
    written = _written(text)
    return bool(written) and all(n <= series.get(letter, -1) for letter, n in written)

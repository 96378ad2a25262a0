"""Case-marker words -> the patient's order in the paper; a count -> a series' size (pure functions)."""

from __future__ import annotations

from leakmine.nlp.numbers import parse_number

MAX_CASES = 20
MAX_SERIES = 9  # SCHEMA.md: a case series describes 2-9 patients one by one

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
    "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
}
_CARDINALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}
_ROMAN = {"I": 1, "V": 5, "X": 10}


def roman_value(text: str) -> int | None:
    """"IV" -> 4, "II" -> 2; None when `text` is not an upper-case Roman numeral."""
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN[c]
        total += -v if i + 1 < len(text) and _ROMAN[text[i + 1]] > v else v
    return total


def case_number(groups: dict[str, str | None]) -> int | None:
    """The case number named by a marker's groups (`num`, `ord`, `word` or `roman`; `other`: the second of
    two), 1..MAX_CASES."""
    n: int | None = None
    if groups.get("num"):
        n = int(groups["num"])
    elif groups.get("ord"):
        n = _ORDINALS.get(groups["ord"].lower())
    elif groups.get("word"):
        n = _CARDINALS.get(groups["word"].lower())
    elif groups.get("roman"):
        n = roman_value(groups["roman"])
    elif groups.get("other"):
        n = 2
    return n if n is not None and 1 <= n <= MAX_CASES else None


def series_size(count: str | None) -> int | None:
    """The number of cases a count names ("three", "3"), when a case series can hold it (2..MAX_SERIES)."""
    n = parse_number(count) if count else None
    return n if isinstance(n, int) and 2 <= n <= MAX_SERIES else None

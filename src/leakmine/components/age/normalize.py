"""Patient ages: "52-year-old", "aged 70", "seventy-year-old", "in her sixties" -> years (pure functions).

Thresholds ("older than 65 years", "≥ 65 years of age"), inclusion ranges ("aged 18-80 years") and
group statistics ("mean age 58.4") are not a patient's age and are refused by `is_individual_age`.
"""

from __future__ import annotations

import re

from leakmine.nlp.numbers import parse_number

MIN_AGE, MAX_AGE = 1, 120
_DECADES = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
    "eighties": 80, "nineties": 90,
}
_GENARIANS = {"quadra": 40, "quinqua": 50, "sexa": 60, "septua": 70, "octo": 80, "nona": 90}
_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}

# How an age is written: as the patient's own ("52-year-old", "70 y/o", "39/M"), or "aged 70".
_YEAR_OLD = re.compile(r"(?:years?|yrs?)[-\u2010\u2011\u2013\u2014\s]*old|\by/?o\b|[-\u2010\u2011\u2013\u2014]year\b|/\s?(?:m|f|male|female)$",
                       re.IGNORECASE)  # any dash: "73\u2013year\u2013old"
_AGED = re.compile(r"^\s*aged\b", re.IGNORECASE)
# What may not stand right before an age: a comparator, the first end of a range, a group statistic.
_BEFORE = re.compile(
    r"(?:[≥≤⩾⩽><]=?|=>|=<|\b(?:over|under|above|below|than|least|most|up\s+to|between|from|beyond|"
    r"exceeding|mean|average|median|range|ranged|ranging)|\d\s*(?:[-‐–—~]|to|and|or))\s*$",
    re.IGNORECASE)
_STAT_BEFORE = re.compile(r"\b(?:mean|average|median)\s+(?:\(\w+\)\s+)?(?:patient\s+)?$", re.IGNORECASE)
# What may not follow: the rest of a range, "or older", or a unit that is not years.
_AFTER = re.compile(
    r"^\s*(?:[-‐–—~]\s*\d|to\s+\d|and\s+\d|\+|(?:years?\s+)?(?:or|and)\s+(?:older|over|above|more|"
    r"younger|under|below|less)|months?\b|weeks?\b|days?\b|mo\b)",
    re.IGNORECASE)
# A bracketed "(70 y)" is an age only right after the person it describes ("the patient (70 y)").
_PERSON_BEFORE = re.compile(r"\b(?:patients?|case|woman|man|lady|gentleman|girl|boy|female|male)"
                            r"(?:\s+(?:\d{1,2}|[A-Z]))?\s*[,:]?\s*\($", re.IGNORECASE)


def age_form(words: str) -> dict[str, bool]:
    """attrs telling how the age `words` are written: `year_old` ("52-year-old", "70 y/o", "39/M") and
    `aged` ("aged 70")."""
    return {"year_old": bool(_YEAR_OLD.search(words)), "aged": bool(_AGED.match(words))}


def age_value(number: str) -> int | None:
    """"52" -> 52, "seventy" -> 70, "sixty-two" -> 62; None when not a plausible age in years."""
    n = parse_number(number)
    if isinstance(n, int) and MIN_AGE <= n <= MAX_AGE:
        return n
    return None


def decade_range(decade: str, part: str | None = None) -> tuple[int, int] | None:
    """("60s", None) -> (60, 69); ("sixties", "late") -> (67, 69); ("octo", None) -> (80, 89)."""
    d = decade.lower().replace("'", "").replace("’", "").strip()
    base = _DECADES.get(d) or _GENARIANS.get(d)
    if base is None:
        m = re.fullmatch(r"([1-9]0)\s*s", d)
        base = int(m.group(1)) if m else None
    if base is None:
        return None
    lo, hi = _PARTS.get((part or "").lower(), (0, 9))
    return base + lo, base + hi


def is_individual_age(text: str, start: int, end: int, bracketed: bool = False) -> bool:
    """False when the age at text[start:end] is a threshold, a range end or a group statistic."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 30]
    if _BEFORE.search(before) or _STAT_BEFORE.search(before) or _AFTER.match(after):
        return False
    return not bracketed or bool(_PERSON_BEFORE.search(text[max(0, start - 40):start + 1]))


_LISTED_NUMBER = re.compile(r"\d{1,3}")


def joint_ages(phrase: str) -> list[tuple[int, int, int]]:
    """(start, end, age) of each age of patients introduced together ("aged 71 and 78 years")."""
    out = []
    for m in _LISTED_NUMBER.finditer(phrase):
        age = age_value(m.group(0))
        if age is not None:
            out.append((m.start(), m.end(), age))
    return out

"""Numbers as clinicians write them ("52", "1,523", "Thirty", "twenty-seven", "Two thousand four hundred
and six", "a", "third"), and rule files that name them with shared regex fragments (`<<NUMWORD>>`,
`<<COUNTWORD>>`, `<<ORDINAL>>`, `<<DURATION_UNIT>>`, `<<NUMBER_BEGINS>>`)."""

from __future__ import annotations

import json
import re
from importlib import resources

from leakmine.nlp.rules import Rule, load_rules

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "twentieth": 20, "thirtieth": 30,
}
_ARTICLES = {"a": 1, "an": 1}


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_UNIT_WORDS = [w for w in _UNITS if w != "zero"]
NUMWORD = (rf"(?:(?:{_alternation(list(_TENS))})(?:[\s‐‑–-]+(?:{_alternation(_UNIT_WORDS[:9])}))?"
           rf"|{_alternation(_UNIT_WORDS)})\b")
_SCALES = {"hundred": 100, "thousand": 1000}
_SMALL = NUMWORD.removesuffix(r"\b")
_SCALE = r"[\s‐‑–-]+(?:hundred|thousand)\b"
# A count in words up to the thousands: "one hundred and twelve", "Two thousand four hundred and six".
COUNTWORD = rf"{_SMALL}(?:{_SCALE}(?:(?:\s+and)?[\s‐‑–-]+{_SMALL}(?:{_SCALE})?)*)?\b"
ORDINAL = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_alternation(list(_ORDINALS))})"
TO_TEN = rf"(?:{_alternation(_UNIT_WORDS[:10])}|10|[1-9])"  # a count from one to ten, in words or digits
DURATION_UNIT = r"(?:minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|years?|yrs?)"
# Where a number may begin: not among the digits after a decimal point or comma ("57.3 years old" and "57,3
# years old" hold no "3 years old", "1,250 cases" no "250 cases"; a list written without spaces, "at 3,6,12
# months", is read as no number either), unless the comma follows a year ("between 2015 and 2019,86 patients").
NUMBER_BEGINS = r"(?<!\d\.)(?!(?<=\d,)(?<!(?:19|20)\d\d,))"
FRAGMENTS = {"<<NUMWORD>>": NUMWORD, "<<COUNTWORD>>": COUNTWORD, "<<ORDINAL>>": ORDINAL, "<<DURATION_UNIT>>": DURATION_UNIT,
             "<<NUMBER_BEGINS>>": NUMBER_BEGINS}

_UNIT_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.0, "year": 365.0}
_UNIT_NAMES = {
    "min": "minute", "mins": "minute", "minute": "minute", "minutes": "minute",
    "h": "hour", "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour",
    "d": "day", "day": "day", "days": "day",
    "wk": "week", "wks": "week", "week": "week", "weeks": "week",
    "mo": "month", "mos": "month", "month": "month", "months": "month",
    "yr": "year", "yrs": "year", "year": "year", "years": "year",
}


def parse_number(text: str) -> int | float | None:
    """"52" -> 52, "58.4" -> 58.4, "1,523" -> 1523, "Thirty" -> 30, "twenty-seven" -> 27, "Two thousand four
    hundred and six" -> 2406, "a"/"an" -> 1; else None."""
    t = re.sub(r"[\s‐‑–-]+", " ", text.strip().lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        value = float(t)
        return int(value) if value.is_integer() and "." not in t else value
    if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+", t):
        return int(re.sub(r"\D", "", t))
    if t in _ARTICLES:
        return _ARTICLES[t]
    if any(scale in t.split(" ") for scale in _SCALES):
        return _count_in_words(t)
    return _below_hundred(t)


def _below_hundred(t: str) -> int | None:
    """"seventy" -> 70, "ninety nine" -> 99 (lower case, single spaces); else None."""
    if t in _UNITS:
        return _UNITS[t]
    parts = t.split(" ")
    if parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and 0 < _UNITS.get(parts[1], 0) < 10)):
        return _TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) == 2 else 0)
    return None


def _count_in_words(t: str) -> int | None:
    """"two thousand four hundred and six" -> 2406, "one hundred twelve" -> 112; else None."""
    total = current = 0
    for chunk in re.split(r"\s*\b(hundred|thousand)\b\s*", t):
        chunk = re.sub(r"^and\b\s*", "", chunk)
        if chunk == "hundred" and 0 < current < 10:
            current *= 100
        elif chunk == "thousand" and 0 < current < 1000:
            total, current = total + current * 1000, 0
        elif chunk in _SCALES:
            return None
        elif chunk:
            value = _below_hundred(chunk)
            if value is None or current % 100:
                return None
            current += value
    return total + current


def parse_ordinal(text: str) -> int | None:
    """"third" -> 3, "3rd" -> 3, "21st" -> 21; else None."""
    t = text.strip().lower()
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", t)
    return int(m.group(1)) if m else _ORDINALS.get(t)


def unit_name(text: str) -> str | None:
    """"wks" -> "week", "Months" -> "month"; None when not a duration unit."""
    return _UNIT_NAMES.get(text.strip().lower().rstrip("."))


def to_days(number: float, unit: str) -> float:
    """A duration in days: (2, "week") -> 14.0, (48, "hour") -> 2.0, (1, "year") -> 365.0."""
    return round(number * _UNIT_DAYS[unit], 4)


def as_number(value: float) -> int | float:
    """2.0 -> 2, 2.5 -> 2.5."""
    return int(value) if float(value).is_integer() else value


def load_number_rules(package: str, labels: frozenset[str], resource: str = "patterns.jsonl") -> list[Rule]:
    """A component's rule file with its markers filled in: first those of its own `fragments.json`
    (when it has one; they may use the shared markers), then the shared number fragments."""
    own = resources.files(package).joinpath("fragments.json")
    local = json.loads(own.read_text(encoding="utf-8")) if own.is_file() else {}
    return load_rules(package, resource, fragments={**local, **FRAGMENTS}, labels=labels)

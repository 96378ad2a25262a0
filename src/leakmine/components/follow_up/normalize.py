"""Follow-up durations: "one-month follow-up" -> "1 month", "followed up for 2 years" -> "2 years"
(pure functions). Advice and criteria ("should be followed for at least 1 year") are refused."""

from __future__ import annotations

import re

from leakmine.nlp.numbers import as_number, parse_number, unit_name

_ADVICE = re.compile(r"\b(?:should|must|recommend\w*|advis\w*|suggest\w*|need(?:s|ed)?\s+to|"
                     r"(?<!\bhe\s)(?<!\bshe\s)(?<!\bstill\s)(?<!\bpatient\s)required?|"
                     r"at\s+least|minimum|a\s+min(?:imum)?\.?\s+of|no\s+less\s+than|is\s+warranted)\b",
                     re.IGNORECASE)
_AGGREGATE = re.compile(r"\b(?:mean|average|median|averaged?|rang(?:e|ed|ing))\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


def follow_up_value(number: str, unit: str) -> tuple[str, int | float, str] | None:
    """("one", "month") -> ("1 month", 1, "month"); ("28", "mos") -> ("28 months", 28, "month")."""
    n, u = parse_number(number), unit_name(unit)
    if n is None or u is None or u in ("minute", "hour") or n <= 0:
        return None
    n = as_number(n)
    return f"{n} {u}{'' if n == 1 else 's'}", n, u


def clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause before `start` and after `end`, up to the nearest sentence end."""
    head = text[max(0, start - 120):start]
    cut = [m.end() for m in _SENTENCE_END.finditer(head)]
    before = head[cut[-1]:] if cut else head
    tail = text[end:end + 120]
    stop = _SENTENCE_END.search(tail)
    return before, tail[:stop.start()] if stop else tail


def is_advice(before: str, matched: str, after: str) -> bool:
    """True for recommendations and inclusion criteria rather than a reported follow-up."""
    return bool(_ADVICE.search(before) or _ADVICE.search(matched) or _ADVICE.search(after[:40]))


def is_aggregate(before: str, matched: str) -> bool:
    """True for a group's mean, median or range of follow-up."""
    return bool(_AGGREGATE.search(before[-40:]) or _AGGREGATE.search(matched))

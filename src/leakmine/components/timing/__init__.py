"""`leakmine_timing`: when something began after a procedure ("immediately after surgery", "3 days
later", "on postoperative day 2") -> span group `leakmine_timing`, value "immediate" (day 0) or
"delayed", attrs `days` (float or None), `anchor`, `reference` (what the delay counts from),
`from_operation` and `from_injury`."""

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from leakmine.components.timing.normalize import (
    clause_start,
    delay_days,
    is_duration,
    is_onset_clause,
    onset_value,
    timing_attrs,
)
from leakmine.nlp.docs import doc_text
from leakmine.nlp.numbers import load_number_rules
from leakmine.nlp.rules import Match, Rule, find_matches
from leakmine.nlp.spans import SPAN_ASSIGNS, write_found

GROUP = "leakmine_timing"
LABEL = "TIMING"


def match_timings(text: str, rules: list[Rule]) -> list[tuple[Match, str, dict[str, Any]]]:
    """Timing phrases in `text`: (match, "immediate"/"delayed", attrs); durations left out, and a bare
    "after the procedure" kept only after an onset verb, in a clause with no explicit timing."""
    out = []
    matches = find_matches(text, rules)
    explicit = [m for m in matches if not m.rule.attrs.get("implicit")]
    for m in matches:
        if m.rule.attrs.get("implicit") and (
                not is_onset_clause(text, m.start)
                or any(clause_start(text, m.start) <= o.start < m.end for o in explicit)):
            continue
        if m.rule.attrs.get("days") is None and is_duration(text, m.start):
            continue
        days = delay_days(m.groups, m.rule.attrs.get("days"))
        if days is None and not (m.rule.attrs.get("vague") or m.groups.get("num2") or m.groups.get("spread")):
            continue
        attrs = timing_attrs(text, m.start, m.groups, days, m.rule.attrs)
        out.append((m, onset_value(days if days is not None else attrs.get("days_max")), attrs))  # a range: its end
    return out


def load_timing_rules() -> list[Rule]:
    return load_number_rules(__name__, labels=frozenset({LABEL}))


class TimingExtractor:
    def __init__(self, rules: list[Rule]):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        return write_found(doc, GROUP, ((m.start, m.end, LABEL, value, m.rule.id, attrs)
                                        for m, value, attrs in match_timings(doc_text(doc), self.rules)))


@Language.factory("leakmine_timing", assigns=SPAN_ASSIGNS, retokenizes=True)
def make_timing(nlp: Language, name: str) -> TimingExtractor:
    return TimingExtractor(load_timing_rules())

"""`leakmine_follow_up`: how long a patient was followed ("at 2-year follow-up", "followed up for 6
months") -> span group `leakmine_follow_up`, value "N unit" ("28 months", "1 month"), attrs `number`,
`unit`, and `aggregate` for a group's mean or range."""

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from leakmine.components.follow_up.normalize import clause_around, follow_up_value, is_advice, is_aggregate
from leakmine.nlp.docs import doc_text
from leakmine.nlp.numbers import load_number_rules
from leakmine.nlp.rules import Match, Rule, find_matches
from leakmine.nlp.spans import SPAN_ASSIGNS, write_found

GROUP = "leakmine_follow_up"
LABEL = "FOLLOW_UP"


def match_follow_ups(text: str, rules: list[Rule]) -> list[tuple[Match, str, dict[str, Any]]]:
    """Reported follow-up durations in `text`: (match, "N unit", attrs); advice left out."""
    out = []
    for m in find_matches(text, rules):
        parsed = follow_up_value(m.groups.get("num") or "", m.groups.get("unit") or "")
        if parsed is None:
            continue
        before, after = clause_around(text, m.start, m.end)
        matched = text[m.start:m.end]
        if is_advice(before, matched, after):
            continue
        value, number, unit = parsed
        attrs: dict[str, Any] = {"number": number, "unit": unit}
        if is_aggregate(before, matched):
            attrs["aggregate"] = True
        out.append((m, value, attrs))
    return out


class FollowUpExtractor:
    def __init__(self, rules: list[Rule]):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        return write_found(doc, GROUP, ((m.start, m.end, LABEL, value, m.rule.id, attrs)
                                        for m, value, attrs in match_follow_ups(doc_text(doc), self.rules)))


@Language.factory("leakmine_follow_up", assigns=SPAN_ASSIGNS, retokenizes=True)
def make_follow_up(nlp: Language, name: str) -> FollowUpExtractor:
    return FollowUpExtractor(load_number_rules(__name__, labels=frozenset({LABEL})))

"""`leakmine_age`: a patient's age ("52-year-old", "aged 70", "seventy-year-old", "in her 60s") ->
span group `leakmine_age`, value "52" (attrs `age`) or "60-69" for a range (attrs `age_min`, `age_max`)."""

from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from leakmine.components.age.normalize import age_value, decade_range, is_individual_age, joint_ages
from leakmine.nlp.docs import doc_text
from leakmine.nlp.numbers import load_number_rules
from leakmine.nlp.rules import Match, Rule, find_matches
from leakmine.nlp.spans import write_found

GROUP = "leakmine_age"
LABEL = "AGE"


def match_ages(text: str, rules: list[Rule]) -> list[tuple[Match, str, dict[str, Any]]]:
    """Individual ages in `text`: (match, value, attrs), thresholds and group statistics left out;
    a match inside a longer one is dropped ("at the age of 70" is one age, marked `at_event`); ages of
    patients introduced together ("aged 71 and 78 years") are one match each, marked `joint` (their
    order in the list)."""
    out, joint, phrases = [], [], []
    for m in find_matches(text, rules):
        g = m.groups
        if not is_individual_age(text, m.start, m.end, bracketed=bool(m.rule.attrs.get("bracketed"))):
            continue
        extra = {"at_event": True} if m.rule.attrs.get("at_event") else {}
        if m.rule.attrs.get("joint"):
            phrases.append((m.start, m.end))
            joint += [(replace(m, start=m.start + s, end=m.start + e), str(age), {"age": age, "joint": k})
                      for k, (s, e, age) in enumerate(joint_ages(text[m.start:m.end]))]
            continue
        if g.get("decade"):
            span = decade_range(g["decade"], g.get("part"))
            if span:
                out.append((m, f"{span[0]}-{span[1]}", {"age_min": span[0], "age_max": span[1], **extra}))
            continue
        age = age_value(g.get("num") or "")
        if age is not None:
            out.append((m, str(age), {"age": age, **extra}))
    single = [(m, v, a) for m, v, a in out
              if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                         for o, _, _ in out)
              and not any(s < m.end and m.start < e for s, e in phrases)]
    return sorted(single + joint, key=lambda x: x[0].start)


class AgeExtractor:
    def __init__(self, rules: list[Rule]):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        return write_found(doc, GROUP, ((m.start, m.end, LABEL, value, m.rule.id, attrs)
                                        for m, value, attrs in match_ages(doc_text(doc), self.rules)))


@Language.factory("leakmine_age")
def make_age(nlp: Language, name: str) -> AgeExtractor:
    return AgeExtractor(load_number_rules(__name__, labels=frozenset({LABEL})))

"""Shared helpers for the vocabulary component tests: each component's rules and the values they find."""

from leakmine.nlp.vocab import load_vocabulary_rules, match_vocabulary

COMPONENTS = {
    "PROCEDURE": "leakmine.components.procedure",
    "CAUSE": "leakmine.components.cause",
    "LEAK_LOCATION": "leakmine.components.leak_location",
    "SYMPTOM": "leakmine.components.symptom",
    "TREATMENT": "leakmine.components.treatment",
    "OUTCOME": "leakmine.components.outcome",
}
RULES = {label: load_vocabulary_rules(package, label) for label, package in COMPONENTS.items()}


def values(label: str, text: str) -> set[str]:
    return {m.value for m in match_vocabulary(text, RULES[label])}


def texts(label: str, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.value) for m in match_vocabulary(text, RULES[label])]

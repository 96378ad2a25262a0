"""Shared helpers for the vocabulary component tests: each component's rules and the values they find."""

from spacy.language import Language

from leakmine.components import register
from leakmine.nlp import vocabulary_configs
from leakmine.nlp.vocab import load_vocabulary_rules, match_vocabulary

register()  # leakmine's factories

VOCABULARIES = vocabulary_configs()  # component name -> label, rules (src/leakmine/nlp/extract.cfg)
COMPONENTS = {c["label"]: c["rules"] for c in VOCABULARIES.values()}  # label -> rule folder
RULES = {label: load_vocabulary_rules(package, label) for label, package in COMPONENTS.items()}


def add_vocabulary(nlp: Language, name: str):
    """Add the vocabulary component `name` ("leakmine_symptom") to `nlp` as the pipeline config sets it up."""
    return nlp.add_pipe("leakmine_vocabulary", name=name, config=VOCABULARIES[name])


def values(label: str, text: str) -> set[str]:
    return {m.value for m in match_vocabulary(text, RULES[label])}


def texts(label: str, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.value) for m in match_vocabulary(text, RULES[label])]

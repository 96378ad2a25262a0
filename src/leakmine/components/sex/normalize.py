"""The patient's sex from nouns ("woman", "male") and pronouns ("she", "his") (pure functions).

A noun counts unless it is a group count ("18 female"), a pairing ("male and female patients",
"male/female"), or a modifier of something else ("female hormones", "male-to-female"). A pronoun
counts unless the nearest person named before it in its sentence is not the patient ("the surgeon
... he", "his wife ... she", "Smith et al. ... he") or it is generic ("he or she", "s/he").
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from importlib import resources

from leakmine.nlp.numbers import NUMWORD


def _words(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class SexVocabulary:
    """Who counts as the patient, who does not, and what a sex word may not modify."""

    person: re.Pattern[str]
    others: frozenset[str]
    not_after: re.Pattern[str]

    @classmethod
    def from_json(cls, data: dict[str, list[str]]) -> SexVocabulary:
        people = data["patient_nouns"] + data["other_person_nouns"]
        person = re.compile(rf"\b(?:{_words(people)})\b(?:['’]s)?", re.IGNORECASE)
        others = frozenset(re.sub(r"\s+", " ", w.lower()) for w in data["other_person_nouns"])
        not_after = re.compile(rf"^\s*(?:[-‐]\s*)?(?:{_words(data['not_a_sex_after'])})\b|^\s*(?:/|:|[-‐]to[-‐])",
                               re.IGNORECASE)
        return cls(person, others, not_after)


def load_sex_vocabulary(package: str = "leakmine.components.sex") -> SexVocabulary:
    ref = resources.files(package).joinpath("vocabulary.json")
    return SexVocabulary.from_json(json.loads(ref.read_text(encoding="utf-8")))


_COUNT_BEFORE = re.compile(rf"(?:\b\d+|\b{NUMWORD})\s*(?:\([^()]*\)\s*)?$|[/:]\s*$|[-‐]to[-‐]$", re.IGNORECASE)
_PAIR_BEFORE = re.compile(r"\b(?:male|female|men|women)\s+(?:and|or|&)\s+$", re.IGNORECASE)
_PAIR_AFTER = re.compile(r"^\s+(?:and|or|&)\s+(?:male|female|men|women)\b", re.IGNORECASE)
_GENERIC_BEFORE = re.compile(r"(?:\b(?:he|she|his|her|him)\s*(?:or|/)\s*|\bs\s*/\s*)$", re.IGNORECASE)
_GENERIC_AFTER = re.compile(r"^\s*(?:or|/)\s*(?:he|she|his|her|him|hers)\b|^\s+et\s+al\b", re.IGNORECASE)


def is_patient_noun(text: str, start: int, end: int, vocab: SexVocabulary) -> bool:
    """True when the sex noun at text[start:end] describes one person, not a group or a modifier."""
    before, after = text[max(0, start - 40):start], text[end:end + 30]
    return not (_COUNT_BEFORE.search(before) or _PAIR_BEFORE.search(before) or _PAIR_AFTER.match(after)
                or vocab.not_after.match(after))


def nearest_person(prefix: str, vocab: SexVocabulary) -> str | None:
    """The last person noun in `prefix`, lower-cased, without a possessive "'s"."""
    found = None
    for m in vocab.person.finditer(prefix):
        found = m.group(0)
    if found is None:
        return None
    return re.sub(r"\s+", " ", re.sub(r"['’]s$", "", found.lower()))


def is_patient_pronoun(text: str, start: int, end: int, sentence_start: int, vocab: SexVocabulary) -> bool:
    """True when the pronoun at text[start:end] may refer to the patient (see the module doc)."""
    if _GENERIC_BEFORE.search(text[max(0, start - 12):start]) or _GENERIC_AFTER.match(text[end:end + 20]):
        return False
    person = nearest_person(text[sentence_start:start], vocab)
    return person not in vocab.others


def sentence_start_of(starts: list[int], pos: int) -> int:
    """The start of the sentence holding `pos`, given the sorted sentence starts."""
    i = bisect_right(starts, pos) - 1
    return starts[i] if i >= 0 else 0

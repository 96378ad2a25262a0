"""`leakmine_sex`: the patient's sex from nouns and pronouns -> span group `leakmine_sex`,
value "F" or "M", attrs `cue` (the word, lower-cased) and `kind` ("noun", "pronoun", or "group" for
patients introduced together: "two women", with their number `n` where it is said)."""

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from leakmine.components.sentences import sentence_starts
from leakmine.components.sex.normalize import (
    SexVocabulary,
    is_patient_noun,
    is_patient_pronoun,
    load_sex_vocabulary,
    sentence_start_of,
)
from leakmine.nlp.docs import doc_text
from leakmine.nlp.numbers import parse_number
from leakmine.nlp.rules import Match, Rule, find_matches, load_rules
from leakmine.nlp.spans import SPAN_ASSIGNS, write_found

GROUP = "leakmine_sex"
LABEL = "SEX"


def match_sex(text: str, rules: list[Rule], vocab: SexVocabulary) -> list[tuple[Match, str, dict[str, Any]]]:
    """Sex cues of the patient in `text`: (match, "F"/"M", attrs)."""
    starts = sorted(sentence_starts(text))
    out = []
    for m in find_matches(text, rules):
        kind = m.rule.attrs.get("kind", "noun")
        if kind == "pronoun":
            ok = is_patient_pronoun(text, m.start, m.end, sentence_start_of(starts, m.start), vocab)
        elif m.rule.attrs.get("honorific") or m.rule.attrs.get("with_age"):
            ok = True  # "Mrs. K.", "39/M" name one person whatever stands before them ("Case 2: Mrs. K.")
        elif kind == "group":
            ok = not vocab.not_after.match(text[m.end:m.end + 30])
        else:
            ok = is_patient_noun(text, m.start, m.end, vocab)
        if ok and m.rule.value:
            cue = text[m.start:m.end].lower()
            attrs = {"cue": cue, "kind": kind}
            if kind == "group":
                attrs["n"] = 2 if cue.startswith("both") else next(
                    (n for w in cue.split() if isinstance(n := parse_number(w), int)), None)
            out.append((m, m.rule.value, attrs))
    return out


class SexExtractor:
    def __init__(self, rules: list[Rule], vocab: SexVocabulary):
        self.rules = rules
        self.vocab = vocab

    def __call__(self, doc: Doc) -> Doc:
        return write_found(doc, GROUP, ((m.start, m.end, LABEL, value, m.rule.id, attrs)
                                        for m, value, attrs in match_sex(doc_text(doc), self.rules, self.vocab)))


@Language.factory("leakmine_sex", assigns=SPAN_ASSIGNS, retokenizes=True)
def make_sex(nlp: Language, name: str) -> SexExtractor:
    return SexExtractor(load_rules(__name__, labels=frozenset({LABEL})), load_sex_vocabulary(__name__))

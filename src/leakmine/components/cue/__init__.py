"""`leakmine_cue`: the words assembly reasons with (patterns.jsonl) -> span group `leakmine_cue`.

A cue tells what a sentence is about (literature, advice, the patient, all patients, cement), where a
story stands (before or after surgery, at follow-up, a rescue operation) or which role a vertebral
level has (a fracture treated, a leak, a screw). Each rule's `label` is its cue kind; a span's label
is `CUE_<kind>` (labels.py), its value the kind, its rule id the rule's. Rules run over each sentence
on its own, so `^` and `$` are a sentence's ends, and only over the sentences that hold a value another
extractor found (assembly reads no other). Overlapping cues are all kept: one span per characters and kind.
"""

from collections.abc import Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from leakmine.labels import CUE_KINDS, cue_label
from leakmine.nlp.docs import doc_text, sentence_at, sentence_bounds
from leakmine.nlp.rules import Rule, find_spans_in, load_rules
from leakmine.nlp.spans import SPAN_ASSIGNS, leakmine_groups, write_many

GROUP = "leakmine_cue"


@lru_cache(maxsize=1)
def load_cue_rules() -> tuple[Rule, ...]:
    """The cue rules, parsed once per process (ingest reads titles with the REVIEW ones too)."""
    return tuple(load_rules(__name__, labels=frozenset(CUE_KINDS)))


def match_cues(text: str, rules: Sequence[Rule], sentences: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, rule id) of every cue in the `sentences` (start, end) of `text`, in text
    order; of several rules of one kind over the same characters, the first (pure)."""
    order = {rule.id: i for i, rule in enumerate(rules)}
    out: dict[tuple[int, int, str], str] = {}
    for s, e, rule in sorted(find_spans_in(text, rules, sentences), key=lambda f: (f[0], -f[1], order[f[2].id])):
        out.setdefault((s, e, rule.label), rule.id)
    return sorted((s, e, kind, rule_id) for (s, e, kind), rule_id in out.items())


@lru_cache(maxsize=1)
def _review_rules() -> tuple[Rule, ...]:
    return tuple(r for r in load_cue_rules() if r.label == "REVIEW")


def names_review(text: str) -> bool:
    """Whether `text` (a title, an article type) names a paper that pools other studies: a REVIEW cue."""
    return any(r.regex.search(text) for r in _review_rules())


class CueExtractor:
    def __init__(self, rules: Sequence[Rule]):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        found = match_cues(doc_text(doc), self.rules, told_sentences(doc))
        return write_many(doc, GROUP, [(s, e, cue_label(kind), kind, rule_id) for s, e, kind, rule_id in found])


def told_sentences(doc: Doc) -> list[tuple[int, int]]:
    """The sentences that hold a value another extractor found: the only ones assembly reads cues of."""
    bounds = sentence_bounds(doc)
    return sorted({sentence_at(bounds, span.start_char)
                   for name in leakmine_groups(doc) if name != GROUP for span in doc.spans[name]})


@Language.factory(GROUP, assigns=SPAN_ASSIGNS, retokenizes=True, requires=["token.is_sent_start"])
def make_cue(nlp: Language, name: str) -> CueExtractor:
    return CueExtractor(load_cue_rules())

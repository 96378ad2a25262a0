"""`leakmine_context`: medspaCy's ConText over the leakmine mentions that need an assertion status.

The spans of the span groups in `groups` are ConText's targets; leakmine's own rules for case-report
language (rules.json, medspaCy's ConText rule format) find the negation, hypothetical and historical
cues. The result is left as `span._.is_negated`, `is_historical` and `is_hypothetical`. spaCy keys
span extensions by character offsets, so a span that sits in two groups carries one status.

A ConText scope never leaves its sentence, so the ConText graph (medspaCy's modifiers, scopes and
edges) is built per sentence that holds a target: the same result as one graph over the whole doc,
without comparing every cue of the paper with every mention of it. Terminators ("but", ";") carry
`max_scope` 1 in rules.json: medspaCy lets a terminator cut another cue's scope only when their two
scopes overlap at an edge, which a whole-sentence terminator scope does not do for a short negation.
Token patterns open with one fixed word (one rule per first word): spaCy's Matcher tests an
`{"IN": [...]}` first token in Python at every token of the doc; most are matched as the phrases they
spell out (matcher.py).
"""

from bisect import bisect_right
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from leakmine.components.context.matcher import ContextMatcher
from leakmine.components.context.medspacy_parts import (
    DEFAULT_ATTRIBUTES,
    ConText,
    ConTextGraph,
    ConTextModifier,
    ConTextRule,
)

ASSERTION_GROUPS = [
    "leakmine_symptom", "leakmine_cause", "leakmine_leak_location", "leakmine_treatment", "leakmine_procedure",
    "leakmine_outcome", "leakmine_muscle_grade", "leakmine_level",
]


def load_context_rules() -> list[ConTextRule]:
    with resources.as_file(resources.files(__name__).joinpath("rules.json")) as path:
        return ConTextRule.from_json(path)


class ContextAsserter:
    def __init__(self, nlp: Language, name: str, groups: list[str], rules: list[ConTextRule]):
        self.groups = groups
        self.vocab = nlp.vocab
        self.matcher = ContextMatcher(nlp.vocab, nlp.tokenizer, rules)
        ConText.register_default_attributes()

    def targets(self, doc: Doc) -> list[Span]:
        """One span per distinct token range across the assertion groups."""
        found: dict[tuple[int, int], Span] = {}
        for group in self.groups:
            if group in doc.spans:
                for span in doc.spans[group]:
                    found.setdefault((span.start, span.end), span)
        return [found[k] for k in sorted(found)]

    def __call__(self, doc: Doc) -> Doc:
        targets = self.targets(doc)
        if not targets:
            return doc
        starts = [s.start for s in doc.sents]
        by_sentence: dict[int, tuple[list[Span], list[ConTextModifier]]] = {}
        for span in targets:
            by_sentence.setdefault(bisect_right(starts, span.start), ([], []))[0].append(span)
        for match_id, start, end in self.matcher(doc):
            sentence = by_sentence.get(bisect_right(starts, start))
            if sentence is not None:
                rule = self.matcher.rule_map[self.vocab.strings[match_id]]
                sentence[1].append(ConTextModifier(rule, start, end, doc))
        for spans, modifiers in by_sentence.values():
            if not modifiers:
                continue
            # prune_on_modifier_overlap: a cue inside a mention ("no improvement") modifies nothing.
            graph = ConTextGraph(targets=spans, modifiers=modifiers, prune_on_modifier_overlap=True)
            graph.update_scopes()
            graph.apply_modifiers()
            for target, modifier in graph.edges:
                for attr, value in DEFAULT_ATTRIBUTES.get(modifier.category, {}).items():
                    target._.set(attr, value)
        return doc


@Language.factory("leakmine_context", default_config={"groups": ASSERTION_GROUPS},
                  requires=["doc.spans", "token.is_sent_start"],
                  assigns=[f"span._.{attr}" for attr in ("is_negated", "is_historical", "is_hypothetical")])
def make_context(nlp: Language, name: str, groups: list[str]) -> ContextAsserter:
    return ContextAsserter(nlp, name, groups, load_context_rules())

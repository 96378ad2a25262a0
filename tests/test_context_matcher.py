"""ConText's matcher: token patterns of lower-cased words matched as the phrases they spell out give
what medspaCy's MedspacyMatcher gives with the same rules."""

import pytest
from medspacy.common.medspacy_matcher import MedspacyMatcher

from leakmine.components.context import load_context_rules
from leakmine.components.context.matcher import ContextMatcher, spelled
from leakmine.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # its scispaCy tokenizer splits some words ("cannot")


@pytest.mark.parametrize(("pattern", "expected"), [
    ([{"LOWER": "no"}], [["no"]]),
    ([{"LOWER": "did"}, {"LOWER": "not"}, {"LOWER": {"IN": ["have", "show"]}}],
     [["did", "not", "have"], ["did", "not", "show"]]),
    ([{"LOWER": "no"}, {"LOWER": "further", "OP": "?"}, {"LOWER": "pain"}], [["no", "further", "pain"], ["no", "pain"]]),
    ([{"LOWER": "ruled", "OP": "?"}, {"LOWER": "out", "OP": "?"}], [["ruled", "out"], ["ruled"], ["out"]]),
    # not spelled out: other attributes, other repeats, a list of words not to match
    ([{"LOWER": {"NOT_IN": ["about"]}}], None),
    ([{"ORTH": ","}, {"LOWER": "the"}], None),
    ([{"LOWER": "is"}, {"LOWER": "a", "OP": "*"}], None),
    ([{"LOWER": "is", "IS_ALPHA": True}], None),
    ([{"LOWER": {"IN": []}}], None),
])
def test_phrases_a_pattern_spells_out(pattern, expected):
    assert spelled(pattern) == expected


def test_the_matches_are_medspacys(nlp):
    rules = load_context_rules()
    ours = ContextMatcher(nlp.vocab, nlp.tokenizer, rules)
    theirs = MedspacyMatcher(nlp, prune=True)
    theirs.add(load_context_rules())
    cues = [r.literal for r in rules] + ["did not show", "cannot be removed", "is a known major risk factor",
                                         "no further pain", "discussion about the risks",
                                         # words two rules match alike
                                         "was not present", "were not shown", "was not demonstrated"]
    text = " ".join(f"The patient {cue} weakness at L2, but the leak was seen." for cue in cues)
    doc = nlp.make_doc(text)
    assert ours(doc) == theirs(doc) and len(ours(doc)) > len(rules)
    assert {rule_id: rule.category for rule_id, rule in ours.rule_map.items()} == \
        {rule_id: rule.category for rule_id, rule in theirs.rule_map.items()}

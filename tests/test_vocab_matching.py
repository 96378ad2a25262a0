"""The shared vocabulary machinery: longest match, defined short forms."""

import pytest
import spacy

from leakmine.nlp.rules import RuleError, find_matches, parse_rules
from leakmine.nlp.vocab import (
    abbreviation_matches,
    is_short_form,
    longest_matches,
    match_long_form,
    match_vocabulary,
)
from vocab_helpers import RULES, add_vocabulary


def test_longest_match_wins_and_ties_go_to_the_earlier_rule():
    rules = parse_rules([
        '{"id": "a", "label": "X", "phrase": "chest pain", "value": "chest pain"}',
        '{"id": "b", "label": "X", "phrase": "pain", "value": "pain"}',
        '{"id": "c", "label": "X", "phrase": "back pain", "value": "pain"}',
        '{"id": "d", "label": "X", "regex": "back\\\\s+pain", "value": "other"}',
    ], "t")
    kept = longest_matches(find_matches("chest pain and back pain", rules))
    assert [m.rule.id for m in kept] == ["a", "c"]


def test_a_rules_term_group_is_the_term_and_the_rest_its_context():
    rules = parse_rules([
        '{"id": "op", "label": "X", "phrase": "decompression", "value": "decompression"}',
        '{"id": "fix", "label": "X", "regex": "\\\\bposterior\\\\s+decompression\\\\s+with\\\\s+(?P<term>instrumentation)", '
        '"value": "posterior fixation"}',
    ], "t")
    found = match_vocabulary("posterior decompression with instrumentation", rules)
    assert [(m.start, m.end, m.value) for m in found] == [(10, 23, "decompression"), (29, 44, "posterior fixation")]


@pytest.mark.parametrize("long_form, label, expected", [
    ("percutaneous vertebroplasty", "PROCEDURE", "vertebroplasty"),
    ("posterior lumbar interbody fusions", "PROCEDURE", "fusion"),
    ("pedicle subtraction osteotomy", "PROCEDURE", "osteotomy"),
    ("spinal epidural hematoma", "CAUSE", "epidural hematoma"),
    ("cement leakage-related neurological deficit", "SYMPTOM", "neurological deficit"),
    ("pulmonary cement embolism", "LEAK_LOCATION", "pulmonary"),
    ("vertebroplasty outcome score", "PROCEDURE", None),
    ("osteoporotic vertebral compression fracture", "PROCEDURE", None),
    ("visual analogue scale for pain intensity", "SYMPTOM", None),
])
def test_long_form_must_end_with_the_term(long_form, label, expected):
    rule = match_long_form(long_form, RULES[label])
    assert (rule.value if rule else None) == expected


@pytest.mark.parametrize("short, long_form, ok", [
    ("PVP", "percutaneous vertebroplasty", True),
    ("pVP", "percutaneous vertebroplasty", True),
    ("CLND", "cement leakage-related neurological deficit", True),
    ("solid arrow", "intrathecal", False),
    ("arrow", "intrathecal space", False),
    ("LONGERTHANLONGFORM", "fusion", False),
])
def test_is_short_form(short, long_form, ok):
    assert is_short_form(short, long_form) is ok


def test_abbreviation_matches_tag_the_rule():
    found = abbreviation_matches([(0, 3, "PSP", "percutaneous sacroplasty"), (9, 12, "ODI", "Oswestry index")],
                                 RULES["PROCEDURE"])
    assert [(m.start, m.value, m.rule_id) for m in found] == [(0, "sacroplasty", "procedure.sacroplasty+abbrev")]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("leakmine_abbreviations")  # the detector the pipeline ships
    add_vocabulary(nlp, "leakmine_procedure")
    add_vocabulary(nlp, "leakmine_symptom")
    return nlp


def test_defined_short_form_is_found_everywhere(nlp):
    doc = nlp("She had percutaneous cement sacroplasty (PCS) for a fracture. After PCS the pain went.")
    spans = [(s.text, s._.lm_value, s._.lm_rule) for s in doc.spans["leakmine_procedure"]]
    assert spans == [("sacroplasty", "sacroplasty", "procedure.sacroplasty"),
                     ("PCS", "sacroplasty", "procedure.sacroplasty+abbrev"),
                     ("PCS", "sacroplasty", "procedure.sacroplasty+abbrev")]


def test_rule_value_outside_the_vocabulary_is_refused():
    line = '{"id": "x", "label": "SYMPTOM", "phrase": "ache", "value": "aches"}'
    with pytest.raises(RuleError, match="not in the vocabulary"):
        parse_rules([line], "t", vocabulary=frozenset({"pain"}))

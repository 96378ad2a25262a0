"""`leakmine_abbreviations`: scispaCy's detector with its bracket matcher bounded to what it reads."""

import pytest
import spacy
from spacy.matcher import Matcher

from leakmine.components.abbreviations import PARENTHESIS
from leakmine.nlp import load_pipeline

TEXTS = [
    "Percutaneous vertebroplasty (PVP) was done at L1; PVP relieved the pain.",
    "The Oswestry Disability Index (ODI) fell (from 62 to 20) after balloon kyphoplasty (BKP).",
    "Cement (polymethylmethacrylate, PMMA (Simplex P)) leaked (see Figure 2 (a and b)).",
    "An opening bracket ( never closed, then (MRI) and (CT) and a long aside (one two three four five "
    "six seven eight nine ten eleven) end here.",
    "No brackets at all.",
    ")(",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text", TEXTS)
def test_bounded_matcher_finds_the_pairs_the_detector_reads(nlp, text):
    doc = nlp.make_doc(text)
    unbounded = Matcher(nlp.vocab)
    unbounded.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])
    bounded = nlp.get_pipe("abbreviation_detector").matcher  # the one the shipped pipeline runs
    read = sorted((s, e) for _, s, e in unbounded(doc) if e - s - 2 <= 8)  # filter_matches' bound
    assert sorted((s, e) for _, s, e in bounded(doc)) == read


def test_abbreviations_are_still_found(nlp):
    doc = nlp("Percutaneous vertebroplasty (PVP) was done; after PVP she walked.")
    assert [(a["short_text"], a["long_text"]) for a in doc._.abbreviations] == \
        [("PVP", "Percutaneous vertebroplasty")] * 2


def test_a_bracket_left_open_does_not_pair_with_every_later_one():
    nlp = spacy.blank("en")
    doc = nlp.make_doc("( " + "see (A) and (B) then " * 400)
    bounded = Matcher(nlp.vocab)
    bounded.add("parenthesis", [PARENTHESIS])
    assert len(bounded(doc)) < 4 * 800  # pairs a few tokens apart only, not ~800 x 800

"""`leakmine_abbreviations`: scispaCy's detector with its bracket matcher bounded to what it reads."""

import pytest
import spacy
from spacy.matcher import Matcher

from leakmine.components.abbreviations import PARENTHESIS, other_number
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


@pytest.mark.parametrize("short, other", [
    ("NCs", "NC"), ("OVCFs", "OVCF"), ("PE", "PEs"), ("OVCF", "OVCFs"),
    ("VAS", "VASs"),  # an upper-case S is part of the form: its plural is added, not cut
    ("Ms", None), ("pH", None), ("T", None), ("CTs", "CT"),
])
def test_a_short_form_in_its_other_number(short, other):
    got = other_number([{"ORTH": short}])
    assert (got[-1]["ORTH"] if got else None) == other


@pytest.mark.parametrize("text, uses", [
    ("Neurological complications (NCs) were recorded. NC developed in 29 patients; NCs resolved in 20.",
     ["NCs", "NC", "NCs"]),
    ("Osteoporotic vertebral compression fracture (OVCF) is common. Patients with OVCFs were treated.",
     ["OVCF", "OVCFs"]),
    # both numbers defined, each for its own long form: each use is the one it spells, taken once
    ("Computed tomography (CT) and CT scans (CTs) were taken. CTs showed cement; CT was clear.",
     ["CT", "CT", "CTs", "CTs", "CT"]),
])
def test_a_short_form_is_found_in_either_number(nlp, text, uses):
    doc = nlp(text)
    found = sorted((a["short_start"], a["short_text"]) for a in doc._.abbreviations)
    assert [short for _, short in found] == uses

"""Case markers: the phrases that open one patient's account, and the ones that only look alike."""

from __future__ import annotations

import pytest
import spacy

from leakmine.components.case_marker import LABEL, load_case_marker_rules, match_case_markers
from leakmine.components.case_marker.normalize import case_number, roman_value

RULES = load_case_marker_rules()


@pytest.mark.parametrize(("text", "expected"), [
    ("Case 1: A 67-year-old man presented with back pain.", [("Case 1", 1)]),
    ("CASE 2\nAn 81-year-old woman underwent kyphoplasty.", [("CASE 2", 2)]),
    ("Case #3 was referred from another hospital.", [("Case #3", 3)]),
    ("Case no. 4 underwent laminectomy.", [("Case no. 4", 4)]),
    ("Patient 2 developed a foot drop.", [("Patient 2", 2)]),
    ("The first case involved a woman with an L1 fracture.", [("The first case", 1)]),
    ("In the second case, cement reached the foramen.", [("the second case", 2)]),
    ("Our third patient had no deficit.", [("Our third patient", 3)]),
    ("A second patient, a 70-year-old man, was admitted.", [("A second patient", 2)]),
    ("Second case. A 59-year-old woman fell at home.", [("Second case", 2)]),
    ("Case II: an elderly man with a T12 fracture.", [("Case II", 2)]),
    ("Case IV was managed conservatively.", [("Case IV", 4)]),
    ("Case One: a woman aged 80.", [("Case One", 1)]),
    ("Imaging of case 2 showed epidural cement.", [("case 2", 2)]),
    ("Case report 2\nA woman aged 75 years.", [("Case report 2", 2)]),
])
def test_markers_found(text, expected):
    assert [(text[m.start:m.end], n) for m, n in match_case_markers(text, RULES)] == expected


@pytest.mark.parametrize("text", [
    "This is the first case of intradural leakage after sacroplasty.",
    "It was the first case reported in the literature.",
    "To our knowledge, this is the second case to be described.",
    "The first case report of this complication appeared in 1987.",
    "The patient 1 day later developed weakness.",
    "The patient 2 weeks after surgery walked unaided.",
    "Patients 1 and 2 improved.",
    "In this case I removed the cement through a hemilaminectomy.",
    "Case 25 is beyond any case series we describe.",
    "In case of leakage, surgery should be considered.",
    "A 2-case series was reviewed.",
    "The first patient-reported outcome was pain.",
])
def test_markers_not_found(text):
    assert match_case_markers(text, RULES) == []


@pytest.mark.parametrize(("groups", "expected"), [
    ({"num": "3"}, 3), ({"ord": "Fifth"}, 5), ({"ord": "2nd"}, 2), ({"word": "two"}, 2),
    ({"roman": "IX"}, 9), ({"roman": "III"}, 3), ({"num": "0"}, None), ({"num": "21"}, None), ({}, None),
])
def test_case_number(groups, expected):
    assert case_number(groups) == expected


@pytest.mark.parametrize(("text", "expected"), [("I", 1), ("IV", 4), ("VI", 6), ("X", 10), ("iv", None), ("", None)])
def test_roman_value(text, expected):
    assert roman_value(text) == expected


def test_component_writes_span_group():
    nlp = spacy.blank("en")
    nlp.add_pipe("leakmine_case_marker")
    doc = nlp("Case 1 was a man. The second case was a woman.")
    spans = doc.spans["leakmine_case_marker"]
    assert [(s.text, s.label_, s._.lm_value, s._.lm_attrs["n"]) for s in spans] == [
        ("Case 1", LABEL, "1", 1), ("The second case", LABEL, "2", 2)]

"""Case markers: the phrases that open one patient's account, and the ones that only look alike."""

from __future__ import annotations

import pytest
import spacy

from leakmine.components.case_marker import (
    COUNT_LABEL,
    LABEL,
    load_case_count_rules,
    load_case_marker_rules,
    match_case_counts,
    match_case_markers,
)
from leakmine.components.case_marker.normalize import case_number, roman_value, series_size

RULES = load_case_marker_rules()
COUNT_RULES = load_case_count_rules()


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
    ("Surgery went well. In second case, leg pain was on the left.", [("second case", 2)]),
    ("In first case, leg pain was on the right.", [("first case", 1)]),
    ("First patient showed an L1 leak, and second patient showed an L3 leak.", [("First patient", 1), ("second patient", 2)]),
    ("One had a foot drop, whereas third case recovered.", [("third case", 3)]),
    ("Case II: an elderly man with a T12 fracture.", [("Case II", 2)]),
    ("Case IV was managed conservatively.", [("Case IV", 4)]),
    ("Case One: a woman aged 80.", [("Case One", 1)]),
    ("Imaging of case 2 showed epidural cement.", [("case 2", 2)]),
    ("Case report 2\nA woman aged 75 years.", [("Case report 2", 2)]),
    ("Leakage was rare. One patient developed numbness.", [("One patient", 1)]),
    ("One patient had numbness. The other patient had weakness.", [("One patient", 1), ("The other patient", 2)]),
    ("One case needed surgery, whereas the other case recovered.", [("One case", 1), ("the other case", 2)]),
    ("In one of the two cases, cement reached the canal.", [("In one of the two cases", 1)]),
    ("No one patient had leakage.", []),
    ("Results: In One of the three patients, cement reached the canal.", [("In One of the three patients", 1)]),
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
    "Leakage was rare. In first case reports, it was not described.",
    "this was the\nfirst case in which cement was removed",
    "A 2-case series was reviewed.",
    "The first patient-reported outcome was pain.",
    "Cement leaked, and second case reports followed.",
    "The leak was seen, and second patients were rare.",
    "Cement leaked, and second patient groups were excluded.",
    "The other patients recovered.",
    "The other patient's leg was weak.",
    "Cement reached the other patient-reported sites.",
])
def test_markers_not_found(text):
    assert match_case_markers(text, RULES) == []


@pytest.mark.parametrize(("groups", "expected"), [
    ({"num": "3"}, 3), ({"ord": "Fifth"}, 5), ({"ord": "2nd"}, 2), ({"word": "two"}, 2),
    ({"roman": "IX"}, 9), ({"roman": "III"}, 3), ({"other": "other"}, 2), ({"num": "0"}, None), ({"num": "21"}, None), ({}, None),
])
def test_case_number(groups, expected):
    assert case_number(groups) == expected


@pytest.mark.parametrize(("text", "expected"), [("I", 1), ("IV", 4), ("VI", 6), ("X", 10), ("iv", None), ("", None)])
def test_roman_value(text, expected):
    assert roman_value(text) == expected


def test_component_writes_span_group():
    nlp = spacy.blank("en")
    nlp.add_pipe("leakmine_case_marker")
    doc = nlp("We report two cases. Case 1 was a man. The second case was a woman.")
    spans = doc.spans["leakmine_case_marker"]
    assert [(s.text, s.label_, s._.lm_value, s._.lm_attrs["n"]) for s in spans] == [
        ("We report two cases", COUNT_LABEL, "2", 2), ("Case 1", LABEL, "1", 1), ("The second case", LABEL, "2", 2)]


@pytest.mark.parametrize(("text", "expected"), [
    ("We report three cases of cement in the spinal canal after kyphoplasty.", [("We report three cases", 3)]),
    ("Herein, we present two elderly women with foraminal leakage.", [("we present two elderly women", 2)]),
    ("We had 2 patients who developed foot drop after fusion.", [("We had 2 patients", 2)]),
    ("We describe four consecutive patients treated at our centre.", [("We describe four consecutive patients", 4)]),
    ("The authors report five cases of delayed paraplegia.", [("The authors report five cases", 5)]),
    ("The authors report on two patients with foraminal leakage after sacroplasty.",
     [("The authors report on two patients", 2)]),
    ("Epidural cement after sacroplasty: a report of two cases", [("report of two cases", 2)]),
    ("Leg weakness after lumbar fusion: a review of four patients", [("review of four patients", 4)]),
    ("The cases of three patients with late paraparesis after fixation with pedicle hooks are reported.",
     [("The cases of three patients with late paraparesis after fixation with pedicle hooks are reported", 3)]),
    ("Foot drop after lumbar fusion: a series of 3 patients", [("series of 3 patients", 3)]),
    ("Pulmonary cement embolism: two case reports", [("two case reports", 2)]),
    ("Conus injury after thoracic fixation: 5 Cases Report", [("5 Cases Report", 5)]),
    ("Foot drop after fusion in three patients", [("in three patients", 3)]),
    ("Three cases of intradural leakage are presented.", [("Three cases of intradural leakage are presented", 3)]),
    ("Two patients are described herein.", [("Two patients are described herein", 2)]),
    ("Two cases of paraplegia after kyphoplasty", [("Two cases of", 2)]),
    ("Background. Three patients with radiculopathy after sacroplasty.", [("Three patients with", 3)]),
    ("In four cases, posterior lumbar fusion was complicated by foot drop.",
     [("In four cases, posterior lumbar fusion was complicated by", 4)]),
    ("Objective: To report 4 unusual cases of foot drop after lumbar fusion.", [("To report 4 unusual cases", 4)]),
    ("The aim is to describe two patients with foraminal leakage.", [("to describe two patients", 2)]),
    ("We share our experience with three cases of foot drop after discectomy.",
     [("We share our experience with three cases", 3)]),
    ("We aimed to illustrate our experience with four cases of cement in the foramen.",
     [("to illustrate our experience with four cases", 4)]),
    ("This report seeks to share our management of two patients with subdural cement.",
     [("to share our management of two patients", 2)]),
    ("Purpose: to present our experience in 3 patients with cement emboli.",
     [("to present our experience in 3 patients", 3)]),
])
def test_case_counts_found(text, expected):
    assert [(text[m.start:m.end], n) for m, n in match_case_counts(text, COUNT_RULES)] == expected


@pytest.mark.parametrize("text", [
    "Only two cases of intradural leakage have been described.",
    "Two cases were reported by an earlier series.",
    "We report 25 patients who underwent vertebroplasty.",
    "We report a case of leakage at two levels.",
    "Three patients underwent revision surgery, and one received physiotherapy.",
    "We report one case of foraminal leakage.",
    "We treated 120 patients with kyphoplasty.",
    "A report of 12 cases of pulmonary embolism.",
    "A review of 120 patients treated with kyphoplasty.",
    "Only two patients with such a leak are reported in the literature.",
    "Only three patients with such a leak are reported by earlier authors.",
    "The results of 8 patients with osteoporotic fractures who underwent kyphoplasty are reported.",
    "Of the two cases in the literature, one recovered.",
    "We report two-level kyphoplasty in an elderly woman.",
    "In 12 cases, vertebroplasty was complicated by leakage.",
    "It is important to report all cases of leakage to the registry.",
    "Surgeons need to report two-level leaks in their series.",
    "We share our experience in 250 cases of kyphoplasty.",
    "We hoped to illustrate our experience with 300 cases of kyphoplasty.",
    "To illustrate the point, two cases of leakage are shown.",
    "The aim was to share our experience of kyphoplasty with two colleagues.",
    "The authors of an older series report two cases of such a leak.",
])
def test_case_counts_not_found(text):
    assert match_case_counts(text, COUNT_RULES) == []


@pytest.mark.parametrize(("text", "title_only"), [
    ("Leakage occurred in two patients with osteoporosis.", True),  # the paper's own count only in a title
    ("We report two patients with osteoporosis.", False),
])
def test_a_count_in_a_group_phrase_is_the_papers_only_in_its_title(text, title_only):
    (match, _), = match_case_counts(text, COUNT_RULES)
    assert bool(match.rule.attrs.get("title_only")) is title_only


@pytest.mark.parametrize(("count", "expected"), [
    ("two", 2), ("Nine", 9), ("3", 3), ("1", None), ("one", None), ("ten", None), ("12", None), (None, None),
])
def test_series_size(count, expected):
    assert series_size(count) == expected

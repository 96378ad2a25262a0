"""Which sentences may speak of the paper's own patient, by flow and by cue."""

from __future__ import annotations

import pytest

from assemble_helpers import sentence_cues
from leakmine.assemble.sentences import about_patient, sentence_voice


@pytest.mark.parametrize(("sentence", "flow", "before_anchor", "expected"), [
    ("She developed weakness of both legs after the procedure.", "body", False, True),
    ("CT showed cement in the epidural space.", "body", False, True),
    ("CT showed cement in the epidural space.", "caption", False, True),
    ("Leaks of cement are a common complication, mostly without any symptoms.", "body", False, False),
    ("Cement leakage can lead to paraplegia in rare cases.", "abstract", False, False),
    ("Smith et al. described epidural leakage in 12 of 40 patients.", "body", False, False),
    ("Similar cases have been reported in the literature.", "abstract", False, False),
    ("We present a 70-year-old woman with intradural cement leakage.", "abstract", True, True),
    ("Vertebroplasty relieves pain in osteoporotic fractures.", "abstract", True, False),
    ("Vertebroplasty at L1 relieved the pain within a day.", "abstract", False, True),
    ("Early decompression should be performed in patients with deficits.", "abstract", False, False),
    ("In our patient, the cement reached the intradural space.", "commentary", False, True),
    ("Epidural leaks are the most common type [4].", "commentary", False, False),
    ("In this case, surgeons must remove the cement early.", "commentary", False, False),
    ("Leakage into the canal was described previously [7], as in our patient.", "commentary", False, False),
    ("Abbreviations: PVP = percutaneous vertebroplasty, PKP = percutaneous kyphoplasty.", "abstract", False, False),
    ("Keywords: cement leakage; vertebroplasty; paraplegia", "abstract", False, False),
    ("Intradural cement leakage after vertebroplasty", "title", False, True),
    ("Patients 3 and 4 received steroids.", "none", False, False),
    ("With the new drug the patient will require fewer visits.", "body", False, True),
])
def test_about_patient(sentence, flow, before_anchor, expected):
    assert about_patient(sentence_voice(sentence_cues(sentence)), flow, before_anchor) is expected


@pytest.mark.parametrize(("sentence", "broadcast"), [
    ("Both patients underwent laminectomy.", True),
    ("This paper describes three unusual cases of cement leakage.", True),
    ("In each case the cement was brittle.", True),
    ("The patient underwent laminectomy.", False),
    ("Two days later he developed weakness.", False),
])
def test_broadcast(sentence, broadcast):
    assert sentence_voice(sentence_cues(sentence)).broadcast is broadcast

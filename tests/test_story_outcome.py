"""Outcome by the contract, end to end: the final state of the complication, its degree from what the
text states (a residual deficit, a final grade below 5), never from a tally of other patients."""

from __future__ import annotations

import pytest

from story_helpers import case_report, mine

TITLE = "Epidural cement leakage after kyphoplasty: a case report"
INTRO = ("A 71-year-old woman underwent kyphoplasty of L1 and developed weakness of both legs. "
         "Cement in the epidural space was removed through a laminectomy. ")


@pytest.mark.parametrize("ending, outcome", [
    ("At one year she was able to walk with a cane.", "partial recovery"),
    ("Her strength improved, but she continued to experience urinary urgency.", "partial recovery"),
    ("Strength improved and at 6 months she had residual weakness of the left foot.", "partial recovery"),
    ("Her deficit improved to Frankel grade D.", "partial recovery"),
    ("Neurological recovery was unsatisfactory.", "partial recovery"),
    ("Her strength improved from grade 2/5 to 4/5 at the last follow-up.", "partial recovery"),
    ("She recovered from the weakness within 10 days.", "full recovery"),
    ("Her strength improved to 5/5 at the 3-month follow-up.", "full recovery"),
    ("Her neurological function improved after the operation.", "improved"),
    ("She had a complete neurological recovery.", "full recovery"),
    ("Her leg weakness did not improve.", "no recovery"),
    ("After the operation her pain resolved, but the leg weakness was persistent.", "partial recovery"),
    ("At the last follow-up, muscle strength was normal in the right leg, but the left foot drop persisted.",
     "no recovery"),
])
def test_outcome_degree(tmp_path, ending, outcome):
    (patient,) = mine(tmp_path, case_report(TITLE, INTRO + ending))["patients"]
    assert patient["outcome"] == outcome


@pytest.mark.parametrize("tally", [
    "Of the 26 published cases, 17 had full resolution, 6 had partial improvement and 3 had no improvement.",
    "Nine of 17 patients required reoperation and did not improve.",
    "In the literature, 12 patients recovered completely and 3 remained paraplegic.",
    "Surgical removal gives a complete recovery in the majority of cases.",
])
def test_tallies_and_generalities_are_no_patients_outcome(tmp_path, tally):
    (patient,) = mine(tmp_path, case_report(TITLE, INTRO + "Her strength improved. " + tally))["patients"]
    assert patient["outcome"] == "improved"


@pytest.mark.parametrize("introduction", [
    "We report a case of thoracic cord compression from vertebroplasty of T6.",
    "We describe a patient who developed paraplegia after vertebroplasty of T6.",
    "Herein we report a case of paraplegia after vertebroplasty of T6.",
    "This report presents a case of epidural cement leakage after vertebroplasty of T6.",
])
def test_a_case_introduced_without_an_age_owns_the_story(tmp_path, introduction):
    text = case_report("Paraplegia after vertebroplasty: case report", introduction + (
        " Hours later paraplegia developed and CT showed epidural cement. "
        "Emergency laminectomy and cement removal were performed. "
        "Motor function improved."))
    (patient,) = mine(tmp_path, text)["patients"]
    assert {"laminectomy", "cement removal"} <= set(patient["treatments"])
    assert patient["outcome"] == "improved"


@pytest.mark.parametrize("story, symptoms, outcome", [
    ("A 70-year-old woman underwent kyphoplasty at L1. Her back pain improved significantly, but she developed "
     "radiculopathy on the second day.", ["radiculopathy"], None),
    ("A 70-year-old woman underwent kyphoplasty at L1 and developed radiculopathy despite substantial "
     "improvement in back pain.", ["radiculopathy"], None),
    # the complication's own pain, relieved, is its outcome
    ("A 70-year-old man underwent kyphoplasty at L1 and developed severe back pain from epidural cement. After "
     "surgical removal of the leaked cement, his back pain resolved.", ["pain"], "full recovery"),
    ("A 70-year-old woman underwent kyphoplasty at L1 and developed leg pain from foraminal cement. After "
     "cement removal her leg pain improved.", ["pain"], "improved"),
])
def test_the_back_pain_an_augmentation_relieved_is_neither_complication_nor_outcome(tmp_path, story, symptoms,
                                                                                      outcome):
    (patient,) = mine(tmp_path, case_report(TITLE, story))["patients"]
    assert (patient["symptoms"], patient["outcome"]) == (symptoms, outcome)

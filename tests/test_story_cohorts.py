"""Cohort studies end to end: a complication group counted after the study population is drawn from it,
and a count that tells of no complication is no group."""

from __future__ import annotations

import pytest

from story_helpers import case_report, mine

TITLE = "Risk factors for cement leakage after kyphoplasty: a retrospective study"


def groups(paper: dict) -> list[tuple]:
    return [(c["n_patients"], c["denominator"]) for c in paper["cohorts"]]


@pytest.mark.parametrize("population, group, expected", [
    ("We enrolled 102 consecutive patients, 82 women and 20 men, mean age 69 years.",
     "Cement leakage was detected in 7 patients.", [(102, None), (7, 102)]),
    ("A total of 240 patients were included.", "Epidural leakage was found in 18 patients.", [(18, 240)]),
    ("A retrospective review of 12,000 patients who underwent spinal surgery was performed.",
     "It revealed 17 patients who developed an epidural hematoma with paraparesis.", [(17, 12000)]),
    ("In total, 2715 patients were included in this study and 31 (1.14%) were identified with a symptomatic "
     "epidural hematoma.", "Of these patients, 19 were men and 12 were women, mean age 59.4 ± 11.7 years.",
     [(31, 2715)]),
    ("A retrospective analysis was conducted on 349 patients treated with kyphoplasty.",
     "Pulmonary cement embolism occurred in 11 patients.", [(11, 349)]),
    ("We reviewed 500 patients.", "Radiculopathy developed in 9 consecutive patients.", [(9, 500)]),
])
def test_a_complication_group_is_drawn_from_the_study_population(tmp_path, population, group, expected):
    paper = mine(tmp_path, case_report(TITLE, f"Methods: {population} Results: {group}"))
    assert groups(paper) == expected
    assert paper["paper"]["study_type"] == "cohort study"


@pytest.mark.parametrize("population, other", [
    ("A total of 240 patients were included.", "Diabetes was found in 18 patients."),
    ("A total of 240 patients were included.", "Adjacent fractures were recorded in 18 patients."),
])
def test_a_count_of_no_complication_is_no_group(tmp_path, population, other):
    paper = mine(tmp_path, case_report(TITLE, f"Methods: {population} Results: {other}"))
    assert 18 not in [n for n, _ in groups(paper)]

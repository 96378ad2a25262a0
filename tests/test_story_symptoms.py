"""Symptoms end to end: which of the complication's symptoms a patient keeps."""

from __future__ import annotations

import pytest

from story_helpers import case_report, mine


@pytest.mark.parametrize("complication, symptoms", [
    # a named deficit says what "neurological deficit" meant; a syndrome's name does not
    ("developed a neurological deficit with weakness of both legs", ["weakness"]),
    ("developed a neurological deficit: cauda equina syndrome", ["cauda equina syndrome", "neurological deficit"]),
    ("developed a neurological deficit", ["neurological deficit"]),
])
def test_an_unspecified_deficit_gives_way_to_a_named_one(tmp_path, complication, symptoms):
    paper = mine(tmp_path, case_report("Deficit after lumbar fusion", f"A 70-year-old woman {complication} "
                                       "after lumbar fusion."))
    assert sorted(paper["patients"][0]["symptoms"]) == symptoms


@pytest.mark.parametrize("story, symptoms", [
    # a series' word for what all its cases had stays beside what each had
    ("A 64-year-old man and a 71-year-old woman had kyphoplasty. Both patients developed neurological deficits "
     "with weakness of the legs.", [["neurological deficit", "weakness"]] * 2),
    ("A 64-year-old man and a 71-year-old woman had kyphoplasty. Both patients developed weakness of the legs. "
     "The neurological deficit of the first patient resolved.", [["weakness"]] * 2),
])
def test_a_deficit_said_of_several_cases_stays_beside_a_named_one(tmp_path, story, symptoms):
    paper = mine(tmp_path, case_report("Deficits after kyphoplasty: two cases", story))
    assert [sorted(p["symptoms"]) for p in paper["patients"]] == symptoms

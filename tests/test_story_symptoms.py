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


@pytest.mark.parametrize("story, deficit", [
    ("Here, we present two elderly patients who developed neurological deficits with weakness of the legs from "
     "epidural cement after kyphoplasty.", True),
    # said in general, or with no count of the cases, it gives way to the named deficit
    ("Here, we present two elderly patients who developed weakness of the legs from epidural cement after "
     "kyphoplasty. Neurological deficits after kyphoplasty are rare.", False),
    ("Here, we present two elderly patients who developed weakness of the legs from epidural cement after "
     "kyphoplasty. The neurological deficit worsened within a day.", False),
])
def test_a_count_of_the_cases_says_a_deficit_of_all(tmp_path, story, deficit):
    paper = mine(tmp_path, case_report("Epidural cement after kyphoplasty", story))
    assert [("neurological deficit" in p["symptoms"]) for p in paper["patients"]] == [deficit] * 2

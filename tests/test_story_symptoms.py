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

"""Onset by the contract, end to end: a timing dates the complication only where the text says when it
began, never the admission, an imaging study or a later state."""

from __future__ import annotations

import pytest

from story_helpers import case_report, mine

TITLE = "Cement leakage into the spinal canal after vertebroplasty: a case report"
AFTER = " CT showed epidural cement at T12. Laminectomy and cement removal were performed."


@pytest.mark.parametrize("sentence, onset, days", [
    ("A 70-year-old woman developed paraparesis 3 days after vertebroplasty of T12.", "delayed", 3),
    ("A 70-year-old woman noticed leg weakness immediately after vertebroplasty of T12.", "immediate", 0),
    ("A 70-year-old woman presented with paraparesis immediately after vertebroplasty of T12.", "immediate", 0),
    ("Two days after vertebroplasty of T12, a 70-year-old woman presented with paraparesis.", "delayed", 2),
    ("A 70-year-old woman was admitted with paraparesis that began 5 days after vertebroplasty of T12.",
     "delayed", 5),
    ("A 70-year-old woman was admitted with paraparesis 2 weeks after vertebroplasty of T12.", None, None),
    ("A 70-year-old woman was referred to our hospital with leg weakness 10 days after vertebroplasty "
     "of T12.", None, None),
    ("A 70-year-old woman presented with paraparesis following vertebroplasty of T12 at another "
     "hospital.", None, None),
    ("A 70-year-old woman with paraparesis after vertebroplasty of T12 came to our clinic 3 weeks after "
     "the procedure.", None, None),
    ("A 70-year-old woman had weakness after vertebroplasty of T12. MRI was performed 12 days after "
     "vertebroplasty and showed cord compression.", None, None),
    ("We experienced a case of paraparesis after vertebroplasty of T12 in a 70-year-old woman.", None, None),
    ("We have recently experienced a case of paraparesis after vertebroplasty of T12 in a 70-year-old woman.",
     None, None),
    ("We experienced a rare complication, paraparesis after vertebroplasty of T12, in a 70-year-old woman.",
     None, None),
    ("A 70-year-old woman experienced paraparesis after vertebroplasty of T12.", "immediate", 0),
    # "post" joined to the operation's name
    ("A 70-year-old woman developed paraparesis 3 days post-vertebroplasty of T12.", "delayed", 3),
    ("A 70-year-old woman developed paraparesis two hours postvertebroplasty of T12.", "delayed", 0.0833),
    ("A 70-year-old woman developed paraparesis 2 days post-PVP of T12.", "delayed", 2),
    ("A 70-year-old woman developed paraparesis 2 days post-BKP of T12.", "delayed", 2),
    # a complaint there since the operation, told with the day the patient came
    ("A 70-year-old woman presented three days after vertebroplasty of T12 with leg weakness since her "
     "procedure.", "immediate", 0),
    ("A 70-year-old woman had vertebroplasty of T12. She presented four days later with paraparesis, having "
     "been asymptomatic since her surgery.", "delayed", 4),
    # days after the injury date what came before the operation
    ("A 70-year-old woman fell. Five days after the injury she had back pain but no deficit, and vertebroplasty "
     "of T12 was done. Six hours after surgery, she developed paraparesis.", "delayed", 0.25),
    ("A 70-year-old woman had back pain and numbness a week after the fall, and vertebroplasty of T12 was "
     "done.", None, None),
    ("A 70-year-old woman had vertebroplasty of T12. Two days after the trauma of surgery, she developed "
     "paraparesis.", "delayed", 2),  # the trauma of surgery is the operation
])
def test_onset_is_when_it_began(tmp_path, sentence, onset, days):
    (patient,) = mine(tmp_path, case_report(TITLE, sentence + AFTER))["patients"]
    assert (patient["onset"], patient["onset_days"]) == (onset, days)


def test_a_delayed_deficit_in_the_title_dates_the_onset(tmp_path):
    text = case_report("Delayed paraplegia after vertebroplasty: a case report",
                       "A 70-year-old woman underwent vertebroplasty of T12 and later lost strength in "
                       "both legs." + AFTER)
    (patient,) = mine(tmp_path, text)["patients"]
    assert (patient["onset"], patient["onset_days"]) == ("delayed", None)


def test_a_state_at_follow_up_is_no_onset(tmp_path):
    text = case_report("Obturator neuropathy after oblique lumbar interbody fusion: a case report",
                       "A 67-year-old man had thigh adductor weakness (3/5) from a psoas hematoma after "
                       "oblique lumbar interbody fusion at L2-3. He was treated with physiotherapy. At 4 months "
                       "postoperatively his strength had improved to 5/5.")
    (patient,) = mine(tmp_path, text)["patients"]
    assert patient["onset_days"] != 120


@pytest.mark.parametrize("setting, treatments", [
    (" whilst undergoing ward physiotherapy", ["steroids"]),  # care under way when it began
    (" while on anticoagulation", ["steroids"]),
    (". She then began rehabilitation", ["rehabilitation", "steroids"]),  # care after it began
    (". While receiving physiotherapy, her weakness improved fully", ["rehabilitation", "steroids"]),
    (". During rehabilitation, her strength recovered", ["rehabilitation", "steroids"]),
    (" while on rehabilitation, and it improved partially", ["steroids"]),  # an outcome after the care
    (", the numbness improved, then foot drop appeared whilst undergoing rehabilitation", ["steroids"]),
])
def test_care_under_way_when_the_complication_began_is_no_treatment(tmp_path, setting, treatments):
    text = case_report("C5 palsy after posterior cervical fusion: a case report",
                       "A 74-year-old woman underwent C4-C7 posterior decompression and fusion. She developed "
                       f"right deltoid weakness 10 days after surgery{setting}. She was given methylprednisolone.")
    (patient,) = mine(tmp_path, text)["patients"]
    assert (patient["onset"], patient["onset_days"], patient["treatments"]) == ("delayed", 10, treatments)


@pytest.mark.parametrize("relief, onset, days", [
    # the relief the index operation brought for its indication does not move the story past it
    ("Her preoperative leg pain improved after the decompression.", "delayed", 2),
    ("The preoperative claudication and leg pain resolved after surgery.", "delayed", 2),
    ("Her preoperative leg pain secondary to the stenosis improved after the decompression.", "delayed", 2),
    ("Her preoperative leg pain, which had begun a year earlier, improved after the decompression.", "delayed", 2),
    ("Her preoperative leg pain improved after the decompression, and she began to walk.", "delayed", 2),
    ("Her preoperative leg pain improved after the decompression, and no emergency care was needed.", "delayed", 2),
    # an improvement of a complication does
    ("She developed leg numbness the next day, which improved after rest.", "delayed", 1),
])
def test_the_relief_of_the_indication_is_no_turn_of_the_story(tmp_path, relief, onset, days):
    text = case_report("Leg weakness after lumbar decompression: a case report", (
        "A 66-year-old woman presented with leg pain due to lumbar canal stenosis at L3-4. Endoscopic "
        f"decompression at L3-4 was performed. {relief} Two days after the operation, she complained of leg "
        "weakness and urinary retention."))
    (patient,) = mine(tmp_path, text)["patients"]
    assert (patient["onset"], patient["onset_days"]) == (onset, days)


@pytest.mark.parametrize("after", [
    "Her preoperative leg pain recurred on the third day and improved only after a second decompression at L3-4.",
    "Three days later, the preoperative leg pain returned and did not improve with analgesics, so decompression at "
    "L3-4 was repeated.",
    "Her preoperative leg pain recurred on the third day and improved only after decompression at L3-4 was repeated.",
])
def test_a_symptom_of_before_that_comes_back_is_no_relief(tmp_path, after):
    text = case_report("Leg pain after lumbar decompression: a case report", (
        "A 66-year-old woman presented with leg pain due to lumbar canal stenosis at L3-4. Decompression at L3-4 "
        f"was performed. {after}"))
    (patient,) = mine(tmp_path, text)["patients"]
    assert patient["treatments"] == ["decompression"]

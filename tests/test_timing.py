"""Timing of a complication after a procedure: immediate (day 0) or delayed by N days."""

import pytest
import spacy

from leakmine.components.timing import load_timing_rules, match_timings
from leakmine.components.timing.normalize import delay_days, onset_value

RULES = load_timing_rules()


def timings(text: str) -> list[tuple[str, float | None]]:
    return [(value, attrs["days"]) for _, value, attrs in match_timings(text, RULES)]


@pytest.mark.parametrize("text, expected", [
    ("Immediately after surgery, she felt thigh pain.", ("immediate", 0)),
    ("immediately after the procedure her legs were weak", ("immediate", 0)),
    ("immediately following vertebroplasty", ("immediate", 0)),
    ("Just subsequent to surgery, she developed dyspnea", ("immediate", 0)),
    ("right after the operation he could not move his toes", ("immediate", 0)),
    ("Soon after the cement injection the pain began.", ("immediate", 0)),
    ("shortly after PKP, numbness appeared", ("immediate", 0)),
    ("paraparesis was noted immediately postoperatively", ("immediate", 0)),
    ("right leg weakness immediately post operation", ("immediate", 0)),
    ("in the immediate postoperative period", ("immediate", 0)),
    ("In the immediate postoperative setting, she had thigh pain.", ("immediate", 0)),
    ("On awakening from anesthesia, the patient had paraplegia.", ("immediate", 0)),
    ("upon waking from general anaesthesia", ("immediate", 0)),
    ("when she woke up from anesthesia", ("immediate", 0)),
    ("The patient developed immediate paraparesis.", ("immediate", 0)),
    ("After the injection, paraplegia developed immediately.", ("immediate", 0)),
    ("the numbness appeared almost instantly", ("immediate", 0)),
    ("Within minutes following the injection, both legs were weak.", ("immediate", 0)),
    ("within a few minutes of the cement injection", ("immediate", 0)),
    ("the immediate onset of radicular pain", ("immediate", 0)),
    ("on the same day the weakness began", ("immediate", 0)),
    ("Three days later, the weakness worsened.", ("delayed", 3)),
    ("3 days after surgery he noted weakness", ("delayed", 3)),
    ("3 days after PVP", ("delayed", 3)),
    ("2 days postoperatively", ("delayed", 2)),
    ("on postoperative day 3", ("delayed", 3)),
    ("On postoperative day (POD) 4, she had leg pain.", ("delayed", 4)),
    ("POD 4 she reported pain", ("delayed", 4)),
    ("on POD#2", ("delayed", 2)),
    ("on the third postoperative day", ("delayed", 3)),
    ("on the 2nd day after surgery", ("delayed", 2)),
    ("During the 5th week after the operation she reported leg pain", ("delayed", 35)),
    ("during the third postoperative week", ("delayed", 21)),
    ("in the second month after the operation", ("delayed", 60)),
    ("In the first week following the procedure, she had pain", ("delayed", 7)),
    ("at the sixth postoperative week", ("delayed", 42)),
    ("on day 5", ("delayed", 5)),
    ("The next day she could not stand.", ("delayed", 1)),
    ("the following morning", ("delayed", 1)),
    ("the day after surgery", ("delayed", 1)),
    ("a day after the operation", ("delayed", 1)),
    ("one day after kyphoplasty", ("delayed", 1)),
    ("1 week after the procedure", ("delayed", 7)),
    ("two weeks later", ("delayed", 14)),
    ("one month after PVP", ("delayed", 30)),
    ("within 24 hours", ("delayed", 1)),
    ("48 hours after vertebroplasty", ("delayed", 2)),
    ("6 h after the procedure", ("delayed", 0.25)),
    ("Two years after her last surgery she returned.", ("delayed", 730)),
    ("an hour later", ("delayed", round(1 / 24, 4))),
    ("after 3 days, the pain spread", ("delayed", 3)),
    ("several days later", ("delayed", None)),
    ("Weeks later, she fell.", ("delayed", None)),
    ("2-3 days after surgery", ("delayed", None)),
    ("Weakness was observed after the procedure.", ("immediate", 0)),
    ("During cement injection, she felt sharp leg pain.", ("immediate", 0)),
    ("Two new motor deficits that occurred during surgery were reversed.", ("immediate", 0)),
    ("A loss of motor potentials was noted intraoperatively.", ("immediate", 0)),
    ("Three intra-operative motor deficits were reversed.", ("immediate", 0)),
    ("She had an intra-operative motor deficit.", ("immediate", 0)),
    ("12 hours postoperatively", ("delayed", 0.5)),
    ("13 months (range 8-17 months) after vertebroplasty", ("delayed", None)),
    ("2 weeks (IQR 1-3) after PVP", ("delayed", None)),
    ("3 days (72 h) after surgery", ("delayed", 3)),
])
def test_timing_phrases(text, expected):
    assert timings(text) == [expected]


@pytest.mark.parametrize("text", [
    "Postoperatively, the pain subsided.",
    "postoperative day",
    "She had been bedridden for 3 days after surgery.",
    "pain lasting 2 weeks",
    "a fall 7 years ago",
    "for 7 years",
    "28 months",
    "after 3 months of follow-up",
    "The patient experienced immediate relief after decompression.",
    "immediate surgical decompression was performed",
    "the following days",
    "in the following weeks",
    "and after that",
    "The pain improved after the procedure.",
    "No deficit was observed after the operation.",
    "weakness may occur after surgery",
    "the average time to weakness after surgery",
    "during the first 3 days after surgery",
    "over the next 2 weeks",
    "at the age of 70",
    "3 continuous days",
    "the dayafter",
    "T12 was fractured",
    "after the surgery, cement was removed",
    "a 52-year-old woman",
    "3-D reconstruction",
    "grade 3 weakness",
    "a period of days",
    "an L2-L3 level",
    "ten levels",
    "during the surgery the dura was opened",
    "strength was grade 3 on the right after decompression",
    "the pain improved immediately",
    "decompression was started immediately",
    "the cement set within minutes",
    "grade 4 on the left and right after surgery",
    "in the 6th week of pregnancy",
    "during the second month of life",
    "leg numbness at the 3rd month follow-up",
    "in the first weeks after surgery",
    "in the postoperative setting",
])
def test_not_a_timing(text):
    assert timings(text) == []


@pytest.mark.parametrize("text", [
    "Delayed paraplegia after percutaneous vertebroplasty",
    "a case of delayed-onset paraparesis",
    "Late onset of neurological deficit after kyphoplasty",
    "delayed neurological deficit from a misplaced screw",
    "Three cases of delayed postoperative epidural hematoma were found in our series",
    "delayed onset cauda equina syndrome",
    "Delayed Spinal Cord Compression after Vertebroplasty",
    "late radiculopathy from cement migration",
    "delayed foot drop after lumbar fusion",
    "a delayed complete paraplegia",
    "delayed progressive myelopathy",
    "Delayed Bilateral C5 Palsy after Laminoplasty",
    "two cases of delayed unilateral C5 nerve palsy",
    "a delayed postoperative C5 palsy",
    "a delayed right C5 palsy",
    "a delayed motor paresis",
    "both patients presented with the palsy in a delayed fashion",
    "weakness appeared in a late manner",
    "she had delayed neurologic compromise from the leak",
    "a late neurological deterioration after fusion",
])
def test_delayed_deficit_without_days(text):
    assert timings(text) == [("delayed", None)]


@pytest.mark.parametrize("text", [
    "the surgery was delayed by two days",
    "developed a delayed lumbar compression fracture and leg weakness",
    "delayed union of the fracture",
    "late complications were not seen",
    "a delayed diagnosis",
    "delayed imaging showed cement in the canal",
    "a delayed C5 nerve root decompression",
    "a delayed C5 root block",
    "One morning she woke up with severe back pain.",
    "He woke up at night with numbness of the hands.",
    "She woke up with numbness in both legs two weeks before admission.",
    "Minor paravertebral leakage was observed during the procedure.",
    "No complications occurred during surgery.",
    "a delayed neurological examination",
    "late neurological outcomes were good",
])
def test_not_a_delayed_deficit(text):
    assert timings(text) == []


@pytest.mark.parametrize("text, expected", [
    ("When he woke up, his legs were numb.", ("immediate", 0)),
    ("When she awoke she could not lift her feet.", ("immediate", 0)),
    ("Once the patient woke up, paraplegia was evident.", ("immediate", 0)),
    ("On awakening, he reported burning leg pain.", ("immediate", 0)),
    ("upon awakening she noticed numbness", ("immediate", 0)),
    ("When she woke up (from anaesthesia), both legs were weak.", ("immediate", 0)),
    ("as soon as he regained consciousness, he felt leg pain", ("immediate", 0)),
    ("after emerging from general anesthesia", ("immediate", 0)),
    ("When she woke up from the anaesthetic, she had profound weakness.", ("immediate", 0)),
    ("When she woke after surgery, her legs were weak.", ("immediate", 0)),
    ("he awoke from surgery with paraplegia", ("immediate", 0)),
    ("Two patients woke up from surgery with a new motor deficit.", ("immediate", 0)),
    ("After the procedure, he awoke with paraparesis.", ("immediate", 0)),
    ("Following surgery the patient awoke with weakness of both legs.", ("immediate", 0)),
    ("when he woke up from the operation he had paraplegia", ("immediate", 0)),
    ("Upon recovery from anaesthesia the patient was paraplegic.", ("immediate", 0)),
    ("In the recovery room, she complained of radicular pain.", ("immediate", 0)),
    ("in the post-anesthesia care unit he could not move his toes", ("immediate", 0)),
    ("in the PACU, weakness was noticed", ("immediate", 0)),
    ("At the end of the procedure, he could not move his feet.", ("immediate", 0)),
    ("at the conclusion of the operation the patient complained of pain", ("immediate", 0)),
    ("Towards the end of the surgery the motor evoked potentials dropped.", ("immediate", 0)),
    ("On the evening of surgery she developed numbness.", ("immediate", 0)),
    ("in the afternoon after the procedure", ("immediate", 0)),
    ("Later that day he developed weakness.", ("immediate", 0)),
    ("On the morning after the procedure she noticed numbness.", ("delayed", 1)),
    ("the morning following surgery", ("delayed", 1)),
    ("When she woke up the next morning, her legs were numb.", ("delayed", 1)),
    ("On the second postoperative day", ("delayed", 2)),
    ("on the first day after the operation", ("delayed", 1)),
    ("POD2 he reported weakness", ("delayed", 2)),
    ("36 hours later", ("delayed", 1.5)),
    ("36 hours after the procedure", ("delayed", 1.5)),
    # minutes after the operation are its end; an hour or more is a delay
    ("About 20 to 30 minutes post-procedure, she felt her legs go weak.", ("immediate", None)),
    ("15 min after the injection he could not move his legs.", ("immediate", 0)),
    ("90 minutes after surgery the weakness began.", ("delayed", 0.0625)),
])
def test_timing_around_waking_and_the_operating_day(text, expected):
    assert timings(text) == [expected]


@pytest.mark.parametrize("text", [
    "She woke up with severe back pain.",
    "he woke up at night because of pain",
    "After waking up she had back pain.",
    "After the operation, he woke up with back pain.",
    "Intraoperative neuromonitoring showed no deficit.",
    "Intraoperative blood loss was 300 ml.",
    "At the end of follow-up, she walked unaided.",
    "at the end of the study period",
    "the recovery of strength was slow",
    "the evening meal",
    "after recovery of motor function",
])
def test_not_an_operating_day_timing(text):
    assert timings(text) == []


@pytest.mark.parametrize("text, attrs", [
    ("3 days after an L4/5 PLIF", {"anchor": "after", "reference": "an L4/5 PLIF", "number": 3, "unit": "day"}),
    ("2 years after their last surgery", {"reference": "their last surgery", "days": 730.0}),
    ("on average 2.4 days after surgery", {"aggregate": True}),
    ("at follow-up, 18 months after the operation", {"follow_up": True, "days": 540.0}),
    ("within 2 days of surgery", {"within": True, "days": 2.0}),
    ("1–9 days after surgery", {"days_min": 1.0, "days_max": 9.0, "days": None}),
    ("paraplegia was noted after the procedure", {"implicit": True}),
])
def test_timing_attrs(text, attrs):
    (_, _, found), = match_timings(text, RULES)
    assert attrs.items() <= found.items()


@pytest.mark.parametrize("groups, fixed, expected", [
    ({"num": "3", "unit": "days"}, None, 3.0), ({"num": "two", "unit": "weeks"}, None, 14.0),
    ({"num": "a", "unit": "month"}, None, 30.0), ({"ordinal": "fifth"}, None, 5.0), ({}, 1, 1.0),
    ({"num": "2", "num2": "3", "unit": "days"}, None, None), ({}, None, None),
])
def test_delay_days(groups, fixed, expected):
    assert delay_days(groups, fixed) == expected


@pytest.mark.parametrize("days, expected", [(0.0, "immediate"), (0.01, "immediate"), (1 / 24, "delayed"), (1.0, "delayed"),
                                             (None, "delayed")])
def test_onset_value(days, expected):
    assert onset_value(days) == expected


def test_pipeline_writes_timing_spans():
    nlp = spacy.blank("en")
    nlp.add_pipe("leakmine_timing")
    text = "Immediately after PVP she felt pain. She was kept in bed for 2 days after surgery. POD 5 was uneventful."
    doc = nlp(text)
    spans = list(doc.spans["leakmine_timing"])
    assert [(s.text, s._.lm_value, s._.lm_attrs["days"]) for s in spans] == [
        ("Immediately after", "immediate", 0.0), ("POD 5", "delayed", 5.0)]
    assert all(text[s.start_char:s.end_char] == s.text and s.label_ == "TIMING" for s in spans)

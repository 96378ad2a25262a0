"""Follow-up durations as "N unit", with advice and criteria left out and group means flagged."""

import pytest
import spacy

from leakmine.components.follow_up import match_follow_ups
from leakmine.components.follow_up.normalize import follow_up_value
from leakmine.nlp.numbers import load_number_rules

RULES = load_number_rules("leakmine.components.follow_up", frozenset({"FOLLOW_UP"}))


def follow_ups(text: str) -> list[str]:
    return [value for _, value, _ in match_follow_ups(text, RULES)]


@pytest.mark.parametrize("text, expected", [
    ("At the last follow-up, 28 months after surgery, she walked unaided.", "28 months"),
    ("at the final follow-up visit, 16 months after the operation", "16 months"),
    ("At 2-year follow-up, he was pain free.", "2 years"),
    ("at the 2-year follow-up", "2 years"),
    ("full recovery at the one-month follow-up", "1 month"),
    ("at follow up appointment two months later, she was well", "2 months"),
    ("at one month follow-up", "1 month"),
    ("At follow-up 2 years after the leak, she still limped.", "2 years"),
    ("She was followed up for 6 months.", "6 months"),
    ("he was followed for 18 months", "18 months"),
    ("was followed-up for three years", "3 years"),
    ("After 3 months of follow-up, strength was normal.", "3 months"),
    ("a follow-up period of 12 months", "12 months"),
    ("The follow-up period was 9 months.", "9 months"),
    ("at the 6-week follow-up visit", "6 weeks"),
    ("at the six-week follow-up", "6 weeks"),
    ("at her 1-year follow-up examination", "1 year"),
    ("after a 5-year follow-up", "5 years"),
    ("Follow-up MRI at 4 months showed no recurrence.", "4 months"),
    ("at follow up 10 days later", "10 days"),
    ("At followup (14 months) she was independent.", "14 months"),
    ("the follow-up lasted 30 months", "30 months"),
    ("follow-up: 24 months", "24 months"),
    ("a 3-mo follow-up", "3 months"),
    ("at 12-month clinical follow-up", "12 months"),
    ("at follow-up of about 2 years", "2 years"),
    ("was followed up for more than 1 year", "1 year"),
    ("with a follow‐up of 7 weeks", "7 weeks"),
    ("The mean follow-up was 24 months.", "24 months"),
    ("after a mean follow-up of 31 months (range 12-60)", "31 months"),
    ("a follow-up of 1.5 years", "1.5 years"),
    ("at 6 months’ follow-up", "6 months"),
    ("Eighteen months after surgery, at the last follow-up, he was well.", "18 months"),
])
def test_follow_up_durations(text, expected):
    assert follow_ups(text) == [expected]


@pytest.mark.parametrize("text", [
    "routine follow-ups should be performed for at least 1 year",
    "Follow-up is recommended for 2 years after PVP.",
    "patients must be followed for 6 months",
    "Patients with at least 2 years of follow-up were included.",
    "a minimum follow-up of 12 months was required",
    "we suggest follow-up for 1 year",
    "She was lost to follow-up.",
    "Follow-up imaging showed no leakage.",
    "follow-up after surgery",
    "at the last follow-up",
    "3 months later she recovered",
    "28 months",
    "followed by rehabilitation for 2 weeks",
    "a 2-year history of pain",
    "follow-up 6 hours after surgery",
    "followed up at our clinic",
    "the follow-up schedule",
    "a follow-up CT scan",
    "L2 follow-up",
    "routine follow-up visits need to continue for 1 year",
    "follow-ups are advised for a year",
    "a follow-up of no less than 6 months",
    "in follow-up, T12 was stable",
    "follow-up of 0 months",
    "the 30 patients were followed",
    "2 years of age",
    "follow-up is warranted for 2 years",
    "a year-long rehabilitation",
    "over 6 months",
    "Follow-ups were scheduled.",
])
def test_not_a_reported_follow_up(text):
    assert follow_ups(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Fifteen months after surgery, she had recovered from her weakness.", "15 months"),
    ("Two months post op, he had nearly full recovery.", "2 months"),
    ("Seven months postoperatively, she could walk with a frame.", "7 months"),
    ("Two years after the operation she walked without a cane.", "2 years"),
    ("18 months after the operation, her strength was 5/5.", "18 months"),
    ("Six months after decompression, motor power had returned.", "6 months"),
    ("Three years after surgery, there was no residual weakness.", "3 years"),
    ("Nine months postoperatively, neurological function was normal.", "9 months"),
    ("One year after vertebroplasty, she remained pain free.", "1 year"),
    ("Four months after discharge, he was able to walk.", "4 months"),
    # the patient last seen well, the time told after it
    ("The patient showed none of the earlier complaints 2 years later.", "2 years"),
    ("The patient is free of pain after 5 months without any medication.", "5 months"),
    ("She made a full motor recovery, with bowel function restored by 4 months postoperatively.",
     "4 months"),
    ("She was completely recovered six weeks later.", "6 weeks"),
    ("She regained independent ambulation eighteen months after surgical decompression.", "18 months"),
    ("She was symptom-free 18 months after the operation.", "18 months"),
])
def test_status_at_a_time_after_surgery(text, expected):
    assert follow_ups(text) == [expected]


@pytest.mark.parametrize("text", [
    "Three months after surgery, she developed weakness of the left leg.",
    "Two years later, he presented with new back pain.",
    "Six months after vertebroplasty, the patient was admitted with paraparesis.",
    "One year after surgery, he fell and sustained a fracture.",
    "Two days after surgery, she could not move her legs.",
    "Four weeks postoperatively, he was discharged.",
    "He recovered fully within 2 days.",
    "She was asymptomatic 3 months after the injury, when the weakness began.",
    "The pain had resolved after 2 days of bed rest.",
    "Full recovery of motor function is expected after 6 months of rehabilitation.",
    "The patient was free of pain after the procedure, but 10 days later she complained of radicular pain.",
    "Vertebral height was restored and 2 weeks later she developed leg weakness.",
    "Spontaneous circulation was restored, and 2 days later she was extubated.",
    "Full recovery can be expected after 6 months in such cases.",
    "She had recovered completely from a previous T12 fracture, but 2 years later she sustained a new fracture.",
    "She was asymptomatic for the first 2 days, and 5 days later she complained of leg pain.",
    "He regained full strength two weeks after surgery, but 3 months later he developed new weakness.",
    "She was asymptomatic two days after the operation and then developed paraplegia.",
])
def test_a_new_event_is_no_follow_up(text):
    assert follow_ups(text) == []


@pytest.mark.parametrize("text, expected", [
    ("She was well at the 1-year review.", "1 year"),
    ("at his 6-week clinic visit the wound had healed", "6 weeks"),
    ("at the 3-month check-up he walked with a stick", "3 months"),
    ("at her two-year outpatient review", "2 years"),
    ("At 24 months he still walked with a cane.", "24 months"),
    ("At 24 months he still required a cane.", "24 months"),
    ("At 6 months, she was able to climb stairs.", "6 months"),
    ("At 6 months after surgery, the numbness had resolved.", "6 months"),
    ("At three months postoperatively there was no deficit.", "3 months"),
    ("At the latest review 9 months later, she walked unaided.", "9 months"),
    ("at the last visit, 14 months after the operation, he was pain free", "14 months"),
    ("At the final examination (2 years after surgery) strength was normal.", "2 years"),
    ("18 months after surgery she walks unaided.", "18 months"),
    ("Eighteen months after the operation, he was walking without aids.", "18 months"),
    ("Two years after decompression the patient remains independent.", "2 years"),
    ("At final follow-up (3 years), he was pain free.", "3 years"),
])
def test_follow_up_at_a_review_or_time_point(text, expected):
    assert follow_ups(text) == [expected]


@pytest.mark.parametrize("text", [
    "He had been treated with teriparatide for 24 months.",
    "The back pain began 24 months ago.",
    "Symptoms resolved within 6 months.",
    "At 70 years of age, she underwent vertebroplasty.",
    "Two years after surgery she presented with new leg pain.",
    "at the age of 2 years",
    "patients should be reviewed at 6 months",
    "at the last review he was walking",
    "at 3 months of age",
    "at the first visit, 2 years ago, she had pain",
    "At 2 weeks, she could walk with a frame.",
    "At 10 days after surgery the wound was dry.",
    "Three weeks after surgery she walks unaided.",
])
def test_durations_that_are_not_follow_up(text):
    assert follow_ups(text) == []


@pytest.mark.parametrize("text, aggregate", [
    ("The mean follow-up was 24 months.", True),
    ("median follow-up of 18 months", True),
    ("an average follow-up period of 26 months", True),
    ("At 2-year follow-up, she was well.", False),
])
def test_aggregate_flag(text, aggregate):
    (_, _, attrs), = match_follow_ups(text, RULES)
    assert attrs.get("aggregate", False) is aggregate


@pytest.mark.parametrize("number, unit, expected", [
    ("one", "month", ("1 month", 1, "month")), ("28", "months", ("28 months", 28, "month")),
    ("2", "yrs", ("2 years", 2, "year")), ("1", "years", ("1 year", 1, "year")),
    ("six", "wks", ("6 weeks", 6, "week")), ("1.5", "years", ("1.5 years", 1.5, "year")),
    ("24", "hours", None), ("0", "months", None), ("some", "months", None),
])
def test_follow_up_value(number, unit, expected):
    assert follow_up_value(number, unit) == expected


def test_pipeline_writes_follow_up_spans():
    nlp = spacy.blank("en")
    nlp.add_pipe("leakmine_follow_up")
    text = "At the 3-month follow-up she walked. Follow-up should last at least 1 year."
    doc = nlp(text)
    spans = list(doc.spans["leakmine_follow_up"])
    assert [(s.text, s._.lm_value, s._.lm_attrs) for s in spans] == [
        ("3-month follow-up", "3 months", {"number": 3, "unit": "month"})]
    assert text[spans[0].start_char:spans[0].end_char] == spans[0].text

"""Ages of individual patients: phrasings that must give an age, and ones that must not."""

import pytest
import spacy

from leakmine.components.age import match_ages
from leakmine.components.age.normalize import age_value, decade_range
from leakmine.nlp.numbers import load_number_rules, parse_number, parse_ordinal

RULES = load_number_rules("leakmine.components.age", frozenset({"AGE"}))


def ages(text: str) -> list[str]:
    return [value for _, value, _ in match_ages(text, RULES)]


@pytest.mark.parametrize("text, expected", [
    ("A 52-year-old woman was admitted with back pain.", "52"),
    ("a 52 year old woman", "52"),
    ("a 52-yr-old man", "52"),
    ("a 52 yr. old man", "52"),
    ("The patient, 64 years old, reported leg pain.", "64"),
    ("a woman aged 70 presented", "70"),
    ("A man, age 70, was referred.", "70"),
    ("Age: 58; sex: female", "58"),
    ("he was 70 years of age", "70"),
    ("a 70-year-old woman with osteoporosis", "70"),
    ("a seventy-year-old retired teacher", "70"),
    ("a sixty-two-year-old farmer", "62"),
    ("a Sixty two year old patient", "62"),
    ("an eighty-one-year-old lady", "81"),
    ("A nineteen-year-old student", "19"),
    ("patients aged 65 years were screened", "65"),
    ("a 70 y/o female", "70"),
    ("a 70yo man", "70"),
    ("a 66 y.o. gentleman", "66"),
    ("The first patient (70 y, female) underwent PVP.", "70"),
    ("Case 2 (81 yrs) had two levels treated.", "81"),
    ("At the age of 74, she sustained a fall.", "74"),
    ("at the age of seventy-three years", "73"),
    ("an 87‑year‑old woman", "87"),
    ("a 45–year–old man", "45"),
    ("a woman in her 60s", "60-69"),
    ("a woman in her sixties", "60-69"),
    ("a man in his 70's", "70-79"),
    ("a man in his early fifties", "50-53"),
    ("a woman in her mid-seventies", "74-76"),
    ("a woman in her late 80s", "87-89"),
    ("an octogenarian with a T12 fracture", "80-89"),
    ("a septuagenarian man", "70-79"),
    ("a woman aged seventy-two years", "72"),
    ("At age 35, she had a first fracture.", "35"),
    ("A 46/M patient described numbness in both feet.", "46"),
    ("a 61/F with an L1 fracture", "61"),
    ("a 70 y/F patient", "70"),
    ("a 58 / male patient", "58"),
])
def test_individual_ages(text, expected):
    assert ages(text) == [expected]


@pytest.mark.parametrize("text", [
    "Two years later the pain returned.",
    "She had back pain for 7 years.",
    "At the last visit, 28 months had passed.",
    "patients older than 65 years were excluded",
    "patients aged 18-80 years were eligible",
    "patients aged 18 to 80 years",
    "aged between 18 and 80 years",
    "the mean age was 58.4 years",
    "mean age 58.4 ± 11.2",
    "an average age of 66 years",
    "median age 71 years",
    "older adults (≥ 65 years of age)",
    "patients ≥ 60 years of age",
    "Adult patients (⩾18 years old)",
    "children (⩽12 years old)",
    "patients > 70 years old",
    "adults over 65 years of age",
    "aged 65 years or older",
    "aged 65 and older",
    "aged 70+ were included",
    "aged 3 months",
    "a 3-month-old infant",
    "a history of pain (2 y) before admission was followed for (3 y)",
    "the 1990s saw more vertebroplasty",
    "in the 60s series",
    "the stage 3 disease",
    "page 70 of the report",
    "18-80 years old",
    "younger than 40 years of age",
    "at least 50 years old",
    "a 200-year-old building",
    "aged 58.4 years on average",
    "the L4/5 level",
    "the ratio of cases was 2/m",
])
def test_not_an_individual_age(text):
    assert ages(text) == []


@pytest.mark.parametrize("word, expected", [
    ("52", 52), ("seventy", 70), ("sixty-two", 62), ("Sixty two", 62), ("nineteen", 19), ("0", None),
    ("130", None), ("58.4", None), ("twelve", 12),
])
def test_age_value(word, expected):
    assert age_value(word) == expected


@pytest.mark.parametrize("word, expected", [
    ("Thirty", 30), ("twenty-seven", 27), ("58.4", 58.4), ("3,150", 3150), ("a", 1), ("an", 1),
    ("ninety nine", 99), ("seventeen", 17), ("forty", 40), ("fourty", 40), ("banana", None),
    ("twenty-twelve", None),
])
def test_parse_number(word, expected):
    assert parse_number(word) == expected


@pytest.mark.parametrize("word, expected", [
    ("third", 3), ("3rd", 3), ("seventh", 7), ("21st", 21), ("twelfth", 12), ("tenth", 10), ("day", None),
])
def test_parse_ordinal(word, expected):
    assert parse_ordinal(word) == expected


@pytest.mark.parametrize("decade, part, expected", [
    ("60s", None, (60, 69)), ("sixties", None, (60, 69)), ("70's", None, (70, 79)),
    ("fifties", "early", (50, 53)), ("80s", "late", (87, 89)), ("octo", None, (80, 89)), ("1990s", None, None),
])
def test_decade_range(decade, part, expected):
    assert decade_range(decade, part) == expected


@pytest.mark.parametrize("text, at_event", [
    ("She was first treated at the age of 61 years.", True),
    ("since the age of 40 she had back pain", True),
    ("a 61-year-old woman", False),
    ("a woman aged 61", False),
])
def test_age_at_an_event_is_marked(text, at_event):
    (_, _, attrs), = match_ages(text, RULES)
    assert attrs.get("at_event", False) is at_event


@pytest.mark.parametrize("text, year_old, aged", [
    ("a 61-year-old woman", True, False),
    ("a 61 year old woman", True, False),
    ("a seventy-year-old man", True, False),
    ("a 64\u2013year\u2013old man", True, False),  # en dashes
    ("a 64\u2010year\u2010old man", True, False),
    ("a 70 y/o man", True, False),
    ("a 70 y/o woman", True, False),
    ("a woman aged 61", False, True),
    ("a woman aged 61 years old", True, True),
    ("a man, age 70,", False, False),
    ("a man 70 years of age", False, False),
    ("at the age of 61 years", False, False),
])
def test_how_an_age_is_written(text, year_old, aged):
    (_, _, attrs), = match_ages(text, RULES)
    assert (attrs["year_old"], attrs["aged"]) == (year_old, aged)


def test_pipeline_writes_age_spans_with_offsets():
    nlp = spacy.blank("en")
    nlp.add_pipe("leakmine_age")
    text = "A 67-year-old woman was treated. Patients older than 65 years were eligible. Her sister, in her 50s, came."
    doc = nlp(text)
    spans = list(doc.spans["leakmine_age"])
    assert [(s.label_, s._.lm_value) for s in spans] == [("AGE", "67"), ("AGE", "50-59")]
    assert spans[0]._.lm_attrs == {"age": 67, "year_old": True, "aged": False}
    assert spans[1]._.lm_attrs == {"age_min": 50, "age_max": 59}
    for s in spans:
        assert text[s.start_char:s.end_char] == s.text
        assert s._.lm_rule.startswith("age.")


@pytest.mark.parametrize("text, expected", [
    ("We report two women aged 71 and 78 years.", ["71", "78"]),
    ("two men, aged 58, 66 and 74 years, respectively", ["58", "66", "74"]),
    ("the 62- and 75-year-old women", ["62", "75"]),
    ("a man and a woman aged 58 and 66 years, respectively", ["58", "66"]),
    ("Both patients, aged 69 and 73 years, recovered.", ["69", "73"]),
    ("a 65-year female with back pain", ["65"]),
    ("a 70 year male", ["70"]),
    ("an 81-year woman", ["81"]),
    ("aged 45 and 60 years", ["45", "60"]),
    ("three women aged 60, 68, and 81 years", ["60", "68", "81"]),
])
def test_ages_of_patients_introduced_together_and_short_forms(text, expected):
    assert ages(text) == expected


@pytest.mark.parametrize("text", [
    "the 5-year patient survival",
    "a 2-year follow-up of 30 men",
    "between 60 and 80 years",
    "patients older than 65 and 70 years were compared",
    "a 10-year period",
])
def test_not_an_age_of_patients_introduced_together(text):
    assert ages(text) == []

"""The patient's sex from nouns and pronouns, and the cues that are not the patient's."""

import pytest
import spacy

from leakmine.components.sex import match_sex
from leakmine.components.sex.normalize import load_sex_vocabulary, nearest_person
from leakmine.nlp.rules import load_rules

RULES = load_rules("leakmine.components.sex")
VOCAB = load_sex_vocabulary()


def cues(text: str) -> list[tuple[str, str, str]]:
    return [(value, attrs["cue"], attrs["kind"]) for _, value, attrs in match_sex(text, RULES, VOCAB)]


@pytest.mark.parametrize("text, expected", [
    ("A 61-year-old woman fell at home.", [("F", "woman", "noun")]),
    ("An elderly lady was referred.", [("F", "lady", "noun")]),
    ("A 15-year-old girl with scoliosis", [("F", "girl", "noun")]),
    ("A 70-year-old female presented.", [("F", "female", "noun")]),
    ("a female patient with myeloma", [("F", "female", "noun")]),
    ("A 58-year-old man underwent PKP.", [("M", "man", "noun")]),
    ("An 80-year-old gentleman", [("M", "gentleman", "noun")]),
    ("a 12-year-old boy", [("M", "boy", "noun")]),
    ("A male patient aged 60", [("M", "male", "noun")]),
    ("an 83-year-old Male", [("M", "male", "noun")]),
    ("She reported numbness.", [("F", "she", "pronoun")]),
    ("Her symptoms improved.", [("F", "her", "pronoun")]),
    ("The pain was hers alone.", [("F", "hers", "pronoun")]),
    ("He could not walk.", [("M", "he", "pronoun")]),
    ("His strength returned.", [("M", "his", "pronoun")]),
    ("We examined him again.", [("M", "him", "pronoun")]),
    ("the patient fed himself", [("M", "himself", "pronoun")]),
    ("The patient said that she felt better.", [("F", "she", "pronoun")]),
    ("Her husband brought her in.", [("F", "her", "pronoun")]),
    ("His wife noticed the weakness.", [("M", "his", "pronoun")]),
    ("The patient and her son agreed.", [("F", "her", "pronoun")]),
    ("a woman whose right leg was weak; she was admitted", [("F", "woman", "noun"), ("F", "she", "pronoun")]),
    ("The patient's wife was present. He was discharged.", [("M", "he", "pronoun")]),
    ("The surgeon left. She was then monitored.", [("F", "she", "pronoun")]),
    ("His wife said she had noticed the weakness.", [("M", "his", "pronoun")]),
    ("Her husband said he would stay.", [("F", "her", "pronoun")]),
    ("A 46/M patient described numbness in both feet.", [("M", "/m", "noun")]),
    ("a 61/F with an L1 fracture", [("F", "/f", "noun")]),
])
def test_sex_cues(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize("text", [
    "The surgeon said he would operate again.",
    "Our radiologist reported that he saw leakage.",
    "Smith et al. described how he removed the cement.",
    "He et al. reported 12 cases of leakage.",
    "The patient's daughter said she would help.",
    "The doctor examined her.",
    "There were 14 men and 23 women.",
    "14 male and 23 female patients",
    "Males/females 14/23",
    "the M/F ratio was 1/2",
    "male/female ratio",
    "the male-to-female ratio was 3:5",
    "female-to-male transition",
    "female hormones protect bone",
    "Female sex was a risk factor.",
    "male gender predominance",
    "both male and female patients",
    "female or male subjects",
    "eighteen female patients",
    "12 (40%) male",
    "each surgeon should verify that he or she has fluoroscopy",
    "the operator (s/he) injected cement",
    "his or her physician",
    "the human spine",
    "a manual test of the hernia",
    "HE staining of the specimen",
    "the womanly figure",
    "Man et al. described the technique.",
    "a female-predominant disease",
])
def test_not_the_patients_sex(text):
    assert cues(text) == []


@pytest.mark.parametrize("text, expected", [
    ("We report two women aged 71 and 78 years.", ("F", "two women")),
    ("Both men developed paraparesis.", ("M", "both men")),
    ("the two elderly women", ("F", "the two elderly women")),
    ("three consecutive males", ("M", "three consecutive males")),
    ("2 women with foraminal leakage", ("F", "2 women")),
    ("both of the women recovered", ("F", "both of the women")),
    ("the three men underwent surgery", ("M", "the three men")),
    ("four postmenopausal women aged 60 to 80", ("F", "four postmenopausal women")),
    ("two ladies", ("F", "two ladies")),
    ("two boys with scoliosis", ("M", "two boys")),
])
def test_patients_introduced_together(text, expected):
    assert (expected[0], expected[1].lower(), "group") in cues(text)


@pytest.mark.parametrize("text, n", [
    ("We report two elderly women.", 2), ("Both men developed paraparesis.", 2), ("the three men", 3),
    ("2 women with foraminal leakage", 2), ("the 62- and 75-year-old women", None),
])
def test_a_group_tells_how_many(text, n):
    found = [a for _, _, a in match_sex(text, RULES, VOCAB) if a["kind"] == "group"]
    assert [a["n"] for a in found] == [n]


@pytest.mark.parametrize("text", [
    "There were 14 men and 23 women.",
    "women are affected more often than men",
    "Men and women were equally represented.",
    "240 women and 96 men were included",
    "men and women aged 60 to 80 years",
])
def test_no_group_of_a_few_patients(text):
    assert not [c for c in cues(text) if c[2] == "group"]


@pytest.mark.parametrize("text, expected", [
    ("Mr. K., aged 74, developed radiculopathy.", "M"),
    ("Mrs. A.B. was admitted.", "F"),
    ("Ms T, a teacher, fell.", "F"),
    ("Mr A. underwent kyphoplasty.", "M"),
])
def test_patients_named_by_initials(text, expected):
    assert (expected, "noun") in [(v, k) for v, _, k in cues(text)]


@pytest.mark.parametrize("text", ["MRI showed the cord", "mr imaging", "the MS patient group"])
def test_no_honorific(text):
    assert cues(text) == []


@pytest.mark.parametrize("prefix, expected", [
    ("The surgeon noticed that ", "surgeon"), ("The patient's ", "patient"), ("Jones et al. said ", "et al"),
    ("No person at all ", None), ("His wife and the patient ", "patient"),
])
def test_nearest_person(prefix, expected):
    assert nearest_person(prefix, VOCAB) == expected


def test_pipeline_writes_sex_spans():
    nlp = spacy.blank("en")
    nlp.add_pipe("leakmine_sex")
    text = "A 66-year-old woman had PVP. The surgeon thought he saw leakage. Her pain was severe."
    doc = nlp(text)
    spans = list(doc.spans["leakmine_sex"])
    assert [(s.text, s._.lm_value, s._.lm_attrs["kind"]) for s in spans] == [
        ("woman", "F", "noun"), ("Her", "F", "pronoun")]
    assert all(text[s.start_char:s.end_char] == s.text and s.label_ == "SEX" for s in spans)

"""Patients described together, end to end: joint introductions, definite references, statements about
every case, and the literature cases that are never patients."""

from __future__ import annotations

import pytest

from story_helpers import case_report, mine

TITLE = "Cement leakage after vertebroplasty: report of two cases"


def summary(paper: dict) -> list[tuple]:
    return [(p["age"], p["sex"]) for p in paper["patients"]]


@pytest.mark.parametrize("introduction, expected", [
    ("We report two women aged 71 and 78 years who developed paraparesis after vertebroplasty.",
     [(71, "F"), (78, "F")]),
    ("Two men, aged 64 and 80 years, developed leg weakness after vertebroplasty.", [(64, "M"), (80, "M")]),
    ("A 58-year-old man and a 66-year-old woman developed leg weakness after vertebroplasty.",
     [(58, "M"), (66, "F")]),
    ("A man and a woman aged 58 and 66 years, respectively, developed leg weakness after vertebroplasty.",
     [(58, "M"), (66, "F")]),
    ("The 63- and 79-year-old women developed leg weakness after vertebroplasty.", [(63, "F"), (79, "F")]),
    ("Patient 1 (a 70-year-old man) and patient 2 (a 77-year-old woman) developed leg weakness after "
     "vertebroplasty.", [(70, "M"), (77, "F")]),
    ("Both patients, aged 69 and 73 years, developed leg weakness after vertebroplasty.",
     [(69, None), (73, None)]),
    ("Three women aged 60, 68 and 81 years developed leg weakness after vertebroplasty.",
     [(60, "F"), (68, "F"), (81, "F")]),
])
def test_patients_introduced_together(tmp_path, introduction, expected):
    paper = mine(tmp_path, case_report(TITLE, introduction + " Cement was found in the epidural space."))
    assert summary(paper) == expected
    assert all("weakness" in p["symptoms"] for p in paper["patients"])


def test_definite_references_name_each_patient(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "A 58-year-old man and a 66-year-old woman developed leg weakness after vertebroplasty. "
        "The man had cement in the foramen at L2, which was removed through a foraminotomy. "
        "The woman had epidural cement at T12 and was treated with steroids.")))
    man, woman = paper["patients"]
    assert man["leak_locations"] == ["foraminal"] and "decompression" in man["treatments"]
    assert woman["leak_locations"] == ["epidural"] and woman["treatments"] == ["steroids"]


@pytest.mark.parametrize("shared, field, value", [
    ("In both cases, cement was found in the intradural space.", "leak_locations", "intradural"),
    ("Both patients improved after surgery.", "outcome", "improved"),
    ("Both patients had numbness of the legs.", "symptoms", "numbness"),
    ("Each of the two patients recovered completely.", "outcome", "full recovery"),
    ("Both were followed for 2 years.", "follow_up", "2 years"),
    ("Laminectomy with cement removal was performed in both cases.", "treatments", "cement removal"),
    ("In both patients, laminectomy together with cement removal was performed.", "treatments", "cement removal"),
    ("The patients' neurological deficits improved without surgery.", "outcome", "improved"),
    ("Decreased perianal sensation was present in all cases.", "symptoms", "sensory loss"),
    # two values read from one phrase
    ("Both patients developed radicular pain a week later.", "symptoms", "radiculopathy"),
])
def test_what_is_said_of_both_cases_is_each_ones(tmp_path, shared, field, value):
    paper = mine(tmp_path, case_report(TITLE, (
        "Case 1 was a 70-year-old man who developed paraparesis after vertebroplasty of T12. "
        "Case 2 was a 77-year-old woman who developed paraparesis after vertebroplasty of L1. " + shared)))
    assert len(paper["patients"]) == 2
    for patient in paper["patients"]:
        got = patient[field]
        assert value in got if isinstance(got, list) else got == value


@pytest.mark.parametrize("told, field, values", [
    ("Both had 3/5 and 2/5 hip flexor weakness, respectively.", "muscle_grades", [["3"], ["2"]]),
    ("Leg weakness and numbness developed in patient one and patient two, respectively.", "symptoms",
     [["weakness"], ["numbness"]]),
    ("Leg weakness and numbness were the first complaint, respectively.", "symptoms", [["weakness"], ["numbness"]]),
    ("Cement had leaked into the foramen and the epidural space, respectively.", "leak_locations",
     [["foraminal"], ["epidural"]]),
    # the list "respectively" closes is the one nearest it
    ("Both had leg weakness and numbness 3 and 9 months later, respectively.", "symptoms",
     [["numbness", "weakness"], ["numbness", "weakness"]]),
    ("Both had leg weakness and numbness three and nine months later, respectively.", "symptoms",
     [["numbness", "weakness"], ["numbness", "weakness"]]),
    ("Both had leg weakness and numbness on the third and the ninth day, respectively.", "symptoms",
     [["numbness", "weakness"], ["numbness", "weakness"]]),
    # as many values of another kind between the list and "respectively"
    ("Leg weakness and numbness began after surgery at L2 and L4, respectively.", "symptoms",
     [["numbness", "weakness"], ["numbness", "weakness"]]),
])
def test_values_listed_respectively_are_each_cases_own(tmp_path, told, field, values):
    paper = mine(tmp_path, case_report(TITLE, "We report two patients with cement leakage after vertebroplasty. "
                                              + told))
    got = [sorted(p[field] if field != "muscle_grades" else [g["value"] for g in p[field]]) for p in paper["patients"]]
    assert got == values


def test_values_joined_by_a_slash_are_told_apart_in_a_sentence_about_both(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "Case 1 was a 70-year-old man. Case 2 was a 77-year-old woman. Both patients developed numbness/weakness "
        "after vertebroplasty.")))
    assert [p["symptoms"] for p in paper["patients"]] == [[], []]


def test_all_cases_counted_in_digits(tmp_path):
    paper = mine(tmp_path, case_report("Cement leakage after vertebroplasty: report of three cases", (
        "Case 1 was a 70-year-old man. Case 2 was a 77-year-old woman. Case 3 was a 64-year-old man. "
        "All 3 patients had numbness of the legs after vertebroplasty.")))
    assert [p["symptoms"] for p in paper["patients"]] == [["numbness"]] * 3


@pytest.mark.parametrize("not_shared", [
    "We report two patients with cement in the spinal canal.",
    "Cement leakage into the spinal canal is reported in up to 40% of patients.",
    "A previous series included 14 men and 23 women with cement in the spinal canal.",
])
def test_summaries_and_literature_give_no_leak_site_to_each(tmp_path, not_shared):
    paper = mine(tmp_path, case_report(TITLE, not_shared + (
        " Case 1 was a 70-year-old man with foraminal cement at L2 after vertebroplasty. "
        "Case 2 was a 77-year-old woman with epidural cement at T12 after vertebroplasty.")))
    assert [p["leak_locations"] for p in paper["patients"]] == [["foraminal"], ["epidural"]]


@pytest.mark.parametrize("word", ["Case", "Patient", "CASE", "PATIENT", "Observation"])
def test_numbered_case_headings_are_no_running_heads(tmp_path, word):
    cases = "\n\n".join(f"{word} {k}\nA {60 + k}-year-old woman developed leg weakness after vertebroplasty "
                        f"of L{k}." for k in range(1, 4))
    paper = mine(tmp_path, f"Cement leakage after vertebroplasty: three cases\n\nCase reports\n\n{cases}\n")
    assert summary(paper) == [(61, "F"), (62, "F"), (63, "F")]
    assert [p["treated_levels"] for p in paper["patients"]] == [["L1"], ["L2"], ["L3"]]


def test_a_patient_named_by_initials(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "Case 1 was a 70-year-old man with paraparesis after vertebroplasty of T12. "
        "Case 2: Mrs. K., aged 74, developed radiculopathy after vertebroplasty of L3.")))
    assert summary(paper) == [(70, "M"), (74, "F")]


# A series told only by its count: the patients are never told apart, so what is said of a patient is
# said of each (a count in the title alone needs the abstract to speak of all of them).
@pytest.mark.parametrize("title, story, n", [
    ("Epidural cement after kyphoplasty: a report of three cases",
     "All three women developed paraparesis after kyphoplasty, with cement in the epidural space.", 3),
    ("Epidural cement after vertebroplasty",
     "We report two cases of epidural cement leakage after vertebroplasty with paraparesis.", 2),
    ("Epidural cement after vertebroplasty",
     "Here, we present two elderly patients who developed paraparesis from epidural cement after "
     "vertebroplasty.", 2),
    ("Epidural cement after vertebroplasty",
     "We had 2 patients who developed paraparesis after vertebroplasty. Both had epidural cement.", 2),
    ("Epidural cement after vertebroplasty: two case reports",
     "Both patients developed paraparesis after vertebroplasty. CT showed cement in the epidural space in "
     "both.", 2),
    ("Two cases of epidural cement after vertebroplasty",
     "In both cases, paraparesis developed after vertebroplasty and cement was found in the epidural space.", 2),
    ("Epidural cement after vertebroplasty",
     "The authors describe four patients with paraparesis from epidural cement after vertebroplasty.", 4),
    ("Epidural cement after vertebroplasty",
     "Cement leakage is a known complication. Three cases of paraparesis from epidural cement after "
     "vertebroplasty are presented.", 3),
    ("Epidural cement after vertebroplasty: a series of five patients",
     "All patients developed paraparesis after vertebroplasty, with cement in the epidural space.", 5),
    ("Epidural cement after vertebroplasty",
     "We describe 2 consecutive cases of paraparesis. Cement was found in the epidural space after "
     "vertebroplasty.", 2),
    ("Epidural cement after vertebroplasty: report of three cases and review of the literature",
     "All three patients developed paraparesis after vertebroplasty, with cement in the epidural space.", 3),
    ("Paraparesis from epidural cement in two patients after vertebroplasty",
     "Both patients developed paraparesis after vertebroplasty, with cement in the epidural space.", 2),
    ("Epidural cement after vertebroplasty",
     "The authors reported two cases of paraparesis after vertebroplasty, with cement in the epidural space.", 2),
    ("Epidural cement after vertebroplasty",
     "Two older patients, who had received vertebroplasty of L1, presented with paraparesis from epidural cement. "
     "Both patients underwent laminectomy.", 2),
    # the purpose a structured abstract states
    ("Epidural cement after vertebroplasty",
     "Objective: To report three rare cases of paraparesis from epidural cement after vertebroplasty.\n"
     "Results: All three patients developed paraparesis after vertebroplasty, with cement in the epidural "
     "space.", 3),
    # the series' own statistics make no cohort of it
    ("Epidural cement after vertebroplasty: a review of four patients",
     "The four patients had a mean age of 68.3 years (range 59-77); there were two women and two men. "
     "All four patients developed paraparesis after vertebroplasty, with cement in the epidural space.", 4),
])
def test_a_series_known_only_by_its_count(tmp_path, title, story, n):
    paper = mine(tmp_path, case_report(title, story))
    assert paper["paper"]["study_type"] == "case series"
    assert len(paper["patients"]) == n and paper["cohorts"] == []
    for patient in paper["patients"]:
        assert patient["leak_locations"] == ["epidural"]
        assert patient["index_procedures"] and "weakness" in patient["symptoms"]


# The purpose of a structured abstract that introduces its cases by their count, or as patients who or
# with, tells of them; one that introduces none is background.
@pytest.mark.parametrize("objective, methods, symptoms", [
    ("Objective: To report four patients who underwent laminectomy of T8 and developed persistent "
     "neurologic deficits.", "The charts were reviewed.", ["neurological deficit"]),
    ("Purpose: To present 4 patients with thoracic stenosis who awoke with neurological deficits after "
     "laminectomy of T8.", "The charts were reviewed.", ["neurological deficit"]),
    ("Objective: To describe how often neurological deficits follow a laminectomy of T8.",
     "We report four patients who underwent laminectomy of T8.", []),
])
def test_what_an_abstracts_purpose_says_of_the_cases_it_introduces(tmp_path, objective, methods, symptoms):
    story = f"{objective}\nMethods: {methods}\nResults: Their ages ranged from 50 to 70 years."
    paper = mine(tmp_path, case_report("Spinal cord infarction after thoracic laminectomy", story))
    assert [p["symptoms"] for p in paper["patients"]] == [symptoms] * 4


@pytest.mark.parametrize("story, n", [
    ("Two cases of epidural cement after vertebroplasty have been reported. We report a 70-year-old woman "
     "with paraparesis after vertebroplasty.", 1),
    ("Only two cases were described by earlier authors. We present a case of paraparesis following "
     "vertebroplasty.", 1),
    ("We report two cases. Case 1 was a 70-year-old man with paraparesis. Case 2 was a 75-year-old woman "
     "with paraparesis. Case 3 was a 78-year-old woman with paraparesis.", 3),
    ("Of 212 patients treated with vertebroplasty, 14 had epidural cement and 2 patients with paraparesis "
     "needed surgery. The mean age was 71.2 years.", 0),
    ("We retrospectively reviewed 45 patients treated with vertebroplasty. Two patients with epidural cement "
     "developed paraparesis.", 0),
    ("We enrolled 102 patients treated with kyphoplasty. Three patients with leakage developed radicular pain.", 0),
    ("We performed a retrospective review of 8 patients treated with kyphoplasty. Cement leakage occurred in 3 of 8 "
     "patients. The mean age was 70 years.", 0),
    ("Six patients who had epidural cement after vertebroplasty were reviewed among 2,150 patients treated with "
     "vertebroplasty. Their mean age was 72.4 years.", 0),
    ("Methods: We reviewed our kyphoplasty database for cement leakage.\nResults: Leakage was seen in 28% of the "
     "treated levels. Four patients who had epidural cement presented with paraparesis.", 0),
    ("We report a 70-year-old woman with paraparesis after vertebroplasty. Epidural cement was found in two "
     "patients of an earlier series.", 1),
    ("We report a 70-year-old woman with paraparesis after vertebroplasty. Other authors reported three cases "
     "of epidural cement.", 1),
    ("Background: Only two cases of epidural cement have been reported to date.\nObjective: To report a "
     "70-year-old woman with paraparesis after vertebroplasty.", 1),
])
def test_a_count_that_is_not_the_papers_cases(tmp_path, story, n):
    paper = mine(tmp_path, case_report("Epidural cement after vertebroplasty", story))
    assert len(paper["patients"]) == n


@pytest.mark.parametrize("title, text", [
    ("Nerve root entrapment after discectomy: report of 4 cases",
     "Abstract\nAll four patients had leg pain after the dura was torn during lumbar discectomy.\n\n"
     "Case 1\nA 52-year-old woman underwent discectomy at L4-5. She developed leg pain a few days later."),
    ("Nerve root entrapment after discectomy",
     "Abstract\nWe report 4 cases of nerve root entrapment. Patients had leg pain after lumbar discectomy.\n\n"
     "Case Report\nCase 1\nA 52-year-old woman underwent discectomy at L4-5."),
])
def test_a_series_that_tells_fewer_cases_than_it_counts(tmp_path, title, text):
    paper = mine(tmp_path, f"{title}\n\n{text}\n")
    first, *rest = paper["patients"]
    assert (first["age"], first["sex"], first["treated_levels"]) == (52, "F", ["L4", "L5"])
    assert len(rest) == 3 and all((p["age"], p["treated_levels"]) == (None, []) for p in rest)
    assert all("pain" in p["symptoms"] and p["index_procedures"] == ["discectomy"] for p in paper["patients"])


@pytest.mark.parametrize("second", ["The second patient", "In the second case, the patient", "The other patient"])
def test_one_patient_then_the_second_tells_two_patients_apart(tmp_path, second):
    paper = mine(tmp_path, case_report("Cauda equina syndrome after lumbar surgery: two cases", (
        "We report two patients with cauda equina syndrome after lumbar surgery. One patient developed perineal "
        f"numbness after a laminectomy. {second} developed leg weakness after a discectomy and underwent "
        "urgent exploration.")))
    first, other = paper["patients"]
    assert first["index_procedures"] == ["laminectomy"] and set(first["symptoms"]) == {"cauda equina syndrome", "numbness"}
    assert other["index_procedures"] == ["discectomy"] and other["treatments"] == ["exploration"]


@pytest.mark.parametrize("title, summary, shared", [
    # the complication a series counts its cases by, or names them by in its title, is each case's
    ("Cauda equina syndrome after lumbar surgery: two cases", "We report two patients with cauda equina syndrome "
     "after lumbar surgery.", {"cauda equina syndrome"}),
    ("Leg weakness after lumbar surgery: two cases", "The authors describe two cases of L4 root injury from loose "
     "S1 screws.", {"radiculopathy", "weakness"}),
    ("Foot drop after lumbar fusion: illustrative cases", "Two cases are described.", {"foot drop", "weakness"}),
    # an unspecified deficit adds nothing each case's own story does not tell
    ("Complications of lumbar surgery: two cases", "We report two patients with neurological deficits after "
     "lumbar surgery.", set()),
    # a summary that parts its cases, counts others, or names what the complication looked like
    ("Complications of lumbar surgery: two cases", "We present two patients with a hematoma, one of whom had foot "
     "drop.", set()),
    ("Complications of lumbar surgery: two cases", "We report two patients with foot drop and epidural hematoma "
     "respectively.", set()),
    ("Foot drop in one of two patients after lumbar fusion", "Two cases are described.", set()),
    ("Complications of lumbar surgery: a review", "We reviewed 40 patients treated with fusion. Five patients "
     "with foot drop required surgery.", set()),
    ("Epidural hematoma mimicking cauda equina syndrome: two cases", "Two cases are described.", set()),
])
def test_a_series_summary_gives_each_case_the_complication_it_counts(tmp_path, title, summary, shared):
    paper = mine(tmp_path, case_report(title, (
        f"{summary} One patient, a 61-year-old man, developed perineal numbness after a laminectomy. The second "
        "patient, a 70-year-old woman, had burning leg pain after a discectomy.")))
    first, other = paper["patients"]
    assert {"numbness", *shared} == set(first["symptoms"]) and {"pain", *shared} == set(other["symptoms"])


@pytest.mark.parametrize("title, story, n", [
    # a cohort's results, not two cases
    ("Epidural cement after vertebroplasty: a retrospective study", "We reviewed 212 patients treated with "
     "vertebroplasty. Epidural cement was found in 14 patients. One patient developed paraparesis and underwent "
     "laminectomy. The other patient with a deficit had radicular pain.", 0),
    ("Epidural cement after vertebroplasty: a retrospective study", "We reviewed 212 patients treated with "
     "vertebroplasty. Epidural cement was found in two patients. One patient developed paraparesis and underwent "
     "laminectomy. The other patient had radicular pain.", 0),
    # three cases: 'the other' is the third, named by its introduction
    ("Cement complications after vertebroplasty: three cases", "We report three patients. One patient, a 61-year-old "
     "man, had foraminal cement. Another patient, a 75-year-old woman, had a pulmonary cement embolism. The other "
     "patient, an 82-year-old woman, had epidural cement.", 3),
])
def test_the_other_patient_closes_only_a_series_of_two(tmp_path, title, story, n):
    paper = mine(tmp_path, case_report(title, story))
    assert len(paper["patients"]) == n
    if n == 3:
        assert [p["age"] for p in paper["patients"]] == [61, 75, 82]
        assert [p["leak_locations"] for p in paper["patients"]] == [["foraminal"], ["pulmonary"], ["epidural"]]


def test_the_other_patient_of_two_counted_as_the_text_opens(tmp_path):
    paper = mine(tmp_path, "Leg weakness after vertebroplasty\n\nTwo older patients, who had undergone vertebroplasty "
                 "at L1, presented with weakness of both legs.\n\nOne patient, a woman, had epidural cement and "
                 "recovered fully. The other patient, a man, had foraminal cement and numbness.\n")
    assert [(p["sex"], p["leak_locations"]) for p in paper["patients"]] == [("F", ["epidural"]), ("M", ["foraminal"])]


def test_the_other_patient_alone_is_no_case_marker(tmp_path):
    paper = mine(tmp_path, case_report("Epidural cement after vertebroplasty: a case report", (
        "A 64-year-old woman developed paraparesis after vertebroplasty. The other patient in her room "
        "had no complaint.")))
    assert len(paper["patients"]) == 1 and paper["patients"][0]["age"] == 64


def test_one_patient_alone_is_no_case_marker(tmp_path):
    paper = mine(tmp_path, case_report("Epidural cement after vertebroplasty: a retrospective study", (
        "We reviewed 212 patients treated with vertebroplasty; 14 had epidural cement. One patient developed "
        "paraparesis after vertebroplasty.")))
    assert paper["patients"] == []


def test_a_systematic_review_counts_no_series_of_its_own(tmp_path):
    paper = mine(tmp_path, case_report("Cement leakage after vertebroplasty: a systematic review", (
        "We report three cases of paraparesis from epidural cement. Reports were included if the patient had "
        "cement leakage into the epidural space.")))
    assert paper["patients"] == []


@pytest.mark.parametrize("title, story, n, expected", [
    ("Paraparesis after discectomy: a report of three cases",
     "We report three cases of paraparesis after lumbar discectomy. The first developed an epidural hematoma; "
     "the others had a retained disc fragment. One of them had residual weakness.",
     3, {"causes": [], "outcome": None}),
    ("Epidural cement after vertebroplasty: a report of three cases",
     "We report three cases of paraparesis after vertebroplasty. All three patients had epidural cement leakage "
     "and underwent laminectomy, and one of them had residual weakness.",
     3, {"leak_locations": ["epidural"], "treatments": ["laminectomy"], "outcome": None}),
    ("Cauda equina syndrome after discectomy: report of four cases",
     "We report four patients who developed cauda equina syndrome after lumbar discectomy. All four needed "
     "another operation to relieve the pressure on the nerve roots. Three patients recovered completely, and "
     "one died.",
     4, {"index_procedures": ["discectomy"], "treatments": ["decompression"], "outcome": None}),
])
def test_what_a_counted_series_says_of_some_of_its_patients_is_nobodys(tmp_path, title, story, n, expected):
    """"One of them", "the others" and a count split among them ("three recovered, and one died") give
    nothing to each patient; what the sentence said of all before them still does."""
    paper = mine(tmp_path, case_report(title, story))
    assert len(paper["patients"]) == n
    for patient in paper["patients"]:
        assert {field: patient[field] for field in expected} == expected


@pytest.mark.parametrize("story, sexes, outcomes", [
    ("This is a report of two elderly women who developed paraparesis after vertebroplasty. One patient needed "
     "a laminectomy, but both fully recovered.", ["F", "F"], ["full recovery", "full recovery"]),
    # what is said of one of them stays nobody's; a group of another size is not theirs
    ("We report two cases of paraparesis after vertebroplasty. One patient needed a laminectomy and fully "
     "recovered.", [None, None], [None, None]),
    ("We report two cases of paraparesis after vertebroplasty. In an earlier series, three women fully "
     "recovered.", [None, None], [None, None]),
])
def test_what_a_counted_series_says_of_both(tmp_path, story, sexes, outcomes):
    paper = mine(tmp_path, case_report("Paraparesis after vertebroplasty", story))
    assert [p["sex"] for p in paper["patients"]] == sexes
    assert [p["outcome"] for p in paper["patients"]] == outcomes


def test_what_is_said_of_one_of_two_told_cases_is_neither_ones(tmp_path):
    paper = mine(tmp_path, (
        "Leg weakness after vertebroplasty: two cases\n\nAbstract\nTwo patients developed leg weakness after "
        "vertebroplasty. One patient needed a laminectomy, but both fully recovered.\n\nCase 1\nA 70-year-old "
        "woman underwent L1 vertebroplasty and developed leg weakness.\n\nCase 2\nA 72-year-old man underwent "
        "L2 vertebroplasty and developed leg weakness.\n"))
    assert [(p["treatments"], p["outcome"]) for p in paper["patients"]] == [([], "full recovery")] * 2


def test_a_series_told_under_methods_headings(tmp_path):
    text = ("Cauda equina syndrome after lumbar surgery\n\nObject\nThe author describes two cases of cauda equina "
            "syndrome after lumbar surgery.\n\nMethods\nOne patient developed perineal numbness after a "
            "laminectomy. The second patient developed leg weakness after a discectomy and underwent urgent "
            "exploration.\n\nConclusions\nUrgent imaging is warranted.\n")
    first, other = mine(tmp_path, text)["patients"]
    assert "numbness" in first["symptoms"] and "weakness" not in first["symptoms"]
    assert other["treatments"] == ["exploration"]


def test_ages_and_sexes_written_as_one(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "A 39/M patient developed leg weakness after vertebroplasty of L2. A 61/F patient developed "
        "paraparesis after vertebroplasty of T12.")))
    assert summary(paper) == [(39, "M"), (61, "F")]
    assert [p["treated_levels"] for p in paper["patients"]] == [["L2"], ["T12"]]


def test_a_supposed_patient_is_no_case(tmp_path):
    paper = mine(tmp_path, ("Screening for cement leakage after vertebroplasty\n\nMethods\nAll procedures between 2010 "
                            "and 2020 were reviewed; CT was done if the patient reported leg pain or weakness.\n"))
    assert paper["patients"] == []


def test_a_group_counted_in_the_background_opens_no_story(tmp_path):
    paper = mine(tmp_path, case_report("Paraparesis after vertebroplasty", (
        "Cement leakage was seen in two patients. Radiculopathy followed in some. We report a case of a woman "
        "with paraparesis after vertebroplasty.")))
    (patient,) = paper["patients"]
    assert "radiculopathy" not in patient["symptoms"]


@pytest.mark.parametrize("sentence, first, second", [
    ("Paraparesis was noticed eighteen hours afterwards in one patient and four days afterwards in the other.",
     0.75, 4),
    ("In one case the weakness began 2 days after the operation, and in the other case 5 days after it.", 2, 5),
])
def test_one_patient_and_the_other_are_told_apart(tmp_path, sentence, first, second):
    story = f"We report two patients with paraparesis from epidural cement after vertebroplasty. {sentence}"
    patients = mine(tmp_path, case_report("Epidural cement after vertebroplasty", story))["patients"]
    assert [p["onset_days"] for p in patients] == [first, second]
    assert all("weakness" in p["symptoms"] for p in patients)


@pytest.mark.parametrize("sentence", [
    "Following kyphoplasty at L1, cement leakage into the canal was found at L2 in one patient and at L3 in the "
    "other.",
    "Both underwent vertebroplasty at L1, and cement leakage into the canal was found at L1 in one patient and at "
    "L2 in the other.",
])
def test_what_a_split_sentence_says_of_both_stays_both_patients(tmp_path, sentence):
    story = f"We report two patients with paraparesis from epidural cement. {sentence}"
    patients = mine(tmp_path, case_report("Epidural cement after vertebroplasty", story))["patients"]
    assert [p["treated_levels"] for p in patients] == [["L1"], ["L1"]]


def test_the_other_leg_is_no_other_patient(tmp_path):
    story = ("We report two patients with epidural cement after vertebroplasty. Weakness of the right leg appeared "
             "in one patient, with numbness in the other leg.")
    patients = mine(tmp_path, case_report("Epidural cement after vertebroplasty", story))["patients"]
    assert patients[0]["symptoms"] == patients[1]["symptoms"]


def test_one_patient_and_the_other_told_in_two_sentences(tmp_path):
    story = ("We report two patients with paraparesis after vertebroplasty. In one patient, cement reached the "
             "left L4 foramen 2 days after the operation. In the other, cement filled the epidural space 5 days "
             "after it. Both improved after laminectomy.")
    patients = mine(tmp_path, case_report("Cement leakage after vertebroplasty", story))["patients"]
    assert [(p["leak_locations"], p["onset_days"]) for p in patients] == [(["foraminal"], 2), (["epidural"], 5)]
    assert all(p["treatments"] == ["laminectomy"] for p in patients)


@pytest.mark.parametrize("concerns, expected", [
    # a case part that counts its few patients and never tells them apart: that many patients
    ("A total of 7 patients with cord injury after vertebroplasty were included in this report.", 7),
    ("Three patients were included in this report, all with leg weakness after vertebroplasty.", 3),
    # ... not a count that is no population of the series, nor a count too large for one
    ("A 70-year-old woman had leg weakness. Five patients had been treated with this technique before.", 1),
    ("A total of 45 patients with cord injury after vertebroplasty were included in this report.", 1),
    ("A 72-year-old woman had leg weakness after vertebroplasty. During the same period, a total of 5 patients "
     "underwent vertebroplasty in our department.", 1),
    ("Lee et al. reported a total of 5 patients with similar leakage.", 1),
    ("We searched our institutional database. A total of 7 patients with cord injury after vertebroplasty were "
     "included.", 7),
    ("Leg weakness developed after vertebroplasty in our department. During the same week, a total of 5 patients "
     "underwent vertebroplasty with the same cement batch.", 1),
    ("Six consecutive patients with cord injury were admitted between 2015 and 2020.", 6),
])
def test_a_case_part_that_counts_its_patients(tmp_path, concerns, expected):
    text = ("Epidural hematoma after vertebroplasty\n\nRationale: Cord injury may follow vertebroplasty.\n\n"
            f"Patient concerns: {concerns}\n\nInterventions: All underwent urgent decompression.\n")
    paper = mine(tmp_path, text)
    assert len(paper["patients"]) == expected
    assert all(p["treatments"] == ["decompression"] for p in paper["patients"])


def test_a_series_counted_beside_another_authors_population(tmp_path):
    text = ("Epidural hematoma after vertebroplasty\n\nRationale: Lee et al. reviewed 1,200 patients treated with "
            "vertebroplasty and found 3 with cord injury.\n\nPatient concerns: A total of 7 patients with leg "
            "weakness after vertebroplasty were included.\n\nInterventions: All underwent decompression.\n")
    assert len(mine(tmp_path, text)["patients"]) == 7


def test_a_count_in_a_case_part_is_no_series_where_the_paper_counts_its_population(tmp_path):
    text = ("Bilateral puncture in kyphoplasty: a retrospective study\n\nMethods: We retrospectively reviewed 120 "
            "patients treated with kyphoplasty (mean age 71.2 years).\n\nSurgical procedure: A total of 6 patients "
            "underwent bilateral puncture.\n\nResults: Cement leakage occurred in 8 patients (6.7%). Four patients "
            "developed radicular pain.\n")
    paper = mine(tmp_path, text)
    assert paper["patients"] == [] and [(c["n_patients"], c["denominator"]) for c in paper["cohorts"]] == \
        [(120, None), (8, 120), (4, 120)]


@pytest.mark.parametrize("opening, expected", [
    # an abstract that opens a sentence with its few patients and says they were treated: that many patients
    ("Four patients with leg weakness after deformity correction were treated at our unit in one year.", 4),
    ("Methods: Five consecutive patients with intradural cement were treated by open removal.", 5),
    # ... not where the paper counts a population of its own, nor a count of what some of them had
    ("We reviewed 140 patients treated with vertebroplasty. Three patients with epidural cement were treated by "
     "saline irrigation.", 0),
    ("Three patients with epidural cement had paraparesis after vertebroplasty.", 0),
    ("Lee et al. described how three patients with epidural cement were treated by saline irrigation.", 0),
    ("We reviewed the vertebroplasties done at our unit from 2012 to 2018. In 5 patients, leaks were treated "
     "by saline irrigation.", 0),
    ("Three patients with epidural cement were treated by saline irrigation at our unit. Leakage was found in 3 "
     "of 1,460 patients (0.2%).", 0),
])
def test_an_abstract_that_opens_with_its_patients(tmp_path, opening, expected):
    paper = mine(tmp_path, f"Epidural cement after vertebroplasty\n\nAbstract\n\n{opening} All developed "
                           "paraparesis.\n")
    assert len(paper["patients"]) == expected


def test_a_series_counted_against_its_centres_patients_is_also_their_incidence(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "Among 1,870 patients treated with vertebroplasty at our centre, three patients had epidural cement. "
        "Case 1 was a 70-year-old woman with paraparesis. Case 2 was a 77-year-old woman with paraparesis. "
        "Case 3 was a 64-year-old man with paraparesis.")))
    assert summary(paper) == [(70, "F"), (77, "F"), (64, "M")]
    assert [(c["n_patients"], c["denominator"]) for c in paper["cohorts"]] == [(3, 1870)]
    assert paper["paper"]["study_type"] == "case series"


@pytest.mark.parametrize("title, design, n", [
    # a paper that calls itself a case series has the cases it counts, whatever rates it gives beside them
    ("Late hook migration into the canal after scoliosis surgery: case series", "", 3),
    ("Late hook migration into the canal after scoliosis surgery", "Study design: Case series.\n\n", 3),
    ("Late hook migration into the canal after scoliosis surgery", "Study Design. A retrospective case series.\n\n", 3),
    ("Late hook migration into the canal after scoliosis surgery: case reports", "", 3),
    # without such words, the rates are a cohort study's and the count its group
    ("Late hook migration into the canal after scoliosis surgery", "", 0),
])
def test_a_declared_case_series_beside_rates(tmp_path, title, design, n):
    text = (f"{title}\n\nAbstract\n\n{design}Objectives\n\nWe describe 3 patients with hook migration as a late "
            "complication of posterior scoliosis surgery.\n\nResults\n\nOur revision rate was 6.1% (49 of 800 procedures). "
            "These 3 patients presented with back pain 2 to 6 years after surgery.\n")
    paper = mine(tmp_path, text)
    assert len(paper["patients"]) == n
    assert paper["paper"]["study_type"] == ("case series" if n else "cohort study")


def test_a_declared_case_series_that_tells_its_cases_apart_beside_rates(tmp_path):
    text = ("Late hook migration into the canal after scoliosis surgery: case series\n\nAbstract\n\nObjectives\n\n"
            "We describe 3 patients with hook migration.\n\nResults\n\nOur revision rate was 6.1% (49 of 800 "
            "procedures). A 19-year-old woman had back pain. A 23-year-old man had leg pain. A 31-year-old woman "
            "had numbness.\n")
    paper = mine(tmp_path, text)
    assert (len(paper["patients"]), paper["paper"]["study_type"]) == (3, "case series")

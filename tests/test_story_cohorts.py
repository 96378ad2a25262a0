"""Cohort studies end to end: a complication group counted after the study population is drawn from it,
a count that tells of no complication is no group, and a group's statistics are its own."""

from __future__ import annotations

import pytest

from story_helpers import case_report, mine

TITLE = "Risk factors for cement leakage after kyphoplasty: a retrospective study"


def groups(paper: dict) -> list[tuple]:
    return [(c["n_patients"], c["denominator"]) for c in paper["cohorts"]]


@pytest.mark.parametrize("population, group, expected", [
    ("We enrolled 118 consecutive patients, 91 women and 27 men, mean age 72 years.",
     "Cement leakage was detected in 9 patients.", [(118, None), (9, 118)]),
    ("A total of 240 patients were included.", "Epidural leakage was found in 18 patients.", [(18, 240)]),
    ("A total of 240 patients were included.", "Cement leakage was found in 18 patients. The 18 patients with "
     "cement leakage were separately analyzed.", [(18, 240)]),
    ("A retrospective review of 9,400 patients who underwent lumbar surgery was performed.",
     "It revealed 23 patients who developed an epidural hematoma with paraparesis.", [(23, 9400)]),
    ("Overall, 3460 patients were enrolled in this study and 26 (0.75%) were identified with a symptomatic "
     "epidural hematoma.", "Of these patients, 15 were men and 11 were women, mean age 63.2 ± 9.8 years.",
     [(26, 3460)]),
    ("A retrospective study was carried out on 412 patients treated with kyphoplasty.",
     "Pulmonary cement embolism occurred in 14 patients.", [(14, 412)]),
    ("We reviewed 500 patients.", "Radiculopathy developed in 9 consecutive patients.", [(9, 500)]),
    ("One hundred eighty patients underwent lateral interbody fusion.",
     "Five patients (2.8%) suffered a femoral nerve palsy.", [(5, 180)]),
    ("We reviewed 28 patients treated with vertebroplasty.", "Four patients had radicular pain.", [(4, 28)]),
    ("A total of 380 patients were included.",
     "There were 46 cases of cement leakage. There were 334 patients without cement leakage.",
     [(46, 380), (334, 380)]),
    ("1,260 cases were identified and analysed.", "The overall epidural hematoma rate was 1.5% (19/1260).",
     [(19, 1260)]),
    ("We retrospectively reviewed 300 patients treated with vertebroplasty.",
     "Cement leakage occurred in 45 women and 12 men.", [(57, 300)]),
    ("The study included 56 women and 17 men treated with vertebroplasty.",
     "Pulmonary cement embolism was confirmed with chest CT in four patients.", [(73, None), (4, 73)]),
    ("A total of 186 patients were included.", "Cement leakage was found in 8.9% of the patients (n = 17).",
     [(17, 186)]),
    ("The study group was comprised of 215 patients.", "Nine (4.2%) developed a C5 palsy after surgery.", [(9, 215)]),
    ("The study population was composed of 215 patients.", "Nine (4.2%) developed a C5 palsy after surgery.",
     [(9, 215)]),
    # operations counted with their patients: the patients are the population
    ("We reviewed our records.", "Of 500 consecutive fusions performed in 430 patients, 12 patients had a leak.",
     [(12, 430)]),
    ("We reviewed 120 patients who underwent vertebroplasty.", "Symptomatic leakage was seen in 5 patients (4.2%), "
     "while 115 (95.8%) had no symptoms.", [(5, 120)]),
    ("There were 48,310 cases included in the study.", "The incidence of epidural hematoma was 0.31% (n = 150), "
     "62.0% (n = 93) of which occurred within 3 days.", [(150, 48310)]),
    # a population of people counted first; operations counted in patients
    ("We reviewed 800 patients. A total of 1000 procedures were performed.", "Leakage was seen in 30 patients.",
     [(30, 800)]),
    ("A total of 1000 procedures were performed in a total of 800 patients.", "Leakage was seen in 30 patients.",
     [(30, 800)]),
    ("A total of 21 347 lumbar spine surgeries were identified.", "12 patients developed an epidural hematoma. We "
     "also enrolled 48 matched patients as controls.", [(12, 21347)]),
    ("We retrospectively reviewed 3,720 cases of spine operation.", "In this period, 9 cases of postoperative "
     "epidural hematoma were experienced.", [(9, 3720)]),
    ("We have reviewed 1426 patients who had undergone a laminectomy.", "We identified 37 (2.6%) who had "
     "developed postoperative C5 palsy.", [(37, 1426)]),
    ("We reviewed 3,184 patients.", "Among the 3,184 patients, 11 patients (0.35%) developed an epidural hematoma.",
     [(11, 3184)]),
    ("A total of 120 patients were included.", "Epidural leakage was seen in 6 patients and foraminal leakage in 4 "
     "patients.", [(6, 120), (4, 120)]),
    # the population told as treated surgically, described by more words than its diagnosis alone
    ("Forty-two patients with the diagnosis of myelopathy caused by ligament ossification received surgical "
     "treatment between 2004 and 2015.", "Postoperative C5 palsy occurred in 3 patients.", [(3, 42)]),
    ("Sixty-four patients with thoracic stenosis were treated surgically.",
     "Transient neurological deficits occurred in 6 patients.", [(6, 64)]),
    ("We included 75 patients who were operatively treated.", "Foot drop occurred in 4 patients.", [(4, 75)]),
    # another's study, told with its authors, counts none of the paper's patients
    ("In contrast to the prospective study with 120 patients by Smith et al., leakage was rare. We reviewed 45 "
     "patients, 30 women and 15 men.", "Leakage occurred in 12 patients.", [(45, None), (12, 45)]),
    # "had" with a complication named; told in the passive; a group of two whose share is of the population
    ("We reviewed 212 patients who underwent lumbar fusion.", "In all, 9 (4.2%) had a transient "
     "neurological deficit.", [(9, 212)]),
    ("A total of 212 patients underwent posterior spine surgery.", "Postoperative thigh numbness was "
     "experienced by 31 patients (14.6%).", [(31, 212)]),
    ("A total of 212 patients underwent posterior spine surgery.", "Meralgia paresthetica was experienced by 31 "
     "patients (14.6%).", [(31, 212)]),
    ("We reviewed 212 patients who underwent lumbar fusion.", "Two patients (0.9%) had a persistent motor "
     "deficit.", [(2, 212)]),
    # the parts of a group counted before it are no groups of their own
    ("We reviewed 212 patients who underwent lumbar fusion.", "Eleven patients (5.2%) developed complications. "
     "Among these eleven patients, seven (3.3%) had wound complications and two (0.9%) had a neurological "
     "deficit.", [(11, 212)]),
    # not the population named as "these": its complication group stays
    ("We reviewed 212 patients who underwent lumbar fusion.", "Of these 212 patients, 17 (8%) developed a dural "
     "tear.", [(17, 212)]),
    ("We reviewed 212 patients who underwent lumbar fusion.", "In those 212 patients, leakage occurred in 14 "
     "patients.", [(14, 212)]),
])
def test_a_complication_group_is_drawn_from_the_study_population(tmp_path, population, group, expected):
    paper = mine(tmp_path, case_report(TITLE, f"Methods: {population} Results: {group}"))
    assert groups(paper) == expected
    assert paper["paper"]["study_type"] == "cohort study"


@pytest.mark.parametrize("population, other", [
    ("A total of 240 patients were included.", "Diabetes was found in 18 patients."),
    ("A total of 240 patients were included.", "Adjacent fractures were recorded in 18 patients."),
    ("A total of 240 patients were included.", "18 patients had posterior fusion."),
    # an outcome counted against some of the patients, not a population the paper counts
    ("A total of 240 patients were included.", "Walking improved in 18/22 patients (82%)."),
    # a complication there before surgery: a baseline
    ("A total of 240 patients were included.", "Motor deficits were present preoperatively in 18 patients."),
    ("A total of 240 patients were included.",
     "Motor deficits were present preoperatively in 18 patients, more often in women than in men."),
    ("A total of 240 patients were included.",
     "Preoperative weakness was seen in 18 patients, who had a longer history than the others."),
    ("A total of 240 patients were included.", "Before surgery, weakness was present in 18 patients."),
    ("A total of 240 patients were included.", "18 (7.5%) had diabetes mellitus."),
    ("A total of 240 patients were included.", "18 (7.5%) had leg pain before surgery."),
    ("A total of 240 patients were included.", "Overall, 18 (7.5%) had no complications."),
    ("A total of 240 patients were included.", "At baseline, 18 (7.5%) had preoperative motor deficits."),
    ("A total of 240 patients were included.", "18 (7.5%) had a history of neurological deficits."),
    ("A total of 240 patients were included.", "Those with a body mass index of 30-18 (7.5%) had a neurological "
     "deficit more often."),
    ("A total of 240 patients were included.", "In the series, 48 /18 (7.5%) had a neurological deficit."),
])
def test_a_count_of_no_complication_is_no_group(tmp_path, population, other):
    paper = mine(tmp_path, case_report(TITLE, f"Methods: {population} Results: {other}"))
    assert 18 not in [n for n, _ in groups(paper)]


@pytest.mark.parametrize("results", [
    "New motor deficits compared with the preoperative status were seen in 18 patients.",
    "Weakness worse than preoperatively was found in 18 patients.",
    "Postoperative weakness, absent preoperatively, occurred in 18 patients.",
    "Leg weakness, not present before surgery, was found in 18 patients.",
])
def test_a_complication_told_as_a_change_from_before_surgery_is_a_group(tmp_path, results):
    paper = mine(tmp_path, case_report(TITLE, f"Methods: A total of 240 patients were included. Results: {results}"))
    assert groups(paper) == [(18, 240)]


def test_a_complication_after_surgery_beside_a_baseline_is_a_group(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, "Methods: A total of 240 patients were included. Results: "
                                              "Preoperative weakness was seen in 30 patients. New weakness after "
                                              "surgery was found in 18 patients."))
    assert groups(paper) == [(18, 240)]


@pytest.mark.parametrize("methods, results, unwanted", [
    # a complication group treated surgically
    ("We reviewed 300 patients after lumbar fusion.", "Five patients with an epidural hematoma received surgical "
     "treatment.", (5, None)),
    ("We reviewed 300 patients after lumbar fusion.", "Five patients with a foot drop were treated surgically.",
     (5, None)),
    ("We reviewed 300 patients after lumbar fusion.", "Five patients with quadriparesis underwent decompression.",
     (5, None)),
    # the surgical part of patients split by their care
    ("86 patients underwent kyphoplasty and 42 conservatively.", "Cement leakage occurred in 12 patients.", (12, 86)),
    ("86 patients underwent kyphoplasty and 40 patients were treated with conservative therapy.",
     "Cement leakage occurred in 12 patients.", (12, 86)),
    ("86 patients underwent kyphoplasty and forty others were treated conservatively.",
     "Cement leakage occurred in 12 patients.", (12, 86)),
    ("86 patients underwent kyphoplasty and 40 received bracing and conservative care.",
     "Cement leakage occurred in 12 patients.", (12, 86)),
])
def test_patients_treated_surgically_who_are_no_population(tmp_path, methods, results, unwanted):
    paper = mine(tmp_path, case_report(TITLE, f"Methods: {methods} Results: {results}"))
    assert unwanted not in groups(paper)


@pytest.mark.parametrize("methods, expected", [
    # arms that add up to the first count of patients are drawn from it
    ("Fifty patients with fractures were operated with PKP (n = 22) or PVP (n = 28) at our unit.",
     [(22, 50), (28, 50)]),
    # ... not a breakdown of a complication group counted after the population
    # a size told for each of the groups counted before it
    ("Fifty-six patients with fractures were randomly divided into 2 groups (28 patients in each).",
     [(28, 56), (28, 56)]),
    # ... or to named groups
    ("Forty-four patients with fractures treated with PVP at our unit. They were divided into group A (n = 20) "
     "and group B (n = 24).", [(20, 44), (24, 44)]),
    ("We reviewed 260 patients treated with vertebroplasty. Of these, 7 patients developed radiculopathy and "
     "these 7 patients were treated with foraminotomy (n = 4) or steroids (n = 3).", [(7, 260)]),
    # arms in groups named by their words, the second told without its noun
    ("A total of 131 patients were included: 64 cases in the monitored group and 67 in the unmonitored group.",
     [(64, 131), (67, 131)]),
    ("Ninety patients were enrolled; 46 patients were assigned to the PVP group and 44 to the PKP group.",
     [(46, 90), (44, 90)]),
    ("We reviewed 87 patients with fractures: 46 patients were in the PVP group and 41 in the PKP group.",
     [(46, 87), (41, 87)]),
    # ... not a complication counted in each arm
    ("We reviewed 90 patients. Leakage occurred in 8 patients in the PVP group and 3 in the PKP group.",
     [(8, 90)]),
    # a population whose earlier care is told after it, no split by care
    ("86 patients underwent kyphoplasty between 2015 and 2019 after failed conservative treatment. Cement "
     "leakage occurred in 12 patients.", [(12, 86)]),
    ("In total, 86 patients underwent kyphoplasty, and 41 of them had received conservative treatment before. "
     "Cement leakage occurred in 12 patients.", [(12, 86)]),
    ("Between 2015 and 2019,86 patients were included. Cement leakage occurred in 12 patients.", [(12, 86)]),
    # arms a cohort consisted of, not the complications it comprised
    ("The cohort consisted of the PVP (n = 40) and PKP (n = 42) groups. Cement leakage occurred in 12 patients.",
     [(40, None), (42, None)]),
    ("Ninety patients were studied. The complications comprised cement leakage in the PVP (n = 18) and PKP "
     "(n = 9) groups.", [(90, None)]),
])
def test_arms_that_add_up_to_a_count_of_patients(tmp_path, methods, expected):
    assert groups(mine(tmp_path, case_report(TITLE, f"Methods: {methods}"))) == expected


def test_an_outcome_counted_against_the_population_stays_its_group(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, "Methods: A total of 22 patients were included. Results: Walking "
                                              "improved in 18/22 patients (82%)."))
    assert (18, 22) in groups(paper)


@pytest.mark.parametrize("methods, expected", [
    # the age follows the parentheses that count the parts: it is the whole group's
    ("A total of 113 patients underwent fusion (PLIF n = 30, TLIF n = 83), with a mean age of 71.1 years.",
     (113, None, None, 71.1)),
    ("A total of 113 patients underwent fusion (PLIF n = 30, TLIF n = 83). The mean age was 71.1 years.",
     (113, None, None, 71.1)),
    # a group's own count in parentheses keeps the age that follows it
    ("We reviewed 200 patients. Patients who developed leakage (n = 45) were older (mean age 76.1 years) than "
     "those without leakage.",
     (45, None, None, 76.1)),
    # a sex count that adds up to no stated size counts a group, and its sentence's age is that group's
    ("The patients with leakage included 27 women and four men, whose mean age was 74.6 years. Epidural "
     "leakage was seen in 19 patients.", (31, 4, 27, 74.6)),
    ("Subjects were 31 patients with leakage. The patients included 27 women and four men, whose mean age was "
     "74.6 years. Epidural leakage was seen in 19 patients.", (31, 4, 27, 74.6)),
])
def test_a_groups_statistics_are_its_own(tmp_path, methods, expected):
    paper = mine(tmp_path, case_report(TITLE, f"Methods: {methods}"))
    assert [(c["n_patients"], c["n_male"], c["n_female"], c["age_mean"]) for c in paper["cohorts"]][0] == expected


def test_a_statistic_told_between_a_population_and_its_verb_is_its_own(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "Methods: Eighty-six patients with a mean age of 63.8 years and cervical stenosis treated by "
        "laminectomy from 2001 to 2012 were reviewed. Results: Overall 9 of 86 (10%) patients developed a C5 palsy.")))
    assert [(c["n_patients"], c["denominator"], c["age_mean"]) for c in paper["cohorts"]] == [
        (86, None, 63.8), (9, 86, None)]


def test_a_group_named_before_its_population_is_drawn_from_it(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "Objective: To present the cases of 7 patients who developed C5 palsy after decompression. Methods: A "
        "review was performed on 158 patients who underwent anterior decompression. Results: Seven patients (4.4%) "
        "suffered postoperative paralysis.")))
    assert [(c["n_patients"], c["denominator"]) for c in paper["cohorts"]] == [(7, 158)]


def test_a_population_described_inside_the_sentence_that_draws_a_group_from_it(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "Results: Of the 312 patients (198 women and 114 men, mean age 70.2 years), 48 developed cement leakage.")))
    assert sorted((c["n_patients"], c["n_male"], c["n_female"], c["age_mean"], c["denominator"])
                  for c in paper["cohorts"]) == [(48, None, None, None, 312), (312, 114, 198, 70.2, None)]


def test_an_age_told_in_a_later_section_is_the_population_counted_before_it(tmp_path):
    text = (f"{TITLE}\n\nMethods\n\nWe retrospectively reviewed 83 patients treated with kyphoplasty.\n\n"
            "Results\n\nThe mean age was 58.3 \u00b1 14.2 years. Epidural leakage was seen in 68.7% (n=57) of "
            "patients.\n")
    paper = mine(tmp_path, text)
    assert [(c["n_patients"], c["denominator"], c["age_mean"]) for c in paper["cohorts"]] == [
        (83, None, 58.3), (57, 83, None)]


@pytest.mark.parametrize("results, expected", [
    ("Among them, 41 (63%) were women and 22 (34%) smoked.", [(64, 41, None)]),
    ("Of these, 41 were women.", [(64, 41, None)]),
    ("Of the 64 patients, 41 were women.", [(64, 41, None)]),
    ("Overall, 41 (64%) were women.", [(64, 41, None)]),
    # a group the section counts before it takes it
    ("Leakage was seen in 30 patients; 21 (70%) were women.", [(30, 21, 64)]),
    # a sex count of some of them, not of the whole
    ("Of the patients with cement leakage, 12 were women.", [(64, None, None)]),
    ("In the leakage group, 12 were female.", [(64, None, None)]),
    ("Of the patients with cement leakage, 12 were women (mean age 64 years).", [(64, None, None)]),
    ("In the leakage group, 12 were female, compared with 30 of all patients.", [(64, None, None)]),
    ("Follow-up imaging was available in most of them; of these, 21 were women.", [(64, None, None)]),
])
def test_one_sex_counted_in_a_later_section_is_the_population_counted_before_it(tmp_path, results, expected):
    text = (f"{TITLE}\n\nMethods\n\nWe retrospectively reviewed 64 patients treated with kyphoplasty.\n\n"
            f"Results\n\n{results}\n")
    paper = mine(tmp_path, text)
    assert sorted((c["n_patients"], c["n_female"], c["denominator"]) for c in paper["cohorts"]) == expected


@pytest.mark.parametrize("ages, expected", [
    ("The women were between the ages of 58 and 88 (average age 73.4) years, whereas the men were aged "
     "between 55 and 79 (average age 67.1) years.",
     [(26, 7, 19, None, 71.7), (19, 0, 19, 26, 73.4), (7, 7, 0, 26, 67.1)]),
    ("The mean age was 73.4 years in women.", [(26, 7, 19, None, 71.7), (19, 0, 19, 26, 73.4)]),
    ("The mean age was 73.4 years in women and 67.1 years in men.",
     [(26, 7, 19, None, 71.7), (19, 0, 19, 26, 73.4), (7, 7, 0, 26, 67.1)]),
    # an age of all of them, told with their sex counts, stays the whole group's
    ("Of them, 19 women and 7 men (mean age 70.2 years) were followed.", [(26, 7, 19, None, 71.7)]),
])
def test_ages_told_of_one_sex_make_a_group_of_that_sex(tmp_path, ages, expected):
    text = (f"Methods: The study group comprised 26 patients, 19 female and seven male. The average age of the "
            f"whole group was 71.7 years. {ages}")
    paper = mine(tmp_path, case_report(TITLE, text))
    assert [(c["n_patients"], c["n_male"], c["n_female"], c["denominator"], c["age_mean"])
            for c in paper["cohorts"]] == expected


@pytest.mark.parametrize("methods, expected", [
    ("Cement emboli were found in four (5.1%) of 78 procedures performed at our hospital.", [(4, 78)]),
    # where the paper counts its patients, procedures count treated vertebrae
    ("We reviewed 80 patients, 60 women and 20 men. Cement leakage occurred in 30 of 120 procedures.", [(80, None)]),
    # a population counted in operations too
    ("A total of 14,935 cervical spine surgeries were identified. An epidural hematoma was evacuated after 13 of "
     "14,935 (0.09%) surgeries.", [(13, 14935)]),
])
def test_a_group_counted_against_operations(tmp_path, methods, expected):
    assert groups(mine(tmp_path, case_report(TITLE, f"Methods: {methods}"))) == expected


def test_arms_a_population_was_divided_into_are_drawn_from_it(tmp_path):
    methods = ("38 patients with fractures were randomly allocated to either group H receiving heated cement "
               "(n = 17) or group R receiving room-temperature cement (n = 21). Leakage was seen in 6 patients.")
    assert groups(mine(tmp_path, case_report(TITLE, f"Methods: {methods}"))) == [(17, 38), (21, 38), (6, 38)]


@pytest.mark.parametrize("methods, expected", [
    # a group found among the patients, divided further, is no population
    ("We retrospectively reviewed 120 patients treated with vertebroplasty. Cement leakage was seen in 17 "
     "patients. The 17 patients with leakage were divided into three types.", [(17, 120)]),
    # a named group that is no arm of the population
    ("We enrolled 40 patients who underwent vertebroplasty. They were compared with a healthy control group "
     "(n = 30) of volunteers. Cement leakage was seen in 6 patients.", [(30, None), (6, 40)]),
    # another's trial
    ("In a previous trial, 500 patients were randomized to vertebroplasty or sham. In our patients, cement "
     "leakage was seen in 12 patients.", [(12, None)]),
])
def test_groups_that_are_no_arms_of_the_population(tmp_path, methods, expected):
    assert groups(mine(tmp_path, case_report(TITLE, f"Methods: {methods}"))) == expected


def test_a_study_group_beside_a_control_group_is_no_population(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, "Methods: The study group was made up of 32 patients treated with "
                                       "kyphoplasty and the control group of 28 treated conservatively. Results: "
                                       "Cement leakage occurred in 6 patients."))
    assert (6, 32) not in groups(paper)


@pytest.mark.parametrize("text, expected", [
    # a complication group counted with its share and no noun, where the share is of the population
    ("Methods: This study analyzed data from 147 adult patients who underwent laminectomy. Results: C5 palsy "
     "developed in 11 (7.5%).", [(11, 147)]),
    ("Methods: We studied 120 patients treated with kyphoplasty. Results: Cement leakage occurred in 30 (25%), "
     "and the VAS fell.", [(30, 120)]),
    # ... not where the share is of no counted group (vertebrae, say)
    ("Methods: We studied 132 patients treated at 165 levels. Results: Cement leakage occurred in 45 (27.3%).",
     [(132, None)]),
    # two patients are a group when counted against a study's population, not a series' few
    ("Methods: We retrospectively reviewed 110 consecutive patients. Results: Foot drop developed in 2 of 110 "
     "patients.", [(2, 110)]),
    ("Methods: We retrospectively reviewed 9 patients. Results: Foot drop developed in 2 of 9 patients.", []),
    ("Methods: We reviewed 240 patients. Of them, 18 had myeloma. Results: Two of the 18 myeloma patients "
     "developed radiculopathy.", [(240, None)]),
    # arms counted in cases, of vertebrae
    ("Methods: We treated 36 patients with 48 fractured vertebrae. Of the 48 treated vertebrae, the PMMA group "
     "(24 cases) and the calcium phosphate group (24 cases) were compared.", []),
    ("Methods: We studied 100 patients treated with kyphoplasty. Results: Cement leakage occurred in 10 (52.6%), "
     "foraminal leakage in five (26.3%).", [(100, None)]),
    # arms named with an abbreviation, counted as subjects
    ("Methods: A total of 84 patients were divided into the MIPS group (41 subjects) and the open "
     "pedicle screw (OPS) group (43 subjects).", [(41, 84), (43, 84)]),
    # each arm's complication group, told as a fraction after the arm's name; the arms add up to the population
    ("Methods: A total of 231 patients were divided into two groups. Results: Cement leakage was lower in the "
     "PMCP group (19/118) than in the PKP group (31/113).", [(118, 231), (19, 118), (113, 231), (31, 113)]),
    # ... not a fraction of screws, nor an outcome of an arm
    ("Methods: We studied 96 patients with 442 pedicle screws. Results: Screw loosening was more common in the "
     "TT group (19/230) than in the CBT group (8/212).", [(96, None)]),
    ("Methods: We enrolled 100 patients: TLIF group (n = 50) and PLIF group (n = 50). Results: The fusion rate "
     "was 92% in the TLIF group (46/50) and 88% in the PLIF group (44/50).", [(50, 100), (50, 100)]),
    ("Methods: We enrolled 38 patients: group H (n = 17) and group R (n = 21). Results: Cement leakage occurred "
     "in 4 of the 17 patients in group H and in 7 of the 21 patients in group R.",
     [(17, 38), (21, 38), (4, 17), (7, 21)]),
    # a complication counted in parentheses with its share, right after it; not a diagnosis so counted
    ("Methods: This is a retrospective study of 37 patients. Results: Those with an acute foot drop (13 patients "
     "(35.1%)) and those with a gradual foot drop (24 patients (64.9%)) were compared.", [(13, 37), (24, 37)]),
    ("Methods: We reviewed 126 patients. Results: The most common diagnosis was degenerative scoliosis (64 cases, "
     "50.8%). Psoas weakness (7 cases, 5.6%) was seen.", [(7, 126)]),
    ("Methods: We reviewed 126 patients. Results: Indications were axial low back pain (9 cases, 7.1%). "
     "Groin numbness/pain (15 cases, 11.9%) was seen.", [(15, 126)]),
    ("Methods: Ninety-four patients (mean age 66 years) with degenerative lumbar disease underwent lateral fusion. "
     "Results: In the first 48 h, 29 patients (30.9%) had thigh weakness.", [(94, None), (29, 94)]),
    # arms named after their size, or counted in a lettered group
    ("Methods: Forty-one consecutive patients underwent laminectomy (n = 23: LM group) or fusion (n = 18: PSF "
     "group).", [(23, 41), (18, 41)]),
    ("Methods: We included 77 patients: 43 cases in group A underwent PVP, 34 cases in group B underwent PKP. "
     "Results: Cement leakage was observed in 6 patients in group A, while foraminal leakage in 10 patients in "
     "group B.",
     [(43, 77), (34, 77), (6, 43), (10, 34)]),
    ("Methods: We included 80 patients: 45 patients in group A received PVP and 35 patients in group B received "
     "PKP. Results: Cement leakage was seen in 5 patients in group A.", [(45, 80), (35, 80), (5, 45)]),
    # an arm's count of cases before its count of vertebrae
    ("Methods: We included 100 patients: the PKP group (n = 50) and the PVP group (n = 50). Results: Leakage was "
     "seen in 9 patients (18%) in the PKP group.", [(50, 100), (50, 100), (9, 50)]),
    ("Methods: We retrospectively reviewed 52 patients. The PKP group (24 cases, 31 vertebrae) and the PVP group "
     "(28 cases, 35 vertebrae) were compared.", [(24, 52), (28, 52)]),
    # one size told for each arm named or counted before it
    ("Methods: 76 patients were divided into a kyphoplasty group (Group A) and a vertebroplasty group (Group "
     "B), with 38 cases in each group. Results: Cement leakage occurred in 6 patients in group A and 12 "
     "patients in group B.", [(38, 76), (38, 76), (6, 38), (12, 38)]),
    ("Methods: Sixty patients were randomized into two groups. Each group comprised 30 patients.",
     [(30, 60), (30, 60)]),
    ("Methods: We reviewed 90 patients, with 30 patients in each group.", [(90, None)]),  # no arms told
    # arms told one after another in one sentence
    ("Methods: We reviewed 87 patients. There were 45 patients in group A and 42 in group B. Results: Cement "
     "leakage was seen in 12 patients in group A and 5 in group B.", [(45, 87), (42, 87), (12, 45), (5, 42)]),
    # ... but a group named for the complication is broken down, not drawn from
    ("Methods: We reviewed 312 patients: the leakage group (n = 48) and the non-leakage group (n = 264). "
     "Results: Nine of the 48 patients with leakage developed radicular pain.", [(48, 312), (264, 312)]),
    # a group named for its complication, with what defines it between its count and its verb, and its
    # control group: the first drawn from the population, the control standing alone
    ("Methods: A search of our registry yielded 5,318 consecutive patients. A total of 37 patients who had "
     "undergone revision for a confirmed epidural hematoma (EH) were allocated to the EH group. A matched "
     "control group was formed (111 patients of the same sex and similar age).", [(37, 5318), (111, None)]),
    ("Methods: We reviewed 500 patients. Forty patients who developed cement leakage were assigned to the "
     "leakage group, and a control group of 80 patients was drawn.", [(40, 500), (80, None)]),
    # ... not an arm named for its care, though its sentence tells of a complication
    ("Methods: We reviewed 300 patients. Cement leakage was compared between the PVP group (n = 27) and the PKP "
     "group (n = 31).", [(27, None), (31, None)]),
    # ... named by an abbreviation the paper never spells out, the complication told before it
    ("Methods: We reviewed 500 patients. Forty patients who developed cement leakage were assigned to the CL "
     "group.", [(40, 500)]),
    # what defines a group does not run past its clause or its count
    ("Methods: We reviewed 78 patients. Forty patients with single-level fractures underwent PKP and the other 38 "
     "patients were assigned to the PVP group.", [(38, None)]),
    ("Methods: We reviewed 200 patients. Of the 40 patients who had leakage 12 were assigned to the surgery "
     "group.", [(200, None)]),
    ("Methods: Ninety patients with fractures were enrolled in this study and those with cement leakage were "
     "classified into the leakage group.", [(90, None)]),
    # ... though numbers stand in what defines it, or a second thing it had
    ("Methods: We reviewed 500 patients. Thirty-seven patients who had undergone revision within 48 hours for a "
     "confirmed epidural hematoma were allocated to the hematoma group.", [(37, 500)]),
    ("Methods: We reviewed 500 patients. Forty patients with cement leakage and the related symptoms were "
     "assigned to the leakage group.", [(40, 500)]),
    # a group of patients without the complication is no complication group
    ("Methods: We reviewed 300 patients. A matched control group was formed (111 patients without neurological "
     "complications, same age and sex). Results: Neurological complications occurred in 37 patients.",
     [(111, None), (37, 300)]),
    # a cohort a model is built on is a group; any other cohort named with its size is the population
    ("Methods: Patients were randomly split into a training cohort (n=120) and a validation cohort (n=52).",
     [(120, None), (52, None)]),
    ("Methods: Our institutional cohort (n = 300) underwent PVP. Results: Cement leakage occurred in 45 patients "
     "(15%). Four patients developed radicular pain.", [(45, 300), (4, 300)]),
    ("Methods: The entire surgical cohort (n = 300) underwent PVP. Results: Cement leakage occurred in 45 "
     "patients.", [(45, 300)]),
    # two cohorts compared, whatever their names
    ("Methods: The PVP cohort (n = 120) and the PKP cohort (n = 98) were compared for cement leakage.",
     [(120, None), (98, None)]),
    ("Methods: We reviewed 300 patients. The leakage cohort (n = 48) was compared with the non-leakage cohort "
     "(n = 252).", [(48, 300), (252, 300)]),
    ("Methods: The PVP cohort (n = 120), the PKP cohort (n = 98) and the SSP cohort (n = 40) were compared.",
     [(120, None), (98, None), (40, None)]),
    ("Methods: We reviewed 300 patients. A control group of 80 patients (40 women) was formed.", [(80, None)]),
    # what defines a group stops at the patients set beside it
    ("Methods: We reviewed 500 patients. Forty-two patients with leakage and the others without leakage were "
     "placed in the control group.", [(500, None)]),
    # the patients without the complication, assigned to a group, are drawn from the population too
    ("Methods: We reviewed 300 patients. Results: Neurological complications occurred in 42 patients. The 258 "
     "patients without neurological complications were assigned to the control group.", [(42, 300), (258, 300)]),
    ("Methods: We reviewed 300 patients. In a control group of 80 patients, no leakage occurred.", [(80, None)]),
    # a count within a named group is no size of it
    ("Methods: We reviewed 300 patients. Cement leakage was more frequent in the PVP group with 12 patients (40%) "
     "than in the PKP group with 5 patients (15.6%).", [(300, None)]),
    ("Methods: We reviewed 300 patients. A control group comprising 80 patients was selected.", [(80, None)]),
    # a count out of an arm's patients: the count and the arm
    ("Methods: We reviewed 246 patients treated with kyphoplasty. Results: Leaks were seen in 14 out of the 60 "
     "patients of the unipedicular group, against 30 out of the 186 patients of the bipedicular group.",
     [(60, 246), (14, 60), (186, 246), (30, 186)]),
    ("Methods: Patients treated with vertebroplasty were reviewed. Results: Epidural leakage affected 9 out of the "
     "40 patients (22.5%) in the PVP group; 20 out of the 150 patients (13.3%) in the PKP group had it too.",
     [(40, None), (9, 40), (150, None), (20, 150)]),
    # the outcomes of a complication group, told as its named parts, are no groups
    ("Methods: We reviewed 200 patients. Results: Neurological deficits occurred in 40 patients (20%). At "
     "follow-up, 30/40 patients had either complete recovery (n=18, 45%) or partial recovery (n=12, 30%).",
     [(40, 200)]),
])
def test_groups_told_with_a_share_a_fraction_or_an_arm(tmp_path, text, expected):
    assert groups(mine(tmp_path, case_report(TITLE, text))) == expected


@pytest.mark.parametrize("methods, expected", [
    # sexes written as a ratio count a group they add up to ...
    ("A total of 84 patients were enrolled (M:F = 47:37, mean age 63.4 years).", [(84, 47, 37)]),
    # ... and make no group of their own where they add up to none
    ("A total of 84 patients were enrolled (M:F = 2:1, mean age 63.4 years).", [(84, None, None)]),
    ("We reviewed 120 consecutive patients (mean age 70 years). The M:F ratio was 60:40.", [(120, None, None)]),
    # ... nor of a later group they happen to add up to
    ("We reviewed 90 patients (mean age 70 years). Leakage occurred in 12 patients (M:F = 3:1). Radicular pain "
     "developed in 4 patients.", [(90, None, None), (12, None, None), (4, None, None)]),
    ("We reviewed 120 patients (mean age 70 years, male to female ratio 2:1). Three patients developed pulmonary "
     "cement embolism.", [(120, None, None), (3, None, None)]),
    ("We reviewed 8 patients with intraspinal cement leakage (M:F = 5:3; mean age 72 years).", [(8, 5, 3)]),
    ("Eighty-four patients were included. The M:F ratio was 47:37.", [(84, 47, 37)]),
])
def test_sexes_written_as_a_ratio(tmp_path, methods, expected):
    paper = mine(tmp_path, case_report(TITLE, f"Methods: {methods}"))
    assert [(c["n_patients"], c["n_male"], c["n_female"]) for c in paper["cohorts"]] == expected


def test_the_ends_of_a_groups_age_range_are_no_patients(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "Methods: This is a retrospective study of 150 patients treated with kyphoplasty. Results: The youngest "
        "was 17 years old, whereas the oldest was 88 years old (mean, 63.2 \u00b1 12.4 years).")))
    assert paper["patients"] == []
    assert [(c["n_patients"], c["age_min"], c["age_max"]) for c in paper["cohorts"]] == [(150, 17, 88)]

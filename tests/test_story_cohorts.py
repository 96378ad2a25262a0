"""Cohort studies end to end: a complication group counted after the study population is drawn from it,
a count that tells of no complication is no group, and a group's statistics are its own."""

from __future__ import annotations

import pytest

from story_helpers import case_report, mine

TITLE = "Risk factors for cement leakage after kyphoplasty: a retrospective study"


def groups(paper: dict) -> list[tuple]:
    return [(c["n_patients"], c["denominator"]) for c in paper["cohorts"]]


@pytest.mark.parametrize("population, group, expected", [
    ("We enrolled 102 consecutive patients, 82 women and 20 men, mean age 69 years.",
     "Cement leakage was detected in 7 patients.", [(102, None), (7, 102)]),
    ("A total of 240 patients were included.", "Epidural leakage was found in 18 patients.", [(18, 240)]),
    ("A retrospective review of 12,000 patients who underwent spinal surgery was performed.",
     "It revealed 17 patients who developed an epidural hematoma with paraparesis.", [(17, 12000)]),
    ("In total, 2715 patients were included in this study and 31 (1.14%) were identified with a symptomatic "
     "epidural hematoma.", "Of these patients, 19 were men and 12 were women, mean age 59.4 ± 11.7 years.",
     [(31, 2715)]),
    ("A retrospective analysis was conducted on 349 patients treated with kyphoplasty.",
     "Pulmonary cement embolism occurred in 11 patients.", [(11, 349)]),
    ("We reviewed 500 patients.", "Radiculopathy developed in 9 consecutive patients.", [(9, 500)]),
    ("Two hundred thirty patients underwent lateral interbody fusion.",
     "Six patients (2.6%) suffered a femoral nerve palsy.", [(6, 230)]),
    ("We reviewed 28 patients treated with vertebroplasty.", "Four patients had radicular pain.", [(4, 28)]),
    ("A total of 495 patients were included.",
     "There were 57 cases of cement leakage. There were 438 patients without cement leakage.",
     [(57, 495), (438, 495)]),
    ("1,004 cases were identified and reviewed.", "The overall epidural hematoma rate was 1.4% (14/1004).",
     [(14, 1004)]),
    ("We retrospectively reviewed 300 patients treated with vertebroplasty.",
     "Cement leakage occurred in 45 women and 12 men.", [(57, 300)]),
    ("The study included 56 women and 17 men treated with vertebroplasty.",
     "Pulmonary cement embolism was confirmed with chest CT in four patients.", [(73, None), (4, 73)]),
    ("There were 75,878 cases included in the analysis.", "The incidence of epidural hematoma was 0.27% (n = 206), "
     "54.4% (n = 112) of which occurred within 5 days.", [(206, 75878)]),
    # a population of people counted first; operations counted in patients
    ("We reviewed 800 patients. A total of 1000 procedures were performed.", "Leakage was seen in 30 patients.",
     [(30, 800)]),
    ("A total of 1000 procedures were performed in a total of 800 patients.", "Leakage was seen in 30 patients.",
     [(30, 800)]),
    ("A total of 16 582 cervical spine surgeries were identified.", "15 patients developed an epidural hematoma. We "
     "also enrolled 60 matched patients as controls.", [(15, 16582)]),
    ("We retrospectively reviewed 3,720 cases of spine operation.", "In this period, 9 cases of postoperative "
     "epidural hematoma were experienced.", [(9, 3720)]),
    ("We have reviewed 1858 patients who had undergone a laminoplasty.", "We identified 43 (2.3%) who had "
     "developed a C5 palsy.", [(43, 1858)]),
    ("We reviewed 2,951 patients.", "Among the 2,951 patients, 8 patients (0.27%) developed an epidural hematoma.",
     [(8, 2951)]),
    ("A total of 120 patients were included.", "Epidural leakage was seen in 6 patients and foraminal leakage in 4 "
     "patients.", [(6, 120), (4, 120)]),
    # another's study, told with its authors, counts none of the paper's patients
    ("In contrast to the prospective study with 120 patients by Smith et al., leakage was rare. We reviewed 45 "
     "patients, 30 women and 15 men.", "Leakage occurred in 12 patients.", [(45, None), (12, 45)]),
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
])
def test_a_count_of_no_complication_is_no_group(tmp_path, population, other):
    paper = mine(tmp_path, case_report(TITLE, f"Methods: {population} Results: {other}"))
    assert 18 not in [n for n, _ in groups(paper)]


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
    ("The patients with leakage included 31 women and three men, whose mean age was 72.4 years. Epidural "
     "leakage was seen in 22 patients.", (34, 3, 31, 72.4)),
    ("Subjects were 34 patients with leakage. The patients included 31 women and three men, whose mean age was "
     "72.4 years. Epidural leakage was seen in 22 patients.", (34, 3, 31, 72.4)),
])
def test_a_groups_statistics_are_its_own(tmp_path, methods, expected):
    paper = mine(tmp_path, case_report(TITLE, f"Methods: {methods}"))
    assert [(c["n_patients"], c["n_male"], c["n_female"], c["age_mean"]) for c in paper["cohorts"]][0] == expected


def test_a_statistic_told_between_a_population_and_its_verb_is_its_own(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "Methods: Seventy-three patients with a mean age of 60.5 years and cervical myelopathy treated by "
        "laminoplasty from 1995 to 2005 were reviewed. Results: Overall 10 of 73 (14%) patients developed a C5 palsy.")))
    assert [(c["n_patients"], c["denominator"], c["age_mean"]) for c in paper["cohorts"]] == [
        (73, None, 60.5), (10, 73, None)]


def test_a_group_named_before_its_population_is_drawn_from_it(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "Objective: To present the cases of 6 patients who developed C5 palsy after decompression. Methods: A "
        "review was performed on 134 patients who underwent anterior decompression. Results: Six patients (4.3%) "
        "suffered postoperative paralysis.")))
    assert [(c["n_patients"], c["denominator"]) for c in paper["cohorts"]] == [(6, 134)]


def test_a_population_described_inside_the_sentence_that_draws_a_group_from_it(tmp_path):
    paper = mine(tmp_path, case_report(TITLE, (
        "Results: Of the 312 patients (198 women and 114 men, mean age 70.2 years), 48 developed cement leakage.")))
    assert sorted((c["n_patients"], c["n_male"], c["n_female"], c["age_mean"], c["denominator"])
                  for c in paper["cohorts"]) == [(48, None, None, None, 312), (312, 114, 198, 70.2, None)]


def test_an_age_told_in_a_later_section_is_the_population_counted_before_it(tmp_path):
    text = (f"{TITLE}\n\nMethods\n\nWe retrospectively reviewed 71 patients treated with kyphoplasty.\n\n"
            "Results\n\nThe mean age was 54.6 \u00b1 16.0 years. Epidural leakage was seen in 73.2% (n=52) of "
            "patients.\n")
    paper = mine(tmp_path, text)
    assert [(c["n_patients"], c["denominator"], c["age_mean"]) for c in paper["cohorts"]] == [
        (71, None, 54.6), (52, 71, None)]


@pytest.mark.parametrize("ages, expected", [
    ("The women ranged between the ages of 62 and 84 (average age 74.8) years, while the men were aged "
     "between 51 and 77 (average age 69.0) years.",
     [(21, 6, 15, None, 73.1), (15, 0, 15, 21, 74.8), (6, 6, 0, 21, 69.0)]),
    ("The mean age was 74.8 years in women.", [(21, 6, 15, None, 73.1), (15, 0, 15, 21, 74.8)]),
    ("The mean age was 74.8 years in women and 69.0 years in men.",
     [(21, 6, 15, None, 73.1), (15, 0, 15, 21, 74.8), (6, 6, 0, 21, 69.0)]),
    # an age of all of them, told with their sex counts, stays the whole group's
    ("Of them, 15 women and 6 men (mean age 70.2 years) were followed.", [(21, 6, 15, None, 73.1)]),
])
def test_ages_told_of_one_sex_make_a_group_of_that_sex(tmp_path, ages, expected):
    text = (f"Methods: The study group consisted of 21 patients, 15 female and six male. The average age of the "
            f"participants was 73.1 years. {ages}")
    paper = mine(tmp_path, case_report(TITLE, text))
    assert [(c["n_patients"], c["n_male"], c["n_female"], c["denominator"], c["age_mean"])
            for c in paper["cohorts"]] == expected


@pytest.mark.parametrize("methods, expected", [
    ("Cement emboli were noted in three (4.6%) of 65 procedures performed in our institution.", [(3, 65)]),
    # where the paper counts its patients, procedures count treated vertebrae
    ("We reviewed 80 patients, 60 women and 20 men. Cement leakage occurred in 30 of 120 procedures.", [(80, None)]),
    # a population counted in operations too
    ("A total of 16,582 cervical spine surgeries were identified. An epidural hematoma was evacuated after 16 of "
     "16,582 (0.10%) surgeries.", [(16, 16582)]),
])
def test_a_group_counted_against_operations(tmp_path, methods, expected):
    assert groups(mine(tmp_path, case_report(TITLE, f"Methods: {methods}"))) == expected


def test_arms_a_population_was_divided_into_are_drawn_from_it(tmp_path):
    methods = ("32 patients with fractures were randomly assigned to either group H using high-viscosity cement "
               "(n = 14) or group L using low-viscosity cement (n = 18). Leakage was seen in 5 patients.")
    assert groups(mine(tmp_path, case_report(TITLE, f"Methods: {methods}"))) == [(14, 32), (18, 32), (5, 32)]


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


@pytest.mark.parametrize("text, expected", [
    # a complication group counted with its share and no noun, where the share is of the population
    ("Methods: This study analyzed data from 132 adult patients who underwent laminoplasty. Results: C5 palsy "
     "developed in 8 (6.1%).", [(8, 132)]),
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
    ("Methods: A total of 93 patients were divided into the CAPSI group (46 subjects) and the conventional "
     "pedicle screw (CPS) group (47 subjects).", [(46, 93), (47, 93)]),
    # each arm's complication group, told as a fraction after the arm's name; the arms add up to the population
    ("Methods: A total of 256 patients were divided into two groups. Results: Cement leakage was lower in the "
     "PMCP group (23/134) than in the PKP group (35/122).", [(134, 256), (23, 134), (122, 256), (35, 122)]),
    # ... not a fraction of screws, nor an outcome of an arm
    ("Methods: We studied 96 patients with 442 pedicle screws. Results: Screw loosening was more common in the "
     "TT group (19/230) than in the CBT group (8/212).", [(96, None)]),
    ("Methods: We enrolled 100 patients: TLIF group (n = 50) and PLIF group (n = 50). Results: The fusion rate "
     "was 92% in the TLIF group (46/50) and 88% in the PLIF group (44/50).", [(50, 100), (50, 100)]),
    ("Methods: We enrolled 32 patients: group H (n = 14) and group L (n = 18). Results: Cement leakage occurred "
     "in 5 of the 14 patients in group H and in 6 of the 18 patients in group L.",
     [(14, 32), (18, 32), (5, 14), (6, 18)]),
    # a complication counted in parentheses with its share, right after it; not a diagnosis so counted
    ("Methods: This is a retrospective study of 31 patients. Results: Those with an acute foot drop (10 patients "
     "(32.3%)) and those with a gradual foot drop (21 patients (67.7%)) were compared.", [(10, 31), (21, 31)]),
    ("Methods: We reviewed 113 patients. Results: The most frequent diagnosis was spondylolisthesis (59 cases, "
     "52.2%). Psoas weakness (5 cases, 4.4%) was seen.", [(5, 113)]),
    ("Methods: We reviewed 113 patients. Results: Indications were discogenic low back pain (7 cases, 6.2%). "
     "Thigh numbness/pain (12 cases, 10.6%) was seen.", [(12, 113)]),
    ("Methods: Eighty-one patients (mean age 63 years) with degenerative spine diseases underwent lateral fusion. "
     "Results: In the first 24 h, 32 patients (39.5%) had thigh weakness.", [(81, None), (32, 81)]),
    # arms named after their size, or counted in a lettered group
    ("Methods: Thirty-five consecutive patients underwent laminoplasty (n = 19: LP group) or fusion (n = 16: PDF "
     "group).", [(19, 35), (16, 35)]),
    ("Methods: We included 82 patients: 45 cases in group A underwent PVP, 37 cases in group B underwent PKP. "
     "Results: Cement leakage was observed in 5 patients in group A, while foraminal leakage in 12 patients in "
     "group B.",
     [(45, 82), (37, 82), (5, 45), (12, 37)]),
    ("Methods: We included 80 patients: 45 patients in group A received PVP and 35 patients in group B received "
     "PKP. Results: Cement leakage was seen in 5 patients in group A.", [(45, 80), (35, 80), (5, 45)]),
    # an arm's count of cases before its count of vertebrae
    ("Methods: We included 100 patients: the PKP group (n = 50) and the PVP group (n = 50). Results: Leakage was "
     "seen in 9 patients (18%) in the PKP group.", [(50, 100), (50, 100), (9, 50)]),
    ("Methods: We retrospectively reviewed 52 patients. The PKP group (24 cases, 31 vertebrae) and the PVP group "
     "(28 cases, 35 vertebrae) were compared.", [(24, 52), (28, 52)]),
    # one size told for each arm named or counted before it
    ("Methods: 80 patients were divided into a kyphoplasty group (Group A) and a vertebroplasty group (Group "
     "B), with 40 cases in each group. Results: Cement leakage occurred in 6 patients in group A and 12 "
     "patients in group B.", [(40, 80), (40, 80), (6, 40), (12, 40)]),
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
    ("Methods: A review of our database yielded 6,024 consecutive patients. A total of 42 patients who had "
     "undergone revision for a confirmed epidural hematoma (EH) were allocated to the EH group. A matched "
     "control group was formed (126 patients with the same procedure and similar age).", [(42, 6024), (126, None)]),
    ("Methods: We reviewed 500 patients. Forty patients who developed cement leakage were assigned to the "
     "leakage group, and a control group of 80 patients was drawn.", [(40, 500), (80, None)]),
    # ... not an arm named for its care, though its sentence tells of a complication
    ("Methods: We reviewed 300 patients. Cement leakage was compared between the PVP group (n = 30) and the PKP "
     "group (n = 34).", [(30, None), (34, None)]),
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
    ("Methods: We reviewed 500 patients. Forty-two patients who had undergone revision within 72 hours for a "
     "confirmed epidural hematoma were allocated to the hematoma group.", [(42, 500)]),
    ("Methods: We reviewed 500 patients. Forty patients with cement leakage and the related symptoms were "
     "assigned to the leakage group.", [(40, 500)]),
    # a group of patients without the complication is no complication group
    ("Methods: We reviewed 300 patients. A matched control group was formed (126 patients without neurological "
     "complications, same age and sex). Results: Neurological complications occurred in 42 patients.",
     [(126, None), (42, 300)]),
    # a cohort a model is built on is a group; any other cohort named with its size is the population
    ("Methods: Patients were randomly divided into a training cohort (n=100) and a validation cohort (n=63).",
     [(100, None), (63, None)]),
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
])
def test_groups_told_with_a_share_a_fraction_or_an_arm(tmp_path, text, expected):
    assert groups(mine(tmp_path, case_report(TITLE, text))) == expected


@pytest.mark.parametrize("methods, expected", [
    # sexes written as a ratio count a group they add up to ...
    ("A total of 90 patients were enrolled (M:F = 54:36, mean age 61.1 years).", [(90, 54, 36)]),
    # ... and make no group of their own where they add up to none
    ("A total of 90 patients were enrolled (M:F = 2:1, mean age 61.1 years).", [(90, None, None)]),
    ("We reviewed 120 consecutive patients (mean age 70 years). The M:F ratio was 60:40.", [(120, None, None)]),
    # ... nor of a later group they happen to add up to
    ("We reviewed 90 patients (mean age 70 years). Leakage occurred in 12 patients (M:F = 3:1). Radicular pain "
     "developed in 4 patients.", [(90, None, None), (12, None, None), (4, None, None)]),
    ("We reviewed 120 patients (mean age 70 years, male to female ratio 2:1). Three patients developed pulmonary "
     "cement embolism.", [(120, None, None), (3, None, None)]),
    ("We reviewed 8 patients with intraspinal cement leakage (M:F = 5:3; mean age 72 years).", [(8, 5, 3)]),
    ("Ninety patients were included. The M:F ratio was 54:36.", [(90, 54, 36)]),
])
def test_sexes_written_as_a_ratio(tmp_path, methods, expected):
    paper = mine(tmp_path, case_report(TITLE, f"Methods: {methods}"))
    assert [(c["n_patients"], c["n_male"], c["n_female"]) for c in paper["cohorts"]] == expected

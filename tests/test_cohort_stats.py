"""Cohort statistics: group size with its denominator, sex counts, and age mean/SD/range/median."""

import pytest
import spacy

from leakmine.components.cohort import match_cohort
from leakmine.components.cohort.normalize import age_stat, age_stat_value, cohort_size, sex_count, stated_rate
from leakmine.nlp.numbers import load_number_rules, parse_number

RULES = load_number_rules("leakmine.components.cohort", frozenset({"COHORT_SIZE", "SEX_COUNT", "AGE_STAT"}))


def found(text: str, label: str) -> list[tuple[str, dict]]:
    return [(value, attrs) for m, value, attrs in match_cohort(text, RULES) if m.rule.label == label]


@pytest.mark.parametrize("text, n, denominator", [
    ("Forty patients (40/3120, 1.3%) needed revision.", 40, 3120),
    ("Twenty-two patients (22/1500; 1.5%) were readmitted.", 22, 1500),
    ("15 patients (1.1%, 15/1364) developed leakage", 15, 1364),
    ("25 consecutive patients (25/900) were reviewed", 25, 900),
    ("30 of 3,150 patients had a deficit", 30, 3150),
    ("Records of 23 418 patients were reviewed.", 23418, None),  # thousands set apart by a space
    ("11 of 19 304 patients developed a hematoma", 11, 19304),
    ("Of the 312 patients (198 women and 114 men, mean age 70.2 years), 48 developed leakage.", 48, 312),
    # the fraction after what the group had repeats its count
    ("In all, 27 patients developed cement leakage (27/318, 8.5%).", 27, 318),
    # the population's noun left out before what it underwent
    ("Between 2004 and 2012, out of 7,406 who underwent a laminectomy, 18 patients needed a second operation.", 18, 7406),
    ("A total of 19 304 thoracolumbar spine surgeries were identified", 19304, None),
    ("17 out of 2,410 consecutive patients", 17, 2410),
    ("eleven of 240 patients", 11, 240),
    ("a total of 45 patients", 45, None),
    ("A total of sixty-three cases were analysed.", 63, None),
    ("We retrospectively reviewed 112 consecutive patients.", 112, None),
    ("we enrolled 58 elderly patients", 58, None),
    ("96 patients were included in the study", 96, None),
    ("Thirty-one OVCF patients were enrolled.", 31, None),
    ("the cohort (n = 27)", 27, None),
    ("women with a leak (n = 16)", 16, None),
    ("N=140 patients", 140, None),
    ("patients treated with PKP (N=140)", 140, None),
    ("12 patients (12/80) had leaks", 12, 80),
    ("Leakage was seen in 27 patients (1.3% 27/2046).", 27, 2046),
    ("embolism in 21 patients (2.4%; 21/870)", 21, 870),
    ("A retrospective chart review of 9,400 patients who underwent surgery", 9400, None),
    ("A retrospective analysis was carried out on 418 patients with fractures.", 418, None),
    ("a prospective cohort study of 207 consecutive patients", 207, None),
    ("We carried out a retrospective study with 473 patients who underwent PLIF.", 473, None),
    ("Eighty-six consecutive patients with 139 levels who underwent vertebroplasty were evaluated.", 86, None),
    ("Subjects were 8,925 patients (61,304 pedicle screws) who underwent fusion.", 8925, None),
    ("The subjects of this study were 212 patients treated with fusion.", 212, None),
    ("The participants in our series were 64 patients treated for burst fractures.", 64, None),
    # the population told from the operation it underwent
    ("Percutaneous kyphoplasty was performed in 126 patients with 150 fractures.", 126, None),
    ("Balloon kyphoplasty (BKP) was carried out on 64 patients.", 64, None),
    ("Methods: Posterior lumbar interbody fusion was performed for 212 consecutive patients.", 212, None),
    # a count told out of its arm's patients: the count, not the arm
    ("Leakage occurred in 9 out of the 40 patients (22.5%) in the PVP group.", 9, 40),
    ("Forty percent (12 of 30) of patients reported thigh numbness.", 12, 30),
    ("There were 11 (7%) cases with asymptomatic paravertebral leakage.", 11, None),
    ("Our series comprising 80 patients was reviewed.", 80, None),
    ("This was a prospective, controlled, single-centre study with 52 patients.", 52, None),
    ("Sixty patients with fractures treated with kyphoplasty were evaluated retrospectively.", 60, None),
    ("45 patients were randomized into two groups.", 45, None),
    ("we have jointly carried out an internationally-coordinated multi-institutional longitudinal-observation "
     "study with 473 patients", 473, None),  # its noun far after its first word
    ("group M using medium viscosity cement (n = 17)", 17, None),
    ("An audit of the records of 85 patients", 85, None),
    ("The review revealed 11 patients who developed a hematoma.", 11, None),
    ("27 patients who subsequently experienced radiculopathy", 27, None),
    ("2864 patients with fractures treated with PKP were retrospectively reviewed", 2864, None),
    ("Ninety-one patients who underwent cervical fixation were independently reviewed", 91, None),
    ("Sixty patients aged over 65 years were enrolled", 60, None),
    ("Pain relief was evaluated in 284 patients (517 vertebrae).", 284, None),
    ("Of the 12, 8 patients who developed weakness underwent evacuation.", 8, 12),
    ("312 patients with fractures were identified from our database", 312, None),
    ("In 2015, 30 patients underwent vertebroplasty", 30, None),
    # a group with its own age or sex whatever it underwent (alone, an operation again is an outcome's tally)
    ("Twenty-six patients (average age 71.2 years) underwent evacuation of the hematoma.", 26, None),
    ("Nine patients (5 men) underwent revision surgery.", 9, None),
    ("One hundred and thirty-seven (71%, 95% CI 64-77%) of 193 patients had leakage", 137, 193),
    ("Two hundred sixty patients underwent anterior fusion.", 260, None),
    ("34 patients (14 men and 20 women) underwent kyphoplasty", 34, None),
    ("There were 62,413 cases included in the analysis.", 62413, None),
    ("There were 46 cases of cement leakage.", 46, None),
    ("Five patients had radicular pain.", 5, None),
    ("12 patients (3.1%) developed a new deficit", 12, None),
    ("In all, 120 kyphoplasties were done in 96 consecutive patients.", 96, None),
    ("We analysed the charts and imaging of 74 consecutive elderly patients with fractures.", 74, None),
    ("Forty consecutive, unselected cases were reviewed.", 40, None),
    ("We collected 1,204 lumbar surgery cases from six centers.", 1204, None),
    ("Eighty-three patients (with a total of 117 painful spinal metastases) were enrolled.", 83, None),
    ("Of 3,148 patients who received vertebroplasty, 67 with disc leakage were enrolled.", 67, 3148),
    ("Of 9,562 elective spinal operations, 18 patients experienced a new deficit.", 18, 9562),
    ("In 427 thoracic laminectomies, 13 patients (3.0%) sustained a palsy.", 13, 427),  # operations by name
    ("Foot drop followed 9 of 604 (1.5%) posterior fusions.", 9, 604),
    ("For comparison, 24 patients (group K) were randomly drawn from 150 patients with no leak.", 24, 150),
    ("As controls, 35 patients were selected from among the remaining 180 patients.", 35, 180),
    ("In all, 164 fractured levels treated by vertebroplasty in 131 patients were reviewed.", 131, None),
    ("Every patient given a cement augmentation at our unit (226 patients; 305 vertebrae) were consecutively "
     "enrolled.", 226, None),
    ("Nine cases of delayed deficit were noted (incidence, 0.21%).", 9, None),
    ("Twenty-five patients were successfully enrolled.", 25, None),
    ("There were 9 patients with leakage among the 40 patients.", 9, 40),
    ("There were 13 (24%) C5 palsies in the 54 patients.", 13, 54),
    ("Nine cases of epidural hematoma were identified before discharge.", 9, None),
    ("There were 9 (19%) palsies in the 47 patients in our study.", 9, 47),
    ("A total of 37 patients who had undergone reoperation for a hematoma were assigned to the SEH group.", 37, None),
    ("Twelve patients with a delayed onset were classified into the late group", 12, None),
    ("A matched control group was formed (111 patients with the same operation and sex).", 111, None),
    ("a control group of 80 patients", 80, None),
    ("Of the 40 patients who had leakage, 12 were assigned to the surgery group.", 12, 40),
    ("a training cohort (n=120)", 120, None),
    ("the derivation cohort (1,250 patients)", 1250, None),
    ("We conducted a retrospective review of the 254 patients operated on for fractures.", 254, None),
    ("In our series, 66 patients aged ≥ 75 with a total of 103 fractures underwent vertebroplasty.", 66, None),
    ("Sixty patients aged 65 years or older with fractures underwent kyphoplasty.", 60, None),
    ("388 patients with complete records were identified and retrospectively analyzed.", 388, None),
    ("Foot drop occurred in 19 (12 men, mean age: 58.6±8.3 y) of the 725 (2.6%) patients.", 19, 725),
    ("We found 5 cases among 341 patients who had been operated on.", 5, 341),
    ("We selected 42 patients with adjacent fractures after PKP as the fracture group.", 42, None),
    ("178 patients (109F, 69M) in whom augmented screws were used were included.", 178, None),
    ("A prospective database of 462 patients operated on by a single surgeon was searched.", 462, None),
    ("A national registry of 2,480 patients was searched for the years 2010 to 2015.", 2480, None),
    ("From April 2011 until June 2016, 71 patients with burst fractures were treated by kyphoplasty.", 71, None),
    ("The clinical data of 97 patients with osteoporotic thoracolumbar fractures admitted to the Department of "
     "Spine Surgery of the Riverside Hospital of the Northern Medical University between February 2017 and October "
     "2020 were retrospectively analyzed.", 97, None),
])
def test_cohort_size(text, n, denominator):
    assert [(v, a["n"], a["denominator"]) for v, a in found(text, "COHORT_SIZE")] == [(str(n), n, denominator)]


@pytest.mark.parametrize("text, n", [
    ("and 24 (0.87%) were identified with a hematoma", 24),
    ("Of these, 19 (4.2%) developed leg weakness.", 19),
    ("12 (0.8%) patients were diagnosed with foot drop", 12),
    ("eight (6.5%) suffered a deficit", 8),
    ("Seven patients (2.7%) suffered a femoral neuropathy", 7),
    ("and identified 36 (1.9%) who had developed a palsy", 36),
    ("we documented 7 cases of this syndrome", 7),
    ("9 cases of postoperative epidural hematoma were experienced", 9),
])
def test_groups_counted_with_their_incidence(text, n):
    assert [(a["n"], a["kind"]) for _, a in found(text, "COHORT_SIZE")] == [(n, "subgroup")]


@pytest.mark.parametrize("text, expected", [
    ("52 cases of cement leakage were observed in 40 patients.", [40]),
    ("We observed 52 cases of cement leakage in 40 patients.", []),
    ("We documented 52 cases of cement leakage among 300 treated vertebrae.", []),
    # fewer cases than the patients they are told among, or "vertebral" in another sense, are groups
    ("We encountered 14 cases of symptomatic epidural hematoma among 1200 patients.", [14]),
    ("We documented 9 cases of paraplegia after vertebral augmentation.", [9]),
    ("We encountered 14 cases of symptomatic cement leakage among 15 000 patients.", [14]),
    ("52 cases of cement leakage were observed in forty patients.", [40]),
    ("We observed 52 cases of cement leakage at 40 vertebral levels.", []),
    ("We encountered 12 cases of epidural hematoma in 3000 patients operated on at one or two levels.", [12]),
])
def test_cases_counted_in_events_are_no_group(text, expected):
    assert [a["n"] for _, a in found(text, "COHORT_SIZE")] == expected


@pytest.mark.parametrize("text, expected", [
    # the literature's cases are no population; a title's count and the next paragraph's are not one fraction
    ("A review of the 35 cases reported in the literature was performed.", []),
    ("Cement embolism: a series of four patients\n\nAmong 1,872 patients treated with vertebroplasty, four had "
     "emboli.", [(4, None), (4, 1872)]),
    ("Fusion outcomes: a retrospective study\n\nOf the 40 patients with leakage, twelve needed surgery.", [(12, 40)]),
    # a count named for a group is the one whose words define it, never one before another count
    ("Thirty-seven patients had new fractures, and 20 patients served as the control group.", [(37, None)]),
    # the end of a decimal counts no one; a subgroup analysed, or patients compared, are no population or group
    ("We reviewed 120 patients treated with PVP. Mean age was 68.4 among the 120 patients.", [(120, None)]),
    ("Subgroup analysis of the 35 patients with cement leakage showed no deficits.", []),
    # a time or a share of things told with "for" counts no people
    ("Pain relief was observed for 12 (40%) weeks.", []),
    ("Pain scores at one year were recorded for 380 (95%) patients.", []),
    ("Leakage was found for 12 (4.1%) of the treated levels.", []),
    ("Of 64 who were interviewed, 12 recalled the leak.", []),
    ("In all, 27 patients developed cement leakage (9/318).", [(27, None)]),  # another count's fraction
])
def test_sizes_not_read_across_their_bounds(text, expected):
    assert [(a["n"], a["denominator"]) for _, a in found(text, "COHORT_SIZE")] == expected


@pytest.mark.parametrize("text, names", [
    ("Of the 280 patients, we chose 53 patients with adjacent fractures after PKP as the fracture group, "
     "and the remaining 227 patients as the no fracture group.", [(53, "fracture"), (227, "no fracture")]),
    ("We assigned 20 patients as the control group and the other 38 patients as the PVP group.",
     [(20, "control"), (38, "pvp")]),
    ("Thirty-seven patients had new fractures, and 20 patients served as the control group.", []),
    ("We also reviewed 45 patients treated during the same period as the PKP group.", []),
    ("We matched 30 patients with the same fracture type as the PVP group.", []),
    # "same" after the group's name is no comparison of it
    ("We selected 44 patients with kyphoplasty as the PKP group and 51 patients with vertebroplasty as the PVP "
     "group, all treated by the same surgeon as the senior author.", [(44, "pkp"), (51, "pvp")]),
    ("Of the 40 patients who had leakage, 12 patients with a large leak and 28 patients as the controls were "
     "compared.", []),
])
def test_a_group_named_as_the_patients_a_count_defines(text, names):
    assert [(a["n"], a["name"]) for _, a in found(text, "COHORT_SIZE") if a["kind"] == "group"] == names


@pytest.mark.parametrize("text, expected", [
    ("1,236 cases were reviewed. The overall hematoma rate was 1.3% (16/1236).", [(1236, None), (16, 1236)]),
    ("The incidence of leakage was 3.2% (n = 16).", [(16, None)]),
    ("Leakage was found in 8.9% of the patients (n = 17).", [(17, None)]),
    ("Leakage was found in 8.9% of the levels (n = 17).", []),
    ("The overall palsy incidence was 4.6% (46 cases).", [(46, None)]),
    ("C5 palsy occurred in 4.6% (46 cases) of the 1000 patients.", [(46, 1000)]),
    ("Cement leakage was found in 12% (15 cases) of 125 treated vertebrae.", []),
    ("The leakage rate was 4.6% (46 vertebrae).", []),
    ("The incidence was 4.6% (46 cases), of which 27 were women.", []),
    ("The overall hematoma rate was 1.3% (16/1236).", []),  # no count of people elsewhere
    ("1,236 vertebrae were treated. The leakage rate was 1.3% (16/1236).", []),
])
def test_a_rate_counts_people_when_its_denominator_does(text, expected):
    assert [(a["n"], a["denominator"]) for _, a in found(text, "COHORT_SIZE")] == expected


def test_a_rate_with_its_count_is_a_group_and_a_part_of_it_is_not():
    text = "The incidence rate of hematoma was 0.31% (n = 194), 61.3% (n = 119) of which occurred early."
    assert [(a["n"], a["kind"]) for _, a in found(text, "COHORT_SIZE") if a["kind"] == "subgroup"] == [(194, "subgroup")]


def test_a_population_and_the_group_drawn_from_it_in_one_sentence():
    text = "2,315 patients were included and 33 (1.43%) were identified with symptomatic leakage."
    assert [(a["n"], a["kind"]) for _, a in found(text, "COHORT_SIZE")] == [(2315, "population"), (33, "subgroup")]


@pytest.mark.parametrize("text, n", [
    ("Symptomatic leakage was seen in 14 patients.", 14),
    ("Neurological deficits were observed in 6 patients", 6),
    ("Pulmonary embolism occurred in 12 cases.", 12),
    ("Foraminal leakage was noted in nine patients", 9),
    ("Radiculopathy developed in 21 consecutive patients", 21),
    ("Cement leakage occurred in 48 patients", 48),
    ("Epidural leakage was found in 33 patients.", 33),
    ("Paraparesis was documented in 4 patients", 4),
    ("cement emboli were present in 40 patients", 40),
    ("Venous leakage was recorded in 57 patients", 57),
    ("Embolism was seen on chest films and confirmed by thoracic computed tomography (CT) in five patients", 5),
    ("Severe invasion was seen in 7 patients of which two suffered a deficit", 7),
    ("Foraminal leakage was diagnosed by CT in 11 patients", 11),
    ("Neurological complications developed in 23 (8%) patients within 90 days", 23),
    ("Contralateral symptoms occurred in 26 (5.5%) of the patients", 26),
    ("We recorded 43 surgical complications in 37 patients (6.2%).", 37),  # the patients the events befell
    ("Cement leakages in 17 patients (12.1%) were asymptomatic.", 17),
    ("Cement in the disc was detected radiographically in 6 patients.", 6),  # any adverb
])
def test_complication_group_counts(text, n):
    assert [a["n"] for _, a in found(text, "COHORT_SIZE")] == [n]


@pytest.mark.parametrize("text, expected", [
    ("Epidural leakage was seen in 6 patients and foraminal leakage in 4 patients.", [6, 4]),
    ("Leakage occurred in 39 patients (32.5%), venous leakage in 17 (14.2%) and intradiscal leakage in 9 "
     "patients.", [39, 17, 9]),
    ("Cement leakage was observed in 30 cases, whereas pulmonary embolism in three cases.", [30, 3]),
    # the list must follow a group counted "in N patients"
    ("We reviewed 120 patients and leakage in 4 patients.", [120]),
    ("The study included 3150 patients, treated in 2 hospitals.", [3150]),
    ("Leakage was seen in 6 patients and in 4 patients, respectively.", [6]),
    ("The follow-up was 2 years in 6 patients and 3 years in 4 patients.", []),
    # a head that names no people, and its next groups, are groups only where their shares fit (share_only)
    ("Cramps occurred in 9 (47.4%), muscle twitches in six (31.6%).", [9, 6]),
    ("The trauma was low-energy in 284 patients and high-energy in 139 patients.", []),  # nor a group that had something
    # the rest, a part or an outcome of the group before is no next group
    ("Cement leakage was present in 18 patients and absent in 102 patients.", [18]),
    ("Leakage was detected in 16 patients and remained asymptomatic in 14 patients.", [16]),
    ("Leakage was seen in 30 patients, and good pain relief in 100 patients.", [30]),
    ("Leakage was noted in 20 patients, whereas none in 180 patients.", [20]),
    ("Cement leakage was found in 40 patients, and asymptomatic pulmonary cement embolism in 5 patients.", [40, 5]),
    ("Epidural hematoma developed in 6 patients, and neurological deficits recovered fully in 5 patients.", [6]),
    ("Leakage was seen in 40 patients, and leakage remained asymptomatic in 36 patients.", [40]),
    # the next group told with its share, no noun and what it had
    ("Hip flexor weakness was noted in 19 patients (8.1%) and 11 (4.7%) showed sensory loss.", [19, 11]),
    ("Overall, 33 patients (14.0%) suffered leg pain, and 12 (5.1%) developed numbness.", [33, 12]),
    ("Paresis was noted in 11 patients, while 6 (2.4%) presented with radicular pain.", [11, 6]),
    ("We reviewed 250 patients and 27 (10.8%) had numbness.", [250]),  # after no group
    ("Leakage was seen in 52 patients (21.7%) and 27 (11.3%) had been operated on before.", [52]),
    ("Patients aged between 60 and 70 (45%) had more leakage.", []),
    ("Leakage was seen in 7 patients (5.8%), while 113 (94.2%) had no symptoms.", [7]),  # the rest
    ("Of the 80 patients, 20 (25%) had leakage, 8 (10%) reported numbness, and 6 (7.5%) exhibited weakness.",
     [20, 8, 6]),
    ("Leakage was seen in 7 patients (5.8%), and 3 (2.5%) had died before follow-up.", [7]),
])
def test_the_next_groups_of_a_list(text, expected):
    assert [a["n"] for _, a in found(text, "COHORT_SIZE")] == expected


@pytest.mark.parametrize("text, expected", [
    ("Cramps occurred in 9 (47.4%), muscle twitches in six (31.6%).", [(9, True), (6, True)]),
    ("Leakage occurred in 39 patients (32.5%), venous leakage in 17 (14.2%).", [(39, None), (17, None)]),
    ("Leakage occurred in 39 (32.5%), venous leakage in 17 patients.", [(39, True), (17, None)]),
    # a count in parentheses with its share, as a breakdown of a group writes it: a group only where it fits
    ("loosening (8 patients, 29%)", [(8, True)]),
])
def test_a_count_told_with_its_share_and_no_noun_is_a_group_only_where_the_share_fits(text, expected):
    assert [(a["n"], a.get("share_only")) for _, a in found(text, "COHORT_SIZE")] == expected


@pytest.mark.parametrize("text, expected", [
    ("Leakage occurred in 402 of 1,245 patients.", [(402, 1245, "subgroup")]),
    ("seen in 14 vertebrae", []),  # vertebrae, not people
    ("found in 2 of the cases", []),  # no count of a population
    ("Leakage occurred in 26 (5.5%) of the 473 patients.", [(26, 473, "subgroup")]),
    ("Leakage was seen in 14 (5%) vertebrae.", []),
    ("Evacuation was performed after 13 of 4718 (0.28%) spinal fusion surgeries.", [(13, 4718, "subgroup")]),
    ("Leakage occurred in 30 of 120 procedures in 80 patients.", []),  # the patients are counted too
    ("Of 73 patients from the registry, 8 patients in whom a palsy developed were identified.",
     [(8, 73, "subgroup")]),
    ("A total of 62 patients out of 303 met the inclusion criteria.", [(62, 303, "population")]),
    ("A total of 62 patients out of 303 vertebrae were treated.", [(62, None, "population")]),
    ("Of the 437 patients who met the criteria, 7.1% (n=31) experienced C5 palsy.", [(31, 437, "subgroup")]),
    ("Of the 200 patients, 15 who were lost to follow-up were excluded.", []),
    ("Of 50 patients, 48 who had PVP were women.", []),
    ("Cement leakage occurred in 30 of 120 procedures.", [(30, 120, "subgroup")]),  # assembly weighs it
    ("Compared with a previous study with 30 patients, leakage was rarer.", []),  # another's study
    ("12 patients with leakage were evaluated by CT.", []),  # a group examined, not the study's population
    ("25 patients with leakage were evaluated clinically and radiologically.", []),
    ("The controlled, previous study with 30 patients found less leakage.", []),  # another's study
    ("Unlike the randomized study with 30 patients reported by Smith, leakage was rare.", []),
    ("There were 11 (7%) levels with leakage.", []),
    ("Seventeen patients were randomly assigned to group M.", []),  # an arm, not the population
    ("Twelve patients were assigned to receive a brace.", []),
    ("Two patients were randomized to the wrong arm.", []),
])
def test_counts_against_a_population_are_read_once(text, expected):
    assert [(a["n"], a.get("denominator"), a.get("kind")) for _, a in found(text, "COHORT_SIZE")] == expected


@pytest.mark.parametrize("text, male, female", [
    ("There were 14 men and 16 women.", 14, 16),
    ("14 males/16 females", 14, 16),
    ("fourteen men and sixteen women", 14, 16),
    ("Males/females 9 (45%)/11 (55%)", 9, 11),
    ("M/F: 9/11", 9, 11),
    ("Female/male 11/9", 9, 11),
    ("16 female and 14 male patients", 14, 16),
    ("16 women and 14 men", 14, 16),
    ("14 (47%) men and 16 (53%) women", 14, 16),
    ("of whom 14 were men and 16 were women", 14, 16),
    ("14 male, 16 female", 14, 16),
    ("M:F = 47:38", 47, 38),
    ("the F:M ratio was 38:47", 47, 38),
    ("the male to female ratio was 47:38", 47, 38),
    ("(M/F ratio 47:38)", 47, 38),
    ("in 92 cases (males: 39, females: 53, mean age 63.7 y)", 39, 53),
    ("in 92 patients (female = 53; male = 39)", 39, 53),
    ("92 patients (males – 39 and females – 53)", 39, 53),
    ("92 patients (females - 53, males - 39)", 39, 53),
    ("92 patients (males-39, females-53)", 39, 53),
    ("Eighty-seven patients (52 of whom were women and 35 of whom were men)", 35, 52),
    ("35 of whom were men and 52 women", 35, 52),
    ("35 of whom were men and 52 were women", 35, 52),
    ("52 of whom were women and 35 were men", 35, 52),
    ("92 patients (39 men [42.4%] and 53 women [57.6%])", 39, 53),  # shares in square brackets
    ("Males/females 9 [45%]/11 [55%]", 9, 11),
])
def test_sex_count(text, male, female):
    assert [(v, a["n_male"], a["n_female"]) for v, a in found(text, "SEX_COUNT")] == [(f"{male}M/{female}F", male, female)]


@pytest.mark.parametrize("text", [
    "We included 50 patients. Age (males: 66, females: 71) was recorded.",
    "50 patients (males 18-65 and females 20-70)",  # ages of each sex
    "50 patients (males -2.1 and females -1.8 SD)",
])
def test_figures_by_sex_after_a_count_of_patients_are_no_sex_counts(text):
    assert found(text, "SEX_COUNT") == []


@pytest.mark.parametrize("text, value, stat", [
    ("an average age of 64.1 years (64.1 ± 10.2 years)", "64.1±10.2", {"mean": 64.1, "sd": 10.2}),
    ("mean age 71.3 ± 8.4", "71.3±8.4", {"mean": 71.3, "sd": 8.4}),
    ("The mean age was 68 (range 51–90).", "68 (51-90)", {"mean": 68, "min": 51, "max": 90}),
    ("aged 51 to 90 years (mean 68)", "68 (51-90)", {"mean": 68, "min": 51, "max": 90}),
    ("aged 51-90 years, mean age 68 years", "68 (51-90)", {"mean": 68, "min": 51, "max": 90}),
    ("median age 74 (IQR 66–80)", "median 74", {"median": 74, "min": None, "max": None}),
    ("a median (IQR) age of 74 (66-80) years", "median 74", {"median": 74, "min": None, "max": None}),
    ("a median (range) age of 74 (56-90) years", "median 74 (56-90)", {"median": 74, "min": 56, "max": 90}),
    ("median age, not IQR, was 74 (56-90) years", "median 74 (56-90)", {"median": 74, "min": 56, "max": 90}),
    ("Age 66.5 ± 9.1", "66.5±9.1", {"mean": 66.5, "sd": 9.1}),
    ("The mean age of the 40 patients was 69.2 years.", "69.2", {"mean": 69.2, "sd": None}),
    ("mean age, 71.2 years; range, 55-89 years", "71.2 (55-89)", {"mean": 71.2, "min": 55, "max": 89}),
    ("The patients' ages ranged from 48 to 86 years.", "48-86", {"mean": None, "min": 48, "max": 86}),
    ("age range 50-79", "50-79", {"min": 50, "max": 79}),
    ("mean (SD) age 70.4 (SD 6.1)", "70.4±6.1", {"mean": 70.4, "sd": 6.1}),
    ("average age was 73 years (60-85 years)", "73 (60-85)", {"mean": 73, "min": 60, "max": 85}),
    ("mean age ± SD: 63.0 ± 7.7 years", "63±7.7", {"mean": 63, "sd": 7.7}),
    # a range, then its mean in the same clause
    ("The age ranged from 55 to 88 years, with a mean of (71.3 ± 6.2) years.", "71.3±6.2 (55-88)",
     {"mean": 71.3, "sd": 6.2, "min": 55, "max": 88}),
    ("Patient age ranged from 31 to 79 years (mean 58.4 years, SD = 11.1).", "58.4±11.1 (31-79)",
     {"mean": 58.4, "sd": 11.1, "min": 31, "max": 79}),
    ("Ages ranged from 45 to 82 years; mean follow-up was 24 months.", "45-82", {"mean": None, "min": 45, "max": 82}),
    ("Ages ranged from 45 to 82 years, with a mean of 24 months of follow-up.", "45-82", {"mean": None, "min": 45}),
    ("Ages ranged from 45 to 82 years, and a mean of 3 levels treated.", "45-82", {"mean": None, "min": 45}),
    ("an average age of 69.47 (48 ~ 91) years", "69.47 (48-91)", {"mean": 69.47, "min": 48, "max": 91}),
    ("aged 45~88 years (mean 65.2)", "65.2 (45-88)", {"mean": 65.2, "min": 45, "max": 88}),
    ("The mean age was 62.7 ± 9.3 years (range, 40～79 years).", "62.7±9.3 (40-79)",
     {"mean": 62.7, "sd": 9.3, "min": 40, "max": 79}),
    ("ages ranged from 48 ~ 91 years", "48-91", {"min": 48, "max": 91}),
    ("with age varying from 51 to 84 (mean-66) years", "66 (51-84)", {"mean": 66, "min": 51, "max": 84}),
    ("aged 45∼88 years (mean 65.2)", "65.2 (45-88)", {"mean": 65.2, "min": 45, "max": 88}),
    ("mean age 70 years (~10 years older than controls)", "70", {"mean": 70, "min": None, "max": None}),
    # a range alone in a parenthesis, "from" it; the value and its SD in a parenthesis of their own
    ("The average age was 64.3 ± 8.8 years (from 41 to 86 years).", "64.3±8.8 (41-86)",
     {"mean": 64.3, "sd": 8.8, "min": 41, "max": 86}),
    ("the average age of ( 61.4 ± 9.7 ) years ( ranging from 42 to 84 years )", "61.4±9.7 (42-84)",
     {"mean": 61.4, "sd": 9.7, "min": 42, "max": 84}),
    ("mean age 70 years (from 2 to 5 levels)", "70", {"mean": 70, "min": None}),
    # the people named before their age
    ("The average patient age was 71.8 years (range, 52-90 years)", "71.8 (52-90)", {"mean": 71.8, "min": 52, "max": 90}),
    ("Mean patients' age was 64 ± 7 years", "64±7", {"mean": 64, "sd": 7}),
    # the SD told by the label, the value's own lone number after it
    ("at a mean (SD) age of 61.3 (8.2) years", "61.3±8.2", {"mean": 61.3, "sd": 8.2}),
    ("the mean age (SD) was 61.3 (8.2) years", "61.3±8.2", {"mean": 61.3, "sd": 8.2}),
    ("mean (SD) age, 61.3 years (8.2)", "61.3±8.2", {"mean": 61.3, "sd": 8.2}),
    ("mean age 61.3 (8.2) years", "61.3", {"mean": 61.3, "sd": None}),  # no label: not told what it is
    ("mean (SD) age 61.3 (8 patients)", "61.3", {"mean": 61.3, "sd": None}),
    # a range in square brackets between the value and its unit; a citation after the unit is none
    ("mean age, 77.4 [68–86] years", "77.4 (68-86)", {"mean": 77.4, "min": 68, "max": 86}),
    ("the mean age was 77.4 years [68–86]", "77.4", {"mean": 77.4, "min": None, "max": None}),
    ("the mean age was 77.4 [12] years", "77.4", {"mean": 77.4, "min": None, "max": None}),
])
def test_age_stat(text, value, stat):
    (got_value, got), = found(text, "AGE_STAT")
    assert got_value == value
    assert stat.items() <= got.items()


@pytest.mark.parametrize("text", [
    "Twenty-three patients (85%) improved.",
    "eight needed revision",
    "Three patients had undergone surgery before.",
    "The fusion rate was 95% (38/40).",
    "Five patients underwent revision surgery.",
    "Three patients underwent evacuation of the hematoma.",
    "Twenty-three patients (8%) underwent revision surgery.",
    "the patient was 62 years old",
    "a 62-year-old woman",
    "one patient (1/30)",
    "12 men",
    "18 women were treated",
    "the male-to-female ratio was 1:1.5",
    "between 2011 and 2019",
    "mean time to weakness 3.4 ± 2.2 days",
    "the mean age of onset of osteoporosis",
    "aged 18-80 years were eligible",
    "patients older than 65 years",
    "L2/L3 level",
    "grade 4/5 strength",
    "the patients' mean BMI was 24.1",
    "n = 1",
    "2 of the patients",
    "30/3150",
    "the two men",
    "a man and a woman",
    "0.95% (30/3150)",
    "Table 1 Patients' data",
    "mean age",
    "Age of onset",
    "sex ratio",
    "aged 70",
    "Leakage rates varied between the ages of 50 and 90 years.",  # no people's ages
    "Leaks were found at ages from 50 to 60 years.",
    "Patients with ages between 18 and 40 years were excluded.",
    "Leakage was more frequent in patients with ages from 85 to 95 years.",
    "12 patients with ages between 18 and 40 years were excluded.",
    "We excluded 12 patients with ages between 18 and 40 years.",
    "12 patients with ages between 18 and 40 years were not eligible.",
    "12 patients with ages between 18 and 40 years (mean 30 years) were excluded.",
    "Leakage was more frequent in patients with ages from 85 to 95 years (mean 90).",
    "one of two patients",
    "cultured cells (n = 3)",
    "rats were divided into groups (n = 12)",
    "treated vertebrae (n = 48)",
    "a review of 12 studies",
    "an analysis of 263 vertebrae",
    "a database of 86 studies",
    "a registry subgroup of 40 patients",
    "Follow-up data of 12 patients were missing.",
    "Three months later, 5 patients were treated by revision.",
    "Mean BMI by sex (men: 26, women: 24) did not differ.",
    "The 120 vertebrae were divided into 3 groups (40 in each) by cement volume.",
    "In the period 2012-2016, 12 patients with cement leakage were treated by decompression.",
    "From 1995 to 2020, 42 patients reported in the literature were analyzed.",
    "The data of 20 patients reported in the literature were reviewed.",
    "24 (0.87%) vertebrae were treated",
    "12 levels that developed leakage",
    "Leakage occurred in 15.4% of levels (48 of 312).",
    "Three patients in group B developed leakage.",
    "Five patients in group A (16.7%) and three in group B developed cement leakage.",
    "Of these, 38 patients in group A completed follow-up.",
    "Five patients with an epidural hematoma underwent emergency decompression.",
    "20 patients with leakage were treated conservatively",
    "was evaluated in 12 vertebrae",
    "17 patients with cement leakage were identified on CT",
    "a group of 12 patients with leakage",
    "the control group of rats",
    # rescue work done in some patients is a tally, not the population
    "Revision fusion was performed in 6 patients.",
    "A second vertebroplasty was performed on 4 patients.",
    "Emergency laminectomy was performed in 3 patients.",
    "Subsequent kyphoplasty was performed in 14 patients.",
    "Decompressive laminectomy was performed in 4 patients.",
    "Secondary fusion was performed in 5 patients.",
    "Posterior fusion was performed in 18 patients because of progressive kyphosis.",
])
def test_not_a_cohort_statistic(text):
    assert match_cohort(text, RULES) == []


@pytest.mark.parametrize("n, n2, den, expected", [
    ("Thirty", "30", "3150", {"n": 30, "denominator": 3150}),
    ("30", "31", "3150", {"n": 30, "denominator": None}),
    ("30", None, "3,150", {"n": 30, "denominator": 3150}),
    ("30", None, "20", {"n": 30, "denominator": None}),
    ("one", None, None, None),
])
def test_cohort_size_normalizer(n, n2, den, expected):
    assert cohort_size(n, n2, den) == expected


@pytest.mark.parametrize("text, count, rate", [
    ("a deficit developed in 23 (8%) patients", "23 (8%) patients", "8"),
    ("C5 palsy occurred in 74 cases (0.61%).", "74 cases", "0.61"),
    ("Twenty-five palsy patients (33.78 %) had weakness", "Twenty-five palsy patients", "33.78"),
    ("in 12 patients (n = 12, 5.5%)", "12 patients", "5.5"),
    ("in 12 patients (95% CI 3-5)", "12 patients", None),  # a confidence interval
    ("12 patients had leaks (5%)", "12 patients", None),  # told after other words
    ("in 12 patients (12% of the levels)", "12 patients", None),  # a share of something else
    ("Nine cases were noted (incidence, 0.21%).", "Nine cases were noted", "0.21"),
    ("Seven patients developed a palsy after surgery, an incidence rate of 5.7%.", "Seven patients", "5.7"),
    ("18 patients had a deficit, giving an overall incidence of 0.188%; in the", "18 patients", "0.188"),
    ("Seven patients developed a palsy; the incidence of leakage was 12%.", "Seven patients", None),  # another clause
    ("Seven patients had leakage (leakage rate, 5%).", "Seven patients had leakage", "5"),
    ("Seven patients had leakage (overall incidence, 0.61%).", "Seven patients had leakage", "0.61"),
    ("Seven patients had leakage, and the incidence rate was 5%.", "Seven patients", "5"),
    ("Seven patients had leakage, an incidence of 10% per treated level.", "Seven patients", None),
    ("Seven patients had leakage, a rate of 10% of the treated levels.", "Seven patients", None),
    ("Seven patients had fusion (fusion rate 90%).", "Seven patients had fusion", None),
])
def test_the_rate_told_with_a_count(text, count, rate):
    start = text.index(count)
    assert stated_rate(text, start, start + len(count)) == rate


@pytest.mark.parametrize("text, sizes", [
    ("We reviewed 248 patients who had surgery, and 131 were included in the final analysis.", [248, 131]),
    ("Of these, 131 were included.", []),  # nothing counted before it
    ("Of these patients, 88 who met the criteria were enrolled.", [88]),
    ("We screened 300 patients for eligibility. Of these, 250 were included.", [250]),
    ("Of these patients, 45 who met the exclusion criteria were excluded, and 255 were included.", [255]),
    ("We screened 300 patients. Of these, 181 who met the criteria and were willing to take part were enrolled.",
     [181]),
    ("We screened 300 patients. Of these, 40 who met the exclusion criteria were ruled out, and 260 were enrolled.",
     [260]),
    ("Two hundred patients were screened, and 180 were included.", [180]),
    ("We scanned 410 vertebrae, and 380 were included in the analysis.", []),  # vertebrae
])
def test_the_patients_included_after_exclusions(text, sizes):
    assert [a["n"] for _, a in found(text, "COHORT_SIZE")] == sizes


@pytest.mark.parametrize("text, told", [
    ("Six of the 10 patients with C5 palsy recovered fully.", True),
    ("Of the 14 patients who developed leakage, 3 required surgery.", True),
    ("Of the 14 patients who developed leakage, 3 patients required surgery.", True),
    ("Six of the 10 patients with palsy and deltoid weakness recovered fully.", True),
    ("Of the 14 patients who developed leakage, 3 were symptomatic.", False),  # a finding, not their outcome
    ("Of the 120 patients with osteoporosis, 30 developed leakage.", False),  # a stratum; the 30 are the group
    ("Of the 120 patients with osteoporosis who underwent PKP, 30 developed leakage.", False),  # its care, not theirs
    ("Of the 10 patients who developed symptoms that resolved, 4 had leakage.", False),
    ("Six of the 10 patients with C5 palsy recovered fully.", True),
    ("Six of 10 patients with osteoporosis had leakage.", False),  # no group told before
    ("Of the 312 patients, 48 developed leakage.", False),
])
def test_a_denominator_told_as_a_group(text, told):
    (_, attrs), = [f for f in found(text, "COHORT_SIZE") if f[1]["denominator"]]
    assert bool(attrs.get("whole_told")) is told


def test_sex_count_normalizer():
    assert sex_count("twelve", "18") == {"n_male": 12, "n_female": 18}
    assert sex_count("1.5", "2") is None


def test_age_stat_rejects_non_ages():
    assert age_stat("mean age 250", {"val": "250"}) is None
    assert age_stat_value({"mean": 65, "sd": None, "min": 45, "max": 82, "median": None}) == "65 (45-82)"


def test_pipeline_writes_cohort_spans():
    nlp = spacy.blank("en")
    nlp.add_pipe("leakmine_cohort")
    text = "Twenty patients (20/900, 2.2%) had leaks. There were 8 men and 12 women (mean age 70.1 ± 9.0 years)."
    doc = nlp(text)
    spans = list(doc.spans["leakmine_cohort"])
    assert [(s.label_, s._.lm_value) for s in spans] == [
        ("COHORT_SIZE", "20"), ("SEX_COUNT", "8M/12F"), ("AGE_STAT", "70.1±9")]
    assert all(text[s.start_char:s.end_char] == s.text for s in spans)


@pytest.mark.parametrize("text, n, denominator, kind, predicate", [
    ("Cement leakage occurred in 48 of 312 patients.", 48, 312, "subgroup", "event"),
    ("Leakage was seen in 1,647 of 2,315 patients (71.1%).", 1647, 2315, "subgroup", "event"),
    ("Of the 312 patients, 48 (15.4%) developed cement leakage.", 48, 312, "subgroup", "event"),
    ("Among 2,406 consecutive patients, 37 developed foot drop.", 37, 2406, "subgroup", "event"),
    ("48/312 patients (15.4%) had leakage on CT.", 48, 312, "subgroup", "event"),
    ("Leakage occurred in 15.4% of patients (48/312).", 48, 312, "subgroup", "event"),
    ("Leakage occurred in 15.4% of patients (48 of 312).", 48, 312, "subgroup", "event"),
    ("Data were collected in 53 patients.", 53, None, "population", None),
    ("Nine of the 17 patients required reoperation.", 9, 17, "subgroup", "outcome"),
    ("In our series, 12 of 80 patients (15%) improved.", 12, 80, "subgroup", "outcome"),
    ("Two thousand four hundred and six patients were included.", 2406, None, "population", None),
    ("One hundred and twelve patients were enrolled.", 112, None, "population", None),
    ("A total of 2,406 patients were reviewed.", 2406, None, "population", None),
    ("a leakage group (n = 48)", 48, None, "group", None),
    ("the observation group (n = 44, given kyphoplasty and a course of teriparatide after it)", 44, None,
     "group", None),
    ("The foot-drop group comprised 14 patients.", 14, None, "group", None),
    ("Group B (n = 32) received kyphoplasty.", 32, None, "group", "outcome"),
    ("14 patients were assigned to the foot drop group.", 14, None, "group", None),
    ("There were 436 patients in our series.", 436, None, "population", None),
    ("There were 38 patients without leakage.", 38, None, "subgroup", None),
    ("Three patients had radicular leg pain that resolved.", 3, None, "subgroup", "event"),
    ("Four patients had complete recovery.", 4, None, "subgroup", "outcome"),
    ("Just 4 patients had a deterioration of gait, 38 patients improved.", 4, None, "subgroup", "event"),
    ("Seven patients had a deterioration of leg function.", 7, None, "subgroup", "event"),
])
def test_group_size_kind_and_predicate(text, n, denominator, kind, predicate):
    (value, attrs), = found(text, "COHORT_SIZE")
    assert (attrs["n"], attrs["denominator"], attrs["kind"], attrs["predicate"]) == (n, denominator, kind, predicate)


@pytest.mark.parametrize("text, name", [
    ("the non-leakage group (n = 264)", "non leakage"),
    ("the leakage group (48 patients)", "leakage"),
    ("Group A (n = 30)", "a"),
    ("group II (28 patients)", "ii"),
    ("the control group comprised 106 patients", "control"),
    ("30 patients were allocated to the PKP group", "pkp"),
    ("the symptomatic group (n = 9)", "symptomatic"),
    ("the early surgery group (n = 12)", "early surgery"),
    ("the foot drop group (n=14)", "foot drop"),
    ("Group 2 (n = 40)", "2"),
    ("vertebroplasty with ablation (n = 46, group A)", "a"),
    ("the other arm (*n* = 68, group B)", "b"),
    ("underwent laminoplasty (n = 19: LP group)", "lp"),
    ("(NF subgroup: 20 patients)", "nf"),
    ("39 cases in group A and underwent guided puncture", "a"),
    ("42 patients were assigned to group B", "b"),
    ("40 patients were randomized into group A", "a"),
    ("26 patients without a history of a fall were categorized into group B", "b"),
])
def test_named_group(text, name):
    (value, attrs), = found(text, "COHORT_SIZE")
    assert attrs["name"] == name


@pytest.mark.parametrize("text, sizes", [
    ("There were 45 patients in group A and 42 patients in group B.", [(45, "group", "a"), (42, "group", "b")]),
    ("There were 38 cases in group I and 41 in group II.", [(38, "group", "i"), (41, "group", "ii")]),
    ("Thirty patients were assigned to group A and 28 to group B.", [(30, "group", "a"), (28, "group", "b")]),
    # the next of a list goes on only from a named arm
    ("We reviewed 90 patients and 12 in group B were lost to follow-up.", [(90, "population", None)]),
    # after a complication group, the next is one too (its arm is named after it)
    ("Leakage was seen in 12 patients in group A and 4 (9.5%) in group B.",
     [(12, "subgroup", None), (4, "subgroup", None)]),
    # a breakdown whose first part is not counted in its arm is not continued
    ("There were 11 cases (7.3%) of leakage, 5 cases (7.1%) in group A and 6 cases (7.5%) in group B.",
     [(11, "subgroup", None)]),
    ("There were 45 patients in group A and 5 in group B developed leakage.", [(45, "group", "a")]),
    # ... nor after a clause turns to what the arms did
    ("There were 45 patients in group A and 42 in group B, and 40 in group A and 38 in group B were followed.",
     [(45, "group", "a"), (42, "group", "b")]),
    ("There were 45 patients in group A and 42 in group B, and 3 in group A and 2 in group B developed leakage.",
     [(45, "group", "a"), (42, "group", "b")]),
    # each arm named with its size in one parenthesis
    ("Surgery was done with a drain (group A, 42 cases) or without one (group B, 38 cases).",
     [(42, "group", "a"), (38, "group", "b")]),
    ("Patients had PVP (group I: n = 41) or PKP (Group II; 39 patients).", [(41, "group", "i"), (39, "group", "ii")]),
    ("The fractures were graded (group A, 60 vertebrae; group B, 12 vertebrae).", []),
    ("Pain fell in both arms (group A, 60%; group B, 55%).", []),
    ("Leaks were classed as type B (group I, 14 cases) or type S (group II, 9 cases).", []),
])
def test_arms_told_one_after_another(text, sizes):
    assert [(a["n"], a["kind"], a["name"]) for _, a in found(text, "COHORT_SIZE")] == sizes


@pytest.mark.parametrize("text, sizes", [
    # a complication group told with when it began
    ("Motor deterioration occurred immediately after the operation in 3 patients (12.5%).",
     [(3, "subgroup", None)]),
    ("C5 palsy developed postoperatively in 9 patients.", [(9, "subgroup", None)]),
    ("Leakage was found during follow-up in 6 patients.", [(6, "subgroup", None)]),
    # populations
    ("This single-center retrospective study examined 304 patients aged 75 years or older.",
     [(304, "population", None)]),
    ("A total of 5734 consecutive spine surgeries done at our hospital were identified.",
     [(5734, "population", None)]),
    ("A total of 300 procedures performed in 250 patients were reviewed.", [(250, "population", None)]),
    # arms named before the word that calls them groups, or by a letter that opens the sentence
    ("Patients were divided into cement contact (n=83) and gap (n=102) groups.",
     [(83, "group", "cement contact"), (102, "group", "gap")]),
    ("They were divided into the PVP (n = 40), PKP (n = 42) and control (n = 30) groups.",
     [(40, "group", "pvp"), (42, "group", "pkp"), (30, "group", "control")]),
    ("VAS (n = 140) and ODI (n = 120) were compared between groups.", []),
    ("We compared the unipedicular (n=50) versus bipedicular (n=48) groups.",
     [(50, "group", "unipedicular"), (48, "group", "bipedicular")]),
    ("Cement leakage occurred in the PVP (n = 18) and PKP (n = 9) groups.", []),  # no arms: leak counts
    ("Group A (n = 30; 45 levels) received PVP.", [(30, "group", "a")]),
    ("Group 1 [n = 254; screws = 1598] was compared with Group 2 [n = 271; screws = 1702].",
     [(254, "group", "1"), (271, "group", "2")]),
    ("Leakage was detected after reviewing the CT scans in 150 patients.", []),
    ("Pain relief was noted only in 40 patients.", []),
    ("Group A consisted of 25 osteoporotic patients with instrumentation.", [(25, "group", "a")]),
    ("Group II included 30 cases.", [(30, "group", "ii")]),
    ("They were assigned to the postoperative deficit (PD, 19 cases) group or the non-PD group (143 cases).",
     [(19, "group", "postoperative deficit"), (143, "group", "non pd")]),
    ("Among Group 1 [n = 254; screws = 1598], 117 screws were misplaced.", [(254, "group", "1")]),
    ("Rats were divided into group A (n = 12) and group B (n = 12).", []),
    # the words that define an arm between its name and its size
    ("We divided them into the oldest patient group aged 85 years or more (n = 27) and the younger patient group "
     "under 85 years (n = 118).", [(27, "group", "oldest patient"), (118, "group", "younger patient")]),
    # arms named by their care, where they add up to the population told before them
    ("We reviewed 71 patients receiving PKP (39 patients) or PVP (32 patients).",
     [(71, "population", None), (39, "group", "pkp"), (32, "group", "pvp")]),
    ("We analyzed 243 patients: 128 patients received PVP, while 115 patients were treated with PKP.",
     [(243, "population", None), (128, "group", "pvp"), (115, "group", "pkp")]),
    ("We enrolled 80 patients: 20 patients received PVP and 30 patients received PKP.", [(80, "population", None)]),
    ("We reviewed 64 patients: 38 patients were treated by unilateral PKP (group U) and 26 patients were treated "
     "by bilateral PKP (group B).", [(64, "population", None), (38, "group", "unilateral pkp"), (26, "group", "bilateral pkp")]),
    # ... not a split by imaging or drugs
    ("We reviewed 120 patients. Of these, 85 patients received anti-osteoporosis medication and 35 patients "
     "received no medication.", [(120, "population", None)]),
    # arms a clause allocates patients to, though their total is not told
    ("Adults were randomized to undergo unipedicular PKP (n = 88) or brace therapy (n = 92).",
     [(88, "group", "unipedicular pkp"), (92, "group", "brace therapy")]),
    ("Patients were divided into those treated unilaterally (group UC n=29) and those treated bilaterally (group "
     "BC, n=21).", [(29, "group", "uc"), (21, "group", "bc")]),
    ("A total of 67 patients were included: 25 patients (17 females) in the SF group and 42 patients (30 "
     "females) in the KP group.", [(67, "population", None), (25, "group", "sf"), (42, "group", "kp")]),
    ("Six months after surgery, 29 patients (18%) continued to experience a deficit.", [(29, "subgroup", None)]),
    ("Twelve patients (10%) have diabetes.", []),
    ("This study includes 20 patients treated with vertebroplasty.", [(20, "population", None)]),
    ("12 patients with leakage were in group A.", []),  # the arm's complication group, not the arm
    ("12 patients with cement leakage were classified into group A.", []),
    ("Cement leakage was observed among 9 patients (9/94) in the PKP group.", [(9, "subgroup", None)]),
    ("At three years, 31 patients (77.5%) continued to experience good pain relief.", []),
    ("Patients were randomly assigned to treatment, and outcomes included VAS (n = 140) and ODI (n = 120).", []),
    ("After randomization to PVP (n = 50) or PKP (n = 50), patients were followed.",
     [(50, "group", "pvp"), (50, "group", "pkp")]),
    ("To date, the English literature includes 35 cases of intradiscal leakage.", []),
    ("This study comprised 120 patients.", [(120, "population", None)]),
    ("Patients were divided into (group 1, n = 29) and (group 2, n = 21).", [(29, "group", "1"), (21, "group", "2")]),
    # a population that met the criteria, its parts counted by name alone; a complication's incidence as a count
    ("Overall 7,194 patients met inclusion criteria for the study (percutaneous 4,575 vs. paddle: 2,619).",
     [(7194, "population", None), (4575, "group", "percutaneous"), (2619, "group", "paddle")]),
    ("We studied 300 patients (range 20, 280).", [(300, "population", None)]),
    ("We retrospectively reviewed 100 patients (thoracic 40, lumbar 60).", [(100, "population", None)]),  # strata
    ("The number of leaked vertebrae was 50 (25%).", []),
    ("Twenty-nine patients (18%) continued to have back pain.", [(29, "subgroup", None)]),
    ("Thirty patients (20%) continued to have no pain.", []),
    ("30 patients with osteoporotic fractures were classified into group A.", [(30, "group", "a")]),
    ("25 patients (mean age 66.8 years) were in the SF group.", [(25, "group", "sf")]),
    ("The 45 patients in the PKP group had a mean age of 70.", [(45, "group", "pkp")]),
    ("5 patients in the PVP group had leakage.", []),
    ("Of 300 patients screened, 120 met the inclusion criteria.", [(120, "population", None)]),
    ("120 patients meeting the inclusion criteria were enrolled.", [(120, "population", None)]),
    ("We reviewed 200 patients, 97 patients included in the final analysis.",
     [(200, "population", None), (97, "population", None)]),
    ("Our series includes 20 patients.", [(20, "population", None)]),
    ("This series includes 20 cases from the literature.", []),
    ("5 patients in the PVP group had a cement leak.", []),
    ("5 patients in the PVP group had adjacent fractures.", []),
    ("Of the 45 vertebrae treated, 30 met the inclusion criteria.", []),
    ("Twelve patients (10%) continued to have a satisfactory outcome.", []),
    ("The number of cement leaks was 41 (22%).", []),
    ("The incidence of leakage per vertebra was 41 (22%).", []),
    ("We reviewed 120 patients (PVP 60, PKP 60).", [(120, "population", None), (60, "group", "pvp"), (60, "group", "pkp")]),
    ("30 patients with intradiscal cement were classified into group A.", []),
    ("30 patients with adjacent vertebral fractures were classified into group A.", []),
    ("Of 300 screened, 120 met the inclusion criteria.", [(120, "population", None)]),
    ("The number of patients with leakage was 39 (32.5%).", [(39, "subgroup", None)]),
    ("30 patients with a cement volume above 4 ml were classified into group B.", [(30, "group", "b")]),
    ("40 patients in the PVP group had osteoporotic fractures at one level.", [(40, "group", "pvp")]),
    ("We reviewed 20 cases from the published literature.", []),
    ("The overall incidence of hematoma was 59 (0.71%).", [(59, "subgroup", None)]),
    ("A total of 138 patients were reviewed, 104 included in the final analysis.",
     [(138, "population", None), (104, "population", None)]),
    # a part of an arm is no arm
    ("In the PKP group with leakage (n = 9), pain was worse.", []),
    # a count of patients is the population where the named parts told after it add up to it
    ("Forty-two patients with fractures were operated with PKP (n = 20) or PVP (n = 22) at our unit.",
     [(42, "population", None), (20, "group", "pkp"), (22, "group", "pvp")]),
    ("Forty-two patients with fractures were seen, and nine patients had leakage.", [(9, "subgroup", None)]),
    ("From 2015 to 2019, 5 patients developed an epidural hematoma.", [(5, "subgroup", None)]),
    # arms told with what else they counted and named as groups after their care
    ("We treated 47 patients with spinal metastases. Of these, 26 patients (41 vertebrae) were treated with PVP "
     "(PVP group), and 21 patients (33 vertebrae) were treated with mesh containers (MC group).",
     [(47, "population", None), (26, "group", "pvp"), (21, "group", "mesh containers")]),
    ("Forty-two patients with fractures were seen, with PKP (20 patients) and PVP (21 patients) last year.", []),
])
def test_groups_and_populations_told_in_more_ways(text, sizes):
    assert [(a["n"], a["kind"], a["name"]) for _, a in found(text, "COHORT_SIZE")] == sizes


@pytest.mark.parametrize("text, parts", [
    ("A total of 113 patients underwent fusion (PLIF n = 30, TLIF n = 83).", [(30, "plif"), (83, "tlif")]),
    ("The other 49 patients were analysed (BK group: n = 23; BK/C group: n = 26).",
     [(23, "bk group"), (26, "bk/c group")]),
    ("scans of 296 subjects (1-4 per subject, total scans n=671)", []),
    ("scores were collected in 200 patients (VAS, n = 140; ODI, n = 120)", []),  # they add up to no size
    ("We enrolled 65 patients (Male n = 30, Female n = 35).", []),  # sexes are sex counts
    ("We reviewed 45 patients with single-level fractures treated by PVP (n = 20) or PKP (n = 25).",
     [(20, "pvp"), (25, "pkp")]),
    ("We included 127 patients: PVP (n = 45), PKP (n = 52) and conservative care (n = 30).",
     [(45, "pvp"), (52, "pkp"), (30, "conservative care")]),
    ("Patients treated with vertebroplasty (n = 30) versus kyphoplasty (n = 30) were compared.", []),  # no size
    ("Scores of 300 patients were kept: VAS (n = 140) and ODI (n = 120).", []),  # they add up to no size
    ("Of 90 patients, 45 had fractures at two segments (n = 20) or three segments (n = 25).", []),  # not people
    ("A total of 100 patients were included, males (n = 40) and females (n = 60).", []),  # sex counts
    ("We enrolled 100 patients: PVP (n = 45; 45%) and PKP (n = 55; 55%).", [(45, "pvp"), (55, "pkp")]),
    ("We enrolled 100 patients: PVP (n = 45); PKP (n = 55).", [(45, "pvp"), (55, "pkp")]),
    ("We reviewed 100 patients treated by PVP (n = 100).", []),  # one part is no arm
])
def test_the_named_parts_of_a_group(text, parts):
    assert [(a["n"], a["name"]) for _, a in found(text, "COHORT_SIZE") if a["kind"] == "group"] == parts


@pytest.mark.parametrize("text, male, female", [
    ("Their sex distribution was (112 F; 87 M).", 87, 112),
    ("(87 M; 112 F)", 87, 112),
    ("87M/112F", 87, 112),
    ("Of these, 58.3% (n=35) were men.", 35, None),
    ("35 (58.3%) were male.", 35, None),
    ("of whom 29 were women", None, 29),
    ("24 (40%) patients were female", None, 24),
    ("There were 41 men and 29 women.", 41, 29),
    ("Among them, 17 were women and 9 were men.", 9, 17),
    ("Forty-one men and twenty-nine women", 41, 29),
    ("(468 men; mean age: 63.4±10.1 y)", 468, None),
    ("(17 women, mean age 74 years)", None, 17),
    ("(n = 30; 18 women)", None, 18),
])
def test_sex_count_forms(text, male, female):
    (value, attrs), = found(text, "SEX_COUNT")
    assert (attrs["n_male"], attrs["n_female"]) == (male, female)
    assert found(text, "COHORT_SIZE") == []


@pytest.mark.parametrize("text, stat", [
    ("Patients were aged (70.1±8.2) years (55-90).", {"mean": 70.1, "sd": 8.2, "min": 55, "max": 90}),
    ("Their ages ranged from 41 to 88 (average 66.4±11.9 y).", {"mean": 66.4, "sd": 11.9, "min": 41, "max": 88}),
    ("The patients ranged in age from 41 to 88 years (mean 66.4 years).", {"mean": 66.4, "min": 41, "max": 88}),
    ("Female patients ranged between the ages of 57 and 86 (average age 71.3).", {"mean": 71.3, "min": 57, "max": 86}),
    ("The men varied from the age of 44 to 79 years.", {"mean": None, "min": 44, "max": 79}),
    ("The mean age was 63.2 ± 9.1 years (range, 45–81).", {"mean": 63.2, "sd": 9.1, "min": 45, "max": 81}),
    ("The median age was 67 years (IQR 59-74).", {"mean": None, "median": 67, "min": None}),
    ("Ages ranged from 38 to 82 years.", {"mean": None, "min": 38, "max": 82}),
    ("71 patients (25 men, 46 women) with ages from 38 to 82 years (average 64.2 \u00b1 11.5)",
     {"mean": 64.2, "sd": 11.5, "min": 38, "max": 82}),
    ("60 women with ages between 45 and 82 years (mean 64 years)", {"mean": 64, "min": 45, "max": 82}),
    ("Sixty-two consecutive patients with ages from 52 to 88 years (mean 71 years) were enrolled, and 9 patients "
     "were excluded.", {"mean": 71, "min": 52, "max": 88}),
    ("were aged 41 to 88 years (average 66.4 ± 11.9 y)", {"mean": 66.4, "sd": 11.9, "min": 41, "max": 88}),
    ("mean age of the symptomatic patients was 76.3 years (SD 6.2)", {"mean": 76.3, "sd": 6.2}),
    ("had a mean age of 61.8 ± 10.4 years", {"mean": 61.8, "sd": 10.4}),
    ("Age (years) 70.1 ± 8.2", {"mean": 70.1, "sd": 8.2}),
    ("The youngest patient was 19 years old, and the oldest was 87 years old (mean, 56.3 ± 17.2 years).",
     {"mean": 56.3, "sd": 17.2, "min": 19, "max": 87}),
])
def test_age_stat_forms(text, stat):
    (value, got), = found(text, "AGE_STAT")
    assert stat.items() <= got.items()


@pytest.mark.parametrize("text, means", [
    ("The mean age was 68.2 ± 7.5 years in group A and 67.6 ± 8.1 years in group B.", [68.2, 67.6]),
    ("The mean age was 68.2 years in group A and 67.6 years in group B.", [68.2, 67.6]),
    ("The mean age was 73.6 years in women and 68.4 years in men.", [73.6, 68.4]),
    ("Mean age 70 ± 8 in female patients and 66 ± 9 in male patients", [70, 66]),
    # no age spoken of, or a bare number that may count people
    ("The follow-up was 2.1 ± 0.5 years in group A and 2.4 ± 0.6 years in group B.", []),
    ("The follow-up was 2.1 years in women and 2.4 years in men.", []),
    ("The mean age was 73.6 years in women and 30 in men.", [73.6]),
])
def test_second_group_age_in_one_sentence(text, means):
    assert [a["mean"] for _, a in found(text, "AGE_STAT")] == means


@pytest.mark.parametrize("text", [
    "Nine of 17 required reoperation.",
    "Cement leakage was found in 1152 of the 3902 treated vertebrae.",
    "15.4% of the patients had leakage.",
    "rats were divided into two groups (n = 12)",
    "the vertebrae group (n = 40)",
    "58.3% were men",
    "two and three",
    "a 2 F catheter and 3 M sutures",
    "the 4/5 grade",
    "Group A received vertebroplasty.",
    "A total of 1000 procedures were performed in 800 patients.",  # the patients are counted
    "The drain stayed for 3 consecutive days.",
    "Leakage was seen at 12 consecutive levels.",
    "The first 40 consecutive patients were excluded as the learning curve.",
    "Between 2012 and 2018 consecutive patients with fractures were reviewed.",
    "Of these, 12 were excluded for missing films.",
    "Of the 2,100 procedures, 25 were revision surgeries.",  # no patients counted
    "Of the 1,450 laminoplasties, 31 were done at two levels.",
    "Tissue samples were taken from 40 patients.",
    "Leakage at 14 levels in 11 patients was treated conservatively.",
    "The scores (40 patients, 2 missing) were compared.",
    "For each case, 3 controls were selected from 250 eligible records.",
    "Only 30 cases of cement embolism were reported previously.",  # the literature's
    "From 2012 to December 2018 consecutive patients were reviewed.",  # years
    "During 2010-2015 consecutive patients were treated.",
    "There were 30 cement leaks in 25 patients.",  # events
    "There were 18 fractured vertebrae in 25 patients.",
    "There were 18 fractured vertebrae in 25 patients (20%).",  # no complication befell them
    "Pain relief in 25 patients (20%) was good.",
    "There were 12 women among the 30 patients.",  # a sex count
    "There were 5 deaths among the 40 patients.",  # events
    "There were 22 men among the 40 patients.",
    "There were 60 levels treated in the 40 patients.",
    "There were 3 cement leaks in the 40 patients.",
    "There were 6 cages in the 30 patients.",
    "Thirty patients were subsequently reviewed at the 2-year follow-up.",  # a follow-up, not the population
    "Nine patients were postoperatively identified with cement leakage.",  # a complication group
    "Between Dec. 2015 and Nov. 2018 consecutive patients were reviewed.",
    "From 01/2015 to 12/2018 consecutive patients were reviewed.",
    "Thirty cases of cement embolism were previously reported.",
    "Thirty cases of cement embolism were reported in the English literature.",
])
def test_not_a_group_size(text):
    assert found(text, "COHORT_SIZE") == []


@pytest.mark.parametrize("words, expected", [
    ("Two thousand four hundred and six", 2406), ("one hundred and twelve", 112), ("one hundred twelve", 112),
    ("three thousand", 3000), ("two thousand and six", 2006), ("1,647", 1647), ("2\u2009315", 2315),
    ("Ninety-nine", 99), ("two hundred three hundred", None), ("hundred", None), ("twenty-twelve", None),
])
def test_counts_in_words_and_with_separators(words, expected):
    assert parse_number(words) == expected


@pytest.mark.parametrize("text, predicate", [
    ("11 patients who developed hematomas that needed evacuation", "event"),
    ("24 (0.9%) were identified with a hematoma and treated", "event"),
    ("9 of the 17 patients required reoperation", "outcome"),
    ("leakage occurred in 48 of 312 patients", "event"),
])
def test_what_a_counted_group_did(text, predicate):
    assert [a["predicate"] for _, a in found(text, "COHORT_SIZE")] == [predicate]


@pytest.mark.parametrize("text", ["In our cohort (n = 120), the mean age was high.", "the entire cohort (n=300)",
                                  "our study cohort (n = 85)"])
def test_the_studys_own_cohort_is_no_named_group(text):
    assert all(a["kind"] != "group" for _, a in found(text, "COHORT_SIZE"))

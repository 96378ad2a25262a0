"""Cohorts: a paper's own aggregate group, not cited studies and not its individually described cases."""

from __future__ import annotations

import pytest

from assemble_helpers import Paper
from leakmine.assemble.cohorts import build_cohorts, cohort_evidence, own_statistics, to_json
from leakmine.records import PaperMeta


def cohort_paper() -> Paper:
    p = Paper(
        ("abstract", "Results", "Twenty-two patients (22/3150) needed revision for weakness."),
        ("results", "Results", "Of 3150 patients operated on, 22 (22/3150) developed weakness. There were 9 men and "
                               "13 women, mean age 58.4 ± 11.2 years. Weakness followed fusion by 2 days on "
                               "average. Revision relieved 20 patients."),
        ("caption", "", "Fig. 2 A 59-year-old man had grade 3 ankle dorsiflexion 2 days after an L4-S1 TLIF. "
                        "The screw was revised and he improved."),
        ("caption", "", "Fig. 3 A 71-year-old woman had grade 2 knee extension 6 hours after an L2-L4 PLIF."),
        ("discussion", "Discussion", "Brown et al. [2] found weakness in 4 of 46 patients (4/46). In our study, "
                                     "the rate was 0.7% (22/3150)."),
    )
    p.m("COHORT_SIZE", "Twenty-two patients (22/3150)", "22", n=22, denominator=3150)
    p.m("COHORT_SIZE", "3150 patients", "3150", n=3150, denominator=None)
    p.m("COHORT_SIZE", "22 (22/3150)", "22", n=22, denominator=3150)
    p.m("SYMPTOM", "weakness", "weakness", after="developed")
    p.m("SEX_COUNT", "9 men and 13 women", "9M/13F", n_male=9, n_female=13)
    p.m("AGE_STAT", "mean age 58.4 ± 11.2", "58.4±11.2", mean=58.4, sd=11.2, min=None, max=None)
    p.m("PROCEDURE", "fusion", "fusion", after="followed")
    p.m("COHORT_SIZE", "20 patients", "20", n=20, denominator=None)
    p.age("59-year-old", 59)
    p.sex("man", "M", after="Fig. 2")
    p.grade("grade 3", "3", muscle="ankle dorsiflexion")
    p.m("TIMING", "2 days after", "delayed", days=2.0, anchor="after")
    p.level("L4-S1", ["L4", "L5", "S1"])
    p.m("PROCEDURE", "TLIF", "fusion")
    p.m("TREATMENT", "screw was revised", "screw revision")
    p.m("OUTCOME", "improved", "improved")
    p.age("71-year-old", 71)
    p.sex("woman", "F", after="Fig. 3")
    p.grade("grade 2", "2", muscle="knee extension")
    p.m("TIMING", "6 hours after", "delayed", days=0.25, anchor="after")
    p.level("L2-L4", ["L2", "L3", "L4"])
    p.m("PROCEDURE", "PLIF", "fusion")
    p.m("COHORT_SIZE", "4 of 46 patients (4/46)", "4", n=4, denominator=46)
    p.m("COHORT_SIZE", "0.7% (22/3150)", "22", n=22, denominator=3150)
    return p


def test_cohort_study_with_caption_patients():
    p = cohort_paper()
    paper, evidence = p.assemble()
    assert paper["paper"]["study_type"] == "cohort study"
    assert paper["cohorts"] == [{"n_patients": 22, "n_male": 9, "n_female": 13, "age_mean": 58.4, "age_sd": 11.2,
                                 "age_min": None, "age_max": None, "denominator": 3150}]
    one, two = paper["patients"]
    assert (one["age"], one["sex"], two["age"], two["sex"]) == (59, "M", 71, "F")
    assert one["index_procedures"] == ["fusion"] and set(one["treated_levels"]) == {"L4", "L5", "S1"}
    assert (one["onset"], one["onset_days"], two["onset_days"]) == ("delayed", 2.0, 0.25)
    assert one["treatments"] == ["screw revision"] and two["treatments"] == []
    assert one["symptoms"] == two["symptoms"] == ["weakness"]
    assert [(g["value"], g["muscle"], g["time"]) for g in one["muscle_grades"]] == [
        ("3", "ankle dorsiflexion", "presentation")]
    assert one["outcome"] == "improved" and two["outcome"] is None
    assert {e.owner for e in evidence} == {"cohort:1", "patient:1", "patient:2"}


def test_cited_studies_are_not_the_cohort():
    p = cohort_paper()
    stats = own_statistics(p.doc, p.mentions, p.cue_index())
    assert "4 of 46 patients (4/46)" not in {m.text for m in stats}
    assert "0.7% (22/3150)" in {m.text for m in stats}


@pytest.mark.parametrize(("sizes", "sexes", "ages", "described", "expected_n"), [
    ([(22, 3150)], [(9, 13)], [], 0, [22]),
    ([(3150, None), (22, 3150), (20, None)], [], [], 2, [22]),
    ([(40, None), (12, None), (40, None)], [(15, 25)], [], 0, [40]),
    ([(12, None), (40, None)], [(15, 25)], [], 0, [40]),
    ([(2, None)], [(1, 1)], [58.0], 2, []),
    ([(3, None)], [(2, 1)], [60.0], 3, []),
    ([(150, None)], [], [], 1, []),
    ([], [(10, 14)], [55.0], 0, [24]),
    ([(287, None), (41, 287)], [(103, 184)], [], 0, [287, 41]),
    ([(27, 3615), (7, 10)], [(11, 16)], [], 0, [27]),
])
def test_build_cohorts_sizes(sizes, sexes, ages, described, expected_n):
    p = Paper(("results", "Results", "x " * 50))
    for k, (n, den) in enumerate(sizes):
        p.m("COHORT_SIZE", "x", str(n), n=n, denominator=den, kind="subgroup" if den else "population", nth=k)
    for male, female in sexes:
        p.m("SEX_COUNT", "x", f"{male}M/{female}F", n_male=male, n_female=female, nth=len(sizes))
    for mean in ages:
        p.m("AGE_STAT", "x", str(mean), mean=mean, sd=None, min=None, max=None, nth=len(sizes) + 1)
    assert [c.n_patients for c in build_cohorts(p.doc, p.mentions, p.cue_index(), described)] == expected_n


@pytest.mark.parametrize(("case_like", "expected_n"), [(False, [120]), (True, [])])
def test_a_bare_count_is_a_cohort_only_in_a_paper_without_cases(case_like, expected_n):
    p = Paper(("results", "Results", "x " * 20))
    p.m("COHORT_SIZE", "x", "120", n=120, denominator=None)
    p.m("COHORT_SIZE", "x", "45", n=45, denominator=None, nth=1)
    assert [c.n_patients for c in build_cohorts(p.doc, p.mentions, p.cue_index(), 0, case_like)] == expected_n


def test_sex_counts_that_add_up_to_no_group_count_a_group_of_their_own():
    p = Paper(("results", "Results", "x " * 20))
    p.m("SEX_COUNT", "x", "36M/20F", n_male=36, n_female=20)
    p.m("COHORT_SIZE", "x", "33", n=33, denominator=34, nth=1)
    cohorts = build_cohorts(p.doc, p.mentions, p.cue_index())
    assert [(c.n_patients, c.n_male, c.n_female) for c in cohorts] == [(56, 36, 20), (33, None, None)]


@pytest.mark.parametrize(("groups", "complication", "expected"), [
    # its share fits the population: drawn from it, counted for a complication
    ([("64", "0.57")], True, [(64, 11243)]),
    ([("64", "0.57")], False, []),  # "pain relief was seen in 36 patients (80%)"
    # a share of the group before it: a part of that group ...
    ([("64", None), ("25", "39.06")], False, [(25, 64)]),
    # ... so no group of its own where that group is counted against the population
    ([("64", "0.57"), ("25", "39.06")], True, [(64, 11243)]),
    # a share a little off (the authors' rounding or base) fits no group: the group is drawn as any other
    ([("64", "0.7")], True, [(64, 11243)]),
    # counted for an event though no complication of the field is named: "9 (7.4%) had complications"
    ([("64", "0.57", "event")], False, [(64, 11243)]),
    # 25 of 64 is 39.06%: told rounded or cut off it fits, told otherwise not
    ([("64", None), ("25", "39.1")], False, [(25, 64)]),
    ([("64", None), ("25", "39.0")], False, [(25, 64)]),
    ([("64", None), ("25", "39.2")], False, []),
    # a share far from the group's share of the population denies it (80% is not 64 of 11243): see below
    ([("64", "80")], True, []),
    ([("64", "0")], False, []),  # "(0%)" is no share
])
def test_a_groups_stated_share_names_its_whole(groups, complication, expected):
    p = Paper(("results", "Results", "We reviewed 11243 cases."),
              ("results", "Results", f"{'Weakness' if complication else 'Relief'} was seen in 64 cases and 25 cases."))
    p.m("COHORT_SIZE", "11243", n=11243, denominator=None, kind="population")
    for n, rate, *predicate in groups:
        p.m("COHORT_SIZE", n, n=int(n), denominator=None, kind="subgroup", after="seen",
            **({"rate": rate} if rate else {}), **({"predicate": predicate[0]} if predicate else {}))
    if complication:
        p.m("SYMPTOM", "Weakness", "weakness")
    assert [(c.n_patients, c.denominator) for c in build_cohorts(p.doc, p.mentions, p.cue_index())
            if c.denominator] == expected


@pytest.mark.parametrize(("outcome", "expected"), [
    (False, [(64, 11243)]),  # "Nine (7.4%) patients had complications"
    (True, []),  # "37 (74%) had complete pain relief"
])
def test_an_event_group_with_its_share_is_drawn_unless_its_sentence_tells_an_outcome(outcome, expected):
    p = Paper(("results", "Results", "We reviewed 11243 cases."), ("results", "Results", "Then 64 cases had relief."))
    p.m("COHORT_SIZE", "11243", n=11243, denominator=None, kind="population")
    p.m("COHORT_SIZE", "64", n=64, denominator=None, kind="subgroup", rate="0.57", predicate="event")
    if outcome:
        p.m("OUTCOME", "relief", "improved")
    assert [(c.n_patients, c.denominator) for c in build_cohorts(p.doc, p.mentions, p.cue_index())
            if c.denominator] == expected


@pytest.mark.parametrize(("selected", "expected"), [
    ("Of these, 356 patients went on to be included in the final analysis.", [(356, 480), (12, 356)]),
    ("In all, 356 patients who satisfied the inclusion criteria were eventually enrolled.", [(356, 480), (12, 356)]),
    # a later count not told as selected from the first: the first stays the population
    ("Another 356 patients were treated in the same years.", [(12, 480)]),
    # a subset or an arm, told with figures of its own or not
    ("Of these, 356 patients (mean age was 72) were included in the MRI subgroup analysis.", [(12, 480)]),
    ("Of these, 356 patients were enrolled in the PVP arm.", [(12, 480)]),
])
def test_a_population_selected_from_one_counted_before_it_is_drawn_from_it(selected, expected):
    p = Paper(("results", "Results", f"We reviewed 480 patients. {selected} Their mean age was 72 years."),
              ("results", "Results", "Weakness was seen in 12 patients."))
    p.m("COHORT_SIZE", "480", n=480, denominator=None, kind="population")
    p.m("COHORT_SIZE", "356", n=356, denominator=None, kind="population")
    p.m("AGE_STAT", "mean age was 72", "72", mean=72.0, sd=None, min=None, max=None, nth=0)
    p.m("COHORT_SIZE", "12", n=12, denominator=None, kind="subgroup", after="Weakness")
    p.m("SYMPTOM", "Weakness", "weakness")
    assert [(c.n_patients, c.denominator) for c in build_cohorts(p.doc, p.mentions, p.cue_index())
            if c.denominator] == expected


def test_a_selection_told_without_the_studys_figures_is_no_selection():
    p = Paper(("results", "Results", "We reviewed 480 patients. At a second hospital, 120 patients who met the "
               "inclusion criteria were enrolled."), ("results", "Results", "Weakness was seen in 12 patients."))
    p.m("COHORT_SIZE", "480", n=480, denominator=None, kind="population")
    p.m("COHORT_SIZE", "120", n=120, denominator=None, kind="population")
    p.m("COHORT_SIZE", "12", n=12, denominator=None, kind="subgroup", after="Weakness")
    p.m("SYMPTOM", "Weakness", "weakness")
    assert [(c.n_patients, c.denominator) for c in build_cohorts(p.doc, p.mentions, p.cue_index())
            if c.denominator] == [(12, 480)]


@pytest.mark.parametrize(("arms", "expected"), [
    ([("pvp", 60), ("pkp", 40)], [(60, 100), (40, 100)]),  # the arms of the population
    ([("pvp", 60), ("pkp", 40), ("pvp", 12), ("pkp", 8)], [(60, 100), (40, 100), (20, 100)]),  # 12 + 8: of the 20
    ([("pvp", 55), ("pkp", 40)], []),  # they add up to no group
])
def test_named_groups_are_drawn_from_the_group_they_add_up_to(arms, expected):
    p = Paper(("results", "Results", "We enrolled 100 patients: PVP 60 55 and PKP 40."),
              ("results", "Results", "Weakness was seen in 20 patients: PVP 12 and PKP 8."))
    p.m("COHORT_SIZE", "100", n=100, denominator=None, kind="population")
    for k, (name, n) in enumerate(arms):
        p.m("COHORT_SIZE", str(n), n=n, denominator=None, kind="group", name=name, after="seen" if k > 1 else "PVP")
    if len(arms) > 2:
        p.m("COHORT_SIZE", "20", n=20, denominator=None, kind="subgroup")
        p.m("SYMPTOM", "Weakness", "weakness")
    assert [(c.n_patients, c.denominator) for c in build_cohorts(p.doc, p.mentions, p.cue_index())
            if c.denominator] == expected


@pytest.mark.parametrize(("whole_told", "expected"), [
    (True, [(10, 196)]),  # "Six of the 10 patients with C5 palsy recovered": the 10, drawn from the 196
    (False, [(6, 10)]),
])
def test_a_denominator_told_as_a_group_is_a_group(whole_told, expected):
    p = Paper(("results", "Results", "We reviewed 196 patients. Six of the 10 patients with weakness recovered."))
    p.m("COHORT_SIZE", "196", n=196, denominator=None, kind="population")
    p.m("COHORT_SIZE", "Six of the 10 patients", "6", n=6, denominator=10, kind="subgroup",
        **({"whole_told": True} if whole_told else {}))
    p.m("SYMPTOM", "weakness", "weakness")
    cohorts = build_cohorts(p.doc, p.mentions, p.cue_index())
    assert [(c.n_patients, c.denominator) for c in cohorts if c.denominator] == expected
    assert all(c.evidence for c in cohorts)


def test_a_complication_group_whose_share_denies_the_population_stands_alone():
    p = Paper(("results", "Results", "We reviewed 87 patients."), ("results", "Results", "Leaks were in 11 (8%) cases."))
    p.m("COHORT_SIZE", "87", n=87, denominator=None, kind="population")
    p.m("COHORT_SIZE", "11", n=11, denominator=None, kind="subgroup", rate="8")
    p.m("LEAK_LOCATION", "Leaks", "epidural")
    assert [(c.n_patients, c.denominator) for c in build_cohorts(p.doc, p.mentions, p.cue_index())] == [(11, None)]
    # in a paper without cases the bare population stays beside it
    assert [(c.n_patients, c.denominator) for c in build_cohorts(p.doc, p.mentions, p.cue_index(), 0, False)] == [
        (87, None), (11, None)]


def test_groups_relate_and_their_relations_are_evidence():
    p = Paper(("results", "Results", "x " * 20))
    p.m("COHORT_SIZE", "x", "287", n=287, denominator=None, kind="population")
    p.m("SEX_COUNT", "x", "103M/184F", n_male=103, n_female=184, nth=1)
    p.m("COHORT_SIZE", "x", "41", n=41, denominator=None, kind="group", name="leakage", nth=2)
    p.m("COHORT_SIZE", "x", "246", n=246, denominator=None, kind="group", name="non leakage", nth=3)
    p.m("COHORT_SIZE", "x", "41", n=41, denominator=287, kind="subgroup", predicate="event", nth=4)
    whole, leak, rest = build_cohorts(p.doc, p.mentions, p.cue_index())
    assert (whole.n_patients, leak.n_patients, leak.denominator, rest.n_patients) == (287, 41, 287, 246)
    assert {(r.kind, r.other) for r in leak.relations} == {("drawn from", 1), ("compared with", 3), ("part of", 1)}
    assert to_json(rest) == {"n_patients": 246, "n_male": None, "n_female": None, "age_mean": None,
                             "age_sd": None, "age_min": None, "age_max": None, "denominator": 287}  # the arms of 287
    assert ("cohort:2", "drawn from", "cohort:1") in {(e.owner, e.field, e.value)
                                                      for e in cohort_evidence([whole, leak, rest])}


@pytest.mark.parametrize(("title", "cohorts"), [
    ("Cement leakage after vertebroplasty: a systematic review and meta-analysis", 0),
    ("Cement leakage after vertebroplasty in 120 patients", 1),
])
def test_a_review_pools_other_authors_patients(title, cohorts):
    p = Paper(("title", "", title), ("results", "Results", "Leakage occurred in 120 patients (120/400), 50 men and 70 women."),
              meta=PaperMeta(title=title))
    p.m("COHORT_SIZE", "120 patients (120/400)", "120", n=120, denominator=400)
    p.m("SEX_COUNT", "50 men and 70 women", "50M/70F", n_male=50, n_female=70)
    assert len(p.assemble()[0]["cohorts"]) == cohorts

"""Assembly end to end on synthetic papers: how many patients, which mentions are theirs, and the
fields filled from them."""

from __future__ import annotations

import pytest

from assemble_helpers import Paper
from leakmine.records import PaperMeta


def single_case() -> Paper:
    p = Paper(
        ("title", "", "Paraparesis from intradural cement after vertebroplasty"),
        ("abstract", "Abstract",
         "Most cement leaks reach the epidural space and pass without symptoms. We report a "
         "68-year-old woman who developed weakness after vertebroplasty of T11."),
        ("case", "Case presentation",
         "A 68-year-old woman with an osteoporotic fracture of T11 underwent percutaneous vertebroplasty. "
         "Immediately after the procedure she had weakness of both legs, grade 2 on the left. "
         "CT showed cement in the intradural space from T10 to T12. "
         "A T10-T12 laminectomy with durotomy and cement removal was performed. "
         "On the fifth day strength was grade 4. "
         "At the 14-month follow-up, strength was normal."),
        ("discussion", "Discussion",
         "Jones et al. reported a 75-year-old man with foraminal leakage at L4. "
         "Early decompression should be performed in patients with deficits."),
        meta=PaperMeta(title="Paraparesis from intradural cement after vertebroplasty", year=2024,
                       journal="Spine Cases", doi="10.1/x", first_author="Rossi"),
    )
    p.m("PROCEDURE", "vertebroplasty", "vertebroplasty")
    p.m("LEAK_LOCATION", "epidural", "epidural")
    p.age("68-year-old", 68)
    p.sex("woman", "F")
    p.m("SYMPTOM", "weakness", "weakness")
    p.m("PROCEDURE", "vertebroplasty", "vertebroplasty", nth=1)
    p.level("T11", ["T11"], after="vertebroplasty of")
    p.age("68-year-old", 68, nth=1)
    p.sex("woman", "F", nth=1)
    p.level("T11", ["T11"], after="fracture of")
    p.m("PROCEDURE", "percutaneous vertebroplasty", "vertebroplasty")
    p.m("TIMING", "Immediately after", "immediate", days=0.0, anchor="immediately after")
    p.m("SYMPTOM", "weakness", "weakness", after="Immediately")
    p.grade("grade 2", "2", side="left", limb="lower")
    p.m("LEAK_LOCATION", "intradural", "intradural", after="CT showed")
    p.level("T10 to T12", ["T10", "T11", "T12"])
    p.level("T10-T12", ["T10", "T11", "T12"])
    p.m("TREATMENT", "laminectomy", "laminectomy")
    p.m("TREATMENT", "durotomy", "durotomy")
    p.m("TREATMENT", "cement removal", "cement removal")
    p.grade("grade 4", "4")
    p.m("FOLLOW_UP", "14-month follow-up", "14 months", number=14, unit="month")
    p.grade("normal", "5")
    p.age("75-year-old", 75)
    p.sex("man", "M", after="Jones")
    p.m("LEAK_LOCATION", "foraminal", "foraminal")
    p.level("L4", ["L4"])
    p.m("TREATMENT", "decompression", "decompression", hypothetical=True)
    return p


def test_single_case_report_fields():
    p = single_case()
    paper, evidence = p.assemble()
    assert paper["paper"] == {"title": "Paraparesis from intradural cement after vertebroplasty", "year": 2024,
                              "journal": "Spine Cases", "doi": "10.1/x", "first_author": "Rossi",
                              "study_type": "case report"}
    assert paper["cohorts"] == []
    [pt] = paper["patients"]
    assert (pt["patient"], pt["age"], pt["sex"]) == (1, 68, "F")
    assert pt["index_procedures"] == ["vertebroplasty"]
    assert set(pt["treated_levels"]) == {"T11"}
    assert set(pt["leak_locations"]) == {"intradural"}
    assert set(pt["leak_levels"]) == {"T10", "T11", "T12"}
    assert set(pt["treatments"]) == {"laminectomy", "durotomy", "cement removal"}
    assert set(pt["treatment_levels"]) == {"T10", "T11", "T12"}
    assert pt["causes"] == ["cement leakage"]
    assert pt["symptoms"] == ["weakness"]
    assert (pt["onset"], pt["onset_days"]) == ("immediate", 0.0)
    assert [(g["value"], g["time"]) for g in pt["muscle_grades"]] == [
        ("2", "presentation"), ("4", "post-treatment"), ("5", "follow-up")]
    assert pt["outcome"] == "full recovery"
    assert pt["follow_up"] == "14 months"
    ids = {m.mention_id for m in p.mentions}
    assert evidence and all(e.owner == "patient:1" and e.mention_id in ids for e in evidence)
    owned = {(e.field, e.value) for e in evidence}
    assert {("age", "68"), ("sex", "F"), ("leak_levels", "T10"), ("treatments", "durotomy"),
            ("follow_up", "14 months"), ("onset", "immediate")} <= owned


def two_cases(with_abstract_intros: bool = True) -> Paper:
    abstract = ("We describe two patients with cement leakage after kyphoplasty: a 59-year-old man and an "
                "80-year-old woman." if with_abstract_intros else "We describe two patients with cement leakage.")
    p = Paper(
        ("abstract", "Abstract", abstract),
        ("case", "Case 1", "A 59-year-old man had an L1 fracture treated by kyphoplasty. "
                           "Cement entered the L1 foramen and caused radicular pain. Cement removal relieved it."),
        ("case", "Case 2", "An 80-year-old woman underwent kyphoplasty of T12. "
                           "She developed paraplegia; laminectomy from T11 to L1 was done."),
        ("discussion", "Discussion", "Both patients had brittle cement. Leaks are usually silent [3]."),
    )
    if with_abstract_intros:
        p.m("PROCEDURE", "kyphoplasty", "kyphoplasty")
        p.age("59-year-old", 59)
        p.sex("man", "M")
        p.age("80-year-old", 80)
        p.sex("woman", "F")
    p.age("59-year-old", 59, after="A 59")
    p.sex("man", "M", after="A 59")
    p.level("L1", ["L1"], after="had an")
    p.m("PROCEDURE", "kyphoplasty", "kyphoplasty", after="treated by")
    p.m("LEAK_LOCATION", "foramen", "foraminal")
    p.level("L1", ["L1"], after="entered the")
    p.m("SYMPTOM", "radicular pain", "radiculopathy")
    p.m("TREATMENT", "Cement removal", "cement removal")
    p.m("OUTCOME", "relieved", "improved")
    p.age("80-year-old", 80, after="An 80")
    p.sex("woman", "F", after="An 80")
    p.m("PROCEDURE", "kyphoplasty", "kyphoplasty", after="underwent")
    p.level("T12", ["T12"])
    p.m("SYMPTOM", "paraplegia", "paralysis")
    p.m("TREATMENT", "laminectomy", "laminectomy", after="paraplegia")
    p.level("T11 to L1", ["T11", "T12", "L1"])
    return p


def test_two_cases_with_headings_and_abstract():
    p = two_cases()
    paper, _ = p.assemble()
    assert paper["paper"]["study_type"] == "case series"
    one, two = paper["patients"]
    assert (one["age"], one["sex"], two["age"], two["sex"]) == (59, "M", 80, "F")
    assert one["leak_locations"] == ["foraminal"] and two["leak_locations"] == []
    assert one["symptoms"] == ["radiculopathy"] and two["symptoms"] == ["paralysis"]
    assert one["treatments"] == ["cement removal"] and two["treatments"] == ["laminectomy"]
    assert set(two["treatment_levels"]) == {"T11", "T12", "L1"} and one["treatment_levels"] == []
    assert one["treated_levels"] == ["L1"] and two["treated_levels"] == ["T12"]
    assert one["outcome"] == "improved" and two["outcome"] is None


def test_two_cases_known_only_from_headings():
    p = two_cases(with_abstract_intros=False)
    paper, _ = p.assemble()
    assert [(x["patient"], x["age"]) for x in paper["patients"]] == [(1, 59), (2, 80)]


def test_all_cases_sentence_gives_the_procedure_to_every_patient():
    p = Paper(("abstract", "Abstract", "Two cases of leakage after vertebroplasty are reported. "
                                       "The first case was a 70-year-old man with pain. "
                                       "The second case was a 64-year-old woman with numbness."))
    p.m("PROCEDURE", "vertebroplasty", "vertebroplasty")
    for surface, n in (("The first case", 1), ("The second case", 2)):
        p.marker(surface, n)
    p.age("70-year-old", 70)
    p.sex("man", "M")
    p.m("SYMPTOM", "pain", "pain")
    p.age("64-year-old", 64)
    p.sex("woman", "F")
    p.m("SYMPTOM", "numbness", "numbness")
    paper, _ = p.assemble()
    one, two = paper["patients"]
    assert one["index_procedures"] == two["index_procedures"] == ["vertebroplasty"]
    assert (one["symptoms"], two["symptoms"]) == (["pain"], ["numbness"])


def test_a_sentence_giving_each_case_its_own_cause_gives_none_to_all():
    p = Paper(("abstract", "Abstract", "Three patients were reoperated: one for a misplaced screw, one for a "
                                       "migrated cage. Case 1 was a 50-year-old man. Case 2 was a 61-year-old man."))
    p.m("CAUSE", "misplaced screw", "screw malposition")
    p.m("CAUSE", "migrated cage", "cage migration")
    for n in (1, 2):
        p.marker(f"Case {n}", n)
    p.age("50-year-old", 50)
    p.sex("man", "M")
    p.age("61-year-old", 61)
    p.sex("man", "M", nth=1)
    paper, _ = p.assemble()
    assert [x["causes"] for x in paper["patients"]] == [[], []]


def test_repeated_abstract_is_one_patient():
    text = "We present a 77-year-old man with epidural leakage after kyphoplasty."
    p = Paper(("abstract", "Abstract", text), ("abstract", "Abstract", text))
    for nth in (0, 1):
        p.age("77-year-old", 77, nth=nth)
        p.sex("man", "M", nth=nth)
        p.m("LEAK_LOCATION", "epidural", "epidural", nth=nth)
    paper, _ = p.assemble()
    assert len(paper["patients"]) == 1
    assert paper["patients"][0]["leak_locations"] == ["epidural"]


def test_literature_cases_and_later_ages_are_not_patients():
    p = Paper(
        ("case", "Case report", "A 66-year-old woman underwent vertebroplasty. At the age of 40 she had "
                                "a hysterectomy. Two years later the 68-year-old patient was readmitted."),
        ("discussion", "Discussion", "Lee et al. [5] described a 71-year-old man with the same leak."),
    )
    p.age("66-year-old", 66)
    p.sex("woman", "F")
    p.age("age of 40", 40)
    p.sex("she", "F", kind="pronoun")
    p.age("68-year-old", 68)
    p.age("71-year-old", 71)
    p.sex("man", "M")
    paper, _ = p.assemble()
    assert [(x["age"], x["sex"]) for x in paper["patients"]] == [(66, "F")]


def test_an_age_without_the_patients_sex_is_no_new_patient():
    p = Paper(("case", "Case report", "A 58-year-old man had a PVP. His 30-year-old son drove him to the clinic."))
    p.age("58-year-old", 58)
    p.sex("man", "M")
    p.age("30-year-old", 30)
    paper, _ = p.assemble()
    assert [(x["age"], x["sex"]) for x in paper["patients"]] == [(58, "M")]


def test_a_case_number_without_its_predecessor_keeps_its_place():
    p = Paper(("case", "Case 2", "A 79-year-old man received vertebroplasty of L3."))
    p.age("79-year-old", 79)
    p.sex("man", "M")
    paper, _ = p.assemble()
    assert [(x["patient"], x["age"]) for x in paper["patients"]] == [(1, None), (2, 79)]


def test_a_back_reference_to_the_first_case_is_no_new_patient():
    p = Paper(("case", "Cases", "A 30-year-old man had a fusion. A 41-year-old woman had a discectomy. "
                                "Biopsy of the first case showed no tumour."))
    p.age("30-year-old", 30)
    p.sex("man", "M")
    p.age("41-year-old", 41)
    p.sex("woman", "F")
    p.marker("the first case", 1)
    paper, _ = p.assemble()
    assert [x["age"] for x in paper["patients"]] == [30, 41]


def test_abstract_only_paper_without_age_still_has_its_patient():
    p = Paper(("abstract", "", "Vertebroplasty is widely used. We report a case of intradural leakage after "
                               "vertebroplasty causing paraplegia. The patient recovered partially."))
    p.m("PROCEDURE", "Vertebroplasty", "vertebroplasty")
    p.m("PROCEDURE", "vertebroplasty", "vertebroplasty")
    p.m("LEAK_LOCATION", "intradural", "intradural")
    p.m("SYMPTOM", "paraplegia", "paralysis")
    p.m("OUTCOME", "recovered partially", "partial recovery")
    paper, _ = p.assemble()
    [pt] = paper["patients"]
    assert pt["leak_locations"] == ["intradural"] and pt["symptoms"] == ["paralysis"]
    assert pt["outcome"] == "partial recovery"


def test_a_correction_describes_no_patient():
    p = Paper(("other", "", "In the article, the 72-year-old woman was treated at L2, not L3."),
              meta=PaperMeta(article_type="correction"))
    p.age("72-year-old", 72)
    p.sex("woman", "F")
    paper, evidence = p.assemble()
    assert paper["patients"] == [] and paper["paper"]["study_type"] is None and evidence == []


def test_a_paper_about_no_one_has_no_patient():
    p = Paper(("abstract", "", "Cement leakage occurs in many vertebroplasty procedures."),
              ("results", "Results", "Leakage was epidural in 30% and foraminal in 12%."))
    p.m("LEAK_LOCATION", "epidural", "epidural")
    paper, _ = p.assemble()
    assert paper["patients"] == [] and paper["paper"]["study_type"] is None


def test_image_report():
    p = Paper(("title", "", "Cement in the spinal canal"),
              ("other", "", "An 83-year-old woman had leg weakness after kyphoplasty of L2."),
              ("caption", "", "Fig. 1. CT showing cement in the canal at L2."))
    p.age("83-year-old", 83)
    p.sex("woman", "F")
    paper, _ = p.assemble()
    assert paper["paper"]["study_type"] == "image report"


def test_fusion_story_index_rescue_and_baseline():
    p = Paper(("case", "Case report",
               "A 49-year-old woman had leg pain from stenosis; her preoperative strength was normal. "
               "She underwent L3-L4 decompression and fusion. On day 2 she developed a foot drop, grade 2. "
               "A misplaced screw was found, and revision decompression was performed. "
               "At the 6-month follow-up dorsiflexion was grade 4."))
    p.age("49-year-old", 49)
    p.sex("woman", "F")
    p.m("SYMPTOM", "leg pain", "pain")
    p.grade("normal", "5")
    p.level("L3-L4", ["L3", "L4"])
    p.m("PROCEDURE", "decompression", "decompression")
    p.m("TREATMENT", "decompression", "decompression")
    p.m("PROCEDURE", "fusion", "fusion")
    p.m("TREATMENT", "fusion", "fusion")
    p.m("TIMING", "On day 2", "delayed", days=2.0, anchor="day")
    p.m("SYMPTOM", "foot drop", "foot drop")
    p.grade("grade 2", "2", muscle="ankle dorsiflexion")
    p.m("CAUSE", "misplaced screw", "screw malposition")
    p.m("PROCEDURE", "decompression", "decompression", after="revision")
    p.m("TREATMENT", "decompression", "decompression", after="revision")
    p.m("FOLLOW_UP", "6-month follow-up", "6 months", number=6, unit="month")
    p.grade("grade 4", "4", muscle="ankle dorsiflexion")
    paper, _ = p.assemble()
    [pt] = paper["patients"]
    assert set(pt["index_procedures"]) == {"decompression", "fusion"}
    assert pt["treatments"] == ["decompression"]
    assert set(pt["treated_levels"]) == {"L3", "L4"} and pt["treatment_levels"] == []
    assert set(pt["symptoms"]) == {"foot drop", "weakness"}  # the leg pain was the reason for the fusion
    assert (pt["onset"], pt["onset_days"]) == ("delayed", 2.0)
    assert [(g["value"], g["time"]) for g in pt["muscle_grades"]] == [("2", "presentation"), ("4", "follow-up")]
    assert pt["outcome"] == "partial recovery"


def test_onset_is_dated_from_the_operation_not_from_the_visit():
    p = Paper(("case", "Case report",
               "A 77-year-old man had vertebroplasty of L2. Three weeks later he came with weakness that had "
               "begun 2 days after the vertebroplasty. Conservative care was chosen."))
    p.age("77-year-old", 77)
    p.sex("man", "M")
    p.m("PROCEDURE", "vertebroplasty", "vertebroplasty")
    p.m("TIMING", "Three weeks later", "delayed", days=21.0, anchor="later", from_operation=False)
    p.m("SYMPTOM", "weakness", "weakness")
    p.m("TIMING", "2 days after", "delayed", days=2.0, anchor="after", from_operation=True)
    paper, _ = p.assemble()
    assert (paper["patients"][0]["onset"], paper["patients"][0]["onset_days"]) == ("delayed", 2.0)


def _values(patient: dict) -> set[tuple[str, str]]:
    out = set()
    for name, value in patient.items():
        if name == "patient" or value is None or value == []:
            continue
        if name == "muscle_grades":
            out |= {(name, g["value"]) for g in value}
        elif isinstance(value, list):
            out |= {(name, v) for v in value}
        else:
            out.add((name, str(value)))
    return out


@pytest.mark.parametrize("build", [single_case, two_cases, lambda: two_cases(False)])
def test_every_value_has_evidence_and_every_evidence_a_value(build):
    p = build()
    paper, evidence = p.assemble()
    ids = {m.mention_id for m in p.mentions}
    for pt in paper["patients"]:
        owned = {(e.field, e.value) for e in evidence if e.owner == f"patient:{pt['patient']}"}
        assert owned == _values(pt)
    assert all(e.mention_id in ids for e in evidence)


def test_image_report_named_in_the_title():
    p = Paper(("title", "", "Images in spine surgery: cement in the canal"),
              ("case", "", "A 70-year-old woman had paraparesis after vertebroplasty. " * 3),
              ("discussion", "Discussion", "Leaks are common."),
              meta=PaperMeta(title="Images in spine surgery: cement in the canal"))
    p.age("70-year-old", 70)
    p.sex("woman", "F")
    assert p.assemble()[0]["paper"]["study_type"] == "image report"


def test_unlabelled_background_before_the_case_and_medication_history_are_not_the_patients():
    p = Paper(("other", "", "Kyphoplasty is considered safer than vertebroplasty, typically without epidural leaks. "
                            "A 70-year-old woman on warfarin underwent kyphoplasty of L1. "
                            "Two days later she had leg pain. Laminectomy was performed."))
    p.m("PROCEDURE", "vertebroplasty", "vertebroplasty")
    p.m("LEAK_LOCATION", "epidural", "epidural")
    p.age("70-year-old", 70)
    p.sex("woman", "F")
    p.m("TREATMENT", "warfarin", "anticoagulation")
    p.m("PROCEDURE", "kyphoplasty", "kyphoplasty", after="underwent")
    p.level("L1", ["L1"])
    p.m("TIMING", "Two days later", "delayed", days=2.0, anchor="later")
    p.m("SYMPTOM", "leg pain", "pain")
    p.m("TREATMENT", "Laminectomy", "laminectomy")
    paper, _ = p.assemble()
    [pt] = paper["patients"]
    assert pt["index_procedures"] == ["kyphoplasty"] and pt["leak_locations"] == []
    assert pt["treatments"] == ["laminectomy"]
    assert (pt["onset"], pt["onset_days"]) == ("delayed", 2.0)


def test_a_discussion_sentence_naming_a_case_speaks_of_that_case():
    base = two_cases()
    p = Paper(*[(s.kind, s.title, s.text) for s in base.doc.sections[:-1]],
              ("discussion", "Discussion", "In Case 2, cement migration into the canal explains the deficit. "
                                           "All patients should be monitored after cement injection."))
    p.mentions = list(base.mentions)  # the same sections come first, so the offsets hold
    p.marker("Case 2", 2, after="In Case")
    p.m("LEAK_LOCATION", "canal", "spinal canal", after="In Case 2")
    p.m("PROCEDURE", "cement injection", "vertebroplasty")
    paper, _ = p.assemble()
    one, two = paper["patients"]
    assert two["leak_locations"] == ["spinal canal"] and one["leak_locations"] == ["foraminal"]
    assert one["index_procedures"] == two["index_procedures"] == ["kyphoplasty"]


def test_a_title_for_all_cases_fills_in_only_what_a_case_lacks():
    p = Paper(("title", "", "Two cases of pulmonary cement embolism after vertebroplasty"),
              ("abstract", "", "The first patient, a 70-year-old woman, developed dyspnea 2 days later and "
                               "was treated with anticoagulation. The second patient, a 61-year-old man, had "
                               "kyphoplasty of L1 without symptoms."))
    p.m("PROCEDURE", "vertebroplasty", "vertebroplasty")
    p.marker("The first patient", 1)
    p.age("70-year-old", 70)
    p.sex("woman", "F")
    p.m("SYMPTOM", "dyspnea", "dyspnea")
    p.m("TIMING", "2 days later", "delayed", days=2.0, anchor="later")
    p.m("TREATMENT", "anticoagulation", "anticoagulation")
    p.marker("The second patient", 2)
    p.age("61-year-old", 61)
    p.sex("man", "M")
    p.m("PROCEDURE", "kyphoplasty", "kyphoplasty")
    paper, _ = p.assemble()
    one, two = paper["patients"]
    assert one["index_procedures"] == ["vertebroplasty"] and two["index_procedures"] == ["kyphoplasty"]
    assert one["treatments"] == ["anticoagulation"]


def test_normal_strength_before_the_complication_is_a_baseline():
    p = Paper(("case", "Case report",
               "A 60-year-old man underwent L4-5 TLIF. He had full strength on the first day. "
               "Three days after surgery he developed leg weakness, grade 2. The hematoma was evacuated."))
    p.age("60-year-old", 60)
    p.sex("man", "M")
    p.m("PROCEDURE", "TLIF", "fusion")
    p.grade("full strength", "5")
    p.m("TIMING", "Three days after", "delayed", days=3.0, anchor="after")
    p.m("SYMPTOM", "leg weakness", "weakness")
    p.grade("grade 2", "2")
    p.m("TREATMENT", "hematoma was evacuated", "hematoma evacuation")
    paper, _ = p.assemble()
    [pt] = paper["patients"]
    assert [(g["value"], g["time"]) for g in pt["muscle_grades"]] == [("2", "presentation")]
    assert (pt["onset"], pt["onset_days"], pt["treatments"]) == ("delayed", 3, ["hematoma evacuation"])


@pytest.mark.parametrize(("text", "patients"), [
    ("With oral anticoagulation the patient will require fewer visits.", 0),
    ("In this study, we report that the compound induces fusion of mitochondria.", 0),
    ("We report a case of paraplegia after vertebroplasty.", 1),
    ("The patient developed paraplegia after vertebroplasty.", 1),
])
def test_a_case_is_told_only_where_a_case_is_meant(text, patients):
    p = Paper(("abstract", "", text))
    label, surface, value = (("TREATMENT", "anticoagulation", "anticoagulation") if "anticoag" in text
                             else ("PROCEDURE", "fusion", "fusion") if "fusion" in text
                             else ("SYMPTOM", "paraplegia", "paralysis"))
    p.m(label, surface, value)
    assert len(p.assemble()[0]["patients"]) == patients


@pytest.mark.parametrize(("early", "late", "expected"), [
    ("On the first day her leg pain had resolved completely.",
     "At the 1-year follow-up some numbness remained, though she had improved.", "improved"),
    ("By the second day her strength had improved to grade 4.",
     "Six months later she had complete neurological recovery.", "full recovery"),
    ("At discharge she had recovered fully.", "Eventually she had only partial recovery.", "partial recovery"),
    ("At discharge she had only partial recovery.", "At the last visit she had recovered fully.", "full recovery"),
    ("Her leg pain resolved completely after the operation.", "She walked with a cane.", "full recovery"),
])
def test_the_outcome_is_the_final_state(early, late, expected):
    p = Paper(("case", "Case report", "A 74-year-old woman underwent vertebroplasty. Two days later she had "
                                      f"leg weakness. The cement was removed. {early} {late}"))
    p.age("74-year-old", 74)
    p.sex("woman", "F")
    p.m("PROCEDURE", "vertebroplasty", "vertebroplasty")
    p.m("SYMPTOM", "leg weakness", "weakness")
    p.m("TREATMENT", "cement was removed", "cement removal")
    outcomes = {"resolved completely": "full recovery", "improved": "improved", "recovered fully": "full recovery",
                "complete neurological recovery": "full recovery", "partial recovery": "partial recovery"}
    for surface, value in outcomes.items():
        for where in (early, late):
            if surface in where:
                p.m("OUTCOME", surface, value, after=where)
    [pt] = p.assemble()[0]["patients"]
    assert pt["outcome"] == expected


@pytest.mark.parametrize("rescue", [
    "He underwent emergency surgery through a posterior approach.",
    "He was reoperated the same evening.",
    "He was taken back to the operating room.",
    "He had a revision operation.",
])
def test_a_rescue_operation_named_without_a_treatment_word_turns_the_story(rescue):
    p = Paper(("case", "Case report", "A 58-year-old man underwent L4-L5 TLIF. The next day he had a foot drop, "
                                      f"grade 1. {rescue} On the third day dorsiflexion was grade 3. "
                                      "At the final review it was grade 5."))
    p.age("58-year-old", 58)
    p.sex("man", "M")
    p.m("PROCEDURE", "TLIF", "fusion")
    p.m("SYMPTOM", "foot drop", "foot drop")
    p.grade("grade 1", "1", muscle="ankle dorsiflexion")
    p.sex("He", "M", kind="pronoun")  # the rescue's sentence is known to the story by its mentions
    p.grade("grade 3", "3", muscle="ankle dorsiflexion")
    p.grade("grade 5", "5", muscle="ankle dorsiflexion")
    [pt] = p.assemble()[0]["patients"]
    assert [(g["value"], g["time"]) for g in pt["muscle_grades"]] == [
        ("1", "presentation"), ("3", "post-treatment"), ("5", "follow-up")]


def test_a_rescue_word_before_the_complication_is_no_turn():
    p = Paper(("case", "Case report", "A 58-year-old man had a revision operation of an old L4-L5 fusion. "
                                      "On the third day he had a foot drop, grade 2."))
    p.age("58-year-old", 58)
    p.sex("man", "M")
    p.m("SYMPTOM", "foot drop", "foot drop")
    p.grade("grade 2", "2", muscle="ankle dorsiflexion")
    [pt] = p.assemble()[0]["patients"]
    assert [(g["value"], g["time"]) for g in pt["muscle_grades"]] == [("2", "presentation")]


def test_a_follow_up_length_told_early_does_not_make_later_grades_final():
    p = Paper(("case", "Case report", "A 66-year-old man became paraplegic after vertebroplasty, grade 0. "
                                      "Laminectomy was performed. He was followed for 18 months. "
                                      "One week after surgery strength was grade 3. "
                                      "At the final review strength was grade 4."))
    p.age("66-year-old", 66)
    p.sex("man", "M")
    p.m("SYMPTOM", "paraplegic", "paralysis")
    p.m("PROCEDURE", "vertebroplasty", "vertebroplasty")
    p.grade("grade 0", "0")
    p.m("TREATMENT", "Laminectomy", "laminectomy")
    p.m("FOLLOW_UP", "followed for 18 months", "18 months", number=18, unit="month")
    p.grade("grade 3", "3")
    p.grade("grade 4", "4")
    [pt] = p.assemble()[0]["patients"]
    assert [(g["value"], g["time"]) for g in pt["muscle_grades"]] == [
        ("0", "presentation"), ("3", "post-treatment"), ("4", "follow-up")]

"""Which operation is which, end to end: the index operation (with what is done with the augmentation),
the rescue operation, and history."""

from __future__ import annotations

import pytest

from story_helpers import case_report, mine

TITLE = "Cement embolism after vertebroplasty: a case report"


@pytest.mark.parametrize("index, joined", [
    ("vertebroplasty of T9 with posterior fusion of T7-T11", "fusion"),
    ("kyphoplasty of L1 and posterior fusion from T12 to L2", "fusion"),
    ("vertebroplasty of T9 with posterior fusion of T7-T11 and T9 corpectomy", "fusion"),
    ("kyphoplasty of L2 combined with short-segment posterior fusion", "fusion"),
    ("vertebroplasty of L3 together with a laminectomy at L3", "laminectomy"),
    ("transforaminal lumbar interbody fusion and vertebroplasty", "fusion"),
    ("a laminectomy with kyphoplasty of L2", "laminectomy"),
])
def test_an_operation_named_with_the_augmentation_is_part_of_the_index(tmp_path, index, joined):
    text = case_report(TITLE, f"A 61-year-old woman underwent {index}. On the second day she developed "
                              "dyspnea and CT found cement in both pulmonary arteries. She received "
                              "anticoagulation and improved.")
    (patient,) = mine(tmp_path, text)["patients"]
    assert joined in patient["index_procedures"]
    assert joined not in patient["treatments"]
    assert patient["treatments"] == ["anticoagulation"]


@pytest.mark.parametrize("story, rescue", [
    ("She had radiculopathy from cement leakage after vertebroplasty of L4, successfully treated with "
     "surgical decompression.", "decompression"),
    ("Paraparesis from cement in the canal after kyphoplasty of T12, managed with laminectomy, resolved.",
     "laminectomy"),
    ("She had leg pain after vertebroplasty of L2 with a cement leak requiring posterior decompression.",
     "decompression"),
    ("Paraparesis followed kyphoplasty of T12 with cement in the canal, necessitating a laminectomy.",
     "laminectomy"),
])
def test_an_operation_the_augmentation_is_treated_with_is_no_part_of_it(tmp_path, story, rescue):
    """"with" joins an operation to the augmentation ("vertebroplasty with fusion") only when no verb
    stands between them: after "treated with", "managed with", "requiring", it is the rescue."""
    (patient,) = mine(tmp_path, case_report(TITLE, "A 61-year-old woman had an osteoporotic fracture. " + story))["patients"]
    assert rescue in patient["treatments"] and rescue not in patient["index_procedures"]


@pytest.mark.parametrize("story", [
    "After vertebroplasty of T12, she underwent posterior fusion because of paraparesis.",
    "She underwent vertebroplasty of T12. Paraparesis followed and an emergency laminectomy was performed.",
    "Two days after vertebroplasty of T12 she had paraparesis; laminectomy and cement removal were done.",
])
def test_a_later_operation_is_the_rescue(tmp_path, story):
    paper = mine(tmp_path, case_report(TITLE, "A 61-year-old woman had an osteoporotic fracture. " + story))
    (patient,) = paper["patients"]
    assert patient["treatments"]
    assert not set(patient["treatments"]) & set(patient["index_procedures"]) - {"fusion", "laminectomy"}
    assert "vertebroplasty" in patient["index_procedures"]


@pytest.mark.parametrize("story, index, onset_days", [
    ("A 58-year-old man with cord compression from a metastasis had an urgent decompression at T2. Six hours after "
     "the operation his legs were paralysed.", ["decompression"], 0.25),
    ("A 58-year-old woman who had a revision laminectomy at L3-L4 developed a cauda equina syndrome on the "
     "second postoperative day.", ["laminectomy"], 2),
    ("A 50-year-old woman had an emergency discectomy at L4-L5 for a massive disc herniation. Two days later "
     "she developed a foot drop.", ["discectomy"], 2),
    # called rescue work after the complication, or for it: the rescue
    ("A 70-year-old man developed paraplegia two days after surgery. An emergency decompression was "
     "performed.", [], 2),
    ("An emergency decompression for an epidural hematoma was done in a 70-year-old man with paraplegia two days "
     "after surgery.", [], None),
])
def test_an_operation_called_rescue_work_that_opens_the_story_is_the_index(tmp_path, story, index, onset_days):
    text = case_report("Neurological deficit after spinal surgery: a case report", story + " He recovered.")
    (patient,) = mine(tmp_path, text)["patients"]
    assert patient["index_procedures"] == index
    assert bool(patient["treatments"]) is not bool(index)
    assert patient["onset_days"] == onset_days


@pytest.mark.parametrize("title, index, treatments", [
    ("Delayed epidural hematoma after lumbar disc surgery treated by two-level laminectomy",
     [], ["laminectomy"]),
    ("Cement leakage after kyphoplasty successfully treated with laminectomy", ["kyphoplasty"], ["laminectomy"]),
    # an indication treated by its operation is the index operation
    ("Lumbar disc herniation with radiculopathy treated with discectomy", ["discectomy"], []),
    # the complication of a patient treated with an operation: the operation is the index one
    ("Delayed C5 palsy in a patient treated with anterior cervical discectomy and fusion",
     ["discectomy", "fusion"], []),
    ("Screw malposition in a patient treated with posterior lumbar fusion", ["fusion"], []),
    ("Delayed C5 palsy in an elderly female treated with anterior cervical discectomy and fusion",
     ["discectomy", "fusion"], []),
    ("Spinal epidural hematoma after discectomy successfully treated by laminectomy", ["discectomy"], ["laminectomy"]),
    ("Late C5 palsy in myelopathic patients treated with anterior cervical discectomy and fusion",
     ["discectomy", "fusion"], []),
])
def test_an_operation_that_treats_a_complication_named_before_it_is_rescue_work(tmp_path, title, index, treatments):
    (patient,) = mine(tmp_path, case_report(title, "A 46-year-old man had leg weakness."))["patients"]
    assert (patient["index_procedures"], patient["treatments"]) == (index, treatments)


@pytest.mark.parametrize("history", [
    "She had undergone posterior decompression and fusion from L3-L5 4 years prior.",
    "Posterior fusion of L4-L5 had been performed 10 years earlier.",
])
def test_operations_years_before_are_history(tmp_path, history):
    text = case_report(TITLE, f"A 81-year-old woman underwent kyphoplasty of L1. {history} A week later she "
                              "developed leg weakness from epidural cement, which was removed.")
    (patient,) = mine(tmp_path, text)["patients"]
    assert "fusion" not in patient["treatments"] and "fusion" not in patient["index_procedures"]
    assert "cement removal" in patient["treatments"]


@pytest.mark.parametrize("index, expected", [
    ("posterior screw fixation and posterior laminectomy from C4 to C7", ["laminectomy"]),
    ("a laminectomy with pedicle screw fixation at L4-L5", ["laminectomy"]),
    ("posterior fixation together with decompression at L2", ["decompression"]),
    ("an L4-L5 discectomy and posterior instrumented fusion", ["discectomy", "fusion"]),
    ("a T10-S1 posterior instrumented fusion", ["fusion"]),
    ("a C3-C6 instrumentation-assisted lateral mass fusion", ["fusion"]),
    ("a previous fusion revised by an osteotomy with posterior instrumented fusion from T10 to S1", ["fusion", "osteotomy"]),
])
def test_fixation_named_with_the_index_operation_is_part_of_it(tmp_path, index, expected):
    text = case_report("Epidural hematoma after spine surgery: a case report", (
        f"A 77-year-old woman had {index}. Three days later, paraparesis occurred because of an epidural "
        "hematoma. The hematoma was evacuated and she improved."))
    (patient,) = mine(tmp_path, text)["patients"]
    assert sorted(patient["index_procedures"]) == expected
    assert patient["treatment_levels"] == []
    assert "posterior fixation" not in patient["treatments"]
    assert "hematoma evacuation" in patient["treatments"]


@pytest.mark.parametrize("index, expected", [
    ("cement-augmented pedicle screw fixation from L3 to L5", []),
    ("L3-L5 pedicle screw fixation with bone cement augmentation", []),
    ("transpedicular screw fixation from L3 to L5 with bone cement augmentation", []),
    ("pedicle screw fixation from L3 to L5 augmented with PMMA", []),
    ("L3-L5 posterior instrumentation with PMMA-augmented pedicle screws and fusion", ["fusion"]),
    ("an L3-L5 posterior fusion with cemented fenestrated screws", ["fusion"]),
])
def test_screws_the_cement_went_through_are_the_index_operation(tmp_path, index, expected):
    text = case_report("Cement embolism after screw augmentation: a case report", (
        f"A 72-year-old woman with osteoporosis underwent {index}. On the first day she developed dyspnea and CT "
        "found cement in both pulmonary arteries. She received anticoagulation and improved."))
    (patient,) = mine(tmp_path, text)["patients"]
    assert patient["index_procedures"] == expected
    assert patient["treated_levels"] == ["L3", "L4", "L5"]
    assert patient["treatments"] == ["anticoagulation"]
    assert patient["onset_days"] == 1


@pytest.mark.parametrize("story, removed", [
    ("A 66-year-old woman underwent vertebroplasty at L1. Two days later she had chest pain from cement in the "
     "right atrium. A sternotomy was performed to remove the fragment.", True),
    ("A 66-year-old man underwent fusion at L4-L5. A drain broke as it was pulled, and a thoracotomy was "
     "performed to remove the fragment.", False),
])
def test_a_heart_operation_takes_out_cement_only_where_cement_leaked(tmp_path, story, removed):
    (patient,) = mine(tmp_path, case_report("Complications after spine surgery: a case report", story))["patients"]
    assert ("cement removal" in patient["treatments"]) is removed


@pytest.mark.parametrize("rescue", [
    "A month later the cement had moved into the canal. He underwent cement removal and cement-augmented pedicle "
    "screw fixation from T11 to L3.",
    "A new fracture of L2 followed. Decompression and PMMA-augmented screw fixation from T11 to L3 were done.",
    "He underwent posterior fixation of L1 with removal of the cement.",
    "Pedicle screw fixation with cement removal from the canal was performed.",
    "Emergency laminectomy and posterior fixation were performed.",
    "He underwent revision decompression with posterior fixation.",
    "He underwent laminectomy, posterior fixation and kyphoplasty of L1.",
    "Revision with posterior fixation and vertebroplasty of L1 was performed.",
])
def test_fixation_with_rescue_work_stays_rescue_work(tmp_path, rescue):
    text = case_report("Paraparesis after kyphoplasty: a case report", (
        "An 80-year-old man developed paraparesis after kyphoplasty of L1 with cement in the canal. " + rescue))
    (patient,) = mine(tmp_path, text)["patients"]
    assert "posterior fixation" in patient["treatments"]


@pytest.mark.parametrize("story, treated", [
    ("A 57-year-old woman developed a left C5 palsy after a cervical laminoplasty. The palsy improved with "
     "physiotherapy.", []),
    ("A 69-year-old man underwent a revision T10-pelvis posterior instrumented fusion. He awoke with bilateral "
     "quadriceps weakness.", ["T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1"]),
    # where a hematoma lies, its name written out or short, is no level operated on
    ("A 51-year-old man had an extensive spinal epidural hematoma (SEH) after an L4-L5 discectomy. MRI showed the "
     "SEH from T10-L3 following the L4-L5 discectomy. He had leg weakness.", ["L4", "L5"]),
])
def test_levels_named_by_a_root_or_a_construct(tmp_path, story, treated):
    (patient,) = mine(tmp_path, case_report("Leg weakness after spinal fusion: a case report", story))["patients"]
    assert (patient["treated_levels"], patient["treatment_levels"]) == (treated, [])


@pytest.mark.parametrize("story, treated", [
    # levels listed before the operation they share, each with its side
    ("A 66-year-old man with lumbar canal stenosis underwent right L2-3 and left-sided L3-4 partial "
     "laminectomies. On the third day he developed leg weakness.", ["L2", "L3", "L4"]),
    ("A 66-year-old man with lumbar canal stenosis underwent bilateral L2-3, L3-4 and left L4-5 "
     "decompressions. On the third day he developed leg weakness.", ["L2", "L3", "L4", "L5"]),
    # a stenosis told at a level, then another level operated on: only that one
    ("A 66-year-old man with L2-3 stenosis and an L3-4 laminectomy developed leg weakness on the third day.",
     ["L3", "L4"]),
])
def test_levels_listed_before_their_operation(tmp_path, story, treated):
    (patient,) = mine(tmp_path, case_report("Leg weakness after lumbar decompression: a case report", story))["patients"]
    assert (patient["treated_levels"], patient["treatment_levels"]) == (treated, [])


@pytest.mark.parametrize("background, leaks", [
    # a structured abstract that tells its case under a background label
    ("A 54-year-old woman had vertebroplasty of T4. Cement leaked into the foramen and radicular pain followed.",
     ["foraminal"]),
    # a background part that only tells the literature
    ("Cement may leak into the foramina after vertebroplasty. Radiculopathy has been reported.", []),
])
def test_a_case_told_under_a_background_label(tmp_path, background, leaks):
    text = case_report("Vertebroplasty of the upper thoracic spine: a case report",
                       f"Study Design. Case report. Summary of Background Data. {background} Conclusions. Close "
                       "follow-up is advised.")
    patients = mine(tmp_path, text)["patients"]
    assert [p["leak_locations"] for p in patients] == [leaks]


@pytest.mark.parametrize("introduction, treated", [
    # an abstract that tells its case under its introduction label
    ("This is a case report of a 79-year-old woman with a pulmonary cement embolus after kyphoplasty of "
     "L1. The cement was removed from the pulmonary artery by catheter retrieval.", ["cement removal"]),
    ("This is a review of how cement emboli are removed from the pulmonary artery after vertebroplasty.", []),
])
def test_a_case_told_under_an_abstracts_introduction(tmp_path, introduction, treated):
    text = case_report("Pulmonary cement embolism after vertebroplasty",
                       f"Introduction\n{introduction}\nDiscussion\nCement embolism is rare.")
    patients = mine(tmp_path, text)["patients"]
    assert [t for p in patients for t in p["treatments"]] == treated


@pytest.mark.parametrize("label, aims, treated", [
    # a meeting abstract that tells its case under its aims: a passive rescue is the patient's
    ("Aims", "We report a 59-year-old man who was referred with a cement fragment lodged in the right atrium "
     "after kyphoplasty of T11. Through a sternotomy, the cement was removed from the atrium.",
     ["cement removal"]),
    ("Objective", "To present a 68-year-old man with pulmonary cement embolism after kyphoplasty. The cement "
     "fragment was surgically removed from the pulmonary artery.", ["cement removal"]),
    ("Objective", "We herein report a case of cement embolism in a 58-year-old man after vertebroplasty of T10. "
     "The cement was surgically removed from the right atrium.", ["cement removal"]),
    # aims that only tell what the paper is for
    ("Aims", "To describe how cement emboli are removed after vertebroplasty.", []),
])
def test_a_case_told_under_an_aims_label(tmp_path, label, aims, treated):
    text = ("Cardiac cement embolism after vertebroplasty\n\nIntroduction: Vertebroplasty is widely used. Cement "
            f"may leak into the veins.\n\n{label}: {aims}\n\nDiscussion: Cement embolism is rare.\n")
    patients = mine(tmp_path, text)["patients"]
    assert [t for p in patients for t in p["treatments"]] == treated


@pytest.mark.parametrize("title, story, causes", [
    # a paper about a hematoma it names subdural: its bare "hematoma" is that one
    ("Spinal subdural hematoma after lumbar laminectomy: a case report", "A 59-year-old woman underwent L3-L5 "
     "laminectomy. On day 2 she developed leg weakness. MRI showed a spinal subdural hematoma at L2. The hematoma "
     "was evacuated.", []),
    # ... but one that says epidural keeps it, and so does one that names the other compartment in passing
    ("Leg weakness after lumbar laminectomy: a case report", "A 59-year-old woman underwent L3-L5 laminectomy. "
     "On day 2 she developed leg weakness. MRI showed an epidural and subdural hematoma at L2. The hematoma was "
     "evacuated.", ["epidural hematoma"]),
    ("Leg weakness after lumbar laminectomy: a case report", "A 59-year-old woman underwent L3-L5 laminectomy. "
     "On day 2 she developed leg weakness. MRI showed a hematoma at L2; there was no subdural hematoma. The "
     "hematoma was evacuated.", ["epidural hematoma"]),
    ("Leg weakness after lumbar laminectomy: a case report", "A 59-year-old woman underwent L3-L5 laminectomy. "
     "On day 2 she developed leg weakness. MRI showed a hematoma at L2. The hematoma was evacuated.",
     ["epidural hematoma"]),
    ("Spinal subdural hematoma after lumbar laminectomy: a case report", "A 59-year-old woman underwent L3-L5 "
     "laminectomy. On day 2 she developed leg weakness. MRI showed an epidural spinal hematoma at L2, not a "
     "subdural hematoma. The hematoma was evacuated.", ["epidural hematoma"]),
])
def test_a_hematoma_named_for_another_compartment(tmp_path, title, story, causes):
    (patient,) = mine(tmp_path, case_report(title, story))["patients"]
    assert patient["causes"] == causes


@pytest.mark.parametrize("story, symptoms", [
    # the operation told back after the complaint: the complaint came after it
    ("A 71-year-old man came because of increasing dyspnea with chest pain. History of vertebroplasty of L1 was "
     "elicited only later. CT showed cement in the pulmonary arteries after the vertebroplasty.",
     ["dyspnea", "chest pain"]),
    # ... not another operation told back: the complaint before the index operation is its reason
    ("A 75-year-old woman with a history of vertebroplasty at L1 five years ago presented with severe back pain. "
     "Vertebroplasty of L3 was performed. She then developed dyspnea from pulmonary cement embolism.", ["dyspnea"]),
    ("A 70-year-old woman had a history of vertebroplasty. She presented with severe back pain from a new "
     "fracture. Vertebroplasty of L2 was performed. She then developed leg numbness from cement in the foramen.",
     ["numbness"]),
    ("A 70-year-old woman with a history of lumbar fusion had severe back pain. Vertebroplasty of L1 was "
     "performed. She then developed leg weakness from cement in the canal.", ["weakness"]),
])
def test_an_operation_told_back(tmp_path, story, symptoms):
    (patient,) = mine(tmp_path, case_report("Cement leakage after vertebroplasty: a case report", story))["patients"]
    assert patient["symptoms"] == symptoms


@pytest.mark.parametrize("title, story, treatments", [
    # the operation a deficit followed, which the index vocabulary does not name, is no rescue work
    ("Quadriparesis hours after a two-level cervical corpectomy: a case report",
     "A 58-year-old man had paralysis of both arms after the operation. He received steroids and recovered.",
     ["steroids"]),
    ("Weakness after a posterior instrumentation: a case report",
     "A 64-year-old woman lost strength in her left leg. She received physiotherapy and recovered.",
     ["rehabilitation"]),
    # rescue work a new deficit followed stays rescue work
    ("Epidural hematoma after lumbar fusion: a case report",
     "A 61-year-old man had leg weakness from an epidural hematoma after L4-L5 fusion. Numbness in the left leg "
     "was noted after hematoma evacuation.", ["hematoma evacuation"]),
    ("Cage migration after lumbar fusion: a case report",
     "A 57-year-old man had leg weakness from a migrated cage after L4-L5 fusion. Numbness in the left foot was "
     "noted after cage removal.", ["cage removal"]),
    # after an index operation named before it, it is rescue work; a historical one names none
    ("Leaked cement after vertebroplasty: a case report",
     "A 71-year-old woman had leg weakness from cement leakage after vertebroplasty of L2. Numbness in the left "
     "foot was noted after posterior fixation.", ["posterior fixation"]),
    ("Quadriparesis after cervical surgery: a case report",
     "A 67-year-old woman had undergone vertebroplasty at L1 ten years earlier. She developed quadriparesis hours "
     "after a two-level cervical corpectomy. She received steroids.", ["steroids"]),
    # rescue work after rescue work stays rescue work
    ("Intradural cement after vertebroplasty: a case report",
     "A 70-year-old woman had leg weakness from intradural cement after vertebroplasty of L2. The cement was "
     "removed after a durotomy.", ["cement removal", "durotomy"]),
])
def test_an_operation_a_deficit_followed_is_no_rescue(tmp_path, title, story, treatments):
    (patient,) = mine(tmp_path, case_report(title, story))["patients"]
    assert sorted(patient["treatments"]) == treatments


HEMATOMA = (" Two days later she developed weakness of both legs. MRI showed an epidural hematoma. She underwent "
            "evacuation of the hematoma and recovered fully.")


@pytest.mark.parametrize("title, index, treated", [
    (None, "underwent pedicle screw fixation of T10-L2", ["T10", "T11", "T12", "L1", "L2"]),
    (None, "underwent posterior instrumentation from L3 to S1", ["L3", "L4", "L5", "S1"]),
    (None, "underwent posterior fixation of T11-L1 and corpectomy of T12", ["T11", "T12", "L1"]),
    # a title that tells the complication as following it
    ("Epidural hematoma after posterior fixation: a case report", "underwent posterior fixation of T11-L1",
     ["T11", "T12", "L1"]),
])
def test_a_fixation_that_opens_the_story_is_the_index_operation(tmp_path, title, index, treated):
    """Fixation is rescue work in the vocabularies, but the first operation of a case with no cement, told
    before any complication and not called rescue work, is the one the complication followed."""
    text = case_report(title or "Leg weakness after spinal fixation: a case report",
                       f"A 58-year-old woman {index}." + HEMATOMA)
    (patient,) = mine(tmp_path, text)["patients"]
    assert (patient["treated_levels"], patient["treatment_levels"]) == (treated, [])
    assert patient["treatments"] == ["hematoma evacuation"]
    assert patient["onset_days"] == 2


@pytest.mark.parametrize("title, story", [
    (None, "A 58-year-old woman underwent emergency pedicle screw fixation of T10-L2 for a burst fracture."),
    (None, "A 58-year-old teacher with paraparesis from an epidural hematoma underwent pedicle screw fixation of "
           "T10-L2."),
    # the complication told after it, as its reason, or only in the title, as what it treated
    (None, "A 58-year-old woman underwent pedicle screw fixation of T10-L2 for an epidural hematoma that had "
           "caused paraparesis."),
    ("Epidural hematoma treated with posterior fixation: a case report",
     "A 58-year-old woman underwent pedicle screw fixation of T10-L2. She recovered fully."),
    # dated after another operation of its sentence
    (None, "A 58-year-old woman underwent staged posterior fixation of T10-L2 one week after anterior corpectomy "
           "of T12." + HEMATOMA),
    (None, "A 58-year-old woman underwent posterior fixation of T10-L2 one week after she had anterior corpectomy "
           "of T12." + HEMATOMA),
    # a complication the fixation did not follow, though "after" stands between
    (None, "A 58-year-old man had an epidural hematoma after a fall and underwent posterior fixation of T10-L2."),
    (None, "A 58-year-old man with an epidural hematoma after a fall underwent posterior fixation of T10-L2."),
    # what it was done for, though no complication is named
    (None, "A 58-year-old woman underwent posterior fixation of T10-L2 to correct a malpositioned screw." + HEMATOMA),
    # a complication of its sentence told back
    (None, "A 58-year-old woman underwent posterior fixation of T10-L2 for a burst fracture; she had developed leg "
           "numbness one week earlier." + HEMATOMA),
    # the title tells the sentence's other operation as rescue work
    ("Epidural hematoma treated with posterior fixation: a case report",
     "A 58-year-old woman underwent posterior fixation of T11-L1 and corpectomy of T12. She recovered fully."),
])
def test_a_fixation_told_as_rescue_stays_rescue(tmp_path, title, story):
    text = case_report(title or "Leg weakness after spinal fixation: a case report", story)
    (patient,) = mine(tmp_path, text)["patients"]
    assert "posterior fixation" in patient["treatments"]
    assert patient["treated_levels"] == []


@pytest.mark.parametrize("index, treated", [
    # an operation of no kind the vocabularies name, and the diagnosis it was for
    ("was operated on for severe canal stenosis at the T11-T12 level", ["T11", "T12"]),
    ("underwent spinal surgery at L3-L4", ["L3", "L4"]),
    ("with cervical spondylolisthesis at C6-C7 underwent anterior plate fixation", ["C6", "C7"]),
    ("underwent decompression for spinal stenosis at L4-L5", ["L4", "L5"]),
    ("with foraminal stenosis at the L3-4 level underwent decompressive laminectomy", ["L3", "L4"]),
    # not an operation told back, called rescue, or a diagnosis the operation was not for
    ("had undergone surgery at L5-S1 ten years earlier. She underwent L2-L3 discectomy", ["L2", "L3"]),
    ("underwent revision surgery at L4-L5", []),
    ("with L5 radiculopathy underwent surgery", []),
    ("was seen in the spine surgery clinic. MRI then revealed a herniated disc at L2-L3. She underwent discectomy", []),
    ("with spinal stenosis at L4-L5, which was managed conservatively, underwent discectomy", []),
    ("underwent surgery for stenosis at L4-L5 and vertebroplasty of T12", ["T12"]),
    ("with spondylolisthesis at L4-L5 underwent treatment of a stress fracture", []),  # a fracture is no operation
    # nor one planned, nor one before the index operation named later
    ("was scheduled for surgery at L4-L5", []),
    ("with spondylolisthesis at L4-L5 was referred for surgery", []),
    ("had stenosis. Surgery at L4-L5 was planned", []),
    ("had stenosis. Surgery at L4-L5 was indicated", []),
    ("declined surgery at L4-L5", []),
    ("had surgery at L4-L5 postponed", []),
    # words of a plan that tell none of this operation
    ("was offered surgery at L4-L5", []),
    ("was scheduled for elective posterior lumbar surgery at L4-L5", []),
    ("declined bracing and underwent surgery at L4-L5", ["L4", "L5"]),
    ("underwent surgery at L4-L5 and her discharge was deferred", ["L4", "L5"]),
    ("declined injections and surgery at L4-L5", []),
    ("underwent surgery at L4-L5 because her walking declined", ["L4", "L5"]),
    ("underwent surgery at L4-L5 and was considered stable", ["L4", "L5"]),
    ("was referred to our hospital and underwent surgery at L4-L5", ["L4", "L5"]),
    ("declined conservative care and underwent surgery at L4-L5", ["L4", "L5"]),
    ("had back pain for years. In 2012 she underwent surgery at L4-L5. In 2019 she underwent discectomy at L2-L3",
     ["L2", "L3"]),
    ("was operated on at L3-L4. A decompression and fusion were carried out", ["L3", "L4"]),  # the same operation
])
def test_levels_of_an_operation_the_vocabularies_do_not_name(tmp_path, index, treated):
    text = case_report("Leg weakness after spine surgery: a case report", f"A 61-year-old woman {index}." + HEMATOMA)
    (patient,) = mine(tmp_path, text)["patients"]
    assert patient["treated_levels"] == treated


def test_surgery_after_the_complication_treats_no_level(tmp_path):
    text = case_report("Leg weakness after spine surgery: a case report", (
        "A 61-year-old woman developed weakness of the left leg two days after surgery. MRI showed an epidural "
        "hematoma at L3. She underwent surgery at L3 and recovered fully."))
    (patient,) = mine(tmp_path, text)["patients"]
    assert patient["treated_levels"] == []


def test_a_symptom_after_what_the_operation_corrected_is_the_complication(tmp_path):
    text = case_report(TITLE, "A 70-year-old woman underwent kyphoplasty at L1 to correct the kyphosis and had leg "
                              "pain the next day. CT showed cement in the foramen.")
    (patient,) = mine(tmp_path, text)["patients"]
    assert (patient["symptoms"], patient["onset_days"]) == (["pain"], 1)


def test_a_case_told_from_the_literature_is_not_the_patients(tmp_path):
    text = case_report(TITLE, (
        "The case of one patient with a spinal hematoma after kyphoplasty and a heparin bolus has been described"
        " [9]. "
        "A 77-year-old woman developed dyspnea one day after vertebroplasty of T11."))
    (patient,) = mine(tmp_path, text)["patients"]
    assert (patient["index_procedures"], patient["treatments"]) == (["vertebroplasty"], [])

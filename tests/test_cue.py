"""Cues: the words assembly reasons with, found by the `leakmine_cue` component, and how assembly
binds them to the mentions they lead up to."""

from __future__ import annotations

import pytest
import spacy

from assemble_helpers import sentence_cues
from leakmine.components.case_marker import title_case_number
from leakmine.components.cue import GROUP, load_cue_rules
from leakmine.ingest import read_titles
from leakmine.labels import CUE_KINDS
from leakmine.records import Document, PaperMeta
from vocab_helpers import add_vocabulary

RULES = load_cue_rules()


def words(sentence: str, kind: str) -> list[str]:
    cues = sentence_cues(sentence)
    return [sentence[s:e] for s, e in cues.spans(kind)]


def test_every_kind_has_rules_and_a_label():
    assert {r.label for r in RULES} == set(CUE_KINDS)


@pytest.mark.parametrize(("sentence", "kind", "expected"), [
    ("Similar leaks were seen by Ortiz et al. in 2011.", "LITERATURE", ["et al"]),
    ("Cement leakage has been reported after kyphoplasty.", "LITERATURE", ["has been reported"]),
    ("Our patient recovered fully.", "LITERATURE", []),
    ("Only 40 reported cases describe cement in the heart.", "LITERATURE", ["40 reported cases"]),
    ("Most reported cases were in older women.", "LITERATURE", ["Most reported cases"]),
    ("The two reported cases recovered.", "LITERATURE", []),
    ("The reported cases were treated at our hospital.", "LITERATURE", []),
    ("Our 120 reported cases were reviewed.", "LITERATURE", []),
    ("Our twenty-two reported cases were reviewed.", "LITERATURE", []),
    ("The 1,200 reported cases were reviewed at our centre.", "LITERATURE", []),
    ("In all three reported cases, the patients developed paraplegia.", "LITERATURE", []),
    ("Only eleven reported cases describe cement in the heart.", "LITERATURE", ["eleven reported cases"]),
    ("Only nine cases reported to date needed surgery.", "LITERATURE", ["cases reported to date"]),
    ("We reported cases of cement leakage into the canal.", "LITERATURE", []),
    ("In both reported cases, the patients developed paraplegia.", "LITERATURE", []),
    ("Our two reported cases recovered.", "LITERATURE", []),
    ("The present reported cases had foraminal leaks.", "LITERATURE", []),
    ("Several authors have described three cases of paraplegia.", "LITERATURE", ["authors have described"]),
    ("The authors reported that leakage was rare.", "LITERATURE", ["The authors reported"]),
    ("The authors reported a case of paraplegia after vertebroplasty in an 82-year-old man.", "LITERATURE",
     ["The authors reported"]),
    ("The authors describe two patients with foot drop.", "LITERATURE", []),
    ("The authors reported two cases of cement leakage into the spinal canal.", "LITERATURE", []),
    ("A recent publication defined delayed hematoma as one occurring 3 days after surgery.", "LITERATURE",
     ["publication defined"]),
    ("Objective: To describe a very unusual case, a foraminal leak after kyphoplasty.", "PATIENT",
     ["To describe a very unusual case"]),
    ("Objective: To describe the cases reported in the literature.", "PATIENT", []),
    ("Objective: To report a case-control study of leakage.", "PATIENT", []),
    ("Objective: To report an unusual case of palsy subsequent to cervical laminectomy.", "RESCUE", []),
    ("It is important to report any case of leakage.", "PATIENT", []),
    ("Early decompression should be considered.", "GENERIC", ["should"]),
    ("Lordosis can paradoxically result in a traction injury.", "GENERIC", ["can paradoxically result"]),
    ("She could finally walk.", "GENERIC", []),
    ("At present she walks unaided.", "FINAL", ["At present"]),
    ("At presentation she could not lift her foot.", "FINAL", []),
    ("Epidural leakage is rare after kyphoplasty.", "GENERIC", ["is rare"]),
    ("She walked without support.", "GENERIC", []),
    ("Recovery is complete in most cases.", "GENERIC", ["in most cases"]),
    ("Loss of anal wink was present in all cases.", "GENERIC", []),
    ("Loss of anal wink was present in all cases.", "EACH", ["in all cases"]),
    ("Both patients underwent laminectomy.", "BROADCAST", ["Both patients"]),
    ("The patient underwent laminectomy.", "BROADCAST", []),
    ("Three patients recovered completely, and one died.", "TALLY", ["Three patients recovered completely, and one died"]),
    ("Two recovered fully, while the other three improved.", "TALLY",
     ["Two recovered fully, while the other three improved"]),
    ("11 had full recovery, 6 had mild residual weakness.", "TALLY", ["11 had full recovery, 6 had"]),
    ("Three patients recovered completely.", "TALLY", []),
    ("Three patients underwent revision surgery, and one received physiotherapy.", "TALLY",
     ["Three patients underwent revision surgery, and one received"]),
    ("She had two operations, and one failed.", "TALLY", []),
    ("The patients' deficits improved without surgery.", "EACH", ["The patients'"]),
    ("Our two patients' weakness resolved.", "EACH", ["Our two patients'"]),
    ("The patient's deficit improved.", "EACH", []),
    ("The patients were followed for a year.", "EACH", []),
    ("A bilateral C5 palsy improved with physiotherapy.", "ANATOMY", ["palsy"]),
    ("Cerebral palsy was noted.", "ANATOMY", []),
    ("PMMA reached the foramen.", "CEMENT", ["PMMA"]),
    ("A pulmonary cement embolism was found.", "CEMENT", ["cement", "embolism"]),
    ("Methyl methacrylate filled the canal.", "CEMENT", ["Methyl methacrylate"]),
    ("The dural tear caused no cerebrospinal fluid leakage and no CSF leak.", "CEMENT", []),
    ("A dural tear with cerebrospinal fluid (CSF) leakage, a CSF-leak and leakage of cerebrospinal fluid.", "CEMENT",
     []),
    ("In contrast leakage into the canal was seen. CT showed extra-dural leakage.", "CEMENT", ["leakage", "leakage"]),
    ("A dural leak, a CSF–leak, a fluid-leak and contrast leakage; extravasation of contrast.", "CEMENT", []),
    ("Extra dural leakage; a high-contrast leak; leakage of contrast-mixed material.", "CEMENT",
     ["leakage", "leak", "leakage"]),
    ("Leakage of CSF-like fluid; leakage of contrast-medium; extravasation of contrast-agent.", "CEMENT", []),
    ("The epidural space was narrowed by a disc.", "CEMENT", []),
    ("At the last follow-up she walked.", "FOLLOW_UP", ["follow-up"]),
    ("She followed the advice.", "FOLLOW_UP", []),
    ("Preoperatively, strength was normal.", "PREOP", ["Preoperatively"]),
    ("An L1 burst fracture was seen.", "TREATED", ["burst fracture"]),
    ("The S1 pedicle screw was removed.", "NO_ROLE", ["screw"]),
    ("Pain eased, but weakness persisted.", "CLAUSE", [",", "but"]),
    ("Pain and weakness persisted.", "CLAUSE", []),
    ("Abbreviations: PVP, percutaneous vertebroplasty.", "SKIP", ["Abbreviations:"]),
    ("Decompression combined with discectomy was done.", "WITH", ["combined with"]),
    ("Kyphoplasty and fusion were done.", "WITH", []),
    ("Kyphoplasty and fusion were done.", "JOINED", ["and"]),
    ("Vertebroplasty with fusion was done.", "JOINED", []),
    ("We experienced a case of C5 palsy after posterior foraminotomy.", "MET_CASE", ["We experienced a"]),
    ("We have recently encountered a rare case of palsy.", "MET_CASE", ["We have recently encountered a"]),
    ("Our team treated two patients with paraplegia.", "MET_CASE", ["Our team treated two patients"]),
    ("We treated 45 patients with kyphoplasty.", "MET_CASE", []),
    ("We have experienced a 76-year-old woman with paraplegia.", "MET_CASE", ["We have experienced a"]),
    ("We experienced cement leakage in 3% of our patients.", "MET_CASE", []),
    ("She experienced a case of severe pain.", "MET_CASE", []),
    ("Numbness appeared whilst undergoing inpatient physiotherapy.", "DURING", ["whilst undergoing inpatient "]),
    ("Leakage was seen during the procedure.", "DURING", ["during the "]),
    ("Weakness began after rehabilitation.", "DURING", []),
    ("A retrospective study of 120 patients showed less leakage.", "LITERATURE", ["A retrospective study of"]),
    ("This is a retrospective study of 31 patients.", "LITERATURE", []),
    ("A retrospective study of 420 cases treated with PVP were divided into 3 groups.", "LITERATURE", []),
    ("A prospective study of 80 patients was performed at our centre.", "LITERATURE", []),
    ("A study by Smith and colleagues in which 517 patients were included showed less leakage.", "LITERATURE",
     ["A study by"]),
    ("A previous study of 94 patients in which all levels were analyzed by CT found leakage.", "LITERATURE",
     ["A previous study of", "previous study"]),
    ("Another retrospective study of 300 cases, which were divided into two groups, reported leakage.",
     "LITERATURE", ["Another retrospective study of"]),
    ("Leakage was reported in two trials [12, 14].", "CITATION", ["[12, 14]"]),
    ("mean age, 79.2 [75–90] years", "CITATION", []),  # a range after a value
    ("Paraplegia after vertebroplasty at T12 [8] was described.", "CITATION", ["[8]"]),
    ("It was first described in 1987 [1, 2].", "CITATION", ["[1, 2]"]),
    ("the median stay was 6 [4-9] days", "CITATION", []),
    ("Of these, 356 patients went on to be included in the final analysis.", "SELECTED",
     ["included in the final analysis"]),
    ("1,105 patients who satisfied the inclusion criteria were eventually enrolled.", "SELECTED",
     ["satisfied the inclusion criteria", "eventually enrolled"]),
    ("Of these, 300 patients were enrolled in the PVP arm.", "SELECTED", []),
    ("Of these, 36 were included in the MRI subgroup analysis.", "SELECTED", []),
    ("Of them 40 were eligible for a second procedure.", "SELECTED", []),
    ("356 patients met the inclusion criteria for this study.", "SELECTED", ["met the inclusion criteria"]),
    ("After exclusions, 356 patients were finally analysed.", "SELECTED", ["finally analysed"]),
    ("The criteria for surgery were met in all cases.", "SELECTED", []),
    ("MRI showed a spinal subdural hematoma at L2.", "OTHER_HEMATOMA", ["spinal subdural hematoma"]),
    ("MRI showed an epidural hematoma at L2.", "OTHER_HEMATOMA", []),
    ("a spinal subdural hemorrhage", "OTHER_HEMATOMA", ["spinal subdural hemorrhage"]),
    ("We conducted a prospective study of 50 patients.", "LITERATURE", []),
    ("Lee and colleagues performed a retrospective study of 500 patients.", "LITERATURE",
     ["a retrospective study of"]),
    ("Her leg pain recurred, then worsened and came back again.", "RECURRENCE", ["recurred", "worsened", "came back"]),
    ("She returned to work and her gait deteriorated.", "RECURRENCE", ["deteriorated"]),
])
def test_cue_words(sentence, kind, expected):
    assert words(sentence, kind) == expected


def test_the_component_writes_every_cue_with_its_kind_and_rule():
    nlp = spacy.blank("en")
    nlp.add_pipe("leakmine_sentences")
    add_vocabulary(nlp, "leakmine_leak_location")
    add_vocabulary(nlp, "leakmine_outcome")
    nlp.add_pipe("leakmine_cue")
    doc = nlp("Cement leakage into the canal was seen. Both patients recovered. Both patients were seen.")
    found = {(s.text, s.label_, s._.lm_value) for s in doc.spans[GROUP]}
    assert {("leakage", "CUE_CEMENT", "CEMENT"), ("leakage", "CUE_LEAK", "LEAK"), ("canal", "CUE_LEAK", "LEAK"),
            ("Both patients", "CUE_BROADCAST", "BROADCAST")} <= found
    assert all(s._.lm_rule for s in doc.spans[GROUP])
    # a sentence where no extractor found a value has no cue: assembly reads none there
    assert not [s for s in doc.spans[GROUP] if s.start_char >= doc.text.index("Both patients were")]


@pytest.mark.parametrize(("sentence", "procedure", "expected"), [
    ("She then had an emergency laminectomy.", "laminectomy", True),
    ("A revision of the L4-L5 fusion followed.", "fusion", True),
    ("Secondary posterior decompression at T12 was done.", "decompression", True),
    ("She had an emergency, then a fusion.", "fusion", False),
    ("A revision was planned (and a discectomy done).", "discectomy", False),
    ("The revision surgery was discussed with the family for a long time before the discectomy.", "discectomy",
     False),
    ("He underwent discectomy.", "discectomy", False),
    ("All needed another operation to relieve the pressure.", "relieve", True),
    ("A further operation with laminectomy was done.", "laminectomy", True),
])
def test_a_rescue_cue_leads_to_the_procedure_within_its_phrase(sentence, procedure, expected):
    assert sentence_cues(sentence).leads_to("RESCUE", sentence.index(procedure), 30) is expected


@pytest.mark.parametrize(("sentence", "operation", "expected"), [
    ("Paraplegia after vertebroplasty.", "vertebroplasty", True),
    ("Paraplegia after the L2 vertebroplasty.", "vertebroplasty", True),
    ("Paraparesis caused by cement leakage from percutaneous vertebroplasty.", "vertebroplasty", True),
    ("Dyspnea two days after the kyphoplasty.", "kyphoplasty", True),
    ("Weakness following a long and difficult L4-L5 fusion.", "fusion", False),
    ("Weakness after she underwent vertebroplasty.", "vertebroplasty", False),
    ("Pain after treatment with kyphoplasty.", "kyphoplasty", False),
    ("Paraplegia, vertebroplasty.", "vertebroplasty", False),
])
def test_a_linking_cue_binds_a_complication_to_the_operation(sentence, operation, expected):
    cues = sentence_cues(sentence)
    assert cues.links_to("LINKED", sentence.index(operation), unless="UNDERGONE") is expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Case 2", 2), ("Patient 1", 1), ("Second case", 2), ("CASE II", 2), ("Case 3: a delayed deficit", 3),
    ("Case report", None), ("Case presentation", None), ("Discussion", None), ("", None),
    ("Patients and methods", None),
])
def test_section_titles_that_open_a_patient(title, expected):
    assert title_case_number(title) == expected


@pytest.mark.parametrize(("title", "article_type", "expected"), [
    ("Cement leakage after kyphoplasty: a systematic review", None, True),
    ("Neurological deficits after vertebroplasty: a meta-analysis", "Journal Article", True),
    ("Leg weakness after fusion: a pooled analysis of two trials", None, True),
    ("Cement leakage after kyphoplasty", "Journal Article; Meta-Analysis", True),
    ("Cement leakage after kyphoplasty", "Systematic Review", True),
    ("Intradural cement after vertebroplasty: a case report and review of the literature", "Case Reports", False),
    ("A review of cement leakage", "review-article", False),
    ("Cement leakage after kyphoplasty", None, False),
    (None, None, False),
])
def test_titles_of_papers_that_pool_other_studies(title, article_type, expected):
    document = Document("p0", "p0.xml", "jats", PaperMeta(title=title, article_type=article_type), "", [])
    read_titles(document)
    assert document.meta.pools_studies is expected

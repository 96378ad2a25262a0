"""Run-in labels of structured abstracts pasted as one paragraph (leakmine.ingest.runin), and the
sections they give."""

import pytest

from leakmine.ingest.runin import run_in_labels, split_run_in, strip_label
from leakmine.ingest.text import read_text


@pytest.mark.parametrize("text, expected", [
    # (labels found, with the kind each names)
    ("Vertebral augmentation is common. Case presentation A 79-year-old woman fell. Conclusion Care is needed.",
     [("Case presentation", "case"), ("Conclusion", "conclusion")]),
    ("METHODS: A 66-year-old man had kyphoplasty of T9. RESULTS: He walked again.",
     [("METHODS", "methods"), ("RESULTS", "results")]),
    ("BACKGROUND: Leaks happen. CASE PRESENTATION: An 81-year-old woman had leg pain.",
     [("BACKGROUND", "abstract"), ("CASE PRESENTATION", "case")]),
    ("Background Leaks are rare. ResultsThe two patients recovered fully.",
     [("Background", "abstract"), ("Results", "results")]),
    ("Leaks are rare. Case Description: The patient, aged 70, had T11 vertebroplasty.",
     [("Case Description", "case")]),
    ("Cement may leak into the canal. Case report. A 58-year-old man had foot drop.",
     [("Case report", "case")]),
    ("Objective and importance: Leaks can harm. Clinical presentation: A woman of 77 had pain.",
     [("Objective and importance", "abstract"), ("Clinical presentation", "case")]),
    ("Introduction: Leaks occur. Case presentationAn 80-year-old man had paraparesis. Conclusions: Rare.",
     [("Introduction", "introduction"), ("Case presentation", "case"), ("Conclusions", "conclusion")]),
    ("Few such leaks were reported before.MethodsA 58-year-old woman had T8 vertebroplasty.ResultsShe walked.",
     [("Methods", "methods"), ("Results", "results")]),  # run into a one-letter word
    ("OBJECTIVETo study a palsy. METHODSThirty cases were reviewed. RESULTSFour had a palsy. CONCLUSIONIt is rare.",
     [("OBJECTIVE", "abstract"), ("METHODS", "methods"), ("RESULTS", "results"), ("CONCLUSION", "conclusion")]),
    ("OBJECTIVEThis study. METHODSA total of 40 patients. RESULTSA leak occurred.",
     [("OBJECTIVE", "abstract"), ("METHODS", "methods"), ("RESULTS", "results")]),
    ("Leaks are rare. CASE REPORTA 70-year-old woman fell. CASE PRESENTATIONAn 80-year-old man fell.",
     [("CASE REPORT", "case"), ("CASE PRESENTATION", "case")]),
    ("Rationale: Cement can embolise. Patient concerns: A 64-year-old had dyspnoea. Lessons: Watch the veins.",
     [("Rationale", "abstract"), ("Patient concerns", "case"), ("Lessons", "abstract")]),
    ("Background and Clinical Significance: Leaks are common. Case Presentation: A 71-year-old woman had pain.",
     [("Background and Clinical Significance", "abstract"), ("Case Presentation", "case")]),
    ("Summary of Background Data: Few reports exist. Methods: A 45-year-old man had a leak at L2.",
     [("Summary of Background Data", "abstract"), ("Methods", "methods")]),
    ("Pain improved. Outcome and Follow Up: She walked at 6 months. Keywords : kyphoplasty, leak",
     [("Outcome and Follow Up", "case"), ("Keywords", "front-matter")]),
    ("Leaks are rare.Case presentation: A 70-year-old man had pain.Conclusions: Rare.",
     [("Case presentation", "case"), ("Conclusions", "conclusion")]),
    ("Discussion Cement leaks into the canal are rare. They need care.", [("Discussion", "discussion")]),
    ("RESULTS Twenty patients had leaks.", [("RESULTS", "results")]),
    # labels run into the sentences around them, full stops and all
    ("A review of the literature.Objectives.Cement may leak.Methods.Case report.Results.Early surgery helped.",
     [("Objectives", "abstract"), ("Methods", "methods"), ("Case report", "case"), ("Results", "results")]),
    # must not split
    ("We compared the results of the methods used by both teams.", []),
    ("Results were good in most patients. Methods differed between centres.", []),
    ("In conclusion, cement leaks are rare. Discussion with the family followed.", []),
    ("Follow-up Magnetic resonance imaging showed no cord signal change.", []),
    ("Treatment Options were discussed with the patient.", []),
    ("Outcome Scores improved in both groups.", []),
    ("She had pain. Discussion Groups met weekly.", []),
    ("The case: an 80-year-old man with pain.", []),
    ("Case 1 is a 70-year-old woman. Case 2 is a 75-year-old man.", []),
    ("Imaging results: cement at L2. The methods: standard.", []),
    ("She was treated with steroids. Outcome was good.", []),
    ("A 60-year-old man (case presentation in Fig. 1) had pain.", []),
    ("He was treated in the U.S.Results of that care were good.", []),
    ("The cement leaked.Results.pdf was the name of the file.", []),
    ("MRIScans were done. PMMAThe cement leaked. CTMyelography was normal.", []),
    ("The PMMA total was 4 ml. An MRIA scan was done.", []),
])
def test_run_in_labels(text, expected):
    assert [(r.label, r.kind) for r in run_in_labels(text)] == expected


def test_split_run_in_keeps_every_character_of_the_text():
    text = "Leaks are rare [1]. Case presentation A 79-year-old woman fell. Conclusions: Rare."
    pieces = split_run_in(text)
    assert [label.label if label else None for label, _ in pieces] == [None, "Case presentation", "Conclusions"]
    assert [strip_label(piece, label.label) if label else piece for label, piece in pieces] == [
        "Leaks are rare [1].", "A 79-year-old woman fell.", "Rare."]


@pytest.mark.parametrize("piece, label, rest", [
    ("Methods: We reviewed charts.", "Methods", "We reviewed charts."),
    ("ResultsThe patients recovered.", "Results", "The patients recovered."),
    ("Case report. A man had pain.", "Case report", "A man had pain."),
    ("Case presentation An 80-year-old.", "Case presentation", "An 80-year-old."),
    ("Keywords : leak", "Keywords", "leak"),
])
def test_strip_label(piece, label, rest):
    assert strip_label(piece, label) == rest


def _sections(text: str) -> list[tuple[str, str]]:
    doc = read_text(__import__("pathlib").Path("x.txt"), text.encode())[0]
    return [(s.title, s.kind) for s in doc.sections if s.kind != "title"]


def test_pasted_structured_abstract_becomes_its_parts():
    text = ("Cement in the canal after kyphoplasty\n\nAbstract\n\nBackground Kyphoplasty is common. "
            "Case presentation An 80-year-old man had weakness after T12 kyphoplasty. He recovered. "
            "Conclusions Leaks need care.\n")
    assert _sections(text) == [("Background", "abstract"), ("Case presentation", "case"),
                               ("Conclusions", "abstract")]


def test_abstract_parts_as_headings_then_the_body():
    text = ("Cement in the canal after kyphoplasty\n\nAbstract\n\nSTUDY DESIGN:\n\nWe report one patient.\n\n"
            "OBJECTIVE:\n\nTo report a leak.\n\nMETHODS:\n\nA 70-year-old woman had T12 vertebroplasty.\n\n"
            "CONCLUSION:\n\nLeaks are rare.\n\nIntroduction\n\nVertebroplasty is common.\n\n"
            "Case report\n\nA 70-year-old woman had back pain.\n")
    assert _sections(text) == [("STUDY DESIGN", "abstract"), ("OBJECTIVE", "abstract"), ("METHODS", "abstract"),
                               ("CONCLUSION", "abstract"), ("Introduction", "introduction"),
                               ("Case report", "case")]


def test_an_abstract_without_conclusion_ends_at_the_body_introduction():
    text = ("Cement in the canal after kyphoplasty\n\nBackground: Leaks happen.\n\n"
            "Case presentation: A 70-year-old woman had pain.\n\nIntroduction\n\nVertebroplasty is common.\n")
    assert _sections(text) == [("Background", "abstract"), ("Case presentation", "case"),
                               ("Introduction", "introduction")]


def test_a_generated_summary_is_read_with_the_abstract():
    text = ("Cement in the foramen after sacroplasty\n\nAbstract\n\nBackground: Leaks occur. Case presentation: "
            "A 71-year-old woman had leg pain after sacroplasty.\n\nAI summary\n\nA woman in her seventies had "
            "leg pain from cement in the S1 foramen.\n")
    assert _sections(text)[-1] == ("AI summary", "abstract")


def test_labelled_body_after_an_unstructured_abstract():
    text = ("Cement in the canal after kyphoplasty\n\nAbstract\n\nWe report a woman of 70 with a leak.\n\n"
            "INTRODUCTION: Vertebroplasty is common.\n\nCASE REPORT: A 70-year-old woman had back pain.\n\n"
            "DISCUSSION: Leaks are rare.\n")
    assert _sections(text) == [("Abstract", "abstract"), ("INTRODUCTION", "introduction"), ("CASE REPORT", "case"),
                               ("DISCUSSION", "discussion")]


@pytest.mark.parametrize("abstract, kinds", [
    # the story goes on after a case part, until the abstract's commentary
    ("Rationale: Leaks occur. Patient concerns: A woman of 79 had chest pain. Interventions: Surgery. "
     "Outcomes: She went home. Lessons: Be careful.", ["abstract", "case", "case", "case", "abstract"]),
    ("Background: Leaks occur. Case presentation: A man of 60 had pain. Results: He walked. "
     "Conclusions: Rare.", ["abstract", "case", "case", "abstract"]),
    # no case part: a cohort's methods and results stay in the abstract
    ("Background: Leaks occur. Methods: We reviewed 312 patients. Results: 48 had leaks. Conclusions: Rare.",
     ["abstract", "abstract", "abstract", "abstract"]),
])
def test_abstract_parts_telling_the_case(abstract, kinds):
    assert [k for _, k in _sections(f"Cement in the canal after kyphoplasty\n\n{abstract}\n")] == kinds


def test_headings_after_an_abstract_and_its_translation_are_the_body():
    text = ("Cement in the canal after kyphoplasty\n\nAbstract\n\nA man of 63 had foot drop after vertebroplasty.\n\n"
            "Zusammenfassung\n\nEin 63-j\u00e4hriger Mann hatte nach der Vertebroplastie eine Fu\u00dfheberparese.\n\n"
            "Case presentation\n\nA 63-year-old man had vertebroplasty of L5.\n\nDiscussion\n\nLeaks are rare.\n")
    kinds = dict(_sections(text))
    assert (kinds["Case presentation"], kinds["Discussion"]) == ("case", "discussion")


@pytest.mark.parametrize("text, expected", [
    # a paragraph opening with a part of the paper, no punctuation: its other labels count too
    ("Purpose To count leaks. Methods A registry was searched. Results Twenty had leaks. Conclusions Rare.",
     [("Purpose", "abstract"), ("Methods", "methods"), ("Results", "results"), ("Conclusions", "conclusion")]),
    ("Abstract A woman of 63 had weakness after osteotomy.", [("Abstract", "abstract")]),
])
def test_unpunctuated_labels_opening_a_paragraph(text, expected):
    assert [(r.label, r.kind) for r in run_in_labels(text)] == expected


def test_run_in_abstract_then_headed_body():
    text = ("Cement in the canal after kyphoplasty\n\nAbstract A woman of 63 had weakness after osteotomy.\n\n"
            "Introduction\n\nOsteotomy corrects imbalance.\n\nCase report\n\nA 63-year-old woman had an osteotomy.\n")
    assert _sections(text) == [("Abstract", "abstract"), ("Introduction", "introduction"), ("Case report", "case")]

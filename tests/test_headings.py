"""Section headings in plain text (leakmine.ingest.headings)."""

import json
from importlib import resources

import pytest

from leakmine.ingest.headings import (
    TERM_LISTS,
    heading_kind,
    inline_heading,
    lists_terms,
    looks_like_heading,
    may_open_heading,
    mend_spacing,
    numbering_depth,
)
from leakmine.records import SECTION_KINDS


@pytest.mark.parametrize("title, kind", [
    ("Literature Reviews", "discussion"),
    ("2. Case report", "case"),
    ("CASE PRESENTATION", "case"),
    ("Case Description:", "case"),
    ("Case 3", "case"),
    ("Patient No. 2", "case"),
    ("Case II", "case"),
    ("Second case", "case"),
    ("Case report 2", "case"),
    ("Surgical findings", "case"),
    ("3.1 Clinical course", "case"),
    ("IV. DISCUSSION", "discussion"),
    ("Materials and Methods", "methods"),
    ("Results", "results"),
    ("Learning points", "conclusion"),
    ("Conclusions.", "conclusion"),
    ("Acknowledgments", "back-matter"),
    ("Declaration of competing interest", "back-matter"),
    ("Key words", "front-matter"),
    ("Keyword", "front-matter"),
    ("Case Report(s)", "case"),
    ("Author(s):", "front-matter"),
    ("CASE REPORT(S)", "case"),
    ("Key word:", "front-matter"),
    ("References", "references"),
    ("Zusammenfassung", "abstract"),
    ("Abstrakt", "abstract"),
    ("Souhrn", "abstract"),
    ("BACKGROUND CONTEXT", "abstract"),  # a spine journal's structured abstract
    ("Patient sample", "methods"),
    ("Limitations", "discussion"),
    ("REFERENC ES", "references"),          # a space kerned into a word
    ("2. MATERIALS AND METH ODS", "methods"),
    # the parts of structured abstracts and case-report templates
    ("Observations", "case"),
    ("Patient concerns", "case"),
    ("Presentation of case", "case"),
    ("Outcome and Follow Up", "case"),
    ("Interventions", "case"),
    ("Objective and importance", "abstract"),
    ("Background and Clinical Significance", "abstract"),
    ("SUMMARY OF BACKGROUND DATA", "abstract"),
    ("Rationale", "abstract"),
    ("TL;DR", "abstract"),
    ("AI-generated summary", "abstract"),
    ("Assessment/Results", "results"),
    ("Setting", "methods"),
    ("Similar articles", "references"),
    ("MeSH terms", "front-matter"),
    ("Summary of the findings of the study", None),
    ("Diagnosis", None),  # table-row labels, not case headings
    ("Patient", None),
    ("A rare complication", None),
    ("Cases were excluded", None),
    ("Case of the month appears yearly", None),
    ("", None),
])
def test_heading_kind(title, kind):
    assert heading_kind(title) == kind


@pytest.mark.parametrize("title, mended", [
    ("REFERENC ES", "REFERENCES"),
    ("R EFERENCES", "REFERENCES"),
    ("3. RESULTS AND DISCUS SION", "3. RESULTS AND DISCUSSION"),
    ("Conclu sions", "Conclusions"),
    ("ACKNOWLEDG MENTS.", "ACKNOWLEDGMENTS."),
    ("Materials and Methods", "Materials and Methods"),    # already spaced as known
    ("Leg weak ness", "Leg weak ness"),                    # not a known heading: left as printed
    ("Case 2", "Case 2"),
])
def test_mend_spacing(title, mended):
    assert mend_spacing(title) == mended


def _kinds() -> dict[str, list[str]]:
    data = json.loads(resources.files("leakmine.ingest").joinpath("headings.json").read_text(encoding="utf-8"))
    return {kind: titles for kind, titles in data.items() if kind != TERM_LISTS}


def _vocabulary_titles() -> list[str]:
    return [t for ts in _kinds().values() for t in ts]


def test_may_open_heading_keeps_every_known_heading_however_printed():
    for title in _vocabulary_titles():
        known = [p for p in (title, title.upper(), f"2. {title}:", f"IV. {title}", f"A) {title.upper()}",
                             f"({title})", f"{title}. The patient was", title.upper().replace("E", "E ", 1))
                 if heading_kind(p) is not None]
        assert known, title  # the title itself, at least, is a known heading
        assert all(may_open_heading(p) for p in known), (title, known)


@pytest.mark.parametrize("text, may", [
    ("Results The cement", True),             # a run-in label before its text
    ("ResultsThe cement", True),              # glued to the next word
    ("MATERIALS AND METH ODS", True),         # kerned
    ("2.3 Clinical course", True),
    ("Case 2", True),
    ("Second patient", True),
    ("The patient was", False),
    ("We describe a", False),
    ("After surgery the", False),
    ("A 70-year-old woman", False),
    ("Vertebroplasty was", False),
])
def test_may_open_heading(text, may):
    assert may_open_heading(text) is may


def test_vocabulary_kinds_are_section_kinds():
    data = _kinds()
    assert set(data) <= set(SECTION_KINDS)
    titles = [t for ts in data.values() for t in ts]
    assert len(titles) == len(set(titles)), "a heading may belong to one kind only"


def test_lists_of_terms_are_front_matter():
    data = json.loads(resources.files("leakmine.ingest").joinpath("headings.json").read_text(encoding="utf-8"))
    for title in data[TERM_LISTS]:
        assert lists_terms(title.upper()) and heading_kind(title) == "front-matter", title
    assert not lists_terms("Affiliations") and not lists_terms("Case report")


@pytest.mark.parametrize("line, next_line, expected", [
    ("3. Results", "Twenty patients met the criteria.", True),
    ("MATERIALS AND METHODS", "We reviewed the charts.", True),
    ("Imaging findings", "CT showed cement in the canal.", True),
    ("Postoperative Course and Rehabilitation", "She walked on day two.", True),
    ("Operative technique", "Under general anaesthesia the patient was prone.", True),
    ("2.1 Surgical technique", "Under general anaesthesia the patient was prone.", True),
    ("Case 2", None, True),
    ("References", None, True),
    ("Discussion:", "Leaks are common.", True),
    ("The patient was discharged on day five.", "She recovered.", False),
    ("lower-case lines are never headings", "Next line.", False),
    ("Short phrase", "continued in lower case here", False),
    ("Treated with steroids and", "Rest was advised.", False),
    ("Levels L4, L5 and S1", "The cement was removed.", False),
    ("12 patients were included in the", "Study.", False),
    ("Table 1 Patient data", "Age 54", False),
    ("A 45-year-old man presented with", "Pain.", False),
    ("Unknown title line", None, False),
    ("This line is much too long to be a heading because it simply goes on and on", "Body.", False),
])
def test_looks_like_heading(line, next_line, expected):
    assert looks_like_heading(line, next_line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Methods: We reviewed all charts.", ("Methods", "We reviewed all charts.")),
    ("CASE PRESENTATION: A man of 60 fell.", ("CASE PRESENTATION", "A man of 60 fell.")),
    ("Background. Cement may leak.", ("Background", "Cement may leak.")),
    ("Case 2: An 80-year-old woman.", ("Case 2", "An 80-year-old woman.")),
    ("Keywords: kyphoplasty; leakage", ("Keywords", "kyphoplasty; leakage")),
    ("Note: this is not a heading.", None),
    ("The result: nothing changed.", None),
    ("Dr. Smith examined her.", None),
    ("Patients. Some text follows.", None),
    ("Results:", None),
])
def test_inline_heading(line, expected):
    assert inline_heading(line) == expected


@pytest.mark.parametrize("title, depth", [
    ("2. Case report", 1), ("2.3 Imaging", 2), ("4.1.2 Details", 3), ("Discussion", 0), ("II. Methods", 1),
])
def test_numbering_depth(title, depth):
    assert numbering_depth(title) == depth

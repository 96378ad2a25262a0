"""Only mined sections go through the pipeline, joined into one text; mentions keep document offsets."""

import pytest

from leakmine.extract import Joined, batches, doc_mentions, extract
from leakmine.nlp import load_pipeline
from leakmine.nlp.docs import make_doc
from leakmine.records import PaperMeta, build_document

CASE = ("A 68-year-old man underwent PKP at T12. Two days later cement was seen in the spinal canal and "
        "his right ankle dorsiflexion was 2/5. After laminectomy and removal of the cement it recovered to 4/5.")


def document(sections: list[tuple[str, str]]):
    parts = [{"title": "", "kind": kind, "text": text} for kind, text in sections]
    return build_document("paper.txt", "text", PaperMeta(), parts, "0" * 16)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def key(m):
    return m.start_char, m.end_char, m.label, m.value, m.rule_id, m.sentence_start, m.sentence, m.negated, m.historical


PAPERS = [
    [("title", "Cement in the canal after kyphoplasty"), ("front-matter", "Spine Cases 2021; 4: 12-15. J. Doe, A. Roe"),
     ("case", CASE), ("references", "1. Roe A. Cement leak at L1 after vertebroplasty. Spine. 2001;3:1-4.")],
    [("abstract", CASE), ("back-matter", "Funding: none. L2 fracture data on request."), ("discussion", CASE)],
    [("case", CASE), ("discussion", CASE), ("references", "2. Doe J. Paraplegia at T8. 2010.")],
]


@pytest.mark.parametrize("sections", PAPERS)
def test_mentions_are_those_of_the_whole_text_in_mined_sections(nlp, sections):
    doc = document(sections)
    whole = Joined.of(doc.text, [(0, len(doc.text))])
    expected = [m for m in doc_mentions(doc, nlp(make_doc(nlp, whole.text)), whole)
                if doc.sections[m.section_index].mined]
    got = extract(doc, nlp)
    assert [key(m) for m in got] == [key(m) for m in sorted(expected, key=lambda m: (m.start_char, m.end_char,
                                                                                     m.label))]
    assert got and all(doc.text[m.start_char:m.end_char] == m.text for m in got)
    assert all(doc.sections[m.section_index].mined for m in got)
    assert all(doc.text[m.sentence_start:].startswith(m.sentence) for m in got)


def test_an_abbreviation_defined_before_front_matter_is_known_after_it(nlp):
    doc = document([("title", "Foot drop after percutaneous vertebroplasty (PVP)"),
                    ("front-matter", "Case Reports in Spine 2020; 3: 1-4. Received 2 May 2020."),
                    ("case", "A 74-year-old woman underwent PVP at L3 and developed foot drop.")])
    case = doc.sections[2]
    procedures = [m for m in extract(doc, nlp) if m.label == "PROCEDURE" and m.start_char >= case.start_char]
    assert [(m.text, m.value) for m in procedures] == [("PVP", "vertebroplasty")]


def test_nothing_is_read_where_no_section_is_mined(nlp):
    doc = document([("front-matter", "Spine 2020"), ("references", "1. Doe J. Cement leak at L1. 2001.")])
    assert list(batches(doc, nlp.max_length)) == [] and extract(doc, nlp) == []


def test_joined_runs_map_back_to_the_document():
    text = "Title here\n\nJournal line\n\nCase text. More text.\n\nRefs"
    joined = Joined.of(text, [(0, 10), (26, 47)])
    assert joined.text == "Title here\n\nCase text. More text.\n\n"
    for i in (0, 5, 9):
        assert text[joined.at(i, joined.run_of(i))] == joined.text[i]
    at = joined.text.index("More")
    assert text[joined.at(at, joined.run_of(at)):].startswith("More text.")


def test_batches_stay_within_the_limit():
    doc = document([("case", CASE), ("front-matter", "x"), ("discussion", CASE), ("front-matter", "y"),
                    ("discussion", CASE)])
    limit = 2 * len(CASE) + 10
    groups = list(batches(doc, limit))
    assert len(groups) == 2
    assert all(len(Joined.of(doc.text, runs).text) <= limit for runs in groups)

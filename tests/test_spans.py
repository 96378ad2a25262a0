"""Span helpers: exact offsets (splitting glued tokens safely) and per-label values."""

import pytest
import spacy
from spacy.tokens import Doc

from leakmine.nlp.spans import leakmine_groups, make_span, split_tokens, write_group, write_many


@pytest.fixture()
def nlp():
    return spacy.blank("en")


def glued(nlp, words: list[str], spaces: list[bool] | None = None) -> Doc:
    return Doc(nlp.vocab, words=words, spaces=spaces)


def test_same_words_keep_a_value_per_label(nlp):
    doc = nlp("decompression was performed")
    a = make_span(doc, 0, 13, "PROCEDURE", "decompression", "proc.r")
    b = make_span(doc, 0, 13, "TREATMENT", "decompression", "treat.r", {"k": 1})
    write_group(doc, "leakmine_procedure", [a])
    write_group(doc, "leakmine_treatment", [b])
    assert doc.spans["leakmine_procedure"][0]._.lm_rule == "proc.r"
    assert doc.spans["leakmine_treatment"][0]._.lm_rule == "treat.r"
    assert doc.spans["leakmine_procedure"][0]._.lm_attrs == {}
    assert doc.spans["leakmine_treatment"][0]._.lm_attrs == {"k": 1}


def test_make_span_splits_a_glued_token(nlp):
    doc = glued(nlp, ["the", "T12-level", "fracture"])
    text = doc.text
    span = make_span(doc, 4, 7, "LEVEL", "T12", "r")
    assert span.text == "T12" and (span.start_char, span.end_char) == (4, 7)
    assert [t.text for t in doc] == ["the", "T12", "-level", "fracture"]
    assert doc.text == text


def test_earlier_groups_survive_a_split(nlp):
    doc = glued(nlp, ["At", "L2", "strength:4/5", "was", "noted"])
    write_group(doc, "leakmine_level", [make_span(doc, 3, 5, "LEVEL", "L2", "lvl")])
    grade = make_span(doc, 15, 18, "MUSCLE_GRADE", "4", "grade")
    write_group(doc, "leakmine_muscle_grade", [grade])
    level = doc.spans["leakmine_level"][0]
    assert (level.text, level._.lm_value, level._.lm_rule) == ("L2", "L2", "lvl")
    assert doc.spans["leakmine_muscle_grade"][0].text == "4/5"
    assert leakmine_groups(doc) == ["leakmine_level", "leakmine_muscle_grade"]


def test_spans_made_before_a_later_split_are_written_whole(nlp):
    doc = glued(nlp, ["L1-level", "and", "L2-level"])
    first = make_span(doc, 0, 2, "LEVEL", "L1", "r")
    second = make_span(doc, 13, 15, "LEVEL", "L2", "r")
    write_group(doc, "leakmine_level", [first, second])
    assert [(s.text, s._.lm_value) for s in doc.spans["leakmine_level"]] == [("L1", "L1"), ("L2", "L2")]


def test_span_valued_extensions_are_rebuilt(nlp):
    if not Doc.has_extension("lm_test_marks"):
        Doc.set_extension("lm_test_marks", default=None)
    doc = glued(nlp, ["PVP", "of", "T12-L1", "vertebrae(L2"])
    doc._.lm_test_marks = [doc[0:1], doc[3:4]]
    make_span(doc, 24, 26, "LEVEL", "L2", "r")
    assert [(s.text, len(s)) for s in doc._.lm_test_marks] == [("PVP", 1), ("vertebrae(L2", 2)]


def test_split_tokens_reports_whether_it_split(nlp):
    doc = nlp("L4/5 disc")
    assert split_tokens(doc, [0, 4]) is False
    assert split_tokens(doc, [2]) is True
    assert [t.text for t in doc] == ["L4", "/5", "disc"]


def test_end_in_white_space_widens_to_the_token(nlp):
    doc = nlp("grade 4  here")
    span = make_span(doc, 0, 8, "MUSCLE_GRADE", "4", "r")
    assert span is not None and span.text.startswith("grade 4")


def test_write_group_keeps_the_longest_of_overlapping_spans(nlp):
    doc = nlp("from T11 to L1")
    spans = [make_span(doc, 5, 8, "LEVEL", "T11", "a"), make_span(doc, 5, 14, "LEVEL", "T11;T12;L1", "b")]
    write_group(doc, "leakmine_level", spans)
    assert [s.text for s in doc.spans["leakmine_level"]] == ["T11 to L1"]
    write_group(doc, "leakmine_level", spans, longest=False)
    assert [s.text for s in doc.spans["leakmine_level"]] == ["T11", "T11 to L1"]


def test_write_many_gives_what_make_span_gives_with_one_split(nlp):
    text = "The T12-level leakage-related deficit, then a fusion."
    doc = nlp(text)
    at = {w: text.index(w) for w in ("T12", "level", "leakage", "then")}
    found = [(at["T12"], at["T12"] + 3, "CUE_X", "X", "x.1"), (at["level"], at["level"] + 5, "CUE_Y", "Y", "y.1"),
             (at["leakage"], at["leakage"] + 7, "CUE_A", "A", "a.1"),
             (at["leakage"], at["leakage"] + 7, "CUE_B", "B", "b.1"), (at["then"], at["then"] + 5, "CUE_C", "C", "c.1")]
    write_many(doc, "leakmine_test", found)
    spans = {(s.text, s.label_): (s._.lm_value, s._.lm_rule) for s in doc.spans["leakmine_test"]}
    assert spans == {("T12", "CUE_X"): ("X", "x.1"), ("level", "CUE_Y"): ("Y", "y.1"),
                     ("leakage", "CUE_A"): ("A", "a.1"), ("leakage", "CUE_B"): ("B", "b.1"),
                     ("then", "CUE_C"): ("C", "c.1")}
    assert doc.text == text

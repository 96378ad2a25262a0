"""What components read from a Doc (nlp/docs.py): its text, and its sentences as characters, exactly as
`doc.text`, `doc.sents` and `Span.sent` give them, also after `make_span` has split a token."""

import pytest
import spacy

from leakmine.nlp.docs import doc_text, sentence_at, sentence_bounds
from leakmine.nlp.spans import make_span, span_values


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("leakmine_sentences")
    return nlp


TEXTS = [
    "",
    "One sentence without a stop",
    "Cement leaked at L2 (Fig. 1). She had pain.\nSecond line  with two spaces. ",
    "  Leading spaces. Then a T12-level fracture. Strength was 4/5 (MRC).",
    "Title\n\nAbstract text. Last one?",
]


def sentences(doc):
    return [(s.start_char, s.end_char) for s in doc.sents]


@pytest.mark.parametrize("text", TEXTS)
def test_text_and_sentences_are_what_spacy_gives(nlp, text):
    doc = nlp(text)
    assert doc_text(doc) == doc.text
    assert sentence_bounds(doc) == sentences(doc)
    for token in doc:
        sent = doc[token.i:token.i + 1].sent
        assert sentence_at(sentence_bounds(doc), token.idx) == (sent.start_char, sent.end_char)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("It broke at the T12level. Pain followed.", 16, 19),
    ("Seen at vertebrae(L2 and L3). Fine.", 18, 20),
    ("Weak.\nT12level was hit", 6, 9),
])
def test_sentences_follow_a_token_split(nlp, text, start, end):
    doc = nlp(text)
    tokens = len(doc)
    span = make_span(doc, start, end, "LEVEL", text[start:end], "t.r")
    assert span is not None and span.text == text[start:end] and len(doc) == tokens + 1
    assert doc_text(doc) == doc.text
    assert sentence_bounds(doc) == sentences(doc)
    assert sentence_at(sentence_bounds(doc), span.start_char) == (span.sent.start_char, span.sent.end_char)
    assert span_values(span) == (span._.lm_value, span._.lm_rule, span._.lm_attrs) == (text[start:end], "t.r", {})


def test_no_sentence_marks_is_an_error():
    doc = spacy.blank("en")("No sentence component ran here.")
    with pytest.raises(ValueError):
        sentence_bounds(doc)

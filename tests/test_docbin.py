"""A processed Doc is plain data: it pickles (`nlp.pipe(n_process=...)`) and round-trips through a
DocBin with its span groups, values, assertion status and abbreviations."""

import json
import pickle

import pytest
from spacy.tokens import DocBin

from leakmine.nlp import load_pipeline
from leakmine.nlp.spans import span_values
from leakmine.nlp.vocab import doc_abbreviations

# "T12-level" is one scispaCy token that the level component splits, before the abbreviation: the
# abbreviation's token offsets must follow the split.
TEXT = ("At the T12-level a percutaneous sacroplasty (PCS) was done. After the PCS she had no leg weakness, "
        "but epidural cement leakage was seen at L2. Hip flexion strength was 4+/5 on the left.")


@pytest.fixture(scope="module")
def doc():
    return load_pipeline()(TEXT)


def content(doc):
    """Every span of every group with its values and status, as JSON (msgpack gives lists back as tuples)."""
    return json.dumps({group: [(s.start_char, s.end_char, s.label_, *span_values(s), s._.is_negated)
                               for s in doc.spans[group]] for group in doc.spans}, sort_keys=True)


def test_abbreviations_follow_token_splits(doc):
    assert doc_abbreviations(doc)
    for start, end, short, _ in doc_abbreviations(doc):
        assert TEXT[start:end] == short == "PCS"
    assert [s.text for s in doc.spans["leakmine_procedure"] if span_values(s)[1].endswith("+abbrev")] == ["PCS"] * 2


def test_docbin_round_trip(doc):
    stored = DocBin(store_user_data=True)
    stored.add(doc)
    back = next(DocBin().from_bytes(stored.to_bytes()).get_docs(doc.vocab))
    assert back.text == doc.text
    assert content(back) == content(doc)
    assert any(s._.is_negated for s in back.spans["leakmine_symptom"])
    assert span_values(back.spans["leakmine_muscle_grade"][0])[2]["modifier"] == "+"
    assert doc_abbreviations(back) == doc_abbreviations(doc)


def test_doc_pickles(doc):
    back = pickle.loads(pickle.dumps(doc))
    assert content(back) == content(doc)


def test_pipe_in_two_processes_gives_what_one_gives(doc):
    nlp = load_pipeline()
    texts = [TEXT, "A 70-year-old man had kyphoplasty at L1; power was M4 and he denied numbness."]
    assert [content(d) for d in nlp.pipe(texts, n_process=2, batch_size=1)] == [content(d) for d in nlp.pipe(texts)]

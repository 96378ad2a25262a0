"""What leakmine's components read from a `Doc`: its text and its sentences, as characters.

spaCy joins `Doc.text` from the tokens on every access and builds a `Span` per sentence; with a
dozen components reading both, that costs more than their rules. A doc's text never changes
(splitting a token keeps every character), so `doc_text` joins it once and keeps it in
`doc.user_data` (`make_doc` puts it there from the start); `sentence_bounds` reads the sentence
starts straight from the token array.
"""

from __future__ import annotations

from bisect import bisect_right
from math import inf

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_TEXT = ("leakmine", "text")


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)` that knows its text (tokenizing keeps every character), so no component
    joins it from the tokens."""
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT] = text
    return doc


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence of `doc.sents`; ValueError when no sentence is marked."""
    if not doc.has_annotation("SENT_START"):
        raise ValueError("leakmine: the doc has no sentence boundaries (run leakmine_sentences first)")
    if not len(doc):
        return []
    array = doc.to_array([IDX, LENGTH, SENT_START]).astype("int64")
    idx, length, starts = array[:, 0], array[:, 1], array[:, 2]
    first = [0, *(i for i in (starts[1:] == 1).nonzero()[0] + 1)]
    ends = [*first[1:], len(doc)]
    return [(int(idx[a]), int(idx[b - 1] + length[b - 1])) for a, b in zip(first, ends, strict=True)]


def sentence_at(bounds: list[tuple[int, int]], char: int) -> tuple[int, int]:
    """The sentence (from `sentence_bounds`) that holds the token starting at `char`: `Span.sent`."""
    return bounds[bisect_right(bounds, (char, inf)) - 1]

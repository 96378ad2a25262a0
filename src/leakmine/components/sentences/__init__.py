"""`leakmine_sentences`: a fast rule sentence splitter for clinical prose.

A sentence ends at ".", "!" or "?" followed by white space and a capital letter, a digit, an
opening bracket or a figure panel letter ("b CT showed"), except after abbreviations ("Fig.", "vs.", "et al.", "e.g.", "Dr.", "No.") and
initials; a blank line (section boundary) and a line break always end one.
"""

import re
from importlib import resources

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from leakmine.nlp.docs import doc_text

_ABBREVIATIONS = frozenset(
    resources.files(__name__).joinpath("abbreviations.txt").read_text(encoding="utf-8").split()
)
# The next sentence starts with a capital, a digit, an opening quote or bracket, or (in figure
# captions) a lower-case panel letter before a capitalised word: "... PLIF. b CT showed ...".
_END = re.compile(r"[.!?](?:[\"'”’)\]]|\[\d+(?:[,–-]\d+)*\]|\^\[[\d,–-]+\])*"
                  r"(?=\s+[\"'“‘(\[]?[A-Z0-9]|\s+[a-h]\s+[A-Z])")
_BREAK = re.compile(r"\n+")
_SPACE = re.compile(r"\s+")
_INITIAL = re.compile(r"[A-Z]")


def _word_before(text: str, end: int) -> str:
    """The characters before `end` back to the last space, line break or tab."""
    start = text.rfind(" ", 0, end) + 1
    start = max(start, text.rfind("\n", start, end) + 1, text.rfind("\t", start, end) + 1)
    return text[start:end]


def sentence_starts(text: str) -> set[int]:
    """Character offsets where a new sentence starts (pure)."""
    starts = {0}
    for m in _BREAK.finditer(text):
        starts.add(m.end())
    for m in _END.finditer(text):
        if text[m.start()] == ".":
            word = _word_before(text, m.start())
            if word.lower().lstrip("([").rstrip(".") in _ABBREVIATIONS or _INITIAL.fullmatch(word):
                continue
        nxt = _SPACE.match(text, m.end())
        if nxt:
            starts.add(nxt.end())
    return starts


@Language.component("leakmine_sentences", assigns=["token.is_sent_start"])
def split_sentences(doc: Doc) -> Doc:
    """Marks each token that starts a sentence (`is_sent_start` True) and every other one False."""
    if not len(doc):
        return doc
    starts = sentence_starts(doc_text(doc))
    marks = numpy.array([1 if at in starts else -1 for at in doc.to_array(IDX).tolist()])
    marks[0] = 1
    doc.from_array([SENT_START], marks.astype(numpy.uint64))
    return doc

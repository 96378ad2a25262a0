"""`leakmine_sentences`: a fast rule sentence splitter for clinical prose.

A sentence ends at ".", "!" or "?" followed by white space and a capital letter, a digit or an
opening bracket, except after abbreviations ("Fig.", "vs.", "et al.", "e.g.", "Dr.", "No.") and
initials; a blank line (section boundary) and a line break always end one.
"""

import re
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

_ABBREVIATIONS = frozenset(
    resources.files(__name__).joinpath("abbreviations.txt").read_text(encoding="utf-8").split()
)
_END = re.compile(r"[.!?](?:[\"'”’)\]]|\[\d+(?:[,–-]\d+)*\]|\^\[[\d,–-]+\])*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_BREAK = re.compile(r"\n+")
_SPACE = re.compile(r"\s+")


def _word_before(text: str, end: int) -> str:
    start = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end), text.rfind("\t", 0, end)) + 1
    return text[start:end]


def sentence_starts(text: str) -> set[int]:
    """Character offsets where a new sentence starts (pure)."""
    starts = {0}
    for m in _BREAK.finditer(text):
        starts.add(m.end())
    for m in _END.finditer(text):
        if text[m.start()] == ".":
            word = _word_before(text, m.start())
            if word.lower().lstrip("([").rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word):
                continue
        nxt = _SPACE.match(text, m.end())
        if nxt:
            starts.add(nxt.end())
    return starts


@Language.component("leakmine_sentences")
def split_sentences(doc: Doc) -> Doc:
    starts = sentence_starts(doc.text)
    for tok in doc:
        tok.is_sent_start = tok.i == 0 or tok.idx in starts
    return doc

"""Run-in section labels inside a paragraph: structured abstracts pasted as one block of text.

"Background: ... Case presentation: A 70-year-old man ...", "METHODS: ...", "Case report. A ...",
"...literature. Case presentation An 83-year-old ...", "ResultsThe patients ...": a known heading
(headings.json) standing at the start of a sentence, followed by a colon, a full stop, or directly by
the capitalised first word of its sentence. Such labels split the paragraph into labelled pieces.

How sure a label is decides where it counts: after a colon, full stop or glued to the next word it is
a label wherever a sentence starts; a label of several words followed by a capitalised word also
("Case presentation An ..."); a one-word label followed by a capitalised word ("Results Twenty ...")
only in a paragraph that holds a surer label too, or opening a paragraph when it names a part of
the paper other than the case ("Discussion Leaks are ..."), since "Follow-up Magnetic resonance ..."
may begin a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from leakmine.ingest.headings import heading_kind, may_open_heading

# Kinds of the body of a paper: a label without punctuation must name one of them.
BODY_KINDS = frozenset({"abstract", "introduction", "case", "methods", "results", "discussion", "conclusion"})
# A sentence's end before its capitalised start; the text's own start is one too.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s*(?=[A-Z])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019()&/-]*")
_WORD_GAP = re.compile(r"[ \t]+")
_MAX_WORDS = 6
_WORDS = re.compile(rf"{_WORD.pattern}(?:[ \t]+{_WORD.pattern}){{0,{_MAX_WORDS - 1}}}")  # what `_label_at` reads
_COLON = re.compile(r"[ \t]*:[ \t]*(?=\S)")
_STOP = re.compile(r"\.[ \t]*(?=[A-Z0-9])")  # "Methods. We", and run together: "review.Objectives.Clinicians"
_CAPITALISED_NEXT = re.compile(r"[ \t]+(?=(?:A|An)[ \t]|[A-Z][a-z]|\d+-year-old)")
# Where a label may end inside a word: "ResultsThe", "MethodsA 63-year-old", and in capitals "METHODSTwo",
# "METHODSA total"
_GLUED = re.compile(r"(?:(?<=[a-z])|(?<=[A-Z]{3}))(?=An?[ \t]|[A-Z][a-z])")

# "... Taipei, Taiwan. DOI : 10.5555/abc.12 Cement leaks ...": a DOI run into the text around it.
_IDENTIFIER = re.compile(r"(?:(?<=\s)|^)(?:DOI|doi|Doi)\s*:\s*(?:https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+(?=\s+[A-Z])")

# Kinds whose one-word headings may open a paragraph without punctuation ("Discussion Leaks are ...");
# one-word case headings ("Treatment", "Outcome") open sentences too often.
_OPENING_KINDS = BODY_KINDS - {"case"}

SURE, WORDS, BARE = "sure", "words", "bare"  # how a label was found (see the module docstring)
_STRENGTH = (BARE, WORDS, SURE)


@dataclass(frozen=True)
class RunIn:
    """A label found in a paragraph: its text, kind, how it was found and where it starts."""

    label: str
    kind: str
    how: str
    start: int


def _capitalised(label: str) -> bool:
    """"Case presentation", "Case Presentation", "CASE PRESENTATION": a label's first word capitalised."""
    return label[:1].isupper()


def _label_at(text: str, pos: int) -> RunIn | None:
    """The longest known label starting at `pos` and how it is set off from its text."""
    span = _WORDS.match(text, pos)
    if not span or not may_open_heading(span.group()):  # every label tried below starts the span
        return None
    ends: list[int] = []
    at = pos
    for _ in range(_MAX_WORDS):
        w = _WORD.match(text, at)
        if not w:
            break
        ends.append(w.end())
        gap = _WORD_GAP.match(text, w.end())
        if not gap:
            break
        at = gap.end()
    for n in range(len(ends), 0, -1):
        found = _set_off(text, pos, ends[n - 1], n)
        if found:
            return found
    return None


def _set_off(text: str, pos: int, end: int, n_words: int) -> RunIn | None:
    label = text[pos:end]
    if not _capitalised(label):
        return None
    glued = _glued(text, pos, end)
    if glued:
        return glued
    kind = heading_kind(label)
    if kind is None:
        return None
    colon = _COLON.match(text, end)
    if colon:
        return RunIn(label, kind, SURE, pos)
    if kind not in BODY_KINDS:
        return None
    stop = _STOP.match(text, end)
    if stop and n_words <= 4:
        return RunIn(label, kind, SURE, pos)
    bare = _CAPITALISED_NEXT.match(text, end)
    if bare and label.split()[-1] not in ("A", "An"):  # "Case presentation A 79-year-old": not "Case A"
        return RunIn(label, kind, WORDS if n_words > 1 else BARE, pos)
    return None


def _glued(text: str, pos: int, end: int) -> RunIn | None:
    """"ResultsThe patients", "Case presentationA 70-year-old", "RESULTSSeven": a label run into the next word."""
    last_word = max(text.rfind(" ", pos, end) + 1, pos)
    for g in _GLUED.finditer(text, last_word + 1, end + 1):  # past the word: "MethodsA 63-year-old" reads "A "
        if g.start() >= end:
            break
        label = text[pos:g.start()]
        kind = heading_kind(label)
        if kind in BODY_KINDS and len(label) >= 4:
            return RunIn(label, kind, SURE, pos)
    return None


def run_in_labels(text: str) -> list[RunIn]:
    """The run-in labels of a paragraph, in order (see the module docstring for which count)."""
    starts = ([0] if text[:1].isascii() and text[:1].isupper() else []) + [m.end() for m in _SENTENCE_END.finditer(text)]
    found = [r for at in starts if (r := _label_at(text, at))]
    if found and found[0].start == 0 and found[0].kind in _OPENING_KINDS:
        found[0] = replace(found[0], how=max(found[0].how, WORDS, key=_STRENGTH.index))
    return found if any(r.how != BARE for r in found) else []


def split_identifiers(text: str) -> list[str]:
    """A paragraph cut before and after each labelled DOI that runs into the next sentence ("Taipei.
    DOI: 10.5555/x Cement leaks ..."); a DOI closing a paragraph (a citation) stays in it."""
    if "DOI" not in text and "doi" not in text and "Doi" not in text:
        return [text.strip()] if text.strip() else []
    out, at = [], 0
    for m in _IDENTIFIER.finditer(text):
        out += [text[at:m.start()], m.group()]
        at = m.end()
    out.append(text[at:])
    return [piece.strip() for piece in out if piece.strip()]


def leading_label(text: str) -> RunIn | None:
    """A label of the body of a paper opening `text` however it is set off ("Background Leaks are
    rare."), for text known to start a section."""
    found = _label_at(text, 0) if text[:1].isupper() else None
    return found if found and found.kind in BODY_KINDS else None


def split_run_in(text: str) -> list[tuple[RunIn | None, str]]:
    """A paragraph cut before each run-in label: (label or None, piece) in order; the text before the
    first label, if any, comes first with None."""
    labels = run_in_labels(text)
    if not labels:
        return [(None, text)]
    out: list[tuple[RunIn | None, str]] = []
    head = text[:labels[0].start].strip()
    if head:
        out.append((None, head))
    for r, nxt in zip(labels, labels[1:] + [None], strict=True):
        piece = text[r.start:nxt.start if nxt else len(text)].strip()
        out.append((r, piece))
    return out


def strip_label(text: str, label: str) -> str:
    """The text a label heads: `text` without its leading `label` and the colon or full stop after it."""
    if not text.startswith(label):
        return text
    return re.sub(r"^[ \t]*[:.]?[ \t]*", "", text[len(label):])

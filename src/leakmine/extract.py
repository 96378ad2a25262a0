"""Extraction stage: a `Document` through the spaCy pipeline -> `Mention` records.

Only the mined sections go through the pipeline (front matter, references and back matter are not
read): their runs of consecutive sections are joined by a blank line into one text (`Joined`), so an
abbreviation the title defines is known in the abstract across the author lines between them, as if
the sections that are not read were not there. A text longer than the pipeline's `max_length` is
mined in several such texts: runs while they fit, and a section longer than that cut at paragraph
(else sentence, else word) boundaries. Offsets stay those of `Document.text`.

spaCy's tokenizer takes time quadratic in a token's length when the token is made of prefix or
suffix characters ("((((..."), and the abbreviation matcher memory quadratic in a run of "("
tokens, so runs of more than 256 characters without a space (junk from a broken export; no word or
URL is that long) reach the pipeline as "x x x ...". Mentions keep the document's own characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from leakmine.components.cue import GROUP as CUE_GROUP
from leakmine.nlp.docs import make_doc, sentence_at, sentence_bounds
from leakmine.nlp.spans import leakmine_groups, values_at
from leakmine.records import Document, Mention

# ConText's assertion status of a span (`leakmine_context`); a pipeline without it asserts everything.
_STATUS = ("is_negated", "is_historical", "is_hypothetical")
_UNASSERTED = (False, False, False)
# Where a piece of an over-long section may end, best first: a line break, a sentence end, a space.
_CUTS = ("\n", ". ", " ")
_LONG_RUN = re.compile(r"\S{257,}")
_SPACE = re.compile(r"\s*")
_SEP = "\n\n"  # after each run of mined sections: a blank line, which always ends a sentence


@dataclass(frozen=True)
class Joined:
    """Runs (start, end) of a document's text read as one text, each followed by `_SEP`."""

    text: str
    runs: list[tuple[int, int]]
    starts: list[int]  # where each run begins in `text`

    @classmethod
    def of(cls, document_text: str, runs: list[tuple[int, int]]) -> Joined:
        starts, at = [], 0
        for a, b in runs:
            starts.append(at)
            at += b - a + len(_SEP)
        return cls("".join(document_text[a:b] + _SEP for a, b in runs), runs, starts)

    def run_of(self, i: int) -> int:
        """The run that holds (or ends at) character `i` of `text`."""
        return bisect_right(self.starts, i) - 1

    def shift(self, run: int) -> int:
        """What to add to an offset into `text`, in `run`, for the offset into the document's text."""
        return self.runs[run][0] - self.starts[run]

    def at(self, i: int, run: int) -> int:
        """Where character `i` of `text`, in `run`, lies in the document's text."""
        return i + self.shift(run)


def doc_mentions(document: Document, doc: Doc, joined: Joined) -> list[Mention]:
    """Mentions from every leakmine span group of a processed `Doc` of `joined` runs of the
    document's text, offsets into `Document.text`, group by group (`extract` puts them in text
    order). A mention that runs past the end of its run (into text that is not read) is dropped.
    Cues are no ConText target: they carry no assertion status."""
    text = document.text
    sections = document.sections
    section_starts = [s.start_char for s in sections]
    # Each sentence in the document: one never crosses `_SEP`; one that ends a run keeps the white
    # space after it, as it would in the whole text.
    sentences = []
    for a, b in sentence_bounds(doc):
        run = joined.run_of(a)
        end = joined.runs[run][1]
        stop = joined.at(b, run)
        if stop > end:
            stop = _SPACE.match(text, end).end()
        sentences.append((joined.at(a, run), stop))
    status = [(name, Span.has_extension(name)) for name in _STATUS]
    labels: dict[int, str] = {}
    mentions = []
    said: dict[int, str] = {}  # sentence start -> its text, one string for all its mentions
    for group in leakmine_groups(doc):
        unasserted = group == CUE_GROUP
        for span in doc.spans[group]:
            label, a, b = span.label, span.start_char, span.end_char
            run = joined.run_of(a)
            shift = joined.shift(run)
            start, end = a + shift, b + shift
            if end > joined.runs[run][1]:
                continue
            idx = bisect_right(section_starts, start) - 1
            sent_start, sent_end = sentence_at(sentences, start)
            if sent_start not in said:
                said[sent_start] = text[sent_start:sent_end]
            if unasserted:
                flags = _UNASSERTED
            else:
                ext = span._
                flags = [known and bool(ext.get(name)) for name, known in status]
            value, rule_id, attrs = values_at(doc, a, b, label)
            if label not in labels:
                labels[label] = span.label_
            mentions.append(Mention(
                paper_id=document.paper_id, section_index=idx, section_kind=sections[idx].kind,
                sentence=said[sent_start], sentence_start=sent_start,
                start_char=start, end_char=end, text=text[start:end],
                label=labels[label], value=value or "", rule_id=rule_id or "", attrs=dict(attrs or {}),
                negated=flags[0], historical=flags[1], hypothetical=flags[2],
            ))
    return mentions


def extract(document: Document, nlp: Language) -> list[Mention]:
    """All mentions of one document (pure: the same document and pipeline give the same list)."""
    mentions = []
    for joined, doc in read_texts(document, nlp):
        mentions += doc_mentions(document, nlp(doc), joined)
    return sorted(mentions, key=lambda m: (m.start_char, m.end_char, m.label))


def read_texts(document: Document, nlp: Language) -> Iterator[tuple[Joined, Doc]]:
    """The texts of the document the pipeline reads, each with its tokenized `Doc` (not yet processed)."""
    for runs in batches(document, nlp.max_length):
        joined = Joined.of(document.text, runs)
        yield joined, make_doc(nlp, tokenizable(joined.text))


def batches(document: Document, limit: int) -> Iterator[list[tuple[int, int]]]:
    """The `pieces` of the document in groups that, joined (`Joined`), are at most `limit` long."""
    group: list[tuple[int, int]] = []
    size = 0
    for a, b in pieces(document, limit - len(_SEP)):
        if group and size + b - a + len(_SEP) > limit:
            yield group
            group, size = [], 0
        group.append((a, b))
        size += b - a + len(_SEP)
    if group:
        yield group


def pieces(document: Document, limit: int) -> Iterator[tuple[int, int]]:
    """(start, end) of pieces of the document's text, none longer than `limit`, that cover its mined
    sections: consecutive sections while they fit, a long section cut at its best boundaries."""
    start = end = None
    for section in document.sections:
        if not section.mined:
            if start is not None:
                yield start, end
            start = None
            continue
        for a, b in _cut(document.text, section.start_char, section.end_char, limit):
            if start is not None and b - start <= limit:
                end = b
                continue
            if start is not None:
                yield start, end
            start, end = a, b
    if start is not None:
        yield start, end


def _cut(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """`text[start:end]` in pieces of at most `limit` characters, each ending after the last line
    break, else sentence end, else space of its second half."""
    while end - start > limit:
        stop = start + limit
        cut = next((i + len(c) for c in _CUTS if (i := text.rfind(c, start + limit // 2, stop - len(c) + 1)) >= 0),
                   stop)
        yield start, cut
        start = cut
    yield start, end


def tokenizable(text: str) -> str:
    r"""`text` with runs of more than 256 characters without a space read as "x x x ...": as long as
    `text`, and cheap to tokenize and match (a long run of spaces would make rules such as
    `\d\s*-?\s*years` backtrack quadratically)."""
    return _LONG_RUN.sub(lambda m: ("x " * (len(m.group()) // 2 + 1))[:len(m.group())], text)

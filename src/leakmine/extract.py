"""Extraction stage: a `Document` through the spaCy pipeline -> `Mention` records.

A text longer than the pipeline's `max_length` is mined in pieces of at most that length: runs of
whole mined sections, and a section longer than that cut at paragraph (else sentence, else word)
boundaries. Offsets stay those of `Document.text`.

spaCy's tokenizer takes time quadratic in a token's length when the token is made of prefix or
suffix characters ("((((..."), and the abbreviation matcher memory quadratic in a run of "("
tokens, so runs of more than 256 characters without a space (junk from a broken export; no word or
URL is that long) reach the pipeline as "x x x ...". Mentions keep the document's own characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from leakmine.components.cue import GROUP as CUE_GROUP
from leakmine.nlp.docs import make_doc, sentence_at, sentence_bounds
from leakmine.nlp.spans import leakmine_groups, span_values
from leakmine.records import Document, Mention

# ConText's assertion status of a span (`leakmine_context`); a pipeline without it asserts everything.
_STATUS = ("is_negated", "is_historical", "is_hypothetical")
# Where a piece of an over-long section may end, best first: a line break, a sentence end, a space.
_CUTS = ("\n", ". ", " ")
_LONG_RUN = re.compile(r"\S{257,}")


def doc_mentions(document: Document, doc: Doc, offset: int = 0) -> list[Mention]:
    """Mentions from every leakmine span group of a processed `Doc`, in mined sections only; `doc`
    holds the document's text from character `offset` on. Cues are no ConText target: they carry no
    assertion status."""
    text = document.text
    sentences = sentence_bounds(doc)
    sections = document.sections
    section_starts = [s.start_char for s in sections]
    read = [s.mined for s in sections]
    status = [name for name in _STATUS if Span.has_extension(name)]
    mentions = []
    said: dict[int, str] = {}  # sentence start -> its text, one string for all its mentions
    for group in leakmine_groups(doc):
        asserted = group == CUE_GROUP
        for span in doc.spans[group]:
            start, end = span.start_char, span.end_char
            idx = bisect_right(section_starts, start + offset) - 1
            if idx < 0 or start + offset >= sections[idx].end_char or not read[idx]:
                continue
            sent_start, sent_end = sentence_at(sentences, start)
            if sent_start not in said:
                said[sent_start] = text[sent_start + offset:sent_end + offset]
            ext = None if asserted else span._
            flags = {name: bool(ext.get(name)) for name in status} if ext is not None else {}
            value, rule_id, attrs = span_values(span)
            mentions.append(Mention(
                paper_id=document.paper_id, section_index=idx, section_kind=sections[idx].kind,
                sentence=said[sent_start], sentence_start=sent_start + offset,
                start_char=start + offset, end_char=end + offset, text=text[start + offset:end + offset],
                label=span.label_, value=value or "", rule_id=rule_id or "", attrs=dict(attrs or {}),
                negated=flags.get("is_negated", False), historical=flags.get("is_historical", False),
                hypothetical=flags.get("is_hypothetical", False),
            ))
    return sorted(mentions, key=lambda m: (m.start_char, m.end_char, m.label))


def extract(document: Document, nlp: Language) -> list[Mention]:
    """All mentions of one document (pure: the same document and pipeline give the same list)."""
    text = document.text
    if len(text) <= nlp.max_length:
        return doc_mentions(document, nlp(make_doc(nlp, tokenizable(text))))
    mentions = [m for start, end in pieces(document, nlp.max_length)
                for m in doc_mentions(document, nlp(make_doc(nlp, tokenizable(text[start:end]))), start)]
    return sorted(mentions, key=lambda m: (m.start_char, m.end_char, m.label))


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
    return _LONG_RUN.sub(lambda m: ("x " * (len(m.group()) // 2 + 1))[:len(m.group())], text) \
        if _LONG_RUN.search(text) else text

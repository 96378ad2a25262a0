"""Extraction stage: a `Document` through the spaCy pipeline -> `Mention` records."""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from leakmine.components.cue import GROUP as CUE_GROUP
from leakmine.nlp.docs import doc_text, make_doc, sentence_at, sentence_bounds
from leakmine.nlp.spans import leakmine_groups, span_values
from leakmine.records import Document, Mention

# ConText's assertion status of a span (`leakmine_context`); a pipeline without it asserts everything.
_STATUS = ("is_negated", "is_historical", "is_hypothetical")


def doc_mentions(document: Document, doc: Doc) -> list[Mention]:
    """Mentions from every leakmine span group of a processed `Doc`, in mined sections only. Cues are
    no ConText target: they carry no assertion status."""
    text = doc_text(doc)
    sentences = sentence_bounds(doc)
    sections = document.sections
    section_starts = [s.start_char for s in sections]
    status = [name for name in _STATUS if Span.has_extension(name)]
    mentions = []
    said: dict[int, str] = {}  # sentence start -> its text, one string for all its mentions
    for group in leakmine_groups(doc):
        asserted = group == CUE_GROUP
        for span in doc.spans[group]:
            start, end = span.start_char, span.end_char
            idx = bisect_right(section_starts, start) - 1
            if idx < 0 or start >= sections[idx].end_char or not sections[idx].mined:
                continue
            sent_start, sent_end = sentence_at(sentences, start)
            if sent_start not in said:
                said[sent_start] = text[sent_start:sent_end]
            ext = None if asserted else span._
            flags = {name: bool(ext.get(name)) for name in status} if ext is not None else {}
            value, rule_id, attrs = span_values(span)
            mentions.append(Mention(
                paper_id=document.paper_id, section_index=idx, section_kind=sections[idx].kind,
                sentence=said[sent_start], sentence_start=sent_start, start_char=start, end_char=end,
                text=text[start:end], label=span.label_, value=value or "", rule_id=rule_id or "",
                attrs=dict(attrs or {}), negated=flags.get("is_negated", False),
                historical=flags.get("is_historical", False), hypothetical=flags.get("is_hypothetical", False),
            ))
    return sorted(mentions, key=lambda m: (m.start_char, m.end_char, m.label))


def extract(document: Document, nlp: Language) -> list[Mention]:
    """All mentions of one document (pure: the same document and pipeline give the same list)."""
    return doc_mentions(document, nlp(make_doc(nlp, document.text)))


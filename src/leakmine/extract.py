"""Extraction stage: a `Document` through the spaCy pipeline -> `Mention` records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from leakmine.nlp.spans import leakmine_groups
from leakmine.records import Document, Mention


def _flag(span: Span, attr: str) -> bool:
    return bool(span.has_extension(attr) and span._.get(attr))


def doc_mentions(document: Document, doc: Doc) -> list[Mention]:
    """Mentions from every leakmine span group of a processed `Doc`, in mined sections only."""
    mentions = []
    for group in leakmine_groups(doc):
        for span in doc.spans[group]:
            idx = next((i for i, s in enumerate(document.sections)
                        if s.start_char <= span.start_char < s.end_char), None)
            if idx is None or not document.sections[idx].mined:
                continue
            sent = span.sent
            mentions.append(Mention(
                paper_id=document.paper_id, section_index=idx,
                section_kind=document.sections[idx].kind, sentence=sent.text,
                sentence_start=sent.start_char, start_char=span.start_char, end_char=span.end_char,
                text=span.text, label=span.label_, value=span._.lm_value or "",
                rule_id=span._.lm_rule or "", attrs=dict(span._.lm_attrs or {}),
                negated=_flag(span, "is_negated"), historical=_flag(span, "is_historical"),
                hypothetical=_flag(span, "is_hypothetical"),
            ))
    return sorted(mentions, key=lambda m: (m.start_char, m.end_char, m.label))


def extract(document: Document, nlp: Language) -> list[Mention]:
    """All mentions of one document (pure: the same document and pipeline give the same list)."""
    return doc_mentions(document, nlp(document.text))


def extract_many(documents: Iterable[Document], nlp: Language) -> Iterator[tuple[Document, list[Mention]]]:
    """Mentions of many documents, batched through `nlp.pipe`."""
    docs = list(documents)
    for document, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        yield document, doc_mentions(document, doc)

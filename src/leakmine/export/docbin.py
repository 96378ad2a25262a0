"""spaCy `DocBin`: a `Doc` per paper, tokenized and split into sentences as leakmine does, its spans
in the span group `leakmine` and, where they do not overlap, as `doc.ents` (for training an entity
recognizer or correcting in Prodigy).

Tokens are split where a span starts or ends inside one, so every span keeps its exact character
offsets. `doc.user_data["leakmine"]` holds the paper id and per span its value, rule id, mention id
and the patient values it supports.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from spacy.tokens import Doc, DocBin, SpanGroup
from spacy.util import filter_spans

from leakmine.export import Paper
from leakmine.nlp import load_pipeline
from leakmine.nlp.spans import split_tokens

NAME = "leakmine.spacy"
GROUP = "leakmine"


def paper_doc(p: Paper) -> Doc:
    nlp = load_pipeline()
    doc = nlp.make_doc(p.text)
    split_tokens(doc, sorted({x for s in p.spans for x in (s.start, s.end)}))
    doc = nlp.get_pipe("leakmine_sentences")(doc)
    supports = defaultdict(list)
    for v in p.values:
        supports[v.span.mention_id].append({"patient": v.patient, "field": v.field, "value": v.value})
    spans = [doc.char_span(s.start, s.end, label=s.label) for s in p.spans]
    doc.spans[GROUP] = SpanGroup(doc, name=GROUP, spans=[s for s in spans if s is not None])
    doc.ents = filter_spans(doc.spans[GROUP])
    doc.user_data[GROUP] = {
        "paper_id": p.paper_id,
        "spans": [{"start": s.start, "end": s.end, "label": s.label, "value": s.value, "rule_id": s.rule_id,
                   "mention_id": s.mention_id, "negated": s.negated, "supports": supports[s.mention_id]}
                  for s in p.spans]}
    return doc


def write_docbin(papers: list[Paper], target: Path) -> list[Path]:
    docs = DocBin(store_user_data=True)
    for p in papers:
        docs.add(paper_doc(p))
    docs.to_disk(target / NAME)
    return [target / NAME]

"""BioC XML and JSON: a document per paper, a passage per section, an annotation per extracted span.

Annotation offsets are document offsets (BioC's convention); each annotation's infons hold its label
(`type`), canonical value, rule id, negation, PDF page, and the patient values it supports
(`patient_values`, e.g. `patient 1 leak_levels=L3`).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import bioc
from bioc import biocjson, biocxml

from leakmine import __version__
from leakmine.export import Paper

XML_NAME, JSON_NAME = "leakmine.bioc.xml", "leakmine.bioc.json"


def _document(p: Paper) -> bioc.BioCDocument:
    doc = bioc.BioCDocument()
    doc.id = p.paper_id
    doc.infons.update({k: v for k, v in (("title", p.title), ("doi", p.doi), ("pmid", p.pmid),
                                         ("source_path", p.source_path)) if v})
    supports = defaultdict(list)
    for v in p.values:
        supports[v.span.mention_id].append(f"patient {v.patient} {v.field}={v.value}")
    spans = list(p.spans)
    for s in p.sections:
        passage = bioc.BioCPassage()
        passage.offset, passage.text = s.start, s.text
        passage.infons.update({"type": s.kind, "section_title": s.title, "mined": str(s.mined).lower()})
        end = s.start + len(s.text)
        for span in (x for x in spans if s.start <= x.start < end):
            a = bioc.BioCAnnotation()
            a.id, a.text = span.mention_id, span.text
            a.infons.update({"type": span.label, "value": span.value, "rule_id": span.rule_id,
                             "negated": str(span.negated).lower()})
            if span.page:
                a.infons["page"] = str(span.page)
            if supports[span.mention_id]:
                a.infons["patient_values"] = "; ".join(supports[span.mention_id])
            a.add_location(bioc.BioCLocation(span.start, span.end - span.start))
            passage.add_annotation(a)
        doc.add_passage(passage)
    return doc


def collection(papers: list[Paper]) -> bioc.BioCCollection:
    c = bioc.BioCCollection()
    c.source, c.key = f"leakmine {__version__}", "leakmine.key"
    for p in papers:
        c.add_document(_document(p))
    return c


def write_bioc(papers: list[Paper], target: Path) -> list[Path]:
    c = collection(papers)
    with (target / XML_NAME).open("w", encoding="utf-8") as f:
        biocxml.dump(c, f)
    with (target / JSON_NAME).open("w", encoding="utf-8") as f:
        biocjson.dump(c, f, indent=1)
    return [target / XML_NAME, target / JSON_NAME]

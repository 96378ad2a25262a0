"""`leakmine export`: the mined papers as annotated documents for other tools.

Everything is read from the tables, not from the papers again: the sections table holds each paper's
whole text with its offsets, the mentions table every span, the evidence table which span supports
which patient value, all after the reviewer's corrections. An export is thus exactly what the tables
say, needs neither the paper files nor the pipeline's rules, and takes seconds for a large corpus.
Offsets are character offsets into the paper's text, as in the tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leakmine.report.build import plain
from leakmine.tables import Tables

FORMATS = ("bioc", "spacy", "jsonl", "csv")


@dataclass(frozen=True)
class Span:
    """One extracted span of a paper."""

    mention_id: str
    start: int
    end: int
    text: str
    label: str
    value: str
    rule_id: str
    negated: bool
    page: int | None


@dataclass(frozen=True)
class ValueSpan:
    """A span that supports one value of one patient: `field` = `value`."""

    patient: int
    field: str
    value: str
    span: Span


@dataclass(frozen=True)
class Section:
    index: int
    title: str
    kind: str
    start: int
    text: str
    mined: bool


@dataclass(frozen=True)
class Paper:
    paper_id: str
    title: str | None
    doi: str | None
    pmid: str | None
    source_path: str
    text: str
    sections: tuple[Section, ...]
    spans: tuple[Span, ...]
    values: tuple[ValueSpan, ...]
    patients: tuple[int, ...]


def paper_text(sections: list[Section]) -> str:
    """A paper's text from its sections: each at its offset, the gaps between them as newlines."""
    out, pos = [], 0
    for s in sections:
        out.append("\n" * max(0, s.start - pos) + s.text)
        pos = s.start + len(s.text)
    return "".join(out)


def papers(t: Tables) -> list[Paper]:
    """Every paper of the tables with its text, spans and the patient values they support."""
    sections: dict[str, list[Section]] = {}
    for r in t.sections.sort_values(["paper_id", "section_index"]).itertuples(index=False):
        sections.setdefault(r.paper_id, []).append(
            Section(int(r.section_index), r.title, r.kind, int(r.start_char), r.text, bool(r.mined)))
    spans: dict[str, list[Span]] = {}
    by_id = {}
    for r in t.mentions.sort_values(["paper_id", "start_char", "end_char"]).itertuples(index=False):
        s = Span(r.mention_id, int(r.start_char), int(r.end_char), r.text, r.label, r.value, r.rule_id,
                 bool(r.negated), plain(r.page))
        spans.setdefault(r.paper_id, []).append(s)
        by_id[r.mention_id] = s
    number = dict(zip(t.patients.patient_id, t.patients.patient.astype(int), strict=True))
    values: dict[str, list[ValueSpan]] = {}
    for r in t.evidence[t.evidence.owner_kind == "patient"].itertuples(index=False):
        if r.owner_id in number and r.mention_id in by_id:
            values.setdefault(r.paper_id, []).append(
                ValueSpan(number[r.owner_id], r.field, r.value, by_id[r.mention_id]))
    patients: dict[str, list[int]] = {}
    for pid, paper_id in zip(t.patients.patient_id, t.patients.paper_id, strict=True):
        patients.setdefault(paper_id, []).append(number[pid])
    out = []
    for p in t.papers.itertuples(index=False):
        secs = sections.get(p.paper_id, [])
        out.append(Paper(p.paper_id, plain(p.title), plain(p.doi), plain(p.pmid), p.source_path, paper_text(secs),
                         tuple(secs), tuple(spans.get(p.paper_id, [])),
                         tuple(sorted(values.get(p.paper_id, []), key=lambda v: (v.patient, v.span.start, v.field))),
                         tuple(sorted(patients.get(p.paper_id, [])))))
    return out


def export(t: Tables, fmt: str, target: Path) -> list[Path]:
    """Write the tables' papers in format `fmt` into the folder `target`; return the files written."""
    target.mkdir(parents=True, exist_ok=True)
    docs = papers(t)
    if fmt == "bioc":
        from leakmine.export.bioc import write_bioc
        return write_bioc(docs, target)
    if fmt == "spacy":
        from leakmine.export.docbin import write_docbin
        return write_docbin(docs, target)
    if fmt == "jsonl":
        from leakmine.export.annotators import write_annotator_tasks
        return write_annotator_tasks(docs, target)
    if fmt == "csv":
        from leakmine.export.flat import write_csv
        return write_csv(docs, target)
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")

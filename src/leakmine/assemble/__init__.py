"""Assembly stage: mentions -> the patients and cohorts a paper describes (SCHEMA.md's JSON).

`assemble(document, mentions)` indexes the cue mentions by sentence (cues.py), finds the patients
(patients.py), attributes every other mention to its patient, fills each patient's fields (fields.py:
roles.py for procedures and levels, timepoints.py for grades, onset and outcome), builds the cohorts
of aggregate statistics (cohorts.py) and names the study type (study_type.py). Every value comes with the mentions that support it (`Evidence`).
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from leakmine.assemble.cohorts import build_cohorts, cohort_evidence, to_json
from leakmine.assemble.cues import CueIndex
from leakmine.assemble.fields import LIST_FIELDS, build_patient, empty_patient
from leakmine.assemble.patients import (
    attribute,
    cluster_anchors,
    intro_anchors,
    marker_anchors,
    plausible_single_patient,
    reported_count,
)
from leakmine.assemble.sections import unit_flow, units
from leakmine.assemble.study_type import declares_case_series, describes_no_patients, study_type
from leakmine.assemble.table_patients import build_table_patient, paper_procedures, table_rows
from leakmine.records import Document, Evidence, Mention

__all__ = ["LIST_FIELDS", "assemble", "empty_patient"]


def assemble(document: Document, mentions: list[Mention]) -> tuple[dict[str, Any], list[Evidence]]:
    """The paper's JSON (metadata, one patient per described case, cohorts) and its evidence."""
    others: list[Mention] = []
    cues = CueIndex(mentions, others)
    mentions = _compartments_named(sorted(others, key=attrgetter("start_char", "end_char", "label")), cues)
    unit_of = units(document)
    flows = [unit_flow(u) for u in unit_of]
    evidence: list[Evidence] = []
    patients: list[dict[str, Any]] = []
    cohorts: list[dict[str, Any]] = []
    declared = False  # the paper calls itself a case series and tells or counts its cases
    if not describes_no_patients(document):
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence_start, []).append(m)
        counted = reported_count(document, mentions, cues, flows)
        anchors = intro_anchors(document, mentions, cues, unit_of, by_sentence) + marker_anchors(
            document, mentions, cues, unit_of, counted)
        clusters, of = cluster_anchors(anchors)
        rows = table_rows(mentions)
        n = len(clusters)
        declared = max(n, counted or 0) > 1 and not document.meta.pools_studies and declares_case_series(document)
        counted = counted if counted and counted > n else None
        case_like = bool(clusters or rows) or any(s.kind == "case" and s.mined for s in document.sections)
        records = build_cohorts(document, mentions, cues, max(n, len(rows), counted or 0), case_like)
        cohorts = [to_json(c) for c in records]
        evidence += cohort_evidence(records)
        if n == 0 and not cohorts:
            n = int(plausible_single_patient(document, mentions, cues, unit_of))
        if len(rows) > n:  # a table lists more patients than the text introduces: one per row
            shared = paper_procedures(mentions, flows)
            built_patients = [build_table_patient(k, row, shared) for k, row in enumerate(rows, 1)]
        else:
            # a series whose patients the text never tells (all) apart; its own incidence, or any count
            # beside, where the paper calls itself a case series
            if counted and (declared or all(c["n_patients"] == counted for c in cohorts)):
                n = counted
            attributions = attribute(document, mentions, cues, anchors, of, n,
                                     _other_cohorts(cohorts, n) and not declared, unit_of, by_sentence)
            built_patients = []
            for k in range(1, n + 1):
                mine = [a for a in attributions if k in a.patients]
                restarts = frozenset(anchors[i].sentence_start for i, c in of.items()
                                     if c == k - 1 and anchors[i].number is None)
                built_patients.append(build_patient(k, clusters[k - 1] if k <= len(clusters) else None, mine,
                                                    by_sentence, cues, restarts))
        for k, built in enumerate(built_patients, 1):
            patients.append(built.patient)
            evidence += [Evidence(f"patient:{k}", f, v, mid) for f, v, mid in built.evidence]
    meta = document.meta
    paper = {"title": meta.title, "year": meta.year, "journal": meta.journal, "doi": meta.doi,
             "first_author": meta.first_author,
             "study_type": study_type(document, len(patients), _other_cohorts(cohorts, len(patients)) and not declared,
                                      flows)}
    return {"paper": paper, "patients": patients, "cohorts": cohorts}, evidence


def _other_cohorts(cohorts: list[dict[str, Any]], described: int) -> bool:
    """Whether the paper reports a cohort other than the `described` patients' own incidence ("5 cases
    among 412 patients", the five told one by one)."""
    return any(c["n_patients"] != described for c in cohorts)


def _compartments_named(mentions: list[Mention], cues: CueIndex) -> list[Mention]:
    """`mentions` without the values read from a word that names no compartment (rule attr
    `compartment_unsaid`: a bare "hematoma" read as epidural) in a paper about a hematoma of another
    compartment (cue OTHER_HEMATOMA in two sentences or more: "a spinal subdural hematoma"; not one
    excluded in passing) that never says the value outright."""
    if cues.sentences_with("OTHER_HEMATOMA") < 2:
        return mentions
    said = {(m.label, m.value) for m in mentions if not m.attrs.get("compartment_unsaid")}
    return [m for m in mentions if not m.attrs.get("compartment_unsaid") or (m.label, m.value) in said]

"""One typed record per output table.

A column's type is its annotation: `str`, `int`, `float`, `bool`, `list[str]` or `list[GradeEntry]`,
with `| None` when the value may be missing. `col()` adds what a type cannot say: whether the column is
part of the table's key, its closed vocabulary or pattern, and which table column it points into.
The data dictionary for analysts is docs/tables.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from leakmine.labels import LABELS
from leakmine.records import SECTION_KINDS, Box

LEVEL_PATTERN = r"C[1-7]|T(?:[1-9]|1[0-2])|L[1-5]|S[1-5]"
STUDY_TYPES = ("case report", "case series", "cohort study", "image report")
SEXES = ("F", "M")
ONSETS = ("immediate", "delayed")
OUTCOMES = ("full recovery", "partial recovery", "improved", "no recovery")
SIDES = ("left", "right", "bilateral")
LIMBS = ("lower", "upper")
TIMES = ("presentation", "post-treatment", "follow-up")
LEVEL_ROLES = ("treated", "leak", "treatment")
OWNER_KINDS = ("paper", "patient", "cohort")
SCALES = ("MRC",)
MODIFIERS = ("+", "-")
MENTION_IDS = ("mentions.mention_id",)
# Where a value comes from: leakmine's rules, a reviewer's correction, or rules a reviewer confirmed.
SOURCES = ("extracted", "corrected", "confirmed")
ACTIONS = ("wrong", "missing", "right")
REVIEW_STATUSES = ("applied", "restored", "already", "stale", "invalid")


def col(*, key: bool = False, allowed: tuple[Any, ...] | None = None, pattern: str | None = None,
        references: tuple[str, ...] = ()) -> Any:
    """A column's constraints; `references` lists "table.column" targets its values must exist in."""
    return field(metadata={"key": key, "allowed": allowed, "pattern": pattern, "references": references})


@dataclass(frozen=True)
class GradeEntry:
    """One muscle grade inside `patients.muscle_grades`, as leakmine's JSON writes it (docs/contract.md)."""

    value: str
    side: str | None
    limb: str | None
    muscle: str | None
    time: str | None


@dataclass(frozen=True)
class PaperRow:
    paper_id: str = col(key=True)
    source_path: str = col()
    source_format: str = col()
    title: str | None = col()
    authors: list[str] = col()
    first_author: str | None = col()
    journal: str | None = col()
    year: int | None = col()
    doi: str | None = col()
    pmid: str | None = col()
    pmcid: str | None = col()
    article_type: str | None = col()
    language: str | None = col()
    study_type: str | None = col(allowed=STUDY_TYPES)
    n_patients: int = col()
    n_cohorts: int = col()


@dataclass(frozen=True)
class SectionRow:
    paper_id: str = col(key=True, references=("papers.paper_id",))
    section_index: int = col(key=True)
    title: str = col()
    kind: str = col(allowed=SECTION_KINDS)
    text: str = col()
    start_char: int = col()
    end_char: int = col()
    page_start: int | None = col()
    page_end: int | None = col()
    language: str = col()
    mined: bool = col()


@dataclass(frozen=True)
class MentionRow:
    mention_id: str = col(key=True)
    paper_id: str = col(references=("papers.paper_id",))
    section_index: int = col()
    section_kind: str = col(allowed=SECTION_KINDS)
    sentence: str = col()
    sentence_start: int = col()
    start_char: int = col()
    end_char: int = col()
    text: str = col()
    label: str = col(allowed=LABELS)
    value: str = col()
    rule_id: str = col()
    attrs: str = col()
    negated: bool = col()
    historical: bool = col()
    hypothetical: bool = col()
    page: int | None = col()
    boxes: list[Box] = col()


@dataclass(frozen=True)
class PatientRow:
    paper_id: str = col(references=("papers.paper_id",))
    patient_id: str = col(key=True)
    patient: int = col()
    age: int | None = col()
    sex: str | None = col(allowed=SEXES)
    index_procedures: list[str] = col()
    treated_levels: list[str] = col(pattern=LEVEL_PATTERN)
    causes: list[str] = col()
    leak_locations: list[str] = col()
    leak_levels: list[str] = col(pattern=LEVEL_PATTERN)
    symptoms: list[str] = col()
    onset: str | None = col(allowed=ONSETS)
    onset_days: float | None = col()
    muscle_grades: list[GradeEntry] = col()
    treatments: list[str] = col()
    treatment_levels: list[str] = col(pattern=LEVEL_PATTERN)
    outcome: str | None = col(allowed=OUTCOMES)
    follow_up: str | None = col()
    evidence: list[str] = col(references=MENTION_IDS)
    source: str = col(allowed=SOURCES)


@dataclass(frozen=True)
class LevelRow:
    paper_id: str = col(references=("papers.paper_id",))
    patient_id: str = col(key=True, references=("patients.patient_id",))
    level: str = col(key=True, pattern=LEVEL_PATTERN)
    role: str = col(key=True, allowed=LEVEL_ROLES)
    spine_order: int = col()
    evidence: list[str] = col(references=MENTION_IDS)
    source: str = col(allowed=SOURCES)


@dataclass(frozen=True)
class MuscleGradeRow:
    paper_id: str = col(references=("papers.paper_id",))
    patient_id: str = col(key=True, references=("patients.patient_id",))
    grade_index: int = col(key=True)
    text: str | None = col()
    scale: str | None = col(allowed=SCALES)
    value: str = col()
    base: int | None = col(allowed=(0, 1, 2, 3, 4, 5))
    modifier: str | None = col(allowed=MODIFIERS)
    side: str | None = col(allowed=SIDES)
    limb: str | None = col(allowed=LIMBS)
    muscle: str | None = col()
    time: str | None = col(allowed=TIMES)
    evidence: list[str] = col(references=MENTION_IDS)
    source: str = col(allowed=SOURCES)


@dataclass(frozen=True)
class TreatmentRow:
    paper_id: str = col(references=("papers.paper_id",))
    patient_id: str = col(key=True, references=("patients.patient_id",))
    treatment: str = col(key=True)
    evidence: list[str] = col(references=MENTION_IDS)
    source: str = col(allowed=SOURCES)


@dataclass(frozen=True)
class CohortRow:
    paper_id: str = col(references=("papers.paper_id",))
    cohort_id: str = col(key=True)
    cohort: int = col()
    n_patients: int = col()
    n_male: int | None = col()
    n_female: int | None = col()
    age_mean: float | None = col()
    age_sd: float | None = col()
    age_min: float | None = col()
    age_max: float | None = col()
    denominator: int | None = col()
    evidence: list[str] = col(references=MENTION_IDS)


@dataclass(frozen=True)
class EvidenceRow:
    paper_id: str = col(references=("papers.paper_id",))
    owner_id: str = col(key=True, references=("papers.paper_id", "patients.patient_id", "cohorts.cohort_id"))
    owner_kind: str = col(allowed=OWNER_KINDS)
    field: str = col(key=True)
    value: str = col(key=True)
    mention_id: str = col(key=True, references=MENTION_IDS)


@dataclass(frozen=True)
class ReviewRow:
    """One line of the reviewer's corrections file and what became of it in this run."""

    line: int = col(key=True)
    paper_id: str = col()
    patient: int | None = col()
    patient_id: str | None = col(references=("patients.patient_id",))
    field: str = col()
    value: str = col()
    action: str = col()
    reviewer: str | None = col()
    note: str | None = col()
    extracted: bool = col()
    status: str = col(allowed=REVIEW_STATUSES)
    reason: str | None = col()


@dataclass(frozen=True)
class ErrorRow:
    """A file that could not be mined, and why."""

    source_path: str = col(key=True)
    stage: str = col()
    reason: str = col()


# Table name -> record, in the order tables are written and documented.
TABLES: dict[str, type] = {
    "papers": PaperRow, "sections": SectionRow, "mentions": MentionRow, "patients": PatientRow,
    "levels": LevelRow, "muscle_grades": MuscleGradeRow, "treatments": TreatmentRow,
    "cohorts": CohortRow, "evidence": EvidenceRow, "reviews": ReviewRow, "errors": ErrorRow,
}

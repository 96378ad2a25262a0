"""`PaperResult`s -> one typed DataFrame per table, every value row with its evidence mention ids."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from leakmine.components.level.normalize import ORDER
from leakmine.records import Evidence, Mention
from leakmine.tables.records import (
    CohortRow,
    ErrorRow,
    EvidenceRow,
    GradeEntry,
    LevelRow,
    MentionRow,
    MuscleGradeRow,
    PaperRow,
    PatientRow,
    SectionRow,
    TreatmentRow,
)
from leakmine.tables.schemas import SCHEMAS, SchemaError, TableSchema

if TYPE_CHECKING:
    import pandas as pd

    from leakmine.pipeline import PaperResult

EXTRACTED = "extracted"
LEVEL_FIELDS = {"treated_levels": "treated", "leak_levels": "leak", "treatment_levels": "treatment"}
_MRC = re.compile(r"(?P<base>[0-5])(?P<modifier>[+-]?)")
_GRADE_KEYS = [k for k in GradeEntry.__dataclass_fields__]
_PATIENT_FIELDS = [k for k in PatientRow.__dataclass_fields__
                   if k not in ("paper_id", "patient_id", "evidence", "source")]
_COHORT_FIELDS = [k for k in CohortRow.__dataclass_fields__
                  if k not in ("paper_id", "cohort_id", "cohort", "evidence")]


def patient_id(paper_id: str, n: int) -> str:
    return f"{paper_id}:{n}"


def cohort_id(paper_id: str, n: int) -> str:
    return f"{paper_id}:cohort:{n}"


class _Evidence:
    """A paper's evidence records, looked up by owner, field and value."""

    def __init__(self, paper_id: str, evidence: list[Evidence], mentions: dict[str, Mention]):
        self.paper_id = paper_id
        self.mentions = mentions
        self.by_value: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        self.by_owner: dict[str, list[str]] = defaultdict(list)
        for e in evidence:
            for bucket in (self.by_value[(e.owner, e.field, e.value)], self.by_owner[e.owner]):
                if e.mention_id not in bucket:
                    bucket.append(e.mention_id)

    def of(self, owner: str, field: str, value: str) -> list[str]:
        return list(self.by_value.get((owner, field, value), []))

    def of_grade(self, owner: str, grade: dict[str, Any], same_value: int) -> list[str]:
        """Mentions behind one muscle grade; when several grades share its value, those whose
        side and muscle agree with it."""
        ids = self.of(owner, "muscle_grades", str(grade.get("value")))
        if same_value > 1:
            fitting = [i for i in ids if i in self.mentions and all(
                self.mentions[i].attrs.get(k) in (None, grade.get(k)) for k in ("side", "muscle"))]
            ids = fitting or ids
        return ids

    def owner_id(self, owner: str) -> tuple[str, str]:
        """("patient", patient_id) for "patient:N", likewise cohorts; ("paper", paper_id) otherwise."""
        kind, _, n = owner.partition(":")
        if kind == "patient" and n.isdigit():
            return kind, patient_id(self.paper_id, int(n))
        if kind == "cohort" and n.isdigit():
            return kind, cohort_id(self.paper_id, int(n))
        return "paper", self.paper_id


def _list(value: Any) -> list[Any]:
    """A list field's items for the long tables; anything else is left to the patients table to report."""
    return value if isinstance(value, list) else []


def _grade_entries(grades: Any) -> Any:
    """The contract's keys of each muscle grade object (further keys an assembly adds are not tabled)."""
    if not isinstance(grades, list):
        return grades
    return [{k: g.get(k) for k in _GRADE_KEYS} if isinstance(g, dict) else g for g in grades]


def _grade_rows(pid: str, owner: str, person: dict[str, Any], ev: _Evidence) -> list[MuscleGradeRow]:
    rows = []
    grades = _list(person.get("muscle_grades"))
    for i, g in enumerate(grades, start=1):
        if not isinstance(g, dict):
            continue  # the patients table reports it
        value = g.get("value")
        m = _MRC.fullmatch(value) if isinstance(value, str) else None
        same = sum(1 for other in grades if isinstance(other, dict) and other.get("value") == value)
        ids = ev.of_grade(owner, g, same)
        grade_mentions = [ev.mentions[x] for x in ids if x in ev.mentions
                          and ev.mentions[x].label == "MUSCLE_GRADE"]
        rows.append(MuscleGradeRow(
            paper_id=ev.paper_id, patient_id=pid, grade_index=i,
            text=grade_mentions[0].text if grade_mentions else None,
            scale="MRC" if m else None, value=value, base=int(m["base"]) if m else None,
            modifier=(m["modifier"] or None) if m else None, side=g.get("side"), limb=g.get("limb"),
            muscle=g.get("muscle"), time=g.get("time"), evidence=ids, source=EXTRACTED,
        ))
    return rows


def _patient_rows(paper_id: str, patients: list[dict[str, Any]], ev: _Evidence) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for p in patients:
        n = p.get("patient")
        owner, pid = f"patient:{n}", patient_id(paper_id, n)
        values = {k: p.get(k) for k in _PATIENT_FIELDS}
        values["muscle_grades"] = _grade_entries(values["muscle_grades"])
        out["patients"].append(PatientRow(paper_id=paper_id, patient_id=pid, **values,
                                          evidence=list(ev.by_owner.get(owner, [])), source=EXTRACTED))
        for field, role in LEVEL_FIELDS.items():
            for level in _list(p.get(field)):
                out["levels"].append(LevelRow(
                    paper_id=paper_id, patient_id=pid, level=level, role=role,
                    spine_order=ORDER.index(level) + 1 if level in ORDER else None,
                    evidence=ev.of(owner, field, level), source=EXTRACTED))
        for t in _list(p.get("treatments")):
            out["treatments"].append(TreatmentRow(paper_id, pid, t, ev.of(owner, "treatments", t), EXTRACTED))
        out["muscle_grades"].extend(_grade_rows(pid, owner, p, ev))
    return out


def paper_rows(result: PaperResult) -> dict[str, list[Any]]:
    """The rows one paper contributes to each table (errors aside)."""
    d, paper = result.document, result.paper_json
    mentions = {m.mention_id: m for m in result.mentions}
    ev = _Evidence(d.paper_id, result.evidence, mentions)
    facts = paper.get("paper", {})
    meta = asdict(d.meta)
    rows = _patient_rows(d.paper_id, paper.get("patients", []), ev)
    cohorts = paper.get("cohorts", [])
    rows["papers"] = [PaperRow(
        paper_id=d.paper_id, source_path=d.source_path, source_format=d.source_format,
        title=facts.get("title", meta["title"]), authors=meta["authors"],
        first_author=facts.get("first_author", meta["first_author"]),
        journal=facts.get("journal", meta["journal"]), year=facts.get("year", meta["year"]),
        doi=facts.get("doi", meta["doi"]), pmid=meta["pmid"], pmcid=meta["pmcid"],
        article_type=meta["article_type"], language=meta["language"],
        study_type=facts.get("study_type"), n_patients=len(paper.get("patients", [])),
        n_cohorts=len(cohorts), screened_out=result.screened_out, duplicate_of=None,
    )]
    rows["sections"] = [
        SectionRow(paper_id=d.paper_id, section_index=i, title=s.title, kind=s.kind, text=s.text,
                   start_char=s.start_char, end_char=s.end_char, page_start=s.page_start,
                   page_end=s.page_end, language=s.language, mined=s.mined)
        for i, s in enumerate(d.sections)]
    rows["mentions"] = [
        MentionRow(mention_id=m.mention_id, paper_id=m.paper_id, section_index=m.section_index,
                   section_kind=m.section_kind, sentence=m.sentence, sentence_start=m.sentence_start,
                   start_char=m.start_char, end_char=m.end_char, text=m.text, label=m.label,
                   value=m.value, rule_id=m.rule_id, attrs=json.dumps(m.attrs, sort_keys=True),
                   negated=m.negated, historical=m.historical, hypothetical=m.hypothetical,
                   page=boxes[0].page if (boxes := result.boxes.get(m.mention_id)) else None,
                   boxes=[asdict(b) for b in boxes or []])
        for m in result.mentions]
    rows["cohorts"] = [
        CohortRow(paper_id=d.paper_id, cohort_id=cohort_id(d.paper_id, n), cohort=n,
                  **{k: c.get(k) for k in _COHORT_FIELDS},
                  evidence=list(ev.by_owner.get(f"cohort:{n}", [])))
        for n, c in enumerate(cohorts, start=1)]
    rows["evidence"] = []
    seen = set()
    for e in result.evidence:
        kind, owner_id = ev.owner_id(e.owner)
        key = (owner_id, e.field, e.value, e.mention_id)
        if key not in seen:
            seen.add(key)
            rows["evidence"].append(EvidenceRow(d.paper_id, owner_id, kind, e.field, e.value, e.mention_id))
    return rows


def frame(schema: TableSchema, rows: list[Any]) -> pd.DataFrame:
    """Rows of one record type -> a DataFrame with the schema's dtypes; wrong Python types raise."""
    import pandas as pd

    problems = []
    columns = {}
    for c in schema.columns:
        values = [getattr(r, c.name) for r in rows]
        bad = c.problems(values)
        if bad:
            problems.extend(f"{schema.name}.{c.name} row {i}: {why}" for i, why in bad[:3])
            continue
        columns[c.name] = pd.Series(values, dtype=c.dtype)
    if problems:
        raise SchemaError(problems)
    return pd.DataFrame(columns, columns=schema.names)


def build_frames(results: list[PaperResult], errors: list[ErrorRow]) -> dict[str, pd.DataFrame]:
    """Every table, rows in the order of `results` (and of each paper's own records)."""
    rows: dict[str, list[Any]] = {name: [] for name in SCHEMAS}
    for r in results:
        for name, part in paper_rows(r).items():
            rows[name].extend(part)
    rows["errors"] = list(errors)
    return {name: frame(schema, rows[name]) for name, schema in SCHEMAS.items()}

"""A reviewer's corrections, applied on top of what leakmine extracts.

`corrections.csv` has one line per checked value: `paper` (the paper id), `patient` (its number in
the paper), `field` (a patients column), `value` (as the tables write it), `action` (`wrong`,
`missing` or `right`), `reviewer`, `note`. The key is the value itself, never a row position or a
mention offset, so a correction keeps applying when leakmine's rules change and the papers are mined
again. `apply_corrections` is a pure function over the built tables: it removes, adds or confirms
values in `patients` and its long tables (`levels`, `muscle_grades`, `treatments`), sets their
`source` column, and fills the `reviews` table with what became of each line. A correction whose
paper, patient or value no longer exists is kept in `reviews` with its status and reason.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from leakmine.components.level.normalize import ORDER
from leakmine.errors import LeakmineError
from leakmine.tables.build import LEVEL_FIELDS, frame
from leakmine.tables.records import (
    ACTIONS,
    TABLES,
    LevelRow,
    MuscleGradeRow,
    PatientRow,
    ReviewRow,
    TreatmentRow,
)
from leakmine.tables.schemas import SCHEMAS

COLUMNS = ("paper", "patient", "field", "value", "action", "reviewer", "note")
SCALAR_FIELDS = ("age", "sex", "onset", "onset_days", "outcome", "follow_up")
LIST_FIELDS = ("index_procedures", "treated_levels", "causes", "leak_locations", "leak_levels", "symptoms",
               "treatments", "treatment_levels", "muscle_grades")
FIELDS = SCALAR_FIELDS + LIST_FIELDS
_MRC = re.compile(r"(?P<base>[0-5])(?P<modifier>[+-]?)")
_SEX = {"female": "F", "woman": "F", "f": "F", "male": "M", "man": "M", "m": "M"}


class CorrectionsError(LeakmineError):
    """A corrections file that cannot be read."""

    def __init__(self, path: str, reason: str):
        super().__init__(path, reason, stage="corrections")


@dataclass(frozen=True)
class Correction:
    """One line of a corrections file (`line` counts the header as line 1)."""

    line: int
    paper: str
    patient: str
    field: str
    value: str
    action: str
    reviewer: str = ""
    note: str = ""


def read_corrections(path: str | Path) -> list[Correction]:
    """The lines of a corrections CSV; `CorrectionsError` when it lacks a column or cannot be read."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            missing = [c for c in COLUMNS[:5] if c not in (reader.fieldnames or [])]
            if missing:
                raise CorrectionsError(str(path), f"no {', '.join(missing)} column (need {', '.join(COLUMNS)})")
            return [Correction(reader.line_num, *((row.get(c) or "").strip() for c in COLUMNS))
                    for row in reader if any((v or "").strip() for v in row.values() if isinstance(v, str))]
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise CorrectionsError(str(path), f"cannot read corrections ({e})") from e


def write_corrections(path: str | Path, corrections: list[Correction]) -> None:
    """Write corrections as CSV with the columns in `COLUMNS`."""
    with Path(path).open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for c in corrections:
            w.writerow([c.paper, c.patient, c.field, c.value, c.action, c.reviewer, c.note])


def canonical(field: str, value: str) -> Any:
    """A correction's value as the patients table holds it; ValueError when it cannot be one."""
    value = value.strip()
    if field in ("age",):
        return int(value)
    if field == "onset_days":
        return float(value)
    if field == "sex":
        return _SEX.get(value.lower(), value)
    if field in LEVEL_FIELDS:
        return value.upper()
    return value


def _same(a: Any, b: Any) -> bool:
    return a is not None and b is not None and (a == b or str(a) == str(b))


def _problem(field: str, value: Any) -> str | None:
    """Why `value` cannot fill `field` of the patients table, or None."""
    if field == "muscle_grades":
        return None if _MRC.fullmatch(str(value)) else f"{value!r} is not an MRC grade 0-5 with + or -"
    column = next(c for c in SCHEMAS["patients"].columns if c.name == field)
    return column.problem([value] if field in LIST_FIELDS else value)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """A table's rows as plain Python dicts (None for missing, lists as lists)."""
    out = []
    for r in df.to_dict("records"):
        out.append({k: (v.tolist() if hasattr(v, "tolist") and not isinstance(v, str) else
                        None if v is pd.NA or (isinstance(v, float) and v != v) else v) for k, v in r.items()})
    return out


class _Patients:
    """The value tables as row dicts, edited one correction at a time."""

    def __init__(self, frames: dict[str, pd.DataFrame]):
        self.papers = set(frames["papers"].paper_id.tolist())
        self.rows = {r["patient_id"]: r for r in _records(frames["patients"])}
        self.by_number = {(r["paper_id"], r["patient"]): r["patient_id"] for r in self.rows.values()}
        self.levels = _records(frames["levels"])
        self.treatments = _records(frames["treatments"])
        self.grades = _records(frames["muscle_grades"])
        self.evidence = _records(frames["evidence"])

    def values(self, pid: str, field: str) -> list[Any]:
        current = self.rows[pid][field]
        if field == "muscle_grades":
            return [g["value"] for g in current]
        return list(current) if field in LIST_FIELDS else ([] if current is None else [current])

    def mark(self, pid: str, field: str, value: Any, source: str) -> None:
        """Set `source` on the long-table rows of one value, and on the patient."""
        for row in self._long_rows(pid, field, value):
            row["source"] = source
        patient = self.rows[pid]
        if source == "corrected" or patient["source"] == "extracted":
            patient["source"] = source

    def _long_rows(self, pid: str, field: str, value: Any) -> list[dict[str, Any]]:
        if field in LEVEL_FIELDS:
            return [r for r in self.levels if r["patient_id"] == pid and r["role"] == LEVEL_FIELDS[field]
                    and r["level"] == value]
        if field == "treatments":
            return [r for r in self.treatments if r["patient_id"] == pid and r["treatment"] == value]
        if field == "muscle_grades":
            return [r for r in self.grades if r["patient_id"] == pid and r["value"] == value]
        return []

    def remove(self, pid: str, field: str, value: Any) -> None:
        patient = self.rows[pid]
        if field == "muscle_grades":
            patient[field] = [g for g in patient[field] if g["value"] != value]
            self.grades = [r for r in self.grades if not (r["patient_id"] == pid and r["value"] == value)]
            for i, r in enumerate((r for r in self.grades if r["patient_id"] == pid), start=1):
                r["grade_index"] = i
        elif field in LIST_FIELDS:
            patient[field] = [v for v in patient[field] if v != value]
            gone = {id(r) for r in self._long_rows(pid, field, value)}
            self.levels = [r for r in self.levels if id(r) not in gone]
            self.treatments = [r for r in self.treatments if id(r) not in gone]
        else:
            patient[field] = None
        self.evidence = [e for e in self.evidence
                         if not (e["owner_id"] == pid and e["field"] == field and _same(e["value"], value))]
        patient["source"] = "corrected"

    def add(self, pid: str, field: str, value: Any, source: str) -> None:
        patient = self.rows[pid]
        paper = patient["paper_id"]
        if field == "muscle_grades":
            patient[field] = [*patient[field], {"value": value, "side": None, "limb": None, "muscle": None,
                                                "time": None}]
            m = _MRC.fullmatch(value)
            self.grades.append({
                "paper_id": paper, "patient_id": pid, "grade_index": len(patient[field]), "text": None,
                "scale": "MRC", "value": value, "base": int(m["base"]), "modifier": m["modifier"] or None,
                "side": None, "limb": None, "muscle": None, "time": None, "evidence": [], "source": source})
        elif field in LIST_FIELDS:
            patient[field] = [*patient[field], value]
            if field in LEVEL_FIELDS:
                self.levels.append({"paper_id": paper, "patient_id": pid, "level": value,
                                    "role": LEVEL_FIELDS[field], "spine_order": ORDER.index(value) + 1,
                                    "evidence": [], "source": source})
            elif field == "treatments":
                self.treatments.append({"paper_id": paper, "patient_id": pid, "treatment": value,
                                        "evidence": [], "source": source})
        else:
            if patient[field] is not None:
                self.remove(pid, field, patient[field])
            patient[field] = value
        self.mark(pid, field, value, source)

    def frames(self) -> dict[str, pd.DataFrame]:
        def build(name: str, record: type, rows: list[dict[str, Any]]) -> pd.DataFrame:
            return frame(SCHEMAS[name], [record(**r) for r in rows])
        return {"patients": build("patients", PatientRow, list(self.rows.values())),
                "levels": build("levels", LevelRow, self.levels),
                "treatments": build("treatments", TreatmentRow, self.treatments),
                "muscle_grades": build("muscle_grades", MuscleGradeRow, self.grades),
                "evidence": build("evidence", TABLES["evidence"], self.evidence)}


def _apply(state: _Patients, c: Correction) -> tuple[str | None, Any, bool, str, str | None]:
    """(patient_id, value, extracted, status, reason) of one correction, applied to `state`."""
    if c.action not in ACTIONS:
        return None, c.value, False, "invalid", f"action {c.action!r} is not one of {', '.join(ACTIONS)}"
    if c.field not in FIELDS:
        return None, c.value, False, "invalid", f"field {c.field!r} is not a patients field ({', '.join(FIELDS)})"
    try:
        value = canonical(c.field, c.value)
    except ValueError:
        return None, c.value, False, "invalid", f"{c.value!r} is not a number"
    why = _problem(c.field, value)
    if why:
        return None, value, False, "invalid", why
    if c.paper not in state.papers:
        return None, value, False, "stale", f"paper {c.paper} is not among the mined papers"
    pid = state.by_number.get((c.paper, int(c.patient))) if c.patient.isdigit() else None
    if pid is None:
        return None, value, False, "stale", f"paper {c.paper} has no patient {c.patient or '(none given)'}"
    present = any(_same(v, value) for v in state.values(pid, c.field))
    if c.action == "wrong":
        if not present:
            return pid, value, False, "stale", f"{c.field} {value} is no longer extracted: nothing to remove"
        state.remove(pid, c.field, value)
        return pid, value, True, "applied", None
    if present:
        state.mark(pid, c.field, value, "confirmed")
        status = "applied" if c.action == "right" else "already"
        return pid, value, True, status, None if status == "applied" else "now extracted: confirmed"
    if c.action == "missing":
        state.add(pid, c.field, value, "corrected")
        return pid, value, False, "applied", None
    state.add(pid, c.field, value, "confirmed")
    return pid, value, False, "restored", f"{c.field} {value} is no longer extracted: kept as confirmed"


def apply_corrections(frames: dict[str, pd.DataFrame], corrections: list[Correction]) -> dict[str, pd.DataFrame]:
    """The tables with `corrections` applied in file order (later lines win) and the `reviews` table filled.

    Pure: `frames` is not changed. Corrections never touch `mentions`: what the rules found stays.
    """
    if not corrections:
        return frames
    state = _Patients(frames)
    reviews = []
    for c in corrections:
        pid, value, extracted, status, reason = _apply(state, c)
        reviews.append(ReviewRow(
            line=c.line, paper_id=c.paper, patient=int(c.patient) if c.patient.isdigit() else None,
            patient_id=pid, field=c.field, value=str(value) if not isinstance(value, float) else f"{value:g}",
            action=c.action, reviewer=c.reviewer or None, note=c.note or None, extracted=extracted,
            status=status, reason=reason))
    return {**frames, **state.frames(), "reviews": frame(SCHEMAS["reviews"], reviews)}


def review_warnings(reviews: pd.DataFrame, path: str | Path) -> list[str]:
    """One line per correction that did not apply as written (stale, invalid or restored)."""
    bad = reviews[reviews.status.isin(["stale", "invalid", "restored"])]
    return [f"{path}:{r.line}: {r.status}: {r.reason}" for r in bad.itertuples(index=False)]

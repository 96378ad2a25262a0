"""Patients listed one per row of a table (TABLE_ROW mentions): each row's cells give that patient's
values, by the column they stand in (pure functions over mentions)."""

from __future__ import annotations

from dataclasses import dataclass

from leakmine.assemble.cues import index_only
from leakmine.assemble.fields import PatientBuilder, empty_patient
from leakmine.records import Mention

_LEVEL_FIELDS = frozenset({"treated_levels", "leak_levels", "treatment_levels"})
# The field a mention fills when its column names no field of its kind.
_DEFAULT_FIELD = {"SYMPTOM": "symptoms", "LEAK_LOCATION": "leak_locations", "CAUSE": "causes",
                  "OUTCOME": "outcome"}
# What a cell of its own column states: the field, and the columns that are its own.
_CELL_FIELDS = {"AGE": ("age", ("age", "age_sex")), "SEX": ("sex", ("sex", "age_sex")),
                "FOLLOW_UP": ("follow_up", ("follow_up",))}
_FIELD_LABELS = {"index_procedures": "PROCEDURE", "treatments": "TREATMENT", "symptoms": "SYMPTOM",
                 "leak_locations": "LEAK_LOCATION", "causes": "CAUSE", "outcome": "OUTCOME"}


@dataclass
class TableRow:
    """One patient's row: the TABLE_ROW mention and the mentions inside it."""

    row: Mention
    members: list[Mention]

    def column(self, m: Mention) -> str | None:
        at = m.start_char - self.row.start_char
        return next((name for s, e, name in self.row.attrs.get("fields", []) if s <= at < e), None)


def table_rows(mentions: list[Mention]) -> list[TableRow]:
    """The rows of the paper's patient table that lists the most patients (at most one table is read)."""
    tables: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.label == "TABLE_ROW":
            tables.setdefault(int(m.attrs.get("table", 0)), []).append(m)
    if not tables:
        return []
    rows = max(tables.values(), key=len)
    return [TableRow(r, [m for m in mentions if r.start_char <= m.start_char < r.end_char and m is not r])
            for r in rows]


def build_table_patient(n: int, row: TableRow, paper_procedures: list[Mention]) -> PatientBuilder:
    """Patient `n` from its row: age and sex from their cells, levels by their column's role, findings
    and treatments from the cells where the column names their field; a row naming no index procedure
    takes the one the title or abstract names for all the cases (`paper_procedures`)."""
    b = PatientBuilder(empty_patient(n))
    for m in row.members:
        if not m.asserted:
            continue
        column = row.column(m)
        if m.label in _CELL_FIELDS and (m.rule_id.startswith("table_row.") or column in _CELL_FIELDS[m.label][1]):
            name = _CELL_FIELDS[m.label][0]
            if b.patient[name] is None:
                b.set(name, m.attrs["age"] if name == "age" else m.value, m.mention_id)
        elif m.label == "LEVEL" and column in _LEVEL_FIELDS:
            for level in m.attrs.get("levels", []):
                b.add(column, level, m.mention_id)
        elif column in _FIELD_LABELS and _FIELD_LABELS[column] == m.label:
            _put(b, column, m)
        elif column not in _FIELD_LABELS and m.label in _DEFAULT_FIELD:
            _put(b, _DEFAULT_FIELD[m.label], m)
        elif column is None and m.label == "PROCEDURE" and m.value in index_only():
            _put(b, "index_procedures", m)
    if not b.patient["index_procedures"]:
        for m in paper_procedures:
            _put(b, "index_procedures", m)
    return b


def _put(b: PatientBuilder, name: str, m: Mention) -> None:
    if name == "outcome":
        if b.patient["outcome"] is None:
            b.set("outcome", m.value, m.mention_id)
    else:
        b.add(name, m.value, m.mention_id)


def paper_procedures(mentions: list[Mention], flows: list[str]) -> list[Mention]:
    """Index procedures the title or abstract names (only ones that are never a rescue treatment);
    `flows` are the sections' flows."""
    only = index_only()
    return [m for m in mentions if m.label == "PROCEDURE" and m.asserted and m.value in only
            and flows[m.section_index] in ("title", "abstract")]

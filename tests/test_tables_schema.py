"""The schema check: every kind of violation is caught, before anything is written."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pandas as pd
import pytest

from leakmine.tables import SCHEMAS, SchemaError, validate, write_tables
from leakmine.tables.build import build_frames
from tables_helpers import case_result, cohort_result

Frames = dict[str, pd.DataFrame]


@pytest.fixture
def frames() -> Frames:
    return build_frames([case_result(), cohort_result()], [])


def _set(table: str, column: str, value, row: int = 0) -> Callable[[Frames], None]:
    def mutate(f: Frames) -> None:
        f[table].at[row, column] = value
    return mutate


def _replace(table: str, column: str, series: Callable[[pd.DataFrame], pd.Series]) -> Callable[[Frames], None]:
    def mutate(f: Frames) -> None:
        f[table][column] = series(f[table])
    return mutate


def _drop_column(f: Frames) -> None:
    f["patients"] = f["patients"].drop(columns="outcome")


def _swap_columns(f: Frames) -> None:
    cols = list(f["levels"].columns)
    cols[2], cols[3] = cols[3], cols[2]
    f["levels"] = f["levels"][cols]


def _duplicate_level(f: Frames) -> None:
    f["levels"] = pd.concat([f["levels"], f["levels"].iloc[[0]]], ignore_index=True)


def _drop_mention(f: Frames) -> None:
    f["mentions"] = f["mentions"].iloc[1:].reset_index(drop=True)


def _orphan_level(f: Frames) -> None:
    f["patients"] = f["patients"].iloc[0:0]


def _missing_table(f: Frames) -> None:
    del f["cohorts"]


def _lists(values):
    return lambda df: pd.Series(values * len(df), dtype=SCHEMAS["patients"].dtypes["treated_levels"])


@pytest.mark.parametrize(("mutate", "message"), [
    (_missing_table, "expected tables"),
    (_drop_column, "patients: columns"),
    (_swap_columns, "levels: columns"),
    (_replace("patients", "age", lambda df: df.age.astype("Float64")), "patients.age: dtype Float64"),
    (_replace("levels", "spine_order", lambda df: df.spine_order.astype("int64")), "dtype int64"),
    (_replace("mentions", "negated", lambda df: df.negated.astype(object)), "mentions.negated: dtype object"),
    (_set("patients", "patient_id", pd.NA), "patients.patient_id row 0: missing value"),
    (_set("papers", "source_path", pd.NA), "papers.source_path row 0: missing value"),
    (_set("patients", "sex", "male"), "'male' not in ['F', 'M']"),
    (_set("patients", "outcome", "recovered"), "patients.outcome row 0"),
    (_set("levels", "level", "T13"), "'T13' does not match"),
    (_set("levels", "role", "index"), "levels.role row 0"),
    (_set("muscle_grades", "time", "later"), "muscle_grades.time"),
    (_set("muscle_grades", "base", 7), "7 not in"),
    (_set("papers", "study_type", "review"), "papers.study_type"),
    (_set("mentions", "label", "DRUG"), "mentions.label"),
    (_replace("patients", "treated_levels", _lists([["L1", "L6"]])), "'L6' does not match"),
    (_duplicate_level, "levels: 2 rows share a key (patient_id, level, role)"),
    (_drop_mention, "values not found in mentions.mention_id"),
    (_orphan_level, "levels.patient_id: 1 values not found in patients.patient_id"),
    (_set("evidence", "owner_id", "nobody:9"), "evidence.owner_id"),
])
def test_violations_are_reported(frames, mutate, message):
    mutate(frames)
    with pytest.raises(SchemaError) as err:
        validate(frames)
    assert any(message in p for p in err.value.problems), err.value.problems


def test_conforming_tables_pass(frames):
    validate(frames)


def test_many_bad_rows_are_summarised(frames):
    frames["levels"]["role"] = pd.array(["index"] * len(frames["levels"]), dtype="string")
    with pytest.raises(SchemaError) as err:
        validate(frames)
    assert "levels.role: 2 more rows like these" in err.value.problems
    assert sum(p.startswith("levels.role row") for p in err.value.problems) == 3


def _paper_json_with(patient_change: dict) -> object:
    r = case_result()
    patient = {**r.paper_json["patients"][0], **patient_change}
    return dataclasses.replace(r, paper_json={**r.paper_json, "patients": [patient]})


@pytest.mark.parametrize(("change", "message"), [
    ({"age": "81"}, "patients.age row 0: not int: '81'"),
    ({"age": True}, "patients.age row 0: not int: True"),
    ({"onset_days": "2 days"}, "patients.onset_days"),
    ({"symptoms": "pain"}, "patients.symptoms row 0: not a list"),
    ({"symptoms": ["pain", None]}, "list item not a string"),
    ({"muscle_grades": [{"value": None, "side": None, "limb": None, "muscle": None, "time": None}]},
     "value in list item not string"),
    ({"muscle_grades": ["4/5"]}, "list item is not {value, side, limb, muscle, time}"),
    ({"patient": None}, "patients.patient row 0: missing value"),
])
def test_wrong_python_types_are_caught_while_building(change, message):
    with pytest.raises(SchemaError) as err:
        build_frames([_paper_json_with(change)], [])
    assert any(message in p for p in err.value.problems), err.value.problems


def test_extra_keys_of_a_grade_object_are_not_tabled():
    grade = {"value": "2", "side": "right", "limb": "lower", "muscle": None, "time": "presentation",
             "note": "from the figure legend"}
    frames = build_frames([_paper_json_with({"muscle_grades": [grade]})], [])
    assert frames["patients"].muscle_grades[0] == [{k: v for k, v in grade.items() if k != "note"}]


def test_nothing_is_written_when_a_table_breaks_its_schema(tmp_path, frames):
    out = tmp_path / "out"
    write_tables(frames, out, {})
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    frames["patients"].at[0, "sex"] = "unknown"
    with pytest.raises(SchemaError):
        write_tables(frames, out, {"changed": True})
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    fresh = tmp_path / "fresh"
    with pytest.raises(SchemaError):
        write_tables(frames, fresh, {})
    assert not fresh.exists()

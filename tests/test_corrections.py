"""A reviewer's corrections: applied on top of the extraction, kept across re-runs, stale ones reported."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from leakmine.cli import app
from leakmine.tables import load_tables, validate
from leakmine.tables.agreement import agreement
from leakmine.tables.build import build_frames
from leakmine.tables.corrections import (
    COLUMNS,
    Correction,
    CorrectionsError,
    apply_corrections,
    read_corrections,
    write_corrections,
)
from tables_helpers import case_result, cohort_result

PAPER = "aaaa000000000001"


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return build_frames([case_result(PAPER), cohort_result()], [])


def fix(field: str, value: str, action: str, paper: str = PAPER, patient: str = "1", line: int = 2) -> Correction:
    return Correction(line, paper, patient, field, value, action, "rev", "")


def patient(frames) -> dict:
    return frames["patients"].iloc[0].to_dict()


@pytest.mark.parametrize(("correction", "status", "extracted"), [
    (fix("leak_levels", "T12", "wrong"), "applied", True),
    (fix("leak_levels", "l3", "missing"), "applied", False),
    (fix("leak_levels", "T12", "right"), "applied", True),
    (fix("leak_levels", "T12", "missing"), "already", True),
    (fix("leak_levels", "L4", "wrong"), "stale", False),
    (fix("leak_levels", "L4", "right"), "restored", False),
    (fix("age", "81", "right"), "applied", True),
    (fix("age", "79", "missing"), "applied", False),
    (fix("sex", "female", "missing"), "applied", False),
    (fix("muscle_grades", "4+", "wrong"), "applied", True),
    (fix("leak_levels", "T12", "wrong", paper="ffff000000000009"), "stale", False),
    (fix("leak_levels", "T12", "wrong", patient="2"), "stale", False),
    (fix("leak_levels", "T12", "maybe"), "invalid", False),
    (fix("favourite_colour", "blue", "missing"), "invalid", False),
    (fix("leak_levels", "X9", "missing"), "invalid", False),
    (fix("age", "old", "missing"), "invalid", False),
    (fix("outcome", "cured", "missing"), "invalid", False),
])
def test_each_correction_gets_a_status(frames, correction, status, extracted):
    out = apply_corrections(frames, [correction])
    validate(out)
    (review,) = out["reviews"].to_dict("records")
    assert (review["status"], review["extracted"]) == (status, extracted)
    assert pd.isna(review["reason"]) == (status == "applied")


def test_wrong_value_leaves_every_table_and_its_evidence(frames):
    out = apply_corrections(frames, [fix("leak_levels", "T12", "wrong")])
    assert "T12" not in list(patient(out)["leak_levels"])
    leak = out["levels"][out["levels"].role == "leak"]
    assert leak.empty
    assert not ((out["evidence"].field == "leak_levels") & (out["evidence"].value == "T12")).any()
    assert patient(out)["source"] == "corrected"
    assert len(out["mentions"]) == len(frames["mentions"])  # what the rules found stays
    assert len(frames["levels"][frames["levels"].role == "leak"]) == 1  # pure: the input is unchanged


def test_missing_value_is_added_with_its_source(frames):
    out = apply_corrections(frames, [fix("leak_levels", "L3", "missing"), fix("treatments", "fusion", "missing"),
                                     fix("muscle_grades", "2", "missing")])
    added = out["levels"][(out["levels"].role == "leak") & (out["levels"].level == "L3")]
    assert added.source.tolist() == ["corrected"] and added.spine_order.tolist() == [22]
    assert out["treatments"].set_index("treatment").source["fusion"] == "corrected"
    grades = out["muscle_grades"]
    assert grades.grade_index.tolist() == [1, 2, 3] and grades.value.tolist()[-1] == "2"
    assert [g["value"] for g in patient(out)["muscle_grades"]] == ["3", "4+", "2"]


def test_right_value_is_confirmed_and_scalar_missing_replaces(frames):
    out = apply_corrections(frames, [fix("treatments", "hemilaminectomy", "right"), fix("age", "79", "missing")])
    assert out["treatments"].set_index("treatment").source.to_dict() == {
        "hemilaminectomy": "confirmed", "cement removal": "extracted"}
    assert patient(out)["age"] == 79 and patient(out)["source"] == "corrected"
    assert not ((out["evidence"].field == "age") & (out["evidence"].value == "81")).any()


def test_removing_a_grade_renumbers_the_rest(frames):
    out = apply_corrections(frames, [fix("muscle_grades", "3", "wrong")])
    assert out["muscle_grades"][["grade_index", "value"]].values.tolist() == [[1, "4+"]]


def test_no_corrections_changes_nothing(frames):
    assert apply_corrections(frames, []) is frames


def test_corrections_file_round_trips(tmp_path):
    path = tmp_path / "corrections.csv"
    rows = [fix("leak_levels", "T12", "wrong", line=2), Correction(3, PAPER, "1", "note", "a, \"quoted\" value",
                                                                   "missing", "Ana", "see Fig. 2")]
    write_corrections(path, rows)
    assert path.read_text().splitlines()[0] == ",".join(COLUMNS)
    assert read_corrections(path) == rows


@pytest.mark.parametrize(("content", "reason"), [
    ("paper,patient,field\n", "no value, action column"),
    (b"\xff\xfe\x00bad", "cannot read corrections"),
])
def test_unreadable_corrections_file_is_named(tmp_path, content, reason):
    path = tmp_path / "corrections.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(CorrectionsError, match=reason) as e:
        read_corrections(path)
    assert str(path) in str(e.value)


CASE = """Cement in the canal after vertebroplasty

Case presentation
A 70-year-old woman underwent vertebroplasty at L2. Computed tomography showed cement in the spinal
canal at L2. A laminectomy at L2 removed the cement, and she recovered fully.
"""


def test_corrections_survive_a_rule_change_and_stale_ones_are_reported(tmp_path, monkeypatch):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "case.txt").write_text(CASE)
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(raw), str(out)]).exit_code == 0
    t = load_tables(out)
    paper = t.papers.paper_id[0]
    corrections = tmp_path / "corrections.csv"
    write_corrections(corrections, [
        Correction(2, paper, "1", "leak_levels", "L2", "right", "rev", ""),
        Correction(3, paper, "1", "leak_levels", "L1", "missing", "rev", "on the sagittal CT"),
        Correction(4, paper, "1", "age", "70", "wrong", "rev", ""),
        Correction(5, paper, "2", "age", "50", "missing", "rev", ""),
    ])
    result = runner.invoke(app, ["run", str(raw), str(out), "--corrections", str(corrections)])
    assert result.exit_code == 0, result.output
    assert "corrections: 3 applied, 1 stale" in result.output
    t = load_tables(out)
    assert sorted(t.patients.leak_levels[0]) == ["L1", "L2"] and t.patients.age[0] is pd.NA
    assert t.reviews.status.tolist() == ["applied", "applied", "applied", "stale"]

    # A rule change: the leak level is no longer found, the age is (and stays removed).
    import leakmine.tables.build as build

    original = build.paper_rows

    def fewer_levels(result):
        for p in result.paper_json["patients"]:
            p["leak_levels"] = []
        return original(result)

    monkeypatch.setattr(build, "paper_rows", fewer_levels)
    result = runner.invoke(app, ["run", str(raw), str(out)])  # corrections.csv beside the raw folder
    assert result.exit_code == 0, result.output
    t = load_tables(out)
    assert sorted(t.patients.leak_levels[0]) == ["L1", "L2"] and t.patients.age[0] is pd.NA
    leak = t.levels[t.levels.role == "leak"].set_index("level").source.to_dict()
    assert leak == {"L2": "confirmed", "L1": "corrected"}
    assert t.reviews.status.tolist() == ["restored", "applied", "applied", "stale"]
    assert f"{corrections}:2: restored" in result.output and f"{corrections}:5: stale" in result.output


def test_agreement_counts_per_field(frames):
    out = apply_corrections(frames, [
        fix("leak_levels", "T12", "right", line=2),        # extracted, right: tp
        fix("leak_levels", "L3", "missing", line=3),       # not extracted: fn
        fix("treatments", "cement removal", "wrong", line=4),  # extracted, wrong: fp
        fix("treatments", "hemilaminectomy", "right", line=5),  # tp
        fix("treatments", "fusion", "wrong", line=6),      # not extracted, wrong: not counted
        fix("age", "81", "right", paper="ffff000000000009", line=7),  # stale: not counted
    ])
    table = agreement(out["reviews"]).set_index("field")
    assert table.loc["leak_levels", ["tp", "fp", "fn"]].tolist() == [1, 0, 1]
    assert table.loc["treatments", ["tp", "fp", "fn"]].tolist() == [1, 1, 0]
    assert table.loc["all", ["reviewed", "tp", "fp", "fn"]].tolist() == [4, 2, 1, 1]
    assert table.loc["leak_levels", "precision"] == 1.0 and table.loc["leak_levels", "recall"] == 0.5
    assert table.loc["treatments", "precision"] == 0.5 and table.loc["all", "recall"] == pytest.approx(2 / 3)


def test_agreement_command(tmp_path, frames):
    from leakmine.tables import write_tables

    runner = CliRunner()
    write_tables(frames, tmp_path / "none", {})
    result = runner.invoke(app, ["agreement", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no reviewed values" in result.output
    write_tables(apply_corrections(frames, [fix("leak_levels", "T12", "right"), fix("age", "79", "missing", line=3)]),
                 tmp_path / "out", {})
    result = runner.invoke(app, ["agreement", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line.split()[1:] for line in result.output.splitlines()}
    assert lines["field"] == ["reviewed", "tp", "fp", "fn", "precision", "recall"]
    assert lines["leak_levels"] == ["1", "1", "0", "0", "1.00", "1.00"]
    assert lines["age"] == ["1", "0", "0", "1", "-", "0.00"]


def test_run_with_an_unreadable_corrections_file_writes_nothing(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "case.txt").write_text(CASE)
    bad = tmp_path / "fixes.csv"
    bad.write_text("paper,patient\n")
    result = CliRunner().invoke(app, ["run", str(raw), str(out), "--corrections", str(bad)])
    assert result.exit_code == 2 and f"leakmine: {bad}: no field, value, action column" in result.output
    assert not (out / "patients.parquet").exists()

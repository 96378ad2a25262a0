"""The analyst questions: pandas and DuckDB SQL give the same, right answers on written tables."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from leakmine.tables import DUCKDB_NAME, load_tables, write_tables
from leakmine.tables import questions as q
from leakmine.tables.build import build_frames
from tables_helpers import case_result, grade, patient, series_result

ROOT = Path(__file__).resolve().parents[1]
SERIES = [
    patient(1, leak_locations=["intradural", "spinal canal"], leak_levels=["T12", "L1"], outcome="no recovery",
            muscle_grades=[grade("2", "presentation", "left"), grade("3-", "presentation", "right"),
                           grade("2", "follow-up", "left")]),
    patient(2, leak_locations=["foraminal"], leak_levels=["L4", "L5"], outcome="full recovery",
            muscle_grades=[grade("4", "presentation"), grade("5", "follow-up")]),
    patient(3, leak_locations=["spinal canal"], leak_levels=["L1"], outcome="no recovery"),
    patient(4, leak_locations=["venous", "pulmonary"], outcome=None,
            muscle_grades=[grade("4-", "presentation"), grade("4+", "presentation"), grade("4", "post-treatment")]),
]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    write_tables(build_frames([series_result("cccc000000000003", SERIES), case_result()], []), folder, {})
    return folder


def _both(out, ask, sql) -> tuple[pd.DataFrame, pd.DataFrame]:
    with duckdb.connect(str(out / DUCKDB_NAME), read_only=True) as con:
        cur = con.execute(sql)
        from_sql = pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])
    return ask(load_tables(out)), from_sql


def _plain(df: pd.DataFrame) -> list[list[object]]:
    return [[None if pd.isna(v) else v for v in row] for row in df.astype(object).values.tolist()]


def test_leak_locations_and_no_recovery(out):
    pandas_answer, sql_answer = _both(out, q.leak_location_outcomes, q.LEAK_LOCATION_OUTCOMES_SQL)
    expected = [["spinal canal", 2, 2], ["intradural", 1, 1], ["epidural", 1, 0], ["foraminal", 1, 0],
                ["pulmonary", 1, 0], ["venous", 1, 0]]
    assert list(pandas_answer.columns) == list(sql_answer.columns) == ["leak_location", "patients", "no_recovery"]
    assert _plain(pandas_answer) == _plain(sql_answer) == expected


def test_leak_levels_along_the_spine(out):
    pandas_answer, sql_answer = _both(out, q.leak_levels, q.LEAK_LEVELS_SQL)
    expected = [["T12", 19, 2], ["L1", 20, 2], ["L4", 23, 1], ["L5", 24, 1]]
    assert _plain(pandas_answer) == _plain(sql_answer) == expected


def test_grade_trajectories_take_the_weakest_grade_at_each_time(out):
    pandas_answer, sql_answer = _both(out, q.grade_trajectories, q.GRADE_TRAJECTORIES_SQL)
    expected = [
        ["aaaa000000000001:1", "3", "4+", None],
        ["cccc000000000003:1", "2", None, "2"],
        ["cccc000000000003:2", "4", None, "5"],
        ["cccc000000000003:4", "4-", "4", None],
    ]
    assert list(pandas_answer.columns) == list(sql_answer.columns) == ["patient_id", *q.TIMES]
    assert _plain(pandas_answer) == _plain(sql_answer) == expected


def test_questions_on_empty_tables(tmp_path):
    write_tables(build_frames([], []), tmp_path, {})
    for ask, sql in [(q.leak_location_outcomes, q.LEAK_LOCATION_OUTCOMES_SQL), (q.leak_levels, q.LEAK_LEVELS_SQL),
                     (q.grade_trajectories, q.GRADE_TRAJECTORIES_SQL)]:
        pandas_answer, sql_answer = _both(tmp_path, ask, sql)
        assert pandas_answer.empty and sql_answer.empty
        assert list(pandas_answer.columns) == list(sql_answer.columns)


DOCUMENTS = [ROOT / "docs" / "tables.md", ROOT / "README.md"]


def _blocks(document, language: str) -> list[str]:
    text = document.read_text()
    return [b.split("```", 1)[0] for b in text.split(f"```{language}\n")[1:]]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_sql_in_the_docs_runs_on_the_duckdb_file(out, document):
    statements = [s for b in _blocks(document, "sql") for s in b.split(";") if s.strip().strip("-").strip()]
    assert len(statements) >= 3
    with duckdb.connect(str(out / DUCKDB_NAME), read_only=True) as con:
        answers = [con.execute(s).fetchall() for s in statements]
    assert all(answers)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_python_in_the_docs_runs_on_the_tables(out, capsys, document):
    for block in _blocks(document, "python"):
        exec(block.replace('"data/processed"', repr(str(out))), {})
    assert "spinal canal" in capsys.readouterr().out

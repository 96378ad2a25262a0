"""Three questions a reviewer asks of the tables, each answered in pandas and in DuckDB SQL.

Each pandas function takes `load_tables(...)`'s result; each `*_SQL` runs against `leakmine.duckdb`.
Both give the same rows and columns (see tests/test_tables_questions.py), so either can be copied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from leakmine.tables.load import Tables

TIMES = ["presentation", "post-treatment", "follow-up"]

LEAK_LOCATION_OUTCOMES_SQL = """
SELECT leak_location,
       count(*) AS patients,
       count(*) FILTER (WHERE outcome = 'no recovery') AS no_recovery
FROM (SELECT unnest(leak_locations) AS leak_location, outcome FROM patients)
GROUP BY leak_location
ORDER BY no_recovery DESC, patients DESC, leak_location
"""


def leak_location_outcomes(t: Tables) -> pd.DataFrame:
    """Patients per leak location, and how many of them did not recover."""
    p = t.patients.explode("leak_locations").dropna(subset=["leak_locations"])
    out = (p.assign(no_recovery=p.outcome.eq("no recovery").fillna(False))
           .groupby("leak_locations").agg(patients=("patient_id", "size"), no_recovery=("no_recovery", "sum"))
           .rename_axis("leak_location").reset_index())
    return out.sort_values(["no_recovery", "patients", "leak_location"], ascending=[False, False, True],
                           ignore_index=True)


LEAK_LEVELS_SQL = """
SELECT level, spine_order, count(DISTINCT patient_id) AS patients
FROM levels
WHERE role = 'leak'
GROUP BY level, spine_order
ORDER BY spine_order
"""


def leak_levels(t: Tables) -> pd.DataFrame:
    """How many patients had leaked cement at each level, from head to sacrum."""
    leaks = t.levels[t.levels.role == "leak"]
    return (leaks.groupby(["level", "spine_order"]).patient_id.nunique().rename("patients").reset_index()
            .sort_values("spine_order", ignore_index=True))


GRADE_TRAJECTORIES_SQL = """
WITH graded AS (
    SELECT patient_id, time, value,
           base + CASE modifier WHEN '+' THEN 0.25 WHEN '-' THEN -0.25 ELSE 0 END AS score
    FROM muscle_grades
    WHERE time IS NOT NULL AND base IS NOT NULL
)
SELECT patient_id,
       arg_min(value, score) FILTER (WHERE time = 'presentation') AS "presentation",
       arg_min(value, score) FILTER (WHERE time = 'post-treatment') AS "post-treatment",
       arg_min(value, score) FILTER (WHERE time = 'follow-up') AS "follow-up"
FROM graded
GROUP BY patient_id
ORDER BY patient_id
"""


def grade_trajectories(t: Tables) -> pd.DataFrame:
    """Each graded patient's weakest muscle grade at presentation, after treatment and at follow-up
    ("4-" < "4" < "4+")."""
    g = t.muscle_grades.dropna(subset=["time", "base"])
    score = g.base + g.modifier.map({"+": 0.25, "-": -0.25}).astype("Float64").fillna(0)
    weakest = g.assign(score=score).sort_values("score").groupby(["patient_id", "time"]).value.first()
    return (weakest.unstack("time").reindex(columns=TIMES).rename_axis(columns=None)
            .reset_index().sort_values("patient_id", ignore_index=True))

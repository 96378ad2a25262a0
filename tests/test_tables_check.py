"""The schema check of a paper's row dicts (what a worker runs before it checkpoints a paper), and
`Column.problems`, which checks a whole column in one pass and asks `problem` value by value only
when that pass finds something that may not fit."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leakmine.tables.build import paper_rows
from leakmine.tables.check import check_rows, row_dicts
from leakmine.tables.schemas import SCHEMAS, Column, SchemaError
from tables_helpers import case_result, cohort_result

settings.register_profile("leakmine", max_examples=150, deadline=None, derandomize=True)
settings.load_profile("leakmine")


def _rows() -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[Any]] = {}
    for result in (case_result(), cohort_result()):
        for name, part in paper_rows(result).items():
            rows.setdefault(name, []).extend(part)
    return row_dicts(rows)


ROWS = _rows()


class Text(str):
    """A str of a subclass: it fits a string column, though its type is not exactly `str`."""


def test_rows_of_the_sample_papers_pass():
    check_rows(copy.deepcopy(ROWS))


@pytest.mark.parametrize(("table", "column", "value", "message"), [
    ("patients", "age", True, "patients.age row 0: not int: True"),
    ("patients", "age", 81.0, "patients.age row 0: not int: 81.0"),
    ("patients", "sex", "male", "patients.sex row 0: 'male' not in"),
    ("patients", "patient_id", None, "patients.patient_id row 0: missing value"),
    ("patients", "treated_levels", ["L1", "L6"], "'L6' does not match"),
    ("patients", "treated_levels", ("L1",), "patients.treated_levels row 0: not a list"),
    ("patients", "symptoms", ["pain", 3], "list item not a string: 3"),
    ("patients", "muscle_grades", [{"value": "4"}], "list item is not {value, side, limb, muscle, time}"),
    ("patients", "muscle_grades", [{"value": 4, "side": None, "limb": None, "muscle": None, "time": None}],
     "value in list item not string"),
    ("mentions", "boxes", [{"page": 1}], "mentions.boxes row 0: list item is not"),
    ("mentions", "label", "DRUG", "mentions.label row 0: 'DRUG' not in"),
    ("muscle_grades", "base", 7, "7 not in"),
    ("levels", "role", "index", "levels.role row 0"),
    ("cohorts", "age_mean", "70", "cohorts.age_mean row 0: not float"),
])
def test_a_value_that_does_not_fit_is_named(table, column, value, message):
    rows = copy.deepcopy(ROWS)
    rows[table][0][column] = value
    with pytest.raises(SchemaError) as err:
        check_rows(rows)
    assert any(message in p for p in err.value.problems), err.value.problems


@pytest.mark.parametrize(("table", "column", "value"), [
    ("cohorts", "age_mean", 70),          # an int in a float column
    ("patients", "sex", Text("F")),       # a str subclass
    ("patients", "symptoms", [Text("weakness")]),
    ("patients", "age", None),            # a nullable column
    ("papers", "study_type", None),
])
def test_a_value_that_fits_passes(table, column, value):
    rows = copy.deepcopy(ROWS)
    rows[table][0][column] = value
    check_rows(rows)


def test_rows_sharing_a_key_are_named():
    rows = copy.deepcopy(ROWS)
    rows["mentions"].append(dict(rows["mentions"][0]))
    rows["levels"].append(dict(rows["levels"][0]))
    with pytest.raises(SchemaError) as err:
        check_rows(rows)
    assert f"mentions: rows share a key (mention_id), e.g. [{rows['mentions'][0]['mention_id']!r}]" \
        in err.value.problems
    assert any(p.startswith("levels: rows share a key (patient_id, level, role), e.g. [") for p in err.value.problems)


def test_at_most_three_rows_are_named_per_column():
    rows = copy.deepcopy(ROWS)
    rows["mentions"] = [{**m, "label": "DRUG"} for m in rows["mentions"]]
    assert len(rows["mentions"]) > 3
    with pytest.raises(SchemaError) as err:
        check_rows(rows)
    assert [p.split(":")[0] for p in err.value.problems] == [f"mentions.label row {i}" for i in range(3)]


COLUMNS = [(name, c.name) for name, schema in SCHEMAS.items() for c in schema.columns
           if any(c.name in r for r in ROWS[name])]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 9), st.floats(allow_nan=False), st.text(max_size=4),
                    st.builds(Text, st.sampled_from(["F", "M", "L1", "pain", "x"])))
items = st.one_of(scalars, st.dictionaries(st.sampled_from(["value", "side", "page", "x0"]), scalars, max_size=3))


@pytest.mark.parametrize(("table", "column"), COLUMNS)
@given(data=st.data())
def test_one_pass_over_a_column_finds_what_each_value_asked_alone_finds(table, column, data):
    col = next(c for c in SCHEMAS[table].columns if c.name == column)
    seen = [r[column] for r in ROWS[table]]
    values = data.draw(st.lists(st.one_of(st.sampled_from(seen), scalars, st.lists(items, max_size=3)), max_size=6))
    assert col.problems(values) == [(i, why) for i, v in enumerate(values) if (why := col.problem(v))]


def test_a_nullable_list_column_holds_no_none_items():
    col = Column("t", "list<string>", True, False, None, None, ())
    assert col.problems([["a", None], None]) == [(0, "list item not a string: None")]

"""Patients listed one per row of a table: headings, age and sex cells, and tables that list no patients."""

from __future__ import annotations

import pytest

from leakmine.components.table_row.normalize import heading_key, parse_age_sex, parse_follow_up, patient_rows
from story_helpers import mine


def table(heading: str, *rows: str) -> str:
    return "\n".join([heading, *rows])


@pytest.mark.parametrize("heading", [
    "Case | Age (years) | Sex | Level",
    "Patient | Age | Gender | Level",
    "No. | Age, y | Sex | Levels",
    "# | Age/Sex | Fracture level",
    "Pt | Age (yr)/sex | Treated level",
    "Case no. | Sex/Age | Vertebral level",
    "Patient no. | Age and sex | Level",
    "ID | Age [years] | Sex | Augmented levels",
    "Case | Age at surgery | Sex | Level",
    "Patient number | AGE | SEX | LEVEL",
])
def test_headings_that_name_an_age_or_sex_column(heading):
    age_sex = "age" in heading.lower() and "sex" in heading.lower() and heading.count("|") == 2
    rows = ["1 | 67/F | L1", "2 | 72/M | T12"] if age_sex else ["1 | 67 | F | L1", "2 | 72 | M | T12"]
    found = patient_rows(table(heading, *rows))
    assert [(r.age[1], r.sex[1]) for r in found] == [(67, "F"), (72, "M")]


@pytest.mark.parametrize("cell, expected", [
    ("67/F", (67, "F")), ("F/67", (67, "F")), ("67 M", (67, "M")), ("male, 54", (54, "M")),
    ("54 y/F", (54, "F")), ("W/81", (81, "F")), ("80, female", (80, "F")), ("M 45", (45, "M")),
    ("71 years / male", (71, "M")), ("F/ 59", (59, "F")),
])
def test_age_and_sex_in_one_cell(cell, expected):
    assert parse_age_sex(cell) == expected


@pytest.mark.parametrize("cell, unit, expected", [
    ("24", "months", "24 months"), ("6 mo", None, "6 months"), ("2 years", None, "2 years"),
    ("18", "mo", "18 months"), ("1", "year", "1 year"), ("12 m", "months", None), ("NA", "months", None),
])
def test_follow_up_cells(cell, unit, expected):
    assert parse_follow_up(cell, unit) == expected


@pytest.mark.parametrize("text", [
    table("Variable | Leakage (n = 48) | No leakage (n = 264)", "Age | 71.2 ± 8.1 | 69.8 ± 9.0",
          "Female sex | 36 (75%) | 190 (72%)"),
    table("Case | Age | Sex", "1 | 67 | F"),
    table("Level | Leakage | Volume", "L1 | epidural | 4 mL", "T12 | none | 3 mL"),
    table("Age group | n | Leakage", "60-69 | 40 | 8", "70-79 | 52 | 12"),
    "Case | Age | Sex\n\n1 | 67 | F\n2 | 72 | M",
])
def test_tables_that_list_no_patients(text):
    assert patient_rows(text) == []


def test_heading_keys_drop_units_and_punctuation():
    assert heading_key("Follow-up (months)") == "follow up"
    assert heading_key("Age, y") == "age y"


PAPER = """Neurological deficits after vertebroplasty: a case series

Abstract
We describe four patients with neurological deficits after cement leakage following vertebroplasty.

Table 1. Patient characteristics
Case | Age (years) | Sex | Level | Leakage site | Symptoms | Treatment | Outcome | Follow-up (months)
1 | 67 | F | L1 | epidural | paraparesis | laminectomy and cement removal | improved | 24
2 | 72 | M | T12 | foraminal | radicular pain | steroids | complete recovery | 6
3 | 80/F | | L2-L3 | intradural | paraplegia | durotomy and cement removal | no improvement | 12
"""


def test_a_case_series_told_in_its_table(tmp_path):
    paper = mine(tmp_path, PAPER)
    assert paper["paper"]["study_type"] == "case series"
    got = [(p["age"], p["sex"], p["treated_levels"], p["leak_locations"], p["treatments"], p["outcome"],
            p["follow_up"], p["index_procedures"]) for p in paper["patients"]]
    assert got == [
        (67, "F", ["L1"], ["epidural"], ["laminectomy", "cement removal"], "improved", "24 months",
         ["vertebroplasty"]),
        (72, "M", ["T12"], ["foraminal"], ["steroids"], "full recovery", "6 months", ["vertebroplasty"]),
        (80, "F", ["L2", "L3"], ["intradural"], ["durotomy", "cement removal"], "no recovery", "12 months",
         ["vertebroplasty"]),
    ]

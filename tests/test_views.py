"""`leakmine extract --format table`: per-patient cards in the terminal, from real pipeline output."""

from __future__ import annotations

import pytest
from rich.console import Console
from typer.testing import CliRunner

from leakmine.cli import app
from leakmine.components.level.normalize import ORDER
from leakmine.pipeline import process_file
from leakmine.report.build import (
    FIELD_NAMES,
    PATIENT_FIELDS,
    SEX_NAMES,
    Field,
    Grade,
    PatientCard,
    Value,
    show,
)
from leakmine.views import patient_panel, print_table

PAPERS = {
    "case.txt": """Late leg weakness after kyphoplasty

Case report
A 58-year-old man underwent balloon kyphoplasty at T12 and L1 for painful fractures. Three days later
he developed weakness of the left leg. CT showed cement in the epidural space at L1. Ankle
dorsiflexion on the left was 3/5. He underwent a hemilaminectomy at L1 and the cement was removed.
At follow-up after 6 months, dorsiflexion was 5/5.
""",
    "review.txt": """Symptomatic leakage after augmentation: a single-centre review

Results
Of 960 treated vertebrae, 12 patients (12/960) had symptomatic leakage. There were 5 men and 7 women,
with a mean age of 69.5 years (69.5 ± 9.2 years).
""",
    "note.txt": """Cement viscosity and injection pressure

Introduction
This technical note compares the viscosity of three bone cements measured in a laboratory rig.
""",
}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("views")
    out = {}
    for name, text in PAPERS.items():
        (folder / name).write_text(text)
        out[name] = process_file(folder / name)
    return folder, out


def shown(results) -> str:
    console = Console(record=True, width=130, color_system=None)
    print_table(results, console=console)
    return console.export_text()


def _line(field: str, value) -> str:
    if isinstance(value, list):
        if "levels" in field:
            value = sorted(value, key=ORDER.index)
        text = ", ".join(value) if value else "—"
    elif value is None:
        text = "—"
    else:
        text = SEX_NAMES.get(value, value) if field == "sex" else show(value)
    return f"{FIELD_NAMES.get(field, field)} {text}"


def lines(text: str) -> list[str]:
    """The printed lines without card borders, runs of spaces made one."""
    return [" ".join(line.strip(" │").split()) for line in text.splitlines()]


def test_patient_card_shows_every_field_as_the_json_has_it(results):
    _, out = results
    text = shown(out["case.txt"])
    paper = out["case.txt"][0].paper_json
    assert paper["paper"]["title"] in text
    assert paper["patients"], "the case report should give a patient"
    for p in paper["patients"]:
        assert f"Patient {p['patient']}" in text
        for field in PATIENT_FIELDS:
            assert _line(field, p[field]) in lines(text), field


def test_grades_are_listed_with_their_time_points(results):
    _, out = results
    text = shown(out["case.txt"])
    grades = [g for p in out["case.txt"][0].paper_json["patients"] for g in p["muscle_grades"]]
    assert grades and "muscle grades" in text
    rows = [line.strip(" │").split() for line in text.splitlines()]
    for g in grades:
        assert [g["time"] or "—", g["value"], g["side"] or "—"] in [r[:3] for r in rows]


def test_cohorts_are_shown_as_cards(results):
    _, out = results
    text = shown(out["review.txt"])
    (cohort,) = out["review.txt"][0].paper_json["cohorts"]
    assert "Cohort 1" in text and "0 patients, 1 cohort" in text
    for field in ("n_patients", "n_male", "n_female", "age_mean", "denominator"):
        assert _line(field, cohort[field]) in lines(text)


def test_paper_without_patients_says_so(results):
    _, out = results
    if out["note.txt"][0].paper_json["patients"]:
        pytest.fail("a technical note has no patients")
    assert "No patients or cohorts found." in shown(out["note.txt"])


def test_cli_prints_the_cards(results):
    folder, _ = results
    result = CliRunner().invoke(app, ["extract", str(folder / "case.txt"), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "Patient 1" in result.stdout and "leak levels" in result.stdout


@pytest.mark.parametrize("text", ["[bold]L2[/bold]", "[red]", "a [b]c[/] d", "4+/5 \\[x]"])
def test_values_are_printed_literally_not_as_markup(text):
    card = PatientCard("p:1", "p", 1, f"Patient 1 {text}", (Field("leak levels", (Value(text),)),),
                       (Grade("presentation", Value(text), text, None, None),))
    console = Console(record=True, width=100, color_system=None)
    console.print(patient_panel(card))
    out = console.export_text()
    assert out.count(text) == 4  # heading, field, grade, side

"""Terminal views of extraction results: per-patient cards (rich) and a mentions CSV.

The cards show the same model as the HTML report (`leakmine.report.build`): the paper's header, each
patient's fields, the muscle grades with their time points, and the cohorts.
"""

from __future__ import annotations

import csv
import sys

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from leakmine.pipeline import PaperResult
from leakmine.report.build import (
    CohortCard,
    Field,
    PaperCard,
    PatientCard,
    paper_cards,
)
from leakmine.tables import Tables
from leakmine.tables.build import build_frames

MENTION_COLUMNS = ("paper_id", "section_kind", "start_char", "end_char", "label", "value", "text",
                   "negated", "historical", "hypothetical", "rule_id", "sentence")
MISSING = Text("—", style="dim")


def print_csv(results: list[PaperResult]) -> None:
    w = csv.writer(sys.stdout)
    w.writerow(MENTION_COLUMNS)
    for r in results:
        for m in r.mentions:
            w.writerow([getattr(m, c) for c in MENTION_COLUMNS])


def _values(field: Field) -> Text:
    return Text(", ".join(v.text for v in field.values)) if field.values else MISSING


def _cell(text: str | None) -> Text:
    return Text(text) if text else MISSING


def _fields(fields: tuple[Field, ...]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="cyan", no_wrap=True)
    grid.add_column()
    for f in fields:
        grid.add_row(f.name, _values(f))
    return grid


def _card(heading: str, parts: list[Table]) -> Panel:
    return Panel(Group(*parts), title=Text(heading, style="bold"), title_align="left", expand=False)


def patient_panel(p: PatientCard) -> Panel:
    parts = [_fields(p.fields)]
    if p.grades:
        grades = Table("time", "grade", "side", "limb", "muscle", title="muscle grades (MRC 0-5)",
                       box=box.SIMPLE_HEAD, title_justify="left", title_style="cyan", pad_edge=False,
                       show_edge=False)
        for g in p.grades:
            grades.add_row(_cell(g.time), Text(g.value.text, style="bold"), _cell(g.side), _cell(g.limb),
                           _cell(g.muscle))
        parts.append(grades)
    return _card(p.heading, parts)


def cohort_panel(c: CohortCard) -> Panel:
    return _card(f"Cohort {c.cohort}", [_fields(c.fields)])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def paper_header(p: PaperCard) -> Text:
    facts = [x for x in (p.byline, p.doi and f"doi:{p.doi}", p.study_type) if x]
    head = Text(" · ".join(facts) or "no bibliographic details", style="bold" if facts else "dim")
    head.append(f"\n{p.source} · {_count(len(p.patients), 'patient')}, {_count(len(p.cohorts), 'cohort')}",
                style="dim")
    return head


def print_table(results: list[PaperResult], console: Console | None = None) -> None:
    """Each paper's header, then one card per patient and per cohort."""
    console = console or Console()
    for p in paper_cards(Tables(**build_frames(results, []))):
        console.rule(Text(p.title, style="bold"))
        console.print(paper_header(p))
        for patient in p.patients:
            console.print(patient_panel(patient))
        for cohort in p.cohorts:
            console.print(cohort_panel(cohort))
        if not p.patients and not p.cohorts:
            console.print(Text("No patients or cohorts found.", style="dim italic"))

"""Terminal views of extraction results: a readable table (rich) and a mentions CSV."""

from __future__ import annotations

import csv
import json
import sys

from rich.console import Console
from rich.table import Table

from leakmine.pipeline import PaperResult

MENTION_COLUMNS = ("paper_id", "section_kind", "start_char", "end_char", "label", "value", "text",
                   "negated", "historical", "hypothetical", "rule_id", "sentence")


def print_csv(results: list[PaperResult]) -> None:
    w = csv.writer(sys.stdout)
    w.writerow(MENTION_COLUMNS)
    for r in results:
        for m in r.mentions:
            w.writerow([getattr(m, c) for c in MENTION_COLUMNS])


def print_table(results: list[PaperResult]) -> None:
    console = Console()
    for r in results:
        paper = r.paper_json["paper"]
        console.rule(f"{paper.get('title') or r.document.source_path}")
        for p in r.paper_json["patients"]:
            t = Table(title=f"Patient {p['patient']}", show_header=False)
            for key, value in p.items():
                if key == "patient":
                    continue
                shown = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)
                t.add_row(key, shown)
            console.print(t)
        for c in r.paper_json["cohorts"]:
            console.print(f"Cohort: {c}")

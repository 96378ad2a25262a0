"""One CSV row per span that supports a patient value: the reviewer's checklist in a spreadsheet."""

from __future__ import annotations

import csv
from pathlib import Path

from leakmine.export import Paper

NAME = "annotations.csv"
COLUMNS = ("paper", "patient", "field", "value", "start", "end", "text", "label", "rule_id", "page", "mention_id")


def write_csv(papers: list[Paper], target: Path) -> list[Path]:
    with (target / NAME).open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for p in papers:
            for v in p.values:
                s = v.span
                w.writerow([p.paper_id, v.patient, v.field, v.value, s.start, s.end, s.text, s.label, s.rule_id,
                            s.page or "", s.mention_id])
    return [target / NAME]

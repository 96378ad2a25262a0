"""A reviewer's corrections applied paper by paper while the tables are written.

Corrections name a paper, so each unit's rows take the lines about its papers
(`tables.corrections.apply_corrections` over that unit's tables, in file order); lines about papers
that no unit holds are reviewed against empty tables, which marks them stale. The `reviews` rows are
kept (one per line of the file) and written last.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from leakmine.tables.build import build_frames, frame
from leakmine.tables.records import TABLES
from leakmine.tables.schemas import SCHEMAS

Rows = dict[str, list[dict[str, Any]]]
CORRECTED = ("patients", "levels", "treatments", "muscle_grades", "evidence", "reviews")


class Fixes:
    def __init__(self, path: Path | None):
        self.path = path
        self.by_paper: dict[str, list[Any]] = {}
        self.done: list[dict[str, Any]] = []
        if path is None:  # the corrections code (and pandas) is imported only when there are corrections
            return
        from leakmine.tables.corrections import read_corrections

        for c in read_corrections(path):
            self.by_paper.setdefault(c.paper, []).append(c)

    def concern(self, papers: set[str]) -> bool:
        """Whether a correction not yet applied names one of `papers`."""
        return any(p in self.by_paper for p in papers)

    def apply(self, rows: Rows) -> Rows:
        """One unit's rows with the corrections about its papers applied."""
        mine = sorted((c for p in rows["papers"] for c in self.by_paper.pop(p["paper_id"], [])),
                      key=lambda c: c.line)
        if not mine:
            return rows
        from leakmine.tables.corrections import _records, apply_corrections

        frames = {name: frame(SCHEMAS[name], [TABLES[name](**r) for r in rows.get(name, [])]) for name in SCHEMAS}
        fixed = apply_corrections(frames, mine)
        self.done.extend(_records(fixed["reviews"]))
        return {**rows, **{name: _records(fixed[name]) for name in CORRECTED if name != "reviews"}}

    def reviews(self) -> list[dict[str, Any]]:
        """Every line's review, lines about absent papers included, in file order."""
        left = sorted((c for cs in self.by_paper.values() for c in cs), key=lambda c: c.line)
        self.by_paper = {}
        if left:
            from leakmine.tables.corrections import _records, apply_corrections

            self.done.extend(_records(apply_corrections(build_frames([], []), left)["reviews"]))
        self.done.sort(key=lambda r: r["line"])
        return self.done

    def counts(self) -> dict[str, int]:
        return dict(Counter(r["status"] for r in self.done).most_common())

    def warnings(self) -> list[str]:
        if not self.done:
            return []
        from leakmine.tables.corrections import review_warnings

        table = frame(SCHEMAS["reviews"], [TABLES["reviews"](**r) for r in self.done])
        return review_warnings(table, self.path)

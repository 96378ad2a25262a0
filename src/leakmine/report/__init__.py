"""The HTML report over leakmine's tables: `write_report(out_dir)` writes `out_dir/report.html`.

`build` turns the tables into a report model, `plots` draws its SVG plots, `html` renders the page.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from leakmine.report.build import Quote, Report, build_report
from leakmine.report.html import render
from leakmine.report.pages import page_crops
from leakmine.tables import load_tables

REPORT_NAME = "report.html"

__all__ = ["REPORT_NAME", "Report", "build_report", "render", "write_report"]


def quotes(r: Report) -> list[Quote]:
    """Every evidence quote of the report's patient and cohort cards."""
    out = []
    for paper in r.papers:
        for card in (*paper.patients, *paper.cohorts):
            values = [v for f in card.fields for v in f.values] + [g.value for g in getattr(card, "grades", ())]
            out.extend(q for v in values for q in v.quotes)
    return out


def write_report(out_dir: str | Path, pages: bool = True) -> Path:
    """Read the tables in `out_dir` and write the report next to them, atomically (temp file + rename).

    With `pages`, quotes from PDF papers show a crop of the printed page (read from the PDF files).
    """
    out_dir = Path(out_dir)
    tables = load_tables(out_dir)
    model = build_report(tables)
    pdfs = {p.paper_id: p.source_path for p in tables.papers.itertuples() if p.source_format == "pdf"}
    crops = page_crops(quotes(model), pdfs) if pages else {}
    page = render(model, str(out_dir), crops)
    target = out_dir / REPORT_NAME
    fd, tmp = tempfile.mkstemp(prefix=f".{REPORT_NAME}.", suffix=".tmp", dir=out_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(page)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target

"""The HTML report over leakmine's tables: `write_report(out_dir)` writes `out_dir/report.html`.

`build` turns the tables into a report model, `plots` draws its SVG plots, `html` renders the page.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from leakmine.report.build import Report, build_report
from leakmine.report.html import render
from leakmine.tables import load_tables

REPORT_NAME = "report.html"

__all__ = ["REPORT_NAME", "Report", "build_report", "render", "write_report"]


def write_report(out_dir: str | Path) -> Path:
    """Read the tables in `out_dir` and write the report next to them, atomically (temp file + rename)."""
    out_dir = Path(out_dir)
    page = render(build_report(load_tables(out_dir)), str(out_dir))
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

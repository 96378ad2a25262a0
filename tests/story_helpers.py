"""Mine a short synthetic paper end to end (ingest, extract, assemble) and return its contract JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leakmine.pipeline import process_file


def mine(tmp_path: Path, text: str, name: str = "paper.txt") -> dict[str, Any]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (result,) = process_file(path)
    return result.paper_json


def case_report(title: str, abstract: str) -> str:
    """A pasted abstract page: title, a blank line, the abstract."""
    return f"{title}\n\nAbstract\n{abstract}\n"

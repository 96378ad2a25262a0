"""A sample PDF, rendered in two columns with running headers, mines like the text it came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from leakmine.pipeline import process_file

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "pipelines" / "pdf_sources").glob("*.txt"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_pdf_extraction_equals_text_extraction(source):
    pdf = ROOT / "data" / "raw" / f"{source.stem}.pdf"
    from_text = process_file(source)[0].paper_json
    from_pdf = process_file(pdf)[0].paper_json
    assert from_pdf["patients"] == from_text["patients"]
    assert from_pdf["cohorts"] == from_text["cohorts"]
    for field in ("title", "doi", "year", "first_author"):
        assert from_pdf["paper"][field] == from_text["paper"][field], field

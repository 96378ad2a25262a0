"""`leakmine run --screen`: every paper keeps its papers row; a screened-out paper is marked and
unmined; no paper the extractors find something in is lost (the sample corpus and an off-field paper)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from leakmine.batch import Options, run_batch
from leakmine.nlp import load_pipeline
from leakmine.screen import SCREENED
from leakmine.tables import load_tables

ROOT = Path(__file__).resolve().parents[1]
OFF_FIELD = ("Shift length and sleep among hospital nurses: a survey\n\nAbstract\n\nWe surveyed 300 nurses "
             "of four hospitals about shift length and sleep. Nurses on twelve-hour shifts slept 41 minutes "
             "less before a working day than those on eight-hour shifts. Sleepiness scores rose with the "
             "number of consecutive night shifts.\n")


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> tuple[dict, dict, object]:
    load_pipeline()
    tmp = tmp_path_factory.mktemp("screen")
    raw = tmp / "raw"
    shutil.copytree(ROOT / "data" / "raw", raw)
    (raw / "nurses_sleep.txt").write_text(OFF_FIELD)
    full = run_batch(raw, tmp / "full", Options())
    screened = run_batch(raw, tmp / "screened", Options(screen=True))
    return load_tables(tmp / "full"), load_tables(tmp / "screened"), (full, screened)


def test_screen_keeps_every_papers_row_and_marks_the_ones_it_passes_by(runs):
    full, screened, (full_summary, screened_summary) = runs
    assert sorted(full.papers.paper_id) == sorted(screened.papers.paper_id)
    assert not full.papers.screened_out.any()
    out = screened.papers[screened.papers.screened_out]
    assert list(out.title) == ["Shift length and sleep among hospital nurses: a survey"]
    assert not screened.mentions.paper_id.isin(out.paper_id).any()
    assert screened_summary.screened_out == 1 and "1 screened out" in screened_summary.line()
    assert full_summary.screened_out == 0 and full_summary.papers == screened_summary.papers


def test_screen_loses_no_paper_the_extractors_find_something_in(runs):
    full, screened, _ = runs
    found = set(full.mentions[full.mentions.label.isin(SCREENED)].paper_id)
    assert found and found.isdisjoint(screened.papers[screened.papers.screened_out].paper_id)
    kept = screened.papers[~screened.papers.screened_out].paper_id
    for name in ("mentions", "patients", "cohorts", "evidence"):
        a = full[name][full[name].paper_id.isin(kept)].reset_index(drop=True)
        b = screened[name].reset_index(drop=True)
        assert a.equals(b), name

"""Golden tests: each sample paper in data/raw gives exactly its checked-in JSON.

A difference means leakmine's output changed: if the change is intended, regenerate with
`python pipelines/regen_golden.py` and review the diff before committing it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLDEN = ROOT / "tests" / "golden"
_spec = importlib.util.spec_from_file_location("regen_golden", ROOT / "pipelines" / "regen_golden.py")
regen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regen)

SAMPLES = sorted(p for p in RAW.iterdir() if p.is_file() and not p.name.startswith("."))


def test_sample_corpus_is_complete():
    assert len([p for p in SAMPLES if p.suffix == ".txt"]) >= 8
    assert len([p for p in SAMPLES if p.suffix == ".pdf"]) >= 3
    assert sorted(g.name for g in GOLDEN.glob("*.json")) == sorted(f"{p.name}.json" for p in SAMPLES)


@pytest.mark.parametrize("paper", SAMPLES, ids=lambda p: p.name)
def test_sample_matches_golden(paper):
    expected = json.loads((GOLDEN / f"{paper.name}.json").read_text(encoding="utf-8"))
    assert json.loads(regen.golden_json(paper)) == expected

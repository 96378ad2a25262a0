"""`leakmine run` over a small raw folder: error rows, cache, byte-identical reruns, workers, evidence."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from leakmine import batch
from leakmine.cli import app
from leakmine.pipeline import process_file
from leakmine.tables import DUCKDB_NAME, SCHEMAS, load_tables

PAPERS = {
    "vp_canal.txt": """Paraparesis from cement in the spinal canal after vertebroplasty

Case presentation
A 68-year-old woman with an osteoporotic compression fracture of L1 underwent percutaneous
vertebroplasty at L1. Six hours later she reported weakness of both legs. Computed tomography
showed cement in the spinal canal from T12 to L1. Laminectomy at T12 and L1 was performed and
the cement was removed.
""",
    "bkp_foramen.txt": """Radicular pain after balloon kyphoplasty

Case report
A 74-year-old man received balloon kyphoplasty of L3 and L4 for painful fractures. On the
next day he described burning pain along the left thigh. Cement had entered the left L3/4
foramen. The fragment was excised through a hemilaminectomy of L3.
""",
}
UNREADABLE = {"scanned.pdf": b"%PDF-1.5\n\x00\x9f\x12 not really a pdf \xff\xfe", "blank.txt": b""}


def make_raw(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, text in PAPERS.items():
        (folder / name).write_text(text)
    for name, data in UNREADABLE.items():
        (folder / name).write_bytes(data)
    (folder / ".notes").write_text("hidden files are not papers")
    return folder


def run(raw: Path, out: Path, *extra: str):
    return CliRunner().invoke(app, ["run", str(raw), str(out), *extra])


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture(autouse=True)
def fixed_code(monkeypatch):
    """Other edits to the package while tests run must not change the cache key under a test."""
    monkeypatch.setattr(batch, "code_hash", lambda: "code-v1")


@pytest.fixture
def first_run(tmp_path):
    raw, out = make_raw(tmp_path / "raw"), tmp_path / "out"
    result = run(raw, out)
    return raw, out, result


def test_unreadable_files_become_error_rows_and_the_run_exits_1(first_run):
    raw, out, result = first_run
    assert result.exit_code == 1, result.output
    assert "4 files (4 processed, 0 unchanged): 2 papers, 2 errors" in result.stdout
    t = load_tables(out)
    assert sorted(t.errors.source_path) == sorted(str(raw / n) for n in UNREADABLE)
    blank = t.errors.set_index("source_path").loc[str(raw / "blank.txt")]
    assert blank.stage == "ingest" and "empty" in blank.reason
    assert sorted(t.papers.source_path) == sorted(str(raw / n) for n in PAPERS)


def test_second_run_does_no_work_and_leaves_identical_bytes(first_run):
    raw, out, _ = first_run
    before = snapshot(out)
    again = run(raw, out)
    assert again.exit_code == 1
    assert "4 files (0 processed, 4 unchanged)" in again.stdout
    assert snapshot(out) == before
    assert sorted(before) == sorted(
        [f"{t}.{ext}" for t in SCHEMAS for ext in ("parquet", "csv")]
        + [DUCKDB_NAME, "_meta.json"])


def test_only_changed_inputs_or_code_are_redone(first_run, monkeypatch):
    raw, out, _ = first_run
    (raw / "bkp_foramen.txt").write_text(PAPERS["bkp_foramen.txt"] + "\nShe recovered fully.\n")
    assert "(1 processed, 3 unchanged)" in run(raw, out).stdout
    (raw / "blank.txt").unlink()
    assert "3 files (0 processed, 3 unchanged): 2 papers, 1 errors" in run(raw, out).stdout
    assert len(list((out / ".cache").glob("*.pickle"))) == 3
    monkeypatch.setattr(batch, "code_hash", lambda: "code-v2")
    assert "(3 processed, 0 unchanged)" in run(raw, out).stdout


def test_workers_write_the_same_tables(first_run, tmp_path):
    raw, out, _ = first_run
    result = run(raw, tmp_path / "parallel", "--workers", "2")
    assert result.exit_code == 1, result.output
    tables = {k: v for k, v in snapshot(tmp_path / "parallel").items() if k.endswith((".parquet", ".csv"))}
    assert tables == {k: v for k, v in snapshot(out).items() if k.endswith((".parquet", ".csv"))}


def test_every_level_evidence_refinds_its_words_in_the_sections_text(first_run):
    _, out, _ = first_run
    t = load_tables(out)
    texts = {pid: "\n\n".join(g.sort_values("section_index").text) for pid, g in t.sections.groupby("paper_id")}
    mentions = t.mentions.set_index("mention_id")
    checked = 0
    for paper_id, ids in zip(t.levels.paper_id, t.levels.evidence, strict=True):
        for mid in ids:
            m = mentions.loc[mid]
            assert m.paper_id == paper_id
            assert texts[paper_id][m.start_char:m.end_char] == m.text
            assert m.text in m.sentence
            assert texts[paper_id][m.sentence_start:m.sentence_start + len(m.sentence)] == m.sentence
            checked += 1
    assert checked >= len(t.levels) > 0


def test_duckdb_file_joins_patients_levels_and_mentions(first_run):
    _, out, _ = first_run
    t = load_tables(out)
    with duckdb.connect(str(out / DUCKDB_NAME), read_only=True) as con:
        rows = con.execute("""
            SELECT p.patient_id, l.level, l.role, m.start_char, m.end_char, m.text, m.sentence
            FROM patients p
            JOIN levels l ON l.patient_id = p.patient_id
            JOIN mentions m ON list_contains(l.evidence, m.mention_id)
        """).fetchall()
    assert len(rows) == sum(len(e) for e in t.levels.evidence) > 0
    assert all(text in sentence for *_, text, sentence in rows)


def test_same_paper_twice_is_tabled_once(tmp_path):
    raw = make_raw(tmp_path / "raw")
    shutil.copy(raw / "vp_canal.txt", raw / "vp_canal_copy.txt")
    result = run(raw, tmp_path / "out")
    assert "2 papers, 1 duplicate papers skipped, 2 errors" in result.stdout
    assert len(load_tables(tmp_path / "out").papers) == 2


def _broken(path):
    return [dataclasses.replace(r, paper_json={**r.paper_json, "patients": [
        {**p, "sex": "unknown"} for p in r.paper_json["patients"]]}) for r in process_file(path)]


def test_tables_that_break_their_schema_are_not_written(tmp_path, monkeypatch):
    raw = make_raw(tmp_path / "raw")
    monkeypatch.setattr(batch, "process_file", _broken)
    result = run(raw, tmp_path / "out")
    assert result.exit_code == 2
    assert "patients.sex row 0: 'unknown' not in ['F', 'M']" in result.stderr
    assert not list((tmp_path / "out").glob("*.parquet"))


def test_a_missing_raw_folder_is_a_usage_error(tmp_path):
    result = run(tmp_path / "nowhere", tmp_path / "out")
    assert result.exit_code == 2
    assert "not a folder" in result.stderr

"""`leakmine run` over a small raw folder: error rows, checkpoints, byte-identical reruns, workers,
evidence, duplicates, skipped files, shards."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import tempfile
import time
import traceback
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from leakmine.batch import Options, run_batch, work
from leakmine.batch import run as batch_run
from leakmine.batch.checkpoint import Checkpoints
from leakmine.batch.inputs import skip_reason
from leakmine.batch.pool import UnitLimits, run_local
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
    """Every file of an output folder, hidden ones included, and where its links point."""
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
             if p.is_file() and not p.is_symlink()}
    links = {p.name: str(p.readlink()).encode() for p in out.iterdir() if p.is_symlink()}
    return {**files, **links}


def tables(out: Path) -> dict[str, bytes]:
    """The Parquet and CSV bytes of the published tables, by table."""
    return {p.relative_to(out / "tables").as_posix(): p.read_bytes()
            for p in sorted((out / "tables").rglob("*")) if p.suffix in (".parquet", ".csv")}


@pytest.fixture(autouse=True)
def fixed_code(monkeypatch):
    """Other edits to the package while tests run must not change the checkpoint keys under a test."""
    monkeypatch.setattr(batch_run, "run_key", lambda *_: "code-v1")


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
    assert {name.split("/")[0] for name in tables(out)} == set(SCHEMAS)
    assert {"_meta.json", DUCKDB_NAME, "tables"} <= set(before)


def test_only_changed_inputs_or_code_are_redone(first_run, monkeypatch):
    raw, out, _ = first_run
    (raw / "bkp_foramen.txt").write_text(PAPERS["bkp_foramen.txt"] + "\nShe recovered fully.\n")
    assert "(1 processed, 3 unchanged)" in run(raw, out).stdout
    (raw / "blank.txt").unlink()
    assert "3 files (0 processed, 3 unchanged): 2 papers, 1 errors" in run(raw, out).stdout
    assert len(list((out / ".cache").glob("*.entry"))) == 3
    monkeypatch.setattr(batch_run, "run_key", lambda *_: "code-v2")
    assert "(3 processed, 0 unchanged)" in run(raw, out).stdout


def test_workers_write_the_same_tables(first_run, tmp_path):
    raw, out, _ = first_run
    result = run(raw, tmp_path / "parallel", "--workers", "2")
    assert result.exit_code == 1, result.output
    assert tables(tmp_path / "parallel") == tables(out)


@pytest.mark.parametrize("store", [True, False])
def test_local_workers_checkpoint_their_results_and_send_back_headers_only(tmp_path, store):
    raw = make_raw(tmp_path / "raw")
    ckpt = Checkpoints(tmp_path / "cache") if store else None
    units = [work.Unit(f"key{i}", str(raw / name)) for i, name in enumerate(["vp_canal.txt", "blank.txt"])]
    got = {}
    run_local(units, 2, UnitLimits(), lambda unit, result: got.setdefault(unit.key, result), ckpt)
    assert got["key0"].header["papers"] and got["key1"].header["error"]["stage"] == "ingest"
    assert (got["key0"].tables is None) is store  # the rows stay in the worker once checkpointed
    for key, result in got.items():
        assert result.saved is store
        if store:
            assert {k: v for k, v in ckpt.header(key).items() if k in result.header} == result.header
    if store:
        assert ckpt.tables("key0")["mentions"].num_rows and not ckpt.tables("key1")


def test_a_cluster_worker_sends_back_the_entry_a_local_save_would_write(tmp_path):
    """A Dask worker may not see the output folder: it encodes the unit's entry, and this process
    writes the very bytes saving the rows here would have written."""
    from leakmine.batch import cluster

    unit = work.Unit("key0", str(make_raw(tmp_path / "raw") / "vp_canal.txt"))
    sent = cluster._mine_checked(unit)
    assert sent.tables is None and sent.entry and not sent.saved
    mined = work.mine(unit)
    here, there = Checkpoints(tmp_path / "here"), Checkpoints(tmp_path / "there")
    here.save(unit.key, mined.header, mined.tables)
    there.write(unit.key, sent.entry, sent.header)
    assert there.path(unit.key).read_bytes() == here.path(unit.key).read_bytes()
    assert Checkpoints(there.folder).header(unit.key) == there.header(unit.key) == here.header(unit.key)


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


def _broken(path, screen=False):
    return [dataclasses.replace(r, paper_json={**r.paper_json, "patients": [
        {**p, "sex": "unknown"} for p in r.paper_json["patients"]]}) for r in process_file(path, screen=screen)]


def test_tables_that_break_their_schema_are_not_written(tmp_path, monkeypatch):
    raw = make_raw(tmp_path / "raw")
    monkeypatch.setattr(work, "process_file", _broken)
    result = run(raw, tmp_path / "out")
    assert result.exit_code == 2
    assert "patients.sex row 0: 'unknown' not in ['F', 'M']" in result.stderr
    assert not list((tmp_path / "out").rglob("*.parquet"))


def test_a_missing_raw_folder_is_a_usage_error(tmp_path):
    result = run(tmp_path / "nowhere", tmp_path / "out")
    assert result.exit_code == 2
    assert "not a folder" in result.stderr


def _spoil_one_entry_and_add_a_paper(raw: Path, out: Path, spoil) -> str:
    entry = sorted((out / ".cache").glob("*.entry"))[0]
    entry.write_bytes(spoil(entry.read_bytes()))
    (raw / "again.txt").write_text(PAPERS["vp_canal.txt"].replace("68-year-old", "71-year-old"))
    return run(raw, out).stdout


def test_a_corrupt_checkpoint_is_mined_again(first_run, tmp_path):
    raw, out, _ = first_run
    assert "(2 processed, 3 unchanged)" in _spoil_one_entry_and_add_a_paper(raw, out, lambda b: b[:-20])
    run(raw, tmp_path / "fresh")
    assert tables(out) == tables(tmp_path / "fresh")


def test_an_entry_cannot_run_code(first_run):
    """Checkpoints are JSON: a pickle planted under an entry's name is refused as corrupt."""
    import pickle

    raw, out, _ = first_run
    planted = pickle.dumps(ValueError("planted"))
    assert "(2 processed, 3 unchanged)" in _spoil_one_entry_and_add_a_paper(raw, out, lambda _: planted)


@pytest.mark.parametrize("name, paper", [
    ("case.pdf", True), ("export.ris", True), ("records.xml.gz", True), ("page.HTML", True),
    ("table.csv", False), ("export.ris.bak", False), ("README.txt", False),
])
def test_which_names_are_papers(name, paper):
    assert (skip_reason(name) is None) == paper


def test_non_papers_are_listed_and_skipped_and_the_output_folder_is_not_read(tmp_path):
    raw = make_raw(tmp_path / "raw")
    (raw / "README").write_text("Papers fetched for the review.")
    (raw / "SOURCES.md").write_text("# Sources")
    (raw / "readme.txt").write_text("How these files were collected.")
    (raw / "table.csv").write_text("a,b\n1,2\n")
    out = raw / "out"
    run(raw, out)
    result = run(raw, out)  # the first run's tables are inside raw now
    assert "4 files (0 processed, 4 unchanged): 2 papers, 2 errors; 4 files skipped (not papers)" in result.stdout
    meta = json.loads((out / "_meta.json").read_text())
    assert sorted(meta["skipped"]) == ["README", "SOURCES.md", "readme.txt", "table.csv"]
    assert "not a paper by its name" in meta["skipped"]["table.csv"]
    assert "note" in meta["skipped"]["readme.txt"]


def test_links_loops_and_pipes_are_error_rows(tmp_path):
    raw = make_raw(tmp_path / "raw")
    (raw / "gone.txt").symlink_to(raw / "nowhere.txt")
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    (raw / "sub").mkdir()
    (raw / "sub" / "up").symlink_to(raw, target_is_directory=True)
    os.mkfifo(raw / "pipe.txt")
    result = run(raw, tmp_path / "out")
    assert result.exit_code == 1
    reasons = load_tables(tmp_path / "out").errors.set_index("source_path").reason
    assert reasons[str(raw / "gone.txt")].startswith("dangling link")
    assert reasons[str(raw / "loop.txt")] == "symlink loop"
    assert reasons[str(raw / "sub" / "up")].startswith("link loop")
    assert reasons[str(raw / "pipe.txt")].startswith("not a regular file")
    assert f"leakmine: {raw / 'gone.txt'}: dangling link" in result.stderr


def _as_nobody(fn, warm: list[Path]) -> int:
    """Run `fn` in a forked child without root's rights to read every file; its exit status.

    The interpreter's own files may be out of that user's reach, so the modules the run needs are
    imported first, by reading the `warm` papers here."""
    import multiprocessing.popen_fork  # noqa: F401

    from leakmine.errors import LeakmineError

    for p in warm:
        try:
            process_file(p)
        except LeakmineError:
            pass
    pid = os.fork()
    if pid == 0:
        try:
            os.setgid(65534)
            os.setuid(65534)
            os._exit(fn())
        except BaseException:
            traceback.print_exc()
            os._exit(99)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


@pytest.fixture
def shared_tmp():
    """A temporary folder that a user other than root can reach (pytest's tmp_path is root's only)."""
    base = Path(tempfile.mkdtemp())
    base.chmod(0o777)
    yield base
    shutil.rmtree(base)


def test_a_file_without_read_permission_is_an_error_row_and_the_run_goes_on(shared_tmp):
    raw, out = make_raw(shared_tmp / "raw"), shared_tmp / "out"
    for p in (raw, *raw.iterdir()):
        p.chmod(0o777 if p.is_dir() else 0o644)
    (raw / "locked.txt").write_text(PAPERS["vp_canal.txt"].replace("68", "66"))
    (raw / "locked.txt").chmod(0)
    (raw / "private").mkdir(mode=0o700)
    (raw / "private" / "hidden_case.txt").write_text(PAPERS["vp_canal.txt"])
    (raw / "private").chmod(0)
    papers = sorted(p for p in raw.iterdir() if p.is_file())
    if os.geteuid() == 0:
        status = _as_nobody(lambda: len(run_batch(raw, out).errors), papers)
    else:
        status = len(run_batch(raw, out).errors)
    assert status == 4
    reasons = load_tables(out).errors.set_index("source_path").reason
    assert reasons[str(raw / "locked.txt")] == "cannot read (Permission denied)"
    assert reasons[str(raw / "private")] == "unreadable folder (Permission denied)"


def test_a_second_run_on_the_same_folder_is_refused(tmp_path):
    from filelock import FileLock

    raw, out = make_raw(tmp_path / "raw"), tmp_path / "out"
    out.mkdir()
    with FileLock(out / ".lock"):
        result = run(raw, out)
    assert result.exit_code == 2
    assert "is being written by another `leakmine run`" in result.stderr
    assert not (out / "_meta.json").exists()


def test_a_run_that_cannot_write_its_tables_exits_2(tmp_path):
    raw = make_raw(tmp_path / "raw")
    (tmp_path / "out").write_text("a file where the output folder should be")
    result = run(raw, tmp_path / "out")
    assert result.exit_code == 2
    assert "leakmine: run failed, nothing new published" in result.stderr


def test_a_clean_folder_exits_0(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "vp_canal.txt").write_text(PAPERS["vp_canal.txt"])
    assert run(raw, tmp_path / "out").exit_code == 0


JATS = """<?xml version="1.0"?>
<article article-type="case-report"><front><article-meta>
<article-id pub-id-type="doi">10.1000/leak.2020.17</article-id>
<title-group><article-title>Radicular pain after balloon kyphoplasty</article-title></title-group>
</article-meta></front><body><sec><title>Case report</title><p>{body}</p></sec></body></article>
"""


def test_one_article_in_two_formats_is_linked_and_counted_once(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    body = PAPERS["bkp_foramen.txt"].split("Case report\n", 1)[1]
    (raw / "a_pasted.txt").write_text(PAPERS["bkp_foramen.txt"] + "\ndoi: 10.1000/LEAK.2020.17\n")
    (raw / "b_article.xml").write_text(JATS.format(body=body))
    result = run(raw, tmp_path / "out")
    assert "2 files (2 processed, 0 unchanged): 1 papers, 1 duplicate papers skipped, 0 errors" in result.stdout
    t = load_tables(tmp_path / "out")
    papers = t.papers.set_index("source_format")
    assert papers.doi.str.lower().nunique() == 1
    assert pd.isna(papers.duplicate_of["jats"])
    assert papers.duplicate_of["text"] == papers.paper_id["jats"]
    assert set(t.patients.paper_id) == set(t.mentions.paper_id) == {papers.paper_id["jats"]}


def test_small_shards_hold_the_same_tables(first_run, tmp_path):
    raw, out, _ = first_run
    run_batch(raw, tmp_path / "sharded", Options(shard_bytes=1))
    meta = json.loads((tmp_path / "sharded" / "_meta.json").read_text())
    assert len(meta["tables"]["papers"]["shards"]) == 2
    for name, df in load_tables(tmp_path / "sharded").items():
        pd.testing.assert_frame_equal(df, load_tables(out)[name], obj=name)


def _slow(path, **_):
    time.sleep(30)


def _greedy(path, **_):
    return [bytearray(4 << 30)]


@pytest.mark.parametrize(("fn", "options", "reason"), [
    (_slow, Options(time_limit=0.5), "time limit exceeded (0.5 s per paper)"),
    (_greedy, Options(memory_limit=0), None),
])
def test_limits_end_a_paper_as_an_error_row_naming_the_limit(tmp_path, monkeypatch, fn, options, reason):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "vp_canal.txt").write_text(PAPERS["vp_canal.txt"])
    if reason is None:  # a cap a little above what this process already maps
        mapped = int(next(line.split()[1] for line in Path("/proc/self/status").read_text().splitlines()
                          if line.startswith("VmSize:"))) >> 10
        options = Options(memory_limit=mapped + 512)
        reason = f"memory limit exceeded ({mapped + 512} MB per worker)"
    monkeypatch.setattr(work, "process_file", fn)
    summary = run_batch(raw, tmp_path / "out", options)
    assert [(e.stage, e.reason) for e in summary.errors] == [("limit", reason)]


def test_a_pubmed_file_broken_before_its_first_citation_is_an_error_row(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "broken.xml").write_text('<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation>'
                                    "<PMID>1</PMID")
    result = run(raw, tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert "1 files (1 processed, 0 unchanged): 0 papers, 1 errors" in result.stdout
    errors = load_tables(tmp_path / "out").errors
    assert list(errors.stage) == ["ingest"] and "XML" in errors.reason[0]


def test_a_pubmed_citation_that_does_not_parse_loses_only_its_unit(tmp_path):
    """`leakmine run` cuts a PubMed file into units without parsing it: a broken citation is an error
    row naming its unit's citations, and the citations after it are mined."""
    raw = tmp_path / "raw"
    raw.mkdir()
    records = [f"<PubmedArticle><MedlineCitation><PMID>{3100 + n}</PMID><Article><ArticleTitle>Leg weakness"
               f"</ArticleTitle><Abstract><AbstractText>{'a < b' if n == 2 else 'A 70-year-old man.'}"
               "</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>" for n in range(5)]
    (raw / "baseline.xml").write_text(f"<PubmedArticleSet>{''.join(records)}</PubmedArticleSet>")
    summary = run_batch(raw, tmp_path / "out", Options(batch_size=2))
    assert [(e.stage, e.reason.split(" (")[0]) for e in summary.errors] == [("ingest", "malformed XML in citations 3-4")]
    assert sorted(load_tables(tmp_path / "out").papers.pmid) == ["3100", "3101", "3104"]

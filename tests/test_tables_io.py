"""Tables from hand-made results: types, rows, files written, read back, queried with DuckDB."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from leakmine.tables import DUCKDB_NAME, META_NAME, SCHEMAS, ErrorRow, StoreError, load_tables, write_tables
from leakmine.tables.build import build_frames
from tables_helpers import case_result, cohort_result

ROOT = Path(__file__).resolve().parents[1]
ERRORS = [ErrorRow("raw/broken.pdf", "ingest", "not a PDF file")]


@pytest.fixture
def frames() -> dict[str, pd.DataFrame]:
    return build_frames([case_result(), cohort_result()], ERRORS)


@pytest.fixture
def written(tmp_path, frames) -> Path:
    write_tables(frames, tmp_path, {"counts": {"papers": 2}})
    return tmp_path


def test_every_table_has_its_schema_dtypes(frames):
    for name, schema in SCHEMAS.items():
        assert list(frames[name].columns) == schema.names
        assert {c: str(t) for c, t in frames[name].dtypes.items()} == {
            c: str(t) for c, t in schema.dtypes.items()}, name


@pytest.mark.parametrize(("table", "rows"), [
    ("papers", 2), ("sections", 3), ("mentions", 12), ("patients", 1), ("levels", 5),
    ("muscle_grades", 2), ("treatments", 2), ("cohorts", 1), ("evidence", 15), ("errors", 1),
])
def test_row_counts(frames, table, rows):
    assert len(frames[table]) == rows


def test_levels_are_long_with_roles_and_spine_order(frames):
    got = sorted(zip(frames["levels"].role, frames["levels"].level, frames["levels"].spine_order, strict=True))
    assert got == [("leak", "T12", 19), ("treated", "L1", 20), ("treated", "T11", 18),
                   ("treated", "T12", 19), ("treatment", "T12", 19)]


@pytest.mark.parametrize(("table", "column", "expected"), [
    ("levels", "level", {"T11": ["T11 to L1"], "L1": ["T11 to L1"], "T12": ["T11 to L1", "T12", "T12"]}),
    ("treatments", "treatment", {"hemilaminectomy": ["Hemilaminectomy"], "cement removal": []}),
    ("muscle_grades", "value", {"3": ["3/5"], "4+": ["4+/5"]}),
])
def test_value_rows_keep_their_evidence(frames, table, column, expected):
    words = frames["mentions"].set_index("mention_id").text
    got: dict[str, list[str]] = {}
    for value, ids in zip(frames[table][column], frames[table].evidence, strict=True):
        got.setdefault(value, []).extend(words[i] for i in ids)
    assert {k: sorted(v) for k, v in got.items()} == expected


def test_muscle_grades_split_value_and_keep_raw_text(frames):
    g = frames["muscle_grades"]
    assert g.value.tolist() == ["3", "4+"]
    assert g.base.tolist() == [3, 4]
    assert g.modifier.tolist() == [pd.NA, "+"]
    assert g.text.tolist() == ["3/5", "4+/5"]
    assert g.scale.tolist() == ["MRC", "MRC"]
    assert g.time.tolist() == ["presentation", "post-treatment"]


def test_keys_join_tables(frames):
    p = frames["patients"].iloc[0]
    assert p.patient_id == f"{p.paper_id}:1"
    assert frames["cohorts"].cohort_id.tolist() == ["bbbb000000000002:cohort:1"]
    owners = frames["evidence"].groupby("owner_kind").owner_id.first().to_dict()
    assert owners == {"cohort": "bbbb000000000002:cohort:1", "patient": "aaaa000000000001:1"}
    assert frames["papers"].set_index("paper_id").n_patients.to_dict() == {
        "aaaa000000000001": 1, "bbbb000000000002": 0}


@pytest.mark.parametrize("source", ["folder", "duckdb"])
def test_round_trip_keeps_values_and_dtypes(written, frames, source):
    tables = load_tables(written if source == "folder" else written / DUCKDB_NAME)
    for name, df in tables.items():
        assert_frame_equal(df, frames[name], check_exact=True, obj=name)


def test_load_tables_is_exported_lazily_from_the_package():
    code = "import sys, leakmine; assert 'pandas' not in sys.modules; print(leakmine.load_tables.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "leakmine.tables.load"


def test_load_tables_names_missing_files(tmp_path):
    with pytest.raises(FileNotFoundError, match="_meta.json"):
        load_tables(tmp_path)


def test_csv_joins_lists_and_writes_grades_as_json(written):
    patients = pd.read_csv(written / "tables" / "patients.csv", dtype=str, keep_default_na=False)
    row = patients.iloc[0]
    assert row.treated_levels == "T11;T12;L1"
    assert row.symptoms == ""
    assert json.loads(row.muscle_grades)[1] == {
        "value": "4+", "side": None, "limb": None, "muscle": "knee extension", "time": "post-treatment"}
    assert row.follow_up == ""


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_second_write_leaves_every_file_byte_identical(written, frames):
    before = files(written)
    write_tables(build_frames([case_result(), cohort_result()], ERRORS), written, {"counts": {"papers": 2}})
    assert files(written) == before


def test_meta_counts_rows_and_hashes_tables_without_clock_times(written):
    meta = json.loads((written / META_NAME).read_text())
    assert meta["counts"] == {"papers": 2}
    assert meta["tables"]["levels"]["rows"] == 5
    (shard,) = meta["tables"]["patients"]["shards"]
    assert re.fullmatch(r"[0-9a-f]{64}", shard["sha256"]) and shard["rows"] == 1
    assert (written / shard["path"]).stat().st_size == shard["bytes"]
    assert not re.search(r"\d{4}-\d\d-\d\d[T ]\d\d:", (written / META_NAME).read_text())


def test_changed_table_rewrites_it_and_the_duckdb_file(written):
    write_tables(build_frames([case_result()], ERRORS), written, {"counts": {"papers": 1}})
    with duckdb.connect(str(written / DUCKDB_NAME), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM cohorts").fetchall() == [(0,)]
    assert len(load_tables(written).papers) == 1


def test_duckdb_joins_patients_levels_and_mentions(written):
    sql = """
        SELECT p.patient_id, p.age, l.role, l.level, m.text, m.sentence
        FROM patients p
        JOIN levels l USING (patient_id)
        JOIN mentions m ON list_contains(l.evidence, m.mention_id)
        ORDER BY l.spine_order, l.role
    """
    with duckdb.connect(str(written / DUCKDB_NAME), read_only=True) as con:
        rows = con.execute(sql).fetchall()
    assert [(r[2], r[3]) for r in rows] == [("treated", "T11"), ("leak", "T12"), ("treated", "T12"),
                                            ("treatment", "T12"), ("treated", "L1")]
    assert all(r[1] == 81 and r[4] in r[5] for r in rows)


def test_evidence_offsets_point_into_the_sections_text(written):
    t = load_tables(written)
    texts = {pid: "\n\n".join(g.sort_values("section_index").text) for pid, g in t.sections.groupby("paper_id")}
    mentions = t.mentions.set_index("mention_id")
    for ids in t.levels.evidence:
        for mid in ids:
            m = mentions.loc[mid]
            doc = texts[m.paper_id]
            assert doc[m.start_char:m.end_char] == m.text
            assert doc[m.sentence_start:m.sentence_start + len(m.sentence)] == m.sentence


def test_data_dictionary_documents_every_column_with_its_type():
    doc = (ROOT / "docs" / "tables.md").read_text()
    for name, schema in SCHEMAS.items():
        section = doc.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        for c in schema.columns:
            assert f"| `{c.name}` | `{c.type_name}` |" in section, f"{name}.{c.name}"
        documented = re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE)
        assert documented == schema.names, name


def test_an_interrupted_write_leaves_the_old_generation_published(written, monkeypatch):
    from leakmine.tables import write as write_module

    old = load_tables(written)

    def die(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(write_module, "write_json_atomic", die)
    with pytest.raises(KeyboardInterrupt):
        write_tables(build_frames([case_result()], ERRORS), written, {"counts": {"papers": 1}})
    monkeypatch.undo()
    for source in (written, written / DUCKDB_NAME):
        for name, df in load_tables(source).items():
            assert_frame_equal(df, old[name], obj=name)


@pytest.fixture
def two_generations(tmp_path, written):
    """`written` and a second folder with other tables, whose shards can be mixed into the first."""
    other = tmp_path / "other"
    write_tables(build_frames([case_result("cccc000000000003")], []), other, {})
    return written, other


def test_a_shard_from_another_generation_is_refused(two_generations):
    first, other = two_generations
    mine = json.loads((first / META_NAME).read_text())["tables"]["patients"]["shards"][0]["path"]
    theirs = json.loads((other / META_NAME).read_text())["tables"]["patients"]["shards"][0]["path"]
    (first / mine).write_bytes((other / theirs).read_bytes())
    with pytest.raises(StoreError, match="patients shard .* mixed or partial"):
        load_tables(first)


def test_a_missing_shard_is_refused(written):
    shard = json.loads((written / META_NAME).read_text())["tables"]["papers"]["shards"][0]["path"]
    (written / shard).unlink()
    with pytest.raises(StoreError, match="papers shard .* is missing"):
        load_tables(written)


def test_a_duckdb_file_of_another_generation_is_refused(two_generations):
    first, other = two_generations
    target = first / "tables" / DUCKDB_NAME
    target.write_bytes((other / "tables" / DUCKDB_NAME).read_bytes())
    with pytest.raises(StoreError, match="mixed set"):
        load_tables(first / DUCKDB_NAME)

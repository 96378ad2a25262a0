"""The same tables from the local and the Dask engine; a PubMed file streamed in units of papers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

from leakmine.batch import Options, run_batch
from leakmine.batch.checkpoint import Checkpoints
from leakmine.nlp import load_pipeline
from leakmine.tables import load_tables

ROOT = Path(__file__).resolve().parents[1]
CITATION = """<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article>
<Journal><Title>Spine Case Reports</Title><JournalIssue><PubDate><Year>2021</Year></PubDate></JournalIssue></Journal>
<ArticleTitle>Cement in the canal after vertebroplasty: case {n}.</ArticleTitle>
<Abstract><AbstractText>A {age}-year-old woman underwent percutaneous vertebroplasty at L{level}. On the
next day she had weakness of the left leg, graded 3/5. Computed tomography showed cement in the
spinal canal at L{level}. The cement was removed through a laminectomy and she recovered.</AbstractText></Abstract>
<PublicationTypeList><PublicationType>Case Reports</PublicationType></PublicationTypeList>
</Article></MedlineCitation></PubmedArticle>
"""
CITATIONS = 7


def pubmed_file(path: Path) -> Path:
    records = "".join(CITATION.format(pmid=31000000 + n, n=n, age=60 + n, level=1 + n % 5)
                      for n in range(CITATIONS))
    path.write_text(f'<?xml version="1.0"?>\n<PubmedArticleSet>\n{records}</PubmedArticleSet>\n')
    return path


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> Path:
    load_pipeline()  # once here: forked workers and Dask threads share it
    folder = tmp_path_factory.mktemp("engines") / "raw"
    folder.mkdir()
    for name in ("case01_intradural_pvp_single.txt", "case04_pulmonary_negated.txt"):
        (folder / name).write_text((ROOT / "data" / "raw" / name).read_text())
    (folder / "empty.txt").write_text("")
    pubmed_file(folder / "baseline.xml")
    return folder


@pytest.fixture(scope="module")
def local(raw, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local") / "out"
    run_batch(raw, out, Options(batch_size=3))
    return out


def parquet(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out / "tables").as_posix(): p.read_bytes()
            for p in sorted((out / "tables").rglob("*.parquet"))}


def test_a_pubmed_file_streams_in_units_with_the_tables_of_a_whole_read(raw, local, tmp_path):
    assert len(list((local / ".cache").glob("*.entry"))) == 2 + 1 + 3 + 1  # texts, error, parts, marker
    whole = tmp_path / "whole"
    run_batch(raw, whole, Options(batch_size=1000))
    for name, df in load_tables(whole).items():
        assert_frame_equal(load_tables(local)[name], df, obj=name)
    assert load_tables(local).papers.pmid.notna().sum() == CITATIONS


def test_a_lost_part_is_mined_again_alone(raw, local, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(local, out, symlinks=True)
    (out / "_meta.json").unlink()
    cache = Checkpoints(out / ".cache")
    part = next(p for p in cache.folder.glob("*.entry")
                if any(x["pmid"] == "31000006" for x in (cache.header(p.stem) or {}).get("papers", [])))
    part.unlink()
    summary = run_batch(raw, out, Options(batch_size=3))
    assert (summary.processed, summary.reused) == (1, 3)
    assert parquet(out) == parquet(local)


def test_dask_engine_writes_the_tables_of_the_local_engine(raw, local, tmp_path):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        summary = run_batch(raw, tmp_path / "dask",
                            Options(engine="dask", scheduler=cluster.scheduler_address, batch_size=3))
    assert len(summary.errors) == 1
    assert parquet(tmp_path / "dask") == parquet(local)


def test_the_client_thaws_what_it_froze_and_leaves_others_frozen_objects_be():
    import gc

    from leakmine.batch.cluster import _frozen

    before = gc.get_freeze_count()
    with _frozen():
        inside = gc.get_freeze_count()
    assert gc.get_freeze_count() == before
    assert inside > 0 if before == 0 else inside == before


CRASH_ONCE = """
import os
from pathlib import Path

from leakmine.batch.work import Mined, packed


def mine(unit):
    \"\"\"Ends its worker the first time it is given a unit, as a memory kill or a lost node would.\"\"\"
    seen = Path(os.environ["LEAKMINE_TEST_SEEN"]) / unit.key
    if not seen.exists():
        seen.touch()
        os._exit(1)
    return packed(Mined(unit.key, {"error": None, "papers": []}))
"""


def test_a_unit_whose_worker_is_lost_is_mined_again(tmp_path, monkeypatch):
    """Dask runs a task again when its worker dies, but the citations of a PubMed part were scattered to
    that worker and are lost with it: leakmine sends them again."""
    from leakmine.batch import cluster
    from leakmine.batch.work import Unit
    from leakmine.ingest.xml import Citations

    (tmp_path / "crash_once.py").write_text(CRASH_ONCE)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("LEAKMINE_TEST_SEEN", str(tmp_path))
    import crash_once

    monkeypatch.setattr(cluster, "_mine_checked", crash_once.mine)
    got: list[str] = []
    units = [Unit("file", str(tmp_path / "paper.txt")), Unit("papers", str(tmp_path / "baseline.xml"),
                                                                citations=Citations("baseline.xml", b"", b"", 0, ()))]
    cluster.run_dask(units, 1, None, lambda unit, result: got.append(result.key))
    assert sorted(got) == ["file", "papers"]

"""`make scale`: a large MEDLINE file through both engines, with peak memory per process.

    python pipelines/medline_scale.py build N FILE.xml.gz     # N citations with distinct PMIDs
    python pipelines/medline_scale.py run FILE.xml.gz WORK [--workers 2] [--screen]

`build` repeats the citations of the shared MEDLINE sample until there are N, each copy with its own
PMID and DOI (so no two are the same article), streamed into a gzipped MedlineCitationSet. `run` mines
the file with `leakmine run --engine local`, then `--engine dask` (a LocalCluster), into WORK/local and
WORK/dask, sampling the resident memory of every process of each run; it prints wall time, CPU
seconds of the whole run (leakmine run and every worker), the peak resident memory of each kind of
process, the rows of each table, and whether the two engines' Parquet files are byte-identical.
"""

from __future__ import annotations

import argparse
import gzip
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

from bench_batch import MEDLINE, children_cpu, papers

CITATION = re.compile(rb"<MedlineCitation\b.*?</MedlineCitation>", re.DOTALL)
PMID = re.compile(rb"<PMID\b[^>]*>\d+</PMID>")
DOI = re.compile(rb'(<ELocationID EIdType="doi"[^>]*>)([^<]+)(</ELocationID>)')
FIRST_PMID = 90_000_000  # above any PMID PubMed has given
SAMPLE_S = 0.25


def citations(sample: Path) -> list[bytes]:
    with gzip.open(sample) as f:
        return CITATION.findall(f.read())


def build(n: int, out: Path, sample: Path = MEDLINE) -> int:
    """Write `n` citations with distinct PMIDs (and DOIs) to `out`, gzipped; the number written."""
    cits = citations(sample)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wb", compresslevel=6) as f:
        f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<MedlineCitationSet>\n')
        for i in range(n):
            copy, cit = divmod(i, len(cits))
            cit = PMID.sub(f'<PMID Version="1">{FIRST_PMID + i}</PMID>'.encode(), cits[cit], count=1)
            if copy:
                cit = DOI.sub(lambda m, c=copy: m.group(1) + m.group(2) + f"-copy{c}".encode() + m.group(3), cit)
            f.write(cit + b"\n")
        f.write(b"</MedlineCitationSet>\n")
    return n


def _tree(root: psutil.Process) -> Iterator[psutil.Process]:
    yield root
    try:
        yield from root.children(recursive=True)
    except psutil.Error:
        return


def measured_run(args: list[str]) -> tuple[float, float, float, dict[str, int], str]:
    """(wall s, CPU s of the command and its descendants, CPU s of `leakmine run` itself as last
    sampled, peak RSS in bytes of `leakmine run` and of the largest of its descendants, sampled, and as
    getrusage saw it, stdout)."""
    before = children_cpu()
    peaks: dict[int, tuple[str, int]] = {}
    own = 0.0
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "leakmine", "run", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    done = threading.Event()

    def sample() -> None:
        nonlocal own
        while not done.is_set():
            try:
                times = root.cpu_times()
                own = times.user + times.system
            except psutil.Error:
                pass
            for p in _tree(root):
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                kind = "leakmine run" if p.pid == root.pid else "largest other (workers, Dask nannies)"
                peaks[p.pid] = (kind, max(peaks.get(p.pid, (kind, 0))[1], rss))
            done.wait(SAMPLE_S)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    done.set()
    watcher.join()
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"leakmine run failed ({proc.returncode}): {err[-2000:]}")
    cpu = children_cpu() - before
    by_kind: dict[str, int] = {}
    for kind, peak in peaks.values():
        by_kind[kind] = max(by_kind.get(kind, 0), peak)
    # the largest child of this script so far, in bytes: a later run shows the larger of it and the earlier
    by_kind["largest child so far (getrusage)"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss << 10
    return wall, cpu, own, by_kind, out.strip()


def parquet(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out / "tables").as_posix(): p.read_bytes()
            for p in sorted((out / "tables").rglob("*.parquet"))}


def rows(out: Path) -> dict[str, int]:
    import pyarrow.parquet as pq

    counts: dict[str, int] = {}
    for p in sorted((out / "tables").rglob("*.parquet")):
        table = p.relative_to(out / "tables").parts[0]
        counts[table] = counts.get(table, 0) + pq.ParquetFile(p).metadata.num_rows
    return counts


def run(file: Path, work: Path, workers: int, screen: bool) -> bool:
    raw = work / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    if not (raw / file.name).exists():
        (raw / file.name).symlink_to(file.resolve())
    options = ["--workers", str(workers), *(["--screen"] if screen else [])]
    outs = {}
    for engine in ("local", "dask"):
        out = work / engine
        shutil.rmtree(out, ignore_errors=True)
        wall, cpu, own, peaks, summary = measured_run([str(raw), str(out), "--engine", engine, *options])
        outs[engine] = out
        print(f"{engine}: {summary}")
        print(f"  {wall:.0f} s wall, {cpu:.0f} CPU-s ({papers(summary) / cpu:.0f} citations/CPU-s; "
              f"leakmine run itself {own:.0f}), {workers} workers{', screened' if screen else ''}")
        print("  peak RSS: " + ", ".join(f"{k} {v / 2**20:.0f} MiB" for k, v in sorted(peaks.items())))
        print("  rows: " + ", ".join(f"{k} {v}" for k, v in rows(out).items()))
        shutil.rmtree(out / ".cache", ignore_errors=True)  # the checkpoints: as large as the tables
    same = parquet(outs["local"]) == parquet(outs["dask"])
    print(f"the engines' Parquet files are {'identical' if same else 'DIFFERENT'}")
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("n", type=int)
    b.add_argument("file", type=Path)
    r = sub.add_parser("run")
    r.add_argument("file", type=Path)
    r.add_argument("work", type=Path)
    r.add_argument("--workers", type=int, default=2)
    r.add_argument("--screen", action="store_true")
    a = parser.parse_args()
    if a.command == "build":
        print(f"{build(a.n, a.file)} citations in {a.file}")
    elif not run(a.file, a.work, a.workers, a.screen):
        raise SystemExit(1)


if __name__ == "__main__":
    main()

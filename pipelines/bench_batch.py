"""`make bench`, batch section: what `leakmine run` costs as a whole, timed in this run.

- a rerun with nothing changed (CPU seconds of the whole command: start-up and manifest only);
- the fixed CPU cost of a run (one paper: start-up, pipeline, writing the tables);
- 1 vs 2 worker processes on the sample corpus repeated to at least 200 distinct papers, once its
  texts alone and once the whole corpus (texts and PDFs), and the whole corpus again repeated to at
  least 1,000 papers (a review's batch: there the fixed cost of a run no longer bounds the ratio):
  runs alternate, the best wall time of each count is kept and the machine's load is printed beside
  it; also the CPU per paper beyond the fixed cost, and the ratio idle cores would allow;
- MEDLINE citations per CPU second end to end, when the shared MEDLINE sample is beside the
  project, and what that projects for PubMed (36M citations).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAPERS = 200  # the least batch the 2-workers target is measured on
BATCH = 1000  # a review's batch
ROUNDS = 3
PUBMED_CITATIONS = 36_000_000
ROOT = Path(__file__).resolve().parents[1]
# The shared material beside the clone (seeds, corpus), when it is there.
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parents[1] / "shared") if (p / "corpus").is_dir()),
              ROOT / "shared")
MEDLINE = SHARED / "corpus/real/pubmed/medline16n0902_sample.xml.gz"


def children_cpu() -> float:
    """CPU-s (user and system) of this process's children that have ended so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def leakmine_run(raw: Path, out: Path, *options: str) -> tuple[float, float, str]:
    """(wall s, CPU s of the command and its workers, its summary line) of one `leakmine run`."""
    before = children_cpu()
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "leakmine", "run", str(raw), str(out), *options],
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if done.returncode not in (0, 1):
        raise SystemExit(f"leakmine run failed: {done.stderr}")
    return wall, children_cpu() - before, done.stdout


def papers(summary: str) -> int:
    return int(re.search(r"(\d+) papers", summary).group(1))


def copy_paper(src: Path, dst: Path, n: int) -> None:
    """Copy `n` of a paper, with bytes of its own so that it is a paper of its own: a line at the end
    of a text, a comment after the end-of-file marker of a PDF (which PDF readers pass over)."""
    if src.suffix.lower() == ".pdf":
        dst.write_bytes(src.read_bytes() + f"% copy {n} for the benchmark\n".encode())
    else:
        dst.write_text(f"{src.read_text()}\nCopy {n} for the benchmark.\n")


def repeated_corpus(papers: list[Path], folder: Path, least: int) -> int:
    """`papers` copied, each copy a distinct paper, to at least `least` files."""
    folder.mkdir()
    copies = -(-least // len(papers))
    for src in papers:
        for n in range(copies):
            copy_paper(src, folder / f"{src.stem}_{n:03d}{src.suffix}", n)
    return copies * len(papers)


def distinct_papers(out: Path) -> tuple[int, int]:
    """(papers rows, those linked to another copy by a shared DOI) of a run's tables: a copy read as
    a repeat of another (same bytes) would have no row of its own."""
    import duckdb

    con = duckdb.connect(str(out / "leakmine.duckdb"), read_only=True)
    try:
        return con.execute("SELECT count(DISTINCT paper_id), count(duplicate_of) FROM papers").fetchone()
    finally:
        con.close()


def load() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def workers_1_vs_2(name: str, corpus: Path, n: int, fixed: float, tmp: Path) -> None:
    """1 vs 2 workers on `corpus`, alternating for `ROUNDS` rounds; best wall time of each."""
    walls: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    loads = [load()]
    for _ in range(ROUNDS):
        for workers in (1, 2):
            out = tmp / f"out-{workers}"
            wall, cpu, summary = leakmine_run(corpus, out, "--workers", str(workers))
            walls[workers].append(wall)
            cpus[workers].append(cpu)
            if workers == 2:
                rows, linked = distinct_papers(out)
                if not summary.startswith(f"{n} files ({n} processed") or rows != n:
                    raise SystemExit(f"{name}: not every copy was mined as a paper of its own: {summary}")
            shutil.rmtree(out)
        loads.append(load())
    one, two = min(walls[1]), min(walls[2])
    one_cpu, two_cpu = min(cpus[1]), min(cpus[2])
    print(f"  {name}: {n} papers ({linked} linked by a shared DOI to another copy); machine {' -> '.join(loads)}")
    print(f"    1 worker: {one:.1f} s wall (runs {', '.join(f'{w:.1f}' for w in walls[1])}), {one_cpu:.1f} CPU-s, "
          f"{1000 * (one_cpu - fixed) / n:.1f} ms/paper beyond the fixed cost")
    print(f"    2 workers: {two:.1f} s wall (runs {', '.join(f'{w:.1f}' for w in walls[2])}), {two_cpu:.1f} CPU-s, "
          f"{1000 * (two_cpu - fixed) / n:.1f} ms/paper")
    print(f"    = {one / two:.2f}x wall (target >= 1.6; a busy machine lowers it; on idle cores at most "
          f"{one_cpu / (fixed + (one_cpu - fixed) / 2):.2f}x)")


def main(raw_dir: Path) -> None:
    print("batch runs (`leakmine run`, whole command):")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        leakmine_run(raw_dir, tmp / "sample")
        _, cpu, _ = leakmine_run(raw_dir, tmp / "sample")
        print(f"  rerun with nothing changed: {cpu:.2f} CPU-s (target <= 2)")

        sample = sorted(p for p in raw_dir.iterdir() if p.suffix.lower() in (".txt", ".pdf"))
        texts = [p for p in sample if p.suffix.lower() == ".txt"]
        single = tmp / "single"
        single.mkdir()
        shutil.copy(texts[0], single)
        _, fixed, _ = leakmine_run(single, tmp / "single-out")
        print(f"  fixed cost of a run (one paper): {fixed:.2f} CPU-s")
        for name, group, least in (("sample texts", texts, PAPERS),
                                   ("whole sample corpus (texts and PDFs)", sample, PAPERS),
                                   ("whole sample corpus (texts and PDFs)", sample, BATCH)):
            corpus = tmp / f"corpus-{len(group)}-{least}"
            n = repeated_corpus(group, corpus, least)
            workers_1_vs_2(name, corpus, n, fixed, tmp)

        if MEDLINE.is_file():
            (tmp / "medline").mkdir()
            shutil.copy(MEDLINE, tmp / "medline" / MEDLINE.name)
            _, cpu, summary = leakmine_run(tmp / "medline", tmp / "medline-out")
            citations = papers(summary)
            rate = citations / (cpu - fixed)
            hours = PUBMED_CITATIONS / rate / 3600
            print(f"  MEDLINE sample: {citations} citations in {cpu:.1f} CPU-s = {rate:.0f} citations/CPU-s "
                  f"beyond the fixed cost; "
                  f"PubMed (36M) ~ {hours:,.0f} CPU-h = {hours / 16:,.1f} h on 16 cores, "
                  f"{hours / 64:,.1f} h on 64")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/raw"))

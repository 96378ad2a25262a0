"""`make bench`, batch section: what `leakmine run` costs as a whole, timed in this run.

- a rerun with nothing changed (CPU seconds of the whole command: start-up and manifest only);
- the fixed CPU cost of a run (one paper: start-up, pipeline, writing the tables);
- 1 vs 2 worker processes on the sample texts repeated to at least 200 distinct papers (wall time,
  CPU per paper beyond the fixed cost, and the ratio idle cores would allow);
- MEDLINE citations per CPU second end to end, when the shared MEDLINE sample is beside the
  project, and what that projects for PubMed (36M citations).
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAPERS = 200
PUBMED_CITATIONS = 36_000_000
ROOT = Path(__file__).resolve().parents[1]
MEDLINE = next((p for p in (ROOT.parent / "shared", ROOT.parents[1] / "shared")
                if (p / "corpus").is_dir()), ROOT / "shared") / "corpus/real/pubmed/medline16n0902_sample.xml.gz"


def leakmine_run(raw: Path, out: Path, *options: str) -> tuple[float, float, int]:
    """(wall s, CPU s of the command and its workers, papers tabled) of one `leakmine run`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "leakmine", "run", str(raw), str(out), *options],
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if done.returncode not in (0, 1):
        raise SystemExit(f"leakmine run failed: {done.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    papers = int(re.search(r"(\d+) papers", done.stdout).group(1))
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), papers


def repeated_corpus(raw_dir: Path, folder: Path) -> int:
    """The sample texts copied, each copy a distinct paper, to at least `PAPERS` files."""
    texts = sorted(raw_dir.glob("*.txt"))
    copies = -(-PAPERS // len(texts))
    for src in texts:
        body = src.read_text()
        for n in range(copies):
            (folder / f"{src.stem}_{n:03d}.txt").write_text(f"{body}\nCopy {n} for the benchmark.\n")
    return copies * len(texts)


def main(raw_dir: Path) -> None:
    print("batch runs (`leakmine run`, whole command):")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        leakmine_run(raw_dir, tmp / "sample")
        _, cpu, _ = leakmine_run(raw_dir, tmp / "sample")
        print(f"  rerun with nothing changed: {cpu:.2f} CPU-s (target <= 2)")

        corpus = tmp / "corpus"
        corpus.mkdir()
        n = repeated_corpus(raw_dir, corpus)
        words = sum(len(p.read_text().split()) for p in corpus.iterdir())
        single = tmp / "single"
        single.mkdir()
        shutil.copy(next(corpus.iterdir()), single)
        _, fixed, _ = leakmine_run(single, tmp / "single-out")
        one, one_cpu, _ = leakmine_run(corpus, tmp / "one", "--workers", "1")
        two, two_cpu, _ = leakmine_run(corpus, tmp / "two", "--workers", "2")
        print(f"  fixed cost of a run (one paper): {fixed:.2f} CPU-s")
        print(f"  {n} papers, 1 worker: {one:.1f} s wall, {one_cpu:.1f} CPU-s ({words / one_cpu:,.0f} words/CPU-s "
              f"end to end, {1000 * (one_cpu - fixed) / n:.1f} ms/paper beyond the fixed cost); 2 workers: "
              f"{two:.1f} s wall, {two_cpu:.1f} CPU-s ({1000 * (two_cpu - fixed) / n:.1f} ms/paper) = "
              f"{one / two:.2f}x wall (a busy machine lowers it; on idle cores at most "
              f"{one_cpu / (fixed + (one_cpu - fixed) / 2):.2f}x)")
        shutil.rmtree(tmp / "one")
        shutil.rmtree(tmp / "two")

        if MEDLINE.is_file():
            (tmp / "medline").mkdir()
            shutil.copy(MEDLINE, tmp / "medline" / MEDLINE.name)
            _, cpu, citations = leakmine_run(tmp / "medline", tmp / "medline-out")
            rate = citations / (cpu - fixed)
            hours = PUBMED_CITATIONS / rate / 3600
            print(f"  MEDLINE sample: {citations} citations in {cpu:.1f} CPU-s = {rate:.0f} citations/CPU-s "
                  f"beyond the fixed cost; "
                  f"PubMed (36M) ~ {hours:,.0f} CPU-h = {hours / 16:,.1f} h on 16 cores, "
                  f"{hours / 64:,.1f} h on 64")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/raw"))

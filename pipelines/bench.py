"""`make bench`: how fast leakmine reads PDFs and mines text, on the sample corpus.

Figures are CPU-seconds (this process's `time.process_time`, a child's `RUSAGE_CHILDREN`), so other
work on a busy machine disturbs them less than wall time; each is the best of a few repeats. Where a
peer exists it is timed in the same run on the same inputs, and the figure is given as a ratio to it:

- PDF ingest in pages/CPU-s beside pdfplumber's `extract_text` and PDFium's plain text;
- text end to end (ingest, extract, assemble) against the bare scispaCy tokenizer (target >= 0.15x),
  extraction alone likewise, on the sample texts and the seed papers beside the project
  (../shared/seeds), each with each pipeline component's share, and on leakmine's own dev set
  (tests/devset);
- a cold `leakmine extract` of a short paper in a fresh process (target <= 1.5 CPU-s), and what
  importing the pipeline alone costs.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from math import inf
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

import bench_batch
from bench_batch import ROOT, SHARED
from leakmine import memo
from leakmine.assemble import assemble
from leakmine.extract import extract, read_texts
from leakmine.ingest import ingest
from leakmine.nlp import load_pipeline
from leakmine.records import Document

SEEDS = SHARED / "seeds"
DEV_SET = ROOT / "tests" / "devset" / "papers"
REPEATS = 3
TEXT_TARGET = 0.15  # end-to-end text words/CPU-s as a share of the tokenizer's
COLD_TARGET = 1.5  # CPU-s of a cold `leakmine extract`


def best_of(fn, repeats: int = REPEATS, clock=time.perf_counter) -> float:
    """The least time (by `clock`: wall time, or `time.process_time` for CPU time) of a few runs of `fn`,
    each after leakmine's caches of papers' text are emptied (a run pays what a first reading pays)."""
    times = []
    for _ in range(repeats):
        memo.clear()
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return min(times)


def plumber_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def pdfium_text(path: Path) -> None:
    pdf = pdfium.PdfDocument(path)
    for page in pdf:
        page.get_textpage().get_text_range()
    pdf.close()


def bench_pdf(pdfs: list[Path]) -> None:
    """leakmine's PDF ingest against pdfplumber's `extract_text` and PDFium's plain text, in pages/CPU-s."""
    pages = sum(len(pdfium.PdfDocument(p)) for p in pdfs)
    ours = pages / best_of(lambda: [ingest(p) for p in pdfs], clock=time.process_time)
    plumber = pages / best_of(lambda: [plumber_text(p) for p in pdfs], clock=time.process_time)
    plain = pages / best_of(lambda: [pdfium_text(p) for p in pdfs], clock=time.process_time)
    print(f"PDF ingest: {pages} pages, {ours:.1f} pages/CPU-s = {ours / plumber:.1f}x pdfplumber extract_text "
          f"({plumber:.1f} pages/CPU-s), {ours / plain:.2f}x pypdfium2 plain text ({plain:.1f} pages/CPU-s)")


def child_cpu(cmd: list[str], repeats: int = REPEATS) -> float:
    """The least CPU time (user + system) a fresh process running `cmd` takes, over `repeats` runs."""
    times = []
    for _ in range(repeats):
        before = bench_batch.children_cpu()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(bench_batch.children_cpu() - before)
    return min(times)


def words_of(documents: list[Document]) -> int:
    return sum(len(d.text.split()) for d in documents)


def text_speed(name: str, texts: list[Path], shares: bool = False) -> None:
    """Text papers end to end and extraction alone, in words/CPU-s, against the bare tokenizer; with
    `shares`, each pipeline component's share of extraction."""
    documents = [d for p in texts for d in ingest(p)]
    words = words_of(documents)
    nlp = load_pipeline()
    tokenizer = nlp.tokenizer  # scispaCy's rule tokenizer, the floor any pipeline over it pays

    def end_to_end() -> None:
        for path in texts:
            for document in ingest(path):
                assemble(document, extract(document, nlp))

    end_to_end()  # warm: lazy imports, regex caches
    tok = best_of(lambda: [tokenizer(d.text) for d in documents], clock=time.process_time)
    e2e = best_of(end_to_end, clock=time.process_time)
    ext = best_of(lambda: [extract(d, nlp) for d in documents], clock=time.process_time)
    ratio = tok / e2e
    print(f"text, {name} ({len(texts)} files, {words} words), words/CPU-s:")
    print(f"  scispaCy tokenizer alone  {words / tok:10,.0f}")
    print(f"  extraction (ingest excl.) {words / ext:10,.0f}   {tok / ext:.3f}x tokenizer")
    print(f"  end to end                {words / e2e:10,.0f}   {ratio:.3f}x tokenizer "
          f"(target >= {TEXT_TARGET}x: {'met' if ratio >= TEXT_TARGET else 'NOT met'})")
    if not shares:
        return
    # Each component's CPU on the texts it reads (the mined sections), the least of a few runs.
    spent = dict.fromkeys(nlp.pipe_names, inf)
    for _ in range(REPEATS):
        memo.clear()
        now = dict.fromkeys(nlp.pipe_names, 0.0)
        for document in documents:
            for _, doc in read_texts(document, nlp):
                for name, proc in nlp.pipeline:
                    t0 = time.process_time()
                    doc = proc(doc)
                    now[name] += time.process_time() - t0
        spent = {name: min(spent[name], now[name]) for name in spent}
    total = sum(spent.values()) or 1.0
    for name, secs in spent.items():
        print(f"    {name:28} {secs * 1000:7.1f} ms  {secs / total:6.1%}")


def cold_start(paper: Path) -> None:
    """CPU-s of a fresh `leakmine extract PAPER` process, and of importing the pipeline alone."""
    extract_cpu = child_cpu([sys.executable, "-m", "leakmine", "extract", str(paper)])
    import_cpu = child_cpu([sys.executable, "-c", "import leakmine.pipeline"])
    print(f"cold `leakmine extract {paper.name}`: {extract_cpu:.2f} CPU-s "
          f"(target <= {COLD_TARGET}: {'met' if extract_cpu <= COLD_TARGET else 'NOT met'}); "
          f"`import leakmine.pipeline` alone {import_cpu:.2f} CPU-s")


def main(raw_dir: Path) -> None:
    files = sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    pdfs = [p for p in files if p.suffix.lower() == ".pdf"]
    if pdfs:
        bench_pdf(pdfs)
    texts = [p for p in files if p.suffix.lower() == ".txt"]
    if texts:
        text_speed(f"the sample texts in {raw_dir}", texts, shares=True)
    for name, folder, shares in (("the seed papers beside the project", SEEDS, True),
                                 ("leakmine's own dev set", DEV_SET, False)):
        if folder.is_dir():
            text_speed(name, sorted(folder.glob("*.txt")), shares)
    if texts:
        cold_start(min(texts, key=lambda p: p.stat().st_size))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    raw = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/raw")
    main(raw)
    bench_batch.main(raw)

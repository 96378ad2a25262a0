"""`make bench`: how fast leakmine reads PDFs and mines text, on the sample corpus.

Prints PDF ingest speed (pages per CPU-second, beside pdfplumber's `extract_text` and PDFium's plain
text timed on the same files in the same run), the speed of the tokenizer alone (the floor any
pipeline pays) and of the full extraction pipeline (words/s), and the peak memory of this process.
Each figure is the best of a few repeats, so a busy machine disturbs it less.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from leakmine.extract import extract
from leakmine.ingest import ingest
from leakmine.nlp import load_pipeline

REPEATS = 3


def best_of(fn, repeats: int = REPEATS, clock=time.perf_counter) -> float:
    """The least time (by `clock`: wall time, or `time.process_time` for CPU time) of a few runs of `fn`."""
    times = []
    for _ in range(repeats):
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


def main(raw_dir: Path) -> None:
    files = sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    pdfs = [p for p in files if p.suffix.lower() == ".pdf"]
    if pdfs:
        bench_pdf(pdfs)

    documents = [d for p in files for d in ingest(p)]
    words = sum(len(d.text.split()) for d in documents)
    nlp = load_pipeline()
    texts = [d.text for d in documents]
    secs = best_of(lambda: [nlp.make_doc(t) for t in texts])
    print(f"tokenizer alone: {words} words in {secs:.3f} s = {words / secs:,.0f} words/s")
    secs = best_of(lambda: [extract(d, nlp) for d in documents])
    print(f"extraction pipeline: {words} words in {secs:.3f} s = {words / secs:,.0f} words/s "
          f"({len(nlp.pipe_names)} components)")
    spent = dict.fromkeys(nlp.pipe_names, 0.0)
    for text in texts:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - t0
    for name, secs in spent.items():
        print(f"  {name:28} {secs * 1000:8.1f} ms  ({words / secs if secs else float('inf'):,.0f} words/s)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/raw"))

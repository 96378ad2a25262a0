"""Mutation fuzzing: mutated papers are mined or refused with one clean line, never a traceback, a
hang or a memory blow-up. Each input runs in a forked child (pipelines/fuzz.py).

`tests/fuzz_cases` keeps every input that ever failed, as the gzipped mutated bytes of a sample
paper. Inputs mutated from ../shared/corpus/real (skipped when it is absent; LEAKMINE_SHARED names
another place) are regenerated from (file, seed), never copied. `make fuzz N=1000` runs a longer
campaign with fresh seeds.
"""

import gzip
import importlib.util
import json
import sys
import zlib
from pathlib import Path

import pytest

from test_limits import pdf

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "fuzz_cases"
_spec = importlib.util.spec_from_file_location("leakmine_fuzz", ROOT / "pipelines" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = fuzz
_spec.loader.exec_module(fuzz)

TIMEOUT_S = 120
SAMPLE_INPUTS, SHARED_INPUTS = 100, 20
SEED = 20240601


@pytest.fixture(scope="module")
def warm():
    fuzz.warm()


def _check(outcomes) -> None:
    failed = [(o.source, o.seed, o.operations, o.status, o.peak_mb, o.message[-300:]) for o in outcomes if o.failed]
    assert not failed, failed


@pytest.mark.parametrize("case", json.loads((CASES / "cases.json").read_text()), ids=lambda c: c["file"])
def test_inputs_that_once_failed(warm, case):
    data = gzip.decompress((CASES / case["file"]).read_bytes())
    status, message, peak, _ = fuzz.run_input(data, "".join(Path(case["file"]).suffixes[:-1]), TIMEOUT_S)
    assert status in ("mined", "refused"), (case["found"], status, message)
    assert "\n" not in message and peak < fuzz.BUDGET_MB


def _flate_bomb(size: int = 1 << 30) -> bytes:
    """A valid zlib stream of `size` zero bytes, about 1 MB: identical blocks after full flushes."""
    chunk = bytes(1 << 24)
    c = zlib.compressobj(9)
    first = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    check = 1
    for _ in range(size // len(chunk)):
        check = zlib.adler32(chunk, check)
    return first + again * (size // len(chunk) - 1) + b"\x03\x00" + check.to_bytes(4, "big")


@pytest.mark.parametrize("suffix, make, limit", [
    (".txt.gz", lambda: gzip.compress(b"A" * (1 << 24), 9, mtime=0) * 64, "max_input_mb"),
    (".xml.gz", lambda: gzip.compress(b"<article><body><p>" + b"A" * (1 << 24), 9, mtime=0) * 64, "max_input_mb"),
    (".pdf", lambda: pdf([_flate_bomb()]), "max_pdf_stream_mb"),
])
def test_one_megabyte_bombs_are_one_line_in_little_memory(warm, suffix, make, limit):
    data = make()
    assert len(data) < 2 << 20
    status, message, peak, _ = fuzz.run_input(data, suffix, TIMEOUT_S)
    assert status == "refused" and f"(limit {limit})" in message, message
    assert peak < fuzz.BUDGET_MB


def test_mutations_are_reproducible_from_file_and_seed():
    data = (fuzz.SAMPLE / "case01_intradural_pvp_single.txt").read_bytes()
    assert fuzz.mutate(data, 7) == fuzz.mutate(data, 7)
    assert {fuzz.mutate(data, s)[0] for s in range(20)} - {data}
    assert all(len(fuzz.mutate(data, s)[0]) <= fuzz.MAX_SIZE for s in range(50))


def test_mutated_sample_papers(warm):
    files = fuzz.seed_files(shared=False)
    _check(fuzz.fuzz(files, SAMPLE_INPUTS, SEED, TIMEOUT_S))


# Inputs mutated from ../shared/corpus/real that once failed, regenerated from (file, seed).
SHARED_CASES = [
    ("pdf/cermine_test2_rehabil-res-pract_2010_heart-failure-programmes.pdf", 450277878725,
     "timeout: a long run of glyphs on one line made line building quadratic"),
]


@pytest.mark.skipif(not fuzz.SHARED_CORPUS.is_dir(), reason="../shared/corpus/real is absent")
@pytest.mark.parametrize("name, seed, found", SHARED_CASES)
def test_real_inputs_that_once_failed(warm, name, seed, found):
    data, _ = fuzz.mutate((fuzz.SHARED_CORPUS / name).read_bytes(), seed)
    status, message, peak, _ = fuzz.run_input(data, Path(name).suffix, TIMEOUT_S)
    assert status in ("mined", "refused"), (found, status, message)
    assert "\n" not in message and peak < fuzz.BUDGET_MB


@pytest.mark.skipif(not fuzz.SHARED_CORPUS.is_dir(), reason="../shared/corpus/real is absent")
def test_mutated_real_papers(warm):
    files = [f for f in fuzz.seed_files(shared=True) if f.is_relative_to(fuzz.SHARED_CORPUS)]
    _check(fuzz.fuzz(files, SHARED_INPUTS, SEED, TIMEOUT_S))

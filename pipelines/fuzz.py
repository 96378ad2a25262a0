"""`make fuzz N=1000`: mutation fuzzing of leakmine on the sample corpus (and ../shared/corpus/real).

Each input is a seed file mutated by a few operations drawn from a seeded generator (flipped or
zeroed bytes, cut, repeated or deleted ranges, inserted format tokens, deep nesting, a very long
line, recoding to UTF-16/32, gzip), so any input is regenerated exactly from (file, seed). Each one
is mined (ingest, extract, assemble) in a forked child with the pipeline already loaded, under a
wall-clock alarm and an address-space cap; the parent reads the child's own peak memory from
`os.wait4`. An input passes when it is mined or refused with leakmine's one-line error: a
traceback, a timeout or a peak over the memory budget fails it. Failing inputs are written to
--keep for the regression fixtures in tests/fuzz_cases.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw"
SHARED_CORPUS = Path(os.environ.get("LEAKMINE_SHARED", ROOT.parent / "shared")) / "corpus" / "real"
MAX_SIZE = 4 << 20  # mutated inputs stay under 4 MB
TIMEOUT_S = 120
BUDGET_MB = 1536
ADDRESS_SPACE_GB = 4  # beyond the parent's own mappings; a runaway child gets MemoryError, not the machine

_TOKENS = (
    b"\x00", b"\x1b", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xe2\x80", "\u2028".encode(), b"\r", b"\n\n",
    b"<", b"</", b">", b"&", b"&#0;", b"&nbsp;", b"&undefined;", b"]]>", b"<![CDATA[", b"<!--", b"<?xml ",
    b'encoding="x-unknown"', b"<sec>", b"<p>", b"</article>", b"<article>",
    b"obj", b"endobj", b"stream\n", b"endstream", b"<<", b">>", b"/Length 99999999", b"/Count 99999",
    b"/Filter /FlateDecode", b"/Type /Page", b" 0 R", b"-1", b"9999999999", b"%PDF-1.7", b"%%EOF", b"xref",
    b"trailer", b"(", b")", b"[", b"]", b"/Font", b"BT", b"ET", b"Tj", b"1e308",
    b"L1", b"T12-L2", b"C7/T1", b"grade 3/5", b"4+/5", b"n = 12", b"42-year-old", b"twenty-one",
)


def _span(rng: random.Random, data: bytes, most: int = 4096) -> tuple[int, int]:
    start = rng.randrange(len(data) + 1)
    return start, min(len(data), start + rng.randint(1, most))


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def flip_bits(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def zero_range(rng: random.Random, data: bytes) -> bytes:
    a, b = _span(rng, data)
    return data[:a] + bytes(b - a) + data[b:]


def delete_range(rng: random.Random, data: bytes) -> bytes:
    a, b = _span(rng, data)
    return data[:a] + data[b:]


def repeat_range(rng: random.Random, data: bytes) -> bytes:
    a, b = _span(rng, data, 512)
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[a:b] * rng.choice((2, 10, 1000)) + data[at:]


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def insert_token(rng: random.Random, data: bytes) -> bytes:
    out = data
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        out = out[:at] + rng.choice(_TOKENS) + out[at:]
    return out


def deep_nesting(rng: random.Random, data: bytes) -> bytes:
    at, depth = rng.randrange(len(data) + 1), rng.choice((100, 1000, 50000))
    open_, close = rng.choice(((b"<sec>", b"</sec>"), (b"[", b"]"), (b"<<", b">>"), (b"(", b")")))
    return data[:at] + open_ * depth + close * depth + data[at:]


def long_line(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice((b"word ", b"x", b"L1-", b"1")) * rng.choice((10_000, 400_000)) + data[at:]


def recode(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    return text.encode(rng.choice(("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "cp1252")),
                       errors="replace")


def gzipped(rng: random.Random, data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=1, mtime=0)


OPERATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    f.__name__: f for f in (flip_bytes, flip_bits, zero_range, delete_range, repeat_range, truncate,
                            insert_token, deep_nesting, long_line, recode, gzipped)
}
# Byte-level damage is what real files suffer most; the structural operations come less often.
_WEIGHTS = {"flip_bytes": 4, "flip_bits": 3, "zero_range": 2, "delete_range": 2, "repeat_range": 2,
            "truncate": 2, "insert_token": 4, "deep_nesting": 1, "long_line": 1, "recode": 1, "gzipped": 1}


def mutate(data: bytes, seed: int) -> tuple[bytes, list[str]]:
    """`data` mutated by one to three operations chosen by `seed`, and their names."""
    rng = random.Random(seed)
    names = rng.choices(list(_WEIGHTS), weights=list(_WEIGHTS.values()), k=rng.randint(1, 3))
    for name in names:
        data = OPERATIONS[name](rng, data)[:MAX_SIZE]
    return data, names


def seed_files(shared: bool = True) -> list[Path]:
    """The sample corpus, and the shared real corpus when it is beside the repository."""
    files = sorted(p for p in SAMPLE.iterdir() if p.is_file() and not p.name.startswith("."))
    if shared and SHARED_CORPUS.is_dir():
        files += sorted(p for sub in ("pdf", "jats", "pubmed") for p in (SHARED_CORPUS / sub).glob("*"))
    return files


@dataclass
class Outcome:
    """How mining one input ended: "mined", "refused" (one clean line), "traceback", "timeout" or "killed"."""

    source: str
    seed: int
    operations: list[str]
    status: str
    message: str
    peak_mb: float
    seconds: float

    @property
    def failed(self) -> bool:
        return self.status not in ("mined", "refused") or self.peak_mb > BUDGET_MB


_MINED, _REFUSED, _TRACEBACK = 0, 10, 11


def run_input(data: bytes, suffix: str, timeout_s: int = TIMEOUT_S) -> tuple[str, str, float, float]:
    """Mine `data` (written to a file ending in `suffix`) in a forked child: (status, message,
    peak memory in MB, seconds)."""
    from leakmine.errors import LeakmineError
    from leakmine.pipeline import process_file

    with tempfile.TemporaryDirectory(prefix="leakmine-fuzz-") as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        read_end, write_end = os.pipe()
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            code, message = _TRACEBACK, ""
            try:
                _confine(timeout_s)
                process_file(path)
                code = _MINED
            except LeakmineError as e:
                code, message = _REFUSED, str(e)
            except BaseException:  # noqa: BLE001 - any other exception is what the fuzzer looks for
                message = traceback.format_exc()
            os.write(write_end, message.encode("utf-8", "replace")[-4000:])
            os._exit(code)
        os.close(write_end)
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - t0
        with os.fdopen(read_end, "rb") as f:
            message = f.read().decode("utf-8", "replace")
    peak = usage.ru_maxrss / 1024
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        kind = "timeout" if sig in (signal.SIGALRM, signal.SIGXCPU) else "killed"
        return kind, f"signal {signal.Signals(sig).name}", peak, seconds
    code = os.WEXITSTATUS(status)
    kind = {_MINED: "mined", _REFUSED: "refused"}.get(code, "traceback")
    return kind, message.strip() or f"exit status {code}", peak, seconds


def _confine(timeout_s: int) -> None:
    """Limits for the forked child: output silenced, a wall-clock alarm, a CPU and an address-space cap."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.alarm(timeout_s)
    resource.setrlimit(resource.RLIMIT_CPU, (timeout_s, timeout_s + 5))
    mapped = _address_space()
    if mapped:
        cap = mapped + (ADDRESS_SPACE_GB << 30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _address_space() -> int | None:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    line = next((x for x in status.splitlines() if x.startswith("VmSize:")), None)
    return int(line.split()[1]) * 1024 if line else None


def warm() -> None:
    """Load the pipeline and mine one sample paper, so every forked child starts warm."""
    from leakmine.pipeline import process_file

    process_file(SAMPLE / "case01_intradural_pvp_single.txt")


def fuzz(files: list[Path], count: int, base_seed: int, timeout_s: int = TIMEOUT_S,
         progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """`count` mutated inputs, round-robin over `files`, input i mutated with seed `base_seed + i`."""
    warm()
    originals = {f: f.read_bytes() for f in files}
    outcomes = []
    for i in range(count):
        source, seed = files[i % len(files)], base_seed + i
        data, names = mutate(originals[source], seed)
        status, message, peak, seconds = run_input(data, "".join(source.suffixes), timeout_s)
        out = Outcome(_name(source), seed, names, status, message, round(peak, 1), round(seconds, 2))
        outcomes.append(out)
        if progress:
            progress(out)
    return outcomes


def _name(path: Path) -> str:
    for base, label in ((SAMPLE, "sample"), (SHARED_CORPUS, "shared")):
        if path.is_relative_to(base):
            return f"{label}:{path.relative_to(base).as_posix()}"
    return str(path)


def summary(outcomes: list[Outcome]) -> dict:
    peaks = sorted(o.peak_mb for o in outcomes)
    count = {s: sum(o.status == s for o in outcomes) for s in ("mined", "refused", "traceback", "timeout", "killed")}
    return {"inputs": len(outcomes), **count, "over_budget": sum(o.peak_mb > BUDGET_MB for o in outcomes),
            "peak_mb_max": peaks[-1] if peaks else 0, "peak_mb_median": peaks[len(peaks) // 2] if peaks else 0,
            "seconds_max": max((o.seconds for o in outcomes), default=0)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--count", type=int, default=1000, help="mutated inputs to mine")
    ap.add_argument("--seed", type=int, default=None, help="first seed (default: random, printed)")
    ap.add_argument("--timeout", type=int, default=TIMEOUT_S, help="seconds per input")
    ap.add_argument("--no-shared", action="store_true", help="mutate the sample corpus only")
    ap.add_argument("--keep", type=Path, default=Path("fuzz-failures"),
                    help="folder for failing inputs and their report")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 40)
    files = seed_files(shared=not args.no_shared)
    print(f"fuzzing {args.count} inputs from {len(files)} files, seeds {seed}..{seed + args.count - 1}", flush=True)

    done: list[Outcome] = []

    def show(o: Outcome) -> None:
        done.append(o)
        if len(done) % 100 == 0 and len(done) < args.count:
            print(json.dumps(summary(done)), flush=True)
        if o.failed:
            print(f"FAIL {o.status} {o.source} seed={o.seed} {o.operations} {o.peak_mb} MB: "
                  f"{o.message.splitlines()[-1] if o.message else ''}", flush=True)

    outcomes = fuzz(files, args.count, seed, args.timeout, show)
    failed = [o for o in outcomes if o.failed]
    if failed:
        args.keep.mkdir(parents=True, exist_ok=True)
        for o in failed:  # bytes of mutated sample files only; shared files are named, never copied
            (args.keep / f"{o.seed}.json").write_text(json.dumps(asdict(o), indent=1))
            if o.source.startswith("sample:"):
                source = SAMPLE / o.source.removeprefix("sample:")
                (args.keep / f"{o.seed}{''.join(source.suffixes)}").write_bytes(mutate(source.read_bytes(), o.seed)[0])
    print(json.dumps(summary(outcomes)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

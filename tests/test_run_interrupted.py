"""`leakmine run` stopped by kill -9, SIGTERM or Ctrl-C: no process is left, and a rerun keeps every
paper already mined and ends with the tables of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from leakmine.batch import run_batch
from leakmine.cli import app
from leakmine.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = 3  # copies of each sample text, each a distinct paper
REPEATS = 4  # times its text is repeated in each copy


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("interrupted") / "raw"
    folder.mkdir()
    for src in sorted((ROOT / "data" / "raw").glob("*.txt")):
        for n in range(VARIANTS):  # long enough papers that a run is stopped well before its end
            body = "\n\n".join(f"{src.read_text()}\nPart {k} of reviewed copy {n}.\n" for k in range(REPEATS))
            (folder / f"{src.stem}_{n}.txt").write_text(body)
    return folder


@pytest.fixture(scope="module")
def reference(raw, tmp_path_factory) -> Path:
    load_pipeline()  # once here: the workers of in-process runs are forked with it
    out = tmp_path_factory.mktemp("reference") / "out"
    run_batch(raw, out)
    return out


def tables(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out / "tables").as_posix(): p.read_bytes()
            for p in sorted((out / "tables").rglob("*.parquet"))}


def session_processes(sid: int) -> list[int]:
    """Pids of the processes in session `sid` (a `start_new_session` child and what it started)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids


def wait_until(condition, limit: float = 120.0) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.01)
    return False


def start(raw: Path, out: Path) -> subprocess.Popen:
    """`leakmine run` in a session of its own, once it has checkpointed a few papers."""
    proc = subprocess.Popen([sys.executable, "-m", "leakmine", "run", str(raw), str(out), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    assert wait_until(lambda: len(list((out / ".cache").glob("*.entry"))) >= 2)
    return proc


def stopped(proc: subprocess.Popen, sig: int) -> int:
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)  # what a terminal does on Ctrl-C
    else:
        proc.send_signal(sig)
    status = proc.wait(timeout=60)
    proc.stderr.close()
    assert wait_until(lambda: not session_processes(proc.pid), limit=10), session_processes(proc.pid)
    return status


def test_kill_9_leaves_no_process_and_a_rerun_keeps_what_was_mined(raw, reference, tmp_path):
    out = tmp_path / "out"
    assert stopped(start(raw, out), signal.SIGKILL) == -9
    kept = len(list((out / ".cache").glob("*.entry")))
    total = len(list(raw.iterdir()))
    assert kept < total, "the run ended before it was stopped"
    result = CliRunner().invoke(app, ["run", str(raw), str(out)])
    assert result.exit_code == 0, result.output
    assert f"({total - kept} processed, {kept} unchanged)" in result.stdout
    assert tables(out) == tables(reference)


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_sigterm_and_ctrl_c_stop_the_workers_and_release_the_folder(raw, tmp_path, sig, status):
    out = tmp_path / "out"
    assert stopped(start(raw, out), sig) == status
    assert not (out / "_meta.json").exists()
    from filelock import FileLock

    with FileLock(out / ".lock", timeout=0):
        pass

"""The local engine: worker processes that die with leakmine, each unit under a time and memory limit.

Workers are forked children that ask the kernel to kill them when their parent dies
(PR_SET_PDEATHSIG), so `kill -9`, SIGTERM or Ctrl-C of `leakmine run` leaves no process behind. In a
worker, a unit that overruns the time limit is stopped by an alarm, and the address space is capped
(RLIMIT_AS); a unit that runs on regardless is killed by the parent a little later, and a worker that
dies (memory, a crash in a C library) is replaced. Each of these ends as an error row naming the limit.

Each worker writes the checkpoint of the unit it mined and sends back its header alone: the rows are
serialized once, in parallel, and never cross to the parent, which only gathers headers.
"""

from __future__ import annotations

import ctypes
import itertools
import multiprocessing as mp
import os
import resource
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from leakmine.batch.checkpoint import Checkpoints
from leakmine.batch.work import Mined, Unit, error, mine_checked, warm

PR_SET_PDEATHSIG = 1
GRACE_S = 10.0


@dataclass(frozen=True)
class UnitLimits:
    """Per-unit limits: `time_s` seconds of wall time, `memory_mb` of address space per worker (0: none)."""

    time_s: float = 300.0
    memory_mb: int = 4096

    def seconds(self, unit: Unit) -> float:
        """The unit's time: `time_s` per paper it holds (a unit of a PubMed file holds many)."""
        return self.time_s * max(1, len(unit.citations.ids) if unit.citations else 1)

    def time_error(self, key: str) -> Mined:
        return error(key, "limit", f"time limit exceeded ({self.time_s:g} s per paper)", limit="time")

    def memory_error(self, key: str) -> Mined:
        return error(key, "limit", f"memory limit exceeded ({self.memory_mb} MB per worker)", limit="memory")


class _TimeUp(BaseException):  # not an Exception: `mine` must not catch it
    pass


def die_with_parent(parent_pid: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux); exit now if it already has."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the parent's checks below and its own cleanup remain
    if os.getppid() != parent_pid:
        os._exit(1)


def _alarm(*_: Any) -> None:
    raise _TimeUp


def _worker(conn: Connection, parent_pid: int, limits: UnitLimits, store: Checkpoints | None) -> None:
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, _alarm)
    if limits.memory_mb:
        cap = limits.memory_mb << 20
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard if hard != resource.RLIM_INFINITY and hard < cap
                                                 else cap))
    while True:
        try:
            unit = conn.recv()
        except EOFError:
            return
        if unit is None:
            return
        fatal = False
        if limits.time_s:
            signal.setitimer(signal.ITIMER_REAL, limits.seconds(unit))
        try:
            result: Any = mine_checked(unit)
        except _TimeUp:
            result = limits.time_error(unit.key)
        except MemoryError:
            result, fatal = limits.memory_error(unit.key), True
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if store is not None and isinstance(result, Mined) and not fatal:
            result = _saved(store, result)
        conn.send(result)
        if fatal:
            return  # a worker that ran out of memory is replaced rather than trusted


def _saved(store: Checkpoints, result: Mined) -> Mined:
    """The result checkpointed here, as its header alone (the entry's, as saved, for the parent to keep
    without reading the entry again); whole when it could not be written (the parent then tries, and
    fails the run with the reason)."""
    try:
        store.save(result.key, result.header, result.tables)
    except OSError:
        return result
    return Mined(result.key, store.header(result.key), saved=True)


@dataclass
class _Slot:
    proc: Any
    conn: Connection
    unit: Unit | None = None
    started: float = 0.0


def _death(proc: Any, limits: UnitLimits, key: str) -> Mined:
    code = proc.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        if -code == signal.SIGKILL and limits.memory_mb:
            return error(key, "limit", f"worker killed ({name}), likely over the memory limit "
                         f"({limits.memory_mb} MB per worker)", limit="memory")
        return error(key, "internal", f"worker crashed ({name})")
    return error(key, "internal", f"worker exited with status {code}")


def run_local(units: Iterable[Unit], workers: int, limits: UnitLimits,
              on_result: Callable[[Unit, Mined | tuple], None], store: Checkpoints | None = None) -> None:
    """Mine `units` in `workers` processes; `on_result` gets each unit with its result as it ends
    (with `store`, the workers checkpoint their results there: `Mined.saved`).

    Units are drawn from the iterable only when a worker is free, so a lazy iterable stays lazy. The
    pipeline is loaded here, once, before the workers are forked: they share its memory and start
    at once.
    """
    todo: Iterator[Unit] = iter(units)
    first = next(todo, None)
    if first is None:
        return
    todo = itertools.chain([first], todo)
    warm()
    ctx = mp.get_context("fork")
    parent = os.getpid()

    def spawn() -> _Slot:
        mine_end, worker_end = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(worker_end, parent, limits, store), daemon=True)
        proc.start()
        worker_end.close()
        return _Slot(proc, mine_end)

    slots: list[_Slot] = []
    try:
        slots = [spawn() for _ in range(max(1, workers))]
        exhausted = False
        while True:
            for i, s in enumerate(slots):
                if s.unit is None and not exhausted:
                    if not s.proc.is_alive():
                        s.conn.close()
                        slots[i] = s = spawn()
                    unit = next(todo, None)
                    if unit is None:
                        exhausted = True
                        break
                    try:
                        s.conn.send(unit)
                    except OSError:  # it died just now: a fresh worker takes the unit
                        s.conn.close()
                        slots[i] = s = spawn()
                        s.conn.send(unit)
                    s.unit, s.started = unit, time.monotonic()
            busy = [s for s in slots if s.unit is not None]
            if not busy:
                return
            ready = set(wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout=1.0))
            for i, s in enumerate(slots):
                if s.unit is None:
                    continue
                result = None
                if s.conn in ready:
                    try:
                        result = s.conn.recv()
                    except (EOFError, OSError):
                        result = None
                if result is not None:
                    unit, s.unit = s.unit, None
                    on_result(unit, result)
                    continue
                overran = limits.time_s and time.monotonic() - s.started > limits.seconds(s.unit) + GRACE_S
                if s.conn in ready or s.proc.sentinel in ready or overran:
                    s.proc.kill()
                    s.proc.join()
                    unit = s.unit
                    on_result(unit, limits.time_error(unit.key) if overran else _death(s.proc, limits, unit.key))
                    s.conn.close()
                    slots[i] = spawn()
    finally:
        for s in slots:
            if s.proc.is_alive():
                s.proc.kill()
            s.proc.join()
            s.conn.close()

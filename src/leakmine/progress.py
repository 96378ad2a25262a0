"""Progress of a batch: a live bar in a terminal, else a log line with counts and rate now and then."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

log = logging.getLogger("leakmine.progress")
EVERY = 10.0  # seconds between log lines when stderr is not a terminal


def rate_line(what: str, done: int, total: int, seconds: float) -> str:
    rate = done / seconds if seconds > 0 else 0.0
    return f"{what}: {done}/{total} files, {rate:.1f} files/s, {seconds:.0f} s"


@contextmanager
def progress(what: str, total: int, tty: bool | None = None) -> Iterator[Callable[[], None]]:
    """Yield a function to call once per finished item."""
    tty = sys.stderr.isatty() if tty is None else tty
    if tty:
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, transient=True) as bar:
            task = bar.add_task(what, total=total)
            yield lambda: bar.advance(task)
        return
    start = last = time.monotonic()
    done = 0

    def advance() -> None:
        nonlocal done, last
        done += 1
        now = time.monotonic()
        if now - last >= EVERY and done < total:
            last = now
            print(f"leakmine: {rate_line(what, done, total, now - start)}", file=sys.stderr, flush=True)

    yield advance
    log.info(rate_line(what, done, total, time.monotonic() - start))

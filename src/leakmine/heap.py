"""The garbage collector around what a process loads once and keeps: spaCy and the libraries a command
imports, the pipeline, its rules' saved analyses."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with no garbage collection: one during loading walks the hundreds of thousands of
    objects loaded so far (a cold `leakmine extract` spent about a seventh of its CPU so), and loading
    makes next to no garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def kept_for_life() -> Iterator[None]:
    """`collector_paused`, then, when the block succeeds, every object alive moved into the permanent
    generation (`gc.freeze`), so that no full collection while papers are mined walks them again. What
    little garbage imports leave (about 2,000 objects) is kept with them."""
    with collector_paused():
        yield
        gc.freeze()

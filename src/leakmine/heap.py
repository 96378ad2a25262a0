"""The garbage collector around what a process loads once and keeps: the pipeline, its rules and their
saved analyses."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def kept_for_life() -> Iterator[None]:
    """Run the block with the collector paused, then move every object alive into the permanent
    generation (`gc.freeze`). Loading builds hundreds of thousands of objects and no garbage cycles:
    a collection during it walks them all for nothing (about a seventh of a cold `leakmine extract`),
    and so would every full collection while papers are mined."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()

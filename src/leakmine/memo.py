"""Caches of what leakmine reads from a paper's own words (its lines, titles, the long forms of its
abbreviations, the haystack its rules search), each kept by the process for the papers that follow.

`text_cache(n)` is `functools.lru_cache(n)` for such a function, and `keep(clear)` enrols any other
such cache; `clear()` empties them all, so that a measurement which reads the same papers again
(`make bench`) pays what the first reading of a paper pays. Caches of what leakmine itself ships
(rules, vocabularies) are not enrolled: they are read once per process whatever is mined.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_CLEARS: list[Callable[[], None]] = []


def text_cache(maxsize: int) -> Callable[[F], F]:
    """`functools.lru_cache(maxsize)` of a function of a paper's text, emptied by `clear`."""

    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _CLEARS.append(cached.cache_clear)
        return cached  # type: ignore[return-value]

    return wrap


def keep(clear_cache: Callable[[], None]) -> None:
    """Enrol another cache of a paper's text by the function that empties it."""
    _CLEARS.append(clear_cache)


def clear() -> None:
    """Empty every cache of papers' text."""
    for clear_cache in _CLEARS:
        clear_cache()

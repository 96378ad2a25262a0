"""medspaCy's ConText pieces, imported without the QuickUMLS chain, and with its msgpack decoders
kept to their own objects.

`medspacy.util`, which ConText's modules import, imports QuickUMLS for a component leakmine never
runs, and QuickUMLS imports NLTK, SciPy and scikit-learn: most of a second and ~160 MB per process.
Before medspaCy is imported, `defer` puts a stand-in for QuickUMLS in `sys.modules`; the first
attribute read from a stand-in imports the real module in its place, so code that does use QuickUMLS
still gets it.

medspaCy registers msgpack decoders that turn any dict with a "modifier", "modifiers",
"context_graph" or "section" key back into its own objects, in every msgpack load of the process (a
DocBin, a Doc sent between `nlp.pipe` processes): the attrs of a muscle grade hold a "modifier"
("+"). `guard_decoders` lets each read only what medspaCy writes under its key, a dict or a list.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import sys
import types
from collections.abc import Callable
from typing import Any

import srsly


class _Deferred(types.ModuleType):
    """A module that is imported for real when something is read from it."""

    def __getattr__(self, name: str):
        if name.startswith("__"):  # the import system probing for `__path__`, `__file__`, ...
            raise AttributeError(name)
        for key in [k for k, m in sys.modules.items() if isinstance(m, _Deferred)]:
            del sys.modules[key]
        return getattr(importlib.import_module(self.__name__), name)


def defer(package: str, submodules: tuple[str, ...] = ()) -> None:
    """Stand-ins for `package` and its `submodules` until first use (nothing if already imported)."""
    if package in sys.modules or importlib.util.find_spec(package) is None:
        return
    stand_in = _Deferred(package)
    sys.modules[package] = stand_in
    for name in submodules:
        sub = _Deferred(f"{package}.{name}")
        setattr(stand_in, name, sub)
        sys.modules[sub.__name__] = sub


def _own_objects_only(decoder: Callable[..., Any], key: str, obj: Any, chain: Callable[..., Any] | None = None):
    if isinstance(obj, dict) and isinstance(obj.get(key), dict | list):
        return decoder(obj, chain=chain)
    return obj if chain is None else chain(obj)


def guard_decoders() -> None:
    """Wrap each of medspaCy's msgpack decoders so that it reads only its own serialized objects."""
    for key, decoder in srsly.msgpack_decoders.get_all().items():
        if getattr(decoder, "__module__", "").startswith("medspacy."):
            srsly.msgpack_decoders.register(key, func=functools.partial(_own_objects_only, decoder, key))


defer("quickumls", ("spacy_component",))

from medspacy.common.medspacy_matcher import MedspacyMatcher  # noqa: E402
from medspacy.context import ConText  # noqa: E402
from medspacy.context.context import DEFAULT_ATTRIBUTES  # noqa: E402
from medspacy.context.context_graph import ConTextGraph  # noqa: E402
from medspacy.context.context_modifier import ConTextModifier  # noqa: E402
from medspacy.context.context_rule import ConTextRule  # noqa: E402

__all__ = ["DEFAULT_ATTRIBUTES", "ConText", "ConTextGraph", "ConTextModifier", "ConTextRule", "MedspacyMatcher"]

guard_decoders()

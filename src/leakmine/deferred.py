"""Modules leakmine's libraries import but leakmine never uses, loaded only when something uses them.

- `medspacy.util` imports QuickUMLS for a component leakmine never runs, and QuickUMLS imports NLTK,
  SciPy and scikit-learn: most of a second and ~160 MB per process. Deferred wherever ConText is
  imported (components/context/medspacy_parts.py).
- spaCy's `__init__` imports `spacy.cli.info` for `spacy.info`, and with it spaCy's whole command line
  (typer apps, requests, weasel, every training command): about 0.15 CPU-s; `spacy.util` imports
  langcodes only to match a language code spaCy has no module for: 0.03 CPU-s. Deferred in leakmine's
  own command-line process only (cli.py), so code that imports leakmine as a library sees spaCy as
  spaCy made it.

`install(root, ...)` puts a finder ahead of the import system's own. A module of `DEFERRED` under those
roots that is not imported yet is then created empty: a package keeps its `__path__`, so its submodules
import as usual, and the functions named for it are stand-ins. The first read of anything else from it
(save the import system's probes of dunder names), or a call of a stand-in, runs the real code of every
deferred module of its top package (deepest first, so a package finds its submodules whole) in the
module objects already handed out.
"""

from __future__ import annotations

import sys
import threading
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import Any

# Each module that may be deferred, with the functions that stand in for its own until the first call.
DEFERRED: dict[str, tuple[str, ...]] = {
    "quickumls": (),
    "quickumls.spacy_component": (),  # `from quickumls import spacy_component` in medspaCy's util
    "spacy.cli": (),
    "spacy.cli.info": ("info",),  # `from .cli.info import info` in spaCy's __init__
    "langcodes": (),
}


class _Loader(Loader):
    """Makes a deferred module: empty, with stand-ins and a module `__getattr__` that loads it."""

    def __init__(self, real: ModuleSpec):
        self.real = real

    def create_module(self, spec: ModuleSpec) -> None:
        return None  # the import system's default module

    def exec_module(self, module: ModuleType) -> None:
        def __getattr__(name: str) -> Any:  # noqa: N807 (a module's own, PEP 562)
            return _first_use(module, name)

        __getattr__.deferred = True
        module.__getattr__ = __getattr__
        for name in DEFERRED[module.__name__]:
            module.__dict__[name] = _stand_in(module, name)

    def get_resource_reader(self, fullname: str) -> Any:
        """The real loader's (`importlib.resources` reads a package's files through it)."""
        real = getattr(self.real.loader, "get_resource_reader", None)
        return real(fullname) if real else None


class _Finder(MetaPathFinder):
    def __init__(self) -> None:
        self.roots: set[str] = set()

    def find_spec(self, fullname: str, path: Any, target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname not in DEFERRED or _root(fullname) not in self.roots - _loaded_roots:
            return None
        real = PathFinder.find_spec(fullname, path)
        if real is None or real.loader is None:
            return None
        spec = ModuleSpec(fullname, _Loader(real), origin=real.origin,
                          is_package=real.submodule_search_locations is not None)
        spec.submodule_search_locations = real.submodule_search_locations
        spec.has_location, spec.cached = real.has_location, real.cached
        return spec


_finder = _Finder()
_loaded_roots: set[str] = set()
_loading = threading.RLock()


def install(*roots: str) -> None:
    """Defer the modules of `DEFERRED` under these top packages that are not imported yet."""
    _finder.roots.update(roots)
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)


def is_deferred(module: ModuleType) -> bool:
    """Whether `module` is a deferred module whose real code has not run yet."""
    spec = getattr(module, "__spec__", None)
    # by the loader's name, not its class: a module deferred before this module was reloaded keeps a loader
    # of the class it had then
    return isinstance(spec, ModuleSpec) and type(spec.loader).__name__ == "_Loader" and hasattr(spec.loader, "real")


def _root(name: str) -> str:
    return name.partition(".")[0]


def _first_use(module: ModuleType, name: str) -> Any:
    if name.startswith("__") or f"{module.__name__}.{name}" in DEFERRED:
        # the import system probing (`__spec__`, ...), or a deferred submodule it is about to import
        raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")
    _load(_root(module.__name__))
    if name in module.__dict__:
        return module.__dict__[name]
    own = module.__dict__.get("__getattr__")  # the real module's own, if it has one
    if own is not None and not getattr(own, "deferred", False):
        return own(name)
    raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")


def _stand_in(module: ModuleType, name: str):
    def call(*args: Any, **kwargs: Any) -> Any:
        _load(_root(module.__name__))
        return module.__dict__[name](*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"`{module.__name__}.{name}`, whose module loads on the first call."
    return call


def _load(root: str) -> None:
    """Run the real code of every deferred module of `root` in its module object, deepest first; once,
    by whichever thread asks first (the others wait for it). What the real code reads of a module still
    to run (a submodule it imports) is missing until then, as in a module being imported."""
    with _loading:
        if root in _loaded_roots:
            return
        _loaded_roots.add(root)
        waiting = sorted((m for n, m in list(sys.modules.items()) if _root(n) == root and is_deferred(m)),
                         key=lambda m: -m.__name__.count("."))
        for module in waiting:
            real = module.__spec__.loader.real
            module.__spec__, module.__loader__ = real, real.loader
            real.loader.exec_module(module)
        for module in waiting:
            if getattr(module.__dict__.get("__getattr__"), "deferred", False):
                del module.__dict__["__getattr__"]

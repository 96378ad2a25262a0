"""leakmine's spaCy components: one package per extractor, each with its rules as data.

`register()` imports every component package, which registers its factory with spaCy. Importing one
component alone (ingest reads section titles with the case-marker rules) leaves the others unloaded.
"""

import importlib
import pkgutil


def register() -> None:
    """Register every leakmine factory with spaCy."""
    for info in pkgutil.iter_modules(__path__):
        if info.ispkg:
            importlib.import_module(f"{__name__}.{info.name}")

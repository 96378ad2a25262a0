"""leakmine's spaCy components: one package per extractor, each with its rules as data.

Importing this package imports every component package, which registers its factory with spaCy.
"""

import importlib
import pkgutil

for _info in pkgutil.iter_modules(__path__):
    if _info.ispkg:
        importlib.import_module(f"{__name__}.{_info.name}")

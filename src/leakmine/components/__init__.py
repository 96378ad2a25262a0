"""leakmine's spaCy components: one package per extractor, each with its rules as data.

Importing this package registers every factory with spaCy.
"""

from leakmine.components import level, sentences  # noqa: F401

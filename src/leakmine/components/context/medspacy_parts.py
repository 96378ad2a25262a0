"""medspaCy's ConText pieces, imported without the QuickUMLS chain, and with its msgpack decoders
kept to their own objects.

QuickUMLS, which `medspacy.util` imports, is deferred (leakmine/deferred.py).

medspaCy registers msgpack decoders that turn any dict with a "modifier", "modifiers",
"context_graph" or "section" key back into its own objects, in every msgpack load of the process (a
DocBin, a Doc sent between `nlp.pipe` processes): the attrs of a muscle grade hold a "modifier"
("+"). `guard_decoders` lets each read only what medspaCy writes under its key, a dict or a list.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import srsly

from leakmine import deferred

deferred.install("quickumls")  # before medspaCy is imported

from medspacy.common.util import prune_overlapping_matches  # noqa: E402
from medspacy.context import ConText  # noqa: E402
from medspacy.context.context import DEFAULT_ATTRIBUTES  # noqa: E402
from medspacy.context.context_graph import ConTextGraph  # noqa: E402
from medspacy.context.context_modifier import ConTextModifier  # noqa: E402
from medspacy.context.context_rule import ConTextRule  # noqa: E402


def _own_objects_only(decoder: Callable[..., Any], key: str, obj: Any, chain: Callable[..., Any] | None = None):
    if isinstance(obj, dict) and isinstance(obj.get(key), dict | list):
        return decoder(obj, chain=chain)
    return obj if chain is None else chain(obj)


def guard_decoders() -> None:
    """Wrap each of medspaCy's msgpack decoders so that it reads only its own serialized objects."""
    for key, decoder in srsly.msgpack_decoders.get_all().items():
        if getattr(decoder, "__module__", "").startswith("medspacy."):
            srsly.msgpack_decoders.register(key, func=functools.partial(_own_objects_only, decoder, key))


__all__ = ["DEFAULT_ATTRIBUTES", "ConText", "ConTextGraph", "ConTextModifier", "ConTextRule", "prune_overlapping_matches"]

guard_decoders()

"""Section headings: printed titles -> canonical section kinds (vocabulary in headings.json)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_NUMBERING = re.compile(r"^\s*(?:(?:\d+|[IVX]+|[A-H])(?:\.\d+)*\.?\)?\s+)")


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, str]:
    data = json.loads(resources.files(__package__).joinpath("headings.json").read_text(encoding="utf-8"))
    return {normalize_title(title): kind for kind, titles in data.items() for title in titles}


def normalize_title(title: str) -> str:
    """"2. Case Report:" -> "case report" (numbering, punctuation, case and spacing dropped)."""
    t = _NUMBERING.sub("", title.replace("\u2009", " ").replace("\xa0", " "))
    t = re.sub(r"[^\w\s/&-]", " ", t.lower())
    return " ".join(t.split())


def heading_kind(title: str) -> str | None:
    """The canonical kind of a known heading ("Case presentation" -> "case"), else None."""
    t = normalize_title(title)
    if not t:
        return None
    vocab = _vocabulary()
    if t in vocab:
        return vocab[t]
    if re.fullmatch(r"(?:case|patient)\s*(?:\d+|[ivx]+|one|two|three|four|five)", t):
        return "case"
    return None

"""Text out of parsed XML elements, shared by the JATS and PubMed readers (pure functions).

Tags are compared by local name, so namespaced and plain documents read alike. Text is cleaned
like every other reader's (`textclean.fix_chars`: odd spaces such as U+2009 and U+00A0 made plain,
soft hyphens dropped) and its whitespace collapsed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from xml.etree.ElementTree import Element

from leakmine.ingest.textclean import fix_chars

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Elements that end a word: text on either side of them must not run together.
_BLOCKS = frozenset({
    "p", "list", "list-item", "def-list", "def-item", "term", "def", "title", "label", "caption",
    "tr", "td", "th", "break", "disp-quote", "attrib", "fn", "sec", "AbstractText",
})


def local(tag: str) -> str:
    """"{http://...}article" -> "article"."""
    return tag[tag.rfind("}") + 1:]


def clean(text: str) -> str:
    """Characters repaired and all runs of whitespace made one space."""
    return " ".join(fix_chars(text).split())


def children(el: Element | None, *names: str) -> Iterator[Element]:
    """Direct children with one of the local `names` (none when `el` is None)."""
    return iter(()) if el is None else (c for c in el if local(c.tag) in names)


def either(*elements: Element | None) -> Element | None:
    """The first element that is not None (an element with no children is falsy, so `or` won't do)."""
    return next((e for e in elements if e is not None), None)


def child(el: Element | None, *names: str) -> Element | None:
    """The first direct child with one of the local `names`, else None."""
    return None if el is None else next(children(el, *names), None)


def descendant(el: Element | None, *names: str) -> Element | None:
    """The first element below `el` (document order) with one of the local `names`."""
    if el is None:
        return None
    return next((e for e in el.iter() if e is not el and local(e.tag) in names), None)


def inline_text(el: Element | None, skip: Iterable[str] = (), found: list[Element] | None = None) -> str:
    """The text of `el` with word breaks at block elements; subtrees named in `skip` are left out
    (their tails kept) and appended to `found` when given."""
    if el is None:
        return ""
    skip = frozenset(skip)
    out: list[str] = []

    def walk(e: Element) -> None:
        out.append(e.text or "")
        for c in e:
            name = local(c.tag)
            if name in skip:
                if found is not None:
                    found.append(c)
            else:
                block = name in _BLOCKS
                out.append(" " if block else "")
                walk(c)
                out.append(" " if block else "")
            out.append(c.tail or "")

    walk(el)
    return clean("".join(out))


def leaf_text(el: Element | None) -> str:
    """Every text node of `el` joined by spaces: for field-per-element records such as
    `<element-citation>` whose parts carry no punctuation between them."""
    return "" if el is None else clean(" ".join(t for t in el.itertext() if t.strip()))


def year_of(text: str | None) -> int | None:
    """The first four-digit year in `text` ("2015 Dec-2016 Jan" -> 2015)."""
    digits = "".join(ch if ch.isdigit() else " " for ch in text or "").split()
    return next((int(d) for d in digits if len(d) == 4 and 1000 < int(d) < 2200), None)


@lru_cache(maxsize=1)
def _languages() -> dict[str, str]:
    return json.loads(resources.files(__package__).joinpath("languages.json").read_text(encoding="utf-8"))


def language_code(code: str | None, default: str = "en") -> str:
    """ISO 639 code as leakmine stores it: "eng" -> "en", "en-GB" -> "en", "DE" -> "de"."""
    c = (code or "").strip().lower().replace("_", "-").split("-")[0]
    if not c:
        return default
    return _languages().get(c, c)

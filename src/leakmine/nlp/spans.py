"""Span attributes shared by every leakmine component, and the helpers that write and read them.

A span's `lm_value`, `lm_rule` and `lm_attrs` are stored in `doc.user_data` per (start_char,
end_char, label), so two components that mark the same words with different labels ("decompression"
as a procedure and as a treatment) keep their own values.

Spans cover exactly the characters a rule matched: when a match starts or ends inside a token
(scispaCy keeps "T12-level" or "vertebrae(L2" as one token), `make_span` splits that token first and
rebuilds every span the document already holds (span groups, span-valued extensions such as the
abbreviation detector's), so nothing written before goes stale.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans

SPAN_ATTRS = ("lm_value", "lm_rule", "lm_attrs")
GROUP_PREFIX = "leakmine_"


def _key(span: Span, name: str) -> tuple[str, str, int, int, int]:
    return ("leakmine", name, span.start_char, span.end_char, span.label)


def _accessors(name: str):
    def get(span: Span) -> Any:
        return span.doc.user_data.get(_key(span, name))

    def set_(span: Span, value: Any) -> None:
        span.doc.user_data[_key(span, name)] = value

    return get, set_


for _name in SPAN_ATTRS:
    if not Span.has_extension(_name):
        _get, _set = _accessors(_name)
        Span.set_extension(_name, getter=_get, setter=_set)


def _fresh(doc: Doc, span: Span) -> Span | None:
    """The span over the same characters, rebuilt on the current tokens."""
    return doc.char_span(span.start_char, span.end_char, label=span.label, kb_id=span.kb_id, span_id=span.id)


def _rebuild(doc: Doc, value: Any) -> Any:
    if isinstance(value, Span) and value.doc is doc:
        return _fresh(doc, value) or value
    if isinstance(value, list) and any(isinstance(v, Span) for v in value):
        return [_rebuild(doc, v) for v in value]
    return value


def split_tokens(doc: Doc, chars: list[int]) -> bool:
    """Make every offset in `chars` that falls inside a token a token boundary; False if none did.

    Span groups and span-valued extension attributes are rebuilt on the new tokens.
    """
    chars = sorted(set(chars))
    cuts: dict[int, list[int]] = {}
    for tok in doc:
        lo, hi = bisect_right(chars, tok.idx), bisect_left(chars, tok.idx + len(tok.text))
        if lo < hi:
            cuts[tok.i] = [c - tok.idx for c in chars[lo:hi]]
    if not cuts:
        return False
    groups = {name: (dict(group.attrs), list(group)) for name, group in doc.spans.items()}
    with doc.retokenize() as retokenizer:
        for i, offsets in cuts.items():
            tok = doc[i]
            bounds = [0, *sorted(set(offsets)), len(tok.text)]
            orths = [tok.text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
            retokenizer.split(tok, orths, heads=[(tok, 0)] * len(orths))
    for name, (attrs, spans) in groups.items():
        rebuilt = [s for s in (_fresh(doc, s) for s in spans) if s is not None]
        doc.spans[name] = SpanGroup(doc, name=name, attrs=attrs, spans=rebuilt)
    for key, value in list(doc.user_data.items()):
        doc.user_data[key] = _rebuild(doc, value)
    return True


def make_span(doc: Doc, start: int, end: int, label: str, value: str, rule_id: str,
              attrs: dict[str, Any] | None = None) -> Span | None:
    """A span over exactly the characters [start, end), carrying the normalized value.

    Tokens cut by either end are split; an end that falls in white space widens to the nearest token.
    """
    span = doc.char_span(start, end, label=label)
    if span is None and split_tokens(doc, [start, end]):
        span = doc.char_span(start, end, label=label)
    if span is None:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for name, stored in zip(SPAN_ATTRS, (value, rule_id, attrs or {}), strict=True):
        doc.user_data[_key(span, name)] = stored  # what `span._.<name> = stored` does, without its lookups
    return span


def span_values(span: Span) -> tuple[Any, Any, Any]:
    """`span._.lm_value`, `span._.lm_rule` and `span._.lm_attrs`, read at once."""
    data = span.doc.user_data
    return tuple(data.get(_key(span, name)) for name in SPAN_ATTRS)


def write_group(doc: Doc, group: str, spans: list[Span], longest: bool = True) -> None:
    """Store spans in `doc.spans[group]`; with `longest`, overlapping spans keep the longest.

    Spans are rebuilt on the current tokens, so a token split by a later `make_span` leaves them whole.
    """
    current = [s for s in (_fresh(doc, s) for s in spans) if s is not None]
    kept = filter_spans(current) if longest else sorted(current, key=lambda s: (s.start, s.end))
    doc.spans[group] = kept


def write_found(doc: Doc, group: str,
                found: Iterable[tuple[int, int, str, str, str, dict[str, Any] | None]]) -> Doc:
    """Spans for what a component found, each (start, end, label, value, rule_id, attrs), into `group`."""
    found = list(found)
    split_tokens(doc, [c for f in found for c in f[:2]])  # at once: each split rebuilds every span
    spans = [make_span(doc, *f) for f in found]
    write_group(doc, group, [s for s in spans if s is not None])
    return doc


def leakmine_groups(doc: Doc) -> list[str]:
    return [g for g in doc.spans if g.startswith(GROUP_PREFIX)]

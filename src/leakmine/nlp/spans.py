"""Span attributes shared by every leakmine component, and the helpers that write and read them.

A span's `lm_value`, `lm_rule` and `lm_attrs` are stored together in `doc.user_data` per (start_char,
end_char, label), so two components that mark the same words with different labels ("decompression"
as a procedure and as a treatment) keep their own values.

Spans cover exactly the characters a rule matched: when a match starts or ends inside a token
(scispaCy keeps "T12-level" or "vertebrae(L2" as one token), `make_span` splits that token first and
rebuilds every span the document already holds (span groups, span-valued extensions, the token
offsets of the abbreviation detector's serializable abbreviations), so nothing written before goes stale.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans

SPAN_ATTRS = ("lm_value", "lm_rule", "lm_attrs")
# What a leakmine extractor assigns (spaCy's factory metadata); `make_span` may split tokens too.
SPAN_ASSIGNS = ["doc.spans", *(f"span._.{name}" for name in SPAN_ATTRS)]
# Token offsets in the serializable abbreviations of scispaCy's AbbreviationDetector (`make_serializable`).
_TOKEN_KEYS = frozenset({"short_start", "short_end", "long_start", "long_end"})
GROUP_PREFIX = "leakmine_"


_UNSET = (None, None, None)


def _key(start: int, end: int, label: int) -> tuple[str, int, int, int]:
    """Where the (`lm_value`, `lm_rule`, `lm_attrs`) of a span over characters [start, end) with the
    label (its hash) are kept in `doc.user_data`, together."""
    return ("leakmine", start, end, label)


def _key_of(span: Span) -> tuple[str, int, int, int]:
    return _key(span.start_char, span.end_char, span.label)


def _accessors(i: int):
    def get(span: Span) -> Any:
        return span.doc.user_data.get(_key_of(span), _UNSET)[i]

    def set_(span: Span, value: Any) -> None:
        data, key = span.doc.user_data, _key_of(span)
        values = list(data.get(key, _UNSET))
        values[i] = value
        data[key] = tuple(values)

    return get, set_


for _i, _name in enumerate(SPAN_ATTRS):
    if not Span.has_extension(_name):
        _get, _set = _accessors(_i)
        Span.set_extension(_name, getter=_get, setter=_set)


class _Tokens:
    """Where the doc's current tokens begin and end, by character: spans over exactly those characters
    (what `Doc.char_span` gives, read from one array instead of a search per span). `of` keeps the
    last doc's, read again when its tokens were split (a split adds tokens)."""

    _last: _Tokens | None = None

    def __init__(self, doc: Doc):
        self.doc = doc
        self.count = len(doc)
        self.idx, self.length = doc.to_array([IDX, LENGTH]).reshape(-1, 2).T.tolist() if len(doc) else ([], [])

    @classmethod
    def of(cls, doc: Doc) -> _Tokens:
        last = cls._last
        if last is None or last.doc is not doc or last.count != len(doc):
            last = cls._last = cls(doc)
        return last

    @cached_property
    def first(self) -> dict[int, int]:
        return {a: i for i, a in enumerate(self.idx)}

    @cached_property
    def after(self) -> dict[int, int]:
        return {a + n: i + 1 for i, (a, n) in enumerate(zip(self.idx, self.length, strict=True))}

    def span(self, start: int, end: int, label: Any = 0, kb_id: Any = 0, span_id: Any = 0) -> Span | None:
        i, j = self.first.get(start), self.after.get(end)
        return Span(self.doc, i, j, label=label, kb_id=kb_id, span_id=span_id) if i is not None and j is not None \
            and i < j else None

    def fresh(self, span: Span) -> Span | None:
        """The span over the same characters, rebuilt on the current tokens."""
        return self.span(span.start_char, span.end_char, span.label, span.kb_id, span.id)

    def rebuild(self, value: Any, moved: Callable[[int], int]) -> Any:
        """A stored value on the current tokens: spans rebuilt, token positions of serialisable spans
        (the abbreviation detector's dicts) moved by `moved`."""
        if isinstance(value, Span) and value.doc is self.doc:
            return self.fresh(value) or value
        if isinstance(value, dict) and _TOKEN_KEYS <= value.keys():
            return {**value, **{key: moved(value[key]) for key in _TOKEN_KEYS}}
        if isinstance(value, list) and any(isinstance(v, Span | dict) for v in value):
            return [self.rebuild(v, moved) for v in value]
        return value


def split_tokens(doc: Doc, chars: list[int]) -> bool:
    """Make every offset in `chars` that falls inside a token a token boundary; False if none did.

    Span groups and span-valued extension attributes are rebuilt on the new tokens.
    """
    cuts: dict[int, list[int]] = {}
    if chars:
        tokens = _Tokens.of(doc)
        idx, length = tokens.idx, tokens.length
        first, after = tokens.first, tokens.after
        # Where a token begins or ends is inside no token: only the other offsets are looked up.
        for c in sorted({c for c in chars if c not in first and c not in after}):
            i = bisect_right(idx, c) - 1
            if i >= 0 and idx[i] < c < idx[i] + length[i]:
                cuts.setdefault(i, []).append(c - idx[i])
    if not cuts:
        return False
    groups = {name: (dict(group.attrs), list(group)) for name, group in doc.spans.items()}
    added = list(cuts.items())  # by token, each token's offsets sorted and distinct (as `chars` is)

    def moved(i: int) -> int:
        """Where the token boundary before old token `i` is after the split."""
        return i + sum(len(offsets) for at, offsets in added if at < i)

    with doc.retokenize() as retokenizer:
        for i, offsets in added:
            tok = doc[i]
            bounds = [0, *offsets, len(tok.text)]
            orths = [tok.text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
            retokenizer.split(tok, orths, heads=[(tok, 0)] * len(orths))
    tokens = _Tokens.of(doc)
    for name, (attrs, spans) in groups.items():
        rebuilt = [s for s in map(tokens.fresh, spans) if s is not None]
        doc.spans[name] = SpanGroup(doc, name=name, attrs=attrs, spans=rebuilt)
    for key, value in list(doc.user_data.items()):
        if not (isinstance(key, tuple) and key[0] == "leakmine"):  # leakmine's own values are plain data
            doc.user_data[key] = tokens.rebuild(value, moved)
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
    _store(span, (value, rule_id, attrs or {}))
    return span


def _store(span: Span, values: tuple[Any, Any, Any]) -> None:
    """What `span._.lm_value, span._.lm_rule, span._.lm_attrs = values` does, in one write."""
    span.doc.user_data[_key_of(span)] = values


def span_values(span: Span) -> tuple[Any, Any, Any]:
    """`span._.lm_value`, `span._.lm_rule` and `span._.lm_attrs`, read at once."""
    return values_at(span.doc, span.start_char, span.end_char, span.label)


def values_at(doc: Doc, start: int, end: int, label: int) -> tuple[Any, Any, Any]:
    """`span_values` of the span of `doc` over characters [start, end) with the label (its hash)."""
    return doc.user_data.get(_key(start, end, label), _UNSET)


def write_group(doc: Doc, group: str, spans: list[Span], longest: bool = True) -> None:
    """Store spans in `doc.spans[group]`; with `longest`, overlapping spans keep the longest.

    Spans are rebuilt on the current tokens, so a token split by a later `make_span` leaves them whole.
    """
    current = [s for s in (doc.char_span(s.start_char, s.end_char, label=s.label, kb_id=s.kb_id, span_id=s.id)
                           for s in spans) if s is not None]
    kept = filter_spans(current) if longest else sorted(current, key=lambda s: (s.start, s.end))
    doc.spans[group] = kept


def _made(doc: Doc, found: list[tuple[int, int, str, str, str, dict[str, Any] | None]]) -> Iterator[Span]:
    """A span for each (start, end, label, value, rule_id, attrs) found, carrying its values: what
    `make_span` does one at a time, with the tokens split once for all (each split rebuilds every span)."""
    split_tokens(doc, [c for f in found for c in f[:2]])
    tokens = _Tokens.of(doc)
    for start, end, label, value, rule_id, attrs in found:
        span = tokens.span(start, end, label)
        if span is None:  # an end in white space: widened as `make_span` does
            span = make_span(doc, start, end, label, value, rule_id, attrs)
        else:
            _store(span, (value, rule_id, attrs or {}))
        if span is not None:
            yield span


def write_found(doc: Doc, group: str, found: Iterable[tuple[int, int, str, str, str, dict[str, Any] | None]],
                by_label: bool = False) -> Doc:
    """Spans for what a component found, each (start, end, label, value, rule_id, attrs), into `group`;
    overlapping spans keep the longest (with `by_label`, only among spans of one label: a group's count
    may span the age told within it, "among 120 patients aged 60-80 years, 14")."""
    made = list(_made(doc, list(found)))
    if by_label:
        kept = [s for label in {s.label for s in made} for s in filter_spans([s for s in made if s.label == label])]
        doc.spans[group] = sorted(kept, key=lambda s: (s.start, s.end, s.label))
    else:
        doc.spans[group] = filter_spans(made)
    return doc


def write_many(doc: Doc, group: str, found: list[tuple[int, int, str, str, str]]) -> Doc:
    """Spans for many matches, each (start, end, label, value, rule_id), into `group`, overlaps kept."""
    doc.spans[group] = sorted(_made(doc, [(*f, None) for f in found]), key=lambda s: (s.start, s.end))
    return doc


def leakmine_groups(doc: Doc) -> list[str]:
    return [g for g in doc.spans if g.startswith(GROUP_PREFIX)]

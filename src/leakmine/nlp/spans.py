"""Span attributes shared by every leakmine component, and the helper that writes them."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

SPAN_ATTRS = ("lm_value", "lm_rule", "lm_attrs")
for _name in SPAN_ATTRS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

GROUP_PREFIX = "leakmine_"


def make_span(doc: Doc, start: int, end: int, label: str, value: str, rule_id: str,
              attrs: dict[str, Any] | None = None) -> Span | None:
    """A span over the tokens covering characters [start, end), carrying the normalized value."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None or not len(span):
        return None
    span._.lm_value = value
    span._.lm_rule = rule_id
    span._.lm_attrs = attrs or {}
    return span


def write_group(doc: Doc, group: str, spans: list[Span], longest: bool = True) -> None:
    """Store spans in `doc.spans[group]`; with `longest`, overlapping spans keep the longest."""
    kept = filter_spans(spans) if longest else sorted(spans, key=lambda s: (s.start, s.end))
    doc.spans[group] = kept


def leakmine_groups(doc: Doc) -> list[str]:
    return [g for g in doc.spans if g.startswith(GROUP_PREFIX)]

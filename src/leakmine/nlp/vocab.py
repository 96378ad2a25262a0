"""Controlled-vocabulary extraction shared by leakmine's vocabulary components.

A vocabulary component (procedure, cause, leak location, symptom, treatment, outcome) is a list of
rules whose `value` is one term of that field's vocabulary (SCHEMA.md). Matching is pure: every rule
is run over the text, and overlapping matches keep the longest (ties go to the earlier rule). A rule may
name the words that are its term (a `term` group): the rest of its match is context only, and another
term may be found there ("posterior decompression with instrumentation": decompression, and the
instrumentation of a posterior operation).
Short forms that a paper defines itself ("balloon kyphoplasty (BKP)", found by scispaCy's
AbbreviationDetector) take the value of the rule that matches their long form, everywhere in the doc.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from leakmine import memo
from leakmine.nlp.docs import doc_text
from leakmine.nlp.rules import Match, Rule, find_matches, load_rules, load_vocabulary
from leakmine.nlp.spans import write_found

ABBREV_SUFFIX = "+abbrev"
# What may follow a long form's head word and still count as its end: plural "s", closing marks.
_LONG_FORM_TAIL = re.compile(r"^(?:s|es)?[\s.,;:)\]'\"’”]*$", re.IGNORECASE)
_SHORT_FORM = re.compile(r"[A-Za-z][A-Za-z0-9&/-]{0,11}")
_NAMED_KEPT = 4096  # long forms a vocabulary component remembers the naming rule of


@dataclass(frozen=True)
class VocabMatch:
    """One vocabulary hit: characters [start, end) of the text name `value`."""

    start: int
    end: int
    value: str
    rule_id: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def longest_matches(matches: Iterable[Match]) -> list[Match]:
    """Non-overlapping matches, longest first; among equal lengths the earlier rule, then position."""
    ranked = sorted(enumerate(matches), key=lambda im: (-(im[1].end - im[1].start), im[0]))
    kept: list[Match] = []  # by start; they never overlap, so a match can overlap only its neighbours
    starts: list[int] = []
    for _, m in ranked:
        at = bisect_right(starts, m.start)
        if (at == 0 or kept[at - 1].end <= m.start) and (at == len(kept) or m.end <= kept[at].start):
            kept.insert(at, m)
            starts.insert(at, m.start)
    return kept


def _terms(matches: Iterable[Match]) -> Iterator[Match]:
    """The matches, each cut to its rule's `term` group where it has one."""
    for m in matches:
        span = m.group_spans.get("term")
        yield replace(m, start=span[0], end=span[1]) if span else m


def match_vocabulary(text: str, rules: list[Rule]) -> list[VocabMatch]:
    """Every vocabulary term named in `text`, overlaps resolved to the longest match."""
    return [VocabMatch(m.start, m.end, m.rule.value or "", m.rule.id, dict(m.rule.attrs))
            for m in longest_matches(_terms(find_matches(text, rules))) if m.rule.value]


def match_long_form(long_form: str, rules: list[Rule]) -> Rule | None:
    """The rule naming an abbreviation's definition: its longest match must end the long form.

    English noun phrases end with their head, so "posterior lumbar interbody fusion" names a fusion
    while "fusion rate assessment score" does not.
    """
    for m in sorted(longest_matches(_terms(find_matches(long_form, rules))), key=lambda m: m.start - m.end):
        if m.rule.value and _LONG_FORM_TAIL.match(long_form[m.end:]):
            return m.rule
    return None


def is_short_form(short: str, long_form: str) -> bool:
    """Whether `short` reads as an abbreviation of `long_form`: one word holding a capital, shorter."""
    return bool(_SHORT_FORM.fullmatch(short)) and any(c.isupper() for c in short) and len(short) < len(long_form)


def abbreviation_matches(abbreviations: Iterable[tuple[int, int, str, str]], rules: list[Rule],
                         named: dict[str, Rule | None] | None = None) -> list[VocabMatch]:
    """Short-form occurrences (start, end, short form, long form) whose long form names a term;
    `named` keeps `match_long_form` of each long form met (pure: kept across papers by a component)."""
    out, cache = [], {} if named is None else named
    for start, end, short, long_form in abbreviations:
        if not is_short_form(short, long_form):
            continue
        if long_form not in cache:
            if len(cache) >= _NAMED_KEPT:
                cache.clear()
            cache[long_form] = match_long_form(long_form, rules)
        rule = cache[long_form]
        if rule is not None:
            out.append(VocabMatch(start, end, rule.value or "", rule.id + ABBREV_SUFFIX,
                                  {**rule.attrs, "long_form": long_form}))
    return out


def merge_matches(direct: list[VocabMatch], extra: list[VocabMatch]) -> list[VocabMatch]:
    """Direct matches plus `extra` ones that overlap none of them."""
    kept = list(direct)
    for m in extra:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))


def doc_abbreviations(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start_char, end_char, short form, long form) of every short-form occurrence scispaCy found."""
    if not doc.has_extension("abbreviations"):
        return []
    out = []
    for ab in doc._.abbreviations:
        if isinstance(ab, dict):  # the detector's serializable form
            span = doc[ab["short_start"]:ab["short_end"]]
            out.append((span.start_char, span.end_char, span.text, ab["long_text"]))
        else:
            long_form = ab._.long_form
            out.append((ab.start_char, ab.end_char, ab.text, getattr(long_form, "text", long_form) or ""))
    return out


@lru_cache(maxsize=1)
def _vocabulary_fragments() -> dict[str, str]:
    """Regex fragments every vocabulary's patterns may use (`<<CEMENT>>`, and `<<SHARES_CEMENT_EMBOLISM>>`
    that holds it), in the vocabulary package."""
    ref = resources.files("leakmine.components.vocabulary").joinpath("fragments.json")
    return json.loads(ref.read_text(encoding="utf-8"))


def load_vocabulary_rules(package: str, label: str) -> list[Rule]:
    """A component's patterns.jsonl, its markers filled in (`_vocabulary_fragments`), each rule's value
    checked against its vocabulary.json."""
    vocabulary = load_vocabulary(package)
    rules = load_rules(package, fragments=_vocabulary_fragments(), vocabulary=vocabulary, labels=frozenset({label}))
    missing = vocabulary - {r.value for r in rules}
    if missing:
        raise ValueError(f"{package}: no rule names {sorted(missing)}")
    return rules


class VocabularyExtractor:
    """Writes one span per vocabulary term found (directly or through a defined short form) to `group`."""

    def __init__(self, label: str, group: str, rules: list[Rule]):
        self.label = label
        self.group = group
        self.rules = rules
        self.named: dict[str, Rule | None] = {}  # long form -> the rule naming it; the same every paper
        memo.keep(self.named.clear)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = merge_matches(match_vocabulary(text, self.rules),
                              abbreviation_matches(doc_abbreviations(doc), self.rules, self.named))
        return write_found(doc, self.group, ((m.start, m.end, self.label, m.value, m.rule_id, dict(m.attrs))
                                             for m in found))

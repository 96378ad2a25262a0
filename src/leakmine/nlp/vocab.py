"""Controlled-vocabulary extraction shared by leakmine's vocabulary components.

A vocabulary component (procedure, cause, leak location, symptom, treatment, outcome) is a list of
rules whose `value` is one term of that field's vocabulary (SCHEMA.md). Matching is pure: every rule
is run over the text, and overlapping matches keep the longest (ties go to the earlier rule).
Short forms that a paper defines itself ("balloon kyphoplasty (BKP)", found by scispaCy's
AbbreviationDetector) take the value of the rule that matches their long form, everywhere in the doc.

Speed: a regex that opens with `\b` or a look-behind makes Python's `re` try every position of the
text. `scan` reads from each rule's parsed pattern the words a match must start with, finds them with
`str.find` and tries the regex only there; a rule whose start it cannot read is run as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from re import _constants as sre_constants  # the standard library's own regex parser
from re import _parser as sre_parser
from typing import Any

from spacy.tokens import Doc

from leakmine.nlp.rules import Match, Rule, find_matches, load_rules, load_vocabulary
from leakmine.nlp.spans import make_span, write_group

ABBREV_SUFFIX = "+abbrev"
# What may follow a long form's head word and still count as its end: plural "s", closing marks.
_LONG_FORM_TAIL = re.compile(r"^(?:s|es)?[\s.,;:)\]'\"’”]*$", re.IGNORECASE)
_SHORT_FORM = re.compile(r"[A-Za-z][A-Za-z0-9&/-]{0,11}")


@dataclass(frozen=True)
class VocabMatch:
    """One vocabulary hit: characters [start, end) of the text name `value`."""

    start: int
    end: int
    value: str
    rule_id: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
_GROUPS = (sre_constants.BRANCH, sre_constants.SUBPATTERN, *_REPEATS)


def _first_literals(items: list) -> set[str] | None:
    """Strings one of which starts every match of a parsed sequence; None when that is unknown."""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if op in _ZERO_WIDTH:
            continue
        if op is sre_constants.LITERAL:
            n = i
            while n < len(items) and items[n][0] is sre_constants.LITERAL:
                n += 1
            word = "".join(chr(av2) for _, av2 in items[i:n])
            tail = items[n:]
            # The parser factors shared prefixes out of alternatives ("m" + (alposition|isplaced)):
            # carry the word on into what follows when that can be read.
            more = _first_literals(tail) if tail and tail[0][0] in _GROUPS else None
            return {word + m for m in more} if more else {word}
        if op is sre_constants.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            return None if add_flags or del_flags else _first_literals(list(sub) + rest)
        if op is sre_constants.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                first = _first_literals(list(branch) + rest)
                if first is None:
                    return None
                out |= first
            return out
        if op in _REPEATS:
            low, _, sub = av
            if low >= 1:
                return _first_literals(list(sub) + rest)
            inner, after = _first_literals(list(sub)), _first_literals(rest)
            return None if inner is None or after is None else inner | after
        return None
    return None


@lru_cache(maxsize=4096)
def start_literals(pattern: str, ignore_case: bool) -> frozenset[str] | None:
    """The literal strings one of which every match of `pattern` starts with (lower-cased when
    `ignore_case`), or None when the pattern does not say."""
    try:
        first = _first_literals(list(sre_parser.parse(pattern)))
    except (re.error, RecursionError):
        return None
    if not first or "" in first:
        return None
    return frozenset(w.lower() for w in first) if ignore_case else frozenset(first)


def _positions(haystack: str, words: frozenset[str]) -> list[int]:
    found = set()
    for word in words:
        at = haystack.find(word)
        while at >= 0:
            found.add(at)
            at = haystack.find(word, at + 1)
    return sorted(found)


def scan(text: str, rules: list[Rule]) -> list[Match]:
    """`rules.find_matches`, trying each regex only where one of its start literals occurs."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a case mapping changed offsets: scan the plain way
        return find_matches(text, rules)
    found: list[Match] = []
    for rule in rules:
        ignore_case = bool(rule.regex.flags & re.IGNORECASE)
        words = start_literals(rule.regex.pattern, ignore_case)
        if words is None:
            hits = [m for m in rule.regex.finditer(text) if m.end() > m.start()]
        else:
            hits, end = [], 0
            for at in _positions(lowered if ignore_case else text, words):
                m = rule.regex.match(text, at) if at >= end else None
                if m and m.end() > m.start():
                    hits.append(m)
                    end = m.end()
        found.extend(Match(m.start(), m.end(), rule, m.groupdict()) for m in hits)
    blocked = [(m.start, m.end) for m in found if m.rule.block]
    out = [m for m in found if not m.rule.block and all(m.end <= a or m.start >= b for a, b in blocked)]
    return sorted(out, key=lambda m: (m.start, -m.end))


def longest_matches(matches: Iterable[Match]) -> list[Match]:
    """Non-overlapping matches, longest first; among equal lengths the earlier rule, then position."""
    ranked = sorted(enumerate(matches), key=lambda im: (-(im[1].end - im[1].start), im[0]))
    kept: list[Match] = []
    for _, m in ranked:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def match_vocabulary(text: str, rules: list[Rule]) -> list[VocabMatch]:
    """Every vocabulary term named in `text`, overlaps resolved to the longest match."""
    return [VocabMatch(m.start, m.end, m.rule.value or "", m.rule.id, dict(m.rule.attrs))
            for m in longest_matches(scan(text, rules)) if m.rule.value]


def match_long_form(long_form: str, rules: list[Rule]) -> Rule | None:
    """The rule naming an abbreviation's definition: its longest match must end the long form.

    English noun phrases end with their head, so "posterior lumbar interbody fusion" names a fusion
    while "fusion rate assessment score" does not.
    """
    for m in sorted(longest_matches(find_matches(long_form, rules)), key=lambda m: m.start - m.end):
        if m.rule.value and _LONG_FORM_TAIL.match(long_form[m.end:]):
            return m.rule
    return None


def is_short_form(short: str, long_form: str) -> bool:
    """Whether `short` reads as an abbreviation of `long_form`: one word holding a capital, shorter."""
    return bool(_SHORT_FORM.fullmatch(short)) and any(c.isupper() for c in short) and len(short) < len(long_form)


def abbreviation_matches(abbreviations: Iterable[tuple[int, int, str, str]], rules: list[Rule]) -> list[VocabMatch]:
    """Short-form occurrences (start, end, short form, long form) whose long form names a term."""
    out, cache = [], {}
    for start, end, short, long_form in abbreviations:
        if not is_short_form(short, long_form):
            continue
        if long_form not in cache:
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


def sentence_flags(sentence: str, cues: dict[str, list[Rule]]) -> dict[str, bool]:
    """For each attribute name, whether any of its cue rules occurs in the sentence."""
    return {name: any(r.regex.search(sentence) for r in rules) for name, rules in cues.items()}


def load_vocabulary_rules(package: str, label: str) -> list[Rule]:
    """A component's patterns.jsonl, each rule's value checked against its vocabulary.json."""
    vocabulary = load_vocabulary(package)
    rules = load_rules(package, vocabulary=vocabulary, labels=frozenset({label}))
    missing = vocabulary - {r.value for r in rules}
    if missing:
        raise ValueError(f"{package}: no rule names {sorted(missing)}")
    return rules


class VocabularyExtractor:
    """Writes one span per vocabulary term found (directly or through a defined short form) to `group`.

    `cues` maps an attribute name to rules; each span's attrs then say whether its sentence holds one.
    """

    def __init__(self, label: str, group: str, rules: list[Rule], cues: dict[str, list[Rule]] | None = None):
        self.label = label
        self.group = group
        self.rules = rules
        self.cues = cues or {}

    def __call__(self, doc: Doc) -> Doc:
        found = merge_matches(match_vocabulary(doc.text, self.rules),
                              abbreviation_matches(doc_abbreviations(doc), self.rules))
        spans = []
        for m in found:
            span = make_span(doc, m.start, m.end, self.label, m.value, m.rule_id, dict(m.attrs))
            if span is None:
                continue
            if self.cues:
                sentence = span.sent.text if doc.has_annotation("SENT_START") else doc.text
                span._.lm_attrs = {**span._.lm_attrs, **sentence_flags(sentence, self.cues)}
            spans.append(span)
        write_group(doc, self.group, spans)
        return doc

"""Rules as data: JSONL files with a stable `id` per rule, validated strictly when loaded.

A rule line holds exactly one of `regex` (a Python regular expression) or `phrase` (a literal,
case-insensitive, tolerant of hyphens and line-break spacing between its words), and may carry a
canonical `value`, an `attrs` object, `flags` ("i" or "") and a `comment`. A rule with
`"block": true` finds text that must not yield a match (MRI "T2-weighted" for levels, "grade 1
spondylolisthesis" for muscle grades): `find_matches` drops every match that overlaps one of its
matches. Anything else is an error that names the file, the line and the problem.

`find_matches` gives what running every regex over the whole text gives, but tries a regex only where
a match of it can begin (and, when its matches hold a literal a few characters in, only that close
before one) and only in a text that holds a literal of each set its matches hold one of (all read from
its pattern once, nlp/starts.py and nlp/factors.py); `find_matches_in` does the same for many
windows of one text (the sentences of a doc) at the cost of one search.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from importlib import resources
from typing import Any

from leakmine.nlp import analyses
from leakmine.nlp.compiled import compiled
from leakmine.nlp.starts import (
    Haystack,
    Needs,
    Reach,
    Starts,
    haystack,
    is_word_char,
    rule_needs,
    rule_reach,
    rule_starts,
    within_reach,
)

_ID = re.compile(r"^[a-z0-9][a-z0-9_.:-]*$")
_KEYS = {"id", "label", "regex", "phrase", "value", "attrs", "comment", "flags", "block"}


class RuleError(ValueError):
    """A rule file breaks the rule format."""


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    pattern: str  # a regex (a phrase rule's is built by `phrase_regex`)
    flags: int  # `re` flags it is compiled with
    value: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict, hash=False)
    block: bool = False

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern, compiled when first tried (from the code saved with the pipeline where
        there is some: nlp/compiled.py): a paper tries few of a pipeline's rules, and compiling them all
        cost about 0.2 CPU-s of each cold start."""
        return compiled(self)

    @cached_property
    def starts(self) -> Starts | None:
        """Where a match can begin, read from the pattern when the rule is parsed; None: anywhere."""
        return rule_starts(self)

    @cached_property
    def needs(self) -> Needs | None:
        """Literals one of which every match holds (read when the rule is parsed); None: not known."""
        return rule_needs(self)

    @cached_property
    def reach(self) -> Reach | None:
        """Literals one of which every match holds a few characters after it begins, read when the rule
        is parsed; None: not known, or at its very start (`starts` has it)."""
        return rule_reach(self)


def phrase_regex(phrase: str) -> str:
    """A regex for a literal phrase: words may be joined by spaces, hyphens or line breaks."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", phrase.strip()) if w]
    body = r"(?:\s+|\s*-\s*)".join(words)
    lead = r"\b" if re.match(r"\w", phrase.strip()) else ""
    tail = r"\b" if re.search(r"\w$", phrase.strip()) else ""
    return lead + body + tail


def parse_rules(lines: list[str], source: str, vocabulary: frozenset[str] | None = None,
                labels: frozenset[str] | None = None, groups: frozenset[str] | None = None) -> list[Rule]:
    """Parse and validate JSONL rule lines.

    `vocabulary` restricts values, `labels` labels and `groups` the names of a regex's named groups.
    """
    rules: list[Rule] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise RuleError(f"{where}: not JSON ({e.msg})") from e
        if not isinstance(obj, dict):
            raise RuleError(f"{where}: a rule must be a JSON object")
        unknown = set(obj) - _KEYS
        if unknown:
            raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
        rid = obj.get("id")
        if not isinstance(rid, str) or not _ID.match(rid):
            raise RuleError(f"{where}: `id` must be a lower-case identifier, got {rid!r}")
        if rid in seen:
            raise RuleError(f"{where}: duplicate id {rid!r}")
        seen.add(rid)
        label = obj.get("label")
        if not isinstance(label, str) or not label or (labels is not None and label not in labels):
            raise RuleError(f"{where}: `label` must be one of {sorted(labels or [])}, got {label!r}")
        if ("regex" in obj) == ("phrase" in obj):
            raise RuleError(f"{where}: give exactly one of `regex` or `phrase`")
        value = obj.get("value")
        if value is not None and (not isinstance(value, str) or not value):
            raise RuleError(f"{where}: `value` must be a non-empty string")
        if vocabulary is not None and value is not None and value not in vocabulary:
            raise RuleError(f"{where}: value {value!r} is not in the vocabulary")
        attrs = obj.get("attrs", {})
        if not isinstance(attrs, dict):
            raise RuleError(f"{where}: `attrs` must be an object")
        comment = obj.get("comment", "")
        if not isinstance(comment, str):
            raise RuleError(f"{where}: `comment` must be a string")
        block = obj.get("block", False)
        if not isinstance(block, bool):
            raise RuleError(f"{where}: `block` must be true or false")
        if block and (value is not None or attrs):
            raise RuleError(f"{where}: a block rule carries no `value` or `attrs`")
        flags = obj.get("flags", "i")
        if not isinstance(flags, str) or set(flags) - {"i"}:
            raise RuleError(f"{where}: `flags` may only be \"i\" or \"\"")
        source_re = obj["regex"] if "regex" in obj else phrase_regex(obj["phrase"])
        if not isinstance(source_re, str) or not source_re:
            raise RuleError(f"{where}: pattern must be a non-empty string")
        rule = Rule(rid, label, source_re, re.UNICODE | (re.IGNORECASE if "i" in flags else 0), value, attrs, block)
        names = analyses.remembered("groups", rule, partial(_checked_groups, rule, where), list, list)
        unknown_groups = set(names) - groups if groups is not None else set()
        if unknown_groups:
            raise RuleError(f"{where}: unknown named groups {sorted(unknown_groups)}")
        # Read at load: the needs' literals are then in the one pass over the first text mined too,
        # and a pipeline saved now keeps all three (nlp/analyses.py).
        _ = rule.needs, rule.starts, rule.reach
        rules.append(rule)
    return rules


def _checked_groups(rule: Rule, where: str) -> list[str]:
    """The named groups of a rule's pattern, which must compile and match no empty string. Kept with the
    pipeline's analyses (nlp/analyses.py), so a pipeline loaded from disk compiles a rule only when a
    paper first tries it: its patterns were checked when it was built."""
    try:
        compiled = rule.regex
    except re.error as e:
        raise RuleError(f"{where}: bad regex ({e})") from e
    if compiled.match(""):
        raise RuleError(f"{where}: pattern matches the empty string")
    return sorted(compiled.groupindex)


def fill_markers(text: str, fragments: dict[str, str]) -> str:
    """A rule file's text with each `<<MARKER>>` replaced by its regex fragment (escaped for JSON), in
    order: a fragment may hold the markers listed after it."""
    for marker, fragment in fragments.items():
        text = text.replace(marker, json.dumps(fragment)[1:-1])
    return text


def load_rules(package: str, resource: str = "patterns.jsonl", fragments: dict[str, str] | None = None,
               **kwargs: Any) -> list[Rule]:
    """Load the rule file that lives next to a component (`importlib.resources`), its `<<MARKER>>`s
    filled in from `fragments` (`fill_markers`)."""
    text = resources.files(package).joinpath(resource).read_text(encoding="utf-8")
    return parse_rules(fill_markers(text, fragments or {}).splitlines(), f"{package}/{resource}", **kwargs)


def load_vocabulary(package: str, resource: str = "vocabulary.json") -> frozenset[str]:
    ref = resources.files(package).joinpath(resource)
    return frozenset(json.loads(ref.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]
    group_spans: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False)


def _match(m: re.Match[str], rule: Rule) -> Match:
    spans = {name: m.span(name) for name in rule.regex.groupindex if m.start(name) >= 0}
    return Match(m.start(), m.end(), rule, m.groupdict(), spans)


def _matches_at(regex: re.Pattern[str], text: str, positions: list[int]) -> Iterator[re.Match[str]]:
    """What `regex.finditer(text)` yields when matches can only begin at `positions` (sorted)."""
    end = 0
    for at in positions:
        if at >= end and (m := regex.match(text, at)):
            yield m
            end = m.end()


def _positions(hay: Haystack, rule: Rule, windows: list[tuple[int, int]] | None = None) -> list[int] | None:
    """Where a match of `rule` may begin (see `starts`); None when the whole text must be searched.
    Nowhere when the text lacks every literal the rule needs. For a text searched by `windows`, each
    read as a text of its own, a rule that may match at the start of a text may at each window's start."""
    if rule.needs is not None and not hay.holds(rule.needs):
        return []
    starts = rule.starts
    if starts is None or (starts.lowered and not hay.foldable):
        return None
    positions = hay.start_positions(starts)
    if windows and starts.at_start:
        positions = sorted({*positions, *(a for a, _ in windows)})
    return positions if rule.reach is None else within_reach(hay, rule.reach, positions)


def _rule_matches(rule: Rule, text: str, positions: list[int] | None) -> list[Match]:
    if positions == []:  # nowhere to try
        return []
    hits = rule.regex.finditer(text) if positions is None else _matches_at(rule.regex, text, positions)
    return [_match(m, rule) for m in hits if m.end() > m.start()]


def _unblocked(found: list[Match]) -> list[Match]:
    """The matches of rules that are not block rules and overlap no block match, in text order."""
    blocked = [(m.start, m.end) for m in found if m.rule.block]
    out = [m for m in found if not m.rule.block
           and all(m.end <= b_start or m.start >= b_end for b_start, b_end in blocked)]
    return sorted(out, key=lambda m: (m.start, -m.end))


def find_matches(text: str, rules: Sequence[Rule]) -> list[Match]:
    """Every match of every rule in `text`, in text order (overlaps kept).

    Matches that overlap a match of a block rule are dropped; block matches are not returned.
    Each regex is tried only where a match of it can begin (`starts`), which gives what `finditer` gives.
    """
    hay = haystack(text)
    return _unblocked([m for rule in rules for m in _rule_matches(rule, text, _positions(hay, rule))])


def any_match(text: str, rules: Sequence[Rule]) -> bool:
    """Whether any rule that is not a block rule matches somewhere in `text` (stops at the first)."""
    hay = haystack(text)
    for rule in rules:
        if rule.block:
            continue
        positions = _positions(hay, rule)
        if positions is None:
            if rule.regex.search(text):
                return True
        elif any(rule.regex.match(text, at) for at in positions):
            return True
    return False


def _by_window(rules: list[Rule], positions: list[list[int] | None], windows: list[tuple[int, int]],
               ) -> list[list[tuple[Rule, list[int] | None]]]:
    """For each window (sorted, not overlapping), the rules that may match in it, each with where
    (relative to the window; None: anywhere), in rule order."""
    starts = [a for a, _ in windows]
    out: list[list[tuple[Rule, list[int] | None]]] = [[] for _ in windows]
    for rule, pos in zip(rules, positions, strict=True):
        if pos is None:
            for entries in out:
                entries.append((rule, None))
            continue
        inside: dict[int, list[int]] = {}
        for p in pos:
            w = bisect_right(starts, p) - 1
            if w >= 0 and p < windows[w][1]:
                inside.setdefault(w, []).append(p - starts[w])
        for w, local in inside.items():
            out[w].append((rule, local))
    return out


def find_matches_in(text: str, rules: list[Rule], windows: list[tuple[int, int]]) -> list[list[Match]]:
    """`find_matches(text[a:b], rules)` for each window (a, b) of `text` (sorted, not overlapping),
    offsets into the window.

    Where each rule may begin a match is read once for the whole text; block rules are run only in
    windows where another rule matched.
    """
    hay = haystack(text)
    matching = [rule for rule in rules if not rule.block]
    blocking = [rule for rule in rules if rule.block]
    opening = _by_window(matching, [_positions(hay, rule, windows) for rule in matching], windows)
    closing = _by_window(blocking, [_positions(hay, rule, windows) for rule in blocking], windows)
    out = []
    for (a, b), could_match, could_block in zip(windows, opening, closing, strict=True):
        window = text[a:b]
        if a and is_word_char(text[a - 1]):  # a window that cuts a word: its first word was not read as one
            out.append(find_matches(window, rules))
            continue
        if not could_match:
            out.append([])
            continue
        found = [m for rule, pos in could_match for m in _rule_matches(rule, window, pos)]
        if found:
            found += [m for rule, pos in could_block for m in _rule_matches(rule, window, pos)]
        out.append(_unblocked(found))
    return out


def find_spans_in(text: str, rules: Sequence[Rule], windows: list[tuple[int, int]],
                  ) -> list[tuple[int, int, Rule]]:
    """(start, end, rule) of every match `find_matches_in` finds, offsets into `text`, in no set order:
    its lean form for rules (none of them block rules) read only for where they match."""
    hay = haystack(text)
    starts = [a for a, _ in windows]
    texts = [text[a:b] for a, b in windows]
    cut = [w for w, (a, _) in enumerate(windows) if a and is_word_char(text[a - 1])]
    skip = frozenset(cut)
    out: list[tuple[int, int, Rule]] = []
    for rule in rules:
        regex = rule.regex
        positions = _positions(hay, rule, windows)
        for w in range(len(windows)) if positions is None else cut:
            a = starts[w]
            out += [(a + m.start(), a + m.end(), rule) for m in regex.finditer(texts[w]) if m.end() > m.start()]
        if positions is None:
            continue
        w, a, b, last = -1, 0, -1, 0  # the window holding the position, its bounds, its last match end
        for p in positions:
            if p >= b:
                w = bisect_right(starts, p) - 1
                if w < 0:
                    continue
                a, b, last = windows[w][0], windows[w][1], 0
                if p >= b or w in skip:
                    b = p + 1 if p >= b else b
                    continue
            elif w in skip:
                continue
            local = p - a
            if local >= last and (m := regex.match(texts[w], local)):
                last = m.end()
                if m.end() > m.start():
                    out.append((a + m.start(), a + m.end(), rule))
    return out

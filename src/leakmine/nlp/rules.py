"""Rules as data: JSONL files with a stable `id` per rule, validated strictly when loaded.

A rule line holds exactly one of `regex` (a Python regular expression) or `phrase` (a literal,
case-insensitive, tolerant of hyphens and line-break spacing between its words), and may carry a
canonical `value`, an `attrs` object, `flags` ("i" or "") and a `comment`. A rule with
`"block": true` finds text that must not yield a match (MRI "T2-weighted" for levels, "grade 1
spondylolisthesis" for muscle grades): `find_matches` drops every match that overlaps one of its
matches. Anything else is an error that names the file, the line and the problem.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

_ID = re.compile(r"^[a-z0-9][a-z0-9_.:-]*$")
_KEYS = {"id", "label", "regex", "phrase", "value", "attrs", "comment", "flags", "block"}


class RuleError(ValueError):
    """A rule file breaks the rule format."""


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    regex: re.Pattern[str]
    value: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict, hash=False)
    block: bool = False


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
        try:
            compiled = re.compile(source_re, re.IGNORECASE if "i" in flags else 0)
        except re.error as e:
            raise RuleError(f"{where}: bad regex ({e})") from e
        if compiled.match(""):
            raise RuleError(f"{where}: pattern matches the empty string")
        unknown_groups = set(compiled.groupindex) - groups if groups is not None else set()
        if unknown_groups:
            raise RuleError(f"{where}: unknown named groups {sorted(unknown_groups)}")
        rules.append(Rule(rid, label, compiled, value, attrs, block))
    return rules


def load_rules(package: str, resource: str = "patterns.jsonl", **kwargs: Any) -> list[Rule]:
    """Load the rule file that lives next to a component (`importlib.resources`)."""
    ref = resources.files(package).joinpath(resource)
    return parse_rules(ref.read_text(encoding="utf-8").splitlines(), f"{package}/{resource}", **kwargs)


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


def find_matches(text: str, rules: list[Rule]) -> list[Match]:
    """Every match of every rule in `text`, in text order (overlaps kept).

    Matches that overlap a match of a block rule are dropped; block matches are not returned.
    """
    found = [_match(m, r) for r in rules for m in r.regex.finditer(text) if m.end() > m.start()]
    blocked = [(m.start, m.end) for m in found if m.rule.block]
    out = [m for m in found if not m.rule.block
           and all(m.end <= b_start or m.start >= b_end for b_start, b_end in blocked)]
    return sorted(out, key=lambda m: (m.start, -m.end))

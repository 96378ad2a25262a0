"""Literals every match of a rule holds: read from the pattern, they let the rule engine skip a rule in
a text that lacks them all, and must never skip one that could match."""

import re

import pytest

from leakmine.nlp.factors import leading_factors, required_factors
from leakmine.nlp.rules import find_matches, parse_rules
from leakmine.nlp.starts import rule_needs


@pytest.mark.parametrize("pattern, flags, factors", [
    (r"\bvertebroplast(?:y|ies)\b", re.I, {("vertebroplasty", True), ("vertebroplasties", True)}),
    (r"\b(?:epidural|extradural)\s+space", re.I, {("epidural", True), ("extradural", True)}),
    (r"(?<![\w/.\-])M[0-5](?![\w/])", 0, {(f"M{n}", False) for n in range(6)}),
    (r"\b(?:MRC|Medical\s+Research\s+Council)\b", re.I, {("MRC", True), ("Medical", True)}),
    (r"[Ss]he\b", 0, {("She", False), ("she", False)}),
    (r"\bgroup\s*\(\s*n\s*=\s*\d+\)", re.I, {("group", True)}),
    (r"(?i:cement)\s+(?-i:PMMA)", 0, {("cement", True)}),
    (r"\b(?:laminectomy|L\d)\b", re.I, {("laminectomy", True), ("L", True)}),  # `\d`: too many to spell out
])
def test_required_factors(pattern, flags, factors):
    found = required_factors(re.compile(pattern, flags))
    assert {(s.lower() if f else s, f) for s, f in found} == {(s.lower() if f else s, f) for s, f in factors}


@pytest.mark.parametrize("pattern, factors", [
    # a class of many characters, then a choice with a one-letter branch: still "y"
    (r"\d+\s*(?:years?|y)\b", {("year", True), ("y", True)}),
    (r"(?:foo)?bar|baz", {("bar", True), ("baz", True)}),
])
def test_factors_are_never_empty_strings(pattern, factors):
    assert required_factors(re.compile(pattern, re.I)) == factors


@pytest.mark.parametrize("pattern, factors", [
    (r"\w+ly", {("ly", False)}),  # every other literal in an open part: "ly" is still needed
    (r"[A-Za-z]{3,}", None),  # nothing literal at all
    (r"(?:a|\d)x?", None),  # one branch holds no literal
])
def test_unreadable_or_weak_patterns(pattern, factors):
    assert required_factors(re.compile(pattern)) == factors


@pytest.mark.parametrize("text, hits", [
    ("The leakage group (n = 12) and the control group (n = 30).", 2),
    ("Groups were compared; twelve patients had a leak.", 0),  # no "group (" at all: the rule is skipped
    ("THE LEAKAGE GROUP (N = 12)", 1),  # case ignored as `re` ignores it
    ("Die Gruppe (n = 12)", 0),
    ("", 0),
])
def test_rule_is_skipped_only_where_it_cannot_match(text, hits):
    rules = parse_rules(['{"id": "t.g", "label": "X", "regex": "\\\\b\\\\w+\\\\s+group\\\\s*\\\\(\\\\s*n\\\\s*=\\\\s*\\\\d+\\\\)"}'], "t")
    assert rules[0].needs.literals == (("group", True),)
    found = [m.span() for m in rules[0].regex.finditer(text)]
    assert [(m.start, m.end) for m in find_matches(text, rules)] == found and len(found) == hits


def test_letters_that_lower_case_to_two_are_not_looked_up():
    assert rule_needs(re.compile("\u0130stanbul", re.I)) is None  # "İ" lower-cases to two characters


@pytest.mark.parametrize("pattern, expected", [
    (r"\b(?:\w{1,5}\s){0,2}group\s*\(", ({("group", False)}, 12)),  # up to two short words before it
    (r"(?i)\b\w{0,7}genarian", ({("genarian", True)}, 7)),
    (r"\bvertebroplasty", ({("vertebroplasty", False)}, 0)),  # at the very start
    (r"\b\w+\s+group", None),  # a word of any length before it: no reach
    (r"(?:a|b)?\d+", None),  # no literal run at all
    (r"\b(?=[^.()]{1,30}\()\w+\s*\(", ({("(", False)}, 30)),  # read by a look-ahead opening it
    (r"\b(?=\w{0,5})\w+\s*\(", None),  # a look-ahead that names no literal
    (r"\b(?<=[,;]\s)\w+\s+\(", None),  # a look-behind reads nothing after the start
])
def test_leading_factors(pattern, expected):
    found = leading_factors(re.compile(pattern), 200)
    assert (None if found is None else (set(found[0]), found[1])) == expected


@pytest.mark.parametrize("regex, within, text", [
    ("\\\\b(?:[a-z]{1,9}\\\\s){1,2}group\\\\s*\\\\(n", 20,
     "early leak group (n = 4); a late leak group (n = 2); words that never reach a group"),
    # read from a look-ahead opening the pattern
    ("\\\\b(?=[^.;()]{1,40}\\\\(n\\\\s*=)[A-Za-z]+\\\\s*\\\\(n", 40,
     "treated with PVP (n = 24) or PKP (n = 29), all with a kyphoplasty needle; (n"),
])
def test_a_reach_keeps_only_positions_before_a_literal(regex, within, text):
    rules = parse_rules([f'{{"id": "t.g", "label": "X", "regex": "{regex}"}}'], "t")
    assert rules[0].reach.within == within
    found = [(m.start, m.end) for m in find_matches(text, rules)]
    assert found == [m.span() for m in rules[0].regex.finditer(text)] and len(found) == 2

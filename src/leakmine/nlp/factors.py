"""Literals that every match of a regex contains, read from its parsed pattern.

`required_factor_sets(regex)` gives sets of strings such that any text `regex` matches in holds at
least one of each set (each with whether it is matched ignoring case), or None when the pattern does
not say: "\\b(?:epidural|extradural)\\s+space" gives {"epidural", "extradural"} and {"space"}, the
rarer to meet by chance (longer, then fewer) first; `required_factors` gives the first. A small class
inside a run of literals multiplies the run ("[Ss]he", "M[0-5]"); look-arounds and anchors consume
nothing, so a run goes on across them, and a group or choice that opens with literals carries a run on
("M" + "RC" | "edical", the shared prefix `re` factors out). A rule is not tried in a text that lacks
every literal of one of its sets.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre  # the standard library's own regex parser
from re import _parser as sre_parser
from typing import Any

from leakmine.nlp import analyses
from leakmine.nlp.analyses import Source

Factor = tuple[str, bool]  # (literal, matched ignoring case)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_MAX_CLASS = 10  # characters of a class that may extend a run
_MAX_RUNS = 64  # alternatives a run may grow to


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    chars: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


def _chars(op: Any, av: Any) -> list[str] | None:
    """The characters one item consumes, when it is one of a few."""
    return [chr(av)] if op is sre.LITERAL else _class_chars(av) if op is sre.IN else None


def _inner_fold(av: Any, fold: bool) -> bool:
    _, add_flags, del_flags, _ = av
    return (fold or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE


def _joined(runs: set[str], more: set[str] | None) -> set[str] | None:
    """Each run followed by each of `more`; None when `more` is unknown or there would be too many."""
    if more is None or len(runs) * len(more) > _MAX_RUNS:
        return None
    return {r + m for r in runs for m in more}


def _run_from(items: list[tuple[Any, Any]], i: int, fold: bool) -> tuple[set[str], int]:
    """The literal runs that items[i:] open with, and the index of the first item that ends them."""
    runs: set[str] = {""}
    while i < len(items):
        op, av = items[i]
        if op not in _ZERO_WIDTH:
            grown = _joined(runs, _chars(op, av))
            if grown is None:
                break
            runs = grown
        i += 1
    return runs, i


def _leading(items: list[tuple[Any, Any]], fold: bool) -> set[str]:
    """The literal runs a match of the sequence begins with ("" where it begins otherwise)."""
    runs, i = _run_from(items, 0, fold)
    if i < len(items):
        runs = _joined(runs, _opening(*items[i], fold)) or runs
    return runs


def _opening(op: Any, av: Any, fold: bool) -> set[str] | None:
    """The literal runs a group or a choice opens with, when it is read under the same case rule."""
    if op is sre.SUBPATTERN and _inner_fold(av, fold) == fold:
        return _leading(list(av[3]), fold)
    if op is sre.BRANCH:
        return set().union(*(_leading(list(b), fold) for b in av[1]))
    return None


def _rank(factors: frozenset[Factor]) -> tuple[int, int]:
    return min(len(s) for s, _ in factors), -len(factors)


def _candidates(items: list[tuple[Any, Any]], fold: bool) -> list[frozenset[Factor]]:
    """Factor sets every match of the sequence holds one of each of: its runs of literals, and those
    of its parts that it matches at least once (a group, a repeat; a choice gives one set, the best
    of each of its branches joined)."""
    candidates: list[frozenset[Factor]] = []
    i = 0
    while i <= len(items):
        runs, i = _run_from(items, i, fold)
        item = items[i] if i < len(items) else None
        if item is not None and runs != {""}:  # "M" + "RC" | "edical": the prefix `re` shares out
            runs = _joined(runs, _opening(*item, fold)) or runs
        if runs != {""} and "" not in runs:
            candidates.append(frozenset((s, fold) for s in runs))
        if item is None:
            break
        op, av = item
        if op is sre.SUBPATTERN:
            candidates += _candidates(list(av[3]), _inner_fold(av, fold))
        elif op is sre.BRANCH:
            branches = [_sequence(list(b), fold) for b in av[1]]
            if all(branches):
                candidates.append(frozenset().union(*branches))
        elif op in _REPEATS and av[0] >= 1:
            candidates += _candidates(list(av[2]), fold)
        i += 1
    return candidates


def _sequence(items: list[tuple[Any, Any]], fold: bool) -> frozenset[Factor] | None:
    """The best factor set of a sequence (rarest to meet by chance)."""
    return max(_candidates(items, fold), key=_rank, default=None)


@lru_cache(maxsize=1024)
def _parse(pattern: str, flags: int) -> Any:
    try:
        return sre_parser.parse(pattern, flags)
    except (re.error, RecursionError):
        return None


def parse(regex: Source) -> Any:
    """The parse tree of `regex` (the standard library's own parser), read once for every analysis;
    None when it cannot be read, or when its `\\b` and `\\w` are not the Unicode ones every analysis
    reads (ASCII and LOCALE patterns, by their flags or the pattern's own)."""
    parsed = _parse(regex.pattern, regex.flags)
    return None if parsed is None or parsed.state.flags & (re.ASCII | re.LOCALE) else parsed


def _encoded(factors: frozenset[Factor]) -> list[list[Any]]:
    return [list(f) for f in sorted(factors)]


def _decoded(factors: list[list[Any]]) -> frozenset[Factor]:
    return frozenset((literal, folded) for literal, folded in factors)


def leading_factors(regex: Source, reach: int) -> tuple[frozenset[Factor], int] | None:
    """Literals one of which the text holds within `n` characters after where a match of `regex` begins
    (in the match, or in what a look-ahead opening it reads), with `n`: the first run of literals in its
    pattern and the most it can match before it, when that is at most `reach`; None when the pattern
    does not say."""
    return analyses.remembered(
        f"leading_factors {reach}", regex, lambda: _leading_factors(regex, reach),
        lambda found: None if found is None else [_encoded(found[0]), found[1]],
        lambda saved: None if saved is None else (_decoded(saved[0]), saved[1]))


def _leading_factors(regex: Source, reach: int) -> tuple[frozenset[Factor], int] | None:
    parsed = parse(regex)
    if parsed is None:
        return None
    return _leading_in(list(parsed), parsed.state, bool(parsed.state.flags & re.IGNORECASE), reach)


def _leading_in(items: list[tuple[Any, Any]], state: Any, fold: bool, reach: int) -> tuple[frozenset[Factor], int] | None:
    """`leading_factors` of a sequence of parsed items; a look-ahead it meets first is read as what
    follows it ("(?=[^()]{1,70}\\()" holds a "(" within 71 characters)."""
    before = 0
    for i, item in enumerate(items):
        if item[0] in (sre.LITERAL, sre.IN):
            runs, _ = _run_from(items, i, fold)
            if runs != {""} and "" not in runs:
                return frozenset((s, fold) for s in runs), before
        if item[0] is sre.ASSERT and item[1][0] == 1:
            ahead = _leading_in(list(item[1][1]), state, fold, reach - before)
            if ahead is not None:
                return ahead[0], before + ahead[1]
        before += sre_parser.SubPattern(state, [item]).getwidth()[1]
        if before > reach:
            return None
    return None


def required_factors(regex: Source) -> frozenset[Factor] | None:
    """Literals one of which every match of `regex` contains, or None when the pattern does not say."""
    sets = required_factor_sets(regex)
    return sets[0] if sets else None


def required_factor_sets(regex: Source) -> list[frozenset[Factor]] | None:
    """Sets of literals every match of `regex` holds one of each of, best (rarest) first; None when
    the pattern does not say."""
    return analyses.remembered(
        "required_factor_sets", regex, lambda: _required_factor_sets(regex),
        lambda sets: None if sets is None else [_encoded(s) for s in sets],
        lambda saved: None if saved is None else [_decoded(s) for s in saved])


def _required_factor_sets(regex: Source) -> list[frozenset[Factor]] | None:
    parsed = parse(regex)
    if parsed is None:
        return None
    found = dict.fromkeys(_candidates(list(parsed), bool(parsed.state.flags & re.IGNORECASE)))
    return sorted(found, key=_rank, reverse=True) or None

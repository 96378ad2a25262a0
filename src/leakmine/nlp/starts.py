"""Where a rule's match can begin, read from its parsed pattern, so a regex is tried only there.

A regex that opens with `\\b`, a look-behind or an alternation makes Python's `re` try it at every
position of the text. Most rules say more: every match begins with one of a few literal words
("vertebroplasty", "seventy") or with one character of a small class (`\\d`, `[CTDLS]`), often
only where no word character comes before (`\\b`, `(?<![\\w.])`). `rule_starts` reads that from the
pattern's parse tree (the standard library's own regex parser); `Haystack.start_positions` finds the
words with `str.find` and the characters with a one-character regex. A pattern whose start it cannot
read gets None, and is run over the whole text as usual.

Which of the literals rules need (`rule_needs`) a text holds is read in one Aho-Corasick pass
(pyahocorasick) over the text for every literal of `_SCANNED` characters or more that any rule loaded
so far needs, instead of one search of the whole text per literal: most are absent, and an absent
literal costs a search to the end. Shorter ones ("L", "mg") are nearly always present, found at
once by `in`.

Case-insensitive words are looked up in the lower-cased text. `re` also equates a few letters that
`str.lower` keeps apart (dotless "ı" with "i", long "ſ" with "s", "µ" with "μ", Greek and Cyrillic
variants): a text holding one of them is not `foldable`, and a word holding one is not read at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import dropwhile
from re import _casefix  # the letters `re` equates beyond simple lower-casing
from re import _constants as sre  # the standard library's own regex parser
from typing import Any

import ahocorasick

from leakmine import memo
from leakmine.ingest import textclean
from leakmine.nlp import analyses
from leakmine.nlp.analyses import Source
from leakmine.nlp.factors import Factor, leading_factors, parse, required_factor_sets

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_TEXT_START = (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)  # "^" (no "(?m)" is read), "\A"
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_CASE_ALIASES = re.compile("[" + "".join(
    re.escape(chr(c)) for k, v in _casefix._EXTRA_CASES.items() for c in (k, *v) if c > 127) + "]")
_WORD_RANGES = ((ord("0"), ord("9")), (ord("a"), ord("z")), (ord("A"), ord("Z")))

_REACH = 200  # characters a rule's literal may lie after the start of its match for `within_reach`
_SCANNED = 4  # literals this long or longer are found by the one pass of `_Literals`
_KEY = 3  # characters of a word that a haystack's index of word starts looks it up by
Item = tuple[Any, Any, bool]  # (parser opcode, argument, whether case is ignored there)
# ("word", literal, folded, at a word start) or ("class", the inside of a regex class, folded, at a word start);
# ("after word" or "after class", ..., folded, width): a match begins `width` characters after where the
# literal or the class's character is, as a look-behind of that width opening the pattern says;
# ("at start", "", False, False): at the start of the text.
Start = tuple[str, str, bool, int]  # the last a bool for "word" and "class", a width for "after ..."


@dataclass(frozen=True, eq=False)
class Starts:
    """What every match of a regex begins with: a word that begins a word of the text, found through
    `anchored` (its first three characters, lower-cased -> (word, folded)); a word anywhere, from
    `words` (word, folded); a character that `chars` matches; or a place a look-behind opening the
    pattern names, `width` characters after a word (`after_words`: (word, folded, width)) or a
    character (`after_chars`: (one-character regex, width)); or the start of the text (`at_start`: a
    text searched by windows, each window's start). A folded word is lower-cased and matched ignoring
    case. Rules that begin alike share one (`rule_starts`), and a haystack finds its positions once."""

    anchored: dict[str, tuple[tuple[str, bool], ...]]
    words: tuple[tuple[str, bool], ...]
    chars: re.Pattern[str] | None
    after_words: tuple[tuple[str, bool, int], ...] = ()
    after_chars: tuple[tuple[re.Pattern[str], int], ...] = ()
    at_start: bool = False
    keys: frozenset[str] = field(init=False)  # of `anchored`
    # Whether positions are read from the lower-cased text (`Haystack.foldable` must hold).
    lowered: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", frozenset(self.anchored))
        object.__setattr__(self, "lowered", bool(self.anchored) or any(
            folded for _, folded, *_ in (*self.words, *self.after_words)))


def is_word_char(char: str) -> bool:
    """What `re` (Unicode) calls a word character, `\\w`."""
    return char.isalnum() or char == "_"


def _tag(items: list, fold: bool) -> list[Item]:
    return [(op, av, fold) for op, av in items]


def _guards_word_start(op: Any, av: Any) -> bool:
    """`\\b`, or a look-behind refusing a word character (`(?<![\\w.])`): a match that begins with a
    word character cannot begin right after another."""
    if op is sre.AT:
        return av is sre.AT_BOUNDARY
    if op is sre.ASSERT_NOT:
        direction, sub = av
        return (direction == -1 and len(sub) == 1 and sub[0][0] is sre.IN
                and (sre.CATEGORY, sre.CATEGORY_WORD) in sub[0][1])
    return False


def _class_start(items: list, fold: bool, bounded: bool) -> Start | None:
    """A character class as the inside of a regex class; None for a negated or broad one, which
    would not narrow the search. Only a class of word characters can be at a word start."""
    parts, word_chars = [], True
    for op, av in items:
        if op is sre.LITERAL:
            parts.append(re.escape(chr(av)))
            word_chars = word_chars and is_word_char(chr(av))
        elif op is sre.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
            word_chars = word_chars and any(lo <= av[0] and av[1] <= hi for lo, hi in _WORD_RANGES)
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            parts.append(r"\d")
        else:
            return None
    return ("class", "".join(parts), fold, bounded and word_chars)


def _chars_regex(classes: set[tuple[str, bool, bool]]) -> re.Pattern[str] | None:
    """One regex for the classes (inside, folded, at a word start) a match may begin with: a
    single class per kind, so `re` can skip ahead to its characters."""
    kinds: dict[tuple[bool, bool], str] = {}
    for inside, fold, bounded in sorted(classes):
        kinds[fold, bounded] = kinds.get((fold, bounded), "") + inside
    sources = []
    for (fold, bounded), inside in kinds.items():
        source = f"[{inside}]" + (r"(?<!\w.)" if bounded else "")  # look back past it: no word character
        sources.append(f"(?i:{source})" if fold else source)
    return re.compile("|".join(sources)) if sources else None


def _word_starts(items: list[Item], bounded: bool) -> set[Start] | None:
    """The literal run opening `items`; one shorter than `_KEY` characters is carried on into what
    follows when that opens with words too ("m" + "alposition" | "isplaced")."""
    fold = items[0][2]
    n = 0
    while n < len(items) and items[n][0] is sre.LITERAL and items[n][2] == fold:
        n += 1
    word = "".join(chr(av) for _, av, _ in items[:n])
    lowered = word.lower()
    if len(lowered) != n or _CASE_ALIASES.search(lowered):  # looked up in the lower-cased text
        return None
    if fold:
        word = lowered
    bounded = bounded and is_word_char(word[0])
    more = _starts(items[n:]) if n < len(items) and len(word) < _KEY else None
    if more and all(kind == "word" and f == fold for kind, _, f, _ in more):
        return {("word", word + w, fold, bounded) for _, w, _, _ in more}
    return {("word", word, fold, bounded)}


def _any_of(alternatives: Iterable[set[Start] | None]) -> set[Start] | None:
    """The starts of a choice: those of each alternative, or None when one cannot be read."""
    out: set[Start] = set()
    for first in alternatives:
        if first is None:
            return None
        out |= first
    return out


def _behind(sub: Any, fold: bool) -> set[Start] | None:
    """Where a match can begin as the look-behind `sub` says: `width` characters (all it spans) after a
    word or a character it opens with, or at the start of the text ("(?<=^)"); None when it opens
    otherwise."""
    if len(sub) == 1 and sub[0][0] is sre.AT and sub[0][1] in _TEXT_START:
        return {("at start", "", False, False)}
    items = list(dropwhile(lambda item: item[0] in _ZERO_WIDTH, _tag(list(sub), fold)))  # "(?<=\bvs\s)"
    opening = _starts(items) if items and items[0][0] in (sre.LITERAL, sre.IN) else None
    if not opening or any(kind not in ("word", "class") for kind, *_ in opening):
        return None
    width, _ = sub.getwidth()
    return {("after " + kind, inside, folded, width) for kind, inside, folded, _ in opening}


def _starts(items: list[Item], bounded: bool = False) -> set[Start] | None:
    """Every way a match of the parsed sequence `items` can begin; None when that cannot be read. A
    look-behind opening it is read when what follows it opens with no word (`\\d`, `[A-Za-z]`)."""
    for i, (op, av, fold) in enumerate(items):
        rest = items[i + 1:]
        if op is sre.AT and av in _TEXT_START:
            return {("at start", "", False, False)}
        if op is sre.ASSERT and av[0] == -1 and (behind := _behind(av[1], fold)) is not None:
            after = _starts(rest, bounded)
            return behind if after is None or any(kind == "class" for kind, *_ in after) else after
        if op in _ZERO_WIDTH:
            bounded = bounded or _guards_word_start(op, av)
            continue
        if op is sre.LITERAL:
            return _word_starts(items[i:], bounded)
        if op is sre.IN:
            letters = [c for op2, c in av if op2 is sre.LITERAL]
            if len(letters) == len(av) <= 4 and rest and rest[0][0] is sre.LITERAL:  # "[Ss]he": "She", "she"
                return _any_of(_word_starts([(sre.LITERAL, c, fold), *rest], bounded) for c in letters)
            start = _class_start(av, fold, bounded)
            return None if start is None else {start}
        if op is sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if add_flags & (re.ASCII | re.LOCALE | re.MULTILINE):  # an ASCII-only `\b` or `\w`, a line's "^"
                return None
            inner = (fold or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            return _starts(_tag(sub, inner) + rest, bounded)
        if op is sre.BRANCH:
            return _any_of(_starts(_tag(branch, fold) + rest, bounded) for branch in av[1])
        if op in _REPEATS:
            low, high, sub = av
            if low >= 1:  # the first repetition opens the match; only a single one runs on into `rest`
                return _starts(_tag(sub, fold) + rest if high == 1 else _tag(sub, fold), bounded)
            first, after = _starts(_tag(sub, fold), bounded), _starts(rest, bounded)
            return None if first is None or after is None else first | after
        return None
    return None


def _regex_starts(regex: Source) -> set[Start] | None:
    parsed = parse(regex)
    if parsed is None or parsed.state.flags & re.MULTILINE:  # "^" is every line's start
        return None
    return _starts(_tag(list(parsed), bool(parsed.state.flags & re.IGNORECASE)))


def rule_starts(regex: Source) -> Starts | None:
    """What every match of `regex` begins with, or None when its pattern does not say."""
    found = analyses.remembered("starts", regex, lambda: _regex_starts(regex),
                                lambda found: sorted(found) if found else None,
                                lambda saved: {tuple(start) for start in saved} if saved else None)
    if not found:
        return None
    found = sorted(found)
    key = tuple(found)
    if key not in _SHARED:
        _SHARED[key] = _made_starts(found)
    return _SHARED[key]


_SHARED: dict[tuple[Start, ...], Starts] = {}  # rules that begin alike (a count word, a digit) share them


def _made_starts(found: list[Start]) -> Starts:
    anchored: dict[str, list[tuple[str, bool]]] = {}
    for kind, word, fold, bounded in found:
        if kind == "word" and bounded:
            anchored.setdefault(word[:_KEY].lower(), []).append((word, fold))
    after = [(kind, text, fold, width) for kind, text, fold, width in found if kind.startswith("after ")]
    widths = sorted({width for kind, _, _, width in after if kind == "after class"})
    return Starts({key: tuple(words) for key, words in anchored.items()},
                  tuple((word, fold) for kind, word, fold, bounded in found if kind == "word" and not bounded),
                  _chars_regex({(inside, fold, bounded) for kind, inside, fold, bounded in found if kind == "class"}),
                  tuple((word, fold, width) for kind, word, fold, width in after if kind == "after word"),
                  tuple((chars, width) for width in widths if (chars := _chars_regex(
                      {(inside, fold, False) for kind, inside, fold, w in after if kind == "after class" and w == width}))),
                  any(kind == "at start" for kind, *_ in found))


@dataclass(frozen=True)
class Literals:
    """One set of literals, one of which every match of a rule holds, sorted for the lookup: those
    the one pass finds (`scanned`: their bits, one per literal, `_Literals.bits`) and the `short`
    ones, each found by `in`."""

    literals: tuple[Factor, ...]
    scanned: int = field(compare=False)
    short: tuple[Factor, ...] = field(compare=False)


@dataclass(frozen=True)
class Needs:
    """What every match of a rule holds (`rule_needs`): one literal of each set, the rarest first."""

    sets: tuple[Literals, ...]
    folded: bool  # whether a literal is matched ignoring case
    generation: int  # of `_LITERALS` once the scanned literals were added

    @property
    def literals(self) -> tuple[Factor, ...]:
        """The rarest set."""
        return self.sets[0].literals


def _lowered(factors: frozenset[Factor]) -> tuple[Factor, ...] | None:
    """The factors, those matched ignoring case lower-cased; None when one lower-cases otherwise
    than `re` folds it."""
    out = []
    for literal, folded in factors:
        if folded:
            lowered = literal.lower()
            if len(lowered) != len(literal) or _CASE_ALIASES.search(lowered):
                return None
            literal = lowered
        out.append((literal, folded))
    return tuple(sorted(out))


def rule_needs(regex: Source) -> Needs | None:
    """Sets of literals every match of `regex` holds one of each of (nlp/factors.py), those matched
    ignoring case lower-cased to be looked up in the lower-cased text; None when they cannot be read."""
    sets = []
    for factors in required_factor_sets(regex) or ():
        literals = _lowered(factors)
        if literals is not None:
            sets.append(Literals(literals, _LITERALS.bits(n for n in literals if len(n[0]) >= _SCANNED),
                                 tuple(n for n in literals if len(n[0]) < _SCANNED)))
    if not sets:
        return None
    return Needs(tuple(sets), any(f for s in sets for _, f in s.literals), _LITERALS.generation)


@dataclass(frozen=True)
class Reach:
    """Literals one of which the text holds within `within` characters after where a rule's match
    begins: in the match, or in what a look-ahead opening its pattern reads."""

    literals: tuple[Factor, ...]
    within: int


def rule_reach(regex: Source) -> Reach | None:
    """`Reach` of a regex whose matches begin at most `_REACH` characters before a literal of the text
    (nlp/factors.py: in the match, or in what a look-ahead opening it reads), past what opens them; None
    otherwise."""
    found = leading_factors(regex, _REACH)
    if found is None or not found[1]:
        return None
    literals = _lowered(found[0])
    return None if literals is None else Reach(literals, found[1])


class _Literals:
    """The literals of `_SCANNED` characters or more that the rules loaded in this process need, each
    with a bit of its own, in two automata (matched in the lower-cased text, and as written) rebuilt
    when a haystack is made after new ones were added (a new generation): a text made earlier looks
    those up with `in`."""

    def __init__(self) -> None:
        self.bit: dict[Factor, int] = {}
        self.built = -1  # the generation of `automata`
        self.automata: dict[bool, Any] = {}

    @property
    def generation(self) -> int:
        """How many literals have been added: a new one makes a new generation."""
        return len(self.bit)

    def bits(self, literals: Iterable[Factor]) -> int:
        """The bits of `literals`, each given one when first met."""
        mask = 0
        for literal in literals:
            if literal not in self.bit:
                self.bit[literal] = 1 << len(self.bit)
            mask |= self.bit[literal]
        return mask

    def current(self) -> tuple[int, dict[bool, Any]]:
        """The current generation and its automata (each literal's value its bit)."""
        if self.built != self.generation:
            self.automata = {}
            for fold in (True, False):
                automaton = ahocorasick.Automaton()
                for (literal, folded), bit in self.bit.items():
                    if folded == fold:
                        automaton.add_word(literal, bit)
                if len(automaton):
                    automaton.make_automaton()
                    self.automata[fold] = automaton
            self.built = self.generation
        return self.built, self.automata


_LITERALS = _Literals()


# The first `_KEY` characters (any: "re-" opens "re-exploration") from where a run of word characters begins.
_WORD_HEAD = re.compile(rf"(?<!\w)(?=(\w[\s\S]{{0,{_KEY - 1}}}))")


class Haystack:
    """A text made ready for finding where rules may match, shared by every rule of every component:
    lower-cased once, with an index of where its words begin (a word that must begin a word is looked
    up, not searched) and which literals that rules need it holds."""

    def __init__(self, text: str):
        self.text = text
        low = textclean.folded(text)
        self.lowered = text.lower() if low is None else low
        # Whether the lower-cased text holds a case-insensitive match exactly where the text does.
        self.foldable = low is not None
        # Where a run of word characters begins, by its first one, two and `_KEY` characters (fewer
        # at the end of the text), lower-cased: each list in text order, so sorted.
        index: dict[str, list[int]] = {}
        for m in _WORD_HEAD.finditer(self.lowered):
            at, head = m.start(), m.group(1)
            index.setdefault(head, []).append(at)
            if len(head) > 1:
                index.setdefault(head[:1], []).append(at)
                if len(head) > 2:
                    index.setdefault(head[:2], []).append(at)
        self._index = index
        self.keys = index.keys()
        self._chars: dict[re.Pattern[str], list[int]] = {}
        self._words: dict[tuple[str, bool, bool], list[int]] = {}  # (word, folded, begins a word) -> where
        self._starts: dict[Starts, list[int]] = {}  # `start_positions`, shared by rules that begin alike
        self._held: dict[Factor, bool] = {}  # literals rules need, shared by every rule
        self.generation, automata = _LITERALS.current()
        # The bits of the scanned-for literals the lower-cased text and the text hold, read in one pass each.
        held = 0
        for folded, searched in ((True, self.lowered), (False, self.text)):
            if automaton := automata.get(folded):
                for _, bit in automaton.iter(searched):
                    held |= bit
        self._bits = held

    def holds(self, needs: Needs) -> bool:
        """Whether the text holds one literal of each set of `needs`; True when it cannot tell."""
        if needs.folded and not self.foldable:
            return True
        if needs.generation > self.generation:  # a rule loaded after this text was made ready
            return all(any(w in (self.lowered if f else self.text) for w, f in s.literals) for s in needs.sets)
        bits, held = self._bits, self._held
        for literals in needs.sets:
            if literals.scanned & bits:
                continue
            for need in literals.short:
                if need not in held:
                    held[need] = need[0] in (self.lowered if need[1] else self.text)
                if held[need]:
                    break
            else:
                return False
        return True

    def found(self, word: str, folded: bool, anchored: bool = False) -> list[int]:
        """Sorted positions of `word` (lower-case and looked up in the lower-cased text when `folded`),
        overlaps included; with `anchored`, only where a run of word characters begins (read from
        `_index`, whose own list serves a folded word of `_KEY` characters or fewer)."""
        key = (word, folded, anchored)
        if key not in self._words:
            searched = self.lowered if folded else self.text
            self._words[key] = ([at for at in self._index.get(word[:_KEY].lower(), []) if searched.startswith(word, at)]
                                if anchored else _found(searched, word))
        return self._words[key]

    def char_starts(self, chars: re.Pattern[str]) -> list[int]:
        """Where the one-character regex `chars` matches (rules share them: `\\d` opens every number)."""
        if chars not in self._chars:
            self._chars[chars] = [m.start() for m in chars.finditer(self.text)]
        return self._chars[chars]

    def start_positions(self, starts: Starts) -> list[int]:
        """Sorted positions of the text where a match may begin (`starts.lowered` needs `foldable`), read
        once for rules that begin alike: a list the haystack keeps, not to be changed by the caller."""
        if starts in self._starts:
            return self._starts[starts]
        parts: list[list[int]] = []  # each sorted
        for key in starts.keys & self.keys:
            for word, folded in starts.anchored[key]:
                parts.append(self._index[key] if folded and len(word) <= _KEY else self.found(word, folded, anchored=True))
        parts += [self.found(word, folded) for word, folded in starts.words]
        if starts.chars is not None:
            parts.append(self.char_starts(starts.chars))
        for word, folded, width in starts.after_words:
            parts.append([at + width for at in self.found(word, folded)])
        for chars, width in starts.after_chars:
            parts.append([at + width for at in self.char_starts(chars)])
        if starts.at_start:
            parts.append([0])
        parts = [p for p in parts if p]
        out = parts[0] if len(parts) == 1 else sorted({at for p in parts for at in p})
        self._starts[starts] = out
        return out


_KEPT = 32  # texts whose haystacks are kept: every component searches the same doc text


def haystack(text: str) -> Haystack:
    """The `Haystack` of `text`, made once: every component of the pipeline searches the same doc text
    (and the vocabulary components the long forms of its abbreviations in between). One made before
    rules loaded since brought new literals is made again, so it finds those in its one pass too."""
    return _haystack(text, _LITERALS.generation)


@memo.text_cache(_KEPT)
def _haystack(text: str, generation: int) -> Haystack:
    return Haystack(text)


def _found(searched: str, word: str) -> list[int]:
    """Every position where `word` occurs in `searched`, overlaps included."""
    found = []
    at = searched.find(word)
    while at >= 0:
        found.append(at)
        at = searched.find(word, at + 1)
    return found


def within_reach(hay: Haystack, reach: Reach, positions: list[int]) -> list[int]:
    """Those of the sorted `positions` that lie at most `reach.within` characters before one of its
    literals (a match that begins anywhere else would not hold one where it must)."""
    if any(folded for _, folded in reach.literals) and not hay.foldable:
        return positions
    found = [at for literal, folded in reach.literals for at in hay.found(literal, folded)]
    out: list[int] = []
    done = 0  # positions before this index are already kept or passed
    for at in sorted(found):
        lo = max(bisect_left(positions, at - reach.within), done)
        done = max(bisect_right(positions, at), done)
        out += positions[lo:done]
    return out

"""The cue mentions of a paper (`leakmine_cue`, labels `CUE_<kind>`), indexed by sentence, and the
value sets of SCHEMA.md that assembly reasons with (vocabulary.json).

Assembly never reads a sentence's words itself: it asks whether a cue of a kind lies in a stretch of
the sentence (`SentenceCues.has`), where the cues of a kind are (`SentenceCues.spans`), or whether
a cue leads up to a mention (`SentenceCues.leads_to`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from math import inf
from types import MappingProxyType
from typing import Any, NamedTuple

from leakmine.labels import CUE_PREFIX
from leakmine.records import Mention

# What ends a phrase within a clause: a cue word bound to a mention has none of these between them.
_PHRASE_BREAKS = frozenset(".;,()")
# What the words between a linking cue and the operation it names may be made of: word characters
# and these (a level "L3-L4", "(PVP)", "T12/L1").
_WORD_MARKS = frozenset("_()/–-")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """Value sets of SCHEMA.md that assembly reasons with (vocabulary.json)."""
    return json.loads(resources.files(__package__).joinpath("vocabulary.json").read_text(encoding="utf-8"))


@cache
def value_set(name: str) -> frozenset[str]:
    """One value list of vocabulary.json as a set."""
    return frozenset(vocabulary()[name])


class SentenceCues(NamedTuple):
    """The cues of one sentence: for each kind, (start, end) offsets into the sentence, in order
    (read only)."""

    text: str = ""
    kinds: Mapping[str, Sequence[tuple[int, int]]] = MappingProxyType({})

    def spans(self, kind: str) -> Sequence[tuple[int, int]]:
        return self.kinds.get(kind, ())

    def has(self, kind: str, lo: int = 0, hi: float = inf) -> bool:
        """Whether a cue of `kind` lies wholly within [lo, hi) of the sentence."""
        spans = self.kinds.get(kind)
        if not spans:
            return False
        if hi == inf and lo <= spans[0][0]:  # spans are in order: the first starts earliest
            return True
        for s, e in spans:
            if lo <= s and e <= hi:
                return True
        return False

    def leads_to(self, kind: str, at: int, reach: int, lo: int = 0) -> bool:
        """Whether a cue of `kind` (starting at or after `lo`) ends at most `reach` characters before
        offset `at`, with no phrase break (. ; , ( )) between: "an emergency L4 laminectomy"."""
        for s, e in self.kinds.get(kind, ()):
            if lo <= s and e <= at and at - e <= reach and not _PHRASE_BREAKS.intersection(self.text[e:at]):
                return True
        return False

    def links_to(self, kind: str, at: int, lo: int = 0, words: int = 3, unless: str | None = None) -> bool:
        """Whether a cue of `kind` (starting at or after `lo`) is followed, up to offset `at`, by white
        space and at most `words` words (word characters, levels, brackets), no cue of `unless`
        starting among them: "paraplegia after the L2 | kyphoplasty"."""
        for s, e in self.kinds.get(kind, ()):
            gap = self.text[e:at]
            if s < lo or e > at or not gap[:1].isspace() or not gap[-1:].isspace():
                continue
            parts = gap.split()
            if len(parts) > words or any(not (c.isalnum() or c in _WORD_MARKS) for w in parts for c in w):
                continue
            if unless is None or not any(e <= u < at for u, _ in self.kinds.get(unless, ())):
                return True
        return False


class CueIndex:
    """The cue mentions of one paper by sentence, built once per paper."""

    def __init__(self, mentions: Iterable[Mention], others: list[Mention] | None = None):
        """Index the cues among `mentions`; the other mentions go to `others` (in order) when given."""
        self._by_sentence: dict[int, SentenceCues] = {}
        kinds_of: dict[int, dict[str, list[tuple[int, int]]]] = {}
        unsorted: list[list[tuple[int, int]]] = []  # spans of a kind not given in order
        for m in mentions:
            if not m.label.startswith(CUE_PREFIX):
                if others is not None:
                    others.append(m)
                continue
            start = m.sentence_start
            kinds = kinds_of.get(start)
            if kinds is None:
                kinds = kinds_of[start] = {}
                self._by_sentence[start] = SentenceCues(m.sentence, kinds)
            span = (m.start_char - start, m.end_char - start)
            spans = kinds.get(m.value)
            if spans is None:
                kinds[m.value] = [span]
            else:
                if span < spans[-1]:
                    unsorted.append(spans)
                spans.append(span)
        for spans in unsorted:
            spans.sort()

    def of(self, m: Mention) -> SentenceCues:
        """The cues of the sentence of `m`."""
        return self._by_sentence.get(m.sentence_start) or SentenceCues(m.sentence)

    def at(self, sentence_start: int, sentence: str) -> SentenceCues:
        """The cues of the sentence `sentence` starting at `sentence_start`."""
        return self._by_sentence.get(sentence_start) or SentenceCues(sentence)

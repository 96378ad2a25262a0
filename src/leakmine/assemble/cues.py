"""The cue mentions of a paper (`leakmine_cue`, labels `CUE_<kind>`), indexed by sentence, and the
value sets of SCHEMA.md that assembly reasons with (vocabulary.json).

Assembly does not read a sentence's words for what they mean: it asks whether a cue of a kind lies
in a stretch of the sentence (`SentenceCues.has`), where the cues of a kind are
(`SentenceCues.spans`), or whether a cue leads up to a mention (`SentenceCues.leads_to`,
`SentenceCues.links_to`). Those two read only the characters between the cue and the mention (a
relation of two mentions, which no cue can hold): a phrase break, or a few words.
"""

from __future__ import annotations

import json
import re
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
# The gap between a linking cue and the operation it names: white space and at most three words of word
# characters and these (a level "L3-L4", "(PVP)", "T12/L1").
_LINK_GAP = re.compile(r"[\s‐-]*(?:[\w()/–-]+\s+){0,3}")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """Value sets of SCHEMA.md that assembly reasons with (vocabulary.json)."""
    return json.loads(resources.files(__package__).joinpath("vocabulary.json").read_text(encoding="utf-8"))


@cache
def value_set(name: str) -> frozenset[str]:
    """One value list of vocabulary.json as a set."""
    return frozenset(vocabulary()[name])


@cache
def index_only() -> frozenset[str]:
    """Index procedures that are never a rescue treatment (vertebroplasty, kyphoplasty, ...)."""
    return value_set("index_procedures") - value_set("treatments")


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

    def covers(self, kind: str, lo: int, hi: int) -> bool:
        """Whether a cue of `kind` spans [lo, hi) of the sentence."""
        return any(s <= lo and hi <= e for s, e in self.kinds.get(kind, ()))

    def leads_to(self, kind: str, at: int, reach: int, unless: tuple[str, ...] = ()) -> bool:
        """Whether a cue of `kind` ends at most `reach` characters before offset `at` in one phrase
        (`_close`): "an emergency L4 laminectomy"."""
        return any(self._close(e, at, reach, unless) for _, e in self.kinds.get(kind, ()))

    def follows(self, kind: str, at: int, reach: int, unless: tuple[str, ...] = ()) -> bool:
        """Whether a cue of `kind` starts at most `reach` characters after offset `at` in one phrase
        (`_close`): "surgery at L4-L5 | was planned"."""
        return any(self._close(at, s, reach, unless) for s, _ in self.kinds.get(kind, ()))

    def _close(self, lo: int, hi: int, reach: int, unless: tuple[str, ...]) -> bool:
        """Whether [lo, hi) is at most `reach` characters with no phrase break (. ; , ( )) in it, nor a
        cue of a kind in `unless`."""
        return lo <= hi and hi - lo <= reach and not _PHRASE_BREAKS.intersection(self.text[lo:hi]) \
            and not any(self.has(u, lo, hi) for u in unless)

    def joins(self, kind: str, lo: int, hi: int) -> bool:
        """Whether a cue of `kind` follows offset `lo` after white space alone and links to offset `hi`
        (`links_to`): "decompression | with | discectomy"."""
        return any(lo <= s and not self.text[lo:s].strip() and e <= hi and _LINK_GAP.fullmatch(self.text, e, hi)
                   for s, e in self.kinds.get(kind, ()))

    def links_to(self, kind: str, at: int, lo: int = 0, unless: str | None = None) -> bool:
        """Whether a cue of `kind` (starting at or after `lo`) is followed, up to offset `at`, by white
        space and at most three words (`_LINK_GAP`), no cue of `unless` starting among them:
        "paraplegia after the L2 | kyphoplasty"."""
        for s, e in self.kinds.get(kind, ()):
            if s < lo or e > at or not _LINK_GAP.fullmatch(self.text, e, at):
                continue
            if unless is None or not any(e <= u < at for u, _ in self.kinds.get(unless, ())):
                return True
        return False


class CueIndex:
    """The cue mentions of one paper by sentence, built once per paper."""

    def __init__(self, mentions: Iterable[Mention], others: list[Mention] | None = None):
        """Index the cues among `mentions`; the other mentions go to `others` (in order) when given."""
        self._by_sentence: dict[int, SentenceCues] = {}
        unsorted: dict[int, list[tuple[int, int]]] = {}  # spans of a kind not given in order, by id
        for m in mentions:
            if not m.label.startswith(CUE_PREFIX):
                if others is not None:
                    others.append(m)
                continue
            start = m.sentence_start
            cues = self._by_sentence.get(start)
            if cues is None:
                cues = self._by_sentence[start] = SentenceCues(m.sentence, {})
            kinds: dict[str, list[tuple[int, int]]] = cues.kinds  # type: ignore[assignment]  # filled here
            span = (m.start_char - start, m.end_char - start)
            spans = kinds.get(m.value)
            if spans is None:
                kinds[m.value] = [span]
            else:
                if span < spans[-1]:
                    unsorted[id(spans)] = spans
                spans.append(span)
        for spans in unsorted.values():
            spans.sort()

    def sentences_with(self, kind: str) -> int:
        """How many sentences of the paper hold a cue of `kind`."""
        return sum(kind in cues.kinds for cues in self._by_sentence.values())

    def of(self, m: Mention) -> SentenceCues:
        """The cues of the sentence of `m`."""
        return self.at(m.sentence_start, m.sentence)

    def at(self, sentence_start: int, sentence: str) -> SentenceCues:
        """The cues of the sentence `sentence` starting at `sentence_start`."""
        return self._by_sentence.get(sentence_start) or SentenceCues(sentence)

"""Where in a patient's story each sentence stands: presentation (the complication, before rescue
treatment), post-treatment, or follow-up; the time point of each muscle grade.

Each unit (abstract, body, one caption; a new telling where the patient is introduced again) is
read in order. The first sentence that tells of a rescue operation is the pivot: what comes before
is presentation, what follows post-treatment, and from a follow-up cue on ("at the last follow-up",
"28 months later") follow-up. Cue words next to a grade ("preoperatively", "postoperatively", "at
follow-up") decide within a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from leakmine.assemble.cues import CueIndex, SentenceCues
from leakmine.assemble.roles import clause

PRESENTATION, POST_TREATMENT, FOLLOW_UP = "presentation", "post-treatment", "follow-up"
_CUE_TIME = {"PREOP": PRESENTATION, "POSTOP": POST_TREATMENT, "FOLLOW_UP": FOLLOW_UP}
# The words between a grade and the operation named after it, and the words before a grade that rose
# "from" it: the relation of two mentions, which no cue can hold (where the gap ends depends on them).
_AFTER_NEXT = re.compile(r"\b(?:after|following)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# The words between a rescue operation and a follow-up time that dates it ("the laminectomy was done
# 5 months later", "laminectomy and cement removal were then performed about 4 months later", "decompression,
# which was performed under general anaesthesia 4 months later", "underwent removal of the cement 2 years
# after the index surgery"), and before an operation whose time dates what followed it ("she walked after
# the L2 laminectomy at 1 year"; not an index operation named by its abbreviation, "After PVP decompression ...",
# nor a clause, "Since the weakness persisted decompression ...": no article, form of "be" or "have", or word in -ed).
_DATES_OPERATION = re.compile(r"(?:\s*,\s*which\s+|\s+(?:[\w-]+\s+){0,4}?)(?:was|were)\s+(?:(?:then|\w+ly)\s+)?"
                              r"(?:performed|done|carried\s+out|undertaken)\s+(?:under\s+(?:general|local|spinal)\s+"
                              r"an(?:a)?esthesia\s+)?(?:(?:about|approximately|around|roughly|nearly|some)\s+)?"
                              r"|\s+(?:(?:about|approximately|around|roughly|nearly|some)\s+)?", re.IGNORECASE)
_AFTER_OPERATION = re.compile(r"\b(?:after|following|since|post)\s+(?:the\s+|her\s+|his\s+|their\s+|an?\s+)?"
                              r"(?:(?:(?-i:(?!(?:a|an|the|was|were|is|are|be|been|became|had|has)\b)[a-z-]+(?<!ed))"
                              r"|[CTLS]\d{1,2}(?:\s*[-–/]\s*[CTLS]?\d{1,2})?)\s+){0,3}$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:(?:an?\s+)?(?:MRC\s+)?(?:grade|power|strength|level)\s+(?:of\s+)?)?$", re.IGNORECASE)


@dataclass
class Timeline:
    """Story states of one patient: for each sentence, the state at its start and where it turns."""

    turns: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    treated: bool = False
    pivoted: set[int] = field(default_factory=set)  # sentences of units that tell a rescue

    def at(self, sentence_start: int, offset: int) -> str:
        """The state at `offset` of the sentence starting at `sentence_start`."""
        state = PRESENTATION
        for at, turned in self.turns.get(sentence_start, []):
            if at <= offset:
                state = turned
        return state

    def next_turn(self, sentence_start: int, offset: int) -> tuple[int, str] | None:
        """The first turn of the sentence after `offset`, if any."""
        return next(((at, turned) for at, turned in self.turns.get(sentence_start, []) if at > offset), None)


def read_unit(timeline: Timeline, sentences: Iterable[tuple[int, str]], pivots: dict[int, tuple[int, int]],
              follow_ups: dict[int, int], cues: CueIndex) -> None:
    """Add the sentences of one unit, given in order as (sentence_start, text), to `timeline`.

    `pivots` maps the sentences that tell of a rescue operation to where it is named (start, end);
    `follow_ups` maps sentences holding a follow-up duration to its offset. The story turns to
    post-treatment at the first pivot, and to follow-up at a follow-up cue once past it (or anywhere
    in a unit without rescue work); a time right after the operation that dates it is no follow-up.
    """
    state = PRESENTATION
    timeline.treated = timeline.treated or bool(pivots)
    for start, text in sentences:
        if pivots:
            timeline.pivoted.add(start)
        turns = [(0, state)]
        events = [(pivots[start][0], "pivot")] if start in pivots else []
        follow = [s for s, _ in cues.at(start, text).spans("FOLLOW_UP")] + (
            [follow_ups[start]] if start in follow_ups else [])
        if start in pivots and not _AFTER_OPERATION.search(text, 0, pivots[start][0]):
            end = pivots[start][1]
            follow = [s for s in follow if s < end or not _DATES_OPERATION.fullmatch(text, end, s)]
        if follow:
            events.append((min(follow), "follow"))
        for offset, event in sorted(events):
            if event == "pivot" and state == PRESENTATION:
                state = POST_TREATMENT
            elif event == "follow" and (state != PRESENTATION or not pivots):
                state = FOLLOW_UP
            else:
                continue
            turns.append((offset, state))
        timeline.turns[start] = turns


def local_cue(cues: SentenceCues, at: int) -> str | None:
    """The time named by the nearest time cue before offset `at` of a sentence, if any; words inside
    a follow-up cue ("28 months after the surgery") are part of it."""
    follow = cues.spans("FOLLOW_UP")
    best: tuple[int, str] | None = None
    for label, time in _CUE_TIME.items():
        for s, e in cues.spans(label):
            inside = label != "FOLLOW_UP" and any(fs <= s and e <= fe for fs, fe in follow)
            if e <= at and not inside and (best is None or s > best[0]):
                best = (s, time)
    return best[1] if best else None


def grade_time(cues: SentenceCues, offset: int, state: str, turn: tuple[int, str] | None = None,
               pivoted: bool = False) -> str:
    """Time point of a grade at `offset` of a sentence in story state `state`: a cue next to the grade
    may take it back to presentation ("preoperatively") or on to follow-up; a grade said to follow
    the rescue operation named just after it ("regained normal strength after removal of the
    cement", the sentence's `turn`; or any operation when the grade is told as regained, as abstracts
    do) is post-treatment; a grade that rose "from" is the earlier one.
    Once the story is past a rescue (`pivoted`: its unit tells one), a grade dated from the operation
    ("one week after surgery", "on the third postoperative day") is post-treatment even after a
    follow-up was named: follow-up is the last visit."""
    sentence = cues.text
    if state == PRESENTATION:
        if _FROM.search(sentence[:offset]):
            return PRESENTATION
        if turn is not None and turn[1] == POST_TREATMENT and _AFTER_NEXT.search(sentence[offset:turn[0]]):
            return POST_TREATMENT
        lo, _ = clause(cues, offset, offset + 1)
        if cues.has("RECOVERY", lo, offset) and cues.has("AFTER_RESCUE", offset):
            return POST_TREATMENT
        return PRESENTATION
    if _FROM.search(sentence[:offset]):
        return PRESENTATION
    cue = local_cue(cues, offset)
    if cue == PRESENTATION or (cue == FOLLOW_UP and state == POST_TREATMENT):
        return cue
    if cue == POST_TREATMENT and state == FOLLOW_UP and pivoted:
        return cue
    return state

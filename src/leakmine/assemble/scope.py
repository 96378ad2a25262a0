"""Symptom scope: the symptoms of the complication, not those the patient had before the index
procedure (its indication: "a painful fracture", "sciatica before surgery"), per SCHEMA.md's
complication fields (pure functions over one unit's mentions).

A unit's story is read in order from its first index operation. A symptom told before it is the
indication, unless the index operation is told as a flashback ("she had undergone vertebroplasty two
years earlier") or said to precede the complication already told ("paraplegia after kyphoplasty"),
or the symptom's own sentence dates it after an operation. After it, a symptom is the indication when
the operation is done for it ("kyphoplasty for a painful fracture") or when it is said to be from
before surgery while no complication has been told yet.
"""

from __future__ import annotations

from collections.abc import Callable

from leakmine.assemble.cues import has_cue
from leakmine.assemble.roles import clause
from leakmine.records import Mention

PROCEDURE_LABELS = ("PROCEDURE", "TREATMENT")
HISTORY_ANCHORS = frozenset({"ago", "before", "prior", "history", "for"})
_INDICATION_REACH = 80


def pre_index_symptoms(mentions: list[Mention], is_index: Callable[[Mention], bool],
                       is_complication: Callable[[Mention], bool]) -> set[tuple[int, int]]:
    """(start, end) of the symptoms of one unit's `mentions` (in text order) that the patient had
    before the index operation; `is_index` tells an index operation, `is_complication` a finding of
    the complication."""
    index = next((m for m in mentions if m.label in PROCEDURE_LABELS and m.asserted and not m.historical
                  and is_index(m)), None)
    if index is None:
        return set()
    retrospective = has_cue(index.sentence, "FLASHBACK") or _dated_after(index, mentions, is_complication)
    out: set[tuple[int, int]] = set()
    told = False
    for m in mentions:
        if m.start_char < index.start_char:
            if m.label == "SYMPTOM" and m.asserted and not retrospective and not _dated(m, mentions):
                out.add((m.start_char, m.end_char))
            continue
        if m.label != "SYMPTOM":
            told = told or is_complication(m)
            continue
        if _indication(index, m) or (not told and _before_index(m)):
            out.add((m.start_char, m.end_char))
        elif m.asserted:
            told = True
    return out


def _dated_after(index: Mention, mentions: list[Mention], is_complication: Callable[[Mention], bool]) -> bool:
    """Whether a complication told before the index operation in its sentence is said to follow it or
    come from it ("paraplegia after kyphoplasty", "radiculopathy from cement leakage from PVP")."""
    end = index.start_char - index.sentence_start
    return any(o.sentence_start == index.sentence_start and o.end_char <= index.start_char and is_complication(o)
               and has_cue(index.sentence[o.end_char - o.sentence_start: end], "LINKED") for o in mentions)


def _dated(m: Mention, mentions: list[Mention]) -> bool:
    """Whether the symptom's sentence dates it after an operation ("postoperatively", "two days later")."""
    return has_cue(m.sentence, "POSTOP") or any(
        o.label == "TIMING" and o.sentence_start == m.sentence_start
        and str(o.attrs.get("anchor") or "").lower() not in HISTORY_ANCHORS for o in mentions)


def _indication(index: Mention, m: Mention) -> bool:
    """A symptom named, in the index operation's sentence, as what the operation was for."""
    if m.sentence_start != index.sentence_start or not 0 <= m.start_char - index.end_char <= _INDICATION_REACH:
        return False
    gap = index.sentence[index.end_char - index.sentence_start: m.start_char - m.sentence_start]
    return has_cue(gap, "INDICATION") and not has_cue(gap, "STORY_MOVES") and not has_cue(gap, "CLAUSE")


def _before_index(m: Mention) -> bool:
    """A symptom whose clause says it was there before surgery ("preoperatively she had sciatica")."""
    lo, hi = clause(m.sentence, m.start_char - m.sentence_start, m.end_char - m.sentence_start)
    return has_cue(m.sentence[lo:hi], "BEFORE_INDEX")

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

from leakmine.assemble.cues import CueIndex
from leakmine.assemble.roles import clause, told_as_reason
from leakmine.records import Mention

PROCEDURE_LABELS = ("PROCEDURE", "TREATMENT")
HISTORY_ANCHORS = frozenset({"ago", "before", "prior", "history", "for"})


def pre_index_symptoms(mentions: list[Mention], cues: CueIndex, is_index: Callable[[Mention], bool],
                       is_complication: Callable[[Mention], bool]) -> set[tuple[int, int]]:
    """(start, end) of the symptoms of one unit's `mentions` (in text order) that the patient had
    before the index operation; `is_index` tells an index operation, `is_complication` a finding of
    the complication."""
    index = next((m for m in mentions if m.label in PROCEDURE_LABELS and m.asserted and not m.historical
                  and is_index(m)), None)
    if index is None:
        return set()
    # the same operation told back before it is named in the story ("History of vertebroplasty of T11-L1
    # came to light only afterwards"): the story began after it; not one done earlier, at other levels
    # or years before ("a history of vertebroplasty at L1 five years ago")
    told_back = next((m for m in mentions if m.label in PROCEDURE_LABELS and m.asserted and m.historical
                      and m.value == index.value and m.start_char < index.start_char and cues.of(m).has("FLASHBACK")
                      and _same_operation(m, index, mentions)), None)
    index = told_back or index
    retrospective = cues.of(index).has("FLASHBACK") or _dated_after(index, mentions, cues, is_complication)
    out: set[tuple[int, int]] = set()
    told = False
    for m in mentions:
        if m.start_char < index.start_char:
            if m.label == "SYMPTOM" and m.asserted and not retrospective and not _dated(m, mentions, cues):
                out.add((m.start_char, m.end_char))
            continue
        if m.label != "SYMPTOM":
            told = told or is_complication(m)
            continue
        if _indication(index, m, cues) or (not told and before_index(m, cues)):
            out.add((m.start_char, m.end_char))
        elif m.asserted:
            told = True
    return out


def _same_operation(told_back: Mention, index: Mention, mentions: list[Mention]) -> bool:
    """Whether an operation told back is the index one named later: its sentence names its levels, none
    that the index's sentence does not, and dates it to no earlier time (a timing counted back: "five years
    ago"); "a history of vertebroplasty" with no level may be any earlier one."""
    def levels(m: Mention) -> set[str]:
        return {v for o in mentions if o.label == "LEVEL" and o.sentence_start == m.sentence_start
                for v in str(o.value).split(";")}

    back, here = levels(told_back), levels(index)
    dated_back = any(o.label == "TIMING" and o.sentence_start == told_back.sentence_start
                     and str(o.attrs.get("anchor") or "").lower() in HISTORY_ANCHORS for o in mentions)
    return bool(back) and not dated_back and (not here or back <= here)


def _dated_after(index: Mention, mentions: list[Mention], cues: CueIndex,
                 is_complication: Callable[[Mention], bool]) -> bool:
    """Whether a complication told before the index operation in its sentence is said to follow it or
    come from it ("paraplegia after kyphoplasty", "radiculopathy from cement leakage from PVP"): a
    LINKED cue after the complication, at most three words before the operation, none of them an
    UNDERGONE word ("after she underwent" tells the operation anew)."""
    here, end = cues.of(index), index.start_char - index.sentence_start
    return bool(here.spans("LINKED")) and any(
        o.sentence_start == index.sentence_start and o.end_char <= index.start_char and is_complication(o)
        and here.links_to("LINKED", end, lo=o.end_char - o.sentence_start, unless="UNDERGONE") for o in mentions)


def _dated(m: Mention, mentions: list[Mention], cues: CueIndex) -> bool:
    """Whether the symptom's sentence dates it after an operation ("postoperatively", "two days later")."""
    return cues.of(m).has("POSTOP") or any(
        o.label == "TIMING" and o.sentence_start == m.sentence_start
        and str(o.attrs.get("anchor") or "").lower() not in HISTORY_ANCHORS for o in mentions)


def _indication(index: Mention, m: Mention, cues: CueIndex) -> bool:
    """A symptom named, in the index operation's sentence, as what the operation was for."""
    return m.sentence_start == index.sentence_start and told_as_reason(
        cues.of(m), index.end_char - index.sentence_start, m.start_char - m.sentence_start)


def before_index(m: Mention, cues: CueIndex) -> bool:
    """A symptom whose clause says it was there before surgery ("preoperatively she had sciatica")."""
    here = cues.of(m)
    lo, hi = clause(here, m.start_char - m.sentence_start, m.end_char - m.sentence_start)
    return here.has("BEFORE_INDEX", lo, hi)

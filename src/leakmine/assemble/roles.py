"""Roles: whether a procedure is the index procedure or a rescue treatment, and whether a vertebral
level is a treated level, a leak level or a level of the rescue treatment (pure functions)."""

from __future__ import annotations

import re
from typing import NamedTuple

from leakmine.assemble.cues import SentenceCues, index_only, value_set

_STOP = frozenset({
    "of", "at", "from", "with", "and", "or", "was", "were", "is", "are", "to", "in", "by", "for", "on", "the",
    "a", "an", "into", "which", "that", "had", "has", "showed", "revealed", "after", "before", "level", "levels",
    "during", "under", "through", "via", "within", "without", "following", "using", "because", "due", "than",
    "as", "when", "while", "where", "since", "until", "towards", "toward", "over", "across", "along", "between",
})
# The words between a level and the role word it may hang on: the relation of two mentions, which no
# cue can hold (where the gap ends depends on the other mention).
_RIGHT_GAP = re.compile(r"^\s*(?:[A-Za-z][\w'-]*\s+){0,3}$")
_LEFT_GAP = re.compile(r"^\s*(?:[\w'()/–-]+\s+){0,4}$")
# Between a level and the next one it is coordinated with: "L2-3 and right-sided L3-4", "T11, T12"
_CONJOINED = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?"
                        r"(?:(?:left|right|bilateral)(?:[\s-]+sided)?\s+)?$", re.IGNORECASE)
_NEAREST = 80
_RESCUE_REACH = 30  # a RESCUE cue names the procedure at most this far after it
_AFTER_REACH = 60  # an AFTER cue dates the complication from a procedure at most this far after it
_PLAN_REACH = 30  # a plan is told at most this far from the operation word
_INDICATION_REACH = 80  # a reason is told at most this far from the operation it was for
# "with" and at most three words before a diagnosis: the patient's ("a woman with lumbar spinal stenosis")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


class Cue(NamedTuple):
    """A word that can carry a level's role: `role` is treated, treatment, leak, remote (a leak far from
    the spine: lungs, heart, veins), none (an object that is no level's treatment: screw, hematoma),
    anatomy (a root at the level), diagnosis (a stenosis or herniation at the level: `indicated` tells
    whether it is a treated one) or operated (an operation of no kind the vocabularies name: treated
    where it is the index operation); the caller decides those two, which alone give no role."""

    start: int
    end: int
    role: str


def procedure_role(value: str, cues: SentenceCues, at: int, *, cement_index: bool, before_complication: bool,
                   outcome_in_sentence: bool, historical: bool) -> str | None:
    """"index", "rescue" or None for a procedure or treatment `value`.

    Cement augmentation is always the index procedure and removal/fixation work always rescue;
    laminectomy, decompression, discectomy and fusion are rescue work when called so ("revision",
    "emergency") and in a cement-augmentation case, the index procedure when the complication is said
    to follow them ("2 days after an L3/4 discectomy"), and otherwise the index procedure until the
    story has moved on to the complication (`before_complication`) and rescue work after it.
    """
    if value in index_only():
        return "index"
    index, rescue = value_set("index_procedures"), value_set("treatments")
    if value not in index:
        return "rescue" if value in rescue else None
    if called_rescue(cues, at):
        return "rescue"
    if cement_index:
        return None if historical else "rescue"
    if after_operation(cues, at) and not outcome_in_sentence:
        return "index"
    return "index" if before_complication else "rescue"


def called_rescue(cues: SentenceCues, at: int) -> bool:
    """Whether the procedure at offset `at` is called rescue work ("an emergency L2 laminectomy")."""
    return cues.leads_to("RESCUE", at, _RESCUE_REACH)


def after_operation(cues: SentenceCues, at: int) -> bool:
    """Whether the procedure at offset `at` is one the complication followed ("3 days after an L4 TLIF")."""
    return cues.leads_to("AFTER", at, _AFTER_REACH)


def word_cues(cues: SentenceCues) -> list[Cue]:
    """Role words among a sentence's cues (fractures, leak words, revision surgery, screws, neural anatomy)."""
    out = [Cue(s, e, "treated") for s, e in cues.spans("TREATED")]
    out += [Cue(s, e, "leak") for s, e in cues.spans("LEAK")]
    out += [Cue(s, e, "treatment") for s, e in cues.spans("RESCUE_SURGERY")]
    out += [Cue(s, e, "none") for s, e in cues.spans("NO_ROLE")]
    out += [Cue(s, e, "anatomy") for s, e in cues.spans("ANATOMY")]
    out += [Cue(s, e, "diagnosis") for s, e in cues.spans("DIAGNOSIS")]
    out += [Cue(s, e, "operated") for s, e in cues.spans("OPERATED")]
    return out


def planned(cues: SentenceCues, operation: Cue) -> bool:
    """Whether an operation word is told as planned, not done: a plan close before it, in one phrase, no
    "underwent" between ("scheduled for elective posterior lumbar surgery", "declined injections and
    surgery"; not "declined bracing and underwent surgery"), or close after it, no "and" between ("surgery
    at L4-L5 was planned"; not "surgery at L4-L5 and her discharge was deferred")."""
    return cues.leads_to("PLANNED", operation.start, _PLAN_REACH, unless=("UNDERGONE",)) \
        or cues.follows("WAS_PLANNED", operation.end, _PLAN_REACH, unless=("JOINED",))


def _one_telling(cues: SentenceCues, lo: int, hi: int) -> bool:
    """Whether [lo, hi) of a sentence is close and in one clause, the story not moved on between."""
    return 0 <= hi - lo <= _INDICATION_REACH and not cues.has("CLAUSE", lo, hi) and not cues.has("STORY_MOVES", lo, hi)


def told_as_reason(cues: SentenceCues, lo: int, hi: int) -> bool:
    """Whether what a sentence names at offset `hi` is the reason for the operation ending at `lo`: "for",
    "because of", "to treat" between, in one telling ("kyphoplasty for a painful fracture", "decompression
    because of radicular pain", "fixation for an epidural hematoma")."""
    return cues.has("INDICATION", lo, hi) and _one_telling(cues, lo, hi)


def indicated(cues: SentenceCues, diagnosis: Cue, operations: list[tuple[int, int]]) -> bool:
    """Whether a diagnosis is what an index operation of its sentence, at `operations` (start, end), was
    for: named after it as its reason ("decompression for spinal stenosis at L4-L5"), or before it as what
    the patient who underwent it had, in one telling ("a man with foraminal stenosis at the L3-4 level
    underwent laminectomy"); not what the story moved on to ("fusion, after which stenosis ...")."""
    for s, e in operations:
        if e <= diagnosis.start and told_as_reason(cues, e, diagnosis.start):
            return True
        if diagnosis.end <= s and cues.has("UNDERGONE", diagnosis.end, s) and _one_telling(cues, diagnosis.end, s) \
                and _WITH_BEFORE.search(cues.text, 0, diagnosis.start) is not None:
            return True
    return False


def merge_cues(mention_cues: list[Cue], word_cues: list[Cue]) -> list[Cue]:
    """Mention cues (procedures, treatments, leak locations) win over the cue words they overlap,
    except words that deny a role: "L3 pedicle screw was removed" names a screw, not a level treated."""
    kept = [w for w in word_cues
            if w.role == "none" or not any(w.start < m.end and m.start < w.end for m in mention_cues)]
    return sorted(mention_cues + kept, key=lambda c: (c.start, c.role != "none", c.end))


def clause(cues: SentenceCues, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause of a sentence holding [start, end) (see the CLAUSE cues)."""
    lo, hi = 0, len(cues.text)
    for s, e in cues.spans("CLAUSE"):
        if e <= start:
            lo = max(lo, e)
        elif s >= end:
            hi = min(hi, s)
    return lo, hi


def level_roles(sentence_cues: SentenceCues, start: int, end: int, cues: list[Cue],
                levels: list[tuple[int, int]] = ()) -> set[str]:
    """The roles of the level at [start, end) of a sentence: treated, treatment and/or leak.

    A level takes the role of the noun it modifies ("L2–L4 laminectomy", "L3 pedicle screw"), else of
    the head its preposition hangs on ("laminectomy from T12 to L2", "foramina of L2/L3"), else of the
    nearest role word in its clause. Neural anatomy ("L4 root", "L5 radiculopathy") gives no role
    unless a procedure governs it ("decompression of the L2 and L3 roots"). Leak roles need cement in
    the sentence; a treated level whose own clause tells of a leak at the spine ("an L2 fracture and
    leakage of cement into the neural foramen") is also where the cement leaked. A level with no role of
    its own that is joined to the next of `levels` (the sentence's) by a coordinator alone, a side at
    most between, shares the noun the last of such a list modifies ("bilateral T12-L1 and left-sided L1-2
    laminectomies", "T11-12, T12-L1 and L1-2 decompressions").
    """
    own = _own_roles(sentence_cues, start, end, cues)
    if own:
        return own
    sentence = sentence_cues.text
    hi = clause(sentence_cues, start, end)[1]
    within, ordered = [c for c in cues if c.end <= hi], sorted(levels)
    while joined := next(((s, e) for s, e in ordered if end <= s < hi and _CONJOINED.match(sentence[end:s])), None):
        end = joined[1]
        if _right(sentence_cues, end, within) is not None:
            return _own_roles(sentence_cues, *joined, cues)
    return own


def _right(sentence_cues: SentenceCues, end: int, cues: list[Cue]) -> Cue | None:
    """The role word a level ending at `end` modifies: the first after it, at most three words on, none of
    them a preposition, conjunction or verb of `_STOP`."""
    sentence = sentence_cues.text
    return next((c for c in cues if c.start >= end and _RIGHT_GAP.match(sentence[end:c.start])
                 and not _STOP.intersection(sentence[end:c.start].lower().split())), None)


def _own_roles(sentence_cues: SentenceCues, start: int, end: int, cues: list[Cue]) -> set[str]:
    """`level_roles` from the level's own words around it."""
    sentence = sentence_cues.text
    lo, hi = clause(sentence_cues, start, end)
    near = [c for c in cues if c.start >= lo and c.end <= hi and (c.end <= start or c.start >= end)]
    role = None
    right = _right(sentence_cues, end, near)
    left = [c for c in near if c.end <= start and _LEFT_GAP.match(sentence[c.end:start])]
    nearest_left = max(left, key=lambda c: c.end).role if left else None
    if right is not None and not (right.role == "anatomy" and nearest_left not in (None, "none", "anatomy")):
        role = right.role
    elif left:
        role = nearest_left
    else:
        dist = [(min(abs(c.start - end), abs(start - c.end)), c) for c in near]
        dist = [(d, c) for d, c in dist if d <= _NEAREST]
        if dist:
            role = min(dist, key=lambda dc: dc[0])[1].role
    cement = sentence_cues.has("CEMENT")
    role = "leak" if role == "remote" else role
    if role in (None, "none", "anatomy", "diagnosis", "operated") or (role == "leak" and not cement):
        return set()
    if role == "treated" and cement and any(c.role == "leak" for c in near):
        return {"treated", "leak"}
    return {role}

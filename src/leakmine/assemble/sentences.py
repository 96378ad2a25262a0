"""What a sentence is about: literature, advice, the patient, all patients, tallies over many patients
(pure functions of its cues)."""

from __future__ import annotations

from typing import NamedTuple

from leakmine.assemble.cues import SentenceCues


class Voice(NamedTuple):
    """Cue flags of one sentence."""

    skip: bool
    literature: bool
    citation: bool
    generic: bool
    patient: bool
    broadcast: bool
    tally: bool


def sentence_voice(cues: SentenceCues) -> Voice:
    """The voice of a sentence from its cues."""
    kinds = cues.kinds  # a kind is present when one of its cues lies in the sentence
    return Voice("SKIP" in kinds, "LITERATURE" in kinds, "CITATION" in kinds, "GENERIC" in kinds,
                 "PATIENT" in kinds or "MET_CASE" in kinds, "BROADCAST" in kinds, "TALLY" in kinds)


def about_patient(voice: Voice, flow: str, before_anchor: bool = False) -> bool:
    """Whether a sentence of `flow` may tell about a patient of the paper.

    The narrative (body, captions) speaks of the patient unless it cites literature or gives advice;
    the abstract likewise once a patient was introduced (before that, `before_anchor`, it is
    background and needs a patient cue, as does unlabelled text before the case is introduced);
    commentary (introduction, discussion) only where it points at the patient itself.
    """
    if flow == "title":
        return not voice.skip
    if voice.skip or voice.literature or voice.tally:
        return False
    if flow in ("body", "caption"):
        if before_anchor and not voice.patient:
            return False
        return not (voice.generic and not voice.patient)
    if flow == "abstract":
        if voice.citation or (voice.generic and not voice.patient):
            return False
        return voice.patient or not before_anchor
    if flow == "commentary":
        return voice.patient and not voice.generic and not voice.citation
    return False

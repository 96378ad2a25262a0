"""Cue phrases as data (cues.jsonl): what marks a sentence as literature, advice, about the patient,
about all patients, about cement; and the words that bind a vertebral level to a role."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from leakmine.nlp.rules import Rule, load_rules

CUE_LABELS = frozenset({
    "SKIP", "LITERATURE", "CITATION", "GENERIC", "PATIENT", "WE_PRESENT", "CASE_TOLD", "REVIEW", "OUR_STUDY",
    "BROADCAST",
    "CEMENT", "FOLLOW_UP", "PREOP", "POSTOP", "AFTER", "RESCUE", "PROCEDURE_REF", "TREATED", "LEAK", "NO_ROLE", "ANATOMY",
    "RESCUE_SURGERY", "CLAUSE", "FLASHBACK", "BEFORE_INDEX", "INDICATION", "STORY_MOVES", "FINAL", "RESCUE_OPERATION",
    "LINKED", "RECOVERY", "AFTER_RESCUE", "TALLY", "EACH", "ADMISSION", "PRESENTED", "ONSET", "IMAGING_DATED",
})


@lru_cache(maxsize=1)
def cue_rules() -> dict[str, list[Rule]]:
    """The cue rules of `cues.jsonl`, by label."""
    out: dict[str, list[Rule]] = {label: [] for label in CUE_LABELS}
    for rule in load_rules(__package__, "cues.jsonl", labels=CUE_LABELS):
        out[rule.label].append(rule)
    return out


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """Value sets of SCHEMA.md that assembly reasons with (vocabulary.json)."""
    return json.loads(resources.files(__package__).joinpath("vocabulary.json").read_text(encoding="utf-8"))


def has_cue(text: str, label: str) -> bool:
    return any(r.regex.search(text) for r in cue_rules()[label])


def cue_spans(text: str, label: str) -> list[tuple[int, int]]:
    """(start, end) of every match of the `label` cues in `text`, in text order."""
    spans = [(m.start(), m.end()) for r in cue_rules()[label] for m in r.regex.finditer(text) if m.end() > m.start()]
    return sorted(spans)

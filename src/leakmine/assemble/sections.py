"""Where a section stands in the telling of a paper: its flow and its unit.

Flows: `title`; `abstract`; `body` (case, methods, results and unlabelled text: the narrative; a case
series' "Methods" tells its cases, a cohort study's its population); `caption` (each caption is a unit
of its own); `commentary` (introduction, discussion, conclusion and the background/conclusion parts of
a structured abstract: mostly literature and advice); `none` (tables,
references and anything not mined). A unit is the stretch of text along which one patient's story
runs in order: the abstract, the body, or one caption.
"""

from __future__ import annotations

import re

from leakmine.nlp.numbers import TO_TEN
from leakmine.records import Document, Section

_FLOW_OF_KIND = {
    "title": "title", "abstract": "abstract", "case": "body", "results": "body", "other": "body",
    "caption": "caption", "introduction": "commentary", "discussion": "commentary",
    "conclusion": "commentary", "methods": "body",
}
# Section titles and the opening words of a section are read here, not sentences: no mention covers a title.
_CAPTION_TEXT = re.compile(r"^\s*(?:fig(?:ure)?s?\.?|supplementa(?:l|ry)\s+fig(?:ure)?s?\.?)\s*\d", re.IGNORECASE)
_ABSTRACT_COMMENTARY = re.compile(
    r"^\s*(?:background|introduction|objectives?|purpose|aims?|importance|significance|context|rationale|"
    r"conclusions?|lessons?|discussion|summary\s+of\s+background\s+data|clinical\s+relevance)\b",
    re.IGNORECASE,
)


# An abstract's background or aims part (these of its labels) that introduces its case or cases tells them:
# a patient by age ("Summary of Background Data. A 58-year-old woman was seen with ...", "Aims: We describe
# a 69-year-old patient in whom ...", "Introduction: This is a case description of a 71-year-old man ..."),
# a patient or a case ("Purpose: To present a patient with ... who ...", "To report a case of ...") or a
# few of them by their count ("Objective: To report four patients who ...", "To describe 3 patients with ...").
_BACKGROUND = frozenset({"background", "introduction", "context", "summary of background data", "aim", "aims",
                         "objective", "objectives", "purpose"})
_WE_REPORT = r"(?:We|Here(?:in)?,?\s+we|We\s+herein|To)\s+(?:report|present|describe)\s+"
_INTRODUCES = re.compile(
    rf"(?:^|[.:]\s+)(?:(?:An?|The|Our|{_WE_REPORT}"
    r"(?:(?:the|an?)\s+(?:[\w-]+\s+){0,2}?case\s+of\s+(?:[^.]{0,80}?\s(?:in|of)\s+)?)?an?"
    r"|This\s+is\s+(?:a|the)\s+(?:case\s+)?(?:report|presentation|description)\s+of\s+an?)"
    r"\s+\d{1,3}[-\s](?:years?|yrs?)[-\s]old\b"
    rf"|{_WE_REPORT}(?:a\s+series\s+of\s+)?(?:an?|{TO_TEN})\s+"
    r"(?:(?!(?:in|of|for|with|among|on)\b)[\w-]+\s+){0,3}?(?:patients?|cases?)\s+(?:who|with|in\s+whom)\b)")


def section_flow(section: Section) -> str:
    """The flow a section belongs to (see the module docstring)."""
    if not section.mined:
        return "none"
    if section.kind == "other" and _CAPTION_TEXT.match(section.text):
        return "caption"
    flow = _FLOW_OF_KIND.get(section.kind, "none")
    labelled = _ABSTRACT_COMMENTARY.match(section.title or "") or (
        ":" in section.text[:40] and _ABSTRACT_COMMENTARY.match(section.text[:40]))
    if flow == "abstract" and labelled and not (" ".join(labelled.group().lower().split()) in _BACKGROUND
                                                and _INTRODUCES.search(section.text)):
        return "commentary"
    return flow


def section_unit(index: int, section: Section) -> str:
    """The unit of a section: "abstract", "body", "title", "caption:<i>", "commentary:<i>" or "none"."""
    flow = section_flow(section)
    return f"{flow}:{index}" if flow in ("caption", "commentary") else flow


def units(document: Document) -> list[str]:
    return [section_unit(i, s) for i, s in enumerate(document.sections)]


def unit_flow(unit: str) -> str:
    return unit.split(":", 1)[0]

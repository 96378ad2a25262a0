"""Study type of a paper: case report, case series, cohort study or image report."""

from __future__ import annotations

import re

from leakmine.records import Document

# The article type, journal and title (metadata) and the opening of a caption are read here: no mention
# covers them.
_NOT_A_STUDY = re.compile(r"correct|errat|corrigend|retract|expression of concern|withdraw", re.IGNORECASE)
_IMAGE_HINT = re.compile(r"^images?\s+in\b|\bimages?\s+in\s+(?:clinical|spine|neuro|radiolog|medicine|surgery)"
                         r"|\bclinical\s+images?\b|\bimage\s+(?:report|quiz)\b|\bphoto\s+quiz\b", re.IGNORECASE)
_SHORT_REPORT_CHARS = 2500
_ARTICLE_SECTIONS = frozenset({"abstract", "introduction", "discussion", "methods", "results", "conclusion"})
_CAPTION_TEXT = re.compile(r"^\s*fig(?:ure)?s?\.?\s*\d", re.IGNORECASE)


_SERIES = r"\bcase\s+(?:series|reports)\b"
_SERIES_NAMED = re.compile(_SERIES, re.IGNORECASE)
_DESIGN = re.compile(r"(?:study\s+)?design\b", re.IGNORECASE)
_DESIGNED_SERIES = re.compile(rf"(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?{_SERIES}", re.IGNORECASE)


def declares_case_series(document: Document) -> bool:
    """The paper calls itself a case series: in its title ("Cement in the Canal: A Case Series",
    "Two Case Reports") or its abstract's study design ("Study Design: Case series.", "Study design. A
    retrospective case series.")."""
    return bool(document.meta.title and _SERIES_NAMED.search(document.meta.title)) or any(
        _DESIGN.match(s.title) and _DESIGNED_SERIES.match(s.text.strip()) for s in document.sections if s.title)


def describes_no_patients(document: Document) -> bool:
    """Corrections, errata and retraction notices describe no patient even when they quote one."""
    return bool(document.meta.article_type and _NOT_A_STUDY.search(document.meta.article_type))


def is_image_report(document: Document, flows: list[str]) -> bool:
    """An image-focused report: named so, or one short paragraph of case with its figure captions and
    none of the parts of a full article; `flows` are the sections' flows (sections.py)."""
    hints = " ".join(filter(None, (document.meta.article_type, document.meta.journal, document.meta.title)))
    if _IMAGE_HINT.search(hints):
        return True
    captions = [s for s, f in zip(document.sections, flows, strict=True)
                if f == "caption" or _CAPTION_TEXT.match(s.text)]
    if not captions or any(s.kind in _ARTICLE_SECTIONS for s in document.sections if s.mined):
        return False
    narrative = sum(len(s.text) for s, f in zip(document.sections, flows, strict=True)
                    if f in ("body",) and s not in captions)
    return narrative <= _SHORT_REPORT_CHARS


def study_type(document: Document, n_patients: int, has_cohort: bool, flows: list[str]) -> str | None:
    if describes_no_patients(document):
        return None
    if has_cohort:
        return "cohort study"
    if n_patients >= 2:
        return "case series"
    if n_patients == 1:
        return "image report" if is_image_report(document, flows) else "case report"
    return None

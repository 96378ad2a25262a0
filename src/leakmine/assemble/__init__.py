"""Assembly stage: mentions -> the patients and cohorts a paper describes (SCHEMA.md's JSON)."""

from __future__ import annotations

from typing import Any

from leakmine.records import Document, Evidence, Mention

LIST_FIELDS = ("index_procedures", "treated_levels", "causes", "leak_locations", "leak_levels",
               "symptoms", "treatments", "treatment_levels")


def empty_patient(n: int) -> dict[str, Any]:
    return {"patient": n, "age": None, "sex": None, **{f: [] for f in LIST_FIELDS}, "onset": None,
            "onset_days": None, "muscle_grades": [], "outcome": None, "follow_up": None}


def assemble(document: Document, mentions: list[Mention]) -> tuple[dict[str, Any], list[Evidence]]:
    """The paper's JSON (metadata, one patient per described case, cohorts) and its evidence."""
    meta = document.meta
    patient = empty_patient(1)
    evidence = []
    for m in mentions:
        if m.label == "LEVEL" and m.asserted:
            for lvl in m.attrs.get("levels", []):
                evidence.append(Evidence("patient:1", "treated_levels", lvl, m.mention_id))
                if lvl not in patient["treated_levels"]:
                    patient["treated_levels"].append(lvl)
    return {
        "paper": {"title": meta.title, "year": meta.year, "journal": meta.journal, "doi": meta.doi,
                  "first_author": meta.first_author, "study_type": "case report"},
        "patients": [patient],
        "cohorts": [],
    }, evidence

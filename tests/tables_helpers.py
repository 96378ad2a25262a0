"""Hand-made `PaperResult`s for the table tests: small papers whose mentions and evidence are known."""

from __future__ import annotations

from typing import Any

from leakmine.pipeline import PaperResult
from leakmine.records import Evidence, Mention, PaperMeta, build_document

CASE_TEXT = (
    "An 81-year-old man had kyphoplasty at T11 to L1 for osteoporotic fractures. "
    "Two days later cement was seen in the epidural space at T12. "
    "Strength of the left knee extensors was 3/5 at admission. "
    "Hemilaminectomy at T12 removed the cement. "
    "Knee extension was 4+/5 when he left hospital."
)
COHORT_TEXT = "We reviewed 24 patients (9 men and 15 women) with a mean age of 70.2 years."


def mention_at(doc, needle: str, label: str, value: str, nth: int = 0, **attrs: Any) -> Mention:
    """The mention of the `nth` occurrence of `needle` in the document text."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    end = start + len(needle)
    sent_start = doc.text.rfind(". ", 0, start) + 2 if ". " in doc.text[:start] else 0
    sent_end = doc.text.find(". ", end)
    sent_end = len(doc.text) if sent_end < 0 else sent_end + 1
    idx = next(i for i, s in enumerate(doc.sections) if s.start_char <= start < s.end_char)
    sent_start = max(sent_start, doc.sections[idx].start_char)
    return Mention(paper_id=doc.paper_id, section_index=idx, section_kind=doc.sections[idx].kind,
                   sentence=doc.text[sent_start:sent_end], sentence_start=sent_start, start_char=start,
                   end_char=end, text=needle, label=label, value=value, rule_id=f"test-{label.lower()}",
                   attrs=attrs)


def case_result(paper_id: str = "aaaa000000000001") -> PaperResult:
    """One case report: a man with kyphoplasty, an epidural leak, two grades and a rescue operation."""
    doc = build_document(f"raw/{paper_id}.txt", "text",
                         PaperMeta(title="Epidural cement after kyphoplasty", authors=["Ito K", "Sato M"],
                                   first_author="Ito", year=2023),
                         [{"title": "", "kind": "title", "text": "Epidural cement after kyphoplasty"},
                          {"title": "Case presentation", "kind": "case", "text": CASE_TEXT}], paper_id)
    m = {
        "age": mention_at(doc, "81-year-old", "AGE", "81", age=81),
        "sex": mention_at(doc, "man", "SEX", "M", cue="man"),
        "proc": mention_at(doc, "kyphoplasty", "PROCEDURE", "kyphoplasty", nth=1),
        "treated": mention_at(doc, "T11 to L1", "LEVEL", "T11;T12;L1", levels=["T11", "T12", "L1"]),
        "leak_loc": mention_at(doc, "epidural space", "LEAK_LOCATION", "epidural"),
        "leak_lvl": mention_at(doc, "T12", "LEVEL", "T12", levels=["T12"]),
        "grade1": mention_at(doc, "3/5", "MUSCLE_GRADE", "3", side="left", limb="lower"),
        "treat": mention_at(doc, "Hemilaminectomy", "TREATMENT", "hemilaminectomy"),
        "treat_lvl": mention_at(doc, "T12", "LEVEL", "T12", nth=1, levels=["T12"]),
        "grade2": mention_at(doc, "4+/5", "MUSCLE_GRADE", "4+"),
    }
    patient = {
        "patient": 1, "age": 81, "sex": "M", "index_procedures": ["kyphoplasty"],
        "treated_levels": ["T11", "T12", "L1"], "causes": ["cement leakage"], "leak_locations": ["epidural"],
        "leak_levels": ["T12"], "symptoms": [], "onset": "delayed", "onset_days": 2,
        "muscle_grades": [
            {"value": "3", "side": "left", "limb": "lower", "muscle": "knee extension", "time": "presentation"},
            {"value": "4+", "side": None, "limb": None, "muscle": "knee extension", "time": "post-treatment"},
        ],
        "treatments": ["hemilaminectomy", "cement removal"], "treatment_levels": ["T12"],
        "outcome": "improved", "follow_up": None,
    }
    ev = [Evidence("patient:1", "age", "81", m["age"].mention_id),
          Evidence("patient:1", "sex", "M", m["sex"].mention_id),
          Evidence("patient:1", "index_procedures", "kyphoplasty", m["proc"].mention_id),
          *[Evidence("patient:1", "treated_levels", lvl, m["treated"].mention_id) for lvl in ("T11", "T12", "L1")],
          Evidence("patient:1", "leak_locations", "epidural", m["leak_loc"].mention_id),
          Evidence("patient:1", "leak_levels", "T12", m["leak_lvl"].mention_id),
          Evidence("patient:1", "muscle_grades", "3", m["grade1"].mention_id),
          Evidence("patient:1", "muscle_grades", "4+", m["grade2"].mention_id),
          Evidence("patient:1", "treatments", "hemilaminectomy", m["treat"].mention_id),
          Evidence("patient:1", "treatment_levels", "T12", m["treat_lvl"].mention_id)]
    paper_json = {"paper": {"title": doc.meta.title, "year": 2023, "journal": None, "doi": None,
                            "first_author": "Ito", "study_type": "case report"},
                  "patients": [patient], "cohorts": []}
    return PaperResult(doc, sorted(m.values(), key=lambda x: x.start_char), paper_json, ev)


def cohort_result(paper_id: str = "bbbb000000000002") -> PaperResult:
    """A cohort study without individually described patients."""
    doc = build_document(f"raw/{paper_id}.txt", "text", PaperMeta(),
                         [{"title": "Results", "kind": "results", "text": COHORT_TEXT}], paper_id)
    size = mention_at(doc, "24 patients", "COHORT_SIZE", "24", n=24)
    sexes = mention_at(doc, "9 men and 15 women", "SEX_COUNT", "9M/15F", n_male=9, n_female=15)
    cohort = {"n_patients": 24, "n_male": 9, "n_female": 15, "age_mean": 70.2, "age_sd": None,
              "age_min": None, "age_max": None, "denominator": None}
    ev = [Evidence("cohort:1", "n_patients", "24", size.mention_id),
          Evidence("cohort:1", "n_male", "9", sexes.mention_id),
          Evidence("cohort:1", "n_female", "15", sexes.mention_id)]
    paper_json = {"paper": {"title": None, "year": None, "journal": None, "doi": None, "first_author": None,
                            "study_type": "cohort study"}, "patients": [], "cohorts": [cohort]}
    return PaperResult(doc, [size, sexes], paper_json, ev)


def patient(n: int, **values: Any) -> dict[str, Any]:
    """A SCHEMA.md patient object: empty except for `values`."""
    lists = ("index_procedures", "treated_levels", "causes", "leak_locations", "leak_levels", "symptoms",
             "muscle_grades", "treatments", "treatment_levels")
    empty = {"patient": n, "age": None, "sex": None, **{k: [] for k in lists}, "onset": None,
             "onset_days": None, "outcome": None, "follow_up": None}
    return {**empty, **values}


def grade(value: str, time: str, side: str | None = None) -> dict[str, Any]:
    return {"value": value, "side": side, "limb": "lower", "muscle": None, "time": time}


def series_result(paper_id: str, patients: list[dict[str, Any]]) -> PaperResult:
    """A case series given as its patients only (no mentions, no evidence)."""
    doc = build_document(f"raw/{paper_id}.txt", "text", PaperMeta(),
                         [{"title": "Cases", "kind": "case", "text": "Cases of cement leakage."}], paper_id)
    paper_json = {"paper": {"title": None, "year": None, "journal": None, "doi": None, "first_author": None,
                            "study_type": "case series"}, "patients": patients, "cohorts": []}
    return PaperResult(doc, [], paper_json, [])

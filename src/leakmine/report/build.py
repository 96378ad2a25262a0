"""leakmine's tables -> the report model: a corpus summary, paper cards with patient and cohort cards
whose every value carries its evidence sentences, and the data behind the plots.

The model is plain data; `html.py` renders it as a web page and `leakmine.views` in the terminal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from leakmine.components.level.normalize import ORDER
from leakmine.tables.questions import TIMES, grade_trajectories

if TYPE_CHECKING:
    from leakmine.tables.load import Tables

PATIENT_FIELDS = ("age", "sex", "index_procedures", "treated_levels", "causes", "leak_locations",
                  "leak_levels", "symptoms", "onset", "onset_days", "treatments", "treatment_levels",
                  "outcome", "follow_up")
COHORT_FIELDS = ("n_patients", "n_male", "n_female", "age_mean", "age_sd", "age_min", "age_max",
                 "denominator")
LEVEL_FIELDS = frozenset({"treated_levels", "leak_levels", "treatment_levels"})
FIELD_NAMES = {"index_procedures": "index procedures", "treated_levels": "treated levels",
               "leak_locations": "leak locations", "leak_levels": "leak levels", "onset_days": "onset (days)",
               "treatment_levels": "treatment levels", "follow_up": "follow-up", "n_patients": "patients",
               "n_male": "men", "n_female": "women", "age_mean": "mean age", "age_sd": "age SD",
               "age_min": "youngest", "age_max": "oldest", "denominator": "drawn from"}
SEX_NAMES = {"F": "female", "M": "male"}
SPINE = ORDER[:ORDER.index("S1") + 1]  # C1 ... S1; lower sacral levels are added when a table names them
GRADE_MODIFIER = {"+": 0.25, "-": -0.25}  # as leakmine.tables.questions orders grades: 4- < 4 < 4+


def plain(value: Any) -> Any:
    """A table cell as plain Python: None for missing, int/float/str/list otherwise."""
    if isinstance(value, list | tuple):
        return list(value)
    if hasattr(value, "tolist") and not isinstance(value, str):
        return plain(value.tolist())
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def show(value: Any) -> str:
    """A scalar as the report writes it: 62.0 -> "62", 12.75 -> "12.75"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


Rect = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points from the page's top-left


@dataclass(frozen=True)
class Quote:
    """One evidence sentence; `marks` are (start, end) offsets of the matched words in `sentence`.

    `context` is the rest of the sentence's paragraph (before, after); for a PDF paper, `page` and
    `highlights` place the matched words on the printed page.
    """

    sentence: str
    marks: tuple[tuple[int, int], ...]
    section: str
    section_kind: str
    rule_ids: tuple[str, ...]
    mention_ids: tuple[str, ...]
    context: tuple[str, str] = ("", "")
    paper_id: str = ""
    page: int | None = None
    highlights: tuple[Rect, ...] = ()

    def parts(self) -> list[tuple[str, bool]]:
        """The sentence cut into (text, marked) pieces, marks merged where they overlap."""
        out, pos = [], 0
        for start, end in self.marks:
            if start > pos:
                out.append((self.sentence[pos:start], False))
            if end > max(start, pos):
                out.append((self.sentence[max(start, pos):end], True))
            pos = max(pos, end)
        if pos < len(self.sentence):
            out.append((self.sentence[pos:], False))
        return out


@dataclass(frozen=True)
class Value:
    """One value as shown, with the sentences that state it; `raw` is the value as the tables write it
    and `source` where it comes from (extracted, corrected or confirmed)."""

    text: str
    quotes: tuple[Quote, ...] = ()
    raw: str = ""
    source: str = "extracted"


@dataclass(frozen=True)
class Field:
    """A field as shown (`name`) and as the tables call it (`key`)."""

    name: str
    values: tuple[Value, ...]
    key: str = ""


@dataclass(frozen=True)
class Grade:
    """One muscle strength grade of a patient."""

    time: str | None
    value: Value
    side: str | None
    limb: str | None
    muscle: str | None


@dataclass(frozen=True)
class PatientCard:
    patient_id: str
    paper_id: str
    patient: int
    heading: str
    fields: tuple[Field, ...]
    grades: tuple[Grade, ...]


@dataclass(frozen=True)
class CohortCard:
    cohort_id: str
    cohort: int
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class PaperCard:
    paper_id: str
    title: str
    byline: str
    study_type: str | None
    doi: str | None
    source: str
    patients: tuple[PatientCard, ...]
    cohorts: tuple[CohortCard, ...]


@dataclass(frozen=True)
class Summary:
    papers: int
    patients: int
    cohorts: int
    cohort_patients: int
    mentions: int
    errors: int
    study_types: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class LevelCount:
    level: str
    treated: int
    leak: int


@dataclass(frozen=True)
class Trajectory:
    """A patient's weakest grade per time point (`TIMES` order; None where not graded)."""

    patient_id: str
    label: str
    grades: tuple[str | None, ...]

    @property
    def scores(self) -> tuple[float | None, ...]:
        return tuple(grade_score(g) for g in self.grades)


@dataclass(frozen=True)
class Report:
    summary: Summary
    papers: tuple[PaperCard, ...]
    errors: tuple[tuple[str, str, str], ...]
    levels: tuple[LevelCount, ...]
    ages: tuple[int, ...]
    trajectories: tuple[Trajectory, ...]
    corrections: tuple[dict[str, Any], ...] = ()  # the corrections file's lines, for the download


def grade_score(value: str | None) -> float | None:
    """An MRC grade on a number line: "4" -> 4.0, "4+" -> 4.25, "4-" -> 3.75; None if not a grade."""
    if not value or not value[0].isdigit() or int(value[0]) > 5:
        return None
    return int(value[0]) + GRADE_MODIFIER.get(value[1:], 0.0)


class Sentences:
    """Evidence mention ids -> `Quote`s, one per sentence, with every matched span marked."""

    def __init__(self, mentions: pd.DataFrame, sections: pd.DataFrame):
        self.mentions = {r["mention_id"]: r for r in mentions.to_dict("records")}
        self.sections = {(r["paper_id"], r["section_index"]): r for r in sections.to_dict("records")}

    def quotes(self, mention_ids: list[str]) -> tuple[Quote, ...]:
        by_sentence: dict[tuple[str, int, str], list[dict[str, Any]]] = defaultdict(list)
        for mid in dict.fromkeys(mention_ids):
            m = self.mentions.get(mid)
            if m is not None:
                by_sentence[(m["paper_id"], m["sentence_start"], m["sentence"])].append(m)
        out = []
        for (paper_id, start, sentence), ms in sorted(by_sentence.items(), key=lambda kv: kv[0][:2]):
            first = ms[0]
            section = self.sections.get((paper_id, first["section_index"]))
            page = plain(first.get("page"))
            out.append(Quote(
                sentence=sentence,
                marks=tuple(sorted({span for m in ms if (span := _mark(m, start, sentence))})),
                section=(section or {}).get("title") or "",
                section_kind=first["section_kind"],
                rule_ids=tuple(dict.fromkeys(m["rule_id"] for m in ms)),
                mention_ids=tuple(m["mention_id"] for m in ms),
                context=paragraph_context(section, start, len(sentence)) if page is None else ("", ""),
                paper_id=paper_id, page=page,
                highlights=tuple((b["x0"], b["top"], b["x1"], b["bottom"]) for m in ms
                                 for b in (plain(m.get("boxes")) or []) if b["page"] == page)))
        return tuple(out)


def paragraph_context(section: dict[str, Any] | None, start: int, length: int) -> tuple[str, str]:
    """The text of a sentence's paragraph (its section's lines around it) before and after it."""
    if not section:
        return "", ""
    text, offset = section["text"], start - section["start_char"]
    if not 0 <= offset <= len(text):
        return "", ""
    begin = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset + length)
    return text[begin:offset], text[offset + length:end if end >= 0 else len(text)]


def _mark(m: dict[str, Any], sentence_start: int, sentence: str) -> tuple[int, int] | None:
    """Where a mention's words sit in its sentence: by offsets, else the first place they occur."""
    start, end = m["start_char"] - sentence_start, m["end_char"] - sentence_start
    if 0 <= start < end <= len(sentence) and sentence[start:end] == m["text"]:
        return start, end
    found = sentence.find(m["text"]) if m["text"] else -1
    return (found, found + len(m["text"])) if found >= 0 else None


class _Evidence:
    """The evidence table, looked up by owner and field (and value for list fields)."""

    def __init__(self, evidence: pd.DataFrame):
        self.ids: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for owner, field, value, mid in evidence[["owner_id", "field", "value", "mention_id"]].itertuples(
                index=False):
            self.ids[(owner, field)][value].append(mid)

    def of(self, owner: str, field: str, value: str | None = None) -> list[str]:
        values = self.ids.get((owner, field), {})
        if value is None:
            return [mid for ids in values.values() for mid in ids]
        return list(values.get(value, []))


def _field(owner: str, field: str, value: Any, ev: _Evidence, sentences: Sentences,
           sources: dict[tuple[str, str, str], str]) -> Field:
    value = plain(value)
    if isinstance(value, list):
        items = sorted(value, key=_spine_index) if field in LEVEL_FIELDS else value
        shown = tuple(Value(str(v), sentences.quotes(ev.of(owner, field, str(v))), str(v),
                            sources.get((owner, field, str(v)), "extracted")) for v in items)
    elif value is None:
        shown = ()
    else:
        text = SEX_NAMES.get(value, value) if field == "sex" else show(value)
        shown = (Value(text, sentences.quotes(ev.of(owner, field)), show(value),
                       sources.get((owner, field, show(value)), "extracted")),)
    return Field(FIELD_NAMES.get(field, field), shown, field)


def review_sources(reviews: pd.DataFrame) -> dict[tuple[str, str, str], str]:
    """(patient_id, field, value) -> `corrected` or `confirmed`, from the corrections applied this run."""
    out = {}
    for r in reviews.to_dict("records"):
        if plain(r["patient_id"]) and r["status"] in ("applied", "restored", "already") and r["action"] != "wrong":
            confirmed = r["action"] == "right" or r["status"] == "already"
            out[(r["patient_id"], r["field"], r["value"])] = "confirmed" if confirmed else "corrected"
    return out


def _spine_index(level: str) -> int:
    return ORDER.index(level) if level in ORDER else len(ORDER)


def _heading(p: dict[str, Any]) -> str:
    who = " ".join(x for x in (f"{p['age']}-year-old" if p["age"] is not None else None,
                               SEX_NAMES.get(p["sex"])) if x)
    return f"Patient {p['patient']}" + (f" · {who}" if who else "")


def _byline(paper: dict[str, Any]) -> str:
    author = paper["first_author"] and (f"{paper['first_author']} et al." if len(paper["authors"]) > 1
                                        else paper["first_author"])
    return ", ".join(show(x) for x in (author, paper["journal"], paper["year"]) if x)


def _label(paper: dict[str, Any], patient: int) -> str:
    """A patient's short name for plot legends: "Ito 2023 #1", or the paper id's start."""
    name = " ".join(show(x) for x in (paper["first_author"], paper["year"]) if x)
    return f"{name or paper['paper_id'][:8]} #{patient}"


def paper_cards(t: Tables) -> tuple[PaperCard, ...]:
    """One card per paper, in the papers table's order, holding its patients' and cohorts' cards."""
    ev, sentences = _Evidence(t.evidence), Sentences(t.mentions, t.sections)
    sources = review_sources(t.reviews)
    grades: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in t.muscle_grades.sort_values(["patient_id", "grade_index"]).to_dict("records"):
        grades[g["patient_id"]].append({k: plain(v) for k, v in g.items()})
    patients: dict[str, list[PatientCard]] = defaultdict(list)
    for p in t.patients.sort_values(["paper_id", "patient"]).to_dict("records"):
        p = {k: plain(v) for k, v in p.items()}
        pid = p["patient_id"]
        patients[p["paper_id"]].append(PatientCard(
            patient_id=pid, paper_id=p["paper_id"], patient=p["patient"], heading=_heading(p),
            fields=tuple(_field(pid, f, p[f], ev, sentences, sources) for f in PATIENT_FIELDS),
            grades=tuple(Grade(g["time"], Value(g["value"], sentences.quotes(g["evidence"]), g["value"],
                                                g["source"]), g["side"], g["limb"], g["muscle"])
                         for g in sorted(grades[pid], key=lambda g: _time_index(g["time"])))))
    cohorts: dict[str, list[CohortCard]] = defaultdict(list)
    for c in t.cohorts.sort_values(["paper_id", "cohort"]).to_dict("records"):
        c = {k: plain(v) for k, v in c.items()}
        cohorts[c["paper_id"]].append(CohortCard(
            c["cohort_id"], c["cohort"],
            tuple(_field(c["cohort_id"], f, c[f], ev, sentences, {}) for f in COHORT_FIELDS)))
    cards = []
    for paper in t.papers.to_dict("records"):
        paper = {k: plain(v) for k, v in paper.items()}
        cards.append(PaperCard(
            paper_id=paper["paper_id"], title=paper["title"] or Path(paper["source_path"]).name, byline=_byline(paper),
            study_type=paper["study_type"], doi=paper["doi"],
            source=f"{paper['source_path']} ({paper['source_format']})",
            patients=tuple(patients[paper["paper_id"]]), cohorts=tuple(cohorts[paper["paper_id"]])))
    return tuple(cards)


def _time_index(time: str | None) -> int:
    return TIMES.index(time) if time in TIMES else len(TIMES)


def summary(t: Tables) -> Summary:
    types = Counter(plain(s) or "unknown" for s in t.papers.study_type)
    return Summary(
        papers=len(t.papers), patients=len(t.patients), cohorts=len(t.cohorts),
        cohort_patients=int(t.cohorts.n_patients.sum()) if len(t.cohorts) else 0,
        mentions=len(t.mentions), errors=len(t.errors),
        study_types=tuple(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))))


def level_counts(t: Tables) -> tuple[LevelCount, ...]:
    """Patients per level with a treated and with a leak role, C1 to S1 (and any lower sacral level)."""
    counts = {role: t.levels[t.levels.role == role].groupby("level").patient_id.nunique().to_dict()
              for role in ("treated", "leak")}
    named = set(counts["treated"]) | set(counts["leak"])
    spine = SPINE + [lvl for lvl in ORDER[len(SPINE):] if lvl in named]
    return tuple(LevelCount(lvl, int(counts["treated"].get(lvl, 0)), int(counts["leak"].get(lvl, 0)))
                 for lvl in spine)


def trajectories(t: Tables) -> tuple[Trajectory, ...]:
    """Each graded patient's weakest grade at presentation, after treatment and at follow-up."""
    if t.muscle_grades.dropna(subset=["time", "base"]).empty:
        return ()
    papers = {p["paper_id"]: {k: plain(v) for k, v in p.items()} for p in t.papers.to_dict("records")}
    patients = t.patients.sort_values(["paper_id", "patient"])
    who = {pid: (i, papers[paper_id], int(n)) for i, (pid, paper_id, n) in
           enumerate(zip(patients.patient_id, patients.paper_id, patients.patient, strict=True))}
    rows = sorted(grade_trajectories(t).to_dict("records"), key=lambda r: who[r["patient_id"]][0])
    return tuple(Trajectory(r["patient_id"], _label(*who[r["patient_id"]][1:]),
                            tuple(plain(r.get(time)) for time in TIMES))
                 for r in rows)


def build_report(t: Tables) -> Report:
    """The whole report model from `load_tables(...)`'s result."""
    return Report(
        summary=summary(t), papers=paper_cards(t),
        errors=tuple((r.source_path, r.stage, r.reason) for r in t.errors.itertuples(index=False)),
        levels=level_counts(t), ages=tuple(int(a) for a in t.patients.age.dropna()),
        trajectories=trajectories(t),
        corrections=tuple({"paper": r["paper_id"], "patient": "" if r["patient"] is None else str(r["patient"]),
                           **{k: r[k] or "" for k in ("field", "value", "action", "reviewer", "note")}}
                          for r in ({k: plain(v) for k, v in x.items()} for x in t.reviews.to_dict("records"))))

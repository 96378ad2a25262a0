"""Label Studio and doccano: tasks with leakmine's values as pre-annotations, and their exports back
as corrections.

A task is one patient of one paper: the paper's whole text, and a region per span that supports one
of the patient's values, labelled with the field (`leak_levels`, `age`, ...). The reviewer deletes
regions that are wrong and draws the ones leakmine missed. Reading the tool's export back compares
each patient's regions with what the tables hold: a value whose regions were all deleted is `wrong`,
a value with a region kept is `right`, a new region is `missing`, its value taken from the span
leakmine found there (when one fits the field) or else from the words as written.

Label Studio gets `labelstudio.json` (tasks with `predictions`, its basic JSON import format) and
`labelstudio.xml` (the labelling config); doccano gets `doccano.jsonl` (sequence labelling, one
task per line, `label` as [start, end, field] triples).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from leakmine import __version__
from leakmine.errors import LeakmineError
from leakmine.export import Paper
from leakmine.tables.corrections import FIELDS, Correction

LABEL_STUDIO, LABEL_STUDIO_CONFIG, DOCCANO = "labelstudio.json", "labelstudio.xml", "doccano.jsonl"
# The mention label whose value fills each field, for regions a reviewer adds.
FIELD_LABELS = {"age": "AGE", "sex": "SEX", "index_procedures": "PROCEDURE", "treated_levels": "LEVEL",
                "causes": "CAUSE", "leak_locations": "LEAK_LOCATION", "leak_levels": "LEVEL",
                "symptoms": "SYMPTOM", "onset": "TIMING", "muscle_grades": "MUSCLE_GRADE",
                "treatments": "TREATMENT", "treatment_levels": "LEVEL", "outcome": "OUTCOME",
                "follow_up": "FOLLOW_UP"}


@dataclass(frozen=True)
class Task:
    """One reviewed patient: its paper, number, and the (start, end, field) regions the reviewer kept."""

    paper_id: str
    patient: int
    regions: frozenset[tuple[int, int, str]]


def _regions(p: Paper, patient: int) -> list[tuple[int, int, str, str]]:
    return [(v.span.start, v.span.end, v.field, v.span.text) for v in p.values if v.patient == patient]


def label_studio_tasks(papers: list[Paper]) -> list[dict[str, Any]]:
    tasks = []
    for p in papers:
        for n in p.patients:
            result = [{"id": f"p{n}r{i}", "from_name": "field", "to_name": "text", "type": "labels",
                       "value": {"start": s, "end": e, "text": text, "labels": [field]}}
                      for i, (s, e, field, text) in enumerate(_regions(p, n), start=1)]
            tasks.append({"data": {"text": p.text, "paper_id": p.paper_id, "patient": n,
                                   "title": f"{p.title or p.source_path} · patient {n}"},
                          "predictions": [{"model_version": f"leakmine {__version__}", "result": result}]})
    return tasks


def label_studio_config() -> str:
    labels = "".join(f"\n    <Label value={quoteattr(f)}/>" for f in FIELDS)
    return (f'<View>\n  <Header value="$title"/>\n  <Labels name="field" toName="text">{labels}\n  </Labels>\n'
            '  <Text name="text" value="$text"/>\n</View>\n')


def doccano_lines(papers: list[Paper]) -> list[dict[str, Any]]:
    return [{"text": p.text, "label": [[s, e, field] for s, e, field, _ in _regions(p, n)],
             "paper_id": p.paper_id, "patient": n}
            for p in papers for n in p.patients]


def write_annotator_tasks(papers: list[Paper], target: Path) -> list[Path]:
    (target / LABEL_STUDIO).write_text(json.dumps(label_studio_tasks(papers), ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    (target / LABEL_STUDIO_CONFIG).write_text(label_studio_config(), encoding="utf-8")
    with (target / DOCCANO).open("w", encoding="utf-8") as f:
        for line in doccano_lines(papers):
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    return [target / LABEL_STUDIO, target / LABEL_STUDIO_CONFIG, target / DOCCANO]


def _meta(task: dict[str, Any]) -> tuple[str, int] | None:
    """(paper id, patient) of an exported task: top level, under `data` (Label Studio) or `meta` (doccano)."""
    for where in (task, task.get("data") or {}, task.get("meta") or {}):
        if where.get("paper_id") and str(where.get("patient", "")).isdigit():
            return str(where["paper_id"]), int(where["patient"])
    return None


def _label_studio_regions(task: dict[str, Any]) -> frozenset | None:
    done = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if not done:
        return None  # nobody reviewed it: no corrections either way
    out = set()
    for r in done[-1].get("result") or []:
        v = r.get("value") or {}
        for label in v.get("labels") or []:
            out.add((int(v["start"]), int(v["end"]), label))
    return frozenset(out)


def _doccano_regions(task: dict[str, Any]) -> frozenset:
    if isinstance(task.get("entities"), list):
        return frozenset((int(e["start_offset"]), int(e["end_offset"]), e["label"]) for e in task["entities"])
    return frozenset((int(s), int(e), label) for s, e, label in task.get("label") or [])


def read_tasks(path: str | Path) -> list[Task]:
    """The reviewed tasks of a Label Studio JSON export or a doccano JSONL export."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        stripped = text.lstrip()
        items = json.loads(stripped) if stripped.startswith("[") else [
            json.loads(line) for line in text.splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise LeakmineError(str(path), f"not a Label Studio or doccano export ({e})", stage="corrections") from e
    tasks = []
    for item in items:
        meta = _meta(item) if isinstance(item, dict) else None
        if meta is None:
            raise LeakmineError(str(path), "a task has no paper_id and patient (was it exported by leakmine?)",
                                stage="corrections")
        regions = _label_studio_regions(item) if "data" in item else _doccano_regions(item)
        if regions is not None:
            tasks.append(Task(*meta, regions))
    return tasks


def _new_values(p: Paper, start: int, end: int, field: str) -> tuple[list[str], str]:
    """The values a region the reviewer drew stands for, and a note saying where they come from."""
    label = FIELD_LABELS.get(field)
    fits = [s for s in p.spans if s.label == label and s.start < end and start < s.end]
    if fits:
        return [v for v in fits[0].value.split(";") if v], "drawn in an annotation tool"
    return [p.text[start:end].strip()], "drawn in an annotation tool; value as written, check it"


def task_corrections(tasks: list[Task], papers: list[Paper], reviewer: str) -> list[Correction]:
    """What the reviewed tasks say about each patient's values, as corrections (line numbers unset)."""
    by_id = {p.paper_id: p for p in papers}
    out: list[Correction] = []

    def add(t: Task, field: str, value: str, action: str, note: str = "") -> None:
        out.append(Correction(0, t.paper_id, str(t.patient), field, value, action, reviewer, note))

    for t in tasks:
        p = by_id.get(t.paper_id)
        if p is None:
            continue  # the caller reports tasks of papers the tables do not hold
        values: dict[tuple[str, str], set[tuple[int, int, str]]] = {}
        for v in p.values:
            if v.patient == t.patient:
                values.setdefault((v.field, v.value), set()).add((v.span.start, v.span.end, v.field))
        known = set().union(*values.values()) if values else set()
        for (field, value), regions in values.items():
            add(t, field, value, "right" if regions & t.regions else "wrong")
        for start, end, field in sorted(t.regions - known):
            found, note = _new_values(p, start, end, field)
            for value in found:
                if (field, value) not in values:
                    add(t, field, value, "missing", note)
    return list(dict.fromkeys(out))

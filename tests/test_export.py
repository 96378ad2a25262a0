"""`leakmine export`: each format loads back in its own library or schema with offsets intact, and an
annotation tool's export comes back as corrections."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import bioc
import pytest
import spacy
from bioc import biocjson, biocxml
from spacy.tokens import DocBin
from typer.testing import CliRunner

from leakmine.cli import app
from leakmine.export import papers
from leakmine.export.annotators import read_tasks, task_corrections
from leakmine.tables import load_tables, write_tables
from leakmine.tables.build import build_frames
from leakmine.tables.corrections import FIELDS, apply_corrections, read_corrections
from tables_helpers import case_result, cohort_result

PAPER = "aaaa000000000001"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    frames = build_frames([case_result(PAPER), cohort_result()], [])
    write_tables(frames, out, {})
    runner = CliRunner()
    for fmt in ("bioc", "spacy", "jsonl", "csv"):
        result = runner.invoke(app, ["export", str(out), "--format", fmt])
        assert result.exit_code == 0, result.output
    t = load_tables(out)
    return out, t, frames, {p.paper_id: p.text for p in papers(t)}


def test_paper_text_is_rebuilt_exactly_from_the_sections(exported):
    _, t, _, texts = exported
    doc = case_result(PAPER).document
    assert texts[PAPER] == doc.text
    for m in t.mentions.itertuples():
        assert texts[m.paper_id][m.start_char:m.end_char] == m.text


@pytest.mark.parametrize("name", ["leakmine.bioc.xml", "leakmine.bioc.json"])
def test_bioc_loads_with_passages_and_annotations_at_their_offsets(exported, name):
    out, t, _, texts = exported
    with (out / "export" / name).open() as f:
        collection = (biocxml if name.endswith("xml") else biocjson).load(f)
    assert isinstance(collection, bioc.BioCCollection)
    problems = []
    bioc.validate(collection, onerror=lambda msg, where: problems.append(msg))  # offsets and texts agree
    assert problems == []
    assert {d.id for d in collection.documents} == set(t.papers.paper_id)
    seen = set()
    for d in collection.documents:
        assert "".join(p.text for p in d.passages) == texts[d.id].replace("\n\n", "")
        for p in d.passages:
            for a in p.annotations:
                (loc,) = a.locations
                assert p.text[loc.offset - p.offset:loc.end - p.offset] == a.text == texts[d.id][loc.offset:loc.end]
                seen.add(a.id)
    assert seen == set(t.mentions.mention_id)
    leak = next(a for d in collection.documents for p in d.passages for a in p.annotations
                if a.infons["type"] == "LEAK_LOCATION")
    assert leak.infons["value"] == "epidural" and "patient 1 leak_locations=epidural" in leak.infons["patient_values"]


def test_docbin_loads_with_every_span_at_its_characters(exported):
    out, t, _, texts = exported
    docs = list(DocBin().from_disk(out / "export" / "leakmine.spacy").get_docs(spacy.blank("en").vocab))
    assert len(docs) == len(t.papers)
    for doc in docs:
        paper_id = doc.user_data["leakmine"]["paper_id"]
        assert doc.text == texts[paper_id]
        want = t.mentions[t.mentions.paper_id == paper_id]
        assert {(s.start_char, s.end_char, s.label_) for s in doc.spans["leakmine"]} == set(
            zip(want.start_char, want.end_char, want.label, strict=True))
        assert all(e.text == doc.text[e.start_char:e.end_char] for e in doc.ents) and doc.has_annotation("SENT_START")


def _label_studio_problems(tasks, config: str) -> list[str]:
    """Label Studio's basic JSON import format with predictions, as its documentation describes it: a list
    of tasks, each `data` (holding the text the config's <Text value="$text"> names) and `predictions`,
    each a `result` list of regions {id, from_name, to_name, type, value{start, end, text, labels}} whose
    from_name/to_name are the config's <Labels name> and <Text name>, labels among its <Label value>s."""
    view = ET.fromstring(config)
    text_tag, labels_tag = view.find("Text"), view.find("Labels")
    labels = {x.get("value") for x in labels_tag.findall("Label")}
    key = text_tag.get("value").lstrip("$")
    problems = []
    if not isinstance(tasks, list):
        return ["not a list of tasks"]
    for i, task in enumerate(tasks):
        text = task.get("data", {}).get(key)
        if not isinstance(text, str):
            problems.append(f"task {i}: no data.{key}")
            continue
        for pred in task.get("predictions", []):
            for r in pred["result"]:
                v = r["value"]
                if (r["from_name"], r["to_name"], r["type"]) != (labels_tag.get("name"), text_tag.get("name"), "labels"):
                    problems.append(f"task {i}: region {r['id']} names {r['from_name']}/{r['to_name']}/{r['type']}")
                if not (isinstance(v["start"], int) and isinstance(v["end"], int) and text[v["start"]:v["end"]] == v["text"]):
                    problems.append(f"task {i}: region {r['id']} offsets do not give its text")
                if not set(v["labels"]) <= labels:
                    problems.append(f"task {i}: labels {v['labels']} not in the config")
    return problems


def test_label_studio_tasks_follow_the_import_format(exported):
    out, t, _, _ = exported
    tasks = json.loads((out / "export" / "labelstudio.json").read_text())
    assert _label_studio_problems(tasks, (out / "export" / "labelstudio.xml").read_text()) == []
    assert len(tasks) == len(t.patients)
    regions = [r for task in tasks for p in task["predictions"] for r in p["result"]]
    assert len(regions) == len(t.evidence[t.evidence.owner_kind == "patient"])


def test_doccano_lines_follow_the_sequence_labelling_format(exported):
    out, t, _, _ = exported
    lines = [json.loads(x) for x in (out / "export" / "doccano.jsonl").read_text().splitlines()]
    assert len(lines) == len(t.patients)
    for line in lines:
        assert isinstance(line["text"], str) and line["paper_id"] in set(t.papers.paper_id)
        for start, end, label in line["label"]:
            assert 0 <= start < end <= len(line["text"]) and label in FIELDS


def test_csv_rows_are_the_supporting_spans(exported):
    out, t, _, texts = exported
    import csv

    rows = list(csv.DictReader((out / "export" / "annotations.csv").open()))
    assert len(rows) == len(t.evidence[t.evidence.owner_kind == "patient"])
    assert all(texts[r["paper"]][int(r["start"]):int(r["end"])] == r["text"] for r in rows)


def _reviewed_label_studio(out, drop: str, add: tuple[int, int, str] | None) -> list[dict]:
    """The exported tasks as Label Studio exports them after review: the reviewer's annotation is the
    pre-annotation less the regions of field `drop`, plus a drawn region."""
    tasks = json.loads((out / "export" / "labelstudio.json").read_text())
    for task in tasks:
        result = [r for r in task["predictions"][0]["result"] if r["value"]["labels"] != [drop]]
        if add:
            s, e, field = add
            result.append({"id": "new", "from_name": "field", "to_name": "text", "type": "labels",
                           "value": {"start": s, "end": e, "text": task["data"]["text"][s:e], "labels": [field]}})
        task["annotations"] = [{"id": 1, "result": result, "was_cancelled": False}]
    return tasks


def test_label_studio_review_comes_back_as_corrections(exported, tmp_path):
    out, t, frames, texts = exported
    start = texts[PAPER].index("T11")  # the treated range; the reviewer marks its first level as a leak
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(_reviewed_label_studio(out, "leak_locations", (start, start + 3, "leak_levels"))))
    fixes = task_corrections(read_tasks(path), papers(t), "Ana")
    by = {(c.field, c.value): c.action for c in fixes}
    assert by[("leak_locations", "epidural")] == "wrong"
    assert by[("leak_levels", "T12")] == "right" and by[("age", "81")] == "right"
    assert by[("leak_levels", "T11")] == "missing"  # value of the level mention the region lies on
    assert by[("leak_levels", "T12")] == "right" and ("leak_levels", "L1") in by  # the range's other levels
    csv_path = tmp_path / "corrections.csv"
    result = CliRunner().invoke(app, ["corrections", "import", str(path), "--tables", str(out), "--into",
                                      str(csv_path), "--reviewer", "Ana"])
    assert result.exit_code == 0, result.output
    applied = apply_corrections(frames, read_corrections(csv_path))
    assert set(applied["reviews"].status) == {"applied"}
    patient = applied["patients"].iloc[0]
    assert list(patient.leak_locations) == [] and "T11" in list(patient.leak_levels)
    again = CliRunner().invoke(app, ["corrections", "import", str(path), "--tables", str(out), "--into", str(csv_path)])
    assert "0 corrections added" in again.output  # importing twice adds nothing


@pytest.mark.parametrize("style", ["label", "entities"])
def test_doccano_review_comes_back_as_corrections(exported, tmp_path, style):
    out, t, _, _ = exported
    lines = [json.loads(x) for x in (out / "export" / "doccano.jsonl").read_text().splitlines()]
    for line in lines:
        kept = [x for x in line.pop("label") if x[2] != "treatments"]
        line["meta"] = {"paper_id": line.pop("paper_id"), "patient": line.pop("patient")}
        line[style] = kept if style == "label" else [
            {"id": i, "label": label, "start_offset": s, "end_offset": e} for i, (s, e, label) in enumerate(kept)]
    path = tmp_path / "doccano.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines))
    by = {(c.field, c.value): c.action for c in task_corrections(read_tasks(path), papers(t), "")}
    assert by[("treatments", "hemilaminectomy")] == "wrong" and by[("leak_locations", "epidural")] == "right"


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "not a Label Studio or doccano export"),
    ('[{"data": {"text": "x"}, "annotations": []}]', "no paper_id and patient"),
])
def test_unreadable_tool_export_is_named(exported, tmp_path, content, reason):
    out = exported[0]
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = CliRunner().invoke(app, ["corrections", "import", str(path), "--tables", str(out), "--into",
                                      str(tmp_path / "c.csv")])
    assert result.exit_code == 1 and str(path) in result.output and reason in result.output

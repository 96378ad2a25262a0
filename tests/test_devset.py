"""The development set in tests/devset: gold files follow the extraction contract, and leakmine's
micro-F1 on the set stays above a floor (scored with ../shared/tools/score.py when it is present).

The vocabularies below are those of ../shared/gold/SCHEMA.md, written out here so that the gold
files can be checked without the shared folder.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from leakmine.pipeline import process_file

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "devset"
PAPERS = DEVSET / "papers"
GOLD = DEVSET / "gold"
SCORER = ROOT / ".." / "shared" / "tools" / "score.py"

# leakmine reached micro-F1 0.941 when the set was written; the floor is about 0.05 below.
MICRO_F1_FLOOR = 0.89

STUDY_TYPES = {"case report", "case series", "cohort study", "image report"}
INDEX_PROCEDURES = {"vertebroplasty", "kyphoplasty", "fusion", "discectomy", "osteotomy", "decompression",
                    "laminectomy", "sacroplasty"}
CAUSES = {"cement leakage", "screw malposition", "screw loosening", "cage migration", "epidural hematoma",
          "insufficient decompression", "nerve root edema"}
LEAK_LOCATIONS = {"intradural", "epidural", "spinal canal", "foraminal", "lateral recess", "paravertebral",
                  "venous", "pulmonary", "cardiac", "disc"}
SYMPTOMS = {"pain", "numbness", "weakness", "paralysis", "sensory loss", "bladder dysfunction",
            "bowel dysfunction", "radiculopathy", "foot drop", "cauda equina syndrome", "neurological deficit",
            "dyspnea", "chest pain"}
TREATMENTS = {"laminectomy", "hemilaminectomy", "durotomy", "cement removal", "decompression",
              "posterior fixation", "corpectomy", "screw removal", "screw revision", "hematoma evacuation",
              "rehabilitation", "acupuncture", "steroids", "anti-osteoporosis medication", "anterior fixation",
              "fusion", "discectomy", "cage removal", "exploration", "anticoagulation", "radiotherapy"}
OUTCOMES = {"full recovery", "partial recovery", "improved", "no recovery"}
ONSETS = {"immediate", "delayed"}
SIDES = {"left", "right", "bilateral", None}
LIMBS = {"lower", "upper", None}
TIMES = {"presentation", "post-treatment", "follow-up"}

LEVEL = re.compile(r"(?:C[1-7]|T(?:[1-9]|1[0-2])|L[1-5]|S1)")
GRADE = re.compile(r"[0-5][+-]?")
FOLLOW_UP = re.compile(r"(?P<n>\d+(?:\.\d+)?) (?P<unit>day|week|month|year)(?P<s>s?)")

PAPER_KEYS = {"title", "year", "journal", "doi", "first_author", "study_type"}
PATIENT_SCALARS = {"patient", "age", "sex", "onset", "onset_days", "outcome", "follow_up"}
PATIENT_LISTS = {"index_procedures": INDEX_PROCEDURES, "treated_levels": None, "causes": CAUSES,
                 "leak_locations": LEAK_LOCATIONS, "leak_levels": None, "symptoms": SYMPTOMS,
                 "treatments": TREATMENTS, "treatment_levels": None}
PATIENT_KEYS = PATIENT_SCALARS | set(PATIENT_LISTS) | {"muscle_grades"}
GRADE_KEYS = {"value", "side", "limb", "muscle", "time"}
COHORT_KEYS = {"n_patients", "n_male", "n_female", "age_mean", "age_sd", "age_min", "age_max", "denominator"}

GOLD_FILES = sorted(GOLD.glob("*.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _flat(text: str) -> str:
    """Lower-cased text with line-end hyphenation undone and runs of white space collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", text)).lower()


def test_every_paper_has_gold_and_every_gold_has_a_paper():
    papers = {p.stem for p in PAPERS.glob("*.txt")}
    golds = {p.stem for p in GOLD_FILES}
    assert len(papers) >= 14
    assert papers == golds


def test_set_covers_the_study_types():
    types = [_load(p)["paper"]["study_type"] for p in GOLD_FILES]
    assert types.count("case report") >= 8
    assert types.count("case series") >= 2
    assert {"cohort study", "image report"} <= set(types)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_paper_fields(path):
    gold = _load(path)
    assert set(gold) == {"paper", "patients", "cohorts", "notes"}
    assert isinstance(gold["notes"], str) and gold["notes"].strip()
    paper = gold["paper"]
    assert set(paper) == PAPER_KEYS
    assert paper["study_type"] in STUDY_TYPES
    assert paper["year"] is None or (_is_int(paper["year"]) and 1950 <= paper["year"] <= 2100)
    for key in ("title", "journal", "first_author"):
        assert paper[key] is None or (isinstance(paper[key], str) and paper[key] == paper[key].strip())
    assert paper["doi"] is None or re.fullmatch(r"10\.\d{4,9}/\S+", paper["doi"])
    assert paper["doi"] is None or paper["doi"] == paper["doi"].lower()


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_paper_fields_are_in_the_text(path):
    paper = _load(path)["paper"]
    text = _flat((PAPERS / f"{path.stem}.txt").read_text(encoding="utf-8"))
    for key in ("title", "doi", "first_author", "journal"):
        if paper[key] is not None:
            assert _flat(paper[key]) in text, key
    if paper["year"] is not None:
        assert str(paper["year"]) in text


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_study_type_matches_its_patients(path):
    gold = _load(path)
    n, kind = len(gold["patients"]), gold["paper"]["study_type"]
    if kind in ("case report", "image report"):
        assert n == 1 and not gold["cohorts"]
    elif kind == "case series":  # a cohort of a series is its patients' incidence
        assert 2 <= n <= 9 and all(c["n_patients"] == n and c["denominator"] for c in gold["cohorts"])
    else:
        assert gold["cohorts"]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_patients(path):
    patients = _load(path)["patients"]
    assert [p["patient"] for p in patients] == list(range(1, len(patients) + 1))
    for p in patients:
        assert set(p) == PATIENT_KEYS
        assert p["age"] is None or (_is_int(p["age"]) and 0 < p["age"] < 120)
        assert p["sex"] in {"F", "M", None}
        assert p["onset"] in ONSETS | {None}
        assert p["onset_days"] is None or (_is_number(p["onset_days"]) and p["onset_days"] >= 0)
        if p["onset"] == "immediate":
            assert p["onset_days"] in (0, None)
        if p["onset"] == "delayed":
            assert p["onset_days"] is None or p["onset_days"] > 0
        assert p["outcome"] in OUTCOMES | {None}
        if p["follow_up"] is not None:
            m = FOLLOW_UP.fullmatch(p["follow_up"])
            assert m, p["follow_up"]
            assert (m["s"] == "") == (float(m["n"]) == 1), p["follow_up"]
        for field, vocabulary in PATIENT_LISTS.items():
            values = p[field]
            assert isinstance(values, list) and len(values) == len(set(values)), field
            for v in values:
                assert (v in vocabulary) if vocabulary else LEVEL.fullmatch(v), (field, v)
        if p["leak_locations"] or p["leak_levels"]:
            assert "cement leakage" in p["causes"]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_muscle_grades(path):
    for p in _load(path)["patients"]:
        assert isinstance(p["muscle_grades"], list)
        for grade in p["muscle_grades"]:
            assert set(grade) == GRADE_KEYS
            assert GRADE.fullmatch(grade["value"]), grade
            assert grade["side"] in SIDES and grade["limb"] in LIMBS and grade["time"] in TIMES, grade
            assert grade["muscle"] is None or (isinstance(grade["muscle"], str) and grade["muscle"].strip())


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_cohorts(path):
    for c in _load(path)["cohorts"]:
        assert set(c) == COHORT_KEYS
        assert _is_int(c["n_patients"]) and c["n_patients"] > 0
        for key in ("n_male", "n_female", "denominator"):
            assert c[key] is None or _is_int(c[key]), key
        for key in ("age_mean", "age_sd", "age_min", "age_max"):
            assert c[key] is None or _is_number(c[key]), key
        if c["n_male"] is not None and c["n_female"] is not None:
            assert c["n_male"] + c["n_female"] == c["n_patients"]
        if c["denominator"] is not None:
            assert c["denominator"] >= c["n_patients"]
        if None not in (c["age_min"], c["age_mean"], c["age_max"]):
            assert c["age_min"] <= c["age_mean"] <= c["age_max"]


def test_leakmine_scores_above_the_floor_on_the_devset(tmp_path):
    if not SCORER.is_file():
        pytest.skip("../shared/tools/score.py is not present")
    for gold in GOLD_FILES:  # predictions made in this process: the pipeline loads once
        (paper,) = [p for p in PAPERS.glob(gold.stem + ".*")]
        (result,) = process_file(paper)
        (tmp_path / gold.name).write_text(json.dumps(result.paper_json), encoding="utf-8")
    r = subprocess.run([sys.executable, str(SCORER), str(GOLD), "--pred-dir", str(tmp_path), "--quiet"],
                       capture_output=True, text=True, timeout=300, cwd=ROOT)
    m = re.search(r"micro-F1 (\d\.\d+)", r.stdout)
    assert m, r.stdout + r.stderr
    assert f"papers parsed {len(GOLD_FILES)}/{len(GOLD_FILES)}" in r.stdout, r.stdout
    assert float(m[1]) >= MICRO_F1_FLOOR, r.stdout

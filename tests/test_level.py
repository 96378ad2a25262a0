"""Vertebral levels: phrasings that name levels (expanded as SCHEMA.md says) and ones that must not."""

import pytest
import spacy

from leakmine.components.level import GROUPS, LABEL, match_levels
from leakmine.components.level.normalize import (
    anatomy_after,
    canonical_level,
    complete_second,
    expand_range,
    label_series,
    parse_glued,
    parse_level_words,
    parse_levels,
)
from leakmine.nlp.rules import load_rules
from leakmine.nlp.tokenizer import create_scispacy_tokenizer

RULES = load_rules("leakmine.components.level", labels=frozenset({LABEL}), groups=GROUPS)


def levels(text: str) -> list[list[str]]:
    return [lv for _, lv in match_levels(text, RULES)]


@pytest.mark.parametrize("text, expected", [
    ("a compression fracture of T12", [["T12"]]),
    ("the L1 vertebral body was collapsed", [["L1"]]),
    ("cement leaked from T12 to L2", [["T12", "L1", "L2"]]),
    ("posterior fixation from T10 to T12", [["T10", "T11", "T12"]]),
    ("fixation T10 through L2", [["T10", "T11", "T12", "L1", "L2"]]),
    ("L2–L4 laminectomy", [["L2", "L3", "L4"]]),
    ("L2-L4 laminectomy", [["L2", "L3", "L4"]]),
    ("L2—L4 decompression", [["L2", "L3", "L4"]]),
    ("T12‑L2 (non-breaking hyphen)", [["T12", "L1", "L2"]]),
    ("the L2/L3 level of the canal", [["L2", "L3"]]),
    ("an L4/5 discectomy", [["L4", "L5"]]),
    ("L4-5 disc herniation", [["L4", "L5"]]),
    ("the L4–5 interspace", [["L4", "L5"]]),
    ("an L3–5 posterolateral fusion", [["L3", "L4", "L5"]]),
    ("fusion of L3–S1", [["L3", "L4", "L5", "S1"]]),
    ("L5-S1 interbody fusion", [["L5", "S1"]]),
    ("the L5/S1 disc", [["L5", "S1"]]),
    ("a T12/1 junction fracture", [["T12", "L1"]]),
    ("C7-T1 junction", [["C7", "T1"]]),
    ("C5–6 and C6–7 discectomy", [["C5", "C6", "C7"]]),
    ("C3-C7 laminoplasty", [["C3", "C4", "C5", "C6", "C7"]]),
    ("vertebroplasty at L2 and L3", [["L2", "L3"]]),
    ("fractures of T11 and L1", [["T11", "L1"]]),
    ("L2, L3 and L4 were augmented", [["L2", "L3", "L4"]]),
    ("L2, L3, and L4 were augmented", [["L2", "L3", "L4"]]),
    ("T11, T12 and L1 fractures", [["T11", "T12", "L1"]]),
    ("L2 & L3", [["L2", "L3"]]),
    ("at L3 or L4", [["L3", "L4"]]),
    ("T12 and L1-L2 were treated", [["T12", "L1", "L2"]]),
    ("L2-3 and L4-5 decompression", [["L2", "L3", "L4", "L5"]]),
    ("fixation between T10 and L2", [["T10", "T11", "T12", "L1", "L2"]]),
    ("Th12 compression fracture", [["T12"]]),
    ("Th11/12", [["T11", "T12"]]),
    ("a D12 fracture (dorsal notation)", [["T12"]]),
    ("D11-D12 vertebroplasty", [["T11", "T12"]]),
    ("L-4 to L-5 fusion", [["L4", "L5"]]),
    ("the L5S1 disc space", [["L5", "S1"]]),
    ("T12L1 junction", [["T12", "L1"]]),
    ("the twelfth thoracic vertebra", [["T12"]]),
    ("the first lumbar vertebral body", [["L1"]]),
    ("she underwent fourth lumbar vertebroplasty", [["L4"]]),
    ("a revision T10\u2013pelvis instrumented fusion", [["T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1"]]),
    ("fixation from L4 to the sacrum", [["L4", "L5", "S1"]]),
    # a joint named for its vertebrae
    ("a posterior atlantoaxial fusion", [["C1", "C2"]]),
    ("atlanto-axial screw fixation", [["C1", "C2"]]),
    ("cement leaked at the lumbosacral junction", [["L5", "S1"]]),
    ("the first lumbar compression fracture", [["L1"]]),
    ("kyphoplasty of a third lumbar vertebral burst fracture", [["L3"]]),  # "vertebral": no count
    ("the 12th thoracic vertebra", [["T12"]]),
    ("the fourth and fifth lumbar vertebrae", [["L4", "L5"]]),
    ("the eleventh thoracic to the second lumbar vertebrae", [["T11", "T12", "L1", "L2"]]),
    ("cement in the right first sacral foramen", [["S1"]]),
    ("the first sacral foramina", [["S1"]]),
    ("the fifth lumbar nerve", [["L5"]]),
    ("the first sacral spinal nerve", [["S1"]]),
    ("the fifth lumbar intervertebral foramen", [["L5"]]),
    ("numbness in the fifth lumbar dermatome", [["L5"]]),
    ("S1 screws and S2 alar screws", [["S1"], ["S2"]]),
    ("the C2 pedicle", [["C2"]]),
    ("L5 nerve root compression", [["L5"]]),
    ("at T12 (arrow), and at L2.", [["T12"], ["L2"]]),
    ("levels (T12, L1)", [["T12", "L1"]]),
    ("the T12 vertebra and a T2-weighted image", [["T12"]]),
    ("T2 vertebra fracture", [["T2"]]),
    ("L2 and L3 vertebrae and the T1-weighted image", [["L2", "L3"]]),
    ("kyphoplasty of lumbar 2\u20135 vertebrae", [["L2", "L3", "L4", "L5"]]),
    ("thoracic 10\u201312 and first lumbar vertebrae", [["T10", "T11", "T12"], ["L1"]]),
    ("a fracture of lumbar vertebra 3", [["L3"]]),
    ("lumbar 4 and 5 vertebrae", [["L4", "L5"]]),
    ("lumbar vertebrae 2, 3 and 4", [["L2", "L3", "L4"]]),
    ("lumbar vertebrae 2, 3, and 4", [["L2", "L3", "L4"]]),
])
def test_levels_found(text, expected):
    assert levels(text) == expected


@pytest.mark.parametrize("text", [
    "Sagittal T1-weighted images",
    "T2-weighted magnetic resonance imaging",
    "T2WI showed a high signal",
    "T1WI and T2WI",
    "a T2 hyperintense lesion",
    "T2-hyperintense cord",
    "T1 hypointense and T2 hyperintense",
    "T1 and T2 images were obtained",
    "high signal on T2 and STIR",
    "on sagittal T2 the cord was compressed",
    "T2 signal change in the cord",
    "fat-suppressed T2 sequence",
    "T2* gradient echo",
    "contrast-enhanced T1 showed enhancement",
    "see Figure S1",
    "Fig. S2 and Table S3",
    "Supplementary Figures S1 and S2",
    "S1 Fig shows the workflow",
    "approval No. L2020-Q213-002",
    "C5a levels were raised",
    "S100 protein staining",
    "a T-value of -3.1",
    "Th1/Th2 cytokines",
    "Th1 cells and Th2 responses",
    "Th17 cells",
    "D2 receptor antagonists",
    "dopamine D2 blockade",
    "vitamin D3 supplementation",
    "complement C3 and C4",
    "C1 esterase inhibitor",
    "grade 2 in 2019",
    "stage T2N0M0",
    "a pT2 tumour",
    "AO type C1 fracture",
    "T2DM and hypertension",
    "CD4 counts",
    "S1 and S2 heart sounds were normal",
    "T12L2 written without a separator",
    "T13",
    "the second lumbar puncture",
    "Spine 2005;30:S1",
    "free T4 and TSH",
    "samples S1 through S6",
    "from C4 to L7",
    "C4-ceramide treatment",
    "the C2-domain fold",
    "configuration at C7'",
    "Drosophila S2 cells",
    "the C2 domain of perforin",
    "T4 polynucleotide kinase",
    "third-stage (L3) larvae of the nematode",
    "cathepsin L1 activity",
    "apolipoprotein C1",
    "higher Th2 than Th1 responses (IgG1)",
    "levels of Th2 (IgG1)",
    "pressure at T4 h after induction",
    "T1: baseline; T2: discharge",
    "six months later she had a second lumbar vertebroplasty",
    "she sustained her first lumbar compression fracture",
    "lumbar 2 times a day, then vertebral pain",  # no vertebra named after the number
    "thoracic 5 patients and lumbar 12 patients had vertebral fractures",
    "lumbar 5\u20132 vertebrae",  # a range backwards
    "lumbar 7 vertebrae",  # no such vertebra
    "new fractures of the adjacent lumbar vertebrae 3 months after kyphoplasty",
    "thoracic vertebrae 8 (20%) and lumbar vertebrae 7 (18%)",
    "the lumbar 4 mm screws in the vertebrae",
    "in the lumbar 2 group, 30 vertebrae",
    "lumbar vertebrae 3 and 4 (20%)",  # the unit after a list is the whole list's
    "lumbar vertebrae 2 and 3 years later",
    "a lumbosacral fusion with iliac screws",  # its levels vary
    "the atlanto-occipital joint",
    "known atlantoaxial subluxation",  # a diagnosis, not an operation's site
])
def test_levels_not_found(text):
    assert levels(text) == []


@pytest.mark.parametrize("token, expected", [
    ("T12", "T12"), ("Th12", "T12"), ("th 12", "T12"), ("D7", "T7"), ("L-4", "L4"), ("l4", "L4"),
    ("S1", "S1"), ("C8", None), ("T13", None), ("L6", "L6"), ("L7", None), ("S6", None), ("X1", None),
])
def test_canonical_level(token, expected):
    assert canonical_level(token) == expected


@pytest.mark.parametrize("first, second, expected", [
    ("L4", "5", "L5"), ("L5", "S1", "S1"), ("T12", "1", "L1"), ("L5", "1", "S1"), ("C7", "1", "T1"),
    ("T11", "12", "T12"), ("L3", "2", "L2"), ("L2", "9", None),
])
def test_complete_second(first, second, expected):
    assert complete_second(first, second) == expected


def test_expand_range_runs_along_the_spine_in_either_direction():
    assert expand_range("T12", "L2") == ["T12", "L1", "L2"]
    assert expand_range("L2", "T12") == ["T12", "L1", "L2"]
    assert expand_range("C7", "T1") == ["C7", "T1"]


@pytest.mark.parametrize("text, expected", [
    ("T12 to L2", ["T12", "L1", "L2"]),
    ("L4/5", ["L4", "L5"]),
    ("T11 and L1", ["T11", "L1"]),
    ("L2, L2 and L3", ["L2", "L3"]),
    ("between L4 and L2", ["L2", "L3", "L4"]),
    ("L2 and 3 weeks", ["L2"]),
])
def test_parse_levels(text, expected):
    assert parse_levels(text) == expected


def test_glued_levels_only_when_neighbours():
    assert parse_glued("L5", "S1") == ["L5", "S1"]
    assert parse_glued("T12", "L2") == []


@pytest.mark.parametrize("text, expected", [
    ("twelfth thoracic vertebra", ["T12"]),
    ("first and second lumbar vertebrae", ["L1", "L2"]),
    ("eleventh thoracic to first lumbar vertebrae", ["T11", "T12", "L1"]),
    ("thirteenth thoracic vertebra", []),
])
def test_parse_level_words(text, expected):
    assert parse_level_words(text) == expected


@pytest.mark.parametrize("after, expected", [
    (" vertebral body", "vertebra"), (" vertebra", "vertebra"), ("-vertebrae", "vertebra"),
    (" disc herniation", "disc"), (" intervertebral disc", "disc"), (" nerve root", "root"),
    (" radiculopathy", "root"), (" palsy", "root"), (" level", "segment"), ("-level", "segment"), (" was fused", None),
])
def test_anatomy_after(after, expected):
    assert anatomy_after(after) == expected


@pytest.mark.parametrize("text, expected", [
    ("VAS at T0, T1 and T2; the T12 fracture healed by T2.", [["T12"]]),
    ("Scores at T0 and T1 improved; at T1 the L1 vertebra was stable.", [["L1"]]),
    ("Baseline (T0), 1 month (T1), 6 months (T2) and the T1 vertebra.", [["T1"]]),
    ("Samples S1 to S6 were tested, S2 and S3 most often; fusion reached S1.", []),
    ("C8 radiculopathy after a C7 fracture and T1 vertebroplasty.", [["C7"], ["T1"]]),
    ("An L6 transitional vertebra above L5-S1.", [["L6"], ["L5", "S1"]]),
])
def test_letters_used_as_a_numbered_series_are_not_levels(text, expected):
    assert levels(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("T0, T1, T2", {"T": 2}), ("S1 through S6 and S2", {"S": 6}), ("T0 and T3", {}),
    ("T1, T2 and T3", {}), ("C7, C8 and T1", {}), ("L1, L2 and L6", {}),
])
def test_label_series(text, expected):
    assert label_series(text) == expected


def test_no_value_is_ever_glued():
    text = "T12L2, T12-L2, L4/5 and T12 to L2; L1L3"
    for _, lv in match_levels(text, RULES):
        assert all(canonical_level(v) == v for v in lv)


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.tokenizer = create_scispacy_tokenizer()(pipeline)
    pipeline.add_pipe("leakmine_sentences")
    pipeline.add_pipe("leakmine_level")
    return pipeline


@pytest.mark.parametrize("text, spans", [
    ("A T12-level fracture.", [("T12", "T12")]),
    ("the vertebrae(L2 and L3) were filled", [("L2 and L3", "L2;L3")]),
    ("cement at L2/L3.", [("L2/L3", "L2;L3")]),
    ("an L4-5, L5-S1 fusion", [("L4-5, L5-S1", "L4;L5;S1")]),
    ("(T11–L1)", [("T11–L1", "T11;T12;L1")]),
    ("the T12-vertebra and L1-vertebra", [("T12", "T12"), ("L1", "L1")]),
    ("T2-weighted images of T12.", [("T12", "T12")]),
])
def test_pipeline_spans_cover_exactly_the_level(nlp, text, spans):
    doc = nlp(text)
    found = [(s.text, s._.lm_value) for s in doc.spans["leakmine_level"]]
    assert found == spans
    for s in doc.spans["leakmine_level"]:
        assert doc.text[s.start_char:s.end_char] == s.text
        assert s.label_ == "LEVEL" and s._.lm_attrs["levels"] == s._.lm_value.split(";")


def test_pipeline_keeps_sentences_after_splitting_tokens(nlp):
    doc = nlp("Cement reached the T12-level canal. Then L1-level fixation followed.")
    assert [s.text for s in doc.sents] == ["Cement reached the T12-level canal.", "Then L1-level fixation followed."]
    assert [s._.lm_attrs["anatomy"] for s in doc.spans["leakmine_level"]] == ["segment", "segment"]


@pytest.mark.parametrize("text, expected", [
    ("L4-5 and L5-6", ["L4", "L5", "L6"]),
    ("L5-6", ["L5", "L6"]),
    ("L4-L6", ["L4", "L5", "L6"]),
    ("L6-S1", ["L6", "S1"]),
    ("L3-S1", ["L3", "L4", "L5", "S1"]),
    ("L5-S1", ["L5", "S1"]),
])
def test_a_transitional_sixth_lumbar_vertebra_only_where_named(text, expected):
    from leakmine.components.level.normalize import parse_levels

    assert parse_levels(text) == expected

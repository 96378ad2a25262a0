"""Symptom scope: the complication's symptoms, not those the patient had before the index operation."""

from __future__ import annotations

import re

import pytest

from assemble_helpers import Paper
from leakmine.assemble.fields import is_complication
from leakmine.assemble.scope import pre_index_symptoms

INDEX = {"vertebroplasty", "kyphoplasty", "discectomy", "fusion", "PVP", "microdiscectomy", "laminectomy"}
VALUE = {"PVP": "vertebroplasty", "microdiscectomy": "discectomy"}


def marked(text: str, symptoms: list[tuple[str, str]], kind: str = "case", timings: tuple[str, ...] = ()) -> Paper:
    """A one-section paper with its procedures, the given symptoms (surface, value) and timings marked."""
    p = Paper((kind, "Case", text))
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in INDEX or word in INDEX:
            nth = sum(1 for m in p.mentions if m.text == word)
            p.m("PROCEDURE", word, VALUE.get(word, word.lower()), nth=nth)
    for surface, value in symptoms:
        p.m("SYMPTOM", surface, value)
    for surface in timings:
        p.m("TIMING", surface, "delayed", days=2.0, anchor="later")
    return p


def excluded(p: Paper) -> set[str]:
    mentions = sorted(p.mentions, key=lambda m: m.start_char)
    keys = pre_index_symptoms(mentions, p.cue_index(), lambda m: m.label == "PROCEDURE", is_complication)
    return {m.text for m in mentions if (m.start_char, m.end_char) in keys}


@pytest.mark.parametrize(("text", "symptoms", "timings", "expected"), [
    # told before the operation: the indication
    ("She had severe back pain. Vertebroplasty of L1 was done. Two days later she had leg numbness.",
     [("back pain", "pain"), ("leg numbness", "numbness")], ("Two days later",), {"back pain"}),
    ("A painful fracture of L2 was treated with kyphoplasty; she then became paraparetic.",
     [("painful", "pain"), ("paraparetic", "weakness")], (), {"painful"}),
    ("Because of radicular pain, he underwent microdiscectomy. He woke with a foot drop.",
     [("radicular pain", "radiculopathy"), ("foot drop", "foot drop")], (), {"radicular pain"}),
    # named as what the operation was for
    ("He underwent fusion for bilateral radicular pain and then developed leg weakness.",
     [("radicular pain", "radiculopathy"), ("leg weakness", "weakness")], (), {"radicular pain"}),
    ("Kyphoplasty to relieve intractable pain was performed at T12.", [("pain", "pain")], (), {"pain"}),
    # said to be from before surgery while no complication is told yet
    ("He underwent microdiscectomy. Before surgery he had numbness of the foot. Next day he had a foot drop.",
     [("numbness", "numbness"), ("foot drop", "foot drop")], (), {"numbness"}),
    ("He underwent fusion. Preoperatively he had sciatica; on day 2 he lost strength in the leg.",
     [("sciatica", "radiculopathy"), ("lost strength", "weakness")], (), {"sciatica"}),
    # the complication's symptoms
    ("She developed paraplegia after vertebroplasty for a fracture.", [("paraplegia", "paralysis")], (), set()),
    ("Radiculopathy secondary to cement leakage from PVP was seen.", [("Radiculopathy", "radiculopathy")], (),
     set()),
    ("She presented with leg pain. She had undergone vertebroplasty two years earlier.",
     [("leg pain", "pain")], (), set()),
    ("Postoperatively she had leg pain. Vertebroplasty had been uneventful.", [("leg pain", "pain")], (), set()),
    ("She felt sudden chest pain. Three hours before the appearance of these symptoms, she underwent kyphoplasty of L1.",
     [("chest pain", "chest pain")], (), set()),
    # told in order: the operation at the local hospital, then the complication
    ("She had back pain. She underwent PVP at the local hospital. Three days later she had leg numbness.",
     [("back pain", "pain"), ("leg numbness", "numbness")], ("Three days later",), {"back pain"}),
    ("She had back pain for 3 hours before she underwent kyphoplasty; after it she had leg weakness.",
     [("back pain", "pain"), ("leg weakness", "weakness")], (), {"back pain"}),
    ("Vertebroplasty was done. Leg pain followed; before surgery her MRI was read again.",
     [("Leg pain", "pain")], (), set()),
    ("Vertebroplasty was done. Weakness appeared. Preoperatively she was examined again and had pain.",
     [("Weakness", "weakness"), ("pain", "pain")], (), set()),
    ("After vertebroplasty she complained of pain radiating to the thigh.", [("pain", "pain")], (), set()),
    ("She had pain; no operation was told.", [("pain", "pain")], (), set()),
])
def test_symptoms_before_the_index_operation(text, symptoms, timings, expected):
    assert excluded(marked(text, symptoms, timings=timings)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A 70-year-old woman with a painful L1 fracture underwent kyphoplasty. Two days later she had "
     "leg weakness.", ["weakness"]),
    ("We report a 70-year-old woman with leg weakness after kyphoplasty for a painful L1 fracture.",
     ["weakness"]),
])
def test_assembled_symptoms_leave_out_the_indication(text, expected):
    p = Paper(("abstract", "Abstract", text))
    p.age("70-year-old", 70)
    p.sex("woman", "F")
    p.m("SYMPTOM", "painful", "pain")
    p.m("PROCEDURE", "kyphoplasty", "kyphoplasty")
    p.m("SYMPTOM", "leg weakness", "weakness")
    [pt] = p.assemble()[0]["patients"]
    assert pt["symptoms"] == expected

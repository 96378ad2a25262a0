"""Roles of levels (treated, leak, rescue treatment) and of procedures (index or rescue)."""

from __future__ import annotations

import re

import pytest

from assemble_helpers import sentence_cues
from leakmine.assemble.roles import Cue, level_roles, merge_cues, procedure_role, word_cues


def roles_of(sentence: str, level: str, mentions: dict[str, str] | None = None) -> set[str]:
    """Roles of the first `level` in `sentence`; `mentions` maps mention words to their cue role."""
    start = sentence.index(level)
    cues = [Cue(m.start(), m.end(), role) for word, role in (mentions or {}).items()
            for m in re.finditer(re.escape(word), sentence)]
    found = sentence_cues(sentence)
    return level_roles(found, start, start + len(level), merge_cues(cues, word_cues(found)))


@pytest.mark.parametrize(("sentence", "level", "mentions", "expected"), [
    ("Last spring she underwent T8 and T9 percutaneous vertebroplasty.", "T8 and T9",
     {"percutaneous vertebroplasty": "treated"}, {"treated"}),
    ("Vertebroplasty of the T9 vertebra was performed.", "T9", {"Vertebroplasty": "treated"}, {"treated"}),
    ("Kyphoplasty for L4 was uneventful.", "L4", {"Kyphoplasty": "treated"}, {"treated"}),
    ("He had a painful osteoporotic compression fracture of T11.", "T11", {}, {"treated"}),
    ("An L1 burst fracture was seen on CT.", "L1", {}, {"treated"}),
    ("A T7-T9 laminectomy was performed.", "T7-T9", {"laminectomy": "treatment"}, {"treatment"}),
    ("Hemilaminectomy from L3 to L4 allowed removal.", "L3 to L4", {"Hemilaminectomy": "treatment"}, {"treatment"}),
    ("Posterior fixation from T10 to L2 followed.", "T10 to L2", {"Posterior fixation": "treatment"}, {"treatment"}),
    ("Laminectomy from T9 to T11 with epidural cement removal was done.", "T9 to T11",
     {"Laminectomy": "treatment", "cement removal": "treatment", "epidural": "leak"}, {"treatment"}),
    ("CT showed cement leaked into the epidural space from T11 to T12.", "T11 to T12",
     {"epidural": "leak"}, {"leak"}),
    ("Cement was found in the foramina of L4/5.", "L4/5", {}, {"leak"}),
    ("Large pieces of bone cement compressed the cord at the T10 level.", "T10", {}, {"leak"}),
    ("Leaked cement compressing the spinal cord at the C5 level was removed later.", "C5", {}, {"leak"}),
    ("A PVP at L2 was complicated by cement leakage into the canal.", "L2", {"PVP": "treated"}, {"treated", "leak"}),
    ("He had a pathologic L4 fracture, in which the cement escaped into the canal.", "L4", {}, {"treated"}),
    ("Cement in the pulmonary artery was seen after kyphoplasty of L1.", "L1",
     {"pulmonary": "remote", "kyphoplasty": "treated"}, {"treated"}),
    ("A cement cast lay in the vena cava at the level of L1.", "L1", {"vena cava": "remote"}, {"leak"}),
    ("CT showed the right S1 pedicle screw in the canal.", "S1", {}, set()),
    ("The right L5 pedicle screw was removed.", "L5", {"screw was removed": "treatment"}, set()),
    ("An epidural hematoma dorsal to the L3 body compressed the sac.", "L3", {"epidural": "leak"}, set()),
    ("She had L4 radiculopathy after the injection.", "L4", {}, set()),
    ("Cement leaked into the epidural space and the C2/3 disc during vertebroplasty.", "C2/3",
     {"epidural": "leak", "vertebroplasty": "treated"}, {"leak"}),
    ("A wider decompression of the L2 and L3 roots was performed.", "L2 and L3", {"decompression": "treatment"},
     {"treatment"}),
    ("At revision surgery at L4-L5, the cage was retrieved.", "L4-L5", {}, {"treatment"}),
    ("Reoperation at L3 was needed.", "L3", {}, {"treatment"}),
    ("Disc herniation at L4/5 was noted.", "L4/5", {}, set()),
    ("Spinal surgery at L3-L4 was uneventful.", "L3-L4", {}, set()),  # assembly decides whether it is the index
    ("The canal was narrowed at L2 by a retropulsed fragment.", "L2", {}, set()),
    ("Cement in T8 was well distributed, with leakage into the segmental vein.", "T8", {}, set()),
    ("MRI of the lumbar spine was normal at L1.", "L1", {}, set()),
    # an operation in no procedure vocabulary: a laminoplasty
    ("Her gait worsened after a C3-C5 laminoplasty.", "C3-C5", {}, {"treated"}),
    # not a spinal injection, as often the care of a complication as its cause
    ("The pain settled after an L5 transforaminal epidural steroid injection.", "L5", {}, set()),
    ("The L3 nerve root was blocked under fluoroscopy.", "L3", {}, set()),
])
def test_level_roles(sentence, level, mentions, expected):
    assert roles_of(sentence, level, mentions) == expected


@pytest.mark.parametrize(("sentence", "levels", "mentions", "expected"), [
    # a level with no role of its own, coordinated with the next, shares the noun that one modifies
    ("She had bilateral L2-3 and left-sided L3-4 partial laminectomies.", ["L2-3", "L3-4"],
     {"laminectomies": "treatment"}, {"treatment"}),
    ("A man with canal stenosis underwent right L2-3, L3-4 and left L4-5 decompressions.",
     ["L2-3", "L3-4", "L4-5"], {"decompressions": "treatment"}, {"treatment"}),
    ("T11, T12 and L1 pedicle screws were removed.", ["T11", "T12", "L1"], {"screws were removed": "treatment"}, set()),
    # not when more than a side stands between, nor when the level has a role of its own
    ("She had L2-3 stenosis and L3-4 laminectomy.", ["L2-3", "L3-4"], {"laminectomy": "treatment"}, set()),
    ("Cement leaked into the canal at T11 and L1 laminectomy followed.", ["T11", "L1"],
     {"canal": "leak", "laminectomy": "treatment"}, {"leak"}),
])
def test_level_joined_to_the_next(sentence, levels, mentions, expected):
    spans = [(sentence.index(lv), sentence.index(lv) + len(lv)) for lv in levels]
    cues = [Cue(m.start(), m.end(), role) for word, role in mentions.items() for m in re.finditer(re.escape(word), sentence)]
    found = sentence_cues(sentence)
    assert level_roles(found, *spans[0], merge_cues(cues, word_cues(found)), spans) == expected


@pytest.mark.parametrize(("value", "preceding", "kw", "expected"), [
    ("vertebroplasty", "", {}, "index"),
    ("kyphoplasty", "Immediately after the ", {}, "index"),
    ("osteotomy", "", {"before_complication": False}, "index"),
    ("cement removal", "", {}, "rescue"),
    ("durotomy", "", {"before_complication": True}, "rescue"),
    ("rehabilitation", "", {}, "rescue"),
    ("laminectomy", "", {"cement_index": True}, "rescue"),
    ("decompression", "Postoperative CT after ", {"cement_index": True}, "rescue"),
    ("decompression", "She then had an emergency ", {"before_complication": True}, "rescue"),
    ("decompression", "", {"cement_index": True, "historical": True}, None),
    ("fusion", "Weakness began 2 days after an L4-S1 ", {}, "index"),
    ("fusion", "Weakness began 3 days after an L5/S1 discectomy and an L4-S1 ", {}, "index"),
    ("decompression", "Her strength improved after the ", {"outcome_in_sentence": True, "before_complication": False},
     "rescue"),
    ("discectomy", "He underwent ", {"before_complication": True}, "index"),
    ("discectomy", "He then underwent revision ", {"before_complication": False}, "rescue"),
    ("fusion", "A screw was misplaced, so revision ", {"before_complication": False}, "rescue"),
    ("appendectomy", "", {}, None),
])
def test_procedure_role(value, preceding, kw, expected):
    args = {"cement_index": False, "before_complication": True, "outcome_in_sentence": False, "historical": False}
    cues = sentence_cues(f"{preceding}{value} was done.")
    assert procedure_role(value, cues, len(preceding), **{**args, **kw}) == expected


def test_screw_words_keep_denying_a_role_under_a_treatment_mention():
    merged = merge_cues([Cue(10, 27, "treatment")], [Cue(10, 15, "none"), Cue(30, 38, "leak"), Cue(12, 20, "leak")])
    assert [(c.start, c.role) for c in merged] == [(10, "none"), (10, "treatment"), (30, "leak")]

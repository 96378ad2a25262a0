"""Causes of the neurological complication: phrasings -> the causes vocabulary."""

import pytest

from vocab_helpers import texts, values


@pytest.mark.parametrize("text, expected", [
    ("CT showed bone cement leakage into the canal", "cement leakage"),
    ("PMMA extravasation was seen on fluoroscopy", "cement leakage"),
    ("leakage of cement into the foramen", "cement leakage"),
    ("extravasation of the bone cement", "cement leakage"),
    ("the cement had leaked posteriorly", "cement leakage"),
    ("cement that migrated into the epidural space", "cement leakage"),
    ("the leaked cement compressed the root", "cement leakage"),
    ("polymethyl methacrylate leaked into the veins", "cement leakage"),
    ("intradural leakage was confirmed", "cement leakage"),
    ("malpositioned pedicle screws were found", "screw malposition"),
    ("pedicle screw malposition at L4", "screw malposition"),
    ("misplacement of the left S1 screw", "screw malposition"),
    ("misplacement of the outwardly-inserted L5 pedicle screw", "screw malposition"),
    ("outwardly misplaced L5 pedicle screws", "screw malposition"),
    ("the pedicle screw was found to be medially malpositioned", "screw malposition"),
    ("the screws were misplaced", "screw malposition"),
    ("a medial pedicle breach", "screw malposition"),
    ("the L3 screw penetrated the medial wall of the pedicle", "screw malposition"),
    ("the left S1 screw had entered the vertebral canal", "screw malposition"),
    ("screw loosening was noted at the caudal end", "screw loosening"),
    ("loose pedicle screws", "screw loosening"),
    ("loosening of the S1 screws", "screw loosening"),
    ("the screws had become loose", "screw loosening"),
    ("T4 pedicle screw pullout with cord injury", "screw loosening"),
    ("pull-out of the left S1 screw", "screw loosening"),
    ("two screws had backed out", "screw loosening"),
    ("loss of fixation of lower lumbar pedicle screws", "screw loosening"),
    ("a small leakage of methylmethacrylate toward the foramen", "cement leakage"),
    ("methylmethacrylate leaked into the canal", "cement leakage"),
    ("posterior cage migration into the canal", "cage migration"),
    ("retropulsion of the interbody cage", "cage migration"),
    ("the cage had migrated dorsally", "cage migration"),
    ("dorsal migration of the banana-shaped interbody cage", "cage migration"),
    ("retropulsion of a kidney-shaped PEEK cage", "cage migration"),
    ("the migrated banana-shaped TLIF cage", "cage migration"),
    ("MRI revealed a spinal epidural haematoma", "epidural hematoma"),
    ("an extradural hematoma compressing the cord", "epidural hematoma"),
    ("the hematoma was evacuated", "epidural hematoma"),
    ("a small epidural blood clot compressed the cord", "epidural hematoma"),
    ("acute extradural clotting after discectomy", "epidural hematoma"),
    ("a blood clot in the epidural space", "epidural hematoma"),
    ("an acute spinal epidural haemorrhage compressing the cord", "epidural hematoma"),
    ("inadequate decompression of the lateral recess", "insufficient decompression"),
    ("residual foraminal stenosis", "insufficient decompression"),
    ("nerve root oedema on MRI", "nerve root edema"),
    ("edema of the L5 nerve root", "nerve root edema"),
    ("swelling of the nerve roots", "nerve root edema"),
])
def test_cause_values(text, expected):
    assert expected in values("CAUSE", text)


@pytest.mark.parametrize("text", [
    "a CSF leakage was repaired",
    "a subcutaneous hematoma at the wound",
    "the screw trajectory was planned",
    "cement distribution was homogeneous",
    "the cage was placed in the disc space",
    "the screws were placed in good position",
    "none of the pedicle screws was found to be misplaced",
    "screw pull-out strength was tested in cadavers",
    "loss of fixation of the fracture",
    "a clot in the epidural catheter",
    "a hematoma around the left brachial plexus",
    "a hematoma in the left thigh",
    "a hematoma in his left thigh was drained",
    "a hematoma within the iliopsoas",
    "a blood clot in the femoral vein",
    "epidural venous bleeding was controlled with bipolar cautery",
    "hemorrhage from the epidural venous plexus",
])
def test_cause_must_not_match(text):
    assert values("CAUSE", text) == set()


def test_cement_leakage_is_one_span():
    assert texts("CAUSE", "bone cement leakage") == [("bone cement leakage", "cement leakage")]


@pytest.mark.parametrize("text", [
    "the decompression had been insufficient",
    "the decompression was clearly inadequate",
    "decompression of the L5 root was incomplete",
    "the decompression was not sufficient",
    "inadequate decompression of the lateral recess",
    "an incomplete decompression",
    "the root had not been adequately decompressed",
    "residual stenosis of the foramen",
    "residual nerve root compression",
    "persistent foraminal stenosis",
])
def test_insufficient_decompression_phrasings(text):
    assert values("CAUSE", text) == {"insufficient decompression"}


@pytest.mark.parametrize("text", [
    "the decompression was successful",
    "complete decompression was achieved",
    "the root was adequately decompressed",
    "decompression was performed at L4/5",
])
def test_adequate_decompression_is_not_a_cause(text):
    assert "insufficient decompression" not in values("CAUSE", text)


@pytest.mark.parametrize("text", [
    "the decompression had been insufficient",
    "decompression of the L5 root was incomplete",
])
def test_insufficient_decompression_is_not_a_treatment(text):
    assert "decompression" not in values("TREATMENT", text)

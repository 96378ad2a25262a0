"""Leak locations: where leaked cement went -> the leak_locations vocabulary."""

import pytest

from vocab_helpers import texts, values


@pytest.mark.parametrize("text, expected", [
    ("cement in the intradural space", "intradural"),
    ("an intrathecal cement fragment", "intradural"),
    ("leakage into the subarachnoid space", "intradural"),
    ("cement had passed into the dura mater", "intradural"),
    ("fragments within the dural sac", "intradural"),
    ("extradural cement", "epidural"),
    ("leaked into the epidural space", "epidural"),
    ("a large mass occupying the spinal canal", "spinal canal"),
    ("intracanalicular cement", "spinal canal"),
    ("intraspinal leakage", "spinal canal"),
    ("cement extended into the canal", "spinal canal"),
    ("cement in the right L4/5 neural foramen", "foraminal"),
    ("intervertebral foramina of L2", "foraminal"),
    ("a foraminal leak", "foraminal"),
    ("extraforaminal extravasation of cement beside the L4 root", "foraminal"),
    ("in the left lateral recess", "lateral recess"),
    ("paravertebral soft-tissue leakage", "paravertebral"),
    ("paraspinal cement", "paravertebral"),
    ("cement in the segmental vein", "venous"),
    ("leakage through the basivertebral venous plexus", "venous"),
    ("the leaked cement caused a cement-induced vein thrombosis", "venous"),
    ("cement reached the inferior vena cava", "venous"),
    ("pulmonary cement embolism", "pulmonary"),
    ("cement emboli in both lungs", "pulmonary"),
    ("a cement fragment in the right atrium", "cardiac"),
    ("an intracardiac cement embolus", "cardiac"),
    ("intradiscal leakage", "disc"),
    ("cement leaked into the adjacent disc", "disc"),
    ("cement in the L1-2 disc space", "disc"),
])
def test_leak_location_values(text, expected):
    assert expected in values("LEAK_LOCATION", text)


@pytest.mark.parametrize("text, unwanted", [
    ("an epidural hematoma", "epidural"),
    ("under epidural anaesthesia", "epidural"),
    ("a transforaminal lumbar interbody fusion", "foraminal"),
    ("the foramen magnum", "foraminal"),
    ("metastatic lung cancer", "pulmonary"),
    ("deep venous thrombosis", "venous"),
    ("on warfarin for a deep vein thrombosis", "venous"),
    ("a popliteal vein thrombosis", "venous"),
    ("an IVC filter was placed", "venous"),
    ("a history of DVT", "venous"),
    ("on warfarin for a deep vein thromboembolism", "venous"),
    ("a history of renal vein thrombosis", "venous"),
    ("intravenous sedation", "venous"),
    ("a history of heart failure", "cardiac"),
    ("lumbar disc herniation", "disc"),
    ("leakage into the paravertebral venous system", "paravertebral"),  # a venous leak
    ("cement in the paraspinal veins", "paravertebral"),
])
def test_leak_location_must_not_match(text, unwanted):
    assert unwanted not in values("LEAK_LOCATION", text)


@pytest.mark.parametrize("text, expected", [
    ("cement emboli in the segmental arteries of the right lower lobe", "pulmonary"),
    ("emboli in the subsegmental branches of the left lower lobe", "pulmonary"),
    ("cement in the lobar arteries", "pulmonary"),
    ("a cement cast in the right middle lobe", "pulmonary"),
    ("cement particles in the lingula", "pulmonary"),
    ("cement within the pulmonary trunk", "pulmonary"),
    ("a carcinoma of the breast; cement in the lung", "pulmonary"),
    ("hyperdense nodules in the right lung, consistent with cement", "pulmonary"),
    ("Pulmonary and Renal Cement Embolisms after kyphoplasty", "pulmonary"),
    ("pulmonary, cardiac and cerebral cement emboli", "pulmonary"),
    ("pulmonary, cardiac and cerebral cement emboli", "cardiac"),
    ("cardiac and pulmonary cement embolism", "cardiac"),
    ("cement in the C2/3 intervertebral disc", "disc"),
    ("cement had leaked into the L2-3 disc", "disc"),
    ("leakage to the adjacent disc", "disc"),
    ("cement in the L4/5 disc space", "disc"),
    ("PMMA was seen in the T12-L1 disc", "disc"),
    ("cement in the right first sacral foramen", "foraminal"),
    ("leakage into the paravertebral venous system", "venous"),
])
def test_leak_sites_in_lung_and_disc(text, expected):
    assert expected in values("LEAK_LOCATION", text)


@pytest.mark.parametrize("text, unwanted", [
    ("the lumbar segmental arteries", "pulmonary"),
    ("a lesion in the frontal lobe", "pulmonary"),
    ("an L4/5 disc herniation", "disc"),
    ("L5/S1 disc degeneration", "disc"),
    ("the L3 vertebra", "disc"),
    ("a woman with adenocarcinoma of the lung", "pulmonary"),
    ("metastases in the right lung", "pulmonary"),
    ("a history of cardiac and fat embolism", "cardiac"),
    ("cardiac and air embolism during the repair", "cardiac"),
    ("pulmonary and paradoxical embolism", "pulmonary"),
    ("a history of recurrent pulmonary and renal embolism from atrial fibrillation", "pulmonary"),
    ("pulmonary and cardiac function were normal", "pulmonary"),
    ("pulmonary and cardiac disease with a fat embolism", "cardiac"),
    ("cardiac and renal failure", "cardiac"),
])
def test_not_lung_or_disc(text, unwanted):
    assert unwanted not in values("LEAK_LOCATION", text)


def test_places_sharing_an_embolism_are_read_in_linear_time():
    assert values("LEAK_LOCATION", "pulmonary" + " " * 200_000 + "and renal cement embolism") == set()
    # a lookahead that rescans the rest of a list at each place never returns
    assert values("LEAK_LOCATION", "pulmonary, " * 100_000 + "x") == set()


def test_venous_plexus_outranks_epidural():
    assert texts("LEAK_LOCATION", "the epidural venous plexus") == [("epidural venous plexus", "venous")]


@pytest.mark.parametrize("text", [
    "cement in the central canal",
    "leakage into the central canal at T12",
])
def test_central_canal_is_the_spinal_canal(text):
    assert "spinal canal" in values("LEAK_LOCATION", text)

"""Symptoms: clinicians' phrasings -> the symptoms vocabulary."""

import pytest

from vocab_helpers import texts, values


@pytest.mark.parametrize("text, expected", [
    ("severe low back pain", "pain"),
    ("a painful right thigh", "pain"),
    ("lumbago for years", "pain"),
    ("radicular pain down the leg", "pain"),
    ("radicular pain down the leg", "radiculopathy"),
    ("numbness below the knee", "numbness"),
    ("paraesthesiae in both feet", "numbness"),
    ("tingling of the toes", "numbness"),
    ("weakness of the left leg", "weakness"),
    ("lower extremity weaknesses", "weakness"),
    ("paraparesis after surgery", "weakness"),
    ("decreased muscle strength of the quadriceps", "weakness"),
    ("a slight decline in lower limb strength", "weakness"),
    ("muscle strength of the right leg had dropped", "weakness"),
    ("a new motor deficit", "weakness"),
    ("loss of motor function in the legs", "weakness"),
    ("complete paralysis of both legs", "paralysis"),
    ("he was paralysed below T10", "paralysis"),
    ("paraplegia developed overnight", "paralysis"),
    ("complete loss of motor function", "paralysis"),
    ("sensory deficit below L1", "sensory loss"),
    ("loss of sensation in the saddle area", "sensory loss"),
    ("hypoaesthesia of the L5 dermatome", "sensory loss"),
    ("hypesthesia on the right", "sensory loss"),
    ("urinary retention requiring a catheter", "bladder dysfunction"),
    ("incontinence of urine", "bladder dysfunction"),
    ("urinary/defecation dysfunction", "bladder dysfunction"),
    ("urinary/defecation dysfunction", "bowel dysfunction"),
    ("bowel and bladder dysfunction", "bowel dysfunction"),
    ("bowel and bladder dysfunction", "bladder dysfunction"),
    ("fecal incontinence", "bowel dysfunction"),
    ("difficulty with defecation", "bowel dysfunction"),
    ("L5 radiculopathy", "radiculopathy"),
    ("sciatica on the left", "radiculopathy"),
    ("intercostal neuralgia at T8", "radiculopathy"),
    ("radicular symptoms in both legs", "radiculopathy"),
    ("a right foot drop", "foot drop"),
    ("unilateral drop-foot", "foot drop"),
    ("acute cauda equina syndrome", "cauda equina syndrome"),
    ("a new neurologic deficit", "neurological deficit"),
    ("neurological deficits after surgery", "neurological deficit"),
    ("sudden dyspnoea", "dyspnea"),
    ("shortness of breath and chest pain", "dyspnea"),
    ("shortness of breath and chest pain", "chest pain"),
])
def test_symptom_values(text, expected):
    assert expected in values("SYMPTOM", text)


@pytest.mark.parametrize("text, unwanted", [
    ("significant pain relief", "pain"),
    ("she was pain-free at discharge", "pain"),
    ("reduced bone strength", "weakness"),
    ("low bone mineral density", "weakness"),
    ("under general anesthesia", "sensory loss"),
    ("a headache", "pain"),
    ("neurological examination", "neurological deficit"),
    ("chest pain", "pain"),
    ("sensory hypersensitivity", "sensory loss"),
])
def test_symptom_must_not_match(text, unwanted):
    assert unwanted not in values("SYMPTOM", text)


def test_coordinated_dysfunction_gives_two_spans():
    assert texts("SYMPTOM", "urinary and fecal incontinence") == [
        ("urinary", "bladder dysfunction"), ("fecal incontinence", "bowel dysfunction")]

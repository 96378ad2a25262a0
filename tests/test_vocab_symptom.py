"""Symptoms: clinicians' phrasings -> the symptoms vocabulary."""

import pytest

from vocab_helpers import texts, values


@pytest.mark.parametrize("text, expected", [
    ("severe low back pain", "pain"),
    ("a painful right thigh", "pain"),
    ("lumbago for years", "pain"),
    ("radicular pain down the leg", "pain"),
    ("radicular pain down the leg", "radiculopathy"),
    ("left radicular leg pain with weakness", "radiculopathy"),
    ("sciatic buttock pain", "radiculopathy"),
    ("she had neurological complications after the operation", "neurological deficit"),
    ("numbness below the knee", "numbness"),
    ("paraesthesiae in both feet", "numbness"),
    ("tingling of the toes", "numbness"),
    ("a meralgia paresthetica after prone positioning", "numbness"),
    ("weakness of the left leg", "weakness"),
    ("lower extremity weaknesses", "weakness"),
    ("paraparesis after surgery", "weakness"),
    ("decreased muscle strength of the quadriceps", "weakness"),
    ("a slight decline in lower limb strength", "weakness"),
    ("a postoperative neurologic decline", "neurological deficit"),
    ("a motor decline at discharge", "weakness"),
    ("a decline in lower extremity motor score", "weakness"),
    ("muscle strength of the right leg had dropped", "weakness"),
    ("a new motor deficit", "weakness"),
    ("a motor palsy of the deltoid", "weakness"),
    ("loss of motor function in the legs", "weakness"),
    ("complete paralysis of both legs", "paralysis"),
    ("he was paralysed below T10", "paralysis"),
    ("paraplegia developed overnight", "paralysis"),
    ("complete loss of motor function", "paralysis"),
    ("sensory deficit below L1", "sensory loss"),
    ("loss of sensation in the saddle area", "sensory loss"),
    ("a loss of thermoalgic discrimination below T9", "sensory loss"),
    ("loss of pain and temperature sensation in the left leg", "sensory loss"),
    ("loss of pain and temperature sensitivity", "sensory loss"),
    ("the loss of left-sided pain and temperature sensation", "sensory loss"),
    ("a loss of ipsilateral pain and temperature sensitivity", "sensory loss"),
    ("loss of contralateral pain and temperature sensation", "sensory loss"),
    ("hypoaesthesia of the L5 dermatome", "sensory loss"),
    ("hypesthesia on the right", "sensory loss"),
    ("urinary retention requiring a catheter", "bladder dysfunction"),
    ("complete paralysis of both legs and urine retention", "bladder dysfunction"),
    ("urine and stool incontinence", "bowel dysfunction"),
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
    ("postdiscectomy cauda equine syndrome", "cauda equina syndrome"),
    ("he presented with cauda symptoms three weeks later", "cauda equina syndrome"),
    ("new cauda equina signs", "cauda equina syndrome"),
    ("a new neurologic deficit", "neurological deficit"),
    ("neurological deficits after surgery", "neurological deficit"),
    ("sudden dyspnoea", "dyspnea"),
    ("shortness of breath and chest pain", "dyspnea"),
    ("shortness of breath and chest pain", "chest pain"),
    ("transient femoral nerve palsies", "weakness"),
    ("fever, pectoralgia and cough", "chest pain"),
    ("on the ward she had difficult breathing", "dyspnea"),
    ("breathing difficulties on the second day", "dyspnea"),
    ("laboured breathing and hypoxia", "dyspnea"),
    ("sudden retrosternal pain", "chest pain"),  # pain behind or over the breastbone, named by where it is
    ("substernal discomfort and dyspnea", "chest pain"),
    ("precordial pain on exertion", "chest pain"),
    ("transient discomfort in the chest", "chest pain"),
    ("sharp pain in her chest", "chest pain"),
    ("a C5 palsy after laminoplasty", "weakness"),
    ("peroneal nerve palsy on the left", "weakness"),
    ("an L5 root palsy", "weakness"),
    ("three cases of S1 nerve root injury", "radiculopathy"),
    ("damage to the right S1 nerve root", "radiculopathy"),
    ("she had L5 root injury", "radiculopathy"),
    ("injury to the exiting L1 nerve root", "radiculopathy"),
    ("injury to the L5 and S1 nerve roots", "radiculopathy"),
])
def test_symptom_values(text, expected):
    assert expected in values("SYMPTOM", text)


@pytest.mark.parametrize("text, unwanted", [
    ("urine output was normal", "bladder dysfunction"),
    ("a urine culture was negative", "bladder dysfunction"),
    ("significant pain relief", "pain"),
    ("she was pain-free at discharge", "pain"),
    ("reduced bone strength", "weakness"),
    ("low bone mineral density", "weakness"),
    ("under general anesthesia", "sensory loss"),
    ("a headache", "pain"),
    ("neurological examination", "neurological deficit"),
    ("a decline in pain scores", "weakness"),
    ("an improvement in motor score", "weakness"),
    ("chest pain", "pain"),
    ("sudden retrosternal pain", "pain"),
    ("sharp pain in her chest", "pain"),
    ("band-like pain in the chest wall", "chest pain"),
    ("sensory hypersensitivity", "sensory loss"),
    ("loss of pain and temperature control after surgery", "sensory loss"),
    ("a facial nerve palsy", "weakness"),
    ("a child with cerebral palsy", "weakness"),
    ("the cauda equina was compressed by cement", "cauda equina syndrome"),
    ("a radicular artery pain map", "radiculopathy"),
    # pain that radiates is pain: radiculopathy is the root's disorder named as such (or radicular pain)
    ("sudden radiating pain in the left leg", "radiculopathy"),
    ("back pain radiating down to the right knee", "radiculopathy"),
    ("left thigh radiation pain", "radiculopathy"),
    ("the nerve root sleeve was injured", "radiculopathy"),
    ("nerve root irritation is a known risk of leakage", "radiculopathy"),
    ("difficult breathing exercises were taught before surgery", "dyspnea"),
    ("loss of sensitivity to pain control", "sensory loss"),
    ("loss of sensitivity to pain medication was noted", "sensory loss"),
])
def test_symptom_must_not_match(text, unwanted):
    assert unwanted not in values("SYMPTOM", text)


def test_coordinated_dysfunction_gives_two_spans():
    assert texts("SYMPTOM", "urinary and fecal incontinence") == [
        ("urinary", "bladder dysfunction"), ("fecal incontinence", "bowel dysfunction")]


@pytest.mark.parametrize(("text", "expected"), [
    ("new motor and sensory deficits", [("motor", "weakness"), ("sensory deficits", "sensory loss")]),
    ("sensory/motor deficits below T10", [("sensory", "sensory loss"), ("motor deficits", "weakness")]),
    ("loss of sensitivity to pain and touch", [("loss of sensitivity to pain", "sensory loss")]),
    ("complete motor and sensory deficits below L2", [("complete motor", "paralysis"), ("sensory deficits", "sensory loss")]),
    ("a complete motor deficit below L1", [("complete motor deficit", "paralysis")]),
    ("an incomplete motor deficit below L1", [("motor deficit", "weakness")]),
    # must not: a motor or sensory word that names no deficit
    ("motor and sensory evoked potentials were stable", []),
    ("motor and sensory functions were normal", []),
])
def test_coordinated_motor_and_sensory_deficits(text, expected):
    assert texts("SYMPTOM", text) == expected


@pytest.mark.parametrize("text", [
    "Examination showed a sensory level at T10.",
    "a sensory level below Th6",
    "pinprick sensation was diminished below L1",
    "pin-prick was reduced in the left L5 dermatome",
    "light touch and pinprick were reduced",
    "sensation to pinprick was decreased",
    "sensation of both legs was markedly impaired",
    "reduced light touch over the dorsum of the foot",
    "diminished vibration sense in both feet",
    "vibration sense was absent at the ankles",
    "impaired proprioception",
    "hypoaesthesia below the knee",
    "hypesthesia of the right thigh",
    "anaesthesia below the umbilicus",
    "anesthesia in the S1 dermatome",
    "saddle anaesthesia",
    "saddle hypoesthesia",
])
def test_sensory_loss_phrasings(text):
    assert "sensory loss" in values("SYMPTOM", text)


@pytest.mark.parametrize("text", [
    "the sensory examination was normal",
    "sensory and motor function were intact",
    "sensation was not impaired",
    "light touch was preserved",
    "anaesthesia was induced",
    "under general anaesthesia in the prone position",
    "the touch of a hand",
    "local anaesthetic was infiltrated",
    "reduced bone density",
])
def test_not_sensory_loss(text):
    assert "sensory loss" not in values("SYMPTOM", text)


@pytest.mark.parametrize("text, expected", [
    ("he could not move his legs", "paralysis"),
    ("she was unable to move her lower limbs", "paralysis"),
    ("inability to move both legs", "paralysis"),
    ("he could not move either leg", "paralysis"),
    ("she could not lift her left leg", "weakness"),
    ("he was unable to raise his legs against gravity", "weakness"),
    ("the patient could not move his toes", "weakness"),
    ("she could not dorsiflex her right foot", "weakness"),
])
def test_lost_movement_phrasings(text, expected):
    assert values("SYMPTOM", text) == {expected}


@pytest.mark.parametrize("text", [
    "he could move his legs freely",
    "she could not walk because of back pain",
    "the cement could not be moved",
])
def test_movement_kept_is_not_a_deficit(text):
    assert not values("SYMPTOM", text) & {"paralysis", "weakness"}


@pytest.mark.parametrize("text, expected", [
    ("she reported monoparesthesia of the left leg", "numbness"),
    ("hypoparesthesia over the L5 dermatome", "numbness"),
    ("her neurologic status deteriorated", "neurological deficit"),
    ("his neurological condition gradually worsened", "neurological deficit"),
    ("neurological function declined within hours", "neurological deficit"),
    ("the neurologic examination worsened overnight", "neurological deficit"),
    ("deterioration of neurologic function after surgery", "neurological deficit"),
    ("a change in neurological status was found in six patients", "neurological deficit"),
    ("worsening of her neurological condition", "neurological deficit"),
    ("she was found to have flaccid lower limbs", "paralysis"),
    ("a complete loss of power in her left leg", "paralysis"),
    ("both lower limbs were flaccid", "paralysis"),
    ("19 patients went on to show decreased neurological function", "neurological deficit"),
    ("she had reduced neurological function", "neurological deficit"),
    ("complete loss of sensation and power below T11", "paralysis"),
])
def test_breadth_of_symptom_phrasing(text, expected):
    assert expected in values("SYMPTOM", text)


@pytest.mark.parametrize("text", [
    "the neurological status was stable",
    "neurological function improved",
    "his general condition deteriorated",
    "changes in neurological function were assessed",
    "recovery of neurological function",
])
def test_no_deficit_without_neurological_worsening(text):
    assert "neurological deficit" not in values("SYMPTOM", text)

"""Rescue treatments: phrasings -> the treatments vocabulary."""

import pytest

from vocab_helpers import values


@pytest.mark.parametrize("text, expected", [
    ("emergent laminectomy at T12", "laminectomy"),
    ("the cement mass was isolated from the dura and removed", "cement removal"),
    ("the PMMA was freed from the root and then extracted", "cement removal"),
    ("the cement leak was removed en bloc", "cement removal"),
    ("removal of the methylmethacrylate from the canal", "cement removal"),
    ("the methylmethacrylate was removed", "cement removal"),
    ("The cement plombage was removed", "cement removal"),
    ("the cement bolus was removed through a hemilaminectomy", "cement removal"),
    ("epidural cement, which was surgically removed", "cement removal"),
    ("the PMMA in the canal, which was then excised", "cement removal"),
    ("stabilization by a posterior short fixation", "posterior fixation"),
    ("posterior thoracolumbar instrumentation", "posterior fixation"),
    ("a posterior screw-rod construct", "posterior fixation"),
    ("anterior reconstruction with a cage and a dual rod-screw construct", "anterior fixation"),
    ("anterior column reconstruction and plate fixation", "anterior fixation"),
    ("surgery to decompress the neural structures", "decompression"),
    ("revision to relieve nerve root compression", "decompression"),
    ("surgical evacuation improved the weakness", "hematoma evacuation"),
    ("surgical removal of the emboli in the right ventricle", "cement removal"),
    ("she underwent emergency evacuation", "hematoma evacuation"),
    ("urgent evacuation of the clot", "hematoma evacuation"),
    ("an operation to relieve the pressure on the spinal nerves", "decompression"),
    ("surgery to release the compression of the cord", "decompression"),
    ("decompressing the exiting nerve root", "decompression"),
    ("to decompress the spinal cord", "decompression"),
    ("decompress both L5 roots", "decompression"),
    ("a left hemilaminectomy", "hemilaminectomy"),
    ("hemi-laminectomy of L4", "hemilaminectomy"),
    ("a midline durotomy", "durotomy"),
    ("the dura was opened longitudinally", "durotomy"),
    ("after incision of the dura mater", "durotomy"),
    ("we opened the dura", "durotomy"),
    ("cement removal was performed", "cement removal"),
    ("removal of the leaked bone cement", "cement removal"),
    ("the cement fragments were carefully removed", "cement removal"),
    ("we removed most of the cement", "cement removal"),
    ("surgical decompression", "decompression"),
    ("a right L4/5 foraminotomy", "decompression"),
    ("after removing of the large spinal epidural hematoma", "hematoma evacuation"),
    ("a pulmonary embolectomy", "cement removal"),
    ("the cord was decompressed", "decompression"),
    ("posterior pedicle screw fixation from T11 to L1", "posterior fixation"),
    ("percutaneous pedicle screw fixation", "posterior fixation"),
    ("posterior instrumentation", "posterior fixation"),
    ("anterior plate fixation", "anterior fixation"),
    ("an L1 corpectomy", "corpectomy"),
    ("the misplaced screw was removed", "screw removal"),
    ("removal of the left L4 pedicle screw", "screw removal"),
    ("the screw was repositioned", "screw revision"),
    ("revision of the S1 screws", "screw revision"),
    ("evacuation of the epidural hematoma", "hematoma evacuation"),
    ("the haematoma was drained", "hematoma evacuation"),
    ("a complete evacuation of the SEH", "hematoma evacuation"),  # its abbreviation
    ("the large cement embolism was successfully removed", "cement removal"),
    ("the SSEH was evacuated", "hematoma evacuation"),
    ("an inpatient rehabilitation programme", "rehabilitation"),
    ("physiotherapy for six weeks", "rehabilitation"),
    ("electroacupuncture sessions", "acupuncture"),
    ("high-dose methylprednisolone", "steroids"),
    ("dexamethasone was given", "steroids"),
    ("teriparatide injections", "anti-osteoporosis medication"),
    ("zoledronic acid infusion", "anti-osteoporosis medication"),
    ("anti-osteoporotic treatment", "anti-osteoporosis medication"),
    ("revision with interbody fusion", "fusion"),
    ("a repeat discectomy", "discectomy"),
    ("removal of the cage", "cage removal"),
    ("the cement was removed through an intradural approach", "durotomy"),
    ("Transdural retrieval of a retropulsed lumbar interbody cage", "cage removal"),
    ("surgical re-exploration", "exploration"),
    ("the wound was promptly explored", "exploration"),
    ("anticoagulation with heparin", "anticoagulation"),
    ("low molecular weight heparin", "anticoagulation"),
    ("palliative radiotherapy", "radiotherapy"),
])
def test_treatment_values(text, expected):
    assert expected in values("TREATMENT", text)


@pytest.mark.parametrize("text, unwanted", [
    ("an incidental durotomy was repaired", "durotomy"),
    ("intradural cement leakage after vertebroplasty", "durotomy"),
    ("the screw trajectory", "screw removal"),
    ("cement was injected", "cement removal"),
    ("hemilaminectomy", "laminectomy"),
    ("insufficient decompression", "decompression"),
    ("a high-resolution scan", "exploration"),
    ("we explored the literature", "exploration"),
    ("the cement was isolated from the canal by the cortex", "cement removal"),
    ("a posterior approach", "posterior fixation"),
    ("the anterior approach offers wide exposure of the canal", "anterior fixation"),
    ("the posterior wall was intact", "posterior fixation"),
    ("the decompressive effect of the cage", "decompression"),
    ("the cement was injected and allowed to harden", "cement removal"),
    ("cement, which was not removed", "cement removal"),
    ("revision of the fusion cage", "fusion"),
    ("fusion rates were similar", "fusion"),
    ("pericardiocentesis to relieve the pressure on the heart", "decompression"),
    ("a cushion to relieve pressure on the sacrum", "decompression"),
    ("surgical evacuation of the cement", "hematoma evacuation"),
    ("to relieve the pain", "decompression"),
    ("cord compression was seen on MRI", "decompression"),
    ("evacuation of the seh", "hematoma evacuation"),  # an abbreviation is written in capitals
    ("the cement embolism was not removed", "cement removal"),
    ("a cement embolism was seen in the lung", "cement removal"),
    ("drainage of CSF revealed no hematoma", "hematoma evacuation"),
    ("removal of the drain caused a hematoma", "hematoma evacuation"),
    ("drainage ruled out a hematoma", "hematoma evacuation"),
])
def test_treatment_must_not_match(text, unwanted):
    assert unwanted not in values("TREATMENT", text)


@pytest.mark.parametrize("text, expected", [
    ("the extravasated cement was carefully removed", "cement removal"),
    ("the leaked PMMA had been excised", "cement removal"),
    ("the embolized fragment was retrieved with a snare", "cement removal"),
    ("the fragment was removed through a left atriotomy", "cement removal"),
    ("the fragment was retrieved with a loop snare", "cement removal"),
    ("the foreign body was extracted by an endovascular approach", "cement removal"),
    ("the cement emboli were extracted", "cement removal"),
    ("extraction of the intracardiac foreign body", "cement removal"),
    ("removal of the migrated fragment", "cement removal"),
    ("the misplaced screw was taken out", "screw removal"),
    ("both screws were withdrawn", "screw removal"),
    ("the loose cage was retrieved", "cage removal"),
    ("the cage had been extracted", "cage removal"),
    ("she was re-fused with a taller cage", "fusion"),
    ("a revision fusion at L4/5", "fusion"),
    ("refusion of the segment", "fusion"),
])
def test_removal_and_refusion_phrasings(text, expected):
    assert expected in values("TREATMENT", text)


@pytest.mark.parametrize("text, unwanted", [
    ("the retropulsed bone fragment was removed", "cement removal"),
    ("a bony fragment was excised", "cement removal"),
    ("the sequestered fragment was removed with a rongeur", "cement removal"),
    ("the retained fragment was removed at revision", "cement removal"),
    ("the cement was not removed", "cement removal"),
    ("the screws were never removed", "screw removal"),
    ("the screw was removed and the cement left", "cement removal"),
    ("she refused further surgery", "fusion"),
    ("the cage was inserted", "cage removal"),
])
def test_removal_must_not_match(text, unwanted):
    assert unwanted not in values("TREATMENT", text)

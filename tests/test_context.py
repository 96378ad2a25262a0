"""leakmine_context: negated, hypothetical and historical mentions in case-report language."""

import pytest
import spacy

from leakmine.components.context import ASSERTION_GROUPS, ContextAsserter, load_context_rules
from vocab_helpers import add_vocabulary

FLAGS = ("is_negated", "is_historical", "is_hypothetical")
VOCAB = ["procedure", "cause", "leak_location", "symptom", "treatment", "outcome"]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in VOCAB:
        add_vocabulary(nlp, f"leakmine_{name}")
    nlp.add_pipe("leakmine_context")
    return nlp


def status(doc, words: str) -> str:
    """"N", "H", "Y" (hypothetical) for the flags set on the mention whose text is `words`; "" if asserted."""
    spans = [s for g in ASSERTION_GROUPS if g in doc.spans for s in doc.spans[g] if s.text == words]
    assert spans, f"no mention {words!r} in {doc.text!r}"
    return "".join(code for code, flag in zip("NHY", FLAGS, strict=True) if spans[0]._.get(flag))


@pytest.mark.parametrize("text, words, expected", [
    # negated
    ("The woman could stand up with no neurologic deficit.", "neurologic deficit", "N"),
    ("She was discharged without neurological deficits.", "neurological deficits", "N"),
    ("There was no dysfunction in urinary or bowel habits.", "dysfunction in urinary", "N"),
    ("He denied numbness in the legs.", "numbness", "N"),
    ("No cement leakage was seen on the control CT.", "cement leakage", "N"),
    ("She had pain but no numbness.", "numbness", "N"),
    ("The leg was free of pain at rest.", "pain", "N"),
    ("Postoperative CT showed no evidence of epidural hematoma.", "epidural hematoma", "N"),
    ("He did not develop weakness after the operation.", "weakness", "N"),
    ("Epidural hematoma mimicking cauda equina syndrome.", "cauda equina syndrome", "N"),  # what it looks like
    ("The leak was misdiagnosed as radiculopathy from a disc.", "radiculopathy", "N"),
    ("Intradural leakage was ruled out by myelography.", "Intradural", "N"),
    ("A screw malposition was not observed.", "screw malposition", "N"),
    ("There was no sign of paraplegia or bladder dysfunction.", "bladder dysfunction", "N"),
    # hypothetical
    ("Cement leakage carries the risk of paraplegia.", "paraplegia", "Y"),
    ("Intraspinal leakage can lead to paralysis.", "paralysis", "Y"),
    ("Such leaks may cause radiculopathy.", "radiculopathy", "Y"),
    ("Extravasation could result in cauda equina syndrome.", "cauda equina syndrome", "Y"),
    ("Early decompression should be performed in such cases.", "decompression", "Y"),
    ("If cement leakage occurs, the injection must stop.", "cement leakage", "Y"),
    ("The indications for decompression after such leaks are debated.", "decompression", "Y"),
    ("She was watched closely for indicators of cement removal.", "cement removal", "Y"),
    ("The cement was injected slowly to limit leakage into the foramen.", "foramen", "Y"),
    ("Slow injection is advised to avoid cement leakage.", "cement leakage", "Y"),
    ("Careful planning helps to prevent foraminal leakage.", "foraminal", "Y"),
    ("Leakage can produce complications such as pulmonary embolism.", "pulmonary embolism", "Y"),
    ("The incidence of cement leakage ranged widely.", "cement leakage", "Y"),
    ("Steroid use and osteoporosis are known risk factors.", "Steroid", "Y"),
    ("Permanent weakness may follow if untreated.", "Permanent weakness", "Y"),
    # historical
    ("She had a history of lumbar discectomy.", "discectomy", "H"),
    ("He had previously undergone kyphoplasty at L1.", "kyphoplasty", "H"),
    ("She fell and had back pain 5 years ago.", "pain", "H"),
    # asserted: these must stay positive
    ("Two days later she developed weakness of the left leg.", "weakness", ""),
    ("She had pain but no numbness.", "pain", ""),
    ("No complications occurred; three days later weakness appeared.", "weakness", ""),
    ("There were no signs of a leak, but she then reported new leg pain.", "pain", ""),
    ("No numbness was found, although weakness persisted.", "weakness", ""),
    ("There was no improvement of the weakness.", "weakness", ""),
    ("There was no improvement of the weakness.", "no improvement", ""),
    ("Without delay, a laminectomy was performed.", "laminectomy", ""),
    ("Cement leaked into the epidural space after vertebroplasty.", "epidural", ""),
    ("No leak was seen after vertebroplasty.", "vertebroplasty", ""),
    ("The patient still had leg weakness at two years.", "weakness", ""),
    # a new clause after a comma ends the negation
    ("Without opening the pericardium, the cement embolism was removed.", "cement embolism was removed", ""),
    ("Without complications, the cement was removed.", "cement was removed", ""),
    # a negated list goes on past its commas
    ("There was no leakage into the canal, the foramina or the veins.", "foramina", "N"),
    ("She had no weakness, numbness or pain.", "pain", "N"),
    # ... and a clause that denies what came before the comma is no new clause
    ("Cement leakage into the spinal canal, the foramina or veins was not seen on CT.", "spinal canal", "N"),
    ("CT showed no leakage into the spinal canal, the foramen was free.", "spinal canal", "N"),
])
def test_assertion_status(nlp, text, words, expected):
    doc = nlp(text)
    assert status(doc, words) == expected


@pytest.mark.parametrize("text, words, expected", [
    # a treatment stopped, withheld, deferred, declined or not done did not happen
    ("Enoxaparin was stopped.", "Enoxaparin", "N"),
    ("Warfarin was then discontinued on admission.", "Warfarin", "N"),
    ("Low-molecular-weight heparin was withheld for two days.", "heparin", "N"),
    ("We stopped the heparin and started steroids.", "heparin", "N"),
    ("After cessation of warfarin, a laminectomy was performed.", "warfarin", "N"),
    ("Removal of the cement was not attempted.", "Removal of the cement", "N"),
    ("Cement removal was deferred.", "Cement removal", "N"),
    ("Cement removal could not be performed because of adhesions.", "Cement removal", "N"),
    ("The patient declined cement removal.", "cement removal", "N"),
    ("The team decided not to evacuate the small hematoma.", "evacuate the small hematoma", "N"),
    ("She refused decompression.", "decompression", "N"),
    ("The team decided against corpectomy.", "corpectomy", "N"),
    ("Steroids were chosen instead of decompression.", "decompression", "N"),
    ("An unsuccessful attempt at cement removal was made.", "cement removal", "N"),
    ("Decompressive surgery was not necessary.", "Decompressive surgery", "N"),
    ("She was not anticoagulated.", "anticoagulated", "N"),
    ("He was not heparinized after the embolism.", "heparinized", "N"),
    ("After discussion with the family regarding anticoagulation, we chose observation.", "anticoagulation", "Y"),
    ("Counseling about cement removal was offered.", "cement removal", "Y"),
    # the treatment that did happen stays asserted
    ("Decompression was performed and enoxaparin was stopped.", "Decompression", ""),
    ("We stopped the heparin and started steroids.", "steroids", ""),
    ("After cessation of warfarin, a laminectomy was performed.", "laminectomy", ""),
    ("Steroids were chosen instead of decompression.", "Steroids", ""),
    ("After discussion with the family, anticoagulation was started.", "anticoagulation", ""),
    ("After discussion of surgery, laminectomy was performed.", "laminectomy", ""),
    ("The dorsal cement was removed and the ventral cement was left in place.", "cement was removed", ""),
    ("Laminectomy was performed and the cement was removed.", "cement was removed", ""),
    ("The weakness was not relieved by decompression.", "decompression", ""),
    ("She did not require intubation and underwent decompression.", "decompression", ""),
    ("She was not treated conservatively and underwent decompression.", "decompression", ""),
    ("She was not started on heparin until day 3.", "heparin", ""),
    # a risk named as the reason for a treatment does not make the treatment hypothetical
    ("Because of the risk of further embolization, the fragment was removed through an atriotomy.",
     "fragment was removed", ""),
    ("Given the risk of paraplegia, early decompression was performed.", "paraplegia", "Y"),
    ("To prevent further damage, the cement was removed.", "cement was removed", ""),
    ("Early decompression should be performed in such cases.", "decompression", "Y"),
    # the stopping cues speak of treatments only
    ("The weakness was stopped from progressing by early surgery.", "weakness", ""),
])
def test_treatment_not_given(nlp, text, words, expected):
    assert status(nlp(text), words) == expected


def test_status_is_shared_by_a_span_in_two_groups(nlp):
    """spaCy keys span extensions by character offsets: "decompression" is both a procedure and a
    treatment, and both groups read the negation that ConText set once."""
    doc = nlp("No decompression was needed.")
    proc, treat = doc.spans["leakmine_procedure"][0], doc.spans["leakmine_treatment"][0]
    assert (proc.start_char, proc.end_char) == (treat.start_char, treat.end_char)
    assert proc.label_ != treat.label_
    assert proc._.is_negated and treat._.is_negated


def test_per_sentence_graph_matches_medspacy_context(nlp):
    """The per-sentence graph gives what medspaCy's ConText component gives over the whole doc."""
    from importlib import resources

    from medspacy.context import ConText

    text = ("She had no numbness. Two days later weakness developed, but no bladder dysfunction. "
            "Cement leakage can lead to paraplegia. She had a history of discectomy and denied dyspnoea.")
    with nlp.select_pipes(disable=["leakmine_context"]):
        ours, theirs = nlp(text), nlp(text)
    asserter = ContextAsserter(nlp, "test_context", ASSERTION_GROUPS, load_context_rules())
    asserter(ours)
    path = str(resources.files("leakmine.components.context").joinpath("rules.json"))
    theirs.spans["targets"] = asserter.targets(theirs)
    ConText(nlp, name="reference", rules=path, input_span_type="group", span_group_name="targets",
            prune_on_target_overlap=True)(theirs)
    got = [[s._.get(f) for f in FLAGS] for s in asserter.targets(ours)]
    want = [[s._.get(f) for f in FLAGS] for s in theirs.spans["targets"]]
    assert got == want and any(any(row) for row in got)

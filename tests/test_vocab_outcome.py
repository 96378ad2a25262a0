"""Outcomes: how recovery is written -> full recovery, partial recovery, improved, no recovery."""

import pytest

from vocab_helpers import values


@pytest.mark.parametrize("text, expected", [
    ("complete neurological recovery at 6 months", "full recovery"),
    ("she had fully recovered by discharge", "full recovery"),
    ("strength returned to normal", "full recovery"),
    ("the weakness had completely resolved", "full recovery"),
    ("her symptoms gradually disappeared", "full recovery"),
    ("no residual neurological deficit", "full recovery"),
    ("he regained full muscle strength", "full recovery"),
    ("partial recovery of motor function", "partial recovery"),
    ("an incomplete recovery", "partial recovery"),
    ("near-complete recovery at one month", "partial recovery"),
    ("the numbness partially resolved", "partial recovery"),
    ("the pain partly resolved", "partial recovery"),
    ("neurological recovery was incomplete", "partial recovery"),
    ("she has not fully recovered", "partial recovery"),
    ("muscle strength improved gradually", "improved"),
    ("symptoms were relieved after reoperation", "improved"),
    ("a marked improvement in leg pain", "improved"),
    ("she felt much better", "improved"),
    ("a gradual recovery of strength", "improved"),
    ("there was no clinical improvement", "no recovery"),
    ("the paralysis did not improve", "no recovery"),
    ("he still had weakness at follow-up", "no recovery"),
    ("permanent paraplegia", "no recovery"),
    ("she remained wheelchair-bound", "no recovery"),
    ("insignificant relief after physiotherapy", "no recovery"),
    ("failed to recover", "no recovery"),
    ("her leg weakness persisted", "no recovery"),
    ("he was neurologically intact at the last visit", "full recovery"),
    ("she recovered from the dyspnoea within a week", "full recovery"),
    ("he recovered completely from his weakness", "full recovery"),
    ("the weakness improved fully within three months", "full recovery"),
    ("her symptoms completely improved", "full recovery"),
    ("the weakness improved, but not fully", "improved"),
    ("the patient was recovering from the paraparesis", "full recovery"),
    ("improved to Frankel grade E", "full recovery"),
    ("her deficit improved to Nurick grade 0", "full recovery"),
    ("mild residual weakness of the left foot", "partial recovery"),
    ("residual numbness in the L5 dermatome", "partial recovery"),
    ("at two years he could walk with a cane", "partial recovery"),
    ("she is able to walk with the help of a walker", "partial recovery"),
    ("ambulating with assistance", "partial recovery"),
    ("he could stand with slight assistance", "partial recovery"),
    ("although she continued to experience urinary urgency", "partial recovery"),
    ("persistent nocturnal incontinence", "partial recovery"),
    ("neurological recovery was unsatisfactory", "partial recovery"),
    ("a limited motor recovery", "partial recovery"),
    ("symptoms improved to Nurick grade II", "partial recovery"),
    ("the deficit recovered to ASIA D", "partial recovery"),
    ("improved to Frankel grade C at discharge", "partial recovery"),
    ("with resolution of her symptoms", "full recovery"),
    ("the contralateral radiculopathy disappeared", "full recovery"),
    ("the dyspnea subsided after oxygen", "improved"),
    ("she was discharged from the hospital in good condition", "improved"),
    ("the patient remaining symptom free at 1-year post-surgery", "full recovery"),
    ("she was symptom-free at the last visit", "full recovery"),
    ("discharged home in stable condition", "improved"),
    ("residual lower extremity weakness at 3 years", "partial recovery"),
    ("residual upper limb numbness", "partial recovery"),
    ("her pain abated", "improved"),
    ("his sciatica gradually resolved", "full recovery"),
    ("after 6 months, the femoral palsy resolved", "full recovery"),
    ("she was discharged without any neurological deficit", "full recovery"),
    ("Gait and bladder functions were normal six months later", "full recovery"),
    ("muscle strength was normal at the last visit", "full recovery"),
    ("the left leg weakness was persistent", "no recovery"),
    ("the foot drop disappeared within weeks", "full recovery"),
    ("The foot-drop resolved within 3 months.", "full recovery"),
    ("a neuropathy that resolved 6 months later", "full recovery"),
    ("resolution of the radicular pain", "full recovery"),
    ("both had remission of symptoms", "improved"),
    ("remission of the neurological deficits", "improved"),
    ("complete remission of symptoms", "full recovery"),
    ("partial resolution of the weakness", "partial recovery"),
])
def test_outcome_values(text, expected):
    assert values("OUTCOME", text) == {expected}


@pytest.mark.parametrize("text", [
    "in order to improve outcomes",
    "the recovery room",
    "a complete blood count",
    "better visualisation of the canal",
    "residual cement in the vertebral body",
    "she recovered from anaesthesia uneventfully",
    "patients continued to be followed",
    "the walking distance was measured",
    "Frankel grade D on admission",
    "limited access to the canal",
    "a resolution of 0.5 mm",
    "remission of the lymphoma",
    "she was discharged on day 3",
    "a symptom-free interval of two years before the fracture",
    "renal function was normal",
    "muscle strength was normal in the right leg",
    "her oxygen saturation drop resolved with oxygen",
    "she was discharged without complications",
])
def test_outcome_must_not_match(text):
    assert values("OUTCOME", text) == set()


@pytest.mark.parametrize("text, expected", [
    ("complete neurological recovery", "full recovery"),
    ("she made a full recovery", "full recovery"),
    ("he had fully recovered by discharge", "full recovery"),
    ("power recovered completely", "full recovery"),
    ("neurologically intact at follow-up", "full recovery"),
    ("muscle strength recovered to grade 5", "full recovery"),
    ("strength returned to 5/5", "full recovery"),
    ("she returned to her previous level of activity", "full recovery"),
    # "recovered" with no degree stated reads as an improvement, not a full recovery: clinicians
    # say "fully" or "completely" when it is complete, and a bare "recovered" often means "better".
    ("muscle strength recovered", "improved"),
    ("his leg strength gradually recovered", "improved"),
    ("strength recovered to grade 5-", "improved"),
    ("strength improved to grade 4", "improved"),
])
def test_degree_of_recovery(text, expected):
    assert values("OUTCOME", text) == {expected}

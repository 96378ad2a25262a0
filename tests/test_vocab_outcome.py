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
])
def test_outcome_values(text, expected):
    assert values("OUTCOME", text) == {expected}


@pytest.mark.parametrize("text", [
    "in order to improve outcomes",
    "the recovery room",
    "a complete blood count",
    "better visualisation of the canal",
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

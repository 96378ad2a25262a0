"""Story states and muscle-grade time points: presentation, post-treatment, follow-up."""

from __future__ import annotations

import pytest

from assemble_helpers import sentence_cues, story_cues
from leakmine.assemble.timepoints import (
    FOLLOW_UP,
    POST_TREATMENT,
    PRESENTATION,
    Timeline,
    grade_time,
    local_cue,
    read_unit,
)

STORY = [
    (0, "Immediately after PVP she had weakness of both legs."),
    (60, "Hip flexion was grade 2 on the left."),
    (100, "An emergency laminectomy was performed."),
    (150, "On the third day strength was grade 3."),
    (200, "At the 12-month follow-up she walked unaided."),
    (260, "Strength was normal."),
]


def states(story, pivots, follow_ups=None):
    timeline = Timeline()
    read_unit(timeline, story, pivots, follow_ups or {}, story_cues(story))
    return [timeline.at(start, 0) for start, _ in story], timeline


def test_states_follow_the_pivot_and_the_follow_up_cue():
    assert states(STORY, {100: (3, 14)})[0] == [
        PRESENTATION, PRESENTATION, PRESENTATION, POST_TREATMENT, FOLLOW_UP, FOLLOW_UP]


def test_follow_up_before_any_rescue_work_stays_presentation_when_a_rescue_comes_later():
    story = [(0, "Two years after PVP she was seen at follow-up."), (50, "A laminectomy was done."),
             (80, "Strength improved.")]
    assert states(story, {50: (2, 13)})[0] == [PRESENTATION, PRESENTATION, POST_TREATMENT]


def test_unit_without_rescue_moves_to_follow_up_on_a_cue():
    story = [(0, "She was treated with bed rest."), (40, "Six months on, strength was grade 5.")]
    assert states(story, {}, {40: 0})[0] == [PRESENTATION, FOLLOW_UP]


def test_a_sentence_turns_where_the_rescue_or_the_follow_up_is_named():
    story = [(0, "She was paraplegic, so a laminectomy was done."),
             (50, "Strength rose to grade 4 within a week and she walked at 6 months.")]
    _, timeline = states(story, {0: (25, 36)})
    assert [timeline.at(0, 10), timeline.at(0, 30)] == [PRESENTATION, POST_TREATMENT]
    assert [timeline.at(50, 20), timeline.at(50, 60)] == [POST_TREATMENT, FOLLOW_UP]
    assert timeline.treated


@pytest.mark.parametrize(("sentence", "operation", "expected"), [
    ("Decompression was performed 5 months later.", "Decompression", POST_TREATMENT),
    ("She underwent removal of the cement 2 years after the index surgery.", "removal of the cement", POST_TREATMENT),
    ("A laminectomy was done at 7 months.", "laminectomy", POST_TREATMENT),
    ("Decompression was then performed about 5 months later.", "Decompression", POST_TREATMENT),
    ("Laminectomy and cement removal were performed 5 months later.", "Laminectomy", POST_TREATMENT),
    ("After PVP decompression was performed 5 months later.", "decompression", POST_TREATMENT),
    ("After the leak was seen decompression was performed 5 months later.", "decompression", POST_TREATMENT),
    ("Since the weakness persisted decompression was performed 5 months later.", "decompression", POST_TREATMENT),
    ("After the index vertebroplasty a laminectomy was performed 5 months later.", "laminectomy", POST_TREATMENT),
    ("Decompression, which was performed under general anaesthesia 5 months later, freed the root.",
     "Decompression", POST_TREATMENT),
    # must not: a time that dates what followed the operation
    ("Decompression was performed, and she walked 5 months later.", "Decompression", FOLLOW_UP),
    ("A laminectomy was done with full recovery at 7 months.", "laminectomy", FOLLOW_UP),
    ("Decompression at L3 was performed; 5 months later she was well.", "Decompression", FOLLOW_UP),
    ("She walked unaided after the laminectomy at 1 year.", "laminectomy", FOLLOW_UP),
    ("She walked unaided after the L2 laminectomy at 1 year.", "laminectomy", FOLLOW_UP),
    ("She walked after the emergency posterior decompression at 1 year.", "decompression", FOLLOW_UP),
    ("She regained full strength after decompression 2 years later.", "decompression", FOLLOW_UP),
])
def test_a_time_right_after_the_rescue_dates_it_and_is_no_follow_up(sentence, operation, expected):
    start = sentence.index(operation)
    story = [(0, "She had weakness of both legs after PVP."), (50, sentence), (150, "Strength was grade 4.")]
    _, timeline = states(story, {50: (start, start + len(operation))})
    assert [timeline.at(50, len(sentence)), timeline.at(150, 0)] == [expected, expected]


@pytest.mark.parametrize(("sentence", "grade", "state", "expected"), [
    ("Strength was grade 2 in both legs.", "grade 2", PRESENTATION, PRESENTATION),
    ("Postoperatively strength was grade 2.", "grade 2", PRESENTATION, PRESENTATION),
    ("Strength was grade 4 on the third day.", "grade 4", POST_TREATMENT, POST_TREATMENT),
    ("Preoperative strength had been grade 1, and it was grade 3 afterwards.", "grade 1", POST_TREATMENT,
     PRESENTATION),
    ("At the 2-year follow-up strength was grade 5.", "grade 5", POST_TREATMENT, FOLLOW_UP),
    ("At the last visit, 28 months after the operation, strength was normal.", "normal", FOLLOW_UP, FOLLOW_UP),
    ("Immediately after the operation strength was grade 4.", "grade 4", FOLLOW_UP, FOLLOW_UP),
    ("Strength was still grade 4.", "grade 4", FOLLOW_UP, FOLLOW_UP),
])
def test_grade_time(sentence, grade, state, expected):
    assert grade_time(sentence_cues(sentence), sentence.index(grade), state) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("She regained normal strength after open removal of the cement.", POST_TREATMENT),
    ("She had grade 1 strength 3 days after fusion, and the screw was removed.", PRESENTATION),
])
def test_grade_told_before_the_rescue_it_followed(sentence, expected):
    turn = (sentence.index("removal" if "removal" in sentence else "screw was"), POST_TREATMENT)
    grade = sentence.index("normal" if "normal" in sentence else "grade 1")
    assert grade_time(sentence_cues(sentence), grade, PRESENTATION, turn) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("On admission the strength was 3/5.", PRESENTATION),
    ("Postoperatively the strength was 4/5.", POST_TREATMENT),
    ("By the seventh day the strength was 4/5.", POST_TREATMENT),
    ("At the final follow-up the strength was 5/5.", FOLLOW_UP),
    ("Then the strength was 4/5.", None),
])
def test_local_cue(sentence, expected):
    assert local_cue(sentence_cues(sentence), sentence.index("the strength")) == expected


@pytest.mark.parametrize(("sentence", "grade", "state", "expected"), [
    ("One week after surgery strength was 4/5.", "4/5", FOLLOW_UP, POST_TREATMENT),
    ("On the third postoperative day he had M2 in both legs.", "M2", FOLLOW_UP, POST_TREATMENT),
    ("At discharge hip flexion was grade 3.", "grade 3", FOLLOW_UP, POST_TREATMENT),
    ("Eighteen months after the surgery strength was normal.", "normal", FOLLOW_UP, FOLLOW_UP),
    ("At 2 years postoperatively strength was 5/5.", "5/5", FOLLOW_UP, FOLLOW_UP),
    ("At the final review strength was M4.", "M4", FOLLOW_UP, FOLLOW_UP),
    ("Strength was still 4/5.", "4/5", FOLLOW_UP, FOLLOW_UP),
])
def test_a_grade_dated_from_the_rescue_is_post_treatment_after_a_follow_up_was_named(sentence, grade, state,
                                                                                      expected):
    assert grade_time(sentence_cues(sentence), sentence.index(grade), state, pivoted=True) == expected


def test_without_a_rescue_a_follow_up_story_stays_at_follow_up():
    sentence = "One week after surgery strength was 4/5."
    assert grade_time(sentence_cues(sentence), sentence.index("4/5"), FOLLOW_UP) == FOLLOW_UP


@pytest.mark.parametrize(("sentence", "grade", "state", "expected"), [
    ("Strength improved from grade 2 to grade 4.", "grade 2", POST_TREATMENT, PRESENTATION),
    ("Strength improved from grade 2 to grade 4.", "grade 4", POST_TREATMENT, POST_TREATMENT),
    ("Power rose from 1/5 to 3/5 within a week.", "1/5", POST_TREATMENT, PRESENTATION),
    ("Dorsiflexion improved from a grade of 2 to 4 at follow-up.", "2 to", FOLLOW_UP, PRESENTATION),
    ("Strength went from grade 1 to grade 3 after removal.", "grade 1", PRESENTATION, PRESENTATION),
])
def test_a_grade_that_rose_from_is_the_earlier_one(sentence, grade, state, expected):
    assert grade_time(sentence_cues(sentence), sentence.index(grade), state) == expected


@pytest.mark.parametrize(("sentence", "grade", "expected"), [
    ("She regained normal strength after open removal.", "normal", POST_TREATMENT),
    ("Strength recovered to grade 4 following decompressive surgery.", "grade 4", POST_TREATMENT),
    ("He returned to full power after the operation.", "full power", POST_TREATMENT),
    ("She had grade 1 strength 3 days after surgery.", "grade 1", PRESENTATION),
    ("She had grade 2 strength; it recovered after surgery.", "grade 2", PRESENTATION),
    ("Strength was grade 3 after a fall.", "grade 3", PRESENTATION),
])
def test_a_grade_told_as_regained_after_an_operation(sentence, grade, expected):
    assert grade_time(sentence_cues(sentence), sentence.index(grade), PRESENTATION) == expected


def test_units_with_a_rescue_are_marked():
    timeline = Timeline()
    first, second = [(0, "A laminectomy was done.")], [(40, "She was seen at follow-up.")]
    read_unit(timeline, first, {0: (2, 13)}, {}, story_cues(first))
    read_unit(timeline, second, {}, {}, story_cues(second))
    assert timeline.pivoted == {0}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("28 months after the surgery the strength was 5/5.", FOLLOW_UP),
    ("Two years after the operation the strength was 5/5.", FOLLOW_UP),
    ("At six months the strength was 5/5.", FOLLOW_UP),
    ("Two days after the operation the strength was 4/5.", POST_TREATMENT),
])
def test_words_inside_a_follow_up_cue_are_part_of_it(sentence, expected):
    assert local_cue(sentence_cues(sentence), sentence.index("the strength")) == expected

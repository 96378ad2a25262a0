"""A number is read whole: no rule reads the digits after a decimal point, a decimal comma or a thousands
separator ("57.3", "57,3", "1,250") as a number of their own."""

import pytest

from leakmine.components.case_marker import load_case_count_rules
from leakmine.components.cohort import LABELS as COHORT_LABELS
from leakmine.components.timing import load_timing_rules
from leakmine.nlp.numbers import load_number_rules
from leakmine.nlp.rules import find_matches

RULES = {
    "age": load_number_rules("leakmine.components.age", frozenset({"AGE"})),
    "timing": load_timing_rules(),
    "follow_up": load_number_rules("leakmine.components.follow_up", frozenset({"FOLLOW_UP"})),
    "cohort": load_number_rules("leakmine.components.cohort", COHORT_LABELS),
    "case_count": list(load_case_count_rules()),
}


@pytest.mark.parametrize(("component", "phrase"), [
    ("age", "48-year-old man"),
    ("age", "70 years of age"),
    ("age", "70 y/o"),
    ("age", "39/M"),
    ("timing", "10 days after surgery"),
    ("follow_up", "2-year follow-up"),
    ("cohort", "9 patients (0.8%) developed a hematoma"),
    ("cohort", "90 female patients and 47 male patients"),
    ("cohort", "36 males and 12 females"),
    ("cohort", "2,310 cases were identified"),
    ("cohort", "11 out of the 42 cases (26.2%) in the cement group"),
    ("cohort", "31 patients leaked (31/150, 20.7%)"),
    ("case_count", "3 case reports"),
])
@pytest.mark.parametrize("before", ["7.", "7,"])
def test_no_number_begins_inside_another(component, phrase, before):
    rules = RULES[component]
    assert any(m.start == 0 for m in find_matches(phrase, rules))  # read where it stands alone
    assert not [m for m in find_matches(before + phrase, rules) if m.start == len(before)]


@pytest.mark.parametrize(("component", "text"), [
    ("cohort", "Overall, 1,250 cases were identified."),
    ("cohort", "Overall, 7,250 patients developed a palsy."),
    ("age", "The patients were 67,5 years of age on average."),  # a decimal comma
    ("timing", "Paraparesis developed 1,5 days after kyphoplasty."),
])
def test_no_number_begins_after_a_comma_between_digits(component, text):
    after_comma = text.index(",", text.index(next(c for c in text if c.isdigit()))) + 1
    assert not [m for m in find_matches(text, RULES[component]) if m.start == after_comma]

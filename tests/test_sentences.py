"""The rule sentence splitter: clinical prose with figure references, abbreviations and levels."""

from __future__ import annotations

import pytest

from leakmine.components.sentences import sentence_starts


def split(text: str) -> list[str]:
    starts = sorted(sentence_starts(text)) + [len(text)]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:], strict=False) if text[a:b].strip()]


@pytest.mark.parametrize(("text", "expected"), [
    ("She had pain. CT showed cement.", ["She had pain.", "CT showed cement."]),
    ("Cement was seen (Fig. 2). He improved.", ["Cement was seen (Fig. 2).", "He improved."]),
    ("Leakage was seen (Figs. 3 and 4) at L2.", ["Leakage was seen (Figs. 3 and 4) at L2."]),
    ("Rates were 4% vs. 9% in this group.", ["Rates were 4% vs. 9% in this group."]),
    ("As Smith et al. reported, leaks are common.", ["As Smith et al. reported, leaks are common."]),
    ("Strength was 4/5 at L4/5. Pain resolved.", ["Strength was 4/5 at L4/5.", "Pain resolved."]),
    ("Leaks are common.[3] Most are silent.", ["Leaks are common.[3]", "Most are silent."]),
    ("Leaks are common.^[3,4] Most are silent.", ["Leaks are common.^[3,4]", "Most are silent."]),
    ("The mean was 58.4 years. Twelve were men.", ["The mean was 58.4 years.", "Twelve were men."]),
    ("Seen by Dr. Lee. She agreed.", ["Seen by Dr. Lee.", "She agreed."]),
    ("Approved (No. 2020-11). Data follow.", ["Approved (No. 2020-11).", "Data follow."]),
    ("Chen C. H. wrote it. It helped.", ["Chen C. H. wrote it.", "It helped."]),
    ("Was it cement? Yes. It was!", ["Was it cement?", "Yes.", "It was!"]),
    ("Title of the paper\nA 70-year-old woman", ["Title of the paper", "A 70-year-old woman"]),
    ("first part.\n\nSecond part", ["first part.", "Second part"]),
    ("e.g. cement in the canal, i.e. a leak.", ["e.g. cement in the canal, i.e. a leak."]),
    ("He recovered. 27 patients improved.", ["He recovered.", "27 patients improved."]),
    ("It leaked at T12. (Fig. 1) shows it.", ["It leaked at T12.", "(Fig. 1) shows it."]),
    ("Fig. 3 Weakness after TLIF. a CT scan. b X-ray after revision.",
     ["Fig. 3 Weakness after TLIF.", "a CT scan.", "b X-ray after revision."]),
    ("It was in the canal. a few fragments remained.", ["It was in the canal. a few fragments remained."]),
])
def test_sentences(text, expected):
    assert split(text) == expected


def test_long_text_splits_in_linear_time_shape():
    text = "The cement leaked at L2. " * 4000
    assert len(sentence_starts(text)) == 4000

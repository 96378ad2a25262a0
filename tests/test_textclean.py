"""Character clean-up and line rejoining (leakmine.ingest.textclean)."""

import pytest

from leakmine.ingest.textclean import fix_chars, folded, join_wrapped, keeps_hyphen, text_words


@pytest.mark.parametrize("raw, clean", [
    ("signi\ufb01cant de\ufb02ection", "significant deflection"),
    ("e\ufb00usion was su\ufb03cient", "effusion was sufficient"),
    ("ba\ufb04ing", "baffling"),
    ("kypho\xadplasty", "kyphoplasty"),
    ("vertebro\xad\nplasty", "vertebroplasty"),
    ("cement\xa0leak", "cement leak"),
    ("7\u2009kg", "7 kg"),
    ("5\u202fmL", "5 mL"),
    ("zero\u200bwidth", "zerowidth"),
    ("T12\u2010L2", "T12\u2013L2"),
    ("L4\u20115", "L4\u20135"),
    ("3\u20125 days", "3\u20135 days"),
    ("C5\u2212C6", "C5\u2013C6"),
    ("X\u2010ray", "X-ray"),
    ("follow\u2011up", "follow-up"),
    ("12\u2010year\u2010old", "12-year-old"),
    ("\u22125 mmHg", "-5 mmHg"),
    ("T12\u2013L2 stays", "T12\u2013L2 stays"),
    ("plain - hyphen", "plain - hyphen"),
    ("nothing to fix", "nothing to fix"),
    ("Waldenstro\u00a8m", "Waldenstr\u00f6m"),
    ("Re\u00b4paratrice", "R\u00e9paratrice"),
    ("Sa\u02dco Joa\u02dco", "S\u00e3o Jo\u00e3o"),
    ("authors\u00b4 roles", "authors\u00b4 roles"),
])
def test_fix_chars(raw, clean):
    assert fix_chars(raw) == clean


@pytest.mark.parametrize("text, low", [
    ("Cement LEAK", "cement leak"),
    ("Caf\u00e9 \u2013 T12", "caf\u00e9 \u2013 t12"),
    ("Copyr\u0131ght", None),        # dotless i: `re` ignoring case takes it for "i"
    ("\u0130SSN", None),              # dotted capital I lower-cases to two characters
    ("Cla\u017fs", None),             # long s
])
def test_folded(text, low):
    assert folded(text) == low


@pytest.mark.parametrize("lines, joined", [
    (["The patient had spondylolisth-", "esis at two levels."],
     "The patient had spondylolisthesis at two levels."),
    (["fixation from T12-", "L2 was done"], "fixation from T12-L2 was done"),
    (["fixation (T12-", "L2) was done"], "fixation (T12-L2) was done"),
    (["pain for 3-", "5 days"], "pain for 3-5 days"),
    (["the L4-", "5 disc"], "the L4-5 disc"),
    (["a non-", "Hodgkin lymphoma"], "a non-Hodgkin lymphoma"),
    (["an MRI-", "guided biopsy"], "an MRI-guided biopsy"),
    (["chest X-", "ray was clear"], "chest X-ray was clear"),
    (["at follow-", "up, she walked"], "at follow-up, she walked"),
    (["a sixty-", "year-old man"], "a sixty-year-old man"),
    (["a 60-", "year-old man"], "a 60-year-old man"),
    (["a well-", "known risk"], "a well-known risk"),
    (["long-", "term results"], "long-term results"),
    (["partial weight-", "bearing"], "partial weight-bearing"),
    (["life-", "threatening embolism"], "life-threatening embolism"),
    (["T2-", "weighted images"], "T2-weighted images"),
    (["percutaneous vertebro-", "plasty was performed"], "percutaneous vertebroplasty was performed"),
    (["poly-", "methylmethacrylate"], "polymethylmethacrylate"),
    (["Kypho-", "plasty was uneventful"], "Kyphoplasty was uneventful"),
    (["the tendon was re-", "paired"], "the tendon was repaired"),
    (["the thresh-", "old was low"], "the threshold was low"),
    (["the low-", "er limbs"], "the lower limbs"),
    (["kypho\xad", "plasty"], "kyphoplasty"),
    (["first- and", "second-line drugs"], "first- and second-line drugs"),
    (["pre- or", "postoperative"], "pre- or postoperative"),
    (["T12\u2013", "L2"], "T12\u2013L2"),
    (["and/", "or"], "and/or"),
    (["pain \u2014", "worse at night"], "pain \u2014 worse at night"),
    (["weakness -", "then recovery"], "weakness - then recovery"),
    (["  leading space", "", "  and a gap  "], "leading space and a gap"),
    (["single line"], "single line"),
    ([], ""),
])
def test_join_wrapped(lines, joined):
    assert join_wrapped(lines) == joined


@pytest.mark.parametrize("fragment, continuation, keep", [
    ("T12", "L1", True),
    ("C5", "6", True),
    ("(L3", "S1)", True),
    ("anti", "VEGF", True),
    ("CT", "guided", True),
    ("self", "expanding", True),
    ("two", "thirds", True),           # a number word opens a compound
    ("half", "life", True),
    ("pain", "free,", True),
    ("spondy", "lolisthesis", False),
    ("decom", "pression", False),
    ("inter", "vertebral", False),
    ("neuro", "logical", False),
])
def test_keeps_hyphen(fragment, continuation, keep):
    assert keeps_hyphen(fragment, continuation) is keep


KNOWN = frozenset({"left", "side", "sided", "high", "speed", "drill", "tendon", "repair", "with", "out",
                   "some", "times", "body", "cross-sectional", "cross", "sectional", "involvement", "in",
                   "anterior"})


@pytest.mark.parametrize("fragment, continuation, keep", [
    ("left", "side", True),            # two words the text prints on their own
    ("high", "speed", True),
    ("cross", "sectional", True),      # printed whole as a compound elsewhere
    ("ten", "don", False),             # the joined word is printed elsewhere
    ("with", "out", False),            # function words make no compound
    ("some", "times", False),
    ("spondylo", "listhesis", False),  # unknown fragments: a word break
])
def test_keeps_hyphen_with_the_texts_own_words(fragment, continuation, keep):
    assert keeps_hyphen(fragment, continuation, KNOWN) is keep


def test_text_words_skips_words_split_at_a_line_end():
    words = text_words(["a cross-sectional study of ten-", "don repairs with a high-speed drill"])
    assert {"cross-sectional", "cross", "sectional", "study", "high-speed", "drill"} <= words
    assert "ten" not in words and "don" not in words
    # a line's first word may end a word whose line-end hyphen was lost
    assert "volvement" not in text_words(["the in", "volvement of the cord"])


@pytest.mark.parametrize("lines, joined", [
    (["the left-", "side pain"], "the left-side pain"),
    (["a ten-", "don was repaired"], "a tendon was repaired"),
    (["the in", "volvement of the cord"], "the involvement of the cord"),   # a line-end hyphen lost
    (["its in", "volvement, then"], "its involvement, then"),
    (["the left", "side pain"], "the left side pain"),                      # words of their own
    (["the in", "volvements seen"], "the in volvements seen"),              # not the known word
    (["an ante", "rior leak"], "an anterior leak"),
    (["the in", "jury was"], "the in jury was"),                            # "injury" printed nowhere
])
def test_join_wrapped_with_the_texts_own_words(lines, joined):
    assert join_wrapped(lines, KNOWN) == joined

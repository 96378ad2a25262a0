"""Where a rule's match can begin (nlp/starts.py), and that trying a regex only there finds exactly
what running it over the whole text finds, for every rule leakmine ships."""

import json
import re
from pathlib import Path

import pytest

from leakmine.components import register
from leakmine.nlp import load_pipeline
from leakmine.nlp.rules import find_matches, find_matches_in, find_spans_in, parse_rules
from leakmine.nlp.starts import rule_starts

register()  # leakmine's factories


def readout(pattern: str, flags: int = 0):
    starts = rule_starts(re.compile(pattern, flags))
    if starts is None:
        return None
    anchored = {word for words in starts.anchored.values() for word, _ in words}
    return anchored, {word for word, _ in starts.words}, starts.chars.pattern if starts.chars else None


@pytest.mark.parametrize("pattern, flags, expected", [
    # words that begin a word of the text (after \b or a look-behind refusing \w), lower-cased when folded
    (r"\bdecompress(?:ion|ed)\b", re.I, ({"decompress"}, set(), None)),
    (r"(?<!hemi)\blaminectomy", re.I, ({"laminectomy"}, set(), None)),
    (r"\b(?:bone\s+)?cement\s+leak", re.I, ({"bone", "cement"}, set(), None)),
    # a word shorter than three characters is carried on into the words that follow it (`re` reads
    # "mal-?positioned|misplaced" as "m" + "al-?positioned|isplaced")
    (r"\b(?:mal-?positioned|misplaced)\s+screws?", re.I, ({"mal-", "malpositioned", "misplaced"}, set(), None)),
    (r"\bpain(?:ful|s)?", re.I, ({"pain"}, set(), None)),
    (r"\b(?:PVP|VP)s?\b", 0, ({"PVP", "VP"}, set(), None)),
    (r"(?<![\w.])(?:Th|L)\d", 0, ({"Th", "L"}, set(), None)),
    # words anywhere: no guard before them, or one that lets a word character through
    (r"(?i:pain)", 0, (set(), {"pain"}, None)),
    (r"(?<!x)ache", re.I, (set(), {"ache"}, None)),
    (r"\b\(?ache", re.I, ({"ache"}, {"("}, None)),  # "(" is no word character: \b does not keep it from one
    # a repeated group opens with its first repetition only
    (r"\b(?:ab)+c", 0, ({"ab"}, set(), None)),
    (r"\b(?:ab){1}c", 0, ({"abc"}, set(), None)),
    # one-character classes, kept from a word character before them when guarded
    (r"\b\d+\s*years?", 0, (set(), set(), r"[\d](?<!\w.)")),
    (r"[CTDLS]\d", 0, (set(), set(), "[CTDLS]")),
    (r"\b(?:[0-5]|IV|V)\b", re.I, ({"iv", "v"}, set(), r"(?i:[0-5](?<!\w.))")),
    (r"(?<![\w/])[+-]\d", 0, (set(), set(), r"[\+\-]")),
    # what cannot be read
    (r"\w+ache", re.I, None),
    (r"[^a]bc", 0, None),
    (r"x?", 0, None),
    (r"\bı\w", re.I, None),  # re also takes "i" for a dotless "ı" when case is ignored
    (r"\bx", re.A, None),  # an ASCII-only \b is not the one read
    (r"(?a:\b)x", 0, None),
])
def test_rule_starts(pattern, flags, expected):
    assert readout(pattern, flags) == expected


@pytest.mark.parametrize("pattern, flags, after", [
    # a look-behind opening the pattern, before what opens with no word: `width` characters after its word
    (r"(?<=\()(?P<name>[A-Za-z]+)\s*\d+", 0, {("(", 1)}),
    (r"(?:(?<=\()|(?<=\(\s))[A-Za-z]+\s*\d+", 0, {("(", 1), ("(", 2)}),
    (r"(?<=\bvs\s)[a-z]+", re.I, {("vs", 3)}),  # what is zero-width inside it is passed over
    (r"(?<=[,;]\s)[A-Za-z]+\s*\d+", 0, {("[,;]", 2)}),  # or after its character
    (r"(?<=\n)\d+", 0, {("\n", 1)}),
    # a word after it says more: the word is read
    (r"(?<=\()vertebroplasty", re.I, set()),
    # the start of the text, however written (a text searched by windows: each window's start)
    (r"(?<=^)[A-Za-z]+\d", 0, {"text start"}),
    (r"(?:^|(?<=\n))[A-Za-z]+\d", 0, {"text start", ("\n", 1)}),
    (r"\A\d+", 0, {"text start"}),
    # not read: a look-behind opening with a broad class, a negative look-behind, "^" of every line
    (r"(?<=\s)[A-Za-z]+\d", 0, set()),
    (r"(?<!\()[A-Za-z]+\d", 0, set()),
    (r"(?m)^[A-Za-z]+\d", 0, set()),
    (r"(?m:^)[A-Za-z]+\d", 0, set()),
])
def test_a_look_behind_opening_a_pattern_tells_where_it_can_begin(pattern, flags, after):
    starts = rule_starts(re.compile(pattern, flags))
    read = {(word, width) for word, _, width in starts.after_words} if starts else set()
    read |= {(chars.pattern.removeprefix("(?i:").removesuffix(")"), width) for chars, width in starts.after_chars} \
        if starts else set()
    assert read | ({"text start"} if starts and starts.at_start else set()) == after


def test_a_rule_at_the_start_of_a_text_is_tried_at_each_windows_start():
    rules = parse_rules([json.dumps({"id": "t.opening", "label": "X", "regex": r"(?:(?<=^)|(?<=[.;]\s))[A-Z][a-z]+ patients"}),
                         json.dumps({"id": "t.start", "label": "X", "regex": r"^\s*\d+ cases"})], "t")
    text = "Twelve patients were seen. 7 cases; Nine patients had leaks. Forty patients and 3 cases."
    windows = [m.span() for m in re.finditer(r"[^.;]+[.;]?", text)]
    assert found(find_matches(text, rules)) == plain(text, rules) == [(0, 15, "t.opening"), (36, 49, "t.opening"), (61, 75, "t.opening")]
    for (a, b), matches in zip(windows, find_matches_in(text, rules, windows), strict=True):
        assert found(matches) == plain(text[a:b], rules)
    spans = sorted((s, e, r.id) for s, e, r in find_spans_in(text, rules, windows))
    assert spans == sorted((a + s, a + e, r) for a, b in windows for s, e, r in plain(text[a:b], rules)) != []
    # one whose literal lies close after a window's start though nowhere near the text's
    (rule,) = parse_rules([json.dumps({"id": "t.near", "label": "X", "regex": r"^\s?\d{1,3} cases"})], "t")
    text = "x" * 250 + ". 7 cases here."
    windows = [m.span() for m in re.finditer(r"[^.;]+[.;]?", text)]
    assert [found(ms) for ms in find_matches_in(text, [rule], windows)] == [[], [(0, 8, "t.near")]]
    assert [(s, e) for s, e, _ in find_spans_in(text, [rule], windows)] == [(251, 259)]


def plain(text, rules):
    """`find_matches` as defined: every rule run over the whole text, block matches dropping overlaps."""
    found = [(m.start(), m.end(), r) for r in rules for m in r.regex.finditer(text) if m.end() > m.start()]
    blocked = [(a, b) for a, b, r in found if r.block]
    kept = [(a, b, r.id) for a, b, r in found
            if not r.block and all(b <= x or a >= y for x, y in blocked)]
    return sorted(kept, key=lambda m: (m[0], -m[1]))


def found(matches):
    return [(m.start, m.end, m.rule.id) for m in matches]


SHIPPED = ["leakmine_level", "leakmine_case_marker", "leakmine_age", "leakmine_sex", "leakmine_timing",
           "leakmine_follow_up", "leakmine_cohort", "leakmine_procedure", "leakmine_cause",
           "leakmine_leak_location", "leakmine_symptom", "leakmine_treatment", "leakmine_outcome",
           "leakmine_muscle_grade", "leakmine_cue"]

TEXTS = [
    "A seventy-two-year-old woman (case 2) underwent PKP at T12 and L1-L3; 3 days later she noted "
    "left leg weakness, MRC grade 3/5 for hip flexion and 4+/5 at the ankle. Cement leaked into the "
    "spinal canal and the epidural space. Laminectomy and removal of the cement followed; at the "
    "2-year follow-up her strength was normal.",
    "Thirty patients (12M/18F), mean age 58.4 ± 11.2 years (range 41-80), n = 30, were treated by "
    "vertebroplasty; on postoperative day 2 one had paraparesis, another a pulmonary embolism.",
    "T2-weighted images, Figure S2, dopamine D2 receptors and Th17 cells are not levels; "
    "the tenth thoracic vertebra is. Power in both lower limbs was M4 bilaterally.",
    # letters that `re` equates beyond lower-casing, capitals that lower-case to two characters, Greek
    "Yıldız reported a kyphopla\u017fty; İstanbul ΑΣ Σ µm μg K; SPINE CEMENT LEAKAGE AT L4–L5.",
    "at the start; ending with a",
    # words a rule finds by their first three characters, a hyphen among them ("re-", "mal-")
    "She needed an emergency re-exploration, then a re-operation for the mal-positioned screw at T12-L1.",
    # words a few before the literal a rule needs ("group"), across line breaks and long words
    "The cement leakage group (n = 48) and the non-leakage\ngroup (n = 264) differed; the early foot-drop "
    "group comprised 14 patients, the extraordinarilylongcompoundedname group (n = 3) none.",
    # parts of a size named in parentheses, after a comma or "vs.", at a line's start
    "Of 120 patients (PVP 60, PKP 60) and 7,415 cases (percutaneous 4,862 vs. paddle: 2,553; open 30),\n"
    "Kyphoplasty was performed in 14 patients; (n = 12 vs 14) and ( BKP 45, VP 51).",
    "",
]


@pytest.fixture(scope="module")
def shipped_rules():
    nlp = load_pipeline()
    return {name: nlp.get_pipe(name).rules for name in SHIPPED}


SAMPLE = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "data" / "raw").glob("*.txt"))]


@pytest.mark.parametrize("name", SHIPPED)
def test_find_matches_finds_what_every_rule_finds(shipped_rules, name):
    rules = shipped_rules[name]
    for text in TEXTS + [t.lower() for t in TEXTS] + [t.upper() for t in TEXTS] + SAMPLE:
        assert found(find_matches(text, rules)) == plain(text, rules), text


@pytest.mark.parametrize("name", ["leakmine_muscle_grade", "leakmine_level", "leakmine_cohort"])
def test_find_matches_in_windows_is_find_matches_of_each_window(shipped_rules, name):
    rules = shipped_rules[name]
    for text in TEXTS:
        sentences = [m.span() for m in re.finditer(r"[^.;]+[.;]?", text)]
        cut_words = [(a, b) for a, b in zip(range(0, len(text), 7), range(5, len(text), 7), strict=False)]
        for windows in (sentences, cut_words):
            for (a, b), matches in zip(windows, find_matches_in(text, rules, windows), strict=True):
                assert found(matches) == found(find_matches(text[a:b], rules)), text[a:b]


@pytest.mark.parametrize("name", ["leakmine_cue", "leakmine_level", "leakmine_procedure", "leakmine_symptom"])
def test_find_spans_in_finds_what_find_matches_in_finds(shipped_rules, name):
    rules = [r for r in shipped_rules[name] if not r.block]
    for text in TEXTS + [t.lower() for t in TEXTS]:
        sentences = [m.span() for m in re.finditer(r"[^.;]+[.;]?", text)]
        gaps = [(a + 1, b) for a, b in sentences if b > a + 1]  # windows with text between them
        cut_words = [(a, b) for a, b in zip(range(0, len(text), 7), range(5, len(text), 7), strict=False)]
        for windows in (sentences, gaps, cut_words):
            expected = sorted((a + m.start, a + m.end, m.rule.id) for (a, _), matches
                              in zip(windows, find_matches_in(text, rules, windows), strict=True) for m in matches)
            assert sorted((s, e, r.id) for s, e, r in find_spans_in(text, rules, windows)) == expected, text


def test_a_look_behind_before_the_word_is_respected():
    rules = parse_rules(['{"id": "t.lam", "label": "X", "regex": "(?<!hemi-)\\\\blaminectomy", "value": "v"}'], "t")
    assert [(m.start, m.end) for m in find_matches("hemi-laminectomy; laminectomy", rules)] == [(18, 29)]

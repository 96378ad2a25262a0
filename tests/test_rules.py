"""Rule files: strict validation at load, phrase patterns, and matching with block rules."""

import json

import pytest

from leakmine.components.level import GROUPS as LEVEL_GROUPS
from leakmine.components.muscle_grade import GROUPS as GRADE_GROUPS
from leakmine.nlp.rules import RuleError, find_matches, load_rules, parse_rules, phrase_regex

GOOD = {"id": "x.one", "label": "LEVEL", "regex": "L[1-5]", "flags": ""}


def line(**fields) -> str:
    return json.dumps({**GOOD, **fields})


def parse(*lines: str, **kwargs):
    return parse_rules(list(lines), "rules.jsonl", **kwargs)


@pytest.mark.parametrize("bad, message", [
    ("{not json", "not JSON"),
    ('["a", "list"]', "must be a JSON object"),
    (line(colour="red"), "unknown keys"),
    (json.dumps({"label": "LEVEL", "regex": "x"}), "`id`"),
    (line(id="Upper.Case"), "`id`"),
    (line(id="has space"), "`id`"),
    (line(id=7), "`id`"),
    (line(label=""), "`label`"),
    (line(label=["LEVEL"]), "`label`"),
    (line(phrase="lumbar"), "exactly one of"),
    (json.dumps({"id": "x.two", "label": "LEVEL"}), "exactly one of"),
    (line(value=4), "`value`"),
    (line(value=""), "`value`"),
    (line(attrs=["a"]), "`attrs`"),
    (line(flags="x"), "`flags`"),
    (line(flags=1), "`flags`"),
    (line(regex="L[1-"), "bad regex"),
    (line(regex="(unclosed"), "bad regex"),
    (line(regex=""), "non-empty"),
    (line(regex=5), "non-empty"),
    (line(regex="x*"), "empty string"),
    (json.dumps({"id": "p.blank", "label": "LEVEL", "phrase": "  "}), "non-empty"),
    (line(comment=3), "`comment`"),
    (line(block="yes"), "`block`"),
    (line(block=True, value="L1"), "block rule"),
    (line(block=True, attrs={"a": 1}), "block rule"),
])
def test_bad_rules_are_rejected(bad, message):
    with pytest.raises(RuleError, match=message):
        parse(bad)


def test_errors_name_the_file_and_line():
    with pytest.raises(RuleError, match=r"^rules\.jsonl:3: duplicate id 'x\.one'"):
        parse(line(), "", line())


def test_label_outside_the_allowed_set():
    with pytest.raises(RuleError, match="`label` must be one of"):
        parse(line(label="AGE"), labels=frozenset({"LEVEL"}))


def test_value_outside_the_vocabulary():
    with pytest.raises(RuleError, match="not in the vocabulary"):
        parse(line(value="L9"), vocabulary=frozenset({"L1"}))
    assert parse(line(value="L1"), vocabulary=frozenset({"L1"}))[0].value == "L1"


def test_unknown_named_group():
    with pytest.raises(RuleError, match=r"unknown named groups \['lvl'\]"):
        parse(line(regex="(?P<lvl>L[1-5])"), groups=frozenset({"level"}))
    assert parse(line(regex="(?P<level>L[1-5])"), groups=frozenset({"level"}))


def test_blank_lines_are_skipped_and_fields_kept():
    rules = parse("", line(attrs={"kind": "x"}, comment="ok"), "   ", line(id="x.two", block=True))
    assert [(r.id, r.attrs, r.block) for r in rules] == [("x.one", {"kind": "x"}, False), ("x.two", {}, True)]


@pytest.mark.parametrize("flags, text, found", [("", "l2", False), ("i", "l2", True), ("", "L2", True)])
def test_flags_control_case(flags, text, found):
    assert bool(find_matches(text, parse(line(flags=flags)))) is found


@pytest.mark.parametrize("phrase, text, found", [
    ("cement leakage", "cement leakage", True),
    ("cement leakage", "Cement\nleakage", True),
    ("cement leakage", "cement-leakage", True),
    ("cement leakage", "cement - leakage", True),
    ("cement leakage", "cementleakage", False),
    ("leak", "leakage", False),
    ("C-arm", "C arm", True),
])
def test_phrase_tolerates_hyphens_and_line_breaks(phrase, text, found):
    rules = parse(json.dumps({"id": "p.one", "label": "X", "phrase": phrase}))
    assert bool(find_matches(text, rules)) is found
    assert phrase_regex(phrase)


def test_matches_come_in_text_order_with_overlaps_and_group_offsets():
    rules = parse(line(id="a", regex="(?P<n>L[1-5])"), line(id="b", regex="L[1-5]/[1-5]"))
    found = find_matches("T12 and L4/5", rules)
    assert [(m.start, m.end, m.rule.id) for m in found] == [(8, 12, "b"), (8, 10, "a")]
    assert found[1].groups == {"n": "L4"} and found[1].group_spans == {"n": (8, 10)}


def test_block_rules_drop_overlapping_matches_and_are_not_returned():
    rules = parse(line(regex=r"T[12]\b"), line(id="x.mri", regex=r"T[12]-weighted", block=True))
    text = "T2-weighted images of T1"
    assert [(m.start, m.rule.id) for m in find_matches(text, rules)] == [(22, "x.one")]


def test_shipped_rule_files_validate():
    level = load_rules("leakmine.components.level", labels=frozenset({"LEVEL"}), groups=LEVEL_GROUPS)
    grade = load_rules("leakmine.components.muscle_grade", labels=frozenset({"MUSCLE_GRADE"}), groups=GRADE_GROUPS)
    for rules in (level, grade):
        assert len({r.id for r in rules}) == len(rules)
        assert any(r.block for r in rules) and any(not r.block for r in rules)

"""What was read of the rules' patterns is saved with a built pipeline and read back at load: the same
values, no pattern parsed again, and nothing taken from a file that other analysis code wrote."""

import json
import re

import pytest

from analyses_helpers import new_process
from leakmine.nlp import analyses, factors
from leakmine.nlp.rules import RuleError, find_matches, parse_rules
from leakmine.nlp.starts import _REACH, rule_starts

PATTERNS = [
    (r"\bvertebroplast(?:y|ies)\b", re.I),
    (r"\b(?:epidural|extradural)\s+space", re.I),
    (r"(?<![\w/.\-])M[0-5](?![\w/])", 0),
    (r"[Ss]he\b", 0),
    (r"(?i:cement)\s+(?-i:PMMA)", 0),
    (r"\d+\s*(?:years?|y)\b", re.I),
    (r"[A-Za-z]{3,}", 0),  # nothing literal: None is kept too
    (r"\bT(?:1[0-2]|[1-9])\b", 0),
    (r"\b(?:grade|power)\s+(?P<grade>[0-5])\b", re.I),
]


def read_all(regexes):
    return [(factors.required_factor_sets(r), factors.leading_factors(r, _REACH), rule_starts(r)) for r in regexes]


@pytest.fixture
def empty(monkeypatch):
    """A process that has read no pattern yet, nor any saved analysis."""
    new_process(monkeypatch)
    factors._parse.cache_clear()


def test_saved_analyses_are_read_back_without_parsing(empty, tmp_path, monkeypatch):
    regexes = [re.compile(p, f) for p, f in PATTERNS]
    fresh = read_all(regexes)
    analyses.save(tmp_path)
    monkeypatch.setattr(analyses, "_known", {})
    factors._parse.cache_clear()
    assert analyses.load(tmp_path)

    def no_parse(*_):
        raise AssertionError("a saved analysis was computed again")

    monkeypatch.setattr(factors.sre_parser, "parse", no_parse)
    assert read_all(regexes) == fresh
    assert any(value is None for value, _, _ in fresh) and any(value for value, _, _ in fresh)


def test_a_process_reads_the_saved_pipelines_analyses_when_it_first_reads_a_pattern(empty, tmp_path, monkeypatch):
    regexes = [re.compile(p, f) for p, f in PATTERNS]
    fresh = read_all(regexes)
    analyses.save(tmp_path)
    new_process(monkeypatch, saved_read_on_first_use=True)  # a new process: no pipeline loaded yet
    monkeypatch.setenv("LEAKMINE_MODEL", str(tmp_path))
    factors._parse.cache_clear()

    def no_parse(*_):
        raise AssertionError("an analysis saved with the pipeline was computed again")

    monkeypatch.setattr(factors.sre_parser, "parse", no_parse)
    assert read_all(regexes) == fresh


def test_only_the_analyses_a_process_used_are_saved_again(empty, tmp_path, monkeypatch):
    kept, dropped = re.compile(r"\bkyphoplasty\b", re.I), re.compile(r"\bsacroplasty\b", re.I)
    read_all([kept, dropped])
    analyses.save(tmp_path)
    new_process(monkeypatch)
    assert analyses.load(tmp_path)
    read_all([kept])
    (tmp_path / "again").mkdir()
    analyses.save(tmp_path / "again")
    saved = json.loads((tmp_path / "again" / analyses.FILE).read_text())["analyses"]
    keys = {key for table in saved.values() for key in table}
    assert any("kyphoplasty" in k for k in keys) and not any("sacroplasty" in k for k in keys)


def test_analyses_of_other_code_are_passed_over(empty, tmp_path):
    factors.required_factor_sets(re.compile(r"\bkyphoplasty\b", re.I))
    analyses.save(tmp_path)
    saved = json.loads((tmp_path / analyses.FILE).read_text())
    saved["code"] = "0" * 64
    (tmp_path / analyses.FILE).write_text(json.dumps(saved))
    assert not analyses.load(tmp_path)
    assert not analyses.load(tmp_path / "missing")


def test_a_different_flag_is_a_different_pattern(empty):
    folded = factors.required_factor_sets(re.compile(r"\bPMMA\b", re.I))
    plain = factors.required_factor_sets(re.compile(r"\bPMMA\b"))
    assert folded != plain and {f for s in plain for _, f in s} == {False}


def test_a_loaded_pipeline_compiles_a_rule_when_a_paper_first_tries_it(empty, tmp_path, monkeypatch):
    rule_line = json.dumps({"id": "x.kypho", "label": "PROCEDURE", "regex": r"\bkypho(?P<kind>plasty)\b"})
    parse_rules([rule_line], "built.jsonl")  # building checks the pattern: it compiles, with these groups
    analyses.save(tmp_path)
    monkeypatch.setattr(analyses, "_known", {})
    assert analyses.load(tmp_path)
    (rule,) = parse_rules([rule_line], "loaded.jsonl", groups=frozenset({"kind"}))
    assert "regex" not in vars(rule)
    assert find_matches("no such word here", [rule]) == [] and "regex" not in vars(rule)
    (found,) = find_matches("after kyphoplasty", [rule])
    assert (found.start, found.groups["kind"]) == (6, "plasty") and "regex" in vars(rule)
    with pytest.raises(RuleError, match="unknown named groups"):  # the groups a component allows still hold
        parse_rules([rule_line], "loaded.jsonl", groups=frozenset())


def test_a_rule_and_its_compiled_pattern_share_one_analysis(empty, monkeypatch):
    (rule,) = parse_rules([json.dumps({"id": "x.pmma", "label": "CAUSE", "regex": r"\bPMMA\s+leak\w*"})], "r.jsonl")
    factors.required_factor_sets(rule)
    regex = re.compile(rule.pattern, rule.flags)

    def no_parse(*_):
        raise AssertionError("the same pattern and flags were analysed twice")

    factors._parse.cache_clear()
    monkeypatch.setattr(factors.sre_parser, "parse", no_parse)
    assert factors.required_factor_sets(regex) == factors.required_factor_sets(rule)

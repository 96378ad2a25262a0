"""A rule's regex compiled from the code saved with the pipeline matches as `re.compile`'s does, and is
not parsed again; code the regex engine refuses falls back to `re.compile`."""

import gc
import re

import pytest

from leakmine.heap import kept_for_life
from leakmine.nlp import analyses, compiled
from leakmine.nlp.compiled import _Compiled

CASES = [
    (r"\bvertebroplast(?:y|ies)\b", re.I, "Two vertebroplasties and one Vertebroplasty."),
    (r"(?<![\w/.\-])M(?P<grade>[0-5])(?![\w/])", 0, "power M4 in the left leg, M3/5 not, xM2 not"),
    (r"(?i:cement)\s+(?-i:PMMA)", 0, "CEMENT PMMA, cement pmma"),
    (r"(?P<n>\d+)\s+(?:patients|cases)(?=\s+(?:were|had))", re.I, "12 patients were seen; 7 cases had leaks"),
    (r"(?i)\bL(?P<a>[1-5])\s*[-–]\s*L?(?P<b>[1-5])\b", 0, "fused l4-5 and L2–L3"),
    (r"[^\W\d_]{3,}é", 0, "épidural énorme café"),
    (r"(a)(?P<rest>b+)?\1", 0, "abba aa abbbb"),
]


@pytest.fixture
def empty(monkeypatch):
    monkeypatch.setattr(analyses, "_known", {})
    monkeypatch.setattr(analyses, "_saved", {})


def found(regex, text):
    return [(m.span(), m.groups(), m.groupdict()) for m in regex.finditer(text)]


@pytest.mark.parametrize(("pattern", "flags", "text"), CASES)
def test_saved_code_matches_as_re_compile_does(empty, tmp_path, monkeypatch, pattern, flags, text):
    source = re.compile(pattern, flags)
    first = compiled.compiled(source)
    analyses.save(tmp_path)
    monkeypatch.setattr(analyses, "_known", {})
    monkeypatch.setattr(analyses, "_saved", {})
    assert analyses.load(tmp_path)

    def no_parse(*_):
        raise AssertionError("a saved pattern was parsed again")

    monkeypatch.setattr(compiled.sre_parser, "parse", no_parse)
    again = compiled.compiled(source)
    assert found(again, text) == found(first, text) == found(source, text) != []
    assert (again.flags, again.groups, again.groupindex) == (source.flags, source.groups, source.groupindex)


def test_code_the_engine_refuses_falls_back_to_re_compile(empty, monkeypatch):
    source = re.compile(r"\bkyphoplasty\b", re.I)
    broken = _Compiled(source.flags, [999999], source.groups + 1, {})
    monkeypatch.setattr(compiled, "_compile", lambda *_: broken)
    assert found(compiled.compiled(source), "after Kyphoplasty") == [((6, 17), (), {})]


def test_what_is_loaded_for_life_is_frozen_and_the_collector_restored():
    was = gc.isenabled()
    try:
        with kept_for_life():
            kept = [{"loaded": n} for n in range(100)]
            assert not gc.isenabled()
        assert gc.isenabled() == was and gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()

"""A rule's regex compiled from the code saved with the pipeline matches as `re.compile`'s does, and is
not parsed again; code the regex engine refuses falls back to `re.compile`."""

import json
import re
import subprocess
import sys

import pytest

from analyses_helpers import new_process
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
    new_process(monkeypatch)


def found(regex, text):
    return [(m.span(), m.groups(), m.groupdict()) for m in regex.finditer(text)]


@pytest.mark.parametrize(("pattern", "flags", "text"), CASES)
def test_saved_code_matches_as_re_compile_does(empty, tmp_path, monkeypatch, pattern, flags, text):
    source = re.compile(pattern, flags)
    first = compiled.compiled(source)
    analyses.save(tmp_path)
    new_process(monkeypatch)
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


def test_malformed_saved_code_falls_back_to_re_compile(empty, tmp_path, monkeypatch):
    source = re.compile(r"(?P<n>\d+)\s+patients", re.I)
    compiled.compiled(source)
    analyses.save(tmp_path)
    saved = json.loads((tmp_path / analyses.FILE).read_text())
    for entry in saved["analyses"]["compiled"].values():
        entry[1] = entry[1][:-4]  # code cut short
    (tmp_path / analyses.FILE).write_text(json.dumps(saved))
    new_process(monkeypatch)
    assert analyses.load(tmp_path)
    assert found(compiled.compiled(source), "12 Patients") == [((0, 11), ("12",), {"n": "12"})]


def test_a_pipelines_analyses_are_read_once_per_process(empty, tmp_path, monkeypatch):
    compiled.compiled(re.compile(r"\bsacroplasty\b", re.I))
    analyses.save(tmp_path)
    reads = []
    real_loads = json.loads
    monkeypatch.setattr(analyses.json, "loads", lambda text: reads.append(1) or real_loads(text))
    assert analyses.load(tmp_path) and analyses.load(tmp_path / ".." / tmp_path.name) and len(reads) == 1


CHILD = """
import gc
from leakmine.heap import kept_for_life
kept = []
with kept_for_life():
    assert not gc.isenabled()
    kept += [{"loaded": n} for n in range(1000)]
assert gc.isenabled() and gc.get_freeze_count() >= 1000
frozen = gc.get_freeze_count()
try:
    with kept_for_life():
        raise KeyError("half loaded")
except KeyError:
    pass
assert gc.isenabled() and gc.get_freeze_count() == frozen
"""


def test_what_is_loaded_for_life_is_frozen_and_the_collector_restored():
    """In a process of its own: freezing is for the life of the process."""
    subprocess.run([sys.executable, "-c", CHILD], check=True)

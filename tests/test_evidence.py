"""Every value can be traced to its words: mention offsets re-read from the document text."""

from __future__ import annotations

from pathlib import Path

import pytest

from leakmine.pipeline import process_file

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
PAPERS = sorted((ROOT / "data" / "raw").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_mention_offsets_give_back_their_words(paper):
    for result in process_file(paper):
        text = result.document.text
        assert result.mentions, "a paper about spine surgery yields mentions"
        for m in result.mentions:
            assert text[m.start_char:m.end_char] == m.text
            assert text[m.sentence_start:m.sentence_start + len(m.sentence)] == m.sentence
            assert m.sentence_start <= m.start_char and m.end_char <= m.sentence_start + len(m.sentence)
            section = result.document.sections[m.section_index]
            assert section.start_char <= m.start_char < section.end_char and section.mined
            assert m.rule_id and m.value


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_every_json_value_has_evidence(paper):
    for result in process_file(paper):
        ids = {m.mention_id for m in result.mentions}
        assert all(e.mention_id in ids for e in result.evidence)
        supported = {(e.owner, e.field, e.value) for e in result.evidence}
        for patient in result.paper_json["patients"]:
            owner = f"patient:{patient['patient']}"
            for field in ("index_procedures", "treated_levels", "causes", "leak_locations", "leak_levels",
                          "symptoms", "treatments", "treatment_levels"):
                for value in patient[field]:
                    assert (owner, field, value) in supported, (owner, field, value)
            for field in ("age", "sex", "outcome", "follow_up"):
                if patient[field] is not None:
                    assert (owner, field, str(patient[field])) in supported, (owner, field)
            for grade in patient["muscle_grades"]:
                assert (owner, "muscle_grades", grade["value"]) in supported, (owner, grade)

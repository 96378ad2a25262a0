"""The pipeline config, the labels and ConText's targets agree, so a new extractor cannot be left out of
the mentions or silently left un-negated."""

from pathlib import Path

import pytest

from leakmine.components.context import ASSERTION_GROUPS
from leakmine.labels import CUE_PREFIX, GROUPS, LABELS, UNASSERTED
from leakmine.nlp import component_configs, load_pipeline, vocabulary_configs
from leakmine.nlp.spans import GROUP_PREFIX, SPAN_ASSIGNS

CONFIG = component_configs()
NOT_EXTRACTORS = {"leakmine_sentences", "abbreviation_detector", "leakmine_context"}
EXTRACTORS = [name for name in CONFIG if name not in NOT_EXTRACTORS]
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_every_extractor_writes_a_group_named_for_it_and_every_label_has_one():
    assert all(name.startswith(GROUP_PREFIX) for name in EXTRACTORS)
    assert set(GROUPS.values()) == set(EXTRACTORS)
    assert set(GROUPS) == set(LABELS) and UNASSERTED <= set(LABELS)


def test_context_targets_every_group_whose_labels_are_findings():
    groups = CONFIG["leakmine_context"].get("groups", ASSERTION_GROUPS)
    asserted = {GROUPS[label] for label in LABELS if label not in UNASSERTED}
    facts = {GROUPS[label] for label in UNASSERTED}
    assert set(groups) == asserted
    assert not asserted & facts, "a group mixes findings with facts"


@pytest.mark.parametrize("name", sorted(vocabulary_configs()))
def test_vocabulary_blocks_name_their_own_group_and_label(name):
    block = vocabulary_configs()[name]
    assert GROUPS[block["label"]] == name


def test_factories_declare_what_they_assign_and_need(nlp):
    for name in EXTRACTORS:
        meta = nlp.get_pipe_meta(name)
        assert set(SPAN_ASSIGNS) <= set(meta.assigns) and meta.retokenizes, name
    assert "token.is_sent_start" in nlp.get_pipe_meta("leakmine_sentences").assigns
    # scispaCy's detector declares nothing: the only need nobody assigns is its doc._.abbreviations
    problems = {attr for attrs in nlp.analyze_pipes()["problems"].values() for attr in attrs}
    assert problems <= {"doc._.abbreviations"}


TABLE = ("Two cases\n\nTable 1\nCase\tAge/Sex\tFollow-up\n1\t67/F\t12 months\n2\t71/M\t6 months\n\n"
         "Both had epidural cement leakage after vertebroplasty; neither had weakness.")


def test_every_finding_lies_in_a_group_context_reads(nlp):
    """A finding (a label ConText qualifies) sits in its own extractor's group, which ConText reads;
    a fact may sit in another group of its extractor too (a table's cells)."""
    context_groups = set(CONFIG["leakmine_context"].get("groups", ASSERTION_GROUPS))
    seen = set()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))] + [TABLE]
    for doc in nlp.pipe(texts):
        for group in doc.spans:
            assert group.startswith(GROUP_PREFIX)
            for span in doc.spans[group]:
                assert span.label_ in LABELS
                assert GROUPS[span.label_] == group or span.label_ in UNASSERTED
                assert span.label_ in UNASSERTED or group in context_groups
                seen.add(span.label_)
    extracted = [label for label in LABELS if not label.startswith(CUE_PREFIX)]
    assert len(seen & set(extracted)) >= len(extracted) - 3  # the texts name nearly every kind of mention
    assert any(label.startswith(CUE_PREFIX) for label in seen)

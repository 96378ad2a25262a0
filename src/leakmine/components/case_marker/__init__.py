"""`leakmine_case_marker`: markers that open one patient's account in a multi-patient paper ("Case 1",
"Case 2:", "Patient 3", "the first case", "In the second patient", "Case II") -> span group
`leakmine_case_marker`, label CASE_MARKER, value the patient's order ("1", "2", ...), attrs `n` and the
rule's own (`opens_series`: "One patient ..." names the first case only where a later marker names the
next; `closes_series`: "The other patient ..." names the second of two only after such an opening).
Ingest reads section titles with the same rules (`title_case_number`: "Case 2" as a heading).

The same group holds the authors' statements of how many cases they report ("we report three cases",
"a report of two cases", "Two case reports"; counts.jsonl): label CASE_COUNT, value the count, attrs
`n` and the rule's own (`title_only`: a count that is the paper's own only in its title). A series
whose patients are never told apart has no marker, only its count."""

from collections.abc import Callable, Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from leakmine.components.case_marker.normalize import case_number, series_size
from leakmine.nlp.docs import doc_text
from leakmine.nlp.numbers import load_number_rules
from leakmine.nlp.rules import Match, Rule, find_matches, load_rules
from leakmine.nlp.spans import SPAN_ASSIGNS, write_found

GROUP = "leakmine_case_marker"
LABEL = "CASE_MARKER"
COUNT_LABEL = "CASE_COUNT"


def _numbered(text: str, rules: Sequence[Rule], number: Callable[[Match], int | None]) -> list[tuple[Match, int]]:
    """The matches of `rules` in `text` that name a `number`, with it, overlaps resolved to the first."""
    out: list[tuple[Match, int]] = []
    for m in find_matches(text, rules):
        n = number(m)
        if n is None or (out and m.start < out[-1][0].end):
            continue
        out.append((m, n))
    return out


def match_case_markers(text: str, rules: Sequence[Rule]) -> list[tuple[Match, int]]:
    """Case markers in `text` with the case number each names, overlaps resolved to the first (pure)."""
    return _numbered(text, rules, lambda m: case_number(m.groups))


@lru_cache(maxsize=1)
def load_case_marker_rules() -> tuple[Rule, ...]:
    """The case-marker rules, parsed once per process (assembly reads section titles with them too)."""
    return tuple(load_rules(__name__, labels=frozenset({LABEL})))


@lru_cache(maxsize=1)
def load_case_count_rules() -> tuple[Rule, ...]:
    """The case-count rules (counts.jsonl), parsed once per process."""
    return tuple(load_number_rules(__name__, labels=frozenset({COUNT_LABEL}), resource="counts.jsonl"))


def match_case_counts(text: str, rules: Sequence[Rule]) -> list[tuple[Match, int]]:
    """Statements of how many cases the authors report, with the count when a series can hold it
    (`series_size`), overlaps resolved to the first (pure)."""
    return _numbered(text, rules, lambda m: series_size(m.groups.get("n")))


def title_case_number(title: str) -> int | None:
    """The patient a section title opens ("Case 2", "Patient 1", "Second case"), else None."""
    found = match_case_markers(title, load_case_marker_rules()) if title else []
    return found[0][1] if found else None


class CaseMarkerExtractor:
    def __init__(self, markers: Sequence[Rule], counts: Sequence[Rule]):
        self.markers, self.counts = markers, counts
        self.rules = (*markers, *counts)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = [(m.start, m.end, label, str(n), m.rule.id, {**m.rule.attrs, "n": n})
                 for label, matched in ((LABEL, match_case_markers(text, self.markers)),
                                        (COUNT_LABEL, match_case_counts(text, self.counts)))
                 for m, n in matched]
        return write_found(doc, GROUP, found)


@Language.factory("leakmine_case_marker", assigns=SPAN_ASSIGNS, retokenizes=True)
def make_case_marker(nlp: Language, name: str) -> CaseMarkerExtractor:
    return CaseMarkerExtractor(load_case_marker_rules(), load_case_count_rules())

"""`leakmine_level`: vertebral levels ("T12", "L2–L4", "L4/5", "T12 to L2", "T10-pelvis", "the twelfth
thoracic vertebra") -> span group `leakmine_level`, each span's value the expanded, canonical levels joined
by ";", attrs `levels` (list) and `anatomy` (what the words after it name: "vertebra", "disc",
"root", "segment" or None)."""

from spacy.language import Language
from spacy.tokens import Doc

from leakmine.components.level.normalize import (
    anatomy_after,
    label_series,
    parse_glued,
    parse_level_words,
    parse_levels,
    parse_region_numbers,
    to_sacrum,
    written_as_labels,
)
from leakmine.nlp.docs import doc_text
from leakmine.nlp.rules import Match, Rule, find_matches, load_rules
from leakmine.nlp.spans import SPAN_ASSIGNS, write_found

GROUP = "leakmine_level"
LABEL = "LEVEL"
GROUPS = frozenset({"first", "second", "upper", "region", "nums"})


def levels_of(text: str, m: Match) -> list[str]:
    """The levels one rule match names (pure)."""
    if named := m.rule.attrs.get("levels"):  # a joint named for its vertebrae ("atlantoaxial")
        return list(named)
    if m.groups.get("first"):
        return parse_glued(m.groups["first"], m.groups["second"] or "")
    if m.groups.get("upper"):
        return to_sacrum(m.groups["upper"])
    if m.groups.get("region"):
        return parse_region_numbers(m.groups["region"], m.groups["nums"] or "")
    if m.rule.id == "level.words":
        return parse_level_words(text[m.start:m.end])
    return parse_levels(text[m.start:m.end])


def match_levels(text: str, rules: list[Rule]) -> list[tuple[Match, list[str]]]:
    """Level expressions in `text` with the levels each one names, overlaps kept to the longest (pure).

    Where the text numbers a series with the same letters (time points "T0, T1, T2"), a level
    inside that series counts only when the words after it name a vertebra, disc, root or level.
    """
    series = label_series(text)
    kept: list[tuple[Match, list[str]]] = []
    for m in sorted(find_matches(text, rules), key=lambda m: (m.start - m.end, m.start)):
        if any(m.start < k.end and k.start < m.end for k, _ in kept):
            continue
        if series and written_as_labels(text[m.start:m.end], series) and not anatomy_after(text[m.end:m.end + 40]):
            continue
        levels = levels_of(text, m)
        if levels:
            kept.append((m, levels))
    return sorted(kept, key=lambda ml: ml[0].start)


class LevelExtractor:
    def __init__(self, rules: list[Rule]):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        return write_found(doc, GROUP, (
            (m.start, m.end, LABEL, ";".join(levels), m.rule.id,
             {"levels": levels, "anatomy": anatomy_after(text[m.end:m.end + 40])})
            for m, levels in match_levels(text, self.rules)))


@Language.factory("leakmine_level", assigns=SPAN_ASSIGNS, retokenizes=True)
def make_level(nlp: Language, name: str) -> LevelExtractor:
    return LevelExtractor(load_rules(__name__, labels=frozenset({LABEL}), groups=GROUPS))

"""`leakmine_level`: vertebral levels ("T12", "L2–L4", "L4/5", "T12 to L2") -> span group
`leakmine_level`, each span's value the expanded, canonical levels joined by ";"."""

from spacy.language import Language
from spacy.tokens import Doc

from leakmine.components.level.normalize import level_from_words, parse_levels
from leakmine.nlp.rules import Match, Rule, find_matches, load_rules
from leakmine.nlp.spans import make_span, write_group

GROUP = "leakmine_level"
LABEL = "LEVEL"


def match_levels(text: str, rules: list[Rule]) -> list[tuple[Match, list[str]]]:
    """Level expressions in `text` with the levels each one names (pure)."""
    out = []
    for m in find_matches(text, rules):
        g = m.groups
        if g.get("ordinal"):
            lvl = level_from_words(g["ordinal"], g["region"] or "")
            levels = [lvl] if lvl else []
        else:
            levels = parse_levels(text[m.start:m.end])
        if levels:
            out.append((m, levels))
    return out


class LevelExtractor:
    def __init__(self, rules: list[Rule]):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m, levels in match_levels(doc.text, self.rules):
            span = make_span(doc, m.start, m.end, LABEL, ";".join(levels), m.rule.id, {"levels": levels})
            if span is not None:
                spans.append(span)
        write_group(doc, GROUP, spans)
        return doc


@Language.factory("leakmine_level")
def make_level(nlp: Language, name: str) -> LevelExtractor:
    return LevelExtractor(load_rules(__name__, labels=frozenset({LABEL})))

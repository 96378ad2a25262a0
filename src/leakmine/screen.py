"""A cheap relevance screen before the full pipeline: does the paper name anything of the field?

A paper passes when one rule of the extractors of `SCREENED` labels (leak locations, causes, muscle
grades, treatments) matches somewhere in its text. The screen is those extractors' own rules, so it
knows no term they do not, and it pays only for the rule engine's position index and the regexes
tried where a rule's match can begin (nlp/starts.py), stopping at the first match: no tokenizer, no
spaCy `Doc`, no abbreviation detector, no ConText. A paper it drops cannot give such a mention: every
mention is a rule match (a short form such as "BKP" takes its value through its long form, a match of
its own in the same text), and muscle grades, matched per sentence, begin sentences after white space,
where the whole text shows their look-behinds the same characters. Block rules and the components'
own filters only remove matches, so the screen keeps every paper they would keep and some more.

`field_screen(nlp)` gives the rules once per loaded pipeline; `is_relevant(text, rules)` is the pure
per-paper test a batch calls before extraction.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from leakmine.nlp.rules import Rule, any_match

SCREENED = frozenset({"LEAK_LOCATION", "CAUSE", "MUSCLE_GRADE", "TREATMENT"})


@lru_cache(maxsize=4)
def field_screen(nlp: Language, labels: frozenset[str] = SCREENED) -> tuple[Rule, ...]:
    """The rules of the pipeline's components for mentions with `labels`, block rules left out."""
    return tuple(rule for _, component in nlp.pipeline for rule in getattr(component, "rules", ())
                 if rule.label in labels and not rule.block)


def is_relevant(text: str, screen: tuple[Rule, ...]) -> bool:
    """Whether the extractors the screen stands for could find anything in `text`."""
    return any_match(text, screen)

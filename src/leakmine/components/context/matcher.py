"""Where ConText's rules match in a doc: what medspaCy's MedspacyMatcher finds with the same rules,
with a token pattern of lower-cased words alone matched as the phrases it spells out.

MedspacyMatcher runs every token pattern through spaCy's Matcher, which tries each at every token of
the doc (about three quarters of ConText's time over a paper); a phrase is looked up by hash in spaCy's
PhraseMatcher whatever their number. A pattern of `{"LOWER": word}` or `{"LOWER": {"IN": [...]}}`
tokens, some optional (`"OP": "?"`), spells out a list of phrases, each added under its rule's id.
Overlapping matches keep the longest, as MedspacyMatcher's `prune` does; of two rules over the same
words, the one MedspacyMatcher keeps: a token pattern's before a literal's, else the one added first.
"""

from __future__ import annotations

from itertools import product

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from leakmine.components.context.medspacy_parts import ConTextRule, prune_overlapping_matches


def spelled(pattern: list[dict]) -> list[list[str]] | None:
    """The phrases (as words) a token pattern of lower-cased words spells out, each token
    `{"LOWER": word}` or `{"LOWER": {"IN": [...]}}`, optional with `"OP": "?"`; None for any other."""
    choices = []
    for token in pattern:
        lower, op = token.get("LOWER"), token.get("OP")
        if set(token) - {"LOWER", "OP"} or op not in (None, "?"):
            return None
        words = [lower] if isinstance(lower, str) else lower.get("IN") if isinstance(lower, dict) and set(lower) == {"IN"} else None
        if not words or not all(isinstance(w, str) and w for w in words):
            return None
        choices.append([*words, ""] if op == "?" else list(words))
    phrases = [[w for w in words if w] for words in product(*choices)]
    return [list(words) for words in dict.fromkeys(map(tuple, phrases)) if words] or None


class ContextMatcher:
    """(match_id, start, end) of ConText's rules in a doc, overlaps pruned to the longest; `rule_map`
    gives each id's rule (ids as MedspacyMatcher names them: "<category>_<n>")."""

    def __init__(self, vocab: Vocab, tokenizer: Tokenizer, rules: list[ConTextRule]):
        self.rule_map: dict[str, ConTextRule] = {}
        self._tokens = Matcher(vocab)
        self._phrases = PhraseMatcher(vocab, attr="LOWER")
        self._rank: dict[int, tuple[bool, int]] = {}  # match id -> (a literal rule, order added)
        for n, rule in enumerate(rules):
            rule_id = rule._rule_id = f"{rule.category}_{n}"
            self.rule_map[rule_id] = rule
            self._rank[vocab.strings.add(rule_id)] = (rule.pattern is None, n)
            if rule.pattern is None:
                self._phrases.add(rule_id, [tokenizer(rule.literal.lower())], on_match=rule.on_match)
            elif isinstance(rule.pattern, list) and (phrases := spelled(rule.pattern)):
                self._phrases.add(rule_id, [Doc(vocab, words=words) for words in phrases], on_match=rule.on_match)
            elif isinstance(rule.pattern, list):
                self._tokens.add(rule_id, [rule.pattern], on_match=rule.on_match)
            else:
                raise ValueError(f"ConText rule {rule.literal!r}: a regex pattern is not supported")

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        matches = self._tokens(doc) + self._phrases(doc)
        return prune_overlapping_matches(sorted(matches, key=lambda m: (m[1], m[2], self._rank[m[0]])))

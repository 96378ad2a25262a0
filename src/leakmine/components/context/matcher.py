"""Where ConText's rules match in a doc: medspaCy's MedspacyMatcher for ConText rules, with a token
pattern of lower-cased words alone matched as the phrases it spells out.

MedspacyMatcher runs every token pattern through spaCy's Matcher, which tries each at every token of
the doc (about three quarters of ConText's time over a paper); a phrase is looked up by hash in spaCy's
PhraseMatcher whatever their number. A pattern of `{"LOWER": word}` or `{"LOWER": {"IN": [...]}}`
tokens, some optional (`"OP": "?"`), spells out a list of phrases, each added under its rule's id where
the tokenizer keeps every word of it whole ("cannot" is two tokens, so its pattern stays a pattern).
Overlapping matches keep the longest, as MedspacyMatcher's `prune` does.
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
        whole: dict[str, bool] = {}  # whether the tokenizer keeps a word as one token
        for n, rule in enumerate(rules):
            rule_id = rule._rule_id = f"{rule.category}_{n}"
            self.rule_map[rule_id] = rule
            if rule.pattern is None:
                self._phrases.add(rule_id, [tokenizer(rule.literal.lower())])
                continue
            phrases = spelled(rule.pattern) if isinstance(rule.pattern, list) else None
            for word in {w for words in phrases or () for w in words} - whole.keys():
                whole[word] = [t.lower_ for t in tokenizer(word)] == [word]
            if phrases and all(whole[w] for words in phrases for w in words):
                self._phrases.add(rule_id, [Doc(vocab, words=words) for words in phrases])
            elif isinstance(rule.pattern, list):
                self._tokens.add(rule_id, [rule.pattern], on_match=rule.on_match)
            else:
                raise ValueError(f"ConText rule {rule.literal!r}: a regex pattern is not supported")

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        return prune_overlapping_matches(self._tokens(doc) + self._phrases(doc))

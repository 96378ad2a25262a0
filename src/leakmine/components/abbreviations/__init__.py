"""`leakmine_abbreviations`: scispaCy's AbbreviationDetector (Schwartz & Hearst), its bracket
matcher bounded to the pairs it reads -> `doc._.abbreviations`.

The detector's matcher finds every "(" ... ")" pair of tokens however far apart: one per opening
bracket and each later closing one, so a paper that leaves a bracket open early gives the square of
its brackets (8 million pairs, 18 CPU-s and 3 GB for one 140 KB text). The detector then reads only
the pairs with at most `_INSIDE` tokens between the brackets (`scispacy.abbreviation.filter_matches`);
the same pattern with that bound finds exactly those, and nothing else changes.

For each abbreviation a doc defines, the detector adds a pattern to a second matcher (to find the
short form's other uses) and removes it at the end of the doc. It builds those patterns itself
(`{"ORTH": word}` per token), so that matcher does not check them against spaCy's pattern schema,
which cost more than the rest of the detector (0.3 ms an abbreviation). That matcher also finds a
short form in its other number ("neurological complications (NCs)", then "NC developed in 29
patients"; "(OVCF)", then "OVCFs"), which authors switch between freely.
"""

from scispacy.abbreviation import AbbreviationDetector
from spacy.language import Language
from spacy.matcher import Matcher

_INSIDE = 8  # tokens between the brackets `filter_matches` reads at most
PARENTHESIS = [{"ORTH": "("}, {"OP": f"{{1,{_INSIDE}}}"}, {"ORTH": ")"}]


class ShortFormMatcher(Matcher):
    """The detector's matcher of a short form's other uses, which adds to each short form's pattern the
    same form in its other number. A use matched as one short form and as another's other number
    ("CT" and "CTs" both defined) is the one it spells: the detector takes each use once."""

    def __init__(self, vocab, validate: bool = False) -> None:
        super().__init__(vocab, validate=validate)
        self.spelled: dict[str, set[tuple[str, ...]]] = {}  # each key's short forms as written

    def add(self, key, patterns, **kwargs) -> None:
        super().add(key, [*patterns, *(v for p in patterns if (v := other_number(p)))], **kwargs)
        self.spelled[key] = {tuple(t["ORTH"] for t in p) for p in patterns}

    def remove(self, key) -> None:
        super().remove(key)
        self.spelled.pop(key, None)

    def __call__(self, doc, *args, **kwargs):
        if args or kwargs:  # spans or alignments asked for: as the Matcher gives them
            return super().__call__(doc, *args, **kwargs)
        matches = super().__call__(doc)
        strings = self.vocab.strings
        exact = [tuple(t.text for t in doc[s:e]) in self.spelled.get(strings[k], ()) for k, s, e in matches]
        taken: set[tuple[int, int]] = set()
        out = []
        for _, (k, s, e) in sorted(zip(exact, matches, strict=True), key=lambda x: not x[0]):
            if (s, e) not in taken:
                taken.add((s, e))
                out.append((k, s, e))
        return sorted(out, key=lambda m: (m[1], m[2]))


def other_number(pattern: list[dict[str, str]]) -> list[dict[str, str]] | None:
    """A short form's pattern in its other number: "NCs" -> "NC", "OVCF" -> "OVCFs", "VAS" -> "VASs"; None
    for a form whose number does not show ("Ms", "pH")."""
    last = pattern[-1].get("ORTH", "") if pattern else ""
    if len(last) >= 3 and last.endswith("s") and last[-2].isupper():
        return [*pattern[:-1], {"ORTH": last[:-1]}]
    if len(last) >= 2 and last[-1].isupper() and last[-2].isupper():
        return [*pattern[:-1], {"ORTH": last + "s"}]
    return None


@Language.factory("leakmine_abbreviations", assigns=["doc._.abbreviations"],
                  default_config={"make_serializable": True})
def make_abbreviations(nlp: Language, name: str, make_serializable: bool) -> AbbreviationDetector:
    detector = AbbreviationDetector(nlp, name, make_serializable=make_serializable)
    detector.matcher = Matcher(nlp.vocab)
    detector.matcher.add("parenthesis", [PARENTHESIS])
    detector.global_matcher = ShortFormMatcher(nlp.vocab, validate=False)
    return detector

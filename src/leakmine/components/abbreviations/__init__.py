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
which cost more than the rest of the detector (0.3 ms an abbreviation).
"""

from scispacy.abbreviation import AbbreviationDetector
from spacy.language import Language
from spacy.matcher import Matcher

_INSIDE = 8  # tokens between the brackets `filter_matches` reads at most
PARENTHESIS = [{"ORTH": "("}, {"OP": f"{{1,{_INSIDE}}}"}, {"ORTH": ")"}]


@Language.factory("leakmine_abbreviations", assigns=["doc._.abbreviations"],
                  default_config={"make_serializable": True})
def make_abbreviations(nlp: Language, name: str, make_serializable: bool) -> AbbreviationDetector:
    detector = AbbreviationDetector(nlp, name, make_serializable=make_serializable)
    detector.matcher = Matcher(nlp.vocab)
    detector.matcher.add("parenthesis", [PARENTHESIS])
    detector.global_matcher = Matcher(nlp.vocab, validate=False)
    return detector

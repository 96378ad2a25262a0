"""`leakmine_leak_location`: where leaked cement went (intradural, epidural, foraminal, venous, ...) ->
span group `leakmine_leak_location`, each span's value a term of the `leak_locations` vocabulary of
SCHEMA.md. Locations are found in any sentence; attrs["cement_context"] says whether the sentence also
speaks of cement or a leak (cues.jsonl), for the assembly to weigh."""

from spacy.language import Language

from leakmine.nlp.rules import load_rules
from leakmine.nlp.vocab import VocabularyExtractor, load_vocabulary_rules

GROUP = "leakmine_leak_location"
LABEL = "LEAK_LOCATION"
CUE_LABEL = "CEMENT_CUE"


@Language.factory(GROUP)
def make_leak_location(nlp: Language, name: str) -> VocabularyExtractor:
    cues = load_rules(__name__, "cues.jsonl", labels=frozenset({CUE_LABEL}))
    return VocabularyExtractor(LABEL, GROUP, load_vocabulary_rules(__name__, LABEL), {"cement_context": cues})

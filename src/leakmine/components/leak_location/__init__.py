"""`leakmine_leak_location`: where leaked cement went (intradural, epidural, foraminal, venous, ...) ->
span group `leakmine_leak_location`, each span's value a term of the `leak_locations` vocabulary of
SCHEMA.md. Locations are found in any sentence; assembly keeps those of sentences that speak of cement
or a leak (a CEMENT cue, components/cue)."""

from spacy.language import Language

from leakmine.nlp.vocab import VocabularyExtractor, load_vocabulary_rules

GROUP = "leakmine_leak_location"
LABEL = "LEAK_LOCATION"


@Language.factory(GROUP)
def make_leak_location(nlp: Language, name: str) -> VocabularyExtractor:
    return VocabularyExtractor(LABEL, GROUP, load_vocabulary_rules(__name__, LABEL))

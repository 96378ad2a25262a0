"""`leakmine_symptom`: symptoms (pain, numbness, weakness, paralysis, ...) -> span group
`leakmine_symptom`, each span's value a term of the `symptoms` vocabulary of SCHEMA.md."""

from spacy.language import Language

from leakmine.nlp.vocab import VocabularyExtractor, load_vocabulary_rules

GROUP = "leakmine_symptom"
LABEL = "SYMPTOM"


@Language.factory(GROUP)
def make_symptom(nlp: Language, name: str) -> VocabularyExtractor:
    return VocabularyExtractor(LABEL, GROUP, load_vocabulary_rules(__name__, LABEL))

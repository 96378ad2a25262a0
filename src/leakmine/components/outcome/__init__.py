"""`leakmine_outcome`: the outcome (full/partial recovery, improved, no recovery) -> span group
`leakmine_outcome`, each span's value a term of the `outcome` vocabulary of SCHEMA.md."""

from spacy.language import Language

from leakmine.nlp.vocab import VocabularyExtractor, load_vocabulary_rules

GROUP = "leakmine_outcome"
LABEL = "OUTCOME"


@Language.factory(GROUP)
def make_outcome(nlp: Language, name: str) -> VocabularyExtractor:
    return VocabularyExtractor(LABEL, GROUP, load_vocabulary_rules(__name__, LABEL))

"""`leakmine_cause`: the cause of the neurological complication (cement leakage, screw malposition, ...) -> span group
`leakmine_cause`, each span's value a term of the `causes` vocabulary of SCHEMA.md."""

from spacy.language import Language

from leakmine.nlp.vocab import VocabularyExtractor, load_vocabulary_rules

GROUP = "leakmine_cause"
LABEL = "CAUSE"


@Language.factory(GROUP)
def make_cause(nlp: Language, name: str) -> VocabularyExtractor:
    return VocabularyExtractor(LABEL, GROUP, load_vocabulary_rules(__name__, LABEL))

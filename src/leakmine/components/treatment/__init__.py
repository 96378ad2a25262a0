"""`leakmine_treatment`: rescue treatments (laminectomy, durotomy, cement removal, ...) -> span group
`leakmine_treatment`, each span's value a term of the `treatments` vocabulary of SCHEMA.md."""

from spacy.language import Language

from leakmine.nlp.vocab import VocabularyExtractor, load_vocabulary_rules

GROUP = "leakmine_treatment"
LABEL = "TREATMENT"


@Language.factory(GROUP)
def make_treatment(nlp: Language, name: str) -> VocabularyExtractor:
    return VocabularyExtractor(LABEL, GROUP, load_vocabulary_rules(__name__, LABEL))

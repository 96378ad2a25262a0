"""`leakmine_procedure`: the index procedure (vertebroplasty, kyphoplasty, fusion, ...) -> span group
`leakmine_procedure`, each span's value a term of the `index_procedures` vocabulary of SCHEMA.md."""

from spacy.language import Language

from leakmine.nlp.vocab import VocabularyExtractor, load_vocabulary_rules

GROUP = "leakmine_procedure"
LABEL = "PROCEDURE"


@Language.factory(GROUP)
def make_procedure(nlp: Language, name: str) -> VocabularyExtractor:
    return VocabularyExtractor(LABEL, GROUP, load_vocabulary_rules(__name__, LABEL))

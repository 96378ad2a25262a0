"""`leakmine_vocabulary`: one component per controlled vocabulary of SCHEMA.md, each configured in
src/leakmine/nlp/extract.cfg by its span group (the component's name), its `label` and `rules`, the folder
(as a package name) holding its patterns.jsonl and vocabulary.json:

| component              | label         | rules (leakmine.components.*) | vocabulary (SCHEMA.md) |
|------------------------|---------------|-------------------------------|------------------------|
| leakmine_procedure     | PROCEDURE     | procedure                     | index_procedures       |
| leakmine_cause         | CAUSE         | cause                         | causes                 |
| leakmine_leak_location | LEAK_LOCATION | leak_location                 | leak_locations         |
| leakmine_symptom       | SYMPTOM       | symptom                       | symptoms               |
| leakmine_treatment     | TREATMENT     | treatment                     | treatments             |
| leakmine_outcome       | OUTCOME       | outcome                       | outcome                |
"""

from spacy.language import Language

from leakmine.nlp.spans import SPAN_ASSIGNS
from leakmine.nlp.vocab import VocabularyExtractor, load_vocabulary_rules


@Language.factory("leakmine_vocabulary", assigns=SPAN_ASSIGNS, retokenizes=True,
                  requires=["doc._.abbreviations", "token.is_sent_start"])
def make_vocabulary(nlp: Language, name: str, label: str, rules: str) -> VocabularyExtractor:
    return VocabularyExtractor(label, name, load_vocabulary_rules(rules, label))

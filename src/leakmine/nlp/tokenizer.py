"""scispaCy's rule tokenizer, registered so a spaCy config can name it."""

from __future__ import annotations

import warnings

from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.util import registry


@registry.tokenizers("leakmine.scispacy_tokenizer.v1")
def create_scispacy_tokenizer():
    default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp):
        nlp.tokenizer = default(nlp)  # scispaCy's rules extend the language's default ones
        with warnings.catch_warnings():  # scispaCy's infix regex trips a FutureWarning in `re`
            warnings.simplefilter("ignore", FutureWarning)
            return combined_rule_tokenizer(nlp)

    return make

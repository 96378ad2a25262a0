"""scispaCy's rule tokenizer, registered so a spaCy config can name it."""

from __future__ import annotations

import warnings
from types import SimpleNamespace

from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.util import registry


@registry.tokenizers("leakmine.scispacy_tokenizer.v1")
def create_scispacy_tokenizer():
    def make(nlp):
        # scispaCy's rules extend the language's defaults (`nlp.Defaults`); of the default tokenizer it
        # reads only `token_match`, which is the language's own: building that tokenizer is not needed.
        nlp.tokenizer = SimpleNamespace(token_match=nlp.Defaults.token_match)
        with warnings.catch_warnings():  # scispaCy's infix regex trips a FutureWarning in `re`
            warnings.simplefilter("ignore", FutureWarning)
            return combined_rule_tokenizer(nlp)

    return make

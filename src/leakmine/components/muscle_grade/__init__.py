"""`leakmine_muscle_grade`: MRC muscle grades ("grade 4+", "4/5", "M4", "MRC 3", "normal strength")
-> span group `leakmine_muscle_grade`, one span per grade, value "0"-"5" with "+"/"-" kept, attrs
`base`, `modifier`, `scale` ("MRC"), `side`, `limb` and `muscle` read from the grade's own clause."""

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from leakmine.components.muscle_grade.normalize import Anatomy, Grade, grades_of, load_anatomy
from leakmine.nlp.docs import doc_text, sentence_bounds
from leakmine.nlp.rules import Rule, find_matches_in, load_rules
from leakmine.nlp.spans import SPAN_ASSIGNS, write_found

GROUP = "leakmine_muscle_grade"
LABEL = "MUSCLE_GRADE"
GROUPS = frozenset({"g", "base", "mod", "roman", "g2", "base2", "mod2"})
VALUES = frozenset(f"{n}{m}" for n in range(6) for m in ("", "+", "-"))


def load_grade_rules(package: str) -> list[Rule]:
    """The grade rules, each fixed `value` checked to be an MRC grade."""
    return load_rules(package, labels=frozenset({LABEL}), groups=GROUPS, vocabulary=VALUES)


def doc_grades(doc: Doc, rules: list[Rule], anatomy: Anatomy) -> list[Grade]:
    """Grades of every sentence of `doc`, offsets into `doc.text`."""
    text = doc_text(doc)
    sentences = sentence_bounds(doc) if doc.has_annotation("SENT_START") else [(0, doc[:].end_char)]
    out = []
    previous = ""
    for (start, end), matches in zip(sentences, find_matches_in(text, rules, sentences), strict=True):
        sentence = text[start:end]
        for gr in grades_of(sentence, matches, anatomy, previous):
            out.append(replace(gr, start=gr.start + start, end=gr.end + start))
        previous = sentence
    return out


class MuscleGradeExtractor:
    def __init__(self, rules: list[Rule], anatomy: Anatomy):
        self.rules = rules
        self.anatomy = anatomy

    def __call__(self, doc: Doc) -> Doc:
        return write_found(doc, GROUP, ((gr.start, gr.end, LABEL, gr.value, gr.rule_id, gr.attrs())
                                        for gr in doc_grades(doc, self.rules, self.anatomy)))


@Language.factory("leakmine_muscle_grade", assigns=SPAN_ASSIGNS, retokenizes=True, requires=["token.is_sent_start"])
def make_muscle_grade(nlp: Language, name: str) -> MuscleGradeExtractor:
    return MuscleGradeExtractor(load_grade_rules(__name__), load_anatomy(__name__))

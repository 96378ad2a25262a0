"""`leakmine_table_row`: tables that list patients one per row -> span group `leakmine_table_row`, a
TABLE_ROW span over each patient's row (value its order in the table; attrs `table`, `row`, `fields`:
the cells under headings the contract knows, each [start, end, heading] counted from the row's first
character), and span group `leakmine_table_cell`, the AGE, SEX and FOLLOW_UP its cells state ("67/F"
is both an age and a sex)."""

from spacy.language import Language
from spacy.tokens import Doc

from leakmine.components.table_row.normalize import patient_rows
from leakmine.nlp.docs import doc_text
from leakmine.nlp.spans import SPAN_ASSIGNS, make_span, write_found, write_group

GROUP = "leakmine_table_row"
CELL_GROUP = "leakmine_table_cell"
LABEL = "TABLE_ROW"


def row_spans(text: str):
    """(start, end, label, value, rule_id, attrs) for every patient row of the tables in `text` (pure)."""
    for row in patient_rows(text):
        yield (row.start, row.end, LABEL, str(row.number), "table_row.patient",
               {"table": row.table, "row": row.number,
                "fields": [[start - row.start, end - row.start, name] for start, end, name in row.fields]})
        if row.age:
            cell, age = row.age
            yield cell.start, cell.end, "AGE", str(age), "table_row.age", {"age": age, "table_row": row.number}
        if row.sex:
            cell, sex = row.sex
            yield cell.start, cell.end, "SEX", sex, "table_row.sex", {"kind": "table", "cue": cell.text.lower()}
        if row.follow_up:
            cell, value = row.follow_up
            number, unit = value.split()
            yield (cell.start, cell.end, "FOLLOW_UP", value, "table_row.follow_up",
                   {"number": float(number), "unit": unit.rstrip("s")})


class TableRowExtractor:
    def __call__(self, doc: Doc) -> Doc:
        found = list(row_spans(doc_text(doc)))
        write_found(doc, GROUP, [f for f in found if f[2] == LABEL])
        cells = [make_span(doc, *f) for f in found if f[2] != LABEL]
        write_group(doc, CELL_GROUP, [s for s in cells if s is not None], longest=False)
        return doc


@Language.factory("leakmine_table_row", assigns=SPAN_ASSIGNS, retokenizes=True)
def make_table_row(nlp: Language, name: str) -> TableRowExtractor:
    return TableRowExtractor()

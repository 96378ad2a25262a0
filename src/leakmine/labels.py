"""Mention labels: what each extractor emits, its canonical `value` and its `attrs`.

| label          | component                 | value                          | attrs |
|----------------|---------------------------|--------------------------------|-------|
| AGE            | leakmine_age              | "52", or "60-69" for a range   | age (int) or age_min/age_max |
| SEX            | leakmine_sex              | "F" or "M"                     | cue ("woman", "she", ...) |
| LEVEL          | leakmine_level            | "T12;L1;L2" (expanded)         | levels (list), anatomy (vertebra, disc, root, segment) |
| MUSCLE_GRADE   | leakmine_muscle_grade     | "4+" (MRC, 0-5 with +/-)       | scale, base, modifier, side, limb, muscle |
| PROCEDURE      | leakmine_procedure        | index_procedures vocabulary    | |
| CAUSE          | leakmine_cause            | causes vocabulary              | |
| LEAK_LOCATION  | leakmine_leak_location    | leak_locations vocabulary      | |
| SYMPTOM        | leakmine_symptom          | symptoms vocabulary            | |
| TREATMENT      | leakmine_treatment        | treatments vocabulary          | |
| OUTCOME        | leakmine_outcome          | outcome vocabulary             | |
| TIMING         | leakmine_timing           | "immediate" or "delayed"       | days (float), anchor ("after", "later", "postoperative day") |
| FOLLOW_UP      | leakmine_follow_up        | "28 months"                    | number, unit |
| COHORT_SIZE    | leakmine_cohort           | "30"                           | n, denominator |
| SEX_COUNT      | leakmine_cohort           | "12M/18F"                      | n_male, n_female |
| AGE_STAT       | leakmine_cohort           | "58.4±11.2"                    | mean, sd, min, max |
| CASE_MARKER    | leakmine_case_marker      | "1", "2", ... (patient order)  | n, opens_series ("One patient ..."), closes_series ("The other patient ...") |
| CASE_COUNT     | leakmine_case_marker      | "2" to "9" (cases reported)    | n, title_only (the paper's own only in a title) |
| TABLE_ROW      | leakmine_table_row        | "1", "2", ... (row order)      | table, row, fields ([start, end, field] per cell) |
| CUE_<kind>     | leakmine_cue              | the cue kind (CUE_KINDS)       | |

ConText (`leakmine_context`) sets `negated`, `historical` and `hypothetical` on the mentions it reads (not on cues).
"""

# The words assembly reasons with (components/cue/patterns.jsonl): what a sentence is about, where
# the story stands, which role a level has, where a clause ends.
CUE_KINDS = (
    "SKIP", "LITERATURE", "CITATION", "GENERIC", "PATIENT", "WE_PRESENT", "CASE_TOLD", "REVIEW", "OUR_STUDY",
    "BROADCAST", "CEMENT", "FOLLOW_UP", "PREOP", "POSTOP", "AFTER", "RESCUE", "TREATED", "LEAK", "NO_ROLE",
    "ANATOMY", "RESCUE_SURGERY", "CLAUSE", "FLASHBACK", "BEFORE_INDEX", "INDICATION", "STORY_MOVES", "FINAL",
    "RESCUE_OPERATION", "LINKED", "UNDERGONE", "RECOVERY", "AFTER_RESCUE", "TALLY", "EACH", "ADMISSION",
    "PRESENTED", "ONSET", "IMAGING_DATED", "JOINED", "WITH", "FINITE", "PART", "RELIEF", "DURING", "MET_CASE",
    "OTHER_HEMATOMA", "SELECTED", "DIAGNOSIS", "OPERATED", "PLANNED", "WAS_PLANNED", "RECURRENCE",
)
CUE_PREFIX = "CUE_"


def cue_label(kind: str) -> str:
    """The mention label of a cue kind: "CUE_LITERATURE"."""
    return CUE_PREFIX + kind


# The span group (the component's name in the pipeline config) each label's mentions are written to.
GROUPS = {
    "AGE": "leakmine_age", "SEX": "leakmine_sex", "LEVEL": "leakmine_level", "MUSCLE_GRADE": "leakmine_muscle_grade",
    "PROCEDURE": "leakmine_procedure", "CAUSE": "leakmine_cause", "LEAK_LOCATION": "leakmine_leak_location",
    "SYMPTOM": "leakmine_symptom", "TREATMENT": "leakmine_treatment", "OUTCOME": "leakmine_outcome",
    "TIMING": "leakmine_timing", "FOLLOW_UP": "leakmine_follow_up", "COHORT_SIZE": "leakmine_cohort",
    "SEX_COUNT": "leakmine_cohort", "AGE_STAT": "leakmine_cohort", "CASE_MARKER": "leakmine_case_marker",
    "TABLE_ROW": "leakmine_table_row", "CASE_COUNT": "leakmine_case_marker",
    **{cue_label(kind): "leakmine_cue" for kind in CUE_KINDS},
}
LABELS = tuple(GROUPS)
# Labels whose mentions state a fact of the paper (an age, a count, a time, a case marker, a table row)
# or a word assembly reasons with (a cue), rather than a finding that can be denied, planned or past:
# ConText leaves them alone, and an extractor may write them to a group of its own besides (table cells).
# Every other label's group is one of ConText's targets (tests/test_pipeline_wiring.py checks it against
# the config and the spans).
UNASSERTED = frozenset({
    "AGE", "SEX", "TIMING", "FOLLOW_UP", "COHORT_SIZE", "SEX_COUNT", "AGE_STAT", "CASE_MARKER", "CASE_COUNT", "TABLE_ROW",
    *(cue_label(kind) for kind in CUE_KINDS),
})

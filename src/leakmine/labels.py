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
| CASE_MARKER    | leakmine_case_marker      | "1", "2", ... (patient order)  | |
| TABLE_ROW      | leakmine_table_row        | "1", "2", ... (row order)      | table, row, fields ([start, end, field] per cell) |

ConText (`leakmine_context`) sets `negated`, `historical` and `hypothetical` on every mention.
"""

LABELS = (
    "AGE", "SEX", "LEVEL", "MUSCLE_GRADE", "PROCEDURE", "CAUSE", "LEAK_LOCATION", "SYMPTOM",
    "TREATMENT", "OUTCOME", "TIMING", "FOLLOW_UP", "COHORT_SIZE", "SEX_COUNT", "AGE_STAT", "CASE_MARKER",
    "TABLE_ROW",
)

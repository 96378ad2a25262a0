"""The schema check for the rows of one paper (or a few), before they are checkpointed.

Table rows reference rows of the same paper only (mention, patient and cohort ids start with the
paper id), so checking each paper's rows alone checks the whole table set: types, closed vocabularies
and patterns, unique keys and references. It works on plain row dicts, without pandas, so that it
costs little next to mining the paper.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from leakmine.tables.schemas import SCHEMAS, SchemaError, reference_problem

Rows = dict[str, list[dict[str, Any]]]


def row_dicts(rows: dict[str, list[Any]]) -> Rows:
    """Table records (dataclasses) -> dicts of their columns, lists and dicts left as they are."""
    out: Rows = {}
    for name, schema in SCHEMAS.items():
        names = schema.names
        out[name] = [{c: getattr(r, c) for c in names} for r in rows.get(name, [])]
    return out


def check_rows(rows: Rows) -> None:
    """Raise `SchemaError` naming each violation (at most three per column)."""
    problems: list[str] = []
    for name, schema in SCHEMAS.items():
        table = rows[name]
        for column in schema.columns:
            bad = column.problems([r[column.name] for r in table])
            problems.extend(f"{name}.{column.name} row {i}: {why}" for i, why in bad[:3])
        if key := schema.key:
            keys = list(map(itemgetter(*key), table)) if table else []
            if len(set(keys)) < len(keys):
                dup = next(k for k in keys if keys.count(k) > 1)
                problems.append(f"{name}: rows share a key ({', '.join(key)}), e.g. "
                                f"{list(dup) if len(key) > 1 else [dup]}")
    if not problems:
        problems = _reference_problems(rows)
    if problems:
        raise SchemaError(problems)


def _reference_problems(rows: Rows) -> list[str]:
    problems = []
    for schema in SCHEMAS.values():
        for column in schema.columns:
            if not column.references:
                continue
            targets = {r[target] for ref in column.references
                       for table, target in [ref.split(".")] for r in rows[table]}
            values = [r[column.name] for r in rows[schema.name]]
            if why := reference_problem(schema.name, column, targets, values):
                problems.append(why)
    return problems

"""The schema check for the rows of one paper (or a few), before they are checkpointed.

Table rows reference rows of the same paper only (mention, patient and cohort ids start with the
paper id), so checking each paper's rows alone checks the whole table set: types, closed vocabularies
and patterns, unique keys and references. It works on plain row dicts, without pandas, so that it
costs little next to mining the paper.
"""

from __future__ import annotations

from typing import Any

from leakmine.tables.schemas import SCHEMAS, SchemaError, reference_problem

Rows = dict[str, list[dict[str, Any]]]


def row_dicts(rows: dict[str, list[Any]]) -> Rows:
    """Table records (dataclasses) -> dicts of their columns, lists and dicts left as they are."""
    return {name: [{c: getattr(r, c) for c in SCHEMAS[name].names} for r in rows.get(name, [])]
            for name in SCHEMAS}


def check_rows(rows: Rows) -> None:
    """Raise `SchemaError` naming each violation (at most three per column)."""
    problems: list[str] = []
    for name, schema in SCHEMAS.items():
        table = rows[name]
        for column in schema.columns:
            bad = [f"{name}.{column.name} row {i}: {why}" for i, r in enumerate(table)
                   if (why := column.problem(r[column.name]))]
            problems.extend(bad[:3])
        if schema.key:
            keys = [tuple(r[k] for k in schema.key) for r in table]
            if len(set(keys)) < len(keys):
                dup = next(k for k in keys if keys.count(k) > 1)
                problems.append(f"{name}: rows share a key ({', '.join(schema.key)}), e.g. {list(dup)}")
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

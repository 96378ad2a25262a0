"""A schema per table, derived from its record, and the strict check every table passes before writing.

The check covers column names and order, dtypes, nullability, closed vocabularies and patterns (also
inside list columns), unique non-null keys, and references between tables (every evidence mention id
is a row of `mentions`, every `patient_id` a row of `patients`).
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, fields
from functools import cached_property
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from leakmine.tables.records import TABLES

if TYPE_CHECKING:  # pandas is imported where frames are made: mining and publishing need none
    import pandas as pd

_SCALARS = {str: "string", int: "int", float: "float", bool: "bool"}
_ARROW = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
_PANDAS = {"string": "StringDtype", "int": "Int64Dtype", "float": "Float64Dtype", "bool": "BooleanDtype"}
_PY = {"string": (str,), "int": (int,), "float": (float, int), "bool": (bool,)}
# The types a value (an item, in a list<string> column) has when it surely fits, for the one pass of
# `Column.problems`: no subclasses (a bool is an int to `isinstance`, not here).
_EXACT = {"string": {str}, "int": {int}, "float": {float, int}, "bool": {bool}, "list<string>": {str}}


class SchemaError(ValueError):
    """Tables that break their schema; `problems` holds one line per violation."""

    def __init__(self, problems: list[str]):
        super().__init__("tables break their schema:\n  " + "\n  ".join(problems))
        self.problems = problems


def _kind(annotation: Any) -> tuple[str, bool, type | None]:
    """(kind, nullable, struct record) of a type annotation."""
    args = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return _kind(inner)[0], True, None
    if typing.get_origin(annotation) is list:
        (item,) = args
        return ("list<string>", False, None) if item is str else ("list<struct>", False, item)
    return _SCALARS[annotation], False, None


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # string, int, float, bool, list<string> or list<struct>
    nullable: bool
    key: bool
    allowed: tuple[Any, ...] | None
    pattern: str | None
    references: tuple[str, ...]
    struct: type | None = None

    @cached_property
    def struct_fields(self) -> list[tuple[str, str, bool]]:
        """(name, kind, nullable) of each field of a list<struct> column's items."""
        hints = typing.get_type_hints(self.struct) if self.struct else {}
        return [(name, *_kind(hint)[:2]) for name, hint in hints.items()]

    @cached_property
    def arrow_type(self) -> pa.DataType:
        if self.kind == "list<string>":
            return pa.list_(pa.string())
        if self.kind == "list<struct>":
            return pa.list_(pa.struct([(name, _ARROW[kind]) for name, kind, _ in self.struct_fields]))
        return _ARROW[self.kind]

    @cached_property
    def dtype(self) -> Any:
        import pandas as pd

        return pd.ArrowDtype(self.arrow_type) if self.kind.startswith("list") else getattr(pd, _PANDAS[self.kind])()

    @property
    def type_name(self) -> str:
        """The type as docs/tables.md writes it, e.g. `list<string>` or `Int64?`."""
        if self.kind == "list<struct>":
            return "list<struct<" + ", ".join(name for name, _, _ in self.struct_fields) + ">>"
        return {"int": "Int64", "float": "Float64", "bool": "boolean"}.get(self.kind, self.kind) + (
            "?" if self.nullable else "")

    def problem(self, value: Any) -> str | None:
        """Why one Python value cannot sit in this column, or None."""
        if value is None:
            return None if self.nullable else "missing value"
        if self.kind.startswith("list"):
            if not isinstance(value, list):
                return f"not a list: {value!r}"
            for item in value:
                why = self._item_problem(item)
                if why:
                    return why
            return None
        if not isinstance(value, _PY[self.kind]) or (self.kind != "bool" and isinstance(value, bool)):
            return f"not {self.kind}: {value!r}"
        return self._vocabulary_problem(value)

    def problems(self, values: list[Any]) -> list[tuple[int, str]]:
        """(row, why) of each of `values` that cannot sit in this column: `problem` of each, asked only
        when one pass over the column (exact built-in types, distinct values against the vocabulary and
        pattern) finds a value that may not fit."""
        if self._all_fit(values):
            return []
        return [(i, why) for i, v in enumerate(values) if (why := self.problem(v))]

    def _all_fit(self, values: list[Any]) -> bool:
        """Whether every value surely fits; False sends the column to `problem`, value by value."""
        if self.kind.startswith("list"):
            if any(type(v) is not list for v in values):
                return False
            items = [item for v in values for item in v]
            if self.kind == "list<struct>":
                return all(self._struct_fits(item) for item in items)
        else:
            items = values
        # a list's items are never None, whether or not the column may be
        exact = _EXACT[self.kind] | ({type(None)} if self.nullable and items is values else set())
        if not {type(v) for v in items} <= exact:
            return False
        distinct = {v for v in items if v is not None}
        return ((self.allowed is None or distinct <= self._allowed)
                and (self.pattern is None or all(self._pattern.fullmatch(v) for v in distinct)))

    def _struct_fits(self, item: Any) -> bool:
        return type(item) is dict and item.keys() == self._struct_names and all(
            (v is None and nullable) or type(v) in _EXACT[kind]
            for name, kind, nullable in self.struct_fields for v in (item[name],))

    @cached_property
    def _struct_names(self) -> set[str]:
        return {name for name, _, _ in self.struct_fields}

    @cached_property
    def _allowed(self) -> set[Any]:
        return set(self.allowed or ())

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def _item_problem(self, item: Any) -> str | None:
        if self.kind == "list<string>":
            if not isinstance(item, str):
                return f"list item not a string: {item!r}"
            return self._vocabulary_problem(item)
        names = [name for name, _, _ in self.struct_fields]
        if not isinstance(item, dict) or set(item) != set(names):
            return f"list item is not {{{', '.join(names)}}}: {item!r}"
        for name, kind, nullable in self.struct_fields:
            v = item[name]
            if (v is None and not nullable) or (v is not None and not isinstance(v, _PY[kind])):
                return f"{name} in list item not {kind}: {item!r}"
        return None

    def _vocabulary_problem(self, value: Any) -> str | None:
        if self.allowed is not None and value not in self.allowed:
            return f"{value!r} not in {list(self.allowed)}"
        if self.pattern and not re.fullmatch(self.pattern, value):
            return f"{value!r} does not match {self.pattern}"
        return None


@dataclass(frozen=True)
class TableSchema:
    name: str
    record: type
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def key(self) -> list[str]:
        return [c.name for c in self.columns if c.key]

    @property
    def dtypes(self) -> dict[str, Any]:
        return {c.name: c.dtype for c in self.columns}

    @cached_property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.arrow_type, nullable=c.nullable) for c in self.columns])


def schema_of(name: str, record: type) -> TableSchema:
    hints = typing.get_type_hints(record)
    columns = []
    for f in fields(record):
        kind, nullable, struct = _kind(hints[f.name])
        m = f.metadata
        columns.append(Column(f.name, kind, nullable, m["key"], m["allowed"], m["pattern"],
                              m["references"], struct))
    return TableSchema(name, record, tuple(columns))


SCHEMAS: dict[str, TableSchema] = {name: schema_of(name, record) for name, record in TABLES.items()}


def _cells(series: pd.Series) -> list[Any]:
    import pandas as pd

    return [None if v is pd.NA else v for v in series.tolist()]


def _column_problems(table: str, df: pd.DataFrame, column: Column) -> list[str]:
    if str(df[column.name].dtype) != str(column.dtype):
        return [f"{table}.{column.name}: dtype {df[column.name].dtype}, expected {column.dtype}"]
    problems = [f"{table}.{column.name} row {row}: {why}" for row, why in column.problems(_cells(df[column.name]))]
    if len(problems) > 3:
        problems[3:] = [f"{table}.{column.name}: {len(problems) - 3} more rows like these"]
    return problems


def _key_problems(schema: TableSchema, df: pd.DataFrame) -> list[str]:
    if not schema.key:
        return []
    dup = df[df.duplicated(schema.key, keep=False)]
    if dup.empty:
        return []
    first = dup.iloc[0][schema.key].tolist()
    return [f"{schema.name}: {len(dup)} rows share a key ({', '.join(schema.key)}), e.g. {first}"]


def _reference_problems(frames: dict[str, pd.DataFrame]) -> list[str]:
    problems = []
    for schema in SCHEMAS.values():
        for column in schema.columns:
            if not column.references:
                continue
            targets: set[Any] = set()
            for ref in column.references:
                table, target = ref.split(".")
                targets.update(frames[table][target].dropna().tolist())
            if why := reference_problem(schema.name, column, targets, _cells(frames[schema.name][column.name])):
                problems.append(why)
    return problems


def reference_problem(table: str, column: Column, targets: set[Any], values: list[Any]) -> str | None:
    """What is wrong with `values` of a referencing column (lists of them flattened, None passed
    over) when some are not among `targets`, the values of the columns it references."""
    flat = [v for x in values if x is not None for v in (x if isinstance(x, list) else [x])]
    missing = sorted({v for v in flat if v not in targets})
    if not missing:
        return None
    return (f"{table}.{column.name}: {len(missing)} values not found in {' or '.join(column.references)}, "
            f"e.g. {missing[0]!r}")


def validate(frames: dict[str, pd.DataFrame]) -> None:
    """Raise `SchemaError` listing every violation; return quietly when all tables conform."""
    if set(frames) != set(SCHEMAS):
        raise SchemaError([f"expected tables {sorted(SCHEMAS)}, got {sorted(frames)}"])
    problems = []
    for name, schema in SCHEMAS.items():
        df = frames[name]
        if list(df.columns) != schema.names:
            problems.append(f"{name}: columns {list(df.columns)}, expected {schema.names}")
            continue
        for column in schema.columns:
            problems.extend(_column_problems(name, df, column))
        problems.extend(_key_problems(schema, df))
    if not problems:
        problems = _reference_problems(frames)
    if problems:
        raise SchemaError(problems)

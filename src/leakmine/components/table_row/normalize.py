"""Tables that list patients one per row: headings -> fields, cells -> ages, sexes and follow-up (pure
functions over the " | "-joined rows that ingest writes for every table)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from leakmine.components.follow_up.normalize import follow_up_value
from leakmine.nlp.numbers import unit_name
from leakmine.records import CELL_SEP

_UNITS = re.compile(r"\([^)]*\)|\[[^]]*\]")
_WORDS = re.compile(r"[a-z#]+")
_AGE = re.compile(r"^\s*(\d{1,3})(?:\.\d)?\s*(?:y(?:ears?|rs?)?\.?|yo)?\s*$", re.IGNORECASE)
_SEX_WORDS = {"f": "F", "female": "F", "woman": "F", "w": "F", "m": "M", "male": "M", "man": "M"}
_AGE_SEX = re.compile(r"^\s*(?:(?P<a1>\d{1,3})\s*(?:y(?:ears?|rs?)?\.?)?\s*[/,;\s-]\s*(?P<s1>f(?:emale)?|m(?:ale)?|w(?:oman)?|man)"
                      r"|(?P<s2>f(?:emale)?|m(?:ale)?|w(?:oman)?|man)\s*[/,;\s-]\s*(?P<a2>\d{1,3})\s*(?:y(?:ears?|rs?)?\.?)?)\s*$",
                      re.IGNORECASE)
_FOLLOW_UP = re.compile(r"^\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*(?P<unit>[a-z]{1,6}\.?)?\s*$", re.IGNORECASE)
MIN_PATIENT_ROWS = 2


@dataclass
class Cell:
    start: int
    end: int
    text: str


@dataclass
class PatientRow:
    """One row of a patient table: its span, the field of each mapped cell, and its age and sex cells."""

    table: int
    number: int
    start: int
    end: int
    fields: list[tuple[int, int, str]] = field(default_factory=list)
    age: tuple[Cell, int] | None = None
    sex: tuple[Cell, str] | None = None
    follow_up: tuple[Cell, str] | None = None


@lru_cache(maxsize=1)
def heading_fields() -> dict[str, str]:
    """Normalised heading -> field (headers.json)."""
    data = json.loads(resources.files(__package__).joinpath("headers.json").read_text(encoding="utf-8"))
    return {heading: name for name, headings in data.items() if name != "comment" for heading in headings}


def heading_key(text: str) -> str:
    """"Age (years)" -> "age", "Follow-up (months)" -> "follow up"; units in brackets are dropped."""
    return " ".join(_WORDS.findall(_UNITS.sub(" ", text).lower()))


def heading_unit(text: str) -> str | None:
    """The time unit a heading gives its cells ("Follow-up (months)" -> "months")."""
    return next((inner for inner in re.findall(r"[(\[]\s*([^)\]]*?)\s*[)\]]", text)
                 if unit_name(inner) not in (None, "minute")), None)  # "Operative time (min)" is no follow-up


def split_cells(text: str, offset: int) -> list[Cell]:
    """The cells of one row written with " | " between cells (an empty cell may print as "| |")."""
    cells, pos = [], 0
    for part in text.split(CELL_SEP.strip()):
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        cells.append(Cell(offset + pos + lead, offset + pos + lead + len(stripped), stripped))
        pos += len(part) + 1
    return cells


def parse_age(text: str) -> int | None:
    m = _AGE.match(text)
    return int(m.group(1)) if m and 0 < int(m.group(1)) <= 110 else None


def parse_sex(text: str) -> str | None:
    return _SEX_WORDS.get(text.strip().strip(".").lower())


def parse_age_sex(text: str) -> tuple[int | None, str | None]:
    """"67/F", "F/67", "67 M", "male, 54" -> (age, sex)."""
    m = _AGE_SEX.match(text)
    if not m:
        return None, None
    age = int(m["a1"] or m["a2"])
    return (age if 0 < age <= 110 else None), parse_sex(m["s1"] or m["s2"])


def parse_follow_up(text: str, unit: str | None) -> str | None:
    """"24" under "Follow-up (months)" or "24 mo" -> "24 months" (the contract's form)."""
    m = _FOLLOW_UP.match(text)
    found = follow_up_value(m["n"], m["unit"] or unit or "") if m else None
    return found[0] if found else None


def patient_rows(text: str) -> list[PatientRow]:
    """Rows of the tables in `text` that each describe one patient: a table whose heading row names an
    age column (a sex column alone may list animals or groups) and at least `MIN_PATIENT_ROWS` rows with
    a readable age or sex under it."""
    out: list[PatientRow] = []
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    headings = heading_fields()
    table, columns, units, rows = 0, None, {}, []
    for start, line in [*lines, (len(text), "")]:
        if CELL_SEP not in line:
            if len(rows) >= MIN_PATIENT_ROWS:
                out.extend(rows)
            columns, rows = None, []
            continue
        cells = split_cells(line, start)
        if columns is None:
            named = {i: headings.get(heading_key(c.text)) for i, c in enumerate(cells)}
            if {"age", "age_sex"} & set(named.values()):
                table += 1
                columns = named
                units = {i: heading_unit(c.text) for i, c in enumerate(cells)}
            continue
        row = _read_row(cells, columns, units, table, len(rows) + 1, start, start + len(line))
        if row is not None:
            rows.append(row)
    return out


def _read_row(cells: list[Cell], columns: dict[int, str | None], units: dict[int, str | None], table: int,
              number: int, start: int, end: int) -> PatientRow | None:
    row = PatientRow(table, number, start, end)
    for i, cell in enumerate(cells):
        name = columns.get(i)
        if not name or not cell.text:
            continue
        row.fields.append((cell.start, cell.end, name))
        if name == "age" and (age := parse_age(cell.text)) is not None:
            row.age = (cell, age)
        elif name == "sex" and (sex := parse_sex(cell.text)):
            row.sex = (cell, sex)
        elif name in ("age", "sex", "age_sex"):
            age, sex = parse_age_sex(cell.text)
            if age is not None:
                row.age = (cell, age)
            if sex:
                row.sex = (cell, sex)
        elif name == "follow_up" and (fu := parse_follow_up(cell.text, units.get(i))):
            row.follow_up = (cell, fu)
    return row if row.age or row.sex else None

"""Reference-manager exports in RIS format ("TY  - JOUR", "T1  - Title", "AB  - Abstract", "ER  -") -> records,
also one a page printed on one line (a journal site's citation export).

A record runs from its "TY" line to its "ER" line or the next "TY"; a line without a tag continues the field
above it. Each record becomes a bibliographic record like a MEDLINE one (medline.bibliographic_record), its
abstract included.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from leakmine.ingest.medline import (
    bibliographic_record,
    first_line,
    first_value,
    record_chunks,
    run_on_line,
    tagged_fields,
    unflatten_fields,
)
from leakmine.ingest.metadata import date_year, normalize_doi

_TAG = re.compile(r"^(?P<tag>[A-Z][A-Z0-9])\s{1,2}-(?:\s+(?P<value>.*))?$")
_START = re.compile(r"^TY\s{1,2}-\s", re.MULTILINE)
# A record run onto one line, as journal sites print their citation export: each field before its tag, of a closed
# list, and its "ER" at the end. After the abstract only the tags no abstract's words hold: never a level or an MRI
# sequence ("L1 - L2", "T2 - weighted").
_RUN_ON = re.compile(r"^\s*TY\s{1,2}-\s+[A-Z]{2,6}\s+(?:AU|A1|TI|T1)\s{1,2}-\s")
_RUN_ON_TAG = re.compile(r"\s(?=(?:AU|A1|A2|A3|TI|T1|T2|T3|TT|ST|SN|PY|Y1|Y2|DA|JF|JO|JA|J2|LA|VL|IS|SP|EP|ET|KW|DO|"
                         r"UR|L1|L2|PB|CY|M1|M3|ID|C1|AD|DB|DP|N1)\s{1,2}-\s)")
_RUN_ON_ABSTRACT = re.compile(r"\s(?:AB|N2)\s{1,2}-\s")
_RUN_ON_AFTER_ABSTRACT = re.compile(r"\s(?=(?:PY|Y1|JF|JO|JA|J2|DO|UR|SN|KW|PB|N1)\s{1,2}-\s)")
_RUN_ON_END = re.compile(r"\s+ER\s{1,2}-\s*$")


def unflatten_ris(text: str) -> str | None:
    """A RIS record run onto one line (`run_on_line`) given one field a line, when it holds an abstract, else
    None."""
    return unflatten_fields(run_on_line(text, _RUN_ON), _RUN_ON_TAG, _RUN_ON_ABSTRACT, "AB  - ",
                            lambda rest: _RUN_ON_AFTER_ABSTRACT.sub("\n", _RUN_ON_END.sub("", rest)))


def is_ris(text: str) -> bool:
    """Whether pasted text opens with a RIS record ("TY  - JOUR")."""
    return bool(re.fullmatch(r"TY\s{1,2}-\s+[A-Z]{2,6}\s*", first_line(text)))


def ris_fields(text: str) -> list[tuple[str, dict[str, list[str]]]]:
    """(record text, tag -> values in order) for every record in a RIS file."""
    return [(chunk, tagged_fields(chunk, _TAG, lambda _line: True, end="ER")) for chunk in record_chunks(text, _START)]


def ris_record(fields: dict[str, list[str]]) -> dict[str, Any]:
    """Title, authors, first author, journal, year, DOI and abstract of one record."""
    first = partial(first_value, fields)
    doi = first("DO")
    return bibliographic_record(
        [a.strip() for v in fields.get("AU") or fields.get("A1") or [] for a in v.split(";") if a.strip()],  # "A; B" a line
        title=first("TI", "T1"), journal=first("JO", "JF", "T2", "JA", "J2"),
        year=date_year(first("PY", "Y1", "DA") or ""), doi=normalize_doi(doi) if doi else None,
        abstract=first("AB", "N2"))

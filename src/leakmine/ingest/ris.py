"""Reference-manager exports in RIS format ("TY  - JOUR", "T1  - Title", "AB  - Abstract", "ER  -") -> records.

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
    tagged_fields,
)
from leakmine.ingest.metadata import date_year, normalize_doi

_TAG = re.compile(r"^(?P<tag>[A-Z][A-Z0-9])\s{1,2}-(?:\s+(?P<value>.*))?$")
_START = re.compile(r"^TY\s{1,2}-\s", re.MULTILINE)


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
        fields.get("AU") or fields.get("A1") or [], title=first("TI", "T1"), journal=first("JO", "JF", "T2", "JA", "J2"),
        year=date_year(first("PY", "Y1", "DA") or ""), doi=normalize_doi(doi) if doi else None,
        abstract=first("AB", "N2"))

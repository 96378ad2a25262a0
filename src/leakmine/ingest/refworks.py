"""Reference-manager exports in RefWorks tagged format ("RT Journal Article", "T1 Title", "A1 Surname, Given",
"YR 2018", "AB Abstract") -> records, also one a page printed on one line (a journal site's citation export).

A record runs from its "RT" line to the next; each field is a line opening with its two-letter tag (a closed
list: "CT showed ..." is no tag), and a line without one continues the field above it. Each record becomes a
bibliographic record like a MEDLINE one (medline.bibliographic_record), its abstract included.
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

_TAGS = ("RT|SR|T1|T2|T3|JF|JO|FD|SP|OP|DO|VO|IS|A1|A2|A3|A4|A5|A6|AD|YR|UL|LK|AB|K1|PB|PP|SN|LA|NO|ID|ED|CY|"
         "WT|OL|DS|CL|RD|SF|SL|ST|AN|CN|IP|DB|U1|U2|U3|U4|U5")
_TAG = re.compile(rf"^(?P<tag>{_TAGS})(?:\s+(?P<value>.*))?$")
_TYPE = (r"RT\s+(?:Journal(?:\s+Article)?|Abstract|Book(?:,\s*(?:Whole|Section|Edited))?|Conference\s+Proceedings|"
         r"Generic|Report|Thesis(?:/Dissertation)?|Dissertation|Web\s+Page|Magazine\s+Article|Newspaper\s+Article)")
# a file opens with a record of a known reference type ("RT PCR was negative" opens no export); in it, a record's
# first line is "RT" and its type, of any name ("RT Unpublished Material"), not "RT was given ..." wrapped from
# an abstract
_OPENS = re.compile(rf"{_TYPE}\s*")
_START = re.compile(r"^RT\s+[A-Z][\w ,/&-]{2,40}$", re.MULTILINE)
# A record run onto one line, as journal sites print it: its fields before the abstract, each before its tag
# (of the few such a page prints: a title's capitals, "DS patients", are no tag); the abstract, last, from the
# first "AB" that opens no other field ("A1 Smith, AB" is an author's initials), runs to the line's end.
_RUN_ON = re.compile(rf"^\s*{_TYPE}\s+(?:SR|T1)\s")
_RUN_ON_TAG = re.compile(r"\s(?=(?:SR|T1|T2|JF|JO|FD|SP|OP|DO|VO|IS|A1|A2|YR|UL|K1|PB|SN|LA)\s)")
_RUN_ON_ABSTRACT = re.compile(rf"\sAB\s(?!(?:{_TAGS})\s)")


def unflatten_refworks(text: str) -> str | None:
    """A RefWorks record run onto one line (`run_on_line`) given one field a line, when it holds a title and an
    abstract, else None."""
    line = run_on_line(text, _RUN_ON)
    return unflatten_fields(line, _RUN_ON_TAG, _RUN_ON_ABSTRACT, "AB ") if line and " T1 " in line else None


def is_refworks(text: str) -> bool:
    """Whether pasted text opens with a RefWorks record ("RT Journal Article")."""
    return bool(_OPENS.fullmatch(first_line(text).strip()))


def refworks_fields(text: str) -> list[tuple[str, dict[str, list[str]]]]:
    """(record text, tag -> values in order) for every record in a RefWorks file."""
    return [(chunk, tagged_fields(chunk, _TAG, lambda _line: True)) for chunk in record_chunks(text, _START)]


def refworks_record(fields: dict[str, list[str]]) -> dict[str, Any]:
    """Title, authors, first author, journal, year, DOI and abstract of one record."""
    first = partial(first_value, fields)
    doi = first("DO")
    return bibliographic_record(
        fields.get("A1") or [], title=first("T1"), journal=first("JF", "JO"),
        year=date_year(first("YR") or "") or date_year(first("FD") or ""), doi=normalize_doi(doi) if doi else None,
        abstract=first("AB"))

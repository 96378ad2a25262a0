"""PubMed records saved in MEDLINE format ("PMID- 33445566", "TI  - Title", "AB  - Abstract") -> records.

A record is a run of tagged lines; a line starting with spaces continues the field above it. Records
are separated by blank lines. Each record becomes a bibliographic record like the JSON exports
(metadata.record_metadata), its abstract included.
"""

from __future__ import annotations

import re
from typing import Any

from leakmine.ingest.metadata import date_year, normalize_doi, surname

_TAG = re.compile(r"^(?P<tag>[A-Z][A-Z0-9]{1,3})\s*-\s(?P<value>.*)$")
_START = re.compile(r"^\s*PMID-\s*\d+", re.MULTILINE)


def is_medline(text: str) -> bool:
    """Whether pasted text opens with a MEDLINE-format record ("PMID- 33445566")."""
    return bool(re.match(r"\s*PMID-\s*\d+\s*$", text.lstrip().split("\n", 1)[0]))


def medline_fields(text: str) -> list[tuple[str, dict[str, list[str]]]]:
    """(record text, tag -> values in order) for every record in a MEDLINE file."""
    out: list[tuple[str, dict[str, list[str]]]] = []
    starts = [m.start() for m in _START.finditer(text)] + [len(text)]
    for a, b in zip(starts, starts[1:], strict=False):
        chunk = text[a:b].strip()
        fields: dict[str, list[str]] = {}
        last: list[str] | None = None
        for line in chunk.split("\n"):
            m = _TAG.match(line)
            if m:
                last = fields.setdefault(m.group("tag"), [])
                last.append(m.group("value").strip())
            elif last is not None and line.startswith(" ") and line.strip():
                last[-1] = f"{last[-1]} {line.strip()}"
        out.append((chunk, fields))
    return out


def medline_record(fields: dict[str, list[str]]) -> dict[str, Any]:
    """Title, authors, first author, journal, year, DOI, PMID, PMCID and abstract of one record."""
    def first(tag: str) -> str | None:
        return fields[tag][0] if fields.get(tag) else None

    full_names = fields.get("FAU") or fields.get("AU") or []
    doi = next((v for tag in ("LID", "AID") for v in fields.get(tag, []) if v.endswith("[doi]")), None)
    return {
        "title": first("TI"),
        "authors": [" ".join(reversed([p.strip() for p in n.split(",", 1)])) for n in full_names],
        "first_author": surname(full_names[0]) if full_names else None,
        "journal": first("JT") or first("TA"),
        "year": date_year(first("DP") or "") or date_year(first("DEP") or ""),
        "doi": normalize_doi(doi.removesuffix("[doi]")) if doi else None,
        "pmid": first("PMID"),
        "pmcid": first("PMC"),
        "abstract": first("AB"),
    }

"""PubMed records saved in MEDLINE format ("PMID- 33445566", "TI  - Title", "AB  - Abstract") -> records.

A record is a run of tagged lines; a line starting with spaces continues the field above it. Records
are separated by blank lines. Each record becomes a bibliographic record like the JSON exports
(metadata.record_metadata), its abstract included.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from leakmine.ingest.metadata import date_year, normalize_doi, surname

_TAG = re.compile(r"^(?P<tag>[A-Z][A-Z0-9]{1,3})\s*-\s(?P<value>.*)$")
_START = re.compile(r"^\s*PMID-\s*\d+", re.MULTILINE)
# The tags of a record a page printed on one line ("PT - JOURNAL ARTICLE AU - Ana Ruiz TI - <title> AB - ..."):
# the ones a citation export holds, each before " - " (a closed list: "CT - " inside an abstract is no tag).
_RUN_ON_TAG = re.compile(r"\s(?=(?:PMID|OWN|STAT|DCOM|LR|IS|VI|IP|DP|TI|PG|LID|AB|FAU|AU|AD|LA|PT|DEP|PL|TA|JT|JID|"
                         r"SB|MH|OT|EDAT|MHDA|CRDT|PHST|AID|PST|SO|CI|GR|COIS|4099|4100)\s+-\s)")
_FIRST_LINE = re.compile(r"\s*([^\n]*)")
_RUN_ON_START = re.compile(r"^\s*(?:PMID|PT|OWN|TI|AU)\s*-\s")


def first_line(text: str) -> str:
    """The first line of `text` that is not blank, without copying the rest."""
    return _FIRST_LINE.match(text).group(1)


def run_on_line(text: str, start: re.Pattern[str]) -> str | None:
    """The one line of a text that is a record run onto one line (`start` opens it): the whole text, or all
    of it after a line of two words or more that its title is (a title written above a pasted export), else
    None (text after the line is a paper's own, read as text)."""
    first = first_line(text)
    if start.match(first):
        return first.strip() if text.strip() == first.strip() else None
    title = " ".join(first.split()).lower()
    rest = text.strip()[len(first.strip()):].strip()
    if len(title.split()) < 2 or "\n" in rest or not start.match(rest) or title not in " ".join(rest.split()).lower():
        return None
    return rest


def unflatten_fields(line: str | None, tags: re.Pattern[str], abstract: re.Pattern[str], label: str,
                     after: Callable[[str], str] = lambda rest: rest) -> str | None:
    """A record run onto one `line` given one field a line: its fields before the abstract split before each
    tag (`tags`), the abstract (opened where `abstract` matches) under `label` with the rest of the line, as
    `after` leaves it; None without a line or an abstract."""
    opens = abstract.search(line) if line else None
    if opens is None:
        return None
    return f"{tags.sub(chr(10), line[:opens.start()])}\n{label}{after(line[opens.end():])}"


def unflatten_record(text: str) -> str | None:
    """A MEDLINE record run onto one line (`run_on_line`) given one tag a line, when it holds a title and an
    abstract, else None."""
    line = run_on_line(text, _RUN_ON_START)
    if line is None or " TI - " not in line or " AB - " not in line:
        return None
    record = _RUN_ON_TAG.sub("\n", line)
    fields = {m.group("tag"): m.group("value") for line in record.split("\n") if (m := _TAG.match(line))}
    words = {tag: len(fields.get(tag, "").split()) for tag in ("TI", "AB")}
    return record if words["TI"] >= 3 and words["AB"] >= 20 else None  # a title and an abstract, not notes


def is_medline(text: str) -> bool:
    """Whether pasted text opens with a MEDLINE-format record ("PMID- 33445566"), or is one record without
    its PMID, tag by tag ("PT  - JOURNAL ARTICLE", "TI  - ...", "AB  - ...")."""
    first = first_line(text)
    if re.match(r"PMID-\s*\d+\s*$", first):
        return True
    if _TAG.match(first) is None:  # most texts: no tag opens them, and no line is read further
        return False
    tags = {m.group("tag") for line in text.split("\n") if (m := _TAG.match(line))}
    return {"TI", "AB"} <= tags and not _START.search(text)


def record_chunks(text: str, start: re.Pattern[str]) -> list[str]:
    """The records of a tagged file, each from its `start` line (the whole text when none opens one)."""
    starts = [m.start() for m in start.finditer(text)] or [0]
    starts.append(len(text))
    return [text[a:b].strip() for a, b in zip(starts, starts[1:], strict=False)]


def tagged_fields(chunk: str, tag: re.Pattern[str], continues: Callable[[str], bool],
                  end: str | None = None) -> dict[str, list[str]]:
    """Tag -> values in order of one record: its tagged lines, a line that `continues` the field above
    added to it, the `end` tag closing the record."""
    fields: dict[str, list[str]] = {}
    last: list[str] | None = None
    for line in chunk.split("\n"):
        m = tag.match(line)
        if m and m.group("tag") == end:
            break
        if m:
            last = fields.setdefault(m.group("tag"), [])
            last.append((m.group("value") or "").strip())
        elif last is not None and line.strip() and continues(line):
            last[-1] = f"{last[-1]} {line.strip()}"
    return fields


def medline_fields(text: str) -> list[tuple[str, dict[str, list[str]]]]:
    """(record text, tag -> values in order) for every record in a MEDLINE file; a line starting with spaces
    continues the field above it."""
    return [(chunk, tagged_fields(chunk, _TAG, lambda line: line.startswith(" ")))
            for chunk in record_chunks(text, _START)]


def given_first(name: str) -> str:
    """A name printed family name first, given name first: "Pritchard, Rhys" -> "Rhys Pritchard"."""
    return " ".join(reversed([p.strip() for p in name.split(",", 1)]))


def first_value(fields: dict[str, list[str]], *tags: str) -> str | None:
    """The first value of the first of `tags` the record holds."""
    return next((fields[tag][0] for tag in tags if fields.get(tag)), None)


def bibliographic_record(names: list[str], *, title: str | None, journal: str | None, year: int | None,
                         doi: str | None, abstract: str | None, pmid: str | None = None,
                         pmcid: str | None = None) -> dict[str, Any]:
    """One exported record as every reader of exports gives it (metadata.record_metadata reads it): its
    authors' names as printed, family name first or not ("Zhao, Minghui"), given name first, and the first
    author's family name."""
    return {
        "title": title,
        "authors": [given_first(n) for n in names],
        "first_author": surname(names[0]) if names else None,
        "journal": journal,
        "year": year,
        "doi": doi,
        "pmid": pmid,
        "pmcid": pmcid,
        "abstract": abstract,
    }


def medline_record(fields: dict[str, list[str]]) -> dict[str, Any]:
    """Title, authors, first author, journal, year, DOI, PMID, PMCID and abstract of one record."""
    first = partial(first_value, fields)
    doi = next((v for tag in ("LID", "AID") for v in fields.get(tag, [])
                if v.endswith("[doi]") or re.fullmatch(r"10\.\d{4,9}/\S+", v)), None)
    return bibliographic_record(
        fields.get("FAU") or fields.get("AU") or [], title=first("TI"), journal=first("JT", "TA"),
        year=date_year(first("DP") or "") or date_year(first("DEP") or ""),
        doi=normalize_doi(doi.removesuffix("[doi]")) if doi else None, abstract=first("AB"),
        pmid=first("PMID"), pmcid=first("PMC"))

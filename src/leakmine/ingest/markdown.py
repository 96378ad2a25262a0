"""A page rendered as markdown and then run onto one line ("<title> ===== * Ann Lee * Bo Kim ## Abstract
**Background** ... **Results** ... (*n* = 45)"), given its lines back: the underlined title on a line of
its own, the listed authors as an "Authors:" line, each heading and bold run-in heading opening a
paragraph, and emphasis marks dropped."""

from __future__ import annotations

import re

from leakmine.ingest.headings import heading_kind

# The title, underlined with "=" (a setext heading), opening the line.
_UNDERLINED = re.compile(r"^(?P<title>\S[^=\n]{8,400}?)\s+={4,}(?:\s+|$)")
# A heading inside the line, the words it names before the next bold label.
_HEADING = re.compile(r"(?<=\s)#{1,6}\s+(?P<words>[^#*\n]{1,80}?)(?=\s+\*\*|\s*$)")
_NEXT_HEADING = re.compile(r"\s(?=#{1,6}\s+\S)")
_ITEM_MARK = re.compile(r"\s+\*\s+")
_BOLD = re.compile(r"(?<!\S)\*\*(?P<bold>[^*\n]{1,100})\*\*\s*")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=\S)(?P<word>[^*\n]{1,40}?)\s*\*(?![*\w])")


def _authors(rest: str) -> tuple[list[str], str] | None:
    """The "* <name>" items that open `rest` up to its first heading, and what follows them."""
    heading = _NEXT_HEADING.search(rest)
    if not rest.startswith("* ") or heading is None:
        return None
    names = _ITEM_MARK.split(rest[2:heading.start()].strip())
    if not all(2 <= len(name) <= 80 and "*" not in name for name in names):
        return None
    return names, rest[heading.start():]


def unflatten(line: str) -> str | None:
    """`line` given its markdown lines back when it is a run-on markdown page (its title underlined, or a
    known section heading inside it before a bold label), else None."""
    if "**" not in line:
        return None
    title = _UNDERLINED.match(line)
    if not title and not any(heading_kind(m.group("words")) for m in _HEADING.finditer(line)):
        return None
    out: list[str] = []
    rest = line
    if title:
        out.append(title.group("title"))
        rest = line[title.end():]
        authors = _authors(rest)
        if authors:
            out.append("Authors: " + ", ".join(authors[0]))
            rest = authors[1]
    rest = _NEXT_HEADING.sub("\n\n", " " + rest)
    rest = _HEADING.sub(lambda m: f"{m.group(0)}\n\n", rest)
    rest = _BOLD.sub(lambda m: f"\n\n{m.group('bold')}\n", rest)
    rest = _EMPHASIS.sub(lambda m: m.group("word"), rest)
    return "\n\n".join([*out, rest.strip()])


def unflatten_text(text: str) -> str:
    """`text` with each run-on markdown line (`unflatten`) given its lines back; in a page written in
    markdown, emphasis marks are dropped from its other lines too ("(*n* = 45)")."""
    if "**" not in text:
        return text
    return "\n".join(unflatten(line) or _EMPHASIS.sub(lambda m: m.group("word"), line) for line in text.split("\n"))

"""A page rendered as markdown and then run onto one line ("<title> ===== * Ann Lee * Bo Kim ## Abstract
**Background** ... **Results** ... (*n* = 45)"), given its lines back: the underlined title on a line of
its own, the listed authors as an "Authors:" line, each heading and bold run-in heading opening a paragraph,
and emphasis marks dropped."""

from __future__ import annotations

import re

# The title, underlined with "=" (a setext heading), opening the line.
_UNDERLINED = re.compile(r"^(?P<title>\S[^=\n]{8,400}?)\s+={4,}(?:\s+|$)")
# The authors, a list of "* <name>" items, before the first heading.
_AUTHORS = re.compile(r"^\*\s+(?P<names>[^#*\n]{2,80}?(?:\s+\*\s+[^#*\n]{2,80}?)*)\s+(?=#{1,6}\s)")
_ITEM_MARK = re.compile(r"\s+\*\s+")
_HEADING = re.compile(r"\s+(#{1,6}\s+\S[^#*\n]{0,80}?)\s+(?=\*\*)|\s+(?=#{1,6}\s+\S)")
_BOLD = re.compile(r"\s+\*\*(?P<bold>[^*\n]{1,100})\*\*\s*")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=\S)(?P<word>[^*\n]{1,40}?)\s*\*(?![*\w])")


def unflatten(line: str) -> str | None:
    """`line` given its markdown lines back when it is a run-on markdown page (an underlined title or a
    heading inside it, with a bold run-in heading), else None."""
    title = _UNDERLINED.match(line)
    if not (title or re.search(r"\s#{1,6}\s+\S", line)) or "**" not in line:
        return None
    out: list[str] = []
    rest = line
    if title:
        out.append(title.group("title"))
        rest = line[title.end():]
        authors = _AUTHORS.match(rest)
        if authors:
            out.append("Authors: " + ", ".join(_ITEM_MARK.split(authors.group("names"))))
            rest = rest[authors.end():]
    rest = _HEADING.sub(lambda m: f"\n\n{m.group(1)}\n\n" if m.group(1) else "\n\n", " " + rest)
    rest = _BOLD.sub(lambda m: f"\n\n{m.group('bold')}\n", rest)
    rest = _EMPHASIS.sub(lambda m: m.group("word"), rest)
    return "\n\n".join([*out, rest.strip()])


def unflatten_text(text: str) -> str:
    """`text` with each run-on markdown line (`unflatten`) given its lines back."""
    if "**" not in text:
        return text
    lines = text.split("\n")
    return "\n".join(unflatten(line) or line for line in lines)

"""Per-file limits that keep one hostile or broken input from exhausting memory or time.

A file beyond a limit raises `LimitError`, whose reason names the limit, so it becomes one error
line (or one error row of a batch) and the run goes on. Texts longer than spaCy's `max_length`
are not a limit: they are mined in pieces (leakmine.extract).
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """How much of one input file leakmine is willing to read."""

    # Bytes of one input file, after gunzip (a PubMed baseline file is ~150-250 MB of XML).
    max_input_mb: int = 320
    # Elements open at once in an XML file (JATS nests a few dozen deep).
    max_xml_depth: int = 256
    # Pages of one PDF (papers have tens; a 1,000-page PDF is a book or a thesis).
    max_pdf_pages: int = 400
    # Bytes one compressed PDF stream (page content, font, object stream) may inflate to.
    max_pdf_stream_mb: int = 64
    # Bytes all compressed PDF streams of one file (images aside) may inflate to together.
    max_pdf_inflated_mb: int = 512
    # Characters of one document's text (a long review has ~300,000).
    max_text_chars: int = 5_000_000

    @property
    def max_input_bytes(self) -> int:
        return self.max_input_mb * MB


DEFAULT = Limits()


def size(n: int) -> str:
    """A byte count for a message: "1.2 GB", "320 MB", "4 kB"."""
    for unit, scale in (("GB", 1 << 30), ("MB", MB), ("kB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"

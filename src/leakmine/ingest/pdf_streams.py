"""A PDF's compressed streams measured before the PDF is parsed, so a "Flate bomb" (a small stream
that inflates to gigabytes) is refused without being held in memory.

Each Flate-compressed stream a reader would inflate (page content, fonts, object and
cross-reference streams; images are decoded only when drawn, which leakmine never does) is inflated
in bounded pieces and only counted.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from leakmine.errors import LimitError
from leakmine.limits import MB, Limits, size

# A stream: its dictionary's end, the keyword and its end of line; the dictionary lies after "obj".
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_DICT_SPAN = 4096
_PIECE = 1 << 20


def check_streams(path: Path, data: bytes, limits: Limits) -> None:
    """Refuse a PDF whose Flate streams inflate beyond `max_pdf_stream_mb` each or
    `max_pdf_inflated_mb` together."""
    one, total_cap = limits.max_pdf_stream_mb * MB, limits.max_pdf_inflated_mb * MB
    total = 0
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - _DICT_SPAN):m.start()]
        head = head[head.rfind(b"obj") + 1:]
        layers = len(_FLATE.findall(head))
        if not layers or _IMAGE.search(head):
            continue
        end = data.find(b"endstream", m.end())
        n = inflated_size(data[m.end():end if end >= 0 else len(data)], layers, min(one, total_cap - total) + 1)
        if n > one:
            raise LimitError(str(path), f"a PDF stream inflates to more than {size(one)}", "max_pdf_stream_mb")
        total += n
        if total > total_cap:
            raise LimitError(str(path), f"PDF streams inflate to more than {size(total_cap)}",
                             "max_pdf_inflated_mb")


def inflated_size(raw: bytes, layers: int, cap: int) -> int:
    """How many bytes `raw` inflates to through `layers` Flate filters, counting no further than
    `cap`; a damaged stream counts what inflates before the damage."""
    pieces: Iterable[bytes] = (raw,)
    for _ in range(layers):
        pieces = _inflate(pieces)
    total = 0
    for piece in pieces:
        total += len(piece)
        if total >= cap:
            break
    return total


def _inflate(pieces: Iterable[bytes]) -> Iterator[bytes]:
    d = zlib.decompressobj()
    for piece in pieces:
        while piece and not d.eof:
            try:
                out = d.decompress(piece, _PIECE)
            except zlib.error:
                return
            yield out
            piece = d.unconsumed_tail

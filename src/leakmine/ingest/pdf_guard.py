"""Opening a PDF within leakmine's `Limits`, and closing it whatever state the file is in.

Before pdfminer sees the file, each Flate-compressed stream it would inflate (page content, fonts,
object and cross-reference streams; images are never inflated) is inflated in bounded pieces to
measure it: a "Flate bomb", a small stream that inflates to gigabytes, is refused without being
held in memory. The page count is read from the page tree before any page is parsed.

pdfminer inflates a damaged Flate stream one byte at a time into a growing bytes object, which takes
hours for a stream of a megabyte; `decompress_corrupted` gives the same bytes in linear time and
replaces pdfminer's function when this module loads.
"""

from __future__ import annotations

import io
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

import pdfplumber
from pdfminer import pdftypes
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfplumber.utils.exceptions import PdfminerException

from leakmine.errors import IngestError, LimitError
from leakmine.limits import MB, Limits, size

# A stream: its dictionary's end, the keyword and its end of line; the dictionary lies after "obj".
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_DICT_SPAN = 4096
_PIECE = 1 << 20
_BLOCK = 4096
log = logging.getLogger(__name__)


def open_error(path: Path, e: Exception) -> IngestError:
    """A one-line reason for a PDF pdfminer cannot read (pdfplumber wraps pdfminer's exceptions)."""
    inner = e.args[0] if isinstance(e, PdfminerException) and e.args else e
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
        return IngestError(str(path), "PDF is encrypted (a password is needed to read it)")
    return IngestError(str(path), f"PDF is damaged or not a PDF ({type(inner).__name__})")


@contextmanager
def open_pdf(path: Path, data: bytes, limits: Limits) -> Iterator[pdfplumber.PDF]:
    """The PDF opened with pdfplumber, checked against `limits`; closed on leaving, without letting
    a damaged file's error on closing hide the reason it failed."""
    check_streams(path, data, limits)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - pdfminer raises many types for damaged files
        raise open_error(path, e) from e
    try:
        try:
            pages = sum(1 for _ in islice(PDFPage.create_pages(pdf.doc), limits.max_pdf_pages + 1))
        except Exception as e:  # noqa: BLE001
            raise open_error(path, e) from e
        if pages > limits.max_pdf_pages:
            raise LimitError(str(path), f"PDF has more than {limits.max_pdf_pages} pages", "max_pdf_pages")
        yield pdf
    finally:
        try:
            pdf.close()  # walks every page again, which fails in a damaged file
        except Exception:  # noqa: BLE001
            pdf.stream.close()


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


def decompress_corrupted(data: bytes) -> bytes:
    """What a damaged Flate stream inflates to before the damage, as pdfminer's function of that
    name answers; zlib.error when the damage lies before the last 3 bytes (the checksum)."""
    d = zlib.decompressobj()
    out = []
    for start in range(0, len(data), _BLOCK):
        block = data[start:start + _BLOCK]
        before = d.copy()
        try:
            out.append(d.decompress(block))
            continue
        except zlib.error:
            d = before
        for i in range(len(block)):  # find the damaged byte, as pdfminer does
            try:
                out.append(d.decompress(block[i:i + 1]))
            except zlib.error:
                if start + i < len(data) - 3:
                    raise
                log.warning("Data-loss while decompressing corrupted data")
                return b"".join(out)
    return b"".join(out)


pdftypes.decompress_corrupted = decompress_corrupted

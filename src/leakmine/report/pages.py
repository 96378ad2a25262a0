"""Crops of PDF pages around evidence words, for the report: rendered with pdfium, stored as PNG.

A crop shows the printed lines around a quote's highlighted words, across at least `MIN_WIDTH`
points of the page. The PDF is read from the path the papers table records; a file that is gone or
whose bytes no longer hash to the paper id gives no crops (the report then shows the sentence only).
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pypdfium2 as pdfium

from leakmine.errors import LeakmineError
from leakmine.ingest import paper_bytes
from leakmine.report.build import Quote, Rect

log = logging.getLogger(__name__)
SCALE = 1.5  # pixels per PDF point: 108 dpi
LEVELS = 16  # grey levels kept: text stays crisp, files stay small
MARGIN_Y = 26.0  # points above and below the highlighted words (about two lines)
MARGIN_X = 10.0
MIN_WIDTH = 250.0


@dataclass(frozen=True)
class Crop:
    """A rectangle of one page (PDF points from its top-left) and its picture as base64 PNG."""

    page: int
    region: Rect
    png: str


def crop_key(q: Quote) -> tuple[str, int, tuple[Rect, ...]] | None:
    """What a quote's crop depends on; None when the quote is not placed on a page."""
    return (q.paper_id, q.page, q.highlights) if q.page and q.highlights else None


def region(highlights: Iterable[Rect], width: float, height: float) -> Rect:
    """The part of a page to show around highlighted boxes, kept inside the page."""
    boxes = list(highlights)
    x0, x1 = min(b[0] for b in boxes) - MARGIN_X, max(b[2] for b in boxes) + MARGIN_X
    if x1 - x0 < MIN_WIDTH:
        mid = (x0 + x1) / 2
        x0, x1 = mid - MIN_WIDTH / 2, mid + MIN_WIDTH / 2
    shift = max(0.0, -x0) - max(0.0, x1 - width)
    x0, x1 = max(0.0, x0 + shift), min(width, x1 + shift)
    top = max(0.0, min(b[1] for b in boxes) - MARGIN_Y)
    bottom = min(height, max(b[3] for b in boxes) + MARGIN_Y)
    return round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1)


def render_crop(page: pdfium.PdfPage, number: int, highlights: tuple[Rect, ...]) -> Crop:
    width, height = page.get_size()
    x0, top, x1, bottom = region(highlights, width, height)
    image = page.render(scale=SCALE, crop=(x0, height - bottom, width - x1, top), grayscale=True).to_pil()
    sink = io.BytesIO()
    image.convert("L").quantize(LEVELS).save(sink, "PNG", optimize=True)
    return Crop(number, (x0, top, x1, bottom), base64.b64encode(sink.getvalue()).decode("ascii"))


def _pdf(source_path: str, paper_id: str) -> bytes | None:
    """The PDF's bytes if the file is still there and still the paper that was mined."""
    try:
        data = paper_bytes(source_path)
    except LeakmineError as e:
        log.warning("%s: no page pictures (%s)", source_path, e.reason)
        return None
    if hashlib.sha256(data).hexdigest()[:16] != paper_id:
        log.warning("%s: no page pictures (the file changed since it was mined)", source_path)
        return None
    return data


def page_crops(quotes: Iterable[Quote], sources: dict[str, str]) -> dict[tuple, Crop]:
    """A crop per distinct placed quote; `sources` maps a PDF paper's id to its file."""
    wanted: dict[str, set[tuple]] = defaultdict(set)
    for q in quotes:
        key = crop_key(q)
        if key and q.paper_id in sources:
            wanted[q.paper_id].add(key)
    crops = {}
    for paper_id, keys in wanted.items():
        data = _pdf(sources[paper_id], paper_id)
        if data is None:
            continue
        pdf = pdfium.PdfDocument(data)
        try:
            for key in sorted(keys):
                _, number, highlights = key
                if 1 <= number <= len(pdf):
                    crops[key] = render_crop(pdf[number - 1], number, highlights)
        finally:
            pdf.close()
    return crops

"""PDF papers -> `Document` (pdfplumber geometry; layout, structure and metadata in pdf_* modules)."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pdfminer.layout import LTChar, LTContainer, LTImage
from pdfplumber.utils import extract_words

from leakmine.errors import IngestError
from leakmine.ingest.pdf_guard import open_error, open_pdf
from leakmine.ingest.pdf_layout import SPACE_RATIO, Page, layout_page, to_words
from leakmine.ingest.pdf_meta import read_meta
from leakmine.ingest.pdf_structure import Reader
from leakmine.limits import DEFAULT, Limits
from leakmine.records import Document, build_document

# Share of glyphs printed as "(cid:NNN)" above which the text layer is unusable.
CID_LIMIT = 0.2


def dedupe_chars(chars: list[dict], tolerance: float = 0.15) -> list[dict]:
    """Drop glyphs printed twice at (nearly) the same spot (within `tolerance` x the font size), as
    fake-bold headers are."""
    seen: dict[tuple[str, int, int], float] = {}
    out = []
    for c in chars:
        text, x0 = c["text"], c["x0"]
        row, col = round(c["top"]), round(x0)
        limit = tolerance * c["size"]
        if not text.isspace():
            near = (seen.get((text, row, col + d)) for d in (0, -1, 1))
            if any(x is not None and abs(x - x0) < limit for x in near):
                continue
            seen[(text, row, col)] = x0
        out.append(c)
    return out


def page_objects(page) -> tuple[list[dict], list[tuple[float, float, float, float]]]:
    """The page's glyphs (as pdfplumber char dicts, with only the keys leakmine reads) and image boxes.

    Reads pdfplumber's pdfminer layout directly: building pdfplumber's full object dicts (colours,
    matrices, graphic state) would take about as long again as parsing the page.
    """
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    height = float(page.height)
    chars: list[dict] = []
    images: list[tuple[float, float, float, float]] = []

    def walk(objs) -> None:
        for o in objs:
            if isinstance(o, LTChar):
                top = height - o.y1 + mb_top
                chars.append({"text": o.get_text(), "x0": o.x0 + mb_x0, "x1": o.x1 + mb_x0, "top": top,
                              "bottom": height - o.y0 + mb_top, "doctop": top, "upright": o.upright,
                              "size": o.size, "fontname": o.fontname})
            elif isinstance(o, LTImage):
                images.append((o.x0 + mb_x0, height - o.y1 + mb_top, o.x1 + mb_x0, height - o.y0 + mb_top))
            elif isinstance(o, LTContainer):
                walk(o)

    walk(page.layout)
    return chars, images


def _page(page, number: int) -> tuple[Page, int, int]:
    chars, images = page_objects(page)
    chars = dedupe_chars(chars)
    text_chars = sum(1 for c in chars if not c["text"].isspace())
    cid = sum(1 for c in chars if c["text"].startswith("(cid:"))
    raw = extract_words(chars, x_tolerance_ratio=SPACE_RATIO, extra_attrs=["fontname", "size"])
    width, height = float(page.width), float(page.height)
    # a page-sized image is a background or a scan under an OCR text layer, not a figure
    images = [b for b in images if (b[2] - b[0]) * (b[3] - b[1]) < 0.5 * width * height]
    words = to_words(raw, images)
    separators = [(y0, y1) for x0, y0, x1, y1 in images if x1 - x0 > 0.55 * width]
    return layout_page(number, width, height, words, separators), text_chars, cid


def read_pdf(path: Path, data: bytes, limits: Limits = DEFAULT) -> list[Document]:
    """Read one PDF paper; raise `IngestError` when it has no usable text layer or cannot be opened."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[Page] = []
    n_text = n_cid = 0
    with open_pdf(path, data, limits) as pdf:
        try:
            for number, page in enumerate(pdf.pages, start=1):
                p, t, c = _page(page, number)
                page.close()  # free the page's parsed objects; leakmine keeps only its lines
                pages.append(p)
                n_text, n_cid = n_text + t, n_cid + c
                if n_text >= 2000 and n_cid > CID_LIMIT * n_text:
                    break  # enough glyphs to judge the text layer unreadable
            info = {k: v for k, v in (pdf.metadata or {}).items() if isinstance(v, str | int | float)}
        except Exception as e:  # noqa: BLE001
            raise open_error(path, e) from e
    if n_text == 0:
        raise IngestError(str(path), "PDF has no text layer (scanned image?)")
    if n_cid > CID_LIMIT * n_text:
        raise IngestError(str(path), "PDF text layer is unreadable (cid glyph codes)")
    reader = Reader(pages)
    parts = reader.read()
    meta = read_meta(pages[0].lines, reader.front_lines, reader.title_lines, reader.author_lines, info)
    paper_id = hashlib.sha256(data).hexdigest()[:16]
    return [build_document(str(path), "pdf", meta, parts, paper_id)]

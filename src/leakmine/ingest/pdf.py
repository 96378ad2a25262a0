"""PDF papers -> `Document` (glyphs from PDFium; layout, structure and metadata in pdf_* modules)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pypdfium2 as pdfium

from leakmine.errors import IngestError
from leakmine.ingest.pdf_glyphs import group_words, image_boxes, read_glyphs
from leakmine.ingest.pdf_layout import Page, Word, layout_page, to_words
from leakmine.ingest.pdf_meta import read_meta
from leakmine.ingest.pdf_structure import Reader
from leakmine.records import Document, build_document

# Share of glyphs with no known character above which the text layer is unusable.
CID_LIMIT = 0.2
# Keys of the PDF's document information read as metadata fallbacks.
_INFO_KEYS = ("Title", "Author", "Subject", "CreationDate", "doi")


def page_words(page, number: int) -> tuple[list[Word], float, float, list, int, int]:
    """The words of one PDFium page (with boxes, fonts and the page number), its size, its figure
    boxes, and its counts of text glyphs and of glyphs with no known character."""
    left, bottom, right, top = page.get_bbox()
    width, height = right - left, top - bottom
    textpage = page.get_textpage()
    try:
        glyphs = read_glyphs(textpage.raw, top, left)
    finally:
        textpage.close()
    images = image_boxes(page, top, left)
    # a page-sized image is a background or a scan under an OCR text layer, not a figure
    images = [b for b in images if (b[2] - b[0]) * (b[3] - b[1]) < 0.5 * width * height]
    words = to_words(group_words(glyphs), images, number)
    return words, width, height, images, glyphs.count_text(), int(glyphs.unmapped.sum())


def _page(page, number: int) -> tuple[Page, int, int]:
    words, width, height, images, n_text, n_cid = page_words(page, number)
    separators = [(y0, y1) for x0, y0, x1, y1 in images if x1 - x0 > 0.55 * width]
    return layout_page(number, width, height, words, separators), n_text, n_cid


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if e.err_code in (pdfium.raw.FPDF_ERR_PASSWORD, pdfium.raw.FPDF_ERR_SECURITY):
            raise IngestError(str(path), "PDF is encrypted (a password is needed to read it)") from e
        raise IngestError(str(path), "PDF is damaged or not a PDF") from e


def pdf_info(pdf: pdfium.PdfDocument) -> dict[str, str]:
    """The document information entries leakmine reads (title, author, subject, dates, DOI)."""
    info = {}
    for key in _INFO_KEYS:
        value = pdf.get_metadata_value(key)
        if value:
            info[key] = value
    return info


def read_pdf(path: Path, data: bytes) -> list[Document]:
    """Read one PDF paper; raise `IngestError` when it has no usable text layer or cannot be opened."""
    pdf = _open(path, data)
    pages: list[Page] = []
    n_text = n_cid = 0
    try:
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            try:
                p, t, c = _page(page, number)
            finally:
                page.close()
            pages.append(p)
            n_text, n_cid = n_text + t, n_cid + c
            if n_text >= 2000 and n_cid > CID_LIMIT * n_text:
                break  # enough glyphs to judge the text layer unreadable
        info = pdf_info(pdf)
    finally:
        pdf.close()
    if n_text == 0:
        raise IngestError(str(path), "PDF has no text layer (scanned image?)")
    if n_cid > CID_LIMIT * n_text:
        raise IngestError(str(path), "PDF text layer is unreadable (glyphs with no character codes)")
    reader = Reader(pages)
    parts = reader.read()
    meta = read_meta(pages[0].lines, reader.front_lines, reader.title_lines, reader.author_lines, info)
    paper_id = hashlib.sha256(data).hexdigest()[:16]
    return [build_document(str(path), "pdf", meta, parts, paper_id)]

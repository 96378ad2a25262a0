"""PDF papers -> `Document` (glyphs from PDFium; layout, structure and metadata in pdf_* modules)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pypdfium2 as pdfium

from leakmine.errors import IngestError, LimitError
from leakmine.ingest.metadata import (
    find_dois,
    first_author_surname,
    header_journal,
    latest_version,
    parse_byline,
    printed_year,
)
from leakmine.ingest.pdf_glyphs import group_words, image_boxes, read_glyphs
from leakmine.ingest.pdf_layout import Line, Page, Word, figure_boxes, join_words, layout_page, to_words
from leakmine.ingest.pdf_streams import check_streams
from leakmine.ingest.pdf_structure import Reader, article_type, is_cover, looks_like_byline, vocabulary
from leakmine.ingest.textclean import fix_chars, join_wrapped
from leakmine.limits import DEFAULT, Limits
from leakmine.records import Document, PaperMeta, build_document

# Share of glyphs with no known character above which the text layer is unusable.
CID_LIMIT = 0.2
# Keys of the PDF's document information read as metadata fallbacks.
_INFO_KEYS = ("Title", "Author", "Subject", "CreationDate", "doi")


# "[v2; ref status: indexed, http://...]" after the title of a versioned, openly reviewed article
_VERSION_STATUS = re.compile(r"\s*\[v\d+;[^\]]*\]\s*$")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


def authors_from(lines: list[Line]) -> list[str]:
    """Author names from byline lines, without affiliation marks (superscripts, *, digits)."""
    byline = parse_byline(" ".join(ln.text for ln in lines))
    if byline:
        return list(byline.names)
    text = " ".join(join_words([w for w in ln.words if w.size >= ln.size - 0.5]) for ln in lines)
    text = fix_chars(re.sub(r"[\d*\u2020\u2021\u00a7\u00b6#]+(?:,[\d*]+)*", " ", text))
    suffixes = set(vocabulary()["name_suffixes"])
    names = []
    for piece in _NAME_SPLIT.split(text):
        piece = " ".join(piece.split()).strip(" .")
        if re.search(r"[A-Za-z\u00c0-\u024f]{2}", piece) and len(piece.split()) <= 6 \
                and piece.lower().replace(".", "") not in suffixes:
            names.append(piece)
    return names


def _printed_doi(text: str) -> str | None:
    """The DOI printed in `text` (its latest version), a hyphen set as U+2010 read as "-"."""
    return latest_version(find_dois(text.replace("\u2010", "-")))


def paper_meta(reader: Reader, first_page: list[Line], pdf_info: dict) -> PaperMeta:
    """Title, authors, journal, year, DOI and article type from page 1; PDF info fills the gaps."""
    page_text = "\n".join(ln.text for ln in first_page)
    title = _VERSION_STATUS.sub("", fix_chars(join_wrapped([ln.text for ln in reader.title_lines]))) or None
    info_title = str(pdf_info.get("Title") or "").strip()
    if not title and len(info_title.split()) >= 3:
        title = info_title
    authors = authors_from(reader.author_lines)
    info_authors = str(pdf_info.get("Author") or "")
    publisher = re.search(r"journal|press|publish", info_authors, re.IGNORECASE)
    if not authors and looks_like_byline(info_authors) and not publisher:
        authors = [a.strip() for a in _NAME_SPLIT.split(info_authors) if a.strip()]
    year = printed_year(page_text)
    if year is None:
        m = re.match(r"D:((?:19|20)\d\d)", str(pdf_info.get("CreationDate") or ""))
        year = int(m.group(1)) if m else None
    types = [t for t in (article_type(ln.text) for ln in reader.front_lines if len(ln.text) < 60) if t]
    doi = _printed_doi(page_text) \
        or latest_version(find_dois(str(pdf_info.get("doi") or pdf_info.get("Subject") or "")))
    return PaperMeta(
        title=title, authors=authors, first_author=first_author_surname(authors),
        journal=header_journal([ln.text for ln in first_page]), year=year, doi=doi,
        article_type=types[0] if types else None,
    )


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
    raw = group_words(glyphs)
    # a page-sized image is a background or a scan under an OCR text layer, not a figure
    images = [b for b in image_boxes(page, top, left) if (b[2] - b[0]) * (b[3] - b[1]) < 0.5 * width * height]
    images = figure_boxes(raw, images)
    words = to_words(raw, images, number)
    return words, width, height, images, glyphs.count_text(), int(glyphs.unmapped.sum())


def _page(page, number: int) -> tuple[Page, int, int]:
    words, width, height, images, n_text, n_cid = page_words(page, number)
    separators = [(y0, y1) for x0, y0, x1, y1 in images if x1 - x0 > 0.55 * width]
    return layout_page(number, width, height, words, separators), n_text, n_cid


def words_on_page(path: Path, number: int) -> list[Word]:
    """The words printed on page `number` (from 1) of a PDF, each with its box in points from the
    page's top-left corner, its font and its page: what a reviewer-facing view needs to point at the
    words a value was read from. Raises `IngestError` for a PDF that cannot be opened or a page it
    does not have."""
    pdf = _open(path, path.read_bytes())
    try:
        if not 1 <= number <= len(pdf):
            raise IngestError(str(path), f"PDF has no page {number} (it has {len(pdf)})")
        page = load_page(path, pdf, number)
        try:
            return page_words(page, number)[0]
        finally:
            page.close()
    finally:
        pdf.close()


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if e.err_code in (pdfium.raw.FPDF_ERR_PASSWORD, pdfium.raw.FPDF_ERR_SECURITY):
            raise IngestError(str(path), "PDF is encrypted (a password is needed to read it)") from e
        raise IngestError(str(path), "PDF is damaged or not a PDF") from e


def load_page(path: Path, pdf: pdfium.PdfDocument, number: int) -> pdfium.PdfPage:
    """Page `number` (from 1); `IngestError` when the page is damaged."""
    try:
        return pdf[number - 1]
    except pdfium.PdfiumError as e:
        raise IngestError(str(path), f"PDF is damaged (page {number} cannot be read)") from e


def pdf_info(pdf: pdfium.PdfDocument) -> dict[str, str]:
    """The document information entries leakmine reads (title, author, subject, dates, DOI)."""
    info = {}
    for key in _INFO_KEYS:
        value = pdf.get_metadata_value(key)
        if value:
            info[key] = value
    return info


def read_pdf(path: Path, data: bytes, limits: Limits = DEFAULT) -> list[Document]:
    """Read one PDF paper; raise `IngestError` when it has no usable text layer or cannot be opened,
    `LimitError` when it is beyond `limits`."""
    check_streams(path, data, limits)
    pdf = _open(path, data)
    pages: list[Page] = []
    n_text = n_cid = 0
    try:
        if len(pdf) > limits.max_pdf_pages:
            raise LimitError(str(path), f"PDF has more than {limits.max_pdf_pages} pages", "max_pdf_pages")
        for number in range(1, len(pdf) + 1):
            page = load_page(path, pdf, number)
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
    cover = pages.pop(0) if is_cover(pages) else None  # its notices are not mined
    reader = Reader(pages)
    parts = reader.read()
    meta = paper_meta(reader, pages[0].lines, info)
    if cover is not None and meta.doi is None:
        meta.doi = _printed_doi("\n".join(ln.text for ln in cover.lines))
    paper_id = hashlib.sha256(data).hexdigest()[:16]
    return [build_document(str(path), "pdf", meta, parts, paper_id)]

"""PDF ingest: layout, structure and metadata (leakmine.ingest.pdf and the pdf_* modules).

Small PDFs are drawn here with fpdf2, line by line at fixed positions, so that column order, running
heads, captions, tables and line-end hyphens are known exactly; real journal PDFs come from the
shared corpus when it is present.
"""

import hashlib
import io
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from fpdf import FPDF
from PIL import Image

from leakmine.errors import IngestError
from leakmine.ingest.captions import caption_label
from leakmine.ingest.metadata import header_journal, latest_version, printed_year
from leakmine.ingest.pdf import read_pdf, words_on_page
from leakmine.ingest.pdf_glyphs import Glyphs, RawWord, Run, group_words
from leakmine.ingest.pdf_layout import figure_boxes, to_words
from leakmine.ingest.pdf_structure import (
    _lettering,
    article_type,
    dash_as_e,
    is_front_matter,
    looks_like_byline,
)

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
REAL = SHARED / "corpus" / "real" / "pdf"

LEFT, RIGHT, PITCH = 50, 310, 12.5

# (x, baseline y, text, style, size) per page
HEADER = [(50, 30, "Journal of Spinal Testing 12 (2031)", "I", 8)]


def _column(x: float, y: float, lines: list[str], size: float = 10, style: str = "") -> list[tuple]:
    return [(x, y + k * PITCH, text, style, size) for k, text in enumerate(lines)]


def _draw(pages: list[list[tuple]], **setup) -> bytes:
    pdf = FPDF(unit="pt", format=(595, 842))
    pdf.set_auto_page_break(False)
    for n, items in enumerate(pages, start=1):
        pdf.add_page()
        if setup.get("image"):  # an image under the text: a tinted panel, or a figure with labels on it
            pdf.image(_tinted_png(), *setup["image"])
        for x, y, text, style, size, *spacing in items:
            pdf.set_font("Times", style, size)
            pdf.set_char_spacing(spacing[0] if spacing else 0)
            pdf.text(x, y, text)
        if setup.get("page_numbers", True):
            pdf.set_font("Times", "", 8)
            pdf.text(295, 815, str(n))
        if setup.get("figure"):
            pdf.rect(*setup["figure"])
        if setup.get("watermark"):  # set diagonally across the page, as "Journal Pre-proof" is
            pdf.set_font("Helvetica", "", 40)
            with pdf.rotation(45, 300, 420):
                pdf.text(150, 420, setup["watermark"])
    if setup.get("password"):
        pdf.set_encryption(owner_password="owner", user_password=setup["password"])
    return bytes(pdf.output())


@cache
def _tinted_png() -> io.BytesIO:
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (226, 234, 244)).save(buf, format="PNG")
    return buf


INTRO = ["Cement augmentation of osteoporotic fractures is", "common, and most leaks of cement stay silent.",
         "Symptomatic leaks into the canal are rare but", "may need urgent surgical decompression."]
CASE_1 = ["An elderly woman had augmentation of two", "fractured vertebrae. Posterior fixation from T12-",
          "L2 was performed a week later because of new", "weakness of both legs, followed by decom-",
          "pression of the canal at the same session."]
CASE_2 = ["Her strength recovered over three months and", "she walked with a frame at the last visit."]
DISCUSSION = ["Early imaging after augmentation finds leaks",
              "before deficits appear, and a low threshold for",
              "computed tomography is advised after any new", "neurological complaint."]
REFERENCES = ["1. Author A, Author B. A study of leaks. Spine.", "2030;1:1-9.",
              "2. Author C. Another study. Eur Spine J. 2029;2:3-4."]


@cache
def two_column_article() -> bytes:
    page1 = HEADER + [
        (50, 80, "Delayed paraparesis after thoracolumbar cement augmentation", "B", 16),
        (50, 104, "Anna Kowalska, Peter Lindqvist and Maria Santos", "", 11),
        (50, 120, "J Spinal Test. 2031;12:33-37. doi:10.5555/jst.2031.033", "I", 8),
        (50, 146, "Abstract", "B", 11),
    ] + _column(50, 162, ["We describe a patient whose cement leak caused weakness of both legs weeks after",
                          "augmentation, and the decompression that restored her walking. Imaging after any",
                          "new neurological complaint is advised for patients treated with cement."]) + [
        (LEFT, 220, "1. Introduction", "B", 12),
        (RIGHT, 220, "2. Case presentation", "B", 12),
    ] + _column(LEFT, 238, INTRO) + _column(RIGHT, 238, CASE_1) + _column(RIGHT, 306, CASE_2) \
        + [(LEFT, 300, "Figure 1. Sagittal CT showing cement in the canal.", "I", 8)]
    # page 2 holds only a left column, as the last page of a two-column paper often does
    page2 = HEADER + [(LEFT, 80, "3. Discussion", "B", 12)] + _column(LEFT, 98, DISCUSSION) \
        + [(LEFT, 160, "References", "B", 12)] + _column(LEFT, 176, REFERENCES, size=8)
    return _draw([page1, page2])


@cache
def versioned_article() -> bytes:
    """A title wrapped over lines with an italic line and a version status, and every version's DOI."""
    page1 = HEADER + [
        (50, 80, "Cement leakage into the paravertebral veins of", "B", 16),
        (50, 100, "Ovis aries after vertebroplasty", "BI", 16),
        (50, 120, "in a sheep model [v2; ref status: indexed]", "B", 16),
        (50, 146, "Anna Kowalska1* and Peter lindqvist2", "", 11),
        (50, 162, "doi:10.5555/openrev.2031.1 (first version); doi:10.5555/openrev.2031.2", "", 8),
        (50, 190, "Abstract", "B", 11),
    ] + _column(50, 206, ["We describe the paths of cement leaking into veins after augmentation of sheep",
                          "vertebrae, and the decompression that restored walking in one of them."]) \
        + [(LEFT, 260, "1. Introduction", "B", 12)] + _column(LEFT, 278, 2 * (INTRO + CASE_1 + CASE_2 + DISCUSSION))
    return _draw([page1], watermark=WATERMARK)


WATERMARK = "Journal Pre-proof"


@cache
def read_article(data: bytes):
    (doc,) = read_pdf(Path("article.pdf"), data)
    return doc


def _section(doc, kind: str, title_part: str = ""):
    return next(s for s in doc.sections if s.kind == kind and title_part in s.title)


@pytest.mark.parametrize("field, value", [
    ("title", "Cement leakage into the paravertebral veins of Ovis aries after vertebroplasty in a sheep model"),
    ("doi", "10.5555/openrev.2031.2"),
    ("first_author", "Kowalska"),
])
def test_versioned_title_and_doi(field, value):
    assert getattr(read_article(versioned_article()).meta, field) == value


def test_diagonal_watermark_is_not_read():
    doc = read_article(versioned_article())
    assert "Pre-proof" not in doc.text and "Journal Pre" not in doc.text
    assert _section(doc, "introduction").text.startswith("Cement augmentation of osteoporotic fractures")


def test_words_on_page_keep_boxes_and_page(tmp_path):
    path = tmp_path / "article.pdf"
    path.write_bytes(two_column_article())
    words = words_on_page(path, 2)
    discussion = next(w for w in words if w.text == "Discussion")
    assert discussion.page == 2 and discussion.font == "Times-Bold"
    # "3. Discussion" is printed at x 50, baseline 80 in 12 pt type
    assert 50 < discussion.x0 < discussion.x1 < 150 and 65 < discussion.top < discussion.bottom < 85
    with pytest.raises(IngestError, match="no page 3"):
        words_on_page(path, 3)


@pytest.mark.parametrize("lines, language", [
    (["We describe a patient whose cement leak caused weakness of both legs weeks after",
      "augmentation, and the decompression that restored her walking."], "en"),
    (["Describimos una paciente cuya fuga de cemento causó debilidad de las piernas y la",
      "descompresión que le devolvió la marcha después de la cirugía de la columna."], "es"),
])
def test_section_language(lines, language):
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 120, "Abstract", "B", 11)] + _column(50, 136, lines) \
        + [(LEFT, 200, "1. Introduction", "B", 12)] + _column(LEFT, 218, 2 * (INTRO + CASE_1 + DISCUSSION))
    doc = read_article(_draw([page]))
    assert _section(doc, "abstract").language == language
    assert _section(doc, "introduction").language == "en"


def _headed_article(heading: tuple, after: list[tuple] = ()) -> bytes:
    """A one-column article whose second section opens with `heading`; `after` follows a reference list."""
    body = 2 * (INTRO + CASE_1 + DISCUSSION)
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, body) \
        + [heading] + _column(50, 475, INTRO)
    page2 = HEADER + [(50, 80, "References", "B", 12)] + _column(50, 96, REFERENCES, size=8) + list(after)
    return _draw([page, page2])


@pytest.mark.parametrize("heading, title, kind", [
    ((50, 455, "METHODS", "B", 12, 4), "METHODS", "methods"),                        # letter-spaced type
    ((50, 455, "MATERIALS AND METHODS", "B", 12, 3), "MATERIALS AND METHODS", "methods"),
])
def test_heading_classes(heading, title, kind):
    doc = read_article(_headed_article(heading))
    assert _section(doc, kind).title == title
    assert _section(doc, kind).text.startswith("Cement augmentation of osteoporotic")


def test_wrapped_heading_is_one_title():
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, 2 * (INTRO + CASE_1 + DISCUSSION)) \
        + [(50, 455, "Neurological deficits after augmentation of", "B", 12), (50, 469, "osteoporotic fractures", "B", 12)] \
        + _column(50, 487, INTRO)
    doc = read_article(_draw([page]))
    titles = [s.title for s in doc.sections]
    assert "Neurological deficits after augmentation of osteoporotic fractures" in titles


def test_sections_after_references_are_back_matter():
    after = [(50, 160, "Competing interests", "B", 12)] + _column(50, 176, ["No competing interests were disclosed."]) \
        + [(50, 200, "Comments of the second reviewer", "B", 12)] \
        + _column(50, 216, ["I have read this submission and believe it is of an acceptable standard."])
    doc = read_article(_headed_article((50, 455, "2. Discussion", "B", 12), after))
    report = next(s for s in doc.sections if "acceptable standard" in s.text)
    assert report.kind == "back-matter"
    assert "acceptable standard" not in " ".join(s.text for s in doc.sections if s.mined)


def test_table_without_caption_and_row_numbers():
    """Rows of a table continued from the page before (no caption here), numbered down the margin: the
    numbers make no column of text and the rows are no body text."""
    rows = [(50, 300 + 14 * k, str(k + 1), "", 10) for k in range(12)] \
        + [(x, 300 + 14 * k, cell, "", 10) for k in range(12)
           for x, cell in ((80, f"Compound {k + 1}"), (220, f"{k + 2}.{k}"), (320, f"{k + 5}.1"), (420, "0.07"))]
    wide = [f"{a} {b}" for a, b in zip(INTRO + DISCUSSION, CASE_1 + CASE_2 + INTRO[:1], strict=True)]
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, wide) + rows + _column(50, 480, wide)
    doc = read_article(_draw([page]))
    intro = _section(doc, "introduction").text
    assert "Compound" not in intro and "0.07" not in intro
    assert intro.count("walked with a frame at the last visit.") == 2  # the text above and below the table
    table = _section(doc, "table").text
    assert "Compound 3 | 4.2 | 7.1 | 0.07" in table


def test_keywords_set_small_after_the_abstract_are_front_matter():
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "Abstract", "B", 11)] + _column(50, 126, INTRO) \
        + [(50, 176, "Keywords:", "B", 9), (92, 176, "vertebroplasty, cement leakage, paraparesis", "", 9),
           (LEFT, 210, "1. Introduction", "B", 12)] + _column(LEFT, 228, 2 * (INTRO + CASE_1 + DISCUSSION))
    doc = read_article(_draw([page]))
    assert "Keywords" not in _section(doc, "abstract").text
    assert any(s.kind == "front-matter" and "cement leakage, paraparesis" in s.text for s in doc.sections)


def test_en_dash_printed_as_e():
    """A font that prints the en dash of ranges as "e", all through the paper."""
    lines = ["Patients aged 62e81 years had", "cement leaks at 3e5 levels, seen", "on days 2e9 after surgery."]
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, lines + INTRO + CASE_1 + DISCUSSION)
    assert _section(read_article(_draw([page])), "introduction").text.startswith(
        "Patients aged 62\u201381 years had cement leaks at 3\u20135 levels, seen on days 2\u20139 after surgery.")


@pytest.mark.parametrize("lines, dashed", [
    (["aged 62e81 years", "pp. 1573e1577", "levels L4e5"], True),
    (["aged 62\u201381 years", "titres of 1e5 and 2e6", "and 3e4 copies"], False),  # en dashes print
    (["aged 62e81 years", "1.5e10 copies"], False),                                 # no recurring ranges
])
def test_dash_as_e(lines, dashed):
    assert dash_as_e(lines) is dashed


@pytest.mark.parametrize("text, lettering", [
    ("a b c d", True), ("s nfij e yz", True), ("DNA repair", False), ("Results", False), ("2.1 PCR", False),
])
def test_lettering(text, lettering):
    assert _lettering(text) is lettering


def test_two_column_reading_order():
    doc = read_article(two_column_article())
    text = doc.text
    # the whole left column comes before the right one, and page 2 after both
    assert text.index("Cement augmentation") < text.index("may need urgent") < text.index("An elderly woman")
    assert text.index("An elderly woman") < text.index("walked with a frame") < text.index("Early imaging")
    assert "common, and most leaks of cement stay silent. Symptomatic leaks" in text


@pytest.mark.parametrize("intruder", [
    (LEFT, 255, "see www.spinaltesting-registry.org/cases", "", 10),  # a URL running into the gap
    (RIGHT - 22, 255, "[10] Registry of cement leaks.", "", 10),      # a reference label set in the gap
])
def test_glyphs_in_the_gutter_do_not_cut_columns(intruder):
    page = HEADER + [(50, 80, "Delayed paraparesis after thoracolumbar cement augmentation", "B", 16),
                     (LEFT, 120, "1. Introduction", "B", 12), (RIGHT, 120, "2. Case presentation", "B", 12)] \
        + _column(LEFT, 138, INTRO) + _column(RIGHT, 138, CASE_1 + CASE_2) \
        + [intruder] + _column(LEFT, 268, DISCUSSION) + _column(RIGHT, 268 + 3 * PITCH, INTRO)
    text = read_article(_draw([page])).text
    assert text.index("may need urgent") < text.index("Early imaging") < text.index("An elderly woman")


def test_sections_headings_and_kinds():
    doc = read_article(two_column_article())
    kinds = [(s.kind, s.title) for s in doc.sections if s.kind not in ("front-matter",)]
    assert ("title", "") in kinds
    assert ("abstract", "Abstract") in kinds
    assert ("introduction", "1. Introduction") in kinds
    assert ("case", "2. Case presentation") in kinds
    assert ("discussion", "3. Discussion") in kinds
    assert ("references", "References") in kinds
    assert _section(doc, "abstract").text.startswith("We describe a patient")
    assert _section(doc, "discussion").page_start == 2
    assert _section(doc, "case").page_start == _section(doc, "case").page_end == 1


def test_level_notation_and_hyphenation_across_lines():
    case = _section(read_article(two_column_article()), "case").text
    assert "fixation from T12-L2 was performed" in case
    assert "followed by decompression of the canal" in case


def test_running_header_and_page_numbers_removed():
    doc = read_article(two_column_article())
    for s in doc.sections:
        if s.kind != "front-matter":
            assert "Spinal Testing" not in s.text
    assert not any(line.strip() in ("1", "2") for line in doc.text.splitlines())


def test_caption_is_its_own_section():
    doc = read_article(two_column_article())
    caption = _section(doc, "caption")
    assert caption.text == "Figure 1. Sagittal CT showing cement in the canal."
    assert "Sagittal CT" not in _section(doc, "introduction").text


def test_metadata_from_first_page():
    data = two_column_article()
    doc = read_article(data)
    m = doc.meta
    assert m.title == "Delayed paraparesis after thoracolumbar cement augmentation"
    assert m.authors == ["Anna Kowalska", "Peter Lindqvist", "Maria Santos"]
    assert m.first_author == "Kowalska"
    assert (m.year, m.doi, m.journal) == (2031, "10.5555/jst.2031.033", "J Spinal Test")
    assert doc.paper_id == hashlib.sha256(data).hexdigest()[:16]
    assert doc.source_format == "pdf"


def _run_in(pdf: FPDF, x: float, y: float, head: str, rest: str) -> None:
    pdf.set_font("Times", "I", 10)
    pdf.text(x, y, head)
    width = pdf.get_string_width(head + " ")
    pdf.set_font("Times", "", 10)
    pdf.text(x + width, y, rest)


@cache
def title_block_article() -> bytes:
    """Page 1 set as Hindawi sets it: journal lines, article type, title, byline with affiliation marks,
    small print, an unlabelled abstract, then two columns with a run-in subheading."""
    pdf = FPDF(unit="pt", format=(595, 842))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    for y, text in ((50, "Spine Case Reports Today"), (60, "Volume 2031, Article ID 424242, 4 pages")):
        pdf.set_font("Times", "", 8)
        pdf.text(50, y, text)
    pdf.set_font("Times", "I", 18)
    pdf.text(50, 100, "Case Report")
    pdf.set_font("Times", "B", 18)
    pdf.text(50, 125, "Foraminal Cement Leakage after Sacral")
    pdf.text(50, 146, "Augmentation Treated by Foraminotomy")
    x = 86
    for name, mark in (("Jonas Weber,", "1"), ("Lea Marchetti,", "2"), ("and Omar Haddad", "1")):
        pdf.set_font("Times", "B", 12)
        pdf.text(x, 180, name)
        x += pdf.get_string_width(name)
        pdf.set_font("Times", "B", 7)
        pdf.text(x, 175, mark)
        x += pdf.get_string_width(mark) + 4
    small = [(196, "1Department of Spine Surgery, City Hospital, Springfield, USA"),
             (216, "Correspondence should be addressed to Jonas Weber; jweber@example.org"),
             (236, "Received 3 March 2031; Accepted 9 May 2031"),
             (256, "Copyright \u00a9 2031 Jonas Weber et al. This is an open access article distributed"),
             (266, "under the Creative Commons Attribution License, which permits unrestricted use.")]
    abstract = ["Sacral augmentation relieves the pain of insufficiency fractures, but cement may reach the",
                "sacral foramina. We report a woman with radicular pain after the procedure, relieved by a",
                "foraminotomy that removed the cement, and discuss how to prevent this complication."]
    pdf.set_font("Times", "", 9)
    for y, text in small + [(290 + k * 10.5, t) for k, t in enumerate(abstract)]:
        pdf.text(86, y, text)
    pdf.set_font("Times", "B", 12)
    pdf.text(LEFT, 350, "1. Introduction")
    pdf.text(RIGHT, 350, "2. Case Presentation")
    pdf.set_font("Times", "", 10)
    for k, text in enumerate(INTRO):
        pdf.text(LEFT, 368 + k * PITCH, text)
    _run_in(pdf, RIGHT, 368, "2.1. History and Examination.", "A woman of eighty")
    for k, text in enumerate(["years had buttock pain after sacral augmentation", "of a fracture."]):
        pdf.text(RIGHT, 368 + (k + 1) * PITCH, text)
    _run_in(pdf, RIGHT, 412, "2.2. Operation.", "A foraminotomy at S1 removed")
    pdf.text(RIGHT, 412 + PITCH, "the cement and the pain resolved.")
    return bytes(pdf.output())


def test_title_block_metadata_and_unlabelled_abstract():
    doc = read_article(title_block_article())
    m = doc.meta
    assert m.title == "Foraminal Cement Leakage after Sacral Augmentation Treated by Foraminotomy"
    assert (m.article_type, m.journal, m.year) == ("case-report", "Spine Case Reports Today", 2031)
    assert m.authors == ["Jonas Weber", "Lea Marchetti", "Omar Haddad"] and m.first_author == "Weber"
    abstract = _section(doc, "abstract")
    assert abstract.title == "Abstract" and abstract.text.startswith("Sacral augmentation relieves the pain")
    front = " ".join(s.text for s in doc.sections if s.kind == "front-matter")
    assert "Creative Commons" in front and "Correspondence should be addressed" in front
    assert "Creative Commons" not in abstract.text


def test_run_in_subheadings():
    doc = read_article(title_block_article())
    history = _section(doc, "case", "2.1.")
    assert history.title == "2.1. History and Examination"
    assert history.text == "A woman of eighty years had buttock pain after sacral augmentation of a fracture."
    operation = _section(doc, "case", "2.2.")
    assert operation.text == "A foraminotomy at S1 removed the cement and the pain resolved."
    # a heading with only subsections under it keeps its title as its text
    assert _section(doc, "case", "2. Case").text == "2. Case Presentation"


def test_table_rows_kept_as_table():
    rows = [("Variable", "Case 1", "Case 2"), ("CRP (mg/L)", "24", "67"),
            ("Leukocytes (/mm3)", "10900", "13400")]
    cells = [(x, 150 + k * 13, cell, "", 9) for k, row in enumerate(rows)
             for x, cell in zip((50, 250, 400), row, strict=True)]
    page = [(50, 80, "Results", "B", 12)] + _column(50, 98, ["Both patients had raised inflammatory markers"])
    page += [(50, 130, "Table 1: Laboratory values at admission.", "", 9)] + cells \
        + _column(50, 210, ["Cultures grew the same organism on both sides."])
    (doc,) = read_pdf(Path("table.pdf"), _draw([page]))
    table = _section(doc, "table")
    assert table.text.splitlines() == ["Variable | Case 1 | Case 2", "CRP (mg/L) | 24 | 67",
                                       "Leukocytes (/mm3) | 10900 | 13400"]
    assert _section(doc, "caption").text == "Table 1: Laboratory values at admission."
    results = _section(doc, "results").text
    assert "10900" not in results and "Cultures grew the same organism" in results


@pytest.mark.parametrize("setup, reason", [
    ({"figure": (50, 50, 400, 600), "page_numbers": False}, "no text layer"),
    ({"password": "secret"}, "encrypted"),
])
def test_unreadable_pdfs_raise(setup, reason):
    data = _draw([[]] if "figure" in setup else [HEADER], **setup)
    with pytest.raises(IngestError, match=reason):
        read_pdf(Path("x.pdf"), data)


def test_damaged_pdf_raises():
    with pytest.raises(IngestError, match="damaged"):
        read_pdf(Path("x.pdf"), b"%PDF-1.4\nnot really a pdf")


ROMAN, BOLD = Run("Times", 400, 10.0, True), Run("Times-Bold", 700, 10.0, True)
ROMAN_AGAIN = Run("Times", 400, 10.0, True, baseline=1.0)  # another text object in the same font


def _glyphs(chars: list[tuple[str, float, int]], runs=(ROMAN, BOLD, ROMAN_AGAIN)) -> Glyphs:
    """Glyphs of one line at top 100 from (text, x0, run) with 5 pt advances."""
    box = np.array([[x, 100.0, x + 5.0, 110.0] for _, x, _ in chars]).reshape(-1, 4)
    return Glyphs([c for c, _, _ in chars], np.array([ord(c) for c, _, _ in chars], dtype=np.uint32), box,
                  np.array([r for _, _, r in chars], dtype=int),
                  np.zeros(len(chars), dtype=bool), list(runs))


@pytest.mark.parametrize("chars, words", [
    ([("l", 0, 0), ("e", 5, 0), ("g", 10, 0)], ["leg"]),
    ([("l", 0, 0), ("e", 5, 0), ("g", 16, 0)], ["le", "g"]),                # a gap wider than 0.1 em
    ([("l", 0, 0), (" ", 5, 0), ("e", 5.5, 0), ("g", 10.5, 0)], ["l", "eg"]),  # a space glyph, however narrow
    ([("C", 10, 0), ("C", 10.4, 2), ("T", 15.4, 0)], ["CT"]),             # fake bold: printed twice
    ([("f", 0, 0), ("f", 0, 0), ("i", 5, 0)], ["ffi"]),                     # ligature letters share a box
    ([("g", 10, 0), ("l", 0, 0), ("e", 5, 0)], ["leg"]),                    # drawn out of order
    ([("T", 0, 0), ("h", 5, 0), ("e", 10, 1)], ["Th", "e"]),               # a font change ends a word
])
def test_group_words(chars, words):
    assert [w.text for w in group_words(_glyphs(chars))] == words


@pytest.mark.parametrize("text, run, kept", [
    ("leak", ROMAN, "leak"),
    ("label", Run("Times", 400, 10.0, False), None),                     # rotated text
    ("inside", ROMAN, None),                                             # printed on a figure
    ("\u25a0", ROMAN, None),                                             # an ornament before a heading
])
def test_to_words(text, run, kept):
    x0 = 120.0 if text == "inside" else 10.0
    words = to_words([RawWord(text, x0, 100.0, x0 + 30, 110.0, run, False)], [(100.0, 90.0, 200.0, 120.0)], 3)
    assert [w.text for w in words] == ([kept] if kept else [])
    assert all(w.font == "Times" and w.page == 3 for w in words)


@pytest.mark.parametrize("text, label", [
    ("Figure 1: Sagittal T2-weighted image", "Figure 1"),
    ("Fig. 2 Axial CT at L3", "Fig. 2"),
    ("FIGURE 3. Lateral radiograph", "FIGURE 3"),
    ("Table 1 Demographic data", "Table 1"),
    ("Table 2: Outcomes", "Table 2"),
    ("Figures show the leak", None),
    ("Table salt was restricted", None),
    ("Figure 1 shows a leak", None),
])
def test_caption_labels(text, label):
    found = caption_label(text)
    assert (found[1] if found else None) == label


@pytest.mark.parametrize("text, kind", [
    ("Case Report", "case-report"),
    ("CASE REPORT", "case-report"),
    ("S T U D Y P R O T O C O L Open Access", "protocol"),
    ("Research Article", "research-article"),
    ("Review Article", "review-article"),
    ("Case Reports in Surgery", None),
    ("Hindawi Publishing Corporation", None),
])
def test_article_type(text, kind):
    assert article_type(text) == kind


@pytest.mark.parametrize("text, expected", [
    ("Ines K. Marlow,1,2 Tobias R. Feld,1,2 and Omar J. Haddad1", True),
    ("Pieter J van Houten1 and Greta M Vos1,2", True),
    ("A. Smith*, B. Jones", True),
    ("Fatima Ruiz-Alonso1 and Tomas wendt2", True),         # a marked name first, a lower-case surname after
    ("Ruiz A*, Wendt T**, Okafor C***", True),              # family names first, initials after
    ("Ruiz A*, Department of Surgery, Metro Hospital", False),
    ("Department of Neurosurgery, Riverton Medical Center, Northfield", False),
    ("Correspondence should be addressed to Omar Haddad", False),
    ("the patient was treated with steroids", False),
])
def test_looks_like_byline(text, expected):
    assert looks_like_byline(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Copyright \u00a9 2016 A. Author et al. This is an open access article", True),
    ("* Correspondence: someone@example.org", True),
    ("1Department of Surgery, University of Northfield, Northfield, Canada", True),
    ("Received 7 March 2017; Accepted 22 August 2017", True),
    ("The patient received antibiotics at the university hospital.", False),
    ("Cement leakage corresponding to the L2 level was seen.", False),
    ("How to cite this article Author A, Author B. 2031. Leaks of cement. J Spinal Test 12:e33", True),
    ("Cite this article as: Author A. Leaks of cement. J Spinal Test. 2031", True),
    ("Please cite this paper as Author A (2031)", True),
    ("We cite this series because its leaks were symptomatic.", False),
    ("Citing this review, others reported fewer leaks.", False),
])
def test_is_front_matter(text, expected):
    assert is_front_matter(text) is expected


@pytest.mark.parametrize("dois, doi", [
    (["10.5555/openrev.6128.1", "10.5555/openrev.6128.2"], "10.5555/openrev.6128.2"),  # every version printed
    (["10.5555/jst.2031.033"], "10.5555/jst.2031.033"),
    (["10.5555/a.1", "10.5555/b.2"], "10.5555/a.1"),                                # another paper's DOI
    ([], None),
])
def test_latest_version(dois, doi):
    assert latest_version(dois) == doi


@pytest.mark.parametrize("text, year", [
    ("Volume 2018, Article ID 7316402, 6 pages", 2018),
    ("Copyright \u00a9 2013 Vandermeer et al.", 2013),
    ("International Spine Ageing (2012), 19:3, 211\u2013218", 2012),
    ("Eur Spine J. 2019;28:1-9", 2019),
    ("Received 7 March 2017; Accepted 22 August 2017", 2017),
    ("5 pages", None),
])
def test_printed_year(text, year):
    assert printed_year(text) == year


@pytest.mark.parametrize("lines, journal", [
    (["Hindawi Publishing Corporation", "Case Reports in Surgery", "Volume 2016, Article ID 1, 5 pages"],
     "Case Reports in Surgery"),
    (["Vandermeer et al. Trials 2013, 12:318"], "Trials"),
    (["International Spine Ageing (2012), 19:3, 211\u2013218"], "International Spine Ageing"),
    (["Eur J Spine Case Rep. 2023;11:88-93."], "Eur J Spine Case Rep"),
    (["Department of Surgery"], None),
])
def test_header_journal(lines, journal):
    assert header_journal(lines) == journal


# ---- real journal PDFs (shared corpus) -------------------------------------------------------

def _real(pattern: str) -> Path:
    if not REAL.is_dir():
        pytest.skip("shared corpus absent")
    return next(REAL.glob(pattern))


@cache
def _real_doc(pattern: str):
    path = _real(pattern)
    (doc,) = read_pdf(path, path.read_bytes())
    return doc


def _real_jats_facts(pmcid: str) -> dict:
    """Title, DOI, year and first author's family name of a real article, read from its JATS twin in the
    shared corpus (so that no real title or byline is written here)."""
    path = next((SHARED / "corpus" / "real" / "jats").glob(f"{pmcid}_*.xml"))
    meta = next(e for e in ET.parse(path).iter() if e.tag.endswith("article-meta"))

    def first(tag: str, **attrs: str) -> str:
        return next(" ".join("".join(e.itertext()).split()) for e in meta.iter()
                    if e.tag.endswith(tag) and all(e.get(k) == v for k, v in attrs.items()))

    year = next(int(e.findtext("{*}year")) for e in meta.iter() if e.tag.endswith("pub-date") and e.findtext("{*}year"))
    return {"title": first("article-title"), "doi": first("article-id", **{"pub-id-type": "doi"}).lower(),
            "year": year, "first_author": first("surname")}


def test_real_two_column_case_report():
    doc = _real_doc("PMC4739453_*.pdf")
    m = doc.meta
    facts = _real_jats_facts("PMC4739453")
    assert m.title.split()[:6] == facts["title"].split()[:6]
    assert (m.doi, m.year, m.first_author) == (facts["doi"], facts["year"], facts["first_author"])
    assert m.article_type == "case-report"
    titles = [(s.kind, s.title) for s in doc.sections if s.title]
    assert titles[:6] == [("abstract", "Abstract"), ("introduction", "1. Introduction"),
                          ("case", "2. Case Presentation"), ("case", "2.1. History and Examination"),
                          ("case", "2.2. Operation"), ("case", "2.3. Postoperative Course")]
    captions = [s.text for s in doc.sections if s.kind == "caption"]
    assert len(captions) == 4 and all(c.startswith("Figure") for c in captions)
    body = " ".join(s.text for s in doc.sections if s.kind not in ("front-matter", "references", "caption"))
    assert "Case Reports in Surgery" not in body
    assert "high-speed drill" in body
    assert _section(doc, "references").page_end == 5


@pytest.mark.parametrize("pattern, reason", [
    ("*SCANNED-no-text-layer.pdf", "no text layer"),
    ("*GARBLED-cid-text-layer.pdf", "unreadable \\(glyphs with no character codes\\)"),
])
def test_real_unreadable_pdfs(pattern, reason):
    path = _real(pattern)
    with pytest.raises(IngestError, match=reason):
        read_pdf(path, path.read_bytes())


# ---- other publishers' layouts (shared corpus: PDF and JATS of the same article) -------------------

MULTI = SHARED / "corpus" / "multi"


def _jats_facts(path: Path) -> dict:
    import xml.etree.ElementTree as ET

    meta = next(e for e in ET.parse(path).iter() if e.tag.endswith("article-meta"))
    doi = next((e.text for e in meta.iter() if e.tag.endswith("article-id") and e.get("pub-id-type") == "doi"), None)
    return {"doi": doi.strip().lower() if doi else None}


@pytest.mark.parametrize("stem", ["F1000R4767v2", "PMC12103844", "PMC4391421", "PMC4632522", "PMC5411863",
                                  "PMC5426739", "PMC5427463", "PMC7057695"])
def test_multi_publisher_doi(stem):
    if not MULTI.is_dir():
        pytest.skip("shared corpus absent")
    pdf = MULTI / f"{stem}.pdf"
    (doc,) = read_pdf(pdf, pdf.read_bytes())
    facts = _jats_facts(MULTI / f"{stem}.xml")
    assert doc.meta.doi == facts["doi"]  # None where the article has none (PMC4391421)
    assert doc.meta.year and doc.meta.title


ABSTRACT = ["We describe a patient whose cement leak caused weakness of both legs",
            "weeks after augmentation, and the decompression that restored her",
            "walking. Imaging after any new neurological complaint is advised for",
            "patients treated with cement, and surgeons should explain the risk of",
            "leakage before consent is taken for the augmentation procedure."]
KEY_MESSAGES = ["Cement leaks are common", "and mostly silent.", "Late deficits need", "urgent imaging.",
                "Decompression helps."]


def _boxed_article(box_x: float, abstract_x: float, heading: str, box: list[str], size: float = 9) -> bytes:
    """Page 1 with a side box printed beside the abstract, row for row, above a two-column body."""
    page = HEADER + [(50, 80, "Delayed paraparesis after thoracolumbar cement augmentation", "B", 16),
                     (50, 104, "Anna Kowalska, Peter Lindqvist and Maria Santos", "", 11),
                     (abstract_x, 146, "Abstract", "B", 11), (box_x, 146, heading, "B", size)] \
        + _column(abstract_x, 162, ABSTRACT) + _column(box_x, 162, box, size=size) \
        + [(LEFT, 250, "1. Introduction", "B", 12), (RIGHT, 250, "2. Case presentation", "B", 12)] \
        + _column(LEFT, 268, INTRO + DISCUSSION + INTRO) + _column(RIGHT, 268, CASE_1 + CASE_2 + CASE_1)
    return _draw([page])


@pytest.mark.parametrize("box_x, abstract_x, heading, box", [
    (420, 50, "Key messages", KEY_MESSAGES),                        # a box right of the abstract
    (50, 200, "Learning points", KEY_MESSAGES),                     # ... left of it
    (420, 50, "Article info", ["Received 2 May 2031", "Accepted 9 June 2031", "Published 1 July 2031",
                               "Keywords: cement", "leakage; paraparesis"]),
])
def test_side_box_beside_the_abstract_is_read_whole(box_x, abstract_x, heading, box):
    doc = read_article(_boxed_article(box_x, abstract_x, heading, box))
    abstract = _section(doc, "abstract").text
    assert abstract == " ".join(ABSTRACT)
    side = _section(doc, "front-matter", heading)
    assert side.text == " ".join(box)
    assert not any(line in s.text for s in doc.sections if s is not side for line in box)


def test_two_columns_beside_each_other_are_not_a_box():
    # two columns of one width under the title are the body, read column after column
    page = HEADER + [(50, 80, "Delayed paraparesis after thoracolumbar cement augmentation", "B", 16),
                     (LEFT, 120, "1. Introduction", "B", 12), (RIGHT, 120, "2. Case presentation", "B", 12)] \
        + _column(LEFT, 138, INTRO + DISCUSSION) + _column(RIGHT, 138, CASE_1 + CASE_2)
    doc = read_article(_draw([page]))
    assert all(s.kind != "front-matter" or "elderly" not in s.text for s in doc.sections)
    assert _section(doc, "case").text.startswith("An elderly woman")


COVER = [(50, 60, "Journal of Spinal Testing", "B", 14), (50, 80, "ISSN: 0000-0000 (Print) Journal homepage:", "", 9),
         (50, 120, "Delayed paraparesis after thoracolumbar cement augmentation", "B", 14),
         (50, 140, "Anna Kowalska, Peter Lindqvist & Maria Santos", "", 10),
         (50, 170, "To cite this article: Anna Kowalska et al. (2033) Delayed paraparesis.", "", 9),
         (50, 185, "To link to this article: https://doi.org/10.5555/jst.2031.033", "", 9),
         (50, 200, "Published online: 05 Jan 2033", "", 9),
         (50, 230, "Submit your article to this journal", "", 9), (50, 245, "View related articles", "", 9),
         (50, 700, "Full Terms & Conditions of access and use can be found at the journal homepage", "", 8)]


@pytest.mark.parametrize("cover, notice, first_page", [
    (COVER, [], 2),                                    # a publisher's cover is not read
    (None, [(50, 780, "Downloaded from https://spinaltesting.example.org on 2 May 2033", "", 8)], 1),
])
def test_prepended_cover_page(cover, notice, first_page):
    article = read_article(two_column_article())
    page1 = HEADER + [(50, 80, "Delayed paraparesis after thoracolumbar cement augmentation", "B", 16),
                      (50, 104, "Anna Kowalska, Peter Lindqvist and Maria Santos", "", 11),
                      (50, 120, "J Spinal Test. 2031;12:33-37. doi:10.5555/jst.2031.033", "I", 8),
                      (LEFT, 146, "1. Introduction", "B", 12)] + _column(LEFT, 164, INTRO + DISCUSSION) + notice
    page2 = HEADER + [(LEFT, 80, "2. Case presentation", "B", 12)] + _column(LEFT, 98, CASE_1 + CASE_2)
    page3 = HEADER + [(LEFT, 80, "3. Discussion", "B", 12)] + _column(LEFT, 98, DISCUSSION)
    doc = read_article(_draw([p for p in (cover, page1, page2, page3) if p], page_numbers=False))
    assert (doc.meta.year, doc.meta.doi, doc.meta.authors) == (2031, "10.5555/jst.2031.033", article.meta.authors)
    assert _section(doc, "introduction").page_start == first_page
    assert all("cite this article" not in s.text and "Full Terms" not in s.text for s in doc.sections)


CITING = ["Table 2. The levels treated, the volume of cement and the leaks seen on computed",
          "tomography are listed for each patient, and the leaks that reached the canal or the",
          "foramina are marked. Most leaks were small and stayed in the disc or the paravertebral",
          "veins, and only two patients needed a second operation to remove the cement."]


@pytest.mark.parametrize("block, style, rows, in_body", [
    (CITING, "", [], True),                                          # a paragraph citing a table
    (CITING, "B", [], False),                                        # a caption with a bold label
    (["Table 2. Levels treated and leaks seen in each patient"], "", [], False),  # short: a caption
    (CITING, "", [("Patient", "Level", "Leak"), ("1", "T12", "disc"), ("2", "L1", "canal"),
                  ("*Levels are counted from the sacrum upwards.",)], False),     # with a table footnote
])
def test_paragraph_opening_with_a_table_label(block, style, rows, in_body):
    """A block opening with "Table 2." in body type is a caption when it is short, has its label set off
    or sits above the table's rows; a paragraph running on from it is body text, no word lost."""
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, INTRO + DISCUSSION)
    page += [(50, 240 + PITCH * k, text, style if k == 0 else "", 10) for k, text in enumerate(block)]
    y = 240 + PITCH * len(block)
    page += [(x, y + PITCH * k, cell, "", 10) for k, row in enumerate(rows)
             for x, cell in zip((50, 200, 350), row, strict=False)]
    page += _column(50, y + PITCH * (len(rows) + 1), CASE_1 + CASE_2)
    doc = read_article(_draw([page]))
    intro = _section(doc, "introduction").text
    assert (" ".join(block) in intro) is in_body
    assert intro.endswith("she walked with a frame at the last visit.")
    assert any(s.kind == "caption" for s in doc.sections) is not in_body
    assert "sacrum" not in intro


def _kerned(x: float, y: float, pieces: list[str], gap: float) -> list[tuple]:
    """A bold heading printed in pieces with a gap wider than a letter's but narrower than a word space."""
    pdf = FPDF(unit="pt")
    pdf.set_font("Times", "B", 12)
    items = []
    for piece in pieces:
        items.append((x, y, piece, "B", 12))
        x += pdf.get_string_width(piece) + gap
    return items


@pytest.mark.parametrize("pieces, title, kind", [
    (["REFERENC", "ES"], "REFERENCES", "references"),
    (["2. DISCUS", "SION"], "2. DISCUSSION", "discussion"),
])
def test_heading_split_by_kerning(pieces, title, kind):
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, INTRO + CASE_1) \
        + _kerned(50, 250, pieces, 3.5) + _column(50, 268, DISCUSSION)
    doc = read_article(_draw([page]))
    assert _section(doc, kind).title == title


def _superscripted(x: float, y: float, text: str, mark: str, size: float, rise: float) -> list[tuple]:
    """`text` with `mark` set after it in smaller type, raised by `rise` points (lowered when negative)."""
    pdf = FPDF(unit="pt")
    pdf.set_font("Times", "", size)
    return [(x, y, text, "", size), (x + pdf.get_string_width(text), y - rise, mark, "", 0.6 * size)]


@pytest.mark.parametrize("above, below, mark, expected, unexpected", [
    # a superscript in rows set tight (a table's) reaches into the row above it
    ("White cells counted", "(normal 4000-10000/mm", "3", "(normal 4000-10000/mm3", "counted3"),
    ("Area of the whole park", "under protection was 750 km", "2", "protection was 750 km2", "park2"),
])
def test_superscript_stays_on_its_line(above, below, mark, expected, unexpected):
    rows = [(50, 300, above, "", 9)] + _superscripted(50, 310, below, mark, 9, 5.5)
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16)] \
        + _column(50, 128, INTRO + CASE_1) + rows
    text = read_article(_draw([page])).text
    assert expected in text and unexpected not in text.replace(" ", "")


LONG_LABELS = ["Time from the augmentation to the open surgery, days", "Volume of the cement injected at each level, ml",
               "Levels treated in one and the same session, n", "Leaks that reached into the spinal canal, n (%)",
               "Patients who walked again at the last visit, n (%)"]


@pytest.mark.parametrize("labels, columns", [
    (LONG_LABELS, (300, 400, 490)),   # labels long enough that the first values line up like a text column
    ([label.split(",")[0][:24] for label in LONG_LABELS], (330, 420, 500)),
])
def test_table_columns_that_pass_for_text_columns(labels, columns):
    values = [("12 (5-30)", "9 (3-21)", "21"), ("3.5 (2-6)", "3.1 (2-5)", "6.6"), ("2 (1-4)", "1 (1-3)", "3"),
              ("4 (12)", "2 (7)", "6"), ("30 (88)", "26 (90)", "56")]
    rows = [(x, 300 + 14 * k, cell, "", 10) for k, (label, row) in enumerate(zip(labels, values, strict=True))
            for x, cell in zip((50, *columns), (label, *row), strict=True)]
    wide = [f"{a} {b}" for a, b in zip(INTRO + DISCUSSION, CASE_1 + CASE_2 + INTRO[:1], strict=True)]
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, wide) + rows + _column(50, 400, wide)
    doc = read_article(_draw([page]))
    intro = _section(doc, "introduction").text
    assert not any(label in intro for label in labels) and "26 (90)" not in intro
    assert f"{labels[4]} | 30 (88) | 26 (90) | 56" in _section(doc, "table").text


SITES = [("Epidural space, dorsal", "T11-L1"), ("Neural foramen, exiting", "L2-L3"),
         ("Paravertebral venous plexus", "T8-T9"), ("Intradiscal, anterior part", "L4-L5")]
VALUES = [("12 (31)", "4.2 (1.1)", "3"), ("7 (18)", "3.9 (0.8)", "2"), ("15 (38)", "5.0 (1.6)", "1"),
          ("5 (13)", "3.1 (0.7)", "0")]


def _labelled_table(left: list[str]) -> bytes:
    """A table under its caption with `left` set line by line down its first column (row labels of two
    lines, a site over its levels, by default) and each row of values set between two of them, far
    enough right that a white strip runs down the page between; full-width text above and below."""
    wide = [f"{a} {b}" for a, b in zip(INTRO + DISCUSSION, CASE_1 + CASE_2 + INTRO[:1], strict=True)]
    below = [f"{a} {b}" for a, b in zip(DISCUSSION + CASE_2, INTRO + CASE_1[:2], strict=True)]
    rows = [(50, 262, "Leak site", "B", 10), (215, 250, "Leaks, n (%) / volume, ml / surgery", "B", 10),
            (215, 262, "all", "B", 10), (330, 262, "mean (SD)", "B", 10), (470, 262, "n", "B", 10)]
    rows += [(50, 280 + 12 * k, line, "I" if k % 2 == 0 else "", 10) for k, line in enumerate(left)]
    rows += [(x, 286 + 24 * k, cell, "", 10) for k, row in enumerate(VALUES)
             for x, cell in zip((215, 330, 470), row, strict=True)]
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, wide) \
        + [(50, 232, "Table 2. Leaks of cement by site, with the volume injected and the operations.", "B", 10)] \
        + rows + _column(50, 400, below)
    return _draw([page])


def test_table_whose_row_labels_take_two_lines_is_one_table():
    doc = read_article(_labelled_table([line for site in SITES for line in site]))
    table = _section(doc, "table").text
    assert all(site in table and levels in table for site, levels in SITES) and "5.0 (1.6)" in table
    titles = [s.title for s in doc.sections]
    assert not any(site in t or levels in t for t in titles for site, levels in SITES), titles
    intro = _section(doc, "introduction").text
    assert "T8-T9" not in intro and "4.2 (1.1)" not in intro and f"{DISCUSSION[0]} {INTRO[0]}" in intro


def test_running_text_beside_a_table_is_not_read_as_its_labels():
    text = ["Leaks into the canal were", "seen in twelve of them,", "none of whom needed any",
            "operation, though two of", "them had pain in the legs", "for a few weeks after the",
            "augmentation, which then", "went away without any care."]
    doc = read_article(_labelled_table(text))
    read = " ".join(s.text for s in doc.sections if s.kind != "table")
    assert " ".join(text) in read


def test_a_short_heading_after_a_table_stays_a_heading():
    rows = [("Variable", "Case 1", "Case 2"), ("CRP (mg/L)", "24", "67"), ("Leukocytes (/mm3)", "10900", "13400")]
    cells = [(x, 150 + k * 13, cell, "", 10) for k, row in enumerate(rows)
             for x, cell in zip((50, 250, 400), row, strict=True)]
    page = [(50, 80, "Results", "B", 12)] + _column(50, 98, ["Both patients had raised inflammatory markers"])
    page += [(50, 130, "Table 1: Laboratory values at admission.", "", 10)] + cells \
        + [(50, 214, "Discussion", "B", 10)] + _column(50, 232, ["Cultures grew the same organism on both sides."])
    (doc,) = read_pdf(Path("table.pdf"), _draw([page]))
    assert "Discussion" not in _section(doc, "table").text
    assert "Cultures grew" in _section(doc, "discussion").text


def test_a_short_heading_atop_the_next_column_after_a_table_stays_a_heading():
    rows = [("Variable", "Case 1", "Case 2"), ("CRP (mg/L)", "24", "67"), ("Leukocytes", "10900", "13400")]
    cells = [(x, 300 + k * 13, cell, "", 8) for k, row in enumerate(rows)
             for x, cell in zip((LEFT, 160, 220), row, strict=True)]
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (LEFT, 110, "1. Introduction", "B", 12)] + _column(LEFT, 128, INTRO + CASE_1 + CASE_2) \
        + [(LEFT, 280, "Table 1: Laboratory values at admission.", "", 8)] + cells \
        + [(RIGHT, 110, "2. Discussion", "B", 10)] + _column(RIGHT, 128, DISCUSSION + CASE_2)
    doc = read_article(_draw([page]))
    assert "Discussion" not in _section(doc, "table").text
    assert DISCUSSION[0] in _section(doc, "discussion").text


FLOW_LEFT = ["Records found in the registry", "(n = 412)", "Patients with imaging after", "augmentation (n = 375)",
             "Leak of cement seen", "(n = 88)"]
FLOW_RIGHT = ["Excluded (n = 37):", "no imaging (n = 30)", "lost to follow-up (n = 7)", "Leak not seen", "(n = 287)",
              "Operated on (n = 9)"]


@pytest.mark.parametrize("inside, read", [
    (_column(60, 166, ABSTRACT), True),                       # an abstract set on a tinted panel (an image)
    (_column(60, 166, ABSTRACT[:3]), True),                   # ... three lines of it, the panel padded round
    ([(60, 166, "A", "", 10), (300, 166, "B", "", 10), (60, 210, "L1", "", 10)], False),   # a figure's letters
    (_column(160, 150, FLOW_LEFT, size=9) + _column(330, 150, FLOW_RIGHT, size=9), False),  # a flowchart's boxes
])
def test_text_on_an_image(inside, read):
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 104, "Anna Kowalska and Peter Lindqvist", "", 11)] + inside \
        + [(50, 260, "1. Introduction", "B", 12)] + _column(50, 278, INTRO + CASE_1)
    doc = read_article(_draw([page], image=(55, 138, 480, 90)))
    text = " ".join(s.text for s in doc.sections)
    assert (inside[-1][2] in text) is read and INTRO[0] in text


@pytest.mark.parametrize("n, width, gap, figure", [
    (60, 40.0, 4.0, False),   # lines of words filling the box: a panel behind text
    (60, 8.0, 40.0, True),    # as many short labels spread over it (ticks of a chart): a figure
    (12, 40.0, 4.0, True),    # a few words, however close: a figure's labels
])
def test_figure_boxes(n, width, gap, figure):
    box = (100.0, 100.0, 500.0, 300.0)
    words, x, y = [], 100.0, 100.0
    for _ in range(n):
        if x + width > 500:
            x, y = 100.0, y + 12
        words.append(RawWord("word", x, y, x + width, y + 10, ROMAN, True))
        x += width + gap
    assert figure_boxes(words, [box]) == ([box] if figure else [])


FOOTNOTE = "Both authors took an equal part in the study."
CITE_AS = ["How to cite this article Kowalska A, Lindqvist P. 2031. Delayed paraparesis after thoracolumbar",
           "cement augmentation. J Spinal Test 12:e33 https://doi.org/10.5555/jst.2031.033"]


@pytest.mark.parametrize("small, read", [
    (ABSTRACT, True),        # an abstract set smaller than the body text is the abstract
    ([FOOTNOTE], False),     # a footnote under it is not
    (CITE_AS, False),        # nor how to cite the article, however long
])
def test_small_print_under_the_abstract_heading(small, read):
    page = HEADER + [(50, 80, "Delayed paraparesis after thoracolumbar cement augmentation", "B", 16),
                     (50, 104, "Anna Kowalska and Peter Lindqvist", "", 11),
                     (50, 146, "Abstract", "B", 11)] + _column(50, 162, small, size=8) \
        + [(50, 250, "1. Introduction", "B", 12)] + _column(50, 268, INTRO + CASE_1 + CASE_2 + DISCUSSION)
    doc = read_article(_draw([page]))
    abstract = next((s.text for s in doc.sections if s.kind == "abstract"), "")
    assert (small[-1] in abstract) is read
    assert INTRO[0] in _section(doc, "introduction").text


LETTERING = ["(a) days after the augmentation", "Leaks (n)", "40", "30", "20", "10", "0", "0 7 14 21 28 35 42"]


@pytest.mark.parametrize("above, kept", [
    (LETTERING, []),                                            # a chart's keys, axes and ticks: not text
    (["she walked with a frame at the last visit.", "Pain", "Weakness", "Numbness"],   # the paragraph goes on
     ["she walked with a frame at the last visit.", "Pain", "Weakness", "Numbness"]),
    (["The leaks were seen in:", "the epidural space,", "a neural foramen,", "the disc space."],  # a list
     ["The leaks were seen in:", "the epidural space,", "a neural foramen,", "the disc space."]),
])
def test_figure_lettering_above_its_caption(above, kept):
    caption = [(50, 380, "Figure 2. Leaks of cement seen on computed tomography, by week after augmentation.", "", 9)]
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, INTRO + CASE_1 + CASE_2) \
        + [(50 if k % 3 else 120, 275 + 11 * k, line, "", 10) for k, line in enumerate(above)] + caption \
        + _column(50, 410, DISCUSSION)
    doc = read_article(_draw([page]))
    text = "\n".join(s.text for s in doc.sections if s.kind not in ("caption", "front-matter", "title"))
    assert all(line in text for line in kept) and DISCUSSION[0] in text
    assert not any(line in text for line in set(above) - set(kept) if len(line) > 2)
    assert "Figure 2. Leaks of cement" in _section(doc, "caption").text


HISTORY = ["Received: March 3, 2031", "Accepted: May 9, 2031", "Published: June 1, 2031"]


@pytest.mark.parametrize("lines, size, style, in_body", [
    (HISTORY, 9, "", False),                                      # the article's history, set apart
    (["received vertebroplasty in 2029 at the same", "hospital and had no complaint until 2031."], 10, "", True),
    (["One reviewer wrote that the patient had", "received cement at two levels in 2029 and",
      "had no complaint until the second year."], 10, "I", True),   # a quoted passage in italics
    (["(1) Age over sixty years at augmentation", "(2) New weakness of the legs",
      "(3) Cement seen in the canal on CT"], 9, "", True),        # a list set a point smaller
    (["Received 3 May 2031; accepted 9 June 2031"], 9, "", False),  # one line dating two stages
    (HISTORY[:2] + ["https://doi.org/10.5555/jst.2031.033"], 9, "", False),  # ... and the DOI after it
    (["Received 3 May 2031; accepted 9 June 2031", "(c) 2031 The Authors. Published by Example Press."], 9, "",
     False),                                                                 # ... or the licence
    (["First published in 2019, the disability score was", "later translated into nine other languages."],
     9, "", True),                                                 # a sentence in another type
    (["Submitted forms were accepted by the board in 2030", "and kept for ten years."], 9, "", True),
    (["Received March 3, 2031; accepted for publication May 9, 2031"], 9, "", False),
    (["Received: 3-May-2031; Accepted: 9-Jun-2031"], 9, "", False),
    (["Submitted protocols from 2029 were accepted in 2030", "and kept for ten years."], 9, "", True),
])
def test_front_matter_items_set_apart_in_the_body_flow(lines, size, style, in_body):
    right = CASE_1 + CASE_2
    page = HEADER + [(50, 80, "Delayed paraparesis after thoracolumbar cement augmentation", "B", 16),
                     (LEFT, 120, "1. Introduction", "B", 12), (RIGHT, 120, "2. Case presentation", "B", 12)] \
        + _column(LEFT, 138, INTRO + DISCUSSION) + _column(RIGHT, 138, right) \
        + _column(RIGHT, 138 + len(right) * PITCH + 6, lines, size=size, style=style) \
        + _column(RIGHT, 138 + (len(right) + len(lines)) * PITCH + 12, REFERENCES[:1])
    doc = read_article(_draw([page]))
    body = " ".join(s.text for s in doc.sections if s.kind in ("introduction", "case"))
    assert all(line in body for line in lines) is in_body
    front = " ".join(s.text for s in doc.sections if s.kind == "front-matter")
    assert all(line in front for line in lines) is not in_body


def test_a_reference_list_set_small_keeps_its_lines():
    refs = ["1. Author A, Author B. A study of leaks of cement into the canal after augmentation.",
            "Spine. 2030;1:1-9.", "2. Author C. Another study of leaks. Eur Spine J.", "2029;2:3-4."]
    page = HEADER + [(50, 80, "Delayed paraparesis after thoracolumbar cement augmentation", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, INTRO + CASE_1 + CASE_2) \
        + [(50, 290, "References", "B", 12)] + _column(50, 306, refs, size=8)
    doc = read_article(_draw([page]))
    assert "2029;2:3-4." in _section(doc, "references").text


@pytest.mark.parametrize("before, caption_size, caption", [
    ("The volume of cement injected at each level is given in", 10, False),  # the sentence goes on into it
    ("The volume of cement injected at each level is given below.", 10, True),  # a sentence ended
    ("The volume of cement injected at each level is given in", 8, True),    # set apart by its size
    ("The volume of cement injected at each level was small [12]", 10, True),  # a sentence ended at its
    ("The volume of cement injected at each level was small. [12]", 10, True),  # citation
])
def test_caption_label_opening_a_line(before, caption_size, caption):
    rest = "The volume did not differ between the levels that leaked and those that did not."
    lines = [(50, 128 + k * PITCH, text, "", 10) for k, text in enumerate(INTRO + [before])]
    y = 128 + len(lines) * PITCH
    lines += [(50, y, "Table 2.", "B", caption_size), (90, y, rest, "", caption_size)]
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + lines + _column(50, y + 2 * PITCH, CASE_1 + CASE_2)
    doc = read_article(_draw([page]))
    intro = _section(doc, "introduction").text
    assert (f"{before} Table 2. {rest}" in intro) is not caption
    assert any(s.kind == "caption" and s.text.startswith("Table 2.") for s in doc.sections) is caption


LAB_ROWS = [("Variable", "Case 1", "Case 2"), ("CRP (mg/L)", "24", "67"), ("Leukocytes (/mm3)", "10900", "13400")]


def _lab_table(y: float, caption: str) -> list[tuple]:
    return [(50, y, caption, "", 10)] + [(x, y + 20 + k * 13, cell, "", 10) for k, row in enumerate(LAB_ROWS)
                                         for x, cell in zip((50, 250, 400), row, strict=True)]


@pytest.mark.parametrize("between, section", [
    ([(50, 214, "Discussion", "B", 10)] + _lab_table(232, "Table 2: Laboratory values at discharge."),
     "discussion"),                                             # a heading between two tables
    ([(50, 214, "Inclusion criteria", "B", 10), (50, 232, "1.", "", 10),
      (68, 232, "Age over sixty years at the time of augmentation", "", 10), (50, 245, "2.", "", 10),
      (68, 245, "A leak of cement seen on computed tomography", "", 10)], "methods"),  # ... over a list
])
def test_a_heading_after_a_table_is_no_row_label(between, section):
    page = [(50, 80, "Results", "B", 12)] + _column(50, 98, ["Both patients had raised inflammatory markers"]) \
        + _lab_table(130, "Table 1: Laboratory values at admission.") + between \
        + _column(50, 320, ["Cultures grew the same organism on both sides."])
    (doc,) = read_pdf(Path("tables.pdf"), _draw([page]))
    assert "Discussion" not in _section(doc, "table").text and "Inclusion" not in _section(doc, "table").text
    assert "Cultures grew" in next(s.text for s in doc.sections if s.kind == section)


NOTE = ["Presented in part at the annual meeting of the Society of Spinal Testing in Lyon, 2030, and",
        "supported by a grant from the Foundation for Research on Bone Cement (grant 4411)."]


@pytest.mark.parametrize("abstract_size", [10, 8])
def test_a_footnote_at_the_foot_of_the_abstract_page_is_not_the_abstract(abstract_size):
    page1 = HEADER + [(50, 80, "Delayed paraparesis after thoracolumbar cement augmentation", "B", 16),
                      (50, 104, "Anna Kowalska and Peter Lindqvist", "", 11), (50, 146, "Abstract", "B", 11)] \
        + _column(50, 162, ABSTRACT, size=abstract_size) + _column(50, 780, NOTE, size=8)
    page2 = HEADER + [(50, 80, "1. Introduction", "B", 12)] + _column(50, 98, INTRO + CASE_1 + CASE_2 + DISCUSSION)
    doc = read_article(_draw([page1, page2]))
    abstract = _section(doc, "abstract").text
    assert ABSTRACT[-1] in abstract and "Foundation" not in abstract


FIGURE_2 = "Figure 2. Leaks of cement seen on computed tomography, by week after augmentation."


@pytest.mark.parametrize("lines, kept", [
    ([(50, 275, "Funding", "B", 12), (50, 293, "None", "", 10), (50, 311, "Conflicts of interest", "B", 12),
      (50, 329, "None declared", "", 10), (50, 347, "Ethics approval", "B", 12), (50, 365, "Not required", "", 10)],
     ["None declared", "Not required"]),                                   # headings and their short text
    (_column(50, 275, ["The criteria for surgery were", "1) new weakness", "2) leak in the canal",
                       "3) no improvement in 48 h"]), ["2) leak in the canal"]),   # a list with no punctuation
    (_column(50, 275, HISTORY, size=8), HISTORY),                          # small print: front matter
])
def test_short_lines_above_a_figure_caption_that_are_no_lettering(lines, kept):
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, INTRO + CASE_1 + CASE_2) + lines \
        + [(50, 390, FIGURE_2, "", 9)] + _column(50, 420, DISCUSSION)
    doc = read_article(_draw([page]))
    text = " ".join(s.text for s in doc.sections)
    assert all(k in text for k in kept)


def test_a_list_at_the_foot_of_a_column_before_a_caption_atop_the_next():
    items = ["Leg weakness", "Numbness below T12", "Loss of reflexes"]
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (LEFT, 110, "1. Introduction", "B", 12)] \
        + _column(LEFT, 128, INTRO + CASE_1 + ["Three signs were present."]) + _column(LEFT, 253, items) \
        + [(RIGHT, 140, "Figure 1. Axial CT of the leak.", "", 9)] + _column(RIGHT, 170, DISCUSSION + CASE_2)
    doc = read_article(_draw([page], figure=(RIGHT, 60, 230, 70)))
    assert all(item in _section(doc, "introduction").text for item in items)


def test_small_lettering_over_a_small_caption():
    lettering = [(50 if k % 3 else 120, 275 + 11 * k, line, "", 7) for k, line in enumerate(LETTERING)]
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, INTRO + CASE_1 + CASE_2) + lettering \
        + [(50, 380, FIGURE_2, "", 8)] + _column(50, 410, DISCUSSION)
    doc = read_article(_draw([page]))
    assert _section(doc, "caption").text == FIGURE_2
    assert "0 7 14 21 28 35 42" not in " ".join(s.text for s in doc.sections)


STRUCTURED = [["Background: Cement may leak into the spinal canal after augmentation of fractured vertebrae, and",
               "the weakness it causes can appear weeks after the procedure, when the patient has gone home."],
              ["Methods: We reviewed the records of all the patients treated with cement at one hospital over",
               "ten years and read every scan taken after the augmentation for cement outside the vertebra."],
              ["Results: Cement leaked in one patient of every four, and two patients needed an operation on",
               "the canal; both of them walked again within three months of the decompression of the canal."]]


def _abstract_head() -> list[tuple]:
    return HEADER + [(50, 80, "Delayed paraparesis after thoracolumbar cement augmentation", "B", 16),
                     (50, 104, "Anna Kowalska and Peter Lindqvist", "", 11), (50, 146, "Abstract", "B", 11)]


def test_a_structured_abstract_set_small_is_read_whole():
    parts = [line for k, para in enumerate(STRUCTURED) for line in _column(50, 162 + k * (2 * PITCH + 6), para, size=8)]
    page = _abstract_head() + parts + [(50, 260, "1. Introduction", "B", 12)] \
        + _column(50, 278, INTRO + CASE_1 + CASE_2 + DISCUSSION)
    abstract = _section(read_article(_draw([page])), "abstract").text
    assert all(para[1] in abstract for para in STRUCTURED)


def test_an_abstract_set_small_runs_on_over_a_page_break():
    filler = ["Cement may leak into the spinal canal after the", "augmentation of fractured vertebrae, and the",
              "weakness it causes can appear weeks after it."] * 17
    page1 = _abstract_head() + _column(50, 162, filler[:50], size=8)
    page2 = HEADER + _column(50, 80, STRUCTURED[2], size=8) + [(50, 120, "1. Introduction", "B", 12)] \
        + _column(50, 138, INTRO + CASE_1 + CASE_2 + DISCUSSION)
    assert STRUCTURED[2][1] in _section(read_article(_draw([page1, page2])), "abstract").text



@pytest.mark.parametrize("after", [
    ["Both authors share first authorship."],                          # a short note after a space
    ["Level of evidence: IV"],
    ["Introduction"],                                                  # a heading set small, in bold
    ["Keywords: cement leakage; vertebroplasty; paraparesis; canal; decompression"],
    ["The authors declare that they have no conflict of interest."],
    ["Abbreviations: CT, computed tomography; VP, vertebroplasty; PMMA, cement"],
])
def test_what_follows_an_abstract_set_small_is_not_the_abstract(after):
    style = "B" if after == ["Introduction"] else ""
    page = _abstract_head() + _column(50, 162, STRUCTURED[0] + STRUCTURED[1], size=8) \
        + _column(50, 162 + 4 * PITCH + 8, after, size=8, style=style) \
        + [(50, 280, "1. Introduction", "B", 12)] + _column(50, 298, INTRO + CASE_1)
    abstract = _section(read_article(_draw([page])), "abstract").text
    assert STRUCTURED[1][1] in abstract and after[0] not in abstract


def test_lettering_atop_the_page_after_an_abstract_set_small_is_not_the_abstract():
    filler = ["Cement may leak into the spinal canal after the", "augmentation of fractured vertebrae, and the",
              "weakness it causes can appear weeks after it."] * 17
    lettering = [(50 if k % 3 else 120, 80 + 11 * k, line, "", 7) for k, line in enumerate(LETTERING)]
    page2 = HEADER + lettering + [(50, 180, "Figure 1. Leaks of cement by week after augmentation.", "", 8),
                                  (50, 210, "1. Introduction", "B", 12)] + _column(50, 228, INTRO + CASE_1)
    doc = read_article(_draw([_abstract_head() + _column(50, 162, filler[:50], size=8), page2]))
    assert "0 7 14 21 28 35 42" not in _section(doc, "abstract").text


def test_a_footnote_wrapped_onto_a_line_opening_with_a_table_label():
    note = ["* The scores of the second patient before and after the operation are listed in",
            "Table 3. They were taken by the same examiner at each visit to the clinic."]
    page = HEADER + [(50, 80, "Cement leakage after vertebral augmentation in the thoracic spine", "B", 16),
                     (50, 110, "1. Introduction", "B", 12)] + _column(50, 128, INTRO + CASE_1) \
        + _column(50, 128 + 9 * PITCH + 4, note, size=7) + _column(50, 128 + 12 * PITCH, CASE_2 + DISCUSSION)
    doc = read_article(_draw([page]))
    assert "caption" not in [s.kind for s in doc.sections] and CASE_2[0] in _section(doc, "introduction").text



@pytest.mark.parametrize("end, turned, read", [
    (49, ["vertebrae and the weakness it causes can appear weeks after.", "12 vs 4 (p < 0.01)"], True),
    (48, ["The spine is the tree of the body, and its roots", "are in the pelvis, as an old teacher said."],
     False),                                                           # an epigraph after a sentence ended
])
def test_an_abstract_set_small_turned_over_a_page(end, turned, read):
    filler = ["Cement may leak into the spinal canal after the", "augmentation of fractured vertebrae, and the",
              "weakness it causes can appear weeks after it."] * 17
    page2 = HEADER + _column(50, 80, turned, size=8) + [(50, 120, "1. Introduction", "B", 12)] \
        + _column(50, 138, INTRO + CASE_1 + CASE_2 + DISCUSSION)
    doc = read_article(_draw([_abstract_head() + _column(50, 162, filler[:end], size=8), page2]))
    assert all(line in _section(doc, "abstract").text for line in turned) is read

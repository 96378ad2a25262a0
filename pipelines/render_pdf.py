"""Render a sample paper (plain text) as a two-column journal PDF with running headers.

    python pipelines/render_pdf.py pipelines/pdf_sources/case09.txt data/raw/case09.pdf

The source is the plain text leakmine reads: title, a blank line, authors, a blank line, a citation
line, then blocks separated by blank lines. A block whose first line is a heading starts a section;
"Figure N." blocks are captions (smaller, italic); "References" lists are set small. Long words get
soft hyphens so the PDF has end-of-line hyphenation, as journal PDFs do. Only run on purpose: the
PDFs in data/raw are raw data and do not change with leakmine's code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from fpdf import FPDF

from leakmine.ingest.headings import heading_kind

PAGE = (148, 210)  # A5, in millimetres
FONT = "Times"
_CAPTION = re.compile(r"^(?:Figure|Fig\.|Table)\s+\d+", re.IGNORECASE)
_SYLLABLE = re.compile(r"(?<=[a-z]{2})([aeiouy][bcdfghjklmnpqrstvwxz])(?=[bcdfghjklmnpqrstvwxz]?[aeiouy][a-z])")


def soft_hyphenate(text: str) -> str:
    """Offer line breaks inside long lower-case words (a printed hyphen where the PDF breaks)."""
    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        return _SYLLABLE.sub("\\1\u00ad", w) if len(w) >= 9 and w.islower() else w

    return re.sub(r"[A-Za-z]+", word, text)


def read_blocks(text: str) -> tuple[str, str, str, list[tuple[str, str]]]:
    """Title, authors, citation, then (heading, text) per block; heading is "" for plain text."""
    raw = [b.strip().splitlines() for b in re.split(r"\n\s*\n", text.strip())]
    title, authors, citation = (" ".join(" ".join(b).split()) for b in raw[:3])
    blocks = []
    for lines in raw[3:]:
        head = lines[0].strip() if heading_kind(lines[0]) and len(lines[0].split()) <= 4 else ""
        body = " ".join(" ".join(lines[1:] if head else lines).split())
        blocks.append((head, body))
    return title, authors, citation, blocks


class JournalPDF(FPDF):
    def __init__(self, running_head: str):
        super().__init__(format=PAGE)
        self.running_head = running_head
        self.set_margins(14, 18, 14)
        self.set_auto_page_break(True, 16)

    def header(self) -> None:
        self.set_font(FONT, "I", 7)
        self.set_y(7)
        self.cell(0, 4, self.running_head, align="L")
        self.set_y(16)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FONT, "", 7)
        self.cell(0, 4, str(self.page_no()), align="C")


def render(source: Path, target: Path) -> None:
    title, authors, citation, blocks = read_blocks(source.read_text(encoding="utf-8"))
    short = title if len(title) < 60 else title[:57].rsplit(" ", 1)[0] + " ..."
    pdf = JournalPDF(f"{citation.split('.')[0]}  |  {short}")
    pdf.set_title(title)
    pdf.set_author(authors)
    pdf.add_page()
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(0, 6, title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(0, 4.5, authors, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "I", 8)
    pdf.multi_cell(0, 4.5, citation, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    with pdf.text_columns(ncols=2, gutter=5, text_align="J", line_height=1.15) as cols:
        in_references = False
        for head, body in blocks:
            if head:
                in_references = heading_kind(head) == "references"
                pdf.set_font(FONT, "B", 11)
                with cols.paragraph(top_margin=2.5, bottom_margin=1, text_align="L") as par:
                    par.write(head)
            if not body:
                continue
            caption = bool(_CAPTION.match(body))
            pdf.set_font(FONT, "I" if caption else "", 8.5 if caption or in_references else 12.5)
            with cols.paragraph(top_margin=1.5 if caption else 0, bottom_margin=1.2) as par:
                par.write(body if caption else soft_hyphenate(body))
    target.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(target))


if __name__ == "__main__":
    render(Path(sys.argv[1]), Path(sys.argv[2]))

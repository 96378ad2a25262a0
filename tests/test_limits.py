"""Per-file limits (leakmine.limits): a file beyond one is refused with one line naming the limit;
gzip and Flate bombs are refused without being inflated in memory; long texts are mined in pieces."""

import gzip
import zlib
from pathlib import Path

import pytest
from fpdf import FPDF

from leakmine.errors import IngestError, LimitError
from leakmine.extract import extract, pieces, tokenizable
from leakmine.ingest import ingest
from leakmine.ingest.pdf_streams import inflated_size
from leakmine.limits import Limits
from leakmine.nlp import load_pipeline
from leakmine.records import PaperMeta, build_document

MB = 1 << 20
PARAGRAPH = ("A 71-year-old woman underwent vertebroplasty at L1 and T12. Cement leaked into the left L1 "
             "foramen and her hip flexion weakened to 3/5. After foraminotomy it recovered to 5/5.")


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path, limits: Limits) -> LimitError:
    with pytest.raises(LimitError) as e:
        ingest(path, limits)
    assert str(path) in str(e.value) and "\n" not in str(e.value)
    return e.value


def gzip_bomb(inflated: int) -> bytes:
    """A gzip file of identical members: about 1 kB per MB it inflates to."""
    member = gzip.compress(b"A" * MB, 9, mtime=0)
    return member * (inflated // MB)


def pdf(streams: list[bytes], filters: str = "/FlateDecode", pages: int = 1) -> bytes:
    """A minimal PDF whose page content is `streams` (already encoded with `filters`)."""
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    content = " ".join(f"{4 + pages + i} 0 R" for i in range(len(streams)))
    objects += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [{content}] "
                "/Resources << /Font << /F1 3 0 R >> >> >>"] * pages
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for body in [o.encode() for o in objects] + [
            f"<< /Length {len(s)} /Filter {filters} >>\nstream\n".encode() + s + b"\nendstream" for s in streams]:
        offsets.append(len(out))
        out += f"{len(offsets)} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


TEXT_OPS = b"BT /F1 11 Tf 72 700 Td (" + PARAGRAPH.encode() + b") Tj ET"


def test_minimal_pdf_is_read(tmp_path):
    (doc,) = ingest(write(tmp_path, "ok.pdf", pdf([zlib.compress(TEXT_OPS)])))
    assert "Cement leaked" in doc.text


def test_gzip_bomb_is_refused(tmp_path):
    path = write(tmp_path, "bomb.txt.gz", gzip_bomb(3 * MB))
    e = refused(path, Limits(max_input_mb=2))
    assert e.limit == "max_input_mb" and "gzip file inflates to more than 2 MB" in e.reason
    assert ingest(path, Limits(max_input_mb=4))  # within the limit it is read


@pytest.mark.parametrize("name, data", [
    ("paper.txt", PARAGRAPH.encode() * 8000),
    ("paper.xml", b"<article><body><p>" + PARAGRAPH.encode() * 8000 + b"</p></body></article>"),
])
def test_file_larger_than_the_limit_is_refused(tmp_path, name, data):
    assert refused(write(tmp_path, name, data), Limits(max_input_mb=1)).limit == "max_input_mb"


@pytest.mark.parametrize("depth, ok", [(200, True), (257, False), (100_000, False)])
def test_xml_nesting(tmp_path, depth, ok):
    inner = "<sec>" * (depth - 2) + f"<p>{PARAGRAPH}</p>" + "</sec>" * (depth - 2)
    path = write(tmp_path, "deep.xml", f"<article><body>{inner}</body></article>".encode())
    if ok:
        assert PARAGRAPH in ingest(path)[0].text
    else:
        e = refused(path, Limits())
        assert e.reason == "XML nested deeper than 256 elements (limit max_xml_depth)"


def test_text_longer_than_the_limit_is_refused(tmp_path):
    path = write(tmp_path, "long.txt", "\n\n".join(f"Patient {i}. {PARAGRAPH}" for i in range(40)).encode())
    assert refused(path, Limits(max_text_chars=5000)).limit == "max_text_chars"
    # far past the limit: refused by its size before it is decoded (no encoding takes over 4 bytes a character)
    assert refused(path, Limits(max_text_chars=1000)).reason.startswith(f"text of {path.stat().st_size // 4:,} ")


@pytest.mark.parametrize("streams, filters, limit", [
    ([zlib.compress(b" " * (3 * MB) + TEXT_OPS)], "/FlateDecode", "max_pdf_stream_mb"),
    ([zlib.compress(zlib.compress(b" " * (3 * MB) + TEXT_OPS))], "[/FlateDecode /FlateDecode]", "max_pdf_stream_mb"),
    ([zlib.compress(b" " * MB + TEXT_OPS)] * 3, "/FlateDecode", "max_pdf_inflated_mb"),
])
def test_flate_bomb_is_refused(tmp_path, streams, filters, limit):
    path = write(tmp_path, "bomb.pdf", pdf(streams, filters))
    e = refused(path, Limits(max_pdf_stream_mb=2, max_pdf_inflated_mb=3))
    assert e.limit == limit
    assert ingest(path, Limits(max_pdf_stream_mb=8, max_pdf_inflated_mb=16))


def test_inflated_size_counts_no_further_than_the_cap():
    raw = zlib.compress(b"x" * (10 * MB))
    assert inflated_size(raw, 1, 1 << 40) == 10 * MB
    assert MB <= inflated_size(raw, 1, MB) < 3 * MB
    assert inflated_size(raw[:len(raw) // 2], 1, 1 << 40) < 10 * MB  # a cut stream counts what inflates
    assert inflated_size(b"not zlib", 1, MB) == 0


def test_pdf_with_more_pages_than_the_limit_is_refused(tmp_path):
    doc = FPDF()
    doc.set_font("Helvetica", size=11)
    for _ in range(3):
        doc.add_page()
        doc.multi_cell(0, 6, PARAGRAPH)
    path = write(tmp_path, "book.pdf", bytes(doc.output()))
    e = refused(path, Limits(max_pdf_pages=2))
    assert e.reason == "PDF has more than 2 pages (limit max_pdf_pages)"
    assert ingest(path, Limits(max_pdf_pages=3))


def test_damaged_pdf_is_read_or_one_line(tmp_path):
    # A sample PDF with one broken stream dictionary (it once gave a traceback on closing).
    data = gzip.decompress((Path(__file__).parent / "fuzz_cases" / "case09_epidural_two_cases-1063.pdf.gz").read_bytes())
    try:
        assert ingest(write(tmp_path, "broken.pdf", data))
    except IngestError as e:
        assert "broken.pdf: PDF" in str(e) and "\n" not in str(e)


def document(sections: list[tuple[str, str]]):
    parts = [{"title": "", "kind": kind, "text": text} for kind, text in sections]
    return build_document("long.txt", "text", PaperMeta(), parts, "0" * 16)


def test_pieces_cover_mined_sections_within_the_limit():
    case = "\n".join([PARAGRAPH] * 30)
    doc = document([("case", case), ("references", "1. Doe J. Spine. 2001."), ("discussion", PARAGRAPH)])
    got = list(pieces(doc, 2000))
    assert all(0 < end - start <= 2000 for start, end in got)
    covered = "".join(doc.text[a:b] for a, b in got)
    assert covered.replace("\n", "") == (case + PARAGRAPH).replace("\n", "")
    assert all(doc.text[b - 1] == "\n" for _, b in got[:-2])  # cut after a line break
    refs = doc.sections[1]
    assert not any(a < refs.end_char and b > refs.start_char for a, b in got)


def test_long_text_mined_in_pieces_gives_the_same_mentions():
    nlp = load_pipeline()
    doc = document([("case", "\n".join([PARAGRAPH] * 12)), ("discussion", PARAGRAPH)])
    whole = extract(doc, nlp)
    saved = nlp.max_length
    try:
        nlp.max_length = 700
        cut = extract(doc, nlp)
    finally:
        nlp.max_length = saved
    def key(m):  # a sentence at a section's end may keep the blank line after it when read whole
        return m.start_char, m.end_char, m.label, m.value, m.rule_id, m.sentence_start, m.sentence.rstrip(), m.negated

    assert [key(m) for m in cut] == [key(m) for m in whole] and len(whole) > 12
    assert all(doc.text[m.start_char:m.end_char] == m.text for m in cut)


@pytest.mark.parametrize("text, changed", [
    ("(" * 1000 + " T12", True),
    ("x" * 5000, True),
    ("https://example.org/" + "a" * 230, False),  # a long link stays whole
    (PARAGRAPH, False),
])
def test_tokenizable_keeps_length_and_breaks_only_long_runs(text, changed):
    out = tokenizable(text)
    assert len(out) == len(text) and (out != text) == changed
    assert all(len(w) <= 256 for w in out.split())

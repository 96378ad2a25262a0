"""Bytes -> text (leakmine.ingest.decoding): encodings with and without a byte-order mark, stray
control characters, and XML in encodings the parser does not read itself."""

import codecs
import logging

import pytest

from leakmine.ingest import ingest
from leakmine.ingest.decoding import decode_text, sniff_encoding, xml_bytes
from leakmine.ingest.detect import detect_format

TEXT = "Case report\n\nA 68-year-old man had cement leakage into the L3 foramen after kyphoplasty.\n"
ACCENTED = "Caf\u00e9 au lait; 5\u00b0 kyphosis \u2013 na\u00efve patient at T12\u2013L1.\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode(), "utf-8"),
    (ACCENTED.encode(), "utf-8"),
    (ACCENTED.encode("cp1252"), "cp1252"),
    (codecs.BOM_UTF8 + TEXT.encode(), "utf-8"),
    (TEXT.encode("utf-16"), "utf-16-le"),  # Python writes a little-endian mark
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("utf-16-be"), "utf-16-be"),
    (ACCENTED.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("utf-32"), "utf-32-le"),
    (TEXT.encode("utf-32-le"), "utf-32-le"),
    (TEXT.encode("utf-32-be"), "utf-32-be"),
    ("<PubmedArticleSet/>".encode("utf-16-le"), "utf-16-le"),
    # must not be taken for UTF-16 or UTF-32: stray NULs in UTF-8 text, a short text
    (TEXT.encode()[:20] + b"\x00" + TEXT.encode()[20:], "utf-8"),
    (b"\x00\x00" + TEXT.encode(), "utf-8"),
    (b"ab", "utf-8"),
])
def test_sniff_encoding(data, encoding):
    assert sniff_encoding(data) == encoding


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-16-le"), TEXT.encode("utf-16-be"), TEXT.encode("utf-32-le"), TEXT.encode("utf-32-be"),
    TEXT.encode("utf-16"), TEXT.encode("utf-32"), codecs.BOM_UTF8 + TEXT.encode(),
])
def test_wide_encodings_read_as_the_same_text(data):
    assert decode_text(data) == TEXT
    assert detect_format(data) == "text"


def test_stray_control_characters_dropped_with_a_warning(caplog):
    data = b"Case report\x00\n\nA 68-year-old\x07 man\x1b had leakage.\x0cNext page."
    with caplog.at_level(logging.WARNING):
        text = decode_text(data, "paper.txt")
    assert text == "Case report\n\nA 68-year-old man had leakage.\nNext page."
    assert "paper.txt: dropped 3 control characters" in caplog.text


def test_clean_text_gives_no_warning(caplog):
    with caplog.at_level(logging.WARNING):
        assert decode_text(TEXT.encode(), "paper.txt") == TEXT
    assert not caplog.text


@pytest.mark.parametrize("data", [
    TEXT.encode()[:30] + b"\x00" + TEXT.encode()[30:],  # one NUL early in the text
    TEXT.encode("utf-16-le"),  # UTF-16 without a byte-order mark
    TEXT.encode("utf-32-be"),
])
def test_such_papers_are_read_not_refused_as_binary(tmp_path, data):
    path = tmp_path / "paper.txt"
    path.write_bytes(data)
    (doc,) = ingest(path)
    assert "cement leakage into the L3 foramen" in doc.text


JATS = ('<article><front><article-meta><title-group><article-title>Leak at L2</article-title>'
        '</title-group></article-meta></front><body><p>{body}</p></body></article>')


@pytest.mark.parametrize("declared, encoding, warned", [
    ("x-unknown-42", "utf-8", True),
    ("x-unknown-42", "cp1252", True),
    ("windows-1252", "cp1252", False),
    ("ISO-8859-2", "iso-8859-2", False),
    ("UTF-8", "utf-8", False),
    ("utf8", "utf-8", False),  # an alias the parser does not know by that name
    ("latin1", "latin-1", False),
    ("US-ASCII", "utf-8", False),  # a byte outside the declared ASCII: read, not refused
    ("ascii", "cp1252", False),
    ("UTF-16", "utf-16", False),
    ("UTF-16", "utf-16-le", False),  # declared, without a byte-order mark
    ("UTF-32", "utf-32-le", False),
])
def test_xml_in_any_encoding_is_read(tmp_path, caplog, declared, encoding, warned):
    body = "Caf\u00e9-owner, 72-year-old woman, cement in the L2 foramen."
    xml = f'<?xml version="1.0" encoding="{declared}"?>' + JATS.format(body=body)
    path = tmp_path / "paper.xml"
    path.write_bytes(xml.encode(encoding))
    with caplog.at_level(logging.WARNING):
        (doc,) = ingest(path)
    assert body in doc.text
    assert ("unknown XML encoding 'x-unknown-42'" in caplog.text) == warned


def test_control_characters_in_xml_dropped_with_a_warning(caplog):
    xml = JATS.format(body="A NUL\x00 and an escape\x1b character.").encode()
    with caplog.at_level(logging.WARNING):
        out = xml_bytes(xml, "paper.xml")
    assert b"A NUL and an escape character." in out
    assert "paper.xml: dropped 2 control characters" in caplog.text


def test_xml_the_parser_reads_is_left_as_it_is():
    xml = ('<?xml version="1.0" encoding="ISO-8859-1"?>' + JATS.format(body="caf\u00e9")).encode("latin-1")
    assert xml_bytes(xml) is xml

"""Format detection by content (leakmine.ingest.detect)."""

import codecs
import gzip

import pytest

from leakmine.ingest.detect import detect_format

JATS = b'<article article-type="case-report"><front/><body><p>x</p></body></article>'
PUBMED = b"<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation>" \
         b"</PubmedArticle></PubmedArticleSet>"


@pytest.mark.parametrize("data, fmt", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
    (b"\r\n%PDF-1.4\n", "pdf"),
    (JATS, "jats"),
    (b'<?xml version="1.0" encoding="UTF-8"?>\n' + JATS, "jats"),
    (codecs.BOM_UTF8 + b'<?xml version="1.0"?>' + JATS, "jats"),
    (b'<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving DTD v1.1//EN" '
     b'"JATS-archivearticle1.dtd">\n' + JATS, "jats"),
    (b"<!-- exported <PubmedArticleSet> -->\n" + JATS, "jats"),
    (b'<?xml version="1.0"?><!DOCTYPE article [ <!ENTITY nbsp "&#160;"> <!ELEMENT x (#PCDATA)> ]>'
     b"<?properties open_access?>" + JATS, "jats"),
    (b"<articles><article><front/></article><article><front/></article></articles>", "jats"),
    (b'<?xml version="1.0" ?><!DOCTYPE pmc-articleset PUBLIC "-//NLM//DTD ARTICLE SET 2.0//EN" '
     b'"https://dtd.nlm.nih.gov/ncbi/pmc/articleset/nlm-articleset-2.0.dtd"><pmc-articleset>'
     + JATS + b"</pmc-articleset>", "jats"),
    (b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><GetRecord><record><metadata>'
     b'<article xmlns="https://jats.nlm.nih.gov/ns/archiving/1.3/"><front/></article>'
     b"</metadata></record></GetRecord></OAI-PMH>", "jats"),
    (b'<jats:article xmlns:jats="https://jats.nlm.nih.gov/ns/archiving/1.3/"/>', "jats"),
    (PUBMED, "pubmed"),
    (b'<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN"'
     b' "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">\n' + PUBMED, "pubmed"),
    (b"<MedlineCitationSet>\n<MedlineCitation><PMID>2</PMID></MedlineCitation></MedlineCitationSet>", "pubmed"),
    (gzip.compress(PUBMED), "pubmed"),
    (gzip.compress(b'<?xml version="1.0"?>' + JATS), "jats"),
    (codecs.BOM_UTF16_LE + '<?xml version="1.0" encoding="UTF-16"?><article/>'.encode("utf-16-le"), "jats"),
    ("<PubmedArticleSet/>".encode("utf-16-le"), "pubmed"),
    (b"<!DOCTYPE html><html><body><p>A 70-year-old woman</p></body></html>", "text"),
    (b"<html lang='en'><head><title>Case</title></head></html>", "text"),
    (b"<div class='abstract'>Cement leakage into the canal</div>", "text"),
    (b"<5 mm of cement leaked into the L2 foramen.\nNo deficit followed.", "text"),
    (b"Case report\n\nA 76-year-old woman underwent kyphoplasty at T12.\n", "text"),
    ("Caf\u00e9 au lait \u2013 48\u2009kg".encode(), "text"),
    ("Na\u00efve patient, 5\u00b0 kyphosis".encode("cp1252"), "text"),
    (codecs.BOM_UTF8 + b"Vertebroplasty at L1", "text"),
    (("a" + "\u00e9" * 40000).encode(), "text"),  # a character cut at the probe end
])
def test_detects_readable_formats(data, fmt):
    assert detect_format(data) == fmt


@pytest.mark.parametrize("data, fmt", [
    (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
     "unsupported XML document <RDF>"),
    (b"<OAI-PMH><error code='idDoesNotExist'>no such record</error></OAI-PMH>",
     "unsupported XML document <OAI-PMH>"),
    (b"\x1f\x8b\x08\x00garbage-not-deflate", "corrupt gzip file"),
    (gzip.compress(b"A plain note about kyphoplasty."), "gzip-compressed text"),
    (gzip.compress(b"%PDF-1.5\n"), "gzip-compressed pdf"),
    (b"PK\x03\x04\x14\x00\x06\x00", "zip archive"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (old Word/Excel)"),
    (b"ELF\x00\x01\x02" + bytes(range(256)), "binary data"),
    (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50, "binary data"),
])
def test_names_what_is_not_a_paper(data, fmt):
    assert detect_format(data) == fmt

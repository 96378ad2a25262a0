"""JATS and PubMed XML -> Documents (leakmine.ingest.xml, .jats, .pubmed), on small hand-made files."""

import codecs
import gzip
import hashlib

import pytest

from leakmine.errors import IngestError
from leakmine.ingest import ingest
from leakmine.ingest.jats import sec_type_kind
from leakmine.ingest.xmltext import language_code, year_of

DOCTYPE = ('<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.1//EN" '
           '"JATS-archivearticle1.dtd">\n')


def article(body: str = "", front: str = "", back: str = "", extra: str = "", attrs: str = "") -> str:
    return (f'<article xmlns:xlink="http://www.w3.org/1999/xlink" {attrs}>'
            f"<front><article-meta>{front}</article-meta></front>"
            f"<body>{body}</body><back>{back}</back>{extra}</article>")


def read(tmp_path, xml: str | bytes, name: str = "paper.xml"):
    path = tmp_path / name
    path.write_bytes(xml.encode() if isinstance(xml, str) else xml)
    return ingest(path)


def one(tmp_path, xml: str):
    (doc,) = read(tmp_path, xml)
    return doc


def outline(doc) -> list[tuple[str, str]]:
    return [(s.title, s.kind) for s in doc.sections]


FRONT = (
    '<article-id pub-id-type="pmid">31234567</article-id><article-id pub-id-type="pmc">6543210</article-id>'
    '<article-id pub-id-type="doi">10.1000/XYZ.2019.7</article-id>'
    "<title-group><article-title>Cement leak into the <italic>canal</italic> after kyphoplasty</article-title>"
    "</title-group><contrib-group>"
    '<contrib contrib-type="author"><name><surname>Okafor</surname><given-names>Ada N</given-names></name></contrib>'
    '<contrib contrib-type="author"><name><surname>Lindqvist</surname><given-names>Per</given-names></name></contrib>'
    '<contrib contrib-type="editor"><name><surname>Editor</surname><given-names>An</given-names></name></contrib>'
    "</contrib-group>"
    '<pub-date pub-type="epub"><day>3</day><month>1</month><year>2019</year></pub-date>'
    '<pub-date pub-type="ppub"><year>2020</year></pub-date>'
    "<history><date date-type=\"received\"><year>2017</year></date></history>"
)


def test_jats_metadata(tmp_path):
    xml = ('<article article-type="case-report"><front><journal-meta><journal-title-group>'
           "<journal-title>Spine Case Reports</journal-title></journal-title-group></journal-meta>"
           f"<article-meta>{FRONT}</article-meta></front><body><p>Text.</p></body></article>")
    meta = one(tmp_path, xml).meta
    assert meta.title == "Cement leak into the canal after kyphoplasty"
    assert meta.authors == ["Ada N Okafor", "Per Lindqvist"]
    assert meta.first_author == "Okafor"
    assert (meta.journal, meta.year, meta.doi) == ("Spine Case Reports", 2019, "10.1000/XYZ.2019.7")
    assert (meta.pmid, meta.pmcid, meta.article_type, meta.language) == ("31234567", "PMC6543210", "case-report", "en")


@pytest.mark.parametrize("front, field, value", [
    ("", "title", None),
    ("", "year", None),
    ("", "first_author", None),
    ('<article-id pub-id-type="pmcid">PMC77</article-id>', "pmcid", "PMC77"),
    ('<article-id pub-id-type="pmc">77</article-id>', "pmcid", "PMC77"),
    ('<pub-date pub-type="collection"><month>7</month><year>2021</year></pub-date>', "year", 2021),
    ("<history><date><year>2015</year></date></history>", "year", 2015),
    ('<contrib-group><contrib contrib-type="author"><collab>Spine Registry Group</collab></contrib>'
     "</contrib-group>", "first_author", "Spine Registry Group"),
    ('<contrib-group><contrib contrib-type="author"><collab>Spine Registry Group</collab></contrib>'
     '<contrib contrib-type="author"><string-name><given-names>Li</given-names> <surname>Wen</surname>'
     "</string-name></contrib></contrib-group>", "first_author", "Wen"),
    ('<contrib-group><contrib><name-alternatives><name name-style="eastern"><surname>Wang</surname>'
     "<given-names>Lei</given-names></name></name-alternatives></contrib></contrib-group>", "authors", ["Lei Wang"]),
])
def test_jats_metadata_fields(tmp_path, front, field, value):
    assert getattr(one(tmp_path, article("<p>Text.</p>", front)).meta, field) == value


@pytest.mark.parametrize("attrs, article_type, language", [
    ('article-type="correction"', "correction", "en"),
    ('article-type="research-article" xml:lang="de"', "research-article", "de"),
    ('xml:lang="EN-GB"', None, "en"),
])
def test_jats_article_type_and_language(tmp_path, attrs, article_type, language):
    doc = one(tmp_path, article("<p>Der Patient.</p>", attrs=attrs))
    assert (doc.meta.article_type, doc.meta.language) == (article_type, language)
    assert doc.sections[0].language == language


@pytest.mark.parametrize("abstract, expected", [
    ("<abstract><p>One paragraph.</p></abstract>", [("Abstract", "abstract")]),
    ("<abstract><title>Summary</title><p>One paragraph.</p></abstract>", [("Summary", "abstract")]),
    ("<abstract><sec><title>Background</title><p>a</p></sec><sec><title>Case presentation</title><p>b</p></sec>"
     "<sec><title>Methods</title><p>c</p></sec><sec><title>Conclusions</title><p>d</p></sec></abstract>",
     [("Abstract", "abstract"), ("Background", "abstract"), ("Case presentation", "case"),
      ("Methods", "methods"), ("Conclusions", "conclusion")]),
    ("<abstract><title>Abstract</title><sec><title>Aims</title><p>a</p></sec></abstract>",
     [("Abstract", "abstract"), ("Aims", "abstract")]),
    ('<abstract abstract-type="graphical"><title>Graphical abstract</title><p>g</p></abstract>'
     "<abstract><p>main</p></abstract>", [("Graphical abstract", "front-matter"), ("Abstract", "abstract")]),
    ('<abstract abstract-type="short"><p>only one</p></abstract>', [("Abstract", "abstract")]),
])
def test_jats_abstracts(tmp_path, abstract, expected):
    assert outline(one(tmp_path, article(front=abstract))) == expected


def test_jats_translated_abstract_keeps_its_language(tmp_path):
    doc = one(tmp_path, article(front='<abstract><p>Main.</p></abstract>'
                                      '<trans-abstract xml:lang="es"><p>Resumen.</p></trans-abstract>'))
    assert [(s.kind, s.language, s.mined) for s in doc.sections] == [("abstract", "en", True),
                                                                       ("abstract", "es", False)]


NESTED = (
    "<sec><title>1. Introduction</title><p>Intro text.</p></sec>"
    "<sec><title>2. Case Presentation</title>"
    "<sec><title>2.1. Case\u2009\u20091</title><p>A 61-year-old\u00a0man.</p></sec>"
    "<sec><title>2.2. Case\u2009\u20092</title><p>A 70-year-old woman.</p>"
    "<sec><title>Radiology</title><p>MRI showed it.</p></sec></sec></sec>"
    "<sec><title>3. Discussion</title><p>Others saw it.</p>"
    "<sec><title>Treatment</title><p>Most authors fix it.</p></sec>"
    "<sec><title>Conclusion</title><p>Be careful.</p></sec></sec>"
    "<sec><title>Clinical Vignette</title><p>Unknown heading.</p><sec><p>Untitled part.</p></sec></sec>"
    '<sec sec-type="materials|methods"><title>How we did it</title><p>We looked.</p></sec>'
)


def test_jats_nested_sections(tmp_path):
    doc = one(tmp_path, article(NESTED))
    assert outline(doc) == [
        ("1. Introduction", "introduction"), ("2. Case Presentation", "case"), ("2.1. Case 1", "case"),
        ("2.2. Case 2", "case"), ("Radiology", "case"), ("3. Discussion", "discussion"),
        ("Treatment", "discussion"), ("Conclusion", "conclusion"), ("Clinical Vignette", "other"),
        ("", "other"), ("How we did it", "methods"),
    ]
    texts = {s.title: s.text for s in doc.sections}
    assert texts["2.1. Case 1"] == "A 61-year-old man."
    assert texts["2. Case Presentation"] == "2. Case Presentation"  # heading kept in the outline
    assert texts["2.2. Case 2"] == "A 70-year-old woman."


def test_jats_body_paragraphs_before_sections_and_offsets(tmp_path):
    doc = one(tmp_path, article("<p>First.</p><p>Second <bold>bold</bold> one.</p>"
                                "<sec><title>Discussion</title><p>Third.</p></sec>"))
    assert outline(doc) == [("", "other"), ("Discussion", "discussion")]
    assert doc.sections[0].text == "First.\n\nSecond bold one."
    for s in doc.sections:
        assert doc.text[s.start_char:s.end_char] == s.text


FIG = ('<fig id="f1"><label>Figure 1</label><caption><title>Lateral view.</title><p>Cement in the '
       "canal (arrow).</p></caption><graphic xlink:href=\"f1.jpg\"/></fig>")
TABLE = ('<table-wrap id="t1"><label>Table 1</label><caption><p>Laboratory values</p></caption><table>'
         "<thead><tr><th>Test</th><th>Case 1</th><th>Case 2</th></tr></thead><tbody>"
         "<tr><td>CRP (mg/L)</td><td>12</td><td>80</td></tr><tr><td/><td/><td/></tr>"
         "<tr><td>WBC</td><td>9.1<break/>(high)</td><td>7</td></tr></tbody></table>"
         "<table-wrap-foot><fn><p>CRP: C-reactive protein.</p></fn></table-wrap-foot></table-wrap>")


@pytest.mark.parametrize("body, extra, expected", [
    # a figure inside a paragraph: out of the text, right after its section
    (f"<sec><title>Case report</title><p>Before {FIG} after.</p></sec><sec><title>Discussion</title><p>D.</p></sec>",
     "", [("Case report", "case", "Before after."),
          ("", "caption", "Figure 1: Lateral view. Cement in the canal (arrow)."),
          ("Discussion", "discussion", "D.")]),
    # floats kept apart: after the first section that cites them
    ('<sec><title>Introduction</title><p>I.</p></sec><sec><title>Case report</title><p>See '
     '<xref ref-type="table" rid="t1">Table 1</xref>.</p></sec><sec><title>Discussion</title><p>D.</p></sec>',
     f"<floats-group>{TABLE}</floats-group>",
     [("Introduction", "introduction", "I."), ("Case report", "case", "See Table 1."),
      ("", "table", "Table 1: Laboratory values\nTest | Case 1 | Case 2\nCRP (mg/L) | 12 | 80\n"
                    "WBC | 9.1 (high) | 7\nCRP: C-reactive protein."),
      ("Discussion", "discussion", "D.")]),
    # an uncited float goes to the end of the body
    ("<sec><title>Case report</title><p>C.</p></sec>", f"<floats-group>{FIG}</floats-group>",
     [("Case report", "case", "C."), ("", "caption", "Figure 1: Lateral view. Cement in the canal (arrow).")]),
    # a figure group: its caption, then each figure
    ('<sec><title>Case report</title><p>C.</p><fig-group id="g1"><caption><p>Imaging.</p></caption>'
     f"{FIG}</fig-group></sec>", "",
     [("Case report", "case", "C."), ("", "caption", "Imaging."),
      ("", "caption", "Figure 1: Lateral view. Cement in the canal (arrow).")]),
    # a figure without label or caption text leaves nothing
    ('<sec><title>Case report</title><p>C.</p><fig id="f9"><graphic xlink:href="x.jpg"/></fig></sec>', "",
     [("Case report", "case", "C.")]),
    # display formulas are not running text
    ("<sec><title>Methods</title><p>We used</p><disp-formula>x = 1</disp-formula><p>it.</p></sec>", "",
     [("Methods", "methods", "We used\n\nit.")]),
    # lists inside a section are read, items apart
    ("<sec><title>Case report</title><list><list-item><p>Pain</p></list-item><list-item><p>Fever</p>"
     "</list-item></list></sec>", "", [("Case report", "case", "Pain\n\nFever")]),
])
def test_jats_figures_and_tables(tmp_path, body, extra, expected):
    doc = one(tmp_path, article(body, extra=extra))
    assert [(s.title, s.kind, s.text) for s in doc.sections] == expected


BACK = (
    "<ack><title>Acknowledgments</title><p>We thank the nurses.</p></ack>"
    '<sec sec-type="conflict"><title>Conflict of Interests</title><p>None.</p></sec>'
    '<fn-group><fn><p>Funding: none.</p></fn><fn><p>Consent obtained.</p></fn></fn-group>'
    "<ref-list><ref id=\"B1\"><label>1</label><element-citation><person-group><name><surname>Roe</surname>"
    "<given-names>J</given-names></name></person-group><article-title>Leaks</article-title>"
    "<source>Spine</source><year>2001</year></element-citation></ref>"
    "<ref id=\"B2\"><mixed-citation>Doe A. Cement. <italic>Eur Spine J</italic>. 2010;3:1-2.</mixed-citation></ref>"
    "</ref-list>"
    "<app-group><app><title>Appendix</title><p>Extra data.</p></app></app-group>"
)


def test_jats_back_matter(tmp_path):
    doc = one(tmp_path, article("<p>Body.</p>", back=BACK))
    assert [(s.title, s.kind, s.mined) for s in doc.sections] == [
        ("", "other", True), ("Acknowledgments", "back-matter", False),
        ("Conflict of Interests", "back-matter", False), ("", "back-matter", False),
        ("References", "references", False), ("Appendix", "back-matter", False),
    ]
    by_kind = {s.kind: s.text for s in doc.sections}
    assert by_kind["references"] == "1 Roe J Leaks Spine 2001\nDoe A. Cement. Eur Spine J. 2010;3:1-2."
    assert doc.sections[3].text == "Funding: none.\nConsent obtained."


def test_jats_titled_section_around_reference_list_names_it(tmp_path):
    doc = one(tmp_path, article("<p>Body.</p>", back="<sec><title>Literature</title><ref-list><ref>"
                                                     "<mixed-citation>Roe J. 2001.</mixed-citation></ref></ref-list></sec>"))
    assert outline(doc) == [("", "other"), ("Literature", "references")]


@pytest.mark.parametrize("xml", [
    DOCTYPE + article("<p>A&nbsp;70&ndash;year&hellip;</p>"),  # entities the DTD would define
    article("<p>A&nbsp;70&ndash;year&hellip;</p>"),  # and without any DOCTYPE
])
def test_jats_html_entities_without_the_dtd(tmp_path, xml):
    assert one(tmp_path, xml).sections[0].text == "A 70\u2013year\u2026"


@pytest.mark.parametrize("xml, reason", [
    (article("<p>unclosed</sec>"), "malformed XML"),
    ("<articles></articles>", "XML holds no article or PubMed citation"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + gzip.compress(b"<article/>")[10:20], "corrupt gzip file"),
])
def test_bad_xml_is_one_line_naming_the_file(tmp_path, xml, reason):
    path = tmp_path / "broken.xml"
    path.write_bytes(xml.encode() if isinstance(xml, str) else xml)
    with pytest.raises(IngestError) as e:
        ingest(path)
    assert reason in str(e.value) and "broken.xml" in str(e.value) and "\n" not in str(e.value)


def bundle(n: int) -> str:
    arts = "".join(article(f"<p>Paper {i}.</p>", f'<article-id pub-id-type="pmcid">PMC{i}</article-id>')
                   for i in range(n))
    return f"<articles>{arts}</articles>"


def test_bundle_yields_one_document_per_article_with_stable_ids(tmp_path):
    docs = read(tmp_path, bundle(3))
    again = read(tmp_path, bundle(3), name="copy.xml")
    assert [d.sections[0].text for d in docs] == ["Paper 0.", "Paper 1.", "Paper 2."]
    assert len({d.paper_id for d in docs}) == 3
    assert [d.paper_id for d in docs] == [d.paper_id for d in again]
    assert {d.source_format for d in docs} == {"jats"}


def test_one_article_file_id_is_its_content_hash_gzipped_or_not(tmp_path):
    plain = (DOCTYPE + article("<p>Only.</p>")).encode()
    (doc,) = read(tmp_path, gzip.compress(plain), name="paper.nxml.gz")
    (same,) = read(tmp_path, plain, name="paper.nxml")
    assert doc.paper_id == same.paper_id == hashlib.sha256(plain).hexdigest()[:16]
    assert doc.sections[0].text == "Only."


NAMESPACED = ('<article xmlns="https://jats.nlm.nih.gov/ns/archiving/1.3/" article-type="case-report"><front>'
              "<article-meta><title-group><article-title>Caf\u00e9 leak</article-title></title-group></article-meta>"
              "</front><body><sec><title>Case report</title><p>A 70-year-old.</p></sec></body></article>")


@pytest.mark.parametrize("data", [
    NAMESPACED.encode(),
    codecs.BOM_UTF16_LE + ('<?xml version="1.0" encoding="UTF-16"?>' + NAMESPACED).encode("utf-16-le"),
    ('<?xml version="1.0" encoding="ISO-8859-1"?>' + NAMESPACED).encode("latin-1"),
    codecs.BOM_UTF8 + b"<!-- saved from PMC -->\n" + NAMESPACED.encode(),
    ('<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><GetRecord><record><metadata>' + NAMESPACED
     + "</metadata></record></GetRecord></OAI-PMH>").encode(),
])
def test_jats_encodings_namespaces_and_wrappers(tmp_path, data):
    (doc,) = read(tmp_path, data)
    assert (doc.meta.title, doc.meta.article_type) == ("Caf\u00e9 leak", "case-report")
    assert outline(doc) == [("Case report", "case")]


def test_efetch_pmc_articleset(tmp_path):
    xml = '<?xml version="1.0" ?><pmc-articleset>' + article("<p>Notice.</p>", attrs='article-type="correction"') \
        + "</pmc-articleset>"
    (doc,) = read(tmp_path, xml)
    assert doc.meta.article_type == "correction"


# ------------------------------------------------------------------------------------------ PubMed

def citation(pmid: str, abstract: str = "", extra_article: str = "", data: str = "", wrap: bool = True) -> str:
    cit = (f'<MedlineCitation Status="MEDLINE"><PMID Version="1">{pmid}</PMID><Article PubModel="Print">'
           "<Journal><JournalIssue><PubDate><Year>2015</Year><Month>Mar</Month></PubDate></JournalIssue>"
           "<Title>European spine journal</Title><ISOAbbreviation>Eur Spine J</ISOAbbreviation></Journal>"
           f"<ArticleTitle>Cement leakage after vertebroplasty.</ArticleTitle>{extra_article}"
           f"{abstract}<AuthorList><Author ValidYN=\"Y\"><LastName>Ito</LastName><ForeName>Ken</ForeName></Author>"
           "<Author><CollectiveName>Spine Study Group</CollectiveName></Author></AuthorList>"
           "<Language>eng</Language><PublicationTypeList><PublicationType UI=\"D002363\">Case Reports"
           "</PublicationType><PublicationType>Journal Article</PublicationType></PublicationTypeList>"
           "</Article></MedlineCitation>")
    return f"<PubmedArticle>{cit}<PubmedData>{data}</PubmedData></PubmedArticle>" if wrap else cit


STRUCTURED = ('<Abstract><AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Why.</AbstractText>'
              '<AbstractText Label="CASE PRESENTATION" NlmCategory="METHODS">A 77-year-old woman.</AbstractText>'
              '<AbstractText Label="DESIGN" NlmCategory="METHODS">Trial.</AbstractText>'
              '<AbstractText Label="CONCLUSIONS" NlmCategory="CONCLUSIONS">Be careful with <i>PMMA</i>.'
              "</AbstractText><CopyrightInformation>\u00a9 2015 The Authors.</CopyrightInformation></Abstract>")


def test_pubmed_structured_abstract_and_metadata(tmp_path):
    data = ('<ArticleIdList><ArticleId IdType="pubmed">25000001</ArticleId><ArticleId IdType="doi">'
            '10.5555/esj-015-1</ArticleId><ArticleId IdType="pmc">PMC4400001</ArticleId></ArticleIdList>'
            '<ReferenceList><Reference><ArticleIdList><ArticleId IdType="doi">10.9/other</ArticleId>'
            "</ArticleIdList></Reference></ReferenceList>")
    xml = f"<PubmedArticleSet>{citation('25000001', STRUCTURED, data=data)}</PubmedArticleSet>"
    doc = one(tmp_path, xml)
    assert [(s.title, s.kind, s.text) for s in doc.sections] == [
        ("BACKGROUND", "abstract", "Why."), ("CASE PRESENTATION", "case", "A 77-year-old woman."),
        ("DESIGN", "methods", "Trial."), ("CONCLUSIONS", "conclusion", "Be careful with PMMA."),
        ("", "back-matter", "\u00a9 2015 The Authors."),
    ]
    m = doc.meta
    assert (m.title, m.journal, m.year) == ("Cement leakage after vertebroplasty", "European spine journal", 2015)
    assert (m.pmid, m.doi, m.pmcid) == ("25000001", "10.5555/esj-015-1", "PMC4400001")
    assert (m.authors, m.first_author) == (["Ken Ito", "Spine Study Group"], "Ito")
    assert (m.article_type, m.language, doc.source_format) == ("Case Reports; Journal Article", "en", "pubmed")


def test_pubmed_title_of_a_translation_loses_its_brackets(tmp_path):
    xml = citation("25000002").replace("Cement leakage after vertebroplasty.",
                                       "[Cement in the foramen after sacroplasty in a woman of seventy].")
    assert one(tmp_path, f"<PubmedArticleSet>{xml}</PubmedArticleSet>").meta.title == \
        "Cement in the foramen after sacroplasty in a woman of seventy"


@pytest.mark.parametrize("extra_article, data, field, value", [
    ('<ELocationID EIdType="doi" ValidYN="Y">10.1/eloc</ELocationID>', "", "doi", "10.1/eloc"),
    ('<ELocationID EIdType="pii" ValidYN="Y">S0001</ELocationID>', "", "doi", None),
    ("", '<ReferenceList><Reference><ArticleIdList><ArticleId IdType="doi">10.9/ref</ArticleId>'
         "</ArticleIdList></Reference></ReferenceList>", "doi", None),
    ("", "", "pmcid", None),
    ("<Language>ger</Language>", "", "language", "de"),  # the first listed language wins
])
def test_pubmed_fields(tmp_path, extra_article, data, field, value):
    xml = f"<PubmedArticleSet>{citation('1', extra_article=extra_article, data=data)}</PubmedArticleSet>"
    assert getattr(one(tmp_path, xml).meta, field) == value


def test_pubmed_foreign_language_and_medline_date(tmp_path):
    xml = citation("2").replace("<Language>eng</Language>", "<Language>ger</Language>").replace(
        "<Year>2015</Year><Month>Mar</Month>", "<MedlineDate>1998 Dec-1999 Jan</MedlineDate>")
    meta = one(tmp_path, f"<PubmedArticleSet>{xml}</PubmedArticleSet>").meta
    assert (meta.language, meta.year) == ("de", 1998)


def test_pubmed_many_citations_unstructured_and_missing_abstracts(tmp_path):
    unstructured = "<Abstract><AbstractText>Plain abstract.</AbstractText></Abstract>"
    xml = ("<PubmedArticleSet>" + citation("11", unstructured) + citation("12")
           + "<DeleteCitation><PMID>99</PMID></DeleteCitation>" + citation("11", unstructured)
           + "</PubmedArticleSet>")
    docs = read(tmp_path, gzip.compress(xml.encode()), name="update.xml.gz")
    assert [d.meta.pmid for d in docs] == ["11", "12", "11"]
    assert outline(docs[0]) == [("Abstract", "abstract")]
    assert docs[1].sections == []
    assert len({d.paper_id for d in docs}) == 3


def test_medline_citation_set(tmp_path):
    xml = ('<?xml version="1.0"?>\n<MedlineCitationSet>' + citation("21", STRUCTURED, wrap=False)
           + citation("22", wrap=False) + "</MedlineCitationSet>")
    docs = read(tmp_path, xml)
    assert [d.meta.pmid for d in docs] == ["21", "22"]
    assert docs[0].sections[1].kind == "case"


def test_pubmed_book_article(tmp_path):
    xml = ("<PubmedArticleSet><PubmedBookArticle><BookDocument><PMID>20301000</PMID>"
           "<Book><BookTitle>GeneReviews</BookTitle><PubDate><Year>2010</Year></PubDate></Book>"
           "<ArticleTitle>Osteogenesis imperfecta</ArticleTitle><Language>eng</Language>"
           "<AuthorList><Author><LastName>Steiner</LastName><ForeName>R</ForeName></Author></AuthorList>"
           "<PublicationType>Review</PublicationType>"
           "<Abstract><AbstractText Label=\"SUMMARY\">Brittle bones.</AbstractText></Abstract>"
           "</BookDocument></PubmedBookArticle></PubmedArticleSet>")
    doc = one(tmp_path, xml)
    m = doc.meta
    assert (m.pmid, m.title, m.journal, m.year, m.first_author, m.article_type) == (
        "20301000", "Osteogenesis imperfecta", "GeneReviews", 2010, "Steiner", "Review")
    assert outline(doc) == [("SUMMARY", "abstract")]


# ------------------------------------------------------------------------------------ pure helpers

@pytest.mark.parametrize("sec_type, kind", [
    ("intro", "introduction"), ("materials|methods", "methods"), ("cases", "case"), ("Conclusions", "conclusion"),
    ("supplementary-material", "back-matter"), ("display-objects", "back-matter"), ("", None), (None, None),
    ("unknown-type", None),
])
def test_sec_type_kind(sec_type, kind):
    assert sec_type_kind(sec_type) == kind


@pytest.mark.parametrize("text, year", [
    ("2016", 2016), ("2015 Dec-2016 Jan", 2015), ("Spring 1999", 1999), ("12", None), ("", None), (None, None),
    ("30000", None),
])
def test_year_of(text, year):
    assert year_of(text) == year


@pytest.mark.parametrize("code, lang", [
    ("eng", "en"), ("ger", "de"), ("fre", "fr"), ("EN-GB", "en"), ("pt_BR", "pt"), ("", "en"), (None, "en"),
    ("xyz", "xyz"),
])
def test_language_code(code, lang):
    assert language_code(code) == lang


@pytest.mark.parametrize(("encoding", "declared"), [
    ("utf-8", None), ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32", "UTF-32"),
    ("utf-8", "utf8"), ("cp1252", "windows-1252"), ("iso8859-15", "ISO-8859-15")])
def test_a_streamed_pubmed_file_reads_as_a_whole_read(tmp_path, monkeypatch, encoding, declared):
    """What the batch streams (`cut_citations`, in blocks that cut characters, entities and the
    declaration, one citation a run) and its workers read (`read_citations`) is what `ingest` reads:
    recoded as a whole read recodes, titles read for what they state (a review, a case heading) and
    control characters dropped."""
    import hashlib

    from leakmine.ingest import xml
    from leakmine.ingest.xml import cut_citations, read_citations

    records = [("A meta-analysis of cement leakage after kyphoplasty", "Leakage was common &ndash; 5 of 9."),
               ("Paraplegia after vertebroplasty \u2013 the T12 level", "A 70-year-old woman\x00 had weakness.")]
    body = "".join(
        f"<PubmedArticle><MedlineCitation><PMID>{3100 + i}</PMID><Article><ArticleTitle>{title}</ArticleTitle>"
        f'<Abstract><AbstractText Label="CASE 2">{text}</AbstractText></Abstract></Article></MedlineCitation>'
        "</PubmedArticle>" for i, (title, text) in enumerate(records))
    path = tmp_path / "baseline.xml"
    declaration = f' encoding="{declared}"' if declared else ""
    padding = "<!-- " + "a comment longer than the first block the recoder reads " * 100 + "-->"
    text = f'<?xml version="1.0"{declaration}?><PubmedArticleSet>{padding}{body}</PubmedArticleSet>'
    path.write_bytes(text.encode(encoding, errors="xmlcharrefreplace"))

    def read(documents):
        return [(d.paper_id, d.text, d.meta.pools_studies, [s.case_number for s in d.sections]) for d in documents]

    whole = read(ingest(path))
    assert [pools for _, _, pools, _ in whole] == [True, False] and 2 in whole[1][3]
    assert "\x00" not in whole[1][1] and "\u2013" in whole[1][1] + whole[0][1]
    monkeypatch.setattr(xml, "_CHUNK", 7)
    runs = list(cut_citations(path, hashlib.sha256(path.read_bytes()).hexdigest(), 1))
    assert [run.first for run in runs] == [0, 1]
    assert read(d for run in runs for d in read_citations(run)) == whole


BOOK = ("<PubmedBookArticle><BookDocument><PMID>4100</PMID><Book><BookTitle>Spine care</BookTitle></Book>"
        "<Abstract><AbstractText>A 60-year-old man had leg weakness.</AbstractText></Abstract>"
        "</BookDocument></PubmedBookArticle>")
PMC_ONLY = citation("", data='<ArticleIdList><ArticleId IdType="pmc">4400002</ArticleId></ArticleIdList>')
IDS_87 = ('<ArticleIdList><ArticleId IdType="doi">10.1/x</ArticleId><ArticleId IdType="pubmed">7</ArticleId>'
          '<ArticleId IdType="pubmed">8</ArticleId></ArticleIdList>')


def pubmed_set(body: str) -> str:
    root = "MedlineCitationSet" if body.startswith("<MedlineCitation") else "PubmedArticleSet"
    namespace = ' xmlns:pm="urn:pubmed"' if "pm:" in body else ""
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root}>\n<{root}{namespace}>\n{body}\n</{root}>\n'


@pytest.mark.parametrize("body", [
    pytest.param(citation("3100") + citation("3101") + citation("3102"), id="articles"),
    pytest.param(citation("3100") + "<DeleteCitation><PMID>9</PMID></DeleteCitation><!-- <PubmedArticle> -->"
                 + "<?pi <PubmedArticle>?>" + citation("3101"), id="markup-between"),
    pytest.param(citation("3100") + citation("3100") + citation("3101") + citation("3100"), id="update-repeats"),
    pytest.param(citation("3100", data='<ArticleIdList><ArticleId IdType="pubmed">3100</ArticleId>'
                          "</ArticleIdList>") + PMC_ONLY + PMC_ONLY.replace("<PMID Version=\"1\"></PMID>", "")
                 + citation("", data=IDS_87), id="no-pmid"),
    pytest.param(citation("3100") + BOOK + "<PubmedArticle />", id="book-and-empty"),
    pytest.param(citation("3100"), id="one-citation"),
    pytest.param(citation("3100", wrap=False) + citation("3101", wrap=False), id="medline-citation-set"),
    pytest.param(citation("3100").replace("PubmedArticle>", "pm:PubmedArticle>"), id="prefixed"),
    pytest.param(citation("3100").replace("<PubmedArticle>", '<PubmedArticle note="a/>b">') + citation("3101"),
                 id="slash-in-attribute"),
    pytest.param(citation("3100").replace("</PubmedData>", "<!-- </PubmedArticle> --></PubmedData>")
                 + citation("3101").replace("</PubmedArticle>", "</PubmedArticle   \n >"), id="end-tags-inside"),
    pytest.param(citation("3100").replace('<PMID Version="1">', '<!-- <PMID>9</PMID> --><PMID Version="1">')
                 + citation("12 3") + citation("12"), id="odd-pmids"),
])
@pytest.mark.parametrize("size", [1, 2, 100])
def test_cut_citations_read_as_the_whole_file_reads_them(tmp_path, body, size):
    """A batch's runs of citations (`cut_citations`, found by their tags, unparsed) read by its
    workers (`read_citations`) are the documents `ingest` reads in the whole file, with the same ids:
    repeated PMIDs (update files), citations without one and tags inside markup included."""
    from leakmine.ingest.xml import cut_citations, read_citations

    path = tmp_path / "baseline.xml"
    path.write_text(pubmed_set(body))

    def seen(documents):
        return [(d.paper_id, d.text, d.meta.pmid, d.meta.pmcid) for d in documents]

    whole = seen(ingest(path))
    runs = list(cut_citations(path, hashlib.sha256(path.read_bytes()).hexdigest(), size))
    assert [len(run.ids) for run in runs][:-1] == [size] * (len(runs) - 1)
    assert seen(d for run in runs for d in read_citations(run)) == whole
    assert len({paper_id for paper_id, *_ in whole}) == len(whole)


def test_a_gzipped_pubmed_file_gets_the_ids_a_whole_read_gives(tmp_path):
    from leakmine.ingest.xml import cut_citations, read_citations

    path = tmp_path / "baseline.xml.gz"
    path.write_bytes(gzip.compress(pubmed_set(citation("3100") + citation("3101")).encode()))
    runs = cut_citations(path, hashlib.sha256(path.read_bytes()).hexdigest(), 1)
    assert [d.paper_id for run in runs for d in read_citations(run)] == [d.paper_id for d in ingest(path)]


@pytest.mark.parametrize(("text", "units", "error"), [
    pytest.param(f"<PubmedArticleSet>{citation('3100')}{citation('3101')}{citation('3102')[:200]}", 2,
                 "<PubmedArticle> not closed at the end of the file", id="cut-in-a-citation"),
    pytest.param(f"<PubmedArticleSet>{citation('3100')}{citation('3101')}", 2, "no element found",
                 id="cut-between-citations"),
    pytest.param(f"<PubmedArticleSet>{citation('3100')} junk & {citation('3101')}</PubmedArticleSet>", 2,
                 "not well-formed", id="junk-between"),
    pytest.param(f"<PubmedArticleSet>{citation('3100')}</PubmedArticleSet><PubmedArticleSet>{citation('3101')}"
                 "</PubmedArticleSet>", 2, "junk after document element", id="two-documents"),
])
@pytest.mark.parametrize("size", [1, 200])
def test_a_file_broken_outside_its_citations_is_malformed_after_the_runs_before(tmp_path, text, units, error, size):
    """Every citation read before the fault is in a run (the last one short), then the error."""
    from leakmine.ingest.xml import cut_citations

    path = tmp_path / "baseline.xml"
    path.write_text(text)
    runs = cut_citations(path, "0" * 64, size)
    assert [len(next(runs).ids) for _ in range(units if size == 1 else 1)] == ([1] * units if size == 1 else [units])
    with pytest.raises(IngestError, match=f"malformed XML.*{error}"):
        next(runs)


def test_a_damaged_gzipped_pubmed_file_gives_the_citations_before_the_damage(tmp_path, monkeypatch):
    from leakmine.ingest import xml
    from leakmine.ingest.xml import cut_citations

    monkeypatch.setattr(xml, "_CHUNK", 4096)
    path = tmp_path / "baseline.xml.gz"
    whole = gzip.compress(pubmed_set("".join(citation(str(3100 + n)) for n in range(400))).encode())
    path.write_bytes(whole[:len(whole) * 3 // 5])
    got = []
    with pytest.raises(IngestError, match="malformed XML"):
        for run in cut_citations(path, hashlib.sha256(path.read_bytes()).hexdigest(), 100):
            got.append((run.first, len(run.ids)))
    assert [first for first, _ in got] == [100 * i for i in range(len(got))] and got[-1][1] < 100
    assert sum(n for _, n in got) > 150  # of 400: what the damaged stream still gives


@pytest.mark.parametrize(("second", "error", "after"), [
    (citation("3101", "<Abstract>a < b</Abstract>"), r"not well-formed", ["3102"]),
    (citation("3101").replace("</PubmedArticle>", ""), r"<PubmedArticle> not closed", []),
])
def test_a_run_of_citations_that_does_not_parse_names_the_citations(tmp_path, second, error, after):
    """A citation that is not well-formed, or not closed (the cut runs on to the next one's end), is
    an error of its run, which names the citations; the others are read."""
    from leakmine.ingest.xml import cut_citations, read_citations

    path = tmp_path / "baseline.xml"
    path.write_text(f"<PubmedArticleSet>{citation('3100')}{second}{citation('3102')}</PubmedArticleSet>")
    runs = list(cut_citations(path, "0" * 64, 1))
    assert [d.meta.pmid for d in read_citations(runs[0])] == ["3100"]
    with pytest.raises(IngestError, match=rf"malformed XML in citations 2-2 \({error}"):
        read_citations(runs[1])
    assert [d.meta.pmid for run in runs[2:] for d in read_citations(run)] == after


def test_citations_are_cut_alike_in_blocks_of_any_size():
    """Start tags (a quoted "/>" or ">" in them), end tags (white space in them), comments, CDATA, a
    DOCTYPE whose subset names a citation's tag, and the text before the first citation, cut across
    blocks of every size: the same pieces, and the same skeleton between them."""
    from xml.etree.ElementTree import XMLPullParser

    from leakmine.ingest.xml import _cut

    data = ('<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [ <!ENTITY e "<PubmedArticle>"> ]>\n'
            "<!-- the head -->\n<PubmedArticleSet>" + "x" * 100
            + citation("3100").replace("<PubmedArticle>", '<PubmedArticle a="/>" b=\'>\'>')
            + "<!-- </PubmedArticle> --><![CDATA[<PubmedArticle>]]>"
            + citation("3101").replace("</PubmedData>", "<!-- </PubmedArticle> --></PubmedData>")
            .replace("</PubmedArticle>", "</PubmedArticle" + " " * 100 + ">")
            + "<PubmedArticle/></PubmedArticleSet>").encode()
    pieces = list(_cut([data], XMLPullParser()))
    assert len(pieces) == 4 and pieces[0].endswith(b"x" * 100) and pieces[-1] == b"<PubmedArticle/>"
    for size in range(1, 400):
        skeleton = XMLPullParser()
        assert list(_cut((data[i:i + size] for i in range(0, len(data), size)), skeleton)) == pieces
        skeleton.close()


def test_a_file_that_is_one_citation_is_cut_as_one(tmp_path):
    from leakmine.ingest.xml import cut_citations, read_citations

    path = tmp_path / "citation.xml"
    path.write_text(f'<?xml version="1.0"?>\n{citation("3100")}\n')
    (run,) = cut_citations(path, hashlib.sha256(path.read_bytes()).hexdigest(), 200)
    assert [(d.paper_id, d.text) for d in read_citations(run)] == [(d.paper_id, d.text) for d in ingest(path)]

"""Bibliographic facts read from text (leakmine.ingest.metadata)."""

import pytest

from leakmine.ingest.metadata import (
    cited_first_author,
    date_year,
    find_dois,
    first_author_surname,
    history_year,
    normalize_doi,
    parse_byline,
    parse_citation_line,
    parse_cite_as,
    record_metadata,
    split_run_in_title,
    surname,
)


@pytest.mark.parametrize("text, dois", [
    ("see https://doi.org/10.1016/J.SPINEE.2019.01.002.", ["10.1016/j.spinee.2019.01.002"]),
    ("doi:10.1016/S0140-6736(20)30183-5).", ["10.1016/s0140-6736(20)30183-5"]),
    ("<http://dx.doi.org/10.9999/abc.12>", ["10.9999/abc.12"]),
    ("DOI: 10.5555/X1; doi: 10.5555/x1, and 10.5555/y2", ["10.5555/x1", "10.5555/y2"]),
    ("https://doi.org/10.1002%2Fjor.1234", ["10.1002/jor.1234"]),
    ("version 10.2 of the software", []),
    ("no identifier here", []),
])
def test_find_dois(text, dois):
    assert find_dois(text) == dois


def test_normalize_doi_strips_prefix_and_punctuation():
    assert normalize_doi("doi: 10.3171/SPINE.2020.1.CASE42;") == "10.3171/spine.2020.1.case42"


@pytest.mark.parametrize("text, year", [
    ("Received 3 May 2019", 2019),
    ("published 2021-11-02", 2021),
    ("March 4, 2018", 2018),
    ("Sept 2015 issue", 2015),
    ("no year here", None),
    ("in 1850 it was", None),
])
def test_date_year(text, year):
    assert date_year(text) == year


@pytest.mark.parametrize("text, year", [
    ("Received: 2 Dec 2022; Accepted: 5 Feb 2023; Published: 1 Mar 2024", 2024),
    ("Received 10 Nov 2020, accepted 4 Jan 2021", 2021),
    ("Submitted: 12 June 2017", 2017),
])
def test_history_year(text, year):
    assert history_year(text) == year


@pytest.mark.parametrize("line, journal, year, dois", [
    ("Eur Spine J. 2019 Mar;28(3):612-618. doi: 10.1007/s00586-018-5555-1.", "Eur Spine J", 2019,
     ("10.1007/s00586-018-5555-1",)),
    ("3. J Orthop Surg Res. 2020 Jan 7;15:4.", "J Orthop Surg Res", 2020, ()),
    ("Global Spine Journal 2017; 7(2): 101-110", "Global Spine Journal", 2017, ()),
    ("Acta Neurochir (2015) 157:1083\u20131090", "Acta Neurochir", 2015, ()),
    ("Spine (Phila Pa 1976). 2012;37:E1-E5.", "Spine (Phila Pa 1976)", 2012, ()),
    ("J. Neurosurg. Spine 21:45\u201350, 2014", "J. Neurosurg. Spine", 2014, ()),
])
def test_parse_citation_line(line, journal, year, dois):
    c = parse_citation_line(line)
    assert c is not None and (c.journal, c.year, c.dois) == (journal, year, dois)


@pytest.mark.parametrize("line", [
    "[4] Okafor C, Lee K. Cement leak. Spine J. 2018;18:1-9.",
    "2. Novak T. Cement in the canal after augmentation. Eur Spine J. 2016;25:33-40.",
    "Between 2011 and 2019, 320 patients underwent kyphoplasty; 12 had leaks.",
    "The patient was followed for 2 years (2019; 3 visits).",
])
def test_parse_citation_line_rejects(line):
    assert parse_citation_line(line) is None


@pytest.mark.parametrize("line, journal, year, doi, author", [
    ("Please cite this article as: Okafor C, Lindgren E. Cement in the foramen after sacroplasty. "
     "Eur Spine J. 2019;28(4):100-105. https://doi.org/10.1007/s00586-019-00001-x",
     "Eur Spine J", 2019, "10.1007/s00586-019-00001-x", "Okafor"),
    ("How to cite this article: van Dijk J, Berg A. A leak. *Neurospine.* 2021;18(2):e7. doi: 10.5555/ns.7",
     "Neurospine", 2021, "10.5555/ns.7", "van Dijk"),
    ("Cite this article: Mbeki, T., & Rossi, L. (2022). Title words. Spine, 47, 1-9.", None, 2022, None, "Mbeki"),
])
def test_parse_cite_as(line, journal, year, doi, author):
    c = parse_cite_as(line)
    assert c is not None
    assert (c.journal, c.year, c.dois[0] if c.dois else None, c.first_author) == (journal, year, doi, author)


def test_parse_cite_as_needs_its_prefix():
    assert parse_cite_as("Okafor C, Lindgren E. Title. Eur Spine J. 2019;28:1.") is None


@pytest.mark.parametrize("text, surname_", [
    ("Chen CH, Wang K.", "Chen"), ("Garcia Lopez J, Ruiz M", "Garcia Lopez"), ("Mbeki, T., Rossi, L.", "Mbeki"),
    ("de la Cruz M, Silva P", "de la Cruz"), ("Results were good.", None),
])
def test_cited_first_author(text, surname_):
    assert cited_first_author(text) == surname_


@pytest.mark.parametrize("line, names, first", [
    ("Ingrid Solberg^1, Tom\u00e1s Ruiz^2", ("Ingrid Solberg", "Tom\u00e1s Ruiz"), "Solberg"),
    ("Anna-Lena Berg^1,2, Otto Kr\u00e4mer^2", ("Anna-Lena Berg", "Otto Kr\u00e4mer"), "Berg"),
    ("Huang Xiaoming, Sun Jianguo, Zhou Haifeng", ("Huang Xiaoming", "Sun Jianguo", "Zhou Haifeng"), "Huang"),
    ("Xiaoming Huang, Jianguo Sun", ("Xiaoming Huang", "Jianguo Sun"), "Huang"),
    ("Kim Soo-jin, Park Ji-hoon", ("Kim Soo-jin", "Park Ji-hoon"), "Kim"),
    ("Okafor CN(1), Adeyemi T(2).", ("Okafor CN", "Adeyemi T"), "Okafor"),
    ("NGUYEN Van Thanh, TRAN Thi Lan", ("NGUYEN Van Thanh", "TRAN Thi Lan"), "Nguyen"),
    ("Pieter van der Berg, Sanne de Vries", ("Pieter van der Berg", "Sanne de Vries"), "van der Berg"),
    ("Hiroshi Tanaka, MD, PhD^a; Yuki Sato, MD^b", ("Hiroshi Tanaka", "Yuki Sato"), "Tanaka"),
    ("Ming-Wei Lin, MDa,b Ana Costa, PhDc", ("Ming-Wei Lin", "Ana Costa"), "Lin"),
    ("Sean O'Brien*, Ronald McDonald", ("Sean O'Brien", "Ronald McDonald"), "O'Brien"),
    ("Maria Gonzalez*", ("Maria Gonzalez",), "Gonzalez"),
])
def test_parse_byline(line, names, first):
    b = parse_byline(line)
    assert b is not None and b.names == names
    assert first_author_surname(b.names) == first


@pytest.mark.parametrize("line", [
    "Vertebral Augmentation With Cement",
    "Spinal Cord Injury, Paraplegia",
    "Maria Gonzalez",
    "The patient recovered fully after surgery.",
    "Magnetic Resonance Imaging",
    "Department of Spine Surgery, Harbour Hospital",
])
def test_parse_byline_rejects(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("name, surname_first, expected", [
    ("Chia-Yu Wang", False, "Wang"), ("Wang Chia-Yu", True, "Wang"), ("Lindgren, Eva", False, "Lindgren"),
    ("SATO Yuki", False, "Sato"), ("Jan van Dijk", False, "van Dijk"), ("Okafor CN", False, "Okafor"),
])
def test_surname(name, surname_first, expected):
    assert surname(name, surname_first) == expected


@pytest.mark.parametrize("text, title", [
    ("Paraplegia after lumbar kyphoplasty A 66-year-old man had back pain for months and came to us.",
     "Paraplegia after lumbar kyphoplasty"),
    ("Cement embolism to the lung The patient was a 70-year-old woman with a fracture of T8.",
     "Cement embolism to the lung"),
    ("Late foraminal leak after sacroplasty We describe an elderly woman with new pain in the left leg.",
     "Late foraminal leak after sacroplasty"),
    ("A 66-year-old man had back pain and underwent surgery. The cement leaked into the canal later on.", None),
    ("Patients in group A were treated with vertebroplasty and the others were treated without it.", None),
    ("Leak after kyphoplasty A short rest", None),
    ("cement leak after kyphoplasty A 66-year-old man had back pain for months and came to us.", None),
])
def test_split_run_in_title(text, title):
    split = split_run_in_title(text)
    assert (split[0] if split else None) == title
    if split:
        assert split[1][0].isupper() and title + " " + split[1] == text


def test_record_metadata_semantic_scholar_style():
    rec = record_metadata({
        "title": "Cement in the canal.", "authors": "Ana Costa, Ming-Wei Lin", "doi": "10.5555/ABC.1",
        "journal": {"name": "Example Spine Reports", "volume": "3"}, "publicationDate": "2023-07-01",
        "PMCID": "pmc123", "abstract": "<p>Text</p>",
    })
    assert rec["title"] == "Cement in the canal."
    assert (rec["first_author"], rec["journal"], rec["year"], rec["doi"], rec["pmcid"]) == (
        "Costa", "Example Spine Reports", 2023, "10.5555/abc.1", "PMC123")


def test_record_metadata_csl_style():
    rec = record_metadata({
        "title": ["A leak"], "author": [{"family": "Lindgren", "given": "Eva"}, {"family": "Okafor", "given": "C"}],
        "DOI": "10.5555/xyz", "container-title": ["Spine Cases"], "issued": {"date-parts": [[2020, 5, 1]]},
    })
    assert (rec["title"], rec["first_author"], rec["journal"], rec["year"], rec["doi"]) == (
        "A leak", "Lindgren", "Spine Cases", 2020, "10.5555/xyz")
    assert rec["authors"] == ["Eva Lindgren", "C Okafor"]

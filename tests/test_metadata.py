"""Bibliographic facts read from text (leakmine.ingest.metadata)."""

import pytest

from leakmine.ingest.metadata import (
    authors_before_title,
    cited_first_author,
    date_year,
    find_dois,
    first_author_surname,
    history_stages,
    history_year,
    is_date,
    normalize_doi,
    own_citation,
    parse_byline,
    parse_citation_line,
    parse_cite_as,
    parse_issue_line,
    parse_journal_field,
    parse_reference,
    record_metadata,
    running_head_author,
    split_run_in_title,
    surname,
)


@pytest.mark.parametrize("text, dois", [
    ("see https://doi.org/10.5555/J.SPINEE.2017.04.113.", ["10.5555/j.spinee.2017.04.113"]),
    ("doi:10.5555/S0999-1234(17)41026-2).", ["10.5555/s0999-1234(17)41026-2"]),
    ("<http://dx.doi.org/10.9999/abc.12>", ["10.9999/abc.12"]),
    ("DOI: 10.5555/X1; doi: 10.5555/x1, and 10.5555/y2", ["10.5555/x1", "10.5555/y2"]),
    ("https://doi.org/10.5555%2Fjor.1234", ["10.5555/jor.1234"]),
    ("version 10.2 of the software", []),
    ("no identifier here", []),
])
def test_find_dois(text, dois):
    assert find_dois(text) == dois


def test_normalize_doi_strips_prefix_and_punctuation():
    assert normalize_doi("doi: 10.5555/SPINE.2020.1.CASE42;") == "10.5555/spine.2020.1.case42"


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
    ("Eur Spine J. 2019 Mar;28(3):612-618. doi: 10.5555/esj-018-5555-1.", "Eur Spine J", 2019,
     ("10.5555/esj-018-5555-1",)),
    ("3. J Orthop Surg Res. 2020 Jan 7;15:4.", "J Orthop Surg Res", 2020, ()),
    ("Global Spine Journal 2017; 7(2): 101-110", "Global Spine Journal", 2017, ()),
    ("Acta Neurochir (2013) 155:2241\u20132248", "Acta Neurochir", 2013, ()),
    ("Spine (Phila Pa 1976). 2012;37:E1-E5.", "Spine (Phila Pa 1976)", 2012, ()),
    ("J. Neurosurg. Spine 21:45\u201350, 2014", "J. Neurosurg. Spine", 2014, ()),
    # a meeting's supplement named in the issue
    ("Spine Cases. 2016;150(4_MeetingAbstracts):612A. doi:10.5555/sc.2016.612", "Spine Cases", 2016,
     ("10.5555/sc.2016.612",)),
    # a supplement after the volume, or in its place
    ("Spine Cases. 2008 Nov;17 Suppl 2(Suppl 2):301-5. doi: 10.5555/sc-007-0001. Epub 2007 Jun 3.", "Spine Cases",
     2008, ("10.5555/sc-007-0001",)),
    ("Spine Cases. 2015;40 Suppl 1:S22-S30.", "Spine Cases", 2015, ()),
    ("Spine Cases. 2015 Mar;Suppl 3:S9-14.", "Spine Cases", 2015, ()),
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
     "Eur Spine J. 2019;28(4):100-105. https://doi.org/10.5555/esj-019-00001-x",
     "Eur Spine J", 2019, "10.5555/esj-019-00001-x", "Okafor"),
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
    ("S. Benali, K Doe, JM Vandeloo (Saint Denis)", ("S. Benali", "K Doe", "JM Vandeloo"), "Benali"),
    ("Tomas Vidrik1, S Karim Haddadi2", ("Tomas Vidrik", "S Karim Haddadi"), "Vidrik"),
    ("JM Vandeloo, L Ferrante", ("JM Vandeloo", "L Ferrante"), "Vandeloo"),
    ("NG Wei, LI Bo", ("NG Wei", "LI Bo"), "Ng"),
    ("J Smith, K Doe", ("J Smith", "K Doe"), "Smith"),
    ("J Smith\u2020, K Doe\u2021", ("J Smith", "K Doe"), "Smith"),
    ("J Smith MD, K Doe PhD", ("J Smith", "K Doe"), "Smith"),
    ("JA Smith, CD Jones", ("JA Smith", "CD Jones"), "Smith"),
    ("Peter Brown CRNA, Anna Lee ARNP", ("Peter Brown", "Anna Lee"), "Brown"),
    ("Dong Hyun SEO 1 ; Jae Min RYU", ("Dong Hyun SEO", "Jae Min RYU"), "Seo"),
    ("John Smith FACS, Ana Costa FRCS", ("John Smith", "Ana Costa"), "Smith"),
    ("Ana Ruiz1ABCDEF, Li Wei2BE*", ("Ana Ruiz", "Li Wei"), "Ruiz"),  # affiliation and contribution letters
    ("Ana Ruiz 2,A,D,F, Li Wei 1,B,C", ("Ana Ruiz", "Li Wei"), "Ruiz"),  # contribution letters between commas
    ("Pablo JM Ruiz, Li Wei, Tomos KT Price", ("Pablo JM Ruiz", "Li Wei", "Tomos KT Price"), "Ruiz"),
    ("H-J Ruiz,K Wei,P Costa,H-G Price", ("H-J Ruiz", "K Wei", "P Costa", "H-G Price"), "Ruiz"),
    ("Ruiz W H, Wei R L, Costa C K", ("Ruiz W H", "Wei R L", "Costa C K"), "Ruiz"),  # initials spaced out
    ("K Ruizo 1, A Weiss 2, I Costa 1", ("K Ruizo", "A Weiss", "I Costa"), "Ruizo"),  # "A", "I" after a comma
    ("K Ruizo1, T Weiss2 and A Costa1", ("K Ruizo", "T Weiss", "A Costa"), "Ruizo"),  # ... or after "and"
    # the words a page prints for an ORCID icon
    ("Tomas Varga1 ORCID logo, Li Wei2", ("Tomas Varga", "Li Wei"), "Varga"),
    ("Ana P. Ruiz ORCID logo1AB*, Li Wei2CD", ("Ana P. Ruiz", "Li Wei"), "Ruiz"),
    ("Ana Ruiz ORCID, Li Wei ORCID iD", ("Ana Ruiz", "Li Wei"), "Ruiz"),
    ("Ana Ruiz ORCID 0000-0002-1825-0097, Li Wei", ("Ana Ruiz", "Li Wei"), "Ruiz"),
    ("Tomas Varga ORCID: 0000-0002-1825-0097, Li Wei", ("Tomas Varga", "Li Wei"), "Varga"),
    ("Min Su Park, Ji Ho Lee, In Ho Cho, Da Un Kim", ("Min Su Park", "Ji Ho Lee", "In Ho Cho", "Da Un Kim"), "Park"),
    # a page's name links run together; a capital inside a family name is no break
    ("Maria SolbergTomas LindqvistAnders Brekke", ("Maria Solberg", "Tomas Lindqvist", "Anders Brekke"), "Solberg"),
    ("Ana McDonald, Tomas MacKenzie, Eva DeAngelis", ("Ana McDonald", "Tomas MacKenzie", "Eva DeAngelis"), "McDonald"),
    ("Ana Ruiz, Sean FitzGerald, Anna VanderMeer", ("Ana Ruiz", "Sean FitzGerald", "Anna VanderMeer"), "Ruiz"),
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
    "A Case Report, A Review",
    "T Cell Lymphoma, B Cell Lymphoma",
    "K Doe",
    "J Korean Orthop Assoc.",
    "Spinal Cord MRI, Lumbar Spine CT",
    "Vitamin D, Calcium B",
    "Grade A-B Evidence, Level C",
    "In Vivo Study, In Vitro Study",
    "A Case Report, A Review of Cases",
    "Paraplegia and A Case Report",
    "Authorship, Funding",
    "Editorial Policies and ORCID iD",  # an icon's words mark no name
    "Spinal Cord and I Think",
])
def test_parse_byline_rejects(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("line", [
    "P" + "e" * 40 + " vertebroplasty",  # each letter read one way: not 2^40 ways of failing
    "A" + "\u0101b" * 40 + "1",  # Latin Extended-A letters are small and capital alike
    "Ab" + "c" * 40 + " and De" + "f" * 40 + ": " + "a title of a paper",
    ", ".join(["R. " * 80 + "x"] * 3),  # a run of initials is read whole, in one way
])
def test_a_long_word_or_run_of_initials_is_read_in_one_pass(line):
    assert parse_byline(line) is None and authors_before_title(line) is None


@pytest.mark.parametrize("name, surname_first, expected", [
    ("Chia-Yu Wang", False, "Wang"), ("Wang Chia-Yu", True, "Wang"), ("Lindgren, Eva", False, "Lindgren"),
    ("SATO Yuki", False, "Sato"), ("Jan van Dijk", False, "van Dijk"), ("Okafor CN", False, "Okafor"),
    ("Keiko Nakaura [1]", False, "Nakaura"), ("Dong Hyun SEO", False, "Seo"), ("JM Vandeloo", False, "Vandeloo"),
    ("Chao Y Gu", False, "Gu"), ("Maria de la Cruz", False, "de la Cruz"),  # an initial is no particle
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


# --- bylines with degrees, separators and affiliation marks -------------------------------------

@pytest.mark.parametrize("line, first", [
    ("Rhodri Evans, M.D., and Kwame Mensah, M.D.", "Evans"),
    ("Rhodri Evans, M.D., Ph.D., Kwame Mensah, M.D.", "Evans"),
    ("Olumide A. Adeyemi, MBBS, FRCR; Chidinma Okafor, MD", "Adeyemi"),
    ("Olumide A Adeyemi, MBBS, FRCS; Chidinma Okafor, MSc", "Adeyemi"),
    ("Ingrid Dahl MSc, Henrik Moe PhD", "Dahl"),
    ("Ingrid Dahl, B.Sc., Henrik Moe, D.O.", "Dahl"),
    ("Sun-Hee Park1 | Jae-Won Lim1 | Min-Jun Kang2", "Park"),
    ("Rhys Pritchard \u00b7 Eleanor Hughes", "Pritchard"),
    ("Rhys Pritchard . Eleanor Hughes . Tomos Price", "Pritchard"),
    ("Rhys Pritchard \u2022 Eleanor Hughes", "Pritchard"),
    ("Aditi Raghavan a,*, Bernd Vogel b", "Raghavan"),
    ("Aditi Raghavan a,*", "Raghavan"),
    ("Aditi Raghavan b, c and Bernd Vogel a", "Raghavan"),
    # the corresponding author's envelope and equal-contribution marks, also after a comma
    ("Tomas Lindqvist 1,\u2709,#, Anders Brekke 2,#, Ana Ruiz 1", "Lindqvist"),
    ("Tomas Lindqvist\u2709, Anders Brekke", "Lindqvist"),
    ("Tomas Lindqvist 1,*, Anders Brekke 2", "Lindqvist"),
    ("Tomas Lindqvist, Anders Brekke \u2217 , Ana Ruiz", "Lindqvist"),  # a PDF's asterisk
    ("C. H. Chen, K. L. Wang", "Chen"),
    ("R. Pritchard T. Osei K. Lund", "Pritchard"),  # three or more names each opened by an initial, spaces between
    ("A. M. Costa L. Wei R. Lund", "Costa"),
    ("Marco De Luca, Giulia Bianchi", "De Luca"),
    ("Pieter van der Berg & Anouk Smit", "van der Berg"),
    ("Kenji Sato1 \u00b7 Haruto Ito2", "Sato"),
    ("Haruto Sato, Ko Yamada, Kenta Ito, Daiki Mori, Riku Abe", "Sato"),  # "Ko" is also a family name printed first
    ("Wang Lijun, Okafor Chidi, Berg Anna", "Wang"),  # one known family name first in three: the byline's order
    ("Zhao Minghui, Sun Jiaqi, Li Wei, Qian Hao", "Zhao"),
    # middle initials print given names first, whatever one family name printed first says
    ("Ana Costa, Rhys J Pritchard, Tomos P Price, Wang Lijun", "Costa"),
    ("PARK Sun-Hee, LIM Jae-Won", "Park"),
    ("Selin KARA\u00c7AY, Murat \u00d6ZT\u00dcRK, Deniz \u015eAH\u0130N", "Kara\u00e7ay"),  # capitals beyond A-Z
    ("Mette B\u00d8GH, S\u00f8ren H\u00d8J", "B\u00f8gh"),  # a vowel beyond A-Z alone
    ("Deniz \u015eAH\u0130N, Selin KARA\u00c7AY", "\u015eahin"),  # the dotted capital I lower-cased as "i"
    ("by Rhys Pritchard, MD, and Eleanor Hughes, MD", "Pritchard"),
    ("RHYS PRITCHARD, ELEANOR HUGHES", "Pritchard"),
    ("RHYS PRITCHARD MD, ELEANOR HUGHES MD AND TOMOS PRICE MD", "Pritchard"),
    ("BY RHYS PRITCHARD AND ELEANOR HUGHES", "Pritchard"),
    ("Aisha Bello, MBBS1, Tunde Okafor, MBBS, FWACS2 and Ngozi Eze, MD1", "Bello"),
])
def test_parse_byline_degrees_separators_and_marks(line, first):
    b = parse_byline(line)
    assert b is not None and first_author_surname(b.names) == first
    assert b.end >= len(line) - 1  # the whole line is names


@pytest.mark.parametrize("line", [
    "CAUDA EQUINA SYNDROME FROM EPIDURAL HEMATOMA AFTER LUMBAR FUSION",
    "MATERIALS AND METHODS",
    "LEG WEAKNESS, BACK PAIN",
    "RHYS PRITCHARD",  # one name in capitals is a heading as much as a byline
    "Bystander Effect",
    "A Case Report of Leakage",
    "Ana Costa e Silva reported it",
    "Georg Thieme Verlag KG Stuttgart \u00b7 New York",  # a publisher and its places
    "COMPLICATIONS APR\u00c8S VERT\u00c9BROPLASTIE",  # a heading in capitals beyond A-Z
    "VERTEBROPLASTIA PERCUT\u00c2NEA, ESTUDO RETROSPECTIVO",
    "S. Aureus E. Coli",  # a title's species, two initial-led words
])
def test_parse_byline_rejects_more(line):
    b = parse_byline(line)
    assert b is None or b.end < len(line) - 2


# --- issue lines, citation lines, dates ---------------------------------------------------------

@pytest.mark.parametrize("line, journal, year", [
    ("Orthopaedic Case Notes | Volume 9 | Issue 2 | 2021", "Orthopaedic Case Notes", 2021),
    ("Volume 14, 2020, 101145", None, 2020),
    ("Acta Spinalis, Vol. 3, No. 1, March 2019, pp. 12-15", "Acta Spinalis", 2019),
    ("Volume 2019, Article ID 8413072, 4 pages", None, 2019),
    ("Spine Cases Quarterly 2021 \u00b7 Vol 9 \u00b7 Issue 2", "Spine Cases Quarterly", 2021),
    ("Spine Cases Q \u00b7 2020 \u00b7 Vol 9", "Spine Cases Q", 2020),
    ("SPINE CASES QUARTERLY \u2022 VOLUME 9 \u2022 ISSUE 2 \u2022 MARCH 2021", "SPINE CASES QUARTERLY", 2021),
    ("Vol. 9 No. 2 (2021)", None, 2021),
    ("Vol 12, No 4", None, None),
    ("Vol 6 | Issue 2 | May-August 2020 | Page: 14-17", None, 2020),
    ("2021 | Vol 9 | doi: 10.5555/abc.1", None, 2021),
    ("Spine Cases Online volume 9, Article number: 33 (2021)", "Spine Cases Online", 2021),
    ("Volume 98, November 2016, Pages 871.e5-871.e9", None, 2016),  # a month starting "No" is no number
    ("Spine Cases Online ›› 2023, Vol. 15 ›› Issue (4) : 418 -425.", "Spine Cases Online", 2023),
    ("Journal of Spine Cases, Vol. 9, No. 2, 2021", "Journal of Spine Cases", 2021),
    ("Spine Cases, Vol. 9, No. 2, 2021.", "Spine Cases", 2021),
    ("Spine Cases, No. 3, 2021", "Spine Cases", 2021),  # a number without a volume
    ("Acta Spinalis, Number 4, 2020, pp. 33-38", "Acta Spinalis", 2020),
    ("2019, Volume 4, Number 2, Page(s) 88-93", None, 2019),
    ("Vol 6 | Issue 2 | May-August 2020 | Page: 14-17 | Ana Ruiz, Li Wei", None, 2020),  # its authors at the end
])
def test_parse_issue_line(line, journal, year):
    c = parse_issue_line(line)
    assert c is not None and (c.journal, c.year) == (journal, year)


@pytest.mark.parametrize("value, journal, year", [
    ("Spine Cases, 2022, \u2116 3, p. 162-165", "Spine Cases", 2022),
    ("Spine Cases; 2014 Sep; 17(4):212-19", "Spine Cases", 2014),
    ("2024", None, 2024),
    ("Spine Phila Pa 1976", None, None),  # a year in the journal's name is no year
])
def test_parse_journal_field(value, journal, year):
    c = parse_journal_field(value)
    assert ((c.journal, c.year) if c else (None, None)) == (journal, year)


@pytest.mark.parametrize("line", [
    "Volume 3 of the patients was large",
    "The volume 3 cases were",
    "Patients with no 2",
    "In 2019, Vol 3 was",
    "Between 2011 and 2019, 320 patients underwent kyphoplasty",
    "Natural Science Foundation of Riverton Province, No. 81620458.",  # a grant
    "Home \u203a Vol. 9 No. 2 (2021)",  # a site's navigation is no journal
    "Journal Home Vol. 12, Issue 4",
    "Trial registration No. 2021.",  # a label with a number names no volume or issue
    "Case No. 2, 2019.",
    "Vol 6 | Issue 2 | 2020 | Cement leaked into the canal",  # words that are no names
    "Vol 6 | Issue 2 | Ana Ruiz",
    "IRB No. 2019.",
])
def test_parse_issue_line_rejects(line):
    assert parse_issue_line(line) is None


@pytest.mark.parametrize("line, journal, year", [
    ("Spinal Surgery Reports 14 (2020) 101145", "Spinal Surgery Reports", 2020),
    ("World Neurosurg 146 (2021) e12-e19", "World Neurosurg", 2021),
    ("J Clin Spine 2021, 10, 1234.", "J Clin Spine", 2021),
    ("Spine Cases Quarterly, 2021, 9(2), 33-38", "Spine Cases Quarterly", 2021),
    ("Spine Cases Quarterly. 2021. 9(2): 33-38", "Spine Cases Quarterly", 2021),
])
def test_parse_citation_line_more_forms(line, journal, year):
    c = parse_citation_line(line)
    assert c is not None and (c.journal, c.year) == (journal, year)


@pytest.mark.parametrize("line", [
    "1. Garcia P. Spine 14 (2020) 101145",
    "In 2019, 3 patients, 2 had leaks",
])
def test_parse_citation_line_rejects_more(line):
    assert parse_citation_line(line) is None


@pytest.mark.parametrize("text, expected", [
    ("3 March 2020", True), ("March 3, 2020", True), ("2020-03-03", True), ("Published: 2021", True),
    ("Published online 12 May 2019", True), ("MARCH 2020", True), ("Mar 2020.", True),
    ("September-December 2022", True), ("Sep\u2013Dec 2022", True),
    ("In 2020 we", False), ("March of 2020 was hard", False), ("Volume 3", False),
])
def test_is_date(text, expected):
    assert is_date(text) is expected


@pytest.mark.parametrize("line, journal, year", [
    ("Cite this: Spine Cases 2023; 5: 12-15.", "Spine Cases", 2023),
    ("Suggested citation: Okafor C, Lee K. A leak. Spine Cases. 2019;3:1-4.", "Spine Cases", 2019),
    ("Citation: Okafor C, Lee K (2022) A leak in the canal. Spine Cases 4(1): e12.", None, 2022),
])
def test_parse_cite_as_more_prefixes(line, journal, year):
    c = parse_cite_as(line)
    assert c is not None and (c.journal, c.year) == (journal, year)


@pytest.mark.parametrize("line, surname_", [
    ("Pritchard et al.", "Pritchard"), ("R. Pritchard et al.", "Pritchard"),
    ("van Dijk J, et al. Spine Cases 2021", "van Dijk"), ("Okafor CN et al", "Okafor"),
    ("Spine Cases Quarterly", None), ("et al. 2021", None),
])
def test_running_head_author(line, surname_):
    assert running_head_author(line) == surname_


def test_parse_reference_reads_a_numbered_item():
    c = parse_reference("[3] Okafor C, Lee K. Cement in the canal. Spine Cases Q. 2021;9:33-38. doi: 10.5555/x.9")
    assert (c.first_author, c.journal, c.year, c.dois) == ("Okafor", "Spine Cases Q", 2021, ("10.5555/x.9",))


_OWN = "Delayed foraminal cement after sacral augmentation"


@pytest.mark.parametrize("text, author, year, doi", [
    # a reference to the paper printed on its own page (Vancouver, APA), its year after or before the title
    (f"Okafor CN, Lee K, Wei L. {_OWN}. Spine Cases Q 2018; 25:78-85. DOI: 10.5555/scq.2018.9",
     "Okafor", 2018, "10.5555/scq.2018.9"),
    (f"Okafor, C. , Lee, K. and Wei, L. (2020) {_OWN}. Open Journal of Spine Cases, 10, 275-283.",
     "Okafor", 2020, None),
    # a running head of surnames
    (f"Okafor, Lee, Wei, and van Dijk: {_OWN}", "Okafor", None, None),
    (f"Okafor: {_OWN}", "Okafor", None, None),
    # the title alone, or after words that name no authors, or with no title in the line
    (_OWN, None, None, None),
    (f"As reported in {_OWN}, cement may leak.", None, None, None),
    (f"see the MRI: {_OWN.lower()}", None, None, None),
    (f"Symptomatic Foraminal Leakage: {_OWN}", None, None, None),  # a title's first part over its subtitle
    (f"Spine Cases Q Okafor and Lee: {_OWN}", "Okafor", None, None),  # surnames after a journal's name
    (f"12 Okafor: {_OWN}", "Okafor", None, None),  # one surname after a page number, a year or a bar
    (f"Spine Cases Q 2019 Okafor: {_OWN}", "Okafor", None, None),
    (f"Spine Cases Q | Okafor: {_OWN}", "Okafor", None, None),
    (f"Spine Cases \u2013 Okafor: {_OWN}", "Okafor", None, None),
    (f"ORIGINAL ARTICLE Okafor: {_OWN}", "Okafor", None, None),
    # a clinical word ending a title's first part is no surname
    (f"Case report: Sciatica: {_OWN}", None, None, None),
    (f"Volume 3 Case Report Hematoma: {_OWN}", None, None, None),
    (f"2019 Cement Embolism: {_OWN}", None, None, None),
    (f"Spine Cases Q (2019) 4:12-19 Paraplegia: {_OWN}", None, None, None),  # a clinical word is no surname
    ("Okafor CN, Lee K. Cement in the canal. Spine Cases Q 2018;25:78-85.", None, None, None),
])
def test_own_citation(text, author, year, doi):
    c = own_citation(text, _OWN)
    assert (c.first_author, c.year, c.dois[0] if c.dois else None) == (author, year, doi) if author else c is None


def test_a_short_word_among_marked_names_is_a_name_and_a_place_is_not():
    assert parse_byline("Nan Xu1#, Min Qi2#, Da Ye1, Wei Shao1").names == ("Nan Xu", "Min Qi", "Da Ye", "Wei Shao")
    assert parse_byline("Ana Ruiz1, Wei Li2, Spine Center3").names == ("Ana Ruiz", "Wei Li")


@pytest.mark.parametrize("line, stages", [
    ("Received 3 May 2031; accepted 9 June 2031", 2),
    ("Received March 3, 2031; accepted for publication May 9, 2031", 2),
    ("Received May 3rd, 2031; accepted June 9th, 2031", 2),
    ("Received: 3rd of May 2031; Accepted: 9th of June 2031", 2),
    ("Received: 3-May-2031; Accepted: 9-Jun-2031", 2),
    ("Received: 2031-05-03 / Accepted: 2031-06-09", 2),
    ("Received on 3 May 2031, accepted on 9 June 2031", 2),
    ("Received in revised form 5 May 2031", 1),
    ("Published online ahead of print 9 June 2031", 1),
    ("Received 12 Gy to the spine and accepted 2 cycles", 0),      # doses, no dates
    ("Received 3 doses in May 2031 and accepted", 0),
    ("Submitted forms were accepted by the board in 2030", 0),
    ("Submitted protocols from 2029 were accepted in 2030", 1),    # one line of it is not enough
    ("Received by the editors 3 May 2031; accepted after revision 9 June 2031", 2),
    ("Received: 12/05/31; Accepted: 09/06/31", 2),
    ("Received: 20310503; Accepted: 20310609", 2),
    ("Received a novel implant in 2029 and was accepted a decade later", 0),   # no month in a word
    ("Received 12000 IU in 2029 and accepted 20000 IU in 2030", 0),            # no year in a number
])
def test_history_stages(line, stages):
    assert history_stages(line) == stages

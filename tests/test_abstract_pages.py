"""Abstract pages as users paste them from indexes, catalogues and journal sites: the citation line gives
the year, labelled DOIs, JATS markup, and years that are not the paper's."""

from pathlib import Path

import pytest

from leakmine.ingest.htmltext import jats_text
from leakmine.ingest.metadata import (
    et_al_author,
    family_given_author,
    find_dois,
    is_date,
    parse_citation_line,
    parse_issue_line,
    parse_journal_field,
)
from leakmine.ingest.runin import split_identifiers
from leakmine.ingest.text import read_text

TITLE = "Cement in the foramen after sacroplasty: a case report"
STORY = ("A 71-year-old woman had left leg pain after sacroplasty. CT showed cement in the S1 foramen. "
         "The cement was removed and the pain resolved.")


def _read(text: str):
    return read_text(Path("page.txt"), text.encode())[0]


@pytest.mark.parametrize("line, journal, year", [
    ("Spine Case Rep ; 4(2): 100731, 2022 Mar.", "Spine Case Rep", 2022),
    ("Pain Med Rep; 12: 33-38, 2019.", "Pain Med Rep", 2019),
    ("2019, Spine Case Reports, p. 80", "Spine Case Reports", 2019),
    ("2021, Journal of Spine Cases, \u2116 3, p. 12-15", "Journal of Spine Cases", 2021),
    ("Journal of Spine and Trauma (Sep 2016)", "Journal of Spine and Trauma", 2016),
    ("Spine Case Reports (2020)", "Spine Case Reports", 2020),
    (". 2012 Oct 9;5:7316. doi: 10.5555/2291-5-7316", None, 2012),
    (". 2022 Feb 14;3(7):CASE22417.", None, 2022),
    ("2018 Nov 3;7(4):e112.", None, 2018),
    ("Northfield Neurosurgery 2017 , Vol 27 , Num 4", "Northfield Neurosurgery", 2017),
    ("Spine Cases, Vol. 3, Num. 1, 2021", "Spine Cases", 2021),
    ("Asian Spine Reports, 2023; 15(2): e0412.", "Asian Spine Reports", 2023),
    ("Ruiz et al. Journal of Spine Cases (2021) 14:88", "Journal of Spine Cases", 2021),
    ("Front. Spine Surg., 05 March 2021", "Front. Spine Surg", 2021),
    ("Published in Spine Cases, Volume 9, 2021", "Spine Cases", 2021),
])
def test_citation_lines_of_abstract_pages(line, journal, year):
    c = parse_citation_line(line) or parse_issue_line(line)
    assert c is not None and (c.journal, c.year) == (journal, year)


@pytest.mark.parametrize("line", [
    "We reviewed all patients treated (March 2016)",
    "The patient was seen in 2019, then in 2020, p. 3",
    "Pain resolved in 2015; 3 months later she walked.",
    "In 2015 she underwent kyphoplasty (2 levels).",
    "Follow-up at 2 years; 12 of 14 improved.",
    "Back pain (2016)",
    "2019, after the fall, she had pain",
    "Ruiz et al. reported leaks (2021) in 14 cases",
    "In 2015, 3 patients: two died",
])
def test_sentences_are_not_citation_lines(line):
    assert parse_citation_line(line) is None and parse_issue_line(line) is None


@pytest.mark.parametrize("value, journal, year", [
    ("Spine Cases, 2022, \u2116 3, p. 162-165", "Spine Cases", 2022),
    ("Spine Deformity Reports, 2024", "Spine Deformity Reports", 2024),
    ("Spine (Phila Pa 1976), 2019, 44(3), 1-9", "Spine (Phila Pa 1976)", 2019),
])
def test_journal_field_with_year(value, journal, year):
    c = parse_journal_field(value)
    assert c is not None and (c.journal, c.year) == (journal, year)


@pytest.mark.parametrize("value", ["Spine Cases", "Spine (Phila Pa 1976)", ""])
def test_journal_field_without_year(value):
    assert parse_journal_field(value) is None


@pytest.mark.parametrize("line, expected", [
    ("Date: Saturday, November 16, 2019", True),
    ("Published: Monday, 4 March 2021", True),
    ("Saturday was sunny in 2019", False),
])
def test_date_lines_with_weekdays(line, expected):
    assert is_date(line) is expected


@pytest.mark.parametrize("text, dois", [
    ("https://doi.org/10.5555/j.spine.2016.03.118Get rights and content", ["10.5555/j.spine.2016.03.118"]),
    ("doi: 10.5555/CASE21654.", ["10.5555/case21654"]),
    ("DOI : 10.5555/2207-3318.NSJ.20418-16.2", ["10.5555/2207-3318.nsj.20418-16.2"]),
])
def test_dois_on_pages(text, dois):
    assert find_dois(text) == dois


@pytest.mark.parametrize("text, pieces", [
    ("Northfield, UK. DOI : 10.5555/x.1 Cement leaks are rare.",
     ["Northfield, UK.", "DOI : 10.5555/x.1", "Cement leaks are rare."]),
    ("Cite as: Lee K. A leak. Spine Cases. 2021;3:1. doi: 10.5555/x.2", None),
    ("The leak (see doi 10.5555/x.3) was small.", None),
])
def test_labelled_doi_run_into_text_is_cut_out(text, pieces):
    assert split_identifiers(text) == (pieces or [text])


@pytest.mark.parametrize("header, year", [
    ("Spine Case Rep ; 4(2): 100731, 2022 Mar.\n", 2022),
    ("Journal of Spine and Trauma (Sep 2016)\n", 2016),
    (". 2021 Mar 3;9(2):33-38. doi: 10.5555/sc.9.33\n", 2021),
    ("Journal: Spine Cases, 2020, \u2116 3, p. 162-165\n", 2020),
    ("Year 2025\n", 2025),
    ("Northfield Neurosurgery 2017 , Vol 27 , Num 4\n", 2017),
    # "Published in" names the venue, whose name may hold a year; the date is on another line
    ("Published inNeurosurgery (Baltimore, Md. 1979) Vol. 12; no. 4; p. 310\nPublished Germany 03.02.2019\n", 2019),
    ("Published in: Spine (Phila Pa 1976), vol. 44\nPublished online: 2 June 2020\n", 2020),
    ("Published in March 2018\n", 2018),
    ("Published in 2016\n", 2016),
])
def test_page_year_from_its_citation_line_not_from_the_story(header, year):
    text = (f"{TITLE}\n\n{header}\nAbstract\n\nIn 2012 she underwent a fusion at L4-5. {STORY}\n\n"
            "References\n\n1. Okafor C. A leak. Spine J. 2008;8:1-9.\n")
    assert _read(text).meta.year == year


def test_page_doi_labelled_inside_the_affiliation_paragraph():
    text = (f"{TITLE}\n\nAna Ruiz, Li Wei\n"
            f"Northfield General Hospital, Northfield, UK. DOI : 10.5555/nn.2015.1 {STORY} Keywords : leak, foramen\n")
    doc = _read(text)
    assert doc.meta.doi == "10.5555/nn.2015.1"
    assert [s.kind for s in doc.sections if "71-year-old" in s.text] == ["other"]
    assert not any("Keywords" in s.text for s in doc.sections if s.mined)


def test_jats_markup_becomes_sections():
    line = ("<jats:sec>Background Cement may leak.</jats:sec><jats:sec>Case Presentation A 71-year-old woman "
            "had pain.</jats:sec><jats:sec><jats:title>Conclusions</jats:title><jats:p>Leaks are rare.</jats:p>"
            "</jats:sec>")
    assert jats_text(line).split("\n") == ["Background", "Cement may leak.", "Case Presentation",
                                           "A 71-year-old woman had pain.", "Conclusions", "Leaks are rare."]
    doc = _read(f"{TITLE}\n\nAbstract\n{line}\n")
    assert [(s.title, s.kind) for s in doc.sections if s.kind != "title"] == [
        ("Background", "abstract"), ("Case Presentation", "case"), ("Conclusions", "abstract")]


def test_jats_sections_with_run_in_colons_and_ids():
    line = ('Abstract<jats:sec id="s1"> Background: Leaks occur. </jats:sec> <jats:sec id="s2"> '
            'Case Description: A 60-year-old man had foot drop. </jats:sec>')
    doc = _read(f"{TITLE}\n\n{line}\n")
    assert [(s.title, s.kind) for s in doc.sections if s.kind != "title"] == [
        ("Background", "abstract"), ("Case Description", "case")]
    assert not any("<" in s.text for s in doc.sections)


@pytest.mark.parametrize("text, title", [
    # a title ending with a full stop: an author heading follows, or it names the article type
    (f"{TITLE}.\n\nAuthors\nCategory Case report\nYear 2021\n{STORY}\n", f"{TITLE}."),
    (f"{TITLE}.\n\nAuthor information\n1 Northfield General Hospital, Northfield, UK.\n\n{STORY}\n", f"{TITLE}."),
    ("Foraminal cement after sacroplasty: a case report and literature review.\n\n" + STORY + "\n",
     "Foraminal cement after sacroplasty: a case report and literature review."),
    ("Cement in the veins after kyphoplasty: case report.\n\n" + STORY + "\n",
     "Cement in the veins after kyphoplasty: case report."),
    (f"{TITLE}.\n\nAna Ruiz, Li Wei\n\n{STORY}\n", f"{TITLE}."),
    # a page's loading notice under the title does not continue it
    (f"{TITLE}\n\n    loading  checking for access\n\nAbstract\n\n{STORY}\n", TITLE),
    # a sentence-case title with its full stop, under a citation line and over the authors' heading
    ("Send to\n\nChoose Destination\nSpine Cases. 2019 Mar;3(1):11-4.\n\nCement in the foramen after sacroplasty "
     f"in a woman of seventy.\n\nAuthor information\n\n1 Northfield General Hospital, Northfield, UK.\n\n{STORY}\n",
     "Cement in the foramen after sacroplasty in a woman of seventy."),
    # a title in title case with its full stop, right over a labelled abstract
    ("Foraminal Cement after Sacroplasty: Incidence, Timing and Outcome.\nBACKGROUND: Cement may leak. "
     "METHODS: We reviewed 40 patients.\n", "Foraminal Cement after Sacroplasty: Incidence, Timing and Outcome."),
    ("Cement leakage is a frequent event after sacroplasty.\nMETHODS: We reviewed 40 patients.\n", None),
    # labels the page printed without their values ("Published:") above the title
    ("Skip to main content\n\n\u2022 Research article\n\u2022 Open access\n\u2022 Published:\n\n"
     f"{TITLE}\n\nAbstract\n\nBackground\n\n{STORY}\n", TITLE),
    ("Log in\n\n- Case report\n- Published:\n\nCement in the Foramen after Sacroplasty\n\nAbstract\n\n"
     f"{STORY}\n", "Cement in the Foramen after Sacroplasty"),
    # a subtitle set between dashes ends the title's line
    (f"Cement in the Foramen after Sacroplasty - A Report of Three Cases -\n\nIntroduction\n\n{STORY}\n",
     "Cement in the Foramen after Sacroplasty - A Report of Three Cases -"),
    (f"Cement in the Foramen after Sacroplasty - A Long-Term Follow-up -\n\nAna Ruiz, Li Wei\n\n{STORY}\n",
     "Cement in the Foramen after Sacroplasty - A Long-Term Follow-up -"),
    # a journal's logo linking to its home page above the title, however long the journal's name
    ("Skip to main content\nSpine Cases: International Journal of Clinical Reports in Spine and Pain Surgery logoLink "
     "to Spine Cases: International Journal of Clinical Reports in Spine and Pain Surgery\n. 2020 Jan 3;4:11-14.\n\n"
     f"{TITLE}\n\nAna Ruiz 1,B,C, Li Wei 2,A,D\n\nAbstract\n\n{STORY}\n", TITLE),
    # a site's search box and a window's button above the breadcrumb; the title led by its authors' surnames
    ("North Spine J Search\n\nCLOSE\n\n\nNorth Spine J > Volume 8(6); 2014 > Article\nRuiz, Wei, and Costa: Cement in "
     f"the Canal after Kyphoplasty\n\nAbstract\n\n{STORY}\n", "Cement in the Canal after Kyphoplasty"),
    # a sentence is not a title
    (f"A 71-year-old woman had pain after sacroplasty.\n\nAuthors\nAna Ruiz\n\n{STORY}\n", None),
    (f"The cement was removed at L5.\n\n{STORY}\n", None),
    (f"Leaks are rare: we saw one.\n\n{STORY}\n", None),
    (f"Cement leakage remains a frequent complication of percutaneous vertebroplasty.\n\n{STORY}\n", None),
    (f"Cement leakage into the spinal canal after vertebroplasty.\n\nBackground\n\n{STORY}\n",
     "Cement leakage into the spinal canal after vertebroplasty."),
    ("Foot drop after fusion\n\nGeorg Thieme Verlag KG Stuttgart \u00b7 New York\n\nAbstract\n\n" + STORY + "\n",
     "Foot drop after fusion"),
    # a title wrapped over two lines continues in lower case
    (f"Cement in the foramen after\nsacroplasty in an elderly woman\n\n{STORY}\n",
     "Cement in the foramen after sacroplasty in an elderly woman"),
    # a saved page opens with its title alone: a full stop, a page's links or a journal line below it,
    # two sentences, or the title repeated below (a running head's count) do not unseat it
    ("Cement in the foramen after sacroplasty.\n\nSend to\n\nChoose Destination\nSpine J. 2019;3:1-4.\n\n"
     f"{STORY}\n", "Cement in the foramen after sacroplasty."),
    ("Not Where It Belongs! Cement in the Pulmonary Artery after Kyphoplasty\n\nChest Case Reports |\n\n"
     f"{STORY}\n", "Not Where It Belongs! Cement in the Pulmonary Artery after Kyphoplasty"),
    (f"{TITLE}\n\nSkip to main page content\n{TITLE}\n\nRuiz: {TITLE}\n\n{STORY}\n\n{TITLE}\n", TITLE),
    (f"{TITLE}\n\n\u2022 Ruiz, Ana (Department of Orthopaedic Surgery, Northfield General Hospital)\n\n{STORY}\n", TITLE),
    (f"# {TITLE} in a woman of seventy-one years treated for a sacral insufficiency fracture\n\n{STORY}\n",
     f"{TITLE} in a woman of seventy-one years treated for a sacral insufficiency fracture"),
    # the authors' line ends the place a title is looked for
    (f"# {TITLE}\n\n**Authors:** Ana Ruiz, Li Wei\n\nPMC \u00b7 DOI: 10.5555/cr.2024.118 \u00b7 Journal of Spine "
     f"Cases and Their Treatment in Practice \u00b7 2024-05-02\n\n## Abstract\n\n{STORY}\n", TITLE),
    # a paywall's notice above the title, wrapped over two lines
    ("You could be reading the full-text of this article now if you...\n\nIf you have access to this article "
     f"through your institution,\nyou can view this article in\n\n{TITLE}\n\nRuiz, Ana MD; Wei, Li MD\n\n"
     f"Abstract\n\n{STORY}\n", TITLE),
    # a link to a neighbouring article right above the paper's own title and byline
    (f"Previous Article in Journal\nNext Article in Journal\n\n{TITLE}\n\nby Ana Ruiz and Li Wei\n\nAbstract\n\n"
     f"{STORY}\n", TITLE),
    # the links to a journal's neighbouring articles name other papers; a reader's settings are no title
    ("Next Article in Journal\nOutcomes of Tonsillectomy in Adults Treated as Day Cases over Ten Years\n"
     "Previous Article in Journal\nA Comprehensive Review of Dental Implant Failures and Their Causes\n"
     f"Font Size:\nAa Aa Aa\nLine Spacing:\nCase Report\n\n{TITLE}\n\nAbstract\n\n{STORY}\n", TITLE),
    # MEDLINE's double dash before the article type; an input's instructions above the title
    ("My labels\n\nType a label, then press the Enter key\n\nSacral cement leak after sacroplasty--case report.\n"
     f"Spine Cases. 2009 Feb; 21(1):33-6.\n\nAbstract\n\n{STORY}\n", "Sacral cement leak after sacroplasty--case report."),
    ("Sacral cement leak after sacroplasty--a report of two cases.\n\nAbstract\n\n" + STORY + "\n",
     "Sacral cement leak after sacroplasty--a report of two cases."),
    ("Labels\n\nCement leaked into the sacral canal--the woman recovered.\n\nAbstract\n\n" + STORY + "\n", None),
    # a question with its subtitle; a must-not: a question answered by a told sentence
    ("Does Sacral Cement Leak Matter? A Two-Centre Review\n- PMID: 11223344\n- DOI: 10.5555/sc.2020.7\n"
     "Does Sacral Cement Leak Matter? A Two-Centre Review\nAbstract\n" + STORY + "\n",
     "Does Sacral Cement Leak Matter? A Two-Centre Review"),
    ("Menu\n\nDoes the leak matter? We reviewed the cases.\n\nAbstract\n\n" + STORY + "\n", None),
    # a title in title case with its full stop, a bare DOI line, then an empty "Author:" field over the names
    ("Sacral Cement Leak After Sacroplasty in a Woman of Seventy.\n10.5555/scr.2009.21.4.77\n- Author:\nAna RUIZ\n;\n"
     f"Li WEI\n- Publication Type:Case Report\n-\nAbstract:\n{STORY}\n",
     "Sacral Cement Leak After Sacroplasty in a Woman of Seventy."),
    # of several lines above the authors, the one naming the article type, not a longer list of categories
    ("Spine Cases\n\nSacral Cement Leak After Sacroplasty: A Case Report\n\nRare disease, Unexpected course of "
     "treatment, Teaching purpose (where useful for a review of the literature), Mistake in diagnosis\n\n"
     f"Ana Ruiz, Li Wei\n\nBACKGROUND: Cement may leak. CASE REPORT: {STORY}\n",
     "Sacral Cement Leak After Sacroplasty: A Case Report"),
    ("Spine Cases\n\n12 May 2019: Case Report\n\nSacral Cement Leak After Sacroplasty in a Woman\n\nAna Ruiz, Li Wei\n\n"
     f"BACKGROUND: Cement may leak. CASE REPORT: {STORY}\n", "Sacral Cement Leak After Sacroplasty in a Woman"),
    # a government site's banner and a search box above the title
    ("Skip to main page content\nU.S. flag\n\nAn official website of the United States government\n\nDot gov\n\n"
     "The .gov means it\u2019s official.\nFederal government websites often end in .gov or .mil. Before sharing "
     "anything, make sure you are on a federal site.\n\nHttps\n\nThe site is secure.\nThe https:// ensures "
     "that the connection is encrypted.\n\nAccess keys NCBI Homepage MyNCBI Homepage Main Content\n"
     f"Case Reports\n. 2020 Jan 9;12(1):40-4.\n\n{TITLE}\n\nAbstract\n\n{STORY}\n", TITLE),
    ("Keyword   Author Quick Search\nWhen you enter two or more words, join them with a comma.\n\n"
     f"Spine Cases 2014 May; 7(1): 20-23\n{TITLE}\nAna Ruiz, MD and Li Wei, MD\n{STORY}\n", TITLE),
    # an image's placeholder above a title led by its authors' surnames; a reader's colour setting over the title
    (f"| Home | Submission | Sitemap | Contact |\ntop_img\nRuiz, Wei, and Okafor: {TITLE}\n\nAbstract\n\n{STORY}\n", TITLE),
    ("Font Size:\nAa Aa Aa\nLine Spacing:\nColumn Width:\nBackground:\nArticle\n\nSacral Cement Leak After "
     f"Sacroplasty in a Woman\n\n1\nNorthfield General Hospital, Northfield, UK\n\nAbstract\n\n{STORY}\n",
     "Sacral Cement Leak After Sacroplasty in a Woman"),
    ("Background:\nArticle types differ.\n\n" + STORY + "\n", None),
    # a journal's section and research topic between its citation line and the title
    ("Skip to main content\n\nORIGINAL RESEARCH article\n\nFront. Spine Surg., 05 March 2021\nSec. Spinal Disorders\n"
     "This article is part of the Research Topic Outcomes after Vertebral Augmentation View all 12 articles\n\n"
     f"{TITLE}\n\nAna Ruiz, Li Wei\n\nBackground: Cement may leak. Case: {STORY}\n", TITLE),
    # the title right above an issue line that names its journal; a journal's name above a bare issue line
    (f"- Case Report\n- Open access\n- Published:\n{TITLE}\nSpine Cases Journal volume 9, Article number: 4411 (2021)\n"
     f"Abstract\n{STORY}\n", TITLE),
    (f"Spine Cases Journal\nVolume 9, Article ID 4411, 5 pages\n\n{TITLE}\n\nAna Ruiz, Li Wei\n\nAbstract\n\n{STORY}\n",
     TITLE),
    # a journal section's label naming the article type right over the title is no title
    ("Images in Spine Care: Case Report\n\nCement in the Foramen after Sacroplasty in an Elderly Woman with Leg "
     f"Pain\nAna Ruiz, Li Wei\n\nAbstract\n\n{STORY}\n",
     "Cement in the Foramen after Sacroplasty in an Elderly Woman with Leg Pain"),
    # a web server's error messages printed before the page's first line
    ("Warning: fopen(/srv/www/logs/visits.txt): failed to open stream: Permission denied in /srv/www/lib/page.php "
     f"on line 41 Notice: Undefined index: ref in /srv/www/lib/page.php on line 57 {TITLE}\n\n{TITLE}\n\n"
     f"Abstract\n\n{STORY}\n", TITLE),
    (f"Warning: Cannot modify header information in /srv/www/index.php on line 12\n{TITLE}\n\nAbstract\n\n{STORY}\n",
     TITLE),
])
def test_titles_of_abstract_pages(text, title):
    assert _read(text).meta.title == title


def test_record_cut_short_gives_metadata_and_its_abstract():
    record = ('{"title":"Cement in the veins after kyphoplasty: a case report.","authors":"Ana Ruiz, Li Wei",'
              '"doi":"10.5555/cr.8.172","year":2024,"url":null,"abstract":"<p><b>Background:</b> Leaks happen. '
              '<b>Case Presentation:</b> A 68-year-old woman had dyspnoea after vertebroplasty. <b>Conclusions:</b> Th')
    doc = _read(f"Cement in the veins after kyphoplasty: a case report\n\n{record}\n")
    m = doc.meta
    assert (m.title, m.doi, m.year, m.first_author) == (
        "Cement in the veins after kyphoplasty: a case report.", "10.5555/cr.8.172", 2024, "Ruiz")
    assert [(s.title, s.kind) for s in doc.sections] == [
        ("", "title"), ("Background", "abstract"), ("Case Presentation", "case"), ("Conclusions", "abstract")]
    assert not any('"' in s.text or "<" in s.text for s in doc.sections)


def test_record_cut_short_with_a_nested_journal():
    record = ('{"title":"Foraminal cement after sacroplasty.","authors":"Ana Ruiz, Li Wei","doi":"10.5555/sc.31.7",'
              '"journal":{"name":"Spine Cases","pages":"11-15"},"tags":["cement","sacrum"],"publicationDate":"2023-04-01",'
              '"abstract":"<p><b>Aim:</b> To report a leak.</p><p><b>Results:</b> A 71-year-old woman had leg pa')
    m = _read(f"{record}\n").meta
    assert (m.title, m.journal, m.year, m.first_author) == ("Foraminal cement after sacroplasty.", "Spine Cases", 2023, "Ruiz")


@pytest.mark.parametrize("cut", ['"vol', '"volume"', '"volume": ', '"'])
def test_record_cut_short_in_a_key(cut):
    record = ('{"title":"Foraminal cement after sacroplasty.","authors":"Ana Ruiz, Li Wei","doi":"10.5555/sc.31.7",'
              f'"publicationDate":"2023-04-01","periodicalName":"Spine Cases",{cut}')
    m = _read(f"{record}\n\n{STORY}\n").meta
    assert (m.title, m.journal, m.year, m.first_author) == ("Foraminal cement after sacroplasty.", "Spine Cases", 2023, "Ruiz")


@pytest.mark.parametrize("line", [
    '{"note": "a line of a table, not a record"',
    '{"title": "Cement", "year": 2019, "pages": 12 and more words',
    '{this is not json at all',
    '{"title": "Cement", "year": 2019} trailing words',
])
def test_lines_that_are_no_cut_records_stay_text(line):
    doc = _read(f"{TITLE}\n\n{line}\n\n{STORY}\n")
    assert doc.meta.title == TITLE and doc.meta.year is None


def test_cut_short_preview_of_the_abstract_is_left_out():
    full = ("Foot drop after lumbar fusion is uncommon in spinal practice, and most reports advise early surgery "
            "when it appears. We describe a man of 58 whose foot drop followed fusion at L4-5 and recovered.")
    preview = full[:120] + "..."
    doc = _read(f"{TITLE}\n\n{preview}\n\nFull description\n\nSummary: {full}\n")
    assert sum("Foot drop after lumbar fusion" in s.text for s in doc.sections) == 1
    doc = _read(f"{TITLE}\n\nLeaks are common but seldom harm the patient in any lasting way at all, as the "
                f"series show...\n\n{STORY}\n")
    assert any("series show..." in s.text for s in doc.sections)


@pytest.mark.parametrize("line, first", [
    ("Ana Ruiz et al.", "Ruiz"),
    ("A. Ruiz et al.", "Ruiz"),
    ("Jan van Dijk et al.", "van Dijk"),
    ("Tomas R Veldt et al.", "Veldt"),  # an initial without its stop
    ("Lin-Yue Tao et al.", "Tao"),  # a hyphenated given name
    ("Lina Haddou Benali et al.", None),  # two family names, or two given names ("Min Jun Seo"): unknown
    ("Copyright \u00a9 2024, Okafor et al.", "Okafor"),
    ("\u00a9 2021 Okafor et al.", "Okafor"),
    ("Okafor CN, et al.", "Okafor"),
    ("Okafor et al. reported a case of leakage", None),
    ("The patient et al.", None),
    ("we and others et al.", None),
])
def test_et_al_lines(line, first):
    assert et_al_author(line) == first


@pytest.mark.parametrize("line, first", [
    ("Ruiz, Ana; Wei, Li; Okafor, Chidi.", "Ruiz"),
    ("van Dijk, Jan; Berg, Anna-Lena", "van Dijk"),
    ("Ruiz, A.; Wei, L.", "Ruiz"),
    ("Garcia Lopez, Maria; Wei, Li", "Garcia Lopez"),
    ("Ortiz, Elena MD*; Brandt, Jonas MD; Leon, Sandrine", "Ortiz"),
    ("De Vries, Anne MD, PhD*; Okafor, C. N.", "De Vries"),
    ("Ortiz, Elena MD1,2; Brandt, Jonas PhD", "Ortiz"),
    ("Ortiz, Elena M., MD, PhD1; Brandt, Jonas, MD1; Leon, Sandrine P., MD1,b", "Ortiz"),
    ("Ortiz, Elena, MD*; Brandt, Jonas, MPH*; Leon, Sandrine, MD the Spine Outcomes Study Group", "Ortiz"),
    ("Ortiz, Elena, MD*; Brandt, Jonas, MPH*; Leon, Sandrine, MD; the Northern Spine Study Group (NSSG)", "Ortiz"),
    ("Ortiz, Elena, MD; Brandt, Jonas, MD; and Spine Registry Morbidity Committee", "Ortiz"),
    ("Ortiz, Elena MD*,\u2021,\u00a7; Brandt, Jonas BS\u00a7; Leon, Sandrine MD", "Ortiz"),
    ("Ruiz, Ana", None),  # one name: not a list
    ("Pain, numbness; weakness, palsy", None),
    ("Pain improved, she walked; Later, she ran.", None),
])
def test_family_given_author_lists(line, first):
    assert family_given_author(line) == first


@pytest.mark.parametrize("authors, first", [
    ("Ruiz, Ana; Wei, Li; Okafor, Chidi.\n", "Ruiz"),
    ("Ana Ruiz et al.\n", "Ruiz"),
    ("Main Authors: Ana Ruiz, Li Wei\n", "Ruiz"),
    ("Ana Ruiz^1, Li Wei^2\n", "Ruiz"),
    ("\u2022 Ana Ruiz, Li Wei, and Tom Novak.\n\u2022 Department of Neurosurgery, Northfield General Hospital, UK.\n",
     "Ruiz"),
    ("- Authors: Ruiz A.M.; Wei L.; Novak T.\n- Publication year: 2016\n", "Ruiz"),
    # one author a line, each with the lines of an affiliation, a comma alone between authors
    ("Ana Ruiz\nDepartment of Neurosurgery, Northfield General Hospital\n,\nLi Wei\nDepartment of Neurosurgery, "
     "Northfield General Hospital\n,\nTom KT Novak\nDepartment of Radiology, Northfield General Hospital\n", "Ruiz"),
    ("Ana Ruiz\n,\nLi Wei\n,\nTom Novak\n,\nEva Berg\n", "Ruiz"),
])
def test_first_author_of_abstract_pages(authors, first):
    assert _read(f"{TITLE}\n\n{authors}\nAbstract\n\n{STORY}\n").meta.first_author == first


@pytest.mark.parametrize("header", [
    "Case Reports\n\n. 2021;9(2):33-38.\n\nAna Ruiz et al. Spine Case Rep. 2021.\n",
    "Ana Ruiz et al. Spine (Phila Pa 1976). 2021 Mar 3.\n",
])
def test_the_short_citation_under_a_pubmed_title(header):
    meta = _read(f"{TITLE}\n\n{header}\nAbstract\n\n{STORY}\n").meta
    assert (meta.first_author, meta.year) == ("Ruiz", 2021)


def test_a_short_citation_below_the_text_is_another_papers():
    text = f"{TITLE}\n\nAbstract\n\n{STORY}\n\nLi Wei et al. Eur Spine J. 2019.\n"
    assert (_read(text).meta.first_author, _read(text).meta.year) == (None, None)


def test_a_lone_marked_term_below_the_text_is_no_byline():
    text = f"{TITLE}\n\nAbstract\n\n{STORY}\n\nMeSH Terms\n\nCauda Equina*\nFemale\nHumans\n"
    assert _read(text).meta.first_author is None


@pytest.mark.parametrize("heading", ["Similar articles", "Cited by", "Related articles", "Recommended articles"])
def test_lists_of_other_papers_give_no_metadata(heading):
    text = (f"{TITLE}\n\nAbstract\n\n{STORY}\n\n{heading}\n\n"
            "Cement leak after kyphoplasty. Okafor C, et al. Spine J. 2019 Mar;19(3):1-9. doi: 10.5555/sj.19.1.\n")
    doc = _read(text)
    assert (doc.meta.year, doc.meta.doi) == (None, None)
    assert not any("Okafor" in s.text for s in doc.sections if s.mined)


def test_index_terms_are_not_mined_but_bulleted_captions_are():
    text = (f"{TITLE}\n\nAbstract\n\n{STORY}\n\nMeSH Terms\n\nParaplegia*\nFemale\nSpinal Canal\n\nFigure\n\n"
            "  \u2022 Figure 1 Axial CT showing cement in the left S1 foramen.\n")
    doc = _read(text)
    assert not any("Paraplegia" in s.text for s in doc.sections if s.mined)
    assert [s.kind for s in doc.sections if "Axial CT" in s.text] == ["caption"]


def test_a_year_row_below_the_text_is_not_the_papers_year():
    text = (f"{TITLE}\n\nSpine Case Rep ; 4(2): 100731, 2022 Mar.\n\nAbstract\n\n{STORY}\n\n"
            "Table 1 Timeline\nYear 2015\nVertebroplasty at L2\n")
    assert _read(text).meta.year == 2022
    assert _read(f"{TITLE}\n\nAbstract\n\n{STORY}\n\nTable 1 Timeline\nYear 2015\n").meta.year is None


def test_index_terms_in_family_given_shape_are_no_authors():
    text = f"{TITLE}\n\nAbstract\n\n{STORY}\n\nMeSH terms\n\nSpinal Fractures, Surgery; Bone Cements, Adverse Effects\n"
    assert _read(text).meta.first_author is None

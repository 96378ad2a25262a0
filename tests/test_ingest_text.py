"""Pasted text and saved HTML pages -> Document (leakmine.ingest.text and its helpers)."""

import hashlib
import json
import re
from pathlib import Path

import pytest

from leakmine.ingest.boilerplate import boilerplate_of, opens_boilerplate
from leakmine.ingest.captions import caption_label
from leakmine.ingest.language import detect_language, script_language
from leakmine.ingest.markdown import unflatten
from leakmine.ingest.paragraphs import FIELD
from leakmine.ingest.text import read_text

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def read(text: str, name: str = "paper.txt"):
    docs = read_text(Path(name), text.encode("utf-8"))
    assert len(docs) == 1
    return docs[0]


def section_with(doc, fragment: str):
    hits = [s for s in doc.sections if fragment in s.text]
    assert len(hits) == 1, f"{fragment!r} found in {len(hits)} sections"
    return hits[0]


# --- helpers --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("A 70-year-old woman developed weakness of both legs after the procedure.", "en"),
    ("\u9aa8\u6c34\u6ce5\u6e17\u6f0f\u662f\u4e00\u79cd\u5e38\u89c1\u7684\u5e76\u53d1\u75c7 (PVP, T12)\u3002", "zh"),
    ("\u7d4c\u76ae\u7684\u690e\u4f53\u5f62\u6210\u8853\u306e\u5f8c\u306b\u30bb\u30e1\u30f3\u30c8\u304c\u6f0f\u308c\u305f\u3002", "ja"),
    ("\uc2dc\uba58\ud2b8 \ub204\ucd9c\uc740 \ub4dc\ubb3c\ub2e4", "ko"),
    ("\u0423 \u043f\u0430\u0446\u0438\u0435\u043d\u0442\u0430 \u0440\u0430\u0437\u0432\u0438\u043b\u0430\u0441\u044c "
     "\u0441\u043b\u0430\u0431\u043e\u0441\u0442\u044c \u043d\u043e\u0433", "ru"),
    ("Ein 70-j\u00e4hriger Patient entwickelte nach der Operation eine Schw\u00e4che der Beine und wurde "
     "mit einer Laminektomie behandelt.", "de"),
    ("Un hombre de 70 a\u00f1os present\u00f3 debilidad de las piernas tras la cirug\u00eda y fue operado.", "es"),
    ("Une femme de 70 ans a pr\u00e9sent\u00e9 une faiblesse des jambes apr\u00e8s la chirurgie avec une douleur.",
     "fr"),
    ("Cement leak", "en"),
    ("The patient \u2013 a 70-year-old man \u2013 developed weakness of both legs after the procedure.", "en"),
    ("The \u00b5-CT of the patient showed a leak in the canal and the vein", "en"),
    ("le patient a une douleur dans la jambe et il est sorti de la clinique", "fr"),
    ("L2-L3 T12 PVP PKP", "en"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_script_language_ignores_latin_and_digits():
    assert script_language("T12 and L1 (2024)") is None
    assert script_language("") is None


@pytest.mark.parametrize("text, kind", [
    ("^2 Department of Radiology, Harbour Hospital, Genoa, Italy.", "front-matter"),
    ("1 Division of Spine Surgery, Lakeside University, Riverton, Norway", "front-matter"),
    ("(3)Institute for Biomechanics, Zurich, Switzerland.", "front-matter"),
    ("\u00b9 Servicio de Traumatolog\u00eda, Hospital del Mar, Barcelona", "front-matter"),
    ("* Corresponding author: Eva Lindgren, e-mail eva@example.org", "front-matter"),
    ("Address correspondence to: Dr. Ruiz, Lakeside University.", "front-matter"),
    ("Received 4 January 2021; accepted 9 March 2021", "front-matter"),
    ("Published online: 12 May 2019", "front-matter"),
    ("https://doi.org/10.5555/abc.2020.1", "front-matter"),
    ("PMID: 31234567 PMCID: PMC7654321", "front-matter"),
    ("Global Spine Journal 2017; 7(2): 101-110", "front-matter"),
    ("Copyright 2020 The Authors; licensee Example Press.", "back-matter"),
    ("\u00a9 2019 Wolters Kluwer Health, Inc. All rights reserved.", "back-matter"),
    ("This is an open access article distributed under the terms of the Creative Commons licence.", "back-matter"),
    ("Cite this article as: Ruiz T, Berg A. A title. Spine. 2020;1:1.", "back-matter"),
    ("Downloaded from example.org on 2 May 2022", "back-matter"),
    ("CC BY 4.0 · Journal of Spine Cases DOI: 10.5555/abc.2020.1", "back-matter"),
    ("CC BY-NC-ND 4.0", "back-matter"),
    # letters `re` equates with ASCII ones that lower-casing keeps apart, and dashes outside ASCII
    ("Copyr\u0131ght 2020 The Authors.", "back-matter"),
    ("\u0130SSN 1234-5678", "front-matter"),
    ("This article is distributed under the terms of the Creative Commons licence \u2013 see the text.", "back-matter"),
    ("Funding: none. The authors have no conflicts of interest to declare.", "back-matter"),
    # a page's tools on lines of their own
    ("Send to:", "front-matter"),
    ("Choose Destination", "front-matter"),
    ("See comment in PubMed Commons below", "front-matter"),
    ("Search for other papers by Ana Ruiz in Current site Google Scholar PubMed Close", "front-matter"),
    ("Skip to main content", "front-matter"),
    ("Skip Navigation", "front-matter"),
    ("Add to saved papers", "front-matter"),
    ("Receive weekly Table of Contents alerts from Spine Cases Quarterly", "front-matter"),
    ("Citation alerts can be set up and managed in your profile", "front-matter"),
    ("View my account settings", "front-matter"),
    ("header advert", "front-matter"),
    ("Spine Cases Quarterly Logo", "front-matter"),
    ("Logo Spine Cases Quarterly", "front-matter"),
    ("Spine Cases Quarterly logoLink to Spine Cases Quarterly", "front-matter"),
    ("Visit Spine Cases Quarterly at:", "front-matter"),
    ("Loading...", "front-matter"),
    ("Font Size:", "front-matter"),
    ("You could be reading the full-text of this article now if you...", "front-matter"),
    ("If you have access to this article through your institution, you can view this article in", "front-matter"),
    ("Institutional members access full text with Ovid", "front-matter"),
    ("you can view this article in", "front-matter"),
    ("Back to Search", "front-matter"),
    ("Start Over", "front-matter"),
    ("Share this article on:", "front-matter"),
    ("Our pages have changed! Try out our new website", "front-matter"),
    ("We were asked to try the new design of the cannula.", None),
    ("Try the new design of our journal pages", "front-matter"),
    ("Switch to the classic site", "front-matter"),
    ("Front. Surg.", "front-matter"),
    ("Neurol. Med. Chir.", "front-matter"),
    ("Clin. Orthop. Relat. Res.", "front-matter"),
    ("Fig. 2.", None),
    ("Dr. Chen.", None),
    ("Preop. Postop.", None),
    ("Left. Right.", None),
    ("Case presentation.", None),
    ("As the old cannula clogged, we chose to try the new design of the delivery cannula in later cases.", None),
    ("Surgeons who switch to the new design of the balloon should expect less leakage.", None),
    ("We tried the new design of cannula in ten patients.", None),
    ("The surgeons switched to the new technique in 2015.", None),
    ("Resection of intramedullary tumors in adults: motor deficits after surgery", None),  # a word ending "section of"
    ("She underwent surgery in 3/2011.", None),
    ("Print 2023 May 29.", None),
    ("Accessed 2023 June 3", None),
    ("Revision surgery 7/2019", None),
    ("An official publication of the Spine Society advises early decompression for epidural leakage.", None),
    ("RESECTION OF INTRAMEDULLARY TUMORS IN ADULTS", None),
    ("abDepartment of Orthopaedics, Northfield University, Northfield", "front-matter"),
    ("Contents lists available at ScienceDirect", "front-matter"),
    ("Spine Cases Quarterly journal homepage: www.example.org/scq", "front-matter"),
    ("An Official Publication of The Spine Society of Northfield", "front-matter"),
    ("Home About us Editorial board Search Ahead of print Current issue Archives Submit article Contacts Login",
     "front-matter"),
    ("We start over with a second injection.", None),
    ("Previous Article in Journal", "front-matter"),
    ("The next article in this issue reports two more cases.", None),
    ("Background: cement leakage is common.", None),
    ("The company logo was shown on every slide.", None),
    ("Loading of the cement was slow.", None),
    ("We receive alerts from the monitoring system when potentials drop.", None),
    ("Monitoring alerts were set up before the incision.", None),
    ("We skip to the main findings.", None),
    ("Add to this the cost of revision surgery.", None),
    ("We send to the pathologist all the tissue removed.", None),
    ("A search for other papers by the same group in PubMed found two more cases.", None),
    ("A 64-year-old woman from the Department of Medicine was referred to us in 2019.", None),
    ("She received a second vertebroplasty in 2019 and recovered.", None),
    ("The cement was removed through a hemilaminectomy at L3.", None),
])
def test_boilerplate_of(text, kind):
    bp = boilerplate_of(text)
    assert (bp.kind if bp else None) == kind


@pytest.mark.parametrize("line, opens", [
    ("Received: 3 May 2020 / Accepted: 1 June 2020", True),
    ("received PVP in 2019 and then", False),
    ("a Department of Orthopaedics, Riverton", True),
    ("https://doi.org/10.5555/abc", True),
    ("the cement in 2019 was", False),
])
def test_opens_boilerplate(line, opens):
    assert opens_boilerplate(line) is opens


@pytest.mark.parametrize("text, expected", [
    ("Figure 1. Axial CT image.", ("caption", "Figure 1")),
    ("Fig. 2 A 60-year-old man with cement in the canal.", ("caption", "Fig. 2")),
    ("FIGURE 3: Sagittal MRI", ("caption", "FIGURE 3")),
    ("Fig 4 (A) Lateral view", ("caption", "Fig 4")),
    ("Table 2 Characteristics of the patients", ("table", "Table 2")),
    ("Table 1. Timeline", ("table", "Table 1")),
    ("Supplementary Figure S1. Flow chart", ("caption", "Supplementary Figure S1")),
    ("Figure 2 shows the cement in the canal.", None),
    ("Figs. 3 and 4 show the fragments.", None),
    ("Table 1 lists the data.", None),
    ("The figure shows cement.", None),
    ("\u2022 Figure 3 Lateral radiograph showing cement in the disc", ("caption", "Figure 3")),
    ("- Table 2 Laboratory values", ("table", "Table 2")),
    ("\u2022 Figure 2 shows the leak.", None),
])
def test_caption_label(text, expected):
    assert caption_label(text) == expected


# --- one synthetic paper with the usual troubles ----------------------------------------------

PAPER = """\
Progressive paraparesis from epidural polymethylmethacrylate after two-level kyphoplasty

Ingrid Solberg^1, Tom\u00e1s Ruiz^{1,*}, Okello Mwangi^2

Abstract

Background: Leakage of bone cement into the spinal canal is uncommon but can injure neural
structures.
Case: A 71-year-old man developed weakness of both legs two days after kyphoplasty at T11 and T12.
Conclusion: Early removal of the cement is advised in such patients.

Keywords: kyphoplasty, cement leakage, paraparesis

1. INTRODUCTION

Balloon kyphoplasty restores vertebral height in painful osteoporotic fractures and is consid-
ered safe. Even so, cement occasionally escapes through a cortical breach and reaches
the epidural space, where it may compress the

^1 Department of Neurosurgery, Lakeside University Hospital, Riverton, Norway.
* Corresponding author. E-mail: truiz@example.org
\u00a9 2022 The Authors. This is an open access article under the CC BY licence.
Nordic Spine Journal (2022) 14:3;201\u2013206
Received: 2 March 2017 / Accepted: 9 May 2017
https://doi.org/10.5555/NSJ.2022.0143

thecal sac or the exiting roots.

2. CASE PRESENTATION

A 71-year-old man with osteoporosis underwent kyphoplasty at T11 and T12 for painful fractures.
Two days later he noticed weakness of both legs and could not stand. Examination showed grade 3
hip flexion on the right and grade 2 on the left. Computed tomography revealed cement in the

Figure 1. Axial computed tomography at T12 showing cement in the ventral epidural space.

epidural space from T11 to T12 (Figure 1).

Surgical treatment
He underwent laminectomy of T11-
T12 and the cement was removed in pieces. Strength improved over the next weeks and at the
6-month follow-up he walked without aids and had no

Table 1. Muscle strength over time

Muscle group Before After

Hip flexion 2/5 4/5

Knee extension 3/5 5/5
 bladder symptoms.

3. DISCUSSION

Cement in the canal after kyphoplasty should be removed early when it causes deficits.

Resumen

Un hombre de 71 a\u00f1os present\u00f3 debilidad de ambas piernas despu\u00e9s de una cifoplastia. La
tomograf\u00eda mostr\u00f3 cemento en el espacio epidural y se realiz\u00f3 una laminectom\u00eda.

Abstract

Background: Leakage of bone cement into the spinal canal is uncommon but can injure neural
structures.
Case: A 71-year-old man developed weakness of both legs two days after kyphoplasty at T11 and T12.
Conclusion: Early removal of the cement is advised in such patients.

References

1. Garcia P, Lee K. Cement leakage after vertebral augmentation. Spine J. 2018;18:1-9.
2. Novak T. Epidural cement. Eur Spine J. 2016;25:33-40. doi: 10.5555/other.paper

How to cite this article: Solberg I, Ruiz T, Mwangi O. Progressive paraparesis. Nord Spine J. 2022;14(3):201-206. \
doi: 10.5555/nsj.2022.0143
"""


@pytest.fixture(scope="module")
def paper():
    return read(PAPER)


def test_paper_metadata(paper):
    m = paper.meta
    assert m.title == "Progressive paraparesis from epidural polymethylmethacrylate after two-level kyphoplasty"
    assert m.authors == ["Ingrid Solberg", "Tom\u00e1s Ruiz", "Okello Mwangi"]
    assert (m.first_author, m.journal, m.year, m.doi) == ("Solberg", "Nordic Spine Journal", 2022,
                                                        "10.5555/nsj.2022.0143")
    assert m.language == "en"


def test_paper_id_is_the_content_hash(paper):
    assert paper.paper_id == hashlib.sha256(PAPER.encode()).hexdigest()[:16]


@pytest.mark.parametrize("fragment, title, kind", [
    ("Leakage of bone cement into the spinal canal", "Background", "abstract"),
    ("kyphoplasty, cement leakage, paraparesis", "Keywords", "front-matter"),
    ("is considered safe", "1. INTRODUCTION", "introduction"),
    ("underwent kyphoplasty at T11 and T12 for painful", "2. CASE PRESENTATION", "case"),
    ("removed in pieces", "Surgical treatment", "case"),
    ("removed early when it causes deficits", "3. DISCUSSION", "discussion"),
    ("Axial computed tomography at T12", "Figure 1", "caption"),
    ("Hip flexion 2/5 4/5", "Table 1", "table"),
    ("Garcia P, Lee K.", "References", "references"),
    ("Lakeside University Hospital", "Affiliation", "front-matter"),
    ("truiz@example.org", "Correspondence", "front-matter"),
    ("open access article", "Copyright", "back-matter"),
    ("14:3;201", "Citation", "front-matter"),
    ("Accepted: 9 May 2017", "Article history", "front-matter"),
    ("Solberg I, Ruiz T, Mwangi O.", "How to cite this article", "back-matter"),
])
def test_sections(paper, fragment, title, kind):
    s = section_with(paper, fragment)
    assert (s.title, s.kind) == (title, kind)
    assert s.mined == (kind not in ("front-matter", "back-matter", "references"))


@pytest.mark.parametrize("sentence", [
    "reaches the epidural space, where it may compress the thecal sac or the exiting roots.",
    "Computed tomography revealed cement in the epidural space from T11 to T12 (Figure 1).",
    "he walked without aids and had no bladder symptoms.",
    "laminectomy of T11-T12 and the cement",
    "and is considered safe.",
])
def test_interrupted_and_wrapped_sentences_are_whole(paper, sentence):
    section_with(paper, sentence)


@pytest.mark.parametrize("text, sentence", [
    ("Weakness of the legs lasted for\n\nFigure 2. Sagittal CT of the canal.\n\n3 days after the procedure.\n",
     "Weakness of the legs lasted for 3 days after the procedure."),
    ("The cement reached the\n\nFig. 3 Axial MRI at L4.\n\nMRI-visible part of the canal.\n",
     "The cement reached the MRI-visible part of the canal."),
    ("Her pain was treated with\n\nReceived: 2 May 2020; Accepted: 3 June 2020\n\nCopyright 2020 The Authors.\n\n"
     "steroids and rest.\n", "Her pain was treated with steroids and rest."),
    ("The leak was removed through a labo-\n\nFigure 1. Operative view.\n\nrious approach.\n",
     "The leak was removed through a laborious approach."),
])
def test_sentence_cut_by_an_aside_is_rejoined(text, sentence):
    doc = read(text)
    section_with(doc, sentence)
    assert len([s for s in doc.sections if s.kind != "caption" and s.mined]) == 1


_STORY = ("Cement leak after kyphoplasty\n\nAbstract\n\nA 71-year-old man had thigh pain after kyphoplasty at L3. "
          "The leaked cement was removed and the pain resolved.\n\n")


_MESH = "MeSH terms\n\nAged\nCement Leakage\nFemale\nHumans\nLeg\nKyphoplasty\n"


@pytest.mark.parametrize("terms", [
    _MESH,
    # lines that run together into one paragraph, small words and all
    "MeSH terms\n\nAged, 80 and over\nFemale\nHumans\nPulmonary Embolism / etiology*\nVertebroplasty / adverse effects*\n",
    "MeSH terms\n\nAged\nLaminectomy\nActivities of Daily Living\nEmbolism of the Pulmonary Artery / etiology*\n"
    "Quality of Life\nRange of Motion, Articular\n",
])
def test_index_terms_under_their_heading_are_not_mined(terms):
    """One term a line under the heading of a list of index terms: items of that list, none a heading
    over mined text."""
    doc = read(_STORY + terms + "\nCopyright 2031 The Authors.\n")
    assert not section_with(doc, "Aged").mined
    assert [s.text for s in doc.sections if s.mined and s.kind != "title"] == [_STORY.split("\n\n")[2]]


@pytest.mark.parametrize("after, heading, first", [
    ("Save search", "Save search", "Create a file of the records for a reference manager."),
    ("Save search", "Save search", "It was saved."),
    # a terse sentence of few small words under a heading the vocabulary does not know
    ("Neurological examination", "Neurological examination",
     "Examination revealed left L5 weakness (MRC grade 3/5), absent ankle reflex and positive straight-leg raising."),
])
def test_a_sentence_after_index_terms_is_headed_by_the_last_term_line(after, heading, first):
    """Text after the list (a page's own lines) stays text, under the last heading-like line."""
    doc = read(_STORY + _MESH + f"\n{after}\n\n{first}\n")
    told = section_with(doc, first.lstrip("- "))
    assert told.mined and told.title == heading
    assert not section_with(doc, "Kyphoplasty").mined


def test_notices_after_index_terms_stay_asides_when_a_term_heads_the_text():
    doc = read(_STORY + _MESH + "\nLeg weakness at two hours\n\nErratum in: Paraplegia after kyphoplasty in a 58-year-old "
               "man. Spine Case Rev. 2031;14(7):301.\n\nA 74-year-old woman had T12 vertebroplasty. She had leg weakness.\n")
    assert not section_with(doc, "Erratum in").mined
    assert section_with(doc, "A 74-year-old woman").title == "Leg weakness at two hours"


def test_a_labelled_paragraph_after_index_terms_lifts_the_heading_and_the_lines_before_it():
    doc = read(_STORY + _MESH + "\nNeurological status\n\nPower 2/5 in both legs, urinary retention on day 2\n\n"
               "Outcome: after evacuation she walked with a frame at 3 months.\n")
    assert section_with(doc, "Power 2/5 in both legs").mined
    assert section_with(doc, "she walked with a frame").mined


def test_a_sentence_run_into_a_term_line_after_index_terms_is_text():
    doc = read(_STORY + "Substances\nFigure 1. Sagittal CT with cement in the canal at T12.\n\n"
               "doi: 10.5555/scr.2031.0055\n\nFemale\nA 74-year-old woman had T12 vertebroplasty.\nFemale\n")
    assert section_with(doc, "A 74-year-old woman had T12").mined


def test_matter_after_a_list_of_index_terms_is_its_own_section():
    doc = read(_STORY + _MESH + "\nConflict of interest\n\nThe authors declare no competing interests.\n\n"
               "Copyright 2031 The Authors.\n")
    assert section_with(doc, "no competing interests").title == "Conflict of interest"


def test_a_table_after_index_terms_is_kept_whole():
    doc = read(_STORY + _MESH + "\nLaboratory findings\n\nTable 1. Values on admission\n\nHaemoglobin\n9.8 g/dL\n"
               "Platelets\n88,000/mm3\nINR 2.4.\n\nOn the second day she had weakness of both legs and urinary retention.\n")
    assert "INR 2.4." in section_with(doc, "Table 1.").text
    assert section_with(doc, "On the second day").title == "Laboratory findings"


@pytest.mark.parametrize("terms", [
    "Keywords\n\nOsteoporosis\nVertebroplasty\n\n",
    "KEYWORDS\n\nKYPHOPLASTY\nLEAKAGE\n\n",
])
@pytest.mark.parametrize("heading, text", [
    ("Clinical Vignette", "Two days after uneventful L2 vertebroplasty, a 72-year-old osteoporotic woman developed "
     "severe left anterior thigh pain from epidural cement compressing the L2 root, relieved completely by "
     "emergency hemilaminectomy."),
    ("Patient Particulars", "She was 81.\n\nShe had right thigh pain on day 2 after kyphoplasty at L4"),
    ("Patient Particulars", "Received: 3 March 2031; Accepted: 9 May 2031\n\nShe had right thigh pain on day 2."),
])
def test_under_keywords_an_unknown_heading_still_heads_its_text(terms, heading, text):
    """Keywords are no index terms: a heading the vocabulary does not know after them opens mined text."""
    doc = read(_STORY + terms + heading + f"\n\n{text}\n")
    told = section_with(doc, "right thigh pain" if "right thigh" in text else "thigh pain from epidural cement")
    assert told.mined


@pytest.mark.parametrize("sentence", [
    "Her fracture was graded in 2019: 2-B, and she was treated with a foraminotomy at L2.",
    "Postoperative CT in May 2019: 3-D, axial and sagittal views showed cement in the foramen.",
    "Her first operation was reported in Spine Surg Br 2029;41-B(3):221-6; two years later she had a leak at L3.",
    "A similar leak was described in Orthop Spine Br 2029;41-B(3):221-6, where the cement reached the canal.",
    "Her leak was sealed with an epidural blood patch as in Spine Surg Br 2029;41-B(3):221-6.",
])
def test_a_sentence_with_a_year_and_a_lettered_number_is_no_citation(sentence):
    doc = read(f"Cement in the foramen after kyphoplasty\n\nCase report\n\n{sentence}\n")
    assert (doc.meta.journal, doc.meta.year) == (None, None)
    assert section_with(doc, sentence).mined


@pytest.mark.parametrize("after", [
    "Authors\n\nLena Ortiz\nMarta Ruiz\n\nCase summary\n\nHer leg pain began on day 2 and settled",
    "Conflict of interest\n\nNone declared.\n\nOperative findings\n\nThe cement lay beside the root, and",
])
def test_a_heading_after_other_front_or_back_matter_still_opens_mined_text(after):
    """Only a list of terms takes the heading-like lines after it; text under a heading after other
    matter is mined (here a paragraph cut short, which alone would not leave that matter)."""
    doc = read(_STORY + after + "\n")
    assert section_with(doc, after.rsplit("\n\n", 1)[1]).mined


def test_finished_sentences_are_not_joined_across_asides():
    doc = read("The cement was removed.\n\nFigure 1. Operative view.\n\nShe recovered.\n")
    assert section_with(doc, "She recovered.").text == "The cement was removed.\n\nShe recovered."


def test_caption_text_is_kept_intact(paper):
    cap = section_with(paper, "Axial computed tomography")
    assert cap.text == "Figure 1. Axial computed tomography at T12 showing cement in the ventral epidural space."


def test_translation_is_marked_and_not_mined(paper):
    s = section_with(paper, "Un hombre de 71")
    assert s.language == "es" and not s.mined and s.title == "Resumen"


def test_repeated_abstract_is_kept_once(paper):
    for fragment in ("Leakage of bone cement into the spinal canal", "Early removal of the cement is advised"):
        assert paper.text.count(fragment) == 1


def test_section_offsets_index_the_text(paper):
    for s in paper.sections:
        assert paper.text[s.start_char:s.end_char] == s.text


def test_year_comes_from_citation_lines_not_body_text():
    doc = read("Cement leak into the foramen after sacroplasty\n\n"
               "Between 2009 and 2018 we treated 40 patients. In 2015 one of them had a leak.\n")
    assert doc.meta.year is None and doc.meta.doi is None


def test_page_numbers_and_running_heads_are_dropped_and_the_sentence_rejoined():
    head = "Example Spine Reports \u00b7 Vol 3"
    doc = read(f"Cement leak in the lumbar canal\n\n{head}\n\nA woman of 64 had vertebroplasty at L2. Her "
               f"strength was grade 3 on the left and\n\n12\n\n{head}\n\ngrade 4 on the right.\n\n"
               f"Page 13 of 15\n\n{head}\n\nShe recovered.\n")
    assert head not in doc.text and "Page 13" not in doc.text and "\n12\n" not in doc.text
    section_with(doc, "grade 3 on the left and grade 4 on the right.")


def test_translation_on_the_next_line_is_split_off():
    doc = read("A woman of 70 had weakness of both legs after vertebroplasty at T12 and recovered after surgery.\n"
               "\u4e00\u540d70\u5c81\u5973\u6027\u5728T12\u690e\u4f53\u6210\u5f62\u672f\u540e"
               "\u51fa\u73b0\u53cc\u4e0b\u80a2\u65e0\u529b\u3002\n")
    en, zh = doc.sections
    assert (en.language, zh.language, en.mined, zh.mined) == ("en", "zh", True, False)


# --- titles ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, title", [
    ("Epidural cement after kyphoplasty A 69-year-old woman had sudden back pain after a fall at home and "
     "was treated with kyphoplasty.\n", "Epidural cement after kyphoplasty"),
    ("Ana Costa, Ming-Wei Lin\nDepartment of Spine Surgery, Harbour Hospital, Genoa, Italy.\n"
     "Cement leaked into the canal after vertebroplasty in a woman of 80, who then lost strength in both "
     "legs and needed surgery.\n", None),
    ("Abstract\nA woman of 80 lost strength in both legs after vertebroplasty. Surgery helped her.\n", None),
    ("Images in spine surgery: cement in the azygos vein\n\nA man of 75 had kyphoplasty at L1. He recovered "
     "without any further treatment.\n", "Images in spine surgery: cement in the azygos vein"),
    ("Cement leak after kyphoplasty\nCase Report\n\nAna Costa, Ming-Wei Lin\n\nINTRODUCTION: Leaks are "
     "common.\n", "Cement leak after kyphoplasty"),
    ("1. Eur Spine J. 2019 Mar;28(3):612-618.\n\nForaminal cement after sacroplasty.\n\nRossi L(1), Mbeki T(2).\n",
     "Foraminal cement after sacroplasty."),
])
def test_title(text, title):
    doc = read(text)
    assert doc.meta.title == title
    if title:
        assert doc.sections[[s.kind for s in doc.sections].index("title")].text == title


def test_byline_first_author_in_family_name_first_order():
    doc = read("Huang Xiaoming, Sun Jianguo, Zhou Haifeng\n"
               "Department of Orthopaedics, Riverside Hospital, Wuhan, China.\n"
               "A woman of 80 lost strength in both legs after vertebroplasty. Surgery helped her a lot.\n")
    assert doc.meta.first_author == "Huang" and doc.meta.title is None


@pytest.mark.parametrize("lines, first", [
    ("  \u2022 Helena B. Strassner\n  \u2022 Victor K. Olmedo\nCase Report\n", "Strassner"),  # a list of names
    ("\u2022 Spinal Cord Injury\n\u2022 Vertebroplasty\n", None),  # a list of keywords
    ("Author: Keiko Nakaura [1], Ren Tashiro [1]\n", "Nakaura"),  # marks are no name
    ("Title: Cement in the canal after kyphoplasty. Author: Varga TL, Osei KM. Journal: Spine Cases; 2014 Sep; "
     "17(4):212-19.\n", "Varga"),  # a record's fields run together
    ("Autores principales: Tan, Yuerong, Ke, Lian\nPublicado: Spine Press 2023\n", "Tan"),
    ("\u0410\u0432\u0442\u043e\u0440\u0438: Ana Ruiz, Li Wei\n", "Ruiz"),  # "Автори" (authors)
    ("\u0410\u0432\u0442\u043e\u0440: Ana Ruiz\n", "Ruiz"),  # "Автор" (author)
    ("verfasst von: Ana Ruiz, Li Wei\n", "Ruiz"),  # "written by"
    ("  \u2022 Ana Ruiz\n  \u2022 Li WeiEmail author\n", "Ruiz"),  # a link run into the corresponding author
    ("  \u2022 Authors:\n    \u2022 Ana Ruiz\n    \u2022 Li Wei\n  \u2022 View Affiliations\n", "Ruiz"),  # the label listed too
    ("Contents\n  1. Prone Position\n  2. Local Anesthesia\n\nAna Ruiz, Li Wei, Marta Costa\n", "Ruiz"),  # a list, no byline
    # "Family, Given" one an item under an author label, with or without its colon
    ("Authors\n  \u2022 Ruiz, Ana Maria\n  \u2022 Wei, Li\n  \u2022 Costa, Tomas\n", "Ruiz"),
    ("Authors :\nRuiz, Ana Maria\nWei, Li\nCosta, Tomas\nSource :\nSpine Cases Q\n", "Ruiz"),
    ("  \u2022 Spine, Lumbar\n  \u2022 Fractures, Compression\n  \u2022 Vertebroplasty, Percutaneous\n", None),  # index terms
    ("Subjects:\n  \u2022 Spine, Lumbar\n  \u2022 Fractures, Compression\n", None),
    ("Keywords :\nSpine, Lumbar\nFractures, Compression\n", None),
    ("  \u2022 Selin KARA\u00c7AY\n  \u2022 Murat \u00d6ZT\u00dcRK\n", "Kara\u00e7ay"),  # family names in capitals of any alphabet
    # one an item under an author label, blank lines between, each perhaps over its numbered affiliation
    ("Authors\n\n  \u2022 Ana Ruiz\n\n    1   North Hospital, Oslo\n  \u2022 Li Wei\n\n    2   South Clinic, Bergen\n\n",
     "Ruiz"),
    ("Authors\n\n  \u2022 Ana Ruiz\n\n  \u2022 Li Wei\n\n", "Ruiz"),
    ("Keywords\n\n  \u2022 Spinal Cord\n\n  \u2022 Cement Leakage\n\n", None),
    ("Authors\n\n  1 North Hospital\n\n  \u2022 Ana Ruiz\n\n", None),  # an affiliation under no name
    ("Authors\n\n  \u2022 Ana Ruiz\n\n    1 Orthopaedics, Oslo University\n  \u2022 Li Wei\n\n"
     "    2 Spine Unit, Klinikum Nord, Berlin\n\n", "Ruiz"),
    ("Authors\n\n  \u2022 Ana Ruiz\n\n    1 Dipartimento di Ortopedia, Universit\u00e0 degli Studi, Milano\n"
     "  \u2022 Li Wei\n\n    2 H\u00f4pital de l'Enfant, Lyon\n\n", "Ruiz"),
    # numbered from 1, each name marked for its affiliation, the affiliations numbered again below
    ("Case report\n  1. Ana Ruiz1,\n  2. Li Wei Costa1 and\n  3. Tom Berg2\n  1. 1 Orthopedics, North Hospital, Oslo\n"
     "  2. 2 Anatomy, North Hospital, Oslo\n", "Ruiz"),
    ("  1. Ana Ruiz1,*,\n  2. Li Wei Costa1, and\n  3. Tom Berg2,\u2709\n", "Ruiz"),  # marks, an Oxford comma
    ("  1. Ana Ruiz\n  2. Li Wei\n", None),  # no marks: as often steps or terms
    ("  1. Ana Ruiz1\n  3. Li Wei2\n", None),  # not numbered one by one
])
def test_author_lists_name_the_first_author(lines, first):
    doc = read(f"Cement in the canal after kyphoplasty\n\n{lines}\nA man of 60 had a leak. He recovered fully.\n")
    assert doc.meta.first_author == first


def test_record_fields_run_together_give_year_and_journal():
    doc = read("Cement in the canal after kyphoplasty\n\nTitle: Cement in the canal after kyphoplasty. Author: "
               "Varga TL, Osei KM. Journal: Spine Cases; 2014 Sep; 17(4):212-19. PubMed ID: 31874206.\n\n"
               "A man of 60 had a leak. He recovered fully.\n")
    assert (doc.meta.title.rstrip("."), doc.meta.year, doc.meta.journal) == (
        "Cement in the canal after kyphoplasty", 2014, "Spine Cases")


@pytest.mark.parametrize("field, year, journal", [
    ("Journal of Spine Cases, 2022, \u2116 2, \u0441. 128-133", 2022, "Journal of Spine Cases"),
    ("2024", 2024, None),  # a preprint: the year alone
    ("2024 \u0440.", 2024, None),  # "р." (рік: year)
    ("Spine Cases, 2024 \u0440.", 2024, "Spine Cases"),
    ("Spine Cases, 2024 \u0440., \u2116 2, \u0441. 3-5", 2024, "Spine Cases"),
])
def test_a_catalogue_journal_field_in_ukrainian(field, year, journal):
    doc = read(f"Cement in the canal after kyphoplasty\n\n\u0412\u0438\u0434\u0430\u043d\u043d\u044f: {field}\n\n"
               "A man of 60 had a leak. He recovered fully.\n")
    assert (doc.meta.year, doc.meta.journal) == (year, journal)


def test_a_summary_page_names_its_paper_by_a_breadcrumb():
    doc = read("Spine Summaries Online\nAboutContact\nSpine Summaries Online\n\nResearch made plain for patients.\n\n"
               "\u00a9 2025 Spine Summaries Online\n\n  1. Home\n  2. Research\n  3. Cement in the canal after kyphoplasty\n\n"
               "Cement in the canal after kyphoplasty\n\nSpine Cases Q, 2021 \u00b7 DOI: 10.5555/scq.2021.7 \u00b7 Published: "
               "March 6, 2021\n\nSimple Explanation\n\nA man of 60 had a leak. He recovered fully.\n")
    assert (doc.meta.title, doc.meta.journal, doc.meta.year) == ("Cement in the canal after kyphoplasty", "Spine Cases Q", 2021)
    assert not any("made plain" in s.text for s in doc.sections if s.mined)


def test_a_date_told_in_the_text_is_no_record_field():
    doc = read("Cement in the canal after kyphoplasty: a case report\n\nSpine Cases Q. 2019;12(3):45-9.\n\nCase report\n"
               "A 70-year-old man had vertebroplasty at L2.\nDate: 2015 Oct 7\nHe had leg pain from epidural cement.\n")
    assert doc.meta.year == 2019 and any("leg pain" in s.text for s in doc.sections if s.mined)


def test_a_numbered_table_of_contents_is_no_breadcrumb():
    doc = read("Pulmonary cement embolism after vertebroplasty in an older woman\n\nAbstract\n\nA woman of 78 had dyspnea "
               "after vertebroplasty at T12.\n\nContents\n\n1. Introduction\n\n2. Case Report\n\n3. Discussion and Review\n\n"
               "Discussion and review\n\nCement embolism is rare.\n")
    assert doc.meta.title == "Pulmonary cement embolism after vertebroplasty in an older woman"


def test_bulleted_names_with_a_long_run_of_spaces_are_read_in_linear_time():
    doc = read(f"Cement in the canal after kyphoplasty\n\n- Ana{' ' * 200_000}x\n- Li Wei\n\nAbstract\n\nA man of 60 had a leak.\n")
    assert doc.meta.title == "Cement in the canal after kyphoplasty"  # a regex that rescans the spaces never returns


@pytest.mark.parametrize("page, title, author, year", [
    # a record's authors one a line under a bare label, their marks and separators on lines of their own
    ("Cement in the canal after kyphoplasty: a case report.\n10.5555/scq.2014.21.2.97\n- Author:\nAna Maria COSTA\n1\n"
     ";\nLi WEI\n;\nJi Hoon PARK\nAuthor Information\n1. Department of Orthopaedics, Northfield Hospital.\n"
     "- Publication Type:Case Report\n- From:Spine Cases Quarterly\n2014;9(3):55-61\n- Language:English\n-\n"
     "Abstract:\nA man of 60 had a leak. He recovered fully.\n",
     "Cement in the canal after kyphoplasty: a case report.", "Costa", 2014),
    # a journal's tagline and a site's menus
    ("An Official Publication of The Spine Society of Northfield\n\nSearch Article\n"
     "Home About us Editorial board Search Ahead of print Current issue Archives Submit article Contacts Login\n"
     "  Users Online: 41 Home Print this page Email this page Small font size\n\n   Table of Contents\nCASE REPORT\n"
     "Year : 2016  |  Volume : 5  |  Issue : 2  |  Page : 31-35\n\nCement in the canal after kyphoplasty\n\n"
     "1 Department of Neurosurgery, Northfield Hospital\n\nAbstract\n\nA man of 60 had a leak. He recovered fully.\n",
     "Cement in the canal after kyphoplasty", None, 2016),
    # a publisher's masthead
    ("Spine Cases Q 3 (2012) 21e27\nContents lists available at SciVerse ScienceDirect\n"
     "Spine Cases Q journal homepage: www.example.org/scq\nOriginal Article\n"
     "Cement in the canal after kyphoplasty\n\nAna Costa, Li Wei\n\nAbstract\n\n"
     "A man of 60 had a leak. He recovered fully.\n", "Cement in the canal after kyphoplasty", "Costa", 2012),
])
def test_a_pages_front_lines(page, title, author, year):
    m = read(page).meta
    assert (m.title, m.first_author, m.year) == (title, author, year)


@pytest.mark.parametrize("line, journal, year", [
    ("Spine Cases Q \u203a\u203a 2022, Vol. 14 \u203a\u203a Issue (3): 210-216.doi: 10.5555/scq.2022.71",
     "Spine Cases Q", 2022),  # a journal site's breadcrumb of the issue, its DOI run on
    ("Spine Cases Q: May 3, 2014 - Volume 12 - Issue 5 - p 301\u2013307", "Spine Cases Q", 2014),
    ("Spine Cases Quarterly: December 2014 - Volume 12 - Issue 3 - p 101-107", "Spine Cases Quarterly", 2014),
    ("Spine Cases Q. 2011 Nov-Dec;4(6):212-218. English.", "Spine Cases Q", 2011),  # an issue of two months
    ("Spine Cases Q. 2011 Mar/Apr;9(2):12-16.", "Spine Cases Q", 2011),
    ("Spine Cases Q. 2011 Mar 14;9:512-8", "Spine Cases Q", 2011),
    ("Spine Cases Q. 2011 Oct;41-B(10):221-6. doi: 10.5555/scq.41B10.1", "Spine Cases Q", 2011),  # a series letter
    ("Spine Cases (Br) 2011 Oct;41-B(10):221-6.", "Spine Cases (Br)", 2011),
    ("Zeitschrift für Spine Cases. 2011;41-B(3):221-6.", "Zeitschrift für Spine Cases", 2011),
    ("Journal of Spine, Pain and Surgery volume 14, Article number: 37 (2011)", "Journal of Spine, Pain and Surgery", 2011),
])
def test_an_issue_or_citation_line_above_the_title(line, journal, year):
    doc = read(f"{line}\nCase Report\n\nCement in the canal after kyphoplasty\n\nAna Ruiz, MD and Li Wei, MD\n\n"
               "Abstract\n\nA man of 60 had a leak. He recovered fully.\n")
    assert (doc.meta.title, doc.meta.journal, doc.meta.year) == ("Cement in the canal after kyphoplasty", journal, year)


@pytest.mark.parametrize("cells, journal, year, first", [
    # a library catalogue's record, in German and English: "Published in" the journal's issue, read, never whole
    ("Ver\u00f6ffentlicht in:Spine Cases Quarterly 2021-04, Vol.17, p.e118-e121\nHauptverfasser: Costa, Ana, Wei, Li\n",
     "Spine Cases Quarterly", 2021, "Costa"),
    ("Ver\u00f6ffentlicht in: | Spine Cases (Northfield, Ont.), 2017-06, Vol.23 (4), p.E57-E59 |\n",
     "Spine Cases (Northfield, Ont.)", 2017, None),
    ("Published inSpine Cases Quarterly Vol. 12; no. 3; pp. 41 - 47\nMain Authors Costa, Ana, Wei, Li\n",
     "Spine Cases Quarterly", None, "Costa"),
    ("Verfasser: Costa, Ana\n", None, None, "Costa"),
    ("Journal: Spine Cases Quarterly\nPublished in: Vol. 17, No. 2 (2021)\n", "Spine Cases Quarterly", 2021, None),
])
def test_a_catalogue_record(cells, journal, year, first):
    m = read(f"Cement in the canal after kyphoplasty\n\nBibliographic Details\n{cells}Format: Article\n\n"
             "A man of 60 had a leak. He recovered fully.\n").meta
    assert (m.journal, m.year, m.first_author) == (journal, year, first)


def test_a_doi_in_parentheses_in_the_text_stays_in_its_sentence():
    doc = read("Cement in the canal after kyphoplasty\n\nAbstract\nA man of 60 had a leak as reported earlier "
               "(DOI: 10.5555/old.2011.3) in a woman of 70. He recovered fully.\n")
    assert any("earlier (DOI: 10.5555/old.2011.3) in a woman" in s.text for s in doc.sections)


def test_a_dois_label_run_into_the_byline():
    m = read("Cement in the canal after kyphoplasty\n\nAna Costa1ABCDEF, Li Wei2ABDE*, Rhys Pritchard1ADOI: 10.5555/scq.2017.9\n"
             "Spine Cases Q 2017; 18:122-126\n\nAbstract\nA man of 60 had a leak. He recovered fully.\n\n"
             "Related: DOI :10.5555/scq.2021.44\n").meta
    assert (m.first_author, m.doi) == ("Costa", "10.5555/scq.2017.9")


def test_a_bulleted_list_in_the_abstract_names_no_author():
    doc = read("Cement in the canal after kyphoplasty\n\nAbstract\nA man of 60 had a leak after kyphoplasty. The "
               "differential diagnosis included:\n- Guillain Barre\n- Brown Sequard\nHe recovered fully.\n")
    assert doc.meta.first_author is None


def test_citation_line_names_the_first_author():
    doc = read("Cement in the canal\n\nWang Mei, Chen Li\n\nA man of 60 had a leak. He recovered fully.\n\n"
               "How to cite this article: Chen L, Wang M. Cement in the canal. Spine Cases. 2020;3:1-4.\n")
    assert doc.meta.first_author == "Chen" and doc.meta.year == 2020


PDF_PASTE = """\
Example Publishing Corporation
Spine Case Reports
Volume 2019, Article ID 5550123, 4 pages
https://doi.org/10.5555/2019/5550123
Case Report
Late Epidural Cement Migration after Kyphoplasty in
an Osteoporotic Patient
Rui M. Costa,1 Hanna K. Berg,1,2 and Tomas Novak2
1Department of Orthopaedics, Coastal Hospital, Porto 4000-000, Portugal
2Division of Spine Surgery, Lakeside University, Riverton, Norway
Correspondence should be addressed to Rui M. Costa; rcosta@example.org
Received 3 January 2019; Accepted 28 February 2019
Academic Editor: Pia Holm
Copyright \u00a9 2019 Rui M. Costa et al. This is an open access article distributed under the Creative Commons
Attribution License, which permits unrestricted use, provided the original work is properly cited.
Kyphoplasty is a common treatment of painful vertebral fractures. We describe a woman in whom cement migrated
into the epidural space six weeks after the procedure and caused weakness of the legs.
"""


def test_front_matter_pasted_from_a_pdf_page():
    doc = read(PDF_PASTE)
    m = doc.meta
    assert m.title == "Late Epidural Cement Migration after Kyphoplasty in an Osteoporotic Patient"
    assert m.authors == ["Rui M. Costa", "Hanna K. Berg", "Tomas Novak"]
    assert (m.first_author, m.year, m.doi, m.article_type) == ("Costa", 2019, "10.5555/2019/5550123", "case report")
    body = [s for s in doc.sections if s.mined and s.kind != "title"]
    assert len(body) == 1 and body[0].text.startswith("Kyphoplasty is a common treatment")
    for fragment in ("Academic Editor", "Received 3 January", "Correspondence should", "Coastal Hospital",
                     "Article ID", "Publishing Corporation", "Case Report"):
        assert not any(s.mined for s in doc.sections if fragment in s.text), fragment


def test_markdown_headings_bullets_and_an_unnumbered_reference():
    doc = read("# Cement in the canal after kyphoplasty\n\n**Ana Costa**, Ming-Wei Lin\n\n## Clinical course\n"
               "A man of 70 had kyphoplasty at L1.\n- He had weakness of the right leg.\n- CT showed cement in "
               "the canal.\n\n**Discussion**\n\nLeaks are common.\n\nLee JH, Park S. Cement leakage. Spine J. "
               "2019;19:100-108.\n")
    assert doc.meta.title == "Cement in the canal after kyphoplasty" and doc.meta.first_author == "Costa"
    case = section_with(doc, "kyphoplasty at L1.")
    assert (case.title, case.kind) == ("Clinical course", "case")
    assert case.text.split("\n\n")[1:] == ["- He had weakness of the right leg.", "- CT showed cement in the canal."]
    assert section_with(doc, "Leaks are common.").kind == "discussion"
    assert section_with(doc, "Lee JH, Park S.").kind == "references"


def test_key_value_metadata_lines():
    doc = read("Title: Cement in the canal after kyphoplasty\nAuthors: Ana Costa, Ming-Wei Lin\nJournal: Spine "
               "Cases\nYear: 2021\n\nA man of 70 had kyphoplasty at L1. He had weakness of the right leg.\n")
    m = doc.meta
    assert (m.title, m.first_author, m.journal, m.year) == (
        "Cement in the canal after kyphoplasty", "Costa", "Spine Cases", 2021)
    assert [s.kind for s in doc.sections if s.mined] == ["other"]


@pytest.mark.parametrize("fields, author, year", [
    # a catalogue record: labels and values in cells run together, or a space between them
    ("TitleCement in the canal after kyphoplasty\nYear of Publication2021\nAuthorsCosta A, Lin MW\n"
     "JournalSpine Cases\nDate Published2021 Apr", "Costa", 2021),
    ("Main Authors Costa, Ana, Lin, Ming-Wei\nPublished United States 01.12.2021", "Costa", 2021),
    ("Autor: Costa A; Lin MW\nPublication year: 2021", "Costa", 2021),
    ("Autor: Ana Costa, Ming-Wei Lin\nJazyk: angli\u010dtina\nRok vyd\u00e1n\u00ed: 2021\nZdroj: Spine Cases. 12(3)",
     "Costa", 2021),  # in Czech
    ("Overview\nSpecialty Orthopedics\nDate 2021 Mar 2\nPMID 31874206\nCitations 8", None, 2021),
    ("Ana Costa, Ming-Wei Lin\n\nIssue number1\nPublication statusPublished - 2021 Jan 1", "Costa", 2021),
    ("Ana Costa, Ming-Wei Lin\n\nJournalSpine Cases\nStatePublished - Sep 2021", "Costa", 2021),
    # a research portal's bulleted facts
    ("YOU?\n\u00b7\n\u00b7 2021\n\u00b7 Open Access", None, 2021),
    ("Year of Publication 2021\nAuthorsCosta A, Lin MW", "Costa", 2021),
    # a heading that runs a label into a word names no author
    ("Ana Costa, Ming-Wei Lin\n\nAuthorsContributions", "Costa", None),
])
def test_catalogue_fields(fields, author, year):
    doc = read(f"Cement in the canal after kyphoplasty\n\n{fields}\n\nAbstract\nA man of 70 had kyphoplasty "
               "at L1. He had weakness of the right leg after it and was treated with rest for weeks.\n")
    m = doc.meta
    assert (m.title, m.first_author, m.year) == ("Cement in the canal after kyphoplasty", author, year)


def test_a_field_wraps_onto_its_next_line_and_a_catalogue_cell_ends_it():
    m = read("Title: Conus injury caused by intraspinal cement spread after balloon\nkyphoplasty: a "
             "case report\nAuthors: Ana Costa, Maria Rossi,\nJohn Smith\nJournalSpine Cases\nVolume18\n\n"
             "A man of 70 had vertebroplasty at L1. He had weakness of the right leg.\n").meta
    assert (m.title, m.first_author, m.journal) == (
        "Conus injury caused by intraspinal cement spread after balloon kyphoplasty: a case report",
        "Costa", "Spine Cases")
    assert read("Author: Nakamura\n\nA man of 70 had vertebroplasty at L1.\n").meta.first_author == "Nakamura"
    m = read("Journal: European Spine Journal\nVolume: 18\nAuthors: Ana Costa, Maria Rossi\nAffiliation: City "
             "Hospital\n\nA man of 70 had vertebroplasty at L1.\n").meta
    assert (m.journal, m.authors) == ("European Spine Journal", ["Ana Costa", "Maria Rossi"])
    # a wrapped title's next line is no label, though it holds a colon
    assert read("Title: Spinal cord injury after vertebroplasty in elderly\nPatients With Osteoporosis: A Case "
                "Report\n\nA man of 70 had vertebroplasty at L1.\n").meta.title == (
        "Spinal cord injury after vertebroplasty in elderly Patients With Osteoporosis: A Case Report")


def test_catalogue_fields_below_the_text_need_their_labels_run_together():
    doc = read("Cement in the canal after kyphoplasty\n\nAbstract\nA man of 70 had kyphoplasty at L1. He had weakness "
               "of the right leg after it and was treated with rest for weeks.\n\nPublication year 2008\n\n"
               "JournalSpine Cases\nVolume18\nIssue number5\n\nStatePublished - Sep 2019\n")
    assert (doc.meta.year, doc.meta.journal) == (2019, "Spine Cases")


def test_breadcrumbs_are_short_pieces_not_a_sentence():
    doc = read(f"{TITLE}\n\n{BODY}\nLeakage was most common in the order paravertebral > discal > epidural.\n")
    assert any("paravertebral > discal" in s.text and s.mined for s in doc.sections)


@pytest.mark.parametrize("line", ["Titles of the cited papers", "Journal of Spine Surgery", "Authorship was shared",
                                  "Published studies in 2019", "Years later, she walked", "State of the art"])
def test_not_a_field(line):
    assert FIELD.match(line) is None


# --- embedded records and HTML ----------------------------------------------------------------

def test_json_record_gives_metadata_and_is_not_mined():
    record = {"title": "Cement in the foramen", "authors": "Ana Costa, Ming-Wei Lin", "doi": "10.5555/ABC",
              "journal": {"name": "Spine Cases"}, "publicationDate": "2021-03-02",
              "abstract": "<p><strong>Background: </strong>Cement can reach the foramen after vertebroplasty "
                          "and compress the exiting root.</p>"}
    text = ("Ana Costa, Ming-Wei Lin\n" + json.dumps(record) + "\nAbstract\nBackground: Cement can reach the "
            "foramen after vertebroplasty and compress the exiting root.\n")
    doc = read(text)
    m = doc.meta
    assert (m.title, m.first_author, m.journal, m.year, m.doi) == (
        "Cement in the foramen", "Costa", "Spine Cases", 2021, "10.5555/abc")
    assert "{" not in doc.text and "<strong>" not in doc.text
    assert doc.text.count("Cement can reach the foramen") == 1


def test_json_record_abstract_is_used_when_the_text_lacks_it():
    record = {"title": "Cement in the foramen", "doi": "10.5555/abc",
              "abstract": "<p><strong>Observations: </strong>An elderly man had foot drop after vertebroplasty "
                          "of L5 and recovered after foraminotomy.</p>"}
    doc = read(json.dumps(record) + "\n")
    s = section_with(doc, "foot drop after vertebroplasty")
    assert (s.title, s.kind) == ("Observations", "case")


PAGE = """<!DOCTYPE html>
<html><head><title>Site | Article</title>
<meta name="citation_title" content="Epidural cement after kyphoplasty">
<meta name="citation_author" content="Okafor, Chidi"><meta name="citation_author" content="Lindgren, Eva">
<meta name="citation_doi" content="10.5555/EJS.2020.7">
<meta name="citation_journal_title" content="Example Journal of Spine">
<meta name="citation_publication_date" content="2020/05/14">
<script>var x = "<p>not text</p>";</script><style>p {color: red}</style></head>
<body><nav><a href="/">Home</a></nav>
<h1>Epidural cement after kyphoplasty</h1>
<h2>Case presentation</h2>
<p>A 77-year-old man developed <em>bilateral</em> leg weakness after kyphoplasty at L1.
CT showed epidural cement.</p>
<figure><img src="a.png"><figcaption>Figure 1. Axial CT showing cement in the canal.</figcaption></figure>
<table><caption>Table 1. Timeline</caption><tr><th>Day</th><th>Event</th></tr><tr><td>0</td><td>Kyphoplasty</td></tr>
</table>
<h2>Discussion</h2><p>Early decompression helps.</p>
</body></html>
"""


def test_html_page():
    doc = read(PAGE, "page.html")
    m = doc.meta
    assert (m.title, m.first_author, m.journal, m.year, m.doi) == (
        "Epidural cement after kyphoplasty", "Okafor", "Example Journal of Spine", 2020, "10.5555/ejs.2020.7")
    assert doc.source_format == "html"
    kinds = [(s.title, s.kind) for s in doc.sections]
    assert kinds == [("", "title"), ("Case presentation", "case"), ("Figure 1", "caption"), ("Table 1", "table"),
                     ("Discussion", "discussion")]
    assert "bilateral leg weakness" in doc.text and "not text" not in doc.text and "Home" not in doc.text
    assert "Day | Event" in section_with(doc, "Timeline").text


# --- the shared seed papers (skipped when ../shared is absent) ---------------------------------

def _seed_pairs():
    gold_dir = SHARED / "gold" / "seeds"
    if not gold_dir.is_dir():
        return []
    return sorted((g, SHARED / "seeds" / (g.stem + ".txt")) for g in gold_dir.glob("*.json"))


def _norm(v):
    return None if v is None else re.sub(r"\s+", " ", str(v)).strip().lower().rstrip(".")


@pytest.mark.parametrize("gold_path, seed_path", _seed_pairs() or [pytest.param(None, None, marks=pytest.mark.skip(
    reason="../shared is absent"))])
def test_seed_paper_facts(gold_path, seed_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["paper"]
    doc = read_text(seed_path, seed_path.read_bytes())[0]
    for field in ("title", "year", "first_author"):
        assert _norm(getattr(doc.meta, field)) == _norm(gold.get(field)), field
    assert doc.meta.doi == gold.get("doi") or doc.meta.doi in gold.get("doi_alternates", [])
    # One copy of every mined paragraph (the abstract in particular).
    paras = [p for s in doc.sections if s.mined for p in s.text.split("\n\n") if len(p) >= 80]
    assert len(paras) == len(set(paras))
    # Passages in another script are marked with their language and not mined.
    for s in doc.sections:
        lang = script_language(s.text)
        if lang:
            assert s.language == lang and not s.mined


# --- front matter around the title, bylines, the paper's own citation ---------------------------

TITLE = "Delayed foraminal cement after sacral augmentation"
BODY = "Abstract\nA woman of 77 had leg pain after the procedure. She improved with rest.\n"


@pytest.mark.parametrize("header, year, doi, journal", [
    ("SPINE CASES QUARTERLY\nIMAGES IN CLINICAL PRACTICE", None, None, "SPINE CASES QUARTERLY"),
    ("Home > Journals > Spine Cases > Vol 9 > Case Report\nSpine Cases | Volume 9 | Issue 2 | 2021\nOriginal Article",
     2021, None, "Spine Cases"),
    ("Acta Spinalis\nVolume 14, 2020, 101145", 2020, None, "Acta Spinalis"),
    ("CASE REPORT\ndoi: 10.5555/as.2019.77", None, "10.5555/as.2019.77", None),
    ("Open Access\nDOI: https://doi.org/10.5555/as.2019.78", None, "10.5555/as.2019.78", None),
    ("Case Report | Open Access | Published: 03 March 2021", 2021, None, None),
    ("Skip to main content\nAdvertisement\nHome | Current Issue | Archive | About", None, None, None),
    ("World Neurosurgery\n. 2021 Mar;9(2):33-38.", 2021, None, None),
    ("Spinal Surgery Reports 14 (2020) 101145\nhttps://doi.org/10.5555/ssr.14.101145", 2020,
     "10.5555/ssr.14.101145", "Spinal Surgery Reports"),
    ("ORTHOPAEDIC CASE NOTES, 2018\nTechnical Note", 2018, None, None),
    ("March 2019\nCase Study", 2019, None, None),
    ("Journal of Spine Case Reports\nVol. 7, No. 4, December 2017, pp. 201-204", 2017, None,
     "Journal of Spine Case Reports"),
    ("Journal List > Spine Cases > v.9(2) > 1083968", None, None, None),
    ("Spine Cases > Volume 6(2); 2012 > Article", 2012, None, None),
    ("PMC \u00b7 DOI: 10.5555/as.2019.79 \u00b7 Spine Cases \u00b7 2025-07-08", 2025, "10.5555/as.2019.79", None),
])
@pytest.mark.parametrize("sep", ["\n", "\n\n"])  # lines pasted from a PDF page; blocks of a web page
def test_front_matter_above_the_title(header, year, doi, journal, sep):
    text = sep.join(header.split("\n")) + sep + TITLE + sep + "Rhys Pritchard \u00b7 Eleanor Hughes\n\n" + BODY
    m = read(text).meta
    assert (m.title, m.first_author, m.year, m.doi, m.journal) == (TITLE, "Pritchard", year, doi, journal)


@pytest.mark.parametrize("byline, first", [
    ("Rhodri Evans, M.D., and Kwame Mensah, M.D.", "Evans"),
    ("Olumide A. Adeyemi, MBBS, FRCR; Chidinma Okafor, MD", "Adeyemi"),
    ("Sun-Hee Park1 | Jae-Won Lim1", "Park"),
    ("Nan Li1#, Min Dai2#, Da He1, Wei Tian1", "Li"),  # "He", a name among marked names
    ("Rhys Pritchard . Eleanor Hughes", "Pritchard"),
    ("Aditi Raghavan a,*, Bernd Vogel b", "Raghavan"),
    ("C. H. Chen, K. L. Wang", "Chen"),
    ("Marco De Luca, MD; Giulia Bianchi, MD", "De Luca"),
    ("LIAO Wenjun, HOU Zhiqiang", "Liao"),
    ("by Tomos Price and Eleanor Hughes", "Price"),
    ("RHYS PRITCHARD, ELEANOR HUGHES", "Pritchard"),
])
@pytest.mark.parametrize("header", ["", "CASE REPORT\n", "Spine Cases | Vol 3 | Issue 1 | 2022\n"])
def test_byline_under_the_title(byline, first, header):
    m = read(f"{header}{TITLE}\n{byline}\n1 Department of Surgery, City Hospital, Cardiff, UK\n\n{BODY}").meta
    assert (m.title, m.first_author) == (TITLE, first)


REFERENCES = """References
1. Lee JH, Park S. Cement leakage after vertebral augmentation.
Spine J. 2018;18:1-9.
doi: 10.5555/other.1
2. Novak T. Epidural cement after kyphoplasty.
Eur Spine J 2016; 25(3): 33-40
[3] Ortiz M. Complications of augmentation. Acta Spinalis, Vol. 3, No. 1, 2015, pp. 12-15.
"""


def test_metadata_is_never_read_from_the_reference_list():
    m = read(f"{TITLE}\n\nAna Costa, Li Wei\n\n{BODY}\n{REFERENCES}").meta
    assert (m.year, m.doi, m.journal) == (None, None, None)


@pytest.mark.parametrize("own, year", [
    ("Volume 14, 2020, 101145", 2020),
    ("Received: 2 May 2019 | Accepted: 3 June 2019 | Published: 1 February 2020", 2020),
    ("\u00a9 2021 The Authors", 2021),
    ("Published online: 3 March 2022", 2022),
])
def test_own_citation_lines_beat_the_references(own, year):
    m = read(f"{TITLE}\n\nAna Costa, Li Wei\n\n{own}\n\n{BODY}\n{REFERENCES}").meta
    assert m.year == year and m.doi is None


def test_reference_items_without_a_heading_do_not_give_metadata():
    refs = "\n".join(REFERENCES.split("\n")[1:])
    m = read(f"{TITLE}\n\nAna Costa, Li Wei\n\n{BODY}\n{refs}").meta
    assert (m.year, m.doi, m.journal) == (None, None, None)


def test_running_heads_give_journal_year_doi_and_first_author():
    head = "Spine Cases Quarterly 2021; 9(2): 33-38 | https://doi.org/10.5555/scq.2021.0033"
    pages = "".join(f"Paragraph {i} tells how the weakness of both legs changed over the days.\n\n{i + 2}\n\n"
                    f"{head}\n\nPritchard et al.\n\n" for i in range(3))
    doc = read(f"{TITLE}\n\nRHYS PRITCHARD AND ELEANOR HUGHES\n\n{pages}")
    m = doc.meta
    assert (m.journal, m.year, m.doi, m.first_author) == ("Spine Cases Quarterly", 2021, "10.5555/scq.2021.0033",
                                                          "Pritchard")
    assert "et al." not in doc.text and head not in doc.text


@pytest.mark.parametrize("text, title", [
    # a Title Case title wrapped after a line that reads as a heading
    ("Epidural Cement Leakage and Paraparesis after Percutaneous\nVertebroplasty: Report of a Case Treated by "
     "Laminectomy\nand Durotomy\n\nAisha Bello, Tunde Okafor\n\n" + BODY,
     "Epidural Cement Leakage and Paraparesis after Percutaneous Vertebroplasty: Report of a Case Treated by "
     "Laminectomy and Durotomy"),
    # authors above the title
    ("Rhys Pritchard, Eleanor Hughes\n\nDepartment of Surgery, City Hospital, Cardiff, UK\n\n"
     f"{TITLE}\n\n{BODY}", TITLE),
    # a title led by its article type, or by capitals and a colon
    (f"Case Report: {TITLE}\n\nAna Ruiz1*, Li Wei2\n\n{BODY}", f"Case Report: {TITLE}"),
    # ... over the article's type and journal, and its own copy, as a journal's page prints it twice
    (f"Case Report: {TITLE}\n\nCASE REPORT article\n\nSpine Cases Q.\n\nCase Report: {TITLE}\n\n{BODY}",
     f"Case Report: {TITLE}"),
    (f"Case Report: {TITLE}\n\nCase Report: {TITLE}\n\n{BODY}", f"Case Report: {TITLE}"),
    (f"{TITLE.upper()}: A CASE REPORT\n\nJAN NOWAK, PIOTR KOWALSKI\n\n{BODY}", f"{TITLE.upper()}: A CASE REPORT"),
    # a label after a full stop belongs to the title
    (f"{TITLE}. A case report\n\nTomos Price MD, Eleanor Hughes MD\n\n{BODY}", f"{TITLE}. A case report"),
    (f"{TITLE}: a case report.\n\nby Rhys Pritchard, MD, and Eleanor Hughes, MD\n\n{BODY}",
     f"{TITLE}: a case report."),
    # the paper cited above its title
    (f"Pritchard R, Hughes E. Cement. Spine Cases Q. 2021;9:33-38.\n\n{TITLE}\n\n{BODY}", TITLE),
    # a banner of two words, a cookie notice
    (f"Spine Case Reports\n\n{TITLE}\n\n{BODY}", TITLE),
    (f"We use cookies to improve your experience. By using this site you accept cookies.\n\n{TITLE}\n\n"
     f"Ana Costa, Li Wei\n\n{BODY}", TITLE),
    # a short all-capitals banner gives way to the title
    (f"SPINE NOTES\n\n{TITLE}\n\nA woman of 77 had leg pain after the procedure. She improved with rest.\n", TITLE),
    # the kind of case a case-report journal files the report under, printed below the title
    (f"21 November 2017\n{TITLE}\nUnusual or unexpected effect of treatment\n"
     f"Ana Ruiz1ABCDEF, Li Wei2ABCDEF\n\n{BODY}", TITLE),
    (f"{TITLE}\nUnusual clinical course\n\nAna Ruiz, Li Wei\n\n{BODY}", TITLE),
    # a bar that sets the title off from the page's navigation is no part of it
    (f"{TITLE} |\n\nAna Ruiz, MD; Li Wei, MD\n\n{BODY}", TITLE),
    (f"| {TITLE}\n\nAna Ruiz, MD; Li Wei, MD\n\n{BODY}", TITLE),
    # a title led by its authors' surnames, as a journal's page heads it
    (f"Journal List > Spine Cases > v.6(1)\n\nRuiz, Wei, and Costa: {TITLE}\n\n{BODY}", TITLE),
    (f"Ruiz et al.: {TITLE}\n\n{BODY}", TITLE),
    (f"Ruiz and Wei: {TITLE}\n\n{BODY}", TITLE),
    (f"Cement and Spine: {TITLE}\n\nAna Ruiz, Li Wei\n\n{BODY}", f"Cement and Spine: {TITLE}"),  # no names
    (f"McDonald, O'Brien, and Müller: {TITLE}\n\n{BODY}", TITLE),
    (f"Sciatica, Paraplegia, and Death: {TITLE}\n\nAna Ruiz, Li Wei\n\n{BODY}",
     f"Sciatica, Paraplegia, and Death: {TITLE}"),
    (f"Kyphoplasty and Vertebroplasty: {TITLE}\n\nAna Ruiz, Li Wei\n\n{BODY}", f"Kyphoplasty and Vertebroplasty: {TITLE}"),
    (f"Cement Leakage, Embolism, and Paraplegia: {TITLE}\n\nAna Ruiz, Li Wei\n\n{BODY}",
     f"Cement Leakage, Embolism, and Paraplegia: {TITLE}"),
    # names with initials and suffixes are names
    (f"{TITLE}\n\nJohn A. B. Smith Jr., Mary C. D. Jones Sr., Peter K. L. Brown\n\n{BODY}", TITLE),
    # a Title Case title with commas is no list of names
    ("Foot Drop After Lateral Fusion: Incidence, Risk Factors, and Related Outcomes.\n\n"
     f"Journal: Spine Cases\n\n{BODY}",
     "Foot Drop After Lateral Fusion: Incidence, Risk Factors, and Related Outcomes."),
    # a page's tools, and the journal's name above the issue line that dates the title
    ("Send to:\n\nChoose Destination\nSee comment in PubMed Commons below\nSpine Cases Q. 2013 Apr 15;38(9):702-11.\n\n"
     "Cement embolism after sacroplasty: rates in 1,000 procedures.\n\nAuthor information\n\n" + BODY,
     "Cement embolism after sacroplasty: rates in 1,000 procedures."),
    (f"J Korean Spine Assoc.\n2006 Jun;13(3):141-7.\n{TITLE}\n{BODY}", TITLE),
    # the authors' affiliations end the title's place: a longer line below them is not the title
    (f"{TITLE}\n\nAna RuizRiverton Medical School, Division of Spine Surgery, Riverton\n\n"
     "Search for other papers by Ana Ruiz in\nCurrent site\nGoogle Scholar\nClose\n BS\nand\n"
     "Li WeiRiverton Medical School, Division of Neurosciences, Riverton, Ohio\n\n"
     f"{BODY}", TITLE),
])
def test_title_among_front_matter(text, title):
    assert read(text).meta.title == title


def test_a_labelled_titles_copy_is_front_matter():
    doc = read(f"Case Report: {TITLE}\n\nCASE REPORT article\n\nCase Report: {TITLE}\n\n{BODY}")
    assert [s.title for s in doc.sections if TITLE in s.text] == ["", "Front matter"]


def test_a_sentence_opening_with_the_titles_words_is_no_copy():
    doc = read(f"{TITLE}\nAna Ruiz, Li Wei\n\n{TITLE} of S1 in a woman.\n\nShe improved with rest.\n")
    kinds = [s.kind for s in doc.sections if f"{TITLE} of S1" in s.text]
    assert kinds and "front-matter" not in kinds


def test_the_titles_words_in_the_text_below_are_no_copy():
    doc = read(f"Spine Cases Quarterly 2021;4:12-15\n\n{TITLE}\n\nAna Ruiz1*, Li Wei2\n\nCase presentation\n"
               f"A woman of 77 had leg pain.\n\n{TITLE} of S1.\n\nShe improved with rest.\n")
    assert [s.title for s in doc.sections if TITLE in s.text] == ["", "Case presentation"]


@pytest.mark.parametrize("page, title, first, heading", [
    (f"{TITLE} ============ * Ana Ruiz * Li Wei * J.R. de Vries ## Abstract **BACKGROUND AND PURPOSE:** Cement "
     "leaks. **RESULTS:** Of the 118 patients, 47 had leakage (*n* = 47, group A; *P* = .02).",
     TITLE, "Ruiz", "RESULTS"),
    (f"{TITLE} ===== * C.J.M. Brandsma * T. Oudejans ## Abstract **Background** Cement leaks. **Results** Of the "
     "118 patients, 47 had leakage (*n* = 47, group A; *P* = .02).", TITLE, "Brandsma", "Results"),
])
def test_a_markdown_page_run_onto_one_line(page, title, first, heading):
    doc = read(page + "\n")
    assert (doc.meta.title, doc.meta.first_author) == (title, first)
    results = section_with(doc, "Of the 118 patients")
    assert results.title == heading and "(n = 47, group A; P = .02)" in results.text


@pytest.mark.parametrize("line", [
    # no underlined title nor heading inside it, or no bold run-in heading
    "**Background:** Cement leaks are common after vertebroplasty (*n* = 12).",
    "Cement leak after kyphoplasty ===== A woman of 77 had leg pain after the procedure ## and rest.",
    "The score was 4 * 3 * 2 = 24 in **all** cases.",
    "Patients with # 2 and # 3 fractures ** were excluded.",
    "Leakage was rarer (**p** < 0.05) in group ## 2 of the study.",
])
def test_a_line_is_no_markdown_page_without_its_marks(line):
    assert unflatten(line) is None


def test_a_markdown_page_with_many_authors_and_no_heading_is_read_in_linear_time():
    names = " ".join(f"* Author{i} Smith  " for i in range(40))
    page = f"{TITLE} ===== {names}**Abstract** Leakage is common. **Methods** We reviewed 45 patients."
    assert unflatten(page).startswith(f"{TITLE}\n\n* Author0")  # a regex that backtracks never returns


def test_bold_labels_side_by_side_each_open_a_paragraph():
    text = unflatten(f"{TITLE} ===== * Ana Ruiz ## Abstract **Abstract** **Background** Cement leaks.")
    assert [p.strip() for p in re.split(r"\n\s*\n", text)][-2:] == ["Abstract", "Background\nCement leaks."]


def test_case_report_heading_over_the_text_stays_a_section():
    doc = read("Case Report\n\nA woman of 77 had leg pain after the procedure. She improved with rest.\n")
    assert doc.meta.title is None and [(s.title, s.kind) for s in doc.sections] == [("Case Report", "case")]


def test_labels_above_the_title_give_the_article_type():
    m = read(f"SPINE CASES QUARTERLY\nIMAGES IN CLINICAL PRACTICE\n\n{TITLE}\n\nAna Costa, Li Wei\n\n{BODY}").meta
    assert m.article_type == "images in clinical practice"


MEDLINE = """PMID- 33445566
OWNER- NLM
DP  - 2021 Mar
TI  - Foraminal cement after sacroplasty with weakness of the left leg: a case
      report.
LID - 10.5555/scq.2021.0033 [doi]
AB  - A woman of 77 had weakness of the left leg after sacroplasty. CT showed cement
      in the left S1 foramen. She recovered after foraminotomy.
FAU - Pritchard, Rhys
AU  - Pritchard R
FAU - Hughes, Eleanor
AU  - Hughes E
JT  - Spine cases quarterly
TA  - Spine Cases Q

PMID- 33445567
DP  - 2020 Jan 4
TI  - Cement in the azygos vein.
FAU - Okafor, Chidi
JT  - Radiology cases
"""


def test_medline_records():
    docs = read_text(Path("records.txt"), MEDLINE.encode("utf-8"))
    assert len(docs) == 2
    m = docs[0].meta
    assert (m.title, m.first_author, m.journal, m.year, m.doi, m.pmid) == (
        "Foraminal cement after sacroplasty with weakness of the left leg: a case report.", "Pritchard",
        "Spine cases quarterly", 2021, "10.5555/scq.2021.0033", "33445566")
    assert m.authors == ["Rhys Pritchard", "Eleanor Hughes"]
    abstract = section_with(docs[0], "S1 foramen")
    assert abstract.kind == "abstract" and abstract.mined
    assert (docs[1].meta.first_author, docs[1].meta.year) == ("Okafor", 2020) and docs[1].paper_id != docs[0].paper_id


RIS = """TY  - JOUR
T1  - Foraminal cement after sacroplasty: a case report
AU  - Pritchard, Rhys
AU  - Hughes, Eleanor
N1  - Publisher note:
a second line of the note
PY  - 2018/04
JO  - Spine Cases Quarterly
DO  - 10.5555/scq.2018.41
N2  - A woman of 77 had weakness of the left leg after sacroplasty. CT showed cement
in the left S1 foramen. She recovered after foraminotomy.
ER  -

TY  - JOUR
TI  - Cement in the azygos vein
AU  - Okafor, Chidi
PY  - 2020
ER  -
"""


def test_ris_records():
    docs = read_text(Path("export.ris"), RIS.encode())
    assert len(docs) == 2
    m = docs[0].meta
    assert (m.title, m.first_author, m.journal, m.year, m.doi) == (
        "Foraminal cement after sacroplasty: a case report", "Pritchard", "Spine Cases Quarterly", 2018,
        "10.5555/scq.2018.41")
    assert m.authors == ["Rhys Pritchard", "Eleanor Hughes"]
    assert section_with(docs[0], "S1 foramen").kind == "abstract"
    assert (docs[1].meta.title, docs[1].meta.year) == ("Cement in the azygos vein", 2020)


def test_a_line_opening_with_ty_is_no_ris_record():
    doc, = read_text(Path("notes.txt"), f"TY - the type of the implant was noted\n\n{BODY}".encode())
    assert any("leg pain" in s.text for s in doc.sections)


RUN_ON_RECORD = ("PT - JOURNAL ARTICLE AU - Rhys Pritchard AU - Eleanor Hughes TI - Foraminal cement after sacroplasty: "
                 "a case report AID - 10.5555/scq.2019.14 DP - 2019 Feb 01 TA - Spine Cases Quarterly PG - 14 VI - 6 "
                 "AB - Background A woman of 77 had weakness of the left leg after sacroplasty at S1. Outcome She "
                 "recovered after foraminotomy.")


def test_a_medline_record_run_onto_one_line():
    doc, = read_text(Path("record.txt"), RUN_ON_RECORD.encode("utf-8"))
    m = doc.meta
    assert (m.title, m.first_author, m.journal, m.year, m.doi) == (
        "Foraminal cement after sacroplasty: a case report", "Pritchard", "Spine Cases Quarterly", 2019, "10.5555/scq.2019.14")
    assert any("weakness of the left leg" in s.text for s in doc.sections)


RIS_ON_ONE_LINE = ("TY - JOUR AU - Pritchard, Rhys; Hughes, Eleanor TI - Foraminal cement after sacroplasty: a case report "
                   "SN - 0000-0000 PY - 2019 JF - Spine Cases Quarterly VL - 6 IS - 02 SP - 14 KW - sacroplasty "
                   "AB - Background A woman of 77 had weakness of the left leg after sacroplasty at S1. Outcome She "
                   "recovered after foraminotomy. ER - ")


@pytest.mark.parametrize("text", [
    RUN_ON_RECORD,
    RIS_ON_ONE_LINE,  # a journal site's citation export: authors in one field
    "TY - JOUR AU - Pritchard, Rhys TI - Foraminal cement after sacroplasty: a case report AB - A woman of 77 had "
    "weakness of the left leg after sacroplasty at S1. PY - 2019 JF - Spine Cases Quarterly ER - ",  # fields after it
    "RT Journal Article SR Electronic T1 Foraminal cement after sacroplasty: a case report A1 Pritchard, Rhys YR 2019 "
    "JF Spine Cases Quarterly AB A woman of 77 had weakness of the left leg after sacroplasty at S1.",
])
@pytest.mark.parametrize("above", ["", "Foraminal cement after sacroplasty: a case report\n\n"])  # its title above
def test_an_exported_record_on_one_line(text, above):
    doc, = read_text(Path("record.txt"), f"{above}{text}".encode())
    m = doc.meta
    assert (m.title, m.first_author, m.journal, m.year) == (
        "Foraminal cement after sacroplasty: a case report", "Pritchard", "Spine Cases Quarterly", 2019)
    assert section_with(doc, "weakness of the left leg").kind == "abstract"


def test_a_ris_record_on_one_line_keeps_its_abstracts_levels_and_a_short_title_above():
    record = ("TY - JOUR AU - Pritchard, Rhys TI - Sacroplasty complications AB - A woman of 77 had cement at L1 - L2 "
              "and a T2 - weighted signal change. PY - 2019 JF - Spine Cases Quarterly ER - ")
    doc, = read_text(Path("record.txt"), f"Sacroplasty complications\n\n{record}".encode())
    assert (doc.meta.title, doc.meta.year) == ("Sacroplasty complications", 2019)
    assert "L1 - L2 and a T2 - weighted signal change." in section_with(doc, "woman of 77").text


def test_a_record_on_one_line_under_another_title_is_text():
    doc, = read_text(Path("record.txt"), f"Notes on the export\n\n{RIS_ON_ONE_LINE}".encode())
    assert doc.meta.first_author is None and doc.meta.title == "Notes on the export"


def test_a_ris_record_with_a_title_and_an_abstract_is_no_medline_record():
    doc, = read_text(Path("export.ris"), b"TY  - JOUR\nTI  - Cement in the azygos vein\nAU  - Okafor, Chidi\nPY  - 2020\n"
                                         b"AB  - A woman of 80 had cement in the azygos vein after kyphoplasty.\nER  -\n")
    assert (doc.meta.title, doc.meta.first_author, doc.meta.year) == ("Cement in the azygos vein", "Okafor", 2020)


def test_a_run_on_record_above_the_papers_text_leaves_that_text():
    doc, = read_text(Path("record.txt"), f"{RUN_ON_RECORD}\n\nCASE PRESENTATION\nShe had kyphoplasty at L1.\n".encode())
    assert any("kyphoplasty at L1" in s.text for s in doc.sections)


REFWORKS = """RT Journal Article
SR Electronic
T1 Foraminal cement after sacroplasty: a case report
JF Spine Cases Quarterly
DO 10.5555/scq.2018.41
A1 Pritchard, Rhys
A1 Hughes, Eleanor
YR 2018
AB A woman of 77 had weakness of the left leg after sacroplasty. CT showed cement
in the left S1 foramen. She recovered after foraminotomy.

RT Journal Article
T1 Cement in the azygos vein
A1 C. Okafor
YR 2020
"""


@pytest.mark.parametrize("line, title, first", [
    # a title's capitals are no tag; an author's initials "AB" open no abstract
    ("RT Journal Article SR Electronic T1 Cement in DS patients after screw augmentation A1 Costa, Ana YR 2019 AB "
     "A man of 70 had leg pain from epidural cement.", "Cement in DS patients after screw augmentation", "Costa"),
    ("RT Journal Article SR Electronic T1 Cement in the canal A1 Costa, AB A1 Wei, Li YR 2019 AB A man of 70 had leg "
     "pain from epidural cement.", "Cement in the canal", "Costa"),
])
def test_a_refworks_record_on_one_line(line, title, first):
    doc, = read_text(Path("record.txt"), line.encode())
    assert (doc.meta.title, doc.meta.first_author, doc.meta.year) == (title, first, 2019)
    assert section_with(doc, "leg pain").kind == "abstract"


@pytest.mark.parametrize("text", [REFWORKS, " ".join(REFWORKS.split("\n\n")[0].split("\n"))])  # or on one line
def test_refworks_records(text):
    docs = read_text(Path("export.txt"), text.encode())
    m = docs[0].meta
    assert (m.title, m.first_author, m.journal, m.year, m.doi) == (
        "Foraminal cement after sacroplasty: a case report", "Pritchard", "Spine Cases Quarterly", 2018,
        "10.5555/scq.2018.41")
    assert section_with(docs[0], "S1 foramen").kind == "abstract"
    assert [(d.meta.title, d.meta.first_author) for d in docs[1:]] == (
        [("Cement in the azygos vein", "Okafor")] if "\n\n" in text else [])


def test_a_line_opening_with_rt_and_a_name_is_no_refworks_export():
    doc, = read_text(Path("notes.txt"), f"RT PCR Results\n\n{BODY}".encode())
    assert any("leg pain" in s.text for s in doc.sections)


def test_a_refworks_record_of_any_type_is_a_record():
    text = REFWORKS.replace("RT Journal Article\nT1 Cement in the azygos vein", "RT Unpublished Material\nT1 Cement in the azygos vein")
    docs = read_text(Path("export.txt"), text.encode())
    assert [d.meta.title for d in docs] == ["Foraminal cement after sacroplasty: a case report", "Cement in the azygos vein"]


def test_a_line_opening_with_rt_is_no_refworks_record():
    doc, = read_text(Path("notes.txt"), f"RT Journal Article reviews were read T1 first AB then\n\n{BODY}".encode())
    assert doc.meta.title != "first" and any("leg pain" in s.text for s in doc.sections)


@pytest.mark.parametrize("text", [
    "PT - the physiotherapy notes: TI - tidal index was low; AB - absent",  # no abstract after a title tag
    "Physical therapy - TI - AB - notes of the ward round",
])
def test_lines_with_dashes_are_no_medline_record(text):
    doc, = read_text(Path("notes.txt"), f"{text}\n\n{BODY}".encode())
    assert any("leg pain" in s.text for s in doc.sections)


@pytest.mark.parametrize("text, author, year", [
    (f"{TITLE}\n\nOkafor CN, Lee K, Wei L. {TITLE}.\nSpine Cases Q 2018;\n25:78-85.\n\n{BODY}", "Okafor", 2018),
    (f"{TITLE}\n\nJournal List > Spine Cases > v.9(2) > 1083968\n\nOkafor, Lee, and Wei: {TITLE}\n\n{BODY}",
     "Okafor", None),
])
def test_a_page_citing_its_own_paper_gives_its_authors_not_its_title(text, author, year):
    m = read(text).meta
    assert (m.title, m.first_author, m.year) == (TITLE, author, year)


@pytest.mark.parametrize("text, title", [
    (f"BMC Spinal Disorders\n\n{TITLE}\n\nAna Costa, Li Wei\n\n{BODY}", TITLE),
    (f"BMC Spinal Disorders\n\n{TITLE}\n\n{BODY}", TITLE),
    (f"{TITLE}\n\nRunning title: Foraminal cement\n\nAna Costa, Li Wei\n\n{BODY}", TITLE),
    (f"{TITLE}\n\nAna Costa, Li Wei, Tom Novak, Jan Nowak and Piotr Kowalski, Eva Lind\n\n{BODY}", TITLE),
])
def test_the_title_is_the_longest_title_like_line(text, title):
    assert read(text).meta.title == title


def test_case_report_heading_under_the_title_stays_a_section():
    doc = read(f"{TITLE}\n\nCase Report\n\nA woman of 77 had leg pain after the procedure. She improved with rest.\n")
    assert doc.meta.title == TITLE and section_with(doc, "A woman of 77").kind == "case"


@pytest.mark.parametrize("history, year", [
    ("Date of Submission 10-Jan-2020 Date of Acceptance 03-Feb-2020 Date of Web Publication 12-Mar-2021", 2021),
    ("Manuscript received 3 May 2019; accepted 4 June 2019", 2019),
    ("Version of Record online: 4 May 2020", 2020),
    ("Publication date: 2 March 2018", 2018),
])
def test_article_history_gives_the_year(history, year):
    assert read(f"{TITLE}\n\nAna Costa, Li Wei\n\n{history}\n\n{BODY}").meta.year == year


@pytest.mark.parametrize("title", [
    "Vertebroplasty vs. Kyphoplasty for a Fracture of L1 With Cement in the Canal",
    "Cement in the canal: is surgery always needed? A case report",
])
def test_titles_with_inner_stops(title):
    assert read(f"{title}\n\nAna Costa, Li Wei\n\n{BODY}").meta.title == title


def test_a_pages_text_after_its_notice_is_read_though_cut_off():
    prose = ("www.example.org/spine OPEN Cement leakage after vertebroplasty. " + "Cement leaked into the canal in "
             "23 of the 91 patients and was removed. " * 5 + "A cement bridge between the two levels was seen in")
    doc = read("Cement bridging after vertebroplasty\n\nIf your browser does not render page correctly, please read "
               f"the page content below\n{prose}\n")
    assert any("23 of the 91 patients" in s.text for s in doc.sections if s.kind == "other")


def test_emphasis_in_a_page_written_in_markdown_is_no_part_of_its_words():
    page = (f"{TITLE}\n\n**Methods:** We reviewed 186 patients.\n\nResults\n\nCement leakage was found in 8.9% of "
            "the patients (*n* = 17; *P* = .04).\n")
    assert "(n = 17; P = .04)" in section_with(read(page), "Cement leakage").text
    plain = f"{TITLE}\n\nResults\n\nThe score was 4 * 3 * 2 in 23 patients (*n* = 23).\n"
    assert "(*n* = 23)" in section_with(read(plain), "The score").text  # no markdown: the marks stay


def test_a_catalogue_record_with_affiliations_in_its_author_field_and_the_issue_as_its_source():
    affiliation = "1Department of Spine Surgery, Northfield General Hospital, Oslo, Norway; and."
    authors = ", ".join(f"{name}; {affiliation}" for name in ("Ruiz AM", "Wei L", "Costa T", "Lund K", "Berg A"))
    doc = read("Cement in the canal after kyphoplasty: illustrative cases.\n\n"
               f"Autor: {authors}\n"
               "Jazyk: angli\u010dtina\n"
               "Zdroj: Spine Cases [Spine Cases] 2023 Mar 2; Vol. 9 (4). Date of Electronic Publication: 2023 Mar 2.\n"
               "DOI: 10.5555/sc.2023.41\n"
               "Abstrakt: Two women had leg pain after kyphoplasty. Both recovered fully.\n")
    assert len(f"Autor: {authors}") > 400  # longer than a line of running text a field is read in
    assert (doc.meta.title.rstrip("."), doc.meta.first_author, doc.meta.year) == (
        "Cement in the canal after kyphoplasty: illustrative cases", "Ruiz", 2023)


@pytest.mark.parametrize("after, first", [
    ("Ana Ruiz, Li Wei \u2217 , Tom Berg Department of Orthopaedics, Northfield General Hospital, Oslo, Norway", "Ruiz"),
    ("Ana Ruiz, Li Wei", "Ruiz"),
    ("A woman of 60 had a leak after kyphoplasty and recovered.", None),  # the text runs on, no names
    ("Ana Ruiz", None),  # one name alone may be a word of the title's line
])
def test_names_run_onto_the_end_of_the_titles_line(after, first):
    title = "Cement in the canal after kyphoplasty in three patients"
    doc = read(f"{title}\n\n{title}\n\nSpine Cases 12 (2021) 10\u201316\n\n{title} {after}\n\n"  # a page over its PDF
               "Abstract\n\nA man of 60 had a leak. He recovered fully.\n")
    assert doc.meta.title == title and doc.meta.first_author == first


def test_a_title_printed_whole_then_over_its_subtitle_is_no_running_head():
    doc = read("Delayed Foraminal Leakage After Sacroplasty: Removal Through a Small Window\n\n"
               "Journal Logo\n\nDelayed Foraminal Leakage After Sacroplasty\n\n"
               "Removal Through a Small Window\n\nOkafor, Chidi MD; Lindqvist, Tomas MD, PhD\n\n"
               "Study Design. A case report.\n\nMethods. A man of 60 had a leak. He recovered fully.\n")
    assert (doc.meta.title, doc.meta.first_author) == (
        "Delayed Foraminal Leakage After Sacroplasty: Removal Through a Small Window", "Okafor")


@pytest.mark.parametrize("paragraph", [
    "12 Patients with leakage were reviewed.",
    "12 Patients with leakage, eight women and four men, received kyphoplasty.",
])
def test_a_numbered_paragraph_after_spaced_bullets_is_no_affiliation(paragraph):
    doc = read(f"Cement in the canal after kyphoplasty\n\nAuthors\n\n  \u2022 Ana Ruiz\n\n  \u2022 Li Wei\n\n{paragraph}\n\n"
               "A man of 60 had a leak. He recovered fully.\n")
    assert doc.meta.first_author == "Ruiz" and paragraph in doc.text

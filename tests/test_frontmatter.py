"""Lines printed around a paper's title that are never the title (leakmine.ingest.frontmatter)."""

import pytest

from leakmine.ingest.frontmatter import article_type, front_matter_kind, is_journal_name, title_tail


@pytest.mark.parametrize("line, kind", [
    ("CASE REPORT", "label"),
    ("Original Article", "label"),
    ("IMAGES IN CLINICAL PRACTICE", "label"),
    ("Images in Spine Surgery", "label"),
    ("Clinical Images", "label"),
    ("Technical Note", "label"),
    ("Open Access", "label"),
    ("Case Report | Open Access", "label"),
    ("Research Article \u00b7 Published: 3 May 2021", "label"),
    ("A report of two cases", "label"),
    ("Case report and review of the literature", "label"),
    ("Skip to main content", "label"),
    ("Download PDF", "label"),
    ("3 March 2020", "date"),
    ("Published online: March 2, 2021", "date"),
    ("2021-03-02", "date"),
    ("SPINE CASES QUARTERLY", "journal"),
    ("Journal of Orthopaedic Case Reports", "journal"),
    ("Annals of Spine and Pain", "journal"),
    ("Radiology Case Reports", "journal"),
    ("Home | Current Issue | Archive | About", "navigation"),
    ("Home / Journals / Spine Cases / Volume 9", "navigation"),
    # titles and sections are none of these
    ("Images in spine surgery: cement in the azygos vein", None),
    ("Cement in the azygos vein after thoracic kyphoplasty", None),
    ("Delayed Paraplegia After Kyphoplasty", None),
    ("DELAYED PARAPLEGIA AFTER KYPHOPLASTY", None),
    ("Cement Leakage Case Reports", None),
    ("Two Case Reports of Cement Leakage", None),
    ("Case Report: Cement in the canal", None),
    ("Discussion", None),
    ("Case Presentation", None),
    ("2021", None),
    ("Leg weakness | back pain", None),
])
def test_front_matter_kind(line, kind):
    assert front_matter_kind(line) == kind


@pytest.mark.parametrize("line, expected", [
    ("ORIGINAL ARTICLE", "original article"),
    ("Images in Clinical Medicine.", "images in clinical medicine"),
    ("A case report", "case report"),
    ("Spine Case Report", "spine case report"),
    ("Open Access", None),
    ("Cement leakage after kyphoplasty", None),
    ("Unusual or unexpected effect of treatment", "unusual or unexpected effect of treatment"),
    ("Challenging differential diagnosis", "challenging differential diagnosis"),
    ("Rare disease of the spine", None),
])
def test_article_type(line, expected):
    assert article_type(line) == expected


@pytest.mark.parametrize("line", [
    "Review of Cement Leakage After Vertebroplasty",
    "A Review of Two Cases",
    "Spine Reports 2021",
    "Reports: cement leaks",
    "Journal entries of a surgeon",
])
def test_is_journal_name_rejects_titles(line):
    assert not is_journal_name(line)


@pytest.mark.parametrize("title, expected", [
    ("Cement in the Azygos Vein: A Case Report FREE TO VIEW", ("Cement in the Azygos Vein: A Case Report", None)),
    ("Foot drop after fusion: a case report Open Access", ("Foot drop after fusion: a case report", None)),
    ("Foot drop after lumbar fusion: a case report. 2021", ("Foot drop after lumbar fusion: a case report.", 2021)),
    # MEDLINE's brackets round a translated title
    ("[Foot drop after lumbar fusion in a man of sixty].", ("Foot drop after lumbar fusion in a man of sixty", None)),
    ("[PMMA] in the veins: [a] note", ("[PMMA] in the veins: [a] note", None)),
    # a server's tag after a title
    ("Delayed hematoma after lumbar fusion: risk factors [post]", ("Delayed hematoma after lumbar fusion: risk "
                                                                  "factors", None)),
    ("Foot drop after fusion: a cohort study [version 2]", ("Foot drop after fusion: a cohort study", None)),
    ("Cement leakage [PMMA]", ("Cement leakage [PMMA]", None)),  # too short a title to carry a tag
    ("[Cement leakage after vertebroplasty] [preprint]", ("Cement leakage after vertebroplasty", None)),
    ("Vertebroplasty of the axis [C2]", ("Vertebroplasty of the axis [C2]", None)),  # no server's tag
    ("Cement in the veins after kyphoplasty [a case of the cement-augmented screw]",
     ("Cement in the veins after kyphoplasty [a case of the cement-augmented screw]", None)),
    # a year inside a title, a title that names access, and a short title stay as they are
    ("Spinal surgery in 2021", ("Spinal surgery in 2021", None)),
    ("Cement leakage: a review of 2019 cases", ("Cement leakage: a review of 2019 cases", None)),
    ("Open Access", ("Open Access", None)),
    ("Free access to care after spinal cord injury", ("Free access to care after spinal cord injury", None)),
])
def test_title_tail(title, expected):
    assert title_tail(title) == expected

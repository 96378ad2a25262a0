"""Every file of the shared real corpus either ingests or fails with a one-line error naming it.

Expectations are per file: how many documents it holds, or that it must be refused (the scanned
PDF without a text layer and the PDF whose text layer is `(cid:NNN)` glyph codes).
"""

from pathlib import Path

import pytest

from leakmine.errors import IngestError
from leakmine.ingest import ingest

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "real"
REFUSED = "refused"

EXPECTED = {
    "pdf/PMC4735921_case-rep-pathol_2016_metastatic-lumbar-chordoma.pdf": 1,
    "pdf/PMC4739221_case-rep-otolaryngol_2016_two-cases-heerfordt-syndrome.pdf": 1,
    "pdf/PMC4739453_case-rep-surg_2016_spinal-cord-injury-OLF-postop-CSF-leak.pdf": 1,
    "pdf/PMC4745277_case-rep-orthop_2016_two-cases-infected-THA-revision.pdf": 1,
    "pdf/PMC4745280_case-rep-otolaryngol_2016_hearing-loss-after-spinal-epidural-anesthesia.pdf": 1,
    "pdf/cermine_example1_int-psychogeriatr_2014.pdf": 1,
    "pdf/cermine_example2_bmc-health-serv-res_2014_quality-improvement-malawi.pdf": 1,
    "pdf/cermine_test1_j-trauma-manag-outcomes_2010_DVT-prophylaxis-review.pdf": 1,
    "pdf/cermine_test2_rehabil-res-pract_2010_heart-failure-programmes.pdf": 1,
    "pdf/cermine_timeout-simple_SCANNED-no-text-layer.pdf": REFUSED,
    "pdf/norma_crit-care_2014_s13054-014-0721-8_provisional-single-column.pdf": 1,
    "pdf/norma_f1000research_2014_3-305_GARBLED-cid-text-layer.pdf": REFUSED,
    "pdf/norma_trials_2014_15-511_low-back-pain-core-outcome-set.pdf": 1,
    "jats/PMC4735921_europepmc_fulltext.xml": 1,
    "jats/PMC4736587_europepmc_fulltext.xml": 1,
    "jats/PMC4739221_europepmc_fulltext.xml": 1,
    "jats/PMC4739453_europepmc_fulltext.xml": 1,
    "jats/PMC4745277_europepmc_fulltext.xml": 1,
    "jats/PMC4745280_europepmc_fulltext.xml": 1,
    "jats/biopython_efetch_pmc_PMC8435807_correction.xml": 1,
    "jats/europepmc_bundle_PMC6358576-PMC6358589_6-case-reports.xml": 10,
    "jats/mds526_ann-oncol_PMC3574550.nxml": 1,
    "pubmed/medline16n0902_sample.xml.gz": 604,
    "pubmed/pubmed-29768149_efetch_NEJM-RCT.xml": 1,
    "pubmed/test_current_medline.xml.gz": 4,
}
MEDLINE = "pubmed/medline16n0902_sample.xml.gz"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")


@pytest.fixture(scope="module")
def documents():
    """Ingest each file at most once per module (the MEDLINE sample holds 604 citations)."""
    cache: dict[str, list] = {}

    def load(name: str) -> list:
        if name not in cache:
            cache[name] = ingest(CORPUS / name)
        return cache[name]
    return load


def test_expectations_cover_the_whole_corpus():
    files = {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file() and p.name != "SOURCES.md"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e == REFUSED))
def test_unreadable_pdf_is_refused_in_one_line_naming_the_file(name):
    with pytest.raises(IngestError) as e:
        ingest(CORPUS / name)
    message = str(e.value)
    assert Path(name).name in message and "\n" not in message


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e != REFUSED))
def test_file_ingests_into_its_documents(name, documents):
    docs = documents(name)
    assert len(docs) == EXPECTED[name]
    assert len({d.paper_id for d in docs}) == len(docs)
    if name.startswith("pubmed/"):  # some citations have no abstract, hence no sections
        assert any(d.sections for d in docs)
    else:
        assert all(d.sections and d.text for d in docs)
    for d in docs:
        assert all(d.text[s.start_char:s.end_char] == s.text for s in d.sections)


def test_medline_sample_citations(documents):
    docs = documents(MEDLINE)
    assert {d.source_format for d in docs} == {"pubmed"}
    assert [d.meta.pmid for d in docs if "Case Reports" in (d.meta.article_type or "").split("; ")] == ["25636559"]
    assert all(d.meta.title and d.meta.year for d in docs)
    with_abstract = [d for d in docs if any(s.kind != "back-matter" for s in d.sections)]
    assert len(with_abstract) == 526
    structured = [d for d in docs if any(s.title not in ("", "Abstract") for s in d.sections)]
    assert len(structured) == 215


def test_correction_notice_is_marked_as_such(documents):
    (doc,) = documents("jats/biopython_efetch_pmc_PMC8435807_correction.xml")
    assert doc.meta.article_type == "correction"
    assert (doc.meta.pmid, doc.meta.pmcid) == ("34527728", "PMC8435807")


def test_bundle_article_types(documents):
    types = [d.meta.article_type for d in documents("jats/europepmc_bundle_PMC6358576-PMC6358589_6-case-reports.xml")]
    assert types == ["case-report"] * 6 + ["research-article"] * 4


def test_two_patient_report_has_one_case_section_per_patient(documents):
    (doc,) = documents("jats/PMC4739221_europepmc_fulltext.xml")
    cases = [s.title for s in doc.sections if s.kind == "case"]
    assert cases == ["2. Case Presentation", "2.1. Case 1", "2.2. Case 2"]


def test_per_patient_table_is_kept_as_rows(documents):
    (doc,) = documents("jats/PMC4745277_europepmc_fulltext.xml")
    (table,) = [s for s in doc.sections if s.kind == "table"]
    assert table.text.startswith("Table 1")
    assert any(line.count(" | ") >= 2 for line in table.text.splitlines())


def test_structured_abstract_labels_are_sections(documents):
    (doc,) = documents("pubmed/pubmed-29768149_efetch_NEJM-RCT.xml")
    assert [(s.title, s.kind) for s in doc.sections] == [
        ("BACKGROUND", "abstract"), ("METHODS", "methods"), ("RESULTS", "results"), ("CONCLUSIONS", "conclusion"),
    ]
    assert "Randomized Controlled Trial" in doc.meta.article_type.split("; ")

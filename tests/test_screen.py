"""The relevance screen: it drops papers that name nothing of the field, and never one in which the
extractors find a leak location, a cause, a muscle grade or a treatment."""

from pathlib import Path

import pytest

from leakmine.extract import extract
from leakmine.ingest import ingest
from leakmine.nlp import load_pipeline
from leakmine.pipeline import process_document
from leakmine.screen import SCREENED, field_screen, is_relevant

ROOT = Path(__file__).resolve().parents[1]
MEDLINE = ROOT / ".." / "shared" / "corpus" / "real" / "pubmed" / "medline16n0902_sample.xml.gz"
OWN = sorted((ROOT / "data" / "raw").iterdir()) + sorted((ROOT / "tests" / "devset" / "papers").iterdir())


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text, relevant", [
    ("Polymethylmethacrylate extravasated into the epidural space after kyphoplasty.", True),
    ("Hip flexion was graded 3/5 on the left.", True),
    ("Power in the right leg was M4.", True),
    ("She underwent an L4 hemilaminectomy the same night.", True),
    ("The hematoma was evacuated through a midline incision.", True),
    ("A misplaced pedicle screw breached the medial wall.", True),
    ("Cement reached the pulmonary arteries.", True),
    ("Dexamethasone was given for three days.", True),
    ("Inhaled budesonide improved asthma control in adults.", False),
    ("Serum ferritin rose in 40 of 112 children with anaemia.", False),
    ("We surveyed 300 nurses about shift length and sleep.", False),
    ("The gene was expressed in 5 of 12 mouse strains (p = 0.03).", False),
    ("Tumour size did not predict survival in breast cancer.", False),
])
def test_screen_phrasings(nlp, text, relevant):
    assert is_relevant(text, field_screen(nlp)) is relevant


def screened_mentions(nlp, documents):
    return [d for d in documents if any(m.label in SCREENED for m in extract(d, nlp))]


def test_screen_keeps_every_paper_of_the_sample_and_devset(nlp):
    documents = [d for p in OWN for d in ingest(p)]
    found = screened_mentions(nlp, documents)
    assert found and all(is_relevant(d.text, field_screen(nlp)) for d in found)


@pytest.mark.skipif(not MEDLINE.is_file(), reason="shared MEDLINE sample not available")
def test_screen_loses_no_medline_paper_with_findings_and_skips_most(nlp):
    documents = ingest(MEDLINE)
    kept = [d for d in documents if is_relevant(d.text, field_screen(nlp))]
    found = screened_mentions(nlp, documents)
    assert {d.paper_id for d in found} <= {d.paper_id for d in kept}
    assert len(kept) < len(documents) / 2  # a general MEDLINE file is mostly not about the field


def test_screened_out_paper_keeps_metadata_only(tmp_path):
    paper = tmp_path / "asthma.txt"
    paper.write_text("Budesonide in mild asthma\n\nAbstract\n\nInhaled budesonide improved asthma control in "
                     "adults. Exacerbations fell by a third over a year.\n", encoding="utf-8")
    (document,) = ingest(paper)
    screened, full = process_document(document, screen=True), process_document(document)
    assert screened.mentions == [] and screened.paper_json["paper"] == full.paper_json["paper"]
    (relevant,) = ingest(OWN[0])
    assert process_document(relevant, screen=True).paper_json == process_document(relevant).paper_json

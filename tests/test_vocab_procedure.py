"""Index procedures: clinicians' phrasings -> the index_procedures vocabulary."""

import pytest

from vocab_helpers import texts, values


@pytest.mark.parametrize("text, expected", [
    ("She underwent percutaneous vertebroplasty of T12.", "vertebroplasty"),
    ("Two vertebroplasties were done in one session.", "vertebroplasty"),
    ("after PVP at L1 the pain eased", "vertebroplasty"),
    ("a VP was performed under local anaesthesia", "vertebroplasty"),
    ("Balloon kyphoplasty was chosen for the burst fracture.", "kyphoplasty"),
    ("BKP of L3 was uneventful", "kyphoplasty"),
    ("PKPs were performed at two levels", "kyphoplasty"),
    ("CT-guided sacroplasty for a sacral insufficiency fracture", "sacroplasty"),
    ("an L4-L5 posterior lumbar interbody fusion", "fusion"),
    ("after TLIF at L5/S1", "fusion"),
    ("MIS-TLIF was carried out", "fusion"),
    ("instrumented posterolateral fusions", "fusion"),
    ("posterior arthrodesis from T10 to the pelvis", "fusion"),
    ("A microdiscectomy was done for the herniation.", "discectomy"),
    ("lumbar diskectomy", "discectomy"),
    ("a pedicle subtraction osteotomy at L2", "osteotomy"),
    ("three-column osteotomies", "osteotomy"),
    ("PSO at L3 for kyphosis", "osteotomy"),
    ("posterior decompression of the canal", "decompression"),
    ("a two-level laminectomy", "laminectomy"),
    ("L4-L5 fusion with a cage", "fusion"),
    ("the fusion, which was solid", "fusion"),
    ("posterior laminoforaminotomy at C4-5 and C5-6", "decompression"),
    ("a right L4/5 foraminotomy", "decompression"),
    ("bilateral laminotomies at L3-4", "decompression"),
    ("partial facetectomy", "decompression"),
])
def test_procedure_values(text, expected):
    assert expected in values("PROCEDURE", text)


@pytest.mark.parametrize("text, unwanted", [
    ("a right L5 hemilaminectomy", "laminectomy"),
    ("a hemi-laminectomy on the left", "laminectomy"),
    ("a stimulator for post-laminectomy pain syndrome", "laminectomy"),
    ("postlaminectomy syndrome", "laminectomy"),
    ("insufficient decompression was found at revision", "decompression"),
    ("the vp shunt was patent", "vertebroplasty"),
    ("the VPN connection", "vertebroplasty"),
    ("a VP shunt for hydrocephalus", "vertebroplasty"),
    ("the kyphosis angle improved", "kyphoplasty"),
    ("migration of the fusion cage", "fusion"),
    ("the fusion rate was 92%", "fusion"),
    ("a solid fusion mass at one year", "fusion"),
    ("interbody fusion devices were used", "fusion"),
    ("the foraminal height", "decompression"),
    ("cement leaked through the laminotomy defect", "decompression"),
])
def test_procedure_must_not_match(text, unwanted):
    assert unwanted not in values("PROCEDURE", text)


def test_decompressive_laminectomy_names_both():
    assert texts("PROCEDURE", "a decompressive laminectomy") == [("decompressive", "decompression"),
                                                                  ("laminectomy", "laminectomy")]

"""A pipeline saved to a model folder and loaded again mines as the one built from its config does;
the folder holds what was read of the rules' patterns and no copy of the tokenizer (built from code)."""

from pathlib import Path

from leakmine.extract import extract
from leakmine.ingest import ingest
from leakmine.nlp import analyses, build_pipeline, load_pipeline, save_pipeline

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw" / "case02_bkp_two_patients.txt"


def test_saved_pipeline_mines_as_the_built_one(tmp_path):
    built = build_pipeline()
    folder = save_pipeline(built, tmp_path / "model")
    assert (folder / analyses.FILE).is_file() and not (folder / "tokenizer").exists()
    loaded = load_pipeline(str(folder))
    assert loaded is not built and loaded.pipe_names == built.pipe_names
    (document,) = ingest(SAMPLE)
    mentions = extract(document, loaded)
    assert mentions and mentions == extract(document, built)
    words = "The L4–L5 (PVP) cement, e.g. at T12-level 3mm."
    assert [t.text for t in loaded.tokenizer(words)] == [t.text for t in built.tokenizer(words)]

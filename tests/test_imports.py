"""What leakmine's entry points import: nothing they never use (each import costs every process start)."""

import json
import subprocess
import sys

import pytest


def imported(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nimport json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return {name.split(".")[0] for name in json.loads(out.splitlines()[-1])}


@pytest.mark.parametrize(("statement", "absent"), [
    # ConText needs medspaCy, not its QuickUMLS chain
    ("import leakmine.pipeline", {"nltk", "scipy", "sklearn", "pandas", "pyarrow", "duckdb"}),
    # `leakmine --help` and the command table load no NLP library
    ("import leakmine.cli", {"spacy", "medspacy", "scispacy", "pandas", "pdfplumber"}),
    # a batch run's parent and workers: pandas only with corrections or CSV
    ("import leakmine.batch.run, leakmine.batch.pool, leakmine.batch.fixes, leakmine.tables.write",
     {"pandas", "duckdb"}),
])
def test_entry_points_import_only_what_they_use(statement, absent):
    assert not imported(statement) & absent


def test_deferred_module_loads_on_first_use():
    # "quickumls" is in sys.modules from the start (its stand-in): NLTK, which it imports, shows the real load
    assert "nltk" in imported("import leakmine.pipeline\nimport quickumls.spacy_component as q\nq.SpacyQuickUMLS")

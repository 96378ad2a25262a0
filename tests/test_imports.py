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
    # the command line's process loads no part of spaCy's own command line (requests, weasel, jinja2)
    ("import leakmine.cli, leakmine.pipeline\nfrom leakmine.nlp import load_pipeline\nload_pipeline()",
     {"requests", "weasel", "jinja2", "nltk", "scipy"}),
    # `leakmine --help` and the command table load no NLP library
    ("import leakmine.cli", {"spacy", "medspacy", "scispacy", "pandas", "pdfplumber"}),
    # a batch run's parent and workers: pandas only with corrections or CSV
    ("import leakmine.batch.run, leakmine.batch.pool, leakmine.batch.fixes, leakmine.tables.write",
     {"pandas", "duckdb"}),
])
def test_entry_points_import_only_what_they_use(statement, absent):
    assert not imported(statement) & absent


def real_modules(statement: str) -> set[str]:
    """The modules `statement` leaves in sys.modules whose code has run (a deferred one's has not)."""
    code = (f"import sys\n{statement}\nfrom leakmine.deferred import is_deferred\nimport json\n"
            "print(json.dumps(sorted(n for n, m in list(sys.modules.items()) if not is_deferred(m))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


@pytest.mark.parametrize(("statement", "loaded"), [
    # a deferred module runs its code, and its package's, when something is read from it ...
    ("import leakmine.pipeline\nimport quickumls.spacy_component as q\nq.SpacyQuickUMLS",
     {"quickumls", "quickumls.spacy_component", "nltk"}),
    ("import leakmine.cli, leakmine.pipeline\nimport langcodes\nassert str(langcodes.Language.get('en')) == 'en'",
     {"langcodes", "langcodes.data_dicts"}),
    # ... or a stand-in of its functions is called: spaCy's command line is then whole
    ("import leakmine.cli, leakmine.pipeline, spacy\nassert spacy.info()['spacy_version']\n"
     "from spacy.cli import app\nassert 'info' in {c.name for c in app.registered_commands}",
     {"spacy.cli", "spacy.cli.info", "spacy.cli.train", "weasel"}),
    ("import leakmine.cli, leakmine.pipeline\nimport spacy.cli\nassert callable(spacy.cli.download)",
     {"spacy.cli", "requests"}),
    ("import leakmine.cli, leakmine.pipeline\nimport spacy.util\nassert spacy.util.find_matching_language('no') == 'nb'",
     {"langcodes"}),
])
def test_deferred_module_loads_on_first_use(statement, loaded):
    assert loaded <= real_modules(statement)


@pytest.mark.parametrize("name", ["spacy.cli", "spacy.cli.info", "langcodes", "quickumls"])
def test_deferred_module_is_not_loaded_by_the_command_line(name):
    assert name not in real_modules("import leakmine.cli, leakmine.pipeline\nfrom leakmine.nlp import "
                                    "load_pipeline\nload_pipeline()")


def test_a_library_user_gets_spacy_as_spacy_made_it():
    # only the command line's own process defers spaCy's command line; QuickUMLS is deferred for all
    loaded = real_modules("import leakmine.pipeline\nfrom leakmine.nlp import load_pipeline\nload_pipeline()\n"
                          "import pickle, spacy\nfrom spacy.cli import info\nassert info()['spacy_version']\n"
                          "pickle.dumps(spacy.info)")
    assert {"spacy.cli", "spacy.cli.info", "langcodes"} <= loaded and "quickumls" not in loaded


def test_the_first_use_from_many_threads_loads_the_module_once():
    code = ("import threading, leakmine.cli, spacy\nnames = ['app', 'download', 'package', 'debug_data', "
            "'init_config', 'setup_cli'] * 3\nfails = []\n"
            "def use(name):\n    try:\n        getattr(spacy.cli, name)\n    except AttributeError:\n"
            "        fails.append(name)\n"
            "threads = [threading.Thread(target=use, args=(n,)) for n in names]\n"
            "[t.start() for t in threads]\n[t.join() for t in threads]\nassert not fails, fails")
    subprocess.run([sys.executable, "-c", code], check=True)

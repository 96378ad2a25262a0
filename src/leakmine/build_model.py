"""`python -m leakmine.build_model DIR`: build the pipeline from nlp/extract.cfg into DIR, with the
analyses of its rules' patterns and of ingest's (nlp/analyses.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from leakmine.ingest.boilerplate import boilerplate_rules
from leakmine.nlp import MODEL_DIR, analyses, build_pipeline, save_pipeline


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else MODEL_DIR
    analyses.forget_saved()
    nlp = build_pipeline()
    boilerplate_rules()  # ingest's rules: every start reads them
    print(f"pipeline saved to {save_pipeline(nlp, target)}")


if __name__ == "__main__":
    main(sys.argv[1:])

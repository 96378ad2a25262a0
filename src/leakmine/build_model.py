"""`python -m leakmine.build_model DIR`: build the pipeline from nlp/extract.cfg into DIR."""

from __future__ import annotations

import sys
from pathlib import Path

from leakmine.nlp import MODEL_DIR, build_pipeline, save_pipeline


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else MODEL_DIR
    print(f"pipeline saved to {save_pipeline(build_pipeline(), target)}")


if __name__ == "__main__":
    main(sys.argv[1:])

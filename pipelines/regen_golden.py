"""Regenerate the golden outputs of the sample corpus (on purpose only, after reviewing the diff).

    python pipelines/regen_golden.py            # every paper in data/raw
    git diff tests/golden                       # read every change before committing it
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from leakmine.pipeline import process_file

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLDEN = ROOT / "tests" / "golden"


def golden_json(path: Path) -> str:
    """The extraction JSON of one sample paper, as the golden file stores it."""
    results = process_file(path)
    out = [r.paper_json for r in results]
    return json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for path in sorted(RAW.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            (GOLDEN / f"{path.name}.json").write_text(golden_json(path), encoding="utf-8")
            print(f"wrote tests/golden/{path.name}.json", file=sys.stderr)


if __name__ == "__main__":
    main()

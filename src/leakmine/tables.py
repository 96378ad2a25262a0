"""Output tables: one typed record per table, written atomically as Parquet and CSV."""

from __future__ import annotations

import io
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from leakmine.pipeline import PaperResult


@dataclass(frozen=True)
class ErrorRow:
    """A file that could not be mined, and why."""

    source_path: str
    stage: str
    reason: str


def write_atomic(path: Path, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file and a rename; skip when unchanged."""
    if path.exists() and path.read_bytes() == data:
        return False
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def _frames(results: list[PaperResult], errors: list[ErrorRow]) -> dict[str, pd.DataFrame]:
    papers, sections, mentions, patients = [], [], [], []
    for r in results:
        d = r.document
        papers.append({"paper_id": d.paper_id, "source_path": d.source_path,
                       "source_format": d.source_format, **asdict(d.meta),
                       "study_type": r.paper_json["paper"].get("study_type")})
        for i, s in enumerate(d.sections):
            sections.append({"paper_id": d.paper_id, "section_index": i, **asdict(s), "mined": s.mined})
        for m in r.mentions:
            row = asdict(m)
            row["attrs"] = json.dumps(row["attrs"], sort_keys=True)
            mentions.append({"mention_id": m.mention_id, **row})
        for p in r.paper_json["patients"]:
            patients.append({"paper_id": d.paper_id, "patient_id": f"{d.paper_id}:{p['patient']}", **p})
    return {
        "papers": pd.DataFrame(papers), "sections": pd.DataFrame(sections),
        "mentions": pd.DataFrame(mentions), "patients": pd.DataFrame(patients),
        "errors": pd.DataFrame([asdict(e) for e in errors], columns=["source_path", "stage", "reason"]),
    }


def _csv_cell(v: Any) -> Any:
    if isinstance(v, list):
        return ";".join(json.dumps(x, sort_keys=True) if isinstance(x, dict) else str(x) for x in v)
    return v


def write_tables(results: list[PaperResult], errors: list[ErrorRow], out_dir: Path,
                 meta: dict[str, Any]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, df in _frames(results, errors).items():
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        write_atomic(out_dir / f"{name}.parquet", buf.getvalue())
        flat = df.apply(lambda col: col.map(_csv_cell)) if len(df) else df
        write_atomic(out_dir / f"{name}.csv", flat.to_csv(index=False).encode())
    write_atomic(out_dir / "_meta.json", json.dumps(meta, indent=1, sort_keys=True).encode())

"""How often leakmine's extracted values agree with a reviewer's checked ones, per field.

From the `reviews` table: a value the reviewer marked right, or added as missing, that the rules
extracted is a true positive; an extracted value marked wrong a false positive; a value marked right
or missing that the rules did not extract a false negative. Values nobody reviewed do not count, nor
do stale or invalid lines, nor wrong values the rules no longer extract.
"""

from __future__ import annotations

import pandas as pd

COLUMNS = ["field", "reviewed", "tp", "fp", "fn", "precision", "recall"]


def agreement(reviews: pd.DataFrame) -> pd.DataFrame:
    """One row per reviewed field, and an `all` row: counts, precision and recall (NA when undefined)."""
    r = reviews[~reviews.status.isin(["stale", "invalid"])]
    r = r[~((r.action == "wrong") & ~r.extracted)]
    counts = pd.DataFrame({
        "field": r.field.astype(str),
        "tp": (r.extracted & (r.action != "wrong")).astype(int),
        "fp": (r.extracted & (r.action == "wrong")).astype(int),
        "fn": (~r.extracted).astype(int)})
    per_field = counts.groupby("field", sort=True)[["tp", "fp", "fn"]].sum().reset_index()
    total = pd.DataFrame([{"field": "all", **counts[["tp", "fp", "fn"]].sum().to_dict()}])
    out = pd.concat([per_field, total], ignore_index=True) if len(per_field) else per_field
    out["reviewed"] = out.tp + out.fp + out.fn
    out["precision"] = (out.tp / (out.tp + out.fp)).where(out.tp + out.fp > 0)
    out["recall"] = (out.tp / (out.tp + out.fn)).where(out.tp + out.fn > 0)
    return out[COLUMNS].astype({"precision": "Float64", "recall": "Float64"})
